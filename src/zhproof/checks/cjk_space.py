"""cjk-space: spaces that split a word or a run of single characters (PDF/OCR debris)."""

from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..patterns import BLOCK_START, DIGIT, HAN, compile_re, is_han, is_word_char
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..lexicon import lexicon
from ..rule import BaseRule, Example, RuleDoc

# Spaces between Han characters, with a lone Han character on at least one side (between two words of two or
# more characters a space is neither in a lone character's way nor letter-spacing). The pattern starts with
# the space itself, so the engine skips straight to spaces; the look-behinds after it check the characters
# before the run (which makes it the run's start).
_SPACE = compile_re(
    f"[ \\t](?<=[{HAN}][ \\t])(?:(?<![{HAN}][{HAN}][ \\t])[ \\t]*+(?=[{HAN}])|[ \\t]*+(?=[{HAN}](?![{HAN}])))"
)
_HAN_RUN = compile_re(f"[{HAN}]+")
_NUMBERING = compile_re(f"第[ \\t]*[一二三四五六七八九十百千零〇{DIGIT}]+[ \\t]*[章節节條条編编款項项目卷回部篇]")
_LIST_NUMERAL = compile_re(r"[ \t\u3000]*[一二三四五六七八九十]{1,3}")
#: This many lone characters in a row, spaced out, are letter-spaced debris (防 控 工 作).
SPACED_RUN = 3
MAX_TITLE = 40  # a letter-spaced title is a short line
_DELIMITER_ROW = compile_re(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?")
_LONE_RUN = compile_re(f"(?<![{HAN}])[{HAN}](?:[ \\t][{HAN}](?![{HAN}])){{{SPACED_RUN - 1},}}")

DOC = RuleDoc(
    summary="spaces that split a word or a run of single characters",
    what=(
        "Finds a space between Chinese characters that splits a word (疫 情防控: the lexicon knows 疫情) or "
        f"that spaces out {SPACED_RUN} or more lone characters in a row (防 控 工 作), the debris of PDF "
        "extraction and OCR. A space between two phrases, as Chinese headlines, titles and slogans use it "
        "(坚定信心 勇毅前行, 迎冬奥 一起向未来, 2021年5月 第十三届), is a convention and is not reported; neither "
        "is a letter-spaced heading (第一章 总 则) or table cell (| 说 明 |), a spaced numbering (第 三 章) or the full-width space U+3000 that aligns names in lists."
    ),
    why="A space inside a word breaks search, counting and text-to-speech, and looks like a typo to readers.",
    fix="Deletes the space. Unsafe: a lone character may stand on its own (甲 乙 丙 as labels).",
    examples=(
        Example("加强 疫 情防控", "加强 疫情防控"),
        Example("我们要做好 防 控 工 作。", "我们要做好 防控工作。"),
        Example("坚定信心 勇毅前行 共创后疫情时代美好世界", ok=True),
        Example("迎冬奥 一起向未来", ok=True),
        Example("第一章 总 则", ok=True),
        Example("第 三 章 當事人\n第 一 章 法例\n三  文書組：掌理文書事項。", ok=True, variant="zh-Hant"),
        Example("信道实现是多 生产者，单 消费者 的。", ok=True),
        Example("| 函 数 | 说 明 |\n| --- | --- |\n| AVG() | 返回某列的平均值 |", ok=True),
        Example(
            "| 名称 | 说明 |\n| --- | --- |\n| timeout | 超 时 时 间 |",
            "| 名称 | 说明 |\n| --- | --- |\n| timeout | 超时时间 |",
        ),
    ),
)


class CjkSpace(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        for m in _SPACE.finditer(text):
            start, end = m.span()
            if start == 0 or not is_han(text[start - 1]):
                continue
            line_start, line_end = doc.line_bounds(start, end)
            if line_end - line_start <= MAX_TITLE and _letter_spaced_title(text[line_start:line_end]):
                continue
            if "|" in text[line_start:line_end] and _letter_spaced_cell(text, start, line_start, line_end):
                continue
            if _in_numbering(text, start, end, max(line_start, start - 20), min(line_end, end + 20)):
                continue
            if start - line_start <= 8 and _LIST_NUMERAL.fullmatch(text, line_start, start):
                continue  # a list marker: 三  文书组
            left = _run_before(text, start, line_start)
            right = _run_after(text, end, line_end)
            # a character next to digits or Latin letters is not alone: 3200人 为新高, 高发 达16年
            before = start - len(left) - 1
            after = end + len(right)
            lone = (len(left) == 1 and not (before >= line_start and is_word_char(text[before]))) or (
                len(right) == 1 and not (after < line_end and is_word_char(text[after]))
            )
            if _in_spaced_run(text, start, end, line_start, line_end):
                pass
            elif lone:
                lex = lexicon()  # cached; loaded on first use only
                if not _joins_word(lex, left[-4:], right[:4]):
                    continue
            else:
                continue
            yield Diagnostic(
                self.name,
                start,
                end,
                f"汉字之间的空格：“{left[-4:]} {right[:4]}”",
                Severity.WARNING,
                Fix((Edit(start, end, ""),), Safety.UNSAFE, "删去空格"),
            )


def _run_before(text: str, pos: int, limit: int) -> str:
    i = pos
    while i > limit and is_han(text[i - 1]):
        i -= 1
    return text[i:pos]


def _run_after(text: str, pos: int, limit: int) -> str:
    m = _HAN_RUN.match(text, pos, limit)
    return m.group() if m else ""


def _in_spaced_run(text: str, start: int, end: int, line_start: int, line_end: int) -> bool:
    """Is this space inside a run of SPACED_RUN or more lone characters separated by single spaces?"""
    for m in _LONE_RUN.finditer(text, max(line_start, start - 40), min(line_end, end + 40)):
        if m.start() < start and end < m.end():
            return True
    return False


def _in_numbering(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Is the space inside or right after a spaced numbering: 第 三 章 法例 (the layout of Taiwan's statutes)?"""
    return any(m.start() < start and start <= m.end() for m in _NUMBERING.finditer(text, lo, hi))


def _letter_spaced_title(line: str) -> bool:
    """A heading spaced out letter by letter: 第一章 总 则, 目 录."""
    m = BLOCK_START.match(line)
    body = line[m.end() :] if m else line
    runs = body.split()
    return 2 <= len(runs) <= 6 and all(len(r) == 1 and is_han(r) for r in runs)


def _letter_spaced_cell(text: str, start: int, line_start: int, line_end: int) -> bool:
    """Is the space in a table cell (between | marks) that holds a label spaced out letter by letter, as a table
    aligns its columns: a two-character label anywhere (| 函 数 | 说 明 |, | 姓 名 |), a longer one in the head row
    (above its delimiter row: |---|, |:-|) or the first column (| 负 责 人 | 张三 |)? Elsewhere in the body a
    longer run is debris (| timeout | 超 时 时 间 |)."""
    lo = text.rfind("|", line_start, start)
    hi = text.find("|", start, line_end)
    if lo < 0 or hi < 0 or not _letter_spaced_title(text[lo + 1 : hi]):
        return False
    if len(text[lo + 1 : hi].split()) == 2:
        return True
    if not text[line_start:lo].strip(" \t>|"):
        return True  # the first column: a row's label (| 负 责 人 | 张三 |)
    newline = text.find("\n", line_end)
    if newline < 0:
        return False
    next_end = text.find("\n", newline + 1)
    next_line = text[newline + 1 : len(text) if next_end < 0 else next_end].strip().lstrip(">").strip()
    return _DELIMITER_ROW.fullmatch(next_line) is not None  # the head row, over its delimiter row


def _joins_word(lex, left: str, right: str) -> bool:
    joined = left + right
    cut = len(left)
    return any(s < cut < e and e - s >= 2 for s, e in lex.segment(joined))


RULE = CjkSpace(name="cjk-space", doc=DOC, fixable="always", origin=__name__)
