"""Format adapters: they tell the engine which spans of a document are prose, and where findings are
suppressed. They never change the text, so offsets always point into the original file."""
from __future__ import annotations

from dataclasses import dataclass, field

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


@dataclass
class Layout:
    prose: list[tuple[int, int]]
    # (start, end, rules): findings starting inside [start, end) of these rules (None: all rules) are dropped
    suppressed: list[tuple[int, int, frozenset[str] | None]] = field(default_factory=list)


def format_for(path: str) -> str:
    return "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"


def layout(text: str, fmt: str) -> Layout:
    if fmt == "markdown":
        from .markdown import markdown_layout

        return markdown_layout(text)
    return Layout(prose=[(0, len(text))])
