"""repeated-clause: a clause or sentence that already appears earlier in the document (pasted twice)."""
from __future__ import annotations

from typing import Iterable

import regex

from ..document import Document
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..rule import BaseRule, Example, RuleDoc

# Clauses: text between Chinese clause punctuation or line breaks; the separator is kept apart.
_CLAUSE = regex.compile(r"[^，。；：！？!?;\r\n]+")
_SENTENCE_END = "。！？!?；;"
_HAN = regex.compile(r"\p{Han}")
_SPACE = regex.compile(r"\s+")

#: A repeated run must hold at least this many Han characters (shorter repeats are formulae: story
#: openers, legal scaffolding such as 有下列情形之一的, short slogans and headings).
MIN_HAN = 20
#: ... and at least this many clauses, unless a single clause is itself this long.
MIN_CLAUSES = 2
MIN_SINGLE_HAN = 30

DOC = RuleDoc(
    summary="a clause or sentence that already appears earlier in the document (pasted twice)",
    what=(
        "Finds a run of clauses that repeats, word for word, a run earlier in the document, such as a sentence "
        "of one section pasted into another. Clauses are the text between Chinese clause punctuation; a run "
        "counts when it has at least "
        f"{MIN_HAN} Han characters in {MIN_CLAUSES} or more clauses, or one clause of {MIN_SINGLE_HAN}; shorter "
        "repeats are formulae (story openers, 有下列情形之一的, headings) and are left alone. The finding "
        "covers the later copy and names the line of the first."
    ),
    why="A passage pasted twice is a classic editing accident that proofreaders miss because every sentence reads well.",
    fix=(
        "Deletes the later copy, with the clause separator before it. Unsafe: the later copy may be the "
        "original and the earlier one the stray paste, so a person should choose."
    ),
    examples=(
        Example(
            "要加强病例分析研究，及时总结推广有效诊疗方案。其他工作照常。\n要加强病例分析研究，及时总结推广有效诊疗方案。",
            "要加强病例分析研究，及时总结推广有效诊疗方案。其他工作照常。\n",
        ),
        Example("央视网消息（新闻联播）：今天上午开会。\n央视网消息（新闻联播）：今天下午开会。", ok=True),
        Example("有下列情形之一的，处以罚款：\n有下列情形之一的，责令改正：", ok=True),
    ),
)


class RepeatedClause(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        min_han = doc.option(self.name, "min-han", MIN_HAN)
        min_single = doc.option(self.name, "min-single-han", MIN_SINGLE_HAN)
        clauses: list[tuple[int, int, str]] = []  # (start, end, key)
        for m in _CLAUSE.finditer(text):
            key = _SPACE.sub("", m.group())
            if key:
                s = m.start() + (len(m.group()) - len(m.group().lstrip()))
                e = m.end() - (len(m.group()) - len(m.group().rstrip()))
                clauses.append((s, e, key))
        first: dict[str, int] = {}
        origin: list[int] = []  # for each clause, index of its first occurrence (or its own index)
        for i, (_, _, key) in enumerate(clauses):
            origin.append(first.setdefault(key, i))
        i = 0
        n = len(clauses)
        while i < n:
            if origin[i] == i:
                i += 1
                continue
            # grow a run of repeated clauses whose originals are consecutive too
            j = i + 1
            while j < n and origin[j] != j and origin[j] == origin[j - 1] + 1 and origin[j] < i:
                j += 1
            run = clauses[i:j]
            han = sum(len(_HAN.findall(k)) for _, _, k in run)
            longest = max(len(_HAN.findall(k)) for _, _, k in run)
            if (han >= min_han and len(run) >= MIN_CLAUSES) or longest >= min_single:
                yield self._finding(doc, clauses, i, j, origin[i])
            i = j

    def _finding(self, doc: Document, clauses, i: int, j: int, orig: int) -> Diagnostic:
        text = doc.text
        start, end = clauses[i][0], clauses[j - 1][1]
        # take the terminal punctuation along when the copy is a whole sentence; otherwise take the separator
        # before it, so that what remains reads 同临床实践相结合。 and not 同临床实践相结合，
        before = text[start - 1] if start > 0 else "\n"
        after = text[end] if end < len(text) else ""
        if before in "，、；：" and after in _SENTENCE_END:
            start -= 1
        elif after and after in _SENTENCE_END + "，；：":
            end += 1
        line = doc.line_col(clauses[orig][0])[0]
        copy = text[clauses[i][0]:clauses[j - 1][1]]
        shown = copy if len(copy) <= 24 else copy[:12] + "……" + copy[-10:]
        return Diagnostic(
            self.name, start, end, f"与第{line}行重复：“{shown}”", Severity.WARNING,
            Fix((Edit(start, end, ""),), Safety.UNSAFE, "删去后一处重复"),
            related=(clauses[orig][0],),
        )


RULE = RepeatedClause(
    name="repeated-clause", doc=DOC, fixable="always", origin=__name__,
    options={"min-han": MIN_HAN, "min-single-han": MIN_SINGLE_HAN},
)
