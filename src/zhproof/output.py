"""Reporters: turn findings into text for people or JSON for programs. Nothing else prints.

A finding is reported through a ``Row``: its JSON object (the contract of PRODUCT.md) and its text block
(the code frame people read), both made where the document is at hand — possibly in a worker process — so
that rows are small and picklable and every format is rendered from them.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Sequence

import click

from .document import Document
from .model import Diagnostic, Value

CONTEXT = 16  # characters of context shown on each side of a finding


class Row(Value):
    """One finding as data: its JSON object (positions, message, fix) and the excerpt of the text around it.

    Made where the document is at hand (possibly in a worker process), small and picklable; every format,
    the terminal's code frame included, is rendered from it here."""

    __slots__ = ("data", "frame")
    _fields = __slots__

    def __init__(self, data: dict, frame: tuple[str, str, str]) -> None:
        self.data = data  # the JSON object of the finding
        self.frame = frame  # (before, body, after): the text around the finding on its lines, made visible

    @property
    def rule(self) -> str:
        return self.data["rule"]

    @property
    def applicability(self) -> str | None:
        return self.data["fix"]["applicability"] if self.data["fix"] else None


def make_row(path: str, doc: Document, d: Diagnostic, record: int | None = None) -> Row:
    line, col = doc.line_col(d.start)
    end_line, end_col = doc.line_col(d.end)
    fix = None
    if d.fix is not None:
        fix = {"replacement": d.replacement(doc.text), "applicability": d.fix.safety.label, "title": d.fix.title}
    data = {
        "path": path,
        "rule": d.rule,
        "severity": d.severity.value,
        "message": d.message,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "offset": d.start,
        "end_offset": d.end,
        "fix": fix,
    }
    if record is not None:
        data["record"] = record
    return Row(data, _frame(doc, d, line))


def _frame(doc: Document, d: Diagnostic, line: int) -> tuple[str, str, str]:
    """The finding's text with up to CONTEXT characters either side, within its lines."""
    text = doc.text
    line_start = doc.line_starts[line - 1]
    end_li = doc.line_index(d.end)
    end_line_end = doc.line_starts[end_li] + len(doc.line_text(end_li))
    lo = max(line_start, d.start - CONTEXT)
    hi = min(end_line_end, d.end + CONTEXT)
    before = _visible(("…" if lo > line_start else "") + text[lo : d.start])
    body = _visible(text[d.start : d.end])
    if len(body) > 40:
        body = body[:18] + "…" + body[-18:]
    after = _visible(text[d.end : hi] + ("…" if hi < end_line_end else ""))
    return before, body, after


def render_json(rows: Sequence[Row]) -> str:
    return json.dumps([r.data for r in rows], ensure_ascii=False, indent=2) + "\n"


def render_json_lines(rows: Sequence[Row]) -> str:
    return "".join(json.dumps(r.data, ensure_ascii=False) + "\n" for r in rows)


#: Format characters a terminal draws with no width: zero-width space, non-joiner, joiner, directional marks,
#: word joiner and invisible operators, byte order mark. (U+00AD, the soft hyphen, is drawn: not here.)
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff")


def _char_width(c: str) -> int:
    """Columns a terminal gives ``c``: 0 for combining marks (``unicodedata.combining``, and the other
    nonspacing and enclosing marks such as the variation selectors U+FE00-FE0F) and zero-width format
    characters; 2 for East Asian wide and fullwidth; 1 otherwise."""
    if c in _ZERO_WIDTH or unicodedata.combining(c) or (unicodedata.category(c) in ("Mn", "Me", "Cf") and c != "\xad"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def _width(s: str) -> int:
    """Columns ``s`` takes in a terminal, for aligning the carets under a finding."""
    return sum(_char_width(c) for c in s)


# Control characters the file holds, shown by their Unicode pictures (␛ for ESC, ␡ for DEL) or U+FFFD (C1 controls):
# printed raw, an escape sequence in a file would recolour or drive the user's terminal.
_CONTROL_PICTURES = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_CONTROL_PICTURES[0x7F] = "\u2421"
_CONTROL_PICTURES.update({c: "\ufffd" for c in range(0x80, 0xA0)})
# ... and the bidirectional overrides and isolates and the line and paragraph separators, which reorder or break the
# line on a terminal (a file's U+202E turned the rest of the shown line around)
_CONTROL_PICTURES.update(
    {c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C, 0x2028, 0x2029)}
)


def _visible(s: str) -> str:
    s = s.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎").replace("\t", "→")
    return s.translate(_CONTROL_PICTURES)


def _place(data: dict) -> str:
    """path:line:col, or path#record:line:col for a record of a JSON Lines file."""
    where = data["path"] if "record" not in data else f"{data['path']}#{data['record']}"
    return f"{where}:{data['line']}:{data['column']}"


def _text_block(row: Row, unsafe: bool) -> str:
    style = click.style
    data = row.data
    line = data["line"]
    colour = "red" if data["severity"] == "error" else "yellow"
    out = [f"{style(_place(data), bold=True)}: {style(data['rule'], fg=colour, bold=True)} {data['message']}"]
    before, body, after = row.frame
    gutter = " " * len(str(line))
    out.append(f"{gutter} |")
    out.append(f"{line} | {before}{style(body, fg='red', bold=True)}{after}")
    out.append(f"{gutter} | {' ' * _width(before)}{style('^' * max(1, _width(body)), fg='red', bold=True)}")
    fix = data["fix"]
    if fix is not None:
        tag = {
            "safe": "",
            "unsafe": " (unsafe fix)" if unsafe else " (unsafe fix: --unsafe-fixes)",
            "display": " (suggestion)",
        }[fix["applicability"]]
        rep = fix["replacement"]
        shown = f"“{_visible(rep)}”" if rep else "（删除）"
        out.append(f"{gutter} = {style('fix', fg='cyan', bold=True)}: {fix['title']} → {shown}{tag}")
    return "\n".join(out) + "\n"


def render_text(rows: Sequence[Row], unsafe: bool = False) -> str:
    """The code frames people read; ``unsafe``: unsafe fixes are shown as available (--unsafe-fixes)."""
    return "".join(_text_block(r, unsafe) + "\n" for r in rows)


def _fixable(row: Row, unsafe_fixes: bool) -> bool:
    """Whether ``--fix`` fixes the finding: a safe fix, or with ``unsafe_fixes`` an unsafe one too (a display-only
    suggestion never). The one meaning of "fixable" for the summary line and the statistics."""
    return row.applicability == "safe" or (unsafe_fixes and row.applicability == "unsafe")


def summary(rows: Sequence[Row], unsafe_fixes: bool = False) -> str:
    """The last line of a text report (ruff's: ``All checks passed!`` when there is nothing to report)."""
    n = len(rows)
    if not n:
        return "All checks passed!"
    safe = sum(1 for r in rows if _fixable(r, unsafe_fixes=False))
    unsafe = sum(1 for r in rows if r.applicability == "unsafe")
    word = "finding" if n == 1 else "findings"
    if unsafe_fixes:
        return f"{n} {word}, {safe + unsafe} fixable with --fix --unsafe-fixes"
    return f"{n} {word}, {safe} fixable with --fix, {unsafe} more with --unsafe-fixes"


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def _record_line(data: dict) -> int | None:
    """The line of the file that holds the finding's record (JSON Lines), or None for a finding in a plain file.

    A record's number is its physical line in the file: ``execution.run_records`` numbers every line it
    reads, blank and unreadable ones included. The finding's own ``line``/``column``/``offset`` are inside the
    record's decoded text field, not in the file: where the field's text sits in the line (after the key,
    with JSON escapes) is not known here, so only the line is."""
    return data.get("record")


def _in_record(data: dict) -> str:
    """Where in its record's text a finding is, for formats that can only point at the record's line."""
    return f"record {data['record']}, line {data['line']}, column {data['column']} of its text"


def render_github(rows: Sequence[Row]) -> str:
    """GitHub Actions workflow commands: one ``::error file=…,line=…,col=…::message`` line per finding; a
    finding in a JSON Lines record is annotated on the record's line (no columns), the message saying where
    in the record's text it is."""
    out = []
    for r in rows:
        j = r.data
        record_line = _record_line(j)
        place: tuple[tuple[str, object], ...]
        if record_line is None:
            place = (
                ("line", j["line"]),
                ("col", j["column"]),
                ("endLine", j["end_line"]),
                ("endColumn", j["end_column"]),
            )
            message = j["rule"] + ": " + j["message"]
        else:
            place = (("line", record_line),)
            message = j["rule"] + ": " + j["message"] + f" ({_in_record(j)})"
        props = ",".join(
            f"{k}={_gh_property(str(v))}" for k, v in (("file", j["path"]), *place, ("title", f"zhproof {j['rule']}"))
        )
        out.append(f"::{_GITHUB_LEVEL[j['severity']]} {props}::{_gh_data(message)}\n")
    return "".join(out)


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_uri(path: str) -> str:
    """A path as SARIF's artifact URI: an absolute path as a file: URI, a relative one as a relative reference,
    percent-encoded either way (a file named a,b:c%d.txt or 疫情.md is no valid URI as it is written)."""
    import os
    from pathlib import Path
    from urllib.parse import quote

    if os.path.isabs(path):
        return Path(path).as_uri()
    # (the name's own bytes, percent-encoded: a name that is no UTF-8 holds lone surrogates, which quote refuses)
    return quote(os.fsencode(path.replace(os.sep, "/")), safe="/-._~")


def render_sarif(rows: Sequence[Row], rules: dict, errors: Sequence[str] = ()) -> str:
    """SARIF 2.1.0, columns counted in Unicode code points, with fixes as replacements (not for a finding in a
    JSON Lines record: its region is the record's line, its place in the text and its fix are properties).
    ``errors``, the run's errors (a file that could not be read or decoded, a bad configuration), are the
    invocation's notifications, and the run is then not successful: a dashboard must not show such a file clean."""
    from . import __version__

    names = sorted(rules)
    index = {n: i for i, n in enumerate(names)}
    driver_rules = []
    for n in names:
        doc = rules[n].doc
        driver_rules.append(
            {
                "id": n,
                "name": n,
                "shortDescription": {"text": doc.summary},
                "fullDescription": {"text": doc.what},
                "help": {"text": f"{doc.what}\n\nWhy: {doc.why}\n\nFix: {doc.fix}"},
                "properties": {"fixable": rules[n].fixable},
            }
        )
    results = []
    for r in rows:
        j = r.data
        text_region = {
            "startLine": j["line"],
            "startColumn": j["column"],
            "endLine": j["end_line"],
            "endColumn": j["end_column"],
            "charOffset": j["offset"],
            "charLength": j["end_offset"] - j["offset"],
        }
        record_line = _record_line(j)
        # in a JSON Lines record the positions are in the record's decoded text: the region is the record's line
        region = text_region if record_line is None else {"startLine": record_line}
        location = {"uri": _sarif_uri(j["path"])}
        result: dict = {
            "ruleId": j["rule"],
            "level": _SARIF_LEVEL[j["severity"]],
            "message": {"text": j["message"] if record_line is None else f"{j['message']} ({_in_record(j)})"},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        }
        if record_line is not None:
            # where in the record's text, and its fix: data, not an artifact change (offsets into the decoded
            # text would corrupt the .jsonl file; `zhproof check --fix --output` writes the cleaned records)
            result["properties"] = {"record": j["record"], "textRegion": text_region}
            if j["fix"]:
                result["properties"]["fix"] = j["fix"]
        if j["rule"] in index:
            result["ruleIndex"] = index[j["rule"]]
        if record_line is None and j["fix"] and j["fix"]["applicability"] != "display":
            result["fixes"] = [
                {
                    "description": {"text": f"{j['fix']['title']} ({j['fix']['applicability']})"},
                    "artifactChanges": [
                        {
                            "artifactLocation": location,
                            "replacements": [
                                {
                                    "deletedRegion": {
                                        "charOffset": j["offset"],
                                        "charLength": j["end_offset"] - j["offset"],
                                    },
                                    "insertedContent": {"text": j["fix"]["replacement"]},
                                }
                            ],
                        }
                    ],
                }
            ]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "zhproof",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://pypi.org/project/zhproof/",
                        "rules": driver_rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {
                        "executionSuccessful": not errors,
                        "toolExecutionNotifications": [
                            {"level": "error", "message": {"text": message}} for message in errors
                        ],
                    }
                ],
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def render_statistics(rows: Sequence[Row], chars: int, unsafe_fixes: bool = False) -> str:
    """Findings per rule, with how many are fixable and the rate per 100,000 characters checked.

    Fixable means what it means in :func:`summary` given the same ``unsafe_fixes``: fixed by ``--fix`` (a safe
    fix), or with ``unsafe_fixes`` by ``--fix --unsafe-fixes`` (an unsafe fix too)."""
    from collections import Counter

    per_rule = Counter(r.rule for r in rows)
    fixable = Counter(r.rule for r in rows if _fixable(r, unsafe_fixes))
    width = max([len(r) for r in per_rule] + [5])
    lines = [f"{'count':>7}  {'rule'.ljust(width)}  {'fixable':>7}  {'per 100k chars':>14}"]
    for rule, n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        rate = n * 100_000 / chars if chars else 0.0
        lines.append(f"{n:>7}  {rule.ljust(width)}  {fixable[rule]:>7}  {rate:>14.2f}")
    total = len(rows)
    rate = total * 100_000 / chars if chars else 0.0
    lines.append(
        f"{total:>7}  {'total'.ljust(width)}  {sum(fixable.values()):>7}  {rate:>14.2f}  ({chars:,} characters)"
    )
    return "\n".join(lines) + "\n"


def render_statistics_json(rows: Sequence[Row], chars: int, fmt: str = "json", unsafe_fixes: bool = False) -> str:
    """--statistics with --output-format json (a list) or json-lines (one object a line): per rule, its
    findings, how many are fixable (as in :func:`render_statistics`), and the rate per 100,000 characters;
    sorted as the text table."""
    from collections import Counter

    per_rule = Counter(r.rule for r in rows)
    fixable = Counter(r.rule for r in rows if _fixable(r, unsafe_fixes))
    items = [
        {
            "rule": rule,
            "count": n,
            "fixable": fixable[rule],
            "per_100k_chars": round(n * 100_000 / chars, 2) if chars else 0.0,
        }
        for rule, n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    if fmt == "json-lines":
        return "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
