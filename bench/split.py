"""The corpus split into a tuning half and a test half, by document.

Every document of ../shared/corpus belongs to one half, decided by the SHA-1 of its path relative to the corpus
root (the folder that holds zh-Hans and zh-Hant, e.g. ``zh-Hans/news/news21_000.txt``, always with ``/``): an
even last byte puts it in the tuning half, an odd one in the test half. The assignment depends on the path only,
so it never changes when documents are added, and it is the same on every machine.

Rules are tuned on the ``tune`` half (its misses and false alarms may be read); the figures reported in
bench/README.md come from the ``test`` half, whose individual cases are not looked at while tuning.

    python bench/split.py [CORPUS_ROOT]     prints the documents and characters of each half, by folder
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

HALVES = ("tune", "test", "all")
CORPUS_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def half_of(relpath: str) -> str:
    """``"tune"`` or ``"test"`` for a document, given its path relative to the corpus root."""
    rel = relpath.replace("\\", "/").lstrip("/")
    if rel.startswith("corpus/"):  # a path relative to ../shared, as bench/known_errors.tsv writes them
        rel = rel[len("corpus/") :]
    return "tune" if hashlib.sha1(rel.encode("utf-8")).digest()[-1] % 2 == 0 else "test"


def relpath(path: Path, root: Path = CORPUS_ROOT) -> str:
    """``path`` relative to the corpus root (``zh-Hans/law/law_001.txt``); the path itself if outside it."""
    path = Path(path).resolve()
    root = Path(root).resolve()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def in_half(path: Path, half: str, root: Path = CORPUS_ROOT) -> bool:
    """Is the document ``path`` in ``half`` (``tune``, ``test`` or ``all``)?"""
    if half not in HALVES:
        raise ValueError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    return half == "all" or half_of(relpath(path, root)) == half


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS_ROOT
    from collections import Counter

    docs, chars = Counter(), Counter()
    for f in sorted(root.rglob("*.txt")):
        rel = relpath(f, root)
        key = (str(Path(rel).parent), half_of(rel))
        docs[key] += 1
        chars[key] += len(f.read_text(encoding="utf-8"))
    print(f"{'folder':20} {'tune docs':>9} {'tune chars':>11} {'test docs':>9} {'test chars':>11}")
    for folder in sorted({k[0] for k in docs}):
        print(
            f"{folder:20} {docs[folder, 'tune']:9} {chars[folder, 'tune']:11,} "
            f"{docs[folder, 'test']:9} {chars[folder, 'test']:11,}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
