"""Are safe fixes right? The precision of the fixes that a plain ``zhproof --fix`` applies (issue 10: a safe fix
must be right at least 99 times in 100 on the benchmark's test half and on the clean corpus).

A safe fix is one whose ``Fix.safety`` is ``Safety.SAFE`` (zhproof.model): ``--fix`` applies it without review,
so a wrong safe fix is an error that zhproof writes into the text. Every finding with a safe fix is judged in two
places, and each is counted once.

1. Injected copies. The documents, the injection types, the sites and the exclusions are those of
   bench/recall.py, reused by importing it (its ``pick_documents``, ``choose``, ``apply``, ``Reference`` and
   generators, with its defaults: ``--docs 120 --per-doc 3 --seed 1``, corpus ../shared/corpus/zh-Hans, reference
   the whole zh-Hans corpus; the sites are chosen with the findings of all rules on the clean text, exactly as
   recall.py does, whatever ``--select`` says). As in recall.py's "repaired" measurement, each injection is put
   ALONE into a copy of its document, and the copy is linted with the measured rules. Every finding with a
   safe fix on that copy is judged so:

   - its fix's edits are applied, alone, to the copy D; the result F is compared with the clean text C in the
     injection's neighbourhood W (the injection with 15 characters of the clean text either side). The fix is
     right when (a) F equals C everywhere outside W (the texts are diffed as in recall.py; e.g. a fix that
     deletes the original of a pasted sentence instead of the copy changes text outside W), and (b) inside W, F
     lies on a shortest edit path from D to C and is closer to C: lev(D, F) + lev(F, C) = lev(D, C) and
     lev(F, C) < lev(D, C) (Levenshtein distance over code points). That is, the fix undoes part or all of the
     damage and changes nothing else. "exact" counts the right fixes with F = C (the neighbourhood equals the
     clean text's, the brief's test); "partial" those that undo only part of the damage (e.g. one of two
     findings on one injection, each converting its own character);
   - a fix that is not right is not counted here when its finding is a finding of the clean text, judged in
     part 2 (counted and printed by reason): "same", the same rule and the same span mapped back through the
     injection, or the same text with 8 characters either side (recall.py's test; this is how the findings
     away from the injection that also occur on the clean text are recognised); "copy", it lies in the
     inserted text and has the same text and replacement as a clean finding of the same rule inside the
     clean text that the injection copies (a pasted sentence carries the source's own errors with it: fixing
     them in the copy does not restore C, but is what the clean finding's fix does); "overlap", mapped back
     through the injection, it overlaps a clean finding of the same rule (the same claim on the same place,
     e.g. when the injection changes the 8 characters of context);
   - every other safe fix on the copy is wrong: at the injection and not repairing it, or away from the
     injection and not on the clean text.

2. Clean text. Every .txt document of the chosen half of ../shared/corpus/zh-Hans (variant zh-Hans) and of
   ../shared/corpus/zh-Hant (variant zh-Hant) is linted with the measured rules; a finding with a safe fix is
   right when bench/known_errors.tsv lists it as a real error of the source (key: path like
   corpus/zh-Hans/news/news21_000.txt, 1-based line, rule; read with bench/precision.py's ``known_errors``),
   and wrong (a false alarm with a safe fix) otherwise.

The half is ``--half test`` (default, the reported figures), ``tune`` or ``all``, by bench/split.py's
``half_of``; it selects both the injected documents and the clean ones. Per rule the script prints the safe
fixes on injected copies (right/total, with exact and partial), the safe fixes on clean text (total, real
errors, false alarms), and the combined precision = right / (all safe fixes counted in 1 and 2), then the
overall line ``safe fixes right: R of N = P%``. Every wrong safe fix is written with 15 characters of context
either side (the finding between ⟦ ⟧, and the text its fix produces) to bench/out/safe-fixes-wrong-HALF.tsv;
the report also goes to bench/out/safe-fixes-summary-HALF.txt.

The code measured is <repo>/src, or the folder named by the environment variable ZHPROOF_SRC (as for recall.py).

Usage:  python bench/safe_fixes.py [--half test|tune|all] [--select RULES] [--docs 120] [--per-doc 3] [--seed 1]
                                   [--jobs 2] [--types a,b]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, os.environ.get("ZHPROOF_SRC") or str(HERE.parent / "src"))
sys.path.insert(1, str(HERE))

import recall  # noqa: E402  (bench/ is on the path; recall puts src/ first as well)
import zhproof  # noqa: E402
from precision import known_errors  # noqa: E402
from split import HALVES, half_of  # noqa: E402
from zhproof.model import Safety  # noqa: E402

SHARED = HERE.parent.parent / "shared"
NEIGHBOURHOOD = recall.NEIGHBOURHOOD  # 15
CONTEXT = recall.CONTEXT  # 15

_STATE: dict = {}


# --------------------------------------------------------------------------------------------------- helpers


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions of code points)."""
    p = 0
    while p < len(a) and p < len(b) and a[p] == b[p]:
        p += 1
    a, b = a[p:], b[p:]
    q = 0
    while q < len(a) and q < len(b) and a[-1 - q] == b[-1 - q]:
        q += 1
    if q:
        a, b = a[:-q], b[:-q]
    if not a or not b:
        return len(a) + len(b)
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def apply_fix(text: str, fix) -> str:
    """``text`` with the edits of one fix applied (and nothing else)."""
    out = text
    for e in sorted(fix.edits, key=lambda e: (e.start, e.end), reverse=True):
        out = out[: e.start] + e.text + out[e.end :]
    return out


def is_safe(d) -> bool:
    return d.fix is not None and d.fix.safety == Safety.SAFE


def _linter(select, variant: str):
    key = (select, variant)
    if key not in _STATE:
        _STATE[key] = zhproof.Linter(select=select, variant=variant)
    return _STATE[key]


def judge(text: str, damaged: str, inj, fix) -> tuple[str, str]:
    """("exact" | "partial" | "wrong", what the fix produces near the injection) for a safe fix on the copy
    ``damaged`` of ``text`` with the single injection ``inj``."""
    fixed = apply_fix(damaged, fix)
    grow = len(damaged) - len(text)
    lo = max(0, inj.pos - NEIGHBOURHOOD)
    hi = min(len(text), inj.end + NEIGHBOURHOOD)
    shown = recall.context(fixed, lo, min(len(fixed), hi + len(fixed) - len(text)), 0)
    if fixed == text:
        return "exact", shown
    hunks = recall.diff_hunks(text, fixed)
    outside = [h for h in hunks if h[0] < lo or h[1] > hi]
    if outside:
        a1, a2, b1, b2 = outside[0]
        return "wrong", "changes text away from the injection: " + recall.context(fixed, b1, b2)
    cw = text[lo:hi]
    dw = damaged[lo : hi + grow]
    fw = fixed[lo : hi + len(fixed) - len(text)]
    dc, df, fc = levenshtein(dw, cw), levenshtein(dw, fw), levenshtein(fw, cw)
    if fc < dc and df + fc == dc:
        return "partial", shown
    return "wrong", shown


# --------------------------------------------------------------------------------------------------- per document


def run_document(task):
    path, rel, variant, inject, select, seed, per_doc, kinds, known = task
    text = Path(path).read_text(encoding="utf-8")
    linter = _linter(select, variant)
    clean = linter.lint(text)
    res = {
        "rel": rel,
        "variant": variant,
        "chars": len(text),
        "clean": Counter(),
        "clean_real": Counter(),
        "inj": Counter(),
        "exact": Counter(),
        "partial": Counter(),
        "by_type": Counter(),
        "wrong_rows": [],
        "skipped": Counter(),
        "injections": 0,
    }
    for d in clean:
        if not is_safe(d):
            continue
        line = recall.line_of(text, d.start)
        res["clean"][d.rule] += 1
        if (rel, line, d.rule) in known:
            res["clean_real"][d.rule] += 1
        else:
            res["wrong_rows"].append(
                (
                    "clean",
                    d.rule,
                    "",
                    rel,
                    line,
                    d.message,
                    recall.context(text, d.start, d.end),
                    _fixed_context(text, d),
                )
            )
    if not inject:
        return res
    # the injection sites exactly as recall.py chooses them: with all rules' findings on the clean text
    full = recall._linter()
    base_clean = clean if (select is None and variant == "zh-Hans") else full.lint(text)
    by_rule = defaultdict(list)
    for d in base_clean:
        by_rule[d.rule].append((d.start, d.end))
    clean_spans = {(d.rule, d.start, d.end) for d in clean}
    clean_keys = {recall._key(d.rule, text, d.start, d.end) for d in clean}
    doc = recall.Doc(text)
    rpath = str(Path(path).resolve())
    for kind in kinds:
        rule = recall.RULE_OF[kind]
        rng = recall.random.Random(f"{seed}|{rel}|{kind}")
        injs, _ = recall.choose(doc, kind, per_doc, rng, rpath, by_rule[rule])
        for inj in injs:
            res["injections"] += 1
            damaged, spans, edits = recall.apply(text, [inj])
            d0, d1 = spans[0][0][0] - inj.mark[0], spans[0][0][0] - inj.mark[0] + len(inj.new)  # inserted text
            sources = [(inj.pos, inj.end), *inj.guards]  # clean text the inserted text copies or replaces
            for d in linter.lint(damaged):
                if not is_safe(d):
                    continue
                verdict, shown = judge(text, damaged, inj, d.fix)
                if verdict == "wrong":
                    why = clean_counterpart(d, text, damaged, clean, clean_spans, clean_keys, edits, d0, d1, sources)
                    if why:
                        res["skipped"][why] += 1
                        continue
                res["inj"][d.rule] += 1
                res["by_type"][d.rule, kind, verdict] += 1
                if verdict == "wrong":
                    res["wrong_rows"].append(
                        (
                            "injected",
                            d.rule,
                            kind,
                            rel,
                            recall.line_of(damaged, d.start),
                            d.message,
                            recall.context(damaged, d.start, d.end),
                            shown,
                        )
                    )
                else:
                    res[verdict][d.rule] += 1
    return res


def clean_counterpart(d, text, damaged, clean, clean_spans, clean_keys, edits, d0, d1, sources) -> str:
    """Why the finding ``d`` on the damaged copy is a finding of the clean text (judged in part 2), or "".

    "same": the same rule and the same span mapped back through the injection, or the same text with 8
    characters either side (recall.py's test); "copy": it lies in the inserted text and has the same text and
    the same replacement as a clean finding of the same rule in the clean text that the injection copies (a
    pasted sentence or passage carries the source's own errors with it); "overlap": mapped back through the
    injection, it overlaps a clean finding of the same rule (the same claim on the same place, e.g. when the
    injection changes the 8 characters of context)."""
    ms, me = recall.to_clean(d.start, edits), recall.to_clean(d.end, edits)
    if (d.rule, ms, me) in clean_spans or recall._key(d.rule, damaged, d.start, d.end) in clean_keys:
        return "same"
    same_rule = [c for c in clean if c.rule == d.rule]
    if d.start < d1 and d.end > d0:
        own, rep = damaged[d.start : d.end], d.replacement(damaged)
        for c in same_rule:
            if (
                any(s <= c.start and c.end <= e for s, e in sources)
                and text[c.start : c.end] == own
                and c.replacement(text) == rep
            ):
                return "copy"
    for c in same_rule:
        if (c.start < me and c.end > ms) if ms < me else c.start <= ms <= c.end:
            return "overlap"
    return ""


def _fixed_context(text: str, d) -> str:
    """The text the fix of ``d`` produces around it, the replacement between ⟦ ⟧."""
    s, e = min(d.start, d.fix.start), max(d.end, d.fix.end)
    fixed = apply_fix(text, d.fix)
    return recall.context(fixed, s, e + len(fixed) - len(text))


# --------------------------------------------------------------------------------------------------- main


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


def main() -> int:
    ap = argparse.ArgumentParser(
        description="Are safe fixes right? The precision of the fixes a plain --fix applies, on recall.py's "
        "injected copies (each injection alone) and on the clean documents of one half.",
        epilog="The method and the definitions: the docstring of bench/safe_fixes.py.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--half",
        choices=HALVES,
        default="test",
        help="half of the corpus (bench/split.py; default test, the reported one)",
    )
    ap.add_argument("--select", default=None, help="only these rules, comma-separated (default: all rules)")
    ap.add_argument("--docs", type=int, default=120, help="injected documents, as recall.py (default 120)")
    ap.add_argument("--per-doc", type=int, default=3, help="injections per document and type (default 3)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--types", default=None, help="comma-separated injection types (default: all of recall.py)")
    ap.add_argument(
        "--corpus",
        default=str(SHARED / "corpus" / "zh-Hans"),
        help="corpus of the injected documents (default ../shared/corpus/zh-Hans)",
    )
    ap.add_argument(
        "--reference",
        default=str(SHARED / "corpus" / "zh-Hans"),
        help="clean text for recall.py's attested test (default the whole zh-Hans corpus)",
    )
    ap.add_argument(
        "--hant",
        default=str(SHARED / "corpus" / "zh-Hant"),
        help="zh-Hant clean corpus (variant zh-Hant; default ../shared/corpus/zh-Hant)",
    )
    args = ap.parse_args()
    kinds = [t for t, _ in recall.TYPES]
    if args.types:
        kinds = [t.strip() for t in args.types.split(",")]
        bad = [t for t in kinds if t not in recall.RULE_OF]
        if bad:
            ap.error(f"unknown type(s) {', '.join(bad)}; known: {', '.join(recall.RULE_OF)}")
    try:
        rules = [r.name for r in zhproof.Linter(select=args.select).rules]
    except ValueError as exc:
        ap.error(str(exc))
    t0 = time.perf_counter()
    recall._STATE["reference"] = recall.Reference(Path(args.reference))  # before the workers fork
    root = Path(args.corpus)
    chosen = {str(f) for f, _ in recall.pick_documents(root, args.docs, args.seed, args.half)}
    known = known_errors()
    tasks = []
    for corpus, variant in ((root, "zh-Hans"), (Path(args.hant), "zh-Hant")):
        if not corpus.is_dir():
            continue
        base = corpus.parent.parent  # ../shared: paths like corpus/zh-Hans/news/news21_000.txt
        for f in sorted(corpus.rglob("*.txt")):
            rel = f.relative_to(base).as_posix()
            if args.half != "all" and half_of(rel) != args.half:
                continue
            tasks.append((str(f), rel, variant, str(f) in chosen, args.select, args.seed, args.per_doc, kinds, known))
    if args.jobs > 1:
        import multiprocessing

        order = {t[1]: i for i, t in enumerate(tasks)}
        # injected documents cost most: first, then the biggest
        heavy_first = sorted(tasks, key=lambda t: (not t[3], -os.path.getsize(t[0])))
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = sorted(pool.imap_unordered(run_document, heavy_first, chunksize=4), key=lambda r: order[r["rel"]])
    else:
        results = [run_document(t) for t in tasks]
    elapsed = time.perf_counter() - t0

    tot = defaultdict(Counter)
    by_type = Counter()
    rows = []
    n_inj = 0
    chars = Counter()
    docs = Counter()
    for r in results:
        for k in ("clean", "clean_real", "inj", "exact", "partial", "skipped"):
            tot[k].update(r[k])
        by_type.update(r["by_type"])
        rows.extend(r["wrong_rows"])
        n_inj += r["injections"]
        chars[r["variant"]] += r["chars"]
        docs[r["variant"]] += 1
    n_docs_inj = sum(1 for t in tasks if t[3])

    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    sfx = f"-{args.half}"
    wrong_path = out_dir / f"safe-fixes-wrong{sfx}.tsv"
    with wrong_path.open("w", encoding="utf-8") as fw:
        fw.write("where\trule\tinjection type\tfile\tline\tmessage\tfinding in context\twhat the fix produces\n")
        for row in rows:
            fw.write(recall._row(row))

    lines = [
        f"zhproof safe fixes: half {args.half}, rules {args.select or 'all'}, seed {args.seed}; injected: "
        f"{n_inj} injections (each alone in a copy) in {n_docs_inj} documents of {root.name}, up to "
        f"{args.per_doc} per document and type; clean: {docs['zh-Hans']} zh-Hans documents "
        f"({chars['zh-Hans']:,} chars) + {docs['zh-Hant']} zh-Hant ({chars['zh-Hant']:,} chars); "
        f"{elapsed:.1f}s with {args.jobs} job(s)",
        "",
    ]
    head = (
        f"{'rule':24} {'injected right/total':>20} {'exact':>6} {'partial':>7} {'clean safe':>10} "
        f"{'real':>5} {'false':>6} {'right/counted':>14} {'precision':>9}"
    )
    lines += [head, "-" * len(head)]
    R = N = 0
    for rule in rules:
        ii = tot["inj"][rule]
        ir = tot["exact"][rule] + tot["partial"][rule]
        cs, cr = tot["clean"][rule], tot["clean_real"][rule]
        right, n = ir + cr, ii + cs
        R += right
        N += n
        lines.append(
            f"{rule:24} {f'{ir}/{ii}':>20} {tot['exact'][rule]:6} {tot['partial'][rule]:7} {cs:10} "
            f"{cr:5} {cs - cr:6} {f'{right}/{n}':>14} {pct(right, n):>9}"
        )
    lines.append("-" * len(head))
    ii, ir = sum(tot["inj"].values()), sum(tot["exact"].values()) + sum(tot["partial"].values())
    cs, cr = sum(tot["clean"].values()), sum(tot["clean_real"].values())
    lines.append(
        f"{'all':24} {f'{ir}/{ii}':>20} {sum(tot['exact'].values()):6} {sum(tot['partial'].values()):7} "
        f"{cs:10} {cr:5} {cs - cr:6} {f'{R}/{N}':>14} {pct(R, N):>9}"
    )
    lines.append("")
    lines.append("safe fixes on injected copies by rule and injection type (exact + partial right / total):")
    for rule in rules:
        cells = []
        for kind in kinds:
            n = sum(by_type[rule, kind, v] for v in ("exact", "partial", "wrong"))
            if n:
                cells.append(f"{kind} {by_type[rule, kind, 'exact'] + by_type[rule, kind, 'partial']}/{n}")
        if cells:
            lines.append(f"  {rule:24} " + ", ".join(cells))
    sk = tot["skipped"]
    lines.append(
        f"not counted on the injected copies (safe fixes that do not repair the injection, of findings of "
        f"the clean text, judged in the clean part): {sum(sk.values())} = same finding {sk['same']}, "
        f"copy of a clean finding in the copied text {sk['copy']}, overlapping a clean finding of the "
        f"same rule {sk['overlap']}"
    )
    lines.append("")
    lines.append(f"safe fixes right: {R} of {N} = {pct(R, N)}")
    lines.append(f"wrong safe fixes: {len(rows)}, in bench/out/{wrong_path.name}")
    report = "\n".join(lines)
    print(report)
    (out_dir / f"safe-fixes-summary{sfx}.txt").write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
