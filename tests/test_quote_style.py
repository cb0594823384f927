"""Quotation-mark fixes follow the document's style (「」 or “”), and the quote-style option overrides it."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

import zhproof
from zhproof.cli import main
from zhproof.quotes import document_style, restyle

RULE = ["halfwidth-punctuation"]


def fix(text, style=None, variant="zh-Hant"):
    options = {"halfwidth-punctuation": {"quote-style": style}} if style else None
    return zhproof.fix_text(text, select=RULE, variant=variant, options=options)


def test_corner_document_gets_corner_quotes():
    assert fix('他說「好」，又說"不行"。') == "他說「好」，又說「不行」。"


def test_curly_document_and_document_without_quotes_get_curly():
    assert fix('他說“好”，又說"不行"。') == "他說“好”，又說“不行”。"
    assert fix('他說"不行"。') == "他說“不行”。"
    assert fix('他说"不行"。', variant="zh-Hans") == "他说“不行”。"


@pytest.mark.parametrize(
    "style, expected",
    [
        ("curly", "他說「好」，又說“不行”。"),
        ("corner", "他說「好」，又說「不行」。"),
        ("auto", "他說「好」，又說「不行」。"),
    ],
)
def test_option_overrides(style, expected):
    assert fix('他說「好」，又說"不行"。', style) == expected
    plain = fix('他說"不行"。', style)
    assert plain == ("他說「不行」。" if style == "corner" else "他說“不行”。")


def test_the_majority_decides():
    assert document_style("「甲」「乙」“丙”") == "corner"
    assert document_style("「甲」“乙”“丙”") == "curly"
    assert document_style("没有引号") == "curly"
    assert restyle("“a‘b’c”", "corner", "") == "「a『b』c」"
    assert restyle("「a」", "curly", "") == "“a”"


def _run(tmp_path, config):
    (tmp_path / "zhproof.toml").write_text(config, encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text('他說"不行"。\n', encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return CliRunner().invoke(
            main, ["check", "--fix", "--select", "halfwidth-punctuation", "a.txt"], catch_exceptions=False
        ), f
    finally:
        os.chdir(old)


def test_option_from_zhproof_toml(tmp_path):
    r, f = _run(tmp_path, '[rules.halfwidth-punctuation]\nquote-style = "corner"\n')
    assert r.exit_code == 0, r.output
    assert f.read_text(encoding="utf-8") == "他說「不行」。\n"


def test_bad_option_value_is_a_one_line_error(tmp_path):
    r, f = _run(tmp_path, '[rules.halfwidth-punctuation]\nquote-style = "fancy"\n')
    assert r.exit_code == 2
    assert "quote-style" in r.output and "auto, curly, corner" in r.output
    assert "Traceback" not in r.output
    assert f.read_text(encoding="utf-8") == '他說"不行"。\n'


# --- the quote-style rule: marks of the other set than the document's own ----------------------------------
def quote_findings(text, style=None, variant="zh-Hans"):
    options = {"quote-style": {"quote-style": style}} if style else None
    return [
        (d.start, d.fix.edits[0].text, d.fix.safety.name)
        for d in zhproof.lint_text(text, select=["quote-style"], variant=variant, options=options)
    ]


def test_a_mark_of_the_minority_set_is_reported_with_a_safe_fix():
    text = "他说：“好的。”她说：“走吧。”我说：「好的”。"
    assert quote_findings(text) == [(text.index("「"), "“", "SAFE")]


def test_a_document_of_one_set_is_never_reported():
    assert quote_findings("他說：「好的。」她說：『走吧。』") == []
    assert quote_findings("他说：“她说‘好’。”") == []


def test_a_tie_follows_the_script_and_is_unsafe():
    assert quote_findings("我说：「好的”。") == [(3, "“", "UNSAFE")]
    assert quote_findings("我說：「好的”。", variant="zh-Hant") == [(6, "」", "UNSAFE")]


def test_a_close_majority_is_unsafe():
    text = "“甲”“乙”「丙」「丁」「戊」"  # 4 curly, 6 corner: corner, but not twice as often
    assert {s for _, _, s in quote_findings(text)} == {"UNSAFE"}
    assert [n for _, n, _ in quote_findings(text)] == ["「", "」", "「", "」"]


def test_the_configured_set_decides_and_is_safe():
    assert quote_findings("他说：“好的。”", style="corner") == [(3, "「", "SAFE"), (7, "」", "SAFE")]
    assert quote_findings("他说：“好的。”", style="curly") == []


def test_an_apostrophe_is_no_quotation_mark():
    assert quote_findings("他說：「好的。」這是 Rust’s 的寫法。", variant="zh-Hant") == []


@pytest.mark.parametrize(
    "text",
    [
        "他說：「好的。」參見 the users’ guide、the boys’ club 與 the ’90s。",
        "他說：「好的。」He said ‘yes’ to it.",
    ],
)
def test_english_apostrophes_and_quotes_neither_count_nor_are_reported(text):
    assert quote_findings(text, variant="zh-Hant") == []


def test_the_two_rules_agree_on_the_document_s_set():
    # a tie in traditional text: halfwidth-punctuation writes the corner marks that quote-style asks for
    text = '他說"不行"。我說：「好的”。'
    fixed = zhproof.fix_text(text, select=["halfwidth-punctuation", "quote-style"], variant="zh-Hant", unsafe=True)
    assert fixed == "他說「不行」。我說：「好的」。"
    assert document_style("他說 Rust’s「好」") == "corner"  # an apostrophe is no curly mark
