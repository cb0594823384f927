"""Scaling on one machine: the same corpus linted by one and two processes (--jobs) and by Ray Data.

Input: the documents of ../shared/corpus/zh-Hans (635 files, 12.2 MB), --copies times over (default 4, so that
the fixed costs of starting processes and a Ray cluster do not hide the throughput), as a folder of files
(in a temporary folder: bench/out/ is git-ignored, and zhproof skips ignored files in a folder it walks) and
as one JSON Lines file with a "text" field (bench/out/scaling.jsonl).

Measured, each the median of --runs runs:
- zhproof check --jobs N on the folder and on the JSON Lines file (the whole process, start-up included);
- Ray Data on a local cluster (ray.init(num_cpus=N)): zhproof.integrations.ray.lint over a Dataset of the
  same records, materialized; the cluster's start (ray.init) is timed apart, and the first run is a warm-up
  (it starts the worker processes).
Every way must report the same number of findings (printed), or the script says so and fails.

Usage:  python bench/scaling.py [--runs 3] [--copies 4] [--skip-ray]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "zh-Hans"
OUT = HERE / "out"


def timed(fn, runs: int) -> tuple[float, object]:
    result = fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def cli(args: list[str]):
    exe = Path(sys.executable).parent / "zhproof"
    r = subprocess.run(
        [str(exe), "check", "--output-format", "json", "--exit-zero", *args], capture_output=True, text=True
    )
    if r.returncode != 0:
        raise SystemExit(f"zhproof check {' '.join(args)} failed: {r.stderr}")
    return len(json.loads(r.stdout))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--skip-ray", action="store_true")
    args = ap.parse_args()
    files = sorted(CORPUS.rglob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files] * args.copies
    records = [{"id": i, "text": t} for i, t in enumerate(texts)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    folder = Path(tempfile.mkdtemp(prefix="zhproof-scaling-"))
    for i, t in enumerate(texts):
        sub = folder / f"{i // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:05d}.txt").write_text(t, encoding="utf-8")
    jsonl = OUT / "scaling.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(
        f"{len(texts)} documents ({len(files)} x {args.copies}), {mb:.1f} MB; {os.cpu_count()} cores; median of {args.runs} runs\n"
    )
    rows = []
    for jobs in (1, 2):
        t, n = timed(lambda: cli(["--jobs", str(jobs), str(folder)]), args.runs)
        rows.append((f"check --jobs {jobs} <folder>", t, n))
    for jobs in (1, 2):
        t, n = timed(lambda: cli(["--jobs", str(jobs), "--jsonl-field", "text", str(jsonl)]), args.runs)
        rows.append((f"check --jobs {jobs} <jsonl>", t, n))
    if not args.skip_ray:
        import logging

        import ray

        from zhproof.integrations import ray as zr

        logging.getLogger("ray").setLevel(logging.WARNING)
        ray.data.DataContext.get_current().enable_progress_bars = False

        for cpus in (1, 2):
            t0 = time.perf_counter()
            ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
            start = time.perf_counter() - t0

            def run():
                ds = ray.data.from_items(records, override_num_blocks=16)
                return zr.lint(ds, id_column="id").count()

            t, n = timed(run, args.runs)
            ray.shutdown()
            rows.append((f"ray num_cpus={cpus} (init {start:.1f} s apart)", t, n))
    base = rows[0][1]
    counts = {n for _, _, n in rows}
    for label, t, n in rows:
        print(f"  {label:38} {t:7.2f} s  {mb / t:6.2f} MB/s  {base / t:5.2f}x  {n} findings")
    shutil.rmtree(folder, ignore_errors=True)
    if len(counts) != 1:
        print(f"\nthe ways disagree on the number of findings: {sorted(counts)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
