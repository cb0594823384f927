"""The public Python API."""

from __future__ import annotations

import pytest

import zhproof


def test_lint_and_fix_text():
    found = zhproof.lint_text("疫情疫情防控")
    assert [d.rule for d in found] == ["duplicate-word"]
    assert (found[0].start, found[0].end) == (0, 4)
    assert found[0].message == "“疫情”重复"
    assert zhproof.fix_text("疫情疫情防控") == "疫情防控"


@pytest.mark.parametrize(
    "text,rules",
    [
        ("疫情疫情防控", ["duplicate-word"]),
        ("中国国家主席", []),
        ("目的的", []),
        ("打仗仗首先要正确战略策略", ["duplicate-word"]),
        ("通过多渠渠道扩大就业", ["duplicate-word"]),
        ("建立交通運輸网络", ["traditional-char"]),
        ("我们要研究研究", []),
        ("家家户户", []),
    ],
)
def test_one_liners(text, rules):
    assert [d.rule for d in zhproof.lint_text(text)] == rules


def test_select_ignore_and_unknown_rule():
    text = "疫情疫情防控，，"
    assert {d.rule for d in zhproof.lint_text(text)} == {"duplicate-word", "repeated-punctuation"}
    assert {d.rule for d in zhproof.lint_text(text, select="duplicate-word")} == {"duplicate-word"}
    assert {d.rule for d in zhproof.lint_text(text, ignore=["duplicate-word"])} == {"repeated-punctuation"}
    with pytest.raises(ValueError, match="no-such-rule"):
        zhproof.lint_text(text, select="no-such-rule")


def test_allow_words():
    assert zhproof.lint_text("他是我的朋友朋友。") != []
    assert zhproof.lint_text("他是我的朋友朋友。", allow=["朋友朋友"]) == []


def test_variant():
    assert zhproof.lint_text("這是我們的工作", variant="zh-Hant") == []
    assert [d.rule for d in zhproof.lint_text("這是我們的工作")] == ["traditional-char"] * 2  # 這, 們
    with pytest.raises(ValueError, match="variant"):
        zhproof.lint_text("x", variant="zh-XX")


def test_api_prints_nothing(capsys, seed_text):
    zhproof.lint_text(seed_text)
    zhproof.fix_text(seed_text, unsafe=True)
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""


def test_public_value_types_are_dataclasses():
    """Diagnostic, Fix and Edit stay dataclasses: asdict, replace and pattern matching work on them."""
    import dataclasses

    d = zhproof.lint_text("疫情疫情防控")[0]
    as_dict = dataclasses.asdict(d)
    assert as_dict["rule"] == "duplicate-word" and as_dict["fix"]["edits"][0]["text"] == "疫情"
    assert dataclasses.replace(d, message="x").message == "x"
    match d:
        case zhproof.Diagnostic(rule, start, end):
            assert (rule, start, end) == ("duplicate-word", 0, 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.start = 1  # type: ignore[misc]
