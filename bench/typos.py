"""Recall and precision of wrong-character on injected typos (错别字), at uniformly random places.

Confusion sets (the benchmark's own, never the rule's table or verdicts): characters that share a toneless
pinyin syllable (any of their readings in pypinyin's character table, as a pinyin input method offers them),
among the 3,755 characters of level 1 of GB 2312 (the common characters; decided by the encoding, not by any
frequency the rule uses); and characters of similar shape (形近字), tools/data/shape-neighbours.tsv
(tools/build_shape_neighbours.py, from the decompositions of char-similar 0.0.2, Apache-2.0), also among level 1.
The rule's table is built from the same two kinds of sets (it is what a typo of each kind is); the injections
never consult the rule's table or its verdicts.

Kinds, each injected into its own damaged copy of every document, up to ``--per-doc`` times (default 3), at
least 200 characters apart, sites drawn in uniformly random order with ``random.Random`` seeded by seed, path
and kind:

- pinyin: a uniformly random Han character of the document (one that has a confusion set) replaced by a
  uniformly random member of its set. This is the typo as it falls anywhere in running text; the rule looks only
  at idioms, so its recall here is the share of all such typos that it catches.
- pinyin-same-tone: the same, with the replacement restricted to the same syllable and tone.
- shape: the same, with a uniformly random character of similar shape (睛 → 晴).
- idiom: a uniformly random occurrence of an idiom in the document (a four-character word that jieba's
  dictionary tags i or l, found by plain substring search), one of its four characters (uniform) replaced by a
  uniformly random member of its confusion set.
- idiom-shape: an idiom's character replaced by one of similar shape (目不转睛 → 目不转晴).
- idiom-same-tone: the same, with the replacement restricted to the same syllable and tone (the typos of the
  lists of common 错别字 are nearly all of this kind: 再接再励, 一股作气, 默守成规, 迫不急待, 穿流不息).

- context (with ``--context``; without it the rule's option ``context``, on by default, is turned off, so the
  other kinds measure the idiom table alone): a uniformly random
  occurrence of a character of the rule's confusion pairs (在再象做作按既, the pairs of issue 13) replaced by its
  partner.

Exclusion (counted): attested, the new text (the replaced character with 2 characters each side) occurs verbatim
in the reference corpus (the whole ../shared/corpus/zh-Hans) outside the damaged document: attested text is no
error.

Figures per kind: injected, detected (a wrong-character finding overlapping the replaced character), recall,
fix restores the original (of the detected: the finding's fix puts the original character back), safe fixes
right. On the clean documents: findings per 100,000 characters (every one is a false alarm unless
bench/known_errors.tsv lists it). Safe-fix precision over all: right safe fixes / all safe fixes (on the damaged
copies and the clean documents).

Usage:  python bench/typos.py [--half tune|test] [--per-doc 3] [--seed 1]     (needs: pip install pypinyin)
Writes bench/out/typos-{missed,found,clean}-HALF.tsv.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, os.environ.get("ZHPROOF_SRC") or str(HERE.parent / "src"))
sys.path.insert(1, str(HERE))

import zhproof  # noqa: E402
from zhproof.model import Safety  # noqa: E402
from split import half_of, relpath  # noqa: E402

sys.path.insert(2, str(HERE.parent / "tools"))
# the character readings and the common characters, as the table's build reads them (zhproof is imported
# above, so the build script's own path to src does not replace ZHPROOF_SRC's)
from build_typos import gb2312_level1, readings, shape_neighbours, toneless  # noqa: E402

CORPUS = HERE.parent.parent / "shared" / "corpus" / "zh-Hans"
RULE = "wrong-character"


def confusion_sets():
    """char -> (same toneless syllable, same syllable and tone), both among GB 2312 level 1, without the char."""
    common = gb2312_level1()
    read = readings()
    by_syll: dict[str, set[str]] = {}
    by_tone: dict[str, set[str]] = {}
    for c in common:
        for r in read.get(c, ()):
            by_syll.setdefault(toneless(r), set()).add(c)
            by_tone.setdefault(r, set()).add(c)
    any_tone, toned = {}, {}
    for c, rs in read.items():
        a = set().union(*(by_syll.get(toneless(r), set()) for r in rs)) - {c}
        b = set().union(*(by_tone.get(r, set()) for r in rs)) - {c}
        if a:
            any_tone[c] = sorted(a)
        if b:
            toned[c] = sorted(b)
    return any_tone, toned


def shape_sets() -> dict[str, list[str]]:
    """char -> its shape neighbours (tools/data/shape-neighbours.tsv, from char-similar's decompositions), both
    among GB 2312 level 1, without the char."""
    common = gb2312_level1()
    return {c: sorted(n & common) for c, n in shape_neighbours().items() if c in common and n & common}


def idioms() -> list[str]:
    from zhproof.lexicon import lexicon

    lx = lexicon()
    return [
        w
        for w in lx.trie.keys()
        if len(w) == 4 and lx.pos(w) in ("i", "l") and all("\u4e00" <= c <= "\u9fff" for c in w)
    ]


def is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", default="test", choices=("tune", "test", "all"))
    ap.add_argument("--per-doc", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument(
        "--context",
        action="store_true",
        help="keep the rule's context cases on (its default) and inject the context kind; without it they are off",
    )
    args = ap.parse_args()
    t0 = time.time()
    any_tone, toned = confusion_sets()
    shapes = shape_sets()
    idiom_list = idioms()
    # idioms by first character, for a plain substring search
    by_first: dict[str, list[str]] = {}
    for w in idiom_list:
        by_first.setdefault(w[0], []).append(w)
    files = sorted(Path(args.corpus).rglob("*.txt"))
    texts = {f: f.read_text(encoding="utf-8") for f in files}
    reference = "\x00".join(texts.values())
    chosen = [f for f in files if args.half == "all" or half_of(relpath(f)) == args.half]
    linter = zhproof.Linter(select=[RULE], options={RULE: {"context": args.context}})

    def table_of(kind: str) -> dict:
        return shapes if kind.endswith("shape") else toned if kind.endswith("same-tone") else any_tone

    from zhproof.checks.wrong_character import CONTEXT_PAIRS

    def sites(kind: str, text: str) -> list:
        if kind == "context":
            return [(i,) for i, c in enumerate(text) if c in CONTEXT_PAIRS]
        table = table_of(kind)
        if not kind.startswith("idiom"):
            return [(i,) for i, c in enumerate(text) if is_han(c) and c in table]
        out = []
        for i, c in enumerate(text):
            for w in by_first.get(c, ()):
                if text.startswith(w, i):
                    out.extend((i + k, w) for k in range(4) if w[k] in table)
        return out

    kinds = ("pinyin", "pinyin-same-tone", "shape", "idiom", "idiom-same-tone", "idiom-shape") + (
        ("context",) if args.context else ()
    )
    stats = {k: dict(injected=0, excluded=0, detected=0, restored=0, safe=0, safe_right=0, spurious=0) for k in kinds}
    clean_chars = clean_findings = clean_safe = 0
    missed_rows, found_rows, clean_rows = [], [], []
    for f in chosen:
        text = texts[f]
        rel = relpath(f)
        clean = linter.lint(text)
        clean_chars += len(text)
        clean_findings += len(clean)
        for d in clean:
            clean_safe += d.fix is not None and d.fix.safety == Safety.SAFE
            line = text.count("\n", 0, d.start) + 1
            clean_rows.append(f"{rel}\t{line}\t{d.message}\t{text[max(0, d.start - 15) : d.end + 15]!r}")
        other = reference.replace(text, "\x00")
        for kind in kinds:
            rng = random.Random(zlib.crc32(f"{args.seed}|{rel}|{kind}".encode()))
            cand = sites(kind, text)
            rng.shuffle(cand)
            table = table_of(kind)
            damaged = text
            placed = []
            for site in cand:
                if len(placed) >= args.per_doc:
                    break
                i = site[0]
                if any(abs(i - p) < 200 for p, _, _ in placed):
                    continue
                new = rng.choice(CONTEXT_PAIRS[text[i]] if kind == "context" else table[text[i]])
                context = damaged[max(0, i - 2) : i] + new + damaged[i + 1 : i + 3]
                if context in other:
                    stats[kind]["excluded"] += 1
                    continue
                damaged = damaged[:i] + new + damaged[i + 1 :]
                placed.append((i, text[i], new))
            if not placed:
                continue
            found = linter.lint(damaged)
            for i, old, new in placed:
                st = stats[kind]
                st["injected"] += 1
                hit = [d for d in found if d.start <= i < d.end]
                ctx = (damaged[max(0, i - 12) : i] + "⟦" + new + "⟧" + damaged[i + 1 : i + 13]).replace("\n", "⏎")
                if not hit:
                    missed_rows.append(f"{kind}\t{rel}\t{old}->{new}\t{ctx}")
                    continue
                st["detected"] += 1
                d = hit[0]
                e = d.fix.edits[0] if d.fix else None
                right = e is not None and len(d.fix.edits) == 1 and e.start == i and e.end == i + 1 and e.text == old
                st["restored"] += right
                if d.fix and d.fix.safety == Safety.SAFE:
                    st["safe"] += 1
                    st["safe_right"] += right
                found_rows.append(
                    f"{kind}\t{rel}\t{old}->{new}\t{'right' if right else 'WRONG'}\t{d.fix.safety.label if d.fix else '-'}\t{ctx}"
                )
            clean_spans = {(d.start, d.end) for d in clean}
            for d in found:
                if not any(d.start <= i < d.end for i, _, _ in placed) and (d.start, d.end) not in clean_spans:
                    stats[kind]["spurious"] += 1
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    for name, rows in (("missed", missed_rows), ("found", found_rows), ("clean", clean_rows)):
        (out / f"typos-{name}-{args.half}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(
        f"half {args.half}: {len(chosen)} documents, {clean_chars:,} characters, seed {args.seed}, "
        f"per-doc {args.per_doc}; {len(idiom_list):,} idioms; {time.time() - t0:.0f}s"
    )
    print(
        f"{'kind':18} {'injected':>8} {'excluded':>8} {'detected':>8} {'recall':>7} {'restored':>9} {'safe right':>11} {'other new':>9}"
    )
    total_safe = total_safe_right = 0
    for k in kinds:
        s = stats[k]
        rec = s["detected"] / s["injected"] if s["injected"] else 0
        res = f"{s['restored'] / s['detected']:.1%}" if s["detected"] else "-"
        sr = f"{s['safe_right']}/{s['safe']}"
        total_safe += s["safe"]
        total_safe_right += s["safe_right"]
        print(
            f"{k:18} {s['injected']:8} {s['excluded']:8} {s['detected']:8} {rec:7.1%} {res:>9} {sr:>11} {s['spurious']:9}"
        )
    print(
        f"clean text: {clean_findings} findings = {clean_findings / clean_chars * 1e5:.2f} per 100k characters ({clean_safe} with a safe fix)"
    )
    total_safe += clean_safe
    print(
        f"safe fixes right: {total_safe_right}/{total_safe}"
        + (f" = {total_safe_right / total_safe:.1%}" if total_safe else "")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
