"""The ``existence`` kind of rule file: Words that should not appear (no fix): one alternation for the whole list."""

from __future__ import annotations

import re
from pathlib import Path

from .base import check_format, fail, require
from .compile import compile_pattern
from .runtime import PatternCheck

#: The keys of a rule file of this kind, besides the common ones.
KEYS = {"tokens", "message", "ignorecase"}


def build(path: Path, data: dict, trusted: bool) -> list[PatternCheck]:
    out: list[PatternCheck] = []
    tokens = require(path, data, "tokens", list)
    if not tokens or not all(isinstance(t, str) and t for t in tokens):
        raise fail(path, "'tokens' must be a non-empty list of strings")
    message = data.get("message", "避免使用“{0}”")
    if not isinstance(message, str):
        raise fail(path, "key 'message' in the rule must be a string")
    check_format(path, "", "message", message, 1, ["new"])  # the word found ({new} is empty: no fix)
    alternation = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    out.append(
        PatternCheck(
            pattern=compile_pattern(path, "tokens", alternation, bool(data.get("ignorecase")), trusted),
            message=message,  # no fix
        )
    )
    return out
