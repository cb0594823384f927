"""Side-by-side speed: zhproof, autocorrect, a single regex scan and reading the file, on the same inputs.

Inputs (built once into bench/out/): an empty file (start-up), 1 MB and 10 MB of text made by concatenating
documents of ../shared/corpus/zh-Hans (all genres, sorted, blank line between documents).

Measured, each the median of --runs runs (after one warm-up), the tools of an input timed in turn (one run of
each, again and again) so that the machine's slow spells weigh on all of them alike:
- read:         reading and decoding the file (the floor);
- regex scan:   one `regex` search for a doubled Han character, (\\p{Han})\\1, over the text;
- autocorrect:  autocorrect-py's lint (`autocorrect_py.lint_for(text, "x.txt")`), in process;
- zhproof lint: zhproof's full default rule set on the text, in process (`Linter().lint`): one process, as
                autocorrect's lint is one thread;
- zhproof lint, N processes: `Linter(jobs=N).lint`, the rules shared among the machine's N cores (what
                `zhproof check` does with one long file);
- zhproof fix:  `Linter().fix(text, unsafe=True)`, in process;
- zhproof CLI:  the whole `zhproof check` process on the file, output to /dev/null (start-up included), with
                `--jobs 1` and as it runs by default (the machine's cores);
- start-up:     `zhproof check` on the empty file and on 1 KB, against `python -c "import click"` (with zhproof's
                start-up cache, as every run after the first has it, and without).

Usage:  python bench/speed.py [--runs 5] [--skip-autocorrect]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "zh-Hans"
OUT = HERE / "out"


def build_inputs() -> dict[str, Path]:
    OUT.mkdir(exist_ok=True)
    docs = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    paths = {
        "empty": OUT / "speed-empty.txt",
        "1KB": OUT / "speed-1k.txt",
        "1MB": OUT / "speed-1mb.txt",
        "10MB": OUT / "speed-10mb.txt",
    }
    paths["empty"].write_text("", encoding="utf-8")
    for name, size in (("1KB", 1_000), ("1MB", 1_000_000), ("10MB", 10_000_000)):
        out, total, i = [], 0, 0
        while total < size:
            doc = docs[i % len(docs)]
            out.append(doc)
            total += len(doc.encode("utf-8")) + 2
            i += 1
        data = "\n\n".join(out).encode("utf-8")[:size]
        data = data.decode("utf-8", errors="ignore").encode("utf-8")  # cut on a character boundary
        paths[name].write_bytes(data)
    return paths


def interleaved_medians(tools: list[tuple[str, object, int]]) -> list[tuple[str, float]]:
    """Median time of each tool, timed in turn (one run of each, again and again, after a warm-up run of
    each), so that a slow spell of the machine weighs on every tool alike and the ratios stay fair."""
    times: dict[str, list[float]] = {label: [] for label, _, _ in tools}
    for _, fn, _ in tools:
        fn()  # warm-up
    for n in range(max(runs for _, _, runs in tools)):
        for label, fn, runs in tools:
            if n < runs:
                t = time.perf_counter()
                fn()
                times[label].append(time.perf_counter() - t)
    return [(label, statistics.median(times[label])) for label, _, _ in tools]


def interleaved_times(cmds: list[tuple[list[str], dict | None]], runs: int) -> list[float]:
    """Median whole-process time of each command, running them in turn (so that a slow spell of the machine
    weighs on all of them alike), after one warm-up run of each."""
    times: list[list[float]] = [[] for _ in cmds]
    for n in range(runs + 1):
        for i, (cmd, env) in enumerate(cmds):
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
            if n:
                times[i].append(time.perf_counter() - t)
    return [statistics.median(ts) for ts in times]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--skip-autocorrect", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import regex

    import zhproof

    paths = build_inputs()
    exe = Path(sys.executable).parent / "zhproof"
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    )
    print(f"median of {args.runs} runs\n")

    # An installed zhproof has its modules compiled to bytecode (pip does it at install time); a checkout run in
    # place may not (PYTHONDONTWRITEBYTECODE), and compiling them at every start would be measured instead.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], stdout=subprocess.DEVNULL, check=True)
    # start-up timings are short and drift with the machine: more runs, taken in turn (one of each, again)
    runs = max(args.runs, 21)
    click_t, empty_t, kb_t, cold_t = interleaved_times(
        [
            ([sys.executable, "-c", "import click"], None),
            ([str(exe), "check", "--jobs", "1", str(paths["empty"])], None),
            ([str(exe), "check", "--jobs", "1", str(paths["1KB"])], None),
            ([str(exe), "check", "--jobs", "1", str(paths["1KB"])], {**os.environ, "ZHPROOF_NO_CACHE": "1"}),
        ],
        runs,
    )
    print(f"start-up (whole process, median of {runs} runs)")
    print(f"  python -c 'import click'      {click_t * 1000:7.1f} ms")
    print(f"  zhproof check <empty file>    {empty_t * 1000:7.1f} ms   ({empty_t / click_t:.2f}x import click)")
    print(f"  zhproof check <1 KB file>     {kb_t * 1000:7.1f} ms   ({kb_t / click_t:.2f}x import click)")
    print(
        f"  the same, cache off           {cold_t * 1000:7.1f} ms   ({cold_t / click_t:.2f}x import click;"
        " ZHPROOF_NO_CACHE=1, every pattern compiled)\n"
    )

    ac = None
    if not args.skip_autocorrect:
        try:
            import autocorrect_py as ac  # noqa: F811
        except ImportError:
            print("(autocorrect-py is not installed: pip install autocorrect-py)\n")
    scan = regex.compile(r"(\p{Han})\1")
    linter = zhproof.Linter()
    cores = os.cpu_count() or 1
    shared = zhproof.Linter(jobs=cores)
    for name in ("1MB", "10MB"):
        path = paths[name]
        mb = path.stat().st_size / 1e6
        text = path.read_text(encoding="utf-8")
        cli = [str(exe), "check", "--jobs", "1", "--exit-zero", str(path)]
        cli_cores = [str(exe), "check", "--exit-zero", str(path)]
        tools = [
            ("read", lambda: path.read_bytes().decode("utf-8"), args.runs),
            ("regex scan", lambda: scan.findall(text), args.runs),
        ]
        failures: list[str] = []
        if ac is not None:
            # autocorrect's parser stops on some long lines ("call limit reached") when given the whole text;
            # it lints line by line anyway, so it gets the text paragraph by paragraph (those few it cannot
            # parse are skipped and counted)
            paragraphs = text.split("\n")

            def autocorrect():
                failures.clear()
                for para in paragraphs:
                    try:
                        ac.lint_for(para, "x.txt")
                    except ValueError:
                        failures.append(para)

            tools.append(("autocorrect lint", autocorrect, args.runs))
        tools += [
            ("zhproof lint", lambda: linter.lint(text), args.runs),
        ]
        if cores > 1:
            tools.append((f"zhproof lint, {cores} proc", lambda: shared.lint(text), args.runs))
        tools += [
            ("zhproof fix", lambda: linter.fix(text, unsafe=True), max(1, args.runs // 2)),
            (
                "zhproof CLI --jobs 1",
                lambda: subprocess.run(cli, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
                args.runs,
            ),
        ]
        if cores > 1:
            tools.append(
                (
                    f"zhproof CLI, {cores} proc",
                    lambda: subprocess.run(cli_cores, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
                    args.runs,
                )
            )
        rows = interleaved_medians(tools)
        if failures:
            print(f"  (autocorrect could not parse {len(failures)} of {len(paragraphs)} lines)")
        times = dict(rows)
        print(f"{name} ({mb:.1f} MB)")
        for label, t in rows:
            extra = ""
            if label.startswith("zhproof"):
                extra = f"   {times['regex scan'] and t / times['regex scan']:.1f}x the regex scan"
                if "autocorrect lint" in times:
                    extra += f", autocorrect/zhproof = {times['autocorrect lint'] / t:.2f}"
            print(f"  {label:22} {t:8.3f} s  {mb / t:8.1f} MB/s{extra}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
