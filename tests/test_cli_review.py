"""Defects a held-out review of the command line and the API found (thirty-first session), each pinned."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import zhproof
from zhproof.cli import main

EXE = Path(sys.executable).parent / ("zhproof.exe" if os.name == "nt" else "zhproof")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_sarif_uris_are_percent_encoded_and_absolute_paths_are_file_uris(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    (tmp_path / "a,b:c%d 疫情.txt").write_text("疫情疫情防控。\n", encoding="utf-8")
    r = run("check", "--output-format", "sarif", "a,b:c%d 疫情.txt")
    (result,) = json.loads(r.stdout)["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "a%2Cb%3Ac%25d%20%E7%96%AB%E6%83%85.txt"
    r = run("check", "--output-format", "sarif", tmp_path / "a,b:c%d 疫情.txt")
    (result,) = json.loads(r.stdout)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///")


def with_pack(folder: Path, name: str, check: str, text: str) -> None:
    """A folder whose configuration extends the rules with a pack of one rule ``name`` and one ``check`` (its TOML
    lines), and a file a.txt holding ``text``."""
    (folder / "pack.toml").write_text(
        f'name = "{name}"\nkind = "pattern"\nsummary = "s"\nwhat = "w"\nwhy = "y"\nfix = "f"\n[[check]]\n{check}\n',
        encoding="utf-8",
    )
    (folder / "zhproof.toml").write_text('extend-rules = ["pack.toml"]\n', encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")


def test_sarif_lists_the_rules_of_extend_rules_packs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with_pack(tmp_path, "house-term", 'regex = "旧称"\nmessage = "用新称"', "这是旧称。\n")
    run_ = json.loads(run("check", "--output-format", "sarif", "a.txt").stdout)["runs"][0]
    ids = [x["id"] for x in run_["tool"]["driver"]["rules"]]
    (result,) = run_["results"]
    assert result["ruleId"] == "house-term" and ids[result["ruleIndex"]] == "house-term"


def test_footnotes_of_markdown_are_prose():
    text = "正文[^1]。\n\n[^1]: 脚注里的疫情疫情防控。\n"
    assert [d.rule for d in zhproof.lint_text(text, format="markdown")] == ["duplicate-word"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_for_the_output_is_no_internal_error(tmp_path):
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text("疫情疫情防控。\n" * 2000, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        r = subprocess.run([str(EXE), "check", "a.txt"], cwd=tmp_path, stdout=full, stderr=subprocess.PIPE)
    assert r.returncode == 2 and b"internal error" not in r.stderr and b"No space left" in r.stderr


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"options": {"repeated-clause": {"min-adjacent-han": "x"}}}, "must be an integer"),
        ({"options": {"repeated-clause": {"min_adjacent_han": 3}}}, "unknown option"),
        ({"options": {"repeat-clause": {}}}, "unknown rule"),
        ({"options": {"repeated-clause": {"min-adjacent-han": -5}}}, "1 or more"),
        ({"jobs": 0}, "jobs"),
    ],
)
def test_the_api_names_a_bad_argument(kwargs, error):
    with pytest.raises(ValueError, match=error):
        zhproof.Linter(**kwargs)


@pytest.mark.parametrize("text", [None, b"\xe7\x96\xab"])
def test_the_api_wants_a_str(text):
    with pytest.raises(TypeError, match="must be a str"):
        zhproof.lint_text(text)


def test_one_allowed_word_is_a_word_not_its_characters():
    assert zhproof.lint_text("疫情疫情防控工作。", allow="疫情疫情") == []


def test_a_count_option_below_one_is_a_configuration_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "zhproof.toml").write_text("[rules.repeated-clause]\nmin-adjacent-han = -5\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("疫情防控。\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "a.txt"])
    assert r.exit_code == 2 and "1 or more" in r.stderr


def test_a_pattern_of_a_rule_pack_that_matches_nothing_at_all_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with_pack(tmp_path, "x-y", 'regex = ""\nmessage = "empty"\ndelete = true', "疫情防控。\n")
    r = CliRunner().invoke(main, ["check", "a.txt"])
    assert r.exit_code == 2 and "matches an empty text" in r.stderr


def test_a_broken_pyproject_with_zhproof_settings_is_an_error(tmp_path, monkeypatch):
    # it was passed over in silence, and the configuration above it applied instead
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.zhproof]\nselect = ["duplicate-word"]\n', encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.zhproof]\nselect = [\n", encoding="utf-8")
    (inner / "a.txt").write_text("疫情防控。\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "inner/a.txt"])
    assert r.exit_code == 2 and "inner/pyproject.toml" in r.stderr and "invalid TOML" in r.stderr
    # a broken pyproject.toml of another tool's is not zhproof's business
    (inner / "pyproject.toml").write_text("[tool.black]\nline-length = [\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["check", "inner/a.txt"]).exit_code == 0


def test_the_server_ignores_a_change_to_a_document_never_opened():
    # (pygls raised a KeyError, shown to the user as "Error in server")
    pytest.importorskip("pygls")
    from lsprotocol import types as lsp
    from pygls.workspace import Workspace

    from zhproof.server import ZhproofProtocol

    protocol = ZhproofProtocol.__new__(ZhproofProtocol)
    protocol._workspace = Workspace(None)
    params = lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri="file:///never-opened.txt", version=2),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text="疫情疫情")],
    )
    assert list(protocol.lsp_text_document__did_change(params)) == []


def test_stdin_is_passed_through_when_the_run_stops_on_an_error(monkeypatch, tmp_path):
    # (an internal error emptied an editor's buffer: only a run that could not start passed the text through)
    from zhproof import session

    monkeypatch.chdir(tmp_path)

    def broken(o, paths):
        session._read_stdin()
        raise RuntimeError("a bug")

    monkeypatch.setattr(session, "_run_check", broken)
    text = "疫情疫情防控工作。\n".encode("utf-8")
    r = CliRunner().invoke(main, ["check", "--fix", "-"], input=text)
    assert r.exit_code == 2 and r.stdout_bytes == text and "internal error" in r.stderr
    # JSON Lines on standard input: standard output carries the report, never the records
    r = CliRunner().invoke(main, ["check", "--fix", "--jsonl-field", "text", "-"], input=b'{"text": "x"}\n')
    assert r.exit_code == 2 and r.stdout_bytes == b""


def test_a_pyproject_that_only_mentions_zhproof_in_a_comment_is_not_zhproofs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("# see [tool.zhproof] in the docs\n[tool.black\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("疫情防控。\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["check", "a.txt"]).exit_code == 0


def test_options_of_the_api_must_be_a_dict():
    with pytest.raises(ValueError, match="must be a dict"):
        zhproof.Linter(options=[("repeated-clause", {})])


def _lsp_frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_the_server_logs_a_malformed_message_on_one_line_and_lives_on():
    # (pygls printed the traceback of its JSON decoder to standard error)
    pytest.importorskip("pygls")
    initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
    frames = [
        _lsp_frame(b'{"bad json'),
        _lsp_frame(b'{"jsonrpc": "2.0", "method": 7}'),
        _lsp_frame(json.dumps(initialize).encode()),
        _lsp_frame(b'{"jsonrpc": "2.0", "id": 2, "method": "shutdown"}'),
        _lsp_frame(b'{"jsonrpc": "2.0", "method": "exit"}'),
    ]
    r = subprocess.run(
        [sys.executable, "-m", "zhproof", "server"], input=b"".join(frames), capture_output=True, timeout=60
    )
    err = r.stderr.decode()
    assert "Traceback" not in err and "JSONDecodeError" in err
    assert all(line.startswith("zhproof server: ") for line in err.splitlines())
    assert b'"id": 1' in r.stdout and b'"capabilities"' in r.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is no UTF-8 needs a byte-named file system")
@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_a_file_name_that_is_no_utf8_gives_a_valid_report(tmp_path, fmt):
    # (a GBK name from a Windows archive: SARIF was an internal error that lost every file's findings, JSON held raw
    # bytes; a fuzzing review)
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("我们要大力推推进改革开放。\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), "报告".encode("gbk") + b".txt"), "w", encoding="utf-8") as f:
        f.write("疫情疫情防控。\n")
    r = subprocess.run(
        [str(EXE), "check", "--output-format", fmt, "."],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    assert r.returncode == 1, r.stderr
    out = r.stdout.decode("utf-8")  # valid UTF-8, whatever the locale
    if fmt == "json":
        assert len(json.loads(out)) == 2
    elif fmt == "sarif":
        uris = {
            x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for x in json.loads(out)["runs"][0]["results"]
        }
        assert uris == {"ok.txt", "%B1%A8%B8%E6.txt"}
    else:
        assert "\\udcb1\\udca8\\udcb8\\udce6.txt" in out and "ok.txt" in out


def test_a_lone_surrogate_in_a_record_is_written_as_its_escape(tmp_path):
    # (a finding's message quoted a JSON Lines record's \udca2: the report held a raw byte, or with a strict UTF-8
    # standard output was an internal error with no output)
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    # (这 makes it a simplified text with a traditional passage, which the message quotes)
    (tmp_path / "r.jsonl").write_text('{"text": "\\u8fd9\\u91d7\\u8e9a\\udca2\\u8f46\\u5d7e"}\n', encoding="ascii")
    r = subprocess.run(
        [str(EXE), "check", "--jsonl-field", "text", "--output-format", "json", "r.jsonl"],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    (finding,) = json.loads(r.stdout.decode("utf-8"))
    assert "\udca2" in finding["message"]


# --- the thirty-third session's review of the command line


def test_a_jsonl_file_without_its_field_is_refused_and_left_alone(tmp_path, monkeypatch):
    # read as plain text, its JSON syntax is no prose: halfwidth-punctuation's fixes turned "text" into “text”
    monkeypatch.chdir(tmp_path)
    data = '{"text": "疫情疫情防控"}\n'
    (tmp_path / "v.jsonl").write_text(data, encoding="utf-8")
    (tmp_path / "a.txt").write_text("疫情疫情防控。\n", encoding="utf-8")
    r = run("check", "--fix", "v.jsonl", "a.txt")
    assert r.exit_code == 2 and "v.jsonl: JSON; give --jsonl-field FIELD" in r.stderr
    assert (tmp_path / "v.jsonl").read_text(encoding="utf-8") == data
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "疫情防控。\n"  # the other files are still fixed


def test_an_empty_jsonl_input_gets_an_empty_copy(tmp_path, monkeypatch):
    # the copy of the last run stayed in place: --output must always hold the copy of this input
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "out.jsonl").write_text('{"text": "旧的输出"}\n', encoding="utf-8")
    r = run("check", "--jsonl-field", "text", "--fix", "--output", "out.jsonl", "empty.jsonl")
    assert r.exit_code == 0 and (tmp_path / "out.jsonl").read_bytes() == b""


def test_a_short_text_wholly_in_the_other_script_is_not_half_converted():
    # 這是一個繁體中文的文件，我們覺得說話很難。: the first clause's characters were converted one by one (safe), the
    # second clause, a passage, was left: a text in both scripts
    text = "這是一個繁體中文的文件，我們覺得說話很難。"
    (d,) = zhproof.lint_text(text)
    assert d.rule == "traditional-char" and d.fix is None and "全文以繁体书写" in d.message
    assert zhproof.fix_text(text, unsafe=True) == text
    assert zhproof.fix_text("這是我们的工作") == "这是我们的工作"  # one slip in a simplified text is still fixed


def test_a_folder_that_cannot_be_read_is_an_error(tmp_path, monkeypatch):
    # its files went unchecked and the run passed: All checks passed!, exit 0
    import zhproof.discovery

    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    real_walk = os.walk

    def walk(top, followlinks=False, onerror=None):
        if Path(top).name == "d":
            onerror(PermissionError(13, "Permission denied", str(top)))
            return iter(())
        return real_walk(top, followlinks=followlinks, onerror=onerror)

    monkeypatch.setattr(zhproof.discovery.os, "walk", walk)
    r = run("check", "d")
    assert r.exit_code == 2 and "d: cannot read the folder: Permission denied" in r.stderr


def test_a_bad_configuration_in_a_subfolder_stops_only_its_files(tmp_path, monkeypatch):
    # the whole run stopped at it: the good folder's findings were never reported, and JSON output was empty
    monkeypatch.chdir(tmp_path)
    for folder in ("good", "bad"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text("疫情疫情。\n", encoding="utf-8")
    (tmp_path / "bad" / "zhproof.toml").write_text("select = [\n", encoding="utf-8")
    r = run("check", "--output-format", "json", ".")
    assert r.exit_code == 2 and r.stderr.count("bad/zhproof.toml: invalid TOML") == 1
    assert "the files it governs are not checked" in r.stderr
    assert [f["path"] for f in json.loads(r.stdout)] == ["good/a.txt"]
    r = run("check", "bad/a.txt", "good/a.txt")  # named one by one too
    assert r.exit_code == 2 and "good/a.txt:1:1: duplicate-word" in r.stdout and "bad/a.txt:" not in r.stdout


def test_control_characters_of_the_file_are_shown_not_sent_to_the_terminal(tmp_path, monkeypatch):
    # a file's ESC [31m recoloured the terminal of whoever ran zhproof check on it
    monkeypatch.chdir(tmp_path)
    (tmp_path / "esc.txt").write_text("\x1b[31m红色\x1b[0m疫情疫情\x7f\x9b\u202e\u2028\u200f。\n", encoding="utf-8")
    r = run("check", "esc.txt")
    assert not any(c in r.stdout for c in "\x1b\x7f\x9b\u202e\u2028\u200f")
    assert "␛[31m红色␛[0m疫情疫情␡\ufffd\ufffd\ufffd\ufffd。" in r.stdout


def test_records_from_standard_input_are_fixed_to_standard_output():
    # --fix on standard input writes the fixed text to standard output; its records were refused (needs --output)
    data = '{"text": "疫情疫情防控", "id": 1}\n{"text": "好的。"}\n'
    r = CliRunner().invoke(main, ["check", "--jsonl-field", "text", "--fix"], input=data.encode("utf-8"))
    assert r.exit_code == 0 and r.stdout == '{"text": "疫情防控", "id": 1}\n{"text": "好的。"}\n'
    assert "1 fixed" in r.stderr


def test_diff_of_json_lines_is_an_error(tmp_path, monkeypatch):
    # it printed nothing, and said 0 files would be changed
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.jsonl").write_text('{"text": "疫情疫情防控"}\n', encoding="utf-8")
    r = run("check", "--jsonl-field", "text", "--diff", "r.jsonl")
    assert r.exit_code == 2 and "--diff does not apply to JSON Lines" in r.stderr and r.stdout == ""


def test_a_walk_does_not_follow_links_out_of_its_folder(tmp_path, monkeypatch):
    # --fix of a folder rewrote the target of a link that pointed outside the project
    (tmp_path / "outside").mkdir()
    (tmp_path / "proj").mkdir()
    (tmp_path / "outside" / "o.txt").write_text("疫情疫情。\n", encoding="utf-8")
    (tmp_path / "proj" / "in.txt").write_text("疫情疫情。\n", encoding="utf-8")
    (tmp_path / "proj" / "link.txt").symlink_to(tmp_path / "outside" / "o.txt")
    monkeypatch.chdir(tmp_path / "proj")
    r = run("check", "--fix", ".")
    assert "1 symbolic link to files outside it skipped (link.txt)" in r.stderr
    assert (tmp_path / "outside" / "o.txt").read_text(encoding="utf-8") == "疫情疫情。\n"
    assert (tmp_path / "proj" / "in.txt").read_text(encoding="utf-8") == "疫情。\n"
    r = run("check", "link.txt")  # named, it is checked
    assert r.exit_code == 1 and "link.txt:1:1: duplicate-word" in r.stdout


def test_select_with_no_rule_name_is_a_usage_error(tmp_path, monkeypatch):
    # --select '' (an empty shell variable) silently meant the default set
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("疫情疫情。\n", encoding="utf-8")
    for option in ("--select", "--extend-select"):
        r = CliRunner().invoke(main, ["check", option, " , ", "a.txt"])
        assert r.exit_code == 2 and f"{option} needs at least one rule name" in r.output


def _secret_unreadable(monkeypatch) -> None:
    """The walk meets a folder named secret that cannot be listed (tests run as root, where chmod hides nothing)."""
    import zhproof.discovery

    real_walk = os.walk

    def walk(top, followlinks=False, onerror=None):
        for entry in real_walk(top, followlinks=followlinks, onerror=onerror):
            if Path(entry[0]).name == "secret":
                onerror(PermissionError(13, "Permission denied", entry[0]))
                continue
            yield entry

    monkeypatch.setattr(zhproof.discovery.os, "walk", walk)


@pytest.mark.parametrize("ignored_by", [".gitignore", "zhproof.toml"])
def test_a_folder_that_cannot_be_read_but_is_ignored_is_no_error(tmp_path, monkeypatch, ignored_by):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "secret").mkdir()
    (tmp_path / "a.txt").write_text("好的。\n", encoding="utf-8")
    if ignored_by == ".gitignore":
        (tmp_path / ".gitignore").write_text("secret/\n", encoding="utf-8")
    else:
        (tmp_path / "zhproof.toml").write_text('exclude = ["secret"]\n', encoding="utf-8")
    _secret_unreadable(monkeypatch)
    r = run("check", ".")
    assert r.exit_code == 0 and "cannot read" not in r.stderr


def test_a_mistyped_rule_of_the_command_line_is_one_error_not_one_per_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text("疫情疫情。\n", encoding="utf-8")
    r = run("check", ".", "--extend-select", "duplicate-wrod")
    assert r.exit_code == 2 and r.stderr.count("unknown rule 'duplicate-wrod'") == 1


def test_records_on_standard_input_under_a_bad_configuration_pass_through(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "zhproof.toml").write_text("select = [\n", encoding="utf-8")
    data = '{"text": "疫情疫情防控"}\n{"text": "好"}\n'
    r = CliRunner().invoke(
        main, ["check", "--jsonl-field", "text", "--fix", "--stdin-filename", "bad/x.jsonl", "-"], input=data
    )
    assert r.exit_code == 2 and r.stdout == data  # (it wrote nothing: an editor's buffer or a pipe emptied)


@pytest.mark.parametrize("name", ["b.jsonl", "a.json"])
def test_json_on_standard_input_without_its_field_is_refused_and_passed_through(name):
    data = '{"text": "疫情疫情"}\n'
    r = CliRunner().invoke(main, ["check", "--fix", "--stdin-filename", name, "-"], input=data)
    assert r.exit_code == 2 and r.stdout == data and "give --jsonl-field FIELD" in r.stderr


def test_an_unreadable_folder_is_an_error_whatever_its_files_would_be_named(tmp_path, monkeypatch):
    # (the check asked whether a made-up file _ in it was excluded: exclude = ["_*"] silenced the error)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret").mkdir()
    (tmp_path / "zhproof.toml").write_text('exclude = ["_*", "?"]\n', encoding="utf-8")
    _secret_unreadable(monkeypatch)
    r = run("check", ".")
    assert r.exit_code == 2 and "secret: cannot read the folder" in r.stderr
