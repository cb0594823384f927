"""Character statistics of edited text: which runs of Han characters about 49 million characters of statutes
and official reports write (``rules/lexicon/char-ngrams.marisa``, built by ``tools/build_char_ngrams.py``; its
docstring gives the sources). Loaded on first use, memory-mapped.

Two questions can be asked of it: is a run of 4 Han characters common (written ``COMMON`` times or more), and is a
run of 3 Han characters that holds a doubled character ever written. Text in simplified characters."""

from __future__ import annotations

from functools import cache

COMMON = 10  # tools/build_char_ngrams.py COMMON


@cache
def _table():
    import marisa_trie

    from .resources import rules_dir

    trie = marisa_trie.Trie()
    trie.mmap(str(rules_dir() / "lexicon" / "char-ngrams.marisa"))
    return trie


def _has(run: str) -> bool:
    try:
        return run in _table()
    except UnicodeEncodeError:  # a lone surrogate
        return False


def common(run: str) -> bool:
    """Do the statistics write this run of 4 Han characters ``COMMON`` times or more?"""
    return len(run) == 4 and _has(run)


def ever_written(run: str) -> bool:
    """Do the statistics write this run of 3 Han characters, which holds a doubled character (``XXc``, ``cXX``),
    even once?"""
    return len(run) == 3 and (run[0] == run[1] or run[1] == run[2]) and _has(run)
