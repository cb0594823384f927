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


def test_a_file_in_the_other_script_is_one_finding_that_says_so(tmp_path):
    # a document written in traditional characters, checked as simplified text: one warning for the whole
    # document, without a fix (converting it character by character left it in both scripts)
    (tmp_path / "hant.txt").write_text(HANT * 10 + "\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--select", "traditional-char", str(tmp_path / "hant.txt")])
    assert r.exit_code == 1
    assert "全文以繁体书写" in r.output and "--variant auto" in r.output
    assert r.output.strip().splitlines()[-1] == "1 finding, 0 fixable with --fix, 0 more with --unsafe-fixes"
    r = CliRunner().invoke(main, ["check", "--fix", "--unsafe-fixes", str(tmp_path / "hant.txt")])
    # (repeated-clause deletes the nine copies; the one sentence left is still in traditional characters)
    assert (tmp_path / "hant.txt").read_text(encoding="utf-8") == HANT + "\n"
    # and the reverse: simplified text checked as zh-Hant
    hans = [d for d in zhproof.lint_text(HANS * 10, variant="zh-Hant") if d.rule == "traditional-char"]
    assert len(hans) == 1 and hans[0].fix is None and "全文以简体书写" in hans[0].message
    r = CliRunner().invoke(main, ["check", "--variant", "auto", str(tmp_path / "hant.txt")])
    assert "全文以" not in r.output  # read in its own script (the text repeats itself: repeated-clause may speak)
    # a few traditional characters in simplified text: a finding for each
    (tmp_path / "leak.txt").write_text("这个计划的執行需要时间。\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(tmp_path / "leak.txt")])
    assert r.exit_code == 1 and "全文以" not in r.output and "執" in r.output
