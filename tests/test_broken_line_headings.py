"""broken-line and the numbered headings of an outline (（六）着力办好办实民生实事，人民生活品质稳步提高 over its
paragraph, as government work reports set them): the document's own layout, the siblings of the item, tells a heading
from the first part of a statute's item cut in two."""

from __future__ import annotations

import pytest

from zhproof import lint_text
from zhproof.checks import broken_line


def findings(text: str):
    return [d for d in lint_text(text) if d.rule == "broken-line"]


def report(*sections: tuple[str, str]) -> str:
    """A report's outline: a paragraph, then numbered headings, each over its paragraph."""
    lines = ["一、过去一年的工作", "过去一年，我们坚持稳中求进工作总基调，经济社会发展取得新的成效。"]
    for heading, paragraph in sections:
        lines += [heading, paragraph]
    lines.append("各位代表，成绩来之不易。")
    return "\n".join(lines) + "\n"


SECTIONS = [
    ("（五）着力缩小城乡区域差距，协调发展水平明显提升", "念好新时代“山海经”。出台飞地园区支持政策，推动协作。"),
    ("（六）着力办好办实民生实事，人民生活品质稳步提高", "就业促进更有力。推动出台高质量充分就业促进条例。"),
    ("（七）着力促进文化繁荣兴盛，八闽气韵风采生动展现", "文化精品不断涌现。成功举办全球文明对话大会。"),
    ("（八）着力加强生态文明建设，美丽福建画卷加速绘就", "环境质量持续向优。入选首批美丽中国省域先行区。"),
    ("（九）着力践行安全发展理念，社会大局保持安定稳定", "安全形势总体平稳。生产安全事故起数下降。"),
]


def test_numbered_headings_with_a_comma_over_their_paragraphs_are_no_cuts():
    # (the model relates 稳步提高|就业促进 and 安定稳定|安全形势; 加速绘|就 reads as the adverb 就 after a clause: each
    # was reported as one sentence cut in two)
    assert findings(report(*SECTIONS)) == []


def test_the_same_line_is_still_judged_without_heading_siblings():
    # the line alone, under a paragraph and over another, with no sibling of its numbering: the model's
    # association after its comma still counts
    text = report(SECTIONS[3])
    assert [text[d.start - 2 : d.end + 2] for d in findings(text)] == ["绘就\n环境"]


def test_a_heading_over_a_paragraph_that_opens_with_a_short_sentence_is_no_cut():
    text = (
        "前言\n\n一段说明文字，写在前面。\n\n"
        "15. 你娶的姑娘就是会和你吵架的人\n\n你买的房子终要维修。理想工作必然伴随压力。\n\n"
        "16. 幸福人生不是没有压力，而是充满有意义的压力\n\n无需多言。\n\n"
        "17. 别把运动当成交易\n\n不要为了减肥而锻炼。这种心态会让你很快放弃。\n"
    )
    assert findings(text) == []


def test_a_statute_s_item_cut_in_two_among_whole_items_is_still_a_cut():
    text = (
        "第十二条 有下列情形之一的，由主管部门责令改正：\n"
        "（一）未经批准擅自从事经营活动，情节严重的；\n"
        "（二）伪造、变造许可证件，骗取\n补贴资金的；\n"
        "（三）拒不接受监督检查的。\n"
    )
    assert [text[d.start - 2 : d.end + 2] for d in findings(text)] == ["骗取\n补贴"]


def test_items_cut_in_two_side_by_side_are_no_headings_to_each_other():
    # the rest of (二) ends with ；, as an item's does: (二) is no heading over a paragraph, and (三) is judged as an
    # item of a list of clauses
    text = (
        "第十二条 有下列情形之一的，由主管部门责令改正：\n"
        "（一）未经批准擅自从事经营活动，情节严重的；\n"
        "（二）伪造、变造许可证件，骗取\n补贴资金的；\n"
        "（三）拒不接受监督检查，阻碍\n执法人员依法执行职务的。\n"
    )
    assert [text[d.start - 2 : d.end + 2] for d in findings(text)] == ["骗取\n补贴", "阻碍\n执法"]
    at = text.index("（三）")
    prev_line = "（三）拒不接受监督检查，阻碍"
    assert not broken_line._heading_siblings(
        text, at, at + len(prev_line) + 1 + len("执法人员依法执行职务的。"), prev_line
    )


def test_a_line_that_ends_where_no_title_can_is_a_cut_among_headings_too():
    # the grammar still counts under the layout: a heading does not end on 和
    sections = list(SECTIONS)
    sections[1] = ("（六）着力办好办实民生实事，人民生活品质和", "就业促进更有力。推动出台高质量充分就业促进条例。")
    text = report(*sections)
    assert [text[d.start - 2 : d.end + 2] for d in findings(text)] == ["质和\n就业"]


def test_items_whose_siblings_are_whole_paragraphs_are_no_headings():
    text = (
        "二、今年的重点工作\n"
        "（一）壮大实体经济，推动高质量发展。持续把发展经济的着力点放在实体经济上。\n"
        "（二）深挖内需潜力，畅通高效率循环。坚持以新需求牵引新供给，提振消费，扩大\n有效投资。\n"
        "（三）全面深化改革，扩大高水平开放。以改革激发动能。\n"
    )
    assert [text[d.start - 2 : d.end + 2] for d in findings(text)] == ["扩大\n有效"]


def test_siblings_that_are_a_list_of_lines_head_no_paragraphs():
    # (一)…(四) one under the other, each without punctuation: a list, not headings over paragraphs
    head = (
        "我们的主要经验是：\n"
        "（一）始终锚定机制活，持续深化改革开放\n"
        "（二）始终锚定产业优，着力构建现代化产业体系\n"
        "（三）始终锚定百姓富，扎实推进共同富裕\n"
    )
    prev_line, next_line = "（四）始终锚定生态美，加快全面绿色转型", "擦亮发展底色。"
    text = head + prev_line + "\n" + next_line + "\n各位代表，成绩来之不易。\n"
    after = len(head) + len(prev_line) + 1 + len(next_line)
    assert not broken_line._heading_siblings(text, len(head), after, prev_line)
    # ... while headings over paragraphs are
    text = head.replace("改革开放\n", "改革开放\n改革攻坚纵深突破。\n").replace("产业体系\n", "产业体系\n产业升级。\n")
    text = text.replace("共同富裕\n", "共同富裕\n收入增长。\n") + prev_line + "\n" + next_line + "\n"
    at = text.index("（四）")
    assert broken_line._heading_siblings(text, at, at + len(prev_line) + 1 + len(next_line), prev_line)


@pytest.mark.parametrize(
    "line,number",
    [
        ("（六）着力", 6),
        ("（十二）着力", 12),
        ("二十、完善", 20),
        ("(3) 标题", 3),
        ("12. 标题", 12),
        ("③标题", 3),
        ("第六", None),
    ],
)
def test_item_numbers(line, number):
    assert broken_line._item_number(line) == number


def test_siblings_are_found_across_long_sections():
    # a report's section may run for thousands of characters between its heading and the next one
    long = "推动出台高质量充分就业促进条例，城镇新增就业持续扩大。" * 200
    sections = [(heading, paragraph + long) for heading, paragraph in SECTIONS]
    assert findings(report(*sections)) == []


# The review's cuts among heading siblings: the heading reading must not hide what the line itself shows.
REVIEW_CUTS = [
    ("（六）着力办好民生实事，我们将", "全力推动就业，提高居民收入。"),  # a pronoun and a modal waiting for the verb
    ("（六）着力办好民生实事，坚持把人民", "群众的利益放在首位，办好民生实事。"),  # a compound the model relates
    ("（六）着力办好民生实事，城镇新增就业五十万人，居民", "收入稳步增长。"),  # three clauses
]


@pytest.mark.parametrize("prev_line, next_line", REVIEW_CUTS)
def test_a_heading_sibling_still_reports_what_its_line_shows(prev_line, next_line):
    assert broken_line._judge(prev_line, next_line, False, False, True)[0] is not None


def statute(last: str, prose: bool = True) -> str:
    """Ten articles set number and text on one line (prose), or number and title (a contract's), then ``last``."""
    if prose:
        body = "".join(f"第{n}条 本条例适用于本省第{n}项事务。\n\n" for n in "一二三四五六七八九十")
    else:
        body = "".join(f"第{n}条 合同标的\n\n甲方同意向乙方提供第{n}项服务。\n\n" for n in "一二三四五六七八九十")
    return body + last


def test_an_article_cut_after_its_number_and_first_words():
    # the tuning half's misses: an article's first line cut before any punctuation (law_101)
    text = statute("第十一条 为了进一步扩大对外\n\n开放，积极促进外商投资，保护外商投资合法权益。\n")
    assert [d.fix.safety.value for d in findings(text)] == [1]
    assert broken_line._prose_articles(statute(""))


def test_an_article_title_on_the_number_line_stays():
    # a contract's articles: number and title on one line, the text under it
    text = statute("第十一条 违约责任\n\n任何一方违约，应当赔偿对方的损失。\n", prose=False)
    assert findings(text) == []
    assert not broken_line._prose_articles(text)
