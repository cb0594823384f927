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
