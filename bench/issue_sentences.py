"""The twelve sentences of GitHub issue 10: does duplicate-word report each, and what does the fix make of it?

Each sentence holds one doubled character or word; the expected fix removes the extra copy. Prints, per
sentence, whether duplicate-word reports it (and where), the text after ``Linter().fix(text)`` (safe fixes)
and after ``fix(text, unsafe=True)``, and whether that equals the expected text.

Usage:  python bench/issue_sentences.py       (bench/recall.py prints the same table after its own)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, os.environ.get("ZHPROOF_SRC") or str(HERE.parent / "src"))

# (damaged sentence, expected text after the fix), from samples/issue10-sentences.tsv
SENTENCES = [
    tuple(line.split("\t"))
    for line in (HERE.parent / "samples" / "issue10-sentences.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


def report(linter=None) -> list[str]:
    import zhproof

    linter = linter or zhproof.Linter()
    lines = ["the twelve sentences of issue 10 (duplicate-word; fix = safe fixes, unsafe = with unsafe fixes):"]
    reported = fixed_ok = unsafe_ok = 0
    for text, expected in SENTENCES:
        found = [d for d in linter.lint(text) if d.rule == "duplicate-word"]
        safe = linter.fix(text).text
        unsafe = linter.fix(text, unsafe=True).text
        reported += bool(found)
        fixed_ok += safe == expected
        unsafe_ok += unsafe == expected
        where = ", ".join(f"“{text[d.start : d.end]}”" for d in found) or "-"
        lines.append(f"  {'reported' if found else 'MISSED  '}  {text}  finding: {where}")
        lines.append(f"            fix:    {safe}  {'ok' if safe == expected else 'NOT the expected ' + expected}")
        if unsafe != safe:
            lines.append(
                f"            unsafe: {unsafe}  {'ok' if unsafe == expected else 'NOT the expected ' + expected}"
            )
    lines.append(
        f"  reported {reported}/{len(SENTENCES)}; fixed as expected {fixed_ok}/{len(SENTENCES)} "
        f"(with unsafe fixes {unsafe_ok}/{len(SENTENCES)})"
    )
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
