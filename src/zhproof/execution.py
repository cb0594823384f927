"""Execution: one unit of work (a file, standard input, or a chunk of JSON Lines records) read, decoded,
linted or fixed, and written back; the result holds findings as data (``output.Row``), never rendered text.

Work units are small typed records that cross to worker processes; they are hand-written classes with
``__slots__`` rather than dataclasses, which cost start-up time to create (see ARCHITECTURE.md).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .discovery import Configurations, OptionError, SetupError
from .files import BinaryFileError, InputError, Source, decode, encode, read_file, write_atomic
from .fixer import FixNotConvergedError
from .kinds import RuleFileError
from .options import CheckOptions
from .output import Row, make_row


class FileUnit:
    """A file to read in the worker."""

    __slots__ = ("name", "path")

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path

    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


class DataUnit:
    """Standard input, read by the main process."""

    __slots__ = ("name", "data")

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.data = data

    def size(self) -> int:
        return len(self.data)


class RecordsUnit:
    """Lines ``first``, ``first + 1``, ... of a JSON Lines input."""

    __slots__ = ("name", "path", "first", "lines")

    def __init__(self, name: str, path: Path | None, first: int, lines: list[bytes]) -> None:
        self.name = name
        self.path = path  # None: standard input
        self.first = first
        self.lines = lines

    def size(self) -> int:
        return sum(len(line) for line in self.lines)


Unit = FileUnit | DataUnit | RecordsUnit


class Result:
    """What a unit gave: findings as rows, counts, and what the main process must print or write."""

    __slots__ = (
        "name",
        "findings",
        "fixed",
        "output",
        "diff",
        "error",
        "note",
        "chars",
        "records",
        "checked",
        "changed",
        "problems",
    )

    def __init__(self, name: str) -> None:
        self.name = name
        self.findings: list[Row] = []
        self.fixed = 0  # findings whose fix was applied
        self.output: bytes | None = None  # standard input with --fix: the fixed text, in the input's encoding
        self.diff = b""
        self.error: str | None = None
        self.note: str | None = None
        self.chars = 0
        self.records: list[bytes] | None = None  # JSON Lines with --fix: the lines to write, newline included
        self.checked = 0  # JSON Lines: records whose text was checked
        self.changed = 0  # JSON Lines with --fix: records whose text a fix changed
        self.problems: list[tuple[int, str, str]] = []  # JSON Lines: (line, "json" or "field", detail)


class Executor:
    def __init__(self, options: CheckOptions, configs: Configurations | None = None):
        self.options = options
        self.configs = configs if configs is not None else Configurations(options)

    def run(self, unit: Unit) -> Result:
        if isinstance(unit, FileUnit):
            return self.run_text(unit.name, unit.path)
        if isinstance(unit, DataUnit):
            return self.run_text(unit.name, None, unit.data)
        return self.run_records(unit)

    def run_text(self, name: str, path: Path | None, data: bytes | None = None) -> Result:
        result = Result(name)
        o = self.options
        if data is not None and o.fix:
            result.output = data  # standard input with --fix: passed through unchanged unless fixed below
        try:
            source = decode(data, name) if data is not None else read_file(path)  # type: ignore[arg-type]
        except BinaryFileError as e:
            result.note = str(e)
            return result
        except InputError as e:
            result.error = str(e)
            return result
        try:
            linter = self.configs.linter_for(path)
        except OptionError:
            raise  # (a rule name of the command line: the whole run stops, with one line)
        except SetupError as e:  # its configuration cannot be used: this file is not checked, the others are
            result.error = str(e)
            return result
        result.chars = len(source.text)
        doc = None
        try:
            if o.fix or o.diff:
                fixed = linter.fix(source.text, unsafe=o.apply_unsafe, path=name)
                if o.diff:
                    if fixed.text != source.text:
                        result.diff = unified_diff(name, encode(source, source.text), encode(source, fixed.text))
                    doc = linter.document(source.text, name)
                    findings = linter.lint_document(doc)
                else:
                    if path is None:
                        result.output = encode(source, fixed.text)  # in the input's encoding, with its BOM
                    elif fixed.text != source.text:
                        _write(path, source, fixed.text)
                    result.fixed = len(fixed.applied)
                    findings, doc = fixed.remaining, linter.document(fixed.text, name)
            else:
                doc = linter.document(source.text, name)
                findings = linter.lint_document(doc)  # the document's line index serves the report too
        except RuleFileError as e:
            result.error = f"{name}: {e}"
            return result
        except (FixNotConvergedError, OSError) as e:
            # nothing was written: the file's findings are still reported, as found in the text as it is
            result.error = (
                f"{name}: {e}" if isinstance(e, FixNotConvergedError) else f"{name}: cannot write: {e.strerror or e}"
            )
            doc = linter.document(source.text, name)
            findings = linter.lint_document(doc)
        result.findings = [make_row(name, doc, d) for d in findings]
        if doc.named:
            result.note = self._unknown_suppressions(doc, path)
        return result

    def _unknown_suppressions(self, doc, path: Path | None) -> str | None:
        """A warning for the suppression comments that name a rule zhproof does not know (a typo silences
        nothing), or None."""
        known = self.configs.config_for(path).known  # type: ignore[attr-defined]
        bad = [(doc.line_col(at)[0], rule) for at, rule in doc.named if rule not in known]
        if not bad:
            return None
        directives = [(line, name) for line, name in bad if name.startswith("zhproof-")]
        rules = [(line, name) for line, name in bad if not name.startswith("zhproof-")]
        out = []
        if rules:
            where = "; ".join(f"line {line}: {rule!r}" for line, rule in rules)
            out.append(f"warning: {doc.path}: suppression comment names an unknown rule ({where}; see `zhproof rules`)")
        if directives:
            where = "; ".join(f"line {line}: {name!r}" for line, name in directives)
            out.append(
                f"warning: {doc.path}: unknown suppression comment ({where}; zhproof-disable, zhproof-enable, "
                "zhproof-disable-next-line or zhproof-disable-file)"
            )
        return "\nzhproof: ".join(out)  # (each on a line of its own, as the run prints a note: zhproof: …)

    def run_records(self, unit: RecordsUnit) -> Result:
        """Lint (or fix) the text field of each record. A record that cannot be read (not UTF-8, not JSON, no
        text field) is reported with its line number and the next ones are still checked; with --fix it is
        written through unchanged."""
        name = unit.name
        result = Result(name)
        field_name = self.options.jsonl_field
        assert field_name is not None  # records are read only with --jsonl-field
        fixing = self.options.fix
        try:
            linter = self.configs.linter_for(unit.path)
        except OptionError:
            raise
        except SetupError as e:  # its configuration cannot be used: the records are passed through unchanged
            result.error = str(e)
            if fixing:
                result.records = [_with_newline(raw) for raw in unit.lines]
            return result
        cleaned: list[bytes] = []
        for n, raw in enumerate(unit.lines, unit.first):
            try:
                line = raw.decode("utf-8", errors="strict")
                if n == 1 and line.startswith("\ufeff"):
                    line = line[1:]  # a byte order mark before the first record (files saved on Windows)
                if not line.strip():
                    if fixing:
                        cleaned.append(_with_newline(raw))
                    continue
                obj = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                result.problems.append((n, "json", str(e)))
                if fixing:
                    cleaned.append(_with_newline(raw))
                continue
            text = obj.get(field_name) if isinstance(obj, dict) else None
            if not isinstance(text, str):
                keys = ", ".join(sorted(obj)[:8]) if isinstance(obj, dict) else type(obj).__name__
                result.problems.append((n, "field", keys))
                if fixing:
                    cleaned.append(_with_newline(raw))
                continue
            result.checked += 1
            result.chars += len(text)
            record_name = f"{name}#{n}"
            if fixing:
                try:
                    fixed = linter.fix(text, unsafe=self.options.apply_unsafe, path=record_name, fmt="text")
                except FixNotConvergedError as e:
                    result.problems.append((n, "fix", str(e)))
                    cleaned.append(_with_newline(raw))
                    findings = linter.lint(text, path=record_name, fmt="text")
                else:
                    result.fixed += len(fixed.applied)
                    if fixed.text != text:
                        result.changed += 1
                        # only the field's value changes: the other fields, their order, spacing and numbers,
                        # and the record's line ending stay as written
                        cleaned.append(_replace_field(raw, line, field_name, fixed.text))
                    else:
                        cleaned.append(_with_newline(raw))
                    text, findings = fixed.text, fixed.remaining
            else:
                findings = linter.lint(text, path=record_name, fmt="text")
            if findings:
                doc = linter.document(text, record_name, fmt="text")
                result.findings.extend(make_row(name, doc, d, record=n) for d in findings)
        if fixing:
            result.records = cleaned
        return result


def _write(path: Path, source: Source, text: str) -> None:
    if not path.is_file():
        raise OSError(22, "not a regular file (a pipe or a device): the fixed text cannot be written back")
    if not path.stat().st_mode & 0o222:
        # renaming over it would work, but a read-only file says: do not change me
        raise PermissionError(13, "the file is read-only")
    write_atomic(path, encode(source, text))


def _replace_field(raw: bytes, line: str, field: str, value: str) -> bytes:
    """The record ``raw`` (decoded: ``line``, without a byte order mark) with the value of its top-level ``field``
    replaced by the JSON string ``value``, everything else kept byte for byte. Where the key occurs twice, the last
    one is the field (as ``json.loads`` reads it)."""
    decoder = json.JSONDecoder()
    ws = " \t\n\r"
    i = len(line) - len(line.lstrip(ws)) + 1  # past the opening brace
    span = None
    while True:
        while line[i] in ws:
            i += 1
        if line[i] == "}":
            break
        key, i = decoder.raw_decode(line, i)
        while line[i] in ws:
            i += 1
        i += 1  # the colon
        while line[i] in ws:
            i += 1
        _, end = decoder.raw_decode(line, i)
        if key == field:
            span = (i, end)
        i = end
        while line[i] in ws:
            i += 1
        if line[i] == ",":
            i += 1
    assert span is not None  # the caller found the field
    encoded = json.dumps(value, ensure_ascii=False)
    try:
        encoded.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (\ud83d in the record): only an escape can write it
        encoded = json.dumps(value)
    new = line[: span[0]] + encoded + line[span[1] :]
    prefix = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    return prefix + _with_newline(new.encode("utf-8"))


def _with_newline(raw: bytes) -> bytes:
    return raw if raw.endswith(b"\n") else raw + b"\n"


def unified_diff(name: str, old: bytes, new: bytes) -> bytes:
    """A unified diff of the file's bytes as written (its encoding and BOM), with lines as ``patch`` reads them:
    ended by LF only. So it applies to a GB18030 or UTF-16 file, a line that holds U+2028 or a form feed is one
    line, and a file with classic Mac line endings (lone CRs) is one line too, as ``patch`` and ``diff`` see it."""
    import difflib  # only for --diff

    lines = difflib.diff_bytes(
        difflib.unified_diff,
        _patch_lines(old),
        _patch_lines(new),
        fromfile=os.fsencode(f"a/{name}"),
        tofile=os.fsencode(f"b/{name}"),
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n")
    return b"".join(out)


def _patch_lines(data: bytes) -> list[bytes]:
    """The lines of ``data`` as ``patch`` counts them: each ends with LF, the last one perhaps without."""
    lines = [line + b"\n" for line in data.split(b"\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]
