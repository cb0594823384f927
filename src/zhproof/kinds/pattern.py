"""The ``pattern`` kind of rule file: regular expressions, each with a message and an optional fix (``replace``
template, ``translate`` character map, or ``delete``)."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Safety, Severity
from ..patterns import LazyRegex
from .base import check_format, check_keys, fail, require
from .compile import compile_pattern
from .runtime import PatternCheck

#: The keys of a rule file of this kind, besides the common ones.
KEYS = {"check"}
#: The keys of each [[check]] table.
_CHECK_KEYS = {
    "regex",
    "message",
    "replace",
    "translate",
    "delete",
    "safety",
    "span",
    "title",
    "severity",
    "requires",
    "when",
    "bracket",
    "at-end",
}


def build(path: Path, data: dict, trusted: bool) -> list[PatternCheck]:
    out: list[PatternCheck] = []
    checks = require(path, data, "check", list)
    for i, c in enumerate(checks):
        where = f"check {i + 1}"
        if not isinstance(c, dict):
            raise fail(path, f"{where} must be a table")
        check_keys(path, where, c, _CHECK_KEYS)
        requires = c.get("requires", "")
        if isinstance(requires, list) and requires and all(isinstance(r, str) and r for r in requires):
            requires = tuple(requires)  # strings, one of which must occur (。。。)
        elif not isinstance(requires, str):
            raise fail(
                path, f"{where}: 'requires' must be a string of characters or a non-empty list of non-empty strings"
            )
        # a pattern with a pre-test that needs `regex` is compiled on first use (see patterns.LazyRegex)
        pattern = compile_pattern(
            path, where, require(path, c, "regex", str, where), trusted=trusted, lazy=bool(requires)
        )
        fixes = [k for k in ("replace", "translate", "delete") if k in c]
        if len(fixes) > 1:
            raise fail(path, f"{where}: use only one of replace, translate, delete")
        try:
            safety = Safety.parse(c.get("safety", "safe")) if fixes else None
            sev = Severity.parse(c["severity"]) if "severity" in c else None
        except ValueError as e:
            raise fail(path, f"{where}: {e}") from None
        translate = None
        if "translate" in c:
            table = c["translate"]
            if not isinstance(table, dict) or not all(len(k) == 1 and isinstance(v, str) for k, v in table.items()):
                raise fail(path, f"{where}: 'translate' maps single characters to strings")
            translate = str.maketrans(table)
        # a lazy pattern (zhproof's own, needing `regex`) is not compiled to check what follows: the examples of
        # zhproof's rules are tested, and extend-rules are never lazy (loaded with trusted=False)
        known = not (isinstance(pattern, LazyRegex) and pattern._compiled is None)
        span = c.get("span", 0)
        if isinstance(span, bool) or not isinstance(span, (str, int)):
            raise fail(path, f"{where}: 'span' must name a group (a name or a number)")
        if isinstance(span, str) and span not in pattern.groupindex:
            raise fail(path, f"{where}: 'span' names group {span!r}, which the regex does not have")
        if isinstance(span, int) and span and known and not 0 <= span <= pattern.groups:
            raise fail(path, f"{where}: 'span' names group {span}, but the regex has {pattern.groups}")
        when = c.get("when")
        if when is not None and (isinstance(when, bool) or not isinstance(when, (str, int))):
            raise fail(path, f"{where}: 'when' must name a group (a name or a number)")
        if isinstance(when, str) and when not in pattern.groupindex:
            raise fail(path, f"{where}: 'when' names group {when!r}, which the regex does not have")
        if isinstance(when, int) and not 0 <= when <= pattern.groups:
            raise fail(path, f"{where}: 'when' names group {when}, but the regex has {pattern.groups}")
        if not isinstance(c.get("at-end", False), bool):
            raise fail(path, f"{where}: 'at-end' must be true or false")
        if not isinstance(c.get("bracket", False), bool):
            raise fail(path, f"{where}: 'bracket' must be true or false")
        if c.get("bracket") and "bracket-style" not in data:
            raise fail(path, f"{where}: a 'bracket' check (of ASCII parentheses) needs the rule's 'bracket-style'")
        if c.get("delete") not in (None, True):
            raise fail(path, f"{where}: 'delete' can only be true")
        message = require(path, c, "message", str, where)
        title = c.get("title", "删除" if c.get("delete") else "改为“{new}”")
        if not isinstance(title, str):
            raise fail(path, f"key 'title' in {where} must be a string")
        replace = c.get("replace")
        if replace is not None and not isinstance(replace, str):
            raise fail(path, f"key 'replace' in {where} must be a string")
        if known:
            _check_formats(path, where, pattern, message, title, replace)
        out.append(
            PatternCheck(
                pattern=pattern,
                message=message,
                safety=safety,
                replace=replace,
                translate=translate,
                delete=bool(c.get("delete")),
                span=span,
                when=when,
                title=title,
                severity=sev,
                requires=requires,
                bracket=bool(c.get("bracket")),
                at_end=bool(c.get("at-end")),
            )
        )
    return out


def _check_formats(path: Path, where: str, pattern, message: str, title: str, replace: str | None) -> None:
    """What a check formats for each match: its message (with the match, its groups and the replacement), its
    title (with the replacement and the text replaced) and its replacement template (with the groups), checked
    against the groups of the regex, so that a mistake is an error naming the rule file, not a crash on the
    first text it matches."""
    if "new" in pattern.groupindex:
        raise fail(
            path, f"{where}: the regex has a group named 'new', a name kept for the replacement ({{new}} in 'message')"
        )
    check_format(path, where, "message", message, 1 + pattern.groups, [*pattern.groupindex, "new"])
    check_format(path, where, "title", title, 0, ["new", "old"])
    if replace is not None:
        try:
            _empty_match(pattern).expand(replace)
        except Exception as e:  # noqa: BLE001 - re.error, regex.error, IndexError
            n = pattern.groups
            has = f"{n} group{'s' if n != 1 else ''}" + (
                f" (named: {', '.join(pattern.groupindex)})" if pattern.groupindex else ""
            )
            raise fail(path, f"{where}: bad 'replace' template {replace!r}: {e}; the regex has {has}") from None


def _empty_match(pattern):
    """A match of the empty string by a pattern of the same engine with the groups of ``pattern`` (their
    numbers and names): it expands a replacement template as a match of ``pattern`` would, and fails as it
    would on a group that the regex does not have or a bad escape."""
    names = {i: name for name, i in pattern.groupindex.items()}
    source = "".join(f"(?P<{names[i]}>)" if i in names else "()" for i in range(1, pattern.groups + 1))
    if isinstance(pattern, re.Pattern):
        return re.compile(source).match("")
    import regex

    return regex.compile(source, regex.VERSION0).match("")
