"""Configuration: discovery, strict keys, select/ignore, per-file-ignores, exclude, .gitignore, rule packs."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from zhproof.cli import main

BAD = "疫情疫情防控，，要加强。\n"


def run(*args, cwd=None):
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    finally:
        os.chdir(old)


def rules_of(r):
    return [d["rule"] for d in json.loads(r.stdout)]


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.zhproof]\nignore = ["repeated-punctuation"]\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "zhproof.toml").write_text('ignore = ["duplicate-word"]\n', encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_nearest_configuration_above_each_file(tree):
    r = run("check", "--output-format", "json", tree / "docs" / "a.txt", tree / "sub" / "b.txt")
    data = json.loads(r.stdout)
    assert [(os.path.basename(d["path"]), d["rule"]) for d in data] == [
        ("a.txt", "duplicate-word"),
        ("b.txt", "repeated-punctuation"),
    ]


def test_relative_paths_and_config_override(tree):
    r = run("check", "--output-format", "json", "docs/a.txt", cwd=tree)
    assert rules_of(r) == ["duplicate-word"] and json.loads(r.stdout)[0]["path"] == "docs/a.txt"
    (tree / "other.toml").write_text('select = ["repeated-punctuation"]\n', encoding="utf-8")
    r = run("check", "--output-format", "json", "--config", tree / "other.toml", tree / "docs" / "a.txt")
    assert rules_of(r) == ["repeated-punctuation"]


def test_hidden_config_file(tmp_path):
    (tmp_path / ".zhproof.toml").write_text('select = ["duplicate-word"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    assert rules_of(run("check", "--output-format", "json", tmp_path / "a.txt")) == ["duplicate-word"]


def test_unknown_key_rule_and_option_name_the_problem(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    cfg = tmp_path / "zhproof.toml"
    for body, fragment in [
        ('selct = ["duplicate-word"]\n', "unknown key 'selct'"),
        ('select = ["no-such-rule"]\n', "unknown rule 'no-such-rule' in 'select'"),
        ("[rules.repeated-clause]\nmin-hann = 3\n", "unknown option 'min-hann' for rule 'repeated-clause'"),
        ('[rules.repeated-clause]\nmin-adjacent-han = "3"\n', "must be an integer"),
        ('variant = "zh-XX"\n', "'variant' must be one of"),
        ("select = [\n", "invalid TOML"),
    ]:
        cfg.write_text(body, encoding="utf-8")
        r = run("check", tmp_path / "a.txt")
        assert r.exit_code == 2, body
        assert fragment in r.stderr and "zhproof.toml" in r.stderr, (body, r.stderr)
        assert "Traceback" not in r.output


def test_pyproject_unknown_key(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.zhproof]\nignores = ["x"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    r = run("check", tmp_path / "a.txt")
    assert r.exit_code == 2 and "unknown key 'ignores' in [tool.zhproof]" in r.stderr


@pytest.mark.parametrize(
    "content,code",
    [("tool = 5\n", 1), ('tool = "zhproof"\n', 1), ("[tool]\nzhproof = 5\n", 2), ('[tool]\nzhproof = "x"\n', 2)],
)
def test_a_pyproject_whose_tool_is_no_table(tmp_path, content, code):
    # not ours (no [tool.zhproof] table): the file is checked with the defaults; [tool] zhproof = 5 is a
    # configuration error that names the key, never an internal error
    (tmp_path / "pyproject.toml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    r = run("check", tmp_path / "a.txt")
    assert r.exit_code == code, r.stderr
    assert "internal error" not in r.stderr
    if code == 2:
        assert "'tool.zhproof' must be a table" in r.stderr


def test_per_file_ignores_allow_and_rule_options(tmp_path):
    (tmp_path / "zhproof.toml").write_text(
        'allow = ["朋友朋友"]\n\n[per-file-ignores]\n"legacy/*" = ["duplicate-word"]\n', encoding="utf-8"
    )
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(BAD + "他是我的朋友朋友。\n", encoding="utf-8")
    r = run("check", "--output-format", "json", tmp_path)
    data = json.loads(r.stdout)
    assert [(os.path.basename(d["path"]), d["rule"]) for d in data] == [
        ("new.txt", "duplicate-word"),
        ("new.txt", "repeated-punctuation"),
        ("old.txt", "repeated-punctuation"),
    ]


def test_exclude_and_gitignore_in_walks_but_named_files_are_checked(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n*.tmp.txt\n", encoding="utf-8")
    (tmp_path / "zhproof.toml").write_text('exclude = ["drafts/*"]\n', encoding="utf-8")
    for rel in ["a.txt", "build/b.txt", "c.tmp.txt", "drafts/d.txt", "keep/e.md"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(BAD, encoding="utf-8")
    r = run("check", "--output-format", "json", tmp_path)
    paths = sorted({os.path.relpath(d["path"], tmp_path) for d in json.loads(r.stdout)})
    assert paths == ["a.txt", os.path.join("keep", "e.md")]
    assert "3 files skipped" in r.stderr
    r = run("check", "--output-format", "json", tmp_path / "build" / "b.txt", tmp_path / "drafts" / "d.txt")
    assert len({d["path"] for d in json.loads(r.stdout)}) == 2


def test_extend_rules_with_the_sample_rule_pack(tmp_path, root):
    shutil.copytree(root / "samples" / "rule-pack", tmp_path / "pack")
    (tmp_path / "zhproof.toml").write_text('extend-rules = ["pack"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("据悉，新冠肺炎疫情发生后。\n", encoding="utf-8")
    r = run("check", "--output-format", "json", tmp_path / "a.txt")
    data = json.loads(r.stdout)
    assert [(d["rule"], d["fix"] and d["fix"]["replacement"]) for d in data] == [
        ("newsroom-banned", None),
        ("newsroom-terms", "新冠病毒感染"),
    ]
    r = run("check", "--fix", "--unsafe-fixes", tmp_path / "a.txt")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "据悉，新冠病毒感染疫情发生后。\n"
    (tmp_path / "pack" / "bad.toml").write_text(
        'name = "x"\nkind = "existence"\ntokens = ["a"]\ncolor = 1\n', encoding="utf-8"
    )
    r = run("check", tmp_path / "a.txt")
    assert r.exit_code == 2 and "bad.toml" in r.stderr and "'color'" in r.stderr


def test_symlink_loop_in_a_walk(tmp_path):
    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(BAD, encoding="utf-8")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    r = run("check", "--output-format", "json", tmp_path)
    assert r.exit_code == 1
    # folders behind symbolic links are not walked (as git does not), so the loop is not entered
    assert sorted({d["path"] for d in json.loads(r.stdout)}) == [str(tmp_path / "d" / "a.txt")]


@pytest.mark.parametrize(
    "patterns, checked",
    [
        (["**/*.md"], ["a/y.txt", "keep.txt"]),  # x.md at the top is excluded too, as .gitignore and ruff read it
        (["/a"], ["docs/sub/z.md", "keep.txt", "x.md"]),  # anchored at the configuration's folder
        (["./a"], ["docs/sub/z.md", "keep.txt", "x.md"]),
        (["docs/*.md"], ["a/y.txt", "keep.txt", "x.md"]),  # (a shell glob's * crosses /, as before)
        (["build\\"], ["a/y.txt", "docs/sub/z.md", "keep.txt", "x.md"]),  # pathspec cannot read it: no error
        (["docs/**", "!docs/sub/z.md"], ["a/y.txt", "docs/sub/z.md", "keep.txt", "x.md"]),  # a negation takes back
        ([f"nothing{i}/" for i in range(300)] + ["*.md"], ["a/y.txt", "keep.txt"]),  # many patterns (not timed)
        # as in .gitignore, the last pattern that matches decides; a negation changes no other pattern
        (["docs/*.md", "!x.md", "a/"], ["keep.txt", "x.md"]),
        (["!docs/sub/z.md", "docs/"], ["a/y.txt", "keep.txt", "x.md"]),
        (["/a", "build\\"], ["docs/sub/z.md", "keep.txt", "x.md"]),  # one pattern pathspec rejects, the others hold
    ],
)
def test_exclude_globs_read_as_gitignore_patterns_too(tmp_path, monkeypatch, patterns, checked):
    monkeypatch.chdir(tmp_path)
    for name in ("x.md", "a/y.txt", "docs/sub/z.md", "keep.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("疫情疫情。\n", encoding="utf-8")
    (tmp_path / "zhproof.toml").write_text(f"exclude = {json.dumps(patterns)}\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", ".", "--output-format", "json"])
    assert r.exit_code == 1 and sorted({f["path"] for f in json.loads(r.stdout)}) == checked
