"""Time and memory of zhproof on adversarial input, and peak RSS on very large files.

Usage:  python bench/adversarial.py [--cap 120] [--skip-big] [--big-mb 100] [--line-mb 10] [--only NAME,...]

Part 1 — the families of tests/test_adversarial.py (same inputs, same n, scaled up as the test scales it
while a run at n is too short to time). For each family, lint_text and
(where it has something to fix) fix_text(unsafe=True) at n and 10n: the minimum of 3 runs at n and of 2 at
10n, the ratio (linear is about 10), the peak Python allocation of one run at 10n (tracemalloc, in a child
process), and the number of findings at 10n. A 10n run that takes longer than --cap seconds is stopped and
shown as "> cap".

Part 2 — the command line (`python -m zhproof check FILE`) in a fresh subprocess on a ~100 MB file of
Chinese prose (paragraphs of real sentences in shuffled order) and on one ~10 MB line (the same sentences
with no line break), with its peak RSS (wait4's ru_maxrss) next to the file size, and the RSS of the same
command on a tiny file (the interpreter, the lexicon and the converters) for reference.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

import zhproof  # noqa: E402


def _test_module():
    spec = importlib.util.spec_from_file_location("zhproof_adversarial", ROOT / "tests" / "test_adversarial.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


# The families and the timing are the test's own, so the table and the test measure the same thing.
_TEST = _test_module()
_best = _TEST._best


def _lint(text):
    return zhproof.lint_text(text)  # the findings are counted


def _fix(text):
    return zhproof.fix_text(text, unsafe=True)


def _child(conn, what, text, reps):
    fn = _lint if what == "lint" else _fix
    try:
        for _ in range(reps):
            gc.collect()
            t0 = time.perf_counter()
            out = fn(text)
            conn.send(("time", time.perf_counter() - t0, len(out) if what == "lint" else None))
        gc.collect()
        tracemalloc.start()
        fn(text)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        conn.send(("memory", peak, None))
    except BaseException:
        conn.send(("error", traceback.format_exc(), None))
    finally:
        conn.close()


def measure_big(what, text, cap, reps=2):
    """(best time or None, peak bytes or None, findings or None, error or None) for the 10n run, in a child."""
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, what, text, reps), daemon=True)
    proc.start()
    send.close()
    times, peak, findings, error = [], None, None, None
    try:
        wait = cap
        for _ in range(reps + 1):
            if not recv.poll(wait):
                break
            kind, value, n = recv.recv()
            if kind == "error":
                error = value.strip().splitlines()[-1]
                break
            if kind == "time":
                times.append(value)
                findings = n if n is not None else findings
                wait = cap
            else:
                peak = value
    except EOFError:
        error = "child died"
    finally:
        proc.kill()
        proc.join()
        recv.close()
    return (min(times) if times else None), peak, findings, error


def part1(args) -> None:
    test = _TEST
    families = test.FAMILIES
    only = set(args.only.split(",")) if args.only else None
    zhproof.fix_text("疫情疫情防控，交通運輸。\n生活物\n\n资保障。", unsafe=True)
    head = f"{'input':28} {'call':4} {'n':>8} {'10n':>9} {'t(n) s':>8} {'t(10n) s':>9} {'ratio':>7} {'peak MB':>8} {'findings':>9}"
    print(head)
    print("-" * len(head))
    for name, (make, base, fix) in families.items():
        if only and name not in only:
            continue
        for what in ("lint", "fix") if fix else ("lint",):
            fn = _lint if what == "lint" else _fix
            try:
                n = base
                for _ in range(test.SCALE_STEPS):  # as the test does: scale n up until a run is long enough to time
                    if _best(fn, make(n), 1) >= test.MIN_SMALL:
                        break
                    n *= 4
                small, big = make(n), make(10 * n)
                t_small = _best(fn, small, 3)
            except Exception as e:
                print(f"{name:28} {what:4} {n:>8} {10 * n:>9}  error at n: {type(e).__name__}: {e}"[:200])
                continue
            t_big, peak, findings, error = measure_big(what, big, args.cap)
            if error:
                print(f"{name:28} {what:4} {n:>8} {10 * n:>9} {t_small:8.3f}  error at 10n: {error}"[:220])
                continue
            tb = f"{t_big:9.3f}" if t_big is not None else f"{'>' + format(args.cap, 'g'):>9}"
            ratio = f"{t_big / t_small:7.1f}" if t_big is not None else f"{'>' + format(args.cap / t_small, '.0f'):>7}"
            mem = f"{peak / 1e6:8.1f}" if peak is not None else f"{'-':>8}"
            if what == "lint" and findings is None:
                findings = "-"
            if what == "fix":
                findings = ""
            print(
                f"{name:28} {what:4} {n:>8} {10 * n:>9} {t_small:8.3f} {tb} {ratio} {mem} {findings!s:>9}", flush=True
            )


# --------------------------------------------------------------------------------------------------------


def _sentences() -> list[str]:
    out = []
    for f in sorted((ROOT / "tests" / "corpus" / "clean").glob("*.txt")):
        if "tw" in f.name:
            continue  # simplified prose only: traditional text would be thousands of traditional-char findings
        for line in f.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line:
                out.extend(s + "。" for s in line.split("。") if s.strip())
    if not out:
        out = ["疫情防控工作要加强领导。", "我们要维护市场秩序，促进经济社会发展。"]
    return out


def make_file(path: Path, size: int, one_line: bool) -> None:
    rnd = random.Random(7)
    sentences = _sentences()
    written = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        while written < size:
            para = "".join(rnd.choice(sentences) for _ in range(rnd.randint(2, 6)))
            if not one_line:
                para += "\n\n"
            data = para.encode("utf-8")
            f.write(para)
            written += len(data)
        if one_line:
            f.write("\n")


def run_cli(path: Path, timeout: float) -> tuple[float, int, int, str]:
    """(seconds, peak RSS bytes, exit code, last line of stdout/stderr) of `zhproof check PATH --statistics`."""
    cmd = [sys.executable, "-m", "zhproof", "check", "--statistics", "--exit-zero", str(path)]
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=path.parent)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                break
            time.sleep(0.05)
        secs = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status) if proc.returncode != -9 else -9
        out.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines()
    rss = usage.ru_maxrss * (1024 if sys.platform.startswith("linux") else 1)
    return secs, rss, code, (lines[-1] if lines else "")


def part2(args) -> None:
    print()
    head = f"{'file':34} {'size MB':>8} {'time s':>8} {'MB/s':>6} {'peak RSS MB':>12} {'RSS/size':>9} {'exit':>5}  last line"
    print(head)
    print("-" * len(head))
    with tempfile.TemporaryDirectory(prefix="zhproof-big-") as d:
        d = Path(d)
        (d / "zhproof.toml").write_text("", encoding="utf-8")
        cases = [
            ("tiny.txt (baseline)", d / "tiny.txt", 0, False),
            (f"prose-{args.big_mb}MB.txt", d / "prose.txt", args.big_mb * 1_000_000, False),
            (f"one-line-{args.line_mb}MB.txt", d / "line.txt", args.line_mb * 1_000_000, True),
        ]
        for label, path, size, one_line in cases:
            if size == 0:
                path.write_text("疫情防控工作。\n", encoding="utf-8")
            else:
                make_file(path, size, one_line)
            real = path.stat().st_size
            secs, rss, code, last = run_cli(path, args.timeout)
            mbps = real / 1e6 / secs if secs else 0
            ratio = f"{rss / real:9.1f}" if real > 1000 else f"{'-':>9}"
            shown = f"{secs:8.1f}" if code != -9 else f"{'>' + format(args.timeout, 'g'):>8}"
            print(
                f"{label:34} {real / 1e6:8.1f} {shown} {mbps:6.2f} {rss / 1e6:12.0f} {ratio} {code:>5}  {last[:70]}",
                flush=True,
            )
            path.unlink()


def main(argv) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cap", type=float, default=120, help="seconds a 10n run may take before it is stopped")
    ap.add_argument("--only", help="only these families (comma-separated)")
    ap.add_argument("--skip-big", action="store_true", help="skip the 100 MB and 10 MB files")
    ap.add_argument("--skip-families", action="store_true", help="only the big files")
    ap.add_argument("--big-mb", type=int, default=100)
    ap.add_argument("--line-mb", type=int, default=10)
    ap.add_argument("--timeout", type=float, default=3600, help="seconds one big-file run may take")
    args = ap.parse_args(argv[1:])
    if not args.skip_families:
        part1(args)
    if not args.skip_big:
        part2(args)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
