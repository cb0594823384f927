"""The README's rule table lists exactly the rules of the registry, with their fix availability."""

from __future__ import annotations

import regex

from zhproof.registry import builtin_rules


def test_readme_rule_table(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    rows = regex.findall(r"^\| `([a-z-]+)` \| (always|sometimes|never) \|", readme, flags=regex.M)
    assert dict(rows) == {name: rule.fixable for name, rule in builtin_rules().items()}
    assert len(rows) == len(set(n for n, _ in rows))
