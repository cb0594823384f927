"""Check kinds written once in Python and instantiated by rule files (TOML) in ``rules/``.

A rule file names its ``kind`` and fills in that kind's parameters; unknown keys are an error at load time.

Kinds:
- ``pattern``: regular expressions (the `regex` module) with a message and an optional fix
  (``replace`` template, ``translate`` character map, or ``delete``).
- ``existence``: words that should not appear (no fix).
- ``substitution``: words with a preferred replacement (``swap`` table).
"""

from __future__ import annotations

from .base import RuleFileError
from .loader import load_rule_file
from .runtime import PATTERN_TIMEOUT, PatternCheck, TomlRule

__all__ = ["PATTERN_TIMEOUT", "PatternCheck", "RuleFileError", "TomlRule", "load_rule_file"]
