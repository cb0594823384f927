"""wrong-character (错别字): an idiom with one character swapped for a same-sounding one (再接再励 → 再接再厉).

The candidates come from a table built offline by tools/build_typos.py (rules/typos/): for each idiom that the
lexicon and the word trigram model know, its variants with one character replaced by another of the same
pinyin that neither knows as a word and that the model scores far below the idiom. The text is scanned once
for every four-character window (a vectorised 32-bit hash of the window looked up in the sorted hashes of all
variants; the few hits are confirmed in the MARISA trie), and a hit is reported only when the model, reading
the clause around it, also finds the text with the idiom far likelier than as written.
"""
from __future__ import annotations

import sys
from functools import cache
from typing import Iterable

from ..document import Document
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..patterns import HAN, compile_re
from ..resources import rules_dir
from ..rule import BaseRule, Example, RuleDoc

#: log10: the clause with the idiom must be at least this much likelier than as written for a finding, and for
#: a safe fix (set on the tuning half, bench/README.md).
REPORT_GAIN = 4.0
SAFE_GAIN = 4.0
BITMAP_BITS = 24
#: A text is scanned with numpy (hashes of all windows at once: 4.7 million characters in 0.06 s), unless it is
#: shorter than this and numpy is not loaded yet: then window by window in the trie (about 1.5 µs a window),
#: which spares a small file the import of numpy.
VECTOR_MIN = 5_000
_HAN_RUN = compile_re(f"[{HAN}]{{4,}}")
CONTEXT = 6  # Han characters each side of the window that the model reads
_BEFORE = compile_re(f"[{HAN}]{{0,{CONTEXT}}}$")
_AFTER = compile_re(f"[{HAN}]{{0,{CONTEXT}}}")
_FOUR_HAN = compile_re(f"[{HAN}]{{4}}")

# The hash of a four-character window: code points mixed by odd multipliers, modulo 2**32. Shared with the
# build script, which stores the sorted hashes of all variants.
_MULT = (0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F)


def hash4(codepoints):
    """The hashes of all four-character windows of a uint32 array of code points (numpy)."""
    import numpy as np

    c = codepoints.astype(np.uint32, copy=False)
    n = len(c) - 3
    with np.errstate(over="ignore"):
        h = c[:n] * np.uint32(_MULT[0])
        h += c[1:n + 1] * np.uint32(_MULT[1])
        h += c[2:n + 2] * np.uint32(_MULT[2])
        h += c[3:n + 3] * np.uint32(_MULT[3])
        h ^= h >> np.uint32(15)
    return h


def hash_text(text: str):
    import numpy as np

    return hash4(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4"))


class _Table:
    """The variants: the trie of ``variant + idiom`` and (for long texts) the sorted hashes, memory-mapped."""

    def __init__(self) -> None:
        import marisa_trie

        self.base = rules_dir() / "typos"
        self.trie = marisa_trie.Trie()
        self.trie.mmap(str(self.base / "idioms.marisa"))
        self._vectors = None

    def idiom(self, variant: str) -> str | None:
        """The idiom of which ``variant`` is a typo, or None."""
        found = self.lookup(variant)
        return found[0] if found else None

    def lookup(self, variant: str) -> tuple[str, bool] | None:
        """(idiom, sure): sure when no other idiom fits the variant's frame."""
        keys = self.trie.keys(variant)
        if len(keys) != 1 or len(keys[0]) < 8:
            return None
        return keys[0][4:8], len(keys[0]) == 8

    def _load_vectors(self):
        import numpy as np

        hashes = np.load(self.base / "idioms.hashes.npy", mmap_mode="r")
        # a bitmap of the top BITMAP_BITS bits of the hashes: one look-up per window rules out all but ~2% of them
        # before the binary search (built here in a few milliseconds rather than shipped)
        bits = np.zeros(1 << BITMAP_BITS, dtype=bool)
        bits[np.asarray(hashes) >> np.uint32(32 - BITMAP_BITS)] = True
        self._vectors = (hashes, np.packbits(bits, bitorder="little"))
        return self._vectors

    def hits(self, text: str) -> list[int]:
        """Start offsets of the windows that may be variants (a superset of the variants' places)."""
        if len(text) < 4:
            return []
        if len(text) < VECTOR_MIN and "numpy" not in sys.modules:
            return self.hits_trie(text)  # a short text in a process without numpy: spare it the import (start-up)
        return self.hits_vector(text)

    def hits_trie(self, text: str) -> list[int]:
        """The windows of four Han characters that start a key of the trie: one look-up per window."""
        keys = self.trie.keys
        return [i for m in _HAN_RUN.finditer(text) for i in range(m.start(), m.end() - 3) if keys(text[i:i + 4])]

    def hits_vector(self, text: str) -> list[int]:
        """The windows whose hash is a variant's: all windows at once, with numpy."""
        import numpy as np

        if len(text) < 4:
            return []

        table, bitmap = self._vectors or self._load_vectors()
        h = hash_text(text)
        top = h >> np.uint32(32 - BITMAP_BITS)
        maybe = np.flatnonzero((bitmap[top >> np.uint32(3)] >> (top & np.uint32(7)).astype(np.uint8)) & 1)
        if not len(maybe):
            return []
        h = h[maybe]
        idx = np.searchsorted(table, h)
        idx[idx == len(table)] = 0
        return maybe[table[idx] == h].tolist()


@cache
def table() -> _Table:
    return _Table()


def candidates(text: str) -> list[tuple[int, str, str, bool]]:
    """(start, variant, idiom, sure) for every window of ``text`` that is in the table, in order."""
    t = table()
    out = []
    for i in t.hits(text):
        v = text[i:i + 4]
        found = t.lookup(v)
        if found is not None:
            out.append((i, v, *found))
    return out


def gain(text: str, start: int, variant: str, idiom: str) -> float:
    """log10 of how much likelier the model finds the clause around ``start`` with the idiom than as written."""
    from ..langmodel import language_model

    lm = language_model()
    before = _BEFORE.search(text, max(0, start - CONTEXT), start).group()
    after = _AFTER.match(text, start + 4).group()
    bos, eos = len(before) < CONTEXT, len(after) < CONTEXT
    return lm.score(before + idiom + after, bos, eos) - lm.score(before + variant + after, bos, eos)


DOC = RuleDoc(
    summary="an idiom with one character swapped for a same-sounding one (错别字)",
    what=(
        "Finds idioms and other four-character fixed expressions written with one character replaced by another "
        "of the same pinyin, as a pinyin input method offers it: 再接再励 for 再接再厉, 一股作气 for 一鼓作气, "
        "默守成规 for 墨守成规, 迫不急待 for 迫不及待. The variants come from a table built offline "
        "(rules/typos/, tools/build_typos.py) from the lexicon's idioms and pypinyin's readings: a variant that "
        "the lexicon or the language model knows as a word is not in it. A variant is reported only when the "
        "word trigram language model finds the clause with the idiom far likelier than as written, so a "
        "window that reads as other words in its context (他也想不到, 此前所有有关) stays silent. Only "
        "simplified text is checked; similar-shape typos and typos outside idioms are not looked for."
    ),
    why=(
        "错别字 are the first thing a Chinese editor looks for; a wrong character in a set phrase is noticed by "
        "every reader and is never intended."
    ),
    fix="Replaces the wrong character with the idiom's (safe: the written form is no word and the evidence is strong).",
    examples=(
        Example("我们要再接再励，争取更大的成绩。", "我们要再接再厉，争取更大的成绩。"),
        Example("他一股作气跑到了山顶。", "他一鼓作气跑到了山顶。"),
        Example("不能默守成规，要勇于创新。", "不能墨守成规，要勇于创新。"),
        Example("孩子们迫不急待地打开了礼物。", "孩子们迫不及待地打开了礼物。"),
        Example("我们要再接再厉，一鼓作气，不能墨守成规。", ok=True),
        Example("这件事他也想不到，此前所有有关的报道都没有提到。", ok=True),
    ),
)


class WrongCharacter(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        if doc.traditional or not _FOUR_HAN.search(text):
            return
        for start, variant, idiom, sure in candidates(text):
            g = gain(text, start, variant, idiom)
            if g < REPORT_GAIN:
                continue
            k = next(j for j in range(4) if variant[j] != idiom[j])
            safety = Safety.SAFE if sure and g >= SAFE_GAIN else Safety.UNSAFE
            yield Diagnostic(
                self.name, start + k, start + k + 1,
                f"“{variant}”应为“{idiom}”（“{variant[k]}”是别字）", Severity.ERROR,
                Fix((Edit(start + k, start + k + 1, idiom[k]),), safety, f"改为“{idiom[k]}”"),
            )


RULE = WrongCharacter(name="wrong-character", doc=DOC, fixable="always", origin=__name__)
