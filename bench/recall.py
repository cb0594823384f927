"""Recall on injected errors: damage clean corpus text in known ways, at uniformly chosen places, and count what
zhproof finds and repairs.

Principle. An injection site is chosen uniformly among all the places of its kind, with no knowledge of what
the rules can judge: the injection never consults the lexicon, the segmenter, part-of-speech tags, the
reduplication list, function words or any other criterion a rule uses. The only sites left out are those where
the damaged text is correct Chinese, decided by two tests that know nothing of the rules (see "Exclusions"),
and every exclusion is counted and written out. So recall here estimates the share of such errors, as they
fall in real text, that zhproof finds.

Documents. They are drawn from ``--corpus`` (default ../shared/corpus/zh-Hans: law, news, tech; equal shares
of ``--docs``, only documents with at least 1,000 Han characters, chosen with ``random.Random(seed)``), from
one half of the corpus only: ``--half test`` (the default, the reported figures), ``tune`` or ``all``. The
halves are fixed by bench/split.py (the SHA-1 of the path relative to ../shared/corpus). Each document is used
unchanged as the clean baseline. For each injection type, a damaged copy of each document gets up to
``--per-doc`` injections (default 3) of that type only.

Drawing. Every document and type has its own generator, seeded by seed, path and type (results do not depend
on order or ``--jobs``). The sites of the type are drawn in uniformly random order (without replacement); a
drawn site is

1. passed over, not counted, when it lies within 200 characters of an injection already chosen in this copy
   (injections never interact);
2. excluded, and counted, when it overlaps the span of a finding of the expected rule on the clean text
   (detection would be ambiguous). An injection beside a clean finding is kept: it is a real error, and it
   counts as detected only if a finding overlaps the injection itself;
3. excluded, and counted, when the result is correct Chinese (see "Exclusions");
4. otherwise injected, until the copy has ``--per-doc`` injections.

Types (expected rule in brackets). "Han run": a maximal run of consecutive Han characters (\\p{Han}).

- dup-char [duplicate-word]: a character written twice (X -> XX) at a uniformly random position i of a Han
  run of 2 or more characters (text[i] is Han and at least one neighbour is Han). This covers every position
  inside every multi-character word without asking what a word is.
- dup-word [duplicate-word]: a span of 2-4 Han characters inside a Han run written twice (AB -> ABAB),
  uniform over all (start, length) pairs; not aligned with words.
- dup-phrase [duplicate-word]: the same with spans of 5-8 Han characters.
- traditional [traditional-char]: a span of 2-4 Han characters inside a Han run, uniform over all (start,
  length) pairs whose OpenCC s2t conversion differs, replaced by that conversion (交通运输 -> 交通運輸). Spans
  that s2t leaves unchanged are not sites of this type. recall-missed.tsv notes when every changed character
  is also in GB 2312 and when t2s does not give the span back.
- line-break [broken-line]: "\\n" or "\\n\\n" (50% each) inserted between two adjacent Han characters, uniform
  over all Han-Han adjacencies. A sentence is text between 。！？ or line starts, so every adjacency of two
  Han characters is inside a sentence.
- pasted-sentence [repeated-clause]: a sentence with 12 or more Han characters ending in 。！？ (uniform over
  such sentences) copied to the end of another sentence of the document (uniform over all sentence ends, before
  or after the original, except the sentence's own end; the end of the sentence just before it was left out
  until the thirty-second session, which left out a paste that ends a paragraph before its original opens the
  next, …。S⏎⏎S…, where deleting the wrong copy moves a sentence across the break). A sentence
  starts after 。！？ or at a line start, past closing quotes and, at a line start, an article or list label
  (第九条 , 一、, （二）). A sentence whose quotes or brackets are not paired inside it, or that ends inside a
  quotation, is not copied, so the copy adds no second error (a property of the sentence, not a rule's).
  Detected: a finding overlaps the copy or the original (the rule may flag either of the two).
- pasted-adjacent [repeated-clause]: the same sentences written again right after themselves (S。 -> S。S。).
  Detected: a finding overlaps the copy.
- moved-passage [repeated-clause]: two consecutive sentences of one paragraph, each ending in 。 (together >= 50
  Han characters, occurring once in the document, quotes and brackets paired), copied to the end of a later
  paragraph that ends in 。 (uniform among those): ...X。 becomes ...X。S1。S2。 (pasted in the wrong place, the
  original left where it was). Detected: a finding overlaps the copy or the original (the rule reports the copy
  that reads as the stray paste, as for pasted-sentence; the fix's outcome, repaired or not, shows whether it
  chose the right one).
- list-item [duplicate-list-item]: an item of a 、 list written twice, uniform over the items that are between
  two 、 (X、 -> X、X、) or the last item of the list, between its last 、 and the closing punctuation
  (、X。 -> 、X、X。). Items are what lies between the marks (any length; a list does not cross ，。；：！？ or a
  line end); items whose quotes or brackets are not paired inside them are not copied.
- halfwidth-comma [halfwidth-punctuation]: a ， replaced by ",", uniform over every ， except one between two
  ASCII letters or digits (there "," may be a number or English, i.e. correct).
- page-artifact [layout-artifact]: 【下转第N版】 or （上接第N版） (N 1-16) inserted at the end of a paragraph ending
  in 。 or between two sentences.
- doubled-punct [repeated-punctuation]: a ， or 。 after a non-punctuation character written twice (not where
  punctuation follows).
- invisible-char [invisible-char]: U+200B, U+200C, U+2060 or U+FEFF inserted between two Han characters.

Exclusions (the only ones; every one is written to recall-excluded.tsv with its reason).

- attested: the damaged text's new substring (what the injection writes, with 2 characters of the text on each
  side, e.g. 2 + XX + 2 for dup-char, 2 + "\\n" + 2 for line-break) occurs verbatim in the reference corpus
  (``--reference``, default the whole ../shared/corpus/zh-Hans, both halves) outside the damaged document:
  attested text is not an error. Applied to dup-char, dup-word, dup-phrase, traditional, line-break,
  pasted-sentence, pasted-adjacent and list-item; not to the punctuation, invisible-character, page-artifact and
  moved-passage types, whose results are never correct text (and the corpus holds real errors of the
  punctuation kinds, bench/known_errors.tsv).
- numeral: the grammatical doubling of numerals, by a closed list (dup-char, dup-word, dup-phrase; the unit is
  made of numerals only, 〇零一二三四五六七八九十百千万亿两 0-9 ０-９): a number read digit by digit, i.e. the
  doubled unit and the run of numerals around it (longer than the unit) hold no place value 十百千万亿
  (二〇〇 -> 二〇〇〇, 二〇 -> 二〇二〇, 0-9 likewise). Doubling inside a number with place values
  (第二十八 -> 第二二十八, 十四五 -> 十四四五) and a lone numeral (这是一个 -> 这是一一个, 三 -> 三三) are errors and
  are injected: a first version excluded 一 and 两 alone as the adverbs 一一 and 两两, and so left out real
  errors such as 这是一一个.
- clean-finding: the site overlaps the span of a finding of the expected rule on the clean text (see Drawing).

Definitions.

- detected: a finding of the expected rule on the damaged copy, not already on the clean text, overlaps the
  injected span (the doubled unit with its original, XX for dup-char; the inserted copy; the converted span;
  the replaced or inserted characters); for line-break, a broken-line finding that touches the inserted line
  break. recall = detected / injected. A finding that covers only part of the error still counts here;
  "repaired" shows whether it was whole.
- unmatched findings: findings on the damaged copies that do not detect an injection and were not already on the
  clean text (same rule and either the same span mapped back through the injections or the same text with 8
  characters either side). recall-unmatched.tsv says whether each lies at an injection (another rule reacting
  to it) or elsewhere.
- clean false alarms: findings on the chosen clean documents that bench/known_errors.tsv does not list as real
  errors of the source (path, 1-based line, rule), per 100,000 characters.
- repaired / other changes: each injection is also put alone into a copy of its document, and
  ``fix(copy)`` is compared with ``fix(clean)`` (``Linter().fix(text, unsafe=True)``, the same as
  ``zhproof.fix_text(text, unsafe=True)``). The two texts are diffed (line by line, then character by
  character); a difference within 15 characters of the injection (its position mapped through the fixes of the
  clean text) means the injection is not repaired, a difference anywhere else is an other change. repaired % is
  the share of injections whose neighbourhood comes out identical; other changes counts injections whose fix
  changed something else. A fix that does not converge counts as not repaired. (For pasted-sentence, a fix
  that deletes the original instead of the copy is an other change, not a repair.)

Finally the twelve sentences of issue 10 (bench/issue_sentences.py) are checked and printed.

Outputs, in bench/out/ with the half as suffix (-test, -tune, -all): the tables, also printed, in
recall-summary-HALF.txt; recall-missed (every missed injection with the damaged context, ±15 characters, the injection
between ⟦ ⟧), recall-unmatched (every unmatched finding), recall-fix (every injection not repaired or with other
changes), recall-clean (the false alarms on the clean documents), recall-excluded (every exclusion), all .tsv;
and recall-excluded-HALF.txt, 30 exclusions drawn with the seed (also printed). Do not read the missed cases
of the test half when tuning rules: tune on ``--half tune``.

The code measured is <repo>/src, or the folder named by the environment variable ZHPROOF_SRC.

Usage:  python bench/recall.py [--half test|tune|all] [--docs 120] [--per-doc 3] [--seed 1] [--jobs 2]
                              [--types a,b] [--no-fix] [--corpus DIR] [--reference DIR] [--variant zh-Hant]

    python bench/recall.py --corpus ../shared/corpus/zh-Hant --reference ../shared/corpus/zh-Hant \
        --variant zh-Hant --types line-break       # the traditional-script corpus (law only)
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import os
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, os.environ.get("ZHPROOF_SRC") or str(HERE.parent / "src"))
sys.path.insert(1, str(HERE))

import opencc  # noqa: E402
import regex  # noqa: E402

import zhproof  # noqa: E402
from precision import known_errors  # noqa: E402  (bench/, this script's folder, is on the path)
from split import HALVES, in_half, relpath  # noqa: E402

MIN_HAN_DOC = 1000  # Han characters a document needs to be chosen
MIN_GAP = 200  # characters between two injections in one copy
NEIGHBOURHOOD = 15  # characters around an injection that its repair may touch
CONTEXT = 15  # characters of context in the output files
KEY_CONTEXT = 8  # characters either side that identify a finding across the clean and damaged texts
ATTEST_CONTEXT = 2  # characters of text either side of what an injection writes, for the attested test
EXCLUDED_SAMPLE = 30  # exclusions written to recall-excluded.txt
MIN_HAN_SENTENCE = 12  # Han characters of a sentence that pasted-sentence and pasted-adjacent copy

_HAN = regex.compile(r"\p{Han}")
_HAN_RUN = regex.compile(r"\p{Han}{2,}")
# the closed list of numerals whose doubling is grammatical (一一, 两两, 二〇〇〇)
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两0123456789０１２３４５６７８９")
_PLACE_VALUES = frozenset("十百千万亿")
_PUNCT = set("，。、；：！？…—“”‘’（）《》【】「」『』〔〕,.;:!?()[]\"' \t\u3000")
_CLOSERS = set("”’）》」』】〕)")
_TERMINATORS = "。！？"
_LIST_STOPS = set("，。；：！？,;:!?\n\r")  # a 、 list does not run past these
_LIST_CLOSE = set("，。；：！？")  # the punctuation that closes a list after its last item
_ASCII_ALNUM = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# an article or list label at the start of a line (第九条 , 一、, （二）): not part of the sentence after it
_LABEL = regex.compile(
    r"(?:第[一二三四五六七八九十百千零〇\d]+[章节条款项编](?=[ \t\u3000])|[一二三四五六七八九十]+、"
    r"|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|#+)[ \t\u3000]*"
)
_INVISIBLE = ("\u200b", "\u200c", "\u2060", "\ufeff")

TYPES = [  # (type, expected rule)
    ("dup-char", "duplicate-word"),
    ("dup-word", "duplicate-word"),
    ("dup-phrase", "duplicate-word"),
    ("traditional", "traditional-char"),
    ("line-break", "broken-line"),
    ("pasted-sentence", "repeated-clause"),
    ("pasted-adjacent", "repeated-clause"),
    ("moved-passage", "repeated-clause"),
    ("list-item", "duplicate-list-item"),
    ("halfwidth-comma", "halfwidth-punctuation"),
    ("page-artifact", "layout-artifact"),
    ("doubled-punct", "repeated-punctuation"),
    ("invisible-char", "invisible-char"),
]
RULE_OF = dict(TYPES)
ATTESTED_TYPES = frozenset(
    {
        "dup-char",
        "dup-word",
        "dup-phrase",
        "traditional",
        "line-break",
        "pasted-sentence",
        "pasted-adjacent",
        "list-item",
    }
)
NUMERAL_TYPES = frozenset({"dup-char", "dup-word", "dup-phrase"})
EXCLUSION_REASONS = ("attested", "numeral", "clean-finding")


# --------------------------------------------------------------------------------------------------- injections


@dataclass
class Injection:
    kind: str
    pos: int  # clean offsets of the replaced text [pos, end)
    end: int
    new: str  # what replaces it
    mark: tuple[int, int]  # the error inside ``new`` (relative offsets)
    guards: list[tuple[int, int]] = field(default_factory=list)  # clean text it relies on (a copied passage)
    note: str = ""
    unit: str = ""  # the doubled unit (for the numeral exclusion)
    detect_guards: bool = False  # a finding on a guard (the original of a copy) also detects the injection

    def intervals(self) -> list[tuple[int, int]]:
        return [(self.pos, self.end), *self.guards]


def is_han(ch: str) -> bool:
    return bool(ch) and _HAN.match(ch) is not None


def all_han(s: str) -> bool:
    return bool(s) and all(is_han(c) for c in s)


def han_count(s: str) -> int:
    return len(_HAN.findall(s))


_CONV: list = []


def _converters():
    if not _CONV:
        _CONV.extend([opencc.OpenCC("s2t"), opencc.OpenCC("t2s")])
    return _CONV


class Doc:
    """A clean document with the facts the site generators share (none of them from zhproof)."""

    def __init__(self, text: str):
        self.text = text
        self._lines = None
        self._sentences = None
        self._runs = None

    @property
    def runs(self) -> list[tuple[int, int]]:
        """(start, end) of every run of two or more Han characters."""
        if self._runs is None:
            self._runs = [m.span() for m in _HAN_RUN.finditer(self.text)]
        return self._runs

    @property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of every line, without the line break."""
        if self._lines is None:
            out, pos = [], 0
            for line in self.text.split("\n"):
                out.append((pos, pos + len(line.rstrip("\r"))))
                pos += len(line) + 1
            self._lines = out
        return self._lines

    @property
    def sentences(self) -> list[tuple[int, int, int]]:
        """(start, end, line index) of each sentence ending in 。！？ (end includes the mark)."""
        if self._sentences is None:
            out = []
            text = self.text
            for li, (ls, le) in enumerate(self.lines):
                start = ls
                for i in range(ls, le):
                    if text[i] in _TERMINATORS:
                        s = start
                        while s < i and (text[s] in _CLOSERS or text[s] in " \t\u3000"):
                            s += 1
                        label = _LABEL.match(text, s, i) if not text[ls:s].strip() else None
                        if label:
                            s = label.end()
                        if s < i:
                            out.append((s, i + 1, li))
                        start = i + 1
            self._sentences = out
        return self._sentences


_PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "「": "」", "『": "』", "【": "】", "(": ")", "[": "]"}
_OPENER_OF = {v: k for k, v in _PAIRS.items()}


def balanced(s: str) -> bool:
    """Are the quotes and brackets of ``s`` paired inside it (so a copy of it adds no unpaired mark)?"""
    stack = []
    for c in s:
        if c in _PAIRS:
            stack.append(c)
        elif c in _OPENER_OF:
            if not stack or stack[-1] != _OPENER_OF[c]:
                return False
            stack.pop()
    return not stack


def _in_gb2312(c: str) -> bool:
    try:
        c.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


# Each type has a list of sites (cheap: numbers or tuples) and a builder that makes the injection of a site
# (None: the site turns out not to be one of this type, e.g. a span that s2t leaves unchanged).


def sites_dup_char(doc: Doc) -> list:
    return [i for a, b in doc.runs for i in range(a, b)]


def build_dup_char(doc: Doc, i: int, rng: random.Random) -> Injection:
    c = doc.text[i]
    return Injection("dup-char", i, i + 1, c + c, (0, 2), unit=c)


def _spans(doc: Doc, lo: int, hi: int) -> list:
    return [(s, n) for a, b in doc.runs for n in range(lo, hi + 1) for s in range(a, b - n + 1)]


def sites_dup_word(doc: Doc) -> list:
    return _spans(doc, 2, 4)


def sites_dup_phrase(doc: Doc) -> list:
    return _spans(doc, 5, 8)


def _build_doubled(kind: str):
    def build(doc: Doc, site, rng: random.Random) -> Injection:
        s, n = site
        w = doc.text[s : s + n]
        return Injection(kind, s, s + n, w + w, (0, 2 * n), unit=w)

    return build


def sites_traditional(doc: Doc) -> list:
    return _spans(doc, 2, 4)


def build_traditional(doc: Doc, site, rng: random.Random) -> Injection | None:
    s2t, t2s = _converters()
    s, n = site
    w = doc.text[s : s + n]
    t = s2t.convert(w)
    if t == w or len(t) != len(w):
        return None
    notes = []
    if all(_in_gb2312(b) for a, b in zip(w, t) if a != b):
        notes.append("all changed characters are in GB 2312")
    if t2s.convert(t) != w:
        notes.append("t2s does not give the span back")
    return Injection("traditional", s, s + n, t, (0, n), note="; ".join(notes))


def sites_line_break(doc: Doc) -> list:
    return [p for a, b in doc.runs for p in range(a + 1, b)]


def build_line_break(doc: Doc, p: int, rng: random.Random) -> Injection:
    br = "\n" if rng.random() < 0.5 else "\n\n"
    return Injection("line-break", p, p, br, (0, len(br)), note="\\n" if br == "\n" else "\\n\\n")


def _copyable_sentences(doc: Doc) -> list[int]:
    text = doc.text
    out = []
    for k, (s, e, _) in enumerate(doc.sentences):
        if han_count(text[s:e]) < MIN_HAN_SENTENCE:
            continue
        if (e < len(text) and text[e] in _CLOSERS) or not balanced(text[s:e]):
            continue  # the sentence ends inside a quotation, or a quotation runs over its end
        out.append(k)
    return out


def sites_pasted(doc: Doc) -> list:
    return _copyable_sentences(doc)


def build_pasted_sentence(doc: Doc, k: int, rng: random.Random) -> Injection | None:
    sents = doc.sentences
    s, e, _ = sents[k]
    targets = [j for j in range(len(sents)) if j != k]
    if not targets:
        return None
    j = rng.choice(targets)
    at = sents[j][1]
    return Injection(
        "pasted-sentence",
        at,
        at,
        doc.text[s:e],
        (0, e - s),
        guards=[(s, e)],
        note="copy before the original" if j < k else "copy after the original",
        detect_guards=True,
    )


def build_pasted_adjacent(doc: Doc, k: int, rng: random.Random) -> Injection:
    s, e, _ = doc.sentences[k]
    return Injection("pasted-adjacent", e, e, doc.text[s:e], (0, e - s), guards=[(s, e)])


def sites_moved_passage(doc: Doc) -> list:
    text = doc.text
    sents = doc.sentences
    out = []
    for k in range(len(sents) - 1):
        (s1, e1, l1), (_s2, e2, l2) = sents[k], sents[k + 1]
        if l1 != l2 or text[e1 - 1] != "。" or text[e2 - 1] != "。":
            continue
        passage = text[s1:e2]
        if han_count(passage) < 50 or text.count(passage) != 1 or not balanced(passage):
            continue
        out.append(k)
    return out


def build_moved_passage(doc: Doc, k: int, rng: random.Random) -> Injection | None:
    text = doc.text
    (s1, _, l1), (_, e2, _) = doc.sentences[k], doc.sentences[k + 1]
    later = []
    for li in range(l1 + 1, len(doc.lines)):
        ls, le = doc.lines[li]
        body = text[ls:le].rstrip()
        if body.endswith("。") and han_count(body) >= 15:
            later.append(ls + len(body))
    if not later:
        return None
    at = rng.choice(later)
    passage = text[s1:e2]
    return Injection("moved-passage", at, at, passage, (0, len(passage)), guards=[(s1, e2)], detect_guards=True)


def sites_list_item(doc: Doc) -> list:
    """(start, end, last) of every item of a 、 list that is between two 、 or is the list's last item."""
    text = doc.text
    out = []
    marks = [q for q, ch in enumerate(text) if ch == "、"]
    for n, q in enumerate(marks):
        # the item before this 、, when another 、 of the same list precedes it
        if n > 0:
            p = marks[n - 1]
            item = text[p + 1 : q]
            if item and not any(c in _LIST_STOPS for c in item) and balanced(item):
                out.append((p + 1, q, False))
        # the last item: this is the list's last 、 and closing punctuation follows
        c = q + 1
        while c < len(text) and text[c] not in _LIST_STOPS and text[c] != "、":
            c += 1
        if c < len(text) and text[c] in _LIST_CLOSE and c > q + 1 and balanced(text[q + 1 : c]):
            # a list of one 、 is a list too (甲、乙。): its last item is 乙
            out.append((q + 1, c, True))
    return out


def build_list_item(doc: Doc, site, rng: random.Random) -> Injection:
    s, e, last = site
    item = doc.text[s:e]
    if last:  # 、X。 -> 、X、X。
        return Injection("list-item", s, e, item + "、" + item, (0, 2 * len(item) + 1), note="last item", unit=item)
    return Injection(
        "list-item", s, e + 1, item + "、" + item + "、", (0, 2 * len(item) + 1), note="between 、", unit=item
    )


def sites_halfwidth_comma(doc: Doc) -> list:
    text = doc.text
    return [
        q
        for q, ch in enumerate(text)
        if ch == "，" and not (0 < q < len(text) - 1 and text[q - 1] in _ASCII_ALNUM and text[q + 1] in _ASCII_ALNUM)
    ]


def build_halfwidth_comma(doc: Doc, q: int, rng: random.Random) -> Injection:
    return Injection("halfwidth-comma", q, q + 1, ",", (0, 1))


def sites_page_artifact(doc: Doc) -> list:
    text = doc.text
    out = []
    for ls, le in doc.lines:
        body = text[ls:le].rstrip()
        if body.endswith("。") and han_count(body) >= 15:
            out.append((ls + len(body), "paragraph end"))
        for q in range(ls, le - 1):
            if text[q] == "。" and is_han(text[q + 1]):
                out.append((q + 1, "between sentences"))
    return out


def build_page_artifact(doc: Doc, site, rng: random.Random) -> Injection:
    at, where = site
    n = rng.randint(1, 16)
    a = f"【下转第{n}版】" if rng.random() < 0.5 else f"（上接第{n}版）"
    return Injection("page-artifact", at, at, a, (0, len(a)), note=where)


def sites_doubled_punct(doc: Doc) -> list:
    text = doc.text
    out = []
    for q in range(1, len(text)):
        ch = text[q]
        if ch in "，。" and text[q - 1] not in _PUNCT and not text[q - 1].isspace():
            if q + 1 < len(text) and text[q + 1] in "，。、；：":
                continue
            out.append(q)
    return out


def build_doubled_punct(doc: Doc, q: int, rng: random.Random) -> Injection:
    ch = doc.text[q]
    return Injection("doubled-punct", q, q + 1, ch + ch, (0, 2))


def sites_invisible(doc: Doc) -> list:
    return sites_line_break(doc)  # every position between two Han characters


def build_invisible(doc: Doc, q: int, rng: random.Random) -> Injection:
    c = rng.choice(_INVISIBLE)
    return Injection("invisible-char", q, q, c, (0, 1), note=f"U+{ord(c):04X}")


GENERATORS = {  # type: (sites, builder)
    "dup-char": (sites_dup_char, build_dup_char),
    "dup-word": (sites_dup_word, _build_doubled("dup-word")),
    "dup-phrase": (sites_dup_phrase, _build_doubled("dup-phrase")),
    "traditional": (sites_traditional, build_traditional),
    "line-break": (sites_line_break, build_line_break),
    "pasted-sentence": (sites_pasted, build_pasted_sentence),
    "pasted-adjacent": (sites_pasted, build_pasted_adjacent),
    "moved-passage": (sites_moved_passage, build_moved_passage),
    "list-item": (sites_list_item, build_list_item),
    "halfwidth-comma": (sites_halfwidth_comma, build_halfwidth_comma),
    "page-artifact": (sites_page_artifact, build_page_artifact),
    "doubled-punct": (sites_doubled_punct, build_doubled_punct),
    "invisible-char": (sites_invisible, build_invisible),
}


# --------------------------------------------------------------------------------------------------- exclusions


class Reference:
    """The reference corpus as one string, for the attested test: does a text occur outside a given document?"""

    def __init__(self, root: Path):
        parts, self.starts, self.names, self.where = [], [], [], {}
        pos = 0
        for f in sorted(Path(root).rglob("*.txt")):
            text = f.read_text(encoding="utf-8")
            self.where[str(f.resolve())] = (pos, pos + len(text))
            self.starts.append(pos)
            self.names.append(relpath(f))
            parts.append(text)
            pos += len(text) + 1
        self.text = "\x00".join(parts)

    def find_elsewhere(self, s: str, path: str) -> int:
        """The offset of an occurrence of ``s`` outside the document at ``path`` (-1: none)."""
        lo, hi = self.where.get(path, (-1, -1))
        i = self.text.find(s)
        while i != -1:
            if not lo <= i < hi:
                return i
            i = self.text.find(s, hi)
        return -1

    def locate(self, i: int) -> str:
        k = bisect.bisect_right(self.starts, i) - 1
        return f"{self.names[k]}:{self.text.count(chr(10), self.starts[k], i) + 1}"


def attest_text(text: str, inj: Injection) -> str:
    """What the injection writes, with ATTEST_CONTEXT characters of the text either side."""
    return text[max(0, inj.pos - ATTEST_CONTEXT) : inj.pos] + inj.new + text[inj.end : inj.end + ATTEST_CONTEXT]


def numeral_reduplication(text: str, inj: Injection) -> bool:
    """Is the doubling grammatical by the closed list of numeral cases? Digit-by-digit numbers only: the doubled
    unit and the run of numerals around it hold only the digits 〇零一二三四五六七八九, no 十百千万亿, and more than
    the doubled unit, so the result is still a number read digit by digit (二〇〇 -> 二〇〇〇, 二〇 -> 二〇二〇).
    Doubling inside a number with place values (第二十八 -> 第二二十八, 十四五 -> 十四四五) or a lone numeral
    (这是一个 -> 这是一一个) is an error and stays."""
    unit = inj.unit
    if not unit or not all(c in _NUMERALS for c in unit):
        return False
    a, b = inj.pos, inj.end
    while a > 0 and text[a - 1] in _NUMERALS:
        a -= 1
    while b < len(text) and text[b] in _NUMERALS:
        b += 1
    if any(c in _PLACE_VALUES for c in text[a:b]):
        return False  # a number with place values: the doubling makes it wrong
    if b - a == len(unit) == 1:  # a lone numeral doubled: 这是一个 -> 这是一一个 is an error, and whether 一一 or
        return False  # 两两 is the adverb depends on what follows, which no closed list settles
    return True  # a number read digit by digit stays one (二〇〇 -> 二〇〇〇, 二〇 -> 二〇二〇)


def exclusion(kind: str, inj: Injection, text: str, path: str, clean_spans: list[tuple[int, int]]):
    """Why ``inj`` is not injected (reason, detail), or None."""
    for a, b in inj.intervals():
        for s, e in clean_spans:
            if (a < e and b > s) if a < b else s < a < e:
                return "clean-finding", f"clean finding {visible(text[s:e])}"
    if kind in NUMERAL_TYPES and numeral_reduplication(text, inj):
        return "numeral", ""
    if kind in ATTESTED_TYPES:
        ref = _STATE.get("reference")
        if ref is not None:
            at = ref.find_elsewhere(attest_text(text, inj), path)
            if at != -1:
                return "attested", ref.locate(at)
    return None


def draw_order(n: int, rng: random.Random):
    """0..n-1 in uniformly random order, lazily (most documents need only the first few)."""
    seen: set[int] = set()
    while len(seen) < n // 2:
        i = rng.randrange(n)
        if i not in seen:
            seen.add(i)
            yield i
    rest = [i for i in range(n) if i not in seen]
    rng.shuffle(rest)
    yield from rest


def choose(doc: Doc, kind: str, n: int, rng: random.Random, path: str, clean_spans: list[tuple[int, int]]):
    """Up to ``n`` injections of ``kind``, drawn uniformly, far from each other; and the exclusions met on the
    way, as (injection, reason, detail)."""
    sites_of, build = GENERATORS[kind]
    sites = sites_of(doc)
    chosen: list[Injection] = []
    excluded = []
    taken: list[tuple[int, int]] = []
    for k in draw_order(len(sites), rng):
        if len(chosen) == n:
            break
        inj = build(doc, sites[k], rng)
        if inj is None:
            continue
        ivs = inj.intervals()
        if any(s <= te + MIN_GAP and e >= ts - MIN_GAP for s, e in ivs for ts, te in taken):
            continue
        why = exclusion(kind, inj, doc.text, path, clean_spans)
        if why:
            excluded.append((inj, *why))
            continue
        chosen.append(inj)
        taken.extend(ivs)
    return sorted(chosen, key=lambda c: c.pos), excluded


def apply(text: str, injs: list[Injection]):
    """The damaged text, each injection's error spans in it (the marked span first, then its guards when they
    count for detection), and (damaged start, damaged end, clean start, clean end) edits."""
    out, spans, edits = [], [], []
    pos = shift = 0
    for inj in injs:  # sorted by position, not overlapping
        out.append(text[pos : inj.pos])
        d = inj.pos + shift
        spans.append([(d + inj.mark[0], d + inj.mark[1])])
        edits.append((d, d + len(inj.new), inj.pos, inj.end))
        out.append(inj.new)
        pos = inj.end
        shift += len(inj.new) - (inj.end - inj.pos)
    out.append(text[pos:])
    for inj, sp in zip(injs, spans):
        if inj.detect_guards:
            for s, e in inj.guards:
                sp.append((to_damaged(s, injs), to_damaged(e, injs)))
    return "".join(out), spans, edits


def to_damaged(x: int, injs: list[Injection]) -> int:
    """Clean offset ``x`` (outside every replaced text) in the damaged text."""
    return x + sum(len(i.new) - (i.end - i.pos) for i in injs if i.pos < x)


def to_clean(x: int, edits) -> int:
    shift = 0
    for ds, de, cs, ce in edits:
        if x < ds:
            break
        if x < de:
            return cs
        shift = de - ce
    return x - shift


# --------------------------------------------------------------------------------------------------- diffing


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def diff_hunks(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """The differences between ``a`` and ``b`` as (a_start, a_end, b_start, b_end), line by line then by character."""
    if a == b:
        return []
    p = _common_prefix(a, b)
    q = _common_prefix(a[p:][::-1], b[p:][::-1])
    ma, mb = a[p : len(a) - q], b[p : len(b) - q]
    hunks = []
    if len(ma) < 4000 and len(mb) < 4000:
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ma, mb, autojunk=False).get_opcodes():
            if tag != "equal":
                hunks.append((p + i1, p + i2, p + j1, p + j2))
        return hunks
    la, lb = ma.splitlines(keepends=True), mb.splitlines(keepends=True)
    oa = [0]
    for s in la:
        oa.append(oa[-1] + len(s))
    ob = [0]
    for s in lb:
        ob.append(ob[-1] + len(s))
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, la, lb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        a1, a2, b1, b2 = oa[i1], oa[i2], ob[j1], ob[j2]
        if a2 - a1 < 4000 and b2 - b1 < 4000:
            sub = difflib.SequenceMatcher(None, ma[a1:a2], mb[b1:b2], autojunk=False).get_opcodes()
            for t, x1, x2, y1, y2 in sub:
                if t != "equal":
                    hunks.append((p + a1 + x1, p + a1 + x2, p + b1 + y1, p + b1 + y2))
        else:
            hunks.append((p + a1, p + a2, p + b1, p + b2))
    return hunks


def map_through(x: int, hunks, end: bool = False) -> int:
    """Map offset ``x`` of the first text of ``hunks`` to the second."""
    shift = 0
    for a1, a2, b1, b2 in hunks:
        if x < a1 or (x == a1 and not end and a1 < a2):
            break
        if x < a2 or (x == a2 and end):
            return b2 if end else b1
        shift = b2 - a2
    return x + shift


# --------------------------------------------------------------------------------------------------- per document

_STATE: dict = {}


def _linter():
    if "linter" not in _STATE:
        _STATE["linter"] = zhproof.Linter(variant=_STATE.get("variant", "zh-Hans"))
    return _STATE["linter"]


def visible(s: str) -> str:
    out = []
    for c in s:
        if c == "\n":
            out.append("⏎")
        elif c in "\t\r":
            out.append(" ")
        elif c in _INVISIBLE or (ord(c) < 32) or c in "\u200d\u00ad":
            out.append(f"⟨U+{ord(c):04X}⟩")
        else:
            out.append(c)
    return "".join(out)


def context(text: str, s: int, e: int, width: int = CONTEXT) -> str:
    return visible(text[max(0, s - width) : s]) + "⟦" + visible(text[s:e]) + "⟧" + visible(text[e : e + width])


def line_of(text: str, x: int) -> int:
    return text.count("\n", 0, x) + 1


def _key(rule: str, text: str, s: int, e: int):
    return (rule, text[max(0, s - KEY_CONTEXT) : s], text[s:e], text[e : e + KEY_CONTEXT])


def _inside_word(text: str, p: int) -> bool:
    """Does the lexicon's segmentation of the clean clause put a word across ``p``? Only labels a line break
    already injected (for the recall of breaks inside a word); never used to choose a site."""
    from zhproof.lexicon import lexicon

    lo = p
    while lo > max(0, p - 8) and is_han(text[lo - 1]):
        lo -= 1
    hi = p
    while hi < min(len(text), p + 8) and is_han(text[hi]):
        hi += 1
    return any(lo + a < p < lo + b for a, b in lexicon().segment(text[lo:hi]))


def run_document(task):
    path, rel, genre, seed, per_doc, kinds, known, do_fix = task
    linter = _linter()
    text = Path(path).read_text(encoding="utf-8")
    rpath = str(Path(path).resolve())
    doc = Doc(text)
    clean = linter.lint(text)
    res = {
        "rel": rel,
        "genre": genre,
        "chars": len(text),
        "false": Counter(),
        "false_rows": [],
        "real": 0,
        "inj": [],
        "unmatched": [],
        "fixes": [],
        "excluded": [],
        "drawn": Counter(),
    }
    for d in clean:
        line = line_of(text, d.start)
        if (rel, line, d.rule) in known:
            res["real"] += 1
        else:
            res["false"][d.rule] += 1
            res["false_rows"].append((d.rule, rel, line, d.message, context(text, d.start, d.end)))
    clean_spans = {(d.rule, d.start, d.end) for d in clean}
    clean_keys = {_key(d.rule, text, d.start, d.end) for d in clean}
    by_rule = defaultdict(list)
    for d in clean:
        by_rule[d.rule].append((d.start, d.end))
    fixed_clean = clean_hunks = None
    for kind in kinds:
        rule = RULE_OF[kind]
        rng = random.Random(f"{seed}|{rel}|{kind}")
        injs, excluded = choose(doc, kind, per_doc, rng, rpath, by_rule[rule])
        for inj, reason, detail in excluded:
            res["excluded"].append(
                (
                    kind,
                    reason,
                    rel,
                    line_of(text, inj.pos),
                    visible(attest_text(text, inj)),
                    detail,
                    context(text, inj.pos, inj.end),
                )
            )
        res["drawn"][kind] += len(injs) + len(excluded)
        if not injs:
            continue
        damaged, spans, edits = apply(text, injs)
        found = linter.lint(damaged)
        hit = [False] * len(injs)
        others = [[] for _ in injs]
        for d in found:
            matched = False
            near = None
            mapped = (d.rule, to_clean(d.start, edits), to_clean(d.end, edits))
            old = mapped in clean_spans or _key(d.rule, damaged, d.start, d.end) in clean_keys
            for k, inj_spans in enumerate(spans):
                s, e = inj_spans[0]
                touch = any(
                    d.start <= e2 and d.end >= s2
                    if kind == "line-break"
                    else (d.start < e2 and d.end > s2) or (d.start == d.end and s2 <= d.start <= e2)
                    for s2, e2 in inj_spans
                )
                if d.rule == rule and touch and not old:
                    hit[k] = True
                    matched = True
                elif d.start <= e + 3 and d.end >= s - 3:
                    near = k
                    if d.rule != rule and not old:
                        others[k].append(d.rule)
            if matched or old:
                continue
            where = f"at {kind} injection" if near is not None else "elsewhere"
            res["unmatched"].append(
                (kind, d.rule, rel, line_of(damaged, d.start), where, d.message, context(damaged, d.start, d.end))
            )
        first = len(res["inj"])
        for k, inj in enumerate(injs):
            s, e = spans[k][0]
            rec = {
                "kind": kind,
                "rule": rule,
                "detected": hit[k],
                "line": line_of(damaged, s),
                "injected": visible(damaged[s:e]),
                "context": context(damaged, s, e),
                "others": sorted(set(others[k])),
                "note": inj.note,
                "in_word": _inside_word(text, inj.pos) if kind == "line-break" else None,
                "repaired": None,
                "other_change": False,
            }
            res["inj"].append(rec)
        if not do_fix:
            continue
        if fixed_clean is None:
            fixed_clean = linter.fix(text, unsafe=True).text
            clean_hunks = diff_hunks(text, fixed_clean)
        for k, inj in enumerate(injs):
            rec = res["inj"][first + k]
            single, _, _ = apply(text, [inj])
            try:
                fixed = linter.fix(single, unsafe=True).text
            except Exception as exc:  # a fix that does not converge
                rec["repaired"] = False
                res["fixes"].append(
                    (kind, rel, rec["line"], "fix error", type(exc).__name__ + ": " + str(exc)[:200], rec["context"])
                )
                continue
            hunks = diff_hunks(fixed_clean, fixed)
            lo = map_through(max(0, inj.pos - NEIGHBOURHOOD), clean_hunks)
            hi = map_through(min(len(text), inj.end + NEIGHBOURHOOD), clean_hunks, end=True)
            near = [h for h in hunks if h[0] <= hi and h[1] >= lo]
            far = [h for h in hunks if not (h[0] <= hi and h[1] >= lo)]
            rec["repaired"] = not near
            rec["other_change"] = bool(far)
            for h, what in [(h, "not repaired") for h in near] + [(h, "other change") for h in far]:
                a1, a2, b1, b2 = h
                res["fixes"].append(
                    (
                        kind,
                        rel,
                        rec["line"],
                        what,
                        "fix(clean): " + context(fixed_clean, a1, a2),
                        "fix(damaged): " + context(fixed, b1, b2),
                    )
                )
    return res


# --------------------------------------------------------------------------------------------------- main


def pick_documents(root: Path, n: int, seed: int, half: str) -> list[tuple[Path, str]]:
    rng = random.Random(seed)
    genres = sorted(p.name for p in root.iterdir() if p.is_dir())
    shares = {g: n // len(genres) + (1 if i < n % len(genres) else 0) for i, g in enumerate(genres)}
    chosen = []
    for g in genres:
        files = [
            f
            for f in sorted((root / g).glob("*.txt"))
            if in_half(f, half, root.parent) and han_count(f.read_text(encoding="utf-8")) >= MIN_HAN_DOC
        ]
        chosen += [(f, g) for f in sorted(rng.sample(files, min(shares[g], len(files))))]
    return chosen


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    -"


def _row(row) -> str:
    return "\t".join(str(x).replace("\t", " ").replace("\n", "⏎") for x in row) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] + " " + __doc__.splitlines()[1].strip(),
        epilog="The method and the definitions: the docstring of bench/recall.py.",
    )
    ap.add_argument(
        "--half",
        choices=HALVES,
        default="test",
        help="draw documents from this half of the corpus (bench/split.py; default test, the reported one)",
    )
    ap.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpus" / "zh-Hans"))
    ap.add_argument(
        "--reference",
        default=str(HERE.parent.parent / "shared" / "corpus" / "zh-Hans"),
        help="clean text for the attested test (default the whole zh-Hans corpus)",
    )
    ap.add_argument(
        "--variant",
        default="zh-Hans",
        help="the script of the corpus, given to zhproof (zh-Hant for ../shared/corpus/zh-Hant)",
    )
    ap.add_argument("--docs", type=int, default=120, help="documents, shared equally by genre (default 120)")
    ap.add_argument("--per-doc", type=int, default=3, help="injections per document and type (default 3)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--types", default=None, help="comma-separated injection types (default: all)")
    ap.add_argument("--no-fix", action="store_true", help="skip the fix restoration part")
    args = ap.parse_args()
    kinds = [t for t, _ in TYPES]
    if args.types:
        kinds = [t.strip() for t in args.types.split(",")]
        bad = [t for t in kinds if t not in RULE_OF]
        if bad:
            ap.error(f"unknown type(s) {', '.join(bad)}; known: {', '.join(RULE_OF)}")
    root = Path(args.corpus)
    t0 = time.perf_counter()
    _STATE["variant"] = args.variant
    _STATE["reference"] = Reference(Path(args.reference))  # before the workers fork: they share it
    docs = pick_documents(root, args.docs, args.seed, args.half)
    known = known_errors()
    base = root.parent.parent
    tasks = [
        (
            str(f),
            f.relative_to(base).as_posix() if base in f.parents else str(f),
            g,
            args.seed,
            args.per_doc,
            kinds,
            known,
            not args.no_fix,
        )
        for f, g in docs
    ]
    if args.jobs > 1:
        import multiprocessing

        order = {t[1]: i for i, t in enumerate(tasks)}
        biggest_first = sorted(tasks, key=lambda t: -os.path.getsize(t[0]))  # balances the two workers
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = sorted(pool.imap_unordered(run_document, biggest_first), key=lambda r: order[r["rel"]])
    else:
        results = [run_document(t) for t in tasks]
    elapsed = time.perf_counter() - t0

    injected, detected, repaired, other, fixed_n = Counter(), Counter(), Counter(), Counter(), Counter()
    unmatched = Counter()
    unmatched_rule = defaultdict(Counter)
    genre_inj, genre_det = Counter(), Counter()
    flagged_other = defaultdict(Counter)
    excl = defaultdict(Counter)
    drawn = Counter()
    notes_inj, notes_det = Counter(), Counter()
    chars = sum(r["chars"] for r in results)
    false = Counter()
    real = 0
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    sfx = f"-{args.half}"
    all_excluded = []
    with (
        (out_dir / f"recall-missed{sfx}.tsv").open("w", encoding="utf-8") as fm,
        (out_dir / f"recall-unmatched{sfx}.tsv").open("w", encoding="utf-8") as fu,
        (out_dir / f"recall-fix{sfx}.tsv").open("w", encoding="utf-8") as ff,
        (out_dir / f"recall-clean{sfx}.tsv").open("w", encoding="utf-8") as fc,
        (out_dir / f"recall-excluded{sfx}.tsv").open("w", encoding="utf-8") as fx,
    ):
        fc.write("rule\tfile\tline\tmessage\tcontext\n")
        fm.write("type\trule\tfile\tline\tinjected\tcontext\tother rules at the site\tnote\n")
        fu.write("type\trule\tfile\tline\twhere\tmessage\tcontext\n")
        ff.write("type\tfile\tline\toutcome\tfix(clean)\tfix(damaged)\n")
        fx.write("type\treason\tfile\tline\tnew text with context\tattested at / detail\tclean context\n")
        for r in results:
            false.update(r["false"])
            drawn.update(r["drawn"])
            for row in r["false_rows"]:
                fc.write(_row(row))
            real += r["real"]
            for row in r["excluded"]:
                excl[row[0]][row[1]] += 1
                all_excluded.append(row)
                fx.write(_row(row))
            for rec in r["inj"]:
                k = rec["kind"]
                injected[k] += 1
                genre_inj[k, r["genre"]] += 1
                if k in ("pasted-sentence", "line-break") and rec["note"]:
                    notes_inj[k, rec["note"]] += 1
                    notes_det[k, rec["note"]] += rec["detected"]
                if rec.get("in_word") is not None:
                    where = "inside a word" if rec["in_word"] else "between words"
                    notes_inj[k, where] += 1
                    notes_det[k, where] += rec["detected"]
                if rec["detected"]:
                    detected[k] += 1
                    genre_det[k, r["genre"]] += 1
                else:
                    for o in rec["others"]:
                        flagged_other[k][o] += 1
                    fm.write(
                        f"{k}\t{rec['rule']}\t{r['rel']}\t{rec['line']}\t{rec['injected']}\t{rec['context']}\t"
                        f"{','.join(rec['others'])}\t{rec['note']}{'; inside a word' if rec.get('in_word') else ''}\n"
                    )
                if rec["repaired"] is not None:
                    fixed_n[k] += 1
                    repaired[k] += rec["repaired"]
                    other[k] += rec["other_change"]
            for row in r["unmatched"]:
                unmatched[row[0]] += 1
                unmatched_rule[row[1]][row[0]] += 1
                fu.write(_row(row))
            for row in r["fixes"]:
                ff.write(_row(row))

    genres = sorted({r["genre"] for r in results})
    per_genre = Counter(r["genre"] for r in results)
    lines = []
    lines.append(
        f"zhproof recall benchmark (uniform injection): half {args.half}, seed {args.seed}, {len(results)} "
        f"documents ({', '.join(f'{g} {per_genre[g]}' for g in genres)}), up to {args.per_doc} injections "
        f"per document and type, {chars:,} characters of clean text; {elapsed:.1f}s with {args.jobs} job(s)"
    )
    lines.append("")
    head = (
        f"{'type':16} {'rule':22} {'injected':>8} {'detected':>8} {'recall':>7} {'unmatched':>9} {'repaired':>8} "
        f"{'other changes':>13}"
    )
    lines.append(head)
    lines.append("-" * len(head))
    for k in kinds:
        rep = pct(repaired[k], fixed_n[k]) if fixed_n[k] else "    -"
        lines.append(
            f"{k:16} {RULE_OF[k]:22} {injected[k]:8} {detected[k]:8} {pct(detected[k], injected[k]):>7} "
            f"{unmatched[k]:9} {rep:>8} {other[k] if fixed_n[k] else '-':>13}"
        )
    lines.append("-" * len(head))
    ti, td = sum(injected.values()), sum(detected.values())
    tf = sum(fixed_n.values())
    lines.append(
        f"{'all':16} {'':22} {ti:8} {td:8} {pct(td, ti):>7} {sum(unmatched.values()):9} "
        f"{pct(sum(repaired.values()), tf) if tf else '    -':>8} {sum(other.values()) if tf else '-':>13}"
    )
    if notes_inj:
        lines.append("")
        lines.append(
            "recall by variant: "
            + ", ".join(
                f"{k} {note} {notes_det[k, note]}/{n} {pct(notes_det[k, note], n).strip()}"
                for (k, note), n in sorted(notes_inj.items())
            )
        )
    lines.append("")
    head2 = (
        f"{'exclusions':16} {'drawn':>8} {'attested':>8} {'numeral':>8} {'clean-finding':>13} "
        f"{'excluded':>8} {'share':>7}"
    )
    lines.append(head2)
    lines.append("-" * len(head2))
    for k in kinds:
        n = sum(excl[k].values())
        lines.append(
            f"{k:16} {drawn[k]:8} {excl[k]['attested']:8} {excl[k]['numeral']:8} "
            f"{excl[k]['clean-finding']:13} {n:8} {pct(n, drawn[k]):>7}"
        )
    lines.append("-" * len(head2))
    tot = Counter()
    for k in kinds:
        tot.update(excl[k])
    lines.append(
        f"{'all':16} {sum(drawn.values()):8} {tot['attested']:8} {tot['numeral']:8} "
        f"{tot['clean-finding']:13} {sum(tot.values()):8} {pct(sum(tot.values()), sum(drawn.values())):>7}"
    )
    lines.append("(drawn: sites drawn and not passed over for spacing = injected + excluded)")
    lines.append("")
    nf = sum(false.values())
    lines.append(
        f"clean text: {nf + real} findings on the chosen documents, {real} of them real errors of the source "
        f"(bench/known_errors.tsv); {nf} false alarms = {nf * 1e5 / chars:.2f} per 100k characters"
    )
    for rule, n in false.most_common():
        lines.append(f"  {rule:24} {n:5}  {n * 1e5 / chars:.2f} per 100k")
    lines.append("")
    lines.append("recall by genre: " + "  ".join(f"{g:>12}" for g in genres))
    for k in kinds:
        cells = []
        for g in genres:
            n = genre_inj[k, g]
            cells.append(f"{genre_det[k, g]:4}/{n:<4}{pct(genre_det[k, g], n):>6}" if n else f"{'-':>15}")
        lines.append(f"  {k:16}" + " ".join(f"{c:>15}" for c in cells))
    if any(flagged_other.values()):
        lines.append("")
        lines.append("missed injections that another rule flagged at the site:")
        for k in kinds:
            if flagged_other[k]:
                lines.append(f"  {k:16} " + ", ".join(f"{r} {n}" for r, n in flagged_other[k].most_common()))
    if unmatched_rule:
        lines.append("")
        lines.append("unmatched findings by rule (by injection type):")
        for rule in sorted(unmatched_rule, key=lambda r: -sum(unmatched_rule[r].values())):
            c = unmatched_rule[rule]
            lines.append(
                f"  {rule:24} {sum(c.values()):4}  (" + ", ".join(f"{k} {n}" for k, n in c.most_common()) + ")"
            )

    sample = random.Random(f"{args.seed}|excluded").sample(all_excluded, min(EXCLUDED_SAMPLE, len(all_excluded)))
    sample.sort(key=lambda row: (kinds.index(row[0]), row[1], row[2], row[3]))
    ex_lines = [
        f"{len(sample)} of {len(all_excluded)} exclusions, drawn with random.Random('{args.seed}|excluded') "
        f"(half {args.half}); type, reason, file:line, the new text with 2 characters either side, "
        f"where it is attested / what the clean finding is:"
    ]
    for kind, reason, rel, line, new, detail, _ in sample:
        ex_lines.append(f"  {kind:15} {reason:13} {rel}:{line}  {new}  {detail}")
    (out_dir / f"recall-excluded{sfx}.txt").write_text("\n".join(ex_lines) + "\n", encoding="utf-8")
    lines.append("")
    lines.extend(ex_lines)

    from issue_sentences import report as issue_report

    lines.append("")
    lines.extend(issue_report(_linter()))
    lines.append("")
    lines.append(
        f"details: bench/out/recall-missed{sfx}.tsv, recall-unmatched{sfx}.tsv, recall-fix{sfx}.tsv, "
        f"recall-clean{sfx}.tsv, recall-excluded{sfx}.tsv, recall-excluded{sfx}.txt"
    )
    report = "\n".join(lines)
    print(report)
    (out_dir / f"recall-summary{sfx}.txt").write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
