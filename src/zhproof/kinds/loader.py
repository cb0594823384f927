"""Loading a rule file: the common keys (name, documentation, examples, severity, variants), then its kind's
own (``pattern.py``, ``existence.py``, ``substitution.py``)."""

from __future__ import annotations

import re
from pathlib import Path

from .. import cache
from ..model import Severity
from ..rule import FIX_KINDS, Example, RuleDoc
from . import existence, pattern, substitution
from .base import check_keys, fail, require
from .runtime import TomlRule

_COMMON_KEYS = {
    "name",
    "kind",
    "summary",
    "what",
    "why",
    "fix",
    "severity",
    "example",
    "fixable",
    "variants",
    "quote-style",
    "bracket-style",
}
_KINDS = {"pattern": pattern, "existence": existence, "substitution": substitution}
_EXAMPLE_KEYS = {"text", "fixed", "ok", "variant"}


def _parse_examples(path: Path, data: dict) -> tuple[Example, ...]:
    out = []
    for i, ex in enumerate(data.get("example", [])):
        where = f"example {i + 1}"
        if not isinstance(ex, dict):
            raise fail(path, f"{where} must be a table")
        check_keys(path, where, ex, _EXAMPLE_KEYS)
        variant = ex.get("variant", "zh-Hans")
        if "ok" in ex:
            if "text" in ex or "fixed" in ex:
                raise fail(path, f"{where}: an 'ok' example has no 'text' or 'fixed'")
            out.append(Example(require(path, ex, "ok", str, where), ok=True, variant=variant))
        else:
            text = require(path, ex, "text", str, where)
            fixed = ex.get("fixed")
            if fixed is not None and not isinstance(fixed, str):
                raise fail(path, f"key 'fixed' in {where} must be a string")
            out.append(Example(text, fixed, variant=variant))
    return tuple(out)


def load_rule_file(path: Path, trusted: bool = True) -> TomlRule:
    try:
        data = cache.load_toml(path)
    except (OSError, UnicodeDecodeError) as e:
        raise fail(path, f"cannot read: {e}") from None
    except ValueError as e:  # tomllib.TOMLDecodeError
        raise fail(path, f"invalid TOML: {e}") from None
    kind = require(path, data, "kind", str)
    if kind not in _KINDS:
        raise fail(path, f"unknown kind {kind!r} (expected one of: {', '.join(_KINDS)})")
    check_keys(path, "the rule", data, _COMMON_KEYS | _KINDS[kind].KEYS)
    name = require(path, data, "name", str)
    if not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", name):
        raise fail(path, f"rule name {name!r} is not kebab-case")
    doc = RuleDoc(
        summary=require(path, data, "summary", str),
        what=require(path, data, "what", str).strip(),
        why=require(path, data, "why", str).strip(),
        fix=require(path, data, "fix", str).strip(),
        examples=_parse_examples(path, data),
    )
    try:
        severity = Severity.parse(data.get("severity", "error"))
    except ValueError as e:
        raise fail(path, str(e)) from None
    rule = TomlRule(name, kind, doc, severity, str(path), "never")
    if "quote-style" in data:
        from ..quotes import STYLES

        if data["quote-style"] not in STYLES:
            raise fail(path, f"'quote-style' must be one of: {', '.join(STYLES)}")
        rule.options["quote-style"] = data["quote-style"]
        rule.option_choices["quote-style"] = STYLES
    if "bracket-style" in data:
        from .runtime import BRACKET_STYLES

        if data["bracket-style"] not in BRACKET_STYLES:
            raise fail(path, f"'bracket-style' must be one of: {', '.join(BRACKET_STYLES)}")
        rule.options["bracket-style"] = data["bracket-style"]
        rule.option_choices["bracket-style"] = BRACKET_STYLES
    if "variants" in data:
        from ..document import VARIANTS

        variants = data["variants"]
        if not isinstance(variants, list) or not variants or any(v not in VARIANTS for v in variants):
            raise fail(path, f"'variants' must be a list of: {', '.join(VARIANTS)}")
        rule.variants = tuple(variants)
    rule.checks.extend(_KINDS[kind].build(path, data, trusted))
    fixable = data.get("fixable")
    if fixable is None:
        with_fix = [c.safety is not None for c in rule.checks]
        fixable = "always" if all(with_fix) else "sometimes" if any(with_fix) else "never"
    if fixable not in FIX_KINDS:
        raise fail(path, f"'fixable' must be one of: {', '.join(FIX_KINDS)}")
    rule.fixable = fixable
    return rule
