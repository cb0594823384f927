"""Build rules/lexicon/char-ngrams.marisa: which runs of Han characters edited text writes, and how often.

duplicate-word asks of a doubled character whether the text reads better with one copy. The word trigram model
answers well for words it knows; where its gain is small (a character it finds likely twice, a boundary it
cannot see) it stays silent, and most of the doubled characters it misses are there. Character statistics of a
large body of edited text answer the same question directly: 相关部门 is written thousands of times, and 关部部
never; but 部部门 and 部部长 are written too (a 部 ends a name, a word starts with 部), which is why both sides of
a repeat are asked. The table holds two kinds of key (``zhproof.charstats`` reads them):

- every run of 4 Han characters written at least ``COMMON`` times (the text with a repeat undone is asked
  whether it is common);
- every run of 3 Han characters that holds a character doubled (``XXc``, ``cXX``) written at least once (the text
  as written is asked whether it is ever written).

Sources: the statutes and the reports of ``tools/build_attested_repeats.py`` (same repositories, same rules: text
converted to simplified characters, documents found in ``../shared/corpus`` left out by its shingle test, only the
statistics half of the 2026 reports read), about 49 million characters. Runs are counted within runs of Han
characters of the two main blocks (U+3400-4DBF, U+4E00-9FFF; punctuation, digits, Latin letters and rarer Han break
them). A run with a rarer character is never in the table; that cannot make a repeat's side look "never written"
by accident, since both runs undone that are asked hold the two neighbours that the sides hold. (Adding 8 million characters of technical
documentation under open licences, JavaGuide, React's and advanced-java's, found one more injected double of 3,540
on the tuning half: not worth their licences in the wheel.)

Usage:  python tools/build_char_ngrams.py LAWREFBOOK_GIT_DIR MOJLAW_GIT_DIR [SHARED_CORPUS]
            --reports GOV_REPORTS_GIT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import marisa_trie
import numpy as np
import opencc

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_attested_repeats as sources  # noqa: E402

COMMON = 10
OUT = Path(__file__).resolve().parent.parent / "rules" / "lexicon" / "char-ngrams.marisa"
BITS = 16  # bits of a character's index in a key: 4 of them fill 64


def counted(codes: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct runs of n characters (as keys of BITS per character) with their counts; 0 marks no Han."""
    m = len(codes) - n + 1
    keys = np.zeros(m, dtype=np.uint64)
    ok = np.ones(m, dtype=bool)
    for j in range(n):
        part = codes[j : m + j]
        keys = (keys << np.uint64(BITS)) | part
        ok &= part != 0
    return np.unique(keys[ok], return_counts=True)


def decoded(key: int, n: int, alphabet: np.ndarray) -> str:
    out = []
    for _ in range(n):
        out.append(chr(int(alphabet[key & ((1 << BITS) - 1)])))
        key >>= BITS
    return "".join(reversed(out))


def main(argv: list[str]) -> int:
    if "--reports" not in argv or len(argv) < 4:
        print(__doc__)
        return 2
    i = argv.index("--reports")
    reports_dir = argv[i + 1]
    argv = argv[:i] + argv[i + 2 :]
    counts: dict[str, int] = {}
    shingles = sources.corpus_shingles(argv)
    texts = [text for _name, _title, text in sources.statutes(argv, counts, shingles)]
    for _name, text in sources.reports(reports_dir, opencc.OpenCC("t2s").convert, counts):
        if not sources.in_shared(text, shingles):
            texts.append(text)
    points = np.frombuffer("\n".join(texts).encode("utf-32-le"), dtype=np.uint32)
    han = ((points >= 0x4E00) & (points <= 0x9FFF)) | ((points >= 0x3400) & (points <= 0x4DBF))
    alphabet, index = np.unique(np.where(han, points, 0), return_inverse=True)  # alphabet[0] == 0: no Han
    assert len(alphabet) < 1 << BITS
    codes = index.astype(np.uint64)
    keys: list[str] = []
    u4, c4 = counted(codes, 4)
    keys += [decoded(int(k), 4, alphabet) for k in u4[c4 >= COMMON]]
    u3, _c3 = counted(codes, 3)
    mask = (1 << BITS) - 1
    for k in u3:
        k = int(k)
        a, b, c = k >> 2 * BITS, (k >> BITS) & mask, k & mask
        if a == b or b == c:
            keys.append(decoded(k, 3, alphabet))
    marisa_trie.Trie(keys).save(str(OUT))
    print(
        f"{counts.get('read', 0)} statutes ({counts.get('chars', 0):,} characters) read, {counts.get('dropped', 0)} "
        f"left out as in the shared corpus; {counts.get('reports', 0)} reports ({counts.get('report_chars', 0):,} "
        f"characters), {counts.get('held_out', 0)} held out; {int((c4 >= COMMON).sum()):,} runs of 4 written "
        f"{COMMON}+ times, {len(keys) - int((c4 >= COMMON).sum()):,} runs of 3 with a doubled character "
        f"-> {OUT} ({OUT.stat().st_size:,} bytes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
