"""Which rule costs what: time each rule alone over the corpus (or given files).

Usage:  python bench/profile_rules.py [PATH ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from zhproof.document import Document  # noqa: E402
from zhproof.registry import builtin_rules  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (*.txt); default ../shared/corpus/zh-Hans"
    )
    args = parser.parse_args(argv[1:])
    paths = args.paths or [HERE.parent.parent / "shared" / "corpus" / "zh-Hans"]
    missing = [p for p in paths if not p.exists()]
    if missing:
        parser.error(f"no such file or folder: {missing[0]}")
    files = [f for p in paths for f in (sorted(p.rglob("*.txt")) if p.is_dir() else [p])]
    texts = [f.read_text(encoding="utf-8") for f in files]
    chars = sum(len(t) for t in texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    rules = builtin_rules()
    # warm up: load lexicon and converters once, outside the timings
    for rule in rules.values():
        list(rule.check(Document("疫情疫情防控，交通運輸。\n生活物\n\n资保障。")))
    rows = []
    for name, rule in rules.items():
        t = time.perf_counter()
        n = 0
        for text in texts:
            n += sum(1 for _ in rule.check(Document(text)))
        rows.append((time.perf_counter() - t, name, n))
    total = sum(r[0] for r in rows)
    print(f"{len(files)} files, {chars:,} characters, {mb:.1f} MB; all rules {total:.2f}s = {mb / total:.2f} MB/s")
    for secs, name, n in sorted(rows, reverse=True):
        print(f"  {name:24} {secs:7.3f}s  {mb / secs:8.1f} MB/s  {n:6} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
