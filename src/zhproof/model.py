"""Core value types: edits, fixes, diagnostics. Small, frozen, and free of logic."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum


class Value:
    """Base of zhproof's small record classes: ``repr``, equality (by ``_compare``, default ``_fields``) and,
    for frozen ones, hashing and pickling, from the field names.

    Written by hand instead of with dataclasses: creating a dataclass generates and compiles its methods,
    which cost 10 ms of a 80 ms start-up for zhproof's 16 record classes (the three public value types below
    are still dataclasses)."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _compare: tuple[str, ...] | None = None  # None: all fields

    def _values(self, names: tuple[str, ...]) -> tuple:
        return tuple(getattr(self, n) for n in names)

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields)
        return f"{type(self).__name__}({inner})"

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        names = self._fields if self._compare is None else self._compare
        return self._values(names) == other._values(names)

    __hash__ = None  # type: ignore[assignment]  # mutable records are not hashable


class FrozenValue(Value):
    """An immutable record: its ``__init__`` sets fields with ``object.__setattr__``."""

    __slots__ = ()

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")

    def __hash__(self) -> int:  # type: ignore[override]  # Value sets None: only frozen records hash
        return hash(self._values(self._fields if self._compare is None else self._compare))

    def __reduce__(self):
        return (type(self), self._values(self._fields))

    def replace(self, **changes):
        """A copy with some fields changed (``dataclasses.replace``)."""
        values = {n: getattr(self, n) for n in self._fields}
        values.update(changes)
        return type(self)(**values)


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


# The three public value types stay dataclasses (``dataclasses.asdict`` and ``replace`` work on them, as users
# of the API may expect); the record classes used only inside zhproof are Values (cheaper to create).
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
            out.append(text[pos : e.start])
            out.append(e.text)
            pos = e.end
        out.append(text[pos : self.end])
        return "".join(out)
