"""Script conversion with OpenCC, shared by the rules that read traditional text as simplified (and back)."""

from __future__ import annotations

from functools import cache

from .patterns import compile_re

#: OpenCC configuration per target variant.
TARGET = {"zh-Hans": "t2s", "zh-Hant": "s2t", "zh-TW": "s2tw", "zh-HK": "s2hk"}


@cache
def converter(config: str):
    import opencc

    return _SafeConverter(opencc.OpenCC(config))


_SURROGATE = compile_re("[\ud800-\udfff]")


class _SafeConverter:
    """OpenCC takes UTF-8: lone surrogates (possible in a Python str) become U+FFFD for the conversion,
    which keeps every other character where it was."""

    def __init__(self, cc):
        self.cc = cc

    def convert(self, text: str) -> str:
        return self.cc.convert(_SURROGATE.sub("\ufffd", text))


def to_simplified(text: str) -> str | None:
    """``text`` in simplified characters, character for character (offsets into it are offsets into ``text``);
    None if the conversion changes its length."""
    out = converter("t2s").convert(text)
    return out if len(out) == len(text) else None


#: How much of a document ``detect_variant`` reads: enough to tell its script, not the whole of a long file.
DETECT_SAMPLE = 200_000


@cache
def _script_patterns():
    """Patterns of the characters only traditional (simplified) text writes, from rules/hanzi (OpenCC)."""
    import re

    from .data import char_table, word_list

    traditional = set(char_table("traditional")) - word_list("script-neutral")
    simplified = set(char_table("simplified"))

    def pattern(chars: set[str]):
        return compile_re("[" + re.escape("".join(sorted(c for c in chars if c <= "\uffff"))) + "]")

    return pattern(traditional), pattern(simplified)


def detect_variant(text: str) -> str:
    """``zh-Hant`` when ``text`` (its first DETECT_SAMPLE characters) writes more characters that only traditional
    text has (與, 們, 這) than characters that only simplified text has (与, 们, 这); else ``zh-Hans``, also for a
    text with neither."""
    sample = text[:DETECT_SAMPLE]
    traditional, simplified = _script_patterns()
    t = len(traditional.findall(sample))
    if not t:
        return "zh-Hans"
    return "zh-Hant" if t > len(simplified.findall(sample)) else "zh-Hans"
