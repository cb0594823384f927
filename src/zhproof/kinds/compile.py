"""Compiling the regular expressions of rule files: zhproof's own with the fastest engine, users' with `regex`."""

from __future__ import annotations

import re
from pathlib import Path

from ..patterns import compile_fast
from .base import fail


def compile_pattern(
    path: Path, where: str, source: str, ignorecase: bool = False, trusted: bool = True, lazy: bool = False
):
    """zhproof's own rules get the fastest engine that runs them; user rules (extend-rules) always get
    `regex`, whose searches take a time limit, so that a pathological pattern is reported, not a hang."""
    if trusted:
        try:
            return compile_fast(source, re.MULTILINE | (re.IGNORECASE if ignorecase else 0), lazy=lazy)
        except Exception as e:  # re.error, regex.error
            raise fail(path, f"bad regular expression in {where}: {e}") from None
    import regex

    try:
        compiled = regex.compile(source, regex.MULTILINE | regex.VERSION0 | (regex.IGNORECASE if ignorecase else 0))
    except regex.error as e:
        raise fail(path, f"bad regular expression in {where}: {e}") from None
    if compiled.search("") is not None:
        # (regex = "" or a pattern of optional parts only: a finding at every place of every text)
        raise fail(path, f"the regular expression in {where} matches an empty text: it would report every place")
    return compiled
