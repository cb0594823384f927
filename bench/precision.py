"""False alarms on clean prose: run zhproof over ../shared/corpus and count findings per rule.

Every finding on the corpus is a false alarm unless it is listed as a real error of the source in
bench/known_errors.tsv (path, line, rule). Prints false alarms per 100,000 characters, per rule and per genre,
and writes every finding to bench/out/precision-findings[-CORPUS]-HALF.tsv for review (-CORPUS for a
corpus folder other than zh-Hans, e.g. -zh-Hant).

``--half tune|test|all`` (default ``test``) checks only the documents of that half of the corpus
(bench/split.py: the SHA-1 of the path relative to ../shared/corpus decides); the reported figures are those of
the test half, and rules are tuned on the tune half only.

Usage:  python bench/precision.py [CORPUS_DIR] [--variant zh-Hans|zh-Hant] [--half tune|test|all] [--select R,...]

    python bench/precision.py --half test                                        # zh-Hans
    python bench/precision.py ../shared/corpus/zh-Hant --variant zh-Hant --half test

The code measured is <repo>/src, or the folder named by the environment variable ZHPROOF_SRC (to measure
another checkout, e.g. an export of a commit, with these scripts).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, os.environ.get("ZHPROOF_SRC") or str(HERE.parent / "src"))
sys.path.insert(1, str(HERE))

import zhproof  # noqa: E402
from split import HALVES, half_of, relpath  # noqa: E402


def known_errors() -> set[tuple[str, int, str]]:
    path = HERE / "known_errors.tsv"
    out = set()
    if path.exists():
        for row in csv.reader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                out.add((row[0], int(row[1]), row[2]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(HERE.parent.parent / "shared" / "corpus" / "zh-Hans"))
    ap.add_argument(
        "--variant", default="zh-Hans", help="the script of the corpus (zh-Hant for ../shared/corpus/zh-Hant)"
    )
    ap.add_argument("--select", default=None, help="only these rules (comma-separated)")
    ap.add_argument(
        "--half",
        choices=HALVES,
        default="test",
        help="which half of the corpus (bench/split.py; default test, the reported one)",
    )
    args = ap.parse_args()
    root = Path(args.corpus)
    files = [f for f in sorted(root.rglob("*.txt")) if args.half == "all" or half_of(relpath(f)) == args.half]
    linter = zhproof.Linter(select=args.select, variant=args.variant)
    known = known_errors()
    per_rule: Counter[str] = Counter()
    real: Counter[str] = Counter()
    per_genre: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    name = f"precision-findings{'' if root.name == 'zh-Hans' else '-' + root.name}-{args.half}.tsv"
    with (out_dir / name).open("w", encoding="utf-8") as out:
        for f in files:
            text = f.read_text(encoding="utf-8")
            rel = f.relative_to(root.parent.parent).as_posix() if root.parent.parent in f.parents else str(f)
            genre = f.parent.name
            chars[genre] += len(text)
            doc = linter.document(text)
            for d in linter.lint(text):
                line, col = doc.line_col(d.start)
                key = (rel, line, d.rule)
                if key in known:
                    real[d.rule] += 1
                    status = "real"
                else:
                    per_rule[d.rule] += 1
                    per_genre[genre] += 1
                    status = "false"
                lo, hi = max(0, d.start - 12), min(len(text), d.end + 12)
                ctx = text[lo:hi].replace("\n", "⏎").replace("\t", " ")
                out.write(f"{rel}\t{line}\t{col}\t{d.rule}\t{status}\t{d.message}\t{ctx}\n")
    elapsed = time.perf_counter() - t0
    total = sum(chars.values())
    print(f"corpus {root}, half {args.half}: {total:,} characters in {len(files)} files, {elapsed:.1f}s")
    print(f"false alarms: {sum(per_rule.values())} = {sum(per_rule.values()) * 1e5 / total:.2f} per 100k characters")
    print(f"real errors of the source found: {sum(real.values())} (bench/known_errors.tsv)")
    for genre in sorted(chars):
        print(
            f"  {genre:6} {per_genre[genre]:5} false alarms, {per_genre[genre] * 1e5 / chars[genre]:.2f} per 100k ({chars[genre]:,} chars)"
        )
    print("false alarms by rule:")
    for rule, n in per_rule.most_common():
        print(f"  {rule:24} {n:5}  {n * 1e5 / total:.2f} per 100k")
    print(f"details: bench/out/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
