"""traditional-char: traditional (or variant) characters in simplified text, and the reverse for zh-Hant."""

from __future__ import annotations

from bisect import bisect_left

import re
from functools import cache
from pathlib import Path
from typing import Iterable

from ..document import Document
from ..patterns import HAN, KANA, compile_re, may_have_astral
from ..script import converter
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..rule import BaseRule, Example, RuleDoc

_KANA = compile_re(f"[{KANA}]")
_LABEL = compile_re(f"[{HAN}]{{1,8}}")
_LIST_ITEM = compile_re(r"[ \t]*[-*+•·][ \t]")
# A Markdown link's text that names a language or script (日本語, 繁體中文, 简体中文, 粵語), the link going to that
# language's version of the document (a language code in its path or file name: README_JA.md, /zh-hant/,
# README.zh-CN.md) or the name followed by its translation ([日本語 / 日语](…)).
_LINK_LABEL = compile_re(
    f"[{HAN}]{{0,4}}(?:中文|[文語语體体])(?:[ \t]*/[ \t]|\\]\\((?:[a-zA-Z]+://[^/)\\s]*)?[^)\\s]*?"
    r"(?i:(?<![a-z])(?:ja|jp|ko|kr|tw|hk|mo|cn|sg|chs|cht|sc|tc|zh[-_]?(?:tw|hk|mo|cn|sg|hant|hans)"
    r"|readme[-_.][a-z]{2})(?![a-z])))"
)
_LABEL_START = compile_re(r"\[[ \t]*$")
#: A document whose Han characters and kana are at least this share kana is Japanese (Japanese prose is about half
#: kana; a Chinese text quoting Japanese has a few).
JAPANESE_SHARE = 0.1
#: ... and has at least this many kana.
JAPANESE_KANA = 50
_HAN_CHAR = compile_re(f"[{HAN}]")
_CLAUSE_END = compile_re(r"[，。；：！？、\r\n,;!?]")
CONTEXT = 12  # characters each side given to the phrase-aware converter
#: Quotation marks that hold nothing but this many wrong-script characters mention them as characters (“國”简化为
#: “国”, the form “裡”); two are a word (“謝謝”, “東區”), reported.
MENTION_MAX = 1
#: A clause with at least this many wrong-script characters is a quoted passage in the other script (a
#: Taiwan film title, a Hong Kong shop sign): one finding for the whole run, as a warning.
PASSAGE_MIN = 4

#: A document with at least this many characters of the other script, and far more of them than characters of its
#: own script, is written in the other script: one finding for the whole document, without a fix. So is one with
#: PASSAGE_MIN or more and none of its own script.
OTHER_SCRIPT_MIN = 10
#: ... outside quotation marks, and more than this many times as many as characters of its own script.
OTHER_SCRIPT_RATIO = 3

#: The standards whose forms are correct in a variant: generic traditional text is right when OpenCC's own
#: standard, Taiwan's or Hong Kong's writes the character so (a Hong Kong name 郭偉强, Taiwan's 么).
ACCEPTED = {"zh-Hans": ("t2s",), "zh-Hant": ("s2t", "s2tw", "s2hk"), "zh-TW": ("s2tw",), "zh-HK": ("s2hk",)}
#: parts of speech of the lexicon that mark a name
NAME_POS = frozenset({"nr", "ns", "nrt", "nz", "nrfg"})


@cache
def _candidates(table: str):
    """A scanner of the candidate characters, and their set.

    The standard library's engine scans a character class of the Basic Multilingual Plane ten times faster
    than `regex`, but slows down as much once the class holds characters beyond it; those (rare) characters
    get a scan of their own."""
    from .. import cache
    from ..data import char_table, word_list
    from ..resources import rules_dir

    # the set is derived from three data files by the code of this module and of data.py: cached (start-up),
    # with a checksum of all five, so that a change to any of them makes a new set
    from .. import data

    sources = [
        rules_dir() / f for f in (f"hanzi/{table}.txt", "data/script-neutral.txt", "data/usually-traditional.txt")
    ]
    sources += [Path(__file__), Path(data.__file__)]
    try:
        stamp = tuple(cache.checksum(p.read_bytes()) for p in sources)
    except OSError:
        stamp = None
    hit = cache.get("candidates", table) if stamp is not None else None
    if isinstance(hit, tuple) and len(hit) == 2 and hit[0] == stamp and isinstance(hit[1], str):
        chars = hit[1]
    else:
        found = set(char_table(table))
        if table == "traditional":
            found = (found - word_list("script-neutral")) | word_list("usually-traditional")
        chars = "".join(sorted(found))
        if stamp is not None:
            cache.put("candidates", table, (stamp, chars))
    bmp = "".join(c for c in chars if c <= "\uffff")
    return compile_re("[" + re.escape(bmp) + "]+"), frozenset(chars)


_ASTRAL = compile_re("[\U00010000-\U0010ffff]+")


def _own_script(text: str, table: str, enough: int) -> int:
    """How many characters of ``table`` the text holds, counted only up to ``enough`` (a simplified document with
    a few traditional characters answers at its first lines; only a document in the other script is read
    whole)."""
    pattern, _ = _candidates(table)
    n = 0
    for m in pattern.finditer(text):
        n += m.end() - m.start()
        if n >= enough:
            break
    return n


def _candidate_runs(text: str, table: str):
    """(start, end) of the runs of candidate characters, in order."""
    pattern, wrong = _candidates(table)
    runs = [m.span() for m in pattern.finditer(text)]
    extra = []
    if may_have_astral(text):  # (most texts have no character beyond U+FFFF: no scan for them)
        extra = [(i, i + 1) for m in _ASTRAL.finditer(text) for i in range(*m.span()) if text[i] in wrong]
    return sorted(runs + extra) if extra else runs


DOC = RuleDoc(
    summary="traditional characters in simplified text (or simplified characters in traditional text)",
    what=(
        "Finds characters of the other script: in simplified text (the default) characters that only "
        'traditional or variant text uses (交通運輸), and with `variant = "zh-Hant"` (or zh-TW, zh-HK) '
        "characters that only simplified text uses; in zh-Hant a character is reported only when OpenCC's own, "
        "Taiwan's and Hong Kong's standards all change it (a Hong Kong name such as 郭偉强 is right), and a character "
        "that OpenCC's traditional side keeps in names (庄, 晋; rules/hanzi/name-variants.txt) only inside an "
        "ordinary word (村庄, not 西庄). In zh-Hant and zh-TW a character that Taiwan's standard list of common "
        "characters (教育部《常用國字標準字體表》; rules/hanzi/taiwan-standard.txt) holds and its counterpart not "
        "is Taiwan's form of the word and right (晒, 肴); one the list holds beside its counterpart, where Taiwan's "
        "statutes write both (霉 and 黴), is reported with an unsafe fix. Candidates come from OpenCC's character tables "
        "(rules/hanzi/); a character that is correct in both scripts in some uses (乾隆, 著名, 瞭望, 於) is "
        "never a candidate. The replacement comes from OpenCC's phrase-aware conversion of the surrounding "
        "clause, and only the flagged characters change. Characters that simplified text keeps in names and terms "
        "(黄霑, 濛江, 二噁英; rules/data/script-neutral.txt) are not candidates. Text with kana or with a form "
        "only Japanese writes (県, 駅; rules/hanzi/japanese.txt) is Japanese, and so is a whole document whose "
        f"Han characters and kana are {JAPANESE_SHARE:.0%} kana or more, {JAPANESE_KANA} at least (README_JA.md: its "
        "headings hold no kana); a list item that is only a name in its own script (- 正體中文), and a link that names a language and goes to "
        "that language's version or is followed by its translation ([日本語](README_JA.md), [繁體中文 / 繁体中文](…)), "
        "is a label, and so is a person's name that starts with a surname (or four characters with a compound one), "
        "in parentheses after its romanisation (Xuan Huang (黄玄)): all are left alone. Wrong-script "
        "characters inside quotation or title marks (“時代廣場”, 《海角七號》) are reported once for the quotation, "
        "as a warning: the quote may reproduce the original; marks that hold one such character and nothing else "
        "mention it as a character (“國”简化为“国”) and are not reported. Otherwise a "
        f"clause with {PASSAGE_MIN} or more such characters is reported once, as a warning: usually a quoted "
        f"passage in the other script. A document with {OTHER_SCRIPT_MIN} or more characters of the other script "
        f"outside quotation marks and more than {OTHER_SCRIPT_RATIO} times as many as of its own (README.zh-TW.md "
        f"checked as simplified text), or with {PASSAGE_MIN} or more and none of its own (a short text: 這是一個繁體中文的文件，"
        "我們覺得說話很難。), is written in the other "
        "script: one warning for the whole document, without a fix, that names the variant to set."
    ),
    why=(
        "Copy-paste from Taiwan or Hong Kong sources, old documents and input-method slips leave characters of "
        "the wrong script, which readers notice at once and search engines index wrongly."
    ),
    fix=(
        "Converts the flagged characters with OpenCC; in zh-Hant with the standard whose forms the document "
        "uses where they differ (為 or 爲, 裡 or 裏), or, where the document does not tell, the form most of OpenCC's, "
        "Taiwan's and Hong Kong's standards write (為). Safe for isolated characters (unsafe for a character "
        "Taiwan's list holds beside its counterpart where Taiwan's statutes write both: 霉, and for a form outside the "
        "Basic Multilingual Plane, which many fonts lack: 虉 -> 𬟁; and, in zh-TW or zh-HK, for a form that another "
        "standard of traditional text writes: 晒, the Cantonese particle of Hong Kong writing, 食晒); unsafe for a whole quoted "
        "passage, which may be meant to stay as written. None for a document written in the other script: converting it "
        "is the author's decision, and converting its characters one by one left it in both scripts."
    ),
    examples=(
        Example("建立交通運輸“绿色通道”", "建立交通运输“绿色通道”"),
        Example("這是我们的工作", "这是我们的工作"),
        Example("他出生於伦敦", "他出生于伦敦"),
        Example("台湾电影《海角七號》上映，香港的“時代廣場”很热闹", "台湾电影《海角七号》上映，香港的“时代广场”很热闹"),
        Example("乾隆年间，著名的瞭望塔覆盖全城，王丙乾会见了他，不要破坏土壤", ok=True),
        Example("日本語の連絡先", ok=True),
        Example("黄霑作词，1946年濛江县改名为靖宇县，二噁英有毒。", ok=True),
        Example("本书的译本：\n- 正體中文\n- 日本語\n", ok=True),
        Example(
            "**简体中文** | **[日本語](./README_JA.md)** | [繁體中文 / 繁体中文](https://zh-hant.example.org)", ok=True
        ),
        Example(
            "## 基礎\n\nこの文書は日本語で書かれています。詳解は次の章を読んでください。"
            "並行処理については、それぞれの章でくわしく説明しますので、まずは基本をしっかり押さえておきましょう。",
            ok=True,
        ),
        Example("建立交通运输“绿色通道”", ok=True),
        Example("這是我們的工作，交通运输很方便", "這是我們的工作，交通運輸很方便", variant="zh-Hant"),
        Example("這是我們的工作", ok=True, variant="zh-Hant"),
        Example("臺南市西庄里的居民，郭晋安主演，香港恒生指數，日本静岡県", ok=True, variant="zh-Hant"),
        Example("村庄裡的武侠小說", "村莊裡的武俠小說", variant="zh-Hant"),
        Example("他為我們做事，因为天氣好", "他為我們做事，因為天氣好", variant="zh-Hant"),
        Example("因为天氣好", "因為天氣好", variant="zh-Hant"),
        Example("今天晒衣服，菜肴很香", ok=True, variant="zh-Hant"),
    ),
)


class TraditionalChar(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        table = "simplified" if doc.traditional else "traditional"
        _, wrong = _candidates(table)
        other = "简体字" if doc.traditional else "繁体字"
        pending: list[tuple[int, int, str, bool]] = []  # (start, end, replacement, regional) runs of one group
        group = None  # the clause, or the quotation or title, that the pending runs belong to
        counts: dict[str, int] = {}  # how often the text holds a character (_choose), counted once per document
        runs_ = _candidate_runs(text, table)
        if runs_ and _japanese_document(text):
            return  # a Japanese document (README_JA.md): its kanji are no slip of either Chinese script
        wrong_count = sum(e - s for s, e in runs_)
        quotes: _Quotes | None = None
        if wrong_count >= PASSAGE_MIN:
            # outside quotations (a simplified report may quote a Taiwan notice in full)
            quotes = _Quotes(text)
            wrong_count = sum(e - s for s, e in runs_ if not quotes.quotation(s, e, *doc.line_bounds(s)))
        if wrong_count >= PASSAGE_MIN:
            # far more than of its own script; or, in a short text with fewer than OTHER_SCRIPT_MIN, none of its own
            # (這是一個繁體中文的文件，我們覺得說話很難。: its first clause was converted, its second left as written)
            enough = wrong_count // OTHER_SCRIPT_RATIO + 1 if wrong_count >= OTHER_SCRIPT_MIN else 1
            own = _own_script(text, "traditional" if doc.traditional else "simplified", enough)
            if own < enough:
                # the document is written in the other script (README.zh-TW.md checked as zh-Hans): its
                # characters are no slip, and converting them one by one would leave it in both scripts
                start, end = runs_[0]
                mine = "繁体" if doc.traditional else "简体"
                variant = "zh-Hans" if doc.traditional else "zh-Hant"
                yield Diagnostic(
                    self.name,
                    start,
                    end,
                    f"全文以{other[:2]}书写（{wrong_count}个{other}，{own}个{mine}字）：若本应如此，请设 variant = "
                    f'"{variant}"（或 --variant auto）',
                    Severity.WARNING,
                )
                return
        for start, end in runs_:
            lo, hi = _clause(text, start, end)
            if _KANA.search(text, lo, hi) or _japanese(text, lo, hi):
                continue  # Japanese: kana, or a form only Japanese writes (静岡県)
            line_lo, line_hi = doc.line_bounds(start)
            item = _LIST_ITEM.match(text, line_lo)
            if item and _LABEL.fullmatch(text, item.end(), hi):
                continue  # a list item that is a name in its own script: - 正體中文
            name = start
            while name > line_lo and start - name < 8 and _HAN_CHAR.match(text, name - 1):
                name -= 1  # the run of Han characters the candidate is part of
            if _LINK_LABEL.match(text, name) and _LABEL_START.search(text, max(0, name - 3), name):
                continue  # a link that is a name in its own script: [日本語](README_JA.md), [繁體中文 / 繁体中文](…)
            if _romanised_name(text, name, line_lo):
                continue  # a person's name as they write it, after its romanisation: Xuan Huang (黄玄)
            runs = self._runs(text, doc.variant, wrong, start, end, lo, hi, counts)
            if quotes is None:
                quotes = _Quotes(text)
            quoted = quotes.quotation(start, end, line_lo, line_hi)
            key = ("quote", *quoted) if quoted else ("clause", lo, hi)
            if key != group:
                yield from self._emit(pending, text, other, group, doc.variant)
                pending = []
                group = key
            pending.extend(runs)
        yield from self._emit(pending, text, other, group, doc.variant)

    @staticmethod
    def _runs(text, variant, wrong, start, end, lo, hi, counts=None) -> list[tuple[int, int, str, bool]]:
        """The runs of wrong-script characters in ``text[start:end]`` that every accepted standard changes."""
        window_lo = max(lo, start - CONTEXT)
        window = text[window_lo : min(hi, end + CONTEXT)]
        versions = [converter(c).convert(window) for c in ACCEPTED[variant]]
        if any(len(v) != len(window) for v in versions):  # conversion changed length: the run alone
            window_lo, window = start, text[start:end]
            versions = [converter(c).convert(window) for c in ACCEPTED[variant]]
            if any(len(v) != len(window) for v in versions):
                return []
        converted = _choose(text, window, versions, {} if counts is None else counts)
        # in a regional variant (zh-TW, zh-HK), the forms that another standard of traditional text writes (晒, a
        # Cantonese particle in Hong Kong writing, which Hong Kong's table changes to 曬): reported, a person decides
        generic = [converter(c).convert(window) for c in ACCEPTED["zh-Hant"]] if variant in REGIONAL_VARIANTS else []
        elsewhere = _taiwan("sole") if variant in REGIONAL_VARIANTS else frozenset()  # (Taiwan's list: zh-Hant's)
        names = _name_variants() if variant != "zh-Hans" else frozenset()
        taiwan = _taiwan("sole") if variant in TAIWAN_ACCEPTED else frozenset()
        runs = []
        run_start = None
        for i in range(start, end + 1):
            changed = (
                i < end
                and text[i] in wrong
                and all(v[i - window_lo] != text[i] for v in versions)
                and (text[i] not in names or _in_ordinary_word(text, i, lo, hi))
                and text[i] not in taiwan
            )
            if changed and run_start is None:
                run_start = i
            elif not changed and run_start is not None:
                regional = bool(generic) and any(
                    text[j] in elsewhere or any(g[j - window_lo] == text[j] for g in generic)
                    for j in range(run_start, i)
                )
                runs.append((run_start, i, converted[run_start - window_lo : i - window_lo], regional))
                run_start = None
        return runs

    def _emit(self, runs, text, other, group, variant: str = "zh-Hans") -> Iterable[Diagnostic]:
        if not runs:
            return
        count = sum(e - s for s, e, *_ in runs)
        quoted = group is not None and group[0] == "quote"
        if quoted and group[2] - group[1] <= MENTION_MAX and count == group[2] - group[1]:
            return  # a character quoted alone is mentioned as such (“國”简化为“国”): no finding, no conversion
        if quoted or count >= PASSAGE_MIN:
            start, end = runs[0][0], runs[-1][1]
            if quoted:
                start, end = group[1], group[2]
                message = f"引文或标题里有{count}个{other}（可能是照录原文）：“{text[start:end]}”"
            else:
                message = f"这一段有{count}个{other}（可能是引用的原文）：“{text[start:end]}”"
            edits = tuple(Edit(s, e, new) for s, e, new, _ in runs)
            yield Diagnostic(self.name, start, end, message, Severity.WARNING, Fix(edits, Safety.UNSAFE, "转换整段"))
            return
        shared = _taiwan("both") if variant in TAIWAN_ACCEPTED else frozenset()
        for s, e, new, regional in runs:
            # (a character that Taiwan's standard list holds beside its counterpart, 霉 beside 黴: the word may take
            # either, and a person chooses)
            # (and a form outside the Basic Multilingual Plane, 虉 -> 𬟁: many fonts lack it, and books of botany or
            # names keep the older form; a person chooses)
            # (and in zh-TW or zh-HK a form that another standard of traditional text writes: 晒 in Hong Kong)
            unsure = regional or any(c in shared for c in text[s:e]) or any(ord(c) > 0xFFFF for c in new)
            safety = Safety.UNSAFE if unsure else Safety.SAFE
            yield Diagnostic(
                self.name,
                s,
                e,
                f"{other}“{text[s:e]}”，应为“{new}”",
                Severity.ERROR,
                Fix((Edit(s, e, new),), safety, f"改为“{new}”"),
            )


#: A romanised personal name, two capitalised words, and an opening parenthesis (Xuan Huang (, Rick Hanlon （): the
#: Han characters in the parentheses, a name that starts with a surname, are the person's name in their own
#: writing, which no script convention changes (not a product's or a place's gloss: Google Chrome (瀏覽器)).
_ROMANISED_NAME = compile_re(
    r"(?<![\w-])[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,2} ?[(（]$"
)
_NAME_CLOSE = compile_re(f"([{HAN}]{{2}})[{HAN}]{{0,2}}[)）]")
#: A surname starts at least this many person names of the lexicon (黄 822, 邝 8, 冼 1; not 紐, 編, 瀏: 0).
SURNAME_NAMES = 1
#: The compound surnames, which a four-character name opens (歐陽娜娜).
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 独孤 南宫 西门".split()
)


def _romanised_name(text: str, name: int, line_lo: int) -> bool:
    """Is the run of Han characters at ``name`` a person's name in parentheses right after its romanisation (Xuan
    Huang (黄玄), Ming-Wei Chen (陳明偉), Ouyang Nana (歐陽娜娜)): two or three characters that open with a surname,
    or four that open with a compound one?"""
    close = _NAME_CLOSE.match(text, name)
    if close is None or _ROMANISED_NAME.search(text, max(line_lo, name - 40), name) is None:
        return False
    from ..lexicon import lexicon
    from ..script import to_simplified

    head = to_simplified(close.group(1)) or close.group(1)
    if close.end() - name == 5:  # four characters: a compound surname and a given name
        return head in COMPOUND_SURNAMES
    return lexicon().starts_names(head[0]) >= SURNAME_NAMES


#: The variants whose accepted standards include Taiwan's (ACCEPTED): Taiwan's standard list of common characters
#: (rules/hanzi/taiwan-standard.txt) decides there.
TAIWAN_ACCEPTED = frozenset({"zh-Hant", "zh-TW"})
#: The variants of one region's standard alone (ACCEPTED).
REGIONAL_VARIANTS = frozenset({"zh-TW", "zh-HK"})


@cache
def _taiwan(how: str) -> frozenset[str]:
    """The simplified-only characters (by OpenCC) of Taiwan's list of common characters, by how Taiwan writes them
    (rules/hanzi/taiwan-standard.txt): ``sole``, Taiwan's form of their word, the list holding them and not their
    counterpart (晒 for 曬, 肴 for 餚); ``both``, written beside their counterpart for the same words, the list
    holding both and Taiwan's statutes writing both (霉 19 times, 黴 62). (Not ``rare``: 坏, 并, 么, 虱, which the
    list holds while the statutes write their counterparts: a slip.)"""
    from ..data import char_table

    return frozenset(c for c, kind in char_table("taiwan-standard").items() if kind == how)


@cache
def _name_variants() -> frozenset[str]:
    from ..data import char_table

    return frozenset(char_table("name-variants"))


@cache
def _japanese_pattern():
    from ..data import char_table

    return compile_re("[" + re.escape("".join(c for c in char_table("japanese") if c <= "\uffff")) + "]")


def _japanese_document(text: str) -> bool:
    """Is the text Japanese: kana at least JAPANESE_SHARE of its Han characters and kana (README_JA.md, whose
    headings 基礎 and links 詳解 hold no kana of their own)?"""
    kana = len(_KANA.findall(text))  # (a short list: Chinese text has few kana or none)
    if kana < JAPANESE_KANA:
        return False  # a Chinese text that quotes a Japanese word or two (日语的「ありがとう」是谢谢)
    most = kana * (1 - JAPANESE_SHARE) / JAPANESE_SHARE  # the Han characters a Japanese text may have at most
    for n, _ in enumerate(_HAN_CHAR.finditer(text), 1):
        if n > most:
            return False  # counted only as far as the answer needs
    return True


def _japanese(text: str, lo: int, hi: int) -> bool:
    """Does the clause hold a character form that only Japanese writes (県, 駅, 沢)?"""
    return _japanese_pattern().search(text, lo, hi) is not None


def _choose(text: str, window: str, versions: list[str], counts: dict[str, int]) -> str:
    """The conversion whose forms the document itself uses where the standards differ (爲/為, 裏/裡): the one
    whose differing characters occur most often in the text (the first on a tie), or, where the text holds none of
    them more than another, at each place the form most of the standards write (OpenCC's own, Taiwan's, Hong
    Kong's: 為, which both regions write, not OpenCC's 爲). ``counts`` keeps each character's count for the document (counting the whole text again for
    every run made a simplified document checked as zh-Hant quadratic: 14 s for 400,000 characters)."""
    if len(versions) == 1:
        return versions[0]
    differ = [k for k in range(len(window)) if len({v[k] for v in versions}) > 1]
    if not differ:
        return versions[0]
    scores = []
    for v in versions:
        count = 0
        for k in differ:
            ch = v[k]
            if ch not in counts:
                counts[ch] = text.count(ch)
            count += counts[ch]
        scores.append(count)
    if len(versions) > 2 and min(scores) == max(scores):
        # the document's own forms do not decide: at each place the form that most standards write (為, Taiwan's
        # and Hong Kong's, not OpenCC's own 爲; a tie keeps the first)
        chars = list(versions[0])
        for k in differ:
            forms = [v[k] for v in versions]
            chars[k] = max(forms, key=forms.count)
        return "".join(chars)
    return versions[scores.index(max(scores))]


def _in_ordinary_word(text: str, i: int, lo: int, hi: int) -> bool:
    """Is ``text[i]`` part of a word of the lexicon (read in simplified characters) that is not a name? A
    character that traditional text keeps in names (庄 in 西庄) is wrong only inside an ordinary word (村庄)."""
    from ..lexicon import lexicon

    lex = lexicon()
    clause = converter("t2s").convert(text[lo:hi])
    if len(clause) != hi - lo:
        return True
    for s, e in lex.segment(clause):
        if s <= i - lo < e:
            return e - s > 1 and lex.pos(clause[s:e]) not in NAME_POS
    return True


_QUOTES = {"“": "”", "「": "」", "『": "』", "《": "》"}


class _Quotes:
    """Where the quotation and title marks of a text stand, each kind in order, found once: ``quotation`` is then
    a few binary searches, not a search of the line from its start for every candidate (one line of megabytes with
    many candidates took quadratic time; a fuzzing review)."""

    def __init__(self, text: str) -> None:
        self.at: dict[str, list[int]] = {mark: [] for pair in _QUOTES.items() for mark in pair}
        for m in _QUOTE_MARKS.finditer(text):
            self.at[m.group()].append(m.start())

    def quotation(self, start: int, end: int, lo: int, hi: int) -> tuple[int, int] | None:
        """The span inside the innermost quotation marks or title marks around ``[start, end)`` on its line
        (``lo`` to ``hi``): the last opener before it, with no closer of its kind between, and the first closer
        after it."""
        best = None
        for opener, closer in _QUOTES.items():
            openers, closers = self.at[opener], self.at[closer]
            i = bisect_left(openers, start) - 1
            if i < 0 or openers[i] < lo:
                continue
            o = openers[i]
            j = bisect_left(closers, o)
            if j < len(closers) and closers[j] < start:
                continue  # (the quotation closes before the candidate)
            j = bisect_left(closers, end, j)
            if j < len(closers) and closers[j] < hi and (best is None or o + 1 > best[0]):
                best = (o + 1, closers[j])
        return best


_QUOTE_MARKS = compile_re("[" + "".join(mark for pair in _QUOTES.items() for mark in pair) + "]")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    lo = start
    limit = max(0, start - 200)
    while lo > limit and not _CLAUSE_END.match(text[lo - 1]):
        lo -= 1
    m = _CLAUSE_END.search(text, end, min(len(text), end + 200))
    hi = m.start() if m else min(len(text), end + 200)
    return lo, hi


RULE = TraditionalChar(name="traditional-char", doc=DOC, fixable="sometimes", origin=__name__)
