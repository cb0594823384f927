"""Small data files in ``rules/data`` and ``rules/hanzi``: read once, on first use."""

from __future__ import annotations

from functools import cache

from .resources import rules_dir


def _lines(path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@cache
def word_list(name: str) -> frozenset[str]:
    """``rules/data/NAME.txt``: one entry per line, ``#`` comments."""
    return frozenset(_lines(rules_dir() / "data" / f"{name}.txt"))


@cache
def char_table(name: str) -> dict[str, str]:
    """``rules/hanzi/NAME.txt``: a character, a tab, its counterpart."""
    table = {}
    for line in _lines(rules_dir() / "hanzi" / f"{name}.txt"):
        key, _, value = line.partition("\t")
        table[key] = value
    return table
