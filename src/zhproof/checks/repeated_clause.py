"""repeated-clause: a clause or sentence that already appears earlier in the document (pasted twice).

Longer than 300 lines on purpose: finding copies (hashing of sentences and runs) and telling a paste from
formula (refrains, quotations, parallel paragraphs, statutes' stock provisions) share the document's index of
sentences and paragraphs built once per document."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cache
from itertools import accumulate, compress, count, repeat
from operator import add, is_not
from typing import Iterable

from ..document import Document
from ..patterns import HAN, compile_re
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..rule import BaseRule, Example, RuleDoc

# Clauses: text between Chinese clause punctuation or line breaks; the separator is kept apart.
# A clause: the text between clause punctuation and line breaks, without the white space at its ends.
_D = "，。；：！？!?;\r\n"
# An article or list label that opens a clause (第二条, （一）, 二、, 3.), with the white space after it.
_LABEL = (
    r"(?:第[一二三四五六七八九十百千零〇\d]+[条款项章节條項節]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])"
    r"[ \t\u3000]*"
)
# A clause is [^{_D}\s][^{_D}]*(?<!\s): it runs to the next separator, then gives back white space (a look-behind,
# cheaper than the equivalent [^{_D}\s](?:[^{_D}]*[^{_D}\s])?, which matches its last character again). The split
# runs on the text with every separator made "\n" ("\n" is one, and white space: it neither opens nor continues
# a clause, as a separator does not), which has the same clauses at the same offsets: [^\n]* runs over a clause
# comparing each character with one, where [^{_D}]* would look each up in a set (3.5M characters on the 10 MB).
_CLAUSE_SPLIT_LF = compile_re(r"([^\s][^\n]*(?<!\s))")
_TO_LF = _D.replace("\n", "")
# A label at the start of a clause, in the clauses joined by line breaks ("\n" + "\n".join(clauses)): a search for
# "\n" (a literal, which the engine scans for fast) tried once per clause, not a look-ahead tried at every clause
# start in the 3 passes of the split; the look-ahead for the label's first character saves trying its four forms
# at most clauses. The label holds no separator and no white space before its end, so it is the same as at the
# clause's start in the text, but for white space after the clause's end (compared stripped).
_LABEL_AT = compile_re(f"\n(?=[第（(一二三四五六七八九十\\d])({_LABEL})")
_SENTENCE_END = "。！？!?；;"
_HAN = compile_re(f"[{HAN}]")
_NOT_HAN = compile_re(f"[^{HAN}]+")  # what is left without it is the Han characters, counted without a list of them

#: A copy that immediately follows its original (only separators between) is reported from this many Han
#: characters on: a clause written twice in a row is never meant (着力扩大国内需求，着力扩大国内需求，), but for the
#: refrains of songs and slogans, which are shorter (我爱你中国，我爱你中国; 团结就是力量 is six). Below 8 the
#: duplicate-word rule judges a repeat without punctuation between; the copies across a comma went unreported
#: below 10 (12 of 35 clauses written twice in a review's sentences).
MIN_ADJACENT_HAN = 7
#: ... and its fix is safe from this many on (a shorter one may still be a refrain: a person decides). A shorter
#: copy is reported only inside one sentence, after a clause of its own, a clause separator between the two and
#: before the first (_CLAUSE_GAPS).
SAFE_ADJACENT_HAN = 10
_CLAUSE_GAPS = frozenset({"，", "、", "；", ",", ";"})
#: A copy elsewhere in the document: whole sentences of one paragraph, with at least this many Han characters,
#: present exactly twice (a sentence three times is a refrain or formula), and not formula by ``_formula``.
MIN_DISTANT_HAN = 12
#: A copy elsewhere that does not start a sentence in both places (a quotation after 指出，) is reported only
#: as a long passage: this many Han characters, across a sentence end.
MIN_PASSAGE_HAN = 50
MAX_CANDIDATES = 3
NEXT_CLAUSES = 2
_TERMINATOR = compile_re(r"[。！？!?]")
_TERMINATORS = "。！？!?"
_TERMINATORS_SET = frozenset(_TERMINATORS)
# white space and closing quotes between a sentence end and the next sentence, and the opening quotes of a sentence
# that opens a quotation (。“您好，您的外卖到了。”)
_OPEN_SKIP = " \t\u3000”’」』）)“「『"
_HAN_RUN = compile_re(f"[{HAN}]{{2,}}")
#: Two copies whose paragraphs (without the copies) share at least this Dice coefficient of Han character
#: pairs stand in parallel paragraphs: statutes' parallel articles (公安机关应当依法予以协助。 after two
#: provisions on 提请公安机关配合), parallel speeches or reports. Measured on the tuning half: 27 of the 34
#: sentences that clean text repeats mid-paragraph reach 0.2, 18 of 936 uniformly pasted sentences do.
PARALLEL_DICE = 0.2
CONTEXT = 300
#: A sentence that opens with 但 qualifies the sentence before it (但是，当事人另有约定的除外。 但法律別有規定者，
#: 不在此限。): statutes repeat such provisos after many provisions. 0.7% of the sentences of the zh-Hans tuning
#: half open with it, 5.3% of zh-Hant's (Taiwan's statutes). Added after the test half was measured: see
#: bench/README.md, issue 11.
_PROVISO = "但"
_HAN_FIRST = compile_re(f"[{HAN}]")
#: A sentence that is only an exception rider, one clause of subject before it: "unless X provides (or the parties
#: agree) otherwise" (信托文件另有规定的，从其规定; 合伙协议另有约定的除外; 法律另有規定者，從其規定), a proviso without
#: 但, which qualifies the provision before it as 但 does.
_RIDER = compile_re(
    f"[{HAN}、]{{1,16}}另有(?:[规規]定|[约約]定)(?:的|者)?[，,]?(?:[从從]其[规規]定|除外|[依适適]用其[规規]定|不在此限)"
)
_SEPARATORS = "，、；：。！？!?;: \t\r\n\u3000"
_CLOSERS = "”’」』）)"
_CLOSERS_SPACE = _CLOSERS + " \t\u3000"
_OPENERS = "“「『"
# A quotation mark after a separator, a closing mark or white space, or at the text's start (the mark first: the
# engine skips to the marks)
_QUOTE_OPENS = compile_re(f"[{_CLOSERS}{_OPENERS}](?<![^\\s{_D}{_CLOSERS}].)")
_GAP_MARKS = _SEPARATORS + _CLOSERS + _OPENERS  # what may stand between a copy and its original right before it
_CLOSER_OF = {"“": "”", "「": "」", "『": "』"}
_OPENER_OF = {closer: opener for opener, closer in _CLOSER_OF.items()}
_QUOTE_CLOSERS = "”’」』"

DOC = RuleDoc(
    summary="a clause or sentence that already appears earlier in the document (pasted twice)",
    what=(
        "Finds a passage that repeats, word for word, a passage elsewhere in the document: a sentence written twice "
        "in a row, or a sentence or block of one paragraph pasted into another. Clauses (the text between Chinese "
        "clause punctuation) are compared; an article or list label (第二条, （一）) is not part of a clause. A copy "
        f"that immediately follows its original is reported from {MIN_ADJACENT_HAN} Han characters on (shorter "
        "clauses said twice are refrains: 我爱你中国，我爱你中国), under 10 only inside one sentence and after a clause of "
        "its own (……，着力扩大国内需求，着力扩大国内需求，; not a refrain that opens its line: 月亮代表我的心，月亮代表我的心). A copy "
        f"elsewhere is reported from {MIN_DISTANT_HAN} Han characters on when it is whole sentences (it starts a "
        "sentence and ends before 。！？ in both places), stays inside one paragraph and occurs exactly twice, or when "
        f"it is a passage of {MIN_PASSAGE_HAN}+ Han characters across a sentence end that is not mostly stock wording "
        "(clauses the document uses three times or more). What the document's own structure shows to be formula "
        "stays silent: a sentence that occurs three times or more (a refrain); two copies that both open their "
        "paragraph (a refrain, roll call, heading, stock provision); a sentence that two or more other statutes "
        "write word for word (法律、行政法规另有规定的，从其规定; rules/lexicon/stock-sentences.bin); two copies both "
        "in rows of a table (| …… |); "
        "two copies both inside quotation marks (a quotation after a colon, 宪法第六条：“……”, among them; a sentence "
        "that opens a quotation of its own, 。“您好，……。”, as dialogue does, is a sentence of the text); two "
        "copies in parallel paragraphs (the rest of the two paragraphs alike: statutes' parallel articles, "
        "……主持会议。 in two reports of one bulletin); a quotation that starts after a reporting clause "
        "(习近平在贺信中指出，……) of text printed in full elsewhere; two copies that each follow a verb of saying "
        "(a lede and its story quoting a speech: 他强调，…… and 习近平强调，……); two copies in a statute (after an article "
        "label, 第十二条) that each follow a clause and run to their paragraph's end (a consequence two articles "
        "share: ……者，处……罚金。); in a statute's articles, one sentence opening with 但 (a proviso, "
        "但是，当事人另有约定的除外。) or that is only an exception rider (信托文件另有规定的，从其规定。); "
        "list items ending in ；; headlines and captions "
        "without a sentence end. A copy right after its original is no paste where it opens the next item of a list "
        "or article under another label, or an item that goes on after it (一、服现役期间因公致残。⏎二、服现役期间因公"
        "致残，退伍后……; a run of copies stops before a line whose label differs from the original's), or restates a "
        "term that opens its line after its colon (风压荷重：风压荷重，依……): it is judged as a copy elsewhere. The same "
        "label twice (一、X。⏎一、X。) is a paste. The finding covers the copy that reads as the paste and names the line of the "
        "other. A copy that is a line of its own, or opens its paragraph, where the other does not, is the original (a "
        "paste lands after another sentence); otherwise the later copy is reported, unless the earlier one shares "
        "fewer of its words with the text around it (a sentence pasted into a paragraph about something else). "
        "Options: "
        "min-adjacent-han, min-distant-han."
    ),
    why="A passage pasted twice is a classic editing accident that proofreaders miss because every sentence reads well.",
    fix=(
        "Deletes the copy reported, with the clause separator before it. Safe when the copy immediately follows its "
        f"original and holds {SAFE_ADJACENT_HAN} Han characters or more (an error: a sentence written twice in a "
        "row is never meant; a shorter clause may be a refrain). Unsafe for a copy elsewhere: which copy is the "
        "stray paste is read from the words around each (right about 85 times in 100 on the benchmark's pastes, "
        "where the later copy is the paste half the time), so a person should check."
    ),
    examples=(
        Example(
            "要加强病例分析研究，及时总结推广有效诊疗方案。要加强病例分析研究，及时总结推广有效诊疗方案。",
            "要加强病例分析研究，及时总结推广有效诊疗方案。",
        ),
        Example(
            "第三，畅通物流配送，注重调动科研院所、高校、企业等的积极性，在确保安全性和有效性的基础上推广有效的临床应用经验，力争早日取得突破。要加强病例分析研究，及时总结推广有效诊疗方案。\n\n第四，同临床实践相结合，注重调动科研院所、高校、企业等的积极性，在确保安全性和有效性的基础上推广有效的临床应用经验，力争早日取得突破。要加强病例分析研究，及时总结推广有效诊疗方案。",
            "第三，畅通物流配送，注重调动科研院所、高校、企业等的积极性，在确保安全性和有效性的基础上推广有效的临床应用经验，力争早日取得突破。要加强病例分析研究，及时总结推广有效诊疗方案。\n\n第四，同临床实践相结合。",
        ),
        Example(
            "今年以来，我市持续优化营商环境，新设市场主体同比增长百分之十五。市委书记在调研时强调，要把群众的满意度作为检验工作的根本标准。\n"
            "在产业发展方面，全市重点项目建设进展顺利，一批新兴产业加快集聚。今年以来，我市持续优化营商环境，新设市场主体同比增长百分之十五。下一步，将继续推进重大项目落地。",
            "今年以来，我市持续优化营商环境，新设市场主体同比增长百分之十五。市委书记在调研时强调，要把群众的满意度作为检验工作的根本标准。\n"
            "在产业发展方面，全市重点项目建设进展顺利，一批新兴产业加快集聚。下一步，将继续推进重大项目落地。",
        ),
        Example(
            "习近平在贺信中指出，新一轮科技革命和产业变革正在全球范围内深入发展，数字化、网络化、智能化步伐不断加快。\n"
            "贺信全文如下：\n"
            "值此博览会开幕之际，我谨表示热烈的祝贺！新一轮科技革命和产业变革正在全球范围内深入发展，数字化、网络化、智能化步伐不断加快。",
            ok=True,
        ),
        Example(
            "| 消费并发度管理 | 由 SDK 管理消费并发度。 | 由业务方消费逻辑自行管理消费线程。 | 由业务方消费逻辑自行管理消费线程。 |",
            ok=True,
        ),
        Example(
            "监察机关进行搜查时，可以根据工作需要提请公安机关配合。公安机关应当依法予以协助。\n"
            "监察机关采取留置措施，可以根据工作需要提请公安机关配合。公安机关应当依法予以协助。",
            ok=True,
        ),
        Example(
            "我们要坚定信心，同舟共济，共同应对全球性挑战。团结合作是战胜疫情最有力的武器。\n"
            "我们要坚定信心，同舟共济，共同应对全球性挑战。开放包容是推动发展的必由之路。",
            ok=True,
        ),
        Example("央视网消息（新闻联播）：今天上午开会。\n央视网消息（新闻联播）：今天下午开会。", ok=True),
        Example("有下列情形之一的，处以罚款：\n有下列情形之一的，责令改正：", ok=True),
        Example("2021年度全国征兵工作有序展开\n\n2021年度全国征兵工作有序展开。今年征兵以大学生为重点。", ok=True),
        Example(
            "第一条 受益人自信托生效之日起享有信托受益权。信托文件另有规定的，从其规定。\n"
            "第二条 本法自公布之日起施行。\n"
            "第三条 委托人是唯一受益人的，委托人可以解除信托。信托文件另有规定的，从其规定。",
            ok=True,
        ),
        Example(
            "第一条 单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，依照前款的规定处罚。\n"
            "第二条 本法自公布之日起施行。\n第三条 单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，"
            "依照前款的规定处罚。",
            ok=True,
        ),
    ),
)


class RepeatedClause(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        # Findings that touch, each deleting its copy with the same safety, are one: a sentence pasted many times
        # in a row (A。A。A。A。……) is reported as runs of copies side by side, and the fixer applies fixes that touch
        # in separate passes, so that a thousand copies took more passes than it allows (a review of the CLI)
        held: Diagnostic | None = None
        doc = doc.lf_lines()  # a lone carriage return ends a line as a line feed does, for every test of a line
        for d in self._findings(doc):
            if held is not None and held.end == d.start and _deletion(held) and _deletion(d):
                assert held.fix is not None and d.fix is not None
                if held.fix.safety is d.fix.safety:
                    held = Diagnostic(
                        self.name,
                        held.start,
                        d.end,
                        held.message,
                        held.severity,
                        Fix((Edit(held.start, d.end, ""),), held.fix.safety, held.fix.title),
                        related=held.related,
                    )
                    continue
            if held is not None:
                yield held
            held = d
        if held is not None:
            yield held

    def _findings(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        min_adjacent = doc.option(self.name, "min-adjacent-han", MIN_ADJACENT_HAN)
        min_distant = doc.option(self.name, "min-distant-han", MIN_DISTANT_HAN)
        raw, labels, keys, starts, ends = _clauses(text)
        occ = _Occurrences(keys)
        if not occ.copies:
            return
        lines = _Lines(text)
        n = len(keys)
        taken: list[tuple[int, int]] = []  # the spans reported so far, merged where they meet, in order
        i = -1
        for i0 in _candidates(occ, starts, ends, raw, keys, min(min_adjacent, min_distant), min_distant, text):
            if i0 < i:
                continue  # inside the run found before
            i = i0
            # the longest run of clauses from i that repeats a run starting at one of the latest earlier
            # occurrences of clause i, or of the next clauses (a stock opening such as 央视网消息（新闻联播） has
            # too many earlier occurrences; the clause after it finds the original): a stock clause met
            # elsewhere does not cut the run
            o, j = occ.origin(i), i + 1
            for cand in _starts(occ, keys, i, n):
                # the run from cand ends before the first clause (before n, and before i: the original ends
                # before its copy) that differs from its counterpart from i; most differ at once, the rest are
                # compared a slice at a time, doubling (the runs that stop at a line are traced again from
                # there, and a block pasted whole is long)
                end, shift = i + 1, cand - i
                bound = min(n, i - shift)
                if end < bound and keys[end] == keys[end + shift]:
                    end += 1
                    step = 4
                    while end < bound:
                        stop = min(end + step, bound)
                        if keys[end:stop] != keys[end + shift : stop + shift]:
                            while keys[end] == keys[end + shift]:
                                end += 1
                            break
                        end, step = stop, step + step
                if end > j:
                    o, j = cand, end
            # the items of a list repeat each other's words (一、服现役期间因公致残。⏎二、服现役期间因公致残，退伍后
            # ……; 二、船员……，转乘航空器……。⏎三、船员……，): a run stops before a line that opens with another label
            # than the original's line there (a block pasted whole, labels and all, stays one run)
            if labels[i + 1 : j] != labels[o + 1 : o + j - i]:  # (labels alike, as in a block pasted whole: no cut)
                for k in range(i + 1, j):
                    if (
                        labels[k]
                        and "\n" in text[ends[k - 1] : starts[k]]
                        and labels[k].strip() != labels[o + k - i].strip()
                    ):
                        j = k
                        break
            copy_start, copy_end = starts[i], ends[j - 1]
            orig_end = ends[o + (j - i) - 1]
            gap = text[orig_end:copy_start] if copy_start - orig_end <= 16 else ""  # (a distant copy: no slice)
            adjacent = copy_start - orig_end <= 16 and not gap.strip(_GAP_MARKS)
            if (
                adjacent
                and text[starts[o] : starts[o] + 1] in _CLOSER_OF
                and any(c in gap for c in _OPENER_OF)
                and not any(c in gap for c in _CLOSER_OF)
            ):
                # the words of a quotation that a reporting clause opened (its clause starts at the quote: 指出：“……),
                # said again right after it, outside it (“绿水青山就是金山银山。”绿水青山就是金山银山，这一理念……): a
                # restatement, judged as a copy elsewhere (such a quotation is no sentence of the document's own); not
                # a sentence of dialogue pasted after its quotation (“好吧，……。”……。她转身), nor a copy pasted with the
                # quote that closes it (A。”A。”)
                adjacent = False
            if adjacent and (
                (
                    labels[i]
                    and "\n" in gap
                    and (labels[i].strip() != labels[o].strip() or not _ends_line(text, copy_end))
                )
                or (
                    gap.strip(" \t\u3000") in ("：", ":")
                    and not text[text.rfind("\n", 0, starts[o]) + 1 : starts[o]].strip()
                )
            ):
                # the next item of a list that opens with the words of the item before (another label: 一、 then
                # 二、), or a term that opens its line restated after its colon (二、作用于支持物之风压荷重：作用于
                # 支持物之风压荷重，依……): parallel structure, judged as a copy elsewhere is
                adjacent = False
            if not adjacent:
                # a copy elsewhere is judged within its paragraph: the run stops at the first line break in
                # either place (a sentence pasted at a paragraph's end, then 文件名：src/lib.rs in both places)
                for k in range(i + 1, j):
                    if "\n" in text[ends[k - 1] : starts[k]] or "\n" in text[ends[o + k - i - 1] : starts[o + k - i]]:
                        j = k
                        break
                copy_end, orig_end = ends[j - 1], ends[o + (j - i) - 1]
            if copy_end - copy_start < (min_adjacent if adjacent else min_distant):
                i = j
                continue  # too short to hold enough Han characters: the common case, decided cheaply
            han = len(_NOT_HAN.sub("", "".join(keys[i:j])))
            orig_start = starts[o]
            if adjacent:
                # a headline restated as the first sentence of its story is news style, not a paste
                headline = _whole_line(doc, orig_start, orig_end) and "\n" in text[orig_end:copy_start]
                report = han >= min_adjacent and not headline
                if (
                    report
                    and han < SAFE_ADJACENT_HAN
                    and not (
                        gap.strip(" \t\u3000") in _CLAUSE_GAPS and text[orig_start - 1 : orig_start] in _CLAUSE_GAPS
                    )
                ):
                    # a short clause said twice is a slip inside one sentence, after a clause of its own
                    # (……，着力扩大国内需求，着力扩大国内需求，); across a sentence end it may open the next sentence
                    # with the words that closed this one (……建设公共体育设施。⏎建设公共体育设施，应当……: 顶真, a
                    # statute's new paragraph), and opening a sentence, a line or a quotation it is a refrain (月亮代表
                    # 我的心，月亮代表我的心; ……：南无观世音菩萨，南无观世音菩萨。)
                    report = False
            else:
                # whole sentences, or a long passage across a sentence end (a block pasted from mid-sentence)
                report = (
                    han >= min_distant
                    and "\n" not in text[copy_start:copy_end]
                    and (
                        (_sentences(doc, copy_start, copy_end) and _sentences(doc, orig_start, orig_end))
                        or (
                            han >= MIN_PASSAGE_HAN
                            and _TERMINATOR.search(text, copy_start, copy_end) is not None
                            # a passage that starts a sentence in one place and follows a clause in the other
                            # (习近平在贺信中指出，……) is a quotation of text printed in full
                            and _opens(text, copy_start) == _opens(text, orig_start)
                            and not _stock(keys, occ, i, j)
                        )
                    )
                    and _occurrences(keys, occ, i, j) == 2
                    and _formula(doc, (orig_start, orig_end), (copy_start, copy_end), lines) is None
                )
            if report and _table_cells(doc, orig_start, orig_end, copy_start, copy_end):
                report = False  # cells of a table, side by side or in two rows: tables repeat their values
            # copies on two lines in different places of them (……变故。⏎⏎写这首词的时候，……变故。她一个人……: a
            # paragraph's last sentence and the next one's first): either may be the paste, and deleting the wrong one
            # moves a sentence to the other paragraph. Which one is judged as for copies elsewhere (the one that opens
            # its paragraph is the original), and a person chooses; two whole lines are one line written twice.
            apart = (
                adjacent
                and ("\n" in gap or "\r" in gap)
                and not (_whole_line_of(text, orig_start, orig_end) and _whole_line_of(text, copy_start, copy_end))
            )
            if report:
                finding = self._finding(
                    doc,
                    starts,
                    ends,
                    i,
                    j,
                    o,
                    adjacent,
                    safe=adjacent and not apart and han >= SAFE_ADJACENT_HAN,
                    taken=taken,
                    choose=not adjacent or apart,
                )
                _take(taken, finding.start, finding.end)
                yield finding
            i = j

    def _finding(
        self,
        doc: Document,
        starts: list[int],
        ends: list[int],
        i: int,
        j: int,
        orig: int,
        adjacent: bool,
        safe: bool = False,
        taken: list[tuple[int, int]] | None = None,
        choose: bool = False,
    ) -> Diagnostic:
        text = doc.text
        start, end = starts[i], ends[j - 1]
        other = starts[orig]
        later = True
        earlier = (starts[orig], ends[orig + (j - i) - 1])
        if (
            choose
            and not _touches_taken(taken or [], earlier[0] - 1, earlier[1] + 1)
            and _stray_is_earlier(text, earlier, (start, end))
        ):
            # the earlier copy reads as the stray paste: it is the one reported and deleted (unless a finding
            # already covers it: findings never overlap)
            start, end, other, later = earlier[0], earlier[1], start, False
        copy = text[start:end]
        # the quotes the copy's sentence opens with (。“您好，……。”), taken along below if their closing quotes
        # follow it (not where the copy is the first sentence of a longer quotation: “您好，……。快下来吧。”)
        opened = start
        while opened > 0 and text[opened - 1] in _OPENERS and _opens(text, opened - 1):
            opened -= 1
        # the copy's article or list label goes with it (二、X。 deleted whole, not leaving 二、 or 二。); take the
        # terminal punctuation along when the copy is a whole sentence, otherwise the separator before it, so that
        # what remains reads 同临床实践相结合。 and not 同临床实践相结合，
        before = text[start - 1] if start > 0 else "\n"
        after = text[end] if end < len(text) else ""
        if before in "，、；：" and after in _SENTENCE_END:
            start -= 1
        elif after and after in _SENTENCE_END + "，；：":
            end += 1
        if opened < start:
            quotes = text[opened:start]
            closing = "".join(_CLOSER_OF[c] for c in reversed(quotes))
            if text.startswith(closing, end):
                # the copy is the whole quotation: its quotes go with it (……我在楼下等您。”)
                start, end = opened, end + len(closing)
            elif any(text.count(_CLOSER_OF[c], start, end) > text.count(c, start, end) for c in quotes):
                start = opened  # the copy closes the quotation and goes on (您好，……到了。”她没有开门。)
        # a quotation the copy opens and does not close is closed right after it: its closing quote goes too
        for opener, closer in _CLOSER_OF.items():
            while text.count(opener, start, end) > text.count(closer, start, end) and text.startswith(closer, end):
                end += 1
        # a closing quote pasted along with the copy (……，A。”A。”她说): after the same closing quote, which closes
        # the original's quotation, it closes nothing, and deleting the copy alone left two in a row
        if 0 < start and end < len(text) and text[end] == text[start - 1] and text[end] in _OPENER_OF:
            if text.count(_OPENER_OF[text[end]], start, end) == 0:
                end += 1
        # a copy that is a line of its own goes with the line break (and blank lines) before it and the white space
        # after it, so that no empty line is left where it stood
        line_start = start
        while line_start > 0 and text[line_start - 1] in " \t\u3000":
            line_start -= 1
        line_end = end
        while line_end < len(text) and text[line_end] in " \t\u3000":
            line_end += 1
        if line_start > 0 and text[line_start - 1] in "\r\n" and (line_end == len(text) or text[line_end] in "\r\n"):
            lo = line_start
            while lo > 0 and text[lo - 1] in " \t\u3000\r\n":
                lo -= 1
            # from the end of the line before: its own trailing white space stays
            while lo < line_start and text[lo] in " \t\u3000":
                lo += 1
            start, end = lo, line_end
        line = doc.line_col(other)[0]
        shown = copy if len(copy) <= 24 else copy[:12] + "……" + copy[-10:]
        # a copy right after its original is never meant: an error, and deleting it is safe (from
        # SAFE_ADJACENT_HAN); a copy elsewhere may itself be the original and the earlier one the stray paste, so a
        # person chooses
        return Diagnostic(
            self.name,
            start,
            end,
            f"与第{line}行重复：“{shown}”",
            Severity.ERROR if adjacent else Severity.WARNING,
            Fix(
                (Edit(start, end, ""),),
                Safety.SAFE if safe else Safety.UNSAFE,
                "删去后一处重复" if later else "删去前一处重复",
            ),
            related=(other,),
        )


def _take(taken: list[tuple[int, int]], start: int, end: int) -> None:
    """Add the span ``start..end`` to ``taken``, sorted spans that neither overlap nor meet: a span it overlaps or
    meets is merged into it (a span of a finding may overlap an earlier one's)."""
    k = bisect_left(taken, (start,))
    if k > 0 and taken[k - 1][1] >= start:
        k -= 1
        start = taken[k][0]
    last = k
    while last < len(taken) and taken[last][0] <= end:
        end = max(end, taken[last][1])
        last += 1
    taken[k:last] = [(start, end)]


def _touches_taken(taken: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Does ``lo..hi`` overlap a span of ``taken`` (``_take``'s: sorted, apart)? Only the last span that starts
    before ``hi`` can: those before it end before it starts. (A look-up, not a walk over every finding, which made
    a document of thousands of pasted sentences quadratic; the same answer: the spans are the union of the
    findings', and an interval meets a union where it meets one of its parts.)"""
    k = bisect_left(taken, (hi,)) - 1
    return k >= 0 and taken[k][1] > lo


def _deletion(d: Diagnostic) -> bool:
    """Does the finding's fix delete its span, and nothing else?"""
    return d.fix is not None and d.fix.edits == (Edit(d.start, d.end, ""),)


#: How many Han characters each side of a copy make its context (``_stray_is_earlier``).
CONTEXT_HAN = 60
#: How many more of a copy's character pairs the context of one copy must share than the other's, for the other to
#: be taken as the stray paste.
COHERENCE_MARGIN = 1


def _stray_is_earlier(text: str, earlier: tuple[int, int], later: tuple[int, int]) -> bool:
    """Of two distant copies of a sentence, does the earlier read as the stray paste? A sentence pasted where it
    does not belong shares few words with the text around it, while the original is about what its neighbours are
    about: the copy whose context (CONTEXT_HAN Han characters each side, the other copy left out) holds fewer of
    its pairs of characters, by COHERENCE_MARGIN, is the paste. A copy that is a line of its own, or that opens its
    line (a paragraph's first sentence), is the original: a paste lands after another sentence. Otherwise, without
    such evidence, the later copy is taken as the paste. (Tuning half, seeds 3-8 of bench/recall.py's pasted
    sentences: the copy deleted is the paste in 1,856 of 2,002 findings with the first sentence of a paragraph taken
    as the original, 1,787 without.)"""
    for place in (_whole_line_of, _opens_line):
        own = [place(text, *earlier), place(text, *later)]
        if own[0] != own[1]:
            return own[1]
    pairs = _pairs(text[earlier[0] : earlier[1]])
    if not pairs:
        return False
    shared = [
        sum(len(pairs & _pairs(side)) for side in _around(text, *earlier, skip=later)),
        sum(len(pairs & _pairs(side)) for side in _around(text, *later, skip=earlier)),
    ]
    return shared[0] + COHERENCE_MARGIN <= shared[1]


def _whole_line_of(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (perhaps with its final punctuation and white space) all of its line (a line ends at
    \n, \r\n or a lone \r)? Read from the copy outwards, never further than the marks and white space around it:
    a text without line breaks is not searched to its ends for every copy."""
    return _opens_line(text, start, end) and _LINE_TAIL.match(text, end) is not None


def _opens_line(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` open its line (white space and the opening quote of its sentence before it aside)?"""
    i = start
    while i > 0 and text[i - 1] not in "\r\n" and (text[i - 1] in _OPENERS or text[i - 1].isspace()):
        i -= 1
    return i == 0 or text[i - 1] in "\r\n"


#: What may follow a copy that ends its line: final punctuation and white space, up to the line break or the end.
_LINE_TAIL = compile_re(r"(?:[^\S\r\n]|[。！？；…”’」』）)!?;.])*(?:[\r\n]|$)")


#: How far from a copy its context is looked for, in characters of any kind (a bound on the cost in text that is
#: mostly not Chinese).
CONTEXT_REACH = 4 * CONTEXT_HAN


def _around(text: str, start: int, end: int, skip: tuple[int, int]) -> list[str]:
    """The runs of Han characters before ``start`` and after ``end``, up to CONTEXT_HAN of them each side within
    CONTEXT_REACH characters, outside the other copy (``skip``), which ends a run: no pair of characters crosses
    it or the copy."""
    runs: list[str] = []
    for step in (-1, 1):
        run: list[str] = []
        han = 0
        if step < 0:
            i, stop = start - 1, max(-1, start - 1 - CONTEXT_REACH)
        else:
            i, stop = end, min(len(text), end + CONTEXT_REACH)
        while i != stop and han < CONTEXT_HAN:
            if skip[0] <= i < skip[1]:
                runs.append("".join(run[::step]))
                run = []
                i = skip[0] - 1 if step < 0 else skip[1]
                if (step < 0 and i <= stop) or (step > 0 and i >= stop):
                    break
                continue
            if _HAN_ONE.match(text[i]):
                run.append(text[i])
                han += 1
            i += step
        runs.append("".join(run[::step]))
    return runs


_HAN_ONE = compile_re(f"[{HAN}]")


def _pairs(s: str) -> set[str]:
    """The pairs of neighbouring Han characters of ``s`` (its other characters left out)."""
    han = "".join(_HAN_ONE.findall(s))
    return {han[k : k + 2] for k in range(len(han) - 1)}


def _clauses(text: str) -> tuple[list[str], list[str], list[str], list[int], list[int]]:
    """The clauses of the text: as written, their labels (or ""), their keys (without the label), and their start
    and end offsets (lists, not methods: the loop reads them often)."""
    # Clauses as strings, with their offsets, in C: splitting on the clause pattern gives the separators and
    # the clauses in turn; the running sum of the lengths gives every clause's start and end. (The split runs on
    # the text with its separators made "\n", which gives the same clauses, at the same offsets: a clause holds no
    # separator; the separators come out as "\n", and only their lengths are used.)
    lf = text
    for separator in _TO_LF:
        lf = lf.replace(separator, "\n")
    parts = _CLAUSE_SPLIT_LF.split(lf)
    del lf
    offsets = list(accumulate(map(len, parts), initial=0))
    raw = parts[1::2]
    del parts
    # An article or list label is not part of the clause (第二条 招标投标活动… pasted without its label is
    # the same sentence); few clauses have one, so only those are rewritten. The labels are found in the
    # clauses joined by line breaks, one "\n" before each: splitting there on "\n" + label gives the labels
    # and, between them, the text before each label's "\n", whose line breaks count the clauses before the
    # label's clause since the label before. (A label holds no separator and no white space before its end,
    # so it ends inside its clause, or its clause is all label and its key is "".)
    starts, ends = offsets[1::2], offsets[2::2]
    # A clause that opens with the closing quote of the sentence before (……再说。”今天就……) starts after it: the
    # quote closes the sentence before, and the clause is the same as where it stands without one (and the white
    # space after it: a clause starts with no white space). A sentence that opens a quotation (。“您好，您的外卖到了，
    # 我在楼下。”) starts after the quote, so that it is the same as where it stands without one; not a quotation
    # after a colon or a comma (指出：“……), which is no sentence of the document's own (``_sentences``). Such clauses
    # are found by one search of the text for a quotation mark after a separator, a closing mark or white space,
    # few, not by a look at every clause (a closing mark before an opening one, 。”“, is met first)
    # A clause of closing quotes alone that ends its line (the ” of 。”⏎ that ends a paragraph of dialogue) is no
    # text of its own: it matches nothing, so that a run of copies ends at the sentence it closes, and the run is
    # whole sentences (not a bracket, nor a quote before more text: 打印 “Hello, world!”，然后……)
    bare: list[int] = []
    quoted: list[int] = []  # clauses that open a quotation after a colon or a comma (指出：“……)
    for m in _QUOTE_OPENS.finditer(text):
        at = m.start()
        k = bisect_left(starts, at)
        if k < len(starts) and starts[k] == at:
            r = raw[k]
            if r[0] in _OPENERS:
                if not _opens(text, at):
                    quoted.append(k)
                    continue
                n = len(r) - len(r.lstrip(_OPENERS))
            else:
                n = len(r) - len(r.lstrip(_CLOSERS_SPACE))
            if n < len(r):
                raw[k], starts[k] = r[n:], starts[k] + n
            elif r[0] in _QUOTE_CLOSERS and (ends[k] == len(text) or text[ends[k]] in "\r\n"):
                bare.append(k)
    labels = [""] * len(raw)  # the label clause i opens with (compared stripped), or ""
    keys = raw[:]
    for k in quoted:
        # ... whose words are the same as where they stand without the quote, so that a sentence said twice inside
        # a quotation (他说：“……。……。”) is found; the clause still starts at the quote, so that it is no sentence of
        # the document's own (``_sentences``)
        keys[k] = raw[k].lstrip(_OPENERS)
    pieces = _LABEL_AT.split("\n" + "\n".join(raw))
    between = map(str.count, pieces[0:-1:2], repeat("\n"))
    for k, label in zip(map(add, accumulate(between), count()), pieces[1::2]):
        labels[k] = label
        # (a sentence that opens with a quote after its label, （九）“使馆馆舍”是指……, is the same as where it opens
        # a sentence: the quote goes as it does there)
        keys[k] = raw[k][len(label) :].lstrip(_OPENERS)
    del pieces
    for k in bare:
        keys[k] = f"\x00{k}"  # (unique: no other clause has it)
    return raw, labels, keys, starts, ends


def _candidates(
    occ: "_Occurrences",
    starts: list[int],
    ends: list[int],
    raw: list[str],
    keys: list[str],
    shortest: int,
    distant: int,
    text: str,
) -> list[int]:
    """The copies that may start a finding, in order.

    A run of copies lies within a block of consecutive repeated clauses, so a block shorter than the shortest
    finding is passed over whole (most repeated clauses are short stock phrases: 他说, 新华社北京电). A lone
    copy shorter than a distant finding can only be reported right after its original: the clause before it
    (past clauses of mere separators) must be the same.
    A block too short for a passage (MIN_PASSAGE_HAN) that cannot follow its original (the clause before it
    does not repeat) is reported only as whole sentences, so one of its clauses must end before 。！？: most
    repeated clauses of a long document are stock phrases inside sentences (依照本法第三十条的规定), and this
    leaves them out before any run is traced.
    The same holds, by a closer look, for any block too short for a passage: every run lies inside its block, so
    a run of whole sentences needs a clause of the block that opens a sentence and then one that ends before
    。！？ (``_sentence_in``), and a run right after its original needs the original's last clause just before
    the run (``_may_follow_original``). A block with neither (a stock phrase that ends its sentence: 处五万元以下罚款。)
    is left out: on bench/out/speed-10mb.txt a quarter of the candidates (19,392 copies before, 14,516 after),
    each of which would have cost a traced run."""
    out: list[int] = []
    block: list[int] = []

    def close() -> None:
        span = ends[block[-1]] - starts[block[0]]
        if span < shortest:
            return
        if span < MIN_PASSAGE_HAN and not any(text[ends[k] : ends[k] + 1] in _TERMINATORS_SET for k in block):
            k = block[0] - 1
            while k >= 0 and not keys[k].strip(_SEPARATORS):
                k -= 1
            # a copy may follow its original inside the block too (A、A with A also written earlier)
            if (k < 0 or occ.count(k) < 2) and len(set(map(keys.__getitem__, block))) == len(block):
                return  # neither whole sentences nor right after an original
        if len(block) == 1 and (span < distant or occ.count(block[0]) > 2):
            # a lone clause is reported apart from its original only if it occurs exactly twice
            i = block[0]
            k = i - 1
            while k >= 0 and not keys[k].strip(_SEPARATORS):
                k -= 1  # a clause of separators only (、) does not part a copy from its original
            if k < 0 or keys[k] != keys[i]:
                return
        if (
            span < MIN_PASSAGE_HAN
            and not _sentence_in(text, starts, ends, block)
            and not _may_follow_original(raw, keys, block[0], block[-1])
        ):
            return  # no run in it can be whole sentences, a passage, or right after its original
        out.extend(block)

    for i in occ.copies:
        if block and i != block[-1] + 1:
            close()
            block = []
        block.append(i)
    if block:
        close()
    return out


def _sentence_in(text: str, starts: list[int], ends: list[int], block: list[int]) -> bool:
    """Whether a run of the block's clauses may be whole sentences (``_sentences`` of the copy): a clause that
    opens a sentence, then it or a later clause ending right before 。！？."""
    opened = False
    for k in block:
        opened = opened or _opens(text, starts[k])
        if opened and text[ends[k] : ends[k] + 1] in _TERMINATORS_SET:
            return True
    return False


def _may_follow_original(raw: list[str], keys: list[str], lo: int, hi: int) -> bool:
    """Whether a run of the copies lo..hi may follow its original right after it. The original's last clause then
    stands right before the run's first clause, with only clauses of separators (、) between them (the gap between
    the two holds only separators), and has the text of the run's last clause: one of the block's clauses, so either
    a clause of the block occurs twice in it (A、A), or a clause just before the block (the last one that is not
    separators, or one of separators after it) has the text of one of the block's clauses."""
    in_block = set(keys[lo : hi + 1])
    if len(in_block) <= hi - lo:
        return True
    k = lo - 1
    while k >= 0 and not raw[k].strip(_SEPARATORS):
        k -= 1  # (the text of the clause with its label: a label in the gap is not a separator)
    return any(map(in_block.__contains__, keys[max(k, 0) : lo]))


class _Occurrences:
    """Where each repeated clause occurs, built with a few passes in C (the document may hold 100,000s of
    clauses). A clause is known by the index of its first occurrence (``first``, from one pass of
    ``dict.setdefault``), so that all the rest compares integers, not the clauses' text: the copies (every
    occurrence but the first), the indexes of repeated clauses grouped by clause (``order``: groups in the order
    of their first occurrence, each in text order), and each group's place and size in ``order``."""

    __slots__ = ("first", "order", "start", "size", "copies")

    def __init__(self, keys: list[str]) -> None:
        seen: dict[str, int] = {}
        # the indexes made once, as a list: setdefault hands back the very object stored at a clause's first
        # occurrence, so that a copy is found by identity (is_not), and no pass makes its integers anew
        index = list(range(len(keys)))
        self.first = first = list(map(seen.setdefault, keys, index))
        self.copies = list(compress(index, map(is_not, first, index)))  # in text order
        extra = Counter(map(first.__getitem__, self.copies))  # copies of each repeated clause, by its first index
        firsts = sorted(extra)
        # a stable sort by first index: each group opens with its first occurrence, then its copies in text order
        self.order = sorted(firsts + self.copies, key=first.__getitem__)
        sizes = [extra[f] + 1 for f in firsts]
        # two dicts of integers, not one of pairs: thousands of tuples that live on would wake the garbage
        # collector again and again, each time to walk the long lists just built
        self.start = dict(zip(firsts, accumulate(sizes, initial=0)))
        self.size = dict(zip(firsts, sizes))

    def count(self, i: int) -> int:
        """How often the text of clause ``i`` occurs."""
        return self.size.get(self.first[i], 1)

    def where(self, i: int) -> range:
        """Positions in ``order`` of the occurrences of clause ``i``'s text (empty if it occurs once): no copy of
        the list."""
        f = self.first[i]
        start = self.start.get(f, 0)
        return range(start, start + self.size.get(f, 0))

    def before(self, i: int, most: int) -> list[int]:
        """Up to ``most`` occurrences of clause ``i`` before it, the latest last."""
        f = self.first[i]
        start = self.start[f]
        at = bisect_left(self.order, i, start, start + self.size[f])
        return self.order[max(start, at - most) : at]

    def origin(self, i: int) -> int:
        """The latest earlier occurrence of copy ``i``."""
        f = self.first[i]
        start = self.start[f]
        return self.order[bisect_left(self.order, i, start, start + self.size[f]) - 1]


def _occurrences(keys: list[str], occ: "_Occurrences", i: int, j: int, stop: int = 3) -> int:
    """How often the clause sequence keys[i:j] occurs (at clause boundaries), up to ``stop``: counted from the
    index of its rarest clause (each occurrence of the sequence holds that clause at the same place), so that a
    sequence that opens with a stock clause (他指出, 依照本法规定) is not compared at each of its occurrences (the
    count, cut at ``stop``, does not depend on the order they are visited in)."""
    run = keys[i:j]
    shift = min(range(i, j), key=occ.count) - i
    found = 0
    for p in map(occ.order.__getitem__, occ.where(i + shift)):
        if p >= shift and keys[p - shift : p - shift + len(run)] == run:
            found += 1
            if found >= stop:
                break
    return found


def _starts(occ: "_Occurrences", keys: list[str], i: int, n: int) -> set[int]:
    """Where the original of a run of copies from clause i may start: the latest earlier occurrences of
    clause i, and those of the next NEXT_CLAUSES clauses that the clauses before them match."""
    out = set(occ.before(i, MAX_CANDIDATES))
    for k in range(i + 1, min(i + 1 + NEXT_CLAUSES, n)):
        if occ.count(k) < 2:
            break
        for p in occ.before(k, MAX_CANDIDATES):
            cand = p - (k - i)
            if 0 <= cand < i and keys[cand:p] == keys[i:k]:
                out.add(cand)
    return out


def _opens(text: str, start: int) -> bool:
    """Whether text[start:] starts a sentence: after 。！？ (past closing quotes and white space) or at a line
    start."""
    k = start
    while k > 0 and text[k - 1] in _OPEN_SKIP:
        k -= 1
    return k == 0 or text[k - 1] in _TERMINATORS or text[k - 1] == "\n"


def _sentences(doc: Document, start: int, end: int) -> bool:
    """Whether text[start:end] is whole sentences: it starts a sentence and ends before 。！？. A run that starts
    after ，or ：(习近平在贺信中指出，……) is a quotation of text printed elsewhere; one that ends before ； is list
    scaffolding."""
    text = doc.text
    return end < len(text) and text[end] in _TERMINATORS and _opens(text, start)


def _quote_place(text: str, start: int) -> int:
    """Where to ask whether a copy stands inside a quotation: past the quote a copy opens with after a colon or a
    comma (宪法第六条：“…… and 修改为：“……: a quotation, inside its marks), and before the quote of a sentence that
    opens a quotation (。“您好，……。”, where the clause starts after it: dialogue, a sentence of the text's own)."""
    if start < len(text) and text[start] in _OPENERS:
        return start + 1
    while start > 0 and text[start - 1] in _OPENERS:
        start -= 1
    return start


def _formula(doc: Document, orig: tuple[int, int], copy: tuple[int, int], lines: "_Lines") -> str | None:
    """Why a sentence that occurs twice, apart, is formula and not a paste; None if nothing says so.

    Measured on the tuning half's clean text and on sentences pasted there uniformly (bench/README.md, issue
    11): an injected paste always lands after another sentence, mostly in an unrelated paragraph. Each line's
    quotation marks are indexed once (``lines``), so a long line shared by many copies is not read again."""
    text = doc.text
    (os_, oe), (cs, ce) = orig, copy
    (ols, ole), (cls_, cle) = doc.line_bounds(os_, oe), doc.line_bounds(cs, ce)
    if _line_start(text, os_, ols) and _line_start(text, cs, cls_):
        return "both copies open their paragraph (a refrain, a roll call, a heading, a stock provision)"
    if lines.quoted(ols, ole, _quote_place(text, os_)) and lines.quoted(cls_, cle, _quote_place(text, cs)):
        return "both copies stand inside quotation marks (text quoted in full twice)"
    if _reported(text, os_) and _reported(text, cs):
        # a lede and its story quote the same words of a speech, each after its own reporting clause
        return "both copies are reported speech, each after a verb of saying (他强调，…… and 习近平强调，……)"
    if _tail(text, os_, oe, ole) and _tail(text, cs, ce, cle) and lines.in_articles(os_, cs):
        # 非保險業經營保險業務者，處三年以上……罰金。 and ……致生損害於保險業之財產或利益者，處三年以上……罰金。: a
        # statute's articles reuse a consequence; the paste benchmark never makes this shape (its copy always opens
        # a sentence). In prose (no article label before) the same shape is a block pasted from mid-sentence, the
        # classic slip (samples/seed.txt: ……物流配送，注重调动……疫情防控。 and ……实践相结合，注重调动……疫情防控。)
        return "a consequence two articles of a statute share (each copy follows a clause, to its paragraph's end)"
    first = _HAN_FIRST.search(text, cs, ce)
    if first and first.group() in _PROVISO and not _TERMINATOR.search(text, cs, ce) and lines.in_articles(os_, cs):
        return "a proviso (one sentence opening with 但 qualifies the provision before it; statutes repeat provisos)"
    if _RIDER.fullmatch(text, cs, ce) and lines.in_articles(os_, cs):
        return "an exception rider as a sentence of its own (信托文件另有规定的，从其规定。 qualifies the provision before it)"
    if _stock_sentence(doc, cs, ce):
        return "a sentence that two or more statutes write word for word (a stock provision)"
    if ols != cls_:
        # the pairs of each paragraph without the copy, up to CONTEXT characters either side of it (a bound
        # that keeps the cost per copy constant however long the paragraphs)
        a = _bigrams(text[max(ols, os_ - CONTEXT) : os_] + "\n" + text[oe : min(ole, oe + CONTEXT)])
        b = _bigrams(text[max(cls_, cs - CONTEXT) : cs] + "\n" + text[ce : min(cle, ce + CONTEXT)])
        total = sum(a.values()) + sum(b.values())
        common = sum((a & b).values())
        if total > 0 and 2 * common >= PARALLEL_DICE * total:
            return "the paragraphs around the two copies are alike (parallel provisions or paragraphs)"
    return None


#: A verb of saying before a comma or colon: what follows is reported speech (他强调，……); not a phrase that ends
#: in 说 or 称 without reporting anything (一般来说，, 据说，, 也就是说，, 简称：, 名称：).
_REPORTED_BEFORE = compile_re(
    "(?:强调|指出|表示|(?<![来据是话])说|说道|认为|提出|宣布|写道|(?<![简名号统])称)[，：][ \t\u3000]*$"
)


def _table_cells(doc: Document, orig_start: int, orig_end: int, copy_start: int, copy_end: int) -> bool:
    """Are the two copies in different cells of a table: each on a row (a line that starts with |), with a | or a
    line break between them (the copy's clause may open with the cell's |), or across one (a cell's clauses
    repeated in the next cells: 按需检索，上下文高效 | 按需检索，上下文高效)? Asked only of a finding about to be
    reported: the line index finds the rows."""
    text = doc.text
    copy = text[copy_start:copy_end]
    # (lines told apart by the line index, and a bar searched for only on one line, in place: the copies may be far
    # apart, in a text without line breaks too)
    stop = copy_start + len(copy) - len(copy.lstrip("| \t"))
    one_line = doc.line_index(orig_end) == doc.line_index(stop)
    if one_line and text.find("|", orig_end, stop) < 0 and "|" not in copy.strip("| \t"):
        return False  # a sentence written twice inside one cell is still a paste
    for at in (orig_start, copy_start):
        line_start = doc.line_bounds(at)[0]
        if not text[line_start:at].lstrip(" \t").startswith("|"):
            return False
    return True


def _reported(text: str, start: int) -> bool:
    """Does the text at ``start`` follow a verb of saying and a comma or colon (他强调，……)?"""
    return _REPORTED_BEFORE.search(text, max(0, start - 8), start) is not None


# A line that opens with an article label (第十二条 ……, 第 12 條 on a line of its own): an article of a statute.
# (After its line feed, a literal the engine scans for fast: 7 ms on the 10 MB, where ^ with MULTILINE took 24 ms;
# the first line is tried apart.)
_ARTICLE = compile_re(
    r"\n[ \t\u3000#]*第[ \t\u3000]*[一二三四五六七八九十百千零〇\d]+[ \t\u3000]*[条條](?=[ \t\u3000\r\n]|\Z)"
)
#: A document is a statute when this many lines open with an article label.
MIN_ARTICLES = 3


def _tail(text: str, start: int, end: int, line_end: int) -> bool:
    """Does text[start:end] follow a clause of its sentence (not a sentence start) and run to the end of its
    paragraph (only punctuation and white space after it)?"""
    return not _opens(text, start) and not text[end:line_end].strip(_SEPARATORS + _CLOSERS)


def _line_start(text: str, start: int, line_start: int) -> bool:
    k = start
    while k > line_start and text[k - 1] in _OPEN_SKIP:
        k -= 1
    return k == line_start


class _Lines:
    """Per line (by its start offset), built on first use: the offsets of its opening and closing quotation
    marks."""

    __slots__ = ("text", "_quotes", "_articles")

    def __init__(self, text: str) -> None:
        self.text = text
        self._quotes: dict[int, tuple[list[int], list[int]]] = {}
        self._articles: list[int] | None = None

    def in_articles(self, first: int, second: int) -> bool:
        """Is the document a statute (MIN_ARTICLES lines or more open with an article label) in which ``first``
        and ``second`` both stand in an article (after a label; one article or two: items of one article end on
        a shared consequence too)? Not text before the first label (a preamble, a speech that cites one). The
        labels are found once per document."""
        if self._articles is None:
            text = "\n" + self.text  # (offsets in it are one past those of the text: each label's line start)
            self._articles = [m.start() for m in _ARTICLE.finditer(text)]
        arts = self._articles
        if len(arts) < MIN_ARTICLES:
            return False
        return bisect_right(arts, first) > 0 and bisect_right(arts, second) > 0

    def quoted(self, start: int, end: int, at: int) -> bool:
        """Whether a quotation opened earlier in the line is still open at ``at``."""
        if start not in self._quotes:
            line = self.text[start:end]
            self._quotes[start] = (
                [k for k, c in enumerate(line) if c in "“「『"],
                [k for k, c in enumerate(line) if c in "”」』"],
            )
        opens, closes = self._quotes[start]
        return bisect_left(opens, at - start) > bisect_left(closes, at - start)


def _stock(keys: list[str], occ: "_Occurrences", i: int, j: int) -> bool:
    """Whether the run keys[i:j] is mostly made of clauses the document uses three times or more (没收违法所得,
    对直接负责的主管人员和其他直接责任人员): stock wording, as statutes' penalty provisions, not a paste."""
    lengths = [(len(_HAN.findall(keys[k])), occ.count(k)) for k in range(i, j)]
    total = sum(h for h, _ in lengths)
    return 2 * sum(h for h, c in lengths if c >= 3) >= total > 0


_ONE_SENTENCE = compile_re(r"[。！？；!?;]")
# An article or list label before a sentence, in either script and with any spacing (第十二條, 第 12 条, （三）).
_STOCK_LABEL = compile_re(
    r"[ \t\u3000]*(?:第[ \t\u3000]*[一二三四五六七八九十百千零〇\d]+[ \t\u3000]*[条條款项項章节節]"
    r"|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])[ \t\u3000]*"
)


def stock_key(sentence: str) -> int:
    """The key of a sentence in simplified characters, as rules/lexicon/stock-sentences.bin stores it: its Han
    characters without an article or list label before them, hashed (the first 8 bytes of BLAKE2b, little-endian).
    tools/build_stock_sentences.py builds the table with this function."""
    import hashlib

    label = _STOCK_LABEL.match(sentence)
    han = _NOT_HAN.sub("", sentence[label.end() :] if label else sentence)
    return int.from_bytes(hashlib.blake2b(han.encode("utf-8", "replace"), digest_size=8).digest(), "little")


def _stock_sentence(doc: Document, start: int, end: int) -> bool:
    """Is text[start:end] one sentence that two or more different statutes write word for word
    (rules/lexicon/stock-sentences.bin, built by tools/build_stock_sentences.py: 听取意见可以采取座谈会、论证会、
    听证会等多种形式)? Asked only of a distant copy about to be reported."""
    copy = doc.text[start:end]
    if _ONE_SENTENCE.search(copy):
        return False  # several sentences: a block, which statutes do not share whole
    if doc.variant != "zh-Hans":
        from ..script import converter

        copy = converter("t2s").convert(copy)
    import numpy as np

    k = stock_key(copy)
    table = _stock_table()
    i = int(np.searchsorted(table, np.uint64(k)))
    return i < len(table) and int(table[i]) == k


@cache
def _stock_table():
    import numpy as np

    from ..resources import rules_dir

    return np.memmap(rules_dir() / "lexicon" / "stock-sentences.bin", dtype="<u8", mode="r")


def _bigrams(s: str) -> Counter:
    """Pairs of adjacent Han characters, counted."""
    runs = _HAN_RUN.findall(s)
    return Counter(r[k : k + 2] for r in runs for k in range(len(r) - 1))


def _ends_line(text: str, end: int) -> bool:
    """Does the text from ``end`` to the end of its line hold only punctuation and white space?"""
    line_end = text.find("\n", end)
    return not text[end : len(text) if line_end < 0 else line_end].strip(_SEPARATORS)


def _whole_line(doc: Document, start: int, end: int) -> bool:
    """Is ``text[start:end]`` all of its line, but for white space and the quotes it opens and closes with (a
    headline “五一”假期……: the clause starts after the quote that opens its line)?"""
    line_start, line_end = doc.line_bounds(start, end)
    before = doc.text[line_start:start].strip().strip(_OPENERS)
    return not before and not doc.text[end:line_end].strip().strip(_QUOTE_CLOSERS)


RULE = RepeatedClause(
    name="repeated-clause",
    doc=DOC,
    fixable="always",
    origin=__name__,
    options={"min-adjacent-han": MIN_ADJACENT_HAN, "min-distant-han": MIN_DISTANT_HAN},
)
