"""Markdown: only prose is linted, offsets point into the file, fixes leave code and front matter alone."""

from __future__ import annotations

import zhproof

DOC = """---
title: 疫情疫情
tags: [在在]
---

# 标题里的疫情疫情 `代码里的疫情疫情`

正文的疫情疫情，见 <https://example.com/疫情疫情> 和 [链接文字的在在](http://x.y/疫情疫情 "标题")，
还有 https://example.org/路径/疫情疫情 与 <span title="疫情疫情">行内 HTML</span>。
软换行的第一行
第二行。

> 引用里的朋友朋友。

- 列表项的在在
- 第二项

| 表头 | 第二 |
|---|---|
| 单元格的在在 | `疫情疫情` |

```python
print("疫情疫情，，")
```

    缩进代码 疫情疫情

<div>
HTML 块里的疫情疫情
</div>

末段行尾两个空格是硬换行  
下一行。
"""


def test_only_prose_is_linted():
    found = zhproof.lint_text(DOC, format="markdown")
    flagged = [(d.rule, DOC[d.start : d.end]) for d in found]
    lines = [DOC.count("\n", 0, d.start) + 1 for d in found]
    assert flagged == [
        ("duplicate-word", "疫情疫情"),  # heading
        ("duplicate-word", "疫情疫情"),  # paragraph
        ("duplicate-word", "在在"),  # link text
        ("duplicate-word", "朋友朋友"),  # block quote
        ("duplicate-word", "在在"),  # list item
        ("duplicate-word", "在在"),  # table cell
    ]
    assert lines == [6, 8, 8, 13, 15, 20]


def test_fix_leaves_everything_else_byte_identical():
    fixed = zhproof.fix_text(DOC, format="markdown", unsafe=True)
    expected = (
        DOC.replace("# 标题里的疫情疫情", "# 标题里的疫情")
        .replace("正文的疫情疫情", "正文的疫情")
        .replace("链接文字的在在", "链接文字的在")
        .replace("引用里的朋友朋友", "引用里的朋友")
        .replace("列表项的在在", "列表项的在")
        .replace("单元格的在在", "单元格的在")
    )
    assert fixed == expected
    assert zhproof.lint_text(fixed, format="markdown") == []


def test_blank_line_splitting_a_sentence_is_a_broken_line():
    text = "这是第一段，我们要落实生活物\n\n资保障。\n"  # a word cut in two
    assert [d.rule for d in zhproof.lint_text(text, format="markdown")] == ["broken-line"]
    text = "第一句话。我们要落实防护物资、生活物\n\n资保障和防护措施。\n"
    assert [d.rule for d in zhproof.lint_text(text, format="markdown")] == ["broken-line"]
    text = "第一句话。我们要落实防护物资、生活物\n资保障和防护措施。\n"
    assert zhproof.lint_text(text, format="markdown") == []  # a soft break
    assert [d.rule for d in zhproof.lint_text(text)] == ["broken-line"]  # plain text: a broken line


def test_suppression_comments():
    text = (
        "<!-- zhproof-disable duplicate-word -->\n\n朋友朋友。\n\n<!-- zhproof-enable -->\n\n朋友朋友。\n\n"
        "<!-- zhproof-disable-next-line -->\n在在，，\n\n在在。\n\n"
        "```\n<!-- zhproof-disable -->\n```\n\n朋友朋友。\n"
    )
    found = zhproof.lint_text(text, format="markdown")
    lines = [text.count("\n", 0, d.start) + 1 for d in found]
    assert [d.rule for d in found] == ["duplicate-word", "duplicate-word", "duplicate-word"]
    assert lines == [7, 12, 18]
    assert zhproof.lint_text("<!-- zhproof-disable-file -->\n\n朋友朋友。\n", format="markdown") == []
    only = zhproof.lint_text("<!-- zhproof-disable-file repeated-punctuation -->\n\n朋友朋友，，\n", format="markdown")
    assert [d.rule for d in only] == ["duplicate-word"]


def test_markdown_files_are_detected_by_suffix(tmp_path):
    from click.testing import CliRunner

    from zhproof.cli import main

    (tmp_path / "zhproof.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.md").write_text("正文。\n\n```\n疫情疫情\n```\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文。\n\n```\n疫情疫情\n```\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--output-format", "json", str(tmp_path)])
    import json

    assert [d["path"] for d in json.loads(r.stdout)] == [str(tmp_path / "a.txt")]


def test_toml_front_matter():
    text = '+++\ntitle = "疫情疫情"\n+++\n\n正文的在在。\n'
    assert [text[d.start : d.end] for d in zhproof.lint_text(text, format="markdown")] == ["在在"]


def test_tex_math_is_no_prose_but_a_dollar_sign_for_money_is():
    # GitHub and Jupyter render $…$ and $$…$$ as math: its brackets and commas are TeX, not Chinese punctuation
    # (found in d2l-zh-tw, never tuned on: 即$P(y=$"貓"$)=P(y=$"狗"$)$ got a safe fix to full-width brackets)
    text = "这两种可能性是相等的，即$P(y=1)=P(y=0)$。公式\n\n$$\nf(x, y) = (x,y)\n$$\n\n成立。"
    assert [d for d in zhproof.lint_text(text, format="markdown") if d.rule == "halfwidth-punctuation"] == []
    # the same text outside math is still prose: 价格为$5, a dollar sign next to a digit, is money
    money = "价格为$5,折扣后$3,很便宜。"
    assert [d.rule for d in zhproof.lint_text(money, format="markdown")].count("halfwidth-punctuation") == 2


def test_dollar_signs_around_chinese_prose_are_no_math():
    # found by the review: a regular expression's $ and a shell's $ in one sentence are no TeX delimiters
    for text, slip in (
        ("在正则表达式中，$匹配行尾，而在在 Shell 脚本中，$用于引用变量。", "在在"),
        ("配置环境变量时，先设置$JAVA_HOME，然后把把它加到$PATH里。", "把把"),
    ):
        assert [text[d.start : d.end] for d in zhproof.lint_text(text, format="markdown")] == [slip]


def test_tex_math_with_chinese_variable_names_is_math():
    # found by the second review: TeX names its variables in Chinese too; only Chinese punctuation makes prose
    for text in (
        "其中 $利润 = f(收入, 成本)$ 是目标函数。",
        "概率 $P(下雨|阴天)$ 很大。",
        "取值 $x \\in [最小值, 最大值)$ 之间。",
    ):
        assert [d.rule for d in zhproof.lint_text(text, format="markdown")] == []


def test_many_suppression_comments_and_code_spans_are_each_honoured():
    # the indexes of prose spans and suppressed regions (a fuzzing review: every finding rebuilt the one and walked
    # the other, 78 KB of disable-next-line comments took 16 s; the time is measured in bench/, not here) give the
    # same answers: the suppressed copies stay suppressed and the others are found, in a document of 400 of each
    part = "<!-- zhproof-disable-next-line duplicate-word -->\n疫情疫情\n\n调用 `foo()` 函数，在在会上。\n\n"
    text = part * 400
    found = zhproof.lint_text(text, format="markdown")
    assert [d.rule for d in found] == ["duplicate-word"] * 400
    assert {text[d.start : d.end] for d in found} == {"在在"}
