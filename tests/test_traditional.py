"""traditional-char in traditional text: nothing that is correct in Taiwan's, Hong Kong's or OpenCC's own
standard, in a name or in Japanese is reported; slips of simplified characters still are."""

from __future__ import annotations

import pytest

import zhproof
from zhproof.checks import traditional_char as tc
from zhproof.data import char_table
from zhproof.model import Safety


def found(text, variant="zh-Hant"):
    return [
        (text[d.start : d.end], d.fix.edits[0].text if d.fix else None)
        for d in zhproof.lint_text(text, select=["traditional-char"], variant=variant)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "臺南市西庄里的居民",  # 庄 in a place name
        "郭晋安主演的電視劇",  # 晋 in a Hong Kong name
        "香港恒生指數上升，郭偉强說",  # names of OpenCC's Hong Kong table
        "他前往日本静岡県旅遊",  # a Japanese place name: 県 is Japanese only
        "這是我們的工作",
    ],
)
def test_correct_traditional_text_is_silent(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("這是我們的工作，交通运输很方便", [("运输", "運輸")]),
        ("村庄裡的人", [("庄", "莊")]),  # 庄 inside an ordinary word
        ("武侠小說", [("侠", "俠")]),
        ("我们去看看", [("们", "們")]),
    ],
)
def test_simplified_slips_are_still_reported(text, expected):
    assert found(text) == expected


def test_fix_follows_the_regional_forms_of_the_document():
    # the document writes Taiwan's 為 and 裡; the fix of 为 follows them, not OpenCC's 爲
    assert found("他為我們做事，在這裡工作，因为天氣好") == [("为", "為")]
    assert found("他爲我們做事，在這裏工作，因为天氣好") == [("为", "爲")]


def test_every_accepted_standard_is_consulted():
    # s2tw and s2hk accept 才 and 台 as they are, so no zh-Hant text is told to change them
    for ch in "台才吃":
        assert ch not in tc._candidates("simplified")[1]
    # a character of the name table is a candidate, judged by its word
    names = set(char_table("name-variants"))
    assert "庄" in names and names <= tc._candidates("simplified")[1]


def test_zh_hans_direction_unchanged():
    assert found("建立交通運輸“绿色通道”", "zh-Hans") == [("運輸", "运输")]
    # Japanese only forms mark a Japanese clause in simplified text too
    assert found("日本静岡県的温泉", "zh-Hans") == []
    assert found("静岡的温泉", "zh-Hans") == [("岡", "冈")]


def test_tables_are_not_loaded_at_import():
    import subprocess
    import sys

    code = (
        "import sys, zhproof, zhproof.checks.traditional_char, zhproof.checks.lost_character;"
        "print(any(m in sys.modules for m in ('opencc', 'zhproof.lexicon', 'zhproof.langmodel')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_the_document_counts_each_character_once():
    """traditional-char chooses among the standards by how often the document writes their differing forms; it
    counted the whole text again for every run of candidates, which made a simplified document checked as
    zh-Hant quadratic (a 6.5 MB file took six minutes). Each character is counted once per document now."""
    from zhproof.checks import traditional_char as tc

    class Counting(str):
        calls: list[str] = []

        def count(self, sub, *args):  # type: ignore[override]
            Counting.calls.append(sub)
            return super().count(sub, *args)

    text = Counting("里面裏面裡面" * 50)
    counts: dict[str, int] = {}
    versions = ["裏面", "裡面"]
    for _ in range(20):
        assert tc._choose(text, "里面", versions, counts) in versions
    assert sorted(Counting.calls) == ["裏", "裡"]
    assert counts == {"裏": 50, "裡": 50}


def test_a_japanese_document_is_left_alone_even_where_a_line_has_no_kana():
    # from JavaGuide's README_JA.md (never tuned on): headings and links of kanji only, in a Japanese document
    japanese = (
        "## 基礎\n\n- [BigDecimal 詳解](./docs/ja/bigdecimal.md)\n\nこの文書は日本語で書かれています。並行処理の章を"
        "読んでください。それぞれの章でくわしく説明しますので、まずは基本をしっかり押さえておきましょう。"
    )
    assert found(japanese, variant="zh-Hans") == []
    assert tc._japanese_document(japanese)
    # a Chinese document that quotes one Japanese sentence is Chinese: its slips are still found
    chinese = (
        "他说了一句日语：“ありがとうございます。”" + "我们的工作很重要，大家要认真对待。" * 20 + "建立交通運輸通道。"
    )
    assert not tc._japanese_document(chinese)
    assert found(chinese, variant="zh-Hans") == [("運輸", "运输")]
    # nor is a short one with a Japanese word in it: too few kana to be Japanese
    assert found("這個問題很重要。日语的「ありがとう」是谢谢。", variant="zh-Hans") != []


@pytest.mark.parametrize(
    "text",
    [
        "**English** | **[日本語](./README_JA.md)**",  # a link to the Japanese version, in its own name
        "- [繁體中文 / 繁体中文](https://zh-hant.example.org)",  # a name followed by its translation
        "[繁體中文](https://example.org/zh-TW/)",
    ],
)
def test_a_link_named_in_its_own_script_is_a_label(text):
    assert found(text, variant="zh-Hans") == []


def test_a_link_to_an_ordinary_page_is_still_judged():
    assert found("请看[交通運輸](https://example.org/transport)。", variant="zh-Hans") == [("運輸", "运输")]


def test_a_link_is_a_label_only_when_it_names_a_language_and_goes_to_its_version():
    # found by the review: a link to a Hong Kong page is an ordinary link; a simplified-script switcher in zh-Hant
    assert found("详见[這個政策](https://www.info.gov.hk/gia/general/2020.htm)的说明。", variant="zh-Hans") != []
    assert found("[English](README.md) | [简体中文](./README.zh-CN.md)\n\n這是一個工具。") == []


def test_a_simplified_report_quoting_a_traditional_notice_is_no_document_in_the_other_script():
    text = (
        "据台湾媒体报道，当局发布公告称：“為維護國家安全及社會安定，依據相關法規規定，自即日起實施以下各項管制措施，"
        "請民眾配合。”"
    )
    found = [d for d in zhproof.lint_text(text) if d.rule == "traditional-char"]
    assert len(found) == 1 and found[0].message.startswith("引文或标题里有")


def test_a_name_in_parentheses_after_its_romanisation_is_the_persons_own_writing():
    # found in React's zh-Hant documentation, never tuned on: a contributor's name as he writes it
    text = (
        "未來展望方面，[Xuan Huang (黄玄)](https://twitter.com/Huxpro) 分享了最新進展。請聯繫 Rick Hanlon （韩立克）。"
    )
    assert [d for d in zhproof.lint_text(text, variant="zh-Hant") if d.rule == "traditional-char"] == []
    # the same characters in running text are still a slip
    assert [
        d.rule for d in zhproof.lint_text("黄玄分享了最新進展。", variant="zh-Hant") if d.rule == "traditional-char"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "本教程使用 Visual Studio Code（編輯器）进行演示。",
        "我们下载并安装 Google Chrome (瀏覽器) 的最新版本。",
        "他毕业后去了 New York（紐約）工作。",
    ],
)
def test_a_gloss_in_parentheses_after_a_product_or_place_is_no_name(text):
    # found by the review: only a name that starts with a surname is a person's own writing
    assert [d.rule for d in zhproof.lint_text(text) if d.rule == "traditional-char"]


@pytest.mark.parametrize(
    "text",
    [
        "我们邀请了 Ming-Wei Chen (陳明偉) 分享。",
        "我们邀请了 Kwong Wai (鄺偉) 分享。",
        "我们邀请了 Ouyang Nana (歐陽娜娜) 演出。",
    ],
)
def test_names_after_their_romanisation_of_every_shape(text):
    # found by the second review: a hyphenated given name, a rare surname, a compound surname
    assert [d for d in zhproof.lint_text(text) if d.rule == "traditional-char"] == []


@pytest.mark.parametrize("text", ["例如“國”简化为“国”，“書”简化为“书”。", "繁体写作“體”，简体写作“体”。"])
def test_a_character_quoted_alone_is_mentioned_not_leaked(text):
    # (its whole-paragraph conversion turned the sentence into “国”简化为“国”: a review of encyclopedia prose)
    assert zhproof.lint_text(text, select="traditional-char") == []


def test_a_longer_quotation_in_the_other_script_is_still_reported():
    (d,) = zhproof.lint_text("他说“我們的國家”很好。", select="traditional-char")
    assert d.fix.safety is Safety.UNSAFE


def test_a_word_of_two_characters_quoted_in_the_other_script_is_still_reported():
    assert len(zhproof.lint_text("他笑着说“謝謝”。", select="traditional-char")) == 1


@pytest.mark.parametrize("text", ["今天天氣好，大家都出來晒衣服。", "這道菜肴很香。"])
@pytest.mark.parametrize("variant", ["zh-Hant", "zh-TW"])
def test_taiwan_standard_forms_are_right_in_traditional_text(text, variant):
    # Taiwan's list of common characters writes 晒 and 肴, not 曬 and 餚 (rules/hanzi/taiwan-standard.txt)
    assert found(text, variant) == []


def test_a_character_taiwan_lists_beside_its_counterpart_gets_an_unsafe_fix():
    # a held-out review's Taiwan blog: 牆壁常常發霉 had a safe fix to 發黴; Taiwan lists both 霉 and 黴
    (d,) = zhproof.lint_text("牆壁常常發霉。", select="traditional-char", variant="zh-Hant")
    assert d.fix.safety is Safety.UNSAFE and d.fix.edits[0].text == "黴"
    # the list holds 坏 too, but Taiwan's statutes write 壞 (1,716 times) and never 坏: a slip, fixed safely
    (d,) = zhproof.lint_text("這個東西坏了。", select="traditional-char", variant="zh-Hant")
    assert d.fix.safety is Safety.SAFE and d.fix.edits[0].text == "壞"
    (d,) = zhproof.lint_text("你在說什么？", select="traditional-char", variant="zh-TW")
    assert d.fix.safety is Safety.SAFE and d.fix.edits[0].text == "麼"


def test_the_form_both_regions_write_where_the_document_does_not_tell():
    # zh-Hant with no 為 or 爲 of its own: Taiwan and Hong Kong write 為 (OpenCC's own standard 爲)
    assert found("因为天氣好，我們去公園。") == [("为", "為")]
    # a document that writes 爲 gets 爲
    assert found("他爲我們做事，因为天氣好。") == [("为", "爲")]


def test_taiwan_standard_table_is_built_from_simplified_only_characters():
    table = char_table("taiwan-standard")
    simplified = char_table("simplified")
    assert table and set(table) <= set(simplified) and set(table.values()) <= {"sole", "both", "rare"}


def test_a_simplified_form_outside_the_basic_plane_is_a_persons_choice():
    # (虉 -> 𬟁, a held-out review's botany: a safe fix wrote a character many fonts lack)
    import zhproof
    from zhproof.model import Safety

    (d,) = zhproof.lint_text("草地上长着虉草和苔草。", select="traditional-char")
    assert d.fix.safety is Safety.UNSAFE and d.fix.edits[0].text == "𬟁"
    (d,) = zhproof.lint_text("草地上长着虉草，國家。", select="traditional-char")[1:]
    assert d.fix.safety is Safety.SAFE


def test_a_form_another_traditional_standard_writes_gets_an_unsafe_fix_in_a_regional_variant():
    # zh-HK: Hong Kong's table changes 晒 to 曬, but 晒 is the Cantonese particle of Hong Kong writing (食晒, 多謝晒)
    # and Taiwan's standard writes it: a safe fix turned 多謝晒你哋 into 多謝曬你哋
    text = "多謝晒你哋。啲嘢都食晒。"
    found = zhproof.lint_text(text, variant="zh-HK")
    assert [(d.rule, d.fix.safety) for d in found] == [("traditional-char", Safety.UNSAFE)] * 2
    assert zhproof.fix_text(text, variant="zh-HK") == text
    assert zhproof.fix_text("這是我们的工作", variant="zh-HK") == "這是我們的工作"  # a simplified form is still safe
