"""unpaired-bracket: an opening quote or bracket without its partner, or the reverse."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable

from ..document import Document
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..rule import BaseRule, Example, RuleDoc
from ..patterns import DIGIT, WS, compile_re
from ..quotes import MARK_NAMES

PAIRS = {
    "“": "”",
    "‘": "’",
    "（": "）",
    "《": "》",
    "〈": "〉",
    "【": "】",
    "「": "」",
    "『": "』",
    "〔": "〕",
    "(": ")",
    "［": "］",
}
_NAMES = MARK_NAMES
CLOSERS = {v: k for k, v in PAIRS.items()}
_BRACKET = compile_re("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")
# A closing parenthesis that ends a list marker (1) 2） a) iii) 一）) at the start of a line or after a space.
_MARKER = compile_re(
    f"(?:^|(?<=[{WS}，、；：。]))(?:[{DIGIT}]{{1,2}}|[A-Za-z]|[ivx]{{2,4}}|[IVX]{{2,4}}|[一二三四五六七八九十]{{1,3}})$"
)
_LATIN = compile_re(r"[A-Za-z]")
_ALNUM = compile_re(r"[A-Za-z0-9]")
#: An opener may close this many paragraphs later (a quotation or a parenthesised history over several
#: paragraphs); one still open after that is reported.
MAX_PARAGRAPHS = 30

DOC = RuleDoc(
    summary="an opening quote or bracket without its partner, or the reverse",
    what=(
        "Finds an opening quote or bracket (“ ‘ （ 《 【 「 『 〔 〈 and ASCII parentheses) that is not "
        "closed, a closing one that was never opened, and a quotation closed with an opening mark (会客厅“). A "
        "quotation may run over several paragraphs, opening each one again with “ and closing only in the last "
        f"one; an opener still open {MAX_PARAGRAPHS} paragraphs later is reported. List markers such as 1), a) and iii) "
        "are not brackets."
    ),
    why="A lost quote or bracket changes what the reader takes as quoted or parenthetical, and often marks text lost in editing.",
    fix="None: only a person can tell where the partner belongs. A quote closed with “ is shown with ” as a suggestion.",
    examples=(
        Example("“用科学如用兵，用医如用将。"),
        Example("他说：“我们去会客厅“。", None),
        Example("这是一个（括号内容", None),
        Example("“用科学如用兵，用医如用将。”《人民日报》（2020年）", ok=True),
        Example("“第一段引文。\n“第二段引文。\n“第三段引文。”", ok=True),
        Example("1) 第一项；2) 第二项", ok=True),
        Example("将第一条修改为：“第一款内容。\n\n第二款内容。”", ok=True),
    ),
)


class UnpairedBracket(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        # paragraphs (non-empty lines) by their starts, from the document's line index: a bracket's paragraph
        # is a binary search away, and only brackets cost a step in Python
        size = len(text)
        para_starts = [s for s in doc.line_starts if s < size and text[s] not in "\r\n"]
        # the brackets and their offsets, from a split in C as well (no match object per bracket)
        # where the brackets stand (their offsets only: a split would copy the whole text into pieces)
        bracket_pos = [m.start() for m in _BRACKET.finditer(text)]
        # openers still open, as (char, position, paragraph number); they may close in a later paragraph
        stack: list[tuple[str, int, int]] = []
        for pos, ch in zip(bracket_pos, map(text.__getitem__, bracket_pos)):
            n = bisect_right(para_starts, pos) - 1
            # openers left open too long ago are reported
            while stack and n - stack[0][2] > MAX_PARAGRAPHS:
                o, p, _ = stack.pop(0)
                yield self._unclosed(o, p)
            if ch in PAIRS:
                if ch == "“" and stack and stack[-1][0] == "“":
                    if pos == para_starts[n]:
                        continue  # a quotation over several paragraphs opens each one again with “
                    o, p, opened_in = stack.pop()
                    if opened_in == n:
                        # a quotation closed with an opening mark: 会客厅“
                        yield Diagnostic(
                            self.name,
                            pos,
                            pos + 1,
                            "引号方向错误：此处应为后引号“””",
                            Severity.ERROR,
                            Fix((Edit(pos, pos + 1, "”"),), Safety.DISPLAY, "改为后引号"),
                            related=(p,),
                        )
                        continue
                    yield self._unclosed(o, p)
                stack.append((ch, pos, n))
                continue
            if ch == "’" and _apostrophe(text, pos, stack):
                continue  # an apostrophe: don’t, 6’s, students’
            if stack and stack[-1][0] == CLOSERS[ch]:
                stack.pop()  # the common case: it closes the latest opener
                continue
            opener = CLOSERS[ch]
            if any(o == opener for o, _, _ in stack):
                while stack[-1][0] != opener:
                    o, p, _ = stack.pop()
                    yield self._unclosed(o, p)
                stack.pop()
                continue
            if ch in ")）" and _MARKER.search(text, para_starts[n], pos):
                continue  # a list marker: 1) a) 一）
            if ch == ")" and pos > 0 and text[pos - 1] in ":;":
                continue  # an emoticon :)
            yield Diagnostic(
                self.name,
                pos,
                pos + 1,
                f"多余的{_name(ch, '右')} {ch}：前面没有对应的{_name(opener, '左')} {opener}",
                Severity.ERROR,
            )
        for o, p, _ in stack:
            yield self._unclosed(o, p)

    def _unclosed(self, opener: str, pos: int) -> Diagnostic:
        return Diagnostic(
            self.name,
            pos,
            pos + 1,
            f"{_name(opener, '左')} {opener} 没有对应的{_name(PAIRS[opener], '右')} {PAIRS[opener]}",
            Severity.ERROR,
        )


RULE = UnpairedBracket(name="unpaired-bracket", doc=DOC, fixable="never", origin=__name__)


def _apostrophe(text: str, pos: int, stack: list) -> bool:
    """Is the ’ at ``pos`` an apostrophe: after a Latin letter or a digit and before a Latin letter (don’t, 6’s),
    or after a Latin letter with no ‘ open (students’)? A ’ after a letter or a digit closes an open ‘ (选项‘A’)."""
    if pos == 0 or not _ALNUM.match(text[pos - 1]):
        return False
    if pos + 1 < len(text) and _LATIN.match(text[pos + 1]):
        return True
    return _LATIN.match(text[pos - 1]) is not None and not any(o == "‘" for o, _, _ in stack)


def _name(mark: str, side: str) -> str:
    """前引号, 后书名号, or 左括号 / 右括号 for the brackets."""
    return _NAMES.get(mark, f"{side}括号")
