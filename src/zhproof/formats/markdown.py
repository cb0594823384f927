"""Markdown: a CommonMark parser (markdown-it-py) decides what is prose.

Prose is the text of headings, paragraphs, list items, block quotes, table cells and footnotes, including link text.
Not prose: fenced and indented code, inline code, TeX math ($…$, $$…$$), raw HTML, autolinks, link
destinations, bare URLs, and YAML/TOML front matter. Trailing spaces that make a hard line break are Markdown syntax, not debris.

Suppression comments (HTML comments, as markdownlint's):
  <!-- zhproof-disable RULE,... -->  ...  <!-- zhproof-enable [RULE,...] -->
  <!-- zhproof-disable-next-line [RULE,...] -->
  <!-- zhproof-disable-file [RULE,...] -->
Without rule names they apply to every rule.
"""

from __future__ import annotations

from functools import cache

import re

from . import Layout
from ..patterns import WS, compile_re

_NEWLINE = compile_re(r"\n")
_URL = compile_re(f"(?:https?|ftp)://[^{WS}<>()（）“”‘’「」，。；！？]+|www\\.[^{WS}<>()（）“”‘’「」，。；！？]+")
_TOML_FRONT_MATTER = compile_re(r"\A\+\+\+[ \t]*\r?\n.*?^\+\+\+[ \t]*$", re.DOTALL | re.MULTILINE)
_HARD_BREAK = compile_re(f"(?<=[^{WS}])[ ]{{2,}}(?=\\r?\\n)")
_TEX_TEXT = compile_re(r"\\(?:text|mathrm|textrm|mbox|operatorname)\{[^{}]*\}")
_CJK_PUNCTUATION = compile_re("[，。；：！？、“”‘’「」《》（）]")
_COMMENT = compile_re(f"<!--[{WS}]*zhproof-(disable-next-line|disable-file|disable|enable)(?=[{WS}]|-->)([^>]*?)-->")
#: Any comment that opens like a directive: one whose directive is none of the four is reported (a typo such as
#: zhproof-disabled or zhproof-disable-line suppresses nothing).
_DIRECTIVE = compile_re(f"<!--[{WS}]*zhproof-([^{WS}>]*)")
DIRECTIVES = frozenset({"disable-next-line", "disable-file", "disable", "enable"})


@cache
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    # TeX math between dollar signs, as GitHub, GitLab and Jupyter render it ($P(y=1)$, $$…$$); not a dollar sign
    # next to a digit or a space ($5，折扣$3 is money), as Pandoc reads it
    return (
        MarkdownIt("commonmark")
        .enable("table")
        .use(front_matter_plugin)
        .use(footnote_plugin)  # GitHub's footnotes ([^1]: …): their text is prose
        .use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    )


def markdown_layout(text: str) -> Layout:
    # markdown-it counts lines by "\n", and so do these line starts
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)] + [len(text)]

    def line_span(first: int, last: int) -> tuple[int, int]:
        return starts[min(first, len(starts) - 1)], starts[min(last, len(starts) - 1)]

    prose: list[tuple[int, int]] = []
    holes: list[tuple[int, int]] = []  # not prose inside prose blocks
    code: list[tuple[int, int]] = []  # code, where suppression comments do not count
    for tok in _parser().parse(text):
        if tok.type in ("fence", "code_block") and tok.map:
            code.append(line_span(*tok.map))
        if tok.type != "inline" or not tok.map:
            continue
        lo, hi = line_span(*tok.map)
        prose.append((lo, hi))
        holes.extend(_inline_holes(text, lo, hi, tok.children or [], code))
    toml = _TOML_FRONT_MATTER.match(text)
    if toml:
        holes.append(toml.span())
    for m in _URL.finditer(text):
        holes.append(m.span())
    for m in _HARD_BREAK.finditer(text):
        holes.append(m.span())
    spans = _subtract(_merge(prose, text), holes)
    named: list[tuple[int, str]] = []
    return Layout(prose=spans, suppressed=_suppressions(text, code, named), named=named)


def _inline_holes(text: str, lo: int, hi: int, children, code) -> list[tuple[int, int]]:
    """Spans of inline code, raw HTML, autolinks and link destinations, found in order in the source."""
    holes = []
    cursor = lo
    for c in children:
        if c.type == "text":
            at = text.find(c.content, cursor, hi) if c.content else -1
            if at >= 0:
                cursor = at + len(c.content)
        elif c.type == "code_inline":
            at = text.find(c.markup, cursor, hi)
            if at >= 0:
                end = text.find(c.markup, at + len(c.markup), hi)
                end = hi if end < 0 else end + len(c.markup)
                holes.append((at, end))
                code.append((at, end))
                cursor = end
        elif c.type in ("math_inline", "math_inline_double") and not _prose_in_dollars(c.content):
            at = text.find(c.markup + c.content, cursor, hi)
            if at >= 0:
                end = at + len(c.markup) + len(c.content) + len(c.markup)
                holes.append((at, end))
                cursor = end
        elif c.type == "html_inline":
            at = text.find(c.content, cursor, hi)
            if at >= 0:
                holes.append((at, at + len(c.content)))
                cursor = at + len(c.content)
        elif c.type == "link_open" and c.markup == "autolink":
            at = text.find("<", cursor, hi)
            end = text.find(">", at, hi) if at >= 0 else -1
            if at >= 0 and end >= 0:
                holes.append((at, end + 1))
                cursor = end + 1
        elif c.type in ("link_close", "image") and c.markup != "autolink":
            # the destination follows the link text: ](url "title") or ][ref]
            at = text.find("]", cursor, hi)
            if at >= 0 and at + 1 < hi and text[at + 1] in "([":
                close = _closing(text, at + 1, hi)
                holes.append((at + 1, close))
                cursor = close
    return holes


def _prose_in_dollars(content: str) -> bool:
    """Is what stands between two dollar signs Chinese prose, not TeX: Chinese punctuation outside \\text{…} and
    its kind ($匹配行尾，而在 Shell 脚本中，$用于引用变量: a regular expression's and a shell's dollar signs)? Han
    characters alone are no sign of prose: TeX names its variables in Chinese too ($利润 = f(收入, 成本)$)."""
    return _CJK_PUNCTUATION.search(_TEX_TEXT.sub("", content)) is not None


def _closing(text: str, at: int, hi: int) -> int:
    """End of the bracketed group opened at ``at`` ("(" or "["), allowing nested parentheses."""
    opener = text[at]
    closer = ")" if opener == "(" else "]"
    depth = 0
    for i in range(at, hi):
        if text[i] == "\\":
            continue
        if text[i] == opener:
            depth += 1
        elif text[i] == closer:
            depth -= 1
            if depth == 0:
                return i + 1
    return hi


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Merge overlapping spans, and spans separated only by blank lines (so a blank line that splits a
    sentence between two paragraphs is still inside prose)."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or not text[out[-1][1] : s].strip()):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _subtract(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    holes = sorted(holes)
    for s, e in spans:
        pos = s
        for hs, he in holes:
            if he <= pos or hs >= e:
                continue
            if hs > pos:
                out.append((pos, hs))
            pos = max(pos, he)
        if pos < e:
            out.append((pos, e))
    return out


def _suppressions(
    text: str, code: list[tuple[int, int]], named: list[tuple[int, str]]
) -> list[tuple[int, int, frozenset[str] | None]]:
    """Regions where findings are dropped, from the suppression comments. ``enable`` with names ends the
    regions of those rules; a bare ``enable`` ends every region, including a disable of all rules. Each rule
    name a comment gives is added to ``named`` with the comment's offset (unknown names are reported)."""
    regions: list[tuple[int, int, frozenset[str] | None]] = []
    open_at: dict[str | None, int] = {}  # rule (None: all rules) -> where its region started
    for m in _DIRECTIVE.finditer(text):
        directive = m.group(1).removesuffix("--")
        if directive not in DIRECTIVES and not any(s <= m.start() < e for s, e in code):
            named.append((m.start(), f"zhproof-{directive}"))  # (reported as an unknown directive)
    for m in _COMMENT.finditer(text):
        if any(s <= m.start() < e for s, e in code):
            continue  # a comment shown inside code is an example, not a directive
        kind = m.group(1)
        names = [n.strip() for n in re.split(f"[,{WS}]+", m.group(2)) if n.strip()] or None
        named.extend((m.start(), n) for n in names or ())
        rules = frozenset(names) if names else None
        if kind == "disable-file":
            regions.append((0, len(text), rules))
        elif kind == "disable-next-line":
            line_end = text.find("\n", m.end())
            if line_end >= 0:
                next_end = text.find("\n", line_end + 1)
                regions.append((line_end + 1, len(text) if next_end < 0 else next_end, rules))
        elif kind == "disable":
            for n in names or [None]:
                open_at.setdefault(n, m.end())
        else:  # enable
            for n in list(open_at) if names is None else [n for n in names if n in open_at]:
                regions.append((open_at.pop(n), m.start(), None if n is None else frozenset([n])))
    for n, start in open_at.items():
        regions.append((start, len(text), None if n is None else frozenset([n])))
    return regions
