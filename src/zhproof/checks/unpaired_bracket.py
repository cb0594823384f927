"""unpaired-bracket: an opening quote or bracket without its partner, or the reverse."""
from __future__ import annotations

from typing import Iterable

import regex

from ..document import Document
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..rule import BaseRule, Example, RuleDoc

PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "〈": "〉", "【": "】", "「": "」", "『": "』", "〔": "〕", "(": ")", "［": "］"}
CLOSERS = {v: k for k, v in PAIRS.items()}
_BRACKETS = regex.compile("[" + regex.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")
_PARAGRAPH = regex.compile(r"[^\r\n]+")
# A closing parenthesis that ends a list marker (1) 2） a) 一）) at the start of a line or after a space.
_MARKER = regex.compile(r"(?:^|(?<=[\s，、；：]))[\dA-Za-z一二三四五六七八九十]{1,3}$")
_LATIN = regex.compile(r"[A-Za-z]")

DOC = RuleDoc(
    summary="an opening quote or bracket without its partner, or the reverse",
    what=(
        "Finds an opening quote or bracket (“ ‘ （ 《 【 「 『 〔 〈 and ASCII parentheses) that is not "
        "closed in its paragraph, a closing one that was never opened, and a quotation closed with an opening "
        "mark (会客厅“). A quotation that runs over several paragraphs legitimately opens each paragraph with “ "
        "and closes only in the last one; that is not reported. List markers such as 1) and a) are not brackets."
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
    ),
)


class UnpairedBracket(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        paragraphs = list(_PARAGRAPH.finditer(text))
        for n, para in enumerate(paragraphs):
            stack: list[tuple[str, int]] = []
            for m in _BRACKETS.finditer(text, para.start(), para.end()):
                ch, pos = m.group(), m.start()
                if ch == "’" and pos > 0 and _LATIN.match(text[pos - 1]):
                    continue  # an apostrophe: don’t
                if ch in PAIRS:
                    if ch == "“" and stack and stack[-1][0] == "“":
                        # a quotation closed with an opening mark: 会客厅“
                        opened = stack.pop()
                        yield Diagnostic(
                            self.name, pos, pos + 1, "引号方向错误：此处应为后引号“””", Severity.ERROR,
                            Fix((Edit(pos, pos + 1, "”"),), Safety.DISPLAY, "改为后引号"),
                            related=(opened[1],),
                        )
                        continue
                    stack.append((ch, pos))
                    continue
                opener = CLOSERS[ch]
                if ch in ")）" and _MARKER.search(text, para.start(), pos):
                    continue  # a list marker: 1) a) 一）
                if stack and stack[-1][0] == opener:
                    stack.pop()
                    continue
                if any(o == opener for o, _ in stack):
                    while stack[-1][0] != opener:
                        o, p = stack.pop()
                        yield self._unclosed(o, p)
                    stack.pop()
                    continue
                yield Diagnostic(self.name, pos, pos + 1, f"多余的“{ch}”：前面没有对应的“{opener}”", Severity.ERROR)
            continues = n + 1 < len(paragraphs) and text.startswith("“", paragraphs[n + 1].start())
            for o, p in stack:
                if o == "“" and p == para.start() and continues:
                    continue  # a quotation over several paragraphs: each opens with “
                yield self._unclosed(o, p)

    def _unclosed(self, opener: str, pos: int) -> Diagnostic:
        return Diagnostic(self.name, pos, pos + 1, f"“{opener}”没有对应的“{PAIRS[opener]}”", Severity.ERROR)


RULE = UnpairedBracket(name="unpaired-bracket", doc=DOC, fixable="never", origin=__name__)
