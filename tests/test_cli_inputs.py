"""No input skipped in silence (issue 12), through the real CLI: which input a bare `zhproof check` reads,
JSON Lines records that cannot be read, Markdown link text, and --stdin-filename (issue 14)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhproof.cli import main

EXE = Path(sys.executable).parent / ("zhproof.exe" if os.name == "nt" else "zhproof")
BAD = "疫情疫情防控工作。\n"


def zhproof(*args, cwd, stdin=None, input=None):
    return subprocess.run([str(EXE), *map(str, args)], cwd=cwd, stdin=stdin, input=input, capture_output=True)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


# --- no path: the current folder, unless standard input has something to read ----------------------------
def test_dev_null_checks_the_folder(folder):
    with open(os.devnull, "rb") as null:
        r = zhproof("check", cwd=folder, stdin=null)
    assert r.returncode == 1, r.stderr
    assert b"a.txt:1:1: duplicate-word" in r.stdout


def test_empty_file_on_stdin_checks_the_folder(folder):
    (folder / "empty").write_bytes(b"")
    with open(folder / "empty", "rb") as f:
        r = zhproof("check", cwd=folder, stdin=f)
    assert r.returncode == 1 and b"a.txt:1:1" in r.stdout


def test_pipe_and_file_with_content_are_read(folder):
    r = zhproof("check", cwd=folder, input="一切正常。\n".encode())
    assert r.returncode == 0 and b"a.txt" not in r.stdout
    with open(folder / "a.txt", "rb") as f:
        r = zhproof("check", cwd=folder, stdin=f)
    assert r.returncode == 1 and b"-:1:1: duplicate-word" in r.stdout


def test_dash_always_reads_stdin(folder):
    with open(os.devnull, "rb") as null:
        r = zhproof("check", "-", cwd=folder, stdin=null)
    assert r.returncode == 0 and b"a.txt" not in r.stdout


# --- JSON Lines: a bad record is reported, the others are checked ------------------------------------------
def _batch(path: Path, n: int = 600, bad: dict[int, str] | None = None) -> None:
    bad = bad or {}
    lines = [
        bad.get(i, json.dumps({"id": i, "text": f"第{i}条：在在会上发言。"}, ensure_ascii=False))
        for i in range(1, n + 1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_bad_record_in_the_middle_of_a_batch_under_two_jobs(folder):
    f = folder / "big.jsonl"
    _batch(f, bad={11: "{not json", 300: json.dumps({"id": 300, "body": "x"})})
    r = zhproof("check", "--jobs", "2", "--jsonl-field", "text", "--output-format", "json", f, cwd=folder)
    assert r.returncode == 2
    records = sorted({d["record"] for d in json.loads(r.stdout)})
    assert records == [n for n in range(1, 601) if n not in (11, 300)]  # 12-256 and the rest are all checked
    err = r.stderr.decode()
    assert "record 11: not valid JSON" in err and "record 300" in err
    assert "598 records checked, 2 unreadable" in err


def test_fix_output_passes_unreadable_records_through(folder):
    f = folder / "big.jsonl"
    broken = "{not json"
    _batch(f, n=40, bad={11: broken})
    out = folder / "clean.jsonl"
    r = zhproof("check", "--jobs", "2", "--jsonl-field", "text", "--fix", "--output", out, f, cwd=folder)
    assert r.returncode == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 40 and lines[10] == broken
    assert json.loads(lines[11])["text"] == "第12条：在会上发言。"
    assert "39 records checked, 39 fixed, 1 passed through unchanged (unreadable)" in r.stderr.decode()


def test_wrong_field_reported_once(folder):
    f = folder / "big.jsonl"
    _batch(f)
    r = zhproof("check", "--jobs", "2", "--jsonl-field", "txt", f, cwd=folder)
    err = r.stderr.decode()
    assert r.returncode == 2
    assert err.count("without the text field") == 1, err
    assert "600 records without the text field 'txt'" in err and "it has: id, text" in err


# --- Markdown: link text whose destination holds the same characters ---------------------------------------
def test_link_text_reported_when_the_destination_repeats_it(folder):
    page = folder / "p.md"
    page.write_text("资料见[維基百科條目](https://zh.wikipedia.org/wiki/維基百科條目)。\n", encoding="utf-8")
    other = folder / "q.md"
    other.write_text("资料见[維基百科條目](https://example.org/x)。\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--output-format", "json", str(page), str(other)])
    found = [(Path(d["path"]).name, d["rule"], d["column"]) for d in json.loads(r.stdout)]
    assert found == [
        ("p.md", "traditional-char", 5),
        ("p.md", "traditional-char", 9),
        ("q.md", "traditional-char", 5),
        ("q.md", "traditional-char", 9),
    ]


# --- --stdin-filename: standard input is that file ---------------------------------------------------------
MARKDOWN = """# 标题

疫情疫情防控。见[这里](https://example.org/疫情疫情)和`的的`。

```
代码代码里的重复重复
```

交通運輸很方便，，
"""


def test_stdin_filename_gives_the_findings_of_the_file(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "zhproof.toml").write_text(
        '[per-file-ignores]\n"docs/*.md" = ["repeated-punctuation"]\n', encoding="utf-8"
    )
    page = docs / "page.md"
    page.write_text(MARKDOWN, encoding="utf-8")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-cwd"
    elsewhere.mkdir()
    of_file = zhproof("check", "--output-format", "json", page, cwd=elsewhere)
    of_stdin = zhproof(
        "check", "--output-format", "json", "--stdin-filename", page, "-", cwd=elsewhere, input=page.read_bytes()
    )
    file_findings = json.loads(of_file.stdout)
    stdin_findings = json.loads(of_stdin.stdout)
    assert {d["rule"] for d in file_findings} == {"duplicate-word", "traditional-char"}  # ignores and code held
    assert stdin_findings == file_findings and of_stdin.returncode == of_file.returncode == 1
    # without it the buffer is plain text in the current folder: the code and the URL count, the ignore does not
    plain = json.loads(zhproof("check", "--output-format", "json", "-", cwd=elsewhere, input=page.read_bytes()).stdout)
    assert len(plain) > len(file_findings)


def test_stdin_filename_without_paths_reads_stdin_and_force_exclude_skips_it(tmp_path):
    (tmp_path / "zhproof.toml").write_text('exclude = ["vendor"]\n', encoding="utf-8")
    (tmp_path / "other.txt").write_text(BAD, encoding="utf-8")
    r = zhproof("check", "--stdin-filename", "vendor/x.txt", cwd=tmp_path, input=BAD.encode())
    assert r.returncode == 1 and b"vendor/x.txt:1:1: duplicate-word" in r.stdout and b"other.txt" not in r.stdout
    r = zhproof("check", "--force-exclude", "--stdin-filename", "vendor/x.txt", cwd=tmp_path, input=BAD.encode())
    assert r.returncode == 0 and b"duplicate-word" not in r.stdout
