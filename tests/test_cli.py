"""The command line: exit codes, formats, stdin, --diff, --fix, rules and rule."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhproof.cli import main

BAD = "疫情疫情防控，，要加强。\n"
GOOD = "疫情防控，要加强。\n"


def run(*args, input=None, cwd=None):
    runner = CliRunner()
    if cwd is not None:
        old = os.getcwd()
        os.chdir(cwd)
    try:
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)
    finally:
        if cwd is not None:
            os.chdir(old)


@pytest.fixture
def tmp(tmp_path):
    # no configuration file above the test folder may leak in
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    return tmp_path


def test_exit_codes(tmp):
    (tmp / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp / "good.txt").write_text(GOOD, encoding="utf-8")
    assert run("check", str(tmp / "good.txt")).exit_code == 0
    assert run("check", str(tmp / "bad.txt")).exit_code == 1
    assert run("check", "--exit-zero", str(tmp / "bad.txt")).exit_code == 0
    r = run("check", str(tmp / "missing.txt"))
    assert r.exit_code == 2 and "missing.txt" in r.stderr and "Traceback" not in r.output
    r = run("check", "--select", "no-such-rule", str(tmp / "good.txt"))
    assert r.exit_code == 2 and "no-such-rule" in r.stderr


def test_undecodable_file(tmp):
    f = tmp / "latin.txt"
    f.write_bytes("中文".encode("utf-8") + b"\xff\xfe\xfa")
    r = run("check", str(f))
    assert r.exit_code == 2
    assert "latin.txt" in r.stderr and "byte 6" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_binary_file_is_skipped(tmp):
    (tmp / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    r = run("check", str(tmp / "blob.txt"))
    assert r.exit_code == 0 and "binary" in r.stderr


def test_text_output(tmp):
    f = tmp / "bad.txt"
    f.write_text(BAD, encoding="utf-8")
    r = run("check", str(f))
    lines = r.stdout.splitlines()
    assert lines[0] == f"{f}:1:1: duplicate-word “疫情”重复"
    assert any(line.startswith("1 | 疫情疫情防控") for line in lines)
    assert any("^^^^^^^^" in line for line in lines)  # four wide characters
    assert lines[-1] == "2 findings, 2 fixable with --fix, 0 more with --unsafe-fixes"


def test_json_output(tmp):
    f = tmp / "bad.txt"
    f.write_text("第一行\n" + BAD, encoding="utf-8")
    r = run("check", "--output-format", "json", str(f))
    data = json.loads(r.stdout)
    assert [d["rule"] for d in data] == ["duplicate-word", "repeated-punctuation"]
    d = data[0]
    assert set(d) == {
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "offset",
        "end_offset",
        "fix",
    }
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (2, 1, 2, 5)
    assert (d["offset"], d["end_offset"]) == (4, 8)
    assert d["fix"]["replacement"] == "疫情" and d["fix"]["applicability"] == "safe"
    assert d["path"] == str(f) and d["severity"] == "error" and d["message"] == "“疫情”重复"


def test_seed_json_matches_product_contract(root):
    r = run("check", "--output-format", "json", str(root / "samples" / "seed.txt"))
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert len(data) == 14
    text = (root / "samples" / "seed.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    for d in data:
        # columns are 1-based code points, ends exclusive, offsets 0-based into the decoded text
        start = sum(len(l) + 1 for l in lines[: d["line"] - 1]) + d["column"] - 1
        end = sum(len(l) + 1 for l in lines[: d["end_line"] - 1]) + d["end_column"] - 1
        assert (start, end) == (d["offset"], d["end_offset"])
    assert data[2]["message"] == "“疫情”重复" and text[data[2]["offset"] : data[2]["end_offset"]] == "疫情疫情"


def test_stdin(tmp):
    r = run("check", "-", input=BAD.encode("utf-8"))
    assert r.exit_code == 1 and r.stdout.startswith("-:1:1: duplicate-word")
    r = run("check", "--output-format", "json", "-", input=BAD.encode("utf-8"))
    assert json.loads(r.stdout)[0]["path"] == "-"
    r = run("check", "--fix", "-", input=BAD.encode("utf-8"))
    assert r.stdout == GOOD and r.exit_code == 0


def test_diff_writes_nothing(tmp):
    f = tmp / "bad.txt"
    f.write_text(BAD, encoding="utf-8")
    r = run("check", "--diff", str(f))
    assert r.exit_code == 1
    assert "-疫情疫情防控，，要加强。" in r.stdout and "+疫情防控，要加强。" in r.stdout
    assert f.read_text(encoding="utf-8") == BAD


def _apply_patch(diff: bytes, root: Path) -> None:
    """Apply a unified diff as ``patch -p1`` does: lines are ended by LF, and nothing else."""
    lines = diff.split(b"\n")
    assert lines[-1] == b""
    i = 0
    while i < len(lines) - 1:
        assert lines[i].startswith(b"--- a/") and lines[i + 1].startswith(b"+++ b/"), lines[i]
        path = root / os.fsdecode(lines[i + 1][6:])
        old = [line + b"\n" for line in path.read_bytes().split(b"\n")]
        old[-1] = old[-1][:-1]
        old = old if old[-1] else old[:-1]
        new: list[bytes] = []
        at, i = 0, i + 2
        while i < len(lines) - 1 and lines[i].startswith(b"@@ "):
            minus, plus = (part.split(b",") for part in lines[i].split(b" ")[1:3])
            start = max(int(minus[0][1:]) - 1, 0)
            todo = [int(minus[1]) if len(minus) > 1 else 1, int(plus[1]) if len(plus) > 1 else 1]
            new += old[at:start]
            at, i = start, i + 1
            while todo != [0, 0]:
                kind, body = lines[i][:1], lines[i][1:] + b"\n"
                if lines[i + 1].startswith(b"\\ No newline"):
                    body, i = body[:-1], i + 1
                if kind != b"-":
                    new.append(body)
                    todo[1] -= 1
                if kind != b"+":
                    assert old[at] == body, (old[at], body)  # context and removed lines match the file as it is
                    at, todo[0] = at + 1, todo[0] - 1
                i += 1
        path.write_bytes(b"".join(new + old[at:]))


def test_diff_applies_in_the_files_own_encoding(tmp):
    # GB18030, UTF-16 with its BOM, UTF-8 with a BOM and CRLF, a lone-CR file, and U+2028 inside a line: the diff
    # is of the bytes as written, so patch applies it and gives what --fix writes
    files = {
        "g.txt": BAD.encode("gb18030"),
        "w.txt": b"\xff\xfe" + "疫情疫情防控。\n上上下下。\n".encode("utf-16-le"),
        "b.txt": b"\xef\xbb\xbf" + "疫情疫情防控。\r\n第二行。\r\n".encode("utf-8"),
        "cr.txt": "第一行。\r疫情疫情防控。\r".encode("utf-8"),
        "u.txt": ("第一行\u2028仍是同一行。\n" + BAD + "末行").encode("utf-8"),
    }
    for folder in ("p", "f", "g"):
        (tmp / folder).mkdir()
        for name, data in files.items():
            (tmp / folder / name).write_bytes(data)
    r = run("check", "--diff", "--unsafe-fixes", ".", cwd=tmp / "p")
    assert r.exit_code == 1 and r.stdout_bytes.startswith(b"--- a/")
    assert "疫情疫情防控，，要加强。".encode("gb18030") in r.stdout_bytes  # not re-encoded in UTF-8
    assert {p.name: p.read_bytes() for p in (tmp / "p").iterdir()} == files  # --diff changes nothing
    _apply_patch(r.stdout_bytes, tmp / "p")
    assert run("check", "--fix", "--unsafe-fixes", ".", cwd=tmp / "f").exit_code == 0
    for name, data in files.items():
        fixed = (tmp / "f" / name).read_bytes()
        assert fixed != data and (tmp / "p" / name).read_bytes() == fixed, name
    patch = shutil.which("patch")
    if patch is not None:  # GNU patch itself, where the machine has it (the applier above reads lines as it does)
        subprocess.run([patch, "-p1", "-s"], input=r.stdout_bytes, cwd=tmp / "g", check=True)
        for name in files:
            assert (tmp / "g" / name).read_bytes() == (tmp / "f" / name).read_bytes(), name


def test_fix_in_place_keeps_bom_and_crlf(tmp):
    f = tmp / "bad.txt"
    f.write_bytes(b"\xef\xbb\xbf" + BAD.replace("\n", "\r\n").encode("utf-8") + "第二行。\r\n".encode("utf-8"))
    mode = 0o640
    f.chmod(mode)
    r = run("check", "--fix", str(f))
    assert r.exit_code == 0, r.output
    assert f.read_bytes() == b"\xef\xbb\xbf" + "疫情防控，要加强。\r\n第二行。\r\n".encode("utf-8")
    assert f.stat().st_mode & 0o777 == mode
    assert [p.name for p in tmp.iterdir() if "zhproof-tmp" in p.name] == []


def test_fix_utf16(tmp):
    f = tmp / "u16.txt"
    f.write_bytes(b"\xff\xfe" + BAD.encode("utf-16-le"))
    assert run("check", "--fix", str(f)).exit_code == 0
    assert f.read_bytes() == b"\xff\xfe" + GOOD.encode("utf-16-le")


def test_fix_gbk(tmp):
    f = tmp / "gbk.txt"
    f.write_bytes(("第一行。\r\n" + BAD).encode("gbk"))
    r = run("check", "--output-format", "json", str(f))
    data = json.loads(r.stdout)
    assert (data[0]["rule"], data[0]["line"], data[0]["column"]) == ("duplicate-word", 2, 1)
    assert run("check", "--fix", str(f)).exit_code == 0
    assert f.read_bytes() == ("第一行。\r\n" + GOOD).encode("gbk")


def test_fix_is_atomic(tmp, monkeypatch):
    f = tmp / "bad.txt"
    f.write_text(BAD, encoding="utf-8")
    import zhproof.files as files

    real_fsync = os.fsync

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", broken_fsync)
    r = run("check", "--fix", str(f))
    monkeypatch.setattr(files.os, "fsync", real_fsync)
    assert r.exit_code == 2 and "cannot write" in r.stderr
    assert f.read_text(encoding="utf-8") == BAD
    assert [p.name for p in tmp.iterdir() if "zhproof-tmp" in p.name] == []


def test_directory_walk(tmp):
    (tmp / "a").mkdir()
    (tmp / "a" / "one.txt").write_text(BAD, encoding="utf-8")
    (tmp / "a" / "two.md").write_text(BAD, encoding="utf-8")
    (tmp / "a" / "skip.py").write_text(BAD, encoding="utf-8")
    r = run("check", "--output-format", "json", str(tmp / "a"))
    paths = sorted({d["path"] for d in json.loads(r.stdout)})
    assert paths == [str(tmp / "a" / "one.txt"), str(tmp / "a" / "two.md")]


def test_errors_do_not_stop_other_files(tmp):
    (tmp / "bad.txt").write_text(BAD, encoding="utf-8")
    r = run("check", "--output-format", "json", str(tmp / "nope.txt"), str(tmp / "bad.txt"))
    assert r.exit_code == 2
    assert len(json.loads(r.stdout)) == 2


def test_rules_and_rule():
    from zhproof.registry import builtin_rules

    r = run("rules")
    assert r.exit_code == 0
    for name, rule in builtin_rules().items():
        assert any(line.split()[:2] == [name, rule.fixable] for line in r.stdout.splitlines()), name
    r = run("rule", "broken-line")
    assert r.exit_code == 0
    assert r.stdout.startswith("# broken-line")
    for heading in (
        "## What it does",
        "## Why is this bad",
        "## Fix safety",
        "## Examples",
        "Flagged (→ fixed):",
        "Not flagged:",
    ):
        assert heading in r.stdout
    assert "- `要落实防护物资、生活物⏎⏎资保障和防护措施。` → `要落实防护物资、生活物资保障和防护措施。`" in r.stdout
    r = run("rule", "nope")
    assert r.exit_code == 2 and "nope" in r.stderr


def test_config_file_select_and_unknown_key(tmp):
    (tmp / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp / "zhproof.toml").write_text('ignore = ["duplicate-word"]\n', encoding="utf-8")
    r = run("check", "--output-format", "json", "bad.txt", cwd=tmp)
    assert [d["rule"] for d in json.loads(r.stdout)] == ["repeated-punctuation"]
    (tmp / "zhproof.toml").write_text('ignor = ["duplicate-word"]\n', encoding="utf-8")
    r = run("check", "bad.txt", cwd=tmp)
    assert r.exit_code == 2 and "'ignor'" in r.stderr and "zhproof.toml" in r.stderr


def test_installed_entry_point(root, tmp):
    # the console script that `pip install` put beside this interpreter
    exe = Path(sys.executable).parent / ("zhproof.exe" if os.name == "nt" else "zhproof")
    assert exe.exists(), f"zhproof is not installed beside {sys.executable}"
    r = subprocess.run([str(exe), "check", str(root / "samples" / "seed.txt")], capture_output=True, text=True, cwd=tmp)
    assert r.returncode == 1
    assert r.stdout.strip().splitlines()[-1] == "14 findings, 12 fixable with --fix, 2 more with --unsafe-fixes"
    r = subprocess.run(
        [str(exe), "check", "--fix", "--unsafe-fixes", "-"],
        input=(root / "samples" / "seed.txt").read_bytes(),
        capture_output=True,
        cwd=tmp,
    )
    assert r.stdout == (root / "samples" / "seed.fixed.txt").read_bytes()


def test_no_cache_flag_leaves_the_cache_alone(tmp_path):
    """--no-cache: the run neither reads nor writes the start-up cache (the same findings either way)."""
    import os
    import subprocess
    import sys

    cache_dir = tmp_path / "cache"
    f = tmp_path / "a.txt"
    f.write_text("疫情疫情防控。\n", encoding="utf-8")
    env = {**os.environ, "ZHPROOF_CACHE_DIR": str(cache_dir)}
    env.pop("ZHPROOF_NO_CACHE", None)
    cmd = [sys.executable, "-m", "zhproof", "check", "--output-format", "json", str(f)]
    off = subprocess.run([*cmd, "--no-cache"], capture_output=True, text=True, env=env)
    assert not cache_dir.exists()
    on = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert [p.name for p in cache_dir.iterdir()] != []
    assert off.returncode == on.returncode == 1 and off.stdout == on.stdout and "duplicate-word" in on.stdout


def test_the_quick_exit_keeps_every_line_and_the_exit_code(tmp_path):
    """The installed command ends the process without tearing the interpreter down (cli.run): what it printed is
    all there, through a pipe, and the exit code is the command's (1 findings, 0 clean, 2 an error)."""
    many = tmp_path / "many.txt"
    many.write_text(BAD * 3000, encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text(GOOD, encoding="utf-8")
    cmd = [sys.executable, "-m", "zhproof", "check", "--no-cache", "--output-format", "json"]
    r = subprocess.run([*cmd, str(many)], capture_output=True, text=True)
    assert r.returncode == 1
    assert r.stdout == run("check", "--no-cache", "--output-format", "json", str(many)).output
    assert len(json.loads(r.stdout)) >= 6000  # a doubled word and a doubled comma on each line, at least
    assert subprocess.run([*cmd, str(clean)], capture_output=True).returncode == 0
    r = subprocess.run([*cmd, str(tmp_path / "missing.txt")], capture_output=True, text=True)
    assert r.returncode == 2 and "missing.txt" in r.stderr


def test_the_quick_exit_runs_atexit_and_keeps_the_usual_exit_where_unsafe(monkeypatch):
    """cli._quick_exit runs the atexit functions, then ends the process with the code; it leaves the exit to Python
    for a code that is no number (Python prints it) and while another thread runs (the language server's)."""
    import atexit
    import threading

    from zhproof import cli

    calls: list = []

    class Ended(Exception):
        pass

    def fake_exit(code):
        calls.append(("exit", code))
        raise Ended

    class Stream:  # what Python's exit would flush: here, before and after the atexit functions
        def __init__(self, name):
            self.name = name

        def flush(self):
            calls.append(self.name)

    monkeypatch.setattr(cli.os, "_exit", fake_exit)
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: calls.append("atexit"))
    monkeypatch.setattr(sys, "stdout", Stream("out"))
    monkeypatch.setattr(sys, "stderr", Stream("err"))
    with pytest.raises(Ended):
        cli._quick_exit(SystemExit(1))
    assert calls == ["out", "err", "atexit", "out", "err", ("exit", 1)]
    calls.clear()
    with pytest.raises(Ended):
        cli._quick_exit(SystemExit(None))
    assert calls[-1] == ("exit", 0)
    calls.clear()
    assert cli._quick_exit(SystemExit("zhproof: a message")) is None
    with monkeypatch.context() as m:  # a profiler (python -m cProfile -m zhproof) reports after main returns
        m.setattr(sys, "getprofile", lambda: print)
        assert cli._quick_exit(SystemExit(0)) is None
    with monkeypatch.context() as m:  # so does a tracer or a debugger (-m trace, -m pdb)
        m.setattr(sys, "gettrace", lambda: print)
        assert cli._quick_exit(SystemExit(0)) is None
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert cli._quick_exit(SystemExit(0)) is None
    finally:
        stop.set()
        t.join()
    assert calls == []


def test_a_host_that_runs_the_module_keeps_its_process(tmp_path):
    """runpy.run_module("zhproof") inside another program ends with SystemExit, as before the quick exit (a review
    found the host killed), and a profiler run writes its statistics."""
    f = tmp_path / "a.txt"
    f.write_text(BAD, encoding="utf-8")
    host = (
        "import runpy, sys\n"
        f"sys.argv = ['zhproof', 'check', '--no-cache', {str(f)!r}]\n"
        "try:\n    runpy.run_module('zhproof', run_name='__main__')\n"
        "except SystemExit as e:\n    print('host continues after', e.code)\n"
    )
    r = subprocess.run([sys.executable, "-c", host], capture_output=True, text=True)
    assert r.stdout.strip().endswith("host continues after 1")
    stats = tmp_path / "p.out"
    cmd = [sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "zhproof", "check", "--no-cache", str(f)]
    subprocess.run(cmd, capture_output=True)
    assert stats.exists()
