"""ASCII parentheses around Chinese follow the document's own style, and the bracket-style option overrides it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import zhproof
from zhproof.cli import main

RULE = ["halfwidth-punctuation"]
HOUSE = "SPA (单页应用) 在客户端 (浏览器) 处理页面切换 (无需刷新)。"  # three ASCII pairs, no full-width pair


def brackets(text, style=None):
    options = {"halfwidth-punctuation": {"bracket-style": style}} if style else None
    return [text[d.start : d.end] for d in zhproof.lint_text(text, select=RULE, options=options) if "括号" in d.message]


def test_a_document_that_writes_ascii_parentheses_throughout_keeps_them():
    assert brackets(HOUSE) == []


def test_stray_ascii_parentheses_among_full_width_ones_are_reported():
    text = "他说（一）很好（二）不错（三）可以（四）行，又说(这是例子)和(那个)和(别的)。"
    assert brackets(text) == ["(这是例子)", "(那个)", "(别的)"]  # three ASCII pairs against four full-width ones
    # twelve ASCII pairs against three full-width ones: one in four at most, the document's own style
    text = "他说（一）（二）（三）" + "又说(例子)" * 12 + "。"
    assert brackets(text) == []


def test_fewer_than_three_pairs_are_no_style():
    assert brackets("这是一个例子 (括号)，那是另一个 (括号)。") == ["(括号)", "(括号)"]


@pytest.mark.parametrize("style, expected", [("fullwidth", 3), ("halfwidth", 0), ("auto", 0)])
def test_option_overrides(style, expected):
    assert len(brackets(HOUSE, style)) == expected
    assert len(brackets("他说(这是例子)很好。", style)) == (0 if style == "halfwidth" else 1)


def test_other_half_width_marks_are_reported_in_a_bracket_house_style():
    found = zhproof.lint_text(HOUSE + "中文,中文。", select=RULE)
    assert [d.message for d in found] == ["中文后的半角标点“,”"]


def test_the_option_is_checked_in_the_config(tmp_path):
    (tmp_path / "zhproof.toml").write_text(
        '[rules.halfwidth-punctuation]\nbracket-style = "square"\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("他说(这是例子)很好。\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "zhproof.toml"), str(tmp_path / "a.txt")])
    assert r.exit_code == 2
    assert "bracket-style" in r.output and "auto, fullwidth, halfwidth" in r.output
    (tmp_path / "zhproof.toml").write_text(
        '[rules.halfwidth-punctuation]\nbracket-style = "halfwidth"\n', encoding="utf-8"
    )
    r = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "zhproof.toml"), str(tmp_path / "a.txt")])
    assert r.exit_code == 0, r.output


def test_a_rule_file_with_bracket_style_and_no_quote_style(tmp_path):
    from zhproof.document import Document
    from zhproof.kinds import load_rule_file

    p = tmp_path / "r.toml"
    p.write_text(
        'name = "my-brackets"\nsummary = "s"\nwhat = "w"\nwhy = "y"\nfix = "f"\nkind = "pattern"\n'
        'bracket-style = "auto"\n[[check]]\nregex = \'\\((?=[^()]*\\p{Han})[^()]*\\)\'\nmessage = "m"\n'
        'translate = { "(" = "（", ")" = "）" }\nbracket = true\n',
        encoding="utf-8",
    )
    rule = load_rule_file(p, trusted=False)
    assert [d.fix.edits[0].text for d in rule.check(Document("他说(中文)很好。"))] == ["（中文）"]


def test_pairs_where_the_rule_is_turned_off_make_no_house_style():
    # three ASCII pairs, but two of them in a region where the rule is off: the third is a stray pair
    text = (
        "<!-- zhproof-disable halfwidth-punctuation -->\n示例 (一) 和 (二)\n<!-- zhproof-enable halfwidth-punctuation -->\n\n"
        "正文 (说明) 在这里。\n"
    )
    found = [d for d in zhproof.lint_text(text, select=RULE, format="markdown") if "括号" in d.message]
    assert [text[d.start : d.end] for d in found] == ["(说明)"]
