"""Loading a rule file: the common keys (name, documentation, examples, severity, variants), then its kind's
own (``pattern.py``, ``existence.py``, ``substitution.py``)."""

from __future__ import annotations

import copy
import re
from pathlib import Path

from .. import cache
from ..document import VARIANTS
from ..model import Severity
from ..rule import FIX_KINDS, Example, RuleDoc
from . import existence, pattern, substitution
from .base import RuleFileError, check_keys, fail, require
from .runtime import PatternCheck, TomlRule

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
        if variant not in VARIANTS:
            raise fail(path, f"{where}: 'variant' must be one of: {', '.join(VARIANTS)}")
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
    if not trusted:  # zhproof's own rules: tests/test_rule_examples.py fixes their examples
        _check_fixes_converge(path, rule, data)
    return rule


def _check_fixes_converge(path: Path, rule: TomlRule, data: dict) -> None:
    """A rule whose replacement holds again what its pattern matches (十三五 -> “十三五”) would fix the same
    place on every pass, and ``--fix`` would fail after MAX_PASSES. Fixing the rule's own examples (and, for a
    substitution, each word of its table) with the rule alone tells that cheaply and surely: a rule file whose
    fix does not converge there is an error."""
    from ..document import Document
    from ..fixer import FixNotConvergedError, fix_until_stable, joins_line_breaks

    checks = [(i, c) for i, c in enumerate(rule.checks) if c.safety is not None]
    if not checks:
        return
    samples = [(f"example {i + 1}", ex.text, ex.variant) for i, ex in enumerate(rule.doc.examples)]
    if rule.kind == "substitution":
        variant = rule.variants[0] if rule.variants else "zh-Hans"
        samples += [(f"its word {old!r}", old, variant) for old in data["swap"]]

    def passes(checks: list[PatternCheck], text: str, variant: str) -> list[str] | None:
        """The texts of the passes of fixing ``text`` with ``checks`` alone, if they do not converge."""
        alone = copy.copy(rule)
        alone.checks = checks
        seen: list[str] = []

        def lint(t: str):
            seen.append(t)
            doc = Document(t, variant=variant)
            return [d for d in alone.check(doc) if not joins_line_breaks(t, d.fix)]  # as the engine does

        try:
            fix_until_stable(text, lint, unsafe=True)
        except FixNotConvergedError:
            return seen
        return None

    def report(where: str, what: str, texts: list[str]) -> RuleFileError:
        steps = " -> ".join(repr(t) for t in texts[:3]) + (" -> ..." if len(texts) > 3 else "")
        return fail(
            path,
            f"{where}: the fix does not converge on {what} ({steps}): what it writes is matched again, so that "
            "--fix would change it on every pass",
        )

    for i, c in checks:
        where = f"check {i + 1}" if rule.kind == "pattern" else "'swap'"
        for what, text, variant in samples:
            texts = passes([c], text, variant)
            if texts:
                raise report(where, what, texts)
    if len(checks) > 1:  # checks that undo each other's fixes
        for what, text, variant in samples:
            texts = passes([c for _, c in checks], text, variant)
            if texts:
                raise report("the checks together", what, texts)
