"""One `zhproof check` run: collect the inputs, run them, print the report. The CLI builds the options."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import click

from .discovery import Configurations, Discovery, Inputs, SetupError
from .execution import DataUnit, Executor, FileUnit, Result, Unit
from .options import CheckOptions
from .records import JsonlWriters, OutputError, RecordProblems, records_summary
from .runner import jsonl_units, run_units

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
STATISTICS_FORMATS = ("text", "json", "json-lines")


class Failure(Exception):
    """An error to report on one line, exit 2."""


#: The run's errors, as printed: SARIF output carries them as the invocation's notifications.
_errors: list[str] = []


def error(message: str) -> None:
    _errors.append(message)
    click.echo(f"zhproof: error: {message}", err=True)


def note(message: str) -> None:
    click.echo(f"zhproof: {message}", err=True)


def validate(o: CheckOptions) -> None:
    if o.fix and o.diff:
        raise Failure("use --fix or --diff, not both")
    if o.statistics and o.diff:
        raise Failure("use --statistics or --diff, not both")
    if o.statistics and o.output_format not in STATISTICS_FORMATS:
        raise Failure(f"--statistics prints {', '.join(STATISTICS_FORMATS)}, not {o.output_format}")
    if o.output is not None and not (o.fix and o.jsonl_field):
        raise Failure("--output goes with --fix and --jsonl-field (JSON Lines are never fixed in place)")


def stdin_has_input() -> bool:
    """Is standard input a pipe, or a file with content? (Not a terminal, not /dev/null, not an empty file:
    a CI job, a cron job or an editor task gives those, and then the current folder is checked.)"""
    import stat

    try:
        fd = sys.stdin.fileno()
        st = os.fstat(fd)
    except (AttributeError, ValueError, OSError):  # replaced by an object without a descriptor (tests)
        return sys.stdin is not None and not sys.stdin.isatty()
    if stat.S_ISFIFO(st.st_mode):
        return True
    if stat.S_ISREG(st.st_mode):
        try:
            return st.st_size > os.lseek(fd, 0, os.SEEK_CUR)
        except OSError:
            return st.st_size > 0
    return False


def run_check(o: CheckOptions) -> int:
    paths = o.paths or (["-"] if o.stdin_filename is not None or stdin_has_input() else ["."])
    _stdin_bytes.clear()  # (a run in the same process, as a test's, reads its own)
    _stdout_written.clear()
    try:
        return _run_check(o, paths)
    except Exception:
        # (not JSON Lines on standard input: there standard output carries the report, and --output the records)
        if o.fix and "-" in paths and o.jsonl_field is None and not _stdout_written:
            # an editor replaces its text with standard output (:%!zhproof check --fix -): a run that cannot start
            # (a bad configuration, an unknown rule) or stops on an error passes the text through unchanged, as one
            # that cannot fix it does, and says why on standard error
            try:
                _write_stdout(_read_stdin())
            except (OSError, ValueError):
                pass
        raise


_stdin_bytes: list[bytes] = []  # standard input, once read (a run that fails after reading it passes it through)
_stdout_written: list[bool] = []  # whether the text has gone to standard output (then it is not passed again)


def _read_stdin() -> bytes:
    """All of standard input, read once."""
    if not _stdin_bytes:
        _stdin_bytes.append(sys.stdin.buffer.read())
    return _stdin_bytes[0]


def _run_check(o: CheckOptions, paths: list[str]) -> int:
    from .warmup import prepare_for_run

    _errors.clear()  # (one run per process, but tests run many)
    validate(o)
    writers = JsonlWriters(o.output)
    problems = RecordProblems()
    failed: set[str] = set()
    results: list[Result] = []
    try:
        configs = Configurations(o)
        discovery = Discovery(o, configs)
        inputs = discovery.collect(paths)
        if not o.quiet:
            for message in inputs.notes:
                note(message)
        for message in inputs.errors:
            error(message)
        jsonl_inputs = [i for i in inputs.items if discovery.is_jsonl(i.name)]
        if o.diff and jsonl_inputs:
            raise Failure("--diff does not apply to JSON Lines: --fix --output FILE writes a cleaned copy")
        # standard input's records, fixed, go to standard output (as standard input's text does)
        stdin_records = bool(o.fix and o.output is None and jsonl_inputs and all(i.path is None for i in jsonl_inputs))
        if o.fix and jsonl_inputs and o.output is None and not stdin_records:
            raise Failure("--fix on JSON Lines needs --output FILE: records are never rewritten in place")
        writers.check_target(several=len(jsonl_inputs) > 1, names=[i.name for i in jsonl_inputs])
        prepare_for_run(sum(FileUnit(i.name, i.path).size() for i in inputs.items if i.path is not None))
        n_jobs = o.jobs or _cores()
        if len(inputs.items) < 2 and not jsonl_inputs:
            # one file: no pool of workers (their start-up would cost more than a small file), but a long file's
            # rules are shared among the cores (engine.lint_document)
            configs.jobs = n_jobs
            n_jobs = 1
        bar = _progress_bar(o.progress, inputs)
        for unit, result in run_units(Executor(o, configs), _units(inputs, discovery), n_jobs):
            if bar is not None:
                bar.update(unit.size())
            if result.note and not o.quiet:
                note(result.note)
            if result.error:
                error(result.error)
                failed.add(result.name)
            for message in problems.add(result.name, result.problems):
                error(message)
            if result.records is not None and (result.name not in failed or stdin_records):
                if stdin_records:  # (standard input's records go on to standard output, passed through if unread)
                    _write_stdout(b"".join(result.records))
                else:
                    writers.write(result.name, result.records)
            results.append(result)
        if bar is not None:
            bar.close()
        for message in problems.finish(o.jsonl_field):
            error(message)
        if o.fix and writers.output is not None:
            for i in jsonl_inputs:
                if i.name not in failed:
                    writers.write(i.name, [])  # an input without records gets its (empty) copy too, not a stale one
        writers.close(failed)
    except (SetupError, OutputError) as e:
        writers.abort()
        raise Failure(str(e)) from None
    except BaseException:
        writers.abort()
        raise
    passed_through = False
    if o.fix and "-" in paths and o.jsonl_field is None and not _stdout_written and not inputs.stdin_excluded:
        if not any(i.path is None for i in inputs.items):
            # standard input refused before it was read (a .json name): passed through unchanged, as on any error
            _write_stdout(_read_stdin())
            passed_through = True
    if o.fix and inputs.stdin_excluded:
        # an excluded file on standard input is passed through unchanged: an editor replaces its text with ours
        _write_stdout(_read_stdin())
        if not o.quiet:
            note(f"{o.stdin_filename}: excluded by the configuration; passed through unchanged")
    stdin_fixed = o.fix and (
        inputs.stdin_excluded
        or passed_through
        or stdin_records
        or any(i.path is None and not discovery.is_jsonl(i.name) for i in inputs.items)
    )
    report(
        o,
        results,
        bool(jsonl_inputs),
        problems,
        bool(inputs.errors or failed or problems.count),
        stdin_fixed,
        inputs.stdin_excluded,
        configs.known_rules(),
    )
    if inputs.errors or failed or problems.count:
        return EXIT_ERROR
    if o.exit_zero:
        return EXIT_CLEAN
    if o.diff:
        return EXIT_FINDINGS if any(r.diff for r in results) else EXIT_CLEAN
    return EXIT_FINDINGS if any(r.findings for r in results) else EXIT_CLEAN


def _units(inputs: Inputs, discovery: Discovery) -> Iterator[Unit]:
    for item in inputs.items:
        if discovery.is_jsonl(item.name):
            stream = sys.stdin.buffer if item.path is None else open(item.path, "rb")  # noqa: SIM115
            try:
                yield from jsonl_units(item.name, item.path, stream)
            finally:
                if item.path is not None:
                    stream.close()
        elif item.path is None:
            yield DataUnit(item.name, _read_stdin())
        else:
            yield FileUnit(item.name, item.path)


def report(
    o: CheckOptions,
    results: list[Result],
    records: bool,
    problems: RecordProblems,
    errors: bool = False,
    stdin_fixed: bool = False,
    inputs_excluded: bool = False,
    known: dict | None = None,
) -> None:
    """Print what the run found. Standard output carries one thing: the text of standard input (--fix on stdin:
    fixed, or passed through unchanged when it cannot be read or fixed), or the diff (--diff), or else the
    findings; everything else goes to standard error. With ``errors``, the summary never says all passed."""
    from .output import (
        render_github,
        render_json,
        render_json_lines,
        render_sarif,
        render_statistics,
        render_statistics_json,
        render_text,
        summary,
    )

    rows = [f for r in results for f in r.findings]
    fixed = sum(r.fixed for r in results)
    stdout_text = [r.output for r in results if r.output is not None]
    if stdout_text:
        _write_stdout(b"".join(stdout_text))
    if o.diff:
        # bytes, each file's in its own encoding: the diff applies with ``patch`` to GB18030 and UTF-16 files too
        click.echo(b"".join(r.diff for r in results), nl=False)
    to_stderr = bool(stdout_text) or o.diff or stdin_fixed  # standard output is the text of standard input
    color = False if os.environ.get("NO_COLOR") else None  # None: colour only on a terminal
    fmt = o.output_format
    if o.statistics:
        chars = sum(r.chars for r in results)
        unsafe = o.unsafe_fixes and not o.fix  # "fixable" as the summary line counts it
        out = (
            render_statistics(rows, chars, unsafe_fixes=unsafe)
            if fmt == "text"
            else render_statistics_json(rows, chars, fmt, unsafe_fixes=unsafe)
        )
        click.echo(out, nl=False, err=to_stderr)
    elif fmt == "json":
        click.echo(render_json(rows), nl=False, err=to_stderr)
    elif fmt == "json-lines":
        click.echo(render_json_lines(rows), nl=False, err=to_stderr)
    elif fmt == "github":
        click.echo(render_github(rows), nl=False, err=to_stderr)
    elif fmt == "sarif":
        from .registry import builtin_rules

        click.echo(render_sarif(rows, known or builtin_rules(), _errors), nl=False, err=to_stderr)
    elif o.diff:
        would = sum(1 for r in results if r.diff)
        if not o.quiet:
            note(f"{would} file{'s' if would != 1 else ''} would be changed; {summary(rows, o.unsafe_fixes)}")
    else:
        if rows:
            click.echo(render_text(rows, unsafe=o.unsafe_fixes), nl=False, err=to_stderr, color=color)
        if o.fix and fixed and not o.quiet:
            click.echo(f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.", err=to_stderr)
        if not o.quiet:
            if errors and not rows:
                click.echo("No findings in what could be read; see the errors above.", err=to_stderr)
            elif not results and inputs_excluded:
                pass  # nothing was checked: the note above says why
            else:
                click.echo(summary(rows, o.unsafe_fixes and not o.fix), err=to_stderr)
    if records and not o.quiet:
        note(records_summary(results, o.fix, problems.count - problems.unfixable, problems.unfixable))


def _write_stdout(data: bytes) -> None:
    """Bytes to standard output as they are (the text of standard input keeps its encoding)."""
    _stdout_written.append(True)
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _cores() -> int:
    """The cores this process may run on (its CPU affinity, as taskset or a container sets it)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def _progress_bar(progress: bool | None, inputs: Inputs):
    """A tqdm bar on stderr for long runs on a terminal (or when asked with --progress)."""
    if progress is False:
        return None
    items = inputs.items
    total = sum(FileUnit(i.name, i.path).size() for i in items if i.path is not None)
    if progress is None and not (sys.stderr.isatty() and (total > 5_000_000 or len(items) > 50)):
        return None
    from tqdm import tqdm

    # no monitor thread (it only fixes a stalled bar's rate): a thread keeps a long file's rules from being shared
    # among processes (engine._can_fork)
    tqdm.monitor_interval = 0
    return tqdm(total=total, unit="B", unit_scale=True, desc="zhproof", file=sys.stderr, leave=False)
