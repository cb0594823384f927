"""A rule defined by a rule file, at run time: its checks (compiled patterns with their message and fix) run over
a document."""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..document import Document
from ..model import Diagnostic, Edit, Fix, Safety, Severity, Value
from ..patterns import LazyRegex, first_chars
from ..quotes import document_style, restyle
from ..rule import RuleDoc
from .base import RuleFileError

#: The values of a rule's ``bracket-style`` option: ``auto`` (the default) leaves ASCII brackets alone in a
#: document whose own style they are (``house_brackets``), ``fullwidth`` reports every pair, ``halfwidth`` none.
BRACKET_STYLES = ("auto", "fullwidth", "halfwidth")
#: A document writes Chinese in ASCII brackets by its own style when it has at least HOUSE_MIN such pairs and at
#: most one full-width bracket pair for every HOUSE_RATIO of them (the Vue.js documentation's translators write
#: "括号统一使用半角括号 ()"); a document with a few stray pairs among full-width ones is reported.
HOUSE_MIN = 3
HOUSE_RATIO = 4

#: Time limit (seconds) for one regex search of a rule pattern over one document; a pattern that takes
#: longer is reported as a broken rule instead of hanging the run.
PATTERN_TIMEOUT = 30.0


#: A text this long (characters) or longer has each check's pattern tried only where a match can start, when
#: that is a few rare characters (``TomlRule._starts``): below it the plain scans are quick enough.
STARTS_MIN = 100_000
STARTS_SAMPLE = 65_536
STARTS_RARE = 512
STARTS_DENSE = 64


def _trailing_space(text: str) -> int:
    """Where the white space that ends ``text`` starts (``len(text.rstrip())``, without copying the text)."""
    k = len(text)
    while k and text[k - 1].isspace():
        k -= 1
    return k


def _matches_at(pattern: re.Pattern, text: str, positions: list[int], chars: frozenset[str]) -> list[re.Match]:
    """What ``pattern.finditer(text)`` finds, tried only at ``positions`` (in order; every place where one of
    ``chars``, the characters each match starts with, stands): the leftmost match from each place on, the next
    one searched from where it ends, as ``finditer`` does. A match is never empty (it starts with a character of
    ``chars``), and `re` lets a look-behind see the text before the position tried."""
    out: list[re.Match] = []
    match = pattern.match
    last = 0
    for p in positions:
        if p < last or text[p] not in chars:
            continue
        m = match(text, p)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


class PatternCheck(Value):
    __slots__ = (
        "pattern",
        "message",
        "safety",
        "replace",
        "translate",
        "delete",
        "span",
        "title",
        "severity",
        "literal",
        "requires",
        "when",
        "bracket",
        "at_end",
    )
    _fields = __slots__

    def __init__(
        self,
        pattern: Any,
        message: str,
        safety: Safety | None = None,
        replace: str | None = None,
        translate: dict[int, str] | None = None,
        delete: bool = False,
        span: str | int = 0,
        title: str = "",
        severity: Severity | None = None,
        literal: str | tuple[str, ...] | None = None,
        requires: str | tuple[str, ...] = "",
        when: str | int | None = None,
        bracket: bool = False,
        at_end: bool = False,
    ) -> None:
        self.pattern = pattern  # compiled regex
        self.message = message
        self.safety = safety  # None: no fix
        self.replace = replace
        self.translate = translate
        self.delete = delete
        self.span = span
        self.title = title
        self.severity = severity
        self.literal = literal  # substitution: the replacement (a tuple: one per group of the alternation)
        # the pattern runs only on texts holding one of these characters, or (a tuple) of these strings: a pre-test
        self.requires = requires
        self.when = when  # a match is reported only if this group took part in it
        self.bracket = bracket  # the matches are ASCII brackets, subject to the rule's bracket-style
        # the pattern is searched only in the white space that ends the text (blank lines at the end of a file): a
        # text of 10 MB has tens of thousands of runs of blank lines that a scan from its start would match
        self.at_end = at_end


class TomlRule:
    """A rule defined by a rule file; ``check`` dispatches on its kind."""

    def __init__(self, name: str, kind: str, doc: RuleDoc, severity: Severity, origin: str, fixable: str):
        self.name = name
        self.kind = kind
        self.doc = doc
        self.severity = severity
        self.origin = origin
        self.fixable = fixable
        self.options: dict = {}
        self.option_choices: dict[str, tuple] = {}  # option name -> the values it accepts
        self.variants: tuple[str, ...] | None = None  # None: every variant
        self.checks: list[PatternCheck] = []
        self._scans: dict[frozenset[str], re.Pattern] = {}  # a scan for a union of first characters

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if self.variants is not None and doc.variant not in self.variants:
            return
        text = doc.text
        default_style = self.options.get("quote-style")
        quote_style = doc.option(self.name, "quote-style", default_style) if default_style else None
        if quote_style == "auto":
            quote_style = document_style(text, doc.variant)  # once per document
        # where the rare checks' matches can start, by check index, with the characters they start with
        at = self._starts(text) if len(text) >= STARTS_MIN else {}
        for i, c in enumerate(self.checks):
            if c.requires and not any(ch in text for ch in c.requires):
                continue  # cannot match: not even compiled
            if isinstance(c.pattern, LazyRegex):
                try:
                    c.pattern.compiled  # noqa: B018 - compiled on first use
                except Exception as e:  # noqa: BLE001 - regex.error
                    raise RuleFileError(f"{self.origin}: rule {self.name!r}: bad regular expression: {e}") from None
            try:
                pos = _trailing_space(text) if c.at_end else 0
                if i in at:  # the places where a match can start are known: matched there only
                    matches = _matches_at(c.pattern, text, *at[i])
                elif isinstance(c.pattern, re.Pattern):
                    matches = list(c.pattern.finditer(text, pos))
                else:  # `regex`, which takes a time limit
                    matches = list(c.pattern.finditer(text, pos, timeout=PATTERN_TIMEOUT))
            except TimeoutError:
                raise RuleFileError(
                    f"{self.origin}: rule {self.name!r}: pattern {c.pattern.pattern!r} took longer than "
                    f"{PATTERN_TIMEOUT:g}s on {doc.path}"
                ) from None
            if c.bracket and self._house_brackets(doc, matches):
                continue
            for m in matches:
                start, end = m.span(c.span)
                if start < 0 or (start == end and not c.delete) or (c.when is not None and m.start(c.when) < 0):
                    continue
                old = text[start:end]
                new = None
                if c.safety is not None:
                    if c.delete:
                        new = ""
                    elif isinstance(c.literal, tuple):  # substitution: the replacement of the word matched
                        new = c.literal[m.lastindex - 1]  # type: ignore[operator]  # one group per word
                    elif c.literal is not None:
                        new = c.literal
                    elif c.translate is not None:
                        new = old.translate(c.translate)
                    else:  # the template, expanded against the match, replaces the span
                        assert c.replace is not None
                        new = m.expand(c.replace)
                    if quote_style is not None:  # quotation marks in the document's style (quotes.py)
                        new = restyle(new, quote_style, text)
                args = (
                    (m.group(0),)
                    if isinstance(c.literal, tuple)
                    else (m.group(0),) + tuple(g or "" for g in m.groups())
                )
                kwargs = {k: v or "" for k, v in m.groupdict().items()}
                message = c.message.format(*args, new=new or "", **kwargs)
                fix = None
                if new is not None and new != old:
                    fix = Fix((Edit(start, end, new),), c.safety, c.title.format(new=new, old=old))  # type: ignore[arg-type]
                yield Diagnostic(self.name, start, end, message, c.severity or self.severity, fix)

    def _starts(self, text: str) -> dict[int, tuple[list[int], frozenset[str]]]:
        """For the checks whose matches can only start with a few characters that are rare in ``text`` (one of
        ``,;!?`` for a half-width mark, a full-width letter, an invisible character): where those characters
        stand, found by one scan of the text for all such checks together, by the index of the check. Each of
        those checks then tries its pattern only there (``_matches_at``) instead of scanning the whole text:
        one scan of a long text costs 30-40 ms, trying a pattern at a place a microsecond.

        Rarity is judged on the first STARTS_SAMPLE characters (at most one in STARTS_RARE of them); a text
        whose rare characters turn out common further on (more than one in STARTS_DENSE of the whole) is left to
        the plain scans. Either way the matches are the same."""
        sample = text[:STARTS_SAMPLE]
        rare = {}
        for i, c in enumerate(self.checks):
            # the characters the check's matches start with (found once per pattern: ``first_chars`` is cached)
            chars = first_chars(c.pattern) if isinstance(c.pattern, re.Pattern) and not c.at_end else None
            if (
                chars is not None
                and sum(map(sample.count, chars)) * STARTS_RARE <= len(sample)
                and not (c.requires and not any(ch in text for ch in c.requires))
            ):
                rare[i] = chars
        if not rare:
            return {}
        union = frozenset().union(*rare.values())
        scan = self._scans.get(union)
        if scan is None:
            scan = self._scans[union] = re.compile("[" + "".join(map(re.escape, sorted(union))) + "]")
        limit = len(text) // STARTS_DENSE
        positions: list[int] = []
        add = positions.append
        for m in scan.finditer(text):
            add(m.start())
            if len(positions) > limit:
                return {}  # common after all: each check scans on its own
        return {i: (positions, chars) for i, chars in rare.items()}

    def _house_brackets(self, doc: Document, matches: list) -> bool:
        """Are a document's pairs of ASCII parentheses around Chinese (``matches``, of a ``bracket`` check) its
        own style, by the rule's ``bracket-style`` option (``auto``: HOUSE_MIN pairs or more, and full-width
        parentheses at most one pair in HOUSE_RATIO of them)? Pairs in a region where the rule is turned off do
        not count."""
        style = doc.option(self.name, "bracket-style", self.options.get("bracket-style", "fullwidth"))
        if style == "halfwidth":
            return True
        if style == "fullwidth" or len(matches) < HOUSE_MIN:
            return False
        pairs = len(matches)
        if doc.suppressed:
            pairs = sum(1 for m in matches if not doc.is_suppressed(self.name, m.start()))
        return pairs >= HOUSE_MIN and doc.text.count("（") * HOUSE_RATIO <= pairs
