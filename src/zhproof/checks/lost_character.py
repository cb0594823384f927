"""lost-character: a `?`, `？` or U+FFFD standing for a character that a conversion could not encode.

A conversion to an encoding that lacks a character (GBK without 𠮷, Big5 without a simplified form, a
code page) writes `?` in its place, and a broken decoding writes U+FFFD: `這個計劃的?行需要時間`. Such a mark
sits between two Han characters, inside a clause. A question mark sits there too when a question is followed
by the next sentence without a space (`你去吗？我不去`), so the rule decides whether a question can stand:

1. U+FFFD is never a question mark: always reported.
2. A question particle (吗 呢 吧 么 嘛) just before the mark, or a question word or form earlier in the
   sentence (什么, 怎么, 如何, 哪, 谁, 几, 多少, 是否, 能否, 有无, 难道, 何, 岂, 究竟, 还是, A不A: 能不能; spoken: 啥, 咋), makes
   it a question: silent.
3. Otherwise the word trigram model (`zhproof.langmodel`) weighs the two readings: the clause read as two
   sentences (`left` and `right` scored apart) and the clause read with one character lost (the likeliest
   `left + X + right`, X from the characters that form a word of the lexicon with a neighbour of the mark).
   The mark is reported when the lost-character reading is at least 10^MARGIN times likelier (10^FULLWIDTH_MARGIN
   for a full-width ？, which a writer types and an encoding does not write).

There is no fix: only a person (or the source) knows the lost character. The `halfwidth-punctuation` rule
does not turn such a `?` into `？`, which would hide the damage.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Iterable

from ..document import Document
from ..model import Diagnostic, Severity
from ..patterns import HAN, compile_re
from ..rule import BaseRule, Example, RuleDoc

#: marks that can stand for a lost character
# (the mark first and the look-behind after it, so that the engine skips straight to the marks: 6x faster)
_SITE = compile_re(f"([?？\ufffd](?<=[{HAN}].)[?？\ufffd]*)(?=[{HAN}])")
_CLAUSE_END = compile_re(r"[，。；：！？、,;:!?\r\n“”「」『』（）()《》]")
#: a question particle just before the mark
PARTICLES = frozenset("吗呢吧么嘛")
#: question words: one earlier in the clause makes the mark a question mark
QUESTION_WORDS = compile_re(
    r"什么|怎么|怎样|为什么|为何|如何|哪|谁|几|多少|是否|能否|可否|有无|难道|岂|何|究竟|还是|(\w)[不没]\1"
    # the spoken forms: 啥 (what), 咋 and 怎 (how), 多久 and its kind (为啥要用？不用行不行？, from JavaGuide)
    r"|啥|咋|怎|甚么|(?<![很许诸众好太较更最不差])多(?:久|长|大|远|高)"  # (not 很多大学, 许多高校, 不多久)
)
_SENTENCE_END = compile_re(r"[。！？!?；;\r\n]")
#: log10 likelihood ratio (lost character over sentence break) from which a mark is reported
MARGIN = 0.5
#: ... for a full-width ？: a writer types it (有个锤子用？没有思路解释, a question without a question word, 10^0.59),
#: an encoding writes the ASCII ? (a later normalisation may widen it, which makes it rarer)
FULLWIDTH_MARGIN = 1.0
WINDOW = 8  # Han characters each side given to the model
#: a candidate for the lost character forms a word with a neighbour; only characters that start or end at
#: least this many words of the lexicon are tried
MIN_WORDS = 3
FILLERS = 60  # candidates tried for the lost character

DOC = RuleDoc(
    summary="a ? or U+FFFD between two Han characters that stands for a character lost in a conversion",
    what=(
        "Finds a `?`, `？` or U+FFFD between two Han characters where no question can stand: a conversion to "
        "an encoding that lacks a character writes `?` in its place (這個計劃的?行需要時間). A question particle "
        "before the mark (吗, 呢, 吧) or a question word or form earlier in the sentence (什么, 如何, 能否, 能不能) makes "
        "it a question "
        "mark; otherwise the word trigram model compares the clause read as two sentences with the clause read "
        "with one character lost, and the mark is reported when the second is at least 10^0.5 (about 3) times likelier "
        "(10 times for a full-width ？, which a writer types and an encoding does not write). "
        "U+FFFD is always reported. A U+FFFD between two Han characters is this rule's alone (invisible-char, which "
        "reports every other U+FFFD, leaves it here so that it is reported once): ignoring lost-character silences it."
    ),
    why=(
        "A lost character changes the meaning and no reader can restore it; turning the `?` into `？` (as a "
        "punctuation fix would) hides the damage."
    ),
    fix="None: the lost character must be restored from the source.",
    examples=(
        Example("這個計劃的?行需要時間。", None, variant="zh-Hant"),
        Example("这个计划的?行需要时间。"),
        Example("会议讨论了\ufffd济发展问题。"),
        Example("你去吗？我不去。你呢?我也不去。", ok=True),
        Example("你叫什么名字?我叫王明。", ok=True),
        Example("今年如何开好局、起好步？来看记者的报道。", ok=True),
        Example("他真的来了？我不信。", ok=True),
        Example("“真的？”他问。", ok=True),
    ),
)


@cache
def _alphabet() -> tuple[str, ...]:
    from ..lexicon import lexicon

    lex = lexicon()
    return tuple(c for c, (st, en, _) in lex.char_stats.items() if st + en >= MIN_WORDS)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    lo = start
    while lo > 0 and start - lo < 60 and not _CLAUSE_END.match(text[lo - 1]):
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < 60 and not _CLAUSE_END.match(text[hi]):
        hi += 1
    return lo, hi


@lru_cache(maxsize=4096)
def _fillers(a: str, b: str, b2: str) -> tuple[str, ...]:
    """The characters that could have been lost between ``a`` and ``b``: those that form a word of the lexicon
    with a neighbour (a+X, X+b, X+b2), the FILLERS whose word is most frequent."""
    from ..lexicon import lexicon

    lex = lexicon()
    scored = []
    for x in _alphabet():
        f = max(lex.frequency(a + x), lex.frequency(x + b), lex.frequency(x + b2))
        if f:
            scored.append((-f, x))
    scored.sort()
    return tuple(x for _, x in scored[:FILLERS])


def evidence(left: str, right: str) -> float:
    """log10 of (likeliest reading with one character lost between ``left`` and ``right``) over (the two read
    as separate sentences); both in simplified characters."""
    from ..langmodel import language_model

    lm = language_model()
    left, right = left[-WINDOW:], right[:WINDOW]
    apart = lm.score(left) + lm.score(right)
    best = None
    for x in _fillers(left[-1:], right[:1], right[:2]):
        s = lm.score(left + x + right)
        if best is None or s > best:
            best = s
    if best is None:
        return float("-inf")
    return best - apart


def is_question(left: str) -> bool:
    """Can a question end here? ``left``: the sentence before the mark, in simplified characters: a particle
    just before it, or a question word or form (如何, 能否, 还是, A不A) anywhere in the sentence."""
    if left and left[-1] in PARTICLES:
        return True
    return QUESTION_WORDS.search(left) is not None


def _sentence_start(text: str, start: int) -> int:
    k = start
    while k > 0 and start - k < 200 and not _SENTENCE_END.match(text[k - 1]):
        k -= 1
    return k


class LostCharacter(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        if "?" not in text and "？" not in text and "\ufffd" not in text:
            return
        for m in _SITE.finditer(text):
            start, end = m.span(1)
            marks = m.group(1)
            if "\ufffd" not in marks:
                lo, hi = _clause(text, start, end)
                left, right = _simplified(text[lo:start]), _simplified(text[end:hi])
                if not left or not right or is_question(_simplified(text[_sentence_start(text, start) : start])):
                    continue
                if evidence(left, right) < (MARGIN if "?" in marks else FULLWIDTH_MARGIN):
                    continue
            around = text[max(0, start - 2) : min(len(text), end + 2)]
            yield Diagnostic(
                self.name,
                start,
                end,
                f"“{around}”里的“{marks}”夹在两个汉字之间，不像问号，可能是转换时丢失的字",
                Severity.ERROR,
            )


def _simplified(text: str) -> str:
    from ..script import to_simplified

    return to_simplified(text) or text


RULE = LostCharacter(name="lost-character", doc=DOC, fixable="never", origin=__name__)
