"""broken-line judged from the shape of the text (issue 11): the issue's three breaks, line structure that stays
silent, which fixes are safe, and that the model is not loaded for text without a candidate break."""

from __future__ import annotations

import pytest

from zhproof import fix_text, lint_text
from zhproof.checks import broken_line
from zhproof.model import Safety


def findings(text: str, variant: str = "zh-Hans"):
    return [d for d in lint_text(text, variant=variant) if d.rule == "broken-line"]


ISSUE_BREAKS = [
    (
        "会议指出，今年以来各地区各部门认真贯彻落实党中央决策部署，经济运行总体平稳，就业形势\n\n保持稳定，居民收入持续增长。",
        "就业形势保持稳定",
    ),
    (
        "据统计，全省共新建和改扩建农村公路三千多公里，惠及沿线群众一百二十多万人，有效改善了\n农村地区的出行条件。",
        "有效改善了农村地区",
    ),
    ("这一技术突破为我国新能源汽车产业的发展提供了有力支撑，也为全球气候治理贡献了中\n\n国智慧。", "贡献了中国智慧"),
]


@pytest.mark.parametrize("text,joined", ISSUE_BREAKS)
def test_the_issue_breaks_are_reported_and_joined(text, joined):
    found = findings(text)
    assert len(found) == 1
    d = found[0]
    assert "\n" in text[d.start : d.end]
    assert text[d.start - 1] + text[d.end] == joined[joined.index(text[d.start - 1]) :][:2]
    fixed = fix_text(text, unsafe=True)
    assert joined in fixed and "\n" not in fixed


def test_the_issue_breaks_together_in_one_document():
    text = "\n".join(t for t, _ in ISSUE_BREAKS)
    assert len(findings(text)) == 3


@pytest.mark.parametrize(
    "text",
    [
        # the photo credit of the issue, closing a paragraph, then the next paragraph
        "今天上午，市领导来到社区调研。 新华社记者 王明/摄\n今年春节期间，全市各级领导干部深入基层走访慰问困难群众。",
        "今天上午，市领导来到社区调研。（记者 王明 李华）\n今年春节期间，全市各级领导干部深入基层走访慰问困难群众。",
        # headlines and titles before their story
        "习近平会见外宾\n\n国家主席习近平今天在北京会见外宾。",
        "新华社评论员文章：选出新气象，开创新未来\n\n新华社今天播发评论员文章。",
        "首届全国消防行业职业技能大赛在南京举行\n\n首届全国消防行业职业技能大赛在江苏南京举行，来自全国的选手参赛。",
        "中华人民共和国农村土地\n承包经营纠纷调解仲裁法\n\n第一章 总则",
        # a heading, a list item, an article number on its own line (zh-Hant statutes write them so)
        "一、关于前一段疫情防控工作\n\n新冠肺炎疫情发生后，党中央高度重视。",
        "第一章 总则\n\n第一条 为了规范立法活动，制定本法。",
        "工程完工后应办理验收。\n第 65 條\n得標廠商應自行履行工程契約。",
        # signature and date line
        "特此通知。\n\n国务院办公厅\n2021年3月1日",
        # verse
        "床前明月光\n疑是地上霜\n举头望明月\n低头思故乡",
        # an address
        "联系地址：北京市西城区\n\n邮政编码100031",
    ],
)
def test_line_structure_stays_silent(text):
    assert findings(text) == []


def test_a_headline_that_is_a_sentence_ending_in_a_particle_is_silent():
    # 的 ends the headline; the story starts a new sentence
    assert findings("普京：美国即使给出承诺也是不可信的\n\n俄罗斯总统普京21日表示，美方的承诺不可信。") == []


@pytest.mark.parametrize(
    "text",
    [
        "第十七条 赡养人有义务耕种或者委托他人耕种老年人承包的田地，照管老年人的林木和牲畜，收益归老年人所有\n\n的，应当依法处理。",
        "（六）其他适当\n的管理教育措施。",  # a list item cut before a particle
        "国家加强武装力量建设，加强边防、海防和\n其他重大安全领域防卫力量建设。",  # ends on a conjunction
    ],
)
def test_cut_clauses_are_reported(text):
    assert len(findings(text)) == 1


def test_prose_is_safe_the_rest_unsafe():
    prose = findings("这里有一个问题。我们为世界防疫树立了\n\n典范。")
    assert [d.fix.safety for d in prose] == [Safety.SAFE]
    two_clauses = findings(ISSUE_BREAKS[0][0])
    assert [d.fix.safety for d in two_clauses] == [Safety.UNSAFE]
    # safe fixes alone leave an unsafe finding in place
    assert fix_text(ISSUE_BREAKS[0][0]) == ISSUE_BREAKS[0][0]


def test_the_word_cut_needs_the_model_to_prefer_the_joined_reading():
    # 行|为 is a word across the break, but the model reads 存储匹配的行 + 为了完成 apart
    assert not broken_line._cuts_word(broken_line._Break("存储匹配的行", "为了完成这个函"))
    assert broken_line._cuts_word(broken_line._Break("全球气候治理贡献了中", "国智慧"))


def test_fix_is_idempotent_and_loses_no_text():
    text = ISSUE_BREAKS[1][0]
    once = fix_text(text, unsafe=True, select="broken-line")
    assert fix_text(once, unsafe=True, select="broken-line") == once
    assert once.replace("\n", "") == text.replace("\n", "")


def test_no_model_for_text_without_a_candidate_break(monkeypatch):
    import zhproof.langmodel as langmodel

    def boom():
        raise AssertionError("language model loaded")

    monkeypatch.setattr(langmodel, "language_model", boom)
    assert findings("第一段。\n\n第二段，没有断开的句子。\n\nEnglish text\nand more.") == []
    with pytest.raises(AssertionError):
        findings("也为全球气候治理贡献了中\n\n国智慧。")


@pytest.mark.parametrize(
    "text",
    [
        "当事人不服人民法院第一审判决的，依照本法第八\n十一条的规定处理。",  # a numeral cut in two
        "第九十七条 本\n法施行前已依法订立的合同继续有效。",  # lone characters the lexicon joins (本法)
        "各级政府保证有关国防事务的法律、法规的\n遵守和执行。",  # 的 outside 是……的
        "应当为犯罪嫌疑人、被告人\n及其扶养的家属保留必需的生活费。",  # a conjunction that joins nouns
        "监察机关可以依法查询、监控涉嫌职务犯罪的公职人员\n\n或者相关人员的出入境情况。",
        "全国人大常委会第二十\n五次会议闭幕。",  # a number cut in two
        "为什么你\n会不需要可执行文件呢？通常 cargo check 要快得多。",  # a modal verb alone opens the line
        "里的所有这些 Point 实例\n都合法了！你可以在定义中使用任意多的泛型类型参数。",  # an adverb alone
        "所以下面的代码\n\n是行不通的：编译器会报错。",  # the copula alone
        "神州大地从南到北秋景如画，山河\n\n锦绣。处处是丰收的景象。",  # a clause begun, a short sentence ends it
        # a colon after a dateline, not a label: the sentence has begun
        "央视网消息（新闻联播）：国家卫生\n\n健康委今天（12月9日）通报，12月8日0—24时，31个省新增确诊病例。",
    ],
)
def test_more_reasons_for_a_cut(text):
    assert [d.fix.safety for d in findings(text)] == [Safety.UNSAFE]


@pytest.mark.parametrize(
    "text",
    [
        "用闭包和 map 方法将数字转换为字符串\n\n或者，也可以把一个函数作为参数。",  # 或者， opens a sentence
        "手动实现 Send 和 Sync 是不安全的\n\n通常并不需要手动实现它们。",  # 是……的 ends a sentence
        "示例 3-1：包含一个语句的 main 函数定义\n\n函数定义本身也是语句。",  # a caption
        # a title or heading wrapped on two lines is line structure (the next line does not end a sentence)
        "第二章 听取和审议人民政府、人民法院和\n\n人民检察院的专项工作报告\n\n第九条 常务委员会每年选择若干问题。",
        "中华人民共和国各级人民代表大会\n\n常务委员会监督法",
        # a heading, then a paragraph that opens with a word of 会, 是 or 都, or a subjectless sentence
        "座谈会在京召开\n\n会上，与会代表围绕草案进行了讨论。",
        "案件的基本情况\n\n是否构成犯罪，由人民法院依法判决。",
        "准备一个新项目\n\n要创建一个新项目，进入第一章所创建的目录。",
        "（一）劳动者与公司存在劳动关系\n\n可证明存在劳动关系的证据，书面合同最为直接。",
        "基本案情\n\n被继承人张乙与赵某系夫妻。两人生前未立遗嘱。",
        # a short sentence after a line without a clause in it: a heading, a list of lines
        "全书总结\n\n好极了。你已经完成了本书的学习。",
        "二〇二四年五月三日上午九时\n会期半天。",
        # a headline that names its speaker before a colon, then the story
        "习近平在中央政治局第三十次集体学习时强调：加强和改进国际传播工作\n\n新华社北京6月1日电 中共中央政治局5月31日下午"
        "就加强我国国际传播能力建设进行第三十次集体学习。",
        "外交部发言人就美方涉台言论答记者问：坚决反对\n\n有记者问，美方近日发表涉台言论，中方对此有何回应？",
    ],
)
def test_lines_that_end_or_start_a_sentence_stay_silent(text):
    assert findings(text) == []


# -- the document's own layout (issue 11): what the two lines alone leave open ---------------------------------

_PARAGRAPHS = [
    "今年以来，各地区各部门认真贯彻落实党中央决策部署，经济运行总体平稳。",
    "全省共新建和改扩建农村公路三千多公里，惠及沿线群众一百二十多万人。",
    "下一步，将继续推进重大项目落地，持续优化营商环境，激发市场主体活力。",
    "各地要加强组织领导，压实工作责任，确保各项任务落到实处。",
    "有关部门要加强监督检查，及时发现和解决工作中出现的问题。",
    "要坚持以人民为中心的发展思想，不断增强人民群众的获得感。",
]


def test_a_single_line_break_in_a_document_of_blank_line_paragraphs_is_reported():
    # a heading-like first half (no comma, no full stop) that the two lines alone cannot tell from a headline
    cut = "国务院有关部门应当加强协同\n配合和信息共享，按照各自职责做好相关工作。"
    text = "\n\n".join(_PARAGRAPHS[:3] + [cut] + _PARAGRAPHS[3:])
    found = findings(text)
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "\n"
    assert found[0].fix is not None and found[0].fix.safety is Safety.UNSAFE
    assert "加强协同配合和信息共享" in fix_text(text, unsafe=True)
    assert fix_text(text) == text  # the heading reading stays possible: no safe fix


def test_the_same_line_in_a_document_of_single_line_paragraphs_is_a_headline():
    cut = "国务院有关部门应当加强协同\n配合和信息共享，按照各自职责做好相关工作。"
    text = "\n".join(_PARAGRAPHS[:3] + [cut] + _PARAGRAPHS[3:])
    assert findings(text) == []


def test_a_heading_between_blank_lines_stays_silent():
    text = "\n\n".join(
        _PARAGRAPHS[:3] + ["加强组织领导", "各地要把这项工作摆上重要议事日程，主要负责同志亲自抓。"] + _PARAGRAPHS[3:]
    )
    assert findings(text) == []


def test_a_line_without_punctuation_in_running_prose_is_reported():
    # a statute-like text: articles ending with full stops, one article cut after its subject
    articles = [f"第{n}条 {p}" for n, p in zip("一二三四五六七八九十", _PARAGRAPHS * 2)]
    cut = "第十一条 任何个人和组织\n\n不得有危害国家安全的行为，不得向危害国家安全的个人或者组织提供任何资助或者协助。"
    text = "\n\n".join(articles * 10 + [cut] + articles)
    found = findings(text)
    assert [text[d.start - 3 : d.start] + "|" + text[d.end : d.end + 2] for d in found] == ["和组织|不得"]
    assert found[0].fix is not None and found[0].fix.safety is Safety.UNSAFE


def test_headlines_and_stories_stay_silent_even_with_many_sentences():
    story = "。".join(p.rstrip("。") for p in _PARAGRAPHS) + "。"
    headlines = [
        "韩正会见林郑月娥",
        "全国铁路今迎返程客流高峰",
        "国务院常务会议部署稳就业工作",
        "首届消费品博览会在海口开幕",
    ]
    text = "\n\n".join(x for h in headlines for x in (h, story))
    assert findings(text) == []


def test_the_first_line_and_labelled_lines_stand_apart():
    body = "\n\n".join(_PARAGRAPHS * 10)
    # a title on the first line, before running prose
    assert findings("关于加强营商环境建设的意见\n\n" + body) == []
    # a caption that opens with its label, then a note that opens with its own
    text = (
        body + "\n\n示例 10-16：尝试使用离开作用域的值的引用\n注意：示例中的代码无法编译，这是有意为之的。\n\n" + body
    )
    assert findings(text) == []
    # a list of figures, each on its own line, then a sentence
    text = body + "\n\n工商、金融界 300人\n\n专业界 300人\n\n选举委员会每届任期五年。\n\n" + body
    assert findings(text) == []


def test_a_word_only_the_model_knows_is_a_cut():
    # 闭包 (closure) is in the language model's vocabulary, not the lexicon's
    text = "返回闭包\n\n闭\n\n包表现为特征，这意味着不能直接返回闭包。"
    found = findings(text)
    assert any(text[d.start - 1] + text[d.end] == "闭包" for d in found)


def test_a_bracket_left_open_and_closed_on_the_next_line_is_a_break():
    text = "习近平同德国总理通电话\n\n央视网消息（新闻\n联播）：国家主席习近平今天下午同德国总理通电话。"
    found = findings(text)
    assert [text[d.start - 2 : d.start] + "|" + text[d.end : d.end + 2] for d in found] == ["新闻|联播"]
    assert found[0].fix is not None and found[0].fix.safety is Safety.UNSAFE
    # a bracket closed on its own line, or one the next line does not close, proves nothing
    assert not broken_line._bracket_across("会议审议了（草案）", "今天会见外宾（北京）。")
    assert not broken_line._bracket_across("会议通过了（草案", "今天会见外宾。")
    assert not broken_line._bracket_across("会议通过了（草案", "今天（北京）会见外宾。")  # it opens its own first
    assert broken_line._bracket_across("会议通过了《草案", "修改稿》。")
    # quotation marks do not count: verse and couplets are quoted on two lines
    assert not broken_line._bracket_across("他吟道：“床前明月光", "疑是地上霜”。")
    assert findings("他吟道：“床前明月光\n疑是地上霜”。") == []
    assert findings("会议通过了（草案\n\n今天会见外宾。") == []


def test_a_stanza_of_verse_in_a_document_of_blank_line_paragraphs_stays_silent():
    body = "\n\n".join(_PARAGRAPHS * 10)  # 60 paragraphs: the poem's three single line breaks are under 5%
    poem = "我是一朵云\n飘在蓝蓝的天上\n看着大地\n想着远方"
    assert findings(body + "\n\n" + poem + "\n\n" + body) == []


def test_an_inserted_article_number_on_its_own_line_stays_silent():
    # Taiwan's statutes number an article inserted later 第 19-1 條 (or 第十九條之一), on a line of its own
    articles = "\n".join(
        f"第 {n} 條\n本法所稱主管機關，在中央為司法院，在地方為各級法院，應依本法規定辦理。" for n in range(1, 150)
    )
    for label in ("第 19-1 條", "第十九條之一"):
        text = articles + f"\n{label}\n少年及家事法院應提供場所，供當事人進行調解。\n" + articles
        assert findings(text, variant="zh-Hant") == []


def test_white_space_before_a_quotation_mark_is_no_credit():
    text = "这段代码无法编译。变量 x 并没有 “存在的足够\n\n久”。其原因是 x 在到达第 7 行时已经离开了作用域。"
    found = findings(text)
    assert [text[d.start - 1] + "|" + text[d.end] for d in found] == ["够|久"]
    # a credit still stands apart
    assert findings("今天上午，市领导来到社区调研。 新华社记者 王明\n今年春节期间，全市干部深入基层。") == []


# -- cases from the review of the layout rules --------------------------------------------------------------------

_BIG = "\n\n".join(_PARAGRAPHS * 20)  # 120 sentences in blank-line paragraphs


@pytest.mark.parametrize(
    "heading",
    ["## 加强组织领导", "> 加强组织领导", "- 加强组织领导", "（一）加强组织领导", "1. 加强组织领导", "加强组织领导"],
)
def test_a_heading_in_a_long_document_stays_silent(heading):
    body = "各地要把这项工作摆上重要议事日程，主要负责同志亲自抓。"
    # an unnumbered heading right over its paragraph, in a document of blank-line paragraphs, is the one layout
    # the rule cannot tell from a cut sentence (国务院有关部门应当加强协同⏎配合……): it is reported, unsafe
    seps = ("\n\n", "\n") if heading != "加强组织领导" else ("\n\n",)
    for fmt in ("markdown", "text"):
        for sep in seps:
            text = _BIG + "\n\n" + heading + sep + body + "\n\n" + _BIG
            assert [d for d in lint_text(text, format=fmt) if d.rule == "broken-line"] == [], (fmt, sep)


def test_a_vertical_list_of_names_stays_silent():
    assert findings("获奖人员名单如下：\n钟文明\n王娜\n沈涛\n") == []
    assert findings(_BIG + "\n\n获奖人员名单如下：\n钟文明\n王娜\n沈涛\n\n" + _BIG) == []


@pytest.mark.parametrize(
    "top,bottom",
    [
        ("春天的故事\n王明\n\n", ""),
        ("关于加强营商环境建设的意见\n今年以来，各地持续优化营商环境。\n\n", ""),
        ("", "\n\n国务院办公厅\n二〇二三年五月一日\n"),
    ],
)
def test_titles_bylines_and_signatures_stay_silent(top, bottom):
    assert findings(top + _BIG + bottom) == []


def test_fixing_is_idempotent_when_the_document_is_near_the_blank_line_share():
    headed = "\n\n".join(f"加强第{n}项工作\n各地要把这项工作摆上重要议事日程，主要负责同志亲自抓。" for n in "一二三四")
    cut = "中国为全球气候治理贡献了中\n国智慧和中国方案，赢得了广泛赞誉。"
    text = "\n\n".join(_PARAGRAPHS * 9) + "\n\n" + headed + "\n\n" + cut
    reported = {(d.start, d.end) for d in findings(text)}
    once = fix_text(text, unsafe=True, select="broken-line")
    assert fix_text(once, unsafe=True, select="broken-line") == once
    # the fix joins what lint reports and nothing else
    assert len(text) - len(once) == sum(e - s for s, e in reported)


def test_a_word_cut_before_a_line_that_introduces_a_list_is_a_break():
    text = "有下列行为之一的，给予处罚；构成犯罪的，依法追究刑事\n\n责任：\n\n（一）以金钱或者其他财物收买选民的；"
    assert [text[d.start - 2 : d.start] + "|" + text[d.end : d.end + 2] for d in findings(text)] == ["刑事|责任"]
    # a caption that opens with its label, before the sentence that introduces the example, stays apart
    caption = "示例 11-10：一个调用了 println! 的函数的测试\n\n运行 cargo test 将会看到这些测试的输出："
    assert findings(caption) == []


def test_a_bracket_left_open_counts_even_after_spaced_words():
    # white space between Han characters reads as a credit (新华社记者 王明), but a bracket left open still counts
    text = "【奋斗百年路 启航新征程 中国\n\n共产党人的精神谱系】让井冈山精神放射出新的时代光芒。"
    assert [text[d.start - 2 : d.start] + "|" + text[d.end : d.end + 2] for d in findings(text)] == ["中国|共产"]


def _statute(*middle: str) -> str:
    """Ten numbered articles of prose, ``middle``, and the ten articles again: a short statute (under 100 full
    stops)."""
    articles = [f"第{n}条 {p}" for n, p in zip("一二三四五六七八九十", _PARAGRAPHS * 2)]
    return "\n\n".join([*articles, *middle, *articles])


def test_a_short_statute_with_a_few_cuts_is_still_running_prose():
    # 20 articles, fewer than 100 full stops: up to HEADLINE_MIN lines without punctuation before prose are cuts
    cuts = [
        "第十一条 任何个人和组织\n\n不得有危害国家安全的行为，不得向危害国家安全的个人或者组织提供任何资助或者协助。",
        "第十二条 城市绿化行政主管部门应当加强对附属绿化工程\n\n建设情况的监督检查，并给予技术指导。",
    ]
    text = _statute(*cuts)
    assert text.count("。") < 100
    found = findings(text)
    assert [text[d.start - 3 : d.start] + "|" + text[d.end : d.end + 2] for d in found] == [
        "和组织|不得",
        "化工程|建设",
    ]


def test_an_equation_or_a_document_number_before_prose_is_no_cut():
    lines = [
        "第十一条 应纳税额计算公式：\n\n应纳税额＝销售额×征收率\n\n小规模纳税人的标准由国务院财政、税务主管部门规定。",
        "法释〔2022〕8号\n\n为正确审理网络消费纠纷案件，依法保护消费者合法权益，制定本规定。",
    ]
    text = _statute(*lines)
    assert findings(text) == []


def test_the_floor_for_short_statutes_leaves_their_headings_and_captions_alone():
    # up to HEADLINE_MIN lines count only when each reads as a cut article: a heading or a caption does not
    for heading in ("起草情况说明", "表1 物业服务收费标准"):
        text = _statute(heading + "\n\n本办法草案经市人民政府常务会议讨论通过，现予公布施行。")
        assert findings(text) == [], heading


def test_an_equation_sign_inside_a_cut_article_does_not_hide_the_cut():
    cut = "第十三条 个人所得税的应纳税额按照应纳税所得额×适用税率计算并由扣缴义务人\n\n代扣代缴，纳税人应当予以配合。"
    text = _statute(cut)
    assert [text[d.start - 3 : d.start] + "|" + text[d.end : d.end + 2] for d in findings(text)] == ["义务人|代扣"]


@pytest.mark.parametrize("date", ["生效日期：2024 年 5 月 3 日", "二〇二四年五月三日", "发布时间：2021年12月31日"])
def test_a_date_line_before_its_paragraph_is_no_cut_word(date):
    # 日|本 reads as 日本 across the break, but a line that is a date ends there
    text = f"{date}\n\n本隐私政策描述了我们在本网站上处理您的信息的做法。本政策自发布之日起施行。\n"
    assert lint_text(text, select="broken-line") == []


def test_a_cut_after_a_date_inside_a_sentence_is_still_judged():
    text = "新华社北京电。国家主席习近平3月29日\n\n晚同布隆迪总统通电话，双方互致问候。\n"
    assert len(lint_text(text, select="broken-line")) == 1


def test_a_cut_paragraph_of_an_article_holds_a_modal_verb():
    # the second paragraph of an article, cut before any comma: its modal verb (应当) makes it a clause, not a
    # heading; an unnumbered heading of the same length has none
    cut = "第十一条 调解协议达成后，当事人应当履行。\n\n人民调解委员会应当对调解协议的履行情况\n\n进行监督，督促当事人履行约定的义务。"
    text = _statute(cut)
    assert [text[d.start - 3 : d.start] + "|" + text[d.end : d.end + 2] for d in findings(text)] == ["行情况|进行"]
    heading = "第十一条 调解协议达成后，当事人应当履行。\n\n人民调解委员会调解协议的履行情况说明\n\n本说明附于调解协议之后，供当事人查阅。"
    assert findings(_statute(heading)) == []


def test_a_chapter_heading_before_a_cut_article_makes_no_list():
    # a line without punctuation two lines up is a list or a stanza, unless it is the heading of a part
    cut = "第八章 检察官的职业保障\n\n第十一条 任何单位或者个人不得要求检察官从事超出\n法定职责范围的事务。"
    text = _statute(cut)
    assert [text[d.start - 3 : d.start] + "|" + text[d.end : d.end + 2] for d in findings(text)] == ["事超出|法定"]


def test_a_line_ending_on_a_word_that_ends_with_yu_dangles():
    assert broken_line.judge("这一规定仅适用于", "其所在的作用域内的行为。") is Safety.UNSAFE
    assert broken_line.judge("这有助于", "区分不同类型的数据。") is Safety.UNSAFE


def test_an_outline_heading_does_not_break_a_list_of_lines():
    # 一、参加人员 and the names under it: a list of lines in a notice of blank-line paragraphs, not a cut
    paragraphs = [
        "关于召开全市安全生产工作会议的通知",
        "各区县人民政府，市直有关部门：",
        "经市政府同意，定于近期召开全市安全生产工作会议。现将有关事项通知如下。",
        "一、参加人员\n各区县分管负责同志\n市直有关部门负责同志。",
        "二、会议时间\n二〇二四年五月三日上午九时\n会期半天。",
        "三、会议地点\n市政府三楼第一会议室\n请准时参加。",
        "请各单位高度重视，认真做好准备工作。会议期间请将手机调至静音状态。",
        "市政府办公室",
    ]
    assert findings("\n\n".join(paragraphs)) == []


@pytest.mark.parametrize("caption", ["申请人可以提交的证明材料", "不得公开的信息范围"])
def test_a_modal_inside_a_relative_clause_makes_no_cut_article(caption):
    text = _statute(f"第十一条 申请人应当如实提交材料。\n\n{caption}\n\n申请人应当提交身份证明和其他有关材料。")
    assert findings(text) == []


def test_an_item_of_a_list_of_clauses_cut_before_its_semicolon():
    # (三) opens an item, and the next line ends it with ；: an item of a list of clauses cut in two; the last item
    # ends with 。 after an item that ends with ；
    text = "公司有下列情形之一的，可以收购本公司股份：\n（一）减少公司注册资本；\n（二）将股份用于员工持股\n计划或者股权激励；\n（三）经国务院批准的国务院\n证券监督管理机构规定的其他情形。"
    assert [text[d.start - 2 : d.start] + "|" + text[d.end : d.end + 2] for d in findings(text)] == [
        "持股|计划",
        "务院|证券",
    ]
    assert all(d.fix.safety is Safety.UNSAFE for d in findings(text))


def test_a_numbered_heading_before_its_paragraph_is_no_cut_item():
    # (一) as a heading: its paragraph ends with 。 and the item before it is no clause of a list
    text = (
        "为做好安全生产工作，现提出如下意见。\n\n（一）总体要求\n\n以保障人民群众生命财产安全为目标，全面落实安全生产责任。"
        "\n\n（二）主要任务\n\n健全安全生产责任体系，加强重点行业领域监管。"
    )
    assert findings(text) == []


def test_a_line_ending_on_a_conjunction_before_a_line_that_introduces_a_list():
    # the next line ends with a colon (it introduces a list or an example), and the line before ends on 如果 or 和,
    # where no sentence or heading can end; a heading before such a line is silent
    assert broken_line.judge("如果", "尝试编译，会得到如下错误：") is Safety.UNSAFE
    assert broken_line.judge("地图送审仅需提交地图审核申请表和", "需要审核的地图样图或者样品：") is Safety.UNSAFE
    assert broken_line.judge("编译错误", "尝试编译，会得到如下错误：") is None


@pytest.mark.parametrize(
    "text",
    [
        # numbered headings over their first line, found by a review: no colon introduces them as a list
        "为做好工作，提出如下意见。\n（一）主要目标\n到2025年，全市建成一批示范项目；\n到2035年，全面实现现代化。",
        "二、基本原则\n（一）坚持党的全面领导\n把党的领导贯穿工作全过程各方面；\n（二）坚持以人民为中心\n"
        "始终把人民利益摆在至高无上的地位；\n（三）坚持系统观念\n统筹发展和安全，增强工作的系统性。",
        "第五条 双方的权利和义务\n（一）甲方的权利和义务\n甲方应当按照合同约定按时支付租金；\n"
        "（二）乙方的权利和义务\n乙方应当按照合同约定提供服务；",
        # a year in brackets is no item number
        "参见判决：\n（2020）京01民初123号判决书\n认定事实清楚；",
    ],
)
def test_numbered_headings_and_case_numbers_are_no_cut_items(text):
    assert findings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # an ordinal cut from its unit, or 第 from its number, before a heading or a line without a sentence end
        "第三章 妇女权益\n\n第二十条 妇女享有与男子平等的权利。\n\n第四\n\n章 劳动和社会保障权益\n\n"
        "第二十一条 国家保障妇女享有与男子平等的劳动权利。\n",
        "第一百七十条 有其他特别严重情节的。\n\n第\n\n一百七十一条 出售、购买伪造的货币的，处三年以下有期徒刑。\n",
    ],
)
def test_a_number_cut_before_a_heading_is_reported(text):
    assert [d.fix.safety for d in findings(text)] == [Safety.UNSAFE]


@pytest.mark.parametrize(
    "text",
    [
        # a statute's title set on two lines under its one-line title
        "中华人民共和国各级人民代表大会常务委员会监督法\n\n中华人民共和国各级人民代表大会\n\n常务委员会监督法\n\n"
        "2006年8月27日 第十届全国人民代表大会常务委员会第二十三次会议通过\n\n第一章 总则\n\n第一条 为保障监督职权，制定本法。\n",
        # a line that is only the first part of the long name: a heading over a list
        "下列法院受理：\n\n上海市\n\n浦东新区人民法院\n\n黄浦区人民法院\n",
    ],
)
def test_a_title_on_two_lines_and_a_heading_over_a_list_stay_silent(text):
    assert findings(text) == []


def test_a_line_that_ends_on_an_adverb_inside_a_clause_is_cut():
    # an adverb goes before the verb it modifies: no clause ends on one standing alone; a title may (我们都)
    assert broken_line.judge("为此，当创建不", "可变和可变引用时，我们分别使用 & 和 &mut 语法。") is Safety.UNSAFE
    assert broken_line.judge("经过讨论，我们都", "同意这个方案。") is Safety.UNSAFE
    assert broken_line.judge("我们都", "同意这个方案。") is None
    assert broken_line.judge("成都", "今天举行了发布会。") is None


def test_modal_verbs_determiners_and_bound_words_of_zhi_are_cuts():
    assert broken_line.judge("部分，以便能", "在 add_one crate 中使用它。") is Safety.UNSAFE
    assert broken_line.judge("o_macro crate，其", "包含名为 HelloMacro 的 trait。") is Safety.UNSAFE
    assert (
        broken_line.judge("监察机关及其工作人员有下列行为", "之一的，对负有责任的领导人员依法给予处分。")
        is Safety.UNSAFE
    )


@pytest.mark.parametrize(
    "prev_line,next_line",
    [
        # 之前 and 之所以 open sentences; 会, 只 and 要 end nouns and counts (部署会, 幼崽44只, 政要)
        ("创建多个生产者", "之前我们提到过，mpsc 是多个生产者、单个消费者的缩写。"),
        ("我们的经验", "之所以管用，是因为它来自实践。"),
        ("中央第七轮巡视动员部署会", "今天在北京召开。"),
        ("繁育成活大熊猫幼崽44只", "国家林草局发布，2020年全国繁育大熊猫幼崽44只。"),
        ("美国安局监视欧洲多国政要", "据报道，美国国家安全局曾利用合作关系监听欧洲政要。"),
    ],
)
def test_words_that_may_open_a_sentence_or_end_a_noun_are_no_cuts(prev_line, next_line):
    assert broken_line.judge(prev_line, next_line) is None


@pytest.mark.parametrize(
    "text",
    [
        # titles may end on an adverb or a modal verb; 也, 没 and 很 end sentences
        "万物皆可\n\n在这个时代，万物皆可互联。\n",
        "拒绝说不\n\n我们每个人都应该学会拒绝别人的无理要求。\n",
        "我们能\n\n只要团结一心，就一定能战胜困难。\n",
        "非也非也\n\n他摇着头走开了。\n",
        # 第 as the end of a word (门第, 及第), not the prefix of a number
        "书香门第\n三代人都是教师，家风很好。\n",
        "状元及第\n一时传为佳话，乡里都来祝贺。\n",
        # 之 alone opens classical verse
        "诗经选读\n之子于归，宜其室家。\n",
    ],
)
def test_titles_that_end_on_an_adverb_or_a_word_of_di_stay_silent(text):
    assert findings(text) == []


def test_a_break_between_characters_the_document_writes_together_elsewhere_is_a_cut():
    """全国供销|合作社 in a bulletin that writes 全国供销合作社 in another story: the document's own evidence, where
    the two lines alone could be a heading and its paragraph."""
    story = "全国供销合作社系统今年储备化肥三千万吨，保障农业生产。"
    cut = "全国供销\n\n合作社系统加大采购调运和储备力度，保障春耕用肥。"
    assert findings("春耕备耕有序推进。\n\n" + cut) == []  # without the evidence: a heading, then its story
    found = findings(story + "\n\n" + cut)
    # under a headline too (the first line of a bulletin's story); not when the next line ends no sentence
    assert len(findings(story + "\n\n春耕备耕有序推进\n\n" + cut)) == 1
    assert findings(story + "\n\n全国供销\n\n合作社系统加大采购调运和储备力度") == []
    assert [(d.fix.safety, d.message) for d in found] == [
        (Safety.UNSAFE, "断行：“全国供销”与下一行“合作社系统加”是同一句")
    ]


def test_a_heading_whose_last_words_run_on_into_the_paragraph_elsewhere_stays_silent():
    # 悬垂引用 then 生命周期的……: the document writes 引用生命周期 (two characters each side) elsewhere, but not
    # 垂引用生命周 (three each side); a title wrapped on two lines, whose parts the statute writes together
    text = "引用生命周期是本章的主题，我们先熟悉这个概念。\n\n悬垂引用\n\n生命周期的主要目标是避免悬垂引用。"
    statute = (
        "中华人民共和国各级人民代表大会\n\n常务委员会监督法\n\n第一条 为保障各级人民代表大会常务委员会依法行使监督"
        "职权，制定本法。"
    )
    interpretation = (
        "最高人民法院\n\n关于审理网络消费纠纷案件\n\n适用法律若干问题的规定（一）\n\n"
        "为正确审理网络消费纠纷案件适用法律，保护当事人合法权益，制定本规定。"
    )
    assert findings(text) == findings(statute) == findings(interpretation) == []


# -- a clause is no credit; a line that ends with a colon is a sentence ------------------------------------------


def test_a_clause_with_white_space_left_by_inline_code_is_no_credit():
    # white space between two Han characters (where inline code was removed) in a clause with a comma: prose
    text = "调用宏 之前 必须定义它，或将其引入作用\n\n域，而函数则可以在任何地方定义和调用。"
    found = findings(text)
    assert [text[d.start - 1] + "|" + text[d.end] for d in found] == ["用|域"]
    assert fix_text(text, unsafe=True) == "调用宏 之前 必须定义它，或将其引入作用域，而函数则可以在任何地方定义和调用。"
    # a credit with a comma inside its brackets stays a credit
    credit = "今天上午，市领导来到社区调研。（记者 王明，实习生 李华）\n今年春节期间，全市干部深入基层走访慰问。"
    assert findings(credit) == []


def test_a_line_that_ends_with_a_colon_goes_on_to_a_sentence_end():
    # the rest of a cut sentence that introduces a list or a listing: a sentence, judged as one
    text = "第二十五条 违反本条例第十二条第一款规定的，按照下列\n\n规定予以处罚：\n\n（一）违反第一项规定的，处一千元罚款。"
    assert len(findings(text)) == 1
    # but a caption before it (a label opens the line) stays apart, as does a heading
    assert findings("示例 11-10：一个调用了 println! 的函数的测试\n\n运行 cargo test 将会看到这些测试的输出：") == []
    # and a line of prose without its full stop is not joined safely to a line that ends with a colon
    prose = (
        "它只知道我们借用了同一个 slice 两次。本质上这是触及不安全代码的时候了\n\n示例 20-6 展示了如何使用 unsafe 块："
    )
    assert all(d.fix is None or d.fix.safety is not Safety.SAFE for d in findings(prose))


@pytest.mark.parametrize(
    "prev, nxt",
    [
        ("让", "我们回到前面的例子，再看一遍这段代码。"),
        ("这个函数本身需要是", "一个异步函数，这样我们才能等待它。"),
        ("这些措施的目的是使", "用户能够更方便地办理业务。"),
        ("请大家把意见和建议及时反馈给", "办公室的同志，以便汇总研究。"),
    ],
)
def test_a_line_that_ends_on_the_copula_or_a_causative_is_cut(prev, nxt):
    # no heading ends on 是, 让, 使 or 给 standing alone: they need what follows them
    text = "前面的段落到此结束。\n\n" + prev + "\n\n" + nxt
    assert len(findings(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "问：今天需要上班吗？\n答：是\n今天是工作日，需要正常上班。",
        "婚姻状况：已婚\n是否党员：是\n本人承诺以上信息属实。",
        "前面的段落到此结束。\n\n一人做事一人当\n\n这是他常说的一句话，也是他一生的写照。",
    ],
)
def test_a_value_after_a_colon_and_the_verb_dang_end_a_line(text):
    # a form's or a dialogue's answer (答：是) is a whole value; 当 is also a verb (to bear, to act as)
    assert findings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a credit or caption with a comma in an earlier clause is still a credit: never joined to the next story
        "今天上午，市领导来到社区调研。图为市领导与居民亲切交谈，了解居民需求 新华社记者 王明/摄\n今年春节期间，全市干部深入基层走访慰问。",
        "今天上午，市领导来到社区调研。记者 王明，通讯员 李华\n\n今年春节期间，全市干部深入基层走访慰问。",
        "今天上午，市领导来到社区调研。文/王明，图/李华\n今年春节期间，全市干部深入基层走访慰问。",
    ],
)
def test_a_credit_with_a_comma_stays_a_credit(text):
    assert findings(text) == []


def test_a_caption_above_a_paragraph_makes_no_block_with_its_first_line():
    # in a document of blank-line paragraphs, a caption or heading above the paragraph (across a blank line) does
    # not make the paragraph's cut first line part of a list or a stanza
    body = "\n\n".join(_PARAGRAPHS * 2)
    cut = "示例 7-1 中代码的模块树\n\n这个树展示了一些模块是如何\n被嵌入到另一个模块的，以及它们之间的关系。"
    found = findings(body + "\n\n" + cut + "\n\n" + body)
    assert [d.message for d in found] == ["断行：“些模块是如何”与下一行“被嵌入到另一”是同一句"]
    # a block of lines without punctuation is still apart (a title set on two lines, then its first line)
    block = "示例 7-1 中代码的模块树\n这个树展示了一些模块是如何\n被嵌入到另一个模块的，以及它们之间的关系。"
    assert findings(body + "\n\n" + block + "\n\n" + body) == []
    # and so are two lines under a heading that are a block of their own: a couplet, an address, a signature, a
    # poem's author line
    for two in (
        "登鹳雀楼\n\n白日依山尽\n黄河入海流。",
        "联系方式\n\n北京市海淀区中关村大街一号\n清华大学出版社收。",
        "特此通知\n\n北京市人民政府办公厅\n二〇二四年五月三日",
        "静夜思\n\n李白\n床前明月光，疑是地上霜。举头望明月，低头思故乡。",
    ):
        assert findings(body + "\n\n" + two + "\n\n" + body) == [], two


def test_the_items_of_a_list_do_not_make_a_document_of_single_line_breaks():
    # the single line breaks between a list's items are its structure: the paragraphs still stand between blank
    # lines, so a single line break inside one is a cut
    items = "\n".join(f"- 第{n}项工作安排" for n in "一二三四五六七八")
    body = "\n\n".join(_PARAGRAPHS)
    cut = "国务院有关部门应当加强协同\n配合和信息共享，按照各自职责做好相关工作。"
    text = body + "\n\n" + items + "\n\n" + cut + "\n\n" + body
    assert len(findings(text)) == 1


def test_a_long_run_of_blank_lines_changes_no_finding():
    # a text with a long run of white-space lines is searched with the pattern that takes each run whole (linear
    # time); it must find the same breaks as the pattern for ordinary text
    text = (
        "要落实防护物资、生活物\n\n资保障和防护措施。\n"
        "会议指出，经济运行总体平稳，就业形势 \n\n保持稳定，居民收入持续增长。\r\n"
        "也为全球气候治理贡献了中\r\n\r\n国智慧。\n习近平会见外宾\n\n国家主席习近平今天在北京会见外宾。"
        # a break between a Han character and a line that does not start with one is none
        "\n今天，国务院召开常务会议。会议指出，经济运行总体平稳\n\n、居民收入持续增长。"
    )
    plain = [(d.start, d.end, d.message, d.fix.safety if d.fix else None) for d in findings(text)]
    assert len(plain) == 3
    padded = text + "\n" + " \n" * (broken_line.LONG_RUN + 4) + "完。"
    assert broken_line._LONG_RUN.search(padded) and not broken_line._LONG_RUN.search(text)
    assert [(d.start, d.end, d.message, d.fix.safety if d.fix else None) for d in findings(padded)] == plain


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_a_markdown_heading_is_never_cut(fmt):
    # from JavaGuide, never tuned on: the heading's words run on into its paragraph (堆|堆是一种, 度|度表示)
    for text in (
        "## 什么是堆\n\n堆是一种满足以下条件的树：",
        "### 度\n\n度表示一个顶点包含多少条边，在有向图中分为出度和入度。",
    ):
        assert [d for d in lint_text(text, format=fmt) if d.rule == "broken-line"] == []


def test_a_markdown_paragraph_without_its_full_stop_is_no_cut():
    # informal writing ends paragraphs without 。: the shape alone is no evidence across a blank line in Markdown
    text = "在集群中，部分 master 不可用时，还是可以继续工作的\n\n在 Redis cluster 中，每个节点都存放一部分数据。"
    assert [d for d in lint_text(text, format="markdown") if d.rule == "broken-line"] == []
    assert [d.fix.safety for d in lint_text(text, format="text") if d.rule == "broken-line"] == [Safety.UNSAFE]


@pytest.mark.parametrize(
    "text",
    [
        "面试官问问题他就开始在脑子里面检索答案\n\n我一般问几个问题就知道该学生是不是在背八股文了。",
        "必须通过 **系统调用** 来间接访问内核空间\n\n我们在平常开发过程中接触最多的就是磁盘 IO。",
        "技术栈版本、常用命令、架构取舍、项目坑点\n\n我自己判断一条内容该不该放进去时，会用一个标准。",
        "如果记录的版本小于可见版本，则表示该记录可见\n\n在 `InnoDB` 存储引擎中，多版本控制就是对非锁定读的实现。",
        "环境属性包含访问的时间和位置，对象的设备，通信协议和加密强度等\n\n在 `ABAC模型` 的决策语句的执行过程中，决策引擎会计算结果。",
    ],
)
def test_a_markdown_paragraph_before_one_that_opens_a_sentence_is_no_cut(text):
    # found in documentation never tuned on (JavaGuide), where the model's association alone reported each: the
    # next paragraph opens with its subject (a pronoun and its predicate) or an adverbial frame closed by a comma
    assert [d for d in lint_text(text, format="markdown") if d.rule == "broken-line"] == []


@pytest.mark.parametrize(
    "text",
    [
        "这个操作会把所有的数据都写入我\n\n们的磁盘里面去，然后再返回。",  # a word cut: 我|们
        "对于这个问题，如果\n\n我们在平常开发中遇到，就要重启服务。",  # the line ends on a conjunction
        # found by the review of the opener test: a subordinate clause, a verb waiting for its object or for its
        # complement with 在 cannot end the paragraph, whatever the next one opens with
        "虽然这种方案实现起来比较简单，但是在数据量很大的时候\n\n我们会发现查询速度明显变慢。",
        "用户下单以后，系统会先扣减库存，如果扣减失败的话\n\n我们会把订单状态改为失败。",
        "代码评审的时候，组长总是一再提醒\n\n我们要注意异常处理和日志规范。",
        "这个工具的作用，就是帮助\n\n我们快速定位慢查询。",
        "为了方便统一管理，项目里所有的数据库连接配置都保存\n\n在 application.yml 中，启动时由 Spring 自动加载。",
        "根据我们的经验，这种死锁问题通常发生\n\n在两个事务同时更新同一批记录时，数据库会选择回滚其中一个。",
    ],
)
def test_a_cut_before_a_pronoun_across_a_markdown_paragraph_break_is_still_found(text):
    assert [d.fix.safety for d in lint_text(text, format="markdown") if d.rule == "broken-line"] == [Safety.UNSAFE]


@pytest.mark.parametrize(
    "text",
    [
        "在结束游标使用时，必须关闭游标，可能的话，释放游标(有赖于具\n\n体的 DBMS)。",  # a cut word
        "负责物业服务区域内安全生产及\n\n防灾、减灾、救灾等应急救援工作。",  # a line that ends on a conjunction
        "这一技术突破为我国新能源汽车产业的发展提供了有力支撑，也为全球气候治理贡献了中\n\n国智慧。",
    ],
)
def test_the_grammar_still_finds_cuts_across_a_markdown_paragraph_break(text):
    assert [d.fix.safety for d in lint_text(text, format="markdown") if d.rule == "broken-line"] == [Safety.UNSAFE]


def test_a_cut_word_across_a_markdown_paragraph_break_is_unsafe():
    # a blank line is the Markdown paragraph break: no join of two paragraphs is applied unreviewed
    text = "每段旅程都始于某处。也为全球气候治理贡献了中\n\n国智慧。"
    assert [d.fix.safety for d in lint_text(text, format="markdown") if d.rule == "broken-line"] == [Safety.UNSAFE]
    assert [d.fix.safety for d in lint_text(text, format="text") if d.rule == "broken-line"] == [Safety.SAFE]


def test_a_hash_line_with_a_clause_in_plain_text_may_be_cut():
    # in plain text a line starting with # may be a comment or a numbered note, not a heading
    text = "# 这是一个注释，说明了我们为什么要在这里使用中\n国的数据。"
    assert [d.rule for d in lint_text(text, format="text") if d.rule == "broken-line"] == ["broken-line"]


# -- tenth session: words that cannot end or open a line, and clauses the model relates ---------------------------


@pytest.mark.parametrize(
    "prev_line,next_line",
    [
        # a postposition closes a span opened before it: no line starts with one
        ("2016年", "以来，我国陆续建立了三江源等国家公园。"),
        ("在除了 crate 根节点", "以外的任何文件中，你可以定义子模块。"),
        # a clause that the next line goes on with (the model relates the two sides)
        ("今年以来，全国海关缉私部门", "与有关部门合作，破获了走私象牙、犀牛角等案件。"),
    ],
)
def test_postpositions_and_related_clauses_are_cuts(prev_line, next_line):
    assert broken_line.judge(prev_line, next_line) is Safety.UNSAFE


@pytest.mark.parametrize(
    "prev_line,next_line",
    [
        (
            "合营企业财务会计报告",
            "以外国货币作为记账本位币的合营企业，其编报的财务会计报告应当折算为人民币。",
        ),  # 以|外国
        ("宏", "我们已经在本书中使用过像 println! 这样的宏了。"),  # a heading of one word is a noun
        # a caption that a label opens, a list of numbers (no clause), a list item: not a clause cut by the model
        (
            "示例 10-25：示例 4-9 定义了一个没有使用生命周期注解的函数，即便其参数和返回值都是引用",
            "这个函数没有生命周期注解却能编译成功。",
        ),
        ("百集文献纪录片《山河岁月》今晚播出第五、六集", "由中央广播电视总台出品的百集文献纪录片今晚播出。"),
        ("- **代码质量**：命名规范、注释、可读性等", "使用 npx 命令安装，然后运行。"),
    ],
)
def test_what_only_looks_like_those_cuts_is_left_open(prev_line, next_line):
    assert broken_line.judge(prev_line, next_line) is None


def test_a_list_of_pronouns_is_no_cut_and_a_number_cut_before_an_outline_marker_is():
    assert findings("人称代词：\n我\n你\n他\n") == []
    found = findings("产能位居国内第\n\n二、世界第三。")
    assert [(d.start, d.end) for d in found] == [(7, 9)]
    assert fix_text("产能位居国内第\n\n二、世界第三。", unsafe=True) == "产能位居国内第二、世界第三。"


# -- from the review of the tenth session's change --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a word that ends in 第 before an outline heading: only a 第 standing alone is a number cut
        "一、科举之路\n他自幼勤学。然而三次应试皆落第\n二、转而经商\n他在扬州开设了一家盐号。",
        "他出身于有名的门第\n二、仕途\n他二十岁中举。",
        # verse and lists of words: lines of one word in a block of lines without punctuation
        "你\n一会看我\n一会看云\n我觉得\n你看我时很远\n你看云时很近",
        "也许\n明天会更好\n也许\n一切都会过去",
        "人称：\n我们\n你们\n他们\n大家\n自己",
        "常用副词：\n很\n非常\n十分\n特别",
        "人称代词：\n我\n你\n他\n指示代词：\n这\n那",
        "其他\n本办法未尽事宜，由市政府负责解释。",
    ],
)
def test_words_in_di_verse_and_word_lists_are_no_cuts(text):
    assert findings(text) == []


def test_a_lone_function_word_after_a_sentence_is_a_cut():
    text = "处罚如下。\n\n对\n\n多次实施前两款行为，未经处理的，按照累计数额处罚。"
    assert [(d.start, d.end) for d in findings(text)] == [(8, 10)]


def test_strong_association_still_cuts_list_items_captions_and_numbered_lists():
    # the exclusions (a list item, a caption's label, a list of numbers) hold only for the weaker evidence
    assert (
        broken_line.judge("（一）行政法规起草工作完成后，起草", "单位应当将草案及其说明等送国务院法制机构进行审查。")
        is Safety.UNSAFE
    )
    assert (
        broken_line.judge("各地要坚持口径统一、千方百计做好困难群众", "生活保障工作。") is Safety.UNSAFE
    )  # 一、千 is no list


# -- eleventh session: a long word cut in a title, a line of one character that starts a word ------------------


@pytest.mark.parametrize(
    "prev_line,next_line",
    [
        # a statute's history line: a date, white space (no credit) and a title that goes on without a sentence end
        ("（1983年3月5日 第五届全国", "人民代表大会常务委员会第二十六次会议通过）"),
        ("2006年12月2日 第六届全国人民", "代表大会常务委员会第十八次会议通过"),
        ("第一章 中华人民", "共和国概况"),  # a heading wrapped inside a name
    ],
)
def test_a_long_word_cut_is_a_break_before_a_title_too(prev_line, next_line):
    assert broken_line.judge(prev_line, next_line) is Safety.UNSAFE


@pytest.mark.parametrize(
    "prev_line,next_line",
    [
        ("中华人民共和国", "个人所得税法"),  # between words: a title set on two lines
        ("2006年12月2日 第六届全国人民代表大会", "常务委员会第十八次会议通过"),
        # after a name of its own: a signature, an affiliation or an address set on two lines
        ("北京大学", "光华管理学院"),
        ("中国科学院", "心理研究所"),
        ("国务院", "新闻办公室"),
        ("联合国", "安全理事会"),
    ],
)
def test_a_title_wrapped_between_words_or_after_a_name_stays_open(prev_line, next_line):
    assert broken_line.judge(prev_line, next_line) is None


def test_a_signature_of_an_institution_on_two_lines_and_a_list_of_words_stay_silent():
    assert findings("特此证明。\n\n北京大学\n光华管理学院\n2024年3月1日") == []
    # one word per line: 中国|共产党 and 人民|共和国 are no cut long words
    assert findings("分词结果如下：\n中国\n共产党\n成立\n于\n1921年") == []
    assert findings("课后词语\n\n人民\n\n共和国\n\n国旗\n\n国歌") == []


def test_a_line_of_one_character_that_is_a_heading_stays_silent():
    # a section number or a one-character heading in an essay starts words with the next line by accident (二|人们,
    # 冬|天寒地冻): only a function word standing alone is a cut
    for text in (
        "他走了。\n\n二\n\n人们常说，时间会冲淡一切。",
        "序幕。\n\n一\n\n天刚亮，村里就热闹起来。",
        "我喜欢四季。\n冬\n天寒地冻，大雪纷飞。",
        "宏\n\n我们已经在本书中使用过像 println! 这样的宏了。",
        "考察内容：\n\n栈\n\n栈是一种先进后出的数据结构。",
    ):
        assert findings(text) == [], text


def test_a_word_of_three_characters_only_the_model_knows_is_cut():
    # 迭代器 is no word of the lexicon; the model reads it across the break, far likelier than 迭代 | 器
    assert broken_line.judge("使用迭代", "器处理元素序列。") is Safety.UNSAFE


def test_a_title_cut_inside_a_word_only_the_model_knows_stays_open_for_a_list_of_names():
    # 使用迭代|器处理元素序列 is a cut; but names in a list or a signature read 明王 across 钟文明|王娜, and a title
    # and its author 诗宗 across 香菱学诗|宗璞: a title before a line without a sentence end is left to the layout
    assert broken_line.judge("钟文明", "王娜") is None
    assert findings("会议纪要如下。\n\n钟文明\n王娜") == []
    assert findings("本届获奖人员：\n\n钟文明\n王娜\n\n颁奖仪式在北京举行。") == []


def test_a_traditional_document_is_judged_in_simplified_characters():
    # the lexicon and the model are of simplified Chinese: 適用於 ends on 于, 與 is 与 (a conjunction)
    for text, cut in (
        ("前項規定，適用於\n\n中華民國領域內之一切犯罪行為。", "適用於"),
        ("經主管機關核准後，應將其財產與\n\n負債一併移轉。", "財產與"),
    ):
        found = lint_text(text, select="broken-line", variant="zh-Hant")
        assert [(text[d.start - 3 : d.start], d.fix.safety) for d in found] == [(cut, Safety.UNSAFE)]
        assert cut in found[0].message  # the message quotes the text as written
        assert fix_text(text, unsafe=True, variant="zh-Hant") == text.replace("\n\n", "")


@pytest.mark.parametrize(
    "text",
    [
        # verse set two half-lines to a line, a given name in a byline, a list of function words: 之 at a line's
        # edge is no particle cut from its noun there
        "桃之夭夭，灼灼其华\n之子于归，宜其室家。",
        "参差荇菜，左右芼之\n窈窕淑女，钟鼓乐之。",
        "撰稿：张明、刘敬之\n本期内容到此结束，感谢阅读。",
        "常用文言虚词：而、以、于、之\n以下分别举例说明。",
    ],
)
def test_zhi_at_a_line_s_edge_in_verse_names_and_lists_stays_silent(text):
    assert findings(text) == []


def test_an_article_number_alone_on_its_line_makes_no_block_with_the_article():
    # Taiwan's statutes set the article number on a line of its own (第 5 條): a cut first line of the article is
    # no line of a list under it
    # (a statute of numbered articles with one line without punctuation for its 110 sentences: running prose)
    articles = [f"第 {i} 條\n" + "本條例所定事項，由主管機關依法辦理之。" * 12 for i in range(1, 11)]
    articles[4] = "第 5 條\n意圖危害國家安全或社會\n安定，為大陸地區違反第二條第一項之規定者，處五年以下有期徒刑。"
    text = "兩岸人民關係條例\n" + "\n".join(articles) + "\n"
    found = lint_text(text, select="broken-line", variant="zh-Hant")
    assert [(text[d.start - 2 : d.start], d.fix.safety) for d in found] == [("社會", Safety.UNSAFE)]


def test_judge_takes_the_variant_of_the_lines():
    assert (
        broken_line.judge("前項規定，適用於", "中華民國領域內之一切犯罪行為。") is None
    )  # read as simplified: 於 is no 于
    assert broken_line.judge("前項規定，適用於", "中華民國領域內之一切犯罪行為。", variant="zh-Hant") is Safety.UNSAFE


def test_a_heading_before_an_article_in_traditional_script_stays_silent():
    text = "第五編 特別程序\n違法所得的沒收程序\n第二百九十八條　犯罪嫌疑人逃匿，在通緝一年後不能到案的，依照刑法規定應當追繳其違法所得。"
    assert lint_text(text, select="broken-line", variant="zh-Hant") == []


# Headings before their paragraph that the model ties to it (2.0 to 3.6): a line tied to the next by the model was
# tried as a cut and dropped (bench/README.md, twelfth session); these stay silent.
P = "今年以来，全市安全形势总体平稳。\n"


@pytest.mark.parametrize(
    "text",
    [
        P + "首届全国消防行业职业技能大赛在南京举行\n首届全国消防行业职业技能大赛今天在南京开幕。",  # restated
        P + "全国打击毁林专项行动启动\n国家林草局日前启动全国打击毁林专项行动。",  # unrelated
        # headings the model ties to their paragraph (2.0 to 3.6), found by the review
        P + "第三章 监督管理\n委员会由主任委员和委员组成。",
        P + "一、安全生产\n工作人员在现场忙碌，确保节日期间安全。",
        P + "（一）安全生产\n工作人员在现场忙碌，确保节日期间安全。",
        P + "注意：安全生产\n工作人员在现场忙碌，确保节日期间安全。",
        P + "> 安全生产\n工作人员在现场忙碌，确保节日期间安全。",
        "安全生产\n工作人员在现场忙碌，确保节日期间安全。",  # a document's first line
        "各单位要落实主体责任。\n\n安全生产\n\n工作人员在现场忙碌，确保节日期间安全。\n\n下一段。\n",
        "本章介绍诉讼参加人的有关规定。\n民事诉讼\n当事人可以申请回避，也可以委托代理人。",
        "国内联播快讯\n财经新闻\n记者从有关部门获悉，前三季度经济运行平稳。\n体育新闻\n记者从国家体育总局获悉，全运会筹备就绪。",
        P + "服务端\n程序运行在容器中。",
        "本章介紹訴訟參加人的有關規定。\n民事訴訟\n當事人可以申請迴避，也可以委託代理人。",
        # found by the second review: a notice's title under its number, a section title of 10+ characters (2.1
        # and 2.7: under STRUCTURE_ASSOCIATION), a title after a blank first line, a short title behind a number
        "人社部发〔2024〕5号\n关于做好冬季取暖工作的通知\n用人单位应当依法为职工缴纳社会保险费，保障职工合法权益。",
        P + "网络空间中的个人信息保护\n公民的个人信息受法律保护，任何组织和个人不得侵害。",
        "\n关于做好冬季取暖工作的通知\n用人单位应当依法为职工缴纳社会保险费，保障职工合法权益。",
        P + "Part 1 安全生产\n工作人员在现场忙碌，确保节日期间安全。",
        # a title wrapped on lines that its bracket closes
        "最高人民法院\n\n关于审理网络消费纠纷案件\n\n适用法律若干问题的规定（一）\n\n为正确审理网络消费纠纷案件适用法律，制定本规定。",
    ],
)
def test_a_heading_before_its_paragraph_stays_open(text):
    variant = "zh-Hant" if "訴訟" in text else "zh-Hans"
    assert findings(text, variant=variant) == []


@pytest.mark.parametrize(
    "prev_line,next_line",
    [
        # a lone character on each side that the lexicon joins into a word: a title wraps between words, not inside
        # one (the next line ends no sentence)
        ("【在新思想指引下】我", "国秋粮大面积开镰 农业科技加快推进"),
        ("关于加强本", "法实施工作的意见"),
    ],
)
def test_a_title_cut_between_two_lone_characters_of_a_word_is_a_cut(prev_line, next_line):
    assert broken_line.judge(prev_line, next_line) is Safety.UNSAFE


def test_a_headline_that_leaves_its_first_character_alone_is_cut():
    # 全⏎⏎国新冠病毒疫苗接种超过18亿剂: the headline's first word cut, its first character alone on a line
    text = "各地多措并举严守疫情防线\n\n全\n\n国新冠病毒疫苗接种超过18亿剂\n\n央视网消息：截至昨天，接种超过18亿剂。"
    assert [(d.rule, text[d.start - 1]) for d in findings(text)] == [("broken-line", "全")]
    assert broken_line.judge("全", "国新冠病毒疫苗接种超过18亿剂") is Safety.UNSAFE
    # a poem's title of one character, which its first line opens with again, is no cut
    assert broken_line.judge("走", "走啊走啊走") is None
    assert broken_line.judge("雪", "雪花飘满了山坡") is None


def test_a_credit_line_set_inside_a_sentence_is_not_glued_to_it():
    # newspaper layout set a credit line between the halves of 进出口: joining 张三 and 口总值 damaged the text
    text = "今年前三季度，我国货物贸易进出\n本版责编：张三\n口总值同比增长百分之二十二点七，规模创历史同期新高。"
    assert [text[d.start - 3 : d.start] for d in findings(text)] == []
    assert broken_line.judge("责任编辑：李四 王五", "口总值同比增长百分之二十二点七。") is None
    # a name cut in two is no credit line of its own (the line's name must be whole: two characters or more), nor
    # is an interview's question (its words open with no surname: 今, 请)
    assert broken_line.judge("他说，我们的编辑：张", "三口总值同比增长百分之二十二点七。") is not None
    assert broken_line.judge("记者：今年的大", "会在北京举行。") is not None
    assert broken_line.judge("记者：请您谈", "谈感受。") is not None


def test_text_set_one_character_per_line_is_no_cut_title():
    # 你⏎好: each line is one character, not a title wrapped inside a word (the last pair, 世⏎界, is another matter)
    text = "春联\n\n你\n好\n世\n界"
    assert text.index("你") + 1 not in {d.start for d in findings(text)}
    assert broken_line.judge("你", "好") is None


# A bulletin: each headline's words come back in its story (news style).
_BULLETIN = "\n\n".join(
    [
        "新闻联播",
        "习近平同越共中央总书记通电话",
        "国家主席习近平今天同越共中央总书记阮富仲通电话。",
        "全国春耕备耕有序推进",
        "当前，全国春耕备耕有序推进，农资供应总体充足。",
        "我国外汇储备保持稳定",
        "国家外汇管理局今天发布数据，我国外汇储备保持稳定。",
        "新一批国家级文化生态保护区公布",
        "文化和旅游部今天公布新一批国家级文化生态保护区名单。",
    ]
)


@pytest.mark.parametrize(
    "heading,paragraph",
    [
        # found by two reviews of a test tried and dropped in the thirteenth session (bench/README.md): a line that
        # holds a clause, or names nothing its paragraph takes up, before a paragraph; in a bulletin whose headlines
        # name their stories, they are still headlines, commentary titles, datelines, captions, questions
        ("坚持稳中求进，推动高质量发展", "过去一年，我国经济总量突破一百一十万亿元。"),
        ("守正创新，勇毅前行", "新的一年，我们要以更加昂扬的姿态迈向新征程。"),
        ("一季度经济开局良好，稳中向好态势持续", "国家统计局今天发布数据，主要指标好于预期。"),
        ("降雨、降温来了，出行请注意安全", "中央气象台预计，未来三天南方地区将有强降雨。"),
        ("3月5日，农民在田间驾驶农机进行春播作业", "据农业农村部统计，全国春播粮食已完成一成。"),
        ("忘记密码了，怎么办", "可以在登录页面点击找回，按提示重新设置。"),
        ("亲爱的妈妈，您好", "离家已经三个月了，我一切都好。"),
        ("新华社北京电", "记者从国家统计局获悉，上半年经济运行稳中向好。"),
        ("权威专家解读", "中国社会科学院研究员李明表示，政策效果正在显现。"),
        ("守护好人民群众身体健康", "医疗卫生机构要做好发热门诊的接诊工作。"),
        ("高质量发展的南京实践", "经验表明，创新是第一动力。"),
    ],
)
def test_headings_that_a_reviewer_wrote_stay_silent(heading, paragraph):
    for before in ("今年以来各项工作稳步推进。\n\n", _BULLETIN + "\n\n"):
        assert findings(before + heading + "\n\n" + paragraph) == []


_ARTICLES = [f"第{n}条 有关部门应当依法履行职责，做好相关工作。" for n in "一二三四五六七八九十"]


@pytest.mark.parametrize(
    "cut",
    [
        "第十一条 对违反本法规定的行为，依照本法\n\n第三十条的规定予以处罚。",
        "第十一条 有下列行为之一的，依照本法\n第二十二条之一处罚。",
        "第十一条 本条例依照本法\n第五条第二款制定。",
    ],
)
def test_a_line_that_opens_with_a_cited_article_is_no_heading(cut):
    # 第三十条的规定, 第二十二条之一处罚, 第五条第二款: a number the line goes on from without a space is cited inside
    # a sentence, not an article's heading
    text = "\n\n".join(_ARTICLES + [cut, "第十二条 本法自公布之日起施行。"])
    found = findings(text)
    assert len(found) == 1 and found[0].fix is not None and found[0].fix.safety is Safety.UNSAFE
    assert cut.split("\n")[0].split(" ")[1] + cut.split("\n")[-1] in fix_text(text, unsafe=True)


@pytest.mark.parametrize(
    "heading", ["第三十条 的规定予以处罚。", "第一百二十条之一 以暴力方法实施恐怖活动的，处十年以上有期徒刑。"]
)
def test_an_article_number_before_a_space_opens_an_article(heading):
    text = "\n\n".join(_ARTICLES + ["第十一条 对违反本法规定的行为，依照本法", heading])
    assert findings(text) == []


@pytest.mark.parametrize(
    "items",
    [
        ["（三）收取租金事项。", "（四）征收地租及生产\n物品之保管、销售事项。", "（五）其他事项。"],
        ["五、关于人事管理事项；", "六、关于外宾\n\n与侨民之接待及传译事项；", "七、其他交办事项。"],
        ["1. 研究企划组。", "2. 访查作业\n组。", "3. 教育交流组。"],
        # items that end inside a quotation (an amending decision)
        [
            "六、将刑法第三百九十二条修改为：“介绍贿赂的，处三年以下有期徒刑。”",
            "七、将刑法第三百九十三条修改\n\n为：“单位为谋取不正当利益而行贿的，对单位判处罚金。”",
            "八、将刑法第三百九十四条删去。",
        ],
    ],
)
def test_an_item_cut_in_a_list_of_one_line_items_is_a_cut(items):
    # in a statute, its sibling above ends a sentence on its own line: the item does not stand over a paragraph
    # as a heading
    text = "\n".join(_ARTICLES + ["第十一条 本处设下列各组，分别办理："] + items) + "\n"
    found = findings(text)
    assert len(found) == 1 and found[0].fix is not None and found[0].fix.safety is Safety.UNSAFE
    assert items[1].replace("\n", "") in fix_text(text, unsafe=True)


def test_the_first_item_cut_in_a_list_of_one_line_items_is_a_cut():
    # under the line that introduces the list, with a sibling below that is a whole line
    text = (
        "\n".join(_ARTICLES)
        + "\n第十一条 工程科掌理下列事项：\n（一）监造管理全园\n\n建筑事项。\n（二）建造修养全园道路事项。\n"
    )
    found = findings(text)
    assert len(found) == 1 and found[0].fix is not None and found[0].fix.safety is Safety.UNSAFE
    assert "（一）监造管理全园建筑事项。" in fix_text(text, unsafe=True)


def test_an_outline_heading_over_its_paragraph_stays_silent():
    # under a colon too, when its sibling below is a heading as well
    text = "主要任务如下：\n（一）加强组织领导\n各地要把这项工作摆上重要议事日程。\n（二）强化督促检查\n有关部门要及时发现问题。\n"
    assert findings(text) == []
    # the item above is a heading over its own paragraph, not a sentence of its own
    text = (
        "（一）主要目标\n到2025年，全市经济总量迈上新台阶。\n（二）重点任务\n加快建设现代产业体系，推动高质量发展。\n"
    )
    assert findings(text) == []
    text = "一、总体要求。\n（一）指导思想\n坚持以人民为中心的发展思想。\n（二）基本原则\n坚持稳中求进工作总基调。\n"
    assert findings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # found by a review: outside legal text, an item without punctuation after a one-line sibling is often a
        # heading over its paragraph (mixed outlines, standards, questions and answers)
        "（一）加强组织领导。各地区各部门要高度重视，切实加强领导。\n（二）强化资金保障\n各级财政要加大投入力度，确保资金及时到位。\n",
        "一、总体要求。\n二、主要任务\n推动经济高质量发展，加快建设现代化经济体系。\n",
        "4.1 产品应符合本文件的规定。\n4.2 外观\n产品表面应光洁，不应有裂纹。\n",
        "1. 居住证有效期多久？一年。\n2. 如何申领居住证\n向居住地公安派出所申请。\n",
        "①建立台账。\n②完善制度\n各单位要完善管理制度。\n",
        "工作要求如下：\n（一）加强组织领导\n各单位要成立专项工作组。\n（二）严格落实责任。各单位主要负责人为第一责任人。\n",
        # 第一条、 and 第一章、 label articles and parts in informal charters and contracts: no citation
        "某某协会章程\n第一章、总则\n第一条、本会名称为某某协会，英文名称为ABC。\n",
        "经协商一致，订立本合同\n第一条、甲方将其房屋出租给乙方使用。\n",
    ],
)
def test_outlines_and_charters_that_a_reviewer_wrote_stay_silent(text):
    assert findings(text) == []
    assert findings(text.replace("\n", "\r\n")) == []


@pytest.mark.parametrize(
    "text",
    [
        # a personal pronoun as the subject of the next line, after a word of time or place, 当, a conjunction or a
        # causative verb (session 14: none of the 12,107 lines of the clean corpora and the documentation read for
        # this rule that end without punctuation before a sentence ends so)
        "数据与结构体字段同名\n\n这里我们\n创建了一个新的 User 结构体实例。",
        "算符并修改其内部值。\n\n当我们\n\n打印出 a、b 和 c 时，可以看到它们都拥有修改后的值。",
        "我们的模块已经拆分完毕\n\n如果我们\n反而把 hosting.rs 放到别的目录，编译器会报错。",
        "这是一个游戏。\n\n让我们\n改变游戏规则：现在，当你掷出的是 3 时，你失去回合。",
        # (found by the review of session 14 among the breaks still missed)
        "首先我们\n需要安装 Rust 的工具链。",
        "如果您\n需要帮助，请联系客服。",
    ],
)
def test_a_line_that_ends_on_its_subject_is_a_cut(text):
    assert len(findings(text)) == 1, text


def test_a_subject_cut_in_traditional_script_is_a_cut():
    # 妳, 祢 and 牠 have no simplified form of their own: they are pronouns as they stand
    assert len(findings("當牠\n感到危險時，會立刻逃跑。", variant="zh-Hant")) == 1
    assert len(findings("在這裡我們\n建立了一個新的物件。", variant="zh-Hant")) == 1


@pytest.mark.parametrize(
    "text",
    [
        # a pronoun as an object, after a verb or a preposition, or joined to another, ends titles
        "感谢有你\n\n央视网消息（新闻联播）：百坭村位于广西西北部大山深处。",
        "关于我们\n\n我们是一家专注于中文校对的公司。",
        "我和你\n\n这首歌是二〇〇八年奥运会的主题曲。",
        "你我\n\n这是一首写给朋友的歌。",
        "在新组件中也添加它\n\n这可以精确控制哪些组件会被编译。",
        # texts of the review of session 14: a title over a paragraph that does not open with a predicate or that
        # restates it, a reply in a chat, verse and lyrics (in a block of lines without punctuation, after one, or
        # in Markdown paragraphs)
        "后来我们\n\n毕业以后，大家各奔东西。",
        "也许你\n\n也许你并不知道，这座城市曾经有过一条河。",
        "那年，我们\n\n二〇〇八年的夏天，我们都还年轻。",
        "谁去开会？\n就我\n好的，那你去吧。",
        "今天谁值班\n还是我\n好的，辛苦了。",
        "多年以后\n当你\n再次想起这个夏天。",
        "夜深了\n城市睡去\n只有我\n还醒着。",
        "春天来了\n花开了\n\n也许我们\n终将在某个路口重逢。",
        "为你翘课的那一天\n花落的那一天\n我怎么看不见\n\n还是你\n最懂我的心。",
        "左起：张三、李四、我\n摄于二〇〇八年北京。",
    ],
)
def test_a_title_that_ends_on_a_pronoun_as_its_object_stays_silent(text):
    assert findings(text) == [], text


def test_a_poem_in_markdown_paragraphs_stays_silent():
    text = "我走过许多地方\n\n而你\n\n一直在原地等我。\n"
    assert [d for d in lint_text(text, select="broken-line", format="markdown")] == []


@pytest.mark.parametrize(
    "text",
    [
        # texts of the review of session 14: 至 as the verb (arrive), a modal as a reply or in a slogan, 之 after a
        # word of one character used as a verb, a glossary's headword, a one-word answer
        "寒潮将至\n\n中央气象台今天发布寒潮蓝色预警。",
        "俄而大雨至\n河水暴涨，舟不得渡。",
        "这个会我必须参加吗？\n对，必须\n好吧，我准时到。",
        "未成年人能否单独办理？\n\n很遗憾，不能\n\n办理需要多长时间？",
        "酒驾，不能\n\n交警部门提醒广大驾驶人。",
        "邑人奇之\n稍稍宾客其父。",
        "解衣衣之\n推食食之。",
        "文言虚词\n\n其\n\n代词，表示第三人称，如“其人”。",
        "下面介绍文言虚词。\n其\n代词，表示第三人称，如“其人”。",
        "你还会回来吗\n\n不\n\n我再也不会回到这座城市了。",
    ],
)
def test_verbs_replies_verse_and_headwords_that_the_review_wrote_stay_silent(text):
    assert findings(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        # a modal verb of two characters at the end of a clause; a preposition standing alone (由, 至); 之 after a
        # noun, the 的 of legal style
        "可以使用 cargo build 构建项目；也可以\n\n使用 cargo run，在一个命令中同时编译并运行。",
        "通过部门信息共享能够获得的投资信息，不得\n\n再行要求报送。",
        "合议庭和法官独任审理的案件范围由\n\n法律规定。",
        "委员会由国民政府特派委员二十一人至\n二十七人组织之。",
        "会议时间为五月一日至\n五月三日。",
        "其他必要之\n措施，由主管机关定之。",
        "独立机关，其内部单位之\n\n设立，依机关掌理事务之繁简定之。",
    ],
)
def test_a_line_that_ends_on_a_modal_a_preposition_or_attributive_zhi_is_a_cut(text):
    assert len(findings(text)) == 1, text


def test_verse_that_ends_on_zhi_after_its_verb_stays_silent():
    assert findings("学而时习之\n不亦说乎？") == []


@pytest.mark.parametrize(
    "text",
    [
        # one adverb or determiner on its line, under a heading across a blank line (not verse: the lines of a
        # stanza follow each other)
        "解构并分解值\n\n也\n\n可以使用模式来解构结构体、枚举和元组。",
        "为具体类型实现的 impl 块\n\n这\n段代码意味着 Point 类型有一个方法。",
    ],
)
def test_a_lone_adverb_or_determiner_under_a_heading_is_a_cut(text):
    assert len(findings(text)) == 1, text


@pytest.mark.parametrize(
    "text",
    [
        # the first words of an article under its number set alone on a line, as Taiwan's statutes set it
        "第 17 條\n理事會置理事五人。\n第 18 條\n首長制\n機關之首長稱長或主任委員，合議制機關之首長稱主任委員。",
        "第 2 條\n法官\n\n學院（以下簡稱本學院）掌理下列事項：",
    ],
)
def test_the_first_line_of_an_article_under_its_number_is_a_cut(text):
    assert len(findings(text, variant="zh-Hant")) == 1, text


def test_a_chapter_title_under_its_number_stays_silent():
    text = "第 四 章\n法官之任用資格及待遇\n第 17 條\n法官之任用，依本法之規定。"
    assert findings(text, variant="zh-Hant") == []


def _taiwan_statute(cut: str) -> str:
    articles = [f"第 {n} 條\n本會委員之任期為{n}年，得連任一次。" for n in range(1, 12)]
    return (
        "法官學院組織法\n第 一 章 總則\n"
        + "\n".join(articles[:6])
        + "\n第 二 章 組織\n"
        + "\n".join(articles[6:])
        + cut
    )


def test_a_paragraph_cut_in_a_statute_of_numbered_article_lines_is_a_cut():
    # a statute that sets its article numbers alone on their lines numbers its headings (第 二 章 組織): a line
    # without punctuation between its paragraphs is a cut sentence (zh-Hant tuning half: one such line in 33 statutes,
    # a formula)
    text = _taiwan_statute("\n本學院得聘法官或其他專業\n\n人士兼任講座。")
    found = findings(text, variant="zh-Hant")
    assert [text[d.start - 2 : d.end + 2].strip() for d in found] == ["專業\n\n人士"]


def test_the_title_and_the_part_headings_of_such_a_statute_stay_silent():
    assert findings(_taiwan_statute(""), variant="zh-Hant") == []


def _numbered(articles: list[str], title: str = "國立某大學研究生學位考試辦法") -> str:
    return "\n".join([title] + [f"第 {n} 條\n{text}" for n, text in enumerate(articles, 1)])


_TW_ARTICLES = [f"本辦法第{n}項事務，由教務處依相關法令辦理之。" for n in "一二三四五六七八九十"] + [
    "本辦法經教務會議通過後施行。"
]


@pytest.mark.parametrize(
    "text",
    [
        # texts of the second review of session 14: articles with titles (Macau's laws, contracts, annotated codes),
        # a commentary's 說明 under every article, one-off labels, a formula, a statute's title in a compilation
        "\n".join(
            ["公共地方總規章"]
            + [f"第{n}條\n{t}\n{s}" for n, (t, s) in enumerate([("標的", "本法律訂定公共地方總規章。")] * 11, 1)]
        ),
        "\n".join(
            ["房屋租賃契約書"] + [f"第{n}條\n租賃標的\n甲方同意將房屋出租予乙方使用。" for n in "一二三四五六七八九十"]
        ),
        _numbered([a + "\n說明\n本條係參照現行規定訂定。" for a in _TW_ARTICLES]),
        _numbered(_TW_ARTICLES, title="香港特別行政區基本法\n序言\n香港自古以來就是中國的領土。"),
        _numbered(_TW_ARTICLES) + "\n附註\n本辦法於中華民國一百年一月一日訂定。",
        _numbered(_TW_ARTICLES) + "\n附表一\n申請延長修業年限者，應檢附證明文件。",
        _numbered(
            _TW_ARTICLES[:4]
            + [
                "學期成績之計算公式如下：\n學期成績＝期中考成績×百分之四十＋期末考成績×百分之六十\n前項成績以四捨五入計算至整數。"
            ]
            + _TW_ARTICLES[4:]
        ),
        _numbered(_TW_ARTICLES) + "\n中華民國憲法增修條文\n為因應國家統一前之需要，增修本憲法條文如左：",
    ],
)
def test_headings_and_labels_of_statutes_that_the_second_review_wrote_stay_silent(text):
    assert findings(text, variant="zh-Hant") == [], text


def test_a_cut_under_an_article_number_is_found_among_untitled_articles_only():
    cut = _numbered(_TW_ARTICLES[:5] + ["首長制\n機關之首長稱長或主任委員。"] + _TW_ARTICLES[5:])
    assert len(findings(cut, variant="zh-Hant")) == 1


@pytest.mark.parametrize(
    "middle",
    [
        # the captions and headings that earlier reviews wrote between the articles of a statute (see
        # test_the_floor_for_short_statutes_leaves_their_headings_and_captions_alone), in Taiwan's layout: a line
        # there is a cut only when it reads as a clause (a comma, a modal verb outside a relative clause) or a word
        # runs across the break
        "起草情況說明\n本辦法草案經市政府會議討論通過，現予公布施行。",
        "人民調解委員會調解協議的履行情況說明\n本說明附於調解協議之後，供當事人查閱。",
        "申請人可以提交的證明材料\n申請人應當提交身分證明和其他有關材料。",
    ],
)
def test_captions_between_the_articles_of_a_statute_in_taiwan_s_layout_stay_silent(middle):
    head = "\n".join(f"第 {n} 條\n{a}" for n, a in enumerate(_TW_ARTICLES[:5], 1))
    tail = "\n".join(f"第 {n} 條\n{a}" for n, a in enumerate(_TW_ARTICLES[5:], 6))
    assert findings(f"某辦法\n{head}\n{middle}\n{tail}", variant="zh-Hant") == []


@pytest.mark.parametrize(
    "text,cut",
    [
        ("出现异常时，系统会自动重试，如果扣减库存失败的话\n\n我们需要回滚整个事务。", True),  # a subordinate clause
        ("性能测试很重要，每次压测的时候\n\n我们都会记录各项指标。", True),
        ("先执行 pnpm install，等待依赖安装完成\n\n我们可以用 pnpm dev 启动开发服务器。", False),  # a verb that ends
        ("新版本的改动不大，主要是性能提升明显\n\n我们测了一下，快了一倍。", False),  # 要是 inside 主要是
        ("第一种方案可以用，当前方案的问题是内存占用偏高\n\n我们打算换成第二种。", False),  # 当 inside 当前
        ("请求会在三秒后超时\n\n我们可以调大这个值。", False),  # 时 inside 超时
    ],
)
def test_the_second_review_of_the_markdown_opener_test(text, cut):
    found = [d for d in lint_text(text, format="markdown") if d.rule == "broken-line"]
    assert bool(found) is cut


# -- in a line without a sentence end, white space is a credit only beside a role or a slash (sixteenth session) --


@pytest.mark.parametrize(
    "text",
    [
        # a double headline: white space between its two parts is no credit
        "携手推进抗疫复苏合作 共\n\n创共享亚太繁荣未来\n\n央视网消息（新闻联播）：亚太经合组织领导人非正式会议今天举行。",
        # white space that inline code left in a line of prose
        "在函数签名中，必须 声明每个参数\n的类型。这是 Rust 设计中经过深思熟虑的一个决定。",
    ],
)
def test_white_space_without_a_role_or_a_slash_is_no_credit(text):
    assert len(findings(text)) == 1


@pytest.mark.parametrize(
    "credit",
    ["新华社记者 王明", "新华社记者 王明/摄", "（记者 王明 李华）", "通讯员 李华", "本台记者 张三 李四"],
)
def test_a_credit_names_a_role_or_has_a_slash(credit):
    # (a line of its own: no sentence end before the credit)
    text = f"{credit}\n今年春节期间，全市各级领导干部深入基层走访慰问困难群众。"
    assert findings(text) == []


def test_a_role_keeps_a_line_without_a_sentence_end_a_credit():
    # a credit before a line that opens with 的 stays a credit; white space without a role is none (a particle
    # opening the next line is then a cut)
    assert findings("新华社记者 王明\n的镜头记录下了这一刻。") == []
    assert len(findings("雪后的长城 王明\n的镜头记录下了这一刻。")) == 1


@pytest.mark.parametrize(
    "credit",
    [
        "新华社记者 王明",
        "责编 张三",
        "美编 李四",
        "责任校对 王五",
        "监制 王五 统筹 赵六",
        "文 张三 图 李四",
        "张三 李四 报道",
        "口述 张三 整理 李四",
        "据 新华社",
        "图片来源 视觉中国",
        "主持人 王小丫",
        "——唐 王勃",
        "（完） 责编 张三",
    ],
)
def test_white_space_after_a_sentence_end_is_a_credit_with_or_without_a_role(credit):
    # this session's review's credits: after the line's last sentence, white space between Han characters is a credit
    # whatever its role (no safe join into the next paragraph)
    text = f"今天上午，市领导来到社区调研，看望慰问困难群众。 {credit}\n今年春节期间，全市各级领导干部深入基层走访慰问困难群众。"
    assert findings(text) == []


# -- a credit's slash stands beside Han or in a link; white space inside quotes is the quotation's (session 20) ------


@pytest.mark.parametrize(
    "text,cut",
    [
        # a path in prose (src/main.rs, ./target/debug) is no credit
        (
            "用 cargo build 构建了项目，并使用 ./target/debug/hello 运行了程序；也可以\n\n使用 cargo run 一步完成。",
            "以|使",
        ),
        ("如前所述。包可以同时包含一个 src/main.rs 二进制 crate 根\n和一个 src/lib.rs 库 crate 根。", "根|和"),
        # white space inside a quotation (a slogan, a title) is the quotation's own
        (
            "新闻舆论战线始终与时代共进步。“奋斗百年路 起航新征程”“沿着高速看\n中国”等报道，生动阐释新发展理念。",
            "看|中",
        ),
    ],
)
def test_a_slash_in_a_path_and_space_in_quotes_are_no_credit(text, cut):
    found = findings(text)
    assert [text[d.start - 1] + "|" + text[d.end] for d in found] == [cut]


@pytest.mark.parametrize(
    "credit",
    ["新华社记者 王明/摄", "图/视觉中国", "（新华社发 王明 / 摄）", "图源 https://example.com/p 视觉中国"],
)
def test_a_slash_beside_han_or_in_a_link_is_still_a_credit(credit):
    text = f"今天上午，市领导来到社区调研，看望慰问困难群众。 {credit}\n今年春节期间，全市各级领导干部深入基层走访慰问困难群众。"
    assert findings(text) == []
    # ... and so is white space outside quotes after a quotation
    quoted = "今天上午，市领导来到社区调研。“我们来了” 新华社记者 王明\n今年春节期间，全市干部深入基层走访慰问。"
    assert findings(quoted) == []


# -- the document's own words and labels across a break (session 20) ---------------------------------------------

_BULLETIN = (
    "习近平会见外宾\n\n央视网消息（新闻联播）：国家主席习近平今天在北京会见外宾。双方就共同关心的问题交换了意见。\n\n"
    "国内联播快讯\n\n"
)


@pytest.mark.parametrize(
    "story",
    [
        # the short side (消息) is bounded by a bracket: 央视网消息（ is written elsewhere
        "央视网\n消息（新闻联播）：今年以来，各地加快推进重大项目建设，投资保持较快增长。",
        # ... before a line that ends with a colon introducing the story
        "央视网\n消息（新闻联播）：\n\n今年以来，各地加快推进重大项目建设，投资保持较快增长。",
    ],
)
def test_a_short_side_bounded_by_punctuation_joined_elsewhere_is_a_cut(story):
    text = _BULLETIN + story
    found = findings(text)
    assert [text[d.start - 1] + "|" + text[d.end] for d in found] == ["网|消"]


def test_a_short_side_without_punctuation_or_a_label_of_its_own_is_not_joined():
    # 消息： opens lines of its own in this document: a label, not the rest of one
    text = (
        "习近平会见外宾\n\n央视网消息：国家主席习近平今天在北京会见外宾。\n\n消息：双方就共同关心的问题交换了意见。\n\n"
        "国内联播快讯\n\n央视网\n消息：今年以来，各地加快推进重大项目建设，投资保持较快增长。"
    )
    assert findings(text) == []


_LISTING = "它现在还不能编译：\n\n文件名：src/main.rs\n\n注意这里还有一个警告。\n\n"


def test_the_documents_own_label_cut_in_two_is_a_cut():
    text = _LISTING + "运行这段代码：\n\n文件\n名：src/lib.rs\n\n这段代码能够编译。"
    found = findings(text)
    assert [text[d.start - 1] + "|" + text[d.end] for d in found] == ["件|名"]


def test_a_one_character_line_or_a_label_of_its_own_is_no_label_cut():
    # the label on the next line opens other lines too (名：), so it is a label of its own
    cut = "文件\n名：src/lib.rs\n\n名：src/main.rs"
    text = _LISTING + "文件名：src/other.rs\n\n运行这段代码：\n\n" + cut + "\n\n这段代码能够编译。"
    assert findings(text) == []
    # a line of one character over a label is a line of its own by this reading (文|件 is a cut word all the same)
    text = _LISTING + "问\n答：src/lib.rs\n\n问答：src/main.rs"
    end = text.index("答：src/lib")
    assert not broken_line._label_cut(text, end, "问", "答：src/lib.rs")


# -- 之 standing alone before a common noun opens no line (session 20) ----------------------------------------------


@pytest.mark.parametrize(
    "prev,next_",
    [
        ("第一項規定", "之財產，如已移轉他人而無法返還時，應就其價額返還之。"),
        ("攜去", "之資料或證物，原持有之機關應加蓋圖章。"),
    ],
)
def test_zhi_alone_before_a_noun_opens_no_line(prev, next_):
    assert broken_line.judge(prev, next_, variant="zh-Hant") is not None


@pytest.mark.parametrize(
    "prev,next_",
    [
        # classical 之 (this) before a word of one character, and 之 the verb before a place name
        ("桃之夭夭，灼灼其华", "之子于归，宜其室家。"),
        ("故人西辞黄鹤楼", "之广陵，烟花三月下扬州。"),
    ],
)
def test_classical_zhi_at_the_start_of_a_line_is_no_cut(prev, next_):
    assert broken_line.judge(prev, next_) is None


# -- running prose before a line that ends with a colon (session 20) ---------------------------------------------


def test_running_prose_before_a_line_introducing_what_follows_is_a_cut():
    prev = "一个标准库中 map 方法的应用。使用 map 函数将一个数字 vector 转换"
    assert broken_line.judge(prev, "为一个字符串 vector，就可以使用闭包，如示例所示：") is not None
    # ︰ introduces what follows too (traditional-script statutes)
    prev = "機關辦理採購，除我國締結之條約或協定另有禁止規定者外，得採行下列"
    assert broken_line.judge(prev, "措施之一，並應載明於招標文件中︰", variant="zh-Hant") is not None


def test_a_heading_before_a_line_introducing_what_follows_is_no_cut():
    # no full stop in the line before: a heading over its paragraph
    assert broken_line.judge("构建并运行 Cargo 项目", "现在让我们来看看如何构建：") is None
    assert broken_line.judge("数据丢失问题的解决方案", "进行如下配置：") is None


# -- a line that opens with two parts cited in a row is inside a sentence (session 20) ------------------------------


@pytest.mark.parametrize(
    "prev,next_",
    [
        ("第三項第二款及第四項", "申請人對於駁回申請之處分不服者，得聲請撤銷。"),
        ("第一項及第二項安全查核", "結果，應通知受查核人，並許其陳述意見。"),
        ("第一項第一款至第三款之中央主管機關執行各該款所定", "事項，得依第十四條規定辦理。"),
    ],
)
def test_a_line_opening_with_cited_parts_is_a_cut(prev, next_):
    assert broken_line.judge(prev, next_, variant="zh-Hant") is not None


@pytest.mark.parametrize(
    "prev",
    [
        "第三条 本法所称的安全查核",  # an article's own number, then its text
        "第一项人员的安全查核",  # one part cited: may be a heading
        "第三章 安全查核",
    ],
)
def test_an_article_number_or_one_cited_part_opens_no_cut_sentence(prev):
    assert broken_line.judge(prev, "结果应当通知受查核人。") is None


def test_a_part_of_a_cited_part_starts_no_heading():
    # 第一條前段, 第二項前段: a citation inside a sentence, not an article's heading (session 20)
    text = "本法所稱智慧財產案件，為智慧財產案件審理法\n第一條前段所定之智慧財產案件。"
    assert len(findings(text, variant="zh-Hant")) == 1
    text = "犯陸海空軍刑法第四十二條第一項、第四十四條\n\n第二項前段、第五項之罪者，依本法處斷。"
    assert len(findings(text, variant="zh-Hant")) == 1
    # an article's number with its text stays a heading
    assert findings("本法所稱智慧財產案件，依下列規定\n第一條 前段所定之案件，由法院審理。", variant="zh-Hant") == []


# -- a localizer standing alone before a comma opens no line (session 20) -------------------------------------------


@pytest.mark.parametrize(
    "prev,next_",
    [
        ("当 insert 调用将 field_name 和 field_value 移动到哈希 map 中", "后，将不能使用这两个绑定。"),
        ("在自然资源资产审计、行业调查统计等工作", "中，应当使用地理国情监测成果。"),
    ],
)
def test_a_localizer_alone_before_a_comma_opens_no_line(prev, next_):
    assert broken_line.judge(prev, next_) is not None
    # across a Markdown paragraph break too: grammar, not the shape of the text
    assert broken_line.judge(prev, next_, paragraph=True) is not None


def test_a_localizer_that_starts_a_word_or_a_clause_may_open_a_line():
    assert broken_line.judge("第三章 数据的安全保护", "后来，有关部门进行了调整。") is None
    assert broken_line.judge("第三章 数据的安全保护", "上海，作为开放的前沿，率先试点。") is None


# -- a measure word cut from the noun it counts (session 20) --------------------------------------------------------


@pytest.mark.parametrize(
    "text,cut",
    [
        ("在项目目录下，输入下面的命令来构建项目：\n\n这条\n\n命令会在 target 目录生成一个可执行文件。", "条|命"),
        ("为了表达意图，可以为类型别名选择一个\n\n名字，这样代码更清楚。", "个|名"),
    ],
)
def test_a_measure_word_cut_from_its_noun_is_a_cut(text, cut):
    found = findings(text)
    assert [text[d.start - 1] + "|" + text[d.end] for d in found] == [cut]


@pytest.mark.parametrize(
    "text",
    [
        # a title that ends on a verb's 一个, over a paragraph that opens with a noun
        "这是上一期的回顾。\n\n再来一个\n\n问题是我们还没有解决旧的麻烦。",
        # a determiner and measure word in a block of lines without punctuation (verse)
        "春天来了\n这些\n花儿都开了。",
    ],
)
def test_a_title_or_verse_ending_on_a_measure_word_is_no_cut(text):
    assert findings(text) == []


# -- a preposition of two characters ends no line (session 20) -----------------------------------------------------


def test_a_preposition_of_two_characters_ends_no_line():
    text = (
        "警告提醒了我们原因所在：迭代器适配器是惰性的。\n\n为了\n\n修复这个警告并消费迭代器，我们将使用 collect 方法。"
    )
    found = findings(text)
    assert [text[d.start - 1] + "|" + text[d.end] for d in found] == ["了|修"]
    assert broken_line.judge("用人单位不能安排补休的，按照", "不低于工资的百分之二百支付工资报酬。") is not None


def test_a_verb_that_is_also_a_preposition_may_end_a_line():
    # 通过 the verb ends a sentence
    assert broken_line.judge("这次会议审议通过", "第十四届全国人民代表大会常务委员会第十次会议公告。") is None


def test_a_pronoun_after_a_verb_of_likeness_is_the_subject_of_its_clause():
    # (session 20) 就像我们|在 let 中做的那样: the clause that 像 takes
    assert (
        broken_line.judge("这一部分就是一个模式！就像我们", "在 let 中做的那样，也可以在函数参数中用模式。") is not None
    )
    # ... not where what follows is no predicate (像你|一样), nor a pronoun alone on its line (a heading)
    br = broken_line._Break("就像你", "一样的人")
    assert br.last == "你" and not broken_line._subject_at_end(br)
    assert broken_line.judge("我们", "在这里生活了二十年。") is None


def test_a_paragraph_cited_under_an_article_number_is_a_cut():
    # (session 20) 第十二條|第四項規定: a paragraph of the article cited; no article opens by citing its own
    assert broken_line.judge("第十二條", "第四項規定，於高等法院準用之。", variant="zh-Hant") is not None
    # an article number over its text, or over a line that cites another article, stays apart
    assert broken_line.judge("第 12 條", "本法自公布日施行。", variant="zh-Hant") is None
    assert broken_line.judge("第 12 條", "第三條規定，於本法準用之。", variant="zh-Hant") is None


def test_a_line_of_two_characters_joined_elsewhere_is_a_cut():
    # (session 20) the whole line before is two characters, and the document writes them with the next line's
    # first three elsewhere (专利申请人)
    head = "第一条 专利申请人可以委托专利代理机构办理。\n\n第二条 国务院专利行政部门负责复审。\n\n"
    text = head + "第三条 国务院专利行政部门复审后，作出决定。\n\n专利\n\n申请人对复审决定不服的，可以向人民法院起诉。"
    found = findings(text)
    assert [text[d.start - 1] + "|" + text[d.end] for d in found] == ["利|申"]
    # ... not where the document never writes them together (a heading of two characters over its paragraph)
    text = head + "第三条 国务院专利行政部门复审后，作出决定。\n\n附则\n\n申请人对复审决定不服的，可以向人民法院起诉。"
    assert findings(text) == []


def test_a_heading_of_two_characters_joined_elsewhere_only_as_words_side_by_side_stays_apart():
    # (session 20 review) the document writes 胸片可见 elsewhere, but 胸片|可见 is two words: a heading over its
    # paragraph, not a word cut in two (专利申请|人 crosses the break and stays a cut, above)
    text = (
        "缩窄性心包炎患者胸片可见心包钙化，心电图常有低电压。\n\n"
        "（四）检查\n\n胸片\n\n可见心影增大、有心包积液呈烧瓶状改变。"
    )
    assert [text[d.start - 1] + "|" + text[d.end] for d in findings(text)] == []


def test_the_new_readings_leave_headings_and_verbs_alone():
    # (session 20 review) 上 and 下 are verbs too: no localizer alone before a comma
    assert broken_line.judge("冲啊", "上，都给我上！") is None
    assert broken_line.judge("大家在山脚下集合", "上，还是不上，大家争论不休。") is None
    # ... but after a noun they are localizers (the review of the guard)
    assert broken_line.judge("他把书放在桌子", "上，然后走了。") is not None
    assert broken_line.judge("孩子们躲在大树", "下，等雨停。") is not None
    assert broken_line.judge("文件保存在服务器", "上，用户可以下载。") is not None
    assert broken_line.judge("他走进教室", "后，大家都站了起来。") is not None
    # an annotation's heading naming one paragraph of one article is no citation inside a sentence
    assert broken_line.judge("第十二条第一款", "本款是关于合同成立时间的规定。") is None
    assert (
        broken_line.judge("第三項第二款及第四項", "申請人對於處分不服者，得提起訴願。", variant="zh-Hant") is not None
    )
    # a short label with a colon, without a comma, heads what follows (使用方法：)
    assert broken_line.judge("本次更新修复了登录问题。新增夜间模式", "使用方法：") is None


STANZA = (
    "今年冬天我回来\n渡口还在，船夫换了人\n他问我去对岸做什么\n我说不做什么，只是看看\n"
    "他笑了，把竹篙往水里一撑\n船就轻轻地离了岸\n\n"
    "外婆的蒲扇轻轻地摇\n摇来一阵凉凉的风\n风里有稻花的香味\n有小河哗哗的歌声\n"
)


def test_verse_sets_its_phrases_on_lines_of_their_own():
    # (a held-out review's modern verse: 11 breaks reported, with commas inside the lines and no full stop; and
    # 摇|摇来, 风|风里: a line's last character opening the next, anadiplosis)
    assert findings(STANZA) == []


def test_a_word_cut_in_two_in_verse_is_still_a_break():
    text = STANZA.replace("我去对岸做什么", "我去对\n岸做什么")
    assert [text[d.start - 2 : d.end + 2] for d in findings(text)] == ["去对\n岸做"]


def test_a_figure_caption_over_the_paragraph_that_discusses_it_is_line_structure():
    # (a held-out review's academic text: the weak association of the caption's last item with the next sentence)
    text = (
        "结果如图5所示。\n\n图5 养护28 d试样的SEM照片：（a）基准组；（b）F20组；（c）F30组\n\n"
        "从图5（a）可以看出，基准组试样的水化产物较为致密。\n"
    )
    assert findings(text) == []


def test_a_line_that_opens_with_a_name_of_de_is_no_particle():
    # (的的喀喀湖, Titicaca, a name of Wikipedia's titles: a held-out review's geography under a heading)
    assert findings("地理\n\n的的喀喀湖由南北两部分组成，湖面海拔三千八百米。\n") == []
    assert len(findings("这是我们的工作做出\n\n的成绩，值得肯定。\n")) == 1


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_verse_with_other_line_breaks(newline):
    assert findings(STANZA.replace("\n", newline)) == []
