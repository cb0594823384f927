"""quote-style: quotation marks of the other style than the document's own (「」 in a text of “”, or the reverse).

Chinese has two sets of quotation marks: curly ones (“” ‘’, the national standard of simplified text) and corner
ones (「」 『』, usual in Taiwan and Hong Kong, and in some simplified texts). A document keeps to one; a mark of
the other set is left by copying from another source or by an input method's setting (「好的”). The option
``quote-style`` names the document's set: ``auto`` (the default) takes the set the document uses more, and on a
tie the one of its script (curly for zh-Hans, corner for zh-Hant); ``curly`` and ``corner`` fix it.

Each mark of the other set is reported with the corresponding mark of the document's set as the fix: “ and 「
open, ” and 」 close, ‘ and 『 open an inner quotation, ’ and 』 close it, so the correspondence is one to one.
The fix is safe when the set is configured, or when the document uses its own set at least twice as often as the
other; unsafe otherwise (a document with as many marks of each set may be quoting a text of the other style). A
single curly mark touching a Latin letter or digit is English (Rust’s, users’, ‘yes’), not a quotation mark.
"""

from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..patterns import compile_re
from ..quotes import ENGLISH_SINGLE, MARK_NAMES, STYLES, count_sets, document_style, restyle
from ..rule import BaseRule, Example, RuleDoc

CURLY = "“”‘’"
CORNER = "「」『』"
_MARKS = compile_re("[“”‘’「」『』]")
#: In ``auto``, the fix is safe when the document's own set is used at least this many times as often.
SAFE_MAJORITY = 2

DOC = RuleDoc(
    summary="quotation marks of the other style than the document's own (「」 in a text of “”, or the reverse)",
    what=(
        "Finds a quotation mark of the other set than the one the document uses: a corner mark (「」『』) in a text "
        "quoted with curly marks (“”‘’), or the reverse, as copying from another source or an input method's "
        "setting leaves them (「好的”). The option `quote-style` names the document's set: `auto` (the default) takes "
        "the set the document uses more, and on a tie the one of its script (curly for zh-Hans, corner for zh-Hant "
        "and its regional variants); `curly` or `corner` fix it for every document. A right single quotation mark "
        "or a left one touching a Latin letter or digit is English (Rust’s, users’, ’90s, ‘yes’), not a Chinese "
        "quotation mark. A document that keeps to one set is never reported."
    ),
    why=(
        "Mixed quotation marks look careless and break tools that pair them (a 「 closed by ” is an unpaired quote "
        "to every reader and parser)."
    ),
    fix=(
        "Replaces the mark by the corresponding mark of the document's set (“ and 「, ” and 」, ‘ and 『, ’ and 』). "
        "Safe when the set is configured, or when the document uses its own set at least twice as often as the "
        "other; unsafe otherwise."
    ),
    examples=(
        Example("他说：“好的。”她说：“走吧。”我说：「好的”。", "他说：“好的。”她说：“走吧。”我说：“好的”。"),
        Example(
            "他說：「好的。」她說：「走吧。」我說：“好的」。",
            "他說：「好的。」她說：「走吧。」我說：「好的」。",
            variant="zh-Hant",
        ),
        Example("他说：“好的。”这是 Rust’s 的写法。", ok=True),
        Example("他說：「她說『好』。」", ok=True, variant="zh-Hant"),
    ),
)


class QuoteStyle(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        configured = doc.option(self.name, "quote-style", "auto")
        if configured == "auto":
            curly, corner = count_sets(text)
            if not curly or not corner:
                return  # one set only (or none): the document's own; the common case, decided by counts in C
            style = document_style(text, doc.variant)  # the fixes of halfwidth-punctuation write the same set
            own, other = (curly, corner) if style == "curly" else (corner, curly)
            safety = Safety.SAFE if own >= SAFE_MAJORITY * other else Safety.UNSAFE
        else:
            style, safety = configured, Safety.SAFE
        wrong = CORNER if style == "curly" else CURLY
        if not any(ch in text for ch in wrong):
            return
        marks = [m.start() for m in _MARKS.finditer(text)]
        if "‘" in text or "’" in text:
            english = {m.start() for m in ENGLISH_SINGLE.finditer(text)}
            marks = [i for i in marks if i not in english]
        name = "“”" if style == "curly" else "「」"
        for i in marks:
            ch = text[i]
            if ch not in wrong:
                continue
            new = restyle(ch, style, text)
            yield Diagnostic(
                self.name,
                i,
                i + 1,
                f"{MARK_NAMES[ch]}{ch}与全文所用的{name}不一致，应为{new}",
                Severity.WARNING,
                Fix((Edit(i, i + 1, new),), safety, f"改为{MARK_NAMES[new]}"),
            )


RULE = QuoteStyle(name="quote-style", doc=DOC, fixable="always", origin=__name__, options={"quote-style": "auto"})
RULE.option_choices = {"quote-style": STYLES}  # type: ignore[attr-defined]
