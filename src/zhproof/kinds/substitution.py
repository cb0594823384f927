"""The ``substitution`` kind of rule file: Words with a preferred replacement (``swap`` table): one alternation for the whole table."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Safety
from .base import check_format, fail, require
from .compile import compile_pattern
from .runtime import PatternCheck

#: The keys of a rule file of this kind, besides the common ones.
KEYS = {"swap", "message", "safety", "ignorecase"}


def build(path: Path, data: dict, trusted: bool) -> list[PatternCheck]:
    out: list[PatternCheck] = []
    swap = require(path, data, "swap", dict)
    if not swap or not all(isinstance(k, str) and k and isinstance(v, str) for k, v in swap.items()):
        raise fail(path, "'swap' must map non-empty strings to strings")
    try:
        safety = Safety.parse(data.get("safety", "unsafe"))
    except ValueError as e:
        raise fail(path, str(e)) from None
    message = data.get("message", "建议将“{0}”改为“{new}”")
    if not isinstance(message, str):
        raise fail(path, "key 'message' in the rule must be a string")
    check_format(path, "", "message", message, 1, ["new"])  # the word found and its replacement
    # one pattern for the whole table (one pass over the text, however many words it holds): a group per
    # word, longest first, so that the group that matched tells the replacement
    pairs = sorted(swap.items(), key=lambda kv: len(kv[0]), reverse=True)
    alternation = "|".join(f"({re.escape(old)})" for old, _ in pairs)
    out.append(
        PatternCheck(
            pattern=compile_pattern(path, "swap", alternation, bool(data.get("ignorecase")), trusted),
            message=message,
            safety=safety,
            title="改为“{new}”",
            literal=tuple(new for _, new in pairs),
        )
    )
    return out
