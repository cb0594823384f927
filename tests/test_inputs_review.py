"""Inputs and outputs a new user's review found broken (2026-12-01, sixth session), through the real CLI:
standard input passed through with --fix when it cannot be read, fixed or is excluded, in its own encoding;
findings kept when a file cannot be written; links, pipes and files named twice; UTF-32, GBK punctuation; JSON
Lines records changed only in their text field."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).parent / ("zhproof.exe" if os.name == "nt" else "zhproof")
BAD = "疫情疫情防控工作。\n"
FIXED = "疫情防控工作。\n"


def zhproof(*args, cwd, input=None):
    return subprocess.run([str(EXE), *map(str, args)], cwd=cwd, input=input, capture_output=True)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    return tmp_path


# --- --fix on standard input: standard output is the text, whatever happens ---------------------------------
@pytest.mark.parametrize("data", [b"\xe7\x96\xab\x00\xe6\x83\x85", b"caf\xe9 au lait"])
def test_unreadable_stdin_is_passed_through_with_fix(folder, data):
    r = zhproof("check", "--fix", "-", cwd=folder, input=data)
    assert r.stdout == data
    assert b"All checks passed" not in r.stdout


def test_excluded_stdin_is_passed_through_with_fix(folder):
    (folder / "zhproof.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")
    r = zhproof("check", "--stdin-filename", "drafts/y.txt", "--force-exclude", "--fix", cwd=folder, input=BAD.encode())
    assert r.returncode == 0, r.stderr
    assert r.stdout == BAD.encode()


@pytest.mark.parametrize("encoding,bom", [("gb18030", b""), ("utf-16-le", b"\xff\xfe"), ("utf-8", b"\xef\xbb\xbf")])
def test_fixed_stdin_keeps_its_encoding_and_bom(folder, encoding, bom):
    r = zhproof("check", "--fix", "-", cwd=folder, input=bom + BAD.encode(encoding))
    assert r.stdout == bom + FIXED.encode(encoding)


# --- a file that cannot be written or read ------------------------------------------------------------------
def test_a_file_that_cannot_be_written_keeps_its_findings(folder):
    f = folder / "ro.txt"
    f.write_text(BAD, encoding="utf-8")
    f.chmod(0o444)
    r = zhproof("check", "--fix", "ro.txt", cwd=folder)
    assert r.returncode == 2
    assert b"ro.txt:1:1: duplicate-word" in r.stdout
    assert b"All checks passed" not in r.stdout
    assert f.read_text(encoding="utf-8") == BAD


def test_a_missing_file_is_no_clean_run(folder):
    r = zhproof("check", "missing.txt", cwd=folder)
    assert r.returncode == 2
    assert b"All checks passed" not in r.stdout + r.stderr


def test_fix_writes_through_a_symbolic_link(folder):
    (folder / "real.txt").write_text(BAD, encoding="utf-8")
    (folder / "link.txt").symlink_to("real.txt")
    r = zhproof("check", "--fix", "link.txt", cwd=folder)
    assert r.returncode == 0, r.stderr
    assert (folder / "link.txt").is_symlink()
    assert (folder / "real.txt").read_text(encoding="utf-8") == FIXED


def test_a_file_with_hard_links_is_not_split(folder):
    (folder / "h1.txt").write_text(BAD, encoding="utf-8")
    os.link(folder / "h1.txt", folder / "h2.txt")
    r = zhproof("check", "--fix", "h1.txt", cwd=folder)
    assert r.returncode == 2
    assert b"hard links" in r.stderr
    assert os.stat(folder / "h1.txt").st_ino == os.stat(folder / "h2.txt").st_ino


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_in_a_folder_is_never_read(folder):
    (folder / "w").mkdir()
    (folder / "w" / "a.txt").write_text(BAD, encoding="utf-8")
    os.mkfifo(folder / "w" / "fifo.txt")
    r = subprocess.run([str(EXE), "check", "w"], cwd=folder, capture_output=True, timeout=60)
    assert r.returncode == 1 and b"w/a.txt:1:1" in r.stdout


@pytest.mark.skipif(os.name == "nt", reason="process substitution is bash's")
def test_a_pipe_named_on_the_command_line_is_read(folder):
    # zhproof check <(…) names a pipe: the user asked for it
    r = subprocess.run(
        ["bash", "-c", f"'{EXE}' check <(printf '%s')" % BAD], cwd=folder, capture_output=True, timeout=60
    )
    assert r.returncode == 1 and b"duplicate-word" in r.stdout, r.stderr


def test_a_file_named_twice_is_checked_once(folder):
    (folder / "a.txt").write_text(BAD, encoding="utf-8")
    r = zhproof("check", "a.txt", "a.txt", "./a.txt", ".", "--output-format", "json-lines", cwd=folder)
    assert len(r.stdout.splitlines()) == 1


def test_utf32_is_read_and_written_as_utf32(folder):
    f = folder / "u32.txt"
    f.write_bytes(BAD.encode("utf-32"))
    r = zhproof("check", "--fix", "u32.txt", cwd=folder)
    assert r.returncode == 0, r.stderr + r.stdout
    assert f.read_bytes() == FIXED.encode("utf-32")


def test_gbk_with_chinese_punctuation_is_read(folder):
    (folder / "g.txt").write_bytes("“走吧。”“去哪？”——“北京。”①温度：25℃……\n".encode("gbk"))
    r = zhproof("check", "g.txt", cwd=folder)
    assert r.returncode == 0, r.stderr


# --- JSON Lines ---------------------------------------------------------------------------------------------
def test_a_fixed_record_changes_only_its_text_field(folder):
    (folder / "e.jsonl").write_bytes(
        b'{"score": 1.10, "big": 1e400, "text": "x", "text": "\xe7\x96\xab\xe6\x83\x85\xe7\x96\xab\xe6\x83\x85", '
        b'"n": [1, 2]}\r\n{"text": "ok"}\n'
    )
    r = zhproof("check", "--jsonl-field", "text", "--fix", "--output", "out.jsonl", "e.jsonl", cwd=folder)
    assert r.returncode == 0, r.stderr
    assert (folder / "out.jsonl").read_bytes() == (
        b'{"score": 1.10, "big": 1e400, "text": "x", "text": "\xe7\x96\xab\xe6\x83\x85", "n": [1, 2]}\r\n'
        b'{"text": "ok"}\n'
    )


def test_a_byte_order_mark_before_the_first_record_is_read(folder):
    (folder / "bom.jsonl").write_bytes(b'\xef\xbb\xbf{"text": "' + BAD.strip().encode() + b'"}\n')
    r = zhproof("check", "--jsonl-field", "text", "bom.jsonl", cwd=folder)
    assert r.returncode == 1, r.stderr
    assert b"duplicate-word" in r.stdout


def test_a_reader_that_stops_early_is_no_internal_error(folder):
    (folder / "big.txt").write_text(BAD * 5000, encoding="utf-8")
    p = subprocess.Popen([str(EXE), "check", "big.txt"], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stderr is not None
    p.stdout.readline()
    p.stdout.close()  # like `zhproof check | head -1`
    err = p.stderr.read()
    p.wait(timeout=60)
    assert b"internal error" not in err and b"Traceback" not in err


# --- the second review (of the fixes above) -----------------------------------------------------------------
def test_latin1_is_not_read_as_gbk(folder):
    f = folder / "pt.txt"
    data = b"Informa\xe7\xf5es sobre a situa\xe7\xe3o atual. El ni\xf1o ten\xeda a\xf1os.\n"
    f.write_bytes(data)
    r = zhproof("check", "--fix", "pt.txt", cwd=folder)
    assert r.returncode == 2 and b"cannot decode" in r.stderr
    assert f.read_bytes() == data


def test_traditional_text_in_gbk_is_read(folder):
    (folder / "t.txt").write_bytes("這個計劃的執行需要時間。\n".encode("gbk"))
    assert zhproof("check", "--variant", "zh-Hant", "t.txt", cwd=folder).returncode == 0


def test_a_record_with_a_lone_surrogate_is_fixed(folder):
    (folder / "s.jsonl").write_bytes(b'{"text": "\\ud83d ' + BAD.strip().encode() + b'"}\n')
    r = zhproof("check", "--jsonl-field", "text", "--fix", "--output", "out.jsonl", "s.jsonl", cwd=folder)
    assert r.returncode == 0, r.stderr
    import json

    assert json.loads((folder / "out.jsonl").read_text(encoding="utf-8"))["text"] == "\ud83d " + FIXED.strip()


def test_a_file_and_its_hard_link_are_checked_once(folder):
    (folder / "h1.txt").write_text(BAD, encoding="utf-8")
    os.link(folder / "h1.txt", folder / "h2.txt")
    r = zhproof("check", "h1.txt", "h2.txt", "--output-format", "json-lines", cwd=folder)
    assert len(r.stdout.splitlines()) == 1
