"""Write docs/rules/NAME.md for every rule, from the same source as `zhproof rule NAME`.

Run:  python tools/gen_rule_docs.py        (tests/test_rule_docs.py fails when the files are out of date)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from zhproof.cli import rule_doc_markdown  # noqa: E402
from zhproof.registry import builtin_rules  # noqa: E402

OUT = ROOT / "docs" / "rules"


def expected() -> dict[str, str]:
    pages = {f"{name}.md": rule_doc_markdown(rule) for name, rule in builtin_rules().items()}
    index = ["# zhproof rules", "", "| rule | fix | finds |", "|---|---|---|"]
    for name, rule in builtin_rules().items():
        index.append(f"| [{name}]({name}.md) | {rule.fixable} | {rule.doc.summary} |")
    pages["README.md"] = "\n".join(index) + "\n"
    return pages


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    pages = expected()
    for old in OUT.glob("*.md"):
        if old.name not in pages:
            old.unlink()
    for name, text in pages.items():
        (OUT / name).write_text(text, encoding="utf-8")
    print(f"{len(pages)} pages written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
