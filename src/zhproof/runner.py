"""Check many files: find them, find each one's configuration, lint or fix it, collect the results.

The CLI is a thin layer over this; nothing here prints. Errors about one file are collected and reported,
and the other files are still processed.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from . import Linter
from .config import Config, ConfigError, find_config, load_config, validate_rule_names
from .files import BinaryFileError, InputError, Source, decode, encode, read_file, write_atomic
from .fixer import FixNotConvergedError
from .kinds import RuleFileError
from .output import Row, make_row
from .model import Value
from .registry import UnknownRuleError, builtin_rules, load_extra_rules, parse_rule_list

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Records of a JSON Lines file handed to a worker at a time.
JSONL_CHUNK = 256


class SetupError(Exception):
    """A problem that stops the whole run (bad configuration, unknown rule): one line, exit 2."""


class Settings(Value):
    _fields = ("fix", "unsafe", "diff", "select", "ignore", "variant", "config", "jsonl_field", "stdin_filename",
               "force_exclude")

    def __init__(
        self, fix: bool = False, unsafe: bool = False, diff: bool = False, select: str | None = None,
        ignore: str | None = None, variant: str | None = None, config: Path | None = None,
        jsonl_field: str | None = None, stdin_filename: Path | None = None, force_exclude: bool = False,
    ) -> None:
        self.fix = fix
        self.unsafe = unsafe
        self.diff = diff
        self.select = select
        self.ignore = ignore
        self.variant = variant
        self.config = config  # --config: one configuration for every file
        self.jsonl_field = jsonl_field  # --jsonl-field: .jsonl files (and stdin) hold records with this field
        self.stdin_filename = stdin_filename  # --stdin-filename: standard input is treated as this file
        self.force_exclude = force_exclude  # --force-exclude: `exclude` applies to files named on the command line


class FileResult(Value):
    _fields = ("name", "findings", "fixed", "output", "diff", "error", "note", "chars", "records", "checked", "changed",
               "problems")

    def __init__(
        self, name: str, findings: list[Row] | None = None, fixed: int = 0, output: str | None = None,
        diff: str = "", error: str | None = None, note: str | None = None, chars: int = 0,
        records: list[bytes] | None = None,
    ) -> None:
        self.name = name
        self.findings = [] if findings is None else findings
        self.fixed = fixed  # findings whose fix was applied
        self.output = output  # stdin with --fix: the fixed text
        self.diff = diff
        self.error = error
        self.note = note
        self.chars = chars
        self.records = records  # JSON Lines with --fix: the records to write, each a line with its newline
        self.checked = 0  # JSON Lines: records whose text was checked
        self.changed = 0  # JSON Lines with --fix: records whose text a fix changed
        self.problems: list[tuple[int, str, str]] = []  # JSON Lines: (line, "json" or "field", detail)


class Inputs(Value):
    _fields = ("items", "errors", "notes")

    def __init__(self) -> None:
        self.items: list[tuple[str, Path | None]] = []  # (name, path); path None: stdin
        self.errors: list[str] = []
        self.notes: list[str] = []


class Runner:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._configs: dict[Path | None, Config] = {}
        self._config_of_dir: dict[Path, Path | None] = {}
        self._linters: dict[tuple, Linter] = {}
        self._gitignores: dict[Path, object] = {}
        if settings.config is not None:
            self._load(settings.config)  # fail early on a bad --config

    # configuration -------------------------------------------------------------------------------------
    def _load(self, path: Path | None) -> Config:
        if path not in self._configs:
            try:
                cfg = load_config(path) if path is not None else Config()
                known = builtin_rules()
                if cfg.extend_rules:
                    known = load_extra_rules(cfg.extend_rules, known)
                validate_rule_names(cfg, known)
                cfg.known = known  # type: ignore[attr-defined]
            except (ConfigError, RuleFileError) as e:
                raise SetupError(str(e)) from None
            self._configs[path] = cfg
        return self._configs[path]

    def config_for(self, path: Path | None) -> Config:
        """--config, or the nearest configuration file above the checked file (for stdin: above
        --stdin-filename, or the current folder)."""
        if self.settings.config is not None:
            return self._load(self.settings.config)
        if path is None:
            path = self.settings.stdin_filename
        folder = (path.parent if path is not None else Path.cwd()).resolve()
        if folder not in self._config_of_dir:
            self._config_of_dir[folder] = find_config(folder)
        return self._load(self._config_of_dir[folder])

    def linter_for(self, path: Path | None) -> Linter:
        """The linter for a file (None: standard input, as --stdin-filename if given)."""
        if path is None:
            path = self.settings.stdin_filename
        cfg = self.config_for(path)
        known = cfg.known  # type: ignore[attr-defined]
        extra = tuple(sorted(cfg.ignored_for(path))) if path is not None else ()
        key = (id(cfg), extra)
        if key not in self._linters:
            s = self.settings
            try:
                select = parse_rule_list(s.select, known) if s.select else cfg.select
                ignore = parse_rule_list(s.ignore, known) + cfg.ignore + list(extra)
                self._linters[key] = Linter(select, ignore, s.variant or cfg.variant, cfg.allow, cfg.rules, known)
            except UnknownRuleError as e:
                raise SetupError(str(e)) from None
        return self._linters[key]

    # inputs --------------------------------------------------------------------------------------------
    def collect(self, paths: list[str]) -> Inputs:
        """Files to check. A file named on the command line is always checked; directories are walked for
        .txt and .md files, skipping hidden folders, what .gitignore ignores and what `exclude` excludes."""
        inputs = Inputs()
        for p in paths:
            if p == "-":
                where = self.settings.stdin_filename
                if where is not None and self.settings.force_exclude and self._skipped(where):
                    continue
                inputs.items.append((str(where) if where is not None else "-", None))
                continue
            path = Path(p)
            if path.is_dir():
                skipped = 0
                for f in self._walk(path):
                    if self._skipped(f):
                        skipped += 1
                    else:
                        inputs.items.append((str(f), f))
                if skipped:
                    inputs.notes.append(f"{p}: {skipped} file{'s' if skipped != 1 else ''} skipped (.gitignore or exclude)")
            elif path.exists():
                if not (self.settings.force_exclude and self._skipped(path)):
                    inputs.items.append((str(path), path))
            elif path.is_symlink():
                inputs.errors.append(f"{p}: broken symbolic link")
            else:
                inputs.errors.append(f"{p}: no such file or directory")
        return inputs

    def _walk(self, root: Path):
        seen: set[tuple[int, int]] = set()
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=None):
            try:
                st = os.stat(dirpath)
                if (st.st_dev, st.st_ino) in seen:  # a symlink loop
                    dirnames[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
            except OSError:
                continue
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            suffixes = TEXT_SUFFIXES + (JSONL_SUFFIXES if self.settings.jsonl_field else ())
            for name in sorted(filenames):
                if name.lower().endswith(suffixes):
                    yield Path(dirpath) / name

    def _skipped(self, f: Path) -> bool:
        cfg = self.config_for(f)
        if cfg.exclude and cfg.excluded(f):
            return True
        return self._gitignored(f)

    def _gitignored(self, f: Path) -> bool:
        """Is ``f`` ignored by a .gitignore in its folder or above, up to the repository root?"""
        folder = f.parent.resolve()
        for d in (folder, *folder.parents):
            spec = self._gitignore(d)
            if spec is not None:
                try:
                    rel = f.resolve().relative_to(d).as_posix()
                except ValueError:
                    rel = None
                if rel is not None and spec.match_file(rel):
                    return True
            if (d / ".git").exists():
                break
        return False

    def _gitignore(self, d: Path):
        if d not in self._gitignores:
            spec = None
            gi = d / ".gitignore"
            if gi.is_file():
                import pathspec

                try:
                    lines = gi.read_text(encoding="utf-8", errors="replace").splitlines()
                    spec = pathspec.GitIgnoreSpec.from_lines(lines)
                except (OSError, ValueError):
                    spec = None
            self._gitignores[d] = spec
        return self._gitignores[d]

    # one file ------------------------------------------------------------------------------------------
    def run_one(self, name: str, path: Path | None, data: bytes | None = None) -> FileResult:
        result = FileResult(name)
        s = self.settings
        try:
            source = decode(data, name) if data is not None else read_file(path)  # type: ignore[arg-type]
        except BinaryFileError as e:
            result.note = str(e)
            return result
        except InputError as e:
            result.error = str(e)
            return result
        linter = self.linter_for(path)
        result.chars = len(source.text)
        try:
            if s.fix or s.diff:
                fixed = linter.fix(source.text, unsafe=s.unsafe, path=name)
                if s.diff:
                    if fixed.text != source.text:
                        result.diff = unified_diff(name, source.text, fixed.text)
                    doc = linter.document(source.text, name)
                    findings = linter.lint_document(doc)
                else:
                    result.fixed = len(fixed.applied)
                    findings, doc = fixed.remaining, linter.document(fixed.text, name)
                    if path is None:
                        result.output = fixed.text
                    elif fixed.text != source.text:
                        self._write(path, source, fixed.text)
            else:
                doc = linter.document(source.text, name)
                findings = linter.lint_document(doc)  # the document's line index serves the report too
        except (FixNotConvergedError, RuleFileError) as e:
            result.error = f"{name}: {e}"
            return result
        except OSError as e:
            result.error = f"{name}: cannot write: {e.strerror or e}"
            result.fixed = 0
            return result
        result.findings = [make_row(name, doc, d) for d in findings]
        return result

    def is_jsonl(self, name: str) -> bool:
        """Is this input JSON Lines? (Standard input is, with --jsonl-field, unless --stdin-filename names a
        file of another kind.)"""
        return self.settings.jsonl_field is not None and (name == "-" or name.lower().endswith(JSONL_SUFFIXES + (".json",)))

    def run_records(self, name: str, path: Path | None, first: int, lines: list[bytes]) -> FileResult:
        """Records ``first``, ``first + 1``, ... of a JSON Lines file: lint (or fix) the text field of each.

        A record that cannot be read (not UTF-8, not JSON, no text field) is reported with its line number
        and the next records are still checked; with --fix it is written through unchanged."""
        result = FileResult(name)
        field_name = self.settings.jsonl_field
        linter = self.linter_for(path)
        fixing = self.settings.fix
        cleaned: list[bytes] = []
        problems: list[tuple[int, str, str]] = []
        for n, raw in enumerate(lines, first):
            try:
                line = raw.decode("utf-8", errors="strict") if isinstance(raw, bytes) else raw
                if not line.strip():
                    if fixing:
                        cleaned.append(_with_newline(raw))
                    continue
                obj = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                problems.append((n, "json", str(e)))
                if fixing:
                    cleaned.append(_with_newline(raw))
                continue
            text = obj.get(field_name) if isinstance(obj, dict) else None
            if not isinstance(text, str):
                keys = ", ".join(sorted(obj)[:8]) if isinstance(obj, dict) else type(obj).__name__
                problems.append((n, "field", keys))
                if fixing:
                    cleaned.append(_with_newline(raw))
                continue
            result.checked += 1
            result.chars += len(text)
            record_name = f"{name}#{n}"
            if fixing:
                fixed = linter.fix(text, unsafe=self.settings.unsafe, path=record_name, fmt="text")
                result.fixed += len(fixed.applied)
                if fixed.text != text:
                    result.changed += 1
                    obj[field_name] = fixed.text
                    cleaned.append((json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8"))
                else:
                    cleaned.append(_with_newline(raw))
                text, findings = fixed.text, fixed.remaining
            else:
                findings = linter.lint(text, path=record_name, fmt="text")
            if findings:
                doc = linter.document(text, record_name, fmt="text")
                result.findings.extend(make_row(name, doc, d, record=n) for d in findings)
        result.problems = problems
        if fixing:
            result.records = cleaned
        return result

    @staticmethod
    def _write(path: Path, source: Source, text: str) -> None:
        if not path.stat().st_mode & 0o222:
            # renaming over it would work, but a read-only file says: do not change me
            raise PermissionError(13, "the file is read-only")
        write_atomic(path, encode(source, text))


def _with_newline(raw: bytes) -> bytes:
    return raw if raw.endswith(b"\n") else raw + b"\n"


def unified_diff(name: str, old: str, new: str) -> str:
    import difflib  # only for --diff

    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=f"a/{name}", tofile=f"b/{name}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


# parallel runs -----------------------------------------------------------------------------------------
_WORKER: Runner | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = Runner(settings)


def _work(units: list[tuple]) -> list[FileResult]:
    assert _WORKER is not None
    return [_work_local(_WORKER, unit) for unit in units]


#: Files go to a worker in batches of up to this many, or this many bytes: one task (and one round trip
#: between processes) per small file cost more than linting it.
FILE_BATCH = 16
FILE_BATCH_BYTES = 1 << 20


def run_units(runner: Runner, units, jobs: int):
    """(unit, result) for the units ("file", name, path), ("data", name, bytes) and
    ("records", name, path, first, lines), in input order.

    With jobs > 1 the units go to worker processes, files in batches, a bounded number ahead of the results
    (few chunks of records, so a JSON Lines file larger than memory streams through), and the results still
    come back in input order.
    """
    if jobs <= 1:
        for unit in units:
            yield unit, _work_local(runner, unit)
        return
    import multiprocessing
    from collections import deque

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(runner.settings,)) as pool:
        pending: deque = deque()  # (units, async result or None, results done here or None)
        batch: list[tuple] = []
        batch_bytes = 0

        def submit(group: list[tuple]) -> None:
            pending.append((group, pool.apply_async(_work, (group,)), None))

        for unit in units:
            if unit[0] == "file":
                batch.append(unit)
                batch_bytes += unit_size(unit)
                if len(batch) >= FILE_BATCH or batch_bytes >= FILE_BATCH_BYTES:
                    submit(batch)
                    batch, batch_bytes = [], 0
            else:
                if batch:
                    submit(batch)
                    batch, batch_bytes = [], 0
                if unit[0] == "data":  # stdin stays in this process (units are few; order is kept)
                    pending.append(([unit], None, [_work_local(runner, unit)]))
                else:
                    submit([unit])
            # a batch of files is only paths until a worker reads them, so several may wait (a large file then
            # does not keep the other workers idle); a chunk of records is held in memory, so few
            window = 2 * jobs if unit[0] == "records" else 4 * jobs
            while len(pending) >= window or (pending and pending[0][1] is None):
                group, job, done = pending.popleft()
                yield from zip(group, done if job is None else job.get())
        if batch:
            submit(batch)
        while pending:
            group, job, done = pending.popleft()
            yield from zip(group, done if job is None else job.get())


def _work_local(runner: Runner, unit: tuple) -> FileResult:
    kind = unit[0]
    if kind == "file":
        return runner.run_one(unit[1], unit[2])
    if kind == "data":  # standard input, read by the parent
        return runner.run_one(unit[1], None, unit[2])
    _, name, path, first, lines = unit
    return runner.run_records(name, path, first, lines)


def unit_size(unit: tuple) -> int:
    """Bytes a unit covers, for the progress bar."""
    kind = unit[0]
    if kind == "file":
        try:
            return unit[2].stat().st_size
        except OSError:
            return 0
    if kind == "data":
        return len(unit[2])
    return sum(len(line) for line in unit[4])


def jsonl_units(name: str, path: Path | None, stream, chunk: int = JSONL_CHUNK):
    """Split a JSON Lines stream into units of ``chunk`` records, read lazily."""
    lines: list[bytes] = []
    first = 1
    n = 0
    for raw in stream:
        n += 1
        lines.append(raw)
        if len(lines) >= chunk:
            yield ("records", name, path, first, lines)
            first, lines = n + 1, []
    if lines:
        yield ("records", name, path, first, lines)
