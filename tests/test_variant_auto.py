"""variant = "auto": each document is read in the script it is written in."""

from __future__ import annotations

from click.testing import CliRunner

import zhproof
from zhproof.cli import main
from zhproof.document import Document
from zhproof.script import detect_variant

HANT = "本條例依據憲法制定。這個計劃的執行需要時間，我們與各機關協調。"
HANS = "本条例依据宪法制定。这个计划的执行需要时间，我们与各机关协调。"


def test_detect_variant_by_the_characters_only_one_script_writes():
    assert detect_variant(HANT) == "zh-Hant"
    assert detect_variant(HANS) == "zh-Hans"
    assert detect_variant("") == "zh-Hans"
    assert detect_variant("中文 ABC 123") == "zh-Hans"  # neither script's own characters
    # a simplified text that quotes a traditional name is still simplified
    assert detect_variant("台湾电影《悲情城市》的英文名是 A City of Sadness，导演侯孝賢。") == "zh-Hans"


def test_a_document_resolves_auto_once():
    assert Document(HANT, variant="auto").variant == "zh-Hant"
    assert Document(HANS, variant="auto").variant == "zh-Hans"


def test_auto_lints_each_text_in_its_own_script():
    assert zhproof.lint_text(HANT, variant="auto") == zhproof.lint_text(HANT, variant="zh-Hant") == []
    assert zhproof.lint_text(HANS, variant="auto") == []
    assert [d.rule for d in zhproof.lint_text(HANT)] != []  # the default reads it as simplified text
    leak = "这个计划的執行需要时间，我们与各机关协调。"
    assert [d.rule for d in zhproof.lint_text(leak, variant="auto")] == ["traditional-char"]
    assert zhproof.fix_text(leak, variant="auto") == "这个计划的执行需要时间，我们与各机关协调。"


def test_auto_on_the_command_line_and_in_the_config(tmp_path):
    (tmp_path / "hant.txt").write_text(HANT + "\n", encoding="utf-8")
    (tmp_path / "hans.txt").write_text(HANS + "\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--variant", "auto", str(tmp_path)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert r.exit_code == 1  # without it, the traditional file is read as simplified text
    (tmp_path / "zhproof.toml").write_text('variant = "auto"\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "zhproof.toml"), str(tmp_path)])
    assert r.exit_code == 0, r.output
    (tmp_path / "zhproof.toml").write_text('variant = "zh-CN"\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "zhproof.toml"), str(tmp_path)])
    assert r.exit_code == 2 and "auto" in r.output


def test_a_file_in_the_other_script_gets_a_hint(tmp_path):
    (tmp_path / "hant.txt").write_text(HANT * 10 + "\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(tmp_path / "hant.txt")])
    assert r.exit_code == 1
    assert "hint:" in r.output and "--variant auto" in r.output
    r = CliRunner().invoke(main, ["check", "--variant", "auto", str(tmp_path / "hant.txt")])
    assert "hint:" not in r.output  # (the text repeats itself: repeated-clause may speak)
    # a few traditional characters in simplified text: no hint
    (tmp_path / "leak.txt").write_text("这个计划的執行需要时间。\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(tmp_path / "leak.txt")])
    assert r.exit_code == 1 and "hint:" not in r.output
