"""traditional-char: traditional (or variant) characters in simplified text, and the reverse for zh-Hant."""
from __future__ import annotations

from functools import cache
from typing import Iterable

import regex

from ..document import Document
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..rule import BaseRule, Example, RuleDoc

_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_LABEL = regex.compile(r"\p{Han}{1,8}")
_LIST_ITEM = regex.compile(r"[ \t]*[-*+•·][ \t]")
_CLAUSE_END = regex.compile(r"[，。；：！？、\r\n,;!?]")
CONTEXT = 12  # characters each side given to the phrase-aware converter
#: A clause with at least this many wrong-script characters is a quoted passage in the other script (a
#: Taiwan film title, a Hong Kong shop sign): one finding for the whole run, as a warning.
PASSAGE_MIN = 4

#: OpenCC configuration per target variant.
TARGET = {"zh-Hans": "t2s", "zh-Hant": "s2t", "zh-TW": "s2tw", "zh-HK": "s2hk"}


@cache
def converter(config: str):
    import opencc

    return opencc.OpenCC(config)


@cache
def _candidates(table: str):
    from ..data import char_table, word_list

    neutral = word_list("script-neutral") if table == "traditional" else frozenset()
    chars = "".join(sorted(set(char_table(table)) - neutral))
    return regex.compile("[" + regex.escape(chars, special_only=True) + "]+"), frozenset(chars)


DOC = RuleDoc(
    summary="traditional characters in simplified text (or simplified characters in traditional text)",
    what=(
        "Finds characters of the other script: in simplified text (the default) characters that only "
        "traditional or variant text uses (交通運輸), and with `variant = \"zh-Hant\"` (or zh-TW, zh-HK) "
        "characters that only simplified text uses. Candidates come from OpenCC's character tables "
        "(rules/hanzi/); a character that is correct in both scripts in some uses (乾隆, 著名, 瞭望, 於) is "
        "never a candidate. The replacement comes from OpenCC's phrase-aware conversion of the surrounding "
        "clause, and only the flagged characters change. Characters that simplified text keeps in names and terms "
        "(黄霑, 濛江, 二噁英; rules/data/script-neutral.txt) are not candidates. Text with kana is Japanese, and a "
        "list item that is only a name in its own script (- 正體中文) is a label; both are left alone. A "
        f"clause with {PASSAGE_MIN} or more such characters is reported once, as a warning: usually a quoted "
        "passage in the other script."
    ),
    why=(
        "Copy-paste from Taiwan or Hong Kong sources, old documents and input-method slips leave characters of "
        "the wrong script, which readers notice at once and search engines index wrongly."
    ),
    fix=(
        "Converts the flagged characters with OpenCC. Safe for isolated characters; unsafe for a whole quoted "
        "passage, which may be meant to stay as written."
    ),
    examples=(
        Example("建立交通運輸“绿色通道”", "建立交通运输“绿色通道”"),
        Example("這是我们的工作", "这是我们的工作"),
        Example("乾隆年间，著名的瞭望塔覆盖全城", ok=True),
        Example("日本語の連絡先", ok=True),
        Example("黄霑作词，1946年濛江县改名为靖宇县，二噁英有毒。", ok=True),
        Example("本书的译本：\n- 正體中文\n- 日本語\n", ok=True),
        Example("建立交通运输“绿色通道”", ok=True),
        Example("這是我們的工作，交通运输很方便", "這是我們的工作，交通運輸很方便", variant="zh-Hant"),
        Example("這是我們的工作", ok=True, variant="zh-Hant"),
    ),
)


class TraditionalChar(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        target = TARGET[doc.variant]
        table = "simplified" if doc.traditional else "traditional"
        pattern, wrong = _candidates(table)
        other = "简体字" if doc.traditional else "繁体字"
        pending: list[tuple[int, int, str]] = []  # (start, end, replacement) runs of one clause
        clause = None
        for m in pattern.finditer(text):
            start, end = m.span()
            lo, hi = _clause(text, start, end)
            window_lo, window_hi = max(lo, start - CONTEXT), min(hi, end + CONTEXT)
            window = text[window_lo:window_hi]
            if _KANA.search(text, lo, hi):
                continue  # Japanese
            item = _LIST_ITEM.match(text, doc.line_bounds(start)[0])
            if item and _LABEL.fullmatch(text, item.end(), hi):
                continue  # a list item that is a name in its own script: - 正體中文
            converted = converter(target).convert(window)
            if len(converted) != len(window):  # conversion changed length: fall back to the run alone
                window_lo, window = start, text[start:end]
                converted = converter(target).convert(window)
                if len(converted) != len(window):
                    continue
            runs = []
            run_start = None
            for i in range(start, end):
                j = i - window_lo
                changed = text[i] in wrong and converted[j] != text[i]
                if changed and run_start is None:
                    run_start = i
                elif not changed and run_start is not None:
                    runs.append((run_start, i))
                    run_start = None
            if run_start is not None:
                runs.append((run_start, end))
            if clause != (lo, hi):
                yield from self._emit(pending, text, other)
                pending = []
                clause = (lo, hi)
            for s, e in runs:
                pending.append((s, e, converted[s - window_lo:e - window_lo]))
        yield from self._emit(pending, text, other)

    def _emit(self, runs, text, other) -> Iterable[Diagnostic]:
        if not runs:
            return
        count = sum(e - s for s, e, _ in runs)
        if count >= PASSAGE_MIN:
            start, end = runs[0][0], runs[-1][1]
            edits = tuple(Edit(s, e, new) for s, e, new in runs)
            yield Diagnostic(
                self.name, start, end,
                f"这一段有{count}个{other}（可能是引用的原文）：“{text[start:end]}”",
                Severity.WARNING, Fix(edits, Safety.UNSAFE, "转换整段"),
            )
            return
        for s, e, new in runs:
            yield Diagnostic(
                self.name, s, e, f"{other}“{text[s:e]}”，应为“{new}”", Severity.ERROR,
                Fix((Edit(s, e, new),), Safety.SAFE, f"改为“{new}”"),
            )


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    lo = start
    limit = max(0, start - 200)
    while lo > limit and not _CLAUSE_END.match(text[lo - 1]):
        lo -= 1
    m = _CLAUSE_END.search(text, end, min(len(text), end + 200))
    hi = m.start() if m else min(len(text), end + 200)
    return lo, hi


RULE = TraditionalChar(name="traditional-char", doc=DOC, fixable="always", origin=__name__)
