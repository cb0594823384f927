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


def render_json_lines(findings: Sequence[Finding]) -> str:
    return "".join(json.dumps(f.to_json(), ensure_ascii=False) + "\n" for f in findings)


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands: one ``::error file=…,line=…,col=…::message`` line per finding."""
    out = []
    for f in findings:
        j = f.to_json()
        props = ",".join(
            f"{k}={_gh_property(str(v))}"
            for k, v in (
                ("file", j["path"]), ("line", j["line"]), ("col", j["column"]),
                ("endLine", j["end_line"]), ("endColumn", j["end_column"]), ("title", f"zhproof {j['rule']}"),
            )
        )
        out.append(f"::{_GITHUB_LEVEL[j['severity']]} {props}::{_gh_data(j['rule'] + ': ' + j['message'])}\n")
    return "".join(out)


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(findings: Sequence[Finding], rules: dict) -> str:
    """SARIF 2.1.0, columns counted in Unicode code points, with fixes as replacements."""
    from . import __version__

    names = sorted(rules)
    index = {n: i for i, n in enumerate(names)}
    driver_rules = []
    for n in names:
        doc = rules[n].doc
        driver_rules.append({
            "id": n,
            "name": n,
            "shortDescription": {"text": doc.summary},
            "fullDescription": {"text": doc.what},
            "help": {"text": f"{doc.what}\n\nWhy: {doc.why}\n\nFix: {doc.fix}"},
            "properties": {"fixable": rules[n].fixable},
        })
    results = []
    for f in findings:
        j = f.to_json()
        region = {
            "startLine": j["line"], "startColumn": j["column"], "endLine": j["end_line"], "endColumn": j["end_column"],
            "charOffset": j["offset"], "charLength": j["end_offset"] - j["offset"],
        }
        location = {"uri": j["path"]}
        result = {
            "ruleId": j["rule"],
            "level": _SARIF_LEVEL[j["severity"]],
            "message": {"text": j["message"]},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        }
        if j["rule"] in index:
            result["ruleIndex"] = index[j["rule"]]
        if f.diag.fix is not None and f.diag.fix.safety > Safety.DISPLAY:
            result["fixes"] = [{
                "description": {"text": f"{f.diag.fix.title} ({f.diag.fix.safety.label})"},
                "artifactChanges": [{
                    "artifactLocation": location,
                    "replacements": [
                        {
                            "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                            "insertedContent": {"text": e.text},
                        }
                        for e in f.diag.fix.edits
                    ],
                }],
            }]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "zhproof", "version": __version__, "semanticVersion": __version__,
                "informationUri": "https://pypi.org/project/zhproof/", "rules": driver_rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def render_statistics(findings: Sequence[Finding], chars: int) -> str:
    """Findings per rule, with how many are fixable and the rate per 100,000 characters checked."""
    from collections import Counter

    per_rule = Counter(f.diag.rule for f in findings)
    fixable = Counter(f.diag.rule for f in findings if f.diag.fix is not None and f.diag.fix.safety > Safety.DISPLAY)
    width = max([len(r) for r in per_rule] + [4])
    lines = [f"{'count':>7}  {'rule'.ljust(width)}  {'fixable':>7}  {'per 100k chars':>14}"]
    for rule, n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        rate = n * 100_000 / chars if chars else 0.0
        lines.append(f"{n:>7}  {rule.ljust(width)}  {fixable[rule]:>7}  {rate:>14.2f}")
    total = len(findings)
    rate = total * 100_000 / chars if chars else 0.0
    lines.append(f"{total:>7}  {'total'.ljust(width)}  {sum(fixable.values()):>7}  {rate:>14.2f}  ({chars:,} characters)")
    return "\n".join(lines) + "\n"
