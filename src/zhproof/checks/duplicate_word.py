"""duplicate-word: a character, word or phrase written twice in a row by mistake.

Longer than 300 lines on purpose: the finder (a pattern, or numpy's vector search) and the verdict (the
closed classes of the grammar, then the language model's evidence) are one chain of reasoning whose steps
refer to each other's thresholds; ``explain()`` walks it in the order the code reads."""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from functools import cache
from typing import Iterable

from ..document import Document
from ..patterns import BLOCK_START, HAN, HAN_BOUNDS, compile_re, is_han
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..data import word_list
from ..quotes import inside_marks
from ..charstats import COMMON, common, ever_written
from ..lexicon import repeat_titles, UNATTESTED, lexicon
from ..rule import BaseRule, Example, RuleDoc

CONTEXT = 8  # characters of context on each side that the language model sees (a trigram needs two words)
# A unit of 1-8 Han characters written two or more times in a row (the standard library's engine: it scans
# several times faster than `regex`).
MAX_UNIT = 8
_CANDIDATE = compile_re(f"([{HAN}]{{1,{MAX_UNIT}}}?)\\1+")
_BEFORE = compile_re(f"[{HAN}]{{0,{CONTEXT}}}\\Z")  # (\Z: $ would match before a line break that ends the slice)
_AFTER = compile_re(f"[{HAN}]{{0,{CONTEXT}}}")
_HAN_CHAR = compile_re(f"[{HAN}]")
_HAN_RUN = compile_re(f"[{HAN}]+")
_HAN_SPAN = compile_re(f"[{HAN}]*")  # (matched between bounds: the Han characters from a place on, maybe none)
_HAN_SPAN_BEFORE = compile_re(f"[{HAN}]*\\Z")  # (searched between bounds: those that end at the upper one)

#: The evidence: a repeat is reported when the language model finds the window around it at least this much more
#: likely (log10) with the repeat undone than as written, and its fix is safe from SAFE_GAIN on. Set on the
#: tuning half of the corpus (bench/README.md): the legitimate repeats of clean prose against repeats injected
#: at uniformly random places.
REPORT_GAIN = 2.9
#: Copies of a unit in a run of three or more that the language model reads, at most: a longer run is scored as
#: this many (it is reported whenever this many are, 哈 written 40 times; the segmenter takes time in the length
#: of what it reads, 9 s for a megabyte of one character).
RUN_SCORED = 40
SAFE_GAIN = 5.5
#: A word or phrase of two or more characters written twice: from this gain on (tuning half: 5 false alarms in
#: 2.3 million characters against about 700 injected repeats found).
SAFE_GAIN_PHRASE = 3.0
#: ... and no safe fix when the gain exceeds by less than this what the character alone costs (log10 of its
#: frequency): then the evidence is its rarity, not the repeat.
RARITY_MARGIN = 0.5
#: The same for a function word standing alone (see ``_function_word``); its fix is safe (tuning half: no false
#: alarm of this kind).
FUNCTION_GAIN = 1.0
#: Units of dates, spans of time and the parts of a text: after a numeral they end the number (2021年|年会,
#: 24日|日本, 第二天|天没亮, 第四章|章名, 第三条|条款).
NUMERAL_UNITS = frozenset("年月日号时天章节条款项编届期次")
#: The same for a noun ending one noun and starting the next (see ``_noun_chain``).
NOUN_CHAIN_GAIN = 6.0
#: The same for a repeat that reads as two dictionary words (see ``_two_words``).
BOUNDARY_GAIN = 3.7
FUNCTION_POS = frozenset({"uj", "ul", "uz", "uv", "ud", "ug", "u", "p", "c"})
#: A character that starts at least this many person names in the lexicon is taken as a surname.
SURNAME_NAMES = 20
SURNAME_SHARE = 0.3  # ... and at least this share of the dictionary words that start with it are names
SURNAME_NOT_POS = FUNCTION_POS | {"d"}  # ... and it is no function word or adverb
MAX_LOOKAHEAD = 8
# A doubled character listed only with the lexicon's floor frequency (UNATTESTED: 会会, 再再, 受受, 里里) is no
# evidence that the text reads as that word.
#: A phrase that starts with a degree adverb is repeated for emphasis: 很长很长, 好大好大, 非常非常.
DEGREE_ADVERBS = ("很", "好", "太", "真", "挺", "特别", "非常", "十分", "多么", "这么", "那么")
_NUMERAL = compile_re(r"[〇零一二三四五六七八九十百千万亿两]+")
_POSITIONAL = compile_re(r"[十百千万亿]")
_TENS = compile_re(r"[十百千]")  # (a decimal part has no tens, hundreds or thousands; 万 and 亿 may follow it)
#: Suffixes that make a noun of a verb (保管物, 代理人, 管理费); the dictionary lists only some of these nouns.
VERB_SUFFIXES = frozenset("物人者费品")

#: Readings of a doubled character that the grammar allows but the document itself can overrule: when the same
#: text stands elsewhere in the document without the repeat (see ``_written_without``), the repeat is not the
#: end of a name, a reduplicated word, a classifier or a number's unit there, and the evidence decides.
R_NUMBER_UNIT = "2021年|年会, 24日|日本, 第四章|章名: a number and its unit, then a word that starts with the unit"
R_GIVEN_NAME = "沈跃跃, 杨瑞瑞: a given name of one character doubled after a surname"
R_REDUPLICATED_WORD = "刚刚落地, 常常, 人人: a reduplicated word that the text can be read no other way"
R_NAME_PART = "神山村|村民, 坦帕市|市长, 核心舱|舱门: the generic part of a name, then a word that starts with it"
R_OUTREACHED_TITLE = (
    "新新闻|联播, 金金门|岛: a title of Wikipedia holds the repeat, but the text undone holds a word that goes on beyond "
    "it, so the title may be a chance string"
)
R_UNNAMED_PART = (
    "加强国|国际, 遍历所|所有: a generic part after a word that names nothing (a verb or a measure word) may still "
    "end a name the lexicon lacks"
)
R_CLASSIFIER = "一座座, 一个个: classifiers reduplicated"
R_ADVERB = "不仅仅适用于, 纷纷表示, 渐渐习惯: a reduplicated adverb before what it modifies"
R_EVERY = "村村通, 组组相连, 件件有回复, 心心相通: a noun doubled to mean 'every X', before its verb"
R_TENTATIVE = "请你说说看, 前期用用，: a one-character verb reduplicated ('do a little') where its clause ends"
R_LARGE_UNITS = "百亿亿次, 万万不可: the units of large numbers compound, 万万 is an adverb"
R_DIGITS = "二〇〇七, 二〇二〇, 零点五五: numerals read digit by digit"
R_KNOWN_NAME = "尼尼斯托, 卡塞塞区, 沈跃跃: a name of Chinese Wikipedia's titles holds the repeat"
R_INSIDE_WORD = "钉钉子, 家家户户, 面面俱到: both copies lie inside one longer dictionary word"
R_TIME = "上上周, 下下个月, 下周|周一: the week before last, the month after next, a week and a day of it"
#: (The only word of time that ends with 在; jieba tags the aspect adverb 正在 a time word too, and 正在在 is a slip.)
R_NOW_AT = "现在|在学书法, 现在|在北京: 现在 (now), then 在 of an action in progress or of a place"
#: What 上上 and 下下 count back and on (上上周, 下下个月, 上上次).
RECKONED_UNITS = ("周", "星期", "礼拜", "个月", "个星期", "个礼拜", "次", "回", "季度", "学期", "届")
#: What follows 周 as a day of the week (周一, 周日, 周末).
WEEKDAYS = frozenset("一二三四五六日天末")


def _time_reckoned(lex, window: str, a: int) -> bool:
    """Is the doubled character 上 or 下 before a unit of time or turn (上上周, 下下个月, 上上次: the one before last,
    the one after next), standing as a word (not 马上|上次, 晚上|上周, 以下|下次), or 周 after 上/下/本/这/每 and before
    a day of the week (下周|周一, 这周|周末)?"""
    x = window[a]
    if x in "上下":
        return window.startswith(RECKONED_UNITS, a + 2) and not (a >= 1 and window[a - 1 : a + 1] in lex)
    return x == "周" and a >= 1 and window[a - 1] in "上下本这每该" and window[a + 2 : a + 3] in WEEKDAYS


R_ONOMATOPOEIA = "叮铃叮铃, 哈哈: onomatopoeia and interjections repeat"
R_SEPARABLE = "健健身, 散散步, 捧捧场: a separable verb with its verb reduplicated"
R_AABB = "疲疲沓沓, 干干净净: AABB reduplication of the word AB"
R_VERB_DOUBLED = "试试, 瞧瞧: reduplication of a one-character verb"
R_MANNER = "凉凉地吹过, 直直地盯着: a one-character adjective reduplicated before 地 and its verb"
R_BOND = "碳碳双键, 氮氮三键: a chemical element written twice before 键 is a bond between two of its atoms"
#: What names a chemical bond after two atoms (碳碳|双键, 氧氧|键能).
BONDS = ("键", "单键", "双键", "三键")
#: The readings of a repeated character that give way to evidence of GRAMMAR_YIELD_GAIN or more, with an unsafe fix:
#: a name's generic part (如下所所示 is no name ending in 所, 天安门城城楼 none ending in 城), classifiers (一个个劲,
#: 一揽揽子, 一股股脑: idioms that start with 一, 10^7.9 to 10^12.3 in a review's texts) and AABB (人民法法院院长).
#: These are the readings that silenced injected doubles of the tuning half (ten seeds) with a gain of 10^7 or more
#: (classifiers: 进一步步, before ``_yi_of_word_before`` took it from them), or a review's slips. The others never yield: numerals, names (Wikipedia's titles, a given name doubled: 孙俪俪 and 朱伟伟老师 gain 10^7
#: to 10^8.5 in a review's texts, like slips), a word holding both copies, onomatopoeia, a separable or tentative
#: verb reduplicated (充充电 10^7.65); and reduplicated words and adverbs, 一一 and a verb
#: reduplicated, which silenced no injected double above 10^6.1 and would cost each of their repeats two more scores
#: of the model (0.08 s on 10 MB) for nothing measured.
#: A number's unit (六月|月八日) yields too: it silenced an injected double at 8.34 (tuning half, ten seeds), and of
#: its 142 clean repeats in 43 M characters (tuning corpora, documentation, PRC regulations, Taiwan statutes, review
#: texts) none gains more than 5.85 (一项项重大工程).
YIELDING_READINGS = frozenset({R_NAME_PART, R_CLASSIFIER, R_AABB, R_NUMBER_UNIT})
#: Tuning halves (zh-Hans and zh-Hant): of the 712 legitimate repeated characters that these readings silence, none
#: gains more than 5.78 (一座座纪念碑); a margin of 10^1.2 above it. (A review's 501 sentences reached 6.64: 学校校门口.)
GRAMMAR_YIELD_GAIN = 7.0
#: A name of Wikipedia's titles that holds the repeat (R_KNOWN_NAME) gives way too, to stronger evidence: titles
#: include chance strings that hold a slip of a common name (克里里, 罗罗斯, 北北京). Of the 3,170 repeats that the
#: reading silences in the tuning halves, documentation (17 MB), PRC local regulations (65 MB), Taiwan's statutes
#: (30 MB) and the review texts, none gains more than 7.27 (中央文史研究馆馆员; 尼尼斯托 6.21, 帕帕斯 5.60); it silenced
#: injected doubles of the tuning half (ten seeds) at 15.25 (克里里斯托弗) and 8.18 (俄罗罗斯).
KNOWN_NAME_YIELD_GAIN = 8.0
OPEN_TO_DOCUMENT = frozenset(
    {R_NUMBER_UNIT, R_GIVEN_NAME, R_REDUPLICATED_WORD, R_ADVERB, R_NAME_PART, R_CLASSIFIER, R_EVERY, R_TENTATIVE}
)
#: With that evidence from the document, a repeat of one character is reported from this gain on (tuning half:
#: no clean repeat of the corpus between it and REPORT_GAIN has it).
DOCUMENT_GAIN = 1.5
#: How far around a repeat (characters each side) the document is searched for the same text without it.
DOCUMENT_REACH = 5_000

DOC = RuleDoc(
    summary="a character, word or phrase written twice in a row by mistake",
    what=(
        "Finds a character, word or phrase of up to 8 characters that is immediately repeated (疫情疫情, 打仗仗, "
        "多渠渠道, 推推进). Each repeat is decided by corpus evidence: a word trigram language model of Chinese "
        "(fcitx5's, in rules/lm) scores the text around it as written and with the repeat undone, and the repeat "
        "is reported when the undone text is far more likely. Before the evidence, the grammar of Chinese makes "
        "some repeats regular: numerals read digit by digit (二〇〇七), AABB and ABAB reduplication (清清楚楚, "
        "研究研究; rules/data/reduplication.txt), a one-character adjective reduplicated before 地 and its verb "
        "(凉凉地吹过; not where the adjective and 地 make a word: 湿|湿地修复), a chemical element written twice before 键 (氮氮三键: a bond), a "
        "one-character verb reduplicated where its clause ends when the "
        "model's vocabulary writes the doubled verb at least a hundredth as often as the verb (请你说说看), a verb "
        "with 多少, 怎么 or 哪 said twice after a word of free choice (能放多少放多少, 想怎么改怎么改; not a question: "
        "这道题怎么做怎么做？), 一X一X and a numeral, measure word and noun said "
        "twice before 地 (or 的 and a verb) or, opening a clause, before a verb of action (一个字一个字地看), 大把大把 "
        "(rules/data/classifiers.txt), V着V着, a degree adverb's phrase as many times as the writer likes "
        "(很大很大很大; not a noun after the adverb's character: 好朋友好朋友), a unit said twice and once more after 再 or 又 (践行践行再践行), onomatopoeia, classifiers (一座座), a noun "
        "doubled to mean 'every' before its verb (村村通), a reduplicated adverb of the dictionary before what it "
        "modifies, even where the first copy ends a word that is no adverb (不仅仅适用于; not 逐渐渐), separable verbs (散散步; "
        "rules/data/separable-verbs.txt), a doubled given name (沈跃跃), a word of the dictionary that contains "
        "both copies (钉钉子, 家家户户), a name of Chinese Wikipedia that holds them (尼尼斯托, 卡塞塞区; "
        "rules/lexicon/repeat-titles.marisa), two compounds that share a word (人大代表|代表团) and the generic "
        "part of a name before a word that starts with it (神山村|村民; rules/data/name-suffixes.txt), where what "
        "comes before it names something (not a verb or a measure word: 加强国|国际, 遍历所|所有, reported unsafe). The grammar "
        "also knows one slip: 一一 is an adverb that goes before a verb (一一核实), so a doubled 一 before 个, the "
        "general measure word, is one 一 too many (指定一一个新名称; unsafe), unless the first 一 ends a word of the lexicon or the model (唯一一个, "
        "大一一个学期) or 个 starts one (一一个别谈话). A function word standing alone (在在, 的的, 很很) needs less "
        "evidence, since particles, prepositions, conjunctions, degree adverbs and the copula never reduplicate "
        "(它是是我的朋友, never with a safe fix; not yes said twice: 他说是是。), and so do a "
        "personal pronoun that opens its clause twice (我我很喜欢; elsewhere a pivot without its comma, 给我|我没接, "
        "or a stammer; never a safe fix) and a unit of time or order said twice after its number before a particle "
        "or a localizer (两年年了, 三十日日内; 一 alone takes one doubled: 一天天); a repeat that reads as two "
        "words (中国|国家, 传染病|病原体) needs more. The document itself is evidence too: a doubled character whose "
        "surroundings the document writes elsewhere without the repeat, and never with it (侵权人人提供 beside "
        "侵权人提供), needs less (with one character each side, only where the repeat does not read as two words: "
        "本月月底 beside 本月底 stays silent), and the readings of a name's generic part, a reduplicated word or adverb, a "
        "classifier, a number's unit or a given name give way to the evidence. Without the document, the readings of "
        "a repeated character as a name's generic part, a classifier, AABB or a number's unit give way to "
        "overwhelming evidence (10^7: 站在天安门城城楼上, 他一个个劲地往前冲, 人民法法院院长, 六月月八日), and a name of Wikipedia to stronger "
        "evidence (10^8: 俄罗罗斯), with an unsafe fix. "
        "A repeat the document writes again, "
        "with the same character before and after it, in another clause within 5,000 characters (广西贵港港货物 in "
        "a headline and in its story) is what the writer means: it is not reported, or, on overwhelming evidence, "
        "reported with an unsafe fix (the same clause twice is a paste, and a quoted copy an example: no evidence); "
        "so is a repeat it writes with the same characters around it in three clauses or more, quoted or beside "
        "punctuation (“十五五” throughout a report, a name after the same comma in a story), and so is a doubled unit "
        "the document writes three times or more within 5,000 characters in whatever context, a name it uses "
        "(瓦加瓦加是……, 出生于瓦加瓦加，; a doubled character only where it is no word, no function word, and each "
        "copy stands alone: 杜杜在, not 外交部|部长). Where the model's "
        "evidence is too weak, or a reading of the grammar other than a name, a sound, a number, a dictionary word "
        "or the reduplication of everyday prose (一步步, 等等, 开开会) would hold, character statistics of 49 million "
        "characters of statutes and reports decide a doubled character (rules/lexicon/char-ngrams.marisa): it is "
        "reported, with an unsafe fix, when the text undone holds a run of four characters they write ten times or "
        "more and the text as written a run of three they never write (符合本本法, 第十一次次会议; not 相关部部门, "
        "since 部部门 is written). A single line break between Han characters does not end the text around a repeat "
        "(a soft wrap: 由人事部部⏎长 is 部|部长), unless a line is a heading or a label, or the other line goes on "
        "with the repeat (lines of a song); digits after a decimal point are read one by one (零点五五); a doubled "
        "character in a whole part of a transliterated name set off by an interpunct is the name's (纳纳·阿多); and a "
        "word of one or two characters said again as a whole clause is emphasis, as speech has it (对对对，; 说不用不用，; "
        "not a noun, conjunction, adverb, pronoun or idiom: 疫情疫情，, 同时同时，), and so is, opening a quotation, any "
        "unit that is no noun, word of time or place, numeral, conjunction or particle (“快走快走，”, “慢点慢点！”), after a "
        "verb of saying a phrase the lexicon lacks or a name (说稍等稍等，, 喊小明小明，), and anywhere a unit that ends with "
        "a particle of mood or opens with a negation (行啦行啦，, 说不敢不敢，); one-character verbs reduplicated "
        "before a short object in parallel clauses are narration (洗洗衣服、拖拖地); 上上周, 下下个月 and 下周周一 are dates, and 现在在学 is "
        "now and 在 of an action in progress. "
        "A number's unit said twice before the next number of its date or before punctuation (2021年年3月, "
        "1909年年，在维也纳) is a slip, with an unsafe fix. "
        "A separable verb has no AABB (吃吃饭饭, 摇摇头头: its object doubled). A verb reduplicated before an aspect "
        "particle or 得 and more of its clause is a slip whatever the evidence (擦擦了桌子: 擦了擦), and so are a negation "
        "said twice before what it negates (不不能收; alone it is an answer: 不不，), a reduplicated adjective after an "
        "adverb of degree at the end of its clause (很累累。, 很高高的; 有点怪怪的 is Chinese), a verb reduplicated with "
        "了 written a third time (看了看看), the particle 的 written twice (特定的的值; not 目的|的) and a digit doubled "
        "in a number, which makes it none (第八八十九条; not the multiplication table, 四四十六)."
    ),
    why=(
        "Copy-paste and hurried edits leave doubled words that spell-checkers for alphabetic scripts never see, "
        "because Chinese has no spaces between words."
    ),
    fix=(
        "Deletes the extra copy. Safe when the evidence is overwhelming: the text at least 10^5.5 times likelier "
        "undone for a character, 10^3 for a word or phrase, 10 for a function word standing alone (not 了, 过 or 着 "
        "that can be the verb: 在家过过一个春节; nor before a term that the document writes elsewhere and that "
        "starts with it: 自动从|从节点中选举); unsafe "
        "otherwise, whenever the document's evidence overrules a reading the grammar allows, when the text as "
        "written reads as Chinese in a way the model cannot weigh (a noun's possessive of itself, with 的 or 之: "
        "子类的原型的原型, 利害关系之人之人身; a clause said twice for emphasis: 头大头大，; a verb reduplicated: 阐述阐述, 说说吧, 前期用用，; copies "
        "joined by a word across them or a noun and its suffix: 数据库分库分表, 如果用户用户名; two compounds that overlap, "
        "which statutes write: a doubled character that ends one word and starts another, 一个个人信息, or a phrase "
        "whose first copy is the tail of a word, 集装箱装箱作业, 人民政府政府采购; a unit that holds no word, or only a "
        "transliteration's part, written twice between words, which may be a transliterated name: 帕果帕果, 瓦加瓦加), "
        "and when the document writes the "
        "same repeat twice."
    ),
    examples=(
        Example("新冠肺炎疫情疫情发生后", "新冠肺炎疫情发生后"),
        Example("打仗仗首先要正确战略策略", "打仗首先要正确战略策略"),
        Example("通过多渠渠道扩大就业", "通过多渠道扩大就业"),
        Example("我们要大力推推进改革开放。", "我们要大力推进改革开放。"),
        Example("我们在在会上发言", "我们在会上发言"),
        Example("他是我的朋友朋友。", "他是我的朋友。"),
        Example("公司召开了工作工作会议。", "公司召开了工作会议。"),
        Example("全国和县级以上和县级以上地方各级人民代表大会", "全国和县级以上地方各级人民代表大会"),
        Example("中国国家主席", ok=True),
        Example("这是我们的目的的一部分", ok=True),
        Example("常委会会议，群众众志成城，财政政策", ok=True),
        Example("步步推进，层层深入，往往如此，紧紧抓住，环环相扣，高高飘扬", ok=True),
        Example("我们要研究研究，一步一步来，一个个解决，家家户户清清楚楚。谢谢！", ok=True),
        Example("人大代表代表团", ok=True),
        Example("北京大学大学生", ok=True),
        Example("他是第三中队中队长，请出示工商银行银行卡。", ok=True),
        Example("他走着走着就到了，一天一天过去了，路很长很长。", ok=True),
        Example("实现村村通公路，散散步，聊聊天，发扬钉钉子精神。", ok=True),
        Example("他大把大把地花钱，芬兰总统尼尼斯托表示欢迎。", ok=True),
        Example("这个问题，请你说说看。能放多少放多少，一个字节一个字节的读取。", ok=True),
    ),
)


class DuplicateWord(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        doc = doc.lf_lines()  # a lone carriage return ends a line as a line feed does (the windows' wraps, headings)
        text = doc.text
        # the memos of _grammar and _gain serve the repeats one document writes again and again; they start
        # empty for each document, so that a text checked twice (a benchmark's runs, an editor's keystrokes) is
        # timed and judged as it is the first time
        _GAINS.clear()
        _GRAMMAR.clear()
        find = _repeat_finder(text)
        pos = 0
        while True:
            found = find(pos)
            if found is None:
                return
            start, end, unit = found
            verdict, keep = self._judge_match(doc, start, end, unit)
            if verdict is None:
                # a legitimate repeat may overlap a real one: look again from its last copy (not from inside a
                # legitimate run, which would report the run's tail pair by pair)
                k = len(unit)
                pos = start + 1 if end - start == 2 * k else end - k
                continue
            pos = end
            if keep == 1:
                fix = Fix((Edit(start, end, unit),), verdict, f"删去重复的“{unit}”")
            else:
                fix = Fix((Edit(start, end, unit * keep),), verdict, f"删去多余的“{unit}”，保留{keep}个")
            yield Diagnostic(self.name, start, end, f"“{unit}”重复", Severity.ERROR, fix)

    @staticmethod
    def _judge_match(doc: Document, start: int, end: int, unit: str) -> tuple[Safety | None, int]:
        """The verdict on a run of copies of ``unit`` and how many copies its fix keeps."""
        text = doc.text
        # the run of Han characters around the candidate, at most CONTEXT on each side
        lo = _BEFORE.search(text, max(0, start - CONTEXT), start).start()
        hi = _AFTER.match(text, end, min(len(text), end + CONTEXT)).end()
        # ... which a single line break between Han characters does not end: a soft wrap inside running text
        # (Markdown's, or a statute's 由銓敘部部⏎長指定: 部|部长, not 部部 at a clause's end), unless a line is a
        # heading or a label (``_wrapped_after``, ``_wrapped_before``) or the other line goes on with the unit
        first, last = _wrapped_before(text, lo, CONTEXT - (start - lo)), _wrapped_after(text, hi, CONTEXT - (hi - end))
        head = "" if first == lo else text[first : text.rfind("\n", first, lo)].rstrip("\r")
        tail = "" if last == hi else text[text.find("\n", hi, last) + 1 : last]
        if tail.startswith(unit):  # the copies go on across the break (想你想你⏎想你想你): lines of a song, no wrap
            last, tail = hi, ""
        if head.endswith(unit):
            first, head = lo, ""
        window = head + text[lo:hi] + tail
        if doc.traditional or _traditional_in(window):
            # (judged in simplified characters, as the lexicon and the model are: also a traditional passage of a
            # document checked as zh-Hans, or a whole traditional document checked without --variant, where
            # traditional-char reports the script and the repeats are still judged as what they say)
            window = _to_simplified(window)
        k = len(unit)
        a0 = start - lo + len(head)  # the first copy in the window
        b0 = a0 + (end - start)  # the end of the copies in the window
        written = window
        if end - start > 2 * k:  # three copies or more: judged as two, the rest goes with the verdict
            window = window[: a0 + 2 * k] + window[b0:]
        # the character before the first copy, converted with the window when it is in it (兩|年年 reads as 两)
        prev = window[a0 - 1] if a0 > 0 else text[start - 1] if start > 0 else ""
        # the window starts (ends) a clause when the run of Han characters does
        bos = first == 0 or not _HAN_CHAR.match(text, first - 1)
        eos = last == len(text) or not _HAN_CHAR.match(text, last)
        lm = _language_model()
        seen = None
        if k == 1 and end - start == 2:
            known: dict[int, int] = {}

            def seen(n: int) -> bool:
                return _written_without(text, start, unit, n, known)

        if (
            (k <= EMPHATIC_UNIT or (k == EMPHATIC_UNIT + 1 and unit[-1] in MOOD_PARTICLES))  # (开播啦开播啦！)
            and end - start <= EMPHATIC_COPIES * k
            and _whole_clause(text, start, end, k)
            and _emphatic(lexicon(), unit, spoken=_spoken(text, start, end))
        ):
            return None, 1  # 对对对，不用不用，: a word said again as a whole clause, for emphasis
        if k == 1 and end - start == 2 and _parallel_reduplication(lexicon(), text, start):
            return None, 1  # 聊聊天、捶捶背: verbs reduplicated in parallel clauses
        if k == 1 and end - start == 2 and _doubled_item(text, start):
            return None, 1  # 贝贝、晶晶、欢欢、迎迎: doubled names listed side by side
        # the text after a window that ends at a figure (12月月|31日, 第3条条第|2款: the window holds Han only)
        following = text[last : last + MAX_LOOKAHEAD] if last < len(text) and text[last].isdigit() else ""
        verdict = judge(
            lexicon(), lm, window, a0, k, prev, bos, eos, seen, copies=(end - start) // k, following=following
        )
        if verdict is None and written is not window:
            # Two copies are regular here (三百六十行|行行出状元, 大会|会议) but the text has more: the extra copies
            # are a slip unless the model finds them likelier (onomatopoeia, 买买买), or they are numerals.
            lex, a = lexicon(), a0
            if _NUMERAL.fullmatch(unit) or lex.pos(unit) in ("o", "e") or (k >= 2 and _degree_phrase(lex, unit)):
                return None, 1  # (很大很大很大: emphasis takes as many copies as the writer likes)
            if unit * 2 in lex and (
                prev.isdigit() or bool(_NUMERAL.fullmatch(prev or "x")) or _ends_word(lex, window, a, a + k)
            ):
                return None, 1  # the first copy ends a word, the others are a word: 三百六十行|行行, 1035人|人人有份
            if end - start > RUN_SCORED * k:
                # a run longer than any writer means (哈 a million times, 研究研究… from a broken script) is scored
                # with RUN_SCORED copies: the model's segmenter takes time in the length of the text it reads
                # (cut from the text as written, converted: in zh-Hant the unit is still in traditional characters)
                written = written[: a + RUN_SCORED * k] + written[b0:]
            gain = lm.score(window, bos=bos, eos=eos) - lm.score(written, bos=bos, eos=eos)
            return (Safety.UNSAFE, 2) if gain >= REPORT_GAIN else (None, 1)
        if (
            verdict is not None
            and k <= 2
            and (_quoted_whole(text, start, end) or _quoted_periodic(text, start, end, k))
        ):
            # a word of one or two characters reduplicated is all that quotation or title marks hold (“叮铃叮铃”,
            # 《北伐北伐》, “喜喜”): a word or a name mentioned as such, not a slip in running text (a longer unit
            # does not reduplicate: 《开国大典开国大典》 is a paste)
            return None, 1
        if verdict is not None and k == 1 and _beside_interpunct(text, start, end):
            # a transliterated name, its parts joined by an interpunct: a doubled syllable is part of it (纳纳·阿库福-阿多,
            # 让-皮埃尔·帕帕); the lexicon and the model know few such names
            return None, 1
        if verdict is not None and end - start == 2 * k and _doubled_often(text, start, end, unit):
            return None, 1  # 瓦加瓦加 and 杜杜 written again and again: a name the document uses
        if verdict is not None and end - start == 2 * k and _written_again(doc, start, unit):
            # the document writes this repeat, with the same neighbours, somewhere else too (广西贵港港货物 twice in
            # one report, 根据立法法有关 twice): a slip is seldom typed twice the same way, so it is what is meant
            return (None, 1) if verdict is Safety.UNSAFE else (Safety.UNSAFE, 1)
        if verdict is Safety.SAFE and (_in_title(text, start) or _quoted_short(text, start, end)):
            # a title of a work may repeat on purpose (《北伐北伐》), and so may a short quotation, a word or a line
            # mentioned as such (“好好好”的口头禅): a person decides
            return Safety.UNSAFE, 1
        if verdict is Safety.SAFE and k == 1 and lexicon().pos(unit) in ("p", "c") and _term_after(text, end - 1):
            # a preposition before a term of the document that starts with it (自动从|从节点中选举, where the
            # document writes 主节点和从节点): the lexicon lacks the term, so the reading as written is for a person
            return Safety.UNSAFE, 1
        return verdict, 1


_WRAP_AFTER = compile_re(f"\r?\n(?=[{HAN}])")
# A heading line: Markdown's, or a numbered part (第三章　总则); its last word is no start of the line after it.
_HEADING_LINE = compile_re(r"[ \t]*#|[ \t\u3000]*第[^\n]{1,8}?[章节節编編篇卷]")


def _wrapped_after(text: str, hi: int, room: int) -> int:
    """Where the window may end: after the Han characters (at most ``room``) that open the next line, when the run
    of Han characters ending at ``hi`` ends at a single line break, its line is no heading, and the next line opens
    no heading, label or list item; else ``hi``."""
    if room <= 0:
        return hi
    m = _WRAP_AFTER.match(text, hi)
    if m is None or BLOCK_START.match(text, m.end()) or _HEADING_LINE.match(text, text.rfind("\n", 0, hi) + 1):
        return hi
    return _AFTER.match(text, m.end(), min(len(text), m.end() + room)).end()


def _wrapped_before(text: str, lo: int, room: int) -> int:
    """Where the window may start: at the Han characters (at most ``room``) that end the line before, when the run
    of Han characters starting at ``lo`` starts a line after a single line break, the line opens no heading, label
    or list item, and the line before is no heading nor a label alone; else ``lo``."""
    if room <= 0 or lo < 2 or text[lo - 1] != "\n" or BLOCK_START.match(text, lo):
        return lo
    brk = lo - 2 if text[lo - 2] == "\r" else lo - 1
    if brk == 0 or not _HAN_CHAR.match(text, brk - 1):
        return lo
    line = text.rfind("\n", 0, brk) + 1
    label = BLOCK_START.match(text, line)
    if _HEADING_LINE.match(text, line) or (label is not None and not text[label.end() : brk].strip()):
        return lo  # nor after a heading or a label alone (第 5 條⏎經經濟部: through the ministry)
    return _BEFORE.search(text, max(0, brk - room), brk).start()


#: Repeats are found with numpy (vector comparisons, about 7 times faster than the pattern, and faster from
#: about 300 characters on) once it is loaded; importing it takes 90 ms, as long as the pattern takes on
#: about 800,000 characters. So a process loads numpy once it has been given that many characters to check
#: (in one text or in many), and from then on every text of VECTOR_MIN_LOADED characters or more gets the
#: vector search; before a run over many files the CLI loads it at once (``zhproof.warmup``).
VECTOR_MIN = 800_000
VECTOR_MIN_LOADED = 500
VECTOR_CHUNK = 1 << 20  # characters per block of the vector search (bounds its memory)
_volume = 0  # characters this process has searched for repeats


def _load_numpy():
    try:
        import numpy
    except ImportError:  # pragma: no cover - numpy is a dependency; the pattern still works without it
        return None
    return numpy


def _repeat_finder(text: str):
    """``find(pos)``: the first repeat at or after ``pos`` as ``(start, end, unit)``, or None.

    A repeat is what ``_CANDIDATE`` matches: the leftmost unit of 1-8 Han characters, the shortest at its
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
            unit = text[i : i + k]
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
    """Every position where a unit of 1-8 Han characters is followed by a copy, with the shortest such unit.

    For each unit length k the text (as code points) is compared with itself shifted by k; a repeat starts at
    i when the k comparisons from i all hold and the unit is Han. Only where the comparisons hold (in prose, a
    few positions in a hundred) is the unit tested for Han; where they hold densely (a run of one character:
    国国国…, ，，，…), the whole block is. Worked in blocks, so memory stays bounded."""
    starts: list[int] = []
    units: list[int] = []
    n_text = len(text)
    for lo in range(0, n_text, VECTOR_CHUNK):
        hi = min(n_text, lo + VECTOR_CHUNK)
        block = text[lo : min(n_text, hi + 2 * MAX_UNIT - 1)]  # a repeat starting before hi ends inside
        a = np.frombuffer(block.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        n = len(a)
        best = np.zeros(hi - lo, dtype=np.int8)
        han = None  # which code points of the block are Han, if asked
        for k in range(MAX_UNIT, 0, -1):  # the shortest unit is written last and wins
            m = min(n - 2 * k + 1, hi - lo)  # positions with room for a unit and a copy, in this block
            if m <= 0:
                continue
            same = a[: n - k] == a[k:]  # same[i]: a[i] equals a[i + k]
            # where the k comparisons from i all hold: the first one's positions (a few in a hundred), kept where
            # the others hold too (looked up at those positions only, not shifted and combined over the block)
            where = np.flatnonzero(same[:m])
            for j in range(1, k):
                where = where[same[where + j]]
            if len(where) > m >> 4:
                run = np.zeros(m, dtype=bool)
                run[where] = True
                if han is None:
                    han = _is_han(np, a)
                for j in range(k):
                    run &= han[j : j + m]
                best[:m][run] = k  # a boolean mask: cheaper than the positions when many hold
            else:
                ok = _is_han(np, a[where])
                for j in range(1, k):
                    ok &= _is_han(np, a[where + j])
                best[where[ok]] = k
        where = np.flatnonzero(best != 0)
        starts += (where + lo).tolist()
        units += best[where].tolist()
    return starts, units


def _is_han(np, points):
    """Per code point of an array: is it Han?"""
    han = _han_table(np)[np.minimum(points, 0xFFFF)]
    astral = np.flatnonzero(points > 0xFFFF)
    if len(astral):
        han[astral] = np.searchsorted(_han_bounds(np), points[astral], side="right") & 1 == 1
    return han


@cache
def _han_table(np):
    """A boolean per code point of the Basic Multilingual Plane: is it Han?"""
    table = np.zeros(0x10000, dtype=bool)
    for lo, hi in zip(HAN_BOUNDS[0::2], HAN_BOUNDS[1::2]):
        if lo <= 0xFFFF:
            table[lo : min(hi, 0x10000)] = True
    return table


@cache
def _han_bounds(np):
    return np.array(HAN_BOUNDS, dtype=np.uint32)


def _traditional_in(window: str) -> bool:
    """Does ``window`` write a character that only traditional text has (與, 們, 這)?"""
    return _traditional_chars().search(window) is not None


@cache
def _traditional_chars():
    from ..script import _script_patterns

    return _script_patterns()[0]


def _to_simplified(window: str) -> str:
    from ..script import to_simplified

    return to_simplified(window) or window


#: How often the document must write a term elsewhere (``_term_after``). Asked of a preposition or a conjunction
#: only: a particle makes no term (的数据 is a phrase; 的的 keeps its safe fix), and 在在这里 beside 在这里 three
#: times loses its safe fix, still reported.
TERM_USES = 2


def _term_after(text: str, at: int) -> bool:
    """Does the document write the three Han characters from ``at`` (a doubled character's second copy and the two
    after it: 从节点) at least TERM_USES times elsewhere within DOCUMENT_REACH characters, never after the same
    character (主节点和从节点, not 从从节点 again)? Then they may be a term of the document's own."""
    term = text[at : at + 3]
    if len(term) < 3 or not _HAN_RUN.fullmatch(term):
        return False
    lo, hi = max(0, at - DOCUMENT_REACH), min(len(text), at + DOCUMENT_REACH)
    if text.count(term, lo, hi) <= TERM_USES:
        return False  # the common case, in C
    uses = 0
    p = text.find(term, lo, hi)
    while p >= 0:
        if p != at and text[p - 1 : p] != term[0]:
            uses += 1
            if uses >= TERM_USES:
                return True
        p = text.find(term, p + 1, hi)
    return False


def _written_without(text: str, start: int, unit: str, n: int, known: dict[int, int] | None = None) -> bool:
    """Does the document write the text around a doubled character elsewhere without the repeat, and never with
    it, taking ``n`` Han characters on each side (侵权人|人|提供 with n = 2: 权人提供 stands elsewhere, 权人人提
    nowhere else)? Both sides are needed: at the edge of a run of Han characters a repeat (24日|日本, 人人享有) is
    judged by the grammar alone. Searched within DOCUMENT_REACH characters either side.

    ``known``, a dict shared by the calls for one repeat (n = 2, then perhaps n = 1), keeps under 1 where the text
    without the repeat first stands with one character each side (-1: nowhere). It holds wherever the text with
    two each side does, one character on: so it is searched first, and where it stands nowhere (the common case)
    neither does the text with two, and one search answers both calls; where it stands, the text with two is
    searched from there on."""
    end = start + 2 * len(unit)
    if start < n or end + n > len(text):
        return False
    left, right = text[start - n : start], text[end : end + n]
    if not (_HAN_RUN.fullmatch(left) and _HAN_RUN.fullmatch(right)):
        return False
    lo, hi = max(0, start - DOCUMENT_REACH), min(len(text), end + DOCUMENT_REACH)
    if known is None or n not in (1, 2):
        # the text without the repeat first: it is the rarer of the two, and a search stops at its first match
        return text.find(left + unit + right, lo, hi) >= 0 and text.count(left + unit + unit + right, lo, hi) == 1
    one = known.get(1)
    if one is None:
        one = known[1] = text.find(left[-1] + unit + right[0], lo, hi)
    if one < 0:
        return False
    if n == 2 and text.find(left + unit + right, max(lo, one - 1), hi) < 0:
        return False
    return text.count(left + unit + unit + right, lo, hi) == 1


#: What bounds the clause around a repeat (``_written_again``): clause punctuation and line breaks.
_CLAUSE_BOUND = compile_re(r"[，。；：！？、,;:!?\r\n\u2028\u2029]")


#: Copies of a repeat, with the same character before and after it, each in a clause of its own, that make it the
#: writer's usage wherever they stand (``_written_again``): quoted, beside punctuation (“十五五” throughout a report,
#: a character's name 维维克 after the same comma). Tuning half, ten seeds: no injected double found has three such
#: copies in its document (two: 4).
WRITTEN_OFTEN = 3
#: ... searched within this many characters either side: a report names its plan from its first page to its last
#: (a count of the text around the repeat, in C; asked only of a repeat about to be reported).
OFTEN_REACH = 50_000


def _written_again(doc: Document, start: int, unit: str) -> bool:
    """Does the document write the repeat of ``unit`` at ``start``, with the same Han character before and after
    it, once more elsewhere within DOCUMENT_REACH characters (广西贵港港货物 twice, in a headline and in its story)?

    One side is not enough (财产|产生 says nothing about 信托财产产与). A copy counts only in a clause of its own:
    the same clause twice is one text pasted twice (a sentence with its slip), not two ways of writing. Nor do
    copies count that the rule does not see (in a suppressed region, in code) or that stand inside quotation or
    title marks (不要把“广泛应用”写成“广泛应应用”: an example of the slip, not the writer's usage). Unless the
    repeat stands with the same characters (Han or not) before and after it in WRITTEN_OFTEN different clauses or
    more, within OFTEN_REACH: a slip is seldom typed three times the same way, and a term or a name is written so,
    quoted or not (“十五五”规划 ... “十五五”时期 ... “十五五”开局; a character's name, ，维维克, in a story). (Still
    in clauses of their own: a sentence pasted three times is one slip copied.)"""
    text = doc.text
    doubled = unit + unit
    end = start + len(doubled)
    if start < 1 or end >= len(text):
        return False
    written = text[start - 1 : end + 1]
    if _HAN_CHAR.match(text, start - 1) and _HAN_CHAR.match(text, end):
        lo, hi = max(0, start - 1 - DOCUMENT_REACH), min(len(text), end + 1 + DOCUMENT_REACH)
        if text.count(written, lo, hi) >= 2:  # (the common case: no other copy at all)
            clause = _clause(text, start - 1, end + 1)
            p = text.find(written, lo, hi)
            while p >= 0:
                if (
                    p != start - 1
                    and _clause(text, p, p + len(written)) != clause
                    and not inside_marks(text, p)
                    and _seen_by_rule(doc, p, p + len(written))
                ):
                    return True
                p = text.find(written, p + 1, hi)
    return _written_often(doc, start, written)


#: A doubled unit written DOUBLED_OFTEN times or more within DOUBLED_REACH characters each side is the document's own.
DOUBLED_OFTEN = 3
DOUBLED_REACH = 5_000


def _doubled_often(text: str, start: int, end: int, unit: str) -> bool:
    """Does the document write the repeat at other places too, DOUBLED_OFTEN times in all within DOUBLED_REACH
    characters, in whatever context (瓦加瓦加是, 出生于瓦加瓦加，, 瓦加瓦加的; 杜杜在, 杜杜的)? A slip is made once;
    the same doubled unit written again and again is a name or term the document uses (Wagga Wagga, a nickname).
    A unit of two characters or more only where it holds no word of the lexicon but a transliteration's part
    (瓦加瓦加; 朋友朋友 written three times is a slip three times).
    A unit of one character only where its doubled form is no word of the lexicon (人人, 天天 are written often,
    and one of them may still be a slip), it is no particle, preposition or conjunction (目的|的 writes 的的), and
    its copies stand alone, no word ending or starting at either (外交部|部长)."""
    doubled = text[start:end]
    lo, hi = max(0, start - DOUBLED_REACH), end + DOUBLED_REACH
    if text.count(doubled, lo, hi) < DOUBLED_OFTEN:
        return False
    lex = lexicon()
    if len(unit) > 1:
        # a unit that holds no word of the lexicon but a transliteration's part (瓦加; not 朋友朋友 three times)
        return _holds_no_word(lex, unit)
    if doubled in lex or lex.pos(unit) in FUNCTION_POS:
        return False
    # the copies of a character count where each stands alone: neither ends a word with the character before it
    # nor starts one with the character after (外交部|部长 writes 部部 as two words)
    alone, looks = 0, 0
    p = text.find(doubled, lo, hi)
    while p >= 0 and looks < OFTEN_LOOKS:
        looks += 1
        if text[p - 1 : p + 1] not in lex and text[p + 1 : p + 3] not in lex:
            alone += 1
            if alone >= DOUBLED_OFTEN:
                return True
        p = text.find(doubled, p + 2, hi)
    return False


def _seen_by_rule(doc: Document, start: int, end: int) -> bool:
    """Is ``doc.text[start:end]`` text the rule checks (prose, not in a region where it is turned off)?"""
    return (doc.prose is None or doc.in_prose(start, end)) and not (
        doc.suppressed and doc.is_suppressed("duplicate-word", start + 1)
    )


#: At most this many other copies are looked at (``_written_often``), and the clause of each within this many
#: characters either side: a text of one sentence pasted many times over, on one line, stays linear.
OFTEN_LOOKS = 20
CLAUSE_NEAR = 40


def _written_often(doc: Document, start: int, written: str) -> bool:
    """Does the document write ``written`` (a repeat with the character before and after it, Han or not) in
    WRITTEN_OFTEN different clauses or more within OFTEN_REACH characters, whatever marks surround the copies?"""
    text = doc.text
    lo, hi = max(0, start - 1 - OFTEN_REACH), min(len(text), start - 1 + len(written) + OFTEN_REACH)
    if text.count(written, lo, hi) < WRITTEN_OFTEN:
        return False
    clauses = {_clause_near(text, start - 1, start - 1 + len(written))}
    looks = 0
    p = text.find(written, lo, hi)
    while p >= 0 and looks < OFTEN_LOOKS:
        looks += 1  # (every copy looked at counts: copies in code or suppressed regions too)
        if p != start - 1 and _seen_by_rule(doc, p, p + len(written)):
            clauses.add(_clause_near(text, p, p + len(written)))
            if len(clauses) >= WRITTEN_OFTEN:
                return True
        p = text.find(written, p + 1, hi)
    return False


def _clause_near(text: str, start: int, end: int) -> str:
    """``_clause``, within CLAUSE_NEAR characters either side of ``text[start:end]``."""
    lo, stop = start, max(0, start - CLAUSE_NEAR)
    while lo > stop and not _CLAUSE_BOUND.match(text, lo - 1):
        lo -= 1
    m = _CLAUSE_BOUND.search(text, end, min(len(text), end + CLAUSE_NEAR))
    return text[lo : m.start() if m else min(len(text), end + CLAUSE_NEAR)]


_MARKS = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’", "〈": "〉"}


def _quoted_whole(text: str, start: int, end: int) -> bool:
    """Do quotation or title marks hold exactly ``text[start:end]``?"""
    return start > 0 and end < len(text) and _MARKS.get(text[start - 1]) == text[end]


#: The most characters a quotation holds to be taken as a mention (a word, a name, a line of a song) rather than
#: running speech.
QUOTED_SHORT = 10


def _quotation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the text between the quotation marks (of _MARKS but 《》) that hold ``text[start:end]`` on its
    line, if any, at most QUOTED_SHORT characters."""
    lo = max(0, start - QUOTED_SHORT)
    for i in range(start - 1, lo - 1, -1):
        ch = text[i]
        if ch == "\n":
            return None
        close = _MARKS.get(ch)
        if close is not None and ch != "《":
            j = text.find(close, end, i + 1 + QUOTED_SHORT + 1)
            if j < 0 or "\n" in text[end:j]:
                return None
            return i + 1, j
        if ch in _CLOSING_MARKS:
            return None
    return None


_CLOSING_MARKS = frozenset(_MARKS.values())


def _quoted_short(text: str, start: int, end: int) -> bool:
    """Is the repeat inside a quotation of at most QUOTED_SHORT characters (``_quotation``), not speech that a
    colon introduces (他说：“我们的的目标。”)?"""
    span = _quotation(text, start, end)
    return span is not None and text[span[0] - 2 : span[0] - 1] not in ("：", ":")


def _quoted_periodic(text: str, start: int, end: int, k: int) -> bool:
    """Does a short quotation (``_quotation``) hold nothing but the repeated unit over and over, the last perhaps
    cut short (“龙格龙格龙”, “哈哈哈”): a line of a song or a sound, mentioned as such?"""
    span = _quotation(text, start, end)
    if span is None:
        return False
    lo, hi = span
    unit = text[start : start + k]
    body = text[lo:hi]
    offset = (start - lo) % k
    return len(body) >= 2 * k and all(body[i] == unit[(i - offset) % k] for i in range(len(body)))


#: The marks that join the parts of a transliterated name (the middle dot and its look-alikes).
INTERPUNCTS = frozenset("·・‧･")  # (not the bullet •, which opens list items)
#: The longest part of a transliterated name (a run of Han characters) that an interpunct sets off.
NAME_PART = 4


def _beside_interpunct(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (a doubled character) the opening of a whole part of a transliterated name that an
    interpunct joins to the next: a run of at most NAME_PART Han characters with an interpunct on one side and no Han
    character on the other (纳纳·阿库福-阿多, 迪迪埃·德罗巴), which is no word of the lexicon with one copy undone
    (特特朗普, 约约翰·史密斯)? (A run that goes on into the sentence is not set off as a name:
    克里里斯托弗·雷, 新征程·脱脱贫攻坚.)"""
    lo = start
    while lo > 0 and end - lo <= NAME_PART and is_han(text[lo - 1]):
        lo -= 1
    hi = end
    while hi < len(text) and hi - lo <= NAME_PART and is_han(text[hi]):
        hi += 1
    if hi - lo > NAME_PART or start != lo:
        return False  # (the doubled syllable opens the part: 纳纳, 迪迪埃; not 牛顿顿, 克雷雷格)
    if len(text[start + 1 : hi]) >= 2 and text[start + 1 : hi] in lexicon():
        return False  # undone, the part is a name the lexicon knows: a slip (特特朗普, 约约翰)
    return (lo > 0 and text[lo - 1] in INTERPUNCTS) or (hi < len(text) and text[hi] in INTERPUNCTS)


def _clause(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]``: up to the nearest clause punctuation or line break each side."""
    lo = start
    while lo > 0 and not _CLAUSE_BOUND.match(text, lo - 1):
        lo -= 1
    m = _CLAUSE_BOUND.search(text, end)
    return text[lo : m.start() if m else len(text)]


TITLE_REACH = 100  # how far back a 《 may open the title a repeat stands in


def _in_title(text: str, start: int) -> bool:
    near = max(0, start - TITLE_REACH, text.rfind("\n", max(0, start - TITLE_REACH), start) + 1)
    return text.rfind("《", near, start) > text.rfind("》", near, start)


@cache  # asked once per repeat: an import statement each time costs more than the look-up
def _language_model():
    from ..langmodel import language_model

    return language_model()


def judge(*args, **kwargs) -> Safety | None:
    """Is the repeat of ``window[a:a+k]`` at ``a+k`` an error? Returns the fix safety, or None if not (the arguments
    of ``explain``)."""
    return explain(*args, **kwargs)[0]


def explain(
    lex,
    lm,
    window: str,
    a: int,
    k: int,
    prev: str = "",
    bos: bool = False,
    eos: bool = False,
    seen=None,
    *,
    copies: int = 2,
    following: str = "",
) -> tuple[Safety | None, str]:
    """``judge`` with the reason for its verdict (``_explain``). A doubled character that it leaves silent is still
    a slip where no reduplication can stand: a third copy after a verb reduplicated with 了 (看了看看); and, under no
    reading or a reading of reduplication (MARKED_READINGS), a negation before what it negates (不不能收), a verb
    before an aspect particle or a complement (擦擦了桌子), a reduplicated adjective after an adverb of degree (很累累。;
    also where a word of the lexicon holds both copies: 很高高的) and, on weak evidence, the particle 的 twice."""
    verdict, why = _explain(lex, lm, window, a, k, prev, bos, eos, seen, copies=copies, following=following)
    if verdict is not None or k != 1 or copies != 2:
        return verdict, why
    if _third_copy_after_le(lex, window, a):
        return (
            Safety.UNSAFE,
            "看了看看, 点了点点头: a verb reduplicated with 了 between its copies (看了看) takes no third",
        )
    marked = why.startswith(MARKED_READINGS)
    if marked and window[a] in NEGATORS and a + 2 < len(window):
        return Safety.UNSAFE, "不不能收, 没没什么: a negation said twice before what it negates is a stammer or a slip"
    if marked and _marked_after_reduplicated_verb(lex, window, a):
        return Safety.UNSAFE, (
            "擦擦了桌子, 送送回来: a verb reduplicated ('do a little') takes no aspect particle, 得 or complement "
            "(擦了擦, 送回来)"
        )
    if (marked or why == R_INSIDE_WORD) and _degree_before_double(lex, window, a, eos):
        return Safety.UNSAFE, DEGREE_SLIP  # (很高高的: the lexicon lists 高高的, a word holding both copies)
    if window[a] == "的" and why.startswith("as likely") and _particle_de_doubled(lex, window, a):
        return Safety.UNSAFE, "特定的的值: the particle 的 is never written twice (目的|的, 标的|的 end a word)"
    if why.startswith("as likely") and _ill_formed_number(lex, window, a, prev):
        return Safety.UNSAFE, NUMBER_SLIP
    return verdict, why


NUMBER_SLIP = "第八八十九条, 三三百元: a digit doubled in a number makes no number (第八十九条, 三百元)"
_DIGIT = "一二三四五六七八九两兩"
#: A section of a number below ten thousand (三千零五十, 十五, 一百十), not empty.
_SECTION = f"(?=[{_DIGIT}十])(?:[{_DIGIT}]千)?(?:零?[{_DIGIT}]百)?(?:零?[{_DIGIT}]?十)?(?:零?[{_DIGIT}])?"
#: A number written with the positional units (二十三亿零五百万, 第一千零三十条).
_WELL_FORMED_NUMBER = compile_re(f"(?:{_SECTION}[亿億])?(?:零?{_SECTION}[万萬])?(?:零?{_SECTION})?")
_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2, "兩": 2}
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}


def _counts(lex, word: str) -> bool:
    """Is ``word``, which starts with a numeral, a number, or a numeral and what it counts (the lexicon lists many:
    八十九条, 二楼, 五次, 三元)?"""
    return bool(_NUMERAL.fullmatch(word[1])) or (
        len(word) == 2
        and (word[1] in word_list("classifiers") or word[1] in NUMERAL_UNITS or lex.pos(word[1]) in ("q", "mq"))
    )


def _number_value(numeral: str) -> int | None:
    """The value of a well-formed number (``_WELL_FORMED_NUMBER``): 六十四 is 64; None if it is none."""
    if not numeral or not _WELL_FORMED_NUMBER.fullmatch(numeral):
        return None
    total = section = digit = 0
    for c in numeral:
        if c in _DIGIT_VALUE:
            digit = _DIGIT_VALUE[c]
        elif _UNIT_VALUE[c] >= 10**4:
            total += (section + digit) * _UNIT_VALUE[c]
            section = digit = 0
        else:
            section += (digit or 1) * _UNIT_VALUE[c]
            digit = 0
    return total + section + digit


def _ill_formed_number(lex, window: str, a: int, prev: str) -> bool:
    """Is the character doubled at ``a`` a digit that makes the run of numerals around it no number, which one
    copy fewer makes one (第八八十九条, 第一一千零三十条, 三三百元)? Chinese writes a number in its positional units
    (十, 百, 千, 万, 亿), each once after one digit; a digit doubled before a unit is none of them. Not the
    multiplication table, a digit doubled before its square (四四十六, 八八六十四), nor a number after a word that
    ends with its first numeral (统一|一百, 唯一|一千, 之一|一百: 第 before it is an ordinal's prefix), nor before a
    word that starts with the second copy and is no number (十一|一次性; a numeral and its measure word is one:
    十二二楼, 一百五五次), nor 一 but before a unit (十一|一过就冷了), nor after a figure (3三百)."""
    x = window[a]
    if x not in _DIGIT_VALUE or x == "零" or window[a + 1 : a + 2] != x:
        return False  # (a unit doubled is for the evidence: 一千|千克, 五千|千瓦, 四百|百万赫 are numbers and units)
    if x == "一" and not _POSITIONAL.match(window, a + 2):
        # 一 starts words and phrases of its own after a number, or after 十一, the National Day holiday (十一|一过就冷了,
        # 十一|一个人去旅行): only a unit right after makes it a digit (第一一千零三十条)
        return False
    lo, hi = a, a + 2
    while lo > 0 and _NUMERAL.fullmatch(window[lo - 1]):
        lo -= 1
    while hi < len(window) and _NUMERAL.fullmatch(window[hi]):
        hi += 1
    run = window[lo:hi]
    undone = window[lo:a] + window[a + 1 : hi]
    if not _POSITIONAL.search(run) or _WELL_FORMED_NUMBER.fullmatch(run) or not _WELL_FORMED_NUMBER.fullmatch(undone):
        return False
    if any(not _counts(lex, w) for w in lex.prefixes(window[a + 1 : a + 1 + MAX_LOOKAHEAD]) if len(w) > 1):
        return False  # the second copy starts a word that is no number: a number, then another (十一|一次性)
    if lo == 0 and prev.isdigit():
        return False
    if lo == a and _number_value(window[a + 2 : hi]) == _DIGIT_VALUE[x] ** 2:
        return False  # (四四十六: four fours are sixteen)
    if lo > 0 and window[lo - 1] != "第":
        # a word that starts before the run and ends inside it, at the first copy at the latest (统一|一百)
        return not any(window[s:e] in lex for s in range(max(0, lo - MAX_LOOKAHEAD), lo) for e in range(lo + 1, a + 2))
    return True


def _third_copy_after_le(lex, window: str, a: int) -> bool:
    """Is the doubled character a verb that the text has already reduplicated with 了 (看了|看看四周, 想了|想想: 看了看),
    or the verb of a separable verb so reduplicated, written again with its object (点了|点点头, 皱了|皱皱眉)? Not where
    the second copy starts another word (想了想|想法, 看了看|看法)."""
    x = window[a]
    if a < 2 or window[a - 2] != x or window[a - 1] != "了":
        return False
    words = [w for w in lex.prefixes(window[a + 1 : a + 1 + MAX_LOOKAHEAD]) if len(w) > 1]
    if any(w in word_list("separable-verbs") for w in words):
        return True  # (点了点|点头: the verb with its object, said again)
    return not words and (lex.pos(x) or "").startswith("v")


def _particle_de_doubled(lex, window: str, a: int) -> bool:
    """Is 的 doubled at ``a`` the particle written twice: the first copy ends no word of the lexicon (目的, 标的,
    有的) and the second starts none (的确, 的士)? The model, an input method's, reads chunks such as 的值 as words and
    finds 特定的的值 nearly as likely as 特定的值; statutes, reports and documentation write 的的 only after 目的 and
    标的, or by mistake (逃逸的的突变, 较小的的节点)."""
    ends = any(window[i : a + 1] in lex for i in range(max(0, a - 3), a))
    starts = any(len(w) > 1 for w in lex.prefixes(window[a + 1 : a + 1 + MAX_LOOKAHEAD]))
    return not ends and not starts


DEGREE_SLIP = "很好好, 非常累累: a reduplicated adjective takes no adverb of degree (很好, 好好的)"


def _explain(
    lex,
    lm,
    window: str,
    a: int,
    k: int,
    prev: str = "",
    bos: bool = False,
    eos: bool = False,
    seen=None,
    *,
    copies: int = 2,
    following: str = "",
) -> tuple[Safety | None, str]:
    """``judge`` with the reason for its verdict.

    First the grammar of Chinese that makes a repeat regular (numerals, reduplication, classifiers, the generic
    part of a name before a word that starts with it); then the evidence: how much more likely the language model
    finds the window with the repeat undone than as written (log10). ``prev`` is the character before the first
    copy in the text (the window holds Han characters only), ``following`` the text after a window that ends at a
    figure (12月月|31日, 第3条条第|2款); ``bos``/``eos`` say whether the window starts or ends a clause. ``seen(n)``,
    if given, is asked (only when it can change the verdict) whether the document writes the
    text around a repeated character, n characters each side, elsewhere without the repeat and never with it
    (``_written_without``): with two, the readings in OPEN_TO_DOCUMENT give way to the evidence, and
    DOCUMENT_GAIN is enough of it; with one only, those readings give way to overwhelming evidence alone
    (SAFE_GAIN), and DOCUMENT_GAIN is enough only where REPORT_GAIN would apply (not for two words). Without that
    evidence, the YIELDING_READINGS still give way to GRAMMAR_YIELD_GAIN (``_against_grammar``). A verdict
    against a reading of the grammar never has a safe fix. Where the evidence is too weak, or a reading outside
    CORPUS_KEEPS holds, the character statistics of edited text may still report a doubled character
    (``_corpus_slip``; unsafe). ``copies``: how many copies the text has (a run of three
    or more is judged as two)."""
    reason = _grammar(lex, window, a, k, prev, copies, following)
    if reason == R_NOW_AT and copies > 2:
        reason = None  # (现在在在学书法: 在 once more than 现在 and its 在)
    caveat = reason
    if reason is None:
        reach = _title_reach(window, a, k)
        if reach and _outreached(lex, window, a, k, reach):
            # a title that a word of the text undone outreaches: for the evidence, without a safe fix
            caveat = R_OUTREACHED_TITLE
    unnamed = caveat in (R_UNNAMED_PART, R_OUTREACHED_TITLE)
    if unnamed:
        reason = None  # (for the evidence to judge, but no safe fix: a name may still stand there)
    if reason is None and k == 1 and _tentative(lex, lm, window, a, eos):
        reason = R_TENTATIVE
    if reason is None and copies == 2 and _yi_before_measure(lex, lm, window, a, k):
        # (unsafe: a label's ordinal or a word of 一 the lexicon and the model lack may end at the first 一)
        return Safety.UNSAFE, "指定一一个: 一一 is an adverb, which goes before a verb; before 个 one 一 is extra"
    documented = False
    overwhelming_only = False  # the grammar gives way only to overwhelming evidence (SAFE_GAIN)
    if reason is not None:
        if reason in OPEN_TO_DOCUMENT and seen is not None:
            if seen(2):
                documented = True  # the document writes 侵权人提供 elsewhere: 侵权人人提供 is no reduplicated 人人
            elif seen(1):
                overwhelming_only = True  # 全国人 elsewhere, not 和全国人民: 全国国人民 only on overwhelming evidence
        if not (documented or overwhelming_only):
            verdict = _against_grammar(lm, window, a, k, bos, eos, reason)
            if verdict[0] is None and _statistics_asked(window, a, k, copies, reason):
                written = _corpus_slip(window, a)
                if written is not None:
                    return Safety.UNSAFE, f"{written}; against the grammar's reading: {reason}"
            return verdict
    unit_twice = k == 1 and copies == 2 and _unit_after_number(lex, window, a, prev, following)
    measure_twice = k == 1 and copies == 2 and not unit_twice and _measure_after_number(lex, lm, window, a, prev)
    if (
        k == 1
        and copies == 2
        and not (unit_twice or measure_twice)
        and (_counter_alone(window, a, a + 1) or _unit_alone(lex, window, a))
    ):
        # a counter said twice after its number, the second alone before a word (第二十条|条规定, 第三百九十条|条之一),
        # or a unit, the second copy starting no word (十年年磨一剑, 2003年年他, 三年年多): the number takes it once, as
        # a unit before a particle, and 年年 reduplicated, every year, takes no number
        measure_twice = _counted(window, a, window[a - 1] if a > 0 else prev)
    if _attested(window, a, k) and not unit_twice:
        # (the statutes' 年年 between two figures is no evidence for 2021年年1月: the key's ``_`` is any end of a
        # run of Han characters, and a number takes its unit once)
        return None, R_ATTESTED
    if k == 2 and copies == 2 and eos and a + 4 == len(window) and window[a : a + 2] in ANSWERING_MODALS:
        # (a modal with no verb to govern where its clause ends is an answer: 他连声说可以可以，, 不会不会。)
        return None, R_MODAL_ANSWER
    gain = _gain(lm, window, a, k, bos, eos)
    function_word = _function_word(lex, window, a, k) or (copies == 2 and _modal_before_verb(lex, window, a, k))
    # (reported on a function word's evidence, but made safe only on a content word's: a new class)
    after_word = not function_word and copies == 2 and _function_after_word(lex, window, a, k)
    opening_pronoun = k == 1 and copies == 2 and a == 0 and bos and window[a] in PRONOUN_CHARS
    if function_word or after_word or opening_pronoun or unit_twice or measure_twice:
        # (a pronoun opening its clause twice, 我我很喜欢, never with a safe fix; a number takes its measure word
        # once, 两年年了: only 一 takes one doubled, 一天天; that fix is safe on the usual evidence, SAFE_GAIN)
        threshold = FUNCTION_GAIN
    elif _noun_chain(lex, window, a, k, prev):
        threshold = NOUN_CHAIN_GAIN
    elif _two_words(lex, window, a, k):
        threshold = BOUNDARY_GAIN
    else:
        threshold = REPORT_GAIN
    if DOCUMENT_GAIN <= gain < threshold and k == 1 and not documented and seen is not None:
        if seen(2):
            documented = True
        elif seen(1) and threshold == REPORT_GAIN and not unnamed:
            # with one character each side, no evidence where the repeat reads as two words or a chain of nouns
            # (本月|月底 beside 本月底, 一个|个人 beside 一个人: both ways of writing it are Chinese)
            threshold = DOCUMENT_GAIN
    if documented:
        threshold = min(threshold, DOCUMENT_GAIN)
    if overwhelming_only:
        threshold = SAFE_GAIN
    if gain < threshold:
        if unit_twice and (
            _numeral_next(window + following, a + 2, window[a]) or (a + 2 == len(window) and not following)
        ):
            # between two numbers the unit said twice is no reduplication whatever the model makes of it (2021年年3月,
            # 12月月31日: the window holds the copies alone), nor before punctuation (1909年年，, 22日日）); a person
            # checks the date
            return Safety.UNSAFE, f"a unit said twice after its number, before the next or punctuation ({gain:.2f})"
        if _statistics_asked(window, a, k, copies, reason):
            written = _corpus_slip(window, a)
            if written is not None:
                return Safety.UNSAFE, f"{written}; the model alone gains only {gain:.2f}"
        if reason is not None:
            return None, f"{reason}; the document writes it without the repeat, but undoing gains only {gain:.2f}"
        return None, f"as likely as written (undoing the repeat gains {gain:.2f} < {threshold})"
    if function_word and window[a] == "是":
        # (the copula may still be yes, 是 the answer, in a way no reading of the text can tell: a person decides)
        return Safety.UNSAFE, f"the copula 是 said twice ({gain:.2f}); 是 may be yes, said twice"
    safe = FUNCTION_GAIN if function_word else SAFE_GAIN if k == 1 else SAFE_GAIN_PHRASE
    if (
        k == 1
        and not function_word
        and (lm.vocab_id(window[a]) is None or gain <= RARITY_MARGIN - lm.score_tokens([window[a]]))
    ):
        # the evidence is only that the character is rare (or unknown to the model): rare characters double in
        # names (小名叫珺珺) and onomatopoeia (琴声琤琤), so a person decides
        return Safety.UNSAFE, f"more likely undone ({gain:.2f}), but hardly more than the character is rare"
    if gain < safe:
        return Safety.UNSAFE, f"more likely undone, but not overwhelmingly ({gain:.2f} < {safe})"
    if opening_pronoun:
        return Safety.UNSAFE, f"far more likely undone ({gain:.2f}), but a pronoun said twice may be a stammer"
    if reason is not None:
        # the grammar's reading (a name's generic part, a reduplicated word) stays possible: a person decides
        return Safety.UNSAFE, f"far more likely undone ({gain:.2f}), against the grammar's reading: {reason}"
    # (a run of three copies is judged as two: 人民政府政府政府采购 may be the overlapping pair and one copy more)
    reading = (
        _reading_as_written(lex, window, a, k, bos, eos)
        or _across_words(lex, window, a, k)
        or _wordless_unit(lex, window, a, k)
    )
    if (
        reading is None
        and _measured(window, a, k)
        and (window[a + 2 * k : a + 2 * k + 1] == "的" or _manner_before_verb(lex, window, a, k))
    ):
        # a manner, one by one, that the grammar above does not see: with 的 written for 地 (一条记录一条记录的插入), or
        # opening its clause, or after an adverb or a modal, before a verb with its own adverb (一个节点一个节点扎实推进,
        # 要一个项目一个项目抓好); not the object of a verb (写了一个函数|一个函数用来……: a paste, its fix safe), nor a
        # subject before a preposition or a noun (一名男子一名男子在街头, 一个项目一个项目总投资)
        reading = "a numeral and a measure word said twice, opening a clause or before 的, may be a manner: one by one"
    if reading is None and k == 1 and _tentative(lex, lm, window, a, eos, ratio=None):
        reading = "a verb reduplicated ('do a little') may be meant, which the model writes seldom (用用，)"
    if reading is not None:
        # the text as written reads as Chinese too, in a way the model, favouring the shorter text, cannot weigh:
        # a person decides
        return Safety.UNSAFE, f"far more likely undone ({gain:.2f}), but {reading}"
    if unnamed:
        return Safety.UNSAFE, f"far more likely undone ({gain:.2f}), but {caveat}"
    return Safety.SAFE, f"far more likely undone ({gain:.2f})"


R_A_NOT_A = "这个功能|能不能做, 可行|行不行: a word that ends with the character, then a question of the form A-not-A"

#: Readings of the grammar that the character statistics of statutes and reports (``_corpus_slip``) do not
#: override: names, sounds and numbers, which that text seldom writes, a repeat inside a word of the lexicon, and the
#: reduplications of everyday prose that statutes never write (一步步完善, 一名名学生, 商场等等公共场所, 开开会,
#: 说说看): a review's 860 sentences found 28 false alarms among them, and none of its slips.
CORPUS_KEEPS = frozenset(
    {
        R_KNOWN_NAME,
        R_GIVEN_NAME,
        R_ONOMATOPOEIA,
        R_AABB,
        R_INSIDE_WORD,
        R_DIGITS,
        R_LARGE_UNITS,
        R_CLASSIFIER,
        R_TENTATIVE,
        R_SEPARABLE,
        R_VERB_DOUBLED,
        R_TIME,
        R_NOW_AT,
        R_A_NOT_A,
    }
)


def _bare_yi(window: str, a: int) -> bool:
    """Is the doubled unit after 一 alone (no other numeral, no 第 before it: 一次次, not 十一次次 or 第一次次)? Then it
    is the unit reduplicated (一次次会议: one meeting after another), which statutes never write."""
    return (
        a >= 1
        and window[a - 1] == "一"
        and not (a >= 2 and (_NUMERAL.fullmatch(window[a - 2]) is not None or window[a - 2] == "第"))
    )


def _statistics_asked(window: str, a: int, k: int, copies: int, reason: str | None) -> bool:
    """May the character statistics (``_corpus_slip``) decide this repeat: one character doubled once, under no
    reading they leave to the grammar (CORPUS_KEEPS; nor a number's unit after 一 alone, 一次次会议)? Asked where the
    model's gain is under its threshold and where a reading of the grammar holds alike."""
    return (
        k == 1 and copies == 2 and reason not in CORPUS_KEEPS and not (reason == R_NUMBER_UNIT and _bare_yi(window, a))
    )


def _corpus_slip(window: str, a: int) -> str | None:
    """Is the character doubled at ``a`` a slip by the character statistics of edited text (``zhproof.charstats``):
    a run of 4 characters of the text with one copy undone, the character before or after the repeat in it, is
    written COMMON times or more (相关部门), and neither run of 3 of the text as written that holds the repeat and its
    neighbour (关部部, 部部门) is ever written? Returns the evidence in words, or None. Asked only where the model's
    gain is under its threshold or a reading of the grammar outside CORPUS_KEEPS holds. Tuning half, ten seeds:
    3,219 -> 3,236 of 3,540 injected doubles found (符合本本法, 条修改改为, 十一次次会议); no finding of the clean
    corpus changes (a threshold of 5 instead of COMMON finds 11 more and adds 2 false alarms of the tuning half)."""
    x = window[a]
    if window[a + 1 : a + 2] != x:
        return None  # (a conversion from traditional characters made the copies differ: 乾乾隆 reads 干乾隆)
    before, after = window[max(0, a - 2) : a], window[a + 2 : a + 4]
    if _doubled_written(window, a):
        return None
    for run in (before + x + after[:1], before[-1:] + x + after):
        if len(run) == 4 and common(run):
            sides = " or ".join(r for r in (before[-1:] + x + x, x + x + after[:1]) if len(r) == 3)
            return f"statutes and reports write {run} {COMMON} times or more and never {sides}"
    return None


def _doubled_written(window: str, a: int) -> bool:
    """Do statutes and reports (``charstats``) write the character doubled at ``a`` with the character before it or
    the one after it, even once (部部门, 关部部)?"""
    return (a >= 1 and ever_written(window[a - 1 : a + 2])) or ever_written(window[a : a + 3])


R_SHARED_WORD = "人大代表|代表团, 北京大学|大学生, 第三中队|中队长: a compound, then the same word with a suffix"

R_MODAL_ANSWER = "可以可以，不会不会。: a modal said twice where its clause ends answers yes or no, for emphasis"

R_ATTESTED = (
    "约定定金, 规定定期, “十五五”: edited statutes or official reports write this repeat, in this context, in two "
    "documents or more"
)


def _gain(lm, window: str, a: int, k: int, bos: bool, eos: bool, floor: float | None = None) -> float:
    """How much more likely (log10) the model finds the window with the repeat undone than as written. The text as
    written is read the likelier of two ways: as the segmenter reads it, or with a word boundary between the
    copies (传染病|病原体, 海关|关长), so the second copy may start a word of its own. With ``floor``, the gain over
    the segmenter's reading alone is returned when it is already below it (it bounds the gain from above): one
    score of the model fewer.

    The texts differ only around the repeat. They end alike, with what follows the second copy: the segmenter's
    best routes (``LanguageModel._routes``) are worked out once, for the window, and a route from a position
    depends only on the text from there on, so the others take the window's routes of their common end. The text
    undone is the window without its first copy, so its routes from the repeat on are the window's from the second
    copy on, and the reading split between the copies reads the second copy and after as the window does. (Unless
    the two copies differ: in a window converted from traditional characters OpenCC converts by phrase, 乾乾隆 reads
    干乾隆; then the text undone shares the window's routes only after the second copy.) And their words are mostly
    the same: the n-grams of the others are looked up only where their words differ from the window's
    (``LanguageModel._token_scores_like``). The results are those of ``lm.score``, ``lm.segment`` and
    ``lm.score_tokens``. (Remembered for the bundled model, as ``_grammar``.)"""
    if lm is not _language_model():
        return _gain_of(lm, window, a, k, bos, eos, floor)
    return _remembered(_GAINS, (window, a, k, bos, eos, floor), _gain_of, lm)


_GAINS: dict[tuple[str, int, int, bool, bool, float | None], float] = {}


def _gain_of(lm, window: str, a: int, k: int, bos: bool, eos: bool, floor: float | None = None) -> float:
    """``_gain``, worked out."""
    mid, cut = a + k, a + 2 * k
    score, step = routes = lm._routes(window)
    words = lm._scored_words(window, lm._words(window, routes))
    scores = lm.token_scores(words, bos=bos, eos=eos)
    as_segmented = sum(scores)
    text = window[:mid] + window[cut:]
    if window[a:mid] == window[mid:cut]:
        # the text undone is the window without its first copy: from ``a`` on, its routes are the window's from mid
        undone_routes = lm._routes(text, (score[mid:], step[mid:]))
    else:
        undone_routes = lm._routes(text, (score[cut:], step[cut:]))
    undone_words = lm._scored_words(text, lm._words(text, undone_routes))
    undone = sum(lm._token_scores_like(undone_words, bos, eos, words, scores))
    if floor is not None and undone - as_segmented < floor:
        return undone - as_segmented
    split_words = lm.segment(window[:mid])
    n = len(window)
    j = mid
    while j < n:  # the words of the window's route from mid: those of the text after the first copy
        e = j + step[j]
        split_words.append(window[j:e])
        j = e
    if split_words == words:
        # the segmenter's own reading: the same scores (``_token_scores_like`` gives the window's), the same sum
        return undone - as_segmented
    split = sum(lm._token_scores_like(split_words, bos, eos, words, scores))
    return undone - max(as_segmented, split)


def _against_grammar(lm, window: str, a: int, k: int, bos: bool, eos: bool, reason: str) -> tuple[Safety | None, str]:
    """A reading of the grammar, unless it gives way to overwhelming evidence (GRAMMAR_YIELD_GAIN; one of
    YIELDING_READINGS, or a name of Wikipedia's titles from KNOWN_NAME_YIELD_GAIN; not a repeat that statutes
    attest): then reported, with an unsafe fix. Only a repeated
    character: the model's gain grows with the length of a repeated word or phrase, so that a phrase said twice on
    purpose (一个字一个字地看, 能放多少放多少, 很牛掰很牛掰) gains as much as one pasted twice by mistake."""
    if (
        (k > 1 and reason != R_SHARED_WORD)
        or (reason not in YIELDING_READINGS and reason not in (R_KNOWN_NAME, R_SHARED_WORD))
        or _attested(window, a, k)
    ):
        return None, reason
    threshold = KNOWN_NAME_YIELD_GAIN if reason == R_KNOWN_NAME else GRAMMAR_YIELD_GAIN
    gain = _gain(lm, window, a, k, bos, eos, floor=threshold)
    if gain < threshold:
        return None, reason
    return Safety.UNSAFE, f"far more likely undone ({gain:.2f}), against the grammar's reading: {reason}"


#: Words before a verb with 多少, 怎么 or 哪 that give it the free choice of the indefinite reading (想吃多少吃多少,
#: 随便你们怎么改怎么改, 该罚多少罚多少, 想去哪去哪); without one the phrase is a question said twice (这道题怎么做怎么做？).
FREE_CHOICE = frozenset({"想", "爱", "能", "要", "该", "随便", "愿意", "想要"})
#: Sentence-final particles that may follow it (想怎么用怎么用吧); and 的, a relative clause (想花多少花多少的日子).
FREE_CHOICE_NEXT = frozenset("吧呗啊嘛呀的")


def _free_choice(lex, window: str, a: int, k: int) -> bool:
    """Is the repeat a verb with 多少, 怎么 or 哪 said twice in the indefinite reading (能放多少放多少, 想怎么安排怎么安排,
    想去哪去哪): a word of FREE_CHOICE among the words just before it (not 需要 or 功能, which hold 要 and 能), the verb
    no copula (是多少是多少, 有多少有多少 ask), and the clause ending there or going on with a particle or 的?"""
    unit = window[a : a + k]
    if unit.endswith("多少"):
        verb = unit[:-2]
    elif unit.startswith("怎么"):
        verb = unit[2:]
    else:
        verb = unit[:-1] if unit[-1] == "哪" else ""
    if not verb or len(verb) > 2 or verb in ("是", "有"):
        return False
    end = a + 2 * k
    if end < len(window) and window[end] not in FREE_CHOICE_NEXT:
        return False  # (需要分配多少需要分配多少空间 is a paste)
    before = window[max(0, a - 6) : a]
    return any(w in FREE_CHOICE for w in lex.words(before)[-3:])


def _degree_phrase(lex, unit: str) -> bool:
    """Is ``unit`` a degree adverb and what it modifies (很大, 很有, 非常好, 真的), not a word that starts with one
    (真实, 太空, 好处, 好友)?"""
    adverb = next((d for d in DEGREE_ADVERBS if unit.startswith(d)), None)
    if adverb is None or len(unit) == len(adverb):
        return False
    rest = unit[len(adverb) :]
    first = lex.words(rest)[0]
    return not (lex.pos(first) or "x").startswith("n")  # (真实: 实 is a noun; 很久, 太棒了, 真的: not)


def _noun_of_degree_adverb(lex, unit: str) -> bool:
    """Is ``unit``, which starts with a degree adverb, the adverb's character before a noun of two characters or
    more (好朋友, 好伙伴), rather than the adverb and what it modifies (很长, 好多, 太棒了, 好耶)? Said twice, such a
    noun is no emphasis (我的好朋友好朋友明天要回国了: a learner's slip)."""
    adverb = next(d for d in DEGREE_ADVERBS if unit.startswith(d))
    rest = lex.words(unit[len(adverb) :]) if len(unit) > len(adverb) else []
    # (not a noun of one character, which may be an adjective too: 太棒了, 棒 a stick; nor the lexicon's tags of the
    # whole, which read 太多 as a place and 太棒了, 太少 as names)
    return bool(rest) and len(rest[0]) >= 2 and (lex.pos(rest[0]) or "x").startswith("n")


#: What a tentatively reduplicated verb cannot follow: negation and the aspects of progress and completion.
NOT_TENTATIVE_AFTER = ("没有", "没", "未", "正在", "在", "正", "已经", "已", "曾")
#: What may follow a tentatively reduplicated verb inside its clause: a sentence-final particle, or 看 (试试看).
TENTATIVE_NEXT = frozenset("吧呢啊嘛呀看")
#: log10: a reduplicated verb that the model's vocabulary writes at least this often relative to the verb alone is a
#: reduplication people use (试试 0.0, 看看 -0.6, 说说 -1.6, 做做 -1.65); below it (用用 -2.3, 到到 -2.9, 会会 -2.9)
#: the reading only takes the safety off a fix.
TENTATIVE_RATIO = -2.0


def _tentative(lex, lm, window: str, a: int, eos: bool, ratio: float | None = TENTATIVE_RATIO) -> bool:
    """Is the doubled character a one-character verb reduplicated to mean 'do a little' (请你说说看, 前期用用，)?
    The model's segmentation of the window must read the doubled verb as one word of its vocabulary (an
    input method's model learns the reduplications people type; 推|推进 and 建|建设 are read otherwise), with at
    least 10^``ratio`` times the probability of the verb alone (None: any); the verb a verb of the lexicon, and a
    word of its own where the lexicon segments the text up to it (简单|用, not 并发|发); and what follows must end
    the clause, or be a sentence-final particle or 看, after a personal pronoun or 这里/那里 as its object at most
    (想来看看你。, 嗅嗅这里，: a held-out review's fiction). (Before another object, 背背题, 配配分支, the reduplicated
    verbs of the model's vocabulary are as often a slip in a word the lexicon lacks: 通配|配分支.)"""
    unit = window[a]
    double = unit * 2
    i = lm.vocab_id(double)
    if i is None or not (lex.pos(unit) == "v" or lex.pos(double) == "v") or unit in NEVER_DOUBLED:
        return False  # (the copula 是 is a verb of the lexicon, and never tentative)
    if ratio is not None:
        j = lm.vocab_id(unit)
        if j is None or lm.uni_prob[i] - lm.uni_prob[j] < ratio:
            return False
    pos = 0
    for token in lm.segment(window):
        if pos >= a:
            break
        pos += len(token)
    if pos != a or window[a : a + 2] != token or not _alone(lex, window, a):
        return False  # (并发|发, 不足|足, 下列|列: the first copy ends a word of the lexicon's reading)
    before = lex.words(window[max(0, a - 6) : a])
    if before and before[-1] in NOT_TENTATIVE_AFTER:
        return False  # 没有说说, 正在吃吃呢: a tentative verb is neither negated nor in progress (现在用用看 is)
    rest = window[a + 2 :]
    if rest and rest[0] in PRONOUN_CHARS:
        # a personal pronoun as the verb's object, the clause ending after it (来看看你。, 帮帮我吧, 陪陪他们)
        rest = rest[2:] if rest[1:2] == "们" else rest[1:]
    elif rest[:2] in ("这里", "那里", "这儿", "那儿"):
        rest = rest[2:]  # (嗅嗅这里，又嗅嗅那里)
    return rest[:1] in TENTATIVE_NEXT if rest else eos


def _measured(window: str, a: int, k: int) -> bool:
    """Does the repeated unit open with 一 or 两 and a measure word (一个字, 两个, 一条记录)?"""
    return k >= 2 and window[a] in "一两" and window[a + 1] in word_list("classifiers")


#: Verbs that take another verb as their object, a noun in all but form (进行调查, 加以研究, 予以帮助): a verb
#: reduplicated to do a little (研究研究) is no noun, and never their object.
NOMINALIZING_VERBS = ("进行", "加以", "予以", "给予", "给以", "开展", "展开", "作出", "做出")


def _no_verb_reduplication(lex, window: str, a: int, k: int) -> bool:
    """Does the grammar rule out a verb reduplicated ABAB (研究研究, do a little) where the repeat stands? A
    reduplicated verb is a predicate: never the object of a verb that takes a noun made of a verb (进行调查调查, 开展
    讨论讨论), never after 的 (自己的学习学习体会), and it takes no aspect of duration or experience (讨论讨论过,
    讨论讨论着; not before a word that starts with them: 研究研究过去的经验, 讨论讨论着手的办法). Adjectives of the list
    (雪白雪白) keep their reading."""
    unit = window[a : a + k]
    if not (lex.pos(unit) or "").startswith("v"):
        return False
    if window[:a].endswith(NOMINALIZING_VERBS) or window[a - 1 : a] == "的":
        return True
    end = a + 2 * k
    return window[end : end + 1] in ("过", "着") and not any(
        len(w) > 1 for w in lex.prefixes(window[end : end + MAX_LOOKAHEAD])
    )


def _distributive(lex, window: str, a: int, k: int) -> bool:
    """Is the repeated unit a numeral and a measure word, perhaps with its noun (一个字, 一个模块, 两个), said twice
    to mean one by one (一个字一个字地看, 两个两个地加)? The noun must be a whole noun at the end of both copies, and
    the phrase the manner of an action: 地 follows, or it opens its clause (or follows an adverb) before a verb."""
    unit = window[a : a + k]
    if (
        k >= 2
        and (unit[0] == "一" or unit[:2] == "每一")
        and window[a + 2 * k : a + 2 * k + 1] == "地"
        and lex.pos(unit) not in WORDS_OF_YI_POS | {"i", "l"}
    ):
        # 一 (or 每一) and a noun used as its own measure, said twice before 地 (一小节一小节地练, 一页一页地翻,
        # 每一小节每一小节地): one by one (not a word of 一, 一直一直地, nor an idiom, 一丝不苟一丝不苟地)
        return True
    if not _measured(window, a, k):
        return False
    end = a + 2 * k
    if window[end : end + 1] == "的":
        # 的 written for 地, before a verb that ends the clause or goes on to no noun (一个字节一个字节的读取，); before
        # a noun, or a verb that modifies one (一个用户一个用户的登录流程), it is a possessive, not a manner
        words = lex.words(window[end + 1 : end + 1 + MAX_LOOKAHEAD])
        if not words or (lex.pos(words[0]) or "")[:1] != "v":
            return False
        if len(words) > 1 and _noun(lex.pos(words[1])):
            return False
    elif window[end : end + 1] != "地":
        # without 地, only at the start of the clause or after an adverb (再一个模块一个模块补细节), before a verb
        # of action: not the object of a verb before it (写了一个函数|一个函数用来……, 有两个进程|两个进程需要……)
        if not (a == 0 or lex.pos(window[a - 1]) == "d"):
            return False
        first = lex.segment(window[end : end + MAX_LOOKAHEAD])[:1]
        verb = window[end + first[0][0] : end + first[0][1]] if first else ""
        if lex.pos(verb) != "v" or verb in MODAL_VERBS:
            return False
    noun = unit[2:]
    return not noun or (
        _noun(lex.pos(noun))
        and not any(len(w) > len(noun) for w in lex.prefixes(window[end - len(noun) : end - len(noun) + MAX_LOOKAHEAD]))
    )


#: The longest word (in Han characters) said again as a whole clause for emphasis (对对对，不用不用，); a longer one
#: said twice is a clause pasted twice (依此类推依此类推。, 团结互助团结互助，: the tuning half's injections).
EMPHATIC_UNIT = 2
#: The most copies of such a word that speech says (快快快快快！); a longer run is a script's or a paste's, for the
#: evidence (加油 written 41 times).
EMPHATIC_COPIES = 6
#: What may stand before and after a word said again for emphasis: it opens a sentence, a clause or a quotation
#: (喊：“快快快，……”; not the value after a label's colon, 表决结果：通过通过。; not 、 between a list's items:
#: 出版、发布发布、传播), and speech goes on after it (对对对，就这样; 快快快！); a pause in speech, …… or ——, opens
#: one too (左边高了一点……不对不对，: a held-out review's fiction).
_CLAUSE_BEFORE = frozenset("，。！？；“「『\n…—")
_CLAUSE_AFTER = frozenset("，！")
#: Verbs of saying that report speech without quotation marks (老奶奶说不用不用，他说……).
_SPEECH_VERBS = frozenset("说道喊嚷")
_QUOTE_OPENERS = frozenset("“「『")
#: What completes a verb of saying (说完, 说清楚, 说明白, 说出来, 说起来): said twice after it, a slip, not speech.
SAYING_COMPLEMENTS = frozenset("完清明出起")


def _whole_clause(text: str, start: int, end: int, k: int) -> bool:
    """Is ``text[start:end]`` a whole clause said in speech: at the text's start or after clause punctuation, an
    opening quotation mark, a line break (not a colon) or a verb of saying that is a word of its own (说, not 说说,
    虽说, 知道; not before its complement: 说明白明白), and before a comma or an exclamation mark?"""
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    if _line_of_its_own(text, start, end) and _spoken_form(text[start : start + k], (end - start) // k):
        # a line that holds the copies alone, in the forms of speech: an utterance (a subtitle's 来了来了, 没事没事,
        # 走走走); not a heading doubled (通知通知, 安装安装), which is read as any clause is (救命救命！ is a call)
        return True
    if _said_after(text, start) >= 0:
        # a verb of saying of its own (老奶奶说|不用不用, 大喊|救命救命, 说着|不要不要), not the end of a word (虽说,
        # 据说, 知道, 街道) or 说说, and not before its complement (说完完, 说清楚清楚, 说明白明白: SAYING_COMPLEMENTS,
        # said twice, a slip); one character only as an answer said three times, or twice where it makes no word
        # with the verb (说对对对, 说行行，; not 说好好)
        lex = lexicon()
        return (
            after in _CLAUSE_AFTER
            and text[start] not in SAYING_COMPLEMENTS
            and (k == 1 or len(lex.prefixes(text[start - 1 : start + k])) <= 1)  # (说道|歉道歉, 说不定|不定)
            and (
                end - start > 2
                or (text[start] in ANSWERS and _language_model().vocab_id(text[start - 1 : start + 1]) is None)
            )
        )
    return before in _CLAUSE_BEFORE and after in _CLAUSE_AFTER


#: Parts of speech of a word that is no clause said for emphasis when doubled as a whole clause: nouns (疫情疫情，),
#: conjunctions, adverbs, time words, pronouns, numerals, localizers and particles (同时同时，, 目前目前，, 其中其中，)
#: open or qualify a clause and are not said twice; nor are idioms and set phrases (依此类推依此类推。).
NOT_EMPHATIC_POS = frozenset({"c", "d", "t", "r", "m", "mq", "q", "f", "s", "x", "l", "i"})
#: Answers said again (对对对，是是是，行行行，不不，别别别，), whatever the lexicon tags them (对 is a preposition, 行 a
#: bound form, 不 an adverb).
ANSWERS = frozenset({"对", "是", "好", "行", "嗯", "不", "别"})


#: What separates parallel clauses (聊聊天、捶捶背，看看日出).
_PARALLEL_SEP = frozenset("、，")
#: The longest object of a reduplicated verb that ends its clause (捡捡|贝壳, 翻翻|旧相册).
PARALLEL_OBJECT = 3
#: How far before a repeat its clause is looked for, and how far after it the next clause may end.
PARALLEL_REACH = 40


def _reduplicated_verb_ending(lex, text: str, lo: int, hi: int) -> int | None:
    """The start of a verb reduplicated before an object of 1 to PARALLEL_OBJECT Han characters that ends the
    clause ``text[lo:hi]`` (陪他们聊聊天: the start of 聊聊), or None."""
    for obj in range(1, PARALLEL_OBJECT + 1):
        i = hi - obj - 2
        if i < lo:
            return None
        if text[i] == text[i + 1] and (lex.pos(text[i]) or "").startswith("v") and text[i + 2] != text[i]:
            return i
    return None


#: Negations, which no reading doubles before what they negate (不不能, 没没什么); alone, 不不， is an answer.
NEGATORS = frozenset("不没别")
#: What cannot follow a one-character verb reduplicated to mean 'do a little': an aspect particle or the
#: complement marker 得 (擦擦了桌子, 看看过, 睡睡得太晚; the aspect goes between the copies: 擦了擦).
ASPECT_MARKERS = frozenset("了着过得")
#: Complements of direction and result, which a verb reduplicated does not take (送送回来, 揉揉出气泡, 看看到: 送回来,
#: 看了看).
VERB_COMPLEMENTS = frozenset("来去上下进出回过起开到完好")
#: The complements of direction of two characters (送送回来, 想想起来); one of VERB_COMPLEMENTS counts alone only
#: where it starts no longer word.
DIRECTIONAL_COMPLEMENTS = frozenset(
    {"回来", "出来", "起来", "下来", "上来", "过来", "进来", "出去", "回去", "上去", "下去", "进去", "开来"}
)
#: The reasons for silence that give way to a marker after a doubled character: the evidence too weak, and the
#: readings of reduplication (a verb reduplicated, a word of the lexicon that is a character reduplicated).
MARKED_READINGS = ("as likely as written", R_REDUPLICATED_WORD, R_VERB_DOUBLED, R_TENTATIVE)


def _marked_after_reduplicated_verb(lex, window: str, a: int) -> bool:
    """Is the doubled character a one-character verb (no noun, pronoun or name doubled: 哥哥了, 谢谢了, whose
    doubled form the lexicon tags so; not after a numeral, which counts the verb: 一投|投出) directly followed by
    ASPECT_MARKERS and more of the clause, or by a complement of direction or result, which a verb reduplicated
    does not take (擦擦了桌子, 送送回来: 擦了擦, 送回来)?"""
    double = window[a : a + 2]
    pos, double_pos = lex.pos(window[a]) or "", lex.pos(double) or "v"
    nxt = window[a + 2 : a + 3]
    if nxt in ASPECT_MARKERS:
        # (该改改了。: 了 ending the sentence is its particle, a change of state; 想想过去, 看看了解: no marker)
        words = lex.prefixes(window[a + 2 : a + 2 + MAX_LOOKAHEAD])
        marked = a + 3 < len(window) and (not words or words[-1] == nxt)
    else:
        # a complement of direction or result: one of two characters (送送回来, 想想起来), or one character that
        # starts no longer word (揉揉出|里面; not 看看上面, 想想过去, 看看到底, 看看开心的事)
        words = lex.prefixes(window[a + 2 : a + 2 + MAX_LOOKAHEAD]) if nxt in VERB_COMPLEMENTS else []
        marked = bool(words) and (words[-1] in DIRECTIONAL_COMPLEMENTS or words[-1] == nxt)
    after_count = a > 0 and _NUMERAL.fullmatch(window[a - 1]) is not None  # (最后一投|投出: a count, then the verb)
    return marked and not after_count and pos.startswith("v") and double_pos.startswith("v") and _alone(lex, window, a)


#: Adverbs of degree, which modify an adjective but never one reduplicated (很好, 好好的; not 很好好). 有点 and 有些
#: take one before 的 (有点怪怪的, 有些旧旧的杂志: a review's clean texts), only there (有点薄薄，).
VAGUE_DEGREE = frozenset({"有点", "有些"})
DEGREE_BEFORE_ONE = frozenset("很太挺更最真够好")
DEGREE_BEFORE_TWO = frozenset({"非常", "十分", "特别", "比较", "相当", "极其", "极为", "更加", "格外", "有点", "有些"})
#: What may follow a reduplicated adjective that ends its clause: 的, 地, 了 and the particles of mood.
CLAUSE_END_PARTICLES = frozenset("的地了啊呀吧呢哦嘛啦")


def _degree_before_double(lex, window: str, a: int, eos: bool) -> bool:
    """Is the doubled character preceded by an adverb of degree standing as a word (DEGREE_BEFORE_ONE, not the end
    of a word: 天真, 认真; DEGREE_BEFORE_TWO) and followed by the end of its clause or a particle that ends it
    (很累累。, 非常好好了, 很久久，)? A reduplicated adjective or adverb takes no adverb of degree, so the repeat is
    a slip there whatever word the doubled form makes (累累, 好好, 久久). Not where the adverb is the doubled
    character itself (太太太), nor where the clause goes on (很好|好好学习: 很好, then 好好学习); before 的 or 地,
    not where the adverb and the character are a word of the lexicon (更新|新的: a verb, then its object), unless
    the adverb is 很 or one of two characters. Statutes, reports and documentation write an adverb of degree before
    a doubled character only where it ends a word (太湖|湖, 真实|实, 更新|新冠)."""
    x = window[a]
    before = window[max(0, a - 3) : a]
    two = before[-2:] in DEGREE_BEFORE_TWO or before == "越来越"  # (越来越, of three, is read whole)
    degree = before[-1:]
    if not two and (degree not in DEGREE_BEFORE_ONE or degree == x or (a >= 2 and window[a - 2] + degree in lex)):
        return False
    if a + 2 < len(window):
        nxt = window[a + 2]
        if nxt in "的地":
            if two:
                return before[-2:] not in VAGUE_DEGREE
            return degree == "很" or degree + x not in lex
        return nxt in CLAUSE_END_PARTICLES
    return eos


#: Verbs of motion, being and giving, which take no tentative reduplication (去去海边, 回回老家 are slips).
NOT_TENTATIVE_VERBS = frozenset("去来到进回在是有给")
#: Complements of direction, result and quantity, which follow a verb but are no object of the parallel reading
#: (躺躺下, 吃吃完饭, 喝喝点酒).
NOT_OBJECTS = frozenset("下上开完起出点")


#: What stands before an item of an enumeration (a separator, a quote or bracket, a conjunction before the last
#: item) and after it (a separator, a closing mark, a conjunction, 等), where not other characters.
_ITEM_BEFORE = frozenset("、，：；（(“「和与及或")
_ITEM_AFTER = frozenset("、，。；：！？）)”」和与及或等")


def _doubled_item(text: str, start: int) -> bool:
    """Is the character doubled at ``start`` a whole item of an enumeration, next to an item (across 、) that is
    another character doubled (福娃贝贝、晶晶、欢欢、迎迎和妮妮: names, nicknames and mascots, doubled and listed side
    by side)? Items of a list run in parallel, and a slip that doubles a one-character item beside a doubled one is
    next to impossible; the lexicon lists some of such names (晶晶, 欢欢) and not others (迎迎). A held-out review's
    encyclopedia prose flagged 迎迎 twice."""
    n = len(text)
    before = text[start - 1] if start > 0 else ""
    after = text[start + 2] if start + 2 < n else ""
    if (is_han(before) and before not in _ITEM_BEFORE) or (is_han(after) and after not in _ITEM_AFTER):
        return False  # (市场、物物资: the copies are part of a longer item)
    x = text[start]
    earlier = start >= 3 and before == "、" and text[start - 3] == text[start - 2] != x and is_han(text[start - 3])
    later = after == "、" and start + 4 < n and text[start + 3] == text[start + 4] != x and is_han(text[start + 3])
    return earlier or later


def _parallel_reduplication(lex, text: str, start: int) -> bool:
    """Is the doubled character a one-character verb reduplicated before a short object that ends its clause, beside
    a clause separated by 、 or ， that ends the same way with another verb reduplicated (聊聊天、梳梳头, 捡捡贝壳，看看日出,
    浇浇水，松松土)? Reduplicated verbs run in parallel in narration ('do a little of this, a little of that'); a slip
    seldom falls beside one. Not a verb of NOT_TENTATIVE_VERBS, one before NOT_OBJECTS, nor the first syllable of a
    verb of two (收收拾, 擦擦洗). Four reviews' everyday texts: bench/review_texts.py. The text is read
    at most PARALLEL_REACH characters around the repeat (a run of Han characters may be a whole file)."""
    near = text[max(0, start - PARALLEL_REACH) : start + 3 + PARALLEL_OBJECT]
    if "、" not in near and "，" not in near:
        return False  # (the common case, decided by two scans in C)
    n = len(text)
    hi = _HAN_SPAN.match(text, start + 2, min(n, start + 3 + PARALLEL_OBJECT)).end()
    if hi < n and _HAN_CHAR.match(text, hi):
        return False  # the clause goes on after more than an object
    if _reduplicated_verb_ending(lex, text, start, hi) != start or not _alone(lex, text, start):
        return False  # (预算|算五千: the first copy ends a word)
    verb, pair = text[start], text[start + 1 : start + 3]
    if verb in NOT_TENTATIVE_VERBS or text[start + 2] in NOT_OBJECTS or pair in word_list("reduplication"):
        return False  # 去去海边: no tentative verb; 躺躺下: a complement is no object; 收收拾: see below
    if pair in lex and (lex.pos(pair[1]) or "").startswith("v"):
        # 擦擦洗窗户, 修修剪草坪: the first syllable of a verb of two verbs (收拾收拾 reduplicates whole); at the
        # price of a verb-object word whose object the lexicon also tags a verb (捶捶背, 跳跳舞)
        return False
    lo = _HAN_SPAN_BEFORE.search(text, max(0, start - PARALLEL_REACH), start).start()
    if lo >= 2 and text[lo - 1] in _PARALLEL_SEP:  # the clause before (its last characters are enough)
        plo = _HAN_SPAN_BEFORE.search(text, max(0, lo - 3 - PARALLEL_OBJECT), lo - 1).start()
        if _reduplicated_verb_ending(lex, text, plo, lo - 1) is not None:
            return True
    if hi < n and text[hi] in _PARALLEL_SEP:  # the clause after
        nhi = _HAN_SPAN.match(text, hi + 1, min(n, hi + 1 + PARALLEL_REACH)).end()
        if (
            not (nhi < n and _HAN_CHAR.match(text, nhi))
            and _reduplicated_verb_ending(lex, text, hi + 1, nhi) is not None
        ):
            return True
    return False


def _emphatic(lex, unit: str, spoken: str = "") -> bool:
    """Is ``unit``, doubled (or more) as a whole clause, a word said again for emphasis, as people do in speech
    and dialogue (对对对，快快快，不用不用，还行还行，): an answer (ANSWERS), or a word of the lexicon, a verb, adjective or
    interjection, no noun, preposition, particle and no word of NOT_EMPHATIC_POS (a phrase the lexicon lacks is a clause pasted
    twice: 依法追究刑事责任依法追究刑事责任，)? Clean diaries and forum posts written for a review had 5 such clauses
    reported, 3 with a safe fix. ``spoken`` (``_spoken``): where the clause follows a verb of saying, a phrase the
    lexicon lacks or a name is said twice too (说快走快走，, 喊小明小明，; the lexicon tags 明白 and 谢谢 as names); where
    it opens a quotation, also any unit that is no noun, no word of place or time, numeral, conjunction or particle
    (SPOKEN_NOT_EMPHATIC_POS): “快点快点，”, “这里这里！”. A held-out review's 240 everyday texts had 5 such
    quotations reported; after 说 an adverb or a pronoun doubled is more often a slip (说已经已经，, 说我们我们，: a
    review's slips)."""
    pos = lex.pos(unit)
    if unit in ANSWERS or (
        len(unit) > 1 and (unit[-1] in MOOD_PARTICLES or (unit[0] in NEGATORS and pos not in ("c", "p")))
    ):
        # (行啦行啦，, 飘呀飘呀，: a unit that ends with a particle of mood is an utterance; 不敢不敢，, 不必不必，, 没事没事，:
        # one that opens with a negation is a refusal or a reassurance, whatever the lexicon tags it, unless it is a
        # conjunction: 说不过不过，)
        return True
    if pos is None or pos == "nr":
        return bool(spoken)
    if spoken == QUOTED:
        return not (_noun(pos) or pos in SPOKEN_NOT_EMPHATIC_POS)
    return not _noun(pos) and pos not in NOT_EMPHATIC_POS and not pos.startswith(("u", "p"))


#: Particles of mood, which end an utterance: a unit ending with one, said twice as a whole clause, is speech or a
#: refrain (行啦行啦，, 好吧好吧，, 对啊对啊，, 飘呀飘呀，), whatever the lexicon tags them (啊 and 哦 as bound forms).
MOOD_PARTICLES = frozenset("吧啦呀嘛呗哇啊哦哟呢")
#: Parts of speech of a unit that is no speech said twice even as the whole clause opening a quotation (“疫情疫情，”,
#: “但是但是，”): besides nouns, words of place or time, numerals and measure words, conjunctions, particles.
SPOKEN_NOT_EMPHATIC_POS = frozenset({"c", "t", "s", "f", "m", "mq", "q", "x", "uj", "ul", "uz", "ug", "ud", "uv"})


QUOTED, SAID = "quoted", "said"


#: What may follow copies that make a line of their own: final punctuation, then the line's end.
_LINE_REST = compile_re(r"[！!？?。…～~]*[ \t\u3000]*(?:[\r\n]|$)")


#: What ends a unit said as speech on a line of its own: an aspect particle (来了来了, 听过听过) or one of mood.
_SPOKEN_ENDS = frozenset("了过着") | MOOD_PARTICLES


def _spoken_form(unit: str, copies: int) -> bool:
    """Is ``unit``, said ``copies`` times, in a form of speech: an answer (对对对), a unit ending with an aspect or
    mood particle (来了来了, 好吧好吧) or opening with a negation (没事没事), or one character said three times or more
    (走走走)? A heading doubled by a slip (通知通知, 摘要摘要) is none."""
    return (
        unit in ANSWERS
        or (len(unit) > 1 and (unit[-1] in _SPOKEN_ENDS or unit[0] in NEGATORS))
        or (len(unit) == 1 and copies >= 3)
    )


def _line_of_its_own(text: str, start: int, end: int) -> bool:
    """Do the copies at ``start:end`` make a line of their own, with nothing but final punctuation (来了来了⏎,
    没事没事！⏎)? In subtitles and lines of dialogue such a line is an utterance, like a quotation: no sentence
    around it can have been pasted into."""
    return (start == 0 or text[start - 1] in "\r\n") and _LINE_REST.match(text, end) is not None


def _spoken(text: str, start: int, end: int = -1) -> str:
    """QUOTED if the clause at ``start`` opens a quotation (“快走快走，), SAID if it follows a verb of saying
    (说快走快走，: ``_said_after``) or the copies up to ``end`` make a line of their own (``_line_of_its_own``: 发了发了⏎,
    not 在在。), else "". (Asked of a whole clause, ``_whole_clause``.)"""
    if start > 0 and text[start - 1] in _QUOTE_OPENERS:
        return QUOTED
    if end >= 0 and _line_of_its_own(text, start, end):
        return SAID
    return SAID if _said_after(text, start) >= 0 else ""


#: Words of two characters that end with a verb of saying and are verbs of saying themselves: shouting, and 道 after
#: a verb of speech (笑道, 问道). 嚷嚷 is one too, no verb reduplicated ('say a little': 说说).
SAYING_WORDS = frozenset({"大喊", "高喊", "呼喊", "叫喊", "哭喊", "嚷嚷"} | {c + "道" for c in "说喊叫笑问答骂叹嚷"})


def _said_after(text: str, start: int) -> int:
    """Where the verb of saying is that the clause at ``start`` follows (说|不用不用, 大喊|救命救命, 说着|不要不要: 着
    may come between), or -1: a verb of _SPEECH_VERBS that is a word of its own, not 说说, or the end of one of
    SAYING_WORDS."""
    v = start - 1
    if v >= 1 and text[v] == "着":
        v -= 1
    if v < 0 or text[v] not in _SPEECH_VERBS:
        return -1
    pair = text[max(0, v - 1) : v + 1]
    if pair in SAYING_WORDS:
        return v
    if (len(pair) == 2 and pair[0] == pair[1]) or not _alone(lexicon(), text, v):
        return -1  # (说说, 虽说, 据说, 知道, 街道)
    return v


def _manner_before_verb(lex, window: str, a: int, k: int) -> bool:
    """Does the phrase said twice at ``a`` open its clause, or follow an adverb or a modal verb, before a verb, an
    adverb or an adjective (一个节点一个节点扎实推进, 要一个项目一个项目抓好)?"""
    before = lex.words(window[max(0, a - MAX_LOOKAHEAD) : a])
    if before and lex.pos(before[-1]) != "d" and before[-1] not in MODAL_VERBS:
        return False
    after = lex.words(window[a + 2 * k : a + 2 * k + MAX_LOOKAHEAD])
    return bool(after) and (lex.pos(after[0]) or "")[:1] in ("v", "d", "a")


def _reading_as_written(lex, window: str, a: int, k: int, bos: bool, eos: bool) -> str | None:
    """A reading of the repeat as written that the grammar allows, for which no fix is safe, or None. Found in
    documentation never tuned on (JavaGuide, React's, ES6's), where each had a safe fix."""
    unit = window[a : a + k]
    if k >= 2 and _possessive_of_itself(lex, window, a, k):
        return "朋友的朋友, 原型的原型: a noun's possessive of itself"
    if k >= 2 and unit not in lex and any(lex.pos(c) in ("e", "o", "y") for c in unit):
        # (a review's children's story: 大家一起嘿哟嘿哟地抬, which had a safe fix)
        return "嘿哟嘿哟: a sound or a call the lexicon lacks, said twice"
    if k >= 2 and bos and eos and a == 0 and 2 * k == len(window) and not _noun(lex.pos(unit)):
        return "头大头大，慢死了慢死了。: a clause said twice for emphasis (a noun twice is no clause: 疫情疫情)"
    mid = a + k
    if lex.pos(unit) == "v" and unit not in NEVER_DOUBLED and (k >= 2 or not _starts_word(lex, window, mid)):
        return "阐述阐述, 说说吧: a verb reduplicated"
    words = [(s, e) for s, e in lex.segment(window) if s < a + 2 * k and e > a]
    if all(e - s >= 2 for s, e in words) and (
        any(s < mid < e for s, e in words)
        or any(s == mid and e == mid + k + 1 and window[e - 1] in NOUN_SUFFIXES for s, e in words)
    ):
        # words of two characters or more, one of them across the junction of the copies (数据库|分库|分表,
        # 或者|生产者|生产, 是不是|不用; for a doubled character, often the doubled form itself: 再|好好|不过), or
        # the second copy is a noun with its suffix (用户|用户名); not copies that end and start words
        # (推进改革|改革开放, 一个函数|一个函数: the commonest slips)
        return "数据库|分库|分表, 如果|用户|用户名: the copies are parts of different words"
    return None


def _holds_no_word(lex, unit: str) -> bool:
    """Does ``unit`` hold no word of the lexicon of two characters or more, but a transliterated name's part
    (jieba's ``nrt``: 瓦加, 库里)?"""
    return not any(len(w) >= 2 and lex.pos(w) != "nrt" for i in range(len(unit)) for w in lex.prefixes(unit[i:]))


#: Parts of speech jieba gives characters that write names (帕 nr, 伊 ns, 姆 x).
NAME_CHAR_POS = frozenset({"nr", "ns", "nrt", "nz", "x"})


def _wordless_unit(lex, window: str, a: int, k: int) -> str | None:
    """Is the repeated unit of two characters or more one that holds no word of the lexicon (but a transliterated
    name's part, jieba's ``nrt``: 瓦加, 库里) and, unless it is one, is written with characters of names only (no
    verb, adjective, pronoun, adverb or function word among them), written twice where no word of the lexicon
    runs into the first copy or out of the second (出生于瓦加瓦加，, 帕果帕果是……的首府)? Such a
    unit is no word and no phrase: a transliterated name (Wagga Wagga, Pago Pago, Woy Woy) is written so, and the
    model, which never saw the name, prefers it once. A span doubled by a slip mostly cuts a word at its edge
    (研究方|究方法: 研究; 他说我|说我们: 我们), which keeps its safe fix."""
    if k < 2:
        return None
    end = a + 2 * k
    unit = window[a : a + k]
    if not _holds_no_word(lex, unit):
        return None  # a word of the lexicon inside the unit (工作|工作会议, 全国|全国纪录)
    if lex.pos(unit) != "nrt":
        # characters of names (jieba tags them nr, ns or x: 帕, 沃, 伊, 朗), and none that is a verb, adjective,
        # pronoun, adverb, numeral or function word (快跑快跑, 说我说我)
        tags = [lex.pos(c) or "x" for c in unit]
        if not any(t in NAME_CHAR_POS for t in tags) or any(t[:1] in "vardmpcu" for t in tags):
            return None
    if any(len(w) > a - s for s in range(max(0, a - MAX_LOOKAHEAD), a) for w in lex.prefixes(window[s : a + k])):
        return None  # a word runs into the first copy
    if any(len(w) > end - s for s in range(a + k, end) for w in lex.prefixes(window[s : s + MAX_LOOKAHEAD])):
        return None  # a word runs out of the second copy
    return "瓦加瓦加, 帕果帕果: a unit that holds no word, written twice between words, may be a transliterated name"


def _across_words(lex, window: str, a: int, k: int) -> str | None:
    """Do the copies straddle the words around them, so that the text as written may be two overlapping compounds
    rather than a slip? A doubled character that ends one word and starts another, each side of the junction
    segmented on its own (一个|个人信息); a phrase whose first copy is the tail of a word, as the window
    is segmented (集装箱|装箱作业, 人民政府|政府采购, 高等教育|等教育机构, 不动产|动产). Statutes write such text
    often (LawRefBook, Taiwan's statutes); a slip of this shape needs a person's eye, so its fix is not safe (a
    phrase that starts a word of its own stays safe: 全国全国纪录, 工作工作会议)."""
    if k == 1:
        # as each side of the junction is segmented on its own (大力|推 before 推进 is no compound: 推推进 stays safe)
        mid = a + 1
        s, e = lex.segment(window[max(0, a - MAX_LOOKAHEAD) : mid])[-1]
        right = lex.segment(window[mid : mid + MAX_LOOKAHEAD])
        if e - s >= 2 and right[0][1] - right[0][0] >= 2:
            return "一个|个人信息: the copies end one word and start another"
        return None
    segments = lex.segment(window)
    if any(s < a and e == a + k for s, e in segments):
        return "集装箱|装箱, 高等教育|等教育机构: the first copy is the tail of a word"
    mid = a + k
    # the second copy and one character more are a noun (字符|字符串, 代表|代表团), unless a verb takes the first copy
    # as its object (派出工作|工作组, 开展学生|学生会: slips, their fix safe)
    if any(s == mid and e == mid + k + 1 and _noun(lex.pos(window[s:e])) for s, e in segments) and not any(
        e == a and lex.pos(window[s:e]) == "v" for s, e in segments
    ):
        return "字符|字符串, 代表|代表团: the second copy and one character more are a noun"
    return None


def _grammar(lex, window: str, a: int, k: int, prev: str, copies: int = 2, following: str = "") -> str | None:
    """The reason a repeat is grammatical Chinese, or None. Only closed classes of the grammar live here: every
    other verdict is the language model's. (It depends on its arguments alone: remembered, for the bundled
    lexicon, since a text writes the same repeat in the same words again and again.)"""
    if lex is not _lexicon():
        return _grammar_of(lex, window, a, k, prev, copies, following)
    return _remembered(_GRAMMAR, (window, a, k, prev, copies, following), _grammar_of, lex)


_GRAMMAR: dict[tuple[str, int, int, str, int, str], str | None] = {}
_MEMO_LIMIT = 50_000


def _remembered(memo: dict, key: tuple, work, first):
    """``work(first, *key)``, remembered in ``memo`` by ``key`` (emptied when it reaches _MEMO_LIMIT entries)."""
    try:
        return memo[key]
    except KeyError:
        pass
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    value = memo[key] = work(first, *key)
    return value


@cache
def _lexicon():
    return lexicon()


def _grammar_of(lex, window: str, a: int, k: int, prev: str, copies: int = 2, following: str = "") -> str | None:
    """``_grammar``, worked out."""
    unit = window[a : a + k]
    mid = a + k
    if unit in ("万", "亿"):
        return R_LARGE_UNITS
    if _NUMERAL.fullmatch(unit):
        lo, hi = a, mid + k
        while lo > 0 and _NUMERAL.fullmatch(window[lo - 1]):
            lo -= 1
        while hi < len(window) and _NUMERAL.fullmatch(window[hi]):
            hi += 1
        if (
            lo > 1
            and window[lo - 1] in "点點"
            and _NUMERAL.fullmatch(window[lo - 2])
            and not _TENS.search(window, lo, hi)
        ):
            # the decimals after the point are read digit by digit: 零点五五公顷, 一點八八元, 一点四四亿 (not a clock's
            # 三点十十分, nor after a word that ends in 点: 起点二二十公里)
            return R_DIGITS
        if hi - lo == 2 * k:  # a numeral doubled alone: the adverbs 一一 and 两两 go before a verb
            if unit in ("一", "两") and _starts_with_verb(lex, window[hi:]):
                return "一一对应, 两两相对: 一一 and 两两 are adverbs"
            if (k > 1 and not _POSITIONAL.search(unit)) or window[hi : hi + 1] == "折":
                return R_DIGITS  # a year read digit by digit (二〇二〇年, 一九一九年), a discount (打八八折)
            return None
        if not prev.isdigit() and not _POSITIONAL.search(window, lo, hi):
            return R_DIGITS
        if _numeral_name(lex, window, lo, hi, prev):
            return R_INSIDE_WORD
        return None  # a doubled digit in a positional number (第三三十八条, 二二万元) is for the evidence to judge
    if (
        unit == "在"
        and window[max(0, a - 1) : a + 1] == "现在"
        and _zai_takes(lex, window[a + 2 : a + 2 + MAX_LOOKAHEAD])
    ):
        return R_NOW_AT
    if k == 1 and copies == 2 and _unit_after_number(lex, window, a, prev, following, dates_only=True):
        # a unit said twice before the next number of a date (十二月|月三十一日, 第3条|条第2款, 一月|月一日,
        # 一九九九年|年八月) is no number and a word, no classifier reduplicated, no AABB: the evidence judges it
        return None
    reach = _title_reach(window, a, k)
    if reach and not _outreached(lex, window, a, k, reach):
        return R_KNOWN_NAME
    heads = _heads(lex, window, a)  # (the trie look-ups of _inside_word, asked again by _ends_word)
    if _inside_word(lex, window, a, k, heads):
        return R_INSIDE_WORD
    if k == 1 and _aabb(lex, window, a):
        return R_AABB
    if k == 1 and copies == 2 and _adjective_of_manner(lex, window, a):
        return R_MANNER
    if k == 1 and copies == 2 and unit in word_list("chemical-elements") and window.startswith(BONDS, a + 2):
        return R_BOND
    if k >= 2 and (
        (unit in word_list("reduplication") and not _no_verb_reduplication(lex, window, a, k))
        or (k == 2 and unit[0] == "一")
        or _distributive(lex, window, a, k)
        or unit.endswith("着")
        or (
            unit.startswith(DEGREE_ADVERBS)
            # (said as the whole clause, a noun with 好 is an exclamation: 好消息好消息，, 好孩子好孩子，别哭了)
            and (not _noun_of_degree_adverb(lex, unit) or (a == 0 and 2 * k == len(window)))
        )
    ):
        return "研究研究, 一步一步, 走着走着, 很长很长: a repeated phrase that is reduplication or emphasis"
    if window[mid + k : mid + 2 * k + 1] in ("再" + unit, "又" + unit):
        return "践行践行再践行, 缩小缩小再缩小: said twice and once more after 再 or 又, a repetition the writer spells out"
    if k >= 2 and _free_choice(lex, window, a, k):
        return "能放多少放多少, 想怎么改怎么改: a verb with a question word, said twice, means 'as much as', 'however'"
    if k == 2 and unit[0] in "大成" and unit[1] in word_list("classifiers"):
        return "大把大把, 大口大口, 成批成批: a measure word with 大 or 成, reduplicated for emphasis"
    if k >= 2 and _compound_after(lex, window, a, k):
        return "保管人保管保管物, 承包的土地的土地承包经营权: the second copy starts a compound of its own"
    if k >= 2 and _shared_word(lex, window, a, k):
        return R_SHARED_WORD
    pos = lex.pos(unit)
    if pos in ("o", "e"):
        return R_ONOMATOPOEIA
    if k > 1:
        return None
    if _time_reckoned(lex, window, a):
        return R_TIME
    ends_word = _ends_word(lex, window, a, mid, heads)
    starts_word = _starts_word(lex, window, mid)
    if ends_word and window[mid + k : mid + k + 2] in ("不" + unit, "没" + unit):
        # (the second copy opens a question of the form A-not-A after a word that ends with it: 功能|能不能,
        # 可行|行不行; a free first copy is a slip: 你明天去去不去)
        return R_A_NOT_A
    after_number = (
        prev.isdigit()
        or bool(_NUMERAL.fullmatch(prev or "x"))
        or (
            a >= 2 and window[a - 1] in "个個" and bool(_NUMERAL.fullmatch(window[a - 2]))  # 七个月|月支
        )
    )
    if (
        after_number
        and unit in NUMERAL_UNITS
        and mid + k < len(window)
        and not _unit_once(lex, window, a, dates=copies == 2)
        and not _counter_alone(window, a, mid)
        and (copies > 2 or unit in COUNTERS or unit in FREE_UNITS or _starts_longer_word(lex, window, mid, unit))
    ):
        # (three copies are the unit and the reduplicated word: 三百六十五天|天天两小时, whatever number follows)
        # the second copy starts a word (24日|日本, 第四章|章名, 第二天|天没亮), unless a particle or a localizer
        # follows it (两年年了, 三十日日内: ``_unit_once``)
        return R_NUMBER_UNIT
    if _separable(lex, window, mid):
        return R_SEPARABLE
    if a >= 1 and _given_name(lex, window, a):
        return R_GIVEN_NAME
    if (
        unit * 2 in lex
        and lex.pos(unit * 2) == "d"
        and lex.frequency(unit * 2) > UNATTESTED
        and not starts_word
        and _modified_after(lex, window[mid + k :])
        and not any(lex.pos(window[s:mid]) == "d" for s in range(max(0, a - MAX_LOOKAHEAD), a) if window[s:mid] in lex)
    ):
        # (the first copy may end a word that is no adverb: 不仅|仅, not 逐渐|渐, 经常|常; a second copy that
        # starts a word is for the evidence: 常|常务委员会, 默|默认)
        return R_ADVERB
    if (
        unit * 2 in lex
        and (lex.frequency(unit * 2) > UNATTESTED or _verb_before_pronoun(lex, window, a, pos))
        and pos not in FUNCTION_POS
        and not ends_word
        and not starts_word
        and not _counted(window, a, prev)
    ):
        return R_REDUPLICATED_WORD
    if (
        starts_word
        and _after_yi(lex, window, a, prev, pos)
        and (pos in ("q", "mq") or unit in word_list("classifiers"))
        and not any(len(w) >= 3 for w in lex.prefixes(window[a - 1 : mid] + window[mid + k : mid + k + MAX_LOOKAHEAD]))
    ):
        # a classifier reduplicated after 一 before a word that starts with it (一台台|台服务器 read as 台服: a word of
        # the lexicon that is an accident there; 一代代|代人, 一道道|道门槛), unless 一 starts a longer word once the
        # repeat is undone (一口|口气 is 一口气, 一下|下子 一下子, 一阵|阵子 一阵子: a review's slips, for the evidence).
        # Tuning half, ten seeds: none of the injected doubles has this shape; the model silenced its 8 clean ones,
        # not a review's 一台台服务器 (10^4.2)
        return R_CLASSIFIER
    if starts_word:
        # the generic part of a name the lexicon does not know (so no word ends at the first copy), then a word
        # that starts with it; other repeats before a word (试|试图, 一个|个月, 多种|种类) are for the evidence
        if unit in word_list("name-suffixes") and (
            (a >= 1 and lex.pos(window[a - 1]) not in FUNCTION_POS) or (a == 0 and prev.isdigit())
        ):
            # (27国|国内: a name with a number in it, 欧盟27国)
            return R_NAME_PART if _named_before(lex, window, a) else R_UNNAMED_PART
        return None
    if unit in word_list("reduplication") and not ends_word:
        return R_VERB_DOUBLED
    if _after_yi(lex, window, a, prev, pos) or (
        pos in ("q", "mq")
        and not ends_word
        and not _counted_before_word(window, a, prev, copies)  # (第3次|次会议 counts one meeting)
    ):
        return R_CLASSIFIER
    if (
        pos is not None
        and (pos.startswith("n") or pos == "zg")
        and unit not in NEVER_DOUBLED  # (jieba tags 很 zg)
        and not ends_word
        and _starts_with_verb(lex, window[mid + k :])
        and not _counted_before_word(window, a, prev, copies)  # ('every' takes no number: 3件|件作品)
    ):
        return R_EVERY
    return None


#: A word of the lexicon this frequent (jieba's counts: 时期 19,421, 期间 14,656; 年时 21) is common.
COMMON_WORD = 1000


def _numeral_name(lex, window: str, lo: int, hi: int, prev: str) -> bool:
    """Are the numerals window[lo:hi] a name that the lexicon lists, not a number (十五五规划, “十五五”时期: the
    fifteenth five-year plan; rules/lexicon/extra-words.txt)? Not after 第, an ordinal's prefix (第十五五条), nor
    before what counts: a measure word (十五五个人, 十五五本书, 十五五公里, and so 十五五期间 too), a numeral's unit
    (十五五岁), 人, or a unit of time or order standing alone (十五五年间); a unit of time that starts a common word
    (时期) is none."""
    if prev == "第" or lex.pos(window[lo:hi]) in (None, "m"):
        return False
    after = window[hi : hi + 1]
    if not after:
        return True  # the run of Han characters ends: “十五五”
    words = lex.prefixes(window[hi : hi + MAX_LOOKAHEAD])  # (shortest first: the last is the word read there)
    if (words and lex.pos(words[-1]) in ("q", "mq", "m")) or after in word_list("classifiers") or after == "人":
        return False
    if after in NUMERAL_UNITS:
        # the unit starts a common word that is no time word (十五五|时期; not 十五五|年间, 年 and a time word, nor
        # 十五五|年时间, where the lexicon's 年时 is rare)
        return len(words[-1]) > 1 and lex.frequency(words[-1]) >= COMMON_WORD and lex.pos(words[-1]) != "t"
    return True


def _separable(lex, window: str, mid: int) -> bool:
    """Does a separable verb of the list (rules/data/separable-verbs.txt, two or three characters: 散步, 晒太阳) start
    at the second copy, as a whole word (充充电, not 充充电器: a longer noun of the lexicon that starts there is
    read instead; a longer phrase that is no noun is the verb with its object: 眨眨眼睛)?"""
    verbs = word_list("separable-verbs")
    for n in (2, 3):
        if window[mid : mid + n] in verbs:
            words = lex.prefixes(window[mid : mid + MAX_LOOKAHEAD])
            return not words or len(words[-1]) <= n or not _noun(lex.pos(words[-1]))
    return False


def _verb_before_pronoun(lex, window: str, a: int, pos: str | None) -> bool:
    """Is the doubled character a verb whose object, a pronoun, follows (会会这个人, 陪陪我, 逗逗他)? A verb
    reduplicates so however rare the lexicon finds the doubled form."""
    rest = window[a + 2 : a + 2 + MAX_LOOKAHEAD]
    return pos is not None and pos.startswith("v") and any(lex.pos(w) == "r" for w in lex.prefixes(rest))


#: Parts of speech of a word of 一 that is no numeral and measure word: adverbs, adjectives, verbs, conjunctions
#: (一致, 一旦, 一般, 一向). Nouns are not among them: the lexicon tags many measure words with 一 as nouns (一针, 一篮,
#: 一题: 一针针地缝, 一篮篮蔬菜), and 一样 (a pronoun) reduplicates too (一样样地做完).
WORDS_OF_YI_POS = frozenset({"d", "a", "ad", "an", "c", "v", "vd"})


def _word_of_yi(lex, unit: str, pos: str | None) -> bool:
    """Is 一 and the character a word that is no numeral and measure word (一致, 一旦, 一般: WORDS_OF_YI_POS), the
    character being no measure word? Then 一致|致 is that word and a slip, not a measure word reduplicated (一座座,
    一幅幅). Tuning half, six seeds: 3 of 22 injected doubled characters that read as a reduplicated measure word
    were such words; no clean repeat read so was."""
    return lex.pos("一" + unit) in WORDS_OF_YI_POS and pos not in ("q", "mq") and unit not in word_list("classifiers")


def _yi_before_measure(lex, lm, window: str, a: int, k: int) -> bool:
    """Is the repeat a doubled 一 before 个, the general measure word (指定一一个新的名称, 之日起一一个月内), where
    the first 一 ends no word with the characters before it, in the lexicon or in the model's vocabulary (唯一一个,
    统一一个, 大一一个学期), and 个 starts no longer word (一一个别谈话)? 一一 is an adverb and goes before a verb
    (一一核实): read as a numeral, it counts nothing. In the clean corpora, LawRefBook and the documentation read
    for this rule, every 一一 before a measure word is 唯一一 (13 times). Other measure words are verbs or
    prepositions too, and 一一 goes before those (一一道来, 一一对其进行核实, 把钱一一点清): the evidence decides."""
    if k != 1 or window[a : a + 3] != "一一个" or (a > 0 and _NUMERAL.fullmatch(window[a - 1])):
        return False  # inside a numeral (the caller leaves out a run of three 一: 王一一|一个月)
    s, e = next(iter(lex.segment(window[a + 2 : a + 2 + MAX_LOOKAHEAD])))
    if e - s > 1:
        return False  # 个 starts a word: no measure word
    # the first 一 ends a word (唯一, 统一, 大一, 表一): the evidence decides
    return not any(
        window[j : a + 1] in lex or lm.vocab_id(window[j : a + 1]) is not None for j in range(max(0, a - 3), a)
    )


def _after_yi(lex, window: str, a: int, prev: str, pos: str | None) -> bool:
    """Does the repeat of one character at ``a`` follow a 一 that counts (一座座), not one of a number or an ordinal
    (三十一条条, 第一个个), of a word of 一 (一致致) or of a word before it (进一步步)?"""
    return (
        prev == "一"
        and not _in_numeral(window, a - 1)
        and not _word_of_yi(lex, window[a], pos)
        and not _yi_of_word_before(lex, window, a)
    )


def _yi_of_word_before(lex, window: str, a: int) -> bool:
    """Does the 一 before the repeat at ``a`` belong to a word of three characters, one before it and the first copy
    after it (进一步|步, 新一轮|轮, 另一家|家)? Then 一 counts nothing and the repeat is no classifier reduplicated
    (一步步, 一轮轮): the evidence decides. Longer words of the lexicon that end in 一 and a classifier are a verb and
    its measure (稍等一下, 商量一下, 连成一片: a review's 稍等一下下 and 连成一片片 are Chinese), and demonstratives
    (这一座座, 那一个个) are no words of the lexicon: they stay classifiers. So do the diminutives 一下下 and 一点点
    after a verb or an adjective, whatever word the lexicon makes of the verb and 一 (试一下下, 差一点点)."""
    return a >= 2 and window[a] not in "下点" and window[a - 2 : a + 1] in lex


#: Verbs that 现在 goes before as the time they start from or end at (从现在起, 到现在为止, 现在开始), and the copula
#: and 有 (现在是下午三点): after 现在在 they leave the second 在 nothing to take.
NOW_VERBS = frozenset({"起", "为止", "开始", "是", "有"})


def _zai_takes(lex, rest: str) -> bool:
    """Does ``rest`` open with what 在 takes after 现在 (现在|在学书法, 现在|在北京, 现在|在她家): a verb of action or a
    noun, place or pronoun, not an adverb, a particle or one of NOW_VERBS (现在在已经很晚了, 现在在的孩子, 从现在在起:
    slips)?"""
    words = lex.words(rest)
    if not words:
        return False
    pos = lex.pos(words[0]) or "x"
    return pos.startswith(("n", "s", "r")) or (pos.startswith("v") and words[0] not in NOW_VERBS)


def _counted(window: str, a: int, prev: str) -> bool:
    """Does a number other than 一 alone come right before the repeat (四人|人, 科员三人|人)? A reduplicated word
    (人人, 天天, 家家) reads 'every' and takes no number; after one, the first copy is what the number counts. (一
    alone takes the unit reduplicated: 一天天, day by day.)"""
    if not (prev.isdigit() or _NUMERAL.fullmatch(prev or "x")):
        return False
    return not (prev == "一" and (a == 0 or not _in_numeral(window, a - 1)))


def _in_numeral(window: str, i: int) -> bool:
    """Is the 一 at ``window[i]`` part of a longer number or an ordinal (三十一, 第一), or the first day of a month
    (三月一日, 五月一号)? Only 一 alone reduplicates the classifier after it (一个个, 一条条); 第一个个, 三十一条条 and
    三月一日日起 are slips."""
    if i < 1:
        return False
    before = window[i - 1]
    if before == "第" or _NUMERAL.fullmatch(before):
        return True
    # a month's own number before 月 (not 岁月一日日地流逝, 这个月一日日地熬过来: day by day, a review's clean text)
    return (
        before == "月"
        and window[i + 1 : i + 2] in ("日", "号")
        and bool(_NUMERAL.fullmatch(window[i - 2 : i - 1] or "x"))
    )


#: One-character words that never reduplicate although the lexicon gives them no function word's tag: the degree
#: adverbs 很, 更, 太 (最最 is emphasis: 最最重要), and the copula 是 (是是非非 is AABB, 是是是， an answer, 是|是否 and
#: 是|是非 start a word, and 但是|是, 实事求是|是 end one: 是 is no word of its own there). Documentation (17 MB),
#: PRC regulations (65 MB) and the corpus write 是是 only so, and as slips (本质是是, 算法是是, 尤其是是); the tuning
#: half's injected doubles: 3,254 -> 3,255 of 3,540 found, no false alarm more. Never with a safe fix, and not where
#: 是 may be yes (``_function_word``: a review's 他连声是是，, 是是地应着, 若是是他做的 had safe fixes at first).
NEVER_DOUBLED = frozenset("很更太是")
#: Personal pronouns: doubled they are a pivot without its comma (他打电话给我|我没接, 我问她|她说), or a stammer
#: (我我我……); only where the clause opens with them is the double a slip (我我很喜欢), for the evidence to confirm.
PRONOUN_CHARS = frozenset("我你他她它您咱俺")


def _function_word(lex, window: str, a: int, k: int) -> bool:
    """Is the repeat a function word standing alone (在在, 的的, 和和, 很很, 是是)? Particles, prepositions,
    conjunctions and the degree adverbs and copula of NEVER_DOUBLED never reduplicate, so the evidence needs less
    to call such a repeat a slip. (A personal pronoun needs as little only where it opens its clause:
    PRONOUN_CHARS, in ``explain``.)"""
    if k != 1:
        return False
    if (lex.pos(window[a]) not in FUNCTION_POS and window[a] not in NEVER_DOUBLED) or not _alone(lex, window, a):
        return False
    if window[a] == "是" and (
        a + 2 >= len(window) or window[a + 2] in "地的" or (a >= 1 and window[a - 1 : a + 1] in lex)
    ):
        # yes said twice where a clause ends (他说是是。, 他连声是是，, 答案是是，) or as a manner (是是地应着), and 是
        # that ends a word the segmenter may not read (若是|是他做的, 凡是|是): for the evidence
        return False
    if window[a] in ASPECT_VERBS and a + 2 < len(window) and not _after_verb(lex, window, a):
        # no verb for the particle to follow, and an object after the two: the first copy is the verb (在家过过
        # 一个春节, 也了了一块心病); at the end of a clause (他已经是老师了了。) the verb would lack its object
        return False
    return not _starts_word(lex, window, a + 1)  # 战争和|和平


#: The prepositions a verb takes as its complement (坐在, 还给, 来到): after such a verb the same preposition again
#: is no construction of the grammar.
COMPLEMENT_PREPOSITIONS = frozenset("在给到")


def _function_after_word(lex, window: str, a: int, k: int) -> bool:
    """Is the repeat a preposition that the verb before it already takes as its complement (坐在|在镜子前, 还给|给他,
    来到|到北京: COMPLEMENT_PREPOSITIONS), the first copy ending a verb of the lexicon and the second starting no word,
    where statutes and reports never write the three characters (``charstats``: they write 存在在)? A verb with its
    preposition, then the preposition again, is no construction of the grammar; the evidence needs as little as for a
    function word alone (a held-out review's fiction: 趴在在桌上). Not after a noun (事由|由法律规定, 作为|为人民: the
    same character there is another word)."""
    if k != 1 or a < 1 or window[a] not in COMPLEMENT_PREPOSITIONS:
        return False
    if _alone(lex, window, a) or _starts_word(lex, window, a + 1):
        return False
    words = lex.segment(window[: a + 1])
    s, e = words[-1]
    if e != a + 1 or e - s < 2 or lex.pos(window[s:e]) != "v":
        return False
    return not ever_written(window[a - 1 : a + 2])


#: Modal verbs of two characters, negated or not: a closed class of the grammar that never reduplicates before
#: the verb it governs (不得不得低于); said twice on its own it answers (可以可以，). Not 不会, 不能, 不可: said twice
#: they may be a double negation (他不会不会游泳吧？), and alone an answer (不会不会。).
MODALS = frozenset({"不得", "不应", "不必", "可以", "应当", "应该", "必须", "能够"})


#: Modal verbs of one character (a verb of its own too: 会会 meet, 要要 ask for; before a person they keep that reading).
MODAL_CHARS = frozenset("会能要该应")


NEGATED_MODALS = frozenset({"不会", "不能", "不可"})
#: The modals that answer when said twice where their clause ends (可以可以，, 不会不会。).
ANSWERING_MODALS = MODALS | NEGATED_MODALS


def _modal_before_verb(lex, window: str, a: int, k: int) -> bool:
    """Is the repeat a modal verb of MODALS said twice before a verb, an adjective or an adverb (标准不得不得低于),
    or one of MODAL_CHARS whose first copy ends no word and whose second starts none (否则测试会会
    失败, 这个方法能能提高效率; not 晚会|会开始, 要|要求, 去会会老朋友)? Like a function word, it needs less evidence to
    be called a slip."""
    if k == 1:
        return (
            window[a] in MODAL_CHARS
            and not _ends_word(lex, window, a, a + 1)
            and not _starts_word(lex, window, a + 1)
            and any((lex.pos(w) or "")[:1] in ("v", "d") for w in lex.prefixes(window[a + 2 : a + 2 + MAX_LOOKAHEAD]))
        )
    return k == 2 and window[a : a + 2] in MODALS and _starts_with_verb(lex, window[a + 4 :])


#: What follows a number's unit said twice where the second copy can start nothing: a particle or a localizer
#: (两年年了, 三十日日内); after any other character the second copy may start a word the lexicon lacks (第四章|章名,
#: 第二天|天没亮), and a word of the lexicon there is one (五年|年后 reads as the Lunar New Year).
UNIT_SLIP_NEXT = frozenset("了的地得着过内外前后")


#: What the next number of a date, a time, a span or a reference to a statute ends in, after each unit (年 then 月,
#: 月 then 日, 条 then 款): only there is a unit said twice before a number the slip of a date (十二月|月三十一日,
#: 第3条|条第2款). A quantity after a unit is no next number (2024年|年3000万元, 七月|月三千元, 1937年|年十九岁, the
#: lunar 年二十九; a review's clean sentences). Not 天: a hotline's number before 天天24小时 is no count of days.
#: Traditional forms too: the text after the window is not converted.
NEXT_UNITS = {
    "年": ("月", "个月", "個月"),
    "月": ("日", "号", "號"),
    "日": ("时", "時", "点", "點"),
    "号": ("时", "時", "点", "點"),
    "时": ("分",),
    "章": ("节", "節"),
    "编": ("章",),
    "条": ("款", "项", "項"),
    "款": ("项", "項", "目"),  # (Taiwan's statutes number 條, 項, 款, 目)
    "项": ("目", "款"),
    "届": ("次", "中全会"),  # 第十三届|届五次会议, 第二十届|届三中全会
}


def _numeral_next(window: str, i: int, unit: str) -> bool:
    """Does the next number of a date, a span or a reference start at ``window[i]``, after ``unit`` said twice
    (月|三十一日, 月|31日, 年|3月, 条|第2款, 年|零五个月: NEXT_UNITS)? Not a quantity (七月|月三千元), nor 一 before a
    verb (第二天|天一亮就出发: the sky, as soon as it is light)."""
    units = NEXT_UNITS.get(unit)
    if not units:
        return False
    j = i + 1 if window[i : i + 1] == "第" else i
    start = j
    while j < len(window) and (window[j].isdigit() or _NUMERAL.fullmatch(window[j])):
        j += 1
    return j > start and window.startswith(units, j)


def _unit_once(lex, window: str, a: int, dates: bool = True) -> bool:
    """Is ``window[a]`` a unit of NUMERAL_UNITS said twice after its number where the number takes it once: a
    particle or a localizer after the second copy (UNIT_SLIP_NEXT), and no word starting there (年|年底), or (with
    ``dates``) the next number of a date (十二月|月三十一日, 12月|月31日: ``_numeral_next``) or the end of the window
    of Han characters (1909年|年，)?"""
    next_ = window[a + 2 : a + 3]
    since = next_ == "起" and window[a] in "年月日号"  # (自2021年7月7日|日起生效: a date's 起, since)
    # (the window is a run of Han characters: nothing after the second copy is its end, punctuation or figures:
    # 1909年|年，他在维也纳, 2013年3月|月，, 22日|日）, where the second copy starts nothing)
    if not (next_ in UNIT_SLIP_NEXT or since or (dates and (not next_ or _numeral_next(window, a + 2, window[a])))):
        return False
    return not _starts_word(lex, window, a + 1)


#: Parts of a period after its unit, in words the lexicon may lack (2015年|年中, 2018年|年尾, 年末, 年初, 年底).
PERIOD_PARTS = frozenset("中尾末初底头")
#: Units that are nouns of their own too (天 the sky, 日 the sun, 月 the moon: 第二天|天没亮): after a number, the
#: second copy may start a clause. Other units (年) start a word there, or the repeat is for the evidence
#: (百年年恰是, 十年年磨一剑, 2003年年他被认为; not 2021年|年会, 百年|年华诞).
FREE_UNITS = frozenset("天日月")


def _unit_alone(lex, window: str, a: int) -> bool:
    """Is ``window[a]``, doubled, a unit of NUMERAL_UNITS but FREE_UNITS whose second copy starts no word, no number
    (2023年|年二十九, the lunar year's 29th) and no part of its period (2015年|年中)?"""
    unit, after = window[a], window[a + 2 : a + 3]
    return (
        unit in NUMERAL_UNITS
        and unit not in FREE_UNITS
        and not _starts_longer_word(lex, window, a + 1, unit)
        and not _NUMERAL.fullmatch(after or "x")
        and after not in PERIOD_PARTS
    )


def _starts_longer_word(lex, window: str, mid: int, unit: str) -> bool:
    """Does a word of the lexicon of two characters or more, other than the unit reduplicated, start at ``mid``?"""
    return any(len(w) > len(unit) and w != unit * 2 for w in lex.prefixes(window[mid : mid + MAX_LOOKAHEAD]))


#: Units that are counters and nothing else: no word of their own without a number (次, 届, 条 ...), unlike 天 (the
#: sky: 第二天|天没亮), 年, 月, 日, 时, 节 and 编 (to compile).
COUNTERS = frozenset("号次届期条款项章")


def _counter_alone(window: str, a: int, mid: int) -> bool:
    """Is the repeat a counter (COUNTERS) said twice after its number, where the second copy starts no word: the
    text after it, segmented from it, reads the counter alone (第十条|条规定, 第3次|次会议, 第二届|届人大; not
    第三条|条款, 第一期|期间, 第二届|届时), and statutes and reports never write the counter twice before the
    character after it (they write 第四章|章名 and 第五条|条首, words the lexicon lacks: ``charstats``)? Then no word
    starts with the unit, and the evidence decides. The model's segmentation must read a word of two characters or
    more after the counter (条|规定, 次|会议): before one character (第三章|章末, 第一款|款首, 第五期|期号, 第12号|号舍:
    a review's clean sentences) the two may be a word that neither the lexicon nor the statistics know."""
    return window[a] in COUNTERS and _alone_before_word(window, mid) and not ever_written(window[a : a + 3])


def _counted_before_word(window: str, a: int, prev: str, copies: int) -> bool:
    """Does a number other than 一 alone count the repeated character (``_counted``), whose second copy stands alone
    before a word (``_alone_before_word``)? Then no reading of reduplication holds (a classifier reduplicated, a noun
    doubled for 'every': they take no number), for two copies only (三个|个个都, 一千人|人人有份 are the unit and the
    word). Before one character the second copy may start a word nobody lists (近5场|场均得分, 这5株|株高: a review's
    clean sentences)."""
    return copies == 2 and _counted(window, a, prev) and _alone_before_word(window, a + 1)


def _alone_before_word(window: str, mid: int) -> bool:
    """Does the model's segmentation of the text from ``mid`` read its first character alone, then a word of two
    characters or more, or nothing (次|会议, 篇|论文)? Before a single character, the two may be a word that neither
    the lexicon nor the model lists (章|末, 场|均, 株|高)."""
    words = _language_model().segment(window[mid : mid + MAX_LOOKAHEAD])
    return words[0] == window[mid] and (len(words) == 1 or len(words[1]) >= 2)


def _unit_after_number(
    lex, window: str, a: int, prev: str = "", following: str = "", *, dates_only: bool = False
) -> bool:
    """Is ``window[a]`` a unit of NUMERAL_UNITS said twice after a number that is not 一 alone (两|年, 三十|日, 12|月),
    where the number takes it once (``_unit_once``; with ``dates_only``, only where the next number of a date
    follows)? (``prev``: the character before the window, ``following`` the text after it, where the window starts
    or ends at a figure. The number is ``_counted``'s.)"""
    unit = window[a]
    if unit not in NUMERAL_UNITS:
        return False  # (a classifier may be a verb too: 八点|点了外卖)
    before = window[a - 1] if a > 0 else prev
    if not (_counted(window, a, before) or (before == "一" and _numeral_next(window + following, a + 2, unit))):
        return False  # 一天天: day by day (not 二〇二〇年一月|月一日, 一年|年零两个月)
    if dates_only:
        return _numeral_next(window + following, a + 2, unit) and not _starts_word(lex, window, a + 1)
    return _unit_once(lex, window + following, a)


#: Parts of speech (jieba's) of the measure words that ``_measure_after_number`` asks about: not those the lexicon
#: reads as a verb, a preposition, an adverb, a conjunction, a pronoun or a localizer (排, 包, 回, 把, 只, 所, 本, 间:
#: 排成三排|排好队, 用两把|把门锁上), nor 点, a clock's unit and a verb (八点|点外卖).
MEASURE_POS = frozenset({"q", "n", "zg", "nr", "t", "b", "m"})


def _measure_after_number(lex, lm, window: str, a: int, prev: str = "") -> bool:
    """Is ``window[a]`` a measure word (``classifiers``, not a unit of NUMERAL_UNITS: those are
    ``_unit_after_number``'s) said twice after a number other than 一 alone (五篇|篇文章, 三件|件衣服, 两匹|匹马), where
    the model reads the second copy alone before a noun, or joined to its noun in a word the lexicon lacks (匹马),
    and statutes and reports never write the three characters of the repeat and its neighbour (``charstats``)? A
    measure word reduplicated means 'every' and takes no number (一本本 takes 一 alone), so the number counts with one
    copy. Not where the second copy starts a word of the lexicon (三个|个人, 两家|家电, 两本|本书). The duplicate-word
    findings of 43 M characters of clean text (the corpora, documentation, PRC regulations, Taiwan's statutes) are
    the same with it as without it."""
    unit = window[a]
    if (
        unit in NUMERAL_UNITS
        or unit == "点"
        or unit not in word_list("classifiers")
        or lex.pos(unit) not in MEASURE_POS
        or _surname(lex, unit)  # the second copy may be a surname before a title (三张|张老师: a review's sentence)
    ):
        return False
    if not _counted(window, a, window[a - 1] if a > 0 else prev):
        return False
    words = lm.segment(window[a + 1 : a + 1 + MAX_LOOKAHEAD])  # the text from the second copy on, as the model reads it
    first = words[0]
    if first == unit:
        if len(words) < 2 or not (lex.pos(words[1]) or "x").startswith("n"):
            return False
    elif not (len(first) == 2 and first[0] == unit and first not in lex and (lex.pos(first[1]) or "x").startswith("n")):
        # (the model's vocabulary holds a measure word with its noun as one word, 首|歌, 道|菜, 匹|马, which the
        # lexicon does not: the same reading; not 个人, 头疼, 道理, words of the lexicon)
        return False
    return not _doubled_written(window, a)


#: Aspect particles that are verbs too (了 liǎo, to settle; 过 guò, to spend; 着 zháo, to touch): doubled, the first
#: copy may be the verb and the second its particle.
ASPECT_VERBS = frozenset("了过着")
VERB_POS = frozenset({"v", "vd", "vn", "vi", "vg", "a", "ad", "an", "b", "z", "i", "l"})


def _after_verb(lex, window: str, a: int) -> bool:
    """Does the text before ``window[a]``, as segmented, end with a verb or an adjective (完成|了了, 放|着着)?"""
    lo = max(0, a - MAX_LOOKAHEAD)
    if a == lo:
        return False
    s, e = lex.segment(window[lo:a])[-1]
    return lex.pos(window[lo + s : lo + e]) in VERB_POS


def _two_words(lex, window: str, a: int, k: int) -> bool:
    """Does the first copy end a dictionary word and the second start one, each longer than the copy (传染病|病原体,
    海关|关长, 中国|国家)? Text read so is ordinary Chinese, and the model, which favours the shorter text, needs
    more evidence to call it a slip."""
    mid = a + k
    return _ends_word(lex, window, a, mid) and any(len(w) > k for w in lex.prefixes(window[mid : mid + MAX_LOOKAHEAD]))


def _compound_after(lex, window: str, a: int, k: int) -> bool:
    """Does the second copy of a phrase start a compound noun the first copy is not part of? Either by a nominal
    suffix the dictionary cannot list every use of (保管|保管物, 代理|代理人), or, after a possessive 的/之, as the
    start of a longer dictionary noun (承包的土地|的土地承包经营权)."""
    mid = a + k
    after = window[mid + k : mid + k + 1]
    unit = window[a:mid]
    if (
        after
        and after in VERB_SUFFIXES
        and lex.pos(unit) in ("v", "vn")
        and not any(len(w) > k for w in lex.prefixes(window[mid : mid + MAX_LOOKAHEAD * 2]))
    ):
        return True
    if unit[0] in "的之" and k >= 2:
        # (the word after 的 must be one that starts a compound noun, a noun, a verb or a measure word (的土地|承包经营权,
        # 的认证|信息, 的类|文件): not a numeral, a pronoun, an adverb or an adjective, 的一些|的一些模块, 的每个|的每个线程,
        # 的几乎|的几乎所有, 的具体|的具体类型, 的小|的小动物)
        words = lex.words(window[mid + 1 : mid + k + MAX_LOOKAHEAD])
        return (
            len(words) > 1
            and words[0] == unit[1:]
            and (_noun(lex.pos(words[0])) or lex.pos(words[0]) in ("vn", "v", "q"))
            and any(_noun(lex.pos(w)) or lex.pos(w) == "vn" for w in words[1:3])
        )
    return False


def _possessive_of_itself(lex, window: str, a: int, k: int) -> bool:
    """Does the repeat of ``window[a:a+k]`` read as a noun phrase's possessive of itself (原型的原型, 朋友的朋友,
    第一个子组件的第一个子组件)? The unit is 的 and a noun phrase or a noun phrase and 的 (的原型, 朋友的), as it stands
    or shifted along the text where the repeat goes on (组件的第一个子 before 组件 is 的第一个子组件 shifted); a noun
    phrase here ends with a noun of the lexicon, or, after the mark, with a verb read as one (的转置的转置)."""
    unit = window[a : a + k]
    mark = "的" if "的" in unit else "之"  # (之, the written 的: 利害关系之人之人身安全)
    j = unit.find(mark)
    if j < 0:
        return False
    off = a  # where the unit (shifted) starts
    if j > 0 and unit[-1] != mark:
        if window[a + 2 * k : a + 2 * k + j] != unit[:j]:
            return False  # the repeat does not go on to a unit that starts with 的
        unit, off = unit[j:] + unit[:j], a + j
    phrase = unit[1:] if unit[0] == mark else unit[:-1]
    if not phrase:
        return False
    s, e = lex.segment(phrase)[-1]
    pos = lex.pos(phrase[s:e])
    # (after 的 a verb is read as a noun: 矩阵的转置的转置)
    if e == len(phrase) and (_noun(pos) or (unit[0] == mark and (pos or "")[:1] == "v")):
        return True
    # or the second copy's phrase starts a longer noun (数据多的堆|的堆顶)
    at = off + k + 1 if unit[0] == mark else off + k
    return any(len(w) > len(phrase) and _noun(lex.pos(w)) for w in lex.prefixes(window[at : at + MAX_LOOKAHEAD]))


def _shared_word(lex, window: str, a: int, k: int) -> bool:
    """Does the first copy end a longer dictionary word and the second start one that adds a single character
    (人大代表|代表团, 第三中队|中队长)? Then the two compounds share the word, and no slip is needed to explain it;
    when the second adds a word of its own (市场监管|监管部门), the evidence decides."""
    mid = a + k
    if _NUMERAL.search(window, a, mid) or not _ends_word(lex, window, a, mid):
        return False
    words = lex.prefixes(window[mid : mid + MAX_LOOKAHEAD])  # shortest first: the longest must add one character
    return bool(words) and len(words[-1]) == k + 1


#: Bound heads after a noun of place or organization: 长 (zhǎng, its chief: 库长, 旗长, 艇长; the lexicon tags 长 as
#: the adjective cháng) and 务 (its affairs: 室务, 校务, 村务).
BOUND_HEADS = frozenset("长务")


def _noun_chain(lex, window: str, a: int, k: int, prev: str = "") -> bool:
    """Does the repeat end one noun and start the next (海关|关长, 核心舱|舱门, 客机|机龄, 研究馆|馆员)? The first
    copy heads the noun before it and the second names a part or property of it: a common way to write, which
    the model, favouring the shorter text, cannot tell from a slip without more evidence."""
    mid = a + k
    unit = window[a:mid]
    if k > 1:
        return False
    if a == 0 and not prev.isalnum():
        return False  # a generic part with nothing before it names nothing (党中央、国|国务院; not A市|市长, 27国|国内)
    # The second copy starts a noun of the dictionary, or takes a bound noun the dictionary has no compound for
    # (大法庭|庭员, 图书馆|馆际), or one of the bound heads that make a title or a field of any unit (冷库|库长, 左旗|旗长,
    # 研究室|室务). (Asked first: a few look-ups, where the condition on the first copy segments the text before it.)
    after = window[mid + k : mid + k + 1]
    if not (
        any(len(w) > k and _noun(lex.pos(w)) for w in lex.prefixes(window[mid : mid + MAX_LOOKAHEAD]))
        or lex.pos(after) in ("ng", "zg", "k")
        or after in BOUND_HEADS
    ):
        return False
    if unit in word_list("name-suffixes"):
        return True
    # the first copy ends a noun as the text before it is read, not by an accident of overlap (实现状|状态 reads
    # 实现|状, not 现状; 核心舱|舱门 reads 核心舱)
    lo = max(0, a - MAX_LOOKAHEAD)
    s, e = lex.segment(window[lo:mid])[-1]
    return e - s > k and _noun(lex.pos(window[lo + s : lo + e]))


def _noun(pos: str | None) -> bool:
    return pos is not None and (pos[0] == "n" or pos in ("zg", "j"))


@cache
def _attested_repeats():
    import marisa_trie

    from ..resources import rules_dir

    trie = marisa_trie.Trie()
    trie.mmap(str(rules_dir() / "lexicon" / "attested-repeats.marisa"))
    return trie


def _attested(window: str, a: int, k: int) -> bool:
    """Do edited statutes or official reports write this repeat with the same character before and after it, in two documents or
    more (tools/build_attested_repeats.py)? ``_`` stands for the end of the run of Han characters; the window
    holds the whole run up to CONTEXT characters, so an edge of the window closer than that is an end of the run."""
    end = a + 2 * k
    key = (window[a - 1] if a > 0 else "_") + window[a:end] + (window[end] if end < len(window) else "_")
    try:
        return key in _attested_repeats()
    except UnicodeEncodeError:  # a lone surrogate
        return False


def _title_reach(window: str, a: int, k: int) -> int:
    """Where the furthest-reaching name or title of Chinese Wikipedia that holds the repeat and stands whole in the
    window ends (尼尼斯托, 柯柯牙, 卡塞塞区), or 0 if none does. Only titles that hold a repeat and go on beyond it are
    in the list (tools/build_repeat_titles.py)."""
    trie = repeat_titles()
    end = a + 2 * k
    reach = 0
    try:
        for s in range(max(0, a - MAX_LOOKAHEAD), a + 1):
            titles = trie.prefixes(window[s : s + 3 * MAX_LOOKAHEAD])  # shortest first: the last reaches furthest
            if titles and s + len(titles[-1]) >= end:
                reach = max(reach, s + len(titles[-1]))
    except UnicodeEncodeError:  # a lone surrogate is part of no name
        return 0
    return reach


def _outreached(lex, window: str, a: int, k: int, reach: int) -> bool:
    """Does the text with one copy undone hold a word of the lexicon, with the copy left, that reaches further than
    every title that holds the repeat (``reach``, from ``_title_reach``: 央视网消息（新新闻|联播）: the title 新新闻 ends
    where the word 新闻联播 goes on; 科学学|发展观 beside 科学发展观)? Then the title is a chance string of the slip, and
    the evidence decides. (Not 尼尼斯托: 尼斯 ends before the title does.)"""
    undone = window[:a] + window[a + k :]
    limit = max(reach - k, a + k)  # (where the title ends in the text undone)
    for s in range(max(0, a - MAX_LOOKAHEAD), a + 1):
        words = lex.prefixes(undone[s : s + 2 * MAX_LOOKAHEAD])
        if words and s + len(words[-1]) > limit:
            return True
    return False


def _heads(lex, window: str, a: int) -> list[tuple[int, list[str]]]:
    """The dictionary words that start at each position from MAX_LOOKAHEAD before ``a`` up to ``a``, within
    2 * MAX_LOOKAHEAD characters (``lex.prefixes``, shortest first), as ``(position, words)``."""
    return [(s, lex.prefixes(window[s : s + MAX_LOOKAHEAD * 2])) for s in range(max(0, a - MAX_LOOKAHEAD), a + 1)]


def _inside_word(lex, window: str, a: int, k: int, heads: list[tuple[int, list[str]]] | None = None) -> bool:
    """Does a dictionary word contain both copies and go on after them (钉钉子, 家家户户)? (``heads``: ``_heads``
    of the window at ``a``, if already asked.)"""
    end = a + 2 * k
    if end >= len(window):
        return False  # a word of the window ends at its end at the latest
    if heads is None:
        heads = _heads(lex, window, a)
    # a word from s <= a that goes on after end is longer than the copies (end - s >= 2k); the longest word that
    # starts at s comes last
    for s, words in heads:
        if words and s + len(words[-1]) > end:
            return True
    return False


def _surname(lex, s: str) -> bool:
    """Is the character a surname: SURNAME_NAMES names of the lexicon or more start with it, they are SURNAME_SHARE of
    the words that do or more, and it is none of SURNAME_NOT_POS (张, 段, 项; not 个, 门)?"""
    names = lex.starts_names(s)
    return names >= SURNAME_NAMES and names >= SURNAME_SHARE * lex.starts_words(s) and lex.pos(s) not in SURNAME_NOT_POS


def _given_name(lex, w: str, a: int) -> bool:
    """Is ``w[a]w[a+1]`` the doubled given name of a person (沈跃跃出席, 杨瑞瑞表示)? The character before is a
    surname, and the name ends the window or is followed by what follows a name in a sentence (a verb, a
    preposition, an adverb, a time word: 朱丹丹今年上小学)."""
    if not _surname(lex, w[a - 1]):
        return False  # not a surname: few names start with it, or most words that start with it are no names
    if not _alone(lex, w, a - 1, a + 1):
        return False  # not a surname, or one that is part of a word (进一步|完完善, 北京大学|学)
    rest = w[a + 2 :]
    if not rest:
        return True
    return any(lex.pos(w) in ("v", "vn", "p", "d", "c", "u", "uj", "t") for w in lex.prefixes(rest[:MAX_LOOKAHEAD]))


#: Parts of speech of a word that names nothing before a generic part (三个|部, 多种|类). A pronoun or determiner
#: does name a unit (本所, 该委, 我县, 这个村: a review's 19 false alarms when it did not), but for 其 before 所,
#: the particle (其所在, 其所属).
NOT_NAMING_POS = frozenset({"m", "mq", "q", "d", "p", "c", "f"})


def _named_before(lex, window: str, a: int) -> bool:
    """Can the generic part at ``a`` (国, 部, 所, 村) end a name, as the text up to it is segmented? Either it ends a
    word of two or more characters that is no verb (中国, 山村: 中国|国家主席, 神山村|村民), or the word before it
    is none of NOT_NAMING_POS and no verb (坦帕|市, 27|国, 本|所, 这个|村). Not after a verb or a measure word, nor 所
    after 其 (加强|国|国际合作, 每个|部|部门, 遍历|所|所有, 其|所|所在: slips the reading silenced)."""
    lo = max(0, a - MAX_LOOKAHEAD)
    seg = lex.segment(window[lo : a + 1])
    if not seg:
        return True
    s, e = seg[-1]
    last = window[lo + s : lo + e]
    if len(last) >= 2:
        return not (lex.pos(last) or "").startswith("v")
    if len(seg) < 2:
        return True
    s2, e2 = seg[-2]
    before = window[lo + s2 : lo + e2]
    if before == "其" and window[a] == "所":
        return False
    pos = lex.pos(before) or ""
    return pos not in NOT_NAMING_POS and not pos.startswith(("v", "u"))


def _ends_word(lex, window: str, a: int, mid: int, heads: list[tuple[int, list[str]]] | None = None) -> bool:
    """Does a dictionary word that starts before the first copy (``window[a:mid]``) end with it? (``heads``: the
    words that start before it, ``_heads`` of the window at ``a``: the word from s is among them, since
    mid - s <= 2 * MAX_LOOKAHEAD.)"""
    if heads is not None and mid - a <= MAX_LOOKAHEAD:
        for s, words in heads:
            if s < a and window[s:mid] in words:
                return True
        return False
    return any(window[s:mid] in lex for s in range(max(0, a - MAX_LOOKAHEAD), a))


def _starts_word(lex, window: str, start: int) -> bool:
    """Does a dictionary word of two or more characters start at ``start``?"""
    words = lex.prefixes(window[start : start + MAX_LOOKAHEAD])
    return bool(words) and len(words[-1]) >= 2  # (shortest first)


def _alone(lex, w: str, i: int, upto: int | None = None) -> bool:
    """Is ``w[i]`` a word of its own when ``w`` is segmented up to ``upto`` (default: up to and including it)?"""
    upto = i + 1 if upto is None else upto
    lo = max(0, i - MAX_LOOKAHEAD)
    return any(s == i - lo and e == i + 1 - lo for s, e in lex.segment(w[lo:upto]))


#: One-character suffixes that make a noun of a noun (用户|用户名, 参数|参数量, 生产|生产者).
NOUN_SUFFIXES = frozenset("名数量者性率值端型类")
#: Verbs that do not name an action (a modal or the copula): 一个模块一个模块需要修改 is an object and a slip.
MODAL_VERBS = frozenset({"需要", "要", "会", "能", "可以", "是", "用来", "应该", "应当", "得"})
#: Parts of speech of what a reduplicated adverb modifies: a verb, an adjective, another adverb, a preposition.
MODIFIED_POS = frozenset({"v", "vi", "vn", "a", "ad", "d", "p", "i", "l"})


def _modified_after(lex, rest: str) -> bool:
    """Does ``rest`` start with what an adverb modifies (适用, 不止, 在), or with 地 (紧紧地)?"""
    return rest[:1] == "地" or any(lex.pos(w) in MODIFIED_POS for w in lex.prefixes(rest[:MAX_LOOKAHEAD]))


def _starts_with_verb(lex, rest: str) -> bool:
    return any(lex.pos(w) in ("v", "vi", "a", "ad", "i", "l") for w in lex.prefixes(rest[:MAX_LOOKAHEAD]))


def _adjective_of_manner(lex, window: str, a: int) -> bool:
    """Is ``window[a]`` an adjective of one character (the lexicon's, or its reduplicated form's, part of speech),
    reduplicated before 地 and the verb it modifies (夕阳低低地照进窗户, 风凉凉地吹过)? Any such adjective
    reduplicates so, and the lexicon lists few of the forms (轻轻, 静静; not 凉凉). Not where the adjective and 地
    make a word (湿地, 低地): 推进湿|湿地修复 is a slip, and the evidence decides (夕阳低低地照进 too)."""
    x = window[a]
    if window[a + 2 : a + 3] != "地" or not (lex.pos(x) == "a" or lex.pos(x * 2) in ("a", "z")) or x + "地" in lex:
        return False
    words = lex.words(window[a + 3 : a + 3 + MAX_LOOKAHEAD])
    return bool(words) and (lex.pos(words[0]) or "").startswith("v")


def _aabb(lex, w: str, a: int) -> bool:
    """Is ``w[a]w[a+1]`` one half of an AABB reduplication of a dictionary word AB? Not of a separable verb of the
    list (rules/data/separable-verbs.txt): a verb with its object reduplicates its verb alone, 散散步 (AAB), never
    as AABB (吃吃饭饭, 聊聊天天: the object doubled by mistake; statutes, reports, documentation and the review texts
    write no AABB of them that is not such a slip)."""
    separable = word_list("separable-verbs")
    if a + 3 < len(w) and w[a + 2] == w[a + 3] and w[a + 2] != w[a]:
        word = w[a] + w[a + 2]
        if word in lex and word not in separable:
            return True
    if a >= 2 and w[a - 2] == w[a - 1] and w[a - 2] != w[a]:
        word = w[a - 2] + w[a]
        return word in lex and word not in separable
    return False


RULE = DuplicateWord(name="duplicate-word", doc=DOC, fixable="always", origin=__name__)
