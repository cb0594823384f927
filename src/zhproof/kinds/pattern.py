"""The ``pattern`` kind of rule file: regular expressions, each with a message and an optional fix (``replace``
template, ``translate`` character map, or ``delete``)."""

from __future__ import annotations

from pathlib import Path

from ..model import Safety, Severity
from .base import check_keys, fail, require
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
        if not isinstance(requires, str):
            raise fail(path, f"{where}: 'requires' must be a string of characters")
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
        span = c.get("span", 0)
        if isinstance(span, str) and span not in pattern.groupindex:
            raise fail(path, f"{where}: 'span' names group {span!r}, which the regex does not have")
        when = c.get("when")
        if when is not None and (isinstance(when, bool) or not isinstance(when, (str, int))):
            raise fail(path, f"{where}: 'when' must name a group (a name or a number)")
        if isinstance(when, str) and when not in pattern.groupindex:
            raise fail(path, f"{where}: 'when' names group {when!r}, which the regex does not have")
        if isinstance(when, int) and not 0 <= when <= pattern.groups:
            raise fail(path, f"{where}: 'when' names group {when}, but the regex has {pattern.groups}")
        if not isinstance(c.get("bracket", False), bool):
            raise fail(path, f"{where}: 'bracket' must be true or false")
        if c.get("bracket") and "bracket-style" not in data:
            raise fail(path, f"{where}: a 'bracket' check (of ASCII parentheses) needs the rule's 'bracket-style'")
        if c.get("delete") not in (None, True):
            raise fail(path, f"{where}: 'delete' can only be true")
        out.append(
            PatternCheck(
                pattern=pattern,
                message=require(path, c, "message", str, where),
                safety=safety,
                replace=c.get("replace"),
                translate=translate,
                delete=bool(c.get("delete")),
                span=span,
                when=when,
                title=c.get("title", "删除" if c.get("delete") else "改为“{new}”"),
                severity=sev,
                requires=requires,
                bracket=bool(c.get("bracket")),
            )
        )
    return out
