"""What every rule is: a name, its documentation with examples, and a ``check`` over a Document."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Protocol

from .document import Document
from .model import Diagnostic


@dataclass(frozen=True)
class Example:
    """A rule example: ``text`` it flags and the ``fixed`` result (``fixed`` None: no fix), or ``ok`` text."""

    text: str
    fixed: str | None = None
    ok: bool = False
    variant: str = "zh-Hans"


@dataclass(frozen=True)
class RuleDoc:
    summary: str
    what: str
    why: str
    fix: str
    examples: tuple[Example, ...] = ()

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


@dataclass
class BaseRule:
    """Convenience base for rules written in Python."""

    name: str = ""
    doc: RuleDoc = field(default_factory=lambda: RuleDoc("", "", "", ""))
    fixable: str = "always"
    origin: str = ""
    options: dict = field(default_factory=dict)  # option name -> default value (its type is the option's type)

    def check(self, doc: Document) -> Iterable[Diagnostic]:  # pragma: no cover - interface
        raise NotImplementedError
