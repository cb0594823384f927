"""Rules never import each other: what two rules share lives in a module outside ``zhproof.checks``."""

from __future__ import annotations

import ast
from pathlib import Path

CHECKS = Path(__file__).resolve().parent.parent / "src" / "zhproof" / "checks"


def test_no_rule_imports_another_rule():
    rules = {p.stem for p in CHECKS.glob("*.py") if p.stem != "__init__"}
    offenders = []
    for path in CHECKS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                target = node.module or ""
                if node.level == 1 and (target in rules or (not target and any(a.name in rules for a in node.names))):
                    offenders.append(f"{path.name}: from .{target} import ...")
                if node.level == 0 and target.startswith("zhproof.checks."):
                    offenders.append(f"{path.name}: from {target} import ...")
    assert rules and not offenders, offenders
