"""A document under check: its text, a line index, and which spans are prose."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
import re

from .model import Value

# (plain re.compile: importing zhproof must not read the start-up cache, which --no-cache may turn off later)
_NEWLINE = re.compile(r"\r\n|\n|\r")
_LONE_CR = re.compile(r"\r(?!\n)")
VARIANTS = ("zh-Hans", "zh-Hant", "zh-TW", "zh-HK")
#: What a user may ask for: a variant, or ``auto``, which each document resolves by its own characters
#: (``script.detect_variant``: zh-Hant when it writes more traditional-only characters than simplified-only ones).
AUTO = "auto"
VARIANT_CHOICES = (*VARIANTS, AUTO)


class Document(Value):
    """Text plus the facts rules share about it.

    ``prose`` lists the ``(start, end)`` code-point spans that are prose (for plain text: all of it); format
    adapters (Markdown) narrow it, and the engine drops findings outside it, and those in ``suppressed``
    regions. ``options`` holds per-rule options from the configuration, keyed by rule name.
    """

    __slots__ = (
        "text",
        "path",
        "variant",
        "prose",
        "options",
        "fmt",
        "suppressed",
        "named",
        "_line_starts",
        "_prose_index",
        "_suppressed_index",
        "_lf",
    )
    _fields = ("text", "path", "variant", "prose", "options", "fmt", "suppressed")

    def __init__(
        self,
        text: str,
        path: str = "-",
        variant: str = "zh-Hans",
        prose: list[tuple[int, int]] | None = None,
        options: dict[str, dict] | None = None,
        fmt: str = "text",
        suppressed: list[tuple[int, int, frozenset[str] | None]] | None = None,
        named: list[tuple[int, str]] | None = None,
    ) -> None:
        if variant == AUTO:
            from .script import detect_variant

            variant = detect_variant(text)
        elif variant not in VARIANTS:
            raise ValueError(f"unknown variant {variant!r} (expected one of: {', '.join(VARIANT_CHOICES)})")
        self.text = text
        self.path = path
        self.variant = variant
        self.prose: list[tuple[int, int]] = [(0, len(text))] if prose is None else prose
        self.options = {} if options is None else options
        self.fmt = fmt  # "text" or "markdown"
        # (start, end, rules): findings of these rules (None: all) starting in [start, end) are suppressed
        self.suppressed = [] if suppressed is None else suppressed
        self.named = [] if named is None else named  # (offset, rule) named by suppression comments
        self._line_starts: list[int] | None = None
        # (the lists they index, and the indexes: built on first use, again if the list is replaced)
        self._prose_index: tuple | None = None
        self._suppressed_index: tuple | None = None
        self._lf: Document | None = None  # (lf_lines, worked out once for the rules that ask)

    @property
    def traditional(self) -> bool:
        """True when the document is written in traditional characters."""
        return self.variant != "zh-Hans"

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            text = self.text
            if "\r" in text:
                self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
            else:  # the common case: str.find in a loop is about twice as fast as the pattern
                starts = [0]
                find, add = text.find, starts.append
                i = find("\n")
                while i >= 0:
                    add(i + 1)
                    i = find("\n", i + 1)
                self._line_starts = starts
        return self._line_starts

    def line_index(self, offset: int) -> int:
        """0-based line number of a code-point offset."""
        return bisect_right(self.line_starts, offset) - 1

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and 1-based column (in code points) of an offset."""
        i = self.line_index(offset)
        return i + 1, offset - self.line_starts[i] + 1

    def line_text(self, index: int) -> str:
        """The text of 0-based line ``index`` without its line break."""
        starts = self.line_starts
        start = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def line_bounds(self, start: int, end: int | None = None) -> tuple[int, int]:
        """Start of the line holding ``start`` and end (before its line break) of the line holding ``end``.

        From the line index (a binary search), so that calling it for every match of a long line stays cheap.
        """
        starts = self.line_starts
        line_start = starts[bisect_right(starts, start) - 1]
        i = bisect_right(starts, start if end is None else end) - 1
        line_end = starts[i + 1] if i + 1 < len(starts) else len(self.text)
        text = self.text
        while line_end > line_start and text[line_end - 1] in "\r\n":
            line_end -= 1
        return line_start, line_end

    def in_prose(self, start: int, end: int) -> bool:
        assert self.prose is not None
        if len(self.prose) == 1:
            s, e = self.prose[0]
            return s <= start and end <= e
        index = self._prose_index
        if index is None or index[0] is not self.prose:
            # (built once, not for every finding: a Markdown document of many code spans was quadratic)
            index = self._prose_index = (self.prose, [s for s, _ in self.prose])
        i = bisect_right(index[1], start) - 1
        return i >= 0 and end <= self.prose[i][1]

    def is_suppressed(self, rule: str, start: int) -> bool:
        """Is a finding of ``rule`` at ``start`` in a region a suppression comment turns the rule off in? The
        regions sorted by start, with the furthest end reached so far: only those that start before ``start`` and
        may still reach it are looked at (a document of many disable-next-line comments was quadratic)."""
        index = self._suppressed_index
        if index is None or index[0] is not self.suppressed:
            regions = sorted(self.suppressed, key=lambda r: r[0])
            reach = list(accumulate((r[1] for r in regions), max))
            index = self._suppressed_index = (self.suppressed, regions, [r[0] for r in regions], reach)
        _, regions, starts, reach = index
        i = bisect_right(starts, start) - 1
        while i >= 0 and reach[i] > start:
            _, e, rules = regions[i]
            if start < e and (rules is None or rule in rules):
                return True
            i -= 1
        return False

    def option(self, rule: str, key: str, default):
        return self.options.get(rule, {}).get(key, default)

    def lf_lines(self) -> Document:
        """This document, or where it ends lines with lone carriage returns (classic Mac files) a copy with each
        made a line feed: the same offsets, lines and paragraphs, for a rule that reads line breaks as line feeds."""
        if self._lf is None:
            if "\r" not in self.text or _LONE_CR.search(self.text) is None:
                self._lf = self
            else:
                self._lf = Document(
                    _LONE_CR.sub("\n", self.text),
                    self.path,
                    self.variant,
                    self.prose,
                    self.options,
                    self.fmt,
                    self.suppressed,
                    self.named,
                )
        return self._lf
