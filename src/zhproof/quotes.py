"""Quotation-mark style of fixes: “” (curly) or 「」 (corner), following the document's own marks.

A rule whose fixes write quotation marks declares the option ``quote-style`` (``auto``, ``curly``,
``corner``); ``auto`` (the default) writes 「」 in a document that uses more corner marks than curly ones (English
apostrophes aside), and on a tie in traditional text; “” otherwise. The quote-style rule takes the same set as the
document's own, so that the two rules never undo each other's fixes.
"""

from __future__ import annotations

from .patterns import compile_re

STYLES = ("auto", "curly", "corner")
#: What an editor calls each mark, so that a message never quotes a quotation mark inside quotation marks.
MARK_NAMES = {
    "“": "前引号",
    "”": "后引号",
    "‘": "前单引号",
    "’": "后单引号",
    "「": "前引号",
    "」": "后引号",
    "『": "前引号",
    "』": "后引号",
    "《": "前书名号",
    "》": "后书名号",
    "〈": "前书名号",
    "〉": "后书名号",
}
_TO_CORNER = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
_TO_CURLY = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


#: A single curly mark touching a Latin letter or digit is English: an apostrophe (Rust’s, users’, ’90s) or a quote
#: around English words (‘yes’); it belongs to neither set.
# (the mark first, so that the engine skips straight to the marks; the look-behind then reads the character before)
ENGLISH_SINGLE = compile_re(r"[‘’](?:(?<=[A-Za-z0-9].)|(?=[A-Za-z0-9]))")
HANT_VARIANTS = ("zh-Hant", "zh-TW", "zh-HK")


def count_sets(text: str) -> tuple[int, int]:
    """The quotation marks of each set in ``text``: (curly, corner), English single marks left out."""
    corner = text.count("「") + text.count("」") + text.count("『") + text.count("』")
    curly = text.count("“") + text.count("”") + text.count("‘") + text.count("’")
    if "‘" in text or "’" in text:
        curly -= len(ENGLISH_SINGLE.findall(text))
    return curly, corner


def document_style(text: str, variant: str = "zh-Hans") -> str:
    """The set of quotation marks ``text`` uses more: ``corner`` or ``curly``; ``curly`` in a text without any (the
    national standard's); on a tie, the set of the script (corner for zh-Hant and its regional variants)."""
    curly, corner = count_sets(text)
    if curly != corner:
        return "corner" if corner > curly else "curly"
    return "corner" if corner and variant in HANT_VARIANTS else "curly"


def inside_marks(text: str, i: int) -> bool:
    """Is offset ``i`` inside quotation or title marks opened earlier on its line (a quotation, an example, a
    name)?"""
    head = text[text.rfind("\n", 0, i) + 1 : i]
    return any(head.count(o) > head.count(c) for o, c in ("“”", "「」", "『』", "《》", "‘’"))


def restyle(replacement: str, style: str, text: str) -> str:
    """``replacement`` with its quotation marks in ``style`` (``auto``: the style of ``text``)."""
    if style == "auto":
        style = document_style(text)
    return replacement.translate(_TO_CORNER if style == "corner" else _TO_CURLY)
