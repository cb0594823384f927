"""lost-character: a ? / ？ / U+FFFD between two Han characters where no question can stand; real question
marks stay silent, and halfwidth-punctuation does not hide a lost character behind ？."""

from __future__ import annotations

import pytest

import zhproof
from zhproof.checks import lost_character as lc


def lost(text, variant="zh-Hans"):
    return [(d.start, d.fix) for d in zhproof.lint_text(text, select=["lost-character"], variant=variant)]


@pytest.mark.parametrize(
    "text, variant",
    [
        ("這個計劃的?行需要時間。", "zh-Hant"),
        ("这个计划的?行需要时间。", "zh-Hans"),
        ("这个计划的？行需要时间。", "zh-Hans"),
        ("国务院总理李?强出席会议。", "zh-Hans"),
        ("推进?济高质量发展。", "zh-Hans"),
        ("他们在北\ufffd开会。", "zh-Hans"),
    ],
)
def test_lost_characters_are_reported_without_fix(text, variant):
    i = next(k for k, c in enumerate(text) if c in "?？\ufffd")
    assert lost(text, variant) == [(i, None)]


@pytest.mark.parametrize(
    "text",
    [
        "你去吗？我不去。你呢?我也不去。",  # a question particle
        "你叫什么名字?我叫王明。",  # a question word
        "他真的来了？我不信。",  # the model: two sentences
        "这是真的？太好了。",
        "明天下雨？那就不去了。",
        "“真的？”他问。",  # before a closing quote
        "真的吗？",  # at the end
        "今年如何开好局、起好步？来看记者的报道。",  # a question word earlier in the sentence, past a 、
        "他能不能来？我不知道。",  # A-not-A
        "这是为民主，还是为霸权？今天再谈。",  # an alternative question
        "啥叫缓存？用内存当缓存。",  # spoken question words (JavaGuide, never tuned on)
        "为啥要用？不用行不行？",
        "这事咋办？你说了算。",
        "题目代码的仓库，有个锤子用？没有思路解释。",  # a full-width ？ needs 10x (the-craft-of-selfteaching)
    ],
)
def test_real_questions_are_silent(text):
    assert lost(text) == []


@pytest.mark.parametrize("text", ["很多大学的?生都参加了考试。", "许多高校的?生都参加了考试。"])
def test_a_spoken_question_word_inside_another_word_is_none(text):
    # 很多|大学, 许多|高校: no 多大 or 多高 asks a question there (found by the review)
    assert len(lost(text)) == 1


def test_halfwidth_punctuation_does_not_hide_a_lost_character():
    text = "这个计划的?行需要时间。"
    rules = [d.rule for d in zhproof.lint_text(text)]
    assert "lost-character" in rules and "halfwidth-punctuation" not in rules
    assert zhproof.fix_text(text, unsafe=True) == text
    # a real question mark still gets its full-width form
    assert zhproof.fix_text("你去吗?我不去。", select=["halfwidth-punctuation"]) == "你去吗？我不去。"


def test_evidence_separates_the_two_readings():
    assert lc.evidence("这个计划的", "行需要时间") >= lc.MARGIN
    assert lc.evidence("他真的来了", "我不信") < lc.MARGIN


def test_no_model_for_text_without_marks():
    import subprocess
    import sys

    code = (
        "import sys, zhproof; zhproof.lint_text('这是问题吗？是的。你去吗？', select=['lost-character']);"
        "zhproof.lint_text('没有问号', select=['lost-character']);"
        "print('zhproof.langmodel' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
