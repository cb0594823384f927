"""Work that duplicate-word shares between the readings of one repeat must give what the public methods give.

``_gain`` scores a window, the window undone and its right side from the segmenter's routes of their common end
(``LanguageModel._routes``) and from the n-gram scores of the window's words (``_token_scores_like``);
``_grammar`` asks the lexicon once for the words that start before a repeat (``_heads``)."""

from __future__ import annotations

import itertools

import pytest

from zhproof.checks import duplicate_word as dw
from zhproof.langmodel import language_model
from zhproof.lexicon import lexicon

TEXTS = [
    "",
    "国",
    "中国国家主席",
    "常委会会议审议",
    "我们要大力推推进改革开放",
    "新冠肺炎疫情疫情发生后",
    "人民政府政府采购",
    "ab 中国 国家",
    "中\ud800国国家",
    "𠀀𠀀未登录词的的",
]


@pytest.mark.parametrize("text", TEXTS)
def test_routes_from_a_suffix_are_the_segmenters(text):
    lm = language_model()
    words = lm.segment(text)
    for j in range(len(text) + 1):
        assert lm._words(text, lm._routes(text, lm._routes(text[j:]))) == words


@pytest.mark.parametrize("a, b", list(itertools.product(TEXTS, repeat=2)))
def test_token_scores_like_another_list(a, b):
    lm = language_model()
    tokens, like = lm.segment(b), lm.segment(a)
    variants = [tokens, like + ["的"], ["的"] + like, like[:1] + ["会"] + like[1:], like[:-1]]
    for bos, eos in itertools.product((False, True), repeat=2):
        like_scores = lm.token_scores(like, bos=bos, eos=eos)
        for words in variants:
            assert lm._token_scores_like(words, bos, eos, like, like_scores) == lm.token_scores(words, bos=bos, eos=eos)


def _gain_unshared(lm, window, a, k, bos, eos, floor=None):
    """``_gain`` as written before it shared any work."""
    undone = lm.score(window[: a + k] + window[a + 2 * k :], bos=bos, eos=eos)
    as_segmented = lm.score(window, bos=bos, eos=eos)
    if floor is not None and undone - as_segmented < floor:
        return undone - as_segmented
    split = lm.score_tokens(lm.segment(window[: a + k]) + lm.segment(window[a + k :]), bos=bos, eos=eos)
    return undone - max(as_segmented, split)


def _repeats(texts):
    for text in texts:
        for k in range(1, 4):
            for a in range(len(text) - 2 * k + 1):
                if text[a : a + k] == text[a + k : a + 2 * k]:
                    yield text, a, k


@pytest.mark.parametrize("window, a, k", list(_repeats(TEXTS)))
def test_gain_and_the_lexicons_words(window, a, k):
    lm, lex = language_model(), lexicon()
    for bos, eos, floor in itertools.product((False, True), (False, True), (None, dw.GRAMMAR_YIELD_GAIN)):
        assert dw._gain(lm, window, a, k, bos, eos, floor) == _gain_unshared(lm, window, a, k, bos, eos, floor)
    heads = dw._heads(lex, window, a)
    end = a + 2 * k
    assert dw._inside_word(lex, window, a, k, heads) == any(
        len(w) > 2 * k and s + len(w) > end
        for s in range(max(0, a - dw.MAX_LOOKAHEAD), a + 1)
        for w in lex.prefixes(window[s : s + 2 * dw.MAX_LOOKAHEAD])
    )
    assert dw._ends_word(lex, window, a, a + k, heads) == any(
        window[s : a + k] in lex for s in range(max(0, a - dw.MAX_LOOKAHEAD), a)
    )


@pytest.mark.parametrize(
    "window, a, k",
    [
        ("干乾隆年间", 0, 1),  # 乾乾隆年間, converted by phrase: the two copies differ
        ("皇帝干乾隆", 2, 1),
        ("无法瞭了解者", 2, 1),
        ("行政机关为瞭为了解事实真相", 4, 2),
    ],
)
def test_gain_where_the_converted_copies_differ(window, a, k):
    """A window converted from traditional characters may hold two copies that OpenCC converted differently: the
    readings share only what follows the second copy."""
    lm = language_model()
    for bos, eos, floor in itertools.product((False, True), (False, True), (None, dw.GRAMMAR_YIELD_GAIN)):
        assert dw._gain(lm, window, a, k, bos, eos, floor) == _gain_unshared(lm, window, a, k, bos, eos, floor)


def test_traditional_repeats_that_convert_unevenly_stay_silent():
    import zhproof

    linter = zhproof.Linter(variant="zh-Hant")
    for text in ("乾乾隆年間", "皇帝乾乾隆", "無法瞭瞭解者", "以瞭以瞭解", "行政機關為瞭為瞭解事實真相，得實施勘驗。"):
        assert [d for d in linter.lint(text) if d.rule == "duplicate-word"] == [], text
