"""Check kinds written once in Python and instantiated by rule files (TOML) in ``rules/``.

A rule file names its ``kind`` and fills in that kind's parameters; unknown keys are an error at load time.

Kinds:
- ``pattern``: regular expressions (the `regex` module) with a message and an optional fix
  (``replace`` template, ``translate`` character map, or ``delete``).
- ``existence``: words that should not appear (no fix).
- ``substitution``: words with a preferred replacement (``swap`` table).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

from .. import cache
from ..document import Document
from ..quotes import document_style, restyle
from ..model import Diagnostic, Edit, Fix, Safety, Severity, Value
from ..patterns import LazyRegex, compile_fast
from ..rule import FIX_KINDS, Example, RuleDoc

#: Time limit (seconds) for one regex search of a rule pattern over one document; a pattern that takes
#: longer is reported as a broken rule instead of hanging the run.
PATTERN_TIMEOUT = 30.0


class RuleFileError(Exception):
    """A rule file that cannot be loaded; the message names the file and the key."""


_COMMON_KEYS = {"name", "kind", "summary", "what", "why", "fix", "severity", "example", "fixable", "variants",
                "quote-style"}
_KIND_KEYS = {
    "pattern": {"check"},
    "existence": {"tokens", "message", "ignorecase"},
    "substitution": {"swap", "message", "safety", "ignorecase"},
}
_CHECK_KEYS = {"regex", "message", "replace", "translate", "delete", "safety", "span", "title", "severity", "requires", "when"}
_EXAMPLE_KEYS = {"text", "fixed", "ok", "variant"}


def _fail(path: Path, msg: str) -> RuleFileError:
    return RuleFileError(f"{path}: {msg}")


def _check_keys(path: Path, where: str, got: Iterable[str], allowed: set[str]) -> None:
    unknown = sorted(set(got) - allowed)
    if unknown:
        raise _fail(path, f"unknown key {unknown[0]!r} in {where} (allowed: {', '.join(sorted(allowed))})")


def _require(path: Path, table: dict, key: str, typ: type, where: str = "the rule"):
    if key not in table:
        raise _fail(path, f"missing key {key!r} in {where}")
    value = table[key]
    if not isinstance(value, typ):
        from ..config import type_phrase

        raise _fail(path, f"key {key!r} in {where} must be {type_phrase(typ)}")
    return value


class PatternCheck(Value):
    __slots__ = ("pattern", "message", "safety", "replace", "translate", "delete", "span", "title", "severity",
                 "literal", "requires", "when")
    _fields = __slots__

    def __init__(
        self, pattern: Any, message: str, safety: Safety | None, replace: str | None,
        translate: dict[int, str] | None, delete: bool, span: str | int, title: str, severity: Severity | None,
        literal: str | tuple[str, ...] | None = None, requires: str = "", when: str | int | None = None,
    ) -> None:
        self.pattern = pattern  # compiled regex
        self.message = message
        self.safety = safety  # None: no fix
        self.replace = replace
        self.translate = translate
        self.delete = delete
        self.span = span
        self.title = title
        self.severity = severity
        self.literal = literal  # substitution: the replacement (a tuple: one per group of the alternation)
        self.requires = requires  # the pattern runs only on texts holding one of these characters (a pre-test)
        self.when = when  # a match is reported only if this group took part in it


class TomlRule:
    """A rule defined by a rule file; ``check`` dispatches on its kind."""

    def __init__(self, name: str, kind: str, doc: RuleDoc, severity: Severity, origin: str, fixable: str):
        self.name = name
        self.kind = kind
        self.doc = doc
        self.severity = severity
        self.origin = origin
        self.fixable = fixable
        self.options: dict = {}
        self.option_choices: dict[str, tuple] = {}  # option name -> the values it accepts
        self.variants: tuple[str, ...] | None = None  # None: every variant
        self.checks: list[PatternCheck] = []

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if self.variants is not None and doc.variant not in self.variants:
            return
        text = doc.text
        quote_style = doc.option(self.name, "quote-style", self.options["quote-style"]) if self.options else None
        if quote_style == "auto":
            quote_style = document_style(text)  # once per document
        for c in self.checks:
            if c.requires and not any(ch in text for ch in c.requires):
                continue  # cannot match: not even compiled
            if isinstance(c.pattern, LazyRegex):
                try:
                    c.pattern.compiled  # noqa: B018 - compiled on first use
                except Exception as e:  # noqa: BLE001 - regex.error
                    raise RuleFileError(f"{self.origin}: rule {self.name!r}: bad regular expression: {e}") from None
            try:
                if isinstance(c.pattern, re.Pattern):
                    matches = list(c.pattern.finditer(text))
                else:  # `regex`, which takes a time limit
                    matches = list(c.pattern.finditer(text, timeout=PATTERN_TIMEOUT))
            except TimeoutError:
                raise RuleFileError(
                    f"{self.origin}: rule {self.name!r}: pattern {c.pattern.pattern!r} took longer than "
                    f"{PATTERN_TIMEOUT:g}s on {doc.path}"
                ) from None
            for m in matches:
                start, end = m.span(c.span)
                if start < 0 or (start == end and not c.delete) or (c.when is not None and m.start(c.when) < 0):
                    continue
                old = text[start:end]
                new = None
                if c.safety is not None:
                    if c.delete:
                        new = ""
                    elif isinstance(c.literal, tuple):  # substitution: the replacement of the word matched
                        new = c.literal[m.lastindex - 1]  # type: ignore[operator]  # one group per word
                    elif c.literal is not None:
                        new = c.literal
                    elif c.translate is not None:
                        new = old.translate(c.translate)
                    else:  # the template, expanded against the match, replaces the span
                        assert c.replace is not None
                        new = m.expand(c.replace)
                    if quote_style is not None:  # quotation marks in the document's style (quotes.py)
                        new = restyle(new, quote_style, text)
                args = (m.group(0),) if isinstance(c.literal, tuple) else (m.group(0),) + tuple(g or "" for g in m.groups())
                kwargs = {k: v or "" for k, v in m.groupdict().items()}
                message = c.message.format(*args, new=new or "", **kwargs)
                fix = None
                if new is not None and new != old:
                    fix = Fix((Edit(start, end, new),), c.safety, c.title.format(new=new, old=old))  # type: ignore[arg-type]
                yield Diagnostic(self.name, start, end, message, c.severity or self.severity, fix)


def _parse_examples(path: Path, data: dict) -> tuple[Example, ...]:
    out = []
    for i, ex in enumerate(data.get("example", [])):
        where = f"example {i + 1}"
        if not isinstance(ex, dict):
            raise _fail(path, f"{where} must be a table")
        _check_keys(path, where, ex, _EXAMPLE_KEYS)
        variant = ex.get("variant", "zh-Hans")
        if "ok" in ex:
            if "text" in ex or "fixed" in ex:
                raise _fail(path, f"{where}: an 'ok' example has no 'text' or 'fixed'")
            out.append(Example(_require(path, ex, "ok", str, where), ok=True, variant=variant))
        else:
            text = _require(path, ex, "text", str, where)
            fixed = ex.get("fixed")
            if fixed is not None and not isinstance(fixed, str):
                raise _fail(path, f"key 'fixed' in {where} must be a string")
            out.append(Example(text, fixed, variant=variant))
    return tuple(out)


def _compile(path: Path, where: str, source: str, ignorecase: bool = False, trusted: bool = True, lazy: bool = False):
    """zhproof's own rules get the fastest engine that runs them; user rules (extend-rules) always get
    `regex`, whose searches take a time limit, so that a pathological pattern is reported, not a hang."""
    if trusted:
        try:
            return compile_fast(source, re.MULTILINE | (re.IGNORECASE if ignorecase else 0), lazy=lazy)
        except Exception as e:  # re.error, regex.error
            raise _fail(path, f"bad regular expression in {where}: {e}") from None
    import regex

    try:
        return regex.compile(source, regex.MULTILINE | regex.VERSION0 | (regex.IGNORECASE if ignorecase else 0))
    except regex.error as e:
        raise _fail(path, f"bad regular expression in {where}: {e}") from None


def load_rule_file(path: Path, trusted: bool = True) -> TomlRule:
    try:
        data = cache.load_toml(path)
    except (OSError, UnicodeDecodeError) as e:
        raise _fail(path, f"cannot read: {e}") from None
    except ValueError as e:  # tomllib.TOMLDecodeError
        raise _fail(path, f"invalid TOML: {e}") from None
    kind = _require(path, data, "kind", str)
    if kind not in _KIND_KEYS:
        raise _fail(path, f"unknown kind {kind!r} (expected one of: {', '.join(_KIND_KEYS)})")
    _check_keys(path, "the rule", data, _COMMON_KEYS | _KIND_KEYS[kind])
    name = _require(path, data, "name", str)
    if not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", name):
        raise _fail(path, f"rule name {name!r} is not kebab-case")
    doc = RuleDoc(
        summary=_require(path, data, "summary", str),
        what=_require(path, data, "what", str).strip(),
        why=_require(path, data, "why", str).strip(),
        fix=_require(path, data, "fix", str).strip(),
        examples=_parse_examples(path, data),
    )
    try:
        severity = Severity.parse(data.get("severity", "error"))
    except ValueError as e:
        raise _fail(path, str(e)) from None
    rule = TomlRule(name, kind, doc, severity, str(path), "never")
    if "quote-style" in data:
        from ..quotes import STYLES

        if data["quote-style"] not in STYLES:
            raise _fail(path, f"'quote-style' must be one of: {', '.join(STYLES)}")
        rule.options["quote-style"] = data["quote-style"]
        rule.option_choices["quote-style"] = STYLES
    if "variants" in data:
        from ..document import VARIANTS

        variants = data["variants"]
        if not isinstance(variants, list) or not variants or any(v not in VARIANTS for v in variants):
            raise _fail(path, f"'variants' must be a list of: {', '.join(VARIANTS)}")
        rule.variants = tuple(variants)
    if kind == "pattern":
        checks = _require(path, data, "check", list)
        for i, c in enumerate(checks):
            where = f"check {i + 1}"
            if not isinstance(c, dict):
                raise _fail(path, f"{where} must be a table")
            _check_keys(path, where, c, _CHECK_KEYS)
            requires = c.get("requires", "")
            if not isinstance(requires, str):
                raise _fail(path, f"{where}: 'requires' must be a string of characters")
            # a pattern with a pre-test that needs `regex` is compiled on first use (see patterns.LazyRegex)
            pattern = _compile(path, where, _require(path, c, "regex", str, where), trusted=trusted, lazy=bool(requires))
            fixes = [k for k in ("replace", "translate", "delete") if k in c]
            if len(fixes) > 1:
                raise _fail(path, f"{where}: use only one of replace, translate, delete")
            try:
                safety = Safety.parse(c.get("safety", "safe")) if fixes else None
                sev = Severity.parse(c["severity"]) if "severity" in c else None
            except ValueError as e:
                raise _fail(path, f"{where}: {e}") from None
            translate = None
            if "translate" in c:
                table = c["translate"]
                if not isinstance(table, dict) or not all(len(k) == 1 and isinstance(v, str) for k, v in table.items()):
                    raise _fail(path, f"{where}: 'translate' maps single characters to strings")
                translate = str.maketrans(table)
            span = c.get("span", 0)
            if isinstance(span, str) and span not in pattern.groupindex:
                raise _fail(path, f"{where}: 'span' names group {span!r}, which the regex does not have")
            when = c.get("when")
            if when is not None and (isinstance(when, bool) or not isinstance(when, (str, int))):
                raise _fail(path, f"{where}: 'when' must name a group (a name or a number)")
            if isinstance(when, str) and when not in pattern.groupindex:
                raise _fail(path, f"{where}: 'when' names group {when!r}, which the regex does not have")
            if isinstance(when, int) and not 0 <= when <= pattern.groups:
                raise _fail(path, f"{where}: 'when' names group {when}, but the regex has {pattern.groups}")
            if c.get("delete") not in (None, True):
                raise _fail(path, f"{where}: 'delete' can only be true")
            rule.checks.append(
                PatternCheck(
                    pattern=pattern,
                    message=_require(path, c, "message", str, where),
                    safety=safety,
                    replace=c.get("replace"),
                    translate=translate,
                    delete=bool(c.get("delete")),
                    span=span,
                    when=when,
                    title=c.get("title", "删除" if c.get("delete") else "改为“{new}”"),
                    severity=sev,
                    requires=requires,
                )
            )
    elif kind == "existence":
        tokens = _require(path, data, "tokens", list)
        if not tokens or not all(isinstance(t, str) and t for t in tokens):
            raise _fail(path, "'tokens' must be a non-empty list of strings")
        alternation = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
        rule.checks.append(
            PatternCheck(
                pattern=_compile(path, "tokens", alternation, bool(data.get("ignorecase")), trusted),
                message=data.get("message", "避免使用“{0}”"),
                safety=None, replace=None, translate=None, delete=False, span=0, title="", severity=None,
            )
        )
    else:  # substitution
        swap = _require(path, data, "swap", dict)
        if not swap or not all(isinstance(k, str) and k and isinstance(v, str) for k, v in swap.items()):
            raise _fail(path, "'swap' must map non-empty strings to strings")
        try:
            safety = Safety.parse(data.get("safety", "unsafe"))
        except ValueError as e:
            raise _fail(path, str(e)) from None
        message = data.get("message", "建议将“{0}”改为“{new}”")
        # one pattern for the whole table (one pass over the text, however many words it holds): a group per
        # word, longest first, so that the group that matched tells the replacement
        pairs = sorted(swap.items(), key=lambda kv: len(kv[0]), reverse=True)
        alternation = "|".join(f"({re.escape(old)})" for old, _ in pairs)
        rule.checks.append(
            PatternCheck(
                pattern=_compile(path, "swap", alternation, bool(data.get("ignorecase")), trusted),
                message=message, safety=safety, replace=None, translate=None, delete=False, span=0,
                title="改为“{new}”", severity=None, literal=tuple(new for _, new in pairs),
            )
        )
    fixable = data.get("fixable")
    if fixable is None:
        with_fix = [c.safety is not None for c in rule.checks]
        fixable = "always" if all(with_fix) else "sometimes" if any(with_fix) else "never"
    if fixable not in FIX_KINDS:
        raise _fail(path, f"'fixable' must be one of: {', '.join(FIX_KINDS)}")
    rule.fixable = fixable
    return rule
