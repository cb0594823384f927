"""Edge cases of duplicate-word's speed work: its memos (``_grammar``, ``_gain``) and the routes that ``_gain``
shares between its readings must give what the unshared, unremembered computations give. (No timing here.)"""

from __future__ import annotations

import itertools

import pytest

from zhproof import lint_text
from zhproof.checks import duplicate_word as dw
from zhproof.langmodel import LanguageModel, language_model
from zhproof.lexicon import Lexicon, lexicon

from test_shared_scoring import _gain_unshared  # ``_gain`` from the public methods of the model alone


CASES = [
    ("的的", 0, 1),  # the repeat is the whole window
    ("国国家主席", 0, 1),  # at its start
    ("我们在在", 2, 1),  # at its end
    ("新冠肺炎疫情疫情发生后", 4, 2),
    ("全国和县级以上和县级以上地方", 2, 5),
    ("人民政府政府采购", 2, 2),
    ("干乾隆年间", 0, 1),  # converted from traditional by phrase: the copies differ
    ("行政机关为瞭为了解事实", 4, 2),
    ("中\ud800国国家", 2, 1),  # a lone surrogate before the repeat
    ("国国\udfff家", 0, 1),  # ... and after it
    ("𠀀𠀀未登录词", 0, 1),  # outside the model's vocabulary
]


@pytest.mark.parametrize("window, a, k", CASES)
def test_gain_shares_the_windows_routes_exactly(window, a, k):
    lm = language_model()
    for bos, eos, floor in itertools.product((False, True), (False, True), (None, dw.GRAMMAR_YIELD_GAIN, -99.0)):
        expected = _gain_unshared(lm, window, a, k, bos, eos, floor)
        assert dw._gain_of(lm, window, a, k, bos, eos, floor) == expected
        dw._GAINS.clear()
        assert dw._gain(lm, window, a, k, bos, eos, floor) == expected  # worked out
        assert dw._gain(lm, window, a, k, bos, eos, floor) == expected  # remembered


def test_gain_remembers_floor_and_edges_apart():
    lm = language_model()
    window, a, k = "新冠肺炎疫情疫情发生后", 4, 2
    dw._GAINS.clear()
    values = {
        (bos, eos, floor): dw._gain(lm, window, a, k, bos, eos, floor)
        for bos, eos, floor in itertools.product((False, True), (False, True), (None, 100.0))
    }
    assert len(dw._GAINS) == len(values)
    for (bos, eos, floor), value in values.items():
        assert value == _gain_unshared(lm, window, a, k, bos, eos, floor)
    # with a floor above the gain, the gain over the segmenter's reading alone (the split reading not asked)
    assert values[(False, False, 100.0)] == _gain_unshared(lm, window, a, k, False, False, 100.0)


def test_gain_of_another_model_is_not_remembered():
    other = LanguageModel()  # the same data, another object: its answers are its own
    dw._GAINS.clear()
    value = dw._gain(other, "我们在在会上发言", 2, 1, True, True)
    assert dw._GAINS == {}
    assert value == _gain_unshared(language_model(), "我们在在会上发言", 2, 1, True, True)


GRAMMAR_CASES = [
    ("日日本", 0, 1, "4"),  # after a digit: a number and its unit
    ("日日本", 0, 1, "的"),
    ("日日本", 0, 1, ""),
    ("钉钉子精神", 0, 1, "发扬"[-1]),
    ("研究研究", 0, 2, ""),
    ("座座纪念碑", 0, 1, "一"),
    ("座座纪念碑", 0, 1, "两"),
    ("尼尼斯托表示", 0, 1, "统"),
    ("中\ud800国国家", 2, 1, "x"),
]


def test_grammar_remembers_per_character_before():
    lex = lexicon()
    dw._GRAMMAR.clear()
    worked_out = [dw._grammar_of(lex, *case) for case in GRAMMAR_CASES]
    assert [dw._grammar(lex, *case) for case in GRAMMAR_CASES] == worked_out
    assert [dw._grammar(lex, *case) for case in GRAMMAR_CASES] == worked_out  # remembered
    assert len(dw._GRAMMAR) == len(set(GRAMMAR_CASES))
    # the character before decides between readings: the memo keeps them apart
    assert worked_out[0] == dw.R_NUMBER_UNIT and worked_out[1] != dw.R_NUMBER_UNIT


def test_grammar_of_another_lexicon_is_not_remembered():
    other = Lexicon()
    dw._GRAMMAR.clear()
    assert dw._grammar(other, "钉钉子精神", 0, 1, "扬") == dw._grammar_of(lexicon(), "钉钉子精神", 0, 1, "扬")
    assert dw._GRAMMAR == {}


def test_memos_are_bounded(monkeypatch):
    monkeypatch.setattr(dw, "_MEMO_LIMIT", 3)
    lex, lm = lexicon(), language_model()
    dw._GRAMMAR.clear()
    dw._GAINS.clear()
    for case in GRAMMAR_CASES:
        assert dw._grammar(lex, *case) == dw._grammar_of(lex, *case)
        assert len(dw._GRAMMAR) <= 3
    for window, a, k in CASES:
        assert dw._gain(lm, window, a, k, False, True) == _gain_unshared(lm, window, a, k, False, True)
        assert len(dw._GAINS) <= 3


WITHOUT_TEXTS = [
    "侵权人人提供材料。侵权人提供证据。",  # both: the text with two each side stands elsewhere
    "侵权人人提供材料。权人提出异议。",  # with one each side only
    "侵权人人提供材料。其他内容。",  # nowhere
    "侵权人人提供材料。侵权人人提供材料。侵权人提供。",  # the repeat twice: never with it, no
    "人人提供",  # at the edge
    "权人人提。x权人提",
    "甲权人人提乙。权人提甲。甲权人提乙。",
]


@pytest.mark.parametrize("text", WITHOUT_TEXTS)
def test_written_without_shares_its_search(text):
    start = text.index("人人")
    alone = [dw._written_without(text, start, "人", n) for n in (2, 1)]
    for order in ((2, 1), (1, 2), (2,), (1,)):
        known: dict[int, int] = {}
        assert [dw._written_without(text, start, "人", n, known) for n in order] == [alone[2 - n] for n in order]


@pytest.mark.parametrize(
    "text",
    [
        "国" * 40 + "中国中国" + "，" * 30,  # dense: most positions of the block repeat
        "疫情疫情防控。" * 3 + "的主管人员和的主管人员和" + "甲乙丙丁" * 20,  # sparse, units of several lengths
        "一二三四五六七八一二三四五六七八" + "𠀀𠀀" + "ab" * 10,  # the longest unit, beyond the BMP, not Han
    ],
)
def test_vector_search_filters_positions_as_the_combined_comparisons(monkeypatch, text):
    """The vector search keeps the positions where the first comparison holds and looks the others up there;
    dense blocks (more than one position in sixteen) and sparse ones give the pattern's answers."""
    np = pytest.importorskip("numpy")
    for chunk in (7, 64, 1 << 20):
        monkeypatch.setattr(dw, "VECTOR_CHUNK", chunk)
        starts, units = dw._vector_repeats(np, text)
        expected = []
        pos = 0
        while (m := dw._CANDIDATE.search(text, pos)) is not None:
            expected.append((m.start(), len(m.group(1))))
            pos = m.start() + 1
        assert list(zip(starts, units)) == expected


def test_the_memos_start_empty_for_each_document():
    # what one document remembers never serves the next: a second check of the same text is worked out again
    lint_text("我们要大力推推进改革开放。公司召开了工作工作会议。", select=["duplicate-word"])
    assert dw._GAINS and dw._GRAMMAR
    lint_text("这是一个重重要的问题。", select=["duplicate-word"])
    assert all("重重要" in key[0] for key in dw._GAINS)
    assert all("重重要" in key[0] for key in dw._GRAMMAR)


@pytest.mark.parametrize(
    "text",
    [
        "他笑着说" + "哈" * 120 + "。",
        "我们要" + "研究" * 60 + "这个问题。",
        "中国人" * 45,
        "大家一起喊" + "加油" * 41 + "，声音很大。",
        "的" * 41,
    ],
)
def test_a_long_run_is_judged_as_its_first_copies(text, monkeypatch):
    # a run longer than RUN_SCORED copies is scored with RUN_SCORED of them: the same verdicts as the whole run
    capped = [(d.start, d.end, d.fix) for d in lint_text(text, select=["duplicate-word"])]
    monkeypatch.setattr(dw, "RUN_SCORED", 10**9)
    assert capped == [(d.start, d.end, d.fix) for d in lint_text(text, select=["duplicate-word"])]
    assert capped  # each of these runs is reported


@pytest.mark.parametrize("text", ["他" + "說" * 45 + "了。", "我們" + "討論" * 45 + "吧", "水" + "嘩啦" * 45 + "地流"])
def test_a_long_run_in_traditional_text_is_scored_as_converted(text, monkeypatch):
    # the copies scored are those of the converted window, not the unit as written (說 in a window of 说)
    scored: list[str] = []
    score = LanguageModel.score
    monkeypatch.setattr(LanguageModel, "score", lambda self, t, **kw: scored.append(t) or score(self, t, **kw))
    capped = [(d.start, d.end, d.fix) for d in lint_text(text, select=["duplicate-word"], variant="zh-Hant")]
    longest = max(scored, key=len)
    assert len(longest) < len(text) and not any(c in longest for c in "說討論嘩")
    monkeypatch.setattr(dw, "RUN_SCORED", 10**9)
    assert capped == [(d.start, d.end, d.fix) for d in lint_text(text, select=["duplicate-word"], variant="zh-Hant")]
