"""ruff's conventions where users expect them (issue 12), each through the CLI."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhproof.cli import main

BAD = "疫情疫情防控，交通運輸。\n"  # duplicate-word and traditional-char


def run(*args, cwd: Path, input=None):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def tmp(tmp_path):
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def rules_of(r) -> list[str]:
    return [d["rule"] for d in json.loads(r.stdout)]


def test_unsafe_fixes_alone_shows_them_as_available(root, tmp):
    seed = root / "samples" / "seed.txt"
    plain = run("check", seed, cwd=tmp)
    assert plain.stdout.splitlines()[-1] == "14 findings, 12 fixable with --fix, 2 more with --unsafe-fixes"
    assert "(unsafe fix: --unsafe-fixes)" in plain.stdout
    r = run("check", "--unsafe-fixes", seed, cwd=tmp)
    assert r.exit_code == 1 and seed.read_text(encoding="utf-8") == (root / "samples" / "seed.txt").read_text(
        encoding="utf-8"
    )
    assert r.stdout.splitlines()[-1] == "14 findings, 14 fixable with --fix --unsafe-fixes"
    assert "(unsafe fix)" in r.stdout and "(unsafe fix: --unsafe-fixes)" not in r.stdout


def test_select_accumulates_and_extend_select_adds(tmp):
    one = run("check", "--output-format", "json", "--select", "duplicate-word", "bad.txt", cwd=tmp)
    assert rules_of(one) == ["duplicate-word"]
    both = run(
        "check",
        "--output-format",
        "json",
        "--select",
        "duplicate-word",
        "--select",
        "traditional-char",
        "bad.txt",
        cwd=tmp,
    )
    assert rules_of(both) == ["duplicate-word", "traditional-char"]
    (tmp / "zhproof.toml").write_text('select = ["duplicate-word"]\n', encoding="utf-8")
    assert rules_of(run("check", "--output-format", "json", "bad.txt", cwd=tmp)) == ["duplicate-word"]
    extended = run("check", "--output-format", "json", "--extend-select", "traditional-char", "bad.txt", cwd=tmp)
    assert rules_of(extended) == ["duplicate-word", "traditional-char"]
    r = run("check", "--extend-select", "no-such-rule", "bad.txt", cwd=tmp)
    assert r.exit_code == 2 and "unknown rule 'no-such-rule'" in r.stderr


def test_force_exclude_applies_exclude_to_named_files(tmp):
    (tmp / "zhproof.toml").write_text('exclude = ["vendor"]\n', encoding="utf-8")
    (tmp / "vendor").mkdir()
    shutil.copy(tmp / "bad.txt", tmp / "vendor" / "copy.txt")
    assert run("check", "vendor/copy.txt", cwd=tmp).exit_code == 1  # named: checked, as ruff does
    r = run("check", "--force-exclude", "vendor/copy.txt", "bad.txt", cwd=tmp)
    assert r.exit_code == 1 and "copy.txt" not in r.stdout and "bad.txt:1:1" in r.stdout


def test_all_checks_passed(tmp):
    (tmp / "good.txt").write_text("疫情防控工作。\n", encoding="utf-8")
    r = run("check", "good.txt", cwd=tmp)
    assert r.exit_code == 0 and r.stdout == "All checks passed!\n"


def test_statistics_honour_the_output_format(tmp):
    r = run("check", "--statistics", "--output-format", "json", "bad.txt", cwd=tmp)
    data = json.loads(r.stdout)
    assert [(d["rule"], d["count"], d["fixable"]) for d in data] == [
        ("duplicate-word", 1, 1),
        ("traditional-char", 1, 1),
    ]
    assert data[0]["per_100k_chars"] == pytest.approx(100_000 / len(BAD), abs=0.01) and r.exit_code == 1
    lines = run("check", "--statistics", "--output-format", "json-lines", "bad.txt", cwd=tmp).stdout.splitlines()
    assert [json.loads(line)["rule"] for line in lines] == ["duplicate-word", "traditional-char"]
    r = run("check", "--statistics", "--output-format", "sarif", "bad.txt", cwd=tmp)
    assert r.exit_code == 2 and "--statistics prints text, json, json-lines, not sarif" in r.stderr


def test_diff_alone_on_stdout(tmp):
    for fmt in ("text", "json"):
        r = run("check", "--diff", "--output-format", fmt, "bad.txt", cwd=tmp)
        assert r.exit_code == 1
        assert r.stdout.startswith("--- a/bad.txt\n+++ b/bad.txt\n@@ ")
        assert all(line[:1] in "-+@ \\" for line in r.stdout.splitlines()), r.stdout
        assert "1 file would be changed" in r.stderr or fmt == "json"
    assert (tmp / "bad.txt").read_text(encoding="utf-8") == BAD


def test_suppression_of_an_unknown_rule_is_reported(tmp):
    (tmp / "p.md").write_text(
        "# 标题\n\n<!-- zhproof-disable-next-line duplicat-word -->\n疫情疫情防控。\n", encoding="utf-8"
    )
    r = run("check", "p.md", cwd=tmp)
    assert r.exit_code == 1 and "duplicate-word" in r.stdout  # the typo silences nothing
    assert "warning: p.md: suppression comment names an unknown rule (line 3: 'duplicat-word'" in r.stderr
    (tmp / "q.md").write_text("<!-- zhproof-disable-next-line duplicate-word -->\n疫情疫情防控。\n", encoding="utf-8")
    r = run("check", "q.md", cwd=tmp)
    assert r.exit_code == 0 and "warning" not in r.stderr


def test_rule_knows_the_rules_of_an_extend_rules_pack(root, tmp):
    shutil.copytree(root / "samples" / "rule-pack", tmp / "pack")
    assert run("rule", "newsroom-terms", cwd=tmp).exit_code == 2  # not configured here
    (tmp / "zhproof.toml").write_text('extend-rules = ["pack"]\n', encoding="utf-8")
    r = run("rule", "newsroom-terms", cwd=tmp)
    assert r.exit_code == 0 and r.stdout.startswith("# newsroom-terms\n")
    assert any(line.split()[:1] == ["newsroom-banned"] for line in run("rules", cwd=tmp).stdout.splitlines())
    elsewhere = tmp / "sub"
    elsewhere.mkdir()
    assert run("rule", "newsroom-terms", cwd=elsewhere).exit_code == 0  # the configuration is found upwards


def test_output_into_a_missing_folder_is_a_clear_error(tmp):
    (tmp / "d.jsonl").write_text(json.dumps({"text": "疫情疫情防控。"}, ensure_ascii=False) + "\n", encoding="utf-8")
    r = run("check", "--jsonl-field", "text", "--fix", "--output", "missing/clean.jsonl", "d.jsonl", cwd=tmp)
    assert r.exit_code == 2 and "internal error" not in r.stderr
    assert r.stderr.strip() == "zhproof: error: --output missing/clean.jsonl: the folder missing does not exist"


def test_a_suppression_comment_with_a_mistyped_directive_is_reported(tmp):
    # <!-- zhproof-disable-line --> read as disable with the rule '-line'; <!-- zhproof-disabled --> was ignored unseen
    (tmp / "p.md").write_text(
        "# 标题\n\n<!-- zhproof-disable-line -->\n疫情疫情。\n\n<!-- zhproof-disabled -->\n疫情疫情。\n\n"
        "`<!-- zhproof-foo -->` 是示例。\n",
        encoding="utf-8",
    )
    r = run("check", "p.md", cwd=tmp)
    assert r.exit_code == 1 and r.stdout.count("duplicate-word") == 2
    assert (
        "warning: p.md: unknown suppression comment (line 3: 'zhproof-disable-line'; line 6: 'zhproof-disabled';"
        in r.stderr
    )
    assert "unknown rule" not in r.stderr and "zhproof-foo" not in r.stderr  # (inline code is an example)
