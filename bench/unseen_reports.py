"""Findings on official prose of 2026: the held-out half of the provincial government work reports of 2026
(``johncodes404/china-provincial-gov-reports-2026``).

No rule had seen these reports before the session of 2026-12-03; that session read their findings while it
changed duplicate-word and broken-line (bench/README.md), so they are no longer unseen text: their figures show
how far those changes went, and a later change is to be measured on other text as well.

tools/build_attested_repeats.py reads 17 of the 31 reports as a source of attested repeats (``in_statistics_half``:
the SHA-1 of ``<file stem>.txt`` ends in an even byte); the 14 others are held out and linted here with the default
rule set. The reports are clean, edited text, so nearly every finding is a false alarm; the few real ones are
defects of the web extraction the collector ran (half-width commas, page furniture such as ``来源:``, a sentence
cut around a phrase set apart). The script prints the findings per rule and per 100,000 characters, and every
finding with its context for review.

Usage:  python bench/unseen_reports.py GOV_REPORTS_GIT_DIR     (a git directory as the `fetch` tool brings it)

The code measured is <repo>/src, or the folder named by the environment variable ZHPROOF_SRC.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, os.environ.get("ZHPROOF_SRC") or str(HERE.parent / "src"))
sys.path.insert(1, str(HERE.parent / "tools"))

import zhproof  # noqa: E402
from build_attested_repeats import git_blobs, report_text, in_statistics_half, is_report  # noqa: E402


def held_out(git_dir: str):
    """(stem, text) of every report of the held-out half."""
    for path, data in git_blobs(git_dir, ".csv", "output/2026_raw_text"):
        stem = path.rsplit("/", 1)[-1].removesuffix(".csv")
        if is_report(stem) and not in_statistics_half(stem):
            yield stem, report_text(data)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    per_rule: Counter[str] = Counter()
    chars = docs = 0
    lines = []
    for stem, text in sorted(held_out(argv[0])):
        docs += 1
        chars += len(text)
        for d in zhproof.lint_text(text):
            per_rule[d.rule] += 1
            context = (
                text[max(0, d.start - 12) : d.start] + "⟦" + text[d.start : d.end] + "⟧" + text[d.end : d.end + 12]
            )
            safety = d.fix.safety.name.lower() if d.fix else "-"
            lines.append(f"{stem}\t{d.rule}\t{safety}\t{context.replace(chr(10), '⏎')}")
    total = sum(per_rule.values())
    print(
        f"{docs} held-out reports, {chars:,} characters: {total} findings = {total * 1e5 / max(chars, 1):.2f} per 100k"
    )
    for rule, n in per_rule.most_common():
        print(f"  {rule:26} {n:4}  {n * 1e5 / max(chars, 1):.2f} per 100k")
    print()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
