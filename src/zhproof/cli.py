"""The command line: thin glue between files, the linter and the reporters."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from . import __version__
from .document import VARIANT_CHOICES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _err(message: str) -> None:
    click.echo(f"zhproof: error: {message}", err=True)


def _note(message: str) -> None:
    click.echo(f"zhproof: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zhproof")
def main() -> None:
    """zhproof: a proofreading linter for Chinese text."""
    # A file name that is no UTF-8 (a GBK name from a Windows archive) or a record's lone surrogate (\udcb1 in JSON
    # Lines) is a str with a lone surrogate: written as its escape, so that every report is valid UTF-8 (and a JSON
    # report valid JSON) whatever the locale, not raw bytes or an encoding error that loses the whole report
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


FORMATS = ["text", "json", "json-lines", "github", "sarif"]


def _rule_list(values: tuple[str, ...], option: str = "") -> list[str]:
    """--select a,b --select c: every name given, in order (as ruff: the option accumulates). An option given
    with no name at all (--select '') is a usage error: it silently meant the default set."""
    names = [n.strip() for v in values for n in v.split(",") if n.strip()]
    if values and not names and option:
        raise click.UsageError(f"{option} needs at least one rule name (ALL for every rule)")
    return names


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (stdin: write the fixed text to stdout).")
@click.option(
    "--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply unsafe fixes too; alone: show them as available."
)
@click.option(
    "--diff", is_flag=True, help="Print a unified diff of the fixes (nothing else on stdout); change nothing."
)
@click.option(
    "--select", metavar="RULE,...", multiple=True, help="Only these rules (ALL for every rule); may be repeated."
)
@click.option(
    "--extend-select",
    metavar="RULE,...",
    multiple=True,
    help="These rules on top of the selected ones, or of the default set (opt-in rules).",
)
@click.option("--ignore", metavar="RULE,...", multiple=True, help="Skip these rules; may be repeated.")
@click.option(
    "--variant",
    type=click.Choice(VARIANT_CHOICES),
    help="Script of the text (default zh-Hans); auto: each document by its own characters.",
)
@click.option("--output-format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings (text or json)."
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this configuration file for every checked file.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain.")
@click.option(
    "--jsonl-field",
    metavar="FIELD",
    help="Read .jsonl/.ndjson files (and stdin) as JSON Lines and check this text field of each record.",
)
@click.option(
    "--output",
    "output_path",
    type=click.Path(path_type=Path),
    help="With --fix on JSON Lines: write the cleaned records here (a file, or a folder for several inputs).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0, 256),
    default=0,
    help="Worker processes (default: the cores this process may use; 1: none). A run on one long file shares its "
    "rules among them.",
)
@click.option(
    "--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal, for long runs)."
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the start-up cache (as ZHPROOF_NO_CACHE=1).")
@click.option(
    "--stdin-filename",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Treat standard input as this file: its format, configuration and per-file ignores.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply the configuration's `exclude` to files named on the command line too (as pre-commit names them).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary line, no notes.")
def check(
    paths,
    fix,
    unsafe_fixes,
    diff,
    select,
    extend_select,
    ignore,
    variant,
    output_format,
    statistics,
    config_path,
    exit_zero,
    jsonl_field,
    output_path,
    jobs,
    progress,
    no_cache,
    stdin_filename,
    force_exclude,
    quiet,
) -> None:
    """Check PATHS (files, directories, or - for stdin; default: the current directory) for mechanical errors."""
    from .options import CheckOptions

    if no_cache:
        os.environ["ZHPROOF_NO_CACHE"] = "1"  # read by zhproof.cache, here and in worker processes
    options = CheckOptions(
        paths=list(paths),
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        select=_rule_list(select, "--select") or None,
        extend_select=_rule_list(extend_select, "--extend-select"),
        ignore=_rule_list(ignore),
        variant=variant,
        output_format=output_format,
        statistics=statistics,
        config=config_path,
        exit_zero=exit_zero,
        jsonl_field=jsonl_field,
        output=output_path,
        jobs=jobs,
        progress=progress,
        stdin_filename=stdin_filename,
        force_exclude=force_exclude,
        quiet=quiet,
    )
    _exit_with(lambda: _run_check(options))


def _run_check(options) -> int:
    from .session import run_check

    return run_check(options)


def _exit_with(command: Callable[[], int]) -> None:
    """Run a command: its exit code, or one line on stderr and exit 2 (never a traceback for a user)."""
    from .session import Failure

    try:
        code = command()
    except Failure as e:
        _err(str(e))
        code = EXIT_ERROR
    except KeyboardInterrupt:
        _err("interrupted")
        code = 130
    except BrokenPipeError:
        # the reader of standard output went away (zhproof check | head): stop quietly, as other tools do;
        # standard output goes to /dev/null so that Python's flush at exit raises nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_ERROR
    except OSError as e:
        # the system refused what the run had to do at the end, as writing its output (> /dev/full: no space
        # left on device): the system's own words, not a report of a bug
        where = f" ({e.filename})" if e.filename else ""
        _err(
            f"cannot write the output: {e.strerror or e}{where}" if e.filename is None else f"{e.strerror or e}{where}"
        )
        code = EXIT_ERROR
    except Exception as e:  # never a traceback for a user
        _err(f"internal error: {type(e).__name__}: {e} (please report this with the input that caused it)")
        code = EXIT_ERROR
    try:
        sys.stdout.flush()
    except OSError as e:
        # (what is still buffered cannot be written either: say so once, unless the reader went away, as in
        # zhproof check | head, which stops quietly; and make the exit's own flush quiet)
        if code != EXIT_ERROR and not isinstance(e, BrokenPipeError):
            _err("cannot write the output")
        code = EXIT_ERROR
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(code)


def _known_rules(config_path: Path | None) -> dict:
    """The rules `check` would know here: the built-in ones and those of the configuration's `extend-rules`
    (the configuration found from the current folder upwards, or --config)."""
    from .discovery import Configurations
    from .options import CheckOptions

    return Configurations(CheckOptions(config=config_path)).config_for(None).known  # type: ignore[attr-defined]


_config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Include the rules of this configuration's extend-rules (default: the configuration found from here).",
)


@main.command("server")
@click.option("--stdio", is_flag=True, help="Talk over standard input/output (the default, and the only transport).")
def server_cmd(stdio: bool) -> None:
    """Run the language server (LSP) for editors, over standard input/output."""
    try:
        from .server import serve
    except ImportError as e:
        if (e.name or "").split(".")[0] not in ("pygls", "lsprotocol"):
            raise  # not a missing extra: a bug, to be seen as one
        _err(f"the language server needs the lsp extra: pip install 'zhproof[lsp]' ({e})")
        sys.exit(EXIT_ERROR)
    serve()


@main.command("rules")
@_config_option
def rules_cmd(config_path: Path | None) -> None:
    """List every rule with its fix availability."""

    def command() -> int:
        rules = _known_rules(config_path)
        width = max(len(n) for n in rules)
        click.echo(f"{'rule'.ljust(width)}  {'fix'.ljust(9)}  summary")
        for name, rule in sorted(rules.items()):
            opt_in = "" if getattr(rule, "default", True) else " (opt-in: --extend-select " + name + ")"
            click.echo(f"{name.ljust(width)}  {rule.fixable.ljust(9)}  {rule.doc.summary}{opt_in}")
        return EXIT_CLEAN

    _exit_with(command)


@main.command("rule")
@click.argument("name")
@_config_option
def rule_cmd(name: str, config_path: Path | None) -> None:
    """Print the documentation of rule NAME, with examples (built-in or from an extend-rules pack)."""

    def command() -> int:
        rules = _known_rules(config_path)
        if name not in rules:
            _err(f"unknown rule {name!r} (see `zhproof rules`)")
            return EXIT_ERROR
        click.echo(rule_doc_markdown(rules[name]))
        return EXIT_CLEAN

    _exit_with(command)


def rule_doc_markdown(rule) -> str:
    """A rule's documentation as Markdown: `zhproof rule NAME` prints it, docs/rules/NAME.md holds it."""
    doc = rule.doc
    out = [
        f"# {rule.name}",
        "",
        doc.summary + ".",
        "",
        f"Fix: {rule.fixable}.",
        "",
        "## What it does",
        "",
        doc.what,
        "",
        "## Why is this bad",
        "",
        doc.why,
        "",
        "## Fix safety",
        "",
        doc.fix,
        "",
        "## Examples",
        "",
        "Flagged (→ fixed):",
        "",
    ]
    for ex in doc.bad:
        line = f"- `{_visible_example(ex.text)}`"
        if ex.fixed is not None:
            line += f" → `{_visible_example(ex.fixed)}`"
        out.append(line + _variant_note(ex))
    out += ["", "Not flagged:", ""]
    for ex in doc.ok:
        out.append(f"- `{_visible_example(ex.text)}`" + _variant_note(ex))
    return "\n".join(out).rstrip() + "\n"


def _variant_note(ex) -> str:
    return f" (variant {ex.variant})" if ex.variant != "zh-Hans" else ""


def _visible_example(s: str) -> str:
    return (
        s.replace("\n", "⏎").encode("unicode_escape").decode("ascii")
        if any(ord(c) < 32 and c != "\n" or c in "\u200b\u200c\u200d\ufeff\ufffd\u00ad" for c in s)
        else s.replace("\n", "⏎")
    )


def run() -> None:
    """The ``zhproof`` command (and ``python -m zhproof``): ``main`` with a quick exit. Tearing down the interpreter
    (freeing every module and object one by one) took about 30 ms of the 200 ms a pre-commit hook's run on a small
    file costs; once the command has its exit code, standard output and error are flushed, the functions registered
    with ``atexit`` run (the start-up cache is written, a process pool is closed), and the process ends. The usual
    exit is kept where it matters: another thread still running (the language server), an exit code that is not a
    number, an interpreter without ``atexit._run_exitfuncs``, output that cannot be flushed (a closed pipe, a full
    disk), which Python reports as it always does, and a profiler, tracer or debugger watching the run (``python -m
    cProfile -m zhproof``, ``-m trace``, ``-m pdb``: they report after the program returns)."""
    try:
        main()
    except SystemExit as e:
        _quick_exit(e)
        raise


def _quick_exit(e: SystemExit) -> None:
    """End the process at once with ``e``'s code, if that is safe (see ``run``); else return."""
    import atexit
    import threading

    code = e.code
    if code is None:
        code = 0
    finish = getattr(atexit, "_run_exitfuncs", None)
    if type(code) is not int or finish is None or threading.active_count() != 1:
        return
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return  # a profiler, tracer or debugger reports after the program returns
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001 - Python's own exit reports it (and sets its exit code) as it always does
        return
    finish()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001 - what an atexit function printed cannot be written: exit as Python would
        os._exit(120)
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
