"""Corpus mode: JSON Lines records, cleaned copies never in place, parallel runs in a stable order."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from zhproof.cli import main


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.fixture
def jsonl(tmp_path):
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    f = tmp_path / "data.jsonl"
    rows = [
        {"id": 1, "text": "疫情防控工作。"},
        {"id": 2, "text": "疫情疫情防控，，要加强。", "meta": {"src": "x"}},
        {"id": 3, "text": "第二行，交通運輸。"},
    ]
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return f


def test_records_are_checked(jsonl):
    r = run("check", "--jsonl-field", "text", "--output-format", "json", jsonl)
    data = json.loads(r.stdout)
    assert [(d["record"], d["rule"], d["line"], d["column"]) for d in data] == [
        (2, "duplicate-word", 1, 1),
        (2, "repeated-punctuation", 1, 7),
        (3, "traditional-char", 1, 7),
    ]
    r = run("check", "--jsonl-field", "text", jsonl)
    assert f"{jsonl}#2:1:1: duplicate-word" in r.stdout and r.exit_code == 1


def test_fix_writes_a_cleaned_copy(jsonl, tmp_path):
    before = jsonl.read_bytes()
    r = run("check", "--jsonl-field", "text", "--fix", jsonl)
    assert r.exit_code == 2 and "--output" in r.stderr
    out = tmp_path / "clean.jsonl"
    r = run("check", "--jsonl-field", "text", "--fix", "--output", out, jsonl)
    assert r.exit_code == 0, r.output
    assert jsonl.read_bytes() == before
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [x["text"] for x in rows] == ["疫情防控工作。", "疫情防控，要加强。", "第二行，交通运输。"]
    assert rows[1]["meta"] == {"src": "x"} and [x["id"] for x in rows] == [1, 2, 3]


def test_bad_record_is_an_error(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"text": "疫情"}\n{not json}\n{"other": 1}\n', encoding="utf-8")
    r = run("check", "--jsonl-field", "text", f)
    assert r.exit_code == 2 and "record 2" in r.stderr and "Traceback" not in r.output


def test_stdin_records(jsonl):
    r = run("check", "--jsonl-field", "text", "--output-format", "json", "-", input=jsonl.read_bytes())
    assert [d["record"] for d in json.loads(r.stdout)] == [2, 2, 3]


def test_jobs_give_identical_results_in_a_stable_order(tmp_path):
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    for i in range(12):
        (tmp_path / f"f{i:02}.txt").write_text(f"第{i}段。疫情疫情防控，，要加强。\n", encoding="utf-8")
    one = run("check", "--jobs", "1", "--output-format", "json", tmp_path)
    two = run("check", "--jobs", "2", "--output-format", "json", tmp_path)
    assert one.exit_code == two.exit_code == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert [d["path"][-7:] for d in json.loads(two.stdout)][::2] == [f"f{i:02}.txt" for i in range(12)]


def test_jobs_on_json_lines(tmp_path):
    f = tmp_path / "big.jsonl"
    f.write_text(
        "".join(json.dumps({"text": f"第{i}条：在在会上发言。"}, ensure_ascii=False) + "\n" for i in range(600)),
        encoding="utf-8",
    )
    one = run("check", "--jobs", "1", "--jsonl-field", "text", "--output-format", "json", f)
    two = run("check", "--jobs", "2", "--jsonl-field", "text", "--output-format", "json", f)
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert [d["record"] for d in json.loads(two.stdout)] == list(range(1, 601))
    out = tmp_path / "clean.jsonl"
    r = run("check", "--jobs", "2", "--jsonl-field", "text", "--fix", "--output", out, f)
    assert r.exit_code == 0
    assert (
        out.read_text(encoding="utf-8").count("在在") == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 600
    )


def test_two_inputs_of_one_name_are_not_written_to_one_file(jsonl, tmp_path):
    # a CLI review: 2023/part-0.jsonl and 2024/part-0.jsonl into one folder, the second silently replaced the first
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "out").mkdir()
    for sub in ("a", "b"):
        (tmp_path / sub / "x.jsonl").write_bytes(jsonl.read_bytes())
    r = run(
        "check",
        "--jsonl-field",
        "text",
        "--fix",
        "--output",
        tmp_path / "out",
        tmp_path / "a" / "x.jsonl",
        tmp_path / "b" / "x.jsonl",
    )
    assert r.exit_code == 2 and "would both be written to" in r.stderr
    assert list((tmp_path / "out").iterdir()) == []


def test_the_cleaned_copy_is_readable_as_a_new_file_is(jsonl, tmp_path):
    # (it was created readable by its owner alone, whatever the umask; an existing copy keeps its mode)
    import os
    import stat

    out = tmp_path / "clean.jsonl"
    mask = os.umask(0o022)
    try:
        assert run("check", "--jsonl-field", "text", "--fix", "--output", out, jsonl).exit_code == 0
    finally:
        os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    out.chmod(0o640)
    assert run("check", "--jsonl-field", "text", "--fix", "--output", out, jsonl).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


@pytest.mark.parametrize("args", [["--select", "nosuch"], ["--config", "nosuch.toml"]])
def test_stdin_is_passed_through_when_the_run_cannot_start(args, tmp_path, monkeypatch):
    # an editor replaces its buffer with standard output (:%!zhproof check --fix -): an unknown rule or a missing
    # configuration printed nothing, and the buffer was lost
    monkeypatch.chdir(tmp_path)
    text = "疫情疫情防控工作。\n"
    r = CliRunner().invoke(main, ["check", "--fix", *args, "-"], input=text.encode("utf-8"))
    assert r.exit_code == 2 and r.stdout_bytes == text.encode("utf-8")


def test_stdin_is_passed_through_when_its_configuration_is_bad(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "zhproof.toml").write_text("select = [\n", encoding="utf-8")
    text = "疫情疫情防控工作。\n"
    r = CliRunner().invoke(main, ["check", "--fix", "--stdin-filename", "a.txt", "-"], input=text.encode("utf-8"))
    assert r.exit_code == 2 and r.stdout_bytes == text.encode("utf-8") and "invalid TOML" in r.stderr
