"""The command line: thin glue between files, the linter and the reporters."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Failure(Exception):
    """An error to report on one line, exit 2."""


def _err(message: str) -> None:
    click.echo(f"zhproof: error: {message}", err=True)


def _note(message: str) -> None:
    click.echo(f"zhproof: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zhproof")
def main() -> None:
    """zhproof: a proofreading linter for Chinese text."""


FORMATS = ["text", "json", "json-lines", "github", "sarif"]


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (stdin: write the fixed text to stdout).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes; change nothing.")
@click.option("--select", metavar="RULE,...", help="Only these rules (ALL for every rule).")
@click.option("--ignore", metavar="RULE,...", help="Skip these rules.")
@click.option("--variant", type=click.Choice(["zh-Hans", "zh-Hant", "zh-TW", "zh-HK"]), help="Script of the text (default zh-Hans).")
@click.option("--output-format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Use this configuration file for every checked file.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain.")
@click.option("--jsonl-field", metavar="FIELD", help="Read .jsonl/.ndjson files (and stdin) as JSON Lines and check this text field of each record.")
@click.option("--output", "output_path", type=click.Path(path_type=Path), help="With --fix on JSON Lines: write the cleaned records here (a file, or a folder for several inputs).")
@click.option("--jobs", "-j", type=click.IntRange(0, 256), default=0, help="Worker processes (default: the machine's cores; 1: none).")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal, for long runs).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the start-up cache (as ZHPROOF_NO_CACHE=1).")
def check(paths, fix, unsafe_fixes, diff, select, ignore, variant, output_format, statistics, config_path, exit_zero,
          jsonl_field, output_path, jobs, progress, no_cache) -> None:
    """Check PATHS (files, directories, or - for stdin) for mechanical errors."""
    if no_cache:
        os.environ["ZHPROOF_NO_CACHE"] = "1"  # read by zhproof.cache, here and in worker processes
    try:
        code = _check(list(paths), fix, unsafe_fixes, diff, select, ignore, variant, output_format, statistics,
                      config_path, exit_zero, jsonl_field, output_path, jobs, progress)
    except Failure as e:
        _err(str(e))
        code = EXIT_ERROR
    except KeyboardInterrupt:
        _err("interrupted")
        code = 130
    except Exception as e:  # never a traceback for a user
        _err(f"internal error: {type(e).__name__}: {e} (please report this with the input that caused it)")
        code = EXIT_ERROR
    sys.exit(code)


def _check(paths, fix, unsafe_fixes, diff, select, ignore, variant, output_format, statistics, config_path, exit_zero,
           jsonl_field=None, output_path=None, jobs=0, progress=None) -> int:
    from .output import render_github, render_json, render_json_lines, render_sarif, render_statistics, render_text, summary
    from .registry import builtin_rules
    from .runner import Runner, SetupError, Settings, jsonl_units, run_units, unit_size

    if unsafe_fixes and not (fix or diff):
        raise Failure("--unsafe-fixes needs --fix or --diff")
    if fix and diff:
        raise Failure("use --fix or --diff, not both")
    if output_path is not None and not (fix and jsonl_field):
        raise Failure("--output goes with --fix and --jsonl-field (JSON Lines are never fixed in place)")
    settings = Settings(fix=fix, unsafe=unsafe_fixes, diff=diff, select=select, ignore=ignore, variant=variant,
                        config=config_path, jsonl_field=jsonl_field)
    writers = _JsonlWriters(output_path)
    try:
        runner = Runner(settings)
        if not paths:
            paths = ["-"] if not sys.stdin.isatty() else ["."]
        inputs = runner.collect(paths)
        for note in inputs.notes:
            _note(note)
        for error in inputs.errors:
            _err(error)
        jsonl_inputs = [(n, p) for n, p in inputs.items if runner.is_jsonl(n)]
        if fix and jsonl_inputs and output_path is None:
            raise Failure("--fix on JSON Lines needs --output FILE: records are never rewritten in place")
        if len(jsonl_inputs) > 1 and output_path is not None and not output_path.is_dir():
            raise Failure("--output must be an existing folder when several JSON Lines files are fixed")

        def units():
            for name, path in inputs.items:
                if runner.is_jsonl(name):
                    stream = sys.stdin.buffer if path is None else open(path, "rb")  # noqa: SIM115
                    try:
                        yield from jsonl_units(name, path, stream)
                    finally:
                        if path is not None:
                            stream.close()
                elif path is None:
                    yield ("data", name, sys.stdin.buffer.read())
                else:
                    yield ("file", name, path)

        from .checks.duplicate_word import prepare_for_run

        prepare_for_run(sum(unit_size(("file", name, path)) for name, path in inputs.items if path is not None))
        n_jobs = jobs or os.cpu_count() or 1
        if len(inputs.items) < 2 and not jsonl_inputs:
            n_jobs = 1  # one small file: worker processes would only add their start-up
        bar = _progress_bar(progress, inputs.items)
        results = []
        failed = set()
        for unit, result in run_units(runner, units(), n_jobs):
            if bar is not None:
                bar.update(unit_size(unit))
            if result.note:
                _note(result.note)
            if result.error:
                _err(result.error)
                failed.add(result.name)
            if result.records is not None and result.name not in failed:
                writers.write(result.name, result.records)
            results.append(result)
        if bar is not None:
            bar.close()
        writers.close(failed)
    except SetupError as e:
        writers.abort()
        raise Failure(str(e)) from None
    except BaseException:
        writers.abort()
        raise

    rows = [f for r in results for f in r.findings]
    fixed = sum(r.fixed for r in results)
    errors = len(inputs.errors) + len(failed)
    stdout_text = [r.output for r in results if r.output is not None]
    to_stderr = bool(stdout_text)  # stdout carries the fixed text
    if stdout_text:
        click.echo("".join(stdout_text), nl=False)
    if diff:
        click.echo("".join(r.diff for r in results), nl=False)
    color = False if os.environ.get("NO_COLOR") else None  # None: colour only on a terminal
    if statistics:
        click.echo(render_statistics(rows, sum(r.chars for r in results)), nl=False, err=to_stderr)
    elif output_format == "json":
        click.echo(render_json(rows), nl=False, err=to_stderr)
    elif output_format == "json-lines":
        click.echo(render_json_lines(rows), nl=False, err=to_stderr)
    elif output_format == "github":
        click.echo(render_github(rows), nl=False, err=to_stderr)
    elif output_format == "sarif":
        click.echo(render_sarif(rows, builtin_rules()), nl=False, err=to_stderr)
    else:
        if rows:
            click.echo(render_text(rows), nl=False, err=to_stderr, color=color)
        if fix and fixed:
            click.echo(f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.", err=to_stderr)
        if not diff or rows:
            click.echo(summary(rows), err=to_stderr)
    if errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    if diff:
        return EXIT_FINDINGS if any(r.diff for r in results) else EXIT_CLEAN
    return EXIT_FINDINGS if rows else EXIT_CLEAN


def _progress_bar(progress, items):
    """A tqdm bar on stderr for long runs on a terminal (or when asked with --progress)."""
    if progress is False:
        return None
    sizes = []
    for _, path in items:
        try:
            sizes.append(path.stat().st_size if path is not None else 0)
        except OSError:
            sizes.append(0)
    total = sum(sizes)
    if progress is None and not (sys.stderr.isatty() and (total > 5_000_000 or len(items) > 50)):
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="B", unit_scale=True, desc="zhproof", file=sys.stderr, leave=False)


class _JsonlWriters:
    """Cleaned JSON Lines copies, written record by record to a temporary file, renamed when complete."""

    def __init__(self, output: Path | None):
        self.output = output
        self.open: dict[str, tuple] = {}

    def _target(self, name: str) -> Path:
        assert self.output is not None
        if self.output.is_dir():
            return self.output / Path(name if name != "-" else "stdin.jsonl").name
        return self.output

    def write(self, name: str, records: list[str]) -> None:
        import tempfile

        if name not in self.open:
            target = self._target(name)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".zhproof-tmp", dir=target.parent)
            self.open[name] = (os.fdopen(fd, "w", encoding="utf-8", newline="\n"), tmp, target)
        f = self.open[name][0]
        for rec in records:
            f.write(rec + "\n")

    def close(self, failed: set[str]) -> None:
        for name, (f, tmp, target) in self.open.items():
            f.flush()
            os.fsync(f.fileno())
            f.close()
            if name in failed:
                os.unlink(tmp)  # an unreadable record: no half-cleaned copy
            else:
                os.replace(tmp, target)
        self.open.clear()

    def abort(self) -> None:
        for f, tmp, _ in self.open.values():
            f.close()
            try:
                os.unlink(tmp)
            except OSError:
                pass
        self.open.clear()


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
def rules_cmd() -> None:
    """List every rule with its fix availability."""
    from .registry import builtin_rules

    rules = builtin_rules()
    width = max(len(n) for n in rules)
    click.echo(f"{'rule'.ljust(width)}  {'fix'.ljust(9)}  summary")
    for name, rule in rules.items():
        click.echo(f"{name.ljust(width)}  {rule.fixable.ljust(9)}  {rule.doc.summary}")


@main.command("rule")
@click.argument("name")
def rule_cmd(name: str) -> None:
    """Print the documentation of rule NAME, with examples."""
    from .registry import builtin_rules

    rules = builtin_rules()
    if name not in rules:
        _err(f"unknown rule {name!r} (see `zhproof rules`)")
        sys.exit(EXIT_ERROR)
    click.echo(rule_doc_markdown(rules[name]))


def rule_doc_markdown(rule) -> str:
    """A rule's documentation as Markdown: `zhproof rule NAME` prints it, docs/rules/NAME.md holds it."""
    doc = rule.doc
    out = [f"# {rule.name}", "", doc.summary + ".", "", f"Fix: {rule.fixable}.", "", "## What it does", "", doc.what,
           "", "## Why is this bad", "", doc.why, "", "## Fix safety", "", doc.fix, "", "## Examples", "",
           "Flagged (→ fixed):", ""]
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
    return s.replace("\n", "⏎").encode("unicode_escape").decode("ascii") if any(
        ord(c) < 32 and c != "\n" or c in "\u200b\u200c\u200d\ufeff\ufffd\u00ad" for c in s
    ) else s.replace("\n", "⏎")


if __name__ == "__main__":  # pragma: no cover
    main()
