"""What the check kinds share: the error of a rule file that cannot be loaded and the helpers that validate
its tables."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator


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


def _fields(template: str) -> Iterator[str]:
    """The field names of a format string, those nested in format specs too (``{0:{1}}``); raises ValueError
    for a malformed one."""
    from _string import formatter_parser  # what string.Formatter.parse runs (`string` costs 1 ms to import)

    for _, field, spec, _ in formatter_parser(template):
        if field is not None:
            yield field
            if spec:
                yield from _fields(spec)


def check_format(path: Path, where: str, key: str, template: str, positional: int, names: Iterable[str]) -> None:
    """Raise a RuleFileError unless ``template`` formats with what the rule fills in at run time: ``positional``
    strings (``{0}`` ...) and the keywords ``names``. A run that could not format it would fail on the first
    match, so it is decided here, at load time."""
    names = set(names)
    provided = ["{0}" if positional == 1 else f"{{0}} to {{{positional - 1}}}"] if positional else []
    provided += [f"{{{n}}}" for n in sorted(names)]
    what = f"{where}: {key!r}" if where else repr(key)
    try:
        auto = 0
        for field in _fields(template):
            head = re.match(r"[^.\[]*", field).group()  # type: ignore[union-attr]  # always matches
            if head != field:
                raise fail(path, f"{what} has the placeholder {{{field}}}; placeholders name a group, not a part of it")
            if head == "":
                head, auto = str(auto), auto + 1
            if head.isdigit() and int(head) >= positional or not head.isdigit() and head not in names:
                raise fail(
                    path,
                    f"{what} has the placeholder {{{field}}}, which the rule cannot fill in "
                    f"(it provides {', '.join(provided) or 'none'})",
                )
        template.format(*["x"] * positional, **dict.fromkeys(names, "x"))  # conversions, format specs
    except RuleFileError:
        raise
    except (ValueError, IndexError, KeyError, TypeError, AttributeError) as e:
        raise fail(path, f"{what} is not a valid format string: {e}") from None
