"""Recall on injected errors: damage clean corpus text in known ways and count what zhproof finds and repairs.

Method. Documents are drawn from ../shared/corpus/zh-Hans (law, news, tech; equal shares of the ``--docs``,
only documents with at least 1,000 Han characters, chosen with ``random.Random(seed)``). Each document is used
unchanged as the clean baseline. For each injection type, a damaged copy of each document gets up to
``--per-doc`` injections (default 3) of that type only. Sites are chosen at random (each document and type has
its own generator seeded by seed, path and type, so results do not depend on order or ``--jobs``) among the
sites that fit the type, and never within 200 characters of another injection nor within 8 characters of a
finding of the expected rule on the clean text, so every injection is one unambiguous error.

Types (expected rule in brackets):

- dup-char [duplicate-word]: one character of a two-character dictionary word written twice (打仗 -> 打仗仗,
  渠道 -> 渠渠道). Not injected where the result may be grammatical or the context is unclear: numerals,
  function words (的, 了, 在, 不断 ...; jieba tags u*, p, c, d, r, m, q, f, y, e, o), person names, a character
  whose doubled form is a word (人人, 看看) or an AA verb (试试), a result that is a dictionary word
  (热乎乎), a one-character verb doubled before its object (散散步, 开开会) or after a free word (再看看),
  a doubled first character that would end a word with what precedes (中|国|国家) or a doubled last character
  that would start one with what follows, a repeat already within 3 characters, text inside 《》.
- dup-word [duplicate-word]: a dictionary word of 2-4 characters written twice (疫情 -> 疫情疫情); not for
  numerals and classifiers, words like 常常 or starting with 一, and the verbs and adjectives whose ABAB
  reduplication is grammatical (研究研究; rules/data/reduplication.txt, taken from grammars).
- dup-phrase [duplicate-word]: 2-3 consecutive words with 3-6 Han characters in all written twice
  (市场监管 -> 市场监管市场监管); not starting with 一 or containing numerals.
- traditional [traditional-char]: a word of 2-4 characters replaced by its OpenCC s2t form when that differs and
  converts back (交通运输 -> 交通運輸). recall-missed.tsv notes when every changed character is also in GB 2312.
- line-break [broken-line]: "\\n\\n" inserted between two Han characters inside a run of at least four, on a line
  that has at least two 。 before that point and a sentence end after it (a PDF page or column break).
- pasted-sentence [repeated-clause]: a sentence ending in 。 with at least 15 Han characters written again right
  after itself. A sentence starts after 。！？ or at a line start, past closing quotes and, at a line start, an
  article or list label (第九条 , 一、, （二）); one whose quotes or brackets are not paired inside it is not
  copied, so the copy adds no second error.
- moved-passage [repeated-clause]: two consecutive sentences of one paragraph, each ending in 。 (together >= 50
  Han characters, occurring once in the document, quotes and brackets paired), copied to the end of a later
  paragraph that ends in 。: the paragraph ...X。 becomes ...X。S1。S2。 (pasted in the wrong place, the
  original left where it was).
- list-item [duplicate-list-item]: an item of 2-8 Han characters between two 、 written twice: X、 -> X、X、.
- halfwidth-comma [halfwidth-punctuation]: a ， between two Han characters replaced by ",".
- page-artifact [layout-artifact]: 【下转第N版】 or （上接第N版） (N 1-16) inserted at the end of a paragraph ending
  in 。 or between two sentences.
- doubled-punct [repeated-punctuation]: a ， or 。 after a non-punctuation character written twice.
- invisible-char [invisible-char]: U+200B, U+200C, U+2060 or U+FEFF inserted between two Han characters.

Definitions.

- detected: a finding of the expected rule on the damaged copy overlaps the injected span (the damaged word,
  the doubled text with its original, the inserted copy, the converted word, the replaced or inserted
  characters); for line-break, a broken-line finding that touches the inserted line break. recall = detected /
  injected. A finding that covers only part of the error still counts here; "repaired" shows whether it was
  whole.
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
  changed something else. A fix that does not converge counts as not repaired.

Outputs: the table on stdout and in bench/out/recall-summary.txt; bench/out/recall-missed.tsv (every missed
injection with the damaged context, ±15 characters, the injection between ⟦ ⟧), recall-unmatched.tsv (every
unmatched finding), recall-fix.tsv (every injection not repaired or with other changes), recall-clean.tsv (the
false alarms on the clean documents).

Usage:  python bench/recall.py [--docs 120] [--per-doc 3] [--seed 1] [--jobs 2] [--types a,b] [--no-fix]
                              [--corpus DIR]
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
sys.path.insert(0, str(HERE.parent / "src"))

import opencc  # noqa: E402
import regex  # noqa: E402

import zhproof  # noqa: E402
from zhproof.lexicon import lexicon  # noqa: E402
from precision import known_errors  # noqa: E402  (bench/, this script's folder, is on the path)

MIN_HAN_DOC = 1000  # Han characters a document needs to be chosen
MIN_GAP = 200  # characters between two injections in one copy
MARGIN = 8  # characters kept clear around a clean finding of the expected rule
NEIGHBOURHOOD = 15  # characters around an injection that its repair may touch
CONTEXT = 15  # characters of context in the output files
KEY_CONTEXT = 8  # characters either side that identify a finding across the clean and damaged texts

_HAN = regex.compile(r"\p{Han}")
_NUMERALS = set("〇零一二三四五六七八九十百千万亿两0123456789０１２３４５６７８９")
_PUNCT = set("，。、；：！？…—“”‘’（）《》【】「」『』〔〕,.;:!?()[]\"' \t\u3000")
_CLOSERS = set("”’）》」』】〕)")
_TERMINATORS = "。！？"
# an article or list label at the start of a line (第九条 , 一、, （二）): not part of the sentence after it
_LABEL = regex.compile(r"(?:第[一二三四五六七八九十百千零〇\d]+[章节条款项编](?=[ \t\u3000])|[一二三四五六七八九十]+、"
                       r"|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|#+)[ \t\u3000]*")
_FUNCTION_POS = frozenset({"uj", "ul", "uz", "uv", "ud", "ug", "u", "p", "c", "d", "r", "rr", "rz", "y", "e", "o",
                           "f", "m", "q", "mq"})
_INVISIBLE = ("\u200b", "\u200c", "\u2060", "\ufeff")

TYPES = [  # (type, expected rule)
    ("dup-char", "duplicate-word"),
    ("dup-word", "duplicate-word"),
    ("dup-phrase", "duplicate-word"),
    ("traditional", "traditional-char"),
    ("line-break", "broken-line"),
    ("pasted-sentence", "repeated-clause"),
    ("moved-passage", "repeated-clause"),
    ("list-item", "duplicate-list-item"),
    ("halfwidth-comma", "halfwidth-punctuation"),
    ("page-artifact", "layout-artifact"),
    ("doubled-punct", "repeated-punctuation"),
    ("invisible-char", "invisible-char"),
]
RULE_OF = dict(TYPES)


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
    """A clean document with the facts the injection generators share."""

    def __init__(self, text: str):
        self.text = text
        self._tokens = None
        self._lines = None
        self._sentences = None
        self._titles = None

    @property
    def tokens(self) -> list[tuple[int, int]]:
        if self._tokens is None:
            self._tokens = lexicon().segment(self.text)
        return self._tokens

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

    def in_title(self, pos: int) -> bool:
        """Is ``pos`` inside 《…》 on its line?"""
        text = self.text
        ls = text.rfind("\n", 0, pos) + 1
        return text.rfind("《", ls, pos) > text.rfind("》", ls, pos)

    def doubled_near(self, s: int, e: int, width: int = 3) -> bool:
        seg = self.text[max(0, s - width):e + width]
        return any(a == b and is_han(a) for a, b in zip(seg, seg[1:]))


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


def _has_numeral(s: str) -> bool:
    return any(c in _NUMERALS for c in s)


def gen_dup_char(doc: Doc, rng: random.Random):
    lex = lexicon()
    text = doc.text
    for s, e in doc.tokens:
        w = text[s:e]
        if e - s != 2 or not all_han(w) or w[0] == w[1] or _has_numeral(w):
            continue
        wpos = lex.pos(w) or ""
        if wpos in _FUNCTION_POS or wpos.startswith("nr") or doc.doubled_near(s, e) or doc.in_title(s):
            continue
        for i in (0, 1):
            c = w[i]
            cpos = lex.pos(c)
            if cpos in _FUNCTION_POS or c + c in lex or c in _aa_chars():
                continue
            new = w[:i + 1] + c + w[i + 1:]
            if new in lex:
                continue  # 热乎乎
            if i == 0:
                if cpos == "v":
                    continue  # 散散步, 开开会
                if any(text[max(0, s - k):s] + c in lex for k in (1, 2, 3) if s - k >= 0):
                    continue  # 中|国|国家
            else:
                if cpos == "v" and lex.pos(w[0]) in ("d", "v", "p", "c", "r"):
                    continue  # 再|看看
                if any(c + text[e:e + k] in lex for k in (1, 2, 3) if e + k <= len(text)):
                    continue  # 西藏|藏东
            yield Injection("dup-char", s, e, new, (0, 3))


_AA = []


def _aa_chars() -> set[str]:
    if not _AA:
        from zhproof.data import word_list

        _AA.append({w for w in word_list("reduplication") if len(w) == 1})
        _AA.append({w for w in word_list("reduplication") if len(w) > 1})
    return _AA[0]


def _abab_words() -> set[str]:
    _aa_chars()
    return _AA[1]


def gen_dup_word(doc: Doc, rng: random.Random):
    lex = lexicon()
    text = doc.text
    for s, e in doc.tokens:
        w = text[s:e]
        if not 2 <= e - s <= 4 or not all_han(w) or _has_numeral(w) or w[0] == "一":
            continue
        if len(set(w)) < len(w) or lex.pos(w) in ("m", "q", "mq") or w in _abab_words():
            continue
        if text[e:e + len(w)] == w or text[max(0, s - len(w)):s] == w or doc.in_title(s):
            continue
        yield Injection("dup-word", s, e, w + w, (0, 2 * len(w)))


def gen_dup_phrase(doc: Doc, rng: random.Random):
    text = doc.text
    toks = doc.tokens
    for i in range(len(toks)):
        for n in (2, 3):
            if i + n > len(toks):
                break
            s, e = toks[i][0], toks[i + n - 1][1]
            p = text[s:e]
            if not all_han(p) or not 3 <= len(p) <= 6 or _has_numeral(p) or p[0] == "一":
                continue
            if text[e:e + len(p)] == p or text[max(0, s - len(p)):s] == p or doc.in_title(s):
                continue
            yield Injection("dup-phrase", s, e, p + p, (0, 2 * len(p)))


def gen_traditional(doc: Doc, rng: random.Random):
    s2t, t2s = _converters()
    text = doc.text
    for s, e in doc.tokens:
        w = text[s:e]
        if not 2 <= e - s <= 4 or not all_han(w):
            continue
        t = s2t.convert(w)
        if t == w or len(t) != len(w) or t2s.convert(t) != w:
            continue
        changed = [b for a, b in zip(w, t) if a != b]
        note = "all changed characters are in GB 2312" if all(_in_gb2312(c) for c in changed) else ""
        yield Injection("traditional", s, e, t, (0, len(t)), note=note)


def _in_gb2312(c: str) -> bool:
    try:
        c.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def gen_line_break(doc: Doc, rng: random.Random):
    text = doc.text
    for ls, le in doc.lines:
        stops = [i for i in range(ls, le) if text[i] == "。"]
        if len(stops) < 2:
            continue
        last_end = max(i for i in range(ls, le) if text[i] in _TERMINATORS)
        for p in range(stops[1] + 3, last_end - 1):
            if all(is_han(text[q]) for q in (p - 2, p - 1, p, p + 1)):
                yield Injection("line-break", p, p, "\n\n", (0, 2))


def gen_pasted_sentence(doc: Doc, rng: random.Random):
    text = doc.text
    for s, e, _ in doc.sentences:
        if text[e - 1] != "。" or han_count(text[s:e]) < 15:
            continue
        if (e < len(text) and text[e] in _CLOSERS) or not balanced(text[s:e]):
            continue  # the sentence ends inside a quotation, or a quotation runs over its end
        yield Injection("pasted-sentence", e, e, text[s:e], (0, e - s), guards=[(s, e)])


def gen_moved_passage(doc: Doc, rng: random.Random):
    text = doc.text
    sents = doc.sentences
    targets = []
    for li, (ls, le) in enumerate(doc.lines):
        body = text[ls:le].rstrip()
        if body.endswith("。") and han_count(body) >= 15:
            targets.append((li, ls + len(body)))
    target_lines = [t[0] for t in targets]
    for k in range(len(sents) - 1):
        (s1, e1, l1), (s2, e2, l2) = sents[k], sents[k + 1]
        if l1 != l2 or text[e1 - 1] != "。" or text[e2 - 1] != "。":
            continue
        passage = text[s1:e2]
        if han_count(passage) < 50 or text.count(passage) != 1 or not balanced(passage):
            continue
        later = targets[bisect.bisect_right(target_lines, l1):]
        if not later:
            continue
        _, at = rng.choice(later)
        yield Injection("moved-passage", at, at, passage, (0, len(passage)), guards=[(s1, e2)])


def gen_list_item(doc: Doc, rng: random.Random):
    text = doc.text
    for q, ch in enumerate(text):
        if ch != "、":
            continue
        s = q
        while s > 0 and q - s <= 8 and is_han(text[s - 1]):
            s -= 1
        item = text[s:q]
        if not 2 <= len(item) <= 8 or s == 0 or text[s - 1] != "、":
            continue  # only an item between two 、
        yield Injection("list-item", s, q + 1, item + "、" + item + "、", (0, 2 * len(item) + 1))


def gen_halfwidth_comma(doc: Doc, rng: random.Random):
    text = doc.text
    for q in range(1, len(text) - 1):
        if text[q] == "，" and is_han(text[q - 1]) and is_han(text[q + 1]):
            yield Injection("halfwidth-comma", q, q + 1, ",", (0, 1))


def gen_page_artifact(doc: Doc, rng: random.Random):
    text = doc.text

    def note() -> str:
        n = rng.randint(1, 16)
        return f"【下转第{n}版】" if rng.random() < 0.5 else f"（上接第{n}版）"

    for ls, le in doc.lines:
        body = text[ls:le].rstrip()
        if body.endswith("。") and han_count(body) >= 15:
            at = ls + len(body)
            a = note()
            yield Injection("page-artifact", at, at, a, (0, len(a)), note="paragraph end")
        for q in range(ls, le - 1):
            if text[q] == "。" and is_han(text[q + 1]):
                a = note()
                yield Injection("page-artifact", q + 1, q + 1, a, (0, len(a)), note="between sentences")


def gen_doubled_punct(doc: Doc, rng: random.Random):
    text = doc.text
    for q in range(1, len(text)):
        ch = text[q]
        if ch in "，。" and text[q - 1] not in _PUNCT and not text[q - 1].isspace():
            if q + 1 < len(text) and text[q + 1] in "，。、；：":
                continue
            yield Injection("doubled-punct", q, q + 1, ch + ch, (0, 2))


def gen_invisible(doc: Doc, rng: random.Random):
    text = doc.text
    for q in range(1, len(text)):
        if is_han(text[q - 1]) and is_han(text[q]):
            c = rng.choice(_INVISIBLE)
            yield Injection("invisible-char", q, q, c, (0, 1), note=f"U+{ord(c):04X}")


GENERATORS = {
    "dup-char": gen_dup_char, "dup-word": gen_dup_word, "dup-phrase": gen_dup_phrase,
    "traditional": gen_traditional, "line-break": gen_line_break, "pasted-sentence": gen_pasted_sentence,
    "moved-passage": gen_moved_passage, "list-item": gen_list_item, "halfwidth-comma": gen_halfwidth_comma,
    "page-artifact": gen_page_artifact, "doubled-punct": gen_doubled_punct, "invisible-char": gen_invisible,
}


def choose(cands: list[Injection], n: int, rng: random.Random, blocked: list[tuple[int, int]]) -> list[Injection]:
    """Up to ``n`` candidates in random order, far from each other and from ``blocked`` (clean findings)."""
    rng.shuffle(cands)
    chosen: list[Injection] = []
    taken: list[tuple[int, int]] = []
    for c in cands:
        ivs = c.intervals()
        if any(s <= be + MARGIN and e >= bs - MARGIN for s, e in ivs for bs, be in blocked):
            continue
        if any(s <= te + MIN_GAP and e >= ts - MIN_GAP for s, e in ivs for ts, te in taken):
            continue
        chosen.append(c)
        taken.extend(ivs)
        if len(chosen) == n:
            break
    return sorted(chosen, key=lambda c: c.pos)


def apply(text: str, injs: list[Injection]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int, int]]]:
    """The damaged text, each injection's error span in it, and (damaged start, damaged end, clean pos) edits."""
    out, spans, edits = [], [], []
    pos = shift = 0
    for inj in injs:  # sorted by position, not overlapping
        out.append(text[pos:inj.pos])
        d = inj.pos + shift
        spans.append((d + inj.mark[0], d + inj.mark[1]))
        edits.append((d, d + len(inj.new), inj.pos, inj.end))
        out.append(inj.new)
        pos = inj.end
        shift += len(inj.new) - (inj.end - inj.pos)
    out.append(text[pos:])
    return "".join(out), spans, edits


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
    ma, mb = a[p:len(a) - q], b[p:len(b) - q]
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
        _STATE["linter"] = zhproof.Linter()
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
    return visible(text[max(0, s - width):s]) + "⟦" + visible(text[s:e]) + "⟧" + visible(text[e:e + width])


def line_of(text: str, x: int) -> int:
    return text.count("\n", 0, x) + 1


def _key(rule: str, text: str, s: int, e: int):
    return (rule, text[max(0, s - KEY_CONTEXT):s], text[s:e], text[e:e + KEY_CONTEXT])


def run_document(task):
    path, rel, genre, seed, per_doc, kinds, known, do_fix = task
    linter = _linter()
    text = Path(path).read_text(encoding="utf-8")
    doc = Doc(text)
    clean = linter.lint(text)
    res = {"rel": rel, "genre": genre, "chars": len(text), "false": Counter(), "false_rows": [], "real": 0,
           "inj": [], "unmatched": [], "fixes": []}
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
        cands = list(GENERATORS[kind](doc, rng))
        injs = choose(cands, per_doc, rng, by_rule[rule])
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
            for k, (s, e) in enumerate(spans):
                touch = d.start <= e and d.end >= s if kind == "line-break" else (d.start < e and d.end > s) or (
                    d.start == d.end and s <= d.start <= e)
                if d.rule == rule and touch:
                    hit[k] = True
                    matched = True
                elif d.start <= e + 3 and d.end >= s - 3:
                    near = k
                    if d.rule != rule and not old:
                        others[k].append(d.rule)
            if matched or old:
                continue
            where = f"at {kind} injection" if near is not None else "elsewhere"
            res["unmatched"].append((kind, d.rule, rel, line_of(damaged, d.start), where, d.message,
                                     context(damaged, d.start, d.end)))
        for k, inj in enumerate(injs):
            s, e = spans[k]
            rec = {"kind": kind, "rule": rule, "detected": hit[k], "line": line_of(damaged, s),
                   "injected": visible(damaged[s:e]), "context": context(damaged, s, e),
                   "others": sorted(set(others[k])), "note": inj.note, "repaired": None, "other_change": False}
            res["inj"].append(rec)
        if not do_fix:
            continue
        if fixed_clean is None:
            fixed_clean = linter.fix(text, unsafe=True).text
            clean_hunks = diff_hunks(text, fixed_clean)
        for k, inj in enumerate(injs):
            rec = res["inj"][len(res["inj"]) - len(injs) + k]
            single, _, _ = apply(text, [inj])
            try:
                fixed = linter.fix(single, unsafe=True).text
            except Exception as exc:  # a fix that does not converge
                rec["repaired"] = False
                res["fixes"].append((kind, rel, rec["line"], "fix error", type(exc).__name__ + ": " + str(exc)[:200],
                                     rec["context"]))
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
                res["fixes"].append((kind, rel, rec["line"], what,
                                     "fix(clean): " + context(fixed_clean, a1, a2),
                                     "fix(damaged): " + context(fixed, b1, b2)))
    return res


# --------------------------------------------------------------------------------------------------- main



def pick_documents(root: Path, n: int, seed: int) -> list[tuple[Path, str]]:
    rng = random.Random(seed)
    genres = sorted(p.name for p in root.iterdir() if p.is_dir())
    shares = {g: n // len(genres) + (1 if i < n % len(genres) else 0) for i, g in enumerate(genres)}
    chosen = []
    for g in genres:
        files = [f for f in sorted((root / g).glob("*.txt"))
                 if han_count(f.read_text(encoding="utf-8")) >= MIN_HAN_DOC]
        chosen += [(f, g) for f in sorted(rng.sample(files, min(shares[g], len(files))))]
    return chosen


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    -"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpus" / "zh-Hans"))
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
    docs = pick_documents(root, args.docs, args.seed)
    known = known_errors()
    base = root.parent.parent
    tasks = [(str(f), f.relative_to(base).as_posix() if base in f.parents else str(f), g, args.seed, args.per_doc,
              kinds, known, not args.no_fix) for f, g in docs]
    if args.jobs > 1:
        import multiprocessing

        order = {t[1]: i for i, t in enumerate(tasks)}
        biggest_first = sorted(tasks, key=lambda t: -os.path.getsize(t[0]))  # balances the two workers
        with multiprocessing.Pool(args.jobs) as pool:
            results = sorted(pool.imap_unordered(run_document, biggest_first), key=lambda r: order[r["rel"]])
    else:
        results = [run_document(t) for t in tasks]
    elapsed = time.perf_counter() - t0

    injected, detected, repaired, other, fixed_n = Counter(), Counter(), Counter(), Counter(), Counter()
    unmatched = Counter()
    unmatched_rule = defaultdict(Counter)
    genre_inj, genre_det = Counter(), Counter()
    flagged_other = defaultdict(Counter)
    chars = sum(r["chars"] for r in results)
    false = Counter()
    real = 0
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    with (out_dir / "recall-missed.tsv").open("w", encoding="utf-8") as fm, \
            (out_dir / "recall-unmatched.tsv").open("w", encoding="utf-8") as fu, \
            (out_dir / "recall-fix.tsv").open("w", encoding="utf-8") as ff, \
            (out_dir / "recall-clean.tsv").open("w", encoding="utf-8") as fc:
        fc.write("rule\tfile\tline\tmessage\tcontext\n")
        fm.write("type\trule\tfile\tline\tinjected\tcontext\tother rules at the site\tnote\n")
        fu.write("type\trule\tfile\tline\twhere\tmessage\tcontext\n")
        ff.write("type\tfile\tline\toutcome\tfix(clean)\tfix(damaged)\n")
        for r in results:
            false.update(r["false"])
            for row in r["false_rows"]:
                fc.write("\t".join(str(x).replace("\t", " ").replace("\n", "⏎") for x in row) + "\n")
            real += r["real"]
            for rec in r["inj"]:
                k = rec["kind"]
                injected[k] += 1
                genre_inj[k, r["genre"]] += 1
                if rec["detected"]:
                    detected[k] += 1
                    genre_det[k, r["genre"]] += 1
                else:
                    for o in rec["others"]:
                        flagged_other[k][o] += 1
                    fm.write(f"{k}\t{rec['rule']}\t{r['rel']}\t{rec['line']}\t{rec['injected']}\t{rec['context']}\t"
                             f"{','.join(rec['others'])}\t{rec['note']}\n")
                if rec["repaired"] is not None:
                    fixed_n[k] += 1
                    repaired[k] += rec["repaired"]
                    other[k] += rec["other_change"]
            for row in r["unmatched"]:
                unmatched[row[0]] += 1
                unmatched_rule[row[1]][row[0]] += 1
                fu.write("\t".join(str(x).replace("\t", " ").replace("\n", "⏎") for x in row) + "\n")
            for row in r["fixes"]:
                ff.write("\t".join(str(x).replace("\t", " ").replace("\n", "⏎") for x in row) + "\n")

    genres = sorted({r["genre"] for r in results})
    per_genre = Counter(r["genre"] for r in results)
    lines = []
    lines.append(f"zhproof recall benchmark: seed {args.seed}, {len(results)} documents "
                 f"({', '.join(f'{g} {per_genre[g]}' for g in genres)}), up to {args.per_doc} injections per document "
                 f"and type, {chars:,} characters of clean text; {elapsed:.1f}s with {args.jobs} job(s)")
    lines.append("")
    head = f"{'type':16} {'rule':22} {'injected':>8} {'detected':>8} {'recall':>7} {'unmatched':>9} {'repaired':>8} {'other changes':>13}"
    lines.append(head)
    lines.append("-" * len(head))
    for k in kinds:
        rep = pct(repaired[k], fixed_n[k]) if fixed_n[k] else "    -"
        lines.append(f"{k:16} {RULE_OF[k]:22} {injected[k]:8} {detected[k]:8} {pct(detected[k], injected[k]):>7} "
                     f"{unmatched[k]:9} {rep:>8} {other[k] if fixed_n[k] else '-':>13}")
    lines.append("-" * len(head))
    ti, td = sum(injected.values()), sum(detected.values())
    tf = sum(fixed_n.values())
    lines.append(f"{'all':16} {'':22} {ti:8} {td:8} {pct(td, ti):>7} {sum(unmatched.values()):9} "
                 f"{pct(sum(repaired.values()), tf) if tf else '    -':>8} {sum(other.values()) if tf else '-':>13}")
    lines.append("")
    nf = sum(false.values())
    lines.append(f"clean text: {nf + real} findings on the chosen documents, {real} of them real errors of the source "
                 f"(bench/known_errors.tsv); {nf} false alarms = {nf * 1e5 / chars:.2f} per 100k characters")
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
            lines.append(f"  {rule:24} {sum(c.values()):4}  (" + ", ".join(f"{k} {n}" for k, n in c.most_common()) + ")")
    lines.append("")
    lines.append("details: bench/out/recall-missed.tsv, recall-unmatched.tsv, recall-fix.tsv, recall-clean.tsv")
    report = "\n".join(lines)
    print(report)
    (out_dir / "recall-summary.txt").write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
