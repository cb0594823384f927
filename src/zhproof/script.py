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
