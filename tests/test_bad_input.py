"""Bad input through the CLI and the API: empty and whitespace-only files, binary files, undecodable bytes,
mixed line endings, symbolic link loops, files that cannot be written or that vanish. Every case states
the exit code, the message and what happens to the files; no output ever holds a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import zhproof
import zhproof.files
from zhproof.cli import main
from zhproof import Linter
from zhproof.document import Document
from zhproof.files import BinaryFileError, InputError, decode
from zhproof.registry import builtin_rules

BAD = "疫情疫情防控，，要加强。\n"
GOOD = "疫情防控，要加强。\n"


def run(*args, input=None, cwd: Path | None = None):
    """Invoke the CLI in-process; the result must come from sys.exit, never from an escaped exception."""
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), input=input)
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    for stream in (result.output, result.stdout, result.stderr):
        assert "Traceback" not in stream, stream
    return result


@pytest.fixture
def tmp(tmp_path):
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")  # no configuration from above may leak in
    return tmp_path


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("zhproof: error:")]


# ----------------------------------------------------------------------------------------------------------
# empty and whitespace-only


def test_empty_file(tmp):
    f = tmp / "empty.txt"
    f.write_bytes(b"")
    r = run("check", str(f))
    assert r.exit_code == 0
    assert r.stdout == "All checks passed!\n"
    assert r.stderr == ""
    r = run("check", "--fix", str(f))
    assert r.exit_code == 0 and f.read_bytes() == b""


def test_empty_stdin():
    r = run("check", "-", input=b"")
    assert r.exit_code == 0
    assert r.stdout.endswith("All checks passed!\n")
    r = run("check", "--fix", "-", input=b"")
    assert r.exit_code == 0 and r.stdout == ""


def test_whitespace_only_file(tmp):
    f = tmp / "ws.txt"
    f.write_bytes(b"  \n\n\t\n")
    r = run("check", str(f))
    assert r.exit_code == 1
    assert f"{f}:1:1: blank-lines" in r.stdout
    assert r.stdout.endswith("1 finding, 1 fixable with --fix, 0 more with --unsafe-fixes\n")
    r = run("check", "--fix", str(f))
    assert r.exit_code == 0 and "Fixed 1 finding." in r.stdout
    assert f.read_bytes() == b""
    assert run("check", str(f)).exit_code == 0


def test_whitespace_only_api():
    assert zhproof.lint_text("") == []
    assert zhproof.fix_text("") == ""
    assert zhproof.fix_text("  \n\n\t\n") == ""
    assert zhproof.fix_text("\u3000\r\n\r\n") == ""
    for text in (" ", "\t", "\u3000", "   ", " \n", "\n \n"):  # whitespace only: all of it goes
        assert [d.rule for d in zhproof.lint_text(text)] == ["blank-lines"]
        assert zhproof.fix_text(text) == ""


# ----------------------------------------------------------------------------------------------------------
# binary and undecodable


def test_nul_bytes_binary_is_skipped(tmp):
    f = tmp / "blob.txt"
    data = b"\x00\x01\x02binary\xff"
    f.write_bytes(data)
    other = tmp / "bad.txt"
    other.write_text(BAD, encoding="utf-8")
    r = run("check", str(f))
    assert r.exit_code == 0
    assert r.stderr == f"zhproof: {f}: binary file (contains NUL bytes), skipped\n"
    r = run("check", "--fix", str(f), str(other))
    assert r.exit_code == 0  # skipped, and the other file was fixed
    assert f.read_bytes() == data
    assert other.read_text(encoding="utf-8") == GOOD


def test_nul_byte_in_utf8_text_is_binary(tmp):
    f = tmp / "nul.txt"
    f.write_bytes("疫情疫情".encode() + b"\x00" + "防控".encode())
    r = run("check", "--fix", str(f))
    assert r.exit_code == 0
    assert "binary file (contains NUL bytes), skipped" in r.stderr
    assert f.read_bytes() == "疫情疫情".encode() + b"\x00" + "防控".encode()


def test_nul_bytes_api():
    with pytest.raises(BinaryFileError, match=r"^x: binary file \(contains NUL bytes\), skipped$"):
        decode(b"ab\x00cd", "x")
    # a str with NUL is text to the API: the NUL is an invisible character with a safe fix
    diags = zhproof.lint_text("疫\x00情")
    assert [(d.rule, d.start, d.end) for d in diags] == [("invisible-char", 1, 2)]
    assert zhproof.fix_text("疫\x00情") == "疫情"


def test_invalid_utf8(tmp):
    f = tmp / "latin.txt"
    data = "中文".encode("utf-8") + b"\xff\xfe\xfa" + "疫情疫情".encode()
    f.write_bytes(data)
    other = tmp / "bad.txt"
    other.write_text(BAD, encoding="utf-8")
    for args in (("check",), ("check", "--fix"), ("check", "--fix", "--unsafe-fixes"), ("check", "--diff")):
        r = run(*args, str(f), str(other))
        assert r.exit_code == 2, args
        errors = error_lines(r)
        assert len(errors) == 1, r.stderr
        assert errors[0].startswith(f"zhproof: error: {f}: cannot decode as UTF-8 at byte 6 (0xff)")
        assert f.read_bytes() == data  # untouched
    assert other.read_text(encoding="utf-8") == GOOD  # the other file was still fixed


def test_invalid_utf8_truncated_sequence(tmp):
    f = tmp / "cut.txt"
    data = "疫情".encode() + "防".encode()[:2]  # the last character cut in the middle
    f.write_bytes(data)
    r = run("check", "--fix", str(f))
    assert r.exit_code == 2
    assert f"{f}: cannot decode as UTF-8 at byte 6" in r.stderr
    assert f.read_bytes() == data


def test_invalid_utf16_with_bom(tmp):
    f = tmp / "u16.txt"
    data = b"\xff\xfe" + "疫情".encode("utf-16-le") + b"\x00\xd8"  # a lone high surrogate at the end
    f.write_bytes(data)
    r = run("check", "--fix", str(f))
    assert r.exit_code == 2
    assert f"{f}: not valid UTF-16-LE at byte 6" in r.stderr
    assert f.read_bytes() == data


def test_invalid_utf8_api():
    with pytest.raises(InputError, match=r"^x: cannot decode as UTF-8 at byte 2 \(0xff\)"):
        decode(b"ab\xff", "x")


# ----------------------------------------------------------------------------------------------------------
# line endings

MIXED = "疫情疫情防控，，要加强。\r\n第二行在在会上。\n第三行交通運輸。\r第四行。\r\n"
MIXED_FIXED = "疫情防控，要加强。\r\n第二行在会上。\n第三行交通运输。\r第四行。\r\n"


def test_mixed_line_endings_api():
    assert zhproof.fix_text(MIXED) == MIXED_FIXED


def test_mixed_line_endings_cli(tmp):
    f = tmp / "mixed.txt"
    f.write_bytes(MIXED.encode())
    r = run("check", "--fix", str(f))
    assert r.exit_code == 0, r.output
    assert f.read_bytes() == MIXED_FIXED.encode()


def test_mixed_line_endings_stdin():
    r = run("check", "--fix", "-", input=MIXED.encode())
    assert r.stdout_bytes == MIXED_FIXED.encode()


def _by_line(text: str, linter) -> list:
    doc = Document(text)
    return [
        (d.rule, doc.line_col(d.start), doc.line_col(d.end), d.message, d.fix.safety if d.fix else None)
        for d in linter.lint(text)
    ]


def test_line_endings_give_the_same_findings():
    # a file written with CRLF (Windows) or lone CRs (classic Mac) gets the findings of its LF copy at the same lines
    # and columns: halfwidth-punctuation missed a mark at the end of a CRLF line (原则:\r\n), repeated-clause and
    # broken-line read only line feeds as lines (a headline restated in its story was a paste in a lone-CR file)
    root = Path(__file__).resolve().parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "corpus" / "clean").glob("*.txt"))]
    texts += [(root.parent / "samples" / "seed.txt").read_text(encoding="utf-8")]
    colon = "第三条 人民调解委员会调解民间纠纷，应当遵循下列原则:\n\n（一）在当事人自愿的基础上进行调解；\n"
    headline = "2021年度全国征兵工作有序展开\n\n2021年度全国征兵工作有序展开。今年征兵以大学生为重点。\n"
    # (two lines of the speed text: duplicate-word read only line feeds as the end of a wrapped line, 试举|举起)
    wrapped = "坚持把发展经济着力点放在实体经济上，“十四五”规划纲要更为制造业的减负继续做“加法“。未来五年，国家将推动工业用地提容增效，推广新型产业用地模式。扩大制造业中长期贷款、信用贷款规模，增加技改贷款，推动股权投资、债券融资等向制造业倾斜。\n在昨晚进行的举重男子67公斤级比赛中，中国选手谌利军抓举第一次试举举起145公斤，以排名第四、落后第一名6公斤的成绩进入挺举比赛。挺举比赛中，谌利军第一次试举举起175公斤，此时总成绩已经落后第一名11公斤。挺举第二次试举，谌利军放手一搏，直接挑战187公斤。\n"
    texts += [colon, headline, wrapped]
    texts += [e.text for rule in builtin_rules().values() for e in rule.doc.examples if e.variant == "zh-Hans"]
    linter = Linter()
    for text in texts:
        text = text.replace("\r\n", "\n")
        expected = _by_line(text, linter)
        for newline in ("\r\n", "\r"):
            assert _by_line(text.replace("\n", newline), linter) == expected, (newline, text[:40])
    assert _by_line(headline, linter) == []
    assert [r[0] for r in _by_line(colon, linter)] == ["halfwidth-punctuation"]


def test_crlf_blank_line_runs_keep_crlf(tmp):
    f = tmp / "crlf.txt"
    f.write_bytes("第一段。\r\n\r\n\r\n\r\n第二段。\r\n\r\n".encode())
    run("check", "--fix", str(f))
    assert f.read_bytes() == "第一段。\r\n\r\n第二段。\r\n".encode()


def test_blank_line_run_of_mixed_endings_keeps_its_own(tmp):
    # a run of blank lines is cut to one blank line with line breaks the run had: LF stays LF
    f = tmp / "mixed-run.txt"
    f.write_bytes("第一段。\r\n\n\n第二段。\n".encode())
    run("check", "--fix", str(f))
    assert f.read_bytes() == "第一段。\r\n\n第二段。\n".encode()


def test_cr_only_file_keeps_cr(tmp):
    f = tmp / "cr.txt"
    f.write_bytes("疫情疫情防控。\r\r\r第二段。\r".encode())
    run("check", "--fix", str(f))
    assert f.read_bytes() == "疫情防控。\r\r第二段。\r".encode()


@pytest.mark.parametrize("between", [" ", "\t", "\u3000", "\u200b", "\ufeff"])
def test_fix_does_not_join_cr_and_lf(tmp, between):
    # a lone CR, something invisible, then LF: two line breaks (the paragraphs are apart). Deleting what
    # stands between them would make one CRLF and join the paragraphs.
    f = tmp / "crlf-join.txt"
    text = f"第一段。\r{between}\n第二段。\n"
    f.write_bytes(text.encode())
    run("check", "--fix", str(f))
    fixed = f.read_bytes().decode()
    assert fixed.count("\r") == 1 and fixed.count("\n") == 2 and "\r\n" not in fixed, repr(fixed)


# ----------------------------------------------------------------------------------------------------------
# symbolic links

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="symlinks")


@needs_symlinks
def test_symlink_to_itself(tmp):
    loop = tmp / "loop.txt"
    loop.symlink_to(loop)
    other = tmp / "bad.txt"
    other.write_text(BAD, encoding="utf-8")
    r = run("check", "--fix", str(loop), str(other))
    assert r.exit_code == 2
    errors = error_lines(r)
    assert len(errors) == 1 and errors[0].startswith(f"zhproof: error: {loop}: ") and "symbolic link" in errors[0]
    assert other.read_text(encoding="utf-8") == GOOD


@needs_symlinks
def test_directory_symlink_loop(tmp):
    d = tmp / "docs"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(BAD, encoding="utf-8")
    (d / "sub" / "b.txt").write_text(BAD, encoding="utf-8")
    (d / "sub" / "again").symlink_to(d, target_is_directory=True)  # docs/sub/again -> docs
    (d / "self").symlink_to(d / "self")  # a link to itself
    r = run("check", "--output-format", "json", str(d))
    assert r.exit_code == 1, r.output
    paths = sorted({f["path"] for f in json.loads(r.stdout)})
    assert paths == [str(d / "a.txt"), str(d / "sub" / "b.txt")]  # each file once
    assert r.stderr == ""  # docs/self has no text suffix: not a file to check, not an error


@needs_symlinks
def test_directory_symlink_to_ancestor_stays_inside(tmp):
    # docs/up -> .. is a loop through the parent: the walk must not wander into the parent's other files
    d = tmp / "docs"
    d.mkdir()
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp / "outside.txt").write_text(BAD, encoding="utf-8")
    (d / "up").symlink_to(tmp, target_is_directory=True)
    r = run("check", str(d))
    assert "outside.txt" not in r.output, r.output
    assert r.exit_code == 0


@needs_symlinks
def test_dangling_symlink(tmp):
    link = tmp / "gone.txt"
    link.symlink_to(tmp / "nowhere.txt")
    r = run("check", str(link))
    assert r.exit_code == 2
    assert error_lines(r) == [f"zhproof: error: {link}: broken symbolic link"]


# ----------------------------------------------------------------------------------------------------------
# files that cannot be written


def test_unwritable_file_with_fix(tmp, monkeypatch):
    ro = tmp / "ro.txt"
    rw = tmp / "rw.txt"
    ro.write_text(BAD, encoding="utf-8")
    rw.write_text(BAD, encoding="utf-8")
    real_replace = os.replace

    def replace(src, dst, *a, **kw):
        if Path(dst).name == "ro.txt":
            raise PermissionError(13, "Permission denied", str(dst))
        return real_replace(src, dst, *a, **kw)

    monkeypatch.setattr(zhproof.files.os, "replace", replace)
    r = run("check", "--fix", str(ro), str(rw))
    assert r.exit_code == 2
    assert error_lines(r) == [f"zhproof: error: {ro}: cannot write: Permission denied"]
    assert ro.read_text(encoding="utf-8") == BAD  # untouched
    assert rw.read_text(encoding="utf-8") == GOOD  # still fixed
    assert sorted(p.name for p in tmp.iterdir()) == ["ro.txt", "rw.txt", "zhproof.toml"]  # no temporary left


def _as_nobody():
    """A command prefix that runs as an unprivileged user, when the tests run as root (root may write any file)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_read_only_file_with_fix():
    """A file without write permission is not replaced by --fix: an error names it, exit 2, the others are
    fixed. (Run as an unprivileged user: root may write anything.)"""
    prefix = _as_nobody()
    if prefix is None:
        pytest.skip("running as root without setpriv")
    folder = Path(tempfile.mkdtemp(prefix="zhproof-ro-"))
    try:
        folder.chmod(0o777)
        (folder / "zhproof.toml").write_text("", encoding="utf-8")
        ro = folder / "ro.txt"
        rw = folder / "rw.txt"
        ro.write_text(BAD, encoding="utf-8")
        rw.write_text(BAD, encoding="utf-8")
        ro.chmod(0o444)
        rw.chmod(0o666)
        before = ro.stat()
        cmd = prefix + [sys.executable, "-m", "zhproof", "check", "--fix", str(ro), str(rw)]
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        p = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, env=env, timeout=120)
        if prefix and "Permission denied" in p.stderr and "zhproof" not in p.stderr:
            pytest.skip(f"the unprivileged user cannot run the interpreter: {p.stderr.strip()}")
        assert "Traceback" not in p.stderr + p.stdout
        assert rw.read_text(encoding="utf-8") == GOOD, p.stderr
        assert ro.read_text(encoding="utf-8") == BAD, "a read-only file was rewritten by --fix"
        assert (ro.stat().st_uid, ro.stat().st_ino) == (before.st_uid, before.st_ino)
        assert p.returncode == 2
        assert f"{ro}: cannot write" in p.stderr
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ----------------------------------------------------------------------------------------------------------
# files that vanish


def test_file_vanishes_before_it_is_read(tmp, monkeypatch):
    gone = tmp / "gone.txt"
    stay = tmp / "stay.txt"
    gone.write_text(BAD, encoding="utf-8")
    stay.write_text(BAD, encoding="utf-8")
    real_read = Path.read_bytes

    def read_bytes(self):
        if self.name == "gone.txt" and self.exists():
            self.unlink()  # deleted between the directory walk and the read
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    r = run("check", "--fix", str(tmp))
    assert r.exit_code == 2
    assert error_lines(r) == [f"zhproof: error: {gone}: no such file"]
    assert not gone.exists()
    assert stay.read_text(encoding="utf-8") == GOOD


def test_file_named_on_command_line_vanishes(tmp, monkeypatch):
    gone = tmp / "gone.txt"
    gone.write_text(BAD, encoding="utf-8")
    real_read = Path.read_bytes

    def read_bytes(self):
        if self.name == "gone.txt":
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    r = run("check", str(gone))
    assert r.exit_code == 2
    assert error_lines(r) == [f"zhproof: error: {gone}: no such file"]


def test_file_becomes_unreadable(tmp, monkeypatch):
    f = tmp / "locked.txt"
    f.write_text(BAD, encoding="utf-8")
    real_read = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    r = run("check", "--fix", str(f))
    assert r.exit_code == 2
    assert error_lines(r) == [f"zhproof: error: {f}: cannot read: Permission denied"]
    assert f.read_text(encoding="utf-8") == BAD


def test_missing_file_among_others(tmp):
    good = tmp / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    r = run("check", str(tmp / "missing.txt"), str(good))
    assert r.exit_code == 2
    assert error_lines(r) == [f"zhproof: error: {tmp / 'missing.txt'}: no such file or directory"]


# ----------------------------------------------------------------------------------------------------------
# the API


@pytest.mark.parametrize("bad", [b"\xe7\x96\xab\xe6\x83\x85", None, 123, ["疫情"]])
def test_api_rejects_non_str(bad):
    for f in (zhproof.lint_text, zhproof.fix_text):
        with pytest.raises(TypeError) as err:
            f(bad)
        assert type(bad).__name__ in str(err.value) or (isinstance(bad, bytes) and "bytes" in str(err.value))


def test_api_unknown_variant_and_rule():
    with pytest.raises(ValueError, match="unknown variant 'zh-XX'"):
        zhproof.lint_text("疫情疫情", variant="zh-XX")
    with pytest.raises(ValueError, match="unknown rule 'no-such-rule'"):
        zhproof.lint_text("疫情疫情", select="no-such-rule")


def test_api_unknown_format():
    import inspect

    if "format" not in inspect.signature(zhproof.lint_text).parameters:
        pytest.skip("lint_text has no format")
    # like an unknown variant, an unknown format is an error, not silently plain text
    with pytest.raises(ValueError, match="html"):
        zhproof.lint_text("疫情疫情", format="html")


def test_api_decode_edge_cases():
    assert decode(b"", "x").text == ""
    assert decode(b"\xef\xbb\xbf", "x").text == ""
    assert decode(b"\xff\xfe", "x").text == ""
    src = decode(b"\xff\xfe" + "疫情\r\n".encode("utf-16-le"), "x")
    assert src.text == "疫情\r\n" and src.encoding == "utf-16-le"


def test_a_gbk_file_with_a_bad_byte_names_where_gbk_failed():
    # the message named byte 0, where UTF-8 failed, for a GBK file whose last byte was bad
    data = "疫情防控工作".encode("gbk") + b"\xff"
    with pytest.raises(InputError, match=r"at byte 0 \(0xd2\), nor as GB18030/GBK \(at byte 12\)"):
        decode(data, "x")
    latin = "café ñ über".encode("latin-1")
    with pytest.raises(InputError, match=r"nor as GB18030/GBK \((at byte \d+|its characters are not mostly common)"):
        decode(latin, "y")
