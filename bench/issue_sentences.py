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

# (damaged sentence, expected text after the fix)
SENTENCES = [
    ("我们要大力推推进改革开放。", "我们要大力推进改革开放。"),
    ("这是一个重重要的问题。", "这是一个重要的问题。"),
    ("各地加快建建设步伐。", "各地加快建设步伐。"),
    ("进一步完完善制度体系。", "进一步完善制度体系。"),
    ("他们的辛勤付出终于得到了回回报。", "他们的辛勤付出终于得到了回报。"),
    ("她在比赛中打破了全国全国纪录。", "她在比赛中打破了全国纪录。"),
    ("要不断增强人民群众的获得感感。", "要不断增强人民群众的获得感。"),
    ("这项技术已经广泛应应用于农业生产。", "这项技术已经广泛应用于农业生产。"),
    ("今年的粮食产量再创创新高。", "今年的粮食产量再创新高。"),
    ("他毕业于北京大学学，后来出国深造。", "他毕业于北京大学，后来出国深造。"),
    ("要坚持以人民为中心的发展思想想。", "要坚持以人民为中心的发展思想。"),
    ("公司召开了工作工作会议。", "公司召开了工作会议。"),
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
        where = ", ".join(f"“{text[d.start:d.end]}”" for d in found) or "-"
        lines.append(f"  {'reported' if found else 'MISSED  '}  {text}  finding: {where}")
        lines.append(f"            fix:    {safe}  {'ok' if safe == expected else 'NOT the expected ' + expected}")
        if unsafe != safe:
            lines.append(f"            unsafe: {unsafe}  {'ok' if unsafe == expected else 'NOT the expected ' + expected}")
    lines.append(f"  reported {reported}/{len(SENTENCES)}; fixed as expected {fixed_ok}/{len(SENTENCES)} "
                 f"(with unsafe fixes {unsafe_ok}/{len(SENTENCES)})")
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
