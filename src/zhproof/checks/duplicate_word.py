"""duplicate-word: a character, word or phrase written twice in a row by mistake."""
from __future__ import annotations

from typing import Iterable

import regex

from ..document import Document
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..rule import BaseRule, Example, RuleDoc

# A unit of 1-6 Han characters written two or more times in a row. Overlapping matches, so a legitimate
# repeat (常常) cannot hide a neighbouring error.
_CANDIDATE = regex.compile(r"(\p{Han}{1,6}?)\1+")
_HAN_RUN = regex.compile(r"\p{Han}+")
CONTEXT = 24  # characters of context on each side that the segmenter sees

# Parts of speech (jieba's tag set) of function words: a repeat that is a word boundary coincidence with
# one of these (目的|的, 为了|了解) is ordinary text.
FUNCTION_POS = frozenset({"uj", "ul", "uz", "uv", "ud", "ug", "u", "p", "c", "d", "r", "rr", "rz", "y", "e", "o", "f", "m", "q", "mq"})
# A character that stands alone this often in the lexicon's corpus (per 60M) is a free word, so a word
# ending or starting with it next to it alone (要|要求) is ordinary text.
FREE_WORD_FREQUENCY = 50_000
# Suffixes that make a compound from a word although the lexicon lacks it (保管|保管物, 代理|代理人).
COMPOUND_SUFFIXES = frozenset("物人者费品权方期员性化率额量证书金款法")

DOC = RuleDoc(
    summary="a character, word or phrase written twice in a row by mistake",
    what=(
        "Finds a character, word or phrase that is immediately repeated (疫情疫情, 打仗仗, 多渠渠道). "
        "Every repeat is checked against a lexicon of 349,000 words (jieba's dictionary) by segmenting its "
        "sentence: a repeat that is a word of its own (常常, 步步, 家家户户, 清清楚楚), a boundary between two "
        "words (中国|国家, 目的|的, 常委会|会议, 工作|作出, 代表|代表团) or grammatical reduplication "
        "(研究研究, 一步一步, 一个个; list in rules/data/reduplication.txt) is not reported."
    ),
    why=(
        "Copy-paste and hurried edits leave doubled words that spell-checkers for alphabetic scripts never see, "
        "because Chinese has no spaces between words."
    ),
    fix="Deletes the extra copy. Safe: the fix only removes characters that the finding shows to be repeated.",
    examples=(
        Example("新冠肺炎疫情疫情发生后", "新冠肺炎疫情发生后"),
        Example("打仗仗首先要正确战略策略", "打仗首先要正确战略策略"),
        Example("通过多渠渠道扩大就业", "通过多渠道扩大就业"),
        Example("我们在在会上发言", "我们在会上发言"),
        Example("他是我的朋友朋友。", "他是我的朋友。"),
        Example("中国国家主席", ok=True),
        Example("这是我们的目的的一部分", ok=True),
        Example("常委会会议，工作作出部署，群众众志成城，财政政策", ok=True),
        Example("步步推进，层层深入，往往如此，紧紧抓住，环环相扣，高高飘扬", ok=True),
        Example("我们要研究研究，一步一步来，一个个解决，家家户户清清楚楚。谢谢！", ok=True),
        Example("人大代表代表团", ok=True),
        Example("保管人保管保管物", ok=True),
    ),
)


class DuplicateWord(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        lex = None
        redup = None
        for m in _CANDIDATE.finditer(text, overlapped=True):
            if lex is None:
                from ..data import word_list
                from ..lexicon import lexicon

                lex = lexicon()
                redup = word_list("reduplication")
            unit = m.group(1)
            k = len(unit)
            start, end = m.span()
            # the run of Han characters around the candidate, limited to CONTEXT on each side
            lo = start
            while lo > 0 and start - lo < CONTEXT and _is_han(text[lo - 1]):
                lo -= 1
            hi = end
            while hi < len(text) and hi - end < CONTEXT and _is_han(text[hi]):
                hi += 1
            window = text[lo:hi]
            if doc.traditional:
                window = _to_simplified(window)
            verdict = judge(lex, redup, window, start - lo, k)
            if verdict is None:
                continue
            yield Diagnostic(
                self.name,
                start,
                end,
                f"“{unit}”重复",
                Severity.ERROR,
                Fix((Edit(start, end, unit),), verdict, f"删去重复的“{unit}”"),
            )


def _is_han(ch: str) -> bool:
    return _HAN_RUN.match(ch) is not None


def _to_simplified(window: str) -> str:
    from .traditional_char import converter

    out = converter("t2s").convert(window)
    return out if len(out) == len(window) else window


def judge(lex, redup, window: str, a: int, k: int) -> Safety | None:
    """Is the repeat of ``window[a:a+k]`` at ``a+k`` an error? Returns the fix safety, or None if not."""
    unit = window[a:a + k]
    mid = a + k
    if k == 1 and _aabb(lex, window, a):
        return None  # 疲疲沓沓, 干干净净: AABB reduplication of the word AB
    t1 = t2 = t3 = None
    for s, e in lex.segment(window):
        if s == mid + k:
            t3 = window[s:e]
        if s < mid < e:
            return None  # the repeat lies inside one word: 常常, 家家户户, 财政政策
        if e == mid:
            t1 = window[s:e]
        if s == mid:
            t2 = window[s:e]
    if t1 is None or t2 is None:  # pragma: no cover - segmentation always covers the window
        return None
    before = window[a - 1] if a > 0 else ""
    if t1 == unit and t2 == unit:
        # the same word twice: an error unless it is reduplication
        if unit in redup:
            return None
        if k >= 2 and unit[0] == "一":  # 一步一步, 一点一点
            return None
        if k == 1 and before == "一":  # 一个个, 一次次
            return None
        if k >= 2 and t3 is not None and t3 in COMPOUND_SUFFIXES:
            # 保管保管物: the second copy and a lone suffix make a compound the lexicon does not know
            return None
        return Safety.SAFE
    if k == 1 and _free_word(lex, unit):
        return None  # 目的|的, 要|要求, 为了|了解
    if t2 == unit and t1.endswith(unit):
        # 打仗|仗: a word followed by a copy of its last character (or word)
        if k == 1 and before == "一":
            return None
        return Safety.SAFE
    if t1 == unit and t2.startswith(unit) and k == 1:
        # 多|渠|渠道: a lone character followed by a word that starts with it
        return Safety.SAFE
    return None


def _aabb(lex, w: str, a: int) -> bool:
    """Is ``w[a]w[a+1]`` one half of an AABB reduplication of a dictionary word AB?"""
    if a + 3 < len(w) and w[a + 2] == w[a + 3] and w[a + 2] != w[a] and w[a] + w[a + 2] in lex:
        return True
    return a >= 2 and w[a - 2] == w[a - 1] and w[a - 2] != w[a] and w[a - 2] + w[a] in lex


def _free_word(lex, ch: str) -> bool:
    return lex.pos(ch) in FUNCTION_POS or lex.frequency(ch) >= FREE_WORD_FREQUENCY


RULE = DuplicateWord(name="duplicate-word", doc=DOC, fixable="always", origin=__name__)
