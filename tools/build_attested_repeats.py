"""Build rules/lexicon/attested-repeats.marisa: repeats that edited statutes and reports write, with their context.

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
- with ``--reports``, ``johncodes404/china-provincial-gov-reports-2026`` (the 2026 work reports of China's
  provincial governments, ``output/2026_raw_text/*.csv``, the longest field of each row): official documents
  of administrative nature (PRC Copyright Law art. 5), and the vocabulary of the 2020s that the statutes and the
  language model lack (“十五五”, 食品药品安全全链条监管). Only the reports whose ``<file stem>.txt`` has a SHA-1
  with an even last byte are read (17 of 31); the other 14 are held out, to measure false alarms on
  (bench/README.md).
Documents that are in ``../shared/corpus`` (the corpus zhproof is measured on) are left out: a document is
dropped when a fifth or more of its sampled 16-character shingles occur in the shared corpus.

Usage:  python tools/build_attested_repeats.py LAWREFBOOK_GIT_DIR MOJLAW_GIT_DIR [SHARED_CORPUS]
            [--reports GOV_REPORTS_GIT_DIR]
        (git directories as brought by the `fetch` tool: files are read with ``git show``)
"""

from __future__ import annotations

import csv
import hashlib
import io
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


def corpus_shingles(argv: list[str]) -> set[int]:
    """The shingles of the measured corpus (the command line's third argument, or ../shared/corpus)."""
    corpus = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    return shared_shingles(corpus, opencc.OpenCC("t2s").convert)


def statutes(argv: list[str], counts: dict[str, int], shingles: set[int] | None = None):
    """The statutes of the command line's two repositories that are not in the measured corpus (its third
    argument, or ../shared/corpus; ``shingles``: its ``corpus_shingles``, if already read), as ``documents`` gives
    them; ``counts`` gets how many were read and left out, and their characters."""
    lawref, mojlaw = argv[0], argv[1]
    convert = opencc.OpenCC("t2s").convert
    if shingles is None:
        shingles = corpus_shingles(argv)
    for name, title, text in documents(lawref, mojlaw, convert):
        if in_shared(text, shingles):
            counts["dropped"] = counts.get("dropped", 0) + 1
            continue
        counts["read"] = counts.get("read", 0) + 1
        counts["chars"] = counts.get("chars", 0) + len(text)
        yield name, title, text


def in_statistics_half(stem: str) -> bool:
    """Is the report of this file stem read (the other half is held out to measure on)?"""
    return hashlib.sha1(f"{stem}.txt".encode("utf-8")).digest()[-1] % 2 == 0


def is_report(stem: str) -> bool:
    """Is this file of the collection a report (not one of the collector's logs, failures_2026.csv)?"""
    return stem.endswith("政府工作报告")


def report_text(data: str) -> str:
    """The text of a report from its CSV file: the longest field of each row after the header (full_text)."""
    csv.field_size_limit(1 << 30)
    rows = [r for r in csv.reader(io.StringIO(data.lstrip("\ufeff"))) if r][1:]
    return "\n".join(max(r, key=len) for r in rows)


def reports(git_dir: str, convert, counts: dict[str, int]):
    """(name, simplified text) of the provincial reports of the statistics half (``in_statistics_half``)."""
    for path, data in git_blobs(git_dir, ".csv", "output/2026_raw_text"):
        stem = path.rsplit("/", 1)[-1].removesuffix(".csv")
        if not is_report(stem):
            continue
        if not in_statistics_half(stem):
            counts["held_out"] = counts.get("held_out", 0) + 1
            continue
        text = convert(report_text(data))
        counts["reports"] = counts.get("reports", 0) + 1
        counts["report_chars"] = counts.get("report_chars", 0) + len(text)
        yield f"gov-reports-2026/{stem}", text


def main(argv: list[str]) -> int:
    reports_dir = None
    if "--reports" in argv:
        i = argv.index("--reports")
        reports_dir = argv[i + 1]
        argv = argv[:i] + argv[i + 2 :]
    if len(argv) < 2:
        print(__doc__)
        return 2
    docs: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = {}
    shingles = corpus_shingles(argv)
    for name, _title, text in statutes(argv, counts, shingles):
        for k in set(repeats(text)):
            docs[k].add(name)
    if reports_dir:
        for name, text in reports(reports_dir, opencc.OpenCC("t2s").convert, counts):
            if in_shared(text, shingles):  # (none is: the reports are of 2026, the corpus of 2021)
                counts["reports_dropped"] = counts.get("reports_dropped", 0) + 1
                continue
            for k in set(repeats(text)):
                docs[k].add(name)
        print(
            f"{counts.get('reports', 0)} reports ({counts.get('report_chars', 0):,} characters) read, "
            f"{counts.get('held_out', 0)} held out, {counts.get('reports_dropped', 0)} left out as in the shared corpus"
        )
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
