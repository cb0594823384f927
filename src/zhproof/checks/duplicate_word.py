"""duplicate-word: a character, word or phrase written twice in a row by mistake."""
from __future__ import annotations

import re
import sys
from bisect import bisect_left
from functools import cache
from typing import Iterable

from ..document import Document
from ..patterns import HAN, HAN_BOUNDS, compile_re
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..data import word_list
from ..lexicon import lexicon
from ..rule import BaseRule, Example, RuleDoc

CONTEXT = 16  # characters of context on each side that the segmenter sees
TITLE_REACH = 100  # how far back a 《 may open the title a repeat stands in
# A unit of 1-6 Han characters written two or more times in a row (the standard library's engine: it scans
# several times faster than `regex`).
MAX_UNIT = 6
_CANDIDATE = compile_re(f"([{HAN}]{{1,{MAX_UNIT}}}?)\\1+")
_BEFORE = compile_re(f"[{HAN}]{{0,{CONTEXT}}}$")
_AFTER = compile_re(f"[{HAN}]{{0,{CONTEXT}}}")

# Parts of speech (jieba's tag set) of function words: a repeat that is a word boundary coincidence with
# one of these (目的|的, 为了|了解) is ordinary text.
FUNCTION_POS = frozenset({"uj", "ul", "uz", "uv", "ud", "ug", "u", "p", "c", "d", "r", "rr", "rz", "y", "e", "o", "f", "m", "q", "mq"})
# A character that stands alone this often in the lexicon's corpus (per 60M) is a free word, so a word
# ending or starting with it next to it alone (要|要求) is ordinary text.
FREE_WORD_FREQUENCY = 50_000
#: A character that starts at least this many dictionary words probably starts an unknown one after a word
#: ending in it (西藏|藏东南), so 打仗|仗 is only reported for characters that start fewer.
BOUND_START = 30
#: Likewise for a character that ends at least this many words (坦帕市|市长): 多|渠|渠道 needs fewer.
BOUND_END = 100
#: A one-character verb may be reduplicated (说说, 看看), except these, whose doubling is always a slip.
NOT_REDUPLICATED = frozenset("是有在为会能要得让使被叫把将")
#: A character that starts at least this many person names in the lexicon is taken as a surname.
SURNAME_NAMES = 20
MAX_LOOKAHEAD = 8
#: A phrase that starts with a degree adverb is repeated for emphasis: 很长很长, 好大好大, 非常非常.
DEGREE_ADVERBS = ("很", "好", "太", "真", "挺", "特别", "非常", "十分", "多么", "这么", "那么")
#: Particles that make a common character before them a word of its own (工作|作了, 大学|学的) when the
#: character is used as a word at least this often (per 60M words; 作 28,016, 学 17,482; 令 9,565 is not).
PARTICLES_AFTER = frozenset("了着过的得地")
FREE_WORD_BEFORE_PARTICLE = 15_000
#: 市场监管|监管部门 is reported only when the compound before the copy is at most this long.
MAX_AXXB_FIRST = 4
_NUMERAL = compile_re(r"[〇零一二三四五六七八九十百千万亿两]+")
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
        Example("市场监管监管部门着力规范市场竞争行为", "市场监管部门着力规范市场竞争行为"),
        Example("全国和县级以上和县级以上地方各级人民代表大会", "全国和县级以上地方各级人民代表大会"),
        Example("中国国家主席", ok=True),
        Example("这是我们的目的的一部分", ok=True),
        Example("常委会会议，工作作出部署，群众众志成城，财政政策", ok=True),
        Example("步步推进，层层深入，往往如此，紧紧抓住，环环相扣，高高飘扬", ok=True),
        Example("我们要研究研究，一步一步来，一个个解决，家家户户清清楚楚。谢谢！", ok=True),
        Example("人大代表代表团", ok=True),
        Example("北京大学大学生", ok=True),
        Example("他走着走着就到了，一天一天过去了，路很长很长。", ok=True),
        Example("保管人保管保管物", ok=True),
    ),
)


class DuplicateWord(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        find = _repeat_finder(text)
        pos = 0
        while True:
            found = find(pos)
            if found is None:
                return
            start, end, unit = found
            verdict = self._judge_match(doc, start, end, unit)
            if verdict is None:
                # a legitimate repeat may overlap a real one: look again from its last copy (not from inside a
                # legitimate run, which would report the run's tail pair by pair)
                k = len(unit)
                pos = start + 1 if end - start == 2 * k else end - k
                continue
            pos = end
            yield Diagnostic(
                self.name, start, end, f"“{unit}”重复", Severity.ERROR,
                Fix((Edit(start, end, unit),), verdict, f"删去重复的“{unit}”"),
            )

    @staticmethod
    def _judge_match(doc: Document, start: int, end: int, unit: str) -> Safety | None:
        text = doc.text
        lex = lexicon()
        if not doc.traditional and end - start == 2 * len(unit) <= 4:
            # cheap verdicts that segmentation would reach too: a doubled word the lexicon lists (常常, 看看),
            # and a character ending one word and starting the next (中国|国家, 常委会|会议)
            if unit * 2 in lex:
                return None
            if len(unit) == 1 and text[start - 1:start + 1] in lex and text[start + 1:start + 3] in lex:
                return None
        near = max(0, start - TITLE_REACH, text.rfind("\n", max(0, start - TITLE_REACH), start) + 1)
        if text.rfind("《", near, start) > text.rfind("》", near, start):
            return None  # inside a title of a work: 《北伐北伐》
        # the run of Han characters around the candidate, at most CONTEXT on each side
        lo = _BEFORE.search(text, max(0, start - CONTEXT), start).start()
        hi = _AFTER.match(text, end, min(len(text), end + CONTEXT)).end()
        window = text[lo:hi]
        if doc.traditional:
            window = _to_simplified(window)
        return judge(lex, word_list("reduplication"), window, start - lo, len(unit))


#: Repeats are found with numpy (vector comparisons, about 7 times faster than the pattern, and faster from
#: about 300 characters on) once it is loaded; importing it takes 90 ms, as long as the pattern takes on
#: about 800,000 characters. So a process loads numpy once it has been given that many characters to check
#: (in one text or in many), and from then on every text of VECTOR_MIN_LOADED characters or more gets the
#: vector search; before a run over many files the CLI loads it at once (``prepare_for_run``).
VECTOR_MIN = 800_000
VECTOR_MIN_LOADED = 500
VECTOR_RUN_BYTES = 2_000_000
VECTOR_CHUNK = 1 << 20  # characters per block of the vector search (bounds its memory)
_volume = 0  # characters this process has searched for repeats


def prepare_for_run(total_bytes: int) -> None:
    """Before a run over ``total_bytes`` of input (many files, say): load numpy now if the vector search will
    repay its import (worker processes then inherit it)."""
    if total_bytes >= VECTOR_RUN_BYTES:
        _load_numpy()


def _load_numpy():
    try:
        import numpy
    except ImportError:  # pragma: no cover - numpy is a dependency; the pattern still works without it
        return None
    return numpy


def _repeat_finder(text: str):
    """``find(pos)``: the first repeat at or after ``pos`` as ``(start, end, unit)``, or None.

    A repeat is what ``_CANDIDATE`` matches: the leftmost unit of 1-6 Han characters, the shortest at its
    position, followed by as many copies as there are. With numpy, the same answers come from a vector
    search."""
    global _volume
    _volume += len(text)
    numpy = sys.modules.get("numpy")
    if numpy is None and _volume >= VECTOR_MIN:
        numpy = _load_numpy()
    if numpy is not None and len(text) >= VECTOR_MIN_LOADED:
        starts, units = _vector_repeats(numpy, text)

        def find_vector(pos: int):
            j = bisect_left(starts, pos)
            if j == len(starts):
                return None
            i = starts[j]
            k = units[j]
            unit = text[i:i + k]
            end = i + 2 * k
            for _ in range(8):
                if not text.startswith(unit, end):
                    return i, end, unit
                end += k
            # a long run of copies: the rest of it in one match, in C
            return i, re.compile(f"(?:{re.escape(unit)})*").match(text, end).end(), unit

        return find_vector

    def find_pattern(pos: int):
        m = _CANDIDATE.search(text, pos)
        return None if m is None else (m.start(), m.end(), m.group(1))

    return find_pattern


def _vector_repeats(np, text: str) -> tuple[list[int], list[int]]:
    """Every position where a unit of 1-6 Han characters is followed by a copy, with the shortest such unit.

    For each unit length k the text (as code points) is compared with itself shifted by k; a repeat starts at
    i when the k comparisons from i all hold and the unit is Han. Worked in blocks, so memory stays bounded."""
    table = _han_table(np)
    starts: list[int] = []
    units: list[int] = []
    n_text = len(text)
    for lo in range(0, n_text, VECTOR_CHUNK):
        hi = min(n_text, lo + VECTOR_CHUNK)
        block = text[lo:min(n_text, hi + 2 * MAX_UNIT - 1)]  # a repeat starting before hi ends inside
        a = np.frombuffer(block.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        n = len(a)
        han = table[np.minimum(a, 0xFFFF)]
        astral = np.flatnonzero(a > 0xFFFF)
        if len(astral):
            han[astral] = np.searchsorted(_han_bounds(np), a[astral], side="right") & 1 == 1
        best = np.zeros(hi - lo, dtype=np.int8)
        for k in range(MAX_UNIT, 0, -1):  # the shortest unit is written last and wins
            m = n - 2 * k + 1  # positions with room for a unit and a copy
            if m <= 0:
                continue
            same = (a[:n - k] == a[k:]) & han[:n - k]  # same[i]: a[i] is Han and equals a[i + k]
            run = same[:m].copy()
            for j in range(1, k):
                run &= same[j:j + m]
            hits = np.flatnonzero(run[:hi - lo])
            best[hits] = k
        where = np.flatnonzero(best)
        starts += (where + lo).tolist()
        units += best[where].tolist()
    return starts, units


@cache
def _han_table(np):
    """A boolean per code point of the Basic Multilingual Plane: is it Han?"""
    table = np.zeros(0x10000, dtype=bool)
    for lo, hi in zip(HAN_BOUNDS[0::2], HAN_BOUNDS[1::2]):
        if lo <= 0xFFFF:
            table[lo:min(hi, 0x10000)] = True
    return table


@cache
def _han_bounds(np):
    return np.array(HAN_BOUNDS, dtype=np.uint32)


def _to_simplified(window: str) -> str:
    from .traditional_char import converter

    out = converter("t2s").convert(window)
    return out if len(out) == len(window) else window


def judge(lex, redup, window: str, a: int, k: int) -> Safety | None:
    """Is the repeat of ``window[a:a+k]`` at ``a+k`` an error? Returns the fix safety, or None if not."""
    return explain(lex, redup, window, a, k)[0]


def explain(lex, redup, window: str, a: int, k: int) -> tuple[Safety | None, str]:
    """``judge`` with the reason for its verdict (for developers tuning the rule)."""
    unit = window[a:a + k]
    mid = a + k
    if _NUMERAL.fullmatch(unit):
        return None, "二〇〇七, 一一对应, 两两相对"
    if k == 1 and _aabb(lex, window, a):
        return None, "疲疲沓沓, 干干净净: AABB reduplication of the word AB"
    t1 = t2 = t3 = t4 = None
    starts = set()
    for s, e in lex.segment(window):
        starts.add(s)
        if t3 is not None and t4 is None and s == mid + k + len(t3):
            t4 = window[s:e]
        if s < mid < e:
            return None, "the repeat lies inside one word: 常常, 家家户户, 财政政策"
        if e == mid:
            t1 = window[s:e]
        if s == mid:
            t2 = window[s:e]
        if s == mid + k:
            t3 = window[s:e]
    if t1 is None or t2 is None:  # pragma: no cover - segmentation always covers the window
        return None, "if t1 is None or t2 is None:  # pragma: no cover - segmentat"
    before = window[a - 1] if a > 0 else ""
    if t1 == unit and t2 == unit:
        # the same word twice: an error unless it is reduplication
        if unit in redup:
            return None, "if unit in redup:"
        if k >= 2 and lex.pos(unit) in ("o", "e", "y"):
            return None, "叮铃叮铃, 哗啦哗啦: onomatopoeia repeats"
        if k >= 2 and unit[0] == "一":  # 一步一步, 一点一点
            return None, "if k >= 2 and unit[0] == '一':  # 一步一步, 一点一点"
        if k == 1:
            pos = lex.pos(unit)
            if before and unit in word_list("name-suffixes") and lex.pos(_token_before(lex, window, a) or "") not in FUNCTION_POS:
                return None, "贵港|港|港, 俄亥俄州|州|州议会: the generic part of a name, then a word starting with it"
            if before == "一" or pos in ("m", "q", "mq", "o", "e", "y"):
                return None, "一个个, 座座军营, 年年, 哈哈, 哞哞: classifiers, numerals, onomatopoeia"
            if pos is not None and (pos.startswith("n") or pos == "zg") and t3 is not None and lex.pos(t3) in ("v", "vn", "a", "ad", "i", "l"):
                return None, "村村通, 船船互联, 南南合作, 心心相通: 'every X', 'X with X'"
            if _nounish(pos) and lex.ends_words(unit) >= BOUND_END:
                return None, "俄亥俄州|州议会, 广东队|队史: the first copy ends a name the lexicon lacks"
            if _nounish(pos) and t3 is not None and len(t3) == 1 and _compound_part(lex, t3):
                return None, "大法|庭|庭|员: the second copy and a lone noun make a compound the lexicon lacks"
            if any(len(w) >= 2 for w in lex.prefixes(window[mid:mid + MAX_LOOKAHEAD])):
                return None, "the second copy starts a word the segmenter did not pick: 2021年|年会, 有|有组织"
            if pos == "v" and unit not in NOT_REDUPLICATED:
                return None, "说说, 用用, 过过: a one-character verb reduplicated ('do it a little')"
            if lex.starts_names(before) >= SURNAME_NAMES and pos not in FUNCTION_POS:
                return None, "a given name after a surname: 杨瑞瑞, 屠呦呦, 沈跃跃"
        if k >= 2 and t3 is not None and t3 in COMPOUND_SUFFIXES:
            # 保管保管物: the second copy and a lone suffix make a compound the lexicon does not know
            return None, "# 保管保管物: the second copy and a lone suffix make a compound t"
        return Safety.SAFE, "the same word twice"
    if k >= 2 and a in starts and (mid + k in starts or mid + k == len(window)) and len(t2) < k:
        # a phrase of several words written twice: 的主管人员和的主管人员和, 和县级以上和县级以上
        if unit[0] == "一" or unit.endswith("着") or unit in redup or unit.startswith(DEGREE_ADVERBS):
            return None, "一天一天, 走着走着, 很长很长: a repeated phrase that is reduplication or emphasis"
        if unit[0] in "的之" and t3 is not None and (
            _nounish(lex.pos(t3)) or (lex.pos(t3) in ("v", "vn") and t4 is not None and _nounish(lex.pos(t4)))
        ):
            return None, "属于集体的土地|的土地承包经营权: a possessive before a compound that starts the same way"
        return Safety.SAFE, "a phrase of several words written twice"
    if k >= 2 and unit in lex and t1 != unit and t2 != unit and t1.endswith(unit) and t2.startswith(unit):
        # 市场监管|监管部门: a word ends one compound and starts the next. Only when what follows the copy is a
        # word of its own (部门); 北京大学|大学生 ends on a suffix and is two nouns side by side. Unsafe: the
        # compounds may both be meant.
        # A long compound before the copy is a name with terms of its own after it (全民健康保险|保险对象).
        rest = t2[k:]
        if len(rest) >= 2 and rest in lex and len(t1) <= MAX_AXXB_FIRST:
            return Safety.UNSAFE, "a word ending one compound and starting the next: 市场监管|监管部门"
        return None, "two compounds sharing a word: 北京大学|大学生"
    if k != 1 or _free_word(lex, unit):
        return None, "目的|的, 要|要求, 为了|了解, 代表|代表团, 中国|国家"
    if t2 == unit and t1.endswith(unit):
        # 打仗|仗: a word followed by a copy of its last character, alone
        pos = lex.pos(unit)
        if before == "一" or pos in ("q", "m", "mq"):
            return None, "一次次, 来信|件|件有回复: a classifier reduplicated ('every one')"
        if any(len(w) >= 2 for w in lex.prefixes(window[mid:mid + MAX_LOOKAHEAD])):
            return None, "the copy starts a word with what follows: 六盘水|水城区"
        if t3 is not None and t3[0] in PARTICLES_AFTER and pos in ("v", "vn", "a", "ad", "n") and lex.frequency(unit) >= FREE_WORD_BEFORE_PARTICLE:
            return None, "the copy is a word of its own, a particle follows: 工作|作|了发言"
        if t3 is not None and pos in ("d", "a", "ad") and lex.pos(t3) in ("v", "vn"):
            return None, "the copy is an adverb before a verb: 健全|全|覆盖"
        if t3 is not None and pos == "v" and lex.pos(t3) in ("r", "rr", "rz"):
            return None, "the copy is a verb with its object: 依前项规定|定|其管辖"
        if unit in word_list("name-suffixes") and t3 is not None and len(t3) == 1 and _compound_part(lex, t3):
            return None, "阿拉善左旗|旗|长, 冷库|库|长: the generic part of a name, then a title made of it"
        if t3 is not None and len(t3) == 1 and _compound_part(lex, t3) and _nounish(pos):
            return None, "大法庭|庭|员: the copy and a lone noun character make a compound the lexicon lacks"
        return Safety.SAFE, "a word and a copy of its last character"
    if t1 == unit and t2.startswith(unit):
        # 多|渠|渠道: a lone character followed by a word that starts with it
        if t2 == unit + "长":
            return None, "国际能源署|署长, 大连舰|舰长: a unit followed by its head"
        if any(window[a - j:mid] in lex for j in (1, 2, 3) if a - j >= 0):
            return None, "the first copy ends a word with what precedes: 评标|标准"
        if lex.pos(unit) in ("v", "a") and lex.pos(t2) in ("v", "vn", "vi") and len(t2) == 2:
            return None, "健健身, 打打球, 散散步: a verb-object word with its verb reduplicated"
        t0 = _token_before(lex, window, a)
        if t0 and lex.pos(t0) not in FUNCTION_POS and unit in word_list("name-suffixes"):
            return None, "应急部|部署, 派遣国|国籍: the generic part of a name the lexicon lacks"
        return Safety.SAFE, "a lone character and a word starting with it"
    return None, "a boundary between two words: 中国|国家, 代表|代表团"


def _token_before(lex, window: str, a: int) -> str | None:
    for s, e in lex.segment(window[:a]):
        if e == a:
            return window[s:e]
    return None


def _nounish(pos: str | None) -> bool:
    return pos is not None and (pos.startswith("n") or pos in ("vn", "j"))


def _compound_part(lex, token: str) -> bool:
    """Can ``token`` continue a compound noun: a noun, or a bound noun-forming character (员, 物)?"""
    pos = lex.pos(token)
    return _nounish(pos) or (len(token) == 1 and pos in ("zg", "g"))


def _aabb(lex, w: str, a: int) -> bool:
    """Is ``w[a]w[a+1]`` one half of an AABB reduplication of a dictionary word AB?"""
    if a + 3 < len(w) and w[a + 2] == w[a + 3] and w[a + 2] != w[a] and w[a] + w[a + 2] in lex:
        return True
    return a >= 2 and w[a - 2] == w[a - 1] and w[a - 2] != w[a] and w[a - 2] + w[a] in lex


def _free_word(lex, ch: str) -> bool:
    return lex.pos(ch) in FUNCTION_POS or lex.frequency(ch) >= FREE_WORD_FREQUENCY


RULE = DuplicateWord(name="duplicate-word", doc=DOC, fixable="always", origin=__name__)
