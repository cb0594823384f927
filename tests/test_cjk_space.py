"""cjk-space in tables: a letter-spaced label aligns a table's columns; letter-spaced words elsewhere are debris."""

from __future__ import annotations

import pytest

import zhproof


def spaces(text: str) -> list[str]:
    return [text[d.start - 1 : d.end + 1] for d in zhproof.lint_text(text, format="markdown") if d.rule == "cjk-space"]


@pytest.mark.parametrize(
    "text",
    [
        "| 函 数 | 说 明 |\n| --- | --- |\n| AVG() | 返回某列的平均值 |",  # two-character labels (JavaGuide)
        "| 参 数 名 | 说 明 |\n|--|--|\n| a | b |",  # a head row over a short delimiter row
        "| 参 数 名 | 说 明 |\r\n|:-|:-:|\r\n| a | b |",  # CRLF, aligned columns
        "> | 参 数 名 | 说明 |\n> | --- | --- |\n> | a | b |",  # a table in a block quote
        "| 负 责 人 | 张三 |\n| 联 系 人 | 李四 |",  # labels of a key-value table's first column
    ],
)
def test_letter_spaced_labels_of_a_table_are_layout(text):
    # found in documentation never tuned on, and by the second review (the head row's variants, the first column)
    assert spaces(text) == []


def test_letter_spaced_words_in_a_body_cell_are_debris():
    text = "| 名称 | 说明 |\n|---|---|\n| timeout | 超 时 时 间 |"
    assert spaces(text) == ["超 时", "时 时", "时 间"]
