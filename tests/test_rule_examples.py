"""Every example of every rule: flagged text is flagged and fixes to its `fixed` form; `ok` text is silent."""

from __future__ import annotations

import pytest

import zhproof
from zhproof.model import Safety
from zhproof.registry import builtin_rules

RULES = builtin_rules()
CASES = [(name, i, ex) for name, rule in RULES.items() for i, ex in enumerate(rule.doc.examples)]


@pytest.mark.parametrize("name,i,ex", CASES, ids=[f"{n}-{i}" for n, i, _ in CASES])
def test_example(name, i, ex):
    found = [d for d in zhproof.lint_text(ex.text, select=[name], variant=ex.variant)]
    if ex.ok:
        assert found == [], f"{name} flags its own ok example {ex.text!r}: {found}"
        return
    assert found, f"{name} does not flag its own example {ex.text!r}"
    assert all(d.rule == name for d in found)
    fixed = zhproof.fix_text(ex.text, unsafe=True, select=[name], variant=ex.variant)
    if ex.fixed is None:
        assert all(d.fix is None or d.fix.safety == Safety.DISPLAY for d in found)
        assert fixed == ex.text
    else:
        assert fixed == ex.fixed
        # the fixed text is clean for this rule, and fixing again changes nothing
        assert zhproof.lint_text(fixed, select=[name], variant=ex.variant) == []
        assert zhproof.fix_text(fixed, unsafe=True, select=[name], variant=ex.variant) == fixed


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_is_documented(name):
    rule = RULES[name]
    doc = rule.doc
    assert doc.summary and doc.what and doc.why and doc.fix
    assert doc.bad, f"{name} has no example of text it flags"
    assert doc.ok, f"{name} has no example of legitimate text"
    assert rule.fixable in ("always", "sometimes", "never")
    if rule.fixable != "never":
        assert any(ex.fixed is not None for ex in doc.bad), f"{name} is fixable but no example shows a fix"
