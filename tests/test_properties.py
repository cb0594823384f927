"""Property-based tests (hypothesis): the contracts of lint_text and fix_text on Chinese-heavy random text.

Properties, each checked on generated text:

(a) ``lint_text`` never raises; every finding lies in the text (0 <= start <= end <= len), findings come in
    position order, and every fix edit lies inside its finding's span.
(b) ``fix_text`` is idempotent (fixing the fixed text changes nothing), for safe and unsafe fixes.
(c) every change a fix pass makes lies inside the span of a finding it fixed: the text outside the fixed
    findings' spans survives, in order. Checked pass by pass over the same loop ``fix_text`` runs (lint,
    ``choose_non_overlapping``, ``apply_edits``), so it covers every change ``fix_text`` makes.
(d) line endings are preserved: the line breaks of a fixed text are a subsequence of the original's, matched
    kind by kind. Fixes may remove line breaks (blank-line runs, a broken line joined) but never add one,
    never turn ``\\r\\n`` into ``\\n`` or back, and never merge a lone ``\\r`` and a following ``\\n`` into one
    ``\\r\\n`` by deleting what stood between them.
(e) safe fixes never remove a Han character, except where the finding is a copy: a duplicate-word span is its
    unit written k >= 2 times and becomes one copy; a duplicate-list-item span is one or more copies, each
    with its 、, of the item that the text before it ends with. ``layout-artifact`` is exempt too (see LAYOUT_NOTE below: its
    safe fix deletes 【下转第5版】, whose characters are Han by design). traditional-char may replace a Han
    character, one for one, by another Han character. repeated-clause may delete a passage whose Han
    characters occur earlier in the text. Unsafe fixes are held to the same rule.

The invariant checkers are plain functions so that ``bench/fuzz.py`` can run them at scale.

Runs are deterministic (``derandomize=True``, no example database). Lone surrogates get a test of their own
(``test_lint_accepts_lone_surrogates``) so that one failure there does not hide the other properties.
"""

from __future__ import annotations

import difflib
import inspect
from collections import Counter

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zhproof
from zhproof.document import VARIANTS
from zhproof.fixer import MAX_PASSES, FixNotConvergedError, applicable, apply_edits, choose_non_overlapping

# --------------------------------------------------------------------------------------------------------
# invariants (shared with bench/fuzz.py)

LINE_BREAK = regex.compile(r"\r\n|\n|\r")
HAN = regex.compile(r"\p{Han}")
COPY_RULES = frozenset({"duplicate-word", "duplicate-list-item", "repeated-clause"})
#: layout-artifact deletes page furniture such as 【下转第5版】 with a safe fix: its Han characters are part of
#: the note. The brief's property (e) did not list it; a whole bracketed note is what it may remove.
LAYOUT_NOTE = regex.compile(r"[【（(〔\[].*[】）)〕\]]", regex.DOTALL)
SEPARATOR_SPACE = " \t\u3000"


class InvariantError(AssertionError):
    """An invariant does not hold; ``kind`` names which one (used by the fuzzer to group failures)."""

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(f"[{kind}] {message}")


def _fail(kind: str, message: str):
    raise InvariantError(kind, message)


def _show(d) -> str:
    fix = None if d.fix is None else (d.fix.safety.label, [(e.start, e.end, e.text) for e in d.fix.edits])
    return f"{d.rule}[{d.start}:{d.end}] fix={fix!r}"


def check_findings(text: str, diags) -> None:
    """(a): spans inside the text, in position order; fix edits inside their finding and not overlapping."""
    n = len(text)
    keys = [(d.start, d.end) for d in diags]
    if keys != sorted(keys):
        _fail("order", f"findings not in position order: {keys}")
    for d in diags:
        if not (0 <= d.start <= d.end <= n):
            _fail("span", f"finding outside the text (len {n}): {_show(d)}")
        if d.fix is None:
            continue
        if not d.fix.edits:
            _fail("edit", f"fix without edits: {_show(d)}")
        pos = -1
        for e in sorted(d.fix.edits, key=lambda e: (e.start, e.end)):
            if not (d.start <= e.start <= e.end <= d.end):
                _fail("edit", f"edit outside its finding: {_show(d)}")
            if e.start < pos:
                _fail("edit", f"overlapping edits in one fix: {_show(d)}")
            pos = e.end


def fix_passes(text: str, unsafe: bool, lint=None):
    """The passes ``fix_text`` makes: a list of (text before, fixed findings, text after), and the final text.

    The same loop as ``zhproof.fixer.fix_until_stable`` (without its errors, which test (b) covers).
    """
    lint = lint or zhproof.lint_text
    passes = []
    seen = {text}
    for _ in range(MAX_PASSES):
        diags = lint(text)
        check_findings(text, diags)
        todo = choose_non_overlapping(applicable(diags, unsafe), text)
        if not todo:
            break
        new = apply_edits(text, [d.fix for d in todo])
        if new == text:
            break
        passes.append((text, todo, new))
        if new in seen:
            break
        seen.add(new)
        text = new
    return passes, text


def _merged_spans(diags) -> list[tuple[int, int]]:
    spans: list[list[int]] = []
    for s, e in sorted((d.start, d.end) for d in diags):
        if spans and s <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], e)
        else:
            spans.append([s, e])
    return [(s, e) for s, e in spans]


def _diff(old: str, new: str) -> str:
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return "; ".join(
        f"{tag} old[{i1}:{i2}]={old[i1:i2]!r} new[{j1}:{j2}]={new[j1:j2]!r}"
        for tag, i1, i2, j1, j2 in sm.get_opcodes()
        if tag != "equal"
    )


def check_outside_preserved(old: str, fixed, new: str) -> None:
    """(c): the text outside the fixed findings' spans survives in ``new``, in order (each span may become
    anything). The segments between spans are matched left to right at their earliest place; that is exact
    for a pattern ``O0 .* O1 .* ... Ok`` anchored at both ends, so a failure is never a diff artefact."""
    spans = _merged_spans(fixed)
    segments = []
    pos = 0
    for s, e in spans:
        segments.append(old[pos:s])
        pos = e
    segments.append(old[pos:])
    first, last = segments[0], segments[-1]
    ok = new.startswith(first)
    at = len(first)
    for seg in segments[1:-1]:
        if not ok:
            break
        i = new.find(seg, at)
        ok = i >= 0
        at = i + len(seg)
    ok = ok and len(new) - len(last) >= at and new.endswith(last)
    if not ok:
        _fail(
            "outside",
            f"a fix changed text outside its findings. spans={spans} fixed={[_show(d) for d in fixed]} "
            f"diff: {_diff(old, new)}",
        )


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(x == y for y in it) for x in small)


def check_line_breaks(old: str, new: str, fixed=()) -> None:
    """(d): the line breaks of ``new`` are a subsequence of those of ``old``, kind by kind."""
    a = LINE_BREAK.findall(old)
    b = LINE_BREAK.findall(new)
    if not _is_subsequence(b, a):
        # name the fixes that do it on their own, or else those next to a line break
        culprits = [d for d in fixed if not _is_subsequence(LINE_BREAK.findall(apply_edits(old, [d.fix])), a)]
        near = [d for d in fixed if any(c in "\r\n" for c in old[max(0, d.start - 1) : d.end + 1])]
        fixed = culprits or near or fixed
        _fail(
            "line-breaks",
            f"line breaks changed: {Counter(a)} -> {Counter(b)}; fixed={[_show(d) for d in fixed]} "
            f"diff: {_diff(old, new)}",
        )


def _han(s: str) -> list[str]:
    return HAN.findall(s)


def check_han_kept(old: str, fixed) -> None:
    """(e): a fix removes Han characters only where its finding is a copy (or a layout note)."""
    for d in fixed:
        assert d.fix is not None
        span = old[d.start : d.end]
        rep = d.replacement(old)
        assert rep is not None
        before, after = _han(span), _han(rep)
        if _is_subsequence(before, after):
            continue  # every Han character of the span is still there, in order
        if d.rule == "traditional-char":
            if len(before) == len(after) and len(span) == len(rep):
                continue  # characters converted one for one
            _fail("han", f"traditional-char changed the number of Han characters: {span!r} -> {rep!r} {_show(d)}")
        if d.rule == "duplicate-word":
            # the span is copies of a unit and the replacement fewer of them, at least one: 疫情疫情 -> 疫情, and, where
            # two copies are regular, 家家家(户户) -> 家家
            unit = next(span[:n] for n in range(1, len(span) + 1) if span[:n] * (len(span) // n) == span)
            if rep and len(rep) < len(span) and rep == unit * (len(rep) // len(unit)):
                continue
            _fail("han", f"duplicate-word removed more than a copy: {span!r} -> {rep!r} {_show(d)}")
        if d.rule == "duplicate-list-item":
            # the span is one or more copies of the item before it, each with its 、: 市场秩序|、市场秩序、市场秩序
            parts = [p.strip(SEPARATOR_SPACE) for p in span.split("、")]
            item = parts[-1]
            if (
                rep == ""
                and len(parts) >= 2
                and not parts[0]
                and item
                and all(p == item for p in parts[1:])
                and old[: d.start].rstrip(SEPARATOR_SPACE).endswith(item)
            ):
                continue
            _fail("han", f"duplicate-list-item removed more than a repeated item: {span!r} -> {rep!r} {_show(d)}")
        if d.rule == "repeated-clause":
            core = "".join(_han(span))
            if rep == "" and core and core in "".join(_han(old[: d.start])):
                continue  # the deleted passage occurs earlier
            _fail("han", f"repeated-clause removed a passage that does not occur earlier: {span!r} {_show(d)}")
        if d.rule == "layout-artifact" and LAYOUT_NOTE.fullmatch(span) and rep == "":
            continue
        _fail("han", f"{d.rule} ({d.fix.safety.label}) removed Han characters: {span!r} -> {rep!r} {_show(d)}")


def check_fix(text: str, unsafe: bool, **options) -> str:
    """(b)-(e) for one text; returns fix_text's result. ``options`` go to lint_text and fix_text (variant,
    format)."""

    def lint(t):
        return zhproof.lint_text(t, **options)

    passes, final = fix_passes(text, unsafe, lint)
    for old, fixed, new in passes:
        check_outside_preserved(old, fixed, new)
        check_line_breaks(old, new, fixed)
        check_han_kept(old, fixed)
    try:
        once = zhproof.fix_text(text, unsafe=unsafe, **options)
    except FixNotConvergedError as e:
        _fail("converge", str(e))
    if once != final:
        _fail("replica", f"fix_text gave {once!r}, the replayed passes {final!r}")
    check_line_breaks(text, once)
    try:
        twice = zhproof.fix_text(once, unsafe=unsafe, **options)
    except FixNotConvergedError as e:
        _fail("converge", f"on the fixed text: {e}")
    if twice != once:
        _fail("idempotent", f"fix(fix(x)) != fix(x): {once!r} -> {twice!r}; diff: {_diff(once, twice)}")
    return once


# --------------------------------------------------------------------------------------------------------
# strategies

WORDS = (
    "疫情 防控 工作 中国 国家 市场 秩序 的 了 在 是 我们 发展 经济 社会 加强 领导 常常 研究 一步 "
    "打仗 渠道 监管 部门 代表 代表团 目的 家家户户 非 洲 猪瘟 物 资 保障 和 对 把 要 有 人民 政府 会议"
).split()
HAN_CHARS = (
    "疫情防控工作中国家市场秩序的了在是我们发展经济社会加强领导常研究一步打仗渠道监管部代表目非洲物资保障和对把要"
)
TRADITIONAL = ["運輸", "這", "於", "國", "時代廣場", "臺灣", "乾隆", "著名", "黃", "發展", "説"]
FULL_PUNCT = list("，。、；：！？“”（）《》…—【】「」『』‘’")
HALF_PUNCT = list(",.;:!?()\"'[]")
NEWLINES = ["\n", "\r\n", "\r"]
SPACES = [" ", "\t", "\u3000", "  "]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\ufeff", "\ufffd", "\u00ad", "\u2060", "\x00", "\x0b", "\x1b", "\u202e"]
EMOJI = ["😀", "👍🏽", "👨\u200d👩\u200d👧", "🏳️\u200d🌈", "🇨🇳", "❤️", "1️⃣"]
COMBINING = ["\u0301", "\u0308", "\u20dd", "\u3099", "e\u0301"]
FURNITURE = ["【下转第5版】", "（上接第1版）", "（续表）", "一、", "第一条 ", "第三章", "1) ", "（二）", "- ", "# "]
MARKDOWN = [
    "# ",
    "## ",
    "```\n",
    "`",
    "> ",
    "- ",
    "* ",
    "1. ",
    "---\n",
    "+++\n",
    "[链接](http://x.cn/a)",
    "<b>",
    "|",
    "<!-- zhproof-disable -->",
    "<!-- zhproof-enable -->",
    "<!-- zhproof-disable-next-line -->",
    "    ",
    "<!-- zhproof-disable-file duplicate-word -->",
    "http://example.com/疫情疫情",
    "\\",
]
OTHER = ["2020年", "３", "Ａ", "v1.2", "API", "http://a.b/c", "abc", "12", "20.4%"]

NOISE = st.one_of(
    st.sampled_from(FULL_PUNCT),
    st.sampled_from(HALF_PUNCT),
    st.sampled_from(NEWLINES),
    st.sampled_from(SPACES),
    st.sampled_from(TRADITIONAL),
    st.sampled_from(INVISIBLE),
    st.sampled_from(EMOJI),
    st.sampled_from(COMBINING),
    st.sampled_from(FURNITURE),
    st.sampled_from(OTHER),
    st.sampled_from(MARKDOWN),
    st.characters(exclude_categories=("Cs",)),  # any code point a UTF-8 file can hold
)
SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
# mostly Chinese words from a small vocabulary, so that repeats happen by chance too
WORD = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(HAN_CHARS))
SENTENCE_END = st.sampled_from(
    ["。", "。", "，", "；", "：", "！", "？", "、", "", "", ".", ",", "……", "”", "。”", "）"]
)
# what stands between sentences: nothing, a space, line breaks of every kind, blank lines, whitespace and
# invisible characters between a CR and an LF
BREAK = st.one_of(
    st.just(""),
    st.just(""),
    st.just(""),
    st.sampled_from(NEWLINES),
    st.lists(st.sampled_from(NEWLINES + SPACES + ["\u200b", "\ufeff"]), min_size=1, max_size=5).map("".join),
)


@st.composite
def sentence(draw, surrogates: bool = False):
    noise = st.one_of(NOISE, SURROGATE) if surrogates else NOISE
    words = draw(st.lists(st.one_of(WORD, WORD, WORD, WORD, noise), min_size=1, max_size=14))
    return "".join(words) + draw(SENTENCE_END)


@st.composite
def chinese_text(draw, max_sentences: int = 8, surrogates: bool = False):
    """Chinese-heavy text: sentences of common words and noise, separated by line breaks of all kinds.
    Copies of random stretches are then pasted next to themselves, as a list item, or further on, so that
    duplicates (疫情疫情, 市场秩序、市场秩序, a sentence twice) are common."""
    parts: list[str] = []
    for s in draw(st.lists(sentence(surrogates), max_size=max_sentences)):
        parts.append(s)
        parts.append(draw(BREAK))
    text = "".join(parts)
    for _ in range(draw(st.integers(0, 3))):
        if not text:
            break
        i = draw(st.integers(0, len(text) - 1))
        j = draw(st.integers(i + 1, min(len(text), i + 40)))
        at = draw(st.sampled_from(["adjacent", "adjacent", "enum", "later"]))
        chunk = text[i:j]
        if at == "adjacent":
            text = text[:j] + chunk + text[j:]
        elif at == "enum":
            text = text[:j] + "、" + chunk + text[j:]
        else:
            k = draw(st.integers(j, len(text)))
            text = text[:k] + chunk + text[k:]
    return text


TEXT = chinese_text()
COMMON = dict(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])


# --------------------------------------------------------------------------------------------------------
# tests


@settings(max_examples=300, **COMMON)
@given(TEXT, st.sampled_from(VARIANTS))
def test_lint_spans_and_edits(text, variant):
    check_findings(text, zhproof.lint_text(text, variant=variant))


@settings(max_examples=150, **COMMON)
@given(chinese_text(surrogates=True))
def test_lint_accepts_lone_surrogates(text):
    # a str can hold lone surrogates (text decoded with surrogateescape, JSON "\ud800"); lint_text must not
    # fall over on them, and fix_text must keep them
    check_findings(text, zhproof.lint_text(text))
    zhproof.fix_text(text, unsafe=True)


@settings(max_examples=250, **COMMON)
@given(TEXT, st.booleans())
def test_fix_idempotent(text, unsafe):
    try:
        once = zhproof.fix_text(text, unsafe=unsafe)
        twice = zhproof.fix_text(once, unsafe=unsafe)
    except FixNotConvergedError as e:
        _fail("converge", str(e))
    assert twice == once, f"fix(fix(x)) != fix(x): {_diff(once, twice)}"


@settings(max_examples=150, **COMMON)
@given(TEXT)
def test_fix_idempotent_traditional_variant(text):
    once = zhproof.fix_text(text, variant="zh-Hant")
    assert zhproof.fix_text(once, variant="zh-Hant") == once


@settings(max_examples=250, **COMMON)
@given(TEXT, st.booleans())
def test_fix_changes_only_finding_spans(text, unsafe):
    passes, _ = fix_passes(text, unsafe)
    for old, fixed, new in passes:
        check_outside_preserved(old, fixed, new)


LINE_HEAVY = st.lists(
    st.one_of(
        st.sampled_from(NEWLINES),
        st.sampled_from(NEWLINES),
        st.sampled_from(SPACES),
        st.sampled_from(INVISIBLE[:6]),
        st.sampled_from(WORDS),
        st.sampled_from("。，："),
    ),
    min_size=1,
    max_size=30,
).map("".join)


@settings(max_examples=250, **COMMON)
@given(st.one_of(TEXT, LINE_HEAVY), st.booleans())
def test_fix_keeps_line_endings(text, unsafe):
    passes, final = fix_passes(text, unsafe)
    for old, fixed, new in passes:
        check_line_breaks(old, new, fixed)
    check_line_breaks(text, final)


@settings(max_examples=250, **COMMON)
@given(TEXT)
def test_safe_fixes_remove_han_only_in_copies(text):
    passes, _ = fix_passes(text, unsafe=False)
    for old, fixed, _new in passes:
        check_han_kept(old, fixed)


@settings(max_examples=200, **COMMON)
@given(TEXT)
def test_unsafe_fixes_remove_han_only_in_copies(text):
    passes, _ = fix_passes(text, unsafe=True)
    for old, fixed, _new in passes:
        check_han_kept(old, fixed)


FORMATS = ["text", "markdown"] if "format" in inspect.signature(zhproof.lint_text).parameters else ["text"]


@settings(max_examples=300, **COMMON)
@given(TEXT, st.sampled_from(FORMATS))
def test_lint_spans_and_edits_by_format(text, fmt):
    check_findings(text, zhproof.lint_text(text, **({"format": fmt} if fmt != "text" else {})))


@settings(max_examples=150, **COMMON)
@given(TEXT, st.booleans(), st.sampled_from(VARIANTS), st.sampled_from(FORMATS))
def test_all_fix_invariants_together(text, unsafe, variant, fmt):
    check_fix(text, unsafe, variant=variant, **({"format": fmt} if fmt != "text" else {}))


# Inputs the properties found (minimised by hypothesis, then by hand), kept so that each stays visible as
# its own failure with a readable name.
FOUND = [
    pytest.param("第一段。\r \n第二段。\n", False, id="blank-lines-merges-CR-and-LF"),
    pytest.param("第一段。\r\u200b\n第二段。\n", False, id="invisible-char-merges-CR-and-LF"),
    pytest.param("疫" * 12, False, id="duplicate-word-run-of-12-does-not-converge"),
    pytest.param("疫情。\r\n\n\n疫情。", False, id="blank-lines-turns-LF-into-CRLF"),
    # (fuzzing, 2026-12-01: the invariant took a fix that keeps two of three copies for one removing more)
    pytest.param("家家家户户。物物物。", True, id="duplicate-word-keeps-two-of-three-copies"),
]


@pytest.mark.parametrize("text,unsafe", FOUND)
def test_found_inputs(text, unsafe):
    check_fix(text, unsafe)
