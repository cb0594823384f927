"""broken-line: readings that find breaks the two lines once left open (a heading over its paragraph, a title
wrapped on two lines), each with the legitimate shape it must leave silent."""

from __future__ import annotations

import pytest

from zhproof import lint_text
from zhproof.checks import broken_line
from zhproof.model import Safety


def findings(text: str):
    return [d for d in lint_text(text) if d.rule == "broken-line"]


@pytest.mark.parametrize(
    "prev_line, next_line",
    [
        ("丁薛祥、孙春兰、陈", "希、吉炳轩、肖捷、刘奇葆参加会见。"),
        ("中央苏区发展到鼎盛时期，辖有江西、福建、闽", "赣、粤赣等4个省级苏维埃政权。"),
        ("韩正、孙春兰、胡春华、刘鹤和王勇、肖", "捷、赵克志等出席。"),
    ],
)
def test_a_list_item_cut_in_two_is_reported(prev_line, next_line):
    assert broken_line.judge(prev_line, next_line) == Safety.UNSAFE
    assert len(findings(f"{prev_line}\n{next_line}\n")) == 1


@pytest.mark.parametrize(
    "prev_line, next_line",
    [
        ("丁薛祥、孙春兰", "陈希、吉炳轩参加会见。"),  # whole items on each line: 孙春兰 is as long as 丁薛祥
        ("习近平、李克强、汪洋", "王沪宁、赵乐际参加。"),  # 汪洋 is short, but 汪洋王沪宁 is longer than any item
        # a headline with a list, over its story that opens with one (the last item is long)
        ("国务院安委办、应急管理部部署端午假期安全防范工作", "国务院安委办、应急管理部今天部署工作。"),
    ],
)
def test_whole_items_of_a_list_on_each_line_stay_open(prev_line, next_line):
    assert broken_line._judge(prev_line, next_line)[0] is None


@pytest.mark.parametrize(
    "prev_line, next_line",
    [
        ("央视网消息（新闻联播）：中共中央宣传部今天追授邱军、孙丽美同志“时代", "楷模 ”称号。"),
        ("硬骨头六连：把“硬", "骨头精神”发扬光大"),
    ],
)
def test_a_quotation_closed_on_the_next_line_that_goes_on_is_a_cut(prev_line, next_line):
    assert broken_line.judge(prev_line, next_line) == Safety.UNSAFE


@pytest.mark.parametrize(
    "prev_line, next_line",
    [
        ("“床前明月光", "疑是地上霜”"),  # a quoted couplet on two lines
        ("他说“床前明月光", "疑是地上霜”，这是李白的诗。"),
        ("诗中写道：“床前明月光", "疑是地上霜”这两句家喻户晓。"),  # (the review's: two lines as long as each other)
    ],
)
def test_a_quotation_that_ends_with_the_next_line_stays_open(prev_line, next_line):
    assert broken_line._judge(prev_line, next_line)[0] is None


@pytest.mark.parametrize(
    "prev_line, next_line",
    [
        ("我们会在第十八章里看到更", "多相关语法。"),
        ("当创建不", "可变和可变引用时，我们分别使用 & 和 &mut 语法。"),
        ("任何", "完全由 Send 的类型组成的类型也会自动被标记为 Send。"),
    ],
)
def test_a_line_that_ends_on_what_modifies_the_next_line_is_a_cut(prev_line, next_line):
    assert broken_line.judge(prev_line, next_line) == Safety.UNSAFE


@pytest.mark.parametrize(
    "prev_line, next_line",
    [
        ("为什么不", "本章回答这个问题。"),  # a title that ends on 不, over a paragraph that opens with its subject
        ("同意：不", "同意的请举手。"),  # a value after a colon
        ("万物皆可", "我们来看一个例子。"),
    ],
)
def test_a_title_that_ends_on_an_adverb_stays_open(prev_line, next_line):
    assert broken_line._judge(prev_line, next_line)[0] is None


@pytest.mark.parametrize(
    "prev_line, next_line",
    [
        ("据美国", "媒体报道，美国已经有16个州宣布取消强制口罩令。"),
        ("截至北京", "时间今天（5月20日）16时，美国累计确诊病例已超过3300万例。"),
        ("央视网消息（新闻联播）：据阿富汗黎明", "电视台今天（9月2日）报道，有消息称塔利班将宣布组建新政府。"),
    ],
)
def test_a_frame_of_source_or_time_without_its_verb_is_a_cut(prev_line, next_line):
    assert broken_line.judge(prev_line, next_line) == Safety.UNSAFE


@pytest.mark.parametrize(
    "prev_line, next_line",
    [
        ("据报道", "美国已经有16个州宣布取消强制口罩令。"),  # the frame is whole: 报道 is its verb
        ("据悉", "美国已经有16个州宣布取消强制口罩令。"),
        ("根据旧值更新一个值", "另一个常见的应用场景是根据旧的值更新它。"),  # a heading that opens with 根据
    ],
)
def test_a_whole_frame_or_a_heading_that_opens_with_a_preposition_stays_open(prev_line, next_line):
    assert broken_line._judge(prev_line, next_line)[0] is None
