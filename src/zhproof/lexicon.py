"""The word lexicon (derived from jieba's dictionary, see rules/lexicon/meta.json) and a segmenter.

Loaded on first use only, by memory-mapping a MARISA trie, so rules that do not need it cost nothing and the
ones that do start in milliseconds. Segmentation is the classic maximum-probability route through the DAG of
dictionary words (the algorithm jieba uses, without its HMM guesser for unknown words: an unknown character
stays a token of its own, which is what a duplicate check wants).
"""

from __future__ import annotations

import array
import json
import math
import sys
from functools import cache, cached_property

from .resources import rules_dir
from .patterns import compile_re

MAX_WORD = 16  # longest word looked up
#: The floor of the lexicon's frequencies: jieba gives 2 or 3 to 57% of its entries, words it hardly saw in use.
UNATTESTED = 3
_SURROGATES = compile_re("[\ud800-\udfff]")


class Lexicon:
    def __init__(self) -> None:
        import marisa_trie

        base = rules_dir() / "lexicon"
        self.trie = marisa_trie.Trie()
        self.trie.mmap(str(base / "words.marisa"))
        self._base = base
        meta = json.loads((base / "meta.json").read_text(encoding="utf-8"))
        self.pos_names: list[str] = meta["pos"]
        self.total: int = meta["total"]
        self.log_total = math.log(self.total)
        self._prefix = self.trie.iter_prefixes_with_ids
        self._char_stats: dict[str, tuple[int, int, int]] | None = None

    # Frequencies and parts of speech (1.7 MB) are read when first needed: many texts need only the trie.
    @cached_property
    def freq(self) -> array.array:
        freq = array.array("I")
        freq.frombytes((self._base / "freq.bin").read_bytes())
        if sys.byteorder != "little":
            freq.byteswap()
        return freq

    @cached_property
    def pos_ids(self) -> bytes:
        return (self._base / "pos.bin").read_bytes()

    # The trie takes UTF-8: a lone surrogate (possible in a Python str) is no word and starts none.
    def _id(self, word: str) -> int | None:
        try:
            return self.trie.get(word)
        except UnicodeEncodeError:
            return None

    def __contains__(self, word: str) -> bool:
        return self._id(word) is not None

    def prefixes(self, text: str) -> list[str]:
        """The dictionary words that ``text`` starts with."""
        try:
            return self.trie.prefixes(text)
        except UnicodeEncodeError:  # a lone surrogate: no word holds it
            return self.trie.prefixes(_SURROGATES.sub("\ufffd", text))

    def word_across(self, text: str, cut: int) -> bool:
        """Does a dictionary word in ``text`` start before ``cut`` and end after it? (A necessary condition for
        segmentation to put a word across the cut, at the cost of a few trie lookups.)"""
        try:
            return self._word_across(text, cut)
        except UnicodeEncodeError:  # a lone surrogate: no word holds it
            return self._word_across(_SURROGATES.sub("\ufffd", text), cut)

    def _word_across(self, text: str, cut: int) -> bool:
        prefixes = self.trie.prefixes
        for k in range(cut - 1, max(0, cut - MAX_WORD + 1) - 1, -1):  # nearest first: short words end soonest
            words = prefixes(text[k : k + MAX_WORD])  # shortest first
            if words and len(words[-1]) > cut - k:
                return True
        return False

    def frequency(self, word: str) -> int:
        i = self._id(word)
        return 0 if i is None else self.freq[i]

    def pos(self, word: str) -> str | None:
        i = self._id(word)
        return None if i is None else self.pos_names[self.pos_ids[i]]

    def words_tagged(self, tags: frozenset[str]) -> frozenset[str]:
        """Every word whose part of speech (``pos``) is one of ``tags``: ``w in lex.words_tagged(tags)`` is
        ``lex.pos(w) in tags`` as one set lookup, for a caller that asks it of many strings (a few hundred words
        per tag; found by scanning the part-of-speech bytes, a millisecond or two)."""
        ids = self.pos_ids
        words = set()
        for code, name in enumerate(self.pos_names):
            if name in tags:
                mark = bytes((code,))
                i = ids.find(mark)
                while i >= 0:
                    words.add(self.trie.restore_key(i))
                    i = ids.find(mark, i + 1)
        return frozenset(words)

    def segment(self, text: str) -> list[tuple[int, int]]:
        """Split ``text`` into words; returns ``(start, end)`` pairs covering it."""
        n = len(text)
        if n == 0:
            return []
        text = _SURROGATES.sub("\ufffd", text)  # same length, so the offsets stay right
        freq = self.freq
        log_total = self.log_total
        log = math.log
        # The best route from each position to the end, right to left (the words that start at a position are
        # looked up when it is reached, not kept): the likeliest, and of equally likely ones the one whose first
        # word is longest. A lone character always counts: as frequency 1 unless it is a word in use itself (then
        # its word comes first among the prefixes, shortest first, and takes that place).
        best_score = [0.0] * (n + 1)
        best_end = [0] * (n + 1)
        prefix = self._prefix
        for k in range(n - 1, -1, -1):
            bs, be = -log_total + best_score[k + 1], k + 1
            for word, wid in prefix(text[k : k + MAX_WORD]):
                f = freq[wid]
                if f > 0:
                    end = k + len(word)
                    score = (log(f) - log_total) + best_score[end]
                    if end == be or score > bs or (score == bs and end > be):
                        bs, be = score, end
            best_score[k], best_end[k] = bs, be
        out = []
        k = 0
        while k < n:
            out.append((k, best_end[k]))
            k = best_end[k]
        return out

    @property
    def char_stats(self) -> dict[str, tuple[int, int, int]]:
        """Per character: words (2+ characters) starting with it, ending with it, person names starting with it."""
        if self._char_stats is None:
            stats = {}
            for line in (rules_dir() / "lexicon" / "chars.tsv").read_text(encoding="utf-8").splitlines()[1:]:
                ch, st, en, nr = line.split("\t")
                stats[ch] = (int(st), int(en), int(nr))
            self._char_stats = stats
        return self._char_stats

    def starts_words(self, ch: str) -> int:
        return self.char_stats.get(ch, (0, 0, 0))[0]

    def ends_words(self, ch: str) -> int:
        return self.char_stats.get(ch, (0, 0, 0))[1]

    def starts_names(self, ch: str) -> int:
        return self.char_stats.get(ch, (0, 0, 0))[2]

    def words(self, text: str) -> list[str]:
        return [text[s:e] for s, e in self.segment(text)]


@cache
def lexicon() -> Lexicon:
    return Lexicon()


@cache
def repeat_titles():
    """The names and titles of Chinese Wikipedia that hold a repeat (rules/lexicon/repeat-titles.marisa: 尼尼斯托,
    的的喀喀湖, 卡塞塞区), memory-mapped on first use."""
    import marisa_trie

    trie = marisa_trie.Trie()
    trie.mmap(str(rules_dir() / "lexicon" / "repeat-titles.marisa"))
    return trie
