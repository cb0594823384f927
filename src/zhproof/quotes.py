"""Quotation-mark style of fixes: “” (curly) or 「」 (corner), following the document's own marks.

A rule whose fixes write quotation marks declares the option ``quote-style`` (``auto``, ``curly``,
``corner``); ``auto`` (the default) writes 「」 in a document that uses more corner marks than curly ones and
“” otherwise.
"""

from __future__ import annotations

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


def document_style(text: str) -> str:
    """``corner`` when the text has more corner quotation marks than curly ones, else ``curly``."""
    corner = text.count("「") + text.count("」") + text.count("『") + text.count("』")
    if not corner:
        return "curly"
    curly = text.count("“") + text.count("”") + text.count("‘") + text.count("’")
    return "corner" if corner > curly else "curly"


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
