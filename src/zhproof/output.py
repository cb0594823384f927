"""Reporters: turn findings into text for people or JSON for programs. Nothing else prints."""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from .document import Document
from .model import Diagnostic, Safety

CONTEXT = 16  # characters of context shown on each side of a finding


@dataclass
class Finding:
    path: str
    doc: Document
    diag: Diagnostic

    def to_json(self) -> dict:
        d = self.diag
        line, col = self.doc.line_col(d.start)
        end_line, end_col = self.doc.line_col(d.end)
        fix = None
        if d.fix is not None:
            fix = {"replacement": d.replacement(self.doc.text), "applicability": d.fix.safety.label, "title": d.fix.title}
        return {
            "path": self.path, "rule": d.rule, "severity": d.severity.value, "message": d.message,
            "line": line, "column": col, "end_line": end_line, "end_column": end_col,
            "offset": d.start, "end_offset": d.end, "fix": fix,
        }


def render_json(findings: Sequence[Finding]) -> str:
    return json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2) + "\n"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _visible(s: str) -> str:
    return s.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎").replace("\t", "→")


def render_text(findings: Sequence[Finding], style) -> str:
    """``style(text, **click_style_kwargs)`` colours text (identity when colour is off)."""
    out: list[str] = []
    for f in findings:
        d, doc, text = f.diag, f.doc, f.doc.text
        line, col = doc.line_col(d.start)
        head = f"{style(f.path, bold=True)}:{line}:{col}: {style(d.rule, fg='red' if d.severity.value == 'error' else 'yellow', bold=True)} {d.message}"
        out.append(head)
        li = doc.line_index(d.start)
        line_start = doc.line_starts[li]
        end_li = doc.line_index(d.end)
        end_line_text_end = line_start + len(doc.line_text(li)) if end_li == li else doc.line_starts[end_li] + len(doc.line_text(end_li))
        lo = max(line_start, d.start - CONTEXT)
        hi = min(end_line_text_end, d.end + CONTEXT)
        before = ("…" if lo > line_start else "") + text[lo:d.start]
        body = _visible(text[d.start:d.end])
        if len(body) > 40:
            body = body[:18] + "…" + body[-18:]
        if not body:
            body = ""
        after = text[d.end:hi] + ("…" if hi < end_line_text_end else "")
        gutter = " " * len(str(line))
        out.append(f"{gutter} |")
        out.append(f"{line} | {_visible(before)}{style(body, fg='red', bold=True)}{_visible(after)}")
        marker = "^" * max(1, _width(body))
        out.append(f"{gutter} | {' ' * _width(_visible(before))}{style(marker, fg='red', bold=True)}")
        if d.fix is not None:
            rep = d.replacement(text)
            tag = {Safety.SAFE: "", Safety.UNSAFE: " (unsafe fix: --unsafe-fixes)", Safety.DISPLAY: " (suggestion)"}[d.fix.safety]
            shown = f"“{_visible(rep)}”" if rep else "（删除）"
            out.append(f"{gutter} = {style('fix', fg='cyan', bold=True)}: {d.fix.title} → {shown}{tag}")
        out.append("")
    return "\n".join(out)


def summary(findings: Sequence[Finding]) -> str:
    n = len(findings)
    safe = sum(1 for f in findings if f.diag.fix is not None and f.diag.fix.safety == Safety.SAFE)
    unsafe = sum(1 for f in findings if f.diag.fix is not None and f.diag.fix.safety == Safety.UNSAFE)
    word = "finding" if n == 1 else "findings"
    return f"{n} {word}, {safe} fixable with --fix, {unsafe} more with --unsafe-fixes"
