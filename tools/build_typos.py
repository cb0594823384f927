"""Build rules/typos/idioms.marisa: idioms with one character swapped for a same-sounding or similar-looking one.

For every idiom (a four-character word that jieba's dictionary tags as an idiom or set phrase, ``SET_PHRASE_POS``,
or with another tag of ``IDIOM_POS`` when the word trigram model, rules/lm, knows it as one word), every position and every common character (``COMMON``) that sounds the same or
the same (pypinyin's readings, with the tone; see ``KEY``), the variant is kept when

- the model does not know it as a word, and the lexicon either does not know it or knows it as a rare
  misspelling (jieba lists a few, e.g. 再接再励, 迫不急待: kept when the idiom is at least 20 times as
  frequent);
- the model scores it at least ``MARGIN`` (log10) below the idiom;
- it holds no word that the lexicon knows nearly as often as the idiom's word in its place (故伎重施: 故伎 is
  as much a word as 故技; see ``alternative_spelling``).

The trie's keys are ``variant + idiom`` (eight characters), with ``?`` after them when the idiom with that
position blanked is not the only idiom of the frame; idioms.hashes.npy holds the sorted 32-bit hashes of
the variants, which the rule's one-pass scan looks up (see src/zhproof/checks/wrong_character.py).

Similar-looking characters (形近字) come from tools/data/shape-neighbours.tsv (tools/build_shape_neighbours.py,
from char-similar's decompositions); every replacement passes the same tests.

pypinyin (MIT) is needed only here, at build time:  pip install pypinyin && python tools/build_typos.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from zhproof.langmodel import language_model  # noqa: E402
from zhproof.lexicon import lexicon  # noqa: E402

OUT = ROOT / "rules" / "typos"
MARGIN = 4.0  # log10: the variant alone is at least 10^4 times less likely than the idiom
COMMON = 4000  # candidate replacements: the most frequent single-character words of the model, and GB 2312 level 1
MISSPELLING_RATIO = 20
ALTERNATIVE_RATIO = 0.1
#: The mark after ``variant + idiom`` of a variant whose frame several idioms fill (浸年以来: 近年以来, 今年以来),
#: or that a rare reading of its replacement made (不得支解: 支 read qí): reported with an unsafe fix.
UNSURE = "?"
#: Idioms (i) and set phrases (l, 有期徒刑, 生态环境) are taken whether or not the model has them as one word.
SET_PHRASE_POS = {"i", "l"}
#: jieba's tags of the four-character words taken as fixed expressions: idioms (i) and set phrases (l), and the
#: tags under which jieba files many idioms too (墨守成规 nr, 大器晚成 nz, 大材小用 n, 可喜可贺 v, ...). Not
#: transliterated names (nrt), places (ns), organisations (nt), numerals (m, mq, q), abbreviations (j), nor
#: words that jieba lacks.
IDIOM_POS = {"i", "l", "nr", "nz", "n", "z", "v", "vn", "c", "d", "a", "t", "b", "o", "ad", "r"}

_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")
_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"))
_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


def fuzzy_key(syllable: str) -> str:
    """A key shared by similar-sounding syllables."""
    s = syllable
    for long, short in _INITIALS:
        if s.startswith(long):
            s = short + s[len(long) :]
            break
    if s.startswith("n"):
        s = "l" + s[1:]
    for long, short in _FINALS:
        if s.endswith(long):
            s = s[: -len(long)] + short
            break
    return s


#: Same syllable and tone (the idiom's character as read in the idiom, pypinyin's phrase-aware reading; the
#: replacement in any of its readings). An input method offers the characters of a syllable whatever their tone,
#: but the same-tone ones are the likeliest slips and give a table four times smaller and far more precise:
#: ``KEY = toneless`` takes the tone off, ``fuzzy_key(toneless(...))`` also merges the similar syllables.
def toneless(reading: str) -> str:
    return reading.translate(_TONES)


KEY = str


def gb2312_level1() -> set[str]:
    """The 3,755 common characters of level 1 of GB 2312."""
    out = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def readings() -> dict[str, set[str]]:
    from pypinyin import pinyin_dict

    out = {}
    for cp, value in pinyin_dict.pinyin_dict.items():
        out[chr(cp)] = set(value.split(","))
    return out


def main_readings() -> dict[str, str]:
    """The main reading of each character: the first that pypinyin's table lists (支 zhī, not qí)."""
    from pypinyin import pinyin_dict

    return {chr(cp): value.split(",")[0] for cp, value in pinyin_dict.pinyin_dict.items()}


def common_characters() -> set[str]:
    """The candidate replacements: the COMMON most frequent single-character words of the model that have a
    reading, and GB 2312 level 1."""
    lm = language_model()
    read = readings()
    chars = [(lm.uni_prob[i], c) for c, i in lm.trie.items() if len(c) == 1 and "\u4e00" <= c <= "\u9fff" and c in read]
    chars.sort(reverse=True)
    return {c for _, c in chars[:COMMON]} | gb2312_level1()


SHAPES = Path(__file__).resolve().parent / "data" / "shape-neighbours.tsv"


def shape_neighbours() -> dict[str, set[str]]:
    """Characters of similar shape (形近字: 睛 晴 情 请, 己 已 巳), from tools/data/shape-neighbours.tsv
    (tools/build_shape_neighbours.py)."""
    out: dict[str, set[str]] = {}
    for line in SHAPES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            c, others = line.split("\t")
            out[c] = set(others)
    return out


def main() -> int:
    t0 = time.time()
    import marisa_trie
    import pypinyin

    lm = language_model()
    lx = lexicon()
    read = readings()
    common = sorted(common_characters())
    main = main_readings()
    by_key: dict[str, set[str]] = {}
    by_main: dict[str, set[str]] = {}
    for c in common:
        for r in read[c]:
            by_key.setdefault(KEY(r), set()).add(c)
        by_main.setdefault(KEY(main[c]), set()).add(c)
    near = shape_neighbours()

    def confusable(ch: str, reading: str) -> set[str]:
        out = set(by_key.get(KEY(reading), ())) | near.get(ch, set())
        out.discard(ch)
        return out

    def likely(ch: str, alt: str, reading: str) -> bool:
        """Is ``alt`` a likely slip for ``ch``: of similar shape, or offered under its main reading (pypinyin
        lists it first)? An input method also offers 支 for qí (a rare reading of it), but nobody picks it there:
        a variant made so (不得支解, where 支解 is a word of its own) gets an unsafe fix."""
        return alt in near.get(ch, ()) or alt in by_main.get(KEY(reading), ())

    idioms = sorted(
        w
        for w in lx.trie.keys()
        if len(w) == 4
        and all("\u4e00" <= c <= "\u9fff" for c in w)
        and (lx.pos(w) in SET_PHRASE_POS or (lx.pos(w) in IDIOM_POS and w in lm))
    )

    def alternative_spelling(v: str, idiom: str, k: int) -> bool:
        """Does the variant hold a word (of 2+ characters, across position k) that the lexicon knows about as
        often as the idiom's word in its place (at least ``ALTERNATIVE_RATIO`` times)? Then the two are
        alternative spellings (故伎/故技 in 故伎重施), not a typo."""
        for a in range(0, k + 1):
            for b in range(max(a + 2, k + 1), 5):
                if (a, b) == (0, 4):
                    continue
                fv, fi = lx.frequency(v[a:b]), lx.frequency(idiom[a:b])
                if fv and fi and fv >= ALTERNATIVE_RATIO * fi:
                    return True
        return False

    # a frame (the idiom with one position blanked) that several idioms fill: the correction is not sure
    frames: dict[tuple[int, str], set[str]] = {}
    for idiom in idioms:
        for k in range(4):
            frames.setdefault((k, idiom[:k] + idiom[k + 1 :]), set()).add(idiom)
    pairs: dict[str, str] = {}
    clash = set()
    rare: set[str] = set()  # variants made with a rare reading of the replacement: unsafe fixes
    for idiom in idioms:
        base = lm.score(idiom)
        f_idiom = lx.frequency(idiom)
        said = [r[0] for r in pypinyin.pinyin(idiom)]  # the reading of each character in the idiom
        if len(said) != 4:
            continue
        for k, ch in enumerate(idiom):
            for alt in confusable(ch, said[k]):
                v = idiom[:k] + alt + idiom[k + 1 :]
                if v in lm:
                    continue
                if v in lx and lx.frequency(v) * MISSPELLING_RATIO > f_idiom:
                    continue
                if base - lm.score(v) < MARGIN:
                    continue
                if alternative_spelling(v, idiom, k):
                    continue
                if v in pairs and pairs[v] != idiom:
                    clash.add(v)  # a typo of two idioms: which one was meant is not sure
                pairs[v] = idiom
                if not likely(ch, alt, said[k]):
                    rare.add(v)
    for v in clash:
        del pairs[v]
    OUT.mkdir(parents=True, exist_ok=True)

    def key(v: str, idiom: str) -> str:
        k = next(j for j in range(4) if v[j] != idiom[j])
        # other idioms of the frame, except the rare misspellings that jieba lists (再接再历, 再接再励 for 再接再厉)
        others = {
            w
            for w in frames[k, idiom[:k] + idiom[k + 1 :]] - {v, idiom}
            if lx.frequency(w) * MISSPELLING_RATIO > lx.frequency(idiom)
        }
        return v + idiom + (UNSURE if others or v in rare else "")

    trie = marisa_trie.Trie(key(v, i) for v, i in pairs.items())
    trie.save(str(OUT / "idioms.marisa"))
    import numpy as np

    from zhproof.checks.wrong_character import hash_text

    hashes = np.unique(np.concatenate([hash_text(v) for v in pairs]) if pairs else np.zeros(0, np.uint32))
    np.save(OUT / "idioms.hashes.npy", hashes.astype("<u4"))
    meta = {
        "idioms": len(idioms),
        "variants": len(pairs),
        "dropped_ambiguous": len(clash),
        "rare_reading_unsafe": len(rare - clash),
        "margin": MARGIN,
        "common_chars": COMMON,
        "misspelling_ratio": MISSPELLING_RATIO,
        "pypinyin": pypinyin.__version__,
        "shape_neighbours": sum(map(len, near.values())),
    }
    (OUT / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(meta, f"{time.time() - t0:.0f}s", (OUT / "idioms.marisa").stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
