"""A word trigram language model of simplified Chinese: corpus evidence for "is this text likelier than that?".

The model is fcitx5's (libime) ``zh_CN.lm``, LGPL-2.1-or-later, re-encoded losslessly by tools/build_lm.py
into rules/lm/ (see rules/lm/SOURCES.md). Scores are log10 probabilities with KenLM's semantics: an n-gram's
probability if the model has it, else the backoff weight of its context plus the probability under the
shorter context; a word outside the vocabulary is ``<unk>``. This model has no ``<s>``/``</s>``, so, as in
KenLM, both stand for ``<unk>``.

Nothing is loaded until first use; the data (20 MB) is memory-mapped and read through ``memoryview`` casts and
``bisect``, so neither numpy nor the whole file is needed at run time.
"""

from __future__ import annotations

import json
import mmap
import sys
from bisect import bisect_left
from functools import cache
from pathlib import Path

from .resources import rules_dir

__all__ = ["LanguageModel", "language_model"]

_CACHE_LIMIT = 200_000


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class LanguageModel:
    """Read-only access to rules/lm (or another directory built by tools/build_lm.py)."""

    def __init__(self, base: str | Path | None = None) -> None:
        import marisa_trie

        self._base = Path(base) if base is not None else rules_dir() / "lm"
        missing = [n for n in ("meta.json", "lm.bin", "vocab.marisa") if not (self._base / n).is_file()]
        if missing:
            from .kinds import RuleFileError  # reported as a broken installation, not as the checked file's fault

            raise RuleFileError(
                f"zhproof's language model is incomplete: {', '.join(missing)} missing in {self._base}; "
                "reinstall zhproof (or rebuild it with tools/build_lm.py)"
            )
        meta = json.loads((self._base / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != 1 or meta.get("order") != 3:
            raise ValueError(f"{self._base}: unsupported language model format")
        self.meta = meta
        self.trie = marisa_trie.Trie()
        self.trie.mmap(str(self._base / "vocab.marisa"))
        self.unk: int = meta["special"]["unk"]
        self.word_bits: int = meta["word_bits"]
        self.max_word: int = meta.get("max_word_length", 16)
        self._bi_prob_bins: list[float] = meta["bigram_prob_bins"]
        self._bi_back_bins: list[float] = meta["bigram_backoff_bins"]
        self._tri_prob_bins: list[float] = meta["trigram_prob_bins"]
        self._ids: dict[str, int | None] = {}
        self._map = None
        sections = meta["sections"]
        with open(self._base / "lm.bin", "rb") as f:
            if sys.byteorder == "little":
                self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
                view = memoryview(self._map)

                def section(name: str):
                    s = sections[name]
                    size = {"B": 1, "I": 4, "f": 4, "Q": 8}[s["type"]]
                    return view[s["offset"] : s["offset"] + size * s["count"]].cast(s["type"])
            else:  # pragma: no cover - big-endian machines: copy and byte-swap
                import array

                raw = f.read()

                def section(name: str):
                    s = sections[name]
                    arr = array.array(s["type"])
                    arr.frombytes(raw[s["offset"] : s["offset"] + arr.itemsize * s["count"]])
                    if arr.itemsize > 1:
                        arr.byteswap()
                    return arr

            self.uni_prob = section("uni_prob")
            self.uni_back = section("uni_back")
            self.uni_next = section("uni_next")
            self.bi_word = section("bi_word")
            self.bi_prob = section("bi_prob")
            self.bi_back = section("bi_back")
            self.tri_key = section("tri_key")
            self.tri_prob = section("tri_prob")
        self._n_tri = len(self.tri_key)
        self.unk_prob: float = self.uni_prob[self.unk]

    # The memory map cannot be pickled: a pickled model is reloaded from its directory.
    def __reduce__(self):
        return (LanguageModel, (str(self._base),))

    def __len__(self) -> int:
        return len(self.uni_prob)

    # -- vocabulary -------------------------------------------------------------------------------------------

    def vocab_id(self, word: str) -> int | None:
        """The model's id of ``word``, or None if it is not in the vocabulary (``<unk>`` itself counts as out)."""
        ids = self._ids
        try:
            return ids[word]
        except KeyError:
            pass
        try:
            i = self.trie.get(word)
        except UnicodeEncodeError:  # lone surrogates
            i = None
        if i == self.unk:
            i = None
        if len(ids) >= _CACHE_LIMIT:
            ids.clear()
        ids[word] = i
        return i

    def _id(self, word: str) -> int:
        i = self.vocab_id(word)
        return self.unk if i is None else i

    def __contains__(self, word: str) -> bool:
        return self.vocab_id(word) is not None

    # -- segmentation -----------------------------------------------------------------------------------------

    def segment(self, text: str) -> list[str]:
        """The most probable split of ``text`` into vocabulary words under the model's unigram probabilities (the
        route through the DAG of dictionary words, as jieba does); a character outside the vocabulary is a token
        of its own, scored as ``<unk>``."""
        step = self._routes(text)[1]
        n = len(text)
        out = []
        k = 0
        while k < n:  # (``_words``, inline: a call less)
            end = k + step[k]
            out.append(text[k:end])
            k = end
        return out

    def _routes(self, text: str, tail: tuple[list[float], list[int]] | None = None) -> tuple[list[float], list[int]]:
        """The best route of :meth:`segment` from each position of ``text`` to its end: ``score[k]``, its log10
        probability, and ``step[k]``, the length of its first word (both lists one longer than the text, 0 at its
        end). A route depends only on the text from its position on, so texts that end alike share the routes of
        their common end: ``tail``, the routes of a suffix of ``text``, saves working those out again (the lists
        are copied, not changed)."""
        n = len(text)
        if tail is None:
            stop = n
            score = [0.0] * (n + 1)
            step = [0] * (n + 1)
        else:
            stop = n + 1 - len(tail[0])  # where the suffix starts
            score = [0.0] * stop + tail[0]
            step = [0] * stop + tail[1]
        key = text
        if not text.isascii() and _has_surrogates(text):
            key = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)  # same length
        uni_prob = self.uni_prob
        unk = self.unk
        unk_prob = self.unk_prob
        prefixes = self.trie.iter_prefixes_with_ids
        max_word = self.max_word
        # Right to left (the words that start at a position are looked up when it is reached, not kept): the
        # likeliest route, and of equally likely ones the one whose first word is longest. A character that no
        # word of one character covers is a word of its own, as <unk>.
        for k in range(stop - 1, -1, -1):
            # the character alone, as <unk>, unless the model has it as a word (then its word comes first among
            # the prefixes, shortest first, and takes the place of <unk>)
            bs, bl = unk_prob + score[k + 1], 1
            for word, wid in prefixes(key[k : k + max_word]):
                if wid == unk:
                    continue
                length = len(word)
                s = uni_prob[wid] + score[k + length]
                if length == bl or s > bs or (s == bs and length > bl):
                    bs, bl = s, length
            score[k], step[k] = bs, bl
        return score, step

    @staticmethod
    def _words(text: str, routes: tuple[list[float], list[int]]) -> list[str]:
        """The words of the best route from the start of ``text`` (``routes``: :meth:`_routes` of ``text``)."""
        step = routes[1]
        n = len(text)
        out = []
        k = 0
        while k < n:
            end = k + step[k]
            out.append(text[k:end])
            k = end
        return out

    # -- n-gram look-ups --------------------------------------------------------------------------------------

    def _bigram(self, w1: int, w2: int) -> int:
        """Index of the bigram (w1, w2), or -1."""
        lo = self.uni_next[w1]
        hi = self.uni_next[w1 + 1]
        if lo == hi:
            return -1
        bi_word = self.bi_word
        j = bisect_left(bi_word, w2, lo, hi)
        return j if j < hi and bi_word[j] == w2 else -1

    def _trigram(self, bigram: int, w3: int) -> int:
        key = (bigram << self.word_bits) | w3
        tri_key = self.tri_key
        t = bisect_left(tri_key, key, 0, self._n_tri)
        return t if t < self._n_tri and tri_key[t] == key else -1

    def _scores(self, ids: list[int], context: list[int]) -> list[float]:
        """log10 p(w | up to two preceding ids) for each id, the first ones conditioned on ``context``."""
        uni_prob = self.uni_prob
        uni_back = self.uni_back
        bi_prob, bi_back = self.bi_prob, self.bi_back
        bi_prob_bins, bi_back_bins = self._bi_prob_bins, self._bi_back_bins
        tri_prob, tri_bins = self.tri_prob, self._tri_prob_bins
        bigram, trigram = self._bigram, self._trigram
        w1 = context[-2] if len(context) >= 2 else -1
        w2 = context[-1] if context else -1
        prev = bigram(w1, w2) if w1 >= 0 else -1  # index of the bigram (w1, w2)
        out = []
        for w in ids:
            if w2 < 0:
                out.append(uni_prob[w])
                cur = -1
            else:
                cur = bigram(w2, w)
                backoff = 0.0
                if prev >= 0:
                    t = trigram(prev, w)
                    if t >= 0:
                        out.append(tri_bins[tri_prob[t]])
                        w1, w2, prev = w2, w, cur
                        continue
                    backoff = bi_back_bins[bi_back[prev]]
                if cur >= 0:
                    out.append(backoff + bi_prob_bins[bi_prob[cur]])
                else:
                    out.append(backoff + uni_back[w2] + uni_prob[w])
            w1, w2, prev = w2, w, cur
        return out

    # -- public scoring ---------------------------------------------------------------------------------------

    def token_scores(self, tokens: list[str], bos: bool = False, eos: bool = False) -> list[float]:
        """log10 probability of each token given the ones before it (KenLM's ``full_scores``); with ``eos`` the
        last entry is the end of sentence."""
        ids = [self._id(t) for t in tokens]
        if eos:
            ids.append(self.unk)  # </s> is not in this model's vocabulary: KenLM scores it as <unk>
        return self._scores(ids, [self.unk] if bos else [])

    def _token_scores_like(
        self, tokens: list[str], bos: bool, eos: bool, like: list[str], like_scores: list[float]
    ) -> list[float]:
        """:meth:`token_scores` of ``tokens``, given ``like_scores``, those of the tokens ``like`` (with the same
        ``bos`` and ``eos``). A token's score depends only on it and the two before it: where the two lists start
        alike, and where they end alike from the third token of their common end on (the end of sentence counting
        as a common last token), the scores are those of ``like``; only the tokens between are looked up."""
        n, m = len(tokens), len(like)
        top = min(n, m)
        p = 0  # tokens the two lists start with alike
        while p < top and tokens[p] == like[p]:
            p += 1
        q = 0  # tokens they end with alike, after those
        while q < top - p and tokens[n - 1 - q] == like[m - 1 - q]:
            q += 1
        e = 1 if eos else 0
        t = max(0, q + e - 2)  # scores at the end that are those of like (their two tokens before are alike too)
        stop = n + e - t  # the scores from p to stop are looked up
        ids = [self._id(w) for w in tokens[p : min(n, stop)]]
        if stop > n:
            ids.append(self.unk)  # </s>, as in token_scores
        context = [self.unk] if bos else []
        context += [self._id(w) for w in tokens[max(0, p - 2) : p]]
        out = like_scores[:p] + self._scores(ids, context[-2:])
        if t:
            out += like_scores[len(like_scores) - t :]
        return out

    def score_tokens(self, tokens: list[str], bos: bool = False, eos: bool = False) -> float:
        """log10 probability of the token sequence (KenLM's ``score``)."""
        return sum(self.token_scores(tokens, bos=bos, eos=eos))

    def score(self, text: str, bos: bool = False, eos: bool = False) -> float:
        """log10 probability of ``text``, segmented by :meth:`segment`; whitespace is skipped (KenLM has no
        whitespace tokens)."""
        return self.score_tokens(self._scored_words(text, self.segment(text)), bos=bos, eos=eos)

    @staticmethod
    def _scored_words(text: str, tokens: list[str]) -> list[str]:
        """The tokens of ``text`` (its :meth:`segment`) that :meth:`score` scores: all but whitespace."""
        if not text.isalnum():
            tokens = [t for t in tokens if not t.isspace()]
        return tokens


@cache
def language_model() -> LanguageModel:
    """The bundled model, loaded on first call."""
    return LanguageModel()
