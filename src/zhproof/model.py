"""Core value types: edits, fixes, diagnostics. Small, frozen, and free of logic."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum


class Safety(IntEnum):
    """How sure a fix is. Comparison is filtering: ``fix.safety >= Safety.SAFE``."""

    DISPLAY = 0  # shown as a suggestion, never applied
    UNSAFE = 1  # applied only with --unsafe-fixes
    SAFE = 2  # applied by --fix

    @property
    def label(self) -> str:
        return {0: "display", 1: "unsafe", 2: "safe"}[int(self)]

    @classmethod
    def parse(cls, name: str) -> "Safety":
        table = {"display": cls.DISPLAY, "unsafe": cls.UNSAFE, "safe": cls.SAFE}
        if name not in table:
            raise ValueError(f"unknown fix safety {name!r} (expected one of: {', '.join(table)})")
        return table[name]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls(name)
        except ValueError:
            raise ValueError(f"unknown severity {name!r} (expected error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (code-point offsets into the whole text) with ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    safety: Safety
    title: str

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    rule: str
    start: int
    end: int
    message: str
    severity: Severity = Severity.ERROR
    fix: Fix | None = None
    # Optional extra data a reporter may show (e.g. the line of the first occurrence).
    related: tuple[int, ...] = field(default=(), compare=False)

    def replacement(self, text: str) -> str | None:
        """The text that replaces ``[start, end)`` when the fix is applied, or None without a fix."""
        if self.fix is None:
            return None
        out = []
        pos = self.start
        for e in sorted(self.fix.edits, key=lambda e: (e.start, e.end)):
            out.append(text[pos:e.start])
            out.append(e.text)
            pos = e.end
        out.append(text[pos:self.end])
        return "".join(out)
