"""The fast-engine translation of rule patterns agrees with `regex`."""
from __future__ import annotations

import re

import regex

from zhproof.patterns import HAN, compile_fast, to_re


def test_han_class_matches_regex_property():
    ours = re.compile(f"[{HAN}]")
    theirs = regex.compile(r"\p{Han}")
    # every code point but the surrogates
    diff = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and (ours.match(chr(c)) is None) != (theirs.match(chr(c)) is None)]
    assert diff == []


def test_translation_inside_and_outside_classes():
    assert to_re(r"[^\p{Han}a]") == f"[^{HAN}a]"
    assert to_re(r"\p{Han}+") == f"[{HAN}]+"
    assert to_re(r"\p{Hiragana}") is None
    assert type(compile_fast(r"(?<=\p{Han}[”’]?)x")).__module__ == "_regex"  # variable look-behind: regex
    assert isinstance(compile_fast(r"(?<=\p{Han})x"), re.Pattern)
