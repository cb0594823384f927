"""The document the project was born from: exactly its 14 findings, and the reviewed fixed text."""

from __future__ import annotations

import json

import zhproof


def _findings(text):
    linter = zhproof.Linter()
    doc = linter.document(text)
    out = []
    for d in linter.lint(text):
        line, col = doc.line_col(d.start)
        end_line, end_col = doc.line_col(d.end)
        span = text[d.start : d.end]
        shown = span if len(span) <= 30 else span[:12] + "……" + span[-12:]
        out.append(
            {"rule": d.rule, "line": line, "column": col, "end_line": end_line, "end_column": end_col, "text": shown}
        )
    return out


def test_seed_findings_exactly(root, seed_text):
    expected = json.loads((root / "samples" / "seed.expected.json").read_text(encoding="utf-8"))
    assert len(expected) == 14
    assert _findings(seed_text) == expected


def test_seed_fixed(root, seed_text):
    fixed = (root / "samples" / "seed.fixed.txt").read_text(encoding="utf-8")
    assert zhproof.fix_text(seed_text, unsafe=True) == fixed
    assert zhproof.fix_text(fixed, unsafe=True) == fixed
    assert zhproof.lint_text(fixed) == []


def test_seed_safe_fix_leaves_only_unsafe(seed_text):
    fixed = zhproof.fix_text(seed_text)
    left = zhproof.lint_text(fixed)
    # 打仗仗 and the pasted passage: the evidence for 打仗|仗 (10^5.2 likelier undone) is short of a safe fix's
    assert [(d.rule, fixed[d.start : d.end]) for d in left][0] == ("duplicate-word", "仗仗")
    assert [d.rule for d in left] == ["duplicate-word", "repeated-clause"]
    assert all(d.fix is not None and d.fix.safety == zhproof.Safety.UNSAFE for d in left)


def test_seed_legitimate_repetition_is_silent(seed_text):
    flagged = {seed_text[d.start : d.end] for d in zhproof.lint_text(seed_text)}
    for word in [
        "常委会会议",
        "工作作出",
        "群众众志成城",
        "财政政策",
        "纷纷",
        "步步推进",
        "层层深入",
        "往往",
        "紧紧",
        "环环相扣",
        "高高飘扬",
        "疲疲沓沓",
        "一时一刻",
        "一丝一毫",
        "切实维护社会稳定",
    ]:
        assert word in seed_text
        assert not any(word in f or f in word for f in flagged if len(f) > 1 and f.strip()), word
