"""Build rules/lexicon/attested-repeats.marisa: repeats that edited statutes write, with their context.

duplicate-word asks of every repeat whether it is a slip. The word trigram model answers for common words; it
knows few of the set phrases of statutes, so a statute's own wording (约定定金, 规定定期, 宪法法庭, 依本法規定定之)
reads to it like a slip. This table is direct evidence: every repeated unit of 1-4 Han characters
found in the statutes of the PRC and of Taiwan, with the Han character before and after it, kept when it
occurs in at least ``MIN_DOCS`` different documents (a slip is rarely made twice in the same words). Text
is converted to simplified characters first, as duplicate-word converts zh-Hant text.

Sources (statutes are not protected by copyright: PRC Copyright Law art. 5, ROC Copyright Act art. 9):
- ``LawRefBook/Laws`` (PRC laws, administrative regulations, judicial interpretations, local regulations),
  every ``.md`` file;
- ``kong0107/mojLawSplitJSON`` (Taiwan's national law database), ``FalVMingLing/*.json``: 法規內容/條文內容.
Documents that are in ``../shared/corpus`` (the corpus zhproof is measured on) are left out: a document is
dropped when a fifth or more of its sampled 16-character shingles occur in the shared corpus.

Usage:  python tools/build_attested_repeats.py LAWREFBOOK_GIT_DIR MOJLAW_GIT_DIR [SHARED_CORPUS]
        (git directories as brought by the `fetch` tool: files are read with ``git show``)
"""

from __future__ import annotations

import json
import re
import subprocess
import threading
import sys
from collections import defaultdict
from pathlib import Path

import marisa_trie
import opencc

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{HAN}]+")
_REPEAT = re.compile(f"(?=([{HAN}]{{1,4}})\\1)")
SHINGLE = 16
MIN_DOCS = 2
OUT = Path(__file__).resolve().parent.parent / "rules" / "lexicon" / "attested-repeats.marisa"


def key(text: str, start: int, k: int) -> str:
    """The repeat of ``k`` characters at ``start`` with one character either side (``_`` where the run of Han
    characters ends): the form duplicate-word looks up."""
    before = text[start - 1] if start > 0 and _HAN_RUN.match(text, start - 1) else "_"
    end = start + 2 * k
    after = text[end] if end < len(text) and _HAN_RUN.match(text, end) else "_"
    return before + text[start:end] + after


def repeats(text: str):
    for m in _REPEAT.finditer(text):
        yield key(text, m.start(), len(m.group(1)))


def git_blobs(git_dir: str, suffix: str, under: str = ""):
    """(path, text) of every file of HEAD whose name ends with ``suffix``, read in one ``git cat-file --batch``."""
    listing = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", "-r", "-z", "HEAD", *([under] if under else [])],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    entries = []
    for row in listing.split("\0"):
        if not row:
            continue
        meta, path = row.split("\t", 1)
        if path.endswith(suffix) and meta.split()[1] == "blob":
            entries.append((path, meta.split()[2]))
    proc = subprocess.Popen(
        ["git", "--git-dir", git_dir, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )

    def feed():  # in a thread: git's output would fill the pipe while we were still writing the requests
        proc.stdin.write("".join(f"{sha}\n" for _, sha in entries).encode())
        proc.stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    for path, _ in entries:
        header = proc.stdout.readline().split()
        size = int(header[2])
        data = proc.stdout.read(size)
        proc.stdout.read(1)
        yield path, data.decode("utf-8", "replace")
    proc.wait()


def han_only(text: str) -> str:
    return "".join(_HAN_RUN.findall(text))


def shared_shingles(corpus: Path, convert) -> set[int]:
    out: set[int] = set()
    for p in corpus.rglob("*.txt"):
        h = han_only(convert(p.read_text(encoding="utf-8")))
        out.update(hash(h[i : i + SHINGLE]) for i in range(0, max(0, len(h) - SHINGLE + 1)))
    return out


def in_shared(text: str, shingles: set[int]) -> bool:
    h = han_only(text)
    sample = [hash(h[i : i + SHINGLE]) for i in range(0, max(0, len(h) - SHINGLE + 1), 7)]
    return bool(sample) and sum(s in shingles for s in sample) >= len(sample) / 5


_VERSION = re.compile(r"[（(]\d{4}-\d{2}-\d{2}[）)]$")


def documents(lawref: str, mojlaw: str, convert):
    """(name, title, simplified text) of every statute. The title is the law's own name (the file name without a
    version's date, 民事诉讼法(2021-12-24) -> 民事诉讼法, or 法規名稱): versions of one law share it."""
    for path, text in git_blobs(lawref, ".md"):
        if path.count("/") == 0:  # README and the like
            continue
        title = _VERSION.sub("", path.rsplit("/", 1)[-1].removesuffix(".md"))
        yield f"LawRefBook/{path}", title, convert(text)
    for path, text in git_blobs(mojlaw, ".json", "FalVMingLing"):
        try:
            law = json.loads(text)
        except json.JSONDecodeError:
            continue
        body = "\n".join(a.get("條文內容", "") for a in law.get("法規內容", []) if isinstance(a, dict))
        yield f"mojLawSplitJSON/{path}", convert(law.get("法規名稱", path)), convert(body)


def statutes(argv: list[str], counts: dict[str, int]):
    """The statutes of the command line's two repositories that are not in the measured corpus (its third
    argument, or ../shared/corpus), as ``documents`` gives them; ``counts`` gets how many were read and left out,
    and their characters."""
    lawref, mojlaw = argv[0], argv[1]
    corpus = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    convert = opencc.OpenCC("t2s").convert
    shingles = shared_shingles(corpus, convert)
    for name, title, text in documents(lawref, mojlaw, convert):
        if in_shared(text, shingles):
            counts["dropped"] = counts.get("dropped", 0) + 1
            continue
        counts["read"] = counts.get("read", 0) + 1
        counts["chars"] = counts.get("chars", 0) + len(text)
        yield name, title, text


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    docs: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = {}
    for name, _title, text in statutes(argv, counts):
        for k in set(repeats(text)):
            docs[k].add(name)
    kept = sorted(k for k, d in docs.items() if len(d) >= MIN_DOCS)
    marisa_trie.Trie(kept).save(str(OUT))
    print(
        f"{counts.get('read', 0)} documents ({counts.get('chars', 0):,} characters) read, "
        f"{counts.get('dropped', 0)} left out as in the shared corpus; "
        f"{len(docs):,} repeats in context, {len(kept):,} in {MIN_DOCS}+ documents -> {OUT} ({OUT.stat().st_size:,} bytes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
