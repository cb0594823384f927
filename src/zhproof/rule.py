"""What every rule is: a name, its documentation with examples, and a ``check`` over a Document."""

from __future__ import annotations

from typing import Iterable, Protocol

from .document import Document
from .model import Diagnostic, FrozenValue, Value


class Example(FrozenValue):
    """A rule example: ``text`` it flags and the ``fixed`` result (``fixed`` None: no fix), or ``ok`` text."""

    __slots__ = ("text", "fixed", "ok", "variant")
    _fields = __slots__
    text: str
    fixed: str | None
    ok: bool
    variant: str

    def __init__(self, text: str, fixed: str | None = None, ok: bool = False, variant: str = "zh-Hans") -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "fixed", fixed)
        object.__setattr__(self, "ok", ok)
        object.__setattr__(self, "variant", variant)


class RuleDoc(FrozenValue):
    __slots__ = ("summary", "what", "why", "fix", "examples")
    _fields = __slots__
    summary: str
    what: str
    why: str
    fix: str
    examples: tuple[Example, ...]

    def __init__(self, summary: str, what: str, why: str, fix: str, examples: tuple[Example, ...] = ()) -> None:
        object.__setattr__(self, "summary", summary)
        object.__setattr__(self, "what", what)
        object.__setattr__(self, "why", why)
        object.__setattr__(self, "fix", fix)
        object.__setattr__(self, "examples", examples)

    @property
    def bad(self) -> tuple[Example, ...]:
        return tuple(e for e in self.examples if not e.ok)

    @property
    def ok(self) -> tuple[Example, ...]:
        return tuple(e for e in self.examples if e.ok)


FIX_KINDS = ("always", "sometimes", "never")


class Rule(Protocol):
    name: str
    doc: RuleDoc
    fixable: str  # one of FIX_KINDS
    origin: str  # where the rule is defined (module or rule file)
    options: dict  # per-rule options accepted in [tool.zhproof.rules.NAME], with defaults

    def check(self, doc: Document) -> Iterable[Diagnostic]: ...


class BaseRule(Value):
    """Convenience base for rules written in Python."""

    _fields = ("name", "doc", "fixable", "origin", "options")
    #: In the default set? An opt-in rule runs only when selected by name (or ALL, or --extend-select).
    default = True

    def __init__(
        self,
        name: str = "",
        doc: RuleDoc | None = None,
        fixable: str = "always",
        origin: str = "",
        options: dict | None = None,
    ) -> None:
        self.name = name
        self.doc = doc if doc is not None else RuleDoc("", "", "", "")
        self.fixable = fixable
        self.origin = origin
        self.options = options if options is not None else {}  # option name -> default value (and type)

    def check(self, doc: Document) -> Iterable[Diagnostic]:  # pragma: no cover - interface
        raise NotImplementedError
