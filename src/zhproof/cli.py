"""The command line: thin glue between files, the linter and the reporters."""
from __future__ import annotations

import difflib
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


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (stdin: write the fixed text to stdout).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes; change nothing.")
@click.option("--select", metavar="RULE,...", help="Only these rules (ALL for every rule).")
@click.option("--ignore", metavar="RULE,...", help="Skip these rules.")
@click.option("--variant", type=click.Choice(["zh-Hans", "zh-Hant", "zh-TW", "zh-HK"]), help="Script of the text (default zh-Hans).")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Use this configuration file.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain.")
def check(paths, fix, unsafe_fixes, diff, select, ignore, variant, output_format, config_path, exit_zero) -> None:
    """Check PATHS (files, directories, or - for stdin) for mechanical errors."""
    try:
        code = _check(paths, fix, unsafe_fixes, diff, select, ignore, variant, output_format, config_path, exit_zero)
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


def _check(paths, fix, unsafe_fixes, diff, select, ignore, variant, output_format, config_path, exit_zero) -> int:
    from . import Linter
    from .config import ConfigError, find_config, load_config, validate_rule_names, Config
    from .files import BinaryFileError, InputError, decode, encode, iter_files, read_file, write_atomic
    from .fixer import FixNotConvergedError
    from .kinds import RuleFileError
    from .output import Finding, render_json, render_text, summary
    from .registry import UnknownRuleError, builtin_rules, load_extra_rules, parse_rule_list

    if unsafe_fixes and not (fix or diff):
        raise Failure("--unsafe-fixes needs --fix or --diff")
    try:
        cfg_file = config_path or find_config(Path.cwd())
        cfg = load_config(cfg_file) if cfg_file else Config()
        known = builtin_rules()
        if cfg.extend_rules:
            known = load_extra_rules(cfg.extend_rules, known)
        validate_rule_names(cfg, known)
        sel = parse_rule_list(select, known) if select else (cfg.select or None)
        ign = parse_rule_list(ignore, known) + cfg.ignore
    except (ConfigError, RuleFileError, UnknownRuleError) as e:
        raise Failure(str(e)) from None
    variant = variant or cfg.variant
    linters: dict[tuple[str, ...], Linter] = {}

    def linter_for(path: Path | None) -> Linter:
        extra = tuple(sorted(cfg.ignored_for(path))) if path is not None else ()
        if extra not in linters:
            linters[extra] = Linter(sel, list(ign) + list(extra), variant, cfg.allow, cfg.rules, known)
        return linters[extra]

    # what to read
    inputs: list[tuple[str, Path | None]] = []
    errors = 0
    if not paths:
        paths = ("-",) if not sys.stdin.isatty() else (".",)
    for p in paths:
        if p == "-":
            inputs.append(("-", None))
            continue
        path = Path(p)
        if path.is_dir():
            skipped = 0
            for f in iter_files(path):
                if cfg.exclude and cfg.excluded(f):
                    skipped += 1
                    continue
                inputs.append((str(f), f))
            if skipped:
                _note(f"{path}: {skipped} file(s) skipped by 'exclude'")
        elif path.exists():
            inputs.append((str(path), path))
        else:
            _err(f"{p}: no such file or directory")
            errors += 1

    findings: list[Finding] = []
    fixed_count = 0
    stdout_text: list[str] = []
    diffs: list[str] = []
    for name, path in inputs:
        try:
            if path is None:
                source = decode(sys.stdin.buffer.read(), "-")
            else:
                source = read_file(path)
        except BinaryFileError as e:
            _note(str(e))
            continue
        except InputError as e:
            _err(str(e))
            errors += 1
            continue
        linter = linter_for(path)
        try:
            if fix or diff:
                result = linter.fix(source.text, unsafe=unsafe_fixes, path=name)
                if diff:
                    if result.text != source.text:
                        diffs.append(_unified(name, source.text, result.text))
                    remaining = linter.lint(source.text, path=name)
                else:
                    fixed_count += len(result.applied)
                    remaining = result.remaining
                    if path is None:
                        stdout_text.append(result.text)
                    elif result.text != source.text:
                        try:
                            write_atomic(path, encode(source, result.text))
                        except OSError as e:
                            _err(f"{name}: cannot write: {e.strerror or e}")
                            errors += 1
                            continue
                doc = linter.document(result.text if not diff else source.text, name)
            else:
                remaining = linter.lint(source.text, path=name)
                doc = linter.document(source.text, name)
        except FixNotConvergedError as e:
            _err(f"{name}: {e}")
            errors += 1
            continue
        except RuleFileError as e:
            _err(str(e))
            errors += 1
            continue
        findings.extend(Finding(name, doc, d) for d in remaining)

    # report
    to_stderr = bool(stdout_text)  # stdout carries the fixed text
    color = False if os.environ.get("NO_COLOR") else None
    if stdout_text:
        click.echo("".join(stdout_text), nl=False)
    if diff:
        click.echo("".join(diffs), nl=False)
    if output_format == "json":
        click.echo(render_json(findings), nl=False, err=to_stderr)
    else:
        def style(s, **kw):
            return click.style(s, **kw)

        if findings:
            click.echo(render_text(findings, style), err=to_stderr, color=color)
        if fix and fixed_count:
            click.echo(f"Fixed {fixed_count} finding{'s' if fixed_count != 1 else ''}.", err=to_stderr)
        if not diff or findings:
            click.echo(summary(findings), err=to_stderr)
    if errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    if diff:
        return EXIT_FINDINGS if diffs else EXIT_CLEAN
    return EXIT_FINDINGS if findings else EXIT_CLEAN


def _unified(name: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=f"a/{name}", tofile=f"b/{name}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


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
    doc = rule.doc
    out = [f"# {rule.name}", "", doc.summary, "", f"Fix: {rule.fixable}", "", "## What it does", "", doc.what, "",
           "## Why is this bad", "", doc.why, "", "## Fix safety", "", doc.fix, "", "## Examples", ""]
    for ex in doc.bad:
        out.append(f"Flagged:  {_visible_example(ex.text)}")
        if ex.fixed is not None:
            out.append(f"Fixed:    {_visible_example(ex.fixed)}")
        out.append("")
    for ex in doc.ok:
        out.append(f"Not flagged:  {_visible_example(ex.text)}" + (f"  (variant {ex.variant})" if ex.variant != "zh-Hans" else ""))
    return "\n".join(out).rstrip() + "\n"


def _visible_example(s: str) -> str:
    return s.replace("\n", "⏎").encode("unicode_escape").decode("ascii") if any(
        ord(c) < 32 and c != "\n" or c in "\u200b\u200c\u200d\ufeff\ufffd\u00ad" for c in s
    ) else s.replace("\n", "⏎")


if __name__ == "__main__":  # pragma: no cover
    main()
