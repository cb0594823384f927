"""lost-character on a half of the corpus: what decides the question marks of clean text, and recall on lost
characters injected uniformly.

Clean text: every `?`/`？` between two Han characters of the half (all real question marks of edited text) and
the reason the rule gives it (question particle, question word, the model's evidence, or reported).

Injection: in each document, up to N Han characters that stand between two Han characters, chosen uniformly
over all such characters (no criterion of the rule is consulted), are replaced by `?` one at a time (each in
its own copy of the document); an injection is found when lost-character reports that place.

Usage:  python bench/lost_character.py [--half tune|test] [--per-doc N] [--seed S] [--corpus DIR] [--variant V]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, os.environ.get("ZHPROOF_SRC") or str(HERE.parent / "src"))
sys.path.insert(1, str(HERE))

import regex  # noqa: E402

import zhproof  # noqa: E402
from split import half_of, relpath  # noqa: E402
from zhproof.checks import lost_character as lc  # noqa: E402

SITE = regex.compile(r"(?<=\p{Han})[?？](?=\p{Han})")
INNER = regex.compile(r"(?<=\p{Han})\p{Han}(?=\p{Han})")


def reason(text: str, start: int, end: int) -> str:
    lo, hi = lc._clause(text, start, end)
    left, right = lc._simplified(text[lo:start]), lc._simplified(text[end:hi])
    if not left or not right:
        return "no clause"
    if left[-1] in lc.PARTICLES:
        return "particle"
    if lc.is_question(lc._simplified(text[lc._sentence_start(text, start) : start])):
        return "question word"
    ev = lc.evidence(left, right)
    return "model: break" if ev < lc.MARGIN else "reported"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpus" / "zh-Hans"))
    ap.add_argument("--variant", default="zh-Hans")
    ap.add_argument("--half", default="tune", choices=("tune", "test", "all"))
    ap.add_argument("--per-doc", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    files = [
        f for f in sorted(Path(args.corpus).rglob("*.txt")) if args.half == "all" or half_of(relpath(f)) == args.half
    ]
    linter = zhproof.Linter(select=["lost-character"], variant=args.variant)
    rng = random.Random(args.seed)
    reasons: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    injected = found = 0
    missed = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        for m in SITE.finditer(text):
            r = reason(text, m.start(), m.end())
            reasons[r] += 1
            examples.setdefault(r, []).append(text[max(0, m.start() - 8) : m.end() + 8].replace("\n", "⏎"))
        inner = [m.start() for m in INNER.finditer(text)]
        for i in rng.sample(inner, min(args.per_doc, len(inner))):
            damaged = text[:i] + "?" + text[i + 1 :]
            injected += 1
            if any(d.start == i for d in linter.lint(damaged)):
                found += 1
            else:
                missed.append(damaged[max(0, i - 8) : i + 9].replace("\n", "⏎"))
    print(f"{args.corpus} half {args.half}: {len(files)} documents")
    print(f"question marks between two Han characters in clean text: {sum(reasons.values())}")
    for r, n in reasons.most_common():
        print(f"  {r:14} {n:5}   e.g. {' | '.join(examples[r][:3])}")
    print(f"injected lost characters: {injected}, reported {found} = {100 * found / max(1, injected):.1f}%")
    for s in missed[:15]:
        print(f"  missed: {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
