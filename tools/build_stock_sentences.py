"""Build rules/lexicon/stock-sentences.bin: sentences that several different statutes write word for word.

repeated-clause reports a sentence written a second time far from its first copy, as a paste slip, unless the
repetition is formula. Statutes repeat stock provisions (听取意见可以采取座谈会、论证会、听证会等多种形式;
代表人的诉讼行为对其所代表的当事人发生效力，……) in different articles of one law, and such a sentence is, by the
same token, written in other statutes too. This table is that evidence: every sentence (text between 。！？；
or line breaks) of at least ``MIN_HAN`` Han characters in the statutes of the PRC and of Taiwan, kept when
``MIN_TITLES`` or more different statutes write it (versions of one law, ``民事诉讼法(2021-12-24)`` and
``民事诉讼法(2023-09-01)``, count once). A sentence is keyed by its Han characters alone, in simplified
characters without an article label (``stock_key`` of ``zhproof.checks.repeated_clause``, which the lookup uses
too), and stored as the first 8 bytes of its BLAKE2b digest: a sorted array of unsigned 64-bit integers,
memory-mapped by zhproof and searched by bisection (a chance collision among some 10^5 keys is below 10^-8).

Sources (statutes are not protected by copyright: PRC Copyright Law art. 5, ROC Copyright Act art. 9), as for
``tools/build_attested_repeats.py``, whose readers this script uses:
- ``LawRefBook/Laws``, every ``.md`` file (the title is the file name without its date);
- ``kong0107/mojLawSplitJSON``, ``FalVMingLing/*.json`` (the title is 法規名稱).
Documents that are in ``../shared/corpus`` (the corpus zhproof is measured on) are left out, with their other
versions: a document is dropped when a fifth or more of its sampled 16-character shingles occur there.

Usage:  python tools/build_stock_sentences.py LAWREFBOOK_GIT_DIR MOJLAW_GIT_DIR [SHARED_CORPUS]
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from build_attested_repeats import statutes  # noqa: E402

from zhproof.checks.repeated_clause import stock_key as key  # noqa: E402  (the lookup's own key)
from zhproof.patterns import HAN  # noqa: E402

MIN_HAN = 12  # repeated-clause's MIN_DISTANT_HAN: shorter copies are never reported apart
MIN_TITLES = 2
OUT = Path(__file__).resolve().parent.parent / "rules" / "lexicon" / "stock-sentences.bin"
_NOT_HAN = re.compile(f"[^{HAN}]+")
_SENTENCE = re.compile(r"[^。！？；!?;\r\n]+")


def sentences(text: str):
    for m in _SENTENCE.finditer(text):
        s = m.group()
        if len(_NOT_HAN.sub("", s)) >= MIN_HAN:
            yield s


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    titles: dict[int, set[str]] = defaultdict(set)
    counts: dict[str, int] = {}
    for _name, title, text in statutes(argv, counts):
        for s in sentences(text):
            titles[key(s)].add(title)
    kept = np.array(sorted(k for k, t in titles.items() if len(t) >= MIN_TITLES), dtype="<u8")
    kept.tofile(OUT)
    print(
        f"{counts.get('read', 0)} documents ({counts.get('chars', 0):,} characters) read, "
        f"{counts.get('dropped', 0)} left out as in the shared corpus; "
        f"{len(titles):,} sentences of {MIN_HAN}+ Han characters, {len(kept):,} in {MIN_TITLES}+ statutes "
        f"-> {OUT} ({OUT.stat().st_size:,} bytes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
