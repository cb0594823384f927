"""repeated-clause: a clause or sentence that already appears earlier in the document (pasted twice)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import accumulate, compress, count, filterfalse
from typing import Iterable

from ..document import Document
from ..patterns import HAN, compile_re
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..rule import BaseRule, Example, RuleDoc

# Clauses: text between Chinese clause punctuation or line breaks; the separator is kept apart.
# A clause: the text between clause punctuation and line breaks, without the white space at its ends.
_D = "，。；：！？!?;\r\n"
_CLAUSE_SPLIT = compile_re(f"([^{_D}\\s](?:[^{_D}]*[^{_D}\\s])?)")  # one group: split keeps the clauses
_SENTENCE_END = "。！？!?；;"
_HAN = compile_re(f"[{HAN}]")

#: A copy that immediately follows its original (only separators between) is reported from this many Han
#: characters on: a sentence or clause written twice in a row is never meant.
MIN_ADJACENT_HAN = 10
#: A copy elsewhere in the document must be a long passage: at least this many Han characters, crossing at
#: least one sentence end, inside one paragraph, and present exactly twice. Shorter or more frequent repeats
#: are formulae (story openers, 有下列情形之一的, a quoted line repeated after a news summary).
MIN_DISTANT_HAN = 50
_LABEL = compile_re(r"^(?:第[一二三四五六七八九十百千零〇\d]+[条款项章节]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])[ \t\u3000]*")
#: Earlier occurrences of a clause tried as the start of the original of a run. In statutes (documents with
#: STATUTE_ARTICLES or more 第…条 articles), whose provisions repeat stock sentences by design, each clause is
#: matched with its own latest earlier occurrence, so a stock clause met in between cuts the run.
MAX_CANDIDATES = 3
STATUTE_ARTICLES = 3
_ARTICLE = compile_re(r"^[ \t\u3000]*第[ \t]*[一二三四五六七八九十百千零〇\d]+[ \t]*[条條]", re.MULTILINE)
_TERMINATOR = compile_re(r"[。！？!?]")
_SEPARATORS = "，、；：。！？!?;: \t\r\n\u3000"

DOC = RuleDoc(
    summary="a clause or sentence that already appears earlier in the document (pasted twice)",
    what=(
        "Finds a passage that repeats, word for word, a passage earlier in the document: a sentence written twice "
        "in a row, or a block of one section pasted into another. Clauses (the text between Chinese clause "
        f"punctuation) are compared. A copy that immediately follows its original is reported from {MIN_ADJACENT_HAN} "
        f"Han characters on. A copy elsewhere must be a passage of at least {MIN_DISTANT_HAN} Han characters that "
        "crosses a sentence end, stays inside one paragraph and occurs exactly twice; shorter or more frequent "
        "repeats are formulae (story openers, 有下列情形之一的, a quotation repeated after a news summary, the "
        "standard provisions statutes repeat). Each copy is compared with the earlier occurrence that repeats the "
        f"longest run of clauses (among the latest {MAX_CANDIDATES}; in statutes, whose provisions repeat stock "
        "sentences by design, only the latest), and an article or list label (第二条, （一）) is not part of a clause. The finding covers the later copy and "
        "names the line of the earlier one. Options: min-adjacent-han, min-distant-han."
    ),
    why="A passage pasted twice is a classic editing accident that proofreaders miss because every sentence reads well.",
    fix=(
        "Deletes the later copy, with the clause separator before it. Unsafe: the later copy may be the "
        "original and the earlier one the stray paste, so a person should choose."
    ),
    examples=(
        Example("要加强病例分析研究，及时总结推广有效诊疗方案。要加强病例分析研究，及时总结推广有效诊疗方案。",
                "要加强病例分析研究，及时总结推广有效诊疗方案。"),
        Example(
            "第三，畅通物流配送，注重调动科研院所、高校、企业等的积极性，在确保安全性和有效性的基础上推广有效的临床应用经验，力争早日取得突破。要加强病例分析研究，及时总结推广有效诊疗方案。\n\n第四，同临床实践相结合，注重调动科研院所、高校、企业等的积极性，在确保安全性和有效性的基础上推广有效的临床应用经验，力争早日取得突破。要加强病例分析研究，及时总结推广有效诊疗方案。",
            "第三，畅通物流配送，注重调动科研院所、高校、企业等的积极性，在确保安全性和有效性的基础上推广有效的临床应用经验，力争早日取得突破。要加强病例分析研究，及时总结推广有效诊疗方案。\n\n第四，同临床实践相结合。",
        ),
        Example("央视网消息（新闻联播）：今天上午开会。\n央视网消息（新闻联播）：今天下午开会。", ok=True),
        Example("有下列情形之一的，处以罚款：\n有下列情形之一的，责令改正：", ok=True),
        Example("2021年度全国征兵工作有序展开\n\n2021年度全国征兵工作有序展开。今年征兵以大学生为重点。", ok=True),
        Example("第一条 单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，依照前款的规定处罚。\n"
                "第二条 本法自公布之日起施行。\n第三条 单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，"
                "依照前款的规定处罚。", ok=True),
    ),
)


class RepeatedClause(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        min_adjacent = doc.option(self.name, "min-adjacent-han", MIN_ADJACENT_HAN)
        min_distant = doc.option(self.name, "min-distant-han", MIN_DISTANT_HAN)
        # Clauses as strings, with their offsets, in C: splitting on the clause pattern gives the separators
        # and the clauses in turn, and the running sum of their lengths gives every clause's start and end.
        parts = _CLAUSE_SPLIT.split(text)
        offsets = list(accumulate(map(len, parts), initial=0))
        raw = parts[1::2]
        # An article or list label is not part of the clause (第二条 招标投标活动… pasted without its label is
        # the same sentence); few clauses have one, so only those are rewritten.
        keys = raw[:]
        for i in compress(count(), map(_LABEL.match, raw)):
            keys[i] = _LABEL.sub("", raw[i], count=1)
        counts = Counter(keys)
        if not counts or max(counts.values()) < 2:
            return
        bounds = _Bounds(offsets)
        statute = len(_ARTICLE.findall(text)) >= STATUTE_ARTICLES
        occ = _Occurrences(keys, counts)
        n = len(keys)
        i = -1
        for i0 in _candidates(occ.copies, bounds, keys, min(min_adjacent, min_distant), min_distant):
            if i0 < i:
                continue  # inside the run found before
            i = i0
            if statute:
                # each clause's latest earlier occurrence must follow the previous one's: a stock clause met
                # in between cuts the run (statutes repeat stock sentences by design)
                o, j = occ.origin(i), i + 1
                while j < n and j in occ.copyset and (oj := occ.origin(j)) == occ.origin(j - 1) + 1 and oj < i:
                    j += 1
            else:
                # the longest run of clauses from i that repeats a run starting at one of the latest earlier
                # occurrences of clause i: a stock clause met elsewhere does not cut the run
                o, j = occ.origin(i), i + 1
                for cand in occ.before(i, MAX_CANDIDATES):
                    end = i + 1
                    while end < n and cand + (end - i) < i and keys[end] == keys[cand + (end - i)]:
                        end += 1
                    if end > j:
                        o, j = cand, end
            copy_start, copy_end = bounds.start(i), bounds.end(j - 1)
            orig_end = bounds.end(o + (j - i) - 1)
            adjacent = copy_start - orig_end <= 16 and not text[orig_end:copy_start].strip(_SEPARATORS)
            if copy_end - copy_start < (min_adjacent if adjacent else min_distant):
                i = j
                continue  # too short to hold enough Han characters: the common case, decided cheaply
            han = sum(len(_HAN.findall(k)) for k in keys[i:j])
            if adjacent:
                # a headline restated as the first sentence of its story is news style, not a paste
                orig_start = bounds.start(o)
                headline = _whole_line(doc, orig_start, orig_end) and "\n" in text[orig_end:copy_start]
                report = han >= min_adjacent and not headline
            else:
                passage = text[copy_start:copy_end]
                report = (
                    han >= min_distant
                    and _TERMINATOR.search(passage) is not None
                    and "\n" not in passage
                    and _occurrences(keys, occ, i, j) == 2
                )
            if report:
                yield self._finding(doc, bounds, i, j, o)
            i = j

    def _finding(self, doc: Document, bounds: "_Bounds", i: int, j: int, orig: int) -> Diagnostic:
        text = doc.text
        start, end = bounds.start(i), bounds.end(j - 1)
        label = _LABEL.match(text[start:end])
        if label:
            start += label.end()  # an article or list label of the copy is not part of what repeats
        # take the terminal punctuation along when the copy is a whole sentence; otherwise take the separator
        # before it, so that what remains reads 同临床实践相结合。 and not 同临床实践相结合，
        before = text[start - 1] if start > 0 else "\n"
        after = text[end] if end < len(text) else ""
        if before in "，、；：" and after in _SENTENCE_END:
            start -= 1
        elif after and after in _SENTENCE_END + "，；：":
            end += 1
        line = doc.line_col(bounds.start(orig))[0]
        copy = text[bounds.start(i):bounds.end(j - 1)]
        shown = copy if len(copy) <= 24 else copy[:12] + "……" + copy[-10:]
        return Diagnostic(
            self.name, start, end, f"与第{line}行重复：“{shown}”", Severity.WARNING,
            Fix((Edit(start, end, ""),), Safety.UNSAFE, "删去后一处重复"),
            related=(bounds.start(orig),),
        )


def _candidates(copies: list[int], bounds: "_Bounds", keys: list[str], shortest: int, distant: int) -> list[int]:
    """The copies that may start a finding, in order.

    A run of copies lies within a block of consecutive repeated clauses, so a block shorter than the shortest
    finding is passed over whole (most repeated clauses are short stock phrases: 他说, 新华社北京电). A lone
    copy shorter than a distant finding can only be reported right after its original: the clause before it
    (past clauses of mere separators) must be the same."""
    out: list[int] = []
    block: list[int] = []

    def close() -> None:
        span = bounds.end(block[-1]) - bounds.start(block[0])
        if span < shortest:
            return
        if len(block) == 1 and span < distant:
            i = block[0]
            k = i - 1
            while k >= 0 and not keys[k].strip(_SEPARATORS):
                k -= 1  # a clause of separators only (、) does not part a copy from its original
            if k < 0 or keys[k] != keys[i]:
                return
        out.extend(block)

    for i in copies:
        if block and i != block[-1] + 1:
            close()
            block = []
        block.append(i)
    if block:
        close()
    return out


class _Occurrences:
    """Where each repeated clause occurs, built with a few passes in C (the document may hold 100,000s of
    clauses): the indexes of repeated clauses sorted by clause (a stable sort, so each clause's occurrences
    stay in text order), each clause's slice of them, and the copies (every occurrence but the first)."""

    __slots__ = ("keys", "order", "group", "copies", "copyset")

    def __init__(self, keys: list[str], counts: Counter) -> None:
        self.keys = keys
        repeated = sorted(k for k, c in counts.items() if c > 1)
        indexes = list(compress(count(), map(set(repeated).__contains__, keys)))
        self.order = sorted(indexes, key=keys.__getitem__)  # grouped in the order of ``repeated``
        sizes = list(map(counts.__getitem__, repeated))
        starts = list(accumulate(sizes, initial=0))
        self.group = dict(zip(repeated, zip(starts, sizes)))
        firsts = set(map(self.order.__getitem__, starts[:-1]))
        self.copies = list(filterfalse(firsts.__contains__, indexes))  # in text order
        self.copyset = set(self.copies)

    def where(self, key: str) -> range:
        """Positions in ``order`` of the clause's occurrences (empty if it occurs once): no copy of the list."""
        start, size = self.group.get(key, (0, 0))
        return range(start, start + size)

    def before(self, i: int, most: int) -> list[int]:
        """Up to ``most`` occurrences of clause ``i`` before it, the latest last."""
        start, size = self.group[self.keys[i]]
        at = bisect_left(self.order, i, start, start + size)
        return self.order[max(start, at - most):at]

    def origin(self, i: int) -> int:
        """The latest earlier occurrence of copy ``i``."""
        start, size = self.group[self.keys[i]]
        return self.order[bisect_left(self.order, i, start, start + size) - 1]


class _Bounds:
    """Start and end offsets of clause i, from the running sums of the split's part lengths."""

    __slots__ = ("offsets",)

    def __init__(self, offsets: list[int]) -> None:
        self.offsets = offsets

    def start(self, i: int) -> int:
        return self.offsets[2 * i + 1]

    def end(self, i: int) -> int:
        return self.offsets[2 * i + 2]


def _occurrences(keys: list[str], occ: "_Occurrences", i: int, j: int, stop: int = 3) -> int:
    """How often the clause sequence keys[i:j] occurs (at clause boundaries), counted from the index of its
    first clause, up to ``stop``: no scan of the whole text per candidate."""
    run = keys[i:j]
    found = 0
    for p in map(occ.order.__getitem__, occ.where(keys[i])):
        if keys[p:p + len(run)] == run:
            found += 1
            if found >= stop:
                break
    return found


def _whole_line(doc: Document, start: int, end: int) -> bool:
    line_start, line_end = doc.line_bounds(start, end)
    return not doc.text[line_start:start].strip() and not doc.text[end:line_end].strip()


RULE = RepeatedClause(
    name="repeated-clause", doc=DOC, fixable="always", origin=__name__,
    options={"min-adjacent-han": MIN_ADJACENT_HAN, "min-distant-han": MIN_DISTANT_HAN},
)
