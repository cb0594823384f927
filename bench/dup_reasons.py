"""What each of duplicate-word's reasons decides: on clean text, and on errors injected uniformly.

Every reason the rule gives for a verdict (``duplicate_word.explain``: a class of the grammar, or the evidence
found too weak, or a report) is counted twice:

- clean: over every repeat candidate in the clean documents of a half (../shared/corpus/zh-Hans, and zh-Hant
  with the zh-Hant variant). A grammar class that stays silent here silences legitimate text: its benefit.
- injected: over the doubled characters, words and phrases that bench/recall.py injects, uniformly and each
  alone in a copy of its document (its own ``pick_documents`` and ``choose``, seed and defaults), counting the
  reason of the candidate that overlaps the injection. A grammar class that stays silent here silences a real
  slip: its cost, which the issue asks every exception to show.

Usage:  python bench/dup_reasons.py [--half test|tune|all] [--docs 120] [--per-doc 3] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import recall  # noqa: E402  (puts src/ first on the path)
import zhproof  # noqa: E402
from split import in_half  # noqa: E402
from zhproof.checks import duplicate_word as dw  # noqa: E402

KINDS = ("dup-char", "dup-word", "dup-phrase")
_seen: list[tuple[int, int, str]] = []  # (start, end, reason) of the candidates judged in the current text


def _label(reason: str, verdict) -> str:
    if verdict is not None:
        return "reported"
    if reason.startswith("as likely as written"):
        return "evidence too weak"
    if "; the document writes it without the repeat" in reason:
        # a grammar reading the document's evidence opened, and the model's gain was too small to report
        return "document evidence, gain too weak: " + reason.split("; ", 1)[0].split(": ", 1)[-1]
    return "grammar: " + reason.split(": ", 1)[-1]


def _instrument() -> None:
    """Record the reason of every verdict together with the candidate's span."""
    explain = dw.explain
    judge_match = dw.DuplicateWord._judge_match
    span: list[tuple[int, int]] = [(0, 0)]

    def judge(*args, **kwargs):
        verdict, reason = explain(*args, **kwargs)
        _seen.append((*span[0], _label(reason, verdict)))
        return verdict

    def recorded_judge_match(doc, start, end, unit):
        span[0] = (start, end)
        return judge_match(doc, start, end, unit)

    written_again = dw._written_again

    def recorded_written_again(doc, start, unit):
        again = written_again(doc, start, unit)
        if again and _seen and _seen[-1][2] == "reported":  # asked only of a repeat the evidence reported
            s, e, _ = _seen[-1]
            _seen[-1] = (s, e, "the document writes the repeat again (reported only if the evidence is overwhelming)")
        return again

    dw.judge = judge
    dw.DuplicateWord._judge_match = staticmethod(recorded_judge_match)
    dw._written_again = recorded_written_again


def clean_counts(root: Path, half: str) -> tuple[Counter, int]:
    counts: Counter = Counter()
    chars = 0
    for sub, variant in (("zh-Hans", "zh-Hans"), ("zh-Hant", "zh-Hant")):
        linter = zhproof.Linter(select="duplicate-word", variant=variant)
        for f in sorted((root / sub).rglob("*.txt")):
            if not in_half(f, half, root):
                continue
            text = f.read_text(encoding="utf-8")
            chars += len(text)
            _seen.clear()
            linter.lint(text)
            counts.update(label for _, _, label in _seen)
    return counts, chars


def injected_counts(root: Path, half: str, docs: int, per_doc: int, seed: int) -> dict[str, Counter]:
    recall._STATE["reference"] = recall.Reference(root / "zh-Hans")
    linter = zhproof.Linter(select="duplicate-word")
    full = recall._linter()
    out = {kind: Counter() for kind in KINDS}
    for path, _genre in recall.pick_documents(root / "zh-Hans", docs, seed, half):
        text = path.read_text(encoding="utf-8")
        rel = recall.relpath(path)
        by_rule = [(d.start, d.end) for d in full.lint(text) if d.rule == "duplicate-word"]
        doc = recall.Doc(text)
        for kind in KINDS:
            rng = recall.random.Random(f"{seed}|{rel}|{kind}")
            injs, _ = recall.choose(doc, kind, per_doc, rng, str(path.resolve()), by_rule)
            for inj in injs:
                damaged, spans, _ = recall.apply(text, [inj])
                a, b = spans[0][0]
                _seen.clear()
                linter.lint(damaged)
                labels = [label for s, e, label in _seen if s < b and e > a]
                label = "reported" if "reported" in labels else labels[0] if labels else "no candidate"
                out[kind][label] += 1
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", default="test", choices=("test", "tune", "all"))
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument("--per-doc", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    root = HERE.parent.parent / "shared" / "corpus"
    _instrument()
    clean, chars = clean_counts(root, args.half)
    injected = injected_counts(root, args.half, args.docs, args.per_doc, args.seed)
    labels = sorted(set(clean) | {k for c in injected.values() for k in c}, key=lambda k: (k != "reported", k))
    print(
        f"duplicate-word's reasons, half {args.half}: clean text {chars:,} characters (zh-Hans and zh-Hant), "
        f"injections of recall.py (seed {args.seed})"
    )
    print(f"{'reason':74} {'clean':>6} " + " ".join(f"{k:>10}" for k in KINDS))
    for label in labels:
        print(f"{label[:74]:74} {clean[label]:6} " + " ".join(f"{injected[k][label]:10}" for k in KINDS))
    print(f"{'all':74} {sum(clean.values()):6} " + " ".join(f"{sum(injected[k].values()):10}" for k in KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
