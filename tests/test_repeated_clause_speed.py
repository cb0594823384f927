"""repeated-clause's speed work keeps its findings: the clauses, labels and candidates the faster code computes
are those of the straightforward code it replaced (351a209), on the edge cases the rewrite touches."""

from __future__ import annotations

import random
from itertools import accumulate, compress, count

import pytest

import zhproof
from zhproof.checks import repeated_clause as rc
from zhproof.model import Severity
from zhproof.patterns import compile_re

RULE = "repeated-clause"

# The split of 351a209: a look-ahead at each clause start captures its label (or ""), then the clause.
_OLD_SPLIT = compile_re(f"(?=({rc._LABEL}|))([^{rc._D}\\s][^{rc._D}]*(?<!\\s))")


_LABEL_START = compile_re(f"(?:{rc._LABEL})")


def reference_clauses(text):
    parts = _OLD_SPLIT.split(text)
    labels = parts[1::3]
    del parts[1::3]
    offsets = list(accumulate(map(len, parts), initial=0))
    raw = parts[1::2]
    starts = offsets[1::2]
    # (since 64713f5, a clause that opens with closing quotes or brackets starts after them and the white space
    # after them, and its label is looked for there)
    for i, r in enumerate(raw):
        n = len(r) - len(r.lstrip(rc._CLOSERS_SPACE))
        if r[:1] in rc._CLOSERS and n < len(r):
            raw[i], starts[i] = r[n:], starts[i] + n
            m = _LABEL_START.match(raw[i])
            labels[i] = m.group() if m else ""
    keys = raw[:]
    for i in compress(count(), labels):
        keys[i] = raw[i][len(labels[i]) :]
    return raw, labels, keys, starts, offsets[2::2]


def same_clauses(text):
    raw, labels, keys, starts, ends = rc._clauses(text)
    old_raw, old_labels, old_keys, old_starts, old_ends = reference_clauses(text)
    assert (raw, keys, starts, ends) == (old_raw, old_keys, old_starts, old_ends)
    # labels are only tested for presence and compared stripped: white space after a clause that is all label may
    # differ (the old look-ahead read on past the clause's end)
    assert [label.strip() for label in labels] == [label.strip() for label in old_labels]
    assert [bool(label) for label in labels] == [bool(label) for label in old_labels]
    for k, (start, end) in enumerate(zip(starts, ends)):
        assert text[start:end] == raw[k]
    return raw, labels, keys


EDGE_CASES = [
    "",
    "   ",
    "，。；",
    "第一条 本法自公布之日起施行。",  # a label at the very start of the text
    "  \u3000第二条　招标投标活动应当遵循公开原则。",  # white space before the first label
    "第三条  ，第四条\t\t。",  # clauses that are all label, with white space up to the separator
    "前款规定，（一）依法处理；(二)从重处罚；十二、附则",  # labels after a comma and a semicolon, mid-line
    "１．全角数字；٣. 阿拉伯数字；2、顿号；3．全角句点；4.半角",  # any decimal digit opens a label
    "第十二條 依法辦理。\r\n第 1 条 不是标签。\r\n第1条",  # CRLF; a spaced 第 1 条 is no label (that form is stock_key's)
    "一、\n二、\n\n三、甲",
    "甲\u2028乙，丙\x0c丁\xa0，\xa0戊",  # white space that is not a line break or separator
    "（一",  # a label begun and not finished
    "第一条第二条，一、二、三、",
    "\n一、服现役期间因公致残。\n二、服现役期间因公致残，退伍后旧伤复发。",
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_clauses_match_the_look_ahead_split(text):
    same_clauses(text)
    same_clauses(text.replace("\n", "\r\n"))


def test_clauses_match_on_random_texts():
    rng = random.Random(20)
    pieces = list("第一二三十（）()、.．1２٣ \t\u3000\n\r，。；：！？!?;甲乙条款項\u2028\x0c\xa0")
    pieces += ["第一条", "（一）", "12.", "一、", "第十二條 ", "  "]
    for _ in range(3000):
        same_clauses("".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))))


def test_label_only_clause_has_an_empty_key():
    raw, labels, keys = same_clauses("第三条  ，正文。")
    assert raw[0] == "第三条" and labels[0].strip() == "第三条" and keys[0] == ""


def test_label_keys_drop_the_label_and_its_white_space():
    raw, labels, keys = same_clauses("第二条　招标投标活动应当遵循公开原则，（一）依法处理")
    assert keys == ["招标投标活动应当遵循公开原则", "依法处理"]
    assert [label.strip() for label in labels] == ["第二条", "（一）"]


SENTENCE = "服现役期间因公致残的退役军人应当享受优待。"


def findings(text, **kw):
    return zhproof.lint_text(text, select=[RULE], **kw)


def traced(text):
    """The runs the rule traces, before findings that touch are joined (``RepeatedClause._findings``)."""
    from zhproof.checks.repeated_clause import RULE as rule
    from zhproof.document import Document

    return list(rule._findings(Document(text)))


def test_same_label_twice_in_a_row_is_a_paste():
    text = f"一、{SENTENCE}\n一、{SENTENCE}\n"
    found = findings(text)
    assert len(found) == 1 and found[0].severity == Severity.ERROR
    assert found[0].start == text.index("\n") and text[found[0].start : found[0].end] == f"\n一、{SENTENCE}"


def test_next_label_with_the_same_words_is_no_adjacent_paste():
    assert findings(f"一、{SENTENCE}\n二、{SENTENCE}\n") == []


def test_copy_without_its_label_is_the_same_clause():
    text = f"第一条 {SENTENCE}\n\n其他内容在这里写明，与前文无关。{SENTENCE}另起一句话说明情况。"
    found = findings(text)
    assert len(found) == 1 and found[0].severity == Severity.WARNING
    assert text[found[0].start : found[0].end] == SENTENCE


def test_adjacent_copies_under_crlf():
    text = f"{SENTENCE}{SENTENCE}\r\n下一段。"
    found = findings(text)
    assert len(found) == 1 and found[0].severity == Severity.ERROR
    assert text[found[0].start : found[0].end] == SENTENCE


def test_block_shorter_than_the_shortest_finding_is_passed_over():
    # a repeated stock phrase inside sentences (依照本法规定) never starts a finding
    text = "甲方依照本法规定，提交材料。乙方依照本法规定，补充说明。"
    assert findings(text) == []
    assert rc._candidates(*_candidate_args(text)) == []


def test_lone_short_copy_only_right_after_its_original():
    short = "依照本法第三十条"  # 8 Han characters: shorter than a distant finding, long enough for none at all
    # (under SAFE_ADJACENT_HAN the copies must follow a clause of their own: 处理，X，X。)
    text = f"处理，{short}，{short}。"
    found = findings(text, options={RULE: {"min-adjacent-han": 8}})
    assert [(d.start, d.end, d.severity) for d in found] == [(11, 20, Severity.ERROR)]
    assert findings(f"{short}，{short}。", options={RULE: {"min-adjacent-han": 8}}) == []  # it opens the text
    assert rc._candidates(*_candidate_args(text, shortest=8)) == [2]
    apart = f"{short}，另有其他的规定。{short}。"
    assert findings(apart, options={RULE: {"min-adjacent-han": 8}}) == []
    assert rc._candidates(*_candidate_args(apart, shortest=8)) == []


def _candidate_args(text, shortest=rc.MIN_ADJACENT_HAN, distant=rc.MIN_DISTANT_HAN):
    raw, labels, keys, starts, ends = rc._clauses(text)
    occ = rc._Occurrences(keys)
    return occ, starts, ends, raw, keys, shortest, distant, text


CLAUSES = [f"第{n}项工作已经按照计划完成" for n in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地"]


@pytest.mark.parametrize("length", [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 16, 20, 24])
def test_run_of_copies_is_traced_to_its_end(length):
    # a sentence of `length` clauses written twice in a row, then a sentence that repeats its first clauses only:
    # the run is compared a slice at a time, doubling; it must end exactly where the copy ends
    sentence = "，".join(CLAUSES[:length]) + "。"
    text = sentence + sentence + "，".join(CLAUSES[: max(1, length - 1)]) + "，另有安排。"
    found = traced(text)
    assert [(d.start, d.end, d.severity) for d in found][:1] == [(len(sentence), 2 * len(sentence), Severity.ERROR)]
    # (reported, a finding that touches the next, both deletions of one safety, is one with it)
    if length == 1:
        assert zhproof.fix_text(text, select=[RULE]) == sentence + "另有安排。"


@pytest.mark.parametrize("length", [1, 3, 4, 5, 8, 9, 15])
def test_sentence_written_three_times_in_a_row(length):
    # a run from the second copy may not reach into the third (its original ends before it), whatever the length;
    # a one-clause sentence is reported twice, longer ones once (as 351a209 does)
    sentence = "，".join(CLAUSES[:length]) + "。"
    found = [(d.start, d.end) for d in traced(sentence * 3)]
    size = len(sentence)
    assert found == ([(size, 2 * size), (2 * size, 3 * size)] if length == 1 else [(size, 2 * size)])
    # reported, the two runs that touch are one finding, and one fix leaves the sentence once
    if length == 1:
        assert [(d.start, d.end) for d in findings(sentence * 3)] == [(size, 3 * size)]
    assert zhproof.fix_text(sentence * 3, select=[RULE]) == sentence


ITEMS = ["服现役期间因公致残的应当享受优待", "退伍后旧伤复发的按照规定办理", "在服役期间患病的依法给予治疗"]


def _list(labels):
    return "".join(f"{label}{item}。\n" for label, item in zip(labels, ITEMS))


def test_labelled_block_pasted_whole_is_one_run():
    # the labels of the copy are those of the original (compared as slices first): the run is not cut
    block = _list(["一、", "二、", "三、"])
    found = findings(block + block)
    assert [(d.start, d.end, d.severity) for d in found] == [(len(block) - 1, 2 * len(block) - 1, Severity.ERROR)]


def test_renumbered_block_is_cut_at_its_labels():
    # the labels differ (四、 where the original has 一、): each item opens the next item of a list, no paste
    assert findings(_list(["一、", "二、", "三、"]) + _list(["四、", "五、", "六、"])) == []
    # only the later labels differ: the run stops before the first of them; what is left (一、 and its item,
    # apart from its original) opens its paragraph in both places: formula
    assert findings(_list(["一、", "二、", "三、"]) + _list(["一、", "五、", "六、"])) == []


def test_a_look_up_of_the_findings_so_far_agrees_with_a_walk_over_them():
    # (the walk over every finding made a document of thousands of pasted sentences quadratic; findings may overlap)
    from zhproof.checks.repeated_clause import _take, _touches_taken

    rnd = random.Random(7)
    for _ in range(300):
        spans: list[tuple[int, int]] = []
        taken: list[tuple[int, int]] = []
        for _ in range(rnd.randrange(0, 12)):
            start = rnd.randrange(0, 40)
            span = (start, start + rnd.randrange(1, 8))
            spans.append(span)
            _take(taken, *span)
            assert taken == sorted(taken) and all(a[1] < b[0] for a, b in zip(taken, taken[1:]))
        for lo in range(-2, 50):
            for hi in range(lo + 1, lo + 9):
                walk = any(s < hi and lo < e for s, e in spans)
                assert _touches_taken(taken, lo, hi) == walk, (spans, lo, hi)
