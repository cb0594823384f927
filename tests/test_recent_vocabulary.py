"""The vocabulary of the 2020s that the lexicon (jieba, about 2013) and the language model predate: the 2026
provincial government work reports are a source of attested repeats (tools/build_attested_repeats.py), so that
official prose of today is not reported for the words it coins."""

from __future__ import annotations

import pytest

import zhproof
from zhproof.checks import duplicate_word
from zhproof.lexicon import lexicon


def found(text: str) -> list[str]:
    return [text[d.start : d.end] for d in zhproof.lint_text(text, select="duplicate-word")]


@pytest.mark.parametrize(
    "text",
    [
        "今年是“十五五”开局之年，高质量编制“十五五”专项规划。",  # the fifteenth five-year plan, quoted as it is written
        "强化食品药品安全全链条监管。",  # 安全 | 全链条 (the whole chain)
        "建设高水平平安中国。",  # 高水平 | 平安
    ],
)
def test_official_prose_of_the_2020s_is_silent(text):
    assert found(text) == []


def test_the_reports_attest_only_what_they_write_in_two_documents():
    # the key is the repeat with the Han character before and after it (``_`` where the run of Han characters ends)
    assert duplicate_word._attested("十五五", 1, 1)
    assert duplicate_word._attested("强化食品药品安全全链条监管", 7, 1)
    assert not duplicate_word._attested("编制十五五专项规划", 3, 1)  # never so in two reports: left to the evidence


@pytest.mark.parametrize("text", ["我们要大力推推进改革开放。", "要坚持以人民为中心的发展思想想。"])
def test_slips_beside_them_are_still_reported(text):
    assert found(text) != []


@pytest.mark.parametrize("text", ["编制十五五规划。", "十五五时期是关键时期。"])
def test_a_numeral_name_of_the_lexicon_is_silent_unquoted(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "依照第十五五条的规定。",
        "共有十五五个单位。",
        "用了十五五年时间。",
        # (the review's: a measure word that starts a common word, a unit of the lexicon, 人, a time word)
        "来了十五五个人。",
        "买了十五五本书。",
        "走了十五五公里。",
        "他今年十五五岁。",
        "一共十五五人。",
        "这十五五年间变化很大。",
    ],
)
def test_the_same_numerals_as_a_number_are_still_reported(text):
    assert found(text) != []


def test_the_five_year_plans_are_words_of_the_lexicon():
    for word in ("十一五", "十二五", "十三五", "十五五"):
        assert word in lexicon()
