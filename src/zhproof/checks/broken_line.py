"""broken-line: a line break (with or without blank lines) that cuts a sentence or a word in two.

Longer than 300 lines on purpose: ``judge()`` is one list of reasons, read in order, each with its own test;
splitting it would scatter one decision over several files."""

from __future__ import annotations

from collections import deque
from functools import cache
from re import MULTILINE
from typing import Iterable

from ..data import word_list
from ..document import Document
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..lexicon import UNATTESTED, lexicon, repeat_titles
from ..patterns import BLOCK_START, DIGIT, HAN, compile_re, is_han
from ..rule import BaseRule, Example, RuleDoc
from ..script import to_simplified

# A line break, possibly with blank lines, between a Han character and the Han character that starts the next
# non-blank line. The pattern starts with the line break itself, so that the engine skips straight to line
# breaks; the look-behind after it wants a Han character or white space before the break (the white space at
# the end of the line is added to the finding, and the character before it checked, in Python). Its lookahead is
# tried from each line break of a run of blank lines, each time to the end of the run: on a long run with white
# space on every line (so that the look-behind holds) that is quadratic time, so a text with one (``_LONG_RUN``)
# is searched with ``_BREAK_RUN`` instead: every run as one match (possessive), with the Han character after it in
# a group that may fail; the same breaks, at the cost of a match for every run of line breaks.
_WS = " \t\u3000"
#: Line-break characters in a row (blank lines; \r\n counts two) from which a text is searched with ``_BREAK_RUN``.
LONG_RUN = 16
_BREAK = compile_re(
    f"(?:\r\n(?<=[{HAN}{_WS}]\r\n)|\n(?<=[{HAN}{_WS}]\n)|\r(?!\n)(?<=[{HAN}{_WS}]\r))"
    f"(?:[{_WS}]*(?:\r\n|\n|\r(?!\n)))*[{_WS}]*(?=[{HAN}])"
)
_BREAK_RUN = compile_re(f"(?:\r\n|\n|\r)(?:[{_WS}]*+(?:\r\n|\n|\r))*+[{_WS}]*+(?P<han>(?=[{HAN}]))?")
# (a line-break character first: the engine skips straight to one)
_LONG_RUN = compile_re(f"[\r\n](?:[{_WS}]*+[\r\n]){{{LONG_RUN - 1}}}")
# ... the same two patterns with line feeds only, for a text without carriage returns (most are), where they find
# what the two above find: they start with a literal, which the engine skips to much faster than to a character of
# a class or the first of three alternatives (on 3.5 million characters: _BREAK 36 -> 9 ms, _LONG_RUN 28 -> 11 ms)
_BREAK_LF = compile_re(f"\n(?<=[{HAN}{_WS}]\n)(?:[{_WS}]*\n)*[{_WS}]*(?=[{HAN}])")
_LONG_RUN_LF = compile_re(f"\n(?:[{_WS}]*+\n){{{LONG_RUN - 1}}}")
# A full stop inside a line shows it is running prose: a title or a headline has none (it may have a comma,
# a colon, even a question or exclamation mark: 选出新气象，开创新未来; 究竟谁的立场“极不负责”？——…).
_PROSE_MARK = compile_re(r"[。]")
# The rest of a cut sentence ends with a full stop, a semicolon or a closing quote; a headline may hold a
# colon or a question mark (人民日报钟声文章：究竟谁的立场“极不负责”？——…) but not these (``_sentence_end``: 。；;…
# anywhere in the line, or one of _SENTENCE_LAST at its end).
_SENTENCE_LAST = ("。", "！", "？", "!", "?", "”", "’", "）", ")")
# The last sentence end inside a line; a credit or caption after it has white space between two Han characters,
# or a slash (新华社记者 王明/摄); in a line without a sentence end, white space counts only beside a role
# (_CREDIT_ROLE: 记者 王明) or a slash. Cut prose has neither (white space before a quotation mark, 并没有 “存在, is
# the spacing of mixed Chinese and Latin text, not a credit).
# A credit's slash stands beside a Han character (王明/摄, 图/视觉中国) or in a link (https://…); one between Latin
# letters is a path or an option in prose (src/main.rs, ./target/debug), which says nothing about a credit.
_CREDIT_SLASH_PATTERN = f"[{HAN}][ \\t\\u3000]*/|/[ \\t\\u3000]*[{HAN}]|://"
_CREDIT_SLASH = compile_re(_CREDIT_SLASH_PATTERN)
# Quoted text (a title, a slogan: “奋斗百年路 起航新征程”) is masked before white space is read as a credit: the
# space inside a quotation is the quotation's own.
_QUOTED = compile_re("“[^”]*”|「[^」]*」|『[^』]*』|‘[^’]*’")
_LAST_STOP = compile_re(r"。[”’）)]*(?!.*。)")
_CREDIT = compile_re(f"[{HAN}][ \\t\\u3000]+[{HAN}]|{_CREDIT_SLASH_PATTERN}")
# A line of credits (本版责编：张三, 责任编辑：李四 王五, 记者：张三、李四), which newspaper layout may set anywhere, also
# between the halves of a sentence: its names never go on into the next line.
_CREDIT_LINE = compile_re(
    r"[^，。；！？：:]{0,6}(?:责编|编辑|记者|通讯员|摄影|校对|审校|审核|撰稿|制图|供图|编审|責編|編輯|編審|記者|通訊員|攝影)"
    f"[^，。；！？：:]{{0,4}}[：:][ \\t\\u3000]*[{HAN}·]{{2,4}}(?:[ \\t\\u3000、]+[{HAN}·]{{2,4}})*"
)  # (names of two to four characters: a line of prose after 记者： is an interview's question, 记者：这次活动的举办，……)
#: A surname starts at least this many person names of the lexicon (王 1,819, 欧 73; not 今 17, 本 24, 请 0): a
#: credit line's names start with one (记者：今年的大⏎会在北京举行 is an interview's question cut in two).
CREDIT_SURNAME = 30
_CREDIT_NAME = compile_re(f"[{HAN}·]{{2,4}}")


def _credit_line(line: str) -> bool:
    """Is ``line`` a line of credits: a role, a colon and whole names (本版责编：张三, 记者：王明 李华)?"""
    m = _CREDIT_LINE.fullmatch(line)
    if m is None:
        return False
    names = _CREDIT_NAME.findall(line, line.rfind("：" if "：" in line else ":") + 1)
    lex = lexicon()
    return bool(names) and all(lex.starts_names(name[0]) >= CREDIT_SURNAME for name in names)


_CREDIT_ROLE = compile_re("记者|通讯员|摄|供图|编辑|特约|实习生|作者|文字|撰稿|配音|主播|导演|制片|译")  # (摄影, 翻译)
# An article or chapter number alone on its line, as traditional-script statutes write it (第 65 條), also an
# article inserted later (第 19-1 條, 第十九條之一).
_LABEL_NUMBER = f"[一二三四五六七八九十百千零〇{DIGIT}]+"
_LABEL_RANGE = f"第[ \\t\\u3000]*{_LABEL_NUMBER}(?:[ \\t\\u3000]*[-－‐][ \\t\\u3000]*{_LABEL_NUMBER})?[ \\t\\u3000]*"
_LABEL_LINE = compile_re(f"{_LABEL_RANGE}[章节節条條款项項部分编編篇卷回](?:之{_LABEL_NUMBER})?")
# Clause punctuation, counted outside brackets, quotes and titles (a headline may quote a phrase with a comma).
_CLAUSE_MARK = compile_re(r"，")
# A part or article cited inside a sentence (第三十条的规定, 第二十二條之一制定之, 第一項及其未遂犯): the number, with no
# space, then what goes on a citation (a particle, a conjunction, another number, 规定, 所, 至, a part of the part
# cited, 第一條前段, 第二项但书; after 之一, any Han character), not a heading's text (第三十条 本法……, 第一百二十条之一 以……, 第一章总则; 第一条、 and 第一条， label
# articles in informal charters and contracts).
_REFERENCE = compile_re(
    f"[ \\t\\u3000]*第{_LABEL_NUMBER}[章节節条條款项項编編]"
    f"(?:之[一二三四五六七八九十]+[{HAN}]|[的第所至及或和与與]|之[^一二三四五六七八九十]|规定|規定|前段|后段|後段|但书|但書)"
)
# A line that opens with two parts cited in a row (第三項第二款及第四項, 第一項及第二項安全查核, 第一项至第三项): the
# middle of a sentence of a statute (an article's own number is followed by white space or its text, 第三条 本法……,
# and a heading cites no parts), and before a line that goes on to a sentence end without punctuation at its end, a
# cut one.
_CITED_PART = f"第{_LABEL_NUMBER}[条條款项項](?:之{_LABEL_NUMBER})?"
_CITATIONS_OPEN = compile_re(f"[ \\t\\u3000]*{_CITED_PART}(?:[及至或和与與、]|以及)?{_CITED_PART}")
# A paragraph or item cited at the start of a line (第四項規定, 第二款之): what the ``_REFERENCE`` of an article says
# of a paragraph.
_CITED_PARAGRAPH = compile_re(_REFERENCE.pattern.replace("[章节節条條款项項编編]", "[款项項]"))
_ORDINAL_END = compile_re(f"第[〇零一二三四五六七八九十百千万两{DIGIT}]+$")
_UNITS = frozenset("章节節条條款项項编編篇卷回部集届次期号版")
_NUMERAL = frozenset("〇零一二三四五六七八九十百千万亿两")
# Clause punctuation: what shows that a sentence has begun in a line. A colon counts after nine characters or more
# without punctuation (央视网消息（新闻联播）：国家卫生), not after a label (示例 3-1：……, 美国：……, 地点：……).
# Numbers in a list (第五、六集, 1、2): the 、 between them is no clause punctuation.
_NUMBER_LIST = compile_re(
    r"(?<![〇零一二三四五六七八九十百千\d])[〇零一二三四五六七八九十百千\d]+(?:、[〇零一二三四五六七八九十百千\d]+)+"
    r"(?=[集期届次号章节条款项个年月日部篇卷名])"  # (a unit after it: 一、千方百计 is no list of numbers)
)
# (the look-behind after the colon it guards, not before: the engine then skips to the four marks)
_COMMA = compile_re(r"[，、；]|：(?<=[^，。；：:\n]{9}：)")
_CLAUSE_SPLIT = compile_re(r"[，；：、,;:]")
_BRACKETED = compile_re(r"“[^”]*”|「[^」]*」|《[^》]*》|（[^）]*）|\([^)]*\)|【[^】]*】")
# Particles (jieba's tags) that attach to the word before them and cannot start a sentence or a line.
PARTICLE_POS = frozenset({"uj", "ul", "uz", "ug", "ud", "uv"})
# Conjunctions (jieba's tag): a line that ends on one ends where no sentence can (``_dangling``).
_CONJUNCTION_POS = frozenset({"c"})
#: How much likelier (log10) the reading with a word across the break must be than the two lines read apart.
CUT_MARGIN = 1.0
#: A dictionary word this long across a break is a cut wherever it stands (names, legal terms).
LONG_WORD = 5
#: How much the model must associate the two sides of a break in a line with clause punctuation (log10): always
#: enough, and all that counts across a Markdown paragraph break.
ASSOCIATION = 1.0
#: ... across a Markdown paragraph break (a blank line), for the shapes that take a line's end for a cut (running
#: prose, two clauses, 的 at the end): a paragraph may end without its full stop in informal writing. Measured on
#: documentation never tuned on (JavaGuide, advanced-java: 57 breaks reported before, nearly all paragraphs
#: without a full stop) and on LawRefBook's statutes, PDF conversions in Markdown full of real cuts: at -0.2, 11
#: breaks stay reported in the documentation and 41 of LawRefBook's real cuts are lost; at 0.0, 10 and 44; at
#: -0.4, 29 and 31. (Since the fifteenth session, a next paragraph that opens a sentence of its own is no cut on
#: this evidence after a paragraph that ends on no verb, and needs ASSOCIATION after one that ends on a verb, while
#: a paragraph that ends in a subordinate clause is a cut: the documentation 11 -> 6, LawRefBook's 317 unchanged.)
PARAGRAPH_ASSOCIATION = -0.2
#: ... in plain text, for a line with clause punctuation that is not a caption (no label and colon open it): the
#: model need only relate the two sides at all. Tuning half, ten seeds: 33 more of 3,540 injected breaks found
#: than at ASSOCIATION, one more false alarm (a heading with a comma, 向线程发出信号，让它们停止接收任务, before
#: 有了这些修改后); at 0.4, 16 more and the same false alarm.
CLAUSE_ASSOCIATION = 0.0
#: ... and across the break after a list item that the document sets as a heading (``_heading_siblings``): the
#: outline headings of the 2026 reports reach 1.39; a compound cut in two, 人民|群众, 3.3.
HEADING_ASSOCIATION = 2.0
# Conjunctions that join two nouns or verbs (被告人及其家属, 公务活动或者国事活动): a line cannot start with one.
NOUN_JOINERS = frozenset({"及其", "以及", "及", "或者", "或", "并且"})
# Prepositions and conjunctions that cannot end a sentence or a title when they stand alone as a word (法规和,
# 习近平同, 可在, 范围由), and the verbs that need what follows them: the copula, the causatives and 给 (需要是|一个函数,
# 让|我们, 使|用者; no line of the tuning half, LawRefBook or the documentation corpora ends on one standing alone
# before another line, except before a code block), unless it is the whole value after a colon (答：是, 是否党员：是).
# 对 and 用 are left out: they end words (键值对, 投用) that the segmenter may leave alone; so is 当, a verb too
# (一人做事一人当).
DANGLING = set("把被和与及或从向于而并跟在为以同自因由是让使给")
# ... and the prepositions of two characters that are nothing else (为了|修复这个警告, 按照|规定): no sentence or title
# ends on one standing alone. (通过, 根据 and 截至 are left out: verbs or nouns too, 会议审议通过, 没有根据; 关于 and
# 对于 end on 于, which ``_dangling`` reads already.)
DANGLING_PREPOSITIONS = frozenset({"为了", "按照", "依照", "随着", "除了", "凭借"})
# Adverbs and modal verbs, which go before the verb they modify (当创建不|可变引用时, 以便能|在), and the
# determiners 其 and 该, which go before their noun (其|包含名为): inside a clause (after clause punctuation in the
# line) no line ends on one standing alone; a title may (万物皆可, 拒绝说不, 为什么不, 我们能), so a line without
# clause punctuation is not judged by them. 也, 没 and 很 are left out: they end sentences (非也, 吃了没, 好得很).
DANGLING_IN_CLAUSE = set("不都还就才又再更最将已曾正仅均皆亦可能须其该")
# ... and the modal verbs and adverbs of two characters (……的投资信息，不得|再行要求报送): inside a clause of a line
# of prose length (MIN_PROSE_LINE), none ends a line of the clean corpora, LawRefBook or the documentation read for
# this rule before a line that goes on to a sentence end, except where the source itself cut the sentence there. A
# short line may be a reply or a slogan (对，必须; 酒驾，不能).
DANGLING_IN_CLAUSE_WORDS = frozenset({"可以", "应当", "应该", "必须", "不得", "能够", "不能", "无法", "已经", "正在"})
#: Personal pronouns: a line that ends on one as the subject of what follows, after a conjunction, an adverb, a
#: word of time or place or a causative verb, before a line that opens with its predicate (当我们|打印出, 如果我们|反而
#: 把, 这里我们|创建了, 让我们|改变), ends before the predicate. As an object, after a verb or a preposition, a pronoun
#: ends titles (感谢有你, 关于我们, 我和你); a title or a reply (后来我们, 还是我) stands over a paragraph or a line
#: that does not open with a predicate; verse sets a subject on a line of its own (多年以后⏎当你⏎再次想起).
PERSONAL_PRONOUNS = frozenset("我们 你们 他们 她们 它们 咱们 我 你 他 她 它 您 咱 俺 妳 祢 牠".split())
#: The words before a pronoun that make it a subject: jieba's tags of conjunctions, adverbs and words of time, and
#: demonstratives (这里, 这时, 那么); 当 and 每当 (when), the causative verbs, and the verbs of likeness that take a
#: clause (就像我们|在 let 中做的那样; 像你|一样 is no clause: 一样 is no predicate).
SUBJECT_BEFORE_POS = frozenset({"c", "d", "t", "r"})
SUBJECT_BEFORE = frozenset({"当", "每当", "让", "使", "令", "像", "好像", "正如", "如同"})
#: ... but not the conjunctions that join two nouns or pronouns (我和你, 你与我: titles).
PRONOUN_JOINERS = frozenset({"和", "与", "及", "或", "或者", "以及", "同", "跟"})
#: The parts of speech (jieba's tags, first letter) of a predicate's first word: a verb, an adverb, a preposition
#: or a conjunction (打印, 就, 在, 反而).
PREDICATE_POS = frozenset("vdpc")
PRONOUN_LAST = frozenset(w[-1] for w in PERSONAL_PRONOUNS)
_DANGLING_LAST = DANGLING | DANGLING_IN_CLAUSE | {w[-1] for w in DANGLING_IN_CLAUSE_WORDS} | PRONOUN_LAST | {"之", "至"}
# Parts of speech (jieba's tags) of bound morphemes: characters that are not words on their own (物, 洲).
BOUND_POS = frozenset({"zg", "ng", "vg", "ag", "g", "tg", "dg", "rg", "mg", "yg", "uz"})
MIN_PROSE_LINE = 10
_CUT_WINDOW = 6
_WINDOW = 8
_HAN_TAIL = compile_re(f"[{HAN}]+$")
_DATE_NUMBER = f"[{DIGIT}〇零一二三四五六七八九十两]+[ \\t\\u3000]*"
# A line that is a date, perhaps after a short label (生效日期：2024 年 5 月 3 日, 二〇二一年三月).
_DATE_LINE = compile_re(
    f"(?:[^，。；：:]{{0,10}}[：:])?[ \\t\\u3000]*(?:{_DATE_NUMBER}年[ \\t\\u3000]*)?(?:{_DATE_NUMBER}月[ \\t\\u3000]*)?"
    f"{_DATE_NUMBER}[年月日号]"
)
_HAN_HEAD = compile_re(f"[{HAN}]+")
#: A character used as a word less often than this (per 60M words of jieba's corpus) counts as bound.
BOUND_FREQUENCY = 2000  # a line this long with clause punctuation inside is prose

DOC = RuleDoc(
    summary="a line break (with or without blank lines) that cuts a sentence or a word in two",
    what=(
        "Finds a line break, often with blank lines, in the middle of a sentence (就业形势⏎⏎保持稳定) or of a word "
        "(贡献了中⏎⏎国智慧), as PDF extraction, OCR and page layout leave them. The next line must not start a "
        "heading or list item (a part or article cited without a space after its number starts none: 依照本法⏎"
        "第三十条的规定, 第二十二條之一制定之, 第一條前段所定; 第一条、 labels an article). A break counts when it cuts a word (the word trigram model reads the characters "
        "across it as one word, likelier than apart; or each line leaves a lone character that the lexicon joins "
        "into a word; or a word of five characters or more crosses it, in a title too: 第五届全国⏎人民代表大会常务委员会, "
        "though not after a name of its own, 北京大学⏎光华管理学院, nor in a list of words, one per line; or it cuts a numeral), when the line before ends where no sentence or title can (a "
        "conjunction such as 和 or 或者, 的 outside 是……的, a lone preposition such as 把 or 由, or one of two characters that is nothing else, 为了 or 按照, the copula or a causative standing alone (是, 让, 使, 给; not a value after a colon: 答：是), "
        "a personal pronoun as the subject of a next line that opens with its predicate (当我们⏎打印出, 如果我们⏎反而把, 就像我们⏎在 let 中做的那样; not "
        "after a verb or preposition whose object it is, 关于我们, nor in verse), 之 after a noun of two characters or more "
        "(其内部单位之⏎设立), 至 after the first end of a range (五月一日至⏎五月三日; not the verb: 寒潮将至), or, after clause "
        "punctuation, a lone adverb, modal verb or determiner such as 不, 能 or 其, or on a line of prose length a modal "
        "of two characters such as 不得 or 可以), or the next line starts with a particle (的, 了, 着; not a name of Wikipedia's titles: 的的喀喀湖), a word of 之 that follows its noun (之一), 之 standing alone before a common noun of two characters (第一項規定⏎之財產; not classical 之子于归) or a localizer standing alone before a comma (移动到哈希 map 中⏎后，). A quotation that the line leaves open and the next line closes before going on (追授……同志“时代⏎楷模”称号。; not a couplet quoted on two lines) and an item of a list of 、 cut in two (丁薛祥、孙春兰、陈⏎希、吉炳轩……: the last item shorter than its siblings, and with the rest on the next line no longer than the longest) are cuts too, and so, before a line that goes on to a sentence end, is a line that ends on 任何 or on a lone adverb or modal verb that makes a word with the next line's first (看到更⏎多相关语法。, 当创建不⏎可变……; a title may end on one: 我们都, 万物皆可), or whose last clause opens with 据 or 截至 and holds no verb yet (据美国⏎媒体报道，……; not 据报道). When the next line goes on to a sentence end (or ends with a colon that introduces what follows, as in 按照下列⏎规定予以处罚：, where running prose needs only that the model relate the two sides), it also counts when "
        "the line before is running prose (a full stop inside it), already holds two clauses (two commas outside "
        "brackets and quotes), opens with two parts of a statute cited in a row (第三項第二款及第四項⏎申請人……), ends on the first half of a compound (电子⏎商务) after clause punctuation, when the "
        "next line starts with a conjunction that joins nouns (及其, 或者) or with an adverb, modal verb or copula "
        "standing alone (会, 都, 是), when, after clause punctuation, the next line opens with a sentence of at most "
        "four Han characters (秋景如画，山河⏎锦绣。), or when, after clause punctuation, the "
        "word trigram model associates the words on either side (clause punctuation: ，、； or a colon "
        "after more than a label, as in 央视网消息（新闻联播）：国家卫生⏎健康委; not 、 in a list of numbers, 第五、六集; "
        "not in a caption opened by a label or a figure's or table's number, 图5 ……, unless the association is strong). A line that holds only a "
        "preposition, conjunction or adverb of one character after a line that ends with punctuation (or, under a "
        "heading across a blank line, before a verb), or a determiner before a measure word or numeral (这⏎段代码), "
        "a determiner and its measure word alone on a line or ending a line with clause punctuation, or a verb's 一个 "
        "ending such a line, before a common noun (这条⏎命令会在……, 选择一个⏎名字; not verse, nor a title: 再来一个), "
        "before a line that goes on to a sentence end (对⏎多次实施……; not verse, a list of words or a glossary's "
        "headword) and a line that starts with a postposition (2016年⏎以来, 以外, 以内, 为止) are "
        "cut. Headlines, titles, captions, credits "
        "after the last sentence of a line (新华社记者 王明/摄, in the line's last clause; in a line without a sentence "
        "end, white space between Han characters is a credit only beside a role, 记者, 通讯员, 摄影, or a slash: a "
        "double headline's is none; a slash counts beside a Han character or in a link, not in a path, src/main.rs, "
        "and white space inside quotation marks is the quotation's own), a line of credits (本版责编：张三, which layout may set inside a sentence: its names never go on into the next line), dates, signatures, article numbers and headings "
        "stand alone and are not reported (an article's number before a paragraph cited from it is not: 第十二條⏎第四項規定，……); a number cut in two (第四⏎章, 第⏎一百七十一条) is a break before a heading "
        "too. Where the two lines alone leave it open (a line that could be a heading "
        "before its paragraph, or a title wrapped on two lines), a bracket or title mark that the line leaves open "
        "and the next line closes (央视网消息（新闻⏎联播）) is a break, so is a word cut before a line that introduces a "
        "list with a colon (依法追究刑事⏎⏎责任：) or a line ending on a conjunction there (如果⏎尝试编译，会得到如下"
        "错误：), so is the first line of an item of a list of clauses that a colon introduces ((三)将股份用于员工持股⏎"
        "计划或者股权激励；: the next line ends the item with ；, or with 。 after an item ending with ；), so is, "
        "in legal text (ten lines that open with an article number, or twenty citations of articles), the first "
        "line of an item whose sibling above (or, for a list's first item under the line that introduces "
        "it with a colon, below), numbered alike, is a whole line ending with 。 or ； and which the next line ends "
        "likewise ((三)收取租金事项。⏎(四)征收地租及生产⏎物品之保管、销售事项。; not an outline's heading over its "
        "paragraph), "
        "and otherwise the document's own layout "
        "decides: a single line break in a plain-text document that separates its paragraphs with blank lines (the "
        "single line breaks between a list's items aside) is inside a paragraph, and so is a line without punctuation before prose in a document of numbered articles "
        "(第一条 …) that has almost no such lines, since its headings are numbered, and in any statute that sets its article numbers alone on their lines (第 18 條, as Taiwan's statutes do: at most three such lines, each no formula and no statute's title, that read as a clause, with a comma or a modal verb, or have a word running across the break), where the line right under an article's number is its first sentence (第 18 條⏎首長制⏎機關之首長……) unless the document titles its articles (第一條⏎標的⏎……); in a document that sets ten or more articles' numbers and text on one line, nine in ten of them ending with punctuation, such a line without punctuation is the article's text cut (第一条 为了进一步扩大对外⏎开放，……; not a contract's 第一条 合同标的); a line that could be a heading "
        "is also a cut when the document writes the three characters on each side of the break together elsewhere "
        "(全国供销⏎合作社系统…… where another story writes 全国供销合作社; two where punctuation bounds them, "
        "央视网⏎消息（新闻联播）：…… where the document writes 央视网消息（, or when they are the whole line, 专利⏎申请人对……, unless the next line's label opens other lines "
        "too), and so is a label that the document sets at the start of other lines, cut in two (文件⏎名：src/lib.rs "
        "where listings open with 文件名：). Neither reaches the first line, "
        "the last one (a signature, a date), a heading of a part (第三章, 一、), a list item, a Markdown heading or "
        "quotation, a line that opens with a label (示例 10-16：), nor a line in a block of lines without "
        "punctuation (a list, an address, verse). In a stanza of verse (four lines or more between blank lines, none over twenty characters or with a full stop: 他笑了，把竹篙往水里一撑⏎船就轻轻地离了岸) only a word cut in two is a break, and not a line's last character opening the next (摇⏎摇来一阵凉凉的风). An unnumbered heading directly over its paragraph in a document of "
        "blank-line paragraphs looks like a cut sentence and is reported, with an unsafe fix. A line that is a "
        "Markdown heading (## 什么是堆; in plain text, one without clause punctuation) is never cut. A list item "
        "whose siblings (numbered one less above it, one more below) are whole lines without punctuation, each over "
        "a paragraph, is a heading of an outline like them: its commas join the phrases of a title and open no "
        "clause for the next line to go on (（六）着力办好办实民生实事，人民生活品质稳步提高⏎就业促进更有力。), so "
        "only a cut word or a line that ends where no title can (和, 的) makes it a cut; a statute's items end with "
        "； or 。, and one cut in two stands among siblings that do. In a Markdown document a blank line is a paragraph break, and a "
        "paragraph may end without its full stop in informal writing: there the grammar above still counts (a cut "
        "word, a line ending on 和 or 及, a paragraph starting with 的), the shape of the text (running prose, two "
        "clauses, 的 at the end) only when the model relates the words on either side; before a paragraph that opens "
        "a sentence of its own (with its subject, 我一般问……, or an adverbial frame, 在 InnoDB 存储引擎中，……) a "
        "paragraph that ends in a subordinate clause is a cut (……如果扣减失败的话), one that ends on a verb needs a "
        "strong relation (一再提醒⏎⏎我们要……), and any other ends without its full stop; the fix is unsafe. "
        "A document in traditional characters (variant zh-Hant) is judged in simplified characters, since the "
        "lexicon and the model are of simplified Chinese (適用於⏎中華民國 ends on 于)."
    ),
    why="A broken sentence reads as two paragraphs, breaks search and text-to-speech, and splits words for every tool downstream.",
    fix=(
        "Joins the two lines. Safe when the line before is running prose; unsafe otherwise (a line without a full "
        "stop might be a title)."
    ),
    examples=(
        Example("要落实防护物资、生活物\n\n资保障和防护措施。", "要落实防护物资、生活物资保障和防护措施。"),
        Example("要持续加强非\n\n洲猪瘟等重大动物疫病防控。", "要持续加强非洲猪瘟等重大动物疫病防控。"),
        Example("这里有一个问题。我们为世界防疫树立了\n\n典范。", "这里有一个问题。我们为世界防疫树立了典范。"),
        Example(
            "这是一个报道。国际社会普遍认为，中国\n\n采取的措施坚决有力。",
            "这是一个报道。国际社会普遍认为，中国采取的措施坚决有力。",
        ),
        Example(
            "现有确诊病例491例。各地累计报告接种疫苗94515.0万剂次\n\n国内联播快讯\n\n今天，国务院召开会议。", ok=True
        ),
        Example("在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上的讲话\n\n(2020年2月23日)\n\n习近平", ok=True),
        Example("一、关于前一段疫情防控工作\n\n新冠肺炎疫情发生后，党中央高度重视。", ok=True),
        Example("习近平会见外宾\n\n国家主席习近平今天在北京会见外宾。", ok=True),
        Example("主要做了以下工作：\n第一，加强领导。\n第二，加强保障。", ok=True),
        Example(
            "会议指出，经济运行总体平稳，就业形势\n\n保持稳定，居民收入持续增长。",
            "会议指出，经济运行总体平稳，就业形势保持稳定，居民收入持续增长。",
        ),
        Example("也为全球气候治理贡献了中\n\n国智慧。", "也为全球气候治理贡献了中国智慧。"),
        Example("今天上午，市领导来到社区调研。 新华社记者 王明/摄\n今年春节期间，全市干部深入基层。", ok=True),
    ),
)


class BrokenLine(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        doc = doc.lf_lines()  # a lone carriage return ends a line as a line feed does, for the layout's tests too
        text = doc.text
        found: list[tuple[int, int, str, str, Safety]] = []
        open_: list[tuple[int, int, str, str, str]] = []  # breaks the two lines alone leave open
        plain = "\r" not in text
        markdown = doc.fmt == "markdown"
        runs = (_LONG_RUN_LF if plain else _LONG_RUN).search(text) is not None
        # the document's article lines (``_article_lines``) and whether it is legal text, each found once when needed
        known: dict[str, int] = {}

        def articles() -> int:
            if "articles" not in known:
                known["articles"] = _article_lines(text)
            return known["articles"]

        def titled_articles() -> bool:
            # two or more article numbers alone with a line without punctuation under them, a quarter of them or
            # more: the articles' titles (Macau's laws, contracts, annotated codes: 第一條⏎標的⏎本法律訂定……), not
            # cut sentences, which are a few in a statute of many articles
            if "titled" not in known:
                titled = len(_TITLED_ARTICLE.findall(text))
                known["titled"] = titled >= 2 and TITLED_SHARE * _article_number_lines(text) <= titled
            return bool(known["titled"])

        def prose_articles() -> bool:
            if "prose_articles" not in known:
                known["prose_articles"] = _prose_articles(text)
            return bool(known["prose_articles"])

        def statute() -> bool:
            if "statute" not in known:
                known["statute"] = articles() >= ARTICLES_MIN or _cites_articles(text)
            return bool(known["statute"])

        # the lexicon and the model are of simplified Chinese: a traditional document's lines are judged in
        # simplified characters (offsets, messages and the document's own words stay as written). The text is
        # converted once; a conversion that changes its length is done line by line instead
        simple = to_simplified(text) if doc.traditional else None
        by_line = doc.traditional and simple is None
        for m in (_BREAK_RUN if runs else _BREAK_LF if plain else _BREAK).finditer(text):
            if runs and m.start(1) < 0:
                continue  # the next line does not start with a Han character
            start, end = m.span()
            while start > 0 and text[start - 1] in _WS:
                start -= 1  # white space at the end of the line goes with the break
            if start == 0 or not is_han(text[start - 1]):
                continue
            if markdown and text.count("\n", start, end) < 2:
                continue  # a single newline inside a Markdown paragraph is a soft break
            # (a number of a part or an article that the line goes on from without a space is a reference inside
            # a sentence, not a heading: 本法依司法院組織法⏎第二十二條之一制定之。, 依照本法⏎第三十条的规定)
            outline = BLOCK_START.match(text, end) is not None and _REFERENCE.match(text, end) is None
            if outline and text[start - 1] != "第":
                continue  # the next line starts a heading or a list item (after 第, see below)
            if plain:  # the lines around the break, found from it: cheaper than the line index
                line_start = text.rfind("\n", 0, start) + 1
                line_end = text.find("\n", end)
                next_line = text[end : len(text) if line_end < 0 else line_end]
            else:  # \r\n or a lone \r: the line index knows every kind of line break
                line_start = doc.line_bounds(start)[0]
                next_line = text[end : doc.line_bounds(end)[1]]
            prev_line = text[line_start:start].strip()
            if _ATX_HEADING.match(prev_line) and (markdown or not _CLAUSE_SPLIT.search(prev_line)):
                # a Markdown heading (## 什么是堆) is a line of its own; in plain text, a line that looks like one
                # and holds no clause (# 这是一个注释，说明了……中 may be a comment cut in two)
                continue
            judged, judged_next = prev_line, next_line
            if simple is not None:
                judged, judged_next = simple[line_start:start].strip(), simple[end : end + len(next_line)]
            elif by_line:
                judged, judged_next = to_simplified(prev_line) or prev_line, to_simplified(next_line) or next_line
            safety: Safety | None
            if outline:
                # 第 standing alone before what looks like an outline heading is a number cut (位居国内第|二、世界
                # 第三); nothing else is asked of a line before a heading (落第, 门第 end words: 皆落第|二、转而经商)
                if not _number_cut_before_outline(prev_line, next_line):
                    continue
                safety, shape = Safety.UNSAFE, ""
            else:
                # (a line that ends on a pronoun may be verse, in a block of lines without punctuation or after
                # one, or a Markdown paragraph: 多年以后⏎当你⏎再次想起这个夏天。)
                verse = judged[-1:] in PRONOUN_LAST and (markdown or _in_verse(text, line_start))
                # (a list item whose siblings head paragraphs is a heading too, by the document's own layout:
                # （六）着力办好办实民生实事，人民生活品质稳步提高⏎就业促进更有力。……)
                heading = (
                    _ANY_ITEM_STYLE.match(prev_line) is not None
                    and _sentence_end(next_line)
                    and _heading_siblings(text, line_start, end + len(next_line), prev_line)
                )
                safety, shape = _judge(judged, judged_next, markdown, verse, heading)
                if (safety is not None or shape) and _stanza(text, line_start, end):
                    # lines of verse: only a word cut in two counts
                    safety, shape = _judge(judged, judged_next, markdown, verse, heading, stanza=True)
            if safety is None and shape == "structure" and _lone_word(judged, judged_next, text, line_start):
                # one function word on a line of its own before a line that goes on to a sentence end (not verse or
                # a list of words, one per line)
                safety = Safety.UNSAFE
            if safety is None and shape == "structure" and _measure_open(judged, judged_next, text, line_start):
                # a determiner or a verb's 一 with its measure word, cut from the noun they count (这条⏎命令会在……)
                safety = Safety.UNSAFE
            if (
                safety is None
                and shape == "structure"
                and _under_article_number(text, line_start)
                and not titled_articles()
            ):
                # the first words of an article, under its number set alone on a line (第 18 條⏎首長制⏎機關之首長……),
                # in a document whose articles have no titles
                safety = Safety.UNSAFE
            if safety is None and shape == "structure" and _article_opening(prev_line) and prose_articles():
                # an article's number and its first words on one line (第一条 为了进一步扩大对外⏎开放，……), in a
                # document whose other articles so opened end with punctuation: its text, not a title (第一条 合同标的)
                safety = Safety.UNSAFE
            if markdown:
                shape = ""  # a Markdown paragraph is the writer's own layout: nothing for the document to decide
            elif (
                safety is None
                and shape
                and (
                    _cut_item(text, line_start, prev_line, next_line)
                    or (_cut_sibling(text, line_start, end, prev_line, next_line) and statute())
                )
            ):
                safety = Safety.UNSAFE
            if safety is not None:
                found.append((start, end, prev_line, next_line, safety))
            elif shape:
                open_.append((start, end, prev_line, next_line, shape))
        if open_:
            found += _by_document(doc, open_, found, articles())
            found.sort()
        for start, end, prev_line, next_line, safety in found:
            yield Diagnostic(
                self.name,
                start,
                end,
                f"断行：“{prev_line[-6:]}”与下一行“{next_line[:6]}”是同一句",
                Severity.ERROR,
                Fix((Edit(start, end, ""),), safety, "接上下两行"),
            )


#: A document separates its paragraphs with blank lines when at least this share of its line breaks between
#: non-blank lines have a blank line in them, and at least BLANK_MIN do. The breaks between two Han characters
#: are left out of the count (the rule judges them, and joining one must not change the verdict on the others).
BLANK_SHARE = 0.95
BLANK_MIN = 5
#: A document of numbered articles (第一条 …) has at least this many lines that start with an article number;
#: there every heading is numbered (第三章, 第四节), so a line without punctuation before prose is a cut. It is
#: running prose when the lines that end without punctuation before a line of prose number at most
#: HEADLINE_RATE per full stop in it, or HEADLINE_MIN when each of them reads as a cut article (``_cut_article``): a
#: statute of 90 sentences with a cut or two is still running prose (without the floor, one cut in fewer than 100
#: sentences disqualified the document), and its unnumbered headings and captions still are not.
ARTICLES_MIN = 10
HEADLINE_RATE = 0.01
HEADLINE_MIN = 3
# Lines that are neither a heading nor prose: an equation (应纳税额＝销售额×征收率) and a document number
# (法释〔2022〕8号).
# Whole lines: an equation holds an equals sign and no clause punctuation; a document number is an issuer's
# abbreviation, the year in brackets and the number.
_FORMULA = compile_re(r"[^，。；：、,;:]*[＝=][^，。；：、,;:]*")
_DOCUMENT_NUMBER = compile_re(r"[^，。；：、\s]{0,8}[〔［\[(（]\s*[12]\d{3}\s*[〕］\])）]\s*(?:第\s*)?\d+\s*号")
# A label and a colon opening a line, with text after them: a caption, an annex, a note (示例 10-16：, 注意：).
_LABEL_OPEN = compile_re(r"[^，。；：:]{1,8}[：:](?=.)")
# A figure's or table's number opening a line, before white space: a caption (图5 养护28 d试样的SEM照片：（a）基准组；
# （b）F20组, 表 2-1 各组配合比).
_CAPTION_OPEN = compile_re(r"附?[图表圖][ \t]*[0-9０-９]+(?:[.\-－][0-9０-９]+)*[ \t\u3000]")
# What ends a paragraph or a list item: punctuation, or a closing bracket or quote.
_ENDS_UNIT = compile_re(r"[。！？；：，、…!?;:,.”’）)」』】》]$")
_NON_SPACE = compile_re(r"\S")
# A line break and a line that is not blank: the line before goes on in the same block (a stanza, a list).
_NEXT_IN_BLOCK = compile_re(r"[ \t\u3000]*\r?\n[ \t\u3000]*[^\s]")
# The heading of a numbered part of a statute or a book: 第三章 总则, 第四节 勘验、检查.
_PART = compile_re(f"第{_LABEL_NUMBER}[章节節编編篇卷部]")
# A heading of a part of a document: a numbered part, or an outline's 三、二〇〇七年以后……
_HEADING = compile_re(_PART.pattern + "|[一二三四五六七八九十]+[、．.]")
# An article number at the start of a line (第十一条 …, 第 19-1 條 …).
_ARTICLE = compile_re(f"[ \\t\\u3000]*第[ \\t\\u3000]*{_LABEL_NUMBER}[-－‐{DIGIT}]*[ \\t\\u3000]*[条條]")
_ARTICLE_LINE = compile_re("\n" + _ARTICLE.pattern)  # after a line break: the engine skips from one to the next
_ATX_HEADING = compile_re(r"#{1,6}(?:[ \t]|$)")  # a Markdown heading, after the line's white space is stripped
# A single line break between two items of a list (the second item's marker is matched, not consumed).
_LIST_BREAK = compile_re(
    r"(?m)^[ \t\u3000]*(?:[-*+•]|\d+[.)、])[ \t\u3000][^\n]*\n(?=[ \t\u3000]*(?:[-*+•]|\d+[.)、])[ \t\u3000])"
)
# A run of line breaks with a blank line in it (white space on the blank lines counts as blank).
_BLANK_RUN = compile_re(r"\n[ \t\u3000\r]*\n(?:[ \t\u3000\r]*\n)*")


def _by_document(doc: Document, open_: list[tuple[int, int, str, str, str]], found: list, articles: int) -> list:
    """The breaks that the two lines alone leave open, decided by the document's own layout (unsafe fixes);
    ``articles``: how many lines open with an article number (``_article_lines``, counted once per document).

    1. A single line break in a document that separates its paragraphs with blank lines (the breaks between the
       items of a list do not count against that): there, a heading or a title stands between blank lines like any
       paragraph, so a line break without one is inside a paragraph; a line above across a blank line (a caption)
       makes no block of lines with the paragraph's first line.
    2. A line that could be a heading before its paragraph (it ends without punctuation and the next line goes
       on to a sentence end) in a document of numbered articles that has almost no such lines for its
       sentences: running prose such as a statute, whose headings are numbered.
    3. Such a line, when the document writes the characters around the break elsewhere without it (JOIN_SIDE
       each side: 全国供销|合作社 where another story writes 全国供销合作社; one side JOIN_SIDE - 1 where punctuation
       bounds it, 央视网|消息（) and the next line ends a sentence with 。！？ or introduces what follows with a colon
       (not a title set on several lines), unless a label opens the line before, or opens the next line and other
       lines of the document too (``_own_label``).
    4. A label that the document sets at the start of other lines, cut in two (``_label_cut``: 文件|名：).

    Neither reaches the first line (a title), a heading of a part (第三章, 一、), a line that starts as a list item
    or a Markdown heading, a quotation or list, the last line (a signature, a date), or lines that ``_apart``
    shows as separate units."""
    text = doc.text
    body = text.rstrip()
    runs = _BLANK_RUN.findall(body)
    blank = len(runs)
    judged = sum(1 for s, e, *_ in (*found, *open_) if text.count("\n", s, e) == 1)
    others = body.count("\n") - "".join(runs).count("\n") - judged  # single line breaks not judged here

    def few(others: int) -> bool:
        return others <= (1 - BLANK_SHARE) * (others + blank)

    # ... nor those between the items of a list (a list's lines are its structure, not its paragraphs' layout;
    # counted only when it matters)
    blank_doc = (
        doc.fmt != "markdown" and blank >= BLANK_MIN and (few(others) or few(others - len(_LIST_BREAK.findall(body))))
    )
    # (the lines that a heading could be, asked only in a document of numbered articles, and collected only until
    # there are more than both limits allow: then the document is no running prose, and the set is not asked again)
    headline_like: set[int] = set()
    prose_doc = False
    if articles >= ARTICLES_MIN:
        stops = text.count("。")
        most = max(HEADLINE_RATE * stops, HEADLINE_MIN)
        for o in open_:
            if o[4] == "structure" and _may_be_heading(text, o[0], o[2]):
                headline_like.add(o[0])
                if len(headline_like) > most:
                    break
        prose_doc = (
            len(headline_like) <= HEADLINE_RATE * stops
            # or a few lines, each one a cut article by its shape (it opens with an article number, or holds a
            # clause before the break): not a heading or a caption (起草情况说明, 表1 物业服务收费标准)
            or (len(headline_like) <= HEADLINE_MIN and all(_cut_article(o[2]) for o in open_ if o[0] in headline_like))
        )
    # a statute that sets each article's number alone on its line (第 18 條, as Taiwan's statutes do): its headings are
    # numbered parts (第 四 章 法官), and a line without punctuation between its paragraphs is a cut sentence
    numbered = _article_number_lines(text) >= ARTICLES_MIN
    if numbered:
        # ... unless the document has more than HEADLINE_MIN of them (its own unnumbered headings: 說明, 釋義 under
        # each article of a commentary); not a formula, not a statute's title in a compilation (中華民國憲法增修條文);
        # a line that reads as a clause (``_cut_article``: not a caption, 申請人可以提交的證明材料), or where a word of
        # the lexicon of three or more characters runs across the break (最高⏎行政法院; not a label: 序言, 說明, 附表一)
        cuts = {o[0] for o in open_ if o[4] == "structure" and _numbered_cut(text, o[0], o[2], o[3])}
        numbered_cuts = cuts if len(cuts) <= HEADLINE_MIN else set()
    out = []
    last = len(body)
    for start, end, prev_line, next_line, shape in open_:
        single = text.count("\n", start, end) == 1
        if _label_cut(text, end, prev_line, next_line):
            # the document's own label cut in two (文件|名：src/lib.rs, where other lines open with 文件名：)
            out.append((start, end, prev_line, next_line, Safety.UNSAFE))
            continue
        if (
            shape == "structure"
            and _may_stand_in(text, start, prev_line)
            and not (_LABEL_OPEN.match(prev_line) or _own_label(text, end, next_line))
            and (_FULL_STOP.search(next_line) is not None or _INTRODUCES.search(next_line.rstrip()) is not None)
            and _joined_elsewhere(text, start, end, prev_line, next_line)
        ):
            # the document's own words run on across the break, and the next line ends a sentence (not a title set
            # on three lines: 最高人民法院⏎关于审理……案件⏎适用法律若干问题的规定（一）): evidence enough, even under a
            # line without punctuation (a bulletin's story opens under its headline)
            out.append((start, end, prev_line, next_line, Safety.UNSAFE))
            continue
        if (
            not (blank_doc and single and _may_stand_in(text, start, prev_line))
            and not (prose_doc and start in headline_like)
            and not (numbered and start in numbered_cuts)
        ):
            continue
        if end + len(next_line.rstrip()) >= last and not _sentence_end(next_line):
            continue  # the last line, without a sentence end: a signature, a date
        # (a line above across a blank line makes no block with a paragraph whose first line is cut: the next line
        # goes on with a clause, and the line before is more than a name; a couplet, an address, a signature, a
        # poem's author line under their heading stay a block)
        same_block = blank_doc and single and len(prev_line) >= 4 and _CLAUSE_MARK.search(next_line) is not None
        if not _apart(text, start, end, prev_line, next_line, same_block=same_block):
            out.append((start, end, prev_line, next_line, Safety.UNSAFE))
    return out


_FULL_STOP = compile_re(r"[。！？!?]")
#: Han characters taken on each side of a break for ``_joined_elsewhere``, and how far around the break the
#: document is searched (characters each side, as duplicate-word's DOCUMENT_REACH).
JOIN_SIDE = 3
DOCUMENT_REACH = 5_000


#: The longest label (Han characters and the colon) that ``_label_cut`` joins across a break.
LABEL_MAX = 8
_HAN_ONLY = compile_re(f"[{HAN}]+")


def _label_cut(text: str, end: int, prev_line: str, next_line: str) -> bool:
    """Is the break inside a label that the document sets at the start of other lines (文件|名：src/lib.rs, where
    the document opens its code listings with 文件名：)? The line before is Han characters only, two or more (a
    heading of one character, 问, is a line of its own), and the part of the label on the next line opens no other
    line of the document (答： where the document also writes 回答：)."""
    if len(prev_line) < 2 or not _HAN_ONLY.fullmatch(prev_line):
        return False
    m = _LABEL_OPEN.match(next_line)
    if m is None or len(prev_line) + m.end() > LABEL_MAX or _own_label(text, end, next_line):
        return False
    label = "\n" + prev_line + next_line[: m.end()]
    return text.find(label, max(0, end - DOCUMENT_REACH), end + DOCUMENT_REACH) >= 0


def _own_label(text: str, end: int, next_line: str) -> bool:
    """Does the next line open with a label (示例 10-16：, 注意：) that the document also sets at the start of another
    line? A label that opens no other line (消息（新闻联播）： under 央视网, where every other line opens with
    央视网消息（新闻联播）：) is the rest of one cut in two."""
    m = _LABEL_OPEN.match(next_line)
    if m is None:
        return False
    label = "\n" + next_line[: m.end()]
    lo = max(0, end - DOCUMENT_REACH)
    at = text.find(label, lo, end + DOCUMENT_REACH)
    if at == end - 1:  # (this line itself)
        at = text.find(label, end, end + DOCUMENT_REACH)
    return at >= 0


def _joined_elsewhere(text: str, start: int, end: int, prev_line: str, next_line: str) -> bool:
    """Does the document write the characters around the break elsewhere without it (JOIN_SIDE each side:
    国家卫生|健康委 in a bulletin that writes 国家卫生健康委 in another story)? A heading and its paragraph do not
    run on into each other anywhere else."""
    tail = _HAN_TAIL.search(prev_line[-_WINDOW:])
    head = _HAN_HEAD.match(next_line[:_WINDOW])
    if tail is None or head is None:
        return False
    left, right = tail.group()[-JOIN_SIDE:], head.group()[:JOIN_SIDE]
    # a side of JOIN_SIDE - 1 characters is enough where punctuation bounds it (央视网|消息（新闻联播）: the
    # document writes 央视网消息（ elsewhere), the punctuation then part of what is looked for, or where it is the
    # whole line before; one side only
    short_left = len(left) < JOIN_SIDE
    short_right = len(right) < JOIN_SIDE
    if short_left and short_right:
        return False
    if short_left:
        at = len(prev_line) - len(left) - 1
        if len(left) < JOIN_SIDE - 1:
            return False
        if at >= 0:
            if not _BOUNDING.match(prev_line, at):
                return False
            left = prev_line[at] + left
        else:
            # (a heading of two characters over its paragraph, 胸片|可见心影增大, 訓練|跳元模型引數, is no word with
            # what follows: the segmenter must read a word across the break, 专利申请|人)
            joined = to_simplified(left + right) or (left + right)
            if not any(a < len(left) < b for a, b in lexicon().segment(joined)):
                return False
        # (else the two characters are the whole line: 专利|申请人对……的复审决定不服的, where the statute writes
        # 专利申请人 elsewhere; the other side then has its JOIN_SIDE characters)
    elif short_right:
        if len(right) < JOIN_SIDE - 1 or not _BOUNDING.match(next_line, len(right)):
            return False
        right += next_line[len(right)]
    # within DOCUMENT_REACH characters either side (the cost per break stays constant in a long file, and a file
    # that joins many documents is searched in the one around the break); here the break parts them
    return text.find(left + right, max(0, start - DOCUMENT_REACH), end + DOCUMENT_REACH) >= 0


# Punctuation that bounds a side of a break for ``_joined_elsewhere`` (not white space or Latin text, which may
# be anything).
_BOUNDING = compile_re(r"[，。、；：？！（）《》“”‘’「」『』【】〔〕…—·,;:?!()]")


# A numbered item of a list ((三), (3), ③; not a year in brackets, （2020）京01民初123号) at the start of a line,
# and the end of an item of a list of clauses.
_ITEM = compile_re(
    f"[ \\t\\u3000]*(?:[（(](?:[一二三四五六七八九十]+|[{DIGIT}]{{1,2}})[）)]|[①-⑳])[ \\t\\u3000]*[{HAN}]"
)
_ITEM_END = compile_re(r"[；;]$")
#: How many lines back the colon that introduces a list of clauses is looked for.
ITEM_LINES = 30


def _cut_item(text: str, line_start: int, prev_line: str, next_line: str) -> bool:
    """Is the line before the break the first part of an item of a list of clauses ((三)将股份用于员工持股|计划或者
    股权激励；)? The line opens with an item number; the list is introduced by a line ending with a colon (有下列情形
    之一的：), with only items and lines ending with ； between; and the next line ends the item as such lists do:
    with ；, or, for the list's last item, with 。 after a line that ends with ；. Numbered headings (（一）主要目标)
    stand under a heading or after a paragraph, not under a colon."""
    if not _ITEM.match(prev_line):
        return False
    end = next_line.rstrip()
    last = _ITEM_END.search(end) is None  # the list's last item ends with 。 after an item that ends with ；
    if last and not end.endswith("。"):
        return False
    # the lines before, nearest first, walked back to the colon that introduces the list
    lines = text[max(0, line_start - 3000) : line_start].splitlines()[-ITEM_LINES:]
    for k, line in enumerate(line for line in map(str.strip, reversed(lines)) if line):
        if k == 0 and last and not _ITEM_END.search(line):
            return False
        if _INTRODUCES.search(line):
            return True
        if not (_ITEM.match(line) or _ITEM_END.search(line)):
            return False
    return False


# The number of an item of a list, by its style: （四）, (4), 四、, 4., ④.
_ITEM_STYLES = (
    compile_re("[ \t\u3000]*[（(][一二三四五六七八九十]+[）)]"),
    compile_re(f"[ \t\u3000]*[（(][{DIGIT}]{{1,2}}[）)]"),
    compile_re("[ \t\u3000]*[一二三四五六七八九十]+、"),
    compile_re(f"[ \t\u3000]*[{DIGIT}]{{1,2}}[、．.]"),
    compile_re("[ \t\u3000]*[①-⑳]"),
)


# Any of them: most lines are no item, and are told so by one match instead of five.
_ANY_ITEM_STYLE = compile_re("|".join(f"(?:{p.pattern})" for p in _ITEM_STYLES))


def _item_style(line: str) -> int | None:
    if not _ANY_ITEM_STYLE.match(line):
        return None
    for k, pattern in enumerate(_ITEM_STYLES):
        if pattern.match(line):
            return k
    return None


def _article_lines(text: str) -> int:
    """How many lines open with an article number (第N条 …)."""
    return len(_ARTICLE_LINE.findall(text)) + bool(_ARTICLE.match(text))


def _cites_articles(text: str) -> bool:
    """Does the text cite articles as often as an amending decision does (七、将刑法第三百九十三条修改为：……):
    2 * ARTICLES_MIN times or more? With ARTICLES_MIN article lines, it is legal text (a statute, a regulation),
    whose lists are provisions, not an outline's headings over their paragraphs."""
    return len(_CITED_ARTICLE.findall(text)) >= 2 * ARTICLES_MIN


_CITED_ARTICLE = compile_re(f"第{_LABEL_NUMBER}[条條]")


def _cut_sibling(text: str, line_start: int, end: int, prev_line: str, next_line: str) -> bool:
    """Is the line before the break the first part of an item of a list whose items are whole lines: the line
    above it is an item of the same numbering that ends with 。 or ； (（三）收取租金事项。⏎（四）征收地租及生产⏎
    物品之保管、销售事项。; the end may be inside a quotation: 七、将刑法第三百九十三条修改为：“……。”), or, for the
    list's first item, the line above introduces the list with a colon and the sibling below is such a line; and
    the next line ends the item as its siblings do? An outline's heading stands over its paragraph, between
    siblings that are headings too (（一）主要目标⏎到2025年，……。⏎（二）重点任务⏎……). Asked in legal text only
    (``_article_lines``, ``_cites_articles``): elsewhere a heading item may follow a one-line sibling (4.1 产品应符合本文件的规定。⏎4.2 外观⏎……).
    Lines are found by line feeds: a document of lone carriage returns is not reached."""
    style = _item_style(prev_line)
    if style is None:
        return False
    if not _ends_item(next_line):
        return False
    before = text[max(0, line_start - 3000) : line_start].rstrip()
    above = before[before.rfind("\n") + 1 :].strip()
    if _item_style(above) == style:
        return _ends_item(above)
    if not above.endswith(("：", ":")):
        return False
    # the list's first item, under the line that introduces it: its sibling below is a whole line too
    after = end + len(next_line)
    below = _NON_BLANK_LINE.search(text, after, after + 3000)
    return below is not None and _item_style(below.group()) == style and _ends_item(below.group())


#: How far (characters) from a list item its siblings are looked for by ``_heading_siblings``: a report's section
#: runs up to 11,248 characters from its heading to the next one in the 14 held-out government work reports of 2026.
SIBLING_REACH = 20_000
_CHINESE_DIGITS = {c: k for k, c in enumerate("零一二三四五六七八九")}


def _item_number(line: str) -> int | None:
    """The number of a list item (（六） 6, 十二、 12, (3) 3, ③ 3), or None."""
    m = _ITEM_NUMBER.match(line)
    if m is None:
        return None
    label = m.group(1) or m.group(2) or m.group(3) or m.group(4)
    if label[0] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return ord(label[0]) - ord("①") + 1
    if label.isdigit():
        return int(label)
    if "十" not in label:
        return _CHINESE_DIGITS.get(label) if len(label) == 1 else None
    tens, _, ones = label.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_CHINESE_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CHINESE_DIGITS.get(ones, 0) if ones else 0)


# A line that opens with an item of each style (``_ITEM_STYLES``), after its line feed: the engine skips from one
# line feed to the next.
_STYLE_LINE = tuple(compile_re("\n" + p.pattern) for p in _ITEM_STYLES)
_ITEM_NUMBER = compile_re(
    f"[ \t\u3000]*(?:[（(]([一二三四五六七八九十]+|[{DIGIT}]{{1,2}})[）)]|([一二三四五六七八九十]+)、"
    f"|([{DIGIT}]{{1,2}})[、．.]|([①-⑳]))"
)


def _heading_siblings(text: str, line_start: int, after: int, prev_line: str) -> bool:
    """Does the document set the list item that opens the line before a break (（六）着力办好办实民生实事，人民生活品质
    稳步提高) among siblings that head paragraphs: its neighbours in the list, numbered one less above it and one more
    below it (（五）, （七）: the nearest lines of the same numbering within SIBLING_REACH), are whole lines that end
    without punctuation over a line that goes on to a sentence end (and does not end with ；, as the rest of an
    item cut in two does), as an outline's headings stand over their paragraphs; at least one of them found, and
    each one found such. Then the line is a heading of the same shape as theirs. The items of a statute's list end
    with ； or 。 (（三）收取租金事项。), and a break inside one leaves its first part alone without punctuation among
    siblings that have it. ``after``: the end of the next line."""
    style = _item_style(prev_line)
    number = _item_number(prev_line)
    if style is None or number is None:
        return False
    pattern = _STYLE_LINE[style]
    # (the last one above: the nearest line of this numbering)
    above = deque(pattern.finditer(text, max(0, line_start - SIBLING_REACH), max(0, line_start - 1)), maxlen=1)
    found = 0
    for m, step in ((above[0] if above else None, -1), (pattern.search(text, after, after + SIBLING_REACH), 1)):
        if m is None:
            continue
        eol = text.find("\n", m.end())
        eol = len(text) if eol < 0 else eol
        line = text[m.start() + 1 : eol].strip()
        if _item_number(line) != number + step:
            continue  # the nearest item of the same numbering is of another list (or a gap): no sibling there
        below = _NON_BLANK_LINE.search(text, eol, eol + SIBLING_REACH)  # (the sibling's paragraph)
        paragraph = below.group().strip() if below else ""
        if (
            _ENDS_UNIT.search(line)
            or not paragraph
            or _item_style(paragraph) is not None
            or not _sentence_end(paragraph)
            or _ITEM_END.search(paragraph)  # (the rest of an item cut in two, 补贴资金的；: no paragraph)
        ):
            return False
        found += 1
    return found > 0


def _ends_item(line: str) -> bool:
    """Does the line end with 。 or ；, perhaps inside a quotation or brackets (……修改为：“……。”)?"""
    return line.rstrip().rstrip("”’」』）)").endswith(("。", "；", ";"))


_NON_BLANK_LINE = compile_re(r"(?<=\n)[ \t\u3000]*\S[^\n]*")


#: The modal verbs of a provision (…应当对调解协议的履行情况, 不得要求…): a line that holds one is a clause, not a
#: heading or a caption, which are noun phrases.
_MODAL = compile_re("应当|可以|不得|必须|应该|不能|不应|无权|有权|應當|必須|應該|不應|無權|有權")
_RELATIVE = compile_re("[^，。；：、的]{1,3}的")


def _cut_article(prev_line: str) -> bool:
    """Does a line without punctuation at its end read as the first part of an article: it opens with an article
    number (第十一条 任何个人和组织), or already holds a clause (…的履行情况，进行)?"""
    if _ARTICLE.match(prev_line) or _COMMA.search(prev_line):
        return True
    m = _MODAL.search(prev_line)
    # a modal before a verb and 的 makes a noun phrase (申请人可以提交的证明材料, 不得公开的信息范围)
    return m is not None and not _RELATIVE.match(prev_line, m.end())


def _may_stand_in(text: str, start: int, prev_line: str) -> bool:
    """Can the line before a break be the first part of a paragraph: not the title (the first line), not a heading
    of a part (第三章, 一、), not a list item or a Markdown heading or quotation (BLOCK_START)?"""
    first = _NON_SPACE.search(text, 0, text.rfind("\n", 0, start) + 1) is None
    return not first and not _HEADING.match(prev_line) and not _list_item(prev_line)


def _list_item(line: str) -> bool:
    """Does the line start as a list item, a heading or a quotation (（一）, 1., -, ##, >), but not with an article
    number (第十一条), which starts running prose?"""
    return bool(BLOCK_START.match(line)) and not _ARTICLE.match(line)


def _may_be_heading(text: str, start: int, prev_line: str) -> bool:
    """Is the line before a break one that a heading could be (see ``_may_stand_in``), and not a word alone (序言,
    附件二), an equation or a document number?"""
    return (
        len(prev_line) >= 4
        and not (_FORMULA.fullmatch(prev_line) and not _ARTICLE.match(prev_line))
        and not _DOCUMENT_NUMBER.fullmatch(prev_line)
        and _may_stand_in(text, start, prev_line)
    )


def _after_open_line(text: str, start: int, same_block: bool = False) -> bool:
    """Does the line of the break follow a line that ends without punctuation (not the heading of a part, nor an
    article's number alone on its line, 第 2 條, as Taiwan's statutes set it)? With
    ``same_block``, only a line right above it counts, not one across a blank line (in a document of blank-line
    paragraphs, a caption or heading above a paragraph makes no block of lines with it)."""
    line_start = text.rfind("\n", 0, start) + 1
    lo = max(0, line_start - 1000)
    before = text[lo:line_start].rstrip()  # blank lines beyond that count as none
    if same_block and text.count("\n", lo + len(before), line_start) > 1:
        return False  # a blank line between
    last = before[before.rfind("\n") + 1 :].strip()
    # (the heading of a part, 第八章 检察官的职业保障, or an article's number alone, 第 2 條, makes no block)
    return bool(before) and not _ENDS_UNIT.search(before) and not _PART.match(last) and not _LABEL_LINE.fullmatch(last)


# (the article numbers among the labels of _LABEL_LINE)
_ARTICLE_NUMBER_LINE = compile_re(f"{_LABEL_RANGE}[条條](?:之{_LABEL_NUMBER})?")


# A character that is neither white space (``\s`` is ``str.isspace``, what ``strip`` removes) nor one that
# _ARTICLE_NUMBER_LINE can end with (条, 條, a character of _LABEL_NUMBER).
_NO_ARTICLE_NUMBER_END = compile_re("[^\\s条條" + _LABEL_NUMBER.removeprefix("[").removesuffix("]+") + "]")
_ARTICLE_NUMBER_ALONE = compile_re(f"^[ \\t\\u3000]*{_ARTICLE_NUMBER_LINE.pattern}[ \\t\\u3000]*\\r?$", MULTILINE)


# ... on a line after the first: after its line feed, so that the engine skips from one to the next (a pattern
# that opens with ``^`` is tried at every character: 27 -> 16 ms on 3.5 million characters)
_ARTICLE_NUMBER_ALONE_LATER = compile_re("\n" + _ARTICLE_NUMBER_ALONE.pattern.removeprefix("^"), MULTILINE)


def _article_number_lines(text: str) -> int:
    """How many lines hold an article's number alone (第 18 條)?"""
    return bool(_ARTICLE_NUMBER_ALONE.match(text)) + len(_ARTICLE_NUMBER_ALONE_LATER.findall(text))


_TITLED_ARTICLE = compile_re(
    f"^[ \\t\\u3000]*{_ARTICLE_NUMBER_LINE.pattern}[ \\t\\u3000]*\\r?\\n(?:[ \\t\\u3000\\r]*\\n)*"
    "[^\\n]*[^。！？；：，、…!?;:,.”’）)」』】》︰\\s][ \\t\\u3000]*\\r?$",
    MULTILINE,
)
#: A document titles its articles when at least this share of its article numbers set alone on their lines have a
#: line without punctuation under them (and two do).
TITLED_SHARE = 0.25
#: In a statute of numbered article lines, a line without punctuation shorter than this (Han characters) is a cut
#: only where a word of the lexicon runs across the break: labels are short (序言, 說明, 附註, 附表一).
NUMBERED_SHORT = 5
#: The words a statute's title ends with (中華民國憲法增修條文, ……組織條例): a compilation sets one over each statute.
STATUTE_TYPES = frozenset({"法", "条例", "条文", "办法", "规则", "细则", "章程", "要点", "准则", "标准", "规程"})


def _numbered_cut(text: str, start: int, prev_line: str, next_line: str) -> bool:
    """In a statute that sets its article numbers alone on their lines, is the line before the break (no end
    punctuation, before a line that goes on to a sentence end) a cut sentence by its own shape: it may stand in a
    paragraph (not the first line, a part heading or a list item), is no formula and no statute's title, and reads
    as a clause (NUMBERED_SHORT Han characters or more, and a comma or a modal verb: ``_cut_article``) or is joined
    to the next line by a word of the lexicon (分包⏎契約 is not; 最高⏎行政法院 is)?"""
    line = prev_line.strip()
    if not _may_stand_in(text, start, line) or _FORMULA.fullmatch(line):
        return False
    tail = _HAN_TAIL.search(line[-_WINDOW:])
    head = _HAN_HEAD.match(next_line[:_WINDOW])
    if tail is None or head is None:
        return False
    left = to_simplified(tail.group()) or tail.group()
    right = to_simplified(head.group()) or head.group()
    lex = lexicon()
    s, e = lex.segment(left)[-1]
    if left[s:e] in STATUTE_TYPES:
        return False
    if sum(map(is_han, line)) >= NUMBERED_SHORT and _cut_article(to_simplified(line) or line):
        return True
    cut = len(left)
    return any(s < cut < e and e - s >= 3 for s, e in lex.segment(left + right))


def _under_article_number(text: str, start: int) -> bool:
    """Is the nearest line above the line at ``start`` an article's number alone (第 18 條, as Taiwan's statutes set
    it)? The article's text follows its number; no title or heading stands between them (none of the 1,263 article
    numbers of the zh-Hant tuning half has one), so a line there without punctuation, before a line that goes on to
    a sentence end, is the article's first sentence cut."""
    if start and text[start - 1] == "\n":
        # the common case, at once: the last character before the line that is no white space (within a few, blank
        # lines included) is the last one of the nearest line above, and no article number ends with it
        tail = text[max(0, start - 8) : start].rstrip()
        if tail and _NO_ARTICLE_NUMBER_END.match(tail, len(tail) - 1):
            return False
    above = _line_above(text, start, 200)
    return above >= 0 and _ARTICLE_NUMBER_LINE.fullmatch(text[above:start].strip()) is not None


# (not a list of articles cited: 第一条 至第十二条, 第五条 第六条)
_ARTICLE_OPENING = compile_re(f"{_ARTICLE_NUMBER_LINE.pattern}[ \\t\\u3000]+(?![第至及和与或])[{HAN}]")


_ARTICLE_OPENING_LINE = compile_re(f"^[ \\t\\u3000]*{_ARTICLE_OPENING.pattern}[^\\n]*", MULTILINE)
#: A document writes its articles as prose, number and text on one line, when at least this share of such lines end
#: with punctuation (of ARTICLES_MIN or more): a line among them that ends without is cut.
PROSE_ARTICLES_SHARE = 0.9


def _article_opening(line: str) -> bool:
    """Does the line open with an article's number and go on, after white space, with its text (第一条 为了……)?"""
    return _ARTICLE_OPENING.match(line) is not None


def _prose_articles(text: str) -> bool:
    """Does the document set its articles' number and text on one line, as prose: ARTICLES_MIN such lines or more,
    PROSE_ARTICLES_SHARE of them ending with punctuation (not titles: 第一条 合同标的)?"""
    lines = [m.group().rstrip() for m in _ARTICLE_OPENING_LINE.finditer(text)]
    ended = sum(1 for line in lines if _ENDS_UNIT.search(line))
    return len(lines) >= ARTICLES_MIN and ended >= PROSE_ARTICLES_SHARE * len(lines)


def _line_above(text: str, start: int, reach: int = 1000) -> int:
    """The start of the nearest line above the line at ``start`` that is not blank, looked for within ``reach``
    characters (a line longer than that is cut there), or -1 if there is none."""
    line_start = text.rfind("\n", 0, start) + 1
    lo = max(0, line_start - reach)
    before = text[lo:line_start].rstrip()
    return lo + before.rfind("\n") + 1 if before else -1


def _in_verse(text: str, start: int) -> bool:
    """Is the line of the break in a block of lines without punctuation (verse, lyrics), or the first line of one
    after such a block of two lines or more (a stanza after a stanza: 春天来了⏎花开了⏎⏎也许我们⏎终将……)? A heading
    over a paragraph is one line without punctuation between paragraphs."""
    if _after_open_line(text, start, same_block=True):
        return True
    if not _after_open_line(text, start):
        return False
    # the nearest line above (across the blank lines) ends without punctuation: does the line above it, too?
    above = _line_above(text, start)
    return above >= 0 and _after_open_line(text, above, same_block=True)


#: A stanza of verse (``_stanza``): at least VERSE_LINES lines between blank lines, none longer than VERSE_WIDTH
#: characters; blocks are read up to VERSE_REACH lines each way from the break.
VERSE_LINES = 4
VERSE_WIDTH = 20
VERSE_REACH = 40
LINE_SEARCH = 4 * VERSE_WIDTH
_LINE_END = compile_re(r"\r\n|\r|\n")


def _stanza(text: str, line_start: int, next_start: int) -> bool:
    """Are the lines of a break verse: the block of lines (between blank lines) that holds the line before it, and
    the one that holds the next line if a blank line is between them, each a stanza (``_verse_block``)? Modern
    verse sets its phrases on short lines of their own, with commas inside them and rarely a full stop (他笑了，
    把竹篙往水里一撑⏎船就轻轻地离了岸): its breaks have the shape of a sentence cut in two. Text cut to a narrow
    column has words cut at its lines' ends, which still count; prose has full stops."""
    if not _verse_block(text, line_start):
        return False
    blank = text.count("\n", line_start, next_start) > 1 or text.count("\r", line_start, next_start) > 1
    return not blank or _verse_block(text, next_start)


def _verse_block(text: str, at: int) -> bool:
    """Is the block of lines (between blank lines) that holds the line starting at ``at`` a stanza: VERSE_LINES lines
    or more, each of VERSE_WIDTH characters at most and without a full stop (a block longer than VERSE_REACH lines
    each way is none)? In the clean corpora only lists of short items are such blocks, which are no breaks anyway."""
    lines: list[str] = []
    lo = at
    for _ in range(VERSE_REACH):  # up, from the line at ``at``
        if lo == 0:
            break
        # the line above ends at the line break before ``lo`` (\n, \r\n or a lone \r); each line is looked for
        # within LINE_SEARCH characters: a longer one is no verse, and a text without line breaks is not searched to
        # its start for every break
        end = lo - 2 if text.startswith("\r\n", lo - 2) else lo - 1
        bound = max(0, end - LINE_SEARCH)
        prev = max(text.rfind("\n", bound, end), text.rfind("\r", bound, end)) + 1
        if prev == 0 and end > LINE_SEARCH:
            return False
        line = text[prev:end].strip()
        if not line:
            break
        lines.insert(0, line)
        lo = prev
    else:
        return False
    hi = at
    for _ in range(VERSE_REACH):  # the line at ``at`` and down
        if hi >= len(text):
            break
        found = _LINE_END.search(text, hi, hi + LINE_SEARCH + 1)
        if found is None:
            if len(text) - hi > LINE_SEARCH:
                return False
            nl, hi_next = len(text), len(text)
        else:
            nl, hi_next = found.start(), found.end()
        line = text[hi:nl].strip()
        if not line:
            break
        lines.append(line)
        hi = hi_next
    else:
        return False
    return len(lines) >= VERSE_LINES and not any(len(line) > VERSE_WIDTH or "。" in line for line in lines)


def _apart(text: str, start: int, end: int, prev_line: str, next_line: str, same_block: bool = False) -> bool:
    """Does the layout show the two lines as separate units: either opens with a label of its own (示例 10-16：……,
    附件三：……, 注意：……); or the line before the break follows another line without punctuation at its end, or
    the next line, itself without punctuation at its end, is followed by another line after a single line break
    (a list of names or figures, an address, a stanza of verse)?"""
    if _LABEL_OPEN.match(prev_line) or _LABEL_OPEN.match(next_line):
        return True
    if _after_open_line(text, start, same_block):
        return True  # (the heading of a part before it, 第八章 检察官的职业保障, makes no list; 一、参加人员 may)
    after = end + len(next_line)
    return not _ENDS_UNIT.search(next_line.rstrip()) and bool(_NEXT_IN_BLOCK.match(text, after))


def judge(prev_line: str, next_line: str, paragraph: bool = False, variant: str = "zh-Hans") -> Safety | None:
    """Is the break between ``prev_line`` and ``next_line`` a finding, on the two lines alone? See ``_judge``.
    Lines of another variant than zh-Hans are judged in simplified characters, as in a document."""
    if variant != "zh-Hans":
        prev_line, next_line = to_simplified(prev_line) or prev_line, to_simplified(next_line) or next_line
    return _judge(prev_line, next_line, paragraph)[0]


def _judge(
    prev_line: str,
    next_line: str,
    paragraph: bool = False,
    verse: bool = False,
    heading: bool = False,
    stanza: bool = False,
) -> tuple[Safety | None, str]:
    """Is the break between ``prev_line`` (it ends on a Han character) and ``next_line`` (it starts with one) a
    finding on the two lines alone? ``None`` if not, else the safety of joining the two lines; with it, what a
    break left open may still be (``"structure"``: a heading before its paragraph, ``"wrapped"``: a title wrapped
    on two lines; ``""``: nothing), for the document's layout to decide (``_by_document``). The reasons, in this
    order:

    1. the next line goes on to a sentence end and the line before is running prose: a 。 inside it, and what
       follows the last one is not a credit or caption in its last clause (新华社记者 王明/摄). Safe.
       A next line that ends with a colon introducing what follows (按照下列|规定予以处罚：) counts as going on to a
       sentence end for the tests below, not for this one, unless a label opens the line before (a caption); before
       it, running prose is a cut where the model associates the two sides by more than CLAUSE_ASSOCIATION.
    2. the break cuts a word: the word trigram model reads a word across it, likelier than the two sides apart
       (贡献了中|国智慧). Safe after prose, else unsafe. Everything below is unsafe.
    3. the line leaves a bracket or title mark open that the next line closes (央视网消息（新闻|联播）); a number is
       cut (第四|章, 第|一百七十一条); a word of LONG_WORD or more characters crosses the break (中华人民|共和国,
       第五届全国|人民代表大会常务委员会……通过; a word in use), unless what the line before holds of it is a name
       of its own (北京大学|光华管理学院 in a signature, 人民代表大会|常务委员会 in a title) or the whole line (a list
       of words: 中国|共产党) (``_long_cut``).
       A quotation that the line leaves open, closed on the next line before text that goes on (``_quote_across``:
       ……同志“时代|楷模 ”称号。), and an item of a list of 、 cut in two (``_list_item_cut``: 孙春兰、陈|希、吉炳轩) are
       cuts on their own.
       Otherwise a credit or caption after the last sentence stays silent, whatever follows; and a break before
       a line that does not go on to a sentence end (a heading or a title, or the rest of one: titles wrapped
       on two lines) is left open ("wrapped"), unless each side leaves a lone character that the lexicon joins
       into a word, and neither line is that character alone (【……】我|国秋粮大面积开镰: a title wraps between
       words, not inside one; 你⏎好 is text set one character per line).
    4. each side leaves a lone character that the lexicon joins into a word (本|法), or a numeral or an ordinal is
       cut (第八|十一条, 第二十四|条);
       the line before ends where no sentence can (a conjunction: 和, 或者; 的 outside 是……的; a lone
       preposition: 把, 在, 由; the copula or a causative: 是, 让, not as a value after a colon (答：是); a personal pronoun as
       the subject of what follows: 当我们, 这里我们, 让我们; 之 after a noun: 其内部单位之; after clause punctuation, a
       lone adverb, modal verb or determiner, or a modal of two characters: 不, 能, 其, 不得, 可以), or the next line starts with a particle (的, 了,
       着), a word of 之 that follows its noun (之一), 之 alone before a common noun (之财产), a localizer
       alone before a comma (后，) or a postposition (以来, 以外), an adverb, modal verb or copula standing alone (会, 都,
       是) or a conjunction that joins nouns (及其, 或者), or, after clause punctuation, with a sentence of at
       most SHORT_END Han characters (山河|锦绣。); without clause punctuation, the line ends on 任何 or on a lone
       adverb or modal verb that makes a word with what opens the next line (``_modifier_end``: 看到更|多相关语法。);
       the line's last clause opens with 据 or 截至 and holds no verb yet (``_frame_open``: 据美国|媒体报道，);
       the line before already holds two clauses (two ， outside brackets and quotes); or,
       after clause punctuation, the two words at the break form a compound of the lexicon (电子|商务), or the
       model associates the two sides by more than ASSOCIATION, or by more than CLAUSE_ASSOCIATION where the line
       is no caption that a label opens, no list item, and has more than a list of numbers (第五、六集) as its clause.
    A line of one preposition, conjunction or adverb after a line that ends with punctuation is a cut too (asked in
    ``BrokenLine.check``, which sees the line before), and 第 standing alone before an outline heading.
    5. the two or three characters at the break are a word only the model knows (闭|包, 迭代|器); or the line opens
       with two parts cited in a row (第三项第二款及第四项|申请人……): the middle of a sentence of a statute.
    6. otherwise the line may be a heading before its paragraph: left open ("structure").

    With ``heading`` (the line is a list item whose siblings head paragraphs, ``_heading_siblings``), only the
    last phrase of the line is read for 4 and after: a heading's commas join the phrases of a title, and open no
    clause that the next line could go on (no two clauses, no association, no short sentence, no adverb or
    compound after clause punctuation); a cut word and the grammar of a line's end still count.

    With ``stanza`` (the lines are verse, ``_stanza``), only a word cut in two counts (2), and not one of a
    character that ends the line and opens the next (慢|慢得让人想起, 摇|摇来一阵风: the figure of 顶真, anadiplosis).

    With ``paragraph`` (a blank line between two lines of a Markdown document: a paragraph break by the format's
    own rules), the grammar of 2-5 still counts, the shape of 1 and 4 (running prose, two clauses, 的 at the end)
    only when the model relates the two sides by more than PARAGRAPH_ASSOCIATION; before a line that opens a
    sentence of its own (``_opens_sentence``), a line that ends in a subordinate clause is a cut
    (``_subordinate_end``), one that ends on a verb, preposition or conjunction needs ASSOCIATION, and any other is
    none. Nothing is left open.
    """
    if (":" in prev_line or "：" in prev_line) and _credit_line(prev_line.strip()):
        return None, ""  # 本版责编：张三: a credit line is whole; no name goes on into the next line (张三|口总值)
    if _LABEL_LINE.fullmatch(prev_line):
        if _ARTICLE_NUMBER_LINE.fullmatch(prev_line) and _CITED_PARAGRAPH.match(next_line):
            # 第十二條|第四項規定，於高等法院準用之。: a paragraph of an article cited after its number; no article
            # opens by citing a paragraph of its own
            return Safety.UNSAFE, ""
        return None, ""  # an article or chapter number on a line of its own (第 65 條)
    rest = _sentence_end(next_line)
    body = _strip_marker(prev_line)
    stop = _LAST_STOP.search(body)
    fragment = body[stop.end() :] if stop else body
    # after the last sentence: 新华社记者 王明/摄, in the last clause (……亲切交谈，了解居民需求 新华社记者 王明/摄;
    # 记者 王明，通讯员 李华): white space that inline code left in an earlier clause is none (必须定义 它，或将其引入
    # 作用). Commas inside brackets do not count (（记者 王明，实习生 李华）).
    masked = _BRACKETED.sub(lambda m: "#" * len(m.group()), fragment)  # same length, bracketed commas hidden
    clause_at = masked.rfind("，") + 1
    # (in a line without a sentence end, white space between Han characters is a credit only with a role or a
    # slash: 嫦娥四号顺利唤醒 进入 is a double headline, 必须 声明每个参数 prose that inline code left spaced)
    last_clause = fragment[clause_at:]
    # (_CREDIT needs white space or a slash in the last clause: it is asked only then)
    spaced = "/" in last_clause or " " in last_clause or "\t" in last_clause or "\u3000" in last_clause
    if spaced and ("“" in last_clause or "「" in last_clause or "『" in last_clause or "‘" in last_clause):
        # (white space inside quotation marks is the quotation's: masked, same length)
        spaced_in = _QUOTED.sub(lambda m: "#" * len(m.group()), fragment)
    else:
        spaced_in = fragment
    slash = "/" in last_clause and _CREDIT_SLASH.search(fragment, clause_at) is not None
    credit = (
        spaced
        and _CREDIT.search(spaced_in, clause_at) is not None
        and (stop is not None or slash or _CREDIT_ROLE.search(fragment, clause_at) is not None)
    )
    prose = stop is not None and len(prev_line) >= MIN_PROSE_LINE and not credit
    if prose and rest and not paragraph:
        return Safety.SAFE, ""
    introduced = False
    if not rest and _INTRODUCES.search(next_line.rstrip()) and not _LABEL_OPEN.match(prev_line):
        # a line that ends with a colon introducing what follows (运行 | 测试：) is a sentence too, for the tests
        # below (not for the safe join above: a caption before it may lack its full stop)
        rest = introduced = True
    tail = _HAN_TAIL.search(prev_line[-_WINDOW:])
    head = _HAN_HEAD.match(next_line[:_WINDOW])
    if tail is None or head is None:
        return None, ""
    br = _Break(tail.group(), head.group())
    # a date line (生效日期：2024年5月3日): what its unit starts with the next line (日|本) is no cut word
    # (_DATE_LINE ends with 年, 月, 日 or 号: it is asked only of a line that does)
    dated = body.endswith(("年", "月", "日", "号")) and _DATE_LINE.fullmatch(body) is not None
    if stanza:
        return (Safety.UNSAFE if br.left[-1] != br.right[0] and not dated and _cuts_word(br) else None), ""
    if not dated and _cuts_word(br):
        return Safety.SAFE if prose and not paragraph else Safety.UNSAFE, ""
    if _bracket_across(fragment, next_line):
        return Safety.UNSAFE, ""  # （新闻|联播）, 【奋斗百年路 启航新征程 中国|共产党人的精神谱系】
    if _quote_across(fragment, next_line):
        return Safety.UNSAFE, ""  # 追授……同志“时代|楷模”称号。: a quotation closed on the next line, which goes on
    if _list_item_cut(fragment, next_line):
        return Safety.UNSAFE, ""  # 丁薛祥、孙春兰、陈|希、吉炳轩……: an item of a list of 、 cut in two
    if not dated and _number_cut(br, prev_line, next_line):
        return Safety.UNSAFE, ""  # 第四|章 劳动和社会保障权益: a number cut before a heading too
    if not dated and _long_cut(br, line=prev_line.strip()):
        return Safety.UNSAFE, ""  # 第五届全国|人民代表大会常务委员会……通过: a long word is cut in a title too
    if (
        not credit
        and not rest
        and not dated
        and len(next_line.strip()) > 1
        and (len(body) > 1 or br.left[-1] != br.right[0])
        and _lone_cut(br, lone_only=True)
    ):
        # 【……】我|国秋粮大面积开镰: a title wraps between words, not inside one; nor does a headline leave its
        # first character alone on a line (全|国新冠病毒疫苗接种超过18亿剂). Not text set one character per line
        # (你⏎好: the next line is a character alone too), nor a title of one character that the next line opens
        # with again (走⏎⏎走啊走啊走: a poem's title, then its first line)
        return Safety.UNSAFE, ""
    if credit or not rest:
        # a credit or caption after the last sentence; or the next line is a heading or a title, or the rest of
        # one (a title wrapped on two lines): line structure, unless the document's layout says otherwise
        return None, "" if credit else "wrapped"
    if heading:
        # a list item that the document's layout shows as a heading (``_heading_siblings``): its commas join the
        # phrases of a title (（六）着力办好办实民生实事，人民生活品质稳步提高), they open no clause for the next line
        # to go on; its last phrase alone is judged, as a title's. Unless the line has three clauses or more (……，
        # 城镇新增就业五十万人，居民|收入), the model relates the two sides as strongly as a compound does
        # (坚持把人民|群众: 3.3; the headings of the reports reach 1.4), or it ends on a pronoun and an adverb or
        # modal that wait for their verb (……，我们将|全力推动): the review's cuts among heading siblings
        if (
            _two_clauses(fragment)
            or _association(br) > HEADING_ASSOCIATION
            or (_dangling(br, fragment, verse) and _pronoun_before_last(br))
        ):
            return Safety.UNSAFE, ""
        fragment = _CLAUSE_SPLIT.split(fragment)[-1]
    if paragraph:
        # between two Markdown paragraphs, the grammar is evidence (a cut word or number; a line that ends on a
        # conjunction or preposition, 安全生产及⏎⏎防灾; a paragraph that starts with a particle), the shape of the
        # text is not: a paragraph may end without its full stop, on 的, or with clauses in it (还是可以继续工作的⏎⏎
        # 在 Redis cluster 中……)
        if (
            (not dated and _lone_cut(br))
            or (dated and _number_cut(br, prev_line, next_line))  # (not dated: asked above, and false)
            or (br.left[-1] != "的" and _dangling(br, fragment, verse))
            or _particle_first(br, next_line)
            or _bound_first(br)
            or _joins_first(br, next_line)
            or (_COMMA.search(fragment) is not None and _SHORT_END.match(next_line) is not None)
            or (not dated and _cuts_word(br, gate=False))
        ):
            return Safety.UNSAFE, ""
        shaped = prose or _two_clauses(fragment) or (br.left[-1] == "的" and _dangling(br, fragment))
        comma = _COMMA.search(fragment) is not None
        if shaped or comma:
            threshold = PARAGRAPH_ASSOCIATION if shaped else ASSOCIATION
            if _opens_sentence(next_line):
                # the next paragraph opens a sentence of its own: the paragraph before ends without its full stop,
                # unless it ends a subordinate clause (……的时候⏎⏎我们会发现), or its verb waits for the next line
                # as its object or complement, which the model must then relate strongly (一再提醒⏎⏎我们要……)
                if _subordinate_end(br, fragment):
                    return Safety.UNSAFE, ""
                if (br.lex.pos(br.last) or "n")[:1] not in "vpc":
                    return None, ""
                threshold = ASSOCIATION
            association = _association(br)  # asked once: the model is the costly part
            if association > threshold:
                return Safety.UNSAFE, ""
        return None, ""
    comma = _COMMA.search(fragment) is not None  # (asked twice below)
    if (
        (not dated and _lone_cut(br, compound=_CLAUSE_SPLIT.search(fragment) is not None))
        or (dated and _number_cut(br, prev_line, next_line))  # (not dated: asked above, and false)
        or _dangling(br, fragment, verse)
        or _particle_first(br, next_line)
        or _bound_first(br)
        or (comma and _SHORT_END.match(next_line) is not None)
        or _two_clauses(fragment)
        or _joins_first(br, next_line)
        or (not comma and _modifier_end(br, fragment))
        or _frame_open(br, fragment)
    ):
        return Safety.UNSAFE, ""
    if comma:
        association = _association(br)
        if association > ASSOCIATION or (
            association > CLAUSE_ASSOCIATION
            # weaker evidence, not where the line is a caption, a list item or has a list of numbers as its clause
            and not _LABEL_OPEN.match(prev_line)
            and not _CAPTION_OPEN.match(prev_line)
            and not _list_item(prev_line)
            and _COMMA.search(_NUMBER_LIST.sub("", fragment))
        ):
            return Safety.UNSAFE, ""
    if (
        introduced
        and prose
        and not comma
        and (_COMMA.search(next_line) or len(next_line.rstrip()) > 8)
        and _association(br) > CLAUSE_ASSOCIATION
    ):
        # running prose before a line that introduces what follows with a colon (……的应用。使用 map 函数将一个数字
        # vector 转换|为一个字符串 vector，……如示例 20-29 所示：): a heading over a list has no full stop in it, so
        # the model need only relate the two sides
        return Safety.UNSAFE, ""
    if not dated and _cuts_word(br, gate=False):
        return Safety.UNSAFE, ""  # a word only the model knows (闭|包), asked only of what is still open
    m_cit = _CITATIONS_OPEN.match(prev_line)
    if m_cit and (any(j in m_cit.group() for j in "及至或和与與、") or m_cit.end() < len(prev_line)):
        return Safety.UNSAFE, ""  # 第三項第二款及第四項|申請人對於……: a line that cites parts is inside a sentence
    # the line may be a heading before its paragraph: the document's layout decides (``_by_document``)
    return None, "structure"


class _Break:
    """The Han characters on either side of a break (up to _WINDOW each), and what the lexicon makes of them,
    computed once and shared by the tests."""

    __slots__ = ("left", "right", "_lseg", "_rseg", "_across")

    def __init__(self, left: str, right: str) -> None:
        self.left, self.right = left, right
        self._lseg: list[tuple[int, int]] | None = None
        self._rseg: list[tuple[int, int]] | None = None
        self._across: bool | None = None

    @property
    def lex(self):
        return lexicon()  # cached; loaded on first use only

    @property
    def across(self) -> bool:
        """Does a dictionary word start before the break and end after it? (Necessary for every word cut.)"""
        if self._across is None:
            left = self.left[-_CUT_WINDOW:]
            self._across = bool(self.lex.word_across(left + self.right[:_CUT_WINDOW], len(left)))
        return self._across

    @property
    def segments(self) -> list[tuple[int, int]]:
        """The lexicon's segmentation of the left side alone, as (start, end) pairs."""
        if self._lseg is None:
            self._lseg = list(self.lex.segment(self.left))
        return self._lseg

    @property
    def last(self) -> str:
        """The last word of the line before (lexicon segmentation of the left side alone)."""
        s, e = self.segments[-1]
        return self.left[s:e]

    @property
    def first(self) -> str:
        """The first word of the next line (lexicon segmentation of the right side alone)."""
        if self._rseg is None:
            self._rseg = list(self.lex.segment(self.right))
        s, e = self._rseg[0]
        return self.right[s:e]


def _pronoun_before_last(br: _Break) -> bool:
    """Is the word before the last word of the line a personal pronoun (我们|将, 他|就)?"""
    seg = br.segments
    if len(seg) < 2:
        return False
    s, e = seg[-2]
    return br.lex.pos(br.left[s:e]) == "r" and br.left[s:e] in PERSONAL_PRONOUNS


def _sentence_end(line: str) -> bool:
    """Does the line hold a sentence end (。；;… anywhere, or one of _SENTENCE_LAST at its end or before a line feed
    that ends it)? What the pattern [。；;…]|[。！？!?”’）)]$ found, without the engine's scan of the line."""
    if "。" in line or "；" in line or ";" in line or "…" in line:
        return True
    return (line[:-1] if line.endswith("\n") else line).endswith(_SENTENCE_LAST)


def _two_clauses(fragment: str) -> bool:
    """Does the line already hold two clauses (two ， outside brackets and quotes)?"""
    # (the brackets and quotes only take commas away: a line with fewer than two has none to look for there)
    return fragment.count("，") >= 2 and len(_CLAUSE_MARK.findall(_BRACKETED.sub("", fragment))) >= 2


def _association(br: _Break) -> float:
    """How much likelier (log10) the word trigram model finds the first words of the next line after the last
    words of the line before than on their own: the words of each side (up to 6 characters) as segmented apart,
    scored in one sequence minus each side scored alone. A headline and its story are unrelated (around -0.5,
    the backoff); the two halves of a clause usually are not."""
    lm = _language_model()
    left, right = lm.segment(br.left[-_CUT_WINDOW:]), lm.segment(br.right[:_CUT_WINDOW])
    return lm.score_tokens(left + right) - lm.score_tokens(left) - lm.score_tokens(right)


def _strip_marker(line: str) -> str:
    m = BLOCK_START.match(line)
    return line[m.end() :] if m else line


def _dangling(br: _Break, fragment: str, verse: bool = False) -> bool:
    """Does the line end where no sentence or title can: on a conjunction (和, 或者, 以及), a preposition or
    particle standing alone (把, 从), or on 的 outside the 是……的 construction (法律、法规的 | 遵守)?"""
    left, pos = br.left, br.lex.pos
    conjunctions = _tagged(_CONJUNCTION_POS)  # (pos(w) == "c" for each w, as one set lookup)
    if (
        left[-1] not in _DANGLING_LAST
        and left[-1] != "的"
        and left[-2:] not in DANGLING_PREPOSITIONS
        # (the last one to four characters; a slice longer than the line is the whole line)
        and left[-1:] not in conjunctions
        and left[-2:] not in conjunctions
        and left[-3:] not in conjunctions
        and left[-4:] not in conjunctions
    ):
        return False  # no candidate word at the end: no segmentation needed
    in_clause = _COMMA.search(fragment) is not None
    word = br.last
    if pos(word) == "c":
        return True
    if word in PERSONAL_PRONOUNS:
        return not verse and _subject_at_end(br)
    if word in DANGLING_PREPOSITIONS:
        return True
    if word == "之":
        return _attributive_zhi(br)
    if word == "至":
        return _range_open(br)
    if in_clause and word in DANGLING_IN_CLAUSE_WORDS:
        return len(fragment.strip()) >= MIN_PROSE_LINE
    if word == "的":
        clause = _CLAUSE_SPLIT.split(fragment)[-1]
        return "是" not in clause  # 也是不可信的 ends a sentence, 掌握的 does not
    if word[-1] == "于":
        return True  # 适用于, 有助于, 由于: 于 takes its object after it, whatever the word it ends
    if len(word) != 1 or fragment.rstrip()[:-1].rstrip().endswith(("：", ":")):
        return False  # (a word alone after a colon is a value: 答：是, 是否党员：是)
    return word in DANGLING or (in_clause and word in DANGLING_IN_CLAUSE)


#: The parts of speech (jieba's tags, first letter) of what an adverb or modal verb modifies at the start of the next
#: line: a verb, an adjective, a numeral or quantity (更|多), another adverb.
MODIFIED_POS = frozenset("vamd")
#: Determiners of two characters that go before what they determine, and end no sentence or title (任何|完全由……组成的类型).
DETERMINER_WORDS = frozenset({"任何"})


def _modifier_end(br: _Break, fragment: str) -> bool:
    """Does a line without clause punctuation, before a line that goes on to a sentence end, end on a word that goes
    before what it modifies: a lone adverb or modal verb of DANGLING_IN_CLAUSE before the verb, adjective or numeral
    that opens the next line, with which the lexicon makes a word across the break (我们会在第十八章里看到更|多相关语法。,
    当创建不|可变和可变引用时，……), or one of DETERMINER_WORDS (任何|完全由……)? Inside a clause ``_dangling`` reads
    these alone; a line of its own may be a title that ends on one (万物皆可, 为什么不, 我们都 over 同意这个方案。), but
    none stands over a paragraph that opens with a word the two would make together (none of the 3,973 lines of the
    clean tuning half that may be headings over their paragraphs ends on one of these at all). Not a value after a
    colon (同意：不)."""
    if br.left[-1] not in DANGLING_IN_CLAUSE and br.left[-2:] not in DETERMINER_WORDS:
        return False  # the common case, without segmentation
    word = br.last
    if word in DETERMINER_WORDS:
        return True
    if word not in DANGLING_IN_CLAUSE or fragment.rstrip()[:-1].rstrip().endswith(("：", ":")):
        return False
    return (br.lex.pos(br.first) or "")[:1] in MODIFIED_POS and br.across


#: Prepositions that open a frame of source or time closed only by a verb after its noun (据……报道, 截至……时):
#: a clause that opens with one and holds no verb yet is unfinished; no title or heading is such a clause.
FRAME_OPENERS = frozenset({"据", "截至", "截止"})


def _frame_open(br: _Break, fragment: str) -> bool:
    """Does the line's last clause (Han characters only) open with one of FRAME_OPENERS and hold no verb after it
    (据美国|媒体报道，……, 截至北京|时间今天16时，……, ……：据阿富汗黎明|电视台今天报道)? Asked before a line that goes on to a
    sentence end. None of the lines of the clean tuning half that end on a Han character opens a clause so."""
    if "据" not in fragment and "截" not in fragment:
        return False  # the common case, without splitting the line
    clause = _CLAUSE_BOUND.split(_strip_marker(fragment))[-1].strip()
    if clause[:1] not in ("据", "截") or not _HAN_ONLY.fullmatch(clause):
        return False  # the common case, without segmentation
    lex = br.lex
    words = [clause[s:e] for s, e in lex.segment(clause)]
    return len(words) > 1 and words[0] in FRAME_OPENERS and all((lex.pos(w) or "")[:1] != "v" for w in words[1:])


def _subject_at_end(br: _Break) -> bool:
    """Does the line end on a personal pronoun that is the subject of the next line: after a conjunction, an adverb,
    a word of time or a demonstrative (PERSONAL_PRONOUNS are no demonstratives), 当 or a causative verb (当我们,
    这里我们, 让我们), before a line that opens with a predicate (PREDICATE_POS: 打印, 反而, 就) and does not restate
    the line (后来我们⏎⏎后来我们……: a title over its paragraph)? Not after a verb or a preposition, whose object it is
    (感谢有你, 关于我们), nor where the pronoun is all the line's Han characters."""
    segments = br._lseg or []
    if len(segments) < 2 or (br.lex.pos(br.first) or "")[:1] not in PREDICATE_POS:
        return False
    s, e = segments[-2]
    word = br.left[s:e]
    if br.right.startswith(word):
        return False
    if word in SUBJECT_BEFORE:
        return True
    return word not in PERSONAL_PRONOUNS and word not in PRONOUN_JOINERS and br.lex.pos(word) in SUBJECT_BEFORE_POS


#: The parts of speech (jieba's tags) of what 至 joins to the other end of a range (二十一人至, 五月一日至, 周一至):
#: a numeral, a measure word or a word of time. After anything else 至 may be the verb (寒潮将至, 客至).
RANGE_POS = frozenset({"m", "mq", "q", "t", "tg"})
#: ... and the units that end such a word (第三款至, 二十一人至, 三月至).
RANGE_UNITS = frozenset("条條款项項章节節编編日月年人时時次")


def _range_open(br: _Break) -> bool:
    """Does the line end on 至 standing alone after the first end of a range (二十一人至|二十七人, 第一项至|第五项)?"""
    segments = br._lseg or []
    if len(segments) < 2:
        return False
    s, e = segments[-2]
    word = br.left[s:e]
    return br.lex.pos(word) in RANGE_POS or word[-1] in RANGE_UNITS


def _attributive_zhi(br: _Break) -> bool:
    """Does the line end on 之 standing alone after a noun of two or more characters, the 的 of written and legal
    style, which goes before the noun it modifies (其内部单位之|设立, 丧失人身自由之|情报人员)? None of the lines of the
    clean corpora, LawRefBook and the documentation read for this rule ends so before a line that goes on to a
    sentence end. After a verb, 之 may be its object and end a line of classical verse (学而时习之), and after a
    word of one character too (邑人奇之, 解衣衣之: an adjective or a noun used as a verb)."""
    segments = br._lseg or []
    if len(segments) < 2:
        return False
    s, e = segments[-2]
    pos = br.lex.pos(br.left[s:e])
    return pos is not None and not pos.startswith("v") and e - s >= 2


def _joins_first(br: _Break, line: str) -> bool:
    """Does the line start with a conjunction that joins two nouns and cannot open a sentence (及其, 或者 without
    a comma after it)?"""
    if br.right[:1] not in NOUN_JOINERS and br.right[:2] not in NOUN_JOINERS:
        return False
    word = br.first
    return word in NOUN_JOINERS and line[len(word) : len(word) + 1] not in "，,、："


#: The parts of speech (jieba's tags) of a common noun: nouns and nominal verbs, not names of people or places. A
#: measure word counts one (这条|命令, 选择一个|名字); 之 standing alone at the start of a line goes before one of two
#: characters (第一项规定|之财产, 携去|之资料; classical 之 the verb, to go: 之广陵).
COMMON_NOUN_POS = frozenset({"n", "vn", "nz", "ng"})


def _zhi_before_noun(br: _Break) -> bool:
    """Does the next line open with 之 standing alone before a common noun of two characters (之财产, 之资料)? The
    attributive 之 of written and legal style follows what modifies the noun, on the line before; classical 之
    alone (之子于归: this) stands before a word of one character."""
    segments = br._rseg or []
    if len(segments) < 2:
        return False
    s, e = segments[1]
    return e - s == 2 and br.lex.pos(br.right[s:e]) in COMMON_NOUN_POS


#: Localizers (方位词), which close a phrase of time or place opened before them (移动到哈希 map 中|后，): none
#: stands alone before a comma at the start of a line. 上 and 下 are verbs too (冲啊⏎上，都给我上！): they count
#: only after a noun (桌子|上，, 大树|下，), VERB_LOCALIZERS.
LOCALIZERS = frozenset("后前中里内外间")
VERB_LOCALIZERS = frozenset("上下")
#: Words of 之 that follow the noun they belong to (有下列行为|之一的, 两国|之间): no sentence or title starts with one
#: (之前 and 之后 do, as adverbs of time; 之 alone does in classical Chinese: 之子于归).
BOUND_ZHI = frozenset({"之一", "之间", "之中", "之下", "之外", "之内", "之上", "之际", "之时", "之初", "之余"})
#: ... and postpositions that close a span of time or place opened before them (2016年|以来, 根节点|以外, 十日|以内,
#: 年底|为止): none starts a line in the 5,423 files of the clean corpora, LawRefBook and the documentation read for
#: this rule (以后, 以前, 以上, 以下 do: 以上证据……, 以下代码：).
POSTPOSITIONS = frozenset({"以来", "以外", "以内", "为止"})
#: The parts of speech of a character that no line can hold alone (a preposition, a conjunction, an adverb, a
#: particle: 对|多次实施前两款行为, 将|模块拆分成多个文件): a heading of one character is a noun or a verb (宏, 序).
#: Pronouns are left out (verse: 你⏎一会看我), and words of two characters (关于, 其他, 也许 open headings and verse).
LONE_LINE_POS = frozenset({"p", "c", "d"}) | PARTICLE_POS
#: ... nor a demonstrative or determiner, which goes before its noun or measure word (这|段代码意味着, 每|个实例):
#: jieba tags them as pronouns, with the personal pronouns that verse may set alone.
LONE_DETERMINERS = frozenset("这那此该其每各某")


#: Adverbs, modal verbs and the copula, which stand after a subject (你|会不需要, 实例|都合法了, 代码|是行不通的):
#: standing alone, none of these starts a line in the clean corpora (0 of the 5,319 line breaks between Han
#: characters in the zh-Hans tuning half) or in LawRefBook's 3,504 statutes and cases; the words they start do
#: (会上, 能否, 都市, 是否). Left out because a subjectless sentence, a paragraph under a heading, starts with them:
#: 可, 应, 还, 再, 已, 被 (可证明存在劳动关系的证据, 被继承人张乙…, both in LawRefBook), and 要, 也, 就, 将, 不, 把,
#: 对, 向 (要创建一个新项目，…; 把…作为…; 对违反本法规定的，…).
LINE_START_BOUND = frozenset("会會能都才又是")


#: A sentence of at most this many Han characters, and nothing else, ending in 。 (锦绣。, 编译。) does not open a
#: paragraph after a line in which a clause has begun (clause punctuation in it, no full stop after it): it ends
#: the sentence that line began (秋景如画，山河⏎锦绣。). In the clean corpora's tuning halves, of the 5,319 zh-Hans
#: and 1,388 zh-Hant lines that follow a line ending on a Han character, 5 open with a sentence of at most 5
#: Han characters, none of them after clause punctuation (a heading, then 呼！, 好极了！, 这会打印出 {…}。). Without
#: the clause a notice's list of lines would count (二〇二四年五月三日上午九时⏎会期半天。).
SHORT_END = 4
_SHORT_END = compile_re(f"[{HAN}]{{1,{SHORT_END}}}。")


#: A sentence-initial adverbial of place, time or circumstance: 在 and its frame, closed by a comma (在 InnoDB
#: 存储引擎中，, 在一致性非锁定读下，).
_FRAME_OPENING = compile_re(r"在[^，。；：！？,;:!?\n]{1,40}?[中下时上里后前内间]，")
# Markup or an opening mark before a line's first word (`code`, **bold**, [link], “quote”).
_MARKUP_START = compile_re(r"[`*_\[（(“「 \t\u3000][`*_\[\]（(“「 \t\u3000]*")


#: What follows a pronoun that is the subject of its sentence (jieba's tags, first letter): a predicate's first word
#: (PREDICATE_POS) or an adjective (我一般问……); or 自己.
SUBJECT_OF_POS = PREDICATE_POS | {"a"}


#: Conjunctions that open a subordinate clause, which cannot end a sentence (如果扣减失败的话, 虽然……).
SUBORDINATORS = frozenset(
    {
        "如果",
        "虽然",
        "当",
        "每当",
        "因为",
        "只要",
        "一旦",
        "要是",
        "假如",
        "即使",
        "尽管",
        "直到",
        "除非",
        "无论",
        "不管",
        "等到",
    }
)
#: What ends a subordinate clause of time or condition (……的时候, ……的话, 上线以后), as words of the lexicon's reading.
SUBORDINATE_ENDS = frozenset({"时候", "时", "的话", "以后", "之后", "以前", "之前", "期间"})


def _subordinate_end(br: "_Break", fragment: str) -> bool:
    """Does the line end inside a subordinate clause (如果扣减失败的话, 每次压测的时候, 客户端收到以后)? Its last clause
    opens with a subordinating conjunction (a word of the lexicon's reading: not 主要是, 当前) or ends with a word that
    closes one (时候, 的话; not 超时, 实时)."""
    clause = fragment[max(fragment.rfind(c) for c in "，,；;：:") + 1 :].strip()
    han = _HAN_HEAD.match(clause)
    if han is not None and any(w in SUBORDINATORS for w in br.lex.words(clause[: han.end()][:_WINDOW])[:2]):
        return True
    words = br.lex.words(br.left)
    return bool(words) and (words[-1] in SUBORDINATE_ENDS or "".join(words[-2:]) in SUBORDINATE_ENDS)


def _opens_sentence(next_line: str) -> bool:
    """Does the next line open a sentence of its own: a personal pronoun as the subject of what follows (我一般问几个
    问题……, 我们在平常开发中……), or an adverbial frame closed by a comma (在 InnoDB 存储引擎中，……)? Across a
    Markdown paragraph break, a paragraph before it that ends without its full stop is then a paragraph of its own,
    not a sentence cut in two (asked only where nothing but the model's association says otherwise)."""
    markup = _MARKUP_START.match(next_line)
    line = next_line[markup.end() :] if markup else next_line
    if _FRAME_OPENING.match(line):
        return True
    head = _HAN_HEAD.match(line[:_WINDOW])
    if head is None:
        return False
    words = lexicon().segment(head.group())
    first = head.group()[: words[0][1]]
    if first not in PERSONAL_PRONOUNS or len(words) < 2:
        return False
    second = head.group()[words[1][0] : words[1][1]]
    return second == "自己" or (lexicon().pos(second) or "")[:1] in SUBJECT_OF_POS


def _lone_word(prev_line: str, next_line: str, text: str, line_start: int) -> bool:
    """Is the line before the break one Han character that cannot stand alone, cut from what follows it?

    A preposition, conjunction, adverb or particle (LONE_LINE_POS: 对, 将, 据) after a line that ends with punctuation:
    in the 5,423 files of the clean corpora, LawRefBook and the documentation read for this rule, no such line
    stands before a line that starts with a Han character. Under a blank line below a line without punctuation (a
    heading), only before a verb or a modal verb (解构并分解值⏎⏎也⏎⏎可以使用模式……): a one-word answer or a line of
    verse stands there too (你还会回来吗⏎⏎不⏎⏎我再也不会……). A determiner (LONE_DETERMINERS: 这, 每) before a
    measure word or a numeral (这⏎段代码……), not in a block of lines without punctuation (verse); before anything
    else it is a glossary's headword (其⏎代词，……). (Any other character may be a heading of its own: a section
    number, 二, or a season in an essay, 冬, starts a word with the next line by accident: 二|人们, 冬|天寒地冻.)"""
    if len(prev_line) != 1 or not is_han(prev_line) or not next_line[:1]:
        return False
    lex = lexicon()
    if prev_line in LONE_DETERMINERS:
        first = next_line[0]
        return (first in word_list("classifiers") or first in _NUMERAL) and not _after_open_line(
            text, line_start, same_block=True
        )
    if lex.pos(prev_line) not in LONE_LINE_POS:
        return False
    if not _after_open_line(text, line_start):
        return True
    if _after_open_line(text, line_start, same_block=True):
        return False
    head = _HAN_HEAD.match(next_line[:_WINDOW])
    if head is None:
        return False
    words = lex.segment(head.group())
    word = head.group()[words[0][0] : words[0][1]]
    return (lex.pos(word) or "")[:1] == "v" or word in DANGLING_IN_CLAUSE_WORDS


@cache
def _measure_words() -> frozenset[str]:
    return word_list("classifiers")


def _measure_open(prev_line: str, next_line: str, text: str, line_start: int) -> bool:
    """Does the line end on a determiner and a measure word (这条, 每种, 那些) or a verb's 一 and a measure word
    (选择一个), before a line that opens with the common noun they count (这条⏎命令会在……)? A measure word waits for
    its noun. The line must be the two characters alone (not in a block of lines without punctuation: verse), or
    hold a clause (clause punctuation or a full stop in it): a title may end on a verb's 一个 (再来一个) over a
    paragraph that opens with a noun."""
    # (the two characters first, without a pattern: most lines end on neither)
    x, y = prev_line[-2:-1], prev_line[-1:]
    if (x not in LONE_DETERMINERS and x != "一") or (y not in _measure_words() and y != "些"):
        return False
    tail = _HAN_TAIL.search(prev_line[-_WINDOW:])
    head = _HAN_HEAD.match(next_line[:_WINDOW])
    if tail is None or head is None or len(tail.group()) < 2:
        return False
    left = tail.group()
    lex = lexicon()
    s, e = lex.segment(head.group())[0]
    if lex.pos(head.group()[s:e]) not in COMMON_NOUN_POS:
        return False
    if prev_line == x + y:
        return x != "一" and not _after_open_line(text, line_start, same_block=True)
    if _COMMA.search(prev_line) is None and "。" not in prev_line:
        return False
    if x in LONE_DETERMINERS:
        return True
    before = left[:-2]
    if not before:
        return False
    s, e = lex.segment(before)[-1]
    return (lex.pos(before[s:e]) or "")[:1] == "v"


def _number_cut_before_outline(prev_line: str, next_line: str) -> bool:
    """Is the line's last character 第 standing alone, before a line that looks like an outline heading (二、世界第三)?"""
    tail = _HAN_TAIL.search(prev_line[-_WINDOW:])
    head = _HAN_HEAD.match(next_line[:_WINDOW])
    if tail is None or head is None:
        return False
    # (the line ends with 第, so of _number_cut's tests only the one of 第 standing alone can hold)
    return _number_cut(_Break(tail.group(), head.group()), prev_line, next_line)


def _bound_first(br: _Break) -> bool:
    """Does the line start with one of LINE_START_BOUND standing alone (为什么你|会不需要可执行文件呢？)?"""
    return br.right[0] in LINE_START_BOUND and len(br.first) == 1


def _particle_first(br: _Break, next_line: str) -> bool:
    """Does the line start with a particle that belongs to the word before it (的, 了, 着, 地, 得), with a word
    of 之 that follows its noun (之一, 之后; not 之所以, which opens a sentence), or with a localizer standing alone
    before a comma (……中|后，)?"""
    right, pos = br.right, br.lex.pos
    if len(right) == 1 and next_line[1:2] in ("，", ","):
        if right in LOCALIZERS or (right in VERB_LOCALIZERS and pos(br.last) in COMMON_NOUN_POS):
            return True  # 移动到哈希 map 中|后，将不能……: a localizer alone closes the phrase of the line before
    if right[0] == "之":
        return br.first in BOUND_ZHI or (br.first == "之" and _zhi_before_noun(br))
    if right[:2] in POSTPOSITIONS and br.first in POSTPOSITIONS:
        return True  # (以外国货币 starts with 以|外国)
    particles = _tagged(PARTICLE_POS)  # (pos(w) in PARTICLE_POS for each w, as one set lookup)
    # (the first one to four characters; a slice longer than the line is the whole line)
    if (
        right[:1] not in particles
        and right[:2] not in particles
        and right[:3] not in particles
        and right[:4] not in particles
    ):
        return False  # no particle at the start: no segmentation needed
    if pos(br.first) not in PARTICLE_POS:
        return False
    # (a name of Wikipedia's titles that opens with the particle's character opens the line: 的的喀喀湖由……)
    try:
        return not any(len(name) > 2 for name in repeat_titles().prefixes(right))
    except UnicodeEncodeError:  # a lone surrogate: no name holds it
        return True


# A line that ends with a colon introduces what follows (a list, an example): it ends a sentence's first part
# (︰, U+FE30, is the colon of some traditional-script statutes: 得採行下列措施之一，並應載明於招標文件中︰).
_INTRODUCES = compile_re(r"[：:︰]$")
# Brackets and title marks (not quotation marks: a quoted verse or couplet may stand on two lines).
_OPENERS = {"（": "）", "(": ")", "《": "》", "【": "】"}
_OPENER_CHARS = compile_re("[" + "".join(_OPENERS).replace("(", "\\(").replace("[", "\\[") + "]")


def _bracket_across(fragment: str, next_line: str) -> bool:
    """Does the line leave a bracket or title mark open (央视网消息（新闻) that the next line closes before opening
    another (联播）：……)? Nothing ends a line inside brackets. Quotation marks do not count: verse and couplets
    are quoted on two lines (“床前明月光⏎疑是地上霜”)."""
    if not _OPENER_CHARS.search(fragment):
        return False  # the common case, in C
    depth: list[str] = []  # the openers still open
    for ch in fragment:
        if ch in _OPENERS:
            depth.append(ch)
        elif depth and ch == _OPENERS[depth[-1]]:
            depth.pop()
    if not depth:
        return False
    at = next_line.find(_OPENERS[depth[-1]])
    return at >= 0 and depth[-1] not in next_line[:at]


# Quotation marks and their closing ones, for ``_quote_across``.
_QUOTES = {"“": "”", "「": "」", "『": "』"}
_HAN_ONLY = compile_re(f"[{HAN}]+")
# Han text after the closing quotation mark, perhaps after white space: the sentence goes on (“时代 楷模 ”称号。).
_GOES_ON = compile_re(f"[ \\t\\u3000]*[{HAN}]")


def _quote_across(fragment: str, next_line: str) -> bool:
    """Does the line leave a quotation open (追授……同志“时代) that the next line closes before opening another, and
    then goes on with Han text after it (楷模 ”称号。, 骨头精神”发扬光大)? A quotation of two lines of verse or a
    couplet (“床前明月光⏎疑是地上霜”) ends with the next line, or its mark; a sentence quoting a phrase goes on."""
    if "“" not in fragment and "「" not in fragment and "『" not in fragment:
        return False  # the common case: no quotation opened on the line
    for opener, closer in _QUOTES.items():
        if fragment.count(opener) <= fragment.count(closer):
            continue
        at = next_line.find(closer)
        if at > 0 and opener not in next_line[:at] and _GOES_ON.match(next_line, at + 1):
            # (two lines of verse as long as each other, quoted whole before the sentence goes on: “床前明月光⏎
            # 疑是地上霜”这两句……, the review's)
            quoted = fragment[fragment.rfind(opener) + 1 :]
            return not (len(quoted) >= 4 and len(quoted) == at and _HAN_ONLY.fullmatch(quoted + next_line[:at]))
    return False


_LIST_ITEMS = compile_re(f"[{HAN}]+(?:、[{HAN}]+)+$")
_CLAUSE_BOUND = compile_re(r"[，；：,;:！？!?]")  # (what ends a clause: of a list of 、, of a frame)
_FIRST_ITEM = compile_re(f"([{HAN}]+)、")


def _list_item_cut(fragment: str, next_line: str) -> bool:
    """Does the line end in a list of items joined by 、 whose last item is cut, its rest opening the next line before
    the list's next 、 (丁薛祥、孙春兰、陈|希、吉炳轩……; 江西、福建、闽|赣、粤赣……)? The document's own items measure the
    cut: the last one on the line is shorter than every other item of its clause (the first one aside, which may hold
    the words before the list: 辖有江西), and with the rest on the next line it is no longer than the longest of them. A list set on several lines, whole items on each, does not cut one
    shorter than its siblings (丁薛祥、孙春兰⏎陈希、吉炳轩: 孙春兰 is as long as 丁薛祥)."""
    if "、" not in fragment or "、" not in next_line[:9]:
        return False  # the common case: no list at all
    m = _LIST_ITEMS.search(_CLAUSE_BOUND.split(fragment)[-1])
    first = _FIRST_ITEM.match(next_line)
    if m is None or first is None:
        return False
    *items, last = m.group().split("、")
    # (the first item may hold the words before the list, 辖有江西: measured by the others where there are any)
    lengths = [len(item) for item in (items[1:] or items)]
    return len(last) < min(lengths) and len(last) + len(first.group(1)) <= max(lengths)


def _lone_cut(br: _Break, compound: bool = False, lone_only: bool = False) -> bool:
    """Does each line leave a lone character at the break that the two join into a dictionary word (本|法施行,
    闭|包表现为), or does a long word cross it (``_long_cut``, names of two names included)? The lexicon's
    segmentation of the joined text must put a word across the break, and each side segmented alone must end
    (start) on a single character; or (``compound``) the word must be exactly the two words at the break
    (电子|商务). With ``lone_only``, only the first: two lone characters."""
    if not br.across:
        return False
    cut = len(br.left)
    across = [(s, e) for s, e in br.lex.segment(br.left + br.right) if s < cut < e]
    if not across:
        return False
    last, first = len(br.last), len(br.first)
    if last == 1 and first == 1:
        return True
    if lone_only:
        return False
    if _long_cut(br, of_names=True):
        return True  # a long name or term across the break (中华人民|共和国, 一人有限|责任公司)
    # a compound of the two words at the break (电子|商务), in a line that is not a headline
    return compound and across[0] == (cut - last, cut + first)


#: A word of the lexicon this long before a break inside a longer one is a name of its own: a title, a signature
#: or an address may be set on two lines after it (人民代表大会|常务委员会, 北京大学|光华管理学院, 国务院|新闻办公室).
NAME_PART = 3


def _long_cut(br: _Break, of_names: bool = False, line: str = "") -> bool:
    """Does the lexicon's segmentation of the joined text put a word of LONG_WORD characters or more, in use (above
    the lexicon's floor frequency), across the break (第五届全国|人民代表大会, 全国人民|代表大会常务委员会)? Unless
    ``of_names``, not where what the line before holds of it is a name of its own (a word of the lexicon in use, of
    NAME_PART characters or more: 中华人民共和国各级人民代表大会|常务委员会监督法, 北京大学|光华管理学院): a title,
    a signature or an address may be set on two lines there; nor where it is the whole ``line`` (a list of words,
    one per line: 分词结果如下：⏎中国⏎共产党⏎成立). No title or heading is set on two lines inside a name, and no
    headline runs into its story by accident with one."""
    if not br.across:
        return False
    cut = len(br.left)
    joined = br.left + br.right
    lex = br.lex
    for s, e in lex.segment(joined):
        if s < cut < e and e - s >= LONG_WORD:
            if of_names:
                return True
            head = joined[s:cut]
            return (
                lex.frequency(joined[s:e]) > UNATTESTED
                and head != line
                and not (len(head) >= NAME_PART and lex.frequency(head) > UNATTESTED)
            )
    return False


def _number_cut(br: _Break, prev_line: str, next_line: str) -> bool:
    """Is a Chinese numeral cut in two (第八|十一条, 第二百零|四条), an ordinal cut from its unit (第二十四|条), or
    the prefix 第 from its number (第|一百七十一条)?"""
    if _ORDINAL_END.search(prev_line) and next_line[0] in _UNITS:
        return True
    if prev_line[-1] == "第" and _ORDINAL_END.match("第" + br.right[0]):
        return br.last == "第"  # 第 standing alone, not the end of a word (书香门第, 状元及第, 府第)
    return prev_line[-1] in _NUMERAL and next_line[0] in _NUMERAL and (prev_line[-1] + next_line[0]) != "一一"


def _cuts_word(br: _Break, gate: bool = True) -> bool:
    """Does the break cut a word in two (生活物|资保障, 贡献了中|国智慧)?

    The Han characters on either side (up to 6 each) are segmented joined and apart; the break cuts a word when
    the joined segmentation puts a word across it and the word trigram model scores that reading higher than the
    two sides segmented apart (by more than CUT_MARGIN). With ``gate`` (the default), only where a word of the
    lexicon crosses the break, which spares the model most breaks; without it, where the two or three characters
    at the break are a word the model knows (闭|包, 援|疆, 迭代|器), which the lexicon may lack. A headline followed
    by its story puts words together by accident (15天|国铁集团 -> 天国), but the model prefers the reading apart
    there.
    """
    if gate and not br.across:
        return False  # no dictionary word crosses the break at all (a few lookups, no model)
    left, right = br.left[-_CUT_WINDOW:], br.right[:_CUT_WINDOW]
    cut = len(left)
    lm = _language_model()  # loaded only here, for a break that a dictionary word crosses
    if not gate:
        vocab = lm.vocab_id
        if (
            vocab(left[-1] + right[0]) is None
            and vocab(left[-2:] + right[0]) is None
            and vocab(left[-1] + right[:2]) is None
        ):
            return False  # nor a word of two or three characters across it in the model's vocabulary (闭|包, 迭代|器)
    joined = lm.segment(left + right)
    pos = 0
    for word in joined:
        if pos < cut < pos + len(word):
            break
        pos += len(word)
    else:
        return False
    apart = lm.segment(left) + lm.segment(right)
    return lm.score_tokens(joined) - lm.score_tokens(apart) > CUT_MARGIN


_langmodel = None


def _language_model():
    """The word trigram model. Its module is imported on first use (most texts never need the model), once: an
    import statement in each function that needs it took 1.4 us a call (0.09 us here), on nearly every break.
    ``language_model`` is still looked up on every call (a test replaces it)."""
    global _langmodel
    if _langmodel is None:
        from .. import langmodel

        _langmodel = langmodel
    return _langmodel.language_model()


@cache
def _tagged(tags: frozenset[str]) -> frozenset[str]:
    """The lexicon's words of these parts of speech (``Lexicon.words_tagged``), found once per process."""
    return lexicon().words_tagged(tags)


def _bound(lex, ch: str) -> bool:
    pos = lex.pos(ch)
    return pos is None or pos in BOUND_POS or lex.frequency(ch) < BOUND_FREQUENCY


RULE = BrokenLine(name="broken-line", doc=DOC, fixable="always", origin=__name__)
