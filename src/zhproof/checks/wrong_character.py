"""wrong-character (错别字): an idiom with one character swapped for a same-sounding or similar-looking one
(再接再励 → 再接再厉, 精益求晴 → 精益求精).

The candidates come from a table built offline by tools/build_typos.py (rules/typos/): for each idiom that the
lexicon and the word trigram model know, its variants with one character replaced by another of the same
pinyin or of similar shape (tools/data/shape-neighbours.tsv) that neither knows as a word and that the model scores far below the idiom. The text is scanned once
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
from ..quotes import inside_marks
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
_BEFORE = compile_re(f"[{HAN}]{{0,{CONTEXT}}}\\Z")  # (\Z: $ would match before a line break that ends the slice)
_AFTER = compile_re(f"[{HAN}]{{0,{CONTEXT}}}")
_FOUR_HAN = compile_re(f"[{HAN}]{{4}}")
_HAN_CHAR = compile_re(f"[{HAN}]")

#: Context cases (option ``context``, on by default): the confusion pairs of issue 13, each character replaced by
#: its likeliest partner where the model finds the clause around it (up to CONTEXT_WINDOW Han characters each side)
#: at least 10^CONTEXT_GAIN times likelier with the partner. Only where the partner makes a dictionary word with a
#: neighbour that is no word as written (在次 → 再次, 按装 → 安装), or, for 象, anywhere; and never where the
#: character as written is part of a word of two to four characters (实现再就业: 再就业), nor for 既 in a
#: correlative (他既使人感动，又令人深思; 既使我感动也使我深思: ``_correlative``). CONTEXT_GAIN was 3.0 and is 2.4 (2026-12-01): on the
#: tuning half the clean text's highest gain of the 819 places weighed is 2.14, and the recall of injected context
#: typos goes from 20.6% to 23.9% with no new finding on clean text; over the 3,504 statutes of LawRefBook/Laws
#: (about 60 MB) three places score between 2.4 and 3.0, and all three are false alarms the lower threshold brings
#: in (在次干道, 按国办发, 再就同一; none scores above 3.0).
#: The issue's 既使如此 (2.46) and 象他学习 (2.94, 向) are reported from 2.4 on.
CONTEXT_PAIRS = {
    "在": ("再",),
    "再": ("在",),
    "象": ("像", "向"),
    "做": ("作",),
    "作": ("做",),
    "按": ("安",),
    "既": ("即",),
}
CONTEXT_GAIN = 2.4
CONTEXT_WINDOW = 8
_PAIR_CHARS = compile_re("[" + "".join(CONTEXT_PAIRS) + "]")
_HAN_BEFORE = compile_re(f"[{HAN}]{{0,{CONTEXT_WINDOW}}}\\Z")
_HAN_AFTER = compile_re(f"[{HAN}]{{0,{CONTEXT_WINDOW}}}")

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
        h += c[1 : n + 1] * np.uint32(_MULT[1])
        h += c[2 : n + 2] * np.uint32(_MULT[2])
        h += c[3 : n + 3] * np.uint32(_MULT[3])
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
        try:
            keys = self.trie.keys(variant)
        except UnicodeEncodeError:  # a lone surrogate in the window (a hash may still collide): no idiom holds it
            return None
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
        return [i for m in _HAN_RUN.finditer(text) for i in range(m.start(), m.end() - 3) if keys(text[i : i + 4])]

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
        v = text[i : i + 4]
        found = t.lookup(v)
        if found is not None:
            out.append((i, v, *found))
    return out


def gain(text: str, start: int, variant: str, idiom: str) -> float:
    """log10 of how much likelier the model finds the clause around ``start`` with the idiom than as written."""
    from ..langmodel import language_model

    lm = language_model()
    before = _BEFORE.search(text, max(0, start - CONTEXT), start).group()  # type: ignore[union-attr]  # matches the empty string
    after = _AFTER.match(text, start + 4).group()  # type: ignore[union-attr]  # matches the empty string
    bos, eos = len(before) < CONTEXT, len(after) < CONTEXT
    return lm.score(before + idiom + after, bos, eos) - lm.score(before + variant + after, bos, eos)


def context_gain(text: str, i: int) -> tuple[float, str] | None:
    """For a character of CONTEXT_PAIRS at ``i``: log10 of how much likelier the model finds the Han run around it
    (up to CONTEXT_WINDOW characters each side) with its likeliest partner, and that partner; None where none is
    weighed."""
    from ..lexicon import lexicon

    lx = lexicon()
    c = text[i]
    weighed = []
    for partner in CONTEXT_PAIRS[c]:
        weigh = False
        for written, swapped in (
            (text[i - 1 : i + 1], text[i - 1 : i] + partner),
            (text[i : i + 2], partner + text[i + 1 : i + 2]),
        ):
            if len(written) == 2 and swapped in lx and written not in lx:
                weigh = True
        if weigh:
            weighed.append(partner)
    if c == "象":
        weighed = list(CONTEXT_PAIRS[c])
    if not weighed or (c == "既" and _correlative(text, i)):
        return None
    from ..langmodel import language_model

    lm = language_model()
    # the character is part of a word as written (实现再就业: 再就业), whatever a partner makes: a word of the
    # lexicon, or one of three or more characters of the model's (an input method's model also holds the
    # two-character slips people type, 按装, 既使)
    if any(
        text[a:b] in lx or (b - a >= 3 and text[a:b] in lm)
        for a in range(max(0, i - 3), i + 1)
        for b in range(i + 1, min(len(text), i + 4) + 1)
        if b - a >= 2
    ):
        return None
    before = _HAN_BEFORE.search(text, max(0, i - CONTEXT_WINDOW), i).group()  # type: ignore[union-attr]  # matches the empty string
    after = _HAN_AFTER.match(text, i + 1).group()  # type: ignore[union-attr]  # matches the empty string
    bos, eos = len(before) < CONTEXT_WINDOW, len(after) < CONTEXT_WINDOW
    as_written = lm.score(before + c + after, bos, eos)
    return max((lm.score(before + p + after, bos, eos) - as_written, p) for p in weighed)


_CLAUSE_END = compile_re("[。！？!?；;：:．｡…\r\n\u2028\u2029]")
CORRELATIVE_REACH = 30


def _correlative(text: str, i: int) -> bool:
    """Is the 既 at ``i`` the first half of a correlative? Either the parallel form, 又 or 也 with the character
    that follows 既 (既使我感动也使我深思), or, when 既 follows its subject (他既使人感动，又令人深思), 又 or 且 standing
    alone later in the sentence. A clause that opens with 既使 is 即使's (既使失败了，又有什么关系), and 即使 pairs
    with 也 too (即使如此，我们也不能放弃), so 也 alone says nothing."""
    from ..lexicon import lexicon

    stop = _CLAUSE_END.search(text, i + 1, i + 1 + CORRELATIVE_REACH)
    rest = text[i + 2 : stop.start() if stop else i + 1 + CORRELATIVE_REACH]
    after = text[i + 1 : i + 2]
    words = [rest[s:e] for s, e in lexicon().segment(rest)]  # 也|使|我, not 也|使劲; 又, not 而且
    if any(w in ("也", "又") and nxt == after for w, nxt in zip(words, words[1:])):
        return True
    if i == 0 or not _HAN_CHAR.match(text, i - 1):
        return False  # 既 opens its clause: no subject before it
    return "又" in words or "且" in words


#: Once a process has weighed this many characters (in one text or many), ``_context`` first tests each place
#: against ``_neighbours()`` (built once, in 0.1 s: a small file is spared it).
CONTEXT_FILTER_MIN = 200_000
_context_volume = 0


@cache
def _neighbours() -> dict[str, tuple[frozenset, frozenset]]:
    """For each character of CONTEXT_PAIRS but 象, the characters before (after) it that make a two-character word
    of the lexicon with one of its partners and none with it: ``context_gain`` weighs no other place (it weighs
    every 象), so testing a place against these sets first leaves the verdicts unchanged."""
    from ..lexicon import lexicon

    lx = lexicon()
    partners = {p for ps in CONTEXT_PAIRS.values() for p in ps}
    pairs = [k for k in lx.trie.iterkeys() if len(k) == 2 and (k[0] in partners or k[1] in partners)]
    return {
        c: (
            frozenset(w[0] for w in pairs if w[1] in ps and w[0] + c not in lx),
            frozenset(w[1] for w in pairs if w[0] in ps and c + w[1] not in lx),
        )
        for c, ps in CONTEXT_PAIRS.items()
        if c != "象"
    }


DOC = RuleDoc(
    summary="an idiom with one character swapped for a same-sounding or similar-looking one (错别字)",
    what=(
        "Finds idioms and other four-character fixed expressions written with one character replaced by another "
        "of the same pinyin, as a pinyin input method offers it, or of similar shape, as handwriting, OCR and "
        "shape-based input methods leave it: 再接再励 for 再接再厉, 一股作气 for 一鼓作气, 默守成规 for 墨守成规, "
        "迫不急待 for 迫不及待, 精益求晴 for 精益求精. The variants come from a table built offline (rules/typos/, "
        "tools/build_typos.py) from the lexicon's idioms, pypinyin's readings and char-similar's decompositions of "
        "characters into components: a variant that "
        "the lexicon or the language model knows as a word is not in it. A variant is reported only when the "
        "word trigram language model finds the clause with the idiom far likelier than as written, so a "
        "window that reads as other words in its context (他也想不到, 此前所有有关) stays silent, and so does an "
        "idiom written with an alternative spelling of one of its words (故伎重施). It also weighs the "
        "confusion pairs 在/再, 象/像 and 象/向, 做/作, 按/安, 既/即 where the other character makes a word that the "
        "written one does not (在次 → 再次, 按装 → 安装; `context = false` in `[rules.wrong-character]` turns this "
        "off): reported, as a warning, only when the model finds the clause at least 10^2.4 "
        "times likelier with the other character (既使如此 → 即使如此, 象他学习 → 向他学习), never for 既 in a "
        "correlative (他既使人感动，又令人深思; 既使我感动也使我深思), and never inside quotation or title marks "
        "(simplified text only). Traditional text is judged converted to simplified characters, the correction converted back. "
        "Typos outside idioms are not looked for, and a variant that holds a common word of its own (目不转晴: "
        "转晴, as in 天气转晴) is not in the table."
    ),
    why=(
        "错别字 are the first thing a Chinese editor looks for; a wrong character in a set phrase is noticed by "
        "every reader and is never intended."
    ),
    fix=(
        "Replaces the wrong character with the idiom's: safe, as the written form is no word and the evidence is "
        "strong, unless another idiom fits the same frame (浸年以来: 近年以来 or 今年以来) or the variant exists only "
        "through a rare reading of its character (不得支解: 支 read qí); unsafe for the context cases."
    ),
    examples=(
        Example("我们要再接再励，争取更大的成绩。", "我们要再接再厉，争取更大的成绩。"),
        Example("他一股作气跑到了山顶。", "他一鼓作气跑到了山顶。"),
        Example("不能默守成规，要勇于创新。", "不能墨守成规，要勇于创新。"),
        Example("孩子们迫不急待地打开了礼物。", "孩子们迫不及待地打开了礼物。"),
        Example("他做事一向精益求晴。", "他做事一向精益求精。"),
        Example("我们要再接再厉，一鼓作气，不能墨守成规。", ok=True),
        Example("这件事他也想不到，此前所有有关的报道都没有提到。", ok=True),
        Example("必须坚决遏制故伎重施，中方愿尽己所能。", ok=True),
        Example("我們要再接再勵，一股作氣。", "我們要再接再厲，一鼓作氣。", variant="zh-Hant"),
    ),
)


class WrongCharacter(BaseRule):
    # opt-in: with this rule the default set is not faster than autocorrect on bench/speed.py's 10 MB (0.89 with
    # it, 1.03 without it, 2026-12-03; issue 13 makes that the condition for joining it); see the README
    default = False

    def warm(self) -> None:
        """Build what a long text needs (the idiom table's vectors, the context pairs' neighbours) in this
        process, before it forks children that would each build them again (engine._warm)."""
        t = table()
        if t._vectors is None:
            try:
                t._load_vectors()
            except ImportError:  # pragma: no cover - numpy is a dependency; the trie serves without it
                pass
        _neighbours()

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        if doc.traditional:
            yield from self._traditional(doc)
            return
        if doc.option(self.name, "context", True):
            yield from self._context(text)
        if not _FOUR_HAN.search(text):
            return
        yield from self._idioms(text, text)

    def _idioms(self, text: str, simplified: str, to_script=None) -> Iterable[Diagnostic]:
        """The idiom typos of ``text``, judged on ``simplified`` (the same text in simplified characters, of the
        same length); ``to_script`` converts the correction back to the text's script."""
        for start, variant, idiom, sure in candidates(simplified):
            g = gain(simplified, start, variant, idiom)
            if g < REPORT_GAIN:
                continue
            k = next(j for j in range(4) if variant[j] != idiom[j])
            right = idiom[k]
            if to_script is not None:
                converted = to_script(idiom)
                if len(converted) != 4:
                    continue
                right = converted[k]
            written = text[start : start + 4]
            shown = written[:k] + right + written[k + 1 :]
            safety = Safety.SAFE if sure and g >= SAFE_GAIN else Safety.UNSAFE
            yield Diagnostic(
                self.name,
                start + k,
                start + k + 1,
                f"“{written}”应为“{shown}”（“{written[k]}”是别字）",
                Severity.ERROR,
                Fix((Edit(start + k, start + k + 1, right),), safety, f"改为“{right}”"),
            )

    def _traditional(self, doc: Document) -> Iterable[Diagnostic]:
        """Traditional text: judged in simplified characters (OpenCC t2s, when it keeps the length), the
        correction converted back with the variant's converter."""
        from ..script import TARGET, converter

        text = doc.text
        if not _FOUR_HAN.search(text):
            return
        simplified = converter("t2s").convert(text)
        if len(simplified) != len(text):
            return
        yield from self._idioms(text, simplified, converter(TARGET[doc.variant]).convert)

    def _context(self, text: str) -> Iterable[Diagnostic]:
        global _context_volume
        _context_volume += len(text)
        near = _neighbours() if _context_volume >= CONTEXT_FILTER_MIN else None
        for m in _PAIR_CHARS.finditer(text):
            i = m.start()
            if near is not None and (c := text[i]) != "象":
                left, right = near[c]
                if text[i - 1 : i] not in left and text[i + 1 : i + 2] not in right:
                    continue  # a place context_gain would not weigh: two set look-ups instead of four in the lexicon
            found = context_gain(text, i)
            if found is None or found[0] < CONTEXT_GAIN or inside_marks(text, i):
                continue
            partner = found[1]
            yield Diagnostic(
                self.name,
                i,
                i + 1,
                f"“{text[i]}”疑为“{partner}”之误（依上下文）",
                Severity.WARNING,
                Fix((Edit(i, i + 1, partner),), Safety.UNSAFE, f"改为“{partner}”"),
            )


RULE = WrongCharacter(
    name="wrong-character",
    doc=DOC,
    fixable="always",
    origin=__name__,
    options={"context": True},
)
