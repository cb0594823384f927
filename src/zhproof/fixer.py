"""Apply fixes: non-overlapping edits in one pass, then lint again until nothing changes."""

from __future__ import annotations

from bisect import bisect_right

from collections import Counter
from typing import Callable, Sequence

from .model import Diagnostic, Edit, Fix, Safety, Value
from .patterns import compile_re

#: How many lint-and-fix passes before giving up.
MAX_PASSES = 10


class FixNotConvergedError(RuntimeError):
    def __init__(self, rules: Sequence[str], passes: int):
        self.rules = sorted(set(rules))
        self.passes = passes
        super().__init__(f"fixes did not converge after {passes} passes; rules still fixing: {', '.join(self.rules)}")

    def __reduce__(self):
        # pickled (raised in a worker process of a pool): rebuilt from its own arguments, not from ``args``
        # (the message), which ``__init__`` does not take
        return (type(self), (self.rules, self.passes), self.__dict__)


class FixResult(Value):
    __slots__ = ("text", "applied", "remaining")
    _fields = __slots__

    def __init__(self, text: str, applied: list[Diagnostic], remaining: list[Diagnostic]) -> None:
        self.text = text
        self.applied = applied  # every finding whose fix was applied, over all passes
        self.remaining = remaining  # findings in the final text


def applicable(diags: Sequence[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    floor = Safety.UNSAFE if unsafe else Safety.SAFE
    return [d for d in diags if d.fix is not None and d.fix.safety >= floor]


#: A fix that joins two lines makes neighbours of the characters on either side, which the other fixes were judged
#: apart from: a fix within this many characters of it waits for the next pass, which judges the joined text
#: (写得热⏎⏎热闹闹: joined, 热热闹闹 is no slip; with 闹闹 fixed in the same pass, 写得热闹).
JOIN_REACH = 4


def choose_non_overlapping(diags: Sequence[Diagnostic], text: str | None = None) -> list[Diagnostic]:
    """Keep fixes whose edit ranges do not touch an earlier kept one (sorted by position); with ``text``, a fix
    within JOIN_REACH characters of one that joins lines, on either side, waits for the next pass."""
    if text is not None:
        joins = sorted((d.fix.start, d.fix.end) for d in diags if d.fix is not None and _joins_lines(text, d.fix))
        if joins:
            starts, own = [s for s, _ in joins], set(joins)
            diags = [
                d
                for d in diags
                if d.fix is not None and ((d.fix.start, d.fix.end) in own or not _near(joins, starts, d.fix))
            ]
    chosen: list[Diagnostic] = []
    last_end = -1
    last_insert = -1  # two insertions at one point would have an undefined order
    for d in sorted(diags, key=lambda d: (d.fix.start, d.fix.end)):  # type: ignore[union-attr]
        fix = d.fix
        assert fix is not None
        insert = fix.start == fix.end
        # Fixes that touch are applied in different passes: together they could join what each keeps apart
        # (deleting "\u200b" and " " from "\r\u200b \n" would make one CRLF of two line breaks).
        if fix.start <= last_end if chosen else fix.start < last_end:
            continue
        if insert and fix.start == last_insert:
            continue
        chosen.append(d)
        last_end = max(last_end, fix.end)
        if insert:
            last_insert = fix.start
    return chosen


def _near(joins: list[tuple[int, int]], starts: list[int], fix: Fix) -> bool:
    """Is ``fix`` within JOIN_REACH characters of a join of ``joins`` (sorted spans, ``starts`` their starts)? The
    joins are apart from each other, so the last one that starts before the fix's reach ends is the nearest one
    before, and the next one the nearest after."""
    k = bisect_right(starts, fix.end + JOIN_REACH)
    for s, e in joins[max(0, k - 2) : k]:
        if s - JOIN_REACH <= fix.end and fix.start <= e + JOIN_REACH:
            return True
    return False


def _joins_lines(text: str, fix: Fix) -> bool:
    """Does the fix remove a line break (broken-line's join, a copy deleted with its line)?"""
    return any(
        text.count("\n", e.start, e.end) + text.count("\r", e.start, e.end) > e.text.count("\n") + e.text.count("\r")
        for e in fix.edits
    )


_BREAKS = compile_re(r"\r\n|\r|\n")
_HAS_BREAK = compile_re(r"[\r\n]")


def joins_line_breaks(text: str, fix: Fix | None) -> bool:
    """Would the fix make one CRLF of a lone CR and a lone LF, or split a CRLF? Such a fix changes the line
    structure beyond what it removes (deleting " " from "a\r \nb" would join two line breaks into one), so
    it is never applied. Removing whole line breaks is fine."""
    if fix is None:
        return False
    for e in fix.edits:
        left = text[e.start - 1] if e.start > 0 else ""
        right = text[e.end] if e.end < len(text) else ""
        around = left + text[e.start : e.end] + right
        if not _HAS_BREAK.search(around) and not _HAS_BREAK.search(e.text):
            continue  # no line break near the edit: the common case, decided cheaply
        old = Counter(_BREAKS.findall(around))
        new = Counter(_BREAKS.findall(left + e.text + right))
        if new["\r\n"] > old["\r\n"] or new["\r"] > old["\r"] or new["\n"] > old["\n"]:
            return True
    return False


def apply_edits(text: str, fixes: Sequence[Fix]) -> str:
    edits: list[Edit] = sorted((e for f in fixes for e in f.edits), key=lambda e: (e.start, e.end))
    out = []
    pos = 0
    for e in edits:
        if e.start < pos:
            raise ValueError(f"overlapping edits at {e.start}")
        out.append(text[pos : e.start])
        out.append(e.text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def fix_until_stable(
    text: str,
    lint: Callable[[str], list[Diagnostic]],
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
) -> FixResult:
    applied: list[Diagnostic] = []
    seen = {text}
    for _ in range(max_passes):
        diags = lint(text)
        todo = choose_non_overlapping(applicable(diags, unsafe), text)
        if not todo:
            return FixResult(text, applied, diags)
        new = apply_edits(text, [d.fix for d in todo])  # type: ignore[misc]
        if new == text:
            return FixResult(text, applied, diags)
        applied.extend(todo)
        if new in seen:  # a cycle: two rules undoing each other
            raise FixNotConvergedError([d.rule for d in todo], len(seen))
        seen.add(new)
        text = new
    diags = lint(text)
    todo = applicable(diags, unsafe)
    if todo:
        raise FixNotConvergedError([d.rule for d in todo], max_passes)
    return FixResult(text, applied, diags)
