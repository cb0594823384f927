"""unpaired-bracket: apostrophes in Latin text are no closing single quotes."""

from __future__ import annotations

import pytest

import zhproof


def messages(text):
    return [d.message for d in zhproof.lint_text(text, select="unpaired-bracket")]


@pytest.mark.parametrize(
    "text",
    [
        "参见 ECMAScript 6’s new array methods 一文。",  # after a digit, before a letter
        "不要写 don’t 这样的词。",
        "这是 students’ 的书。",  # after a letter, no ‘ open
        "选项‘A’是对的。",  # a ’ after a letter closes the open ‘
        "他说‘1’号。",
    ],
)
def test_apostrophes_and_quoted_letters(text):
    assert messages(text) == []


def test_a_lost_closing_single_quote_is_still_reported():
    assert messages("他说‘这是一个例子。") == ["前单引号 ‘ 没有对应的后单引号 ’"]
    assert messages("这是一个例子’。") == ["多余的后单引号 ’：前面没有对应的前单引号 ‘"]


def test_roman_numeral_list_markers_close_nothing():
    # found in d2l-zh-tw, never tuned on: i) ii) iii) and iv） number the steps of a list
    text = "计算分为三步：\ni) 先求和；\nii) 再取平均；\niii) 最后输出。保留空格。iv）保留注释中的符号。"
    assert [d for d in zhproof.lint_text(text) if d.rule == "unpaired-bracket"] == []
    # a closing bracket after a roman numeral with its opener is paired as ever, and one without a marker's place
    # (after a Han character) is still extra
    assert [d.rule for d in zhproof.lint_text("第二章iii）里的内容。")] == ["unpaired-bracket"]
