"""Core value types: edits, fixes, diagnostics. Small, frozen, and free of logic."""
from __future__ import annotations

from enum import Enum, IntEnum


class Value:
    """Base of zhproof's small record classes: ``repr``, equality (by ``_compare``, default ``_fields``) and,
    for frozen ones, hashing and pickling, from the field names.

    Written by hand instead of with dataclasses: creating a dataclass generates and compiles its methods,
    which cost 10 ms of a 80 ms start-up for zhproof's 16 record classes."""

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

    __hash__ = None  # type: ignore[assignment] - mutable records are not hashable


class FrozenValue(Value):
    """An immutable record: its ``__init__`` sets fields with ``object.__setattr__``."""

    __slots__ = ()

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")

    def __hash__(self) -> int:
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


class Edit(FrozenValue):
    """Replace ``text[start:end]`` (code-point offsets into the whole text) with ``text``."""

    __slots__ = ("start", "end", "text")
    _fields = __match_args__ = __slots__
    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)


class Fix(FrozenValue):
    __slots__ = ("edits", "safety", "title")
    _fields = __match_args__ = __slots__
    edits: tuple[Edit, ...]
    safety: Safety
    title: str

    def __init__(self, edits: tuple[Edit, ...], safety: Safety, title: str) -> None:
        object.__setattr__(self, "edits", edits)
        object.__setattr__(self, "safety", safety)
        object.__setattr__(self, "title", title)

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)


class Diagnostic(FrozenValue):
    __slots__ = ("rule", "start", "end", "message", "severity", "fix", "related")
    _fields = __match_args__ = __slots__
    _compare = ("rule", "start", "end", "message", "severity", "fix")  # not ``related``
    rule: str
    start: int
    end: int
    message: str
    severity: Severity
    fix: Fix | None
    # Optional extra data a reporter may show (e.g. the line of the first occurrence).
    related: tuple[int, ...]

    def __init__(
        self, rule: str, start: int, end: int, message: str, severity: Severity = Severity.ERROR,
        fix: Fix | None = None, related: tuple[int, ...] = (),
    ) -> None:
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "severity", severity)
        object.__setattr__(self, "fix", fix)
        object.__setattr__(self, "related", related)

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
