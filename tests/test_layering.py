"""Rules never import each other: what two rules share lives in a module outside ``zhproof.checks``."""

from __future__ import annotations

import ast
from pathlib import Path

CHECKS = Path(__file__).resolve().parent.parent / "src" / "zhproof" / "checks"


def _imported(node: ast.AST) -> list[str]:
    """The absolute module names an import statement of a module in zhproof.checks names."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if isinstance(node, ast.ImportFrom):
        base = ["zhproof", "checks"][: max(0, 2 - (node.level - 1))] if node.level else []
        module = ".".join(base + ([node.module] if node.module else []))
        return [module] + [f"{module}.{a.name}" for a in node.names]
    return []


def test_no_rule_imports_another_rule():
    rules = {p.stem for p in CHECKS.glob("*.py") if p.stem != "__init__"}
    offenders = []
    for path in CHECKS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for name in _imported(node):
                parts = name.split(".")
                if parts[:2] == ["zhproof", "checks"] and len(parts) > 2 and parts[2] in rules:
                    offenders.append(f"{path.name}: {name}")
    assert rules and not offenders, offenders


def test_the_walk_sees_every_form_of_import():
    src = "from .broken_line import X\nfrom ..checks import broken_line\nfrom ..checks.broken_line import X\nimport zhproof.checks.broken_line\n"
    names = [n for node in ast.walk(ast.parse(src)) for n in _imported(node)]
    assert sum(n.startswith("zhproof.checks.broken_line") for n in names) >= 4
