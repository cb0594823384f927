"""broken-line's fast paths give what the slower forms they stand for give: the line-feed twins of its break
patterns, ``_sentence_end`` and the pattern it replaced, the article-number count, the set of the lexicon's words
by part of speech. A change to one side of a pair without the other fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zhproof.checks import broken_line
from zhproof.lexicon import lexicon

CLEAN = Path(__file__).parent / "corpus" / "clean"


def texts() -> list[str]:
    out = []
    for path in sorted(CLEAN.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.append(text)
        # runs of blank lines, with white space on them, some long enough for _LONG_RUN
        lines = text.split("\n")[:400]
        fills = ["\n", "\n\n", " \n\n", "\n\u3000\n", "\n" * 16, "\n \n\t\n" * 6]
        out.append("".join(line + fills[k % len(fills)] for k, line in enumerate(lines)))
    return out


@pytest.mark.parametrize("text", texts())
def test_line_feed_patterns_match_as_the_general_ones(text):
    assert "\r" not in text  # (the line-feed twins are used only then)
    general = [m.span() for m in broken_line._BREAK.finditer(text)]
    assert general == [m.span() for m in broken_line._BREAK_LF.finditer(text)]
    run, run_lf = broken_line._LONG_RUN.search(text), broken_line._LONG_RUN_LF.search(text)
    assert (run and run.span()) == (run_lf and run_lf.span())


@pytest.mark.parametrize("text", texts())
def test_article_number_lines_counts_every_line(text):
    alone = re.compile(broken_line._ARTICLE_NUMBER_ALONE.pattern, re.MULTILINE)
    for variant in (text, "第 1 條\n" + text + "\n第 2 條", text.replace("\n", "\r\n")):
        assert broken_line._article_number_lines(variant) == len(alone.findall(variant))


def test_sentence_end_is_the_pattern_it_replaced():
    pattern = re.compile(r"[。；;…]|[。！？!?”’）)]$")
    lines = [line for path in sorted(CLEAN.glob("*.txt")) for line in path.read_text(encoding="utf-8").split("\n")]
    lines += ["", "好？", "好？\n", "好？\n\n", "（完）", "他说：“走。”", "……", "标题"]
    for line in lines:
        for form in (line, line + "\n"):
            assert broken_line._sentence_end(form) == (pattern.search(form) is not None), form


def test_comma_pattern_colon_after_nine_characters():
    assert broken_line._COMMA.search("央视网消息（新闻联播）：国家") is not None
    assert broken_line._COMMA.search("一二三四五六七八九：") is not None
    assert broken_line._COMMA.search("一二三四五六七八：") is None  # a label
    assert broken_line._COMMA.search("一二三四五，六七八九：").span() == (5, 6)
    assert broken_line._COMMA.search("一二三四\n五六七八九：") is None


def test_words_tagged_is_pos():
    lex = lexicon()
    tags = frozenset({"c", "uj", "ul"})
    words = lex.words_tagged(tags)
    assert {"和", "或者", "的", "了"} <= words
    for word in list(words)[:200] + ["中国", "我们", "和", "不存在的词语", "\ud800"]:
        assert (word in words) == (lex.pos(word) in tags)
