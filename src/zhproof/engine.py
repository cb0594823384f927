"""Run rules over a Document: keep findings in prose, drop allowed words, sort and de-duplicate."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence

from .document import Document
from .fixer import joins_line_breaks
from .model import Diagnostic, Fix, Safety
from .patterns import compile_re
from .rule import Rule


def lint_document(doc: Document, rules: Sequence[Rule], allow: Iterable[str] = ()) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    seen = _rules_view(doc)
    for rule in rules:
        for d in rule.check(seen):
            if not (0 <= d.start <= d.end <= len(doc.text)):
                raise AssertionError(f"rule {rule.name} reported a span outside the text: {d}")
            if doc.in_prose(d.start, d.end) and not (doc.suppressed and doc.is_suppressed(d.rule, d.start)):
                found.append(d)
    allowed = _allowed_spans(doc.text, allow)
    if allowed:
        found = [d for d in found if not any(s <= d.start and d.end <= e for s, e in allowed)]
    # A fix that would join a lone CR and a lone LF into one line break changes the line structure outside its
    # span: it is kept as a suggestion only.
    found = [_display_only(d) if d.fix is not None and joins_line_breaks(doc.text, d.fix) else d for d in found]
    found.sort(key=lambda d: (d.start, -d.end, d.rule))
    found = _dedupe(found)
    found.sort(key=lambda d: (d.start, d.end, d.rule))
    return found


_MASK = compile_re(r"[^\x00-\x7f]+")


def _rules_view(doc: Document) -> Document:
    """The document the rules read: outside prose (a link's destination, inline code, a code block) every
    non-ASCII character is a space, so that a rule never counts or groups characters that cannot be reported
    (a link whose destination repeats its text: [維基百科](https://zh.wikipedia.org/wiki/維基百科)). Offsets,
    lines and the ASCII syntax stay as they are; plain text, all prose, is read as it is."""
    text = doc.text
    prose = doc.prose
    if len(prose) == 1 and prose[0] == (0, len(text)):
        return doc
    pieces = []
    pos = 0
    for start, end in prose + [(len(text), len(text))]:
        pieces.append(_MASK.sub(lambda m: " " * len(m.group()), text[pos:start]))
        pieces.append(text[start:end])
        pos = max(pos, end)
    masked = "".join(pieces)
    if masked == text:
        return doc
    view = Document(
        masked,
        path=doc.path,
        variant=doc.variant,
        prose=prose,
        options=doc.options,
        fmt=doc.fmt,
        suppressed=doc.suppressed,
    )
    view._line_starts = doc._line_starts
    return view


def _display_only(d: Diagnostic) -> Diagnostic:
    assert d.fix is not None
    return replace(d, fix=Fix(d.fix.edits, Safety.DISPLAY, d.fix.title))


def _allowed_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for w in words:
        if not w:
            continue
        i = text.find(w)
        while i >= 0:
            spans.append((i, i + len(w)))
            i = text.find(w, i + 1)
    return spans


def _dedupe(found: list[Diagnostic]) -> list[Diagnostic]:
    """Drop exact repeats, and findings of a rule that lie inside another finding of the same rule."""
    out: list[Diagnostic] = []
    widest: dict[str, tuple[int, int]] = {}
    for d in found:  # sorted by start, widest first
        prev = widest.get(d.rule)
        if prev is not None and prev[0] <= d.start and d.end <= prev[1] and (prev[0], prev[1]) != (d.start, d.end):
            continue
        if out and out[-1].rule == d.rule and (out[-1].start, out[-1].end) == (d.start, d.end):
            continue
        out.append(d)
        if prev is None or d.end > prev[1]:
            widest[d.rule] = (d.start, d.end)
    return out
