"""What the check kinds share: the error of a rule file that cannot be loaded and the helpers that validate
its tables."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable


class RuleFileError(Exception):
    """A rule file that cannot be loaded; the message names the file and the key."""


def fail(path: Path, msg: str) -> RuleFileError:
    return RuleFileError(f"{path}: {msg}")


def check_keys(path: Path, where: str, got: Iterable[str], allowed: set[str]) -> None:
    unknown = sorted(set(got) - allowed)
    if unknown:
        raise fail(path, f"unknown key {unknown[0]!r} in {where} (allowed: {', '.join(sorted(allowed))})")


def require(path: Path, table: dict, key: str, typ: type, where: str = "the rule"):
    if key not in table:
        raise fail(path, f"missing key {key!r} in {where}")
    value = table[key]
    if not isinstance(value, typ):
        from ..config import type_phrase

        raise fail(path, f"key {key!r} in {where} must be {type_phrase(typ)}")
    return value
