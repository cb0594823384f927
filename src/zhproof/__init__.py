"""zhproof: a proofreading linter for Chinese text.

Public API (nothing here prints)::

    import zhproof
    zhproof.lint_text("疫情疫情防控")          # -> [Diagnostic(rule='duplicate-word', ...)]
    zhproof.fix_text("疫情疫情防控")           # -> "疫情防控"
"""

from __future__ import annotations

from typing import Iterable, Sequence

from .document import Document
from .model import Diagnostic, Edit, Fix, Safety, Severity

__version__ = "0.1.0"
__all__ = [
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "Linter",
    "Safety",
    "Severity",
    "__version__",
    "fix_text",
    "lint_text",
]


class Linter:
    """A chosen set of rules with their options; reusable over many texts."""

    def __init__(
        self,
        select: str | Iterable[str] | None = None,
        ignore: str | Iterable[str] | None = None,
        variant: str = "zh-Hans",
        allow: Iterable[str] = (),
        options: dict[str, dict] | None = None,
        rules: dict | None = None,
        jobs: int = 1,
    ):
        from .config import option_problem
        from .registry import builtin_rules, select_rules

        self.rules = select_rules(select, ignore, rules)
        self.variant = variant
        # (one word, as a configuration's allow = "…" may be, is one word, not its characters)
        self.allow = (allow,) if isinstance(allow, str) else tuple(allow)
        known = rules if rules is not None else builtin_rules()
        if options is not None and not isinstance(options, dict):
            raise ValueError(f"options must be a dict of rule name -> {{option: value}}, not {type(options).__name__}")
        for name, opts in (options or {}).items():
            if name not in known:
                raise ValueError(f"options: unknown rule {name!r}")
            problem = option_problem(name, opts, known[name])
            if problem:
                raise ValueError(f"options: {problem}")
        self.options = options or {}
        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
            raise ValueError(f"jobs must be a whole number of 1 or more, not {jobs!r}")
        #: processes a long text's rules are shared among (Linux only; the findings are the same)
        self.jobs = jobs
        Document("", variant=variant)  # validates the variant

    def document(self, text: str, path: str = "-", fmt: str | None = None) -> Document:
        """A Document for ``text``; the format (text or markdown) comes from ``path``'s suffix unless given."""
        from .formats import format_for, layout

        text = self._text(text)
        fmt = fmt or format_for(path)
        if fmt not in ("text", "markdown"):
            raise ValueError(f"unknown format {fmt!r} (expected 'text' or 'markdown')")
        lay = layout(text, fmt)
        return Document(
            text,
            path=path,
            variant=self.variant,
            options=self.options,
            prose=lay.prose,
            fmt=fmt,
            suppressed=lay.suppressed,
            named=lay.named,
        )

    def lint(self, text: str, path: str = "-", fmt: str | None = None) -> list[Diagnostic]:
        return self.lint_document(self.document(text, path, fmt))

    @staticmethod
    def _text(text) -> str:
        if not isinstance(text, str):
            what = "bytes (decode them first)" if isinstance(text, (bytes, bytearray)) else type(text).__name__
            raise TypeError(f"the text must be a str, not {what}")
        return text

    def lint_document(self, doc: Document) -> list[Diagnostic]:
        """The findings in a Document made by ``document`` (whose line index the caller may reuse)."""
        from .engine import lint_document

        return lint_document(doc, self.rules, self.allow, self.jobs)

    def fix(self, text: str, unsafe: bool = False, path: str = "-", fmt: str | None = None):
        """Fix until stable; returns a ``FixResult`` (text, applied findings, remaining findings)."""
        from .fixer import fix_until_stable

        return fix_until_stable(self._text(text), lambda t: self.lint(t, path, fmt), unsafe=unsafe)


def lint_text(
    text: str,
    select: str | Sequence[str] | None = None,
    ignore: str | Sequence[str] | None = None,
    variant: str = "zh-Hans",
    allow: Iterable[str] = (),
    options: dict[str, dict] | None = None,
    format: str = "text",
) -> list[Diagnostic]:
    """All findings in ``text``, in position order. ``format`` is "text" or "markdown"."""
    return Linter(select, ignore, variant, allow, options).lint(text, fmt=format)


def fix_text(
    text: str,
    unsafe: bool = False,
    select: str | Sequence[str] | None = None,
    ignore: str | Sequence[str] | None = None,
    variant: str = "zh-Hans",
    allow: Iterable[str] = (),
    options: dict[str, dict] | None = None,
    format: str = "text",
) -> str:
    """``text`` with every safe fix applied (and unsafe ones with ``unsafe=True``), linted again until stable."""
    return Linter(select, ignore, variant, allow, options).fix(text, unsafe=unsafe, fmt=format).text
