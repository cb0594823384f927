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
def check(paths, fix, unsafe_fixes, diff, select, ignore, variant, output_format, statistics, config_path, exit_zero) -> None:
    """Check PATHS (files, directories, or - for stdin) for mechanical errors."""
    try:
        code = _check(list(paths), fix, unsafe_fixes, diff, select, ignore, variant, output_format, statistics,
                      config_path, exit_zero)
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


def _check(paths, fix, unsafe_fixes, diff, select, ignore, variant, output_format, statistics, config_path, exit_zero) -> int:
    from .output import render_github, render_json, render_json_lines, render_sarif, render_statistics, render_text, summary
    from .registry import builtin_rules
    from .runner import Runner, SetupError, Settings

    if unsafe_fixes and not (fix or diff):
        raise Failure("--unsafe-fixes needs --fix or --diff")
    if fix and diff:
        raise Failure("use --fix or --diff, not both")
    settings = Settings(fix=fix, unsafe=unsafe_fixes, diff=diff, select=select, ignore=ignore, variant=variant,
                        config=config_path)
    try:
        runner = Runner(settings)
        if not paths:
            paths = ["-"] if not sys.stdin.isatty() else ["."]
        inputs = runner.collect(paths)
        for note in inputs.notes:
            _note(note)
        for error in inputs.errors:
            _err(error)
        results = []
        for name, path in inputs.items:
            data = sys.stdin.buffer.read() if path is None else None
            result = runner.run_one(name, path, data)
            if result.note:
                _note(result.note)
            if result.error:
                _err(result.error)
            results.append(result)
    except SetupError as e:
        raise Failure(str(e)) from None

    findings = [f for r in results for f in r.findings]
    fixed = sum(r.fixed for r in results)
    errors = len(inputs.errors) + sum(1 for r in results if r.error)
    stdout_text = [r.output for r in results if r.output is not None]
    to_stderr = bool(stdout_text)  # stdout carries the fixed text
    if stdout_text:
        click.echo("".join(stdout_text), nl=False)
    if diff:
        click.echo("".join(r.diff for r in results), nl=False)
    if statistics:
        click.echo(render_statistics(findings, sum(r.chars for r in results)), nl=False, err=to_stderr)
    elif output_format == "json":
        click.echo(render_json(findings), nl=False, err=to_stderr)
    elif output_format == "json-lines":
        click.echo(render_json_lines(findings), nl=False, err=to_stderr)
    elif output_format == "github":
        click.echo(render_github(findings), nl=False, err=to_stderr)
    elif output_format == "sarif":
        click.echo(render_sarif(findings, builtin_rules()), nl=False, err=to_stderr)
    else:
        color = False if os.environ.get("NO_COLOR") else None  # None: colour only on a terminal

        def style(s, **kw):
            return click.style(s, **kw)

        if findings:
            click.echo(render_text(findings, style), err=to_stderr, color=color)
        if fix and fixed:
            click.echo(f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.", err=to_stderr)
        if not diff or findings:
            click.echo(summary(findings), err=to_stderr)
    if errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    if diff:
        return EXIT_FINDINGS if any(r.diff for r in results) else EXIT_CLEAN
    return EXIT_FINDINGS if findings else EXIT_CLEAN


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
