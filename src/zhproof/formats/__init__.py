"""Format adapters: they tell the engine which spans of a document are prose, and where findings are
suppressed. They never change the text, so offsets always point into the original file."""

from __future__ import annotations

from ..model import Value

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


class Layout(Value):
    __slots__ = ("prose", "suppressed", "named")
    _fields = __slots__

    def __init__(
        self,
        prose: list[tuple[int, int]],
        suppressed: list[tuple[int, int, frozenset[str] | None]] | None = None,
        named: list[tuple[int, str]] | None = None,
    ) -> None:
        self.prose = prose
        # (start, end, rules): findings starting inside [start, end) of these rules (None: all) are dropped
        self.suppressed = [] if suppressed is None else suppressed
        # (offset, rule): each rule name a suppression comment names, where the comment starts
        self.named = [] if named is None else named


def format_for(path: str) -> str:
    return "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"


def layout(text: str, fmt: str) -> Layout:
    if fmt == "markdown":
        from .markdown import markdown_layout

        return markdown_layout(text)
    return Layout(prose=[(0, len(text))])
