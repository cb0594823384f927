"""Findings of the shared corpus, the regression corpus and the samples, saved or compared: proof that a change
that should not change any finding (a restructuring, a merge) does not.

    python bench/same_findings.py save DIR        # before: one JSON file of findings per input set
    python bench/same_findings.py compare DIR     # after: the same runs, compared with DIR; exit 1 on a difference

Each set is `zhproof check PATH --output-format json --exit-zero` (the shared corpus's zh-Hant half and the
regression corpus also with --variant zh-Hant), run by the zhproof installed beside this Python.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
EXE = Path(sys.executable).parent / "zhproof"
# paths relative to the repository (run from there), so that findings name the same paths in any checkout
SHARED_REL = os.path.relpath(SHARED, ROOT)
SETS = {
    "shared-hans": [f"{SHARED_REL}/zh-Hans"],
    "shared-hant": [f"{SHARED_REL}/zh-Hant", "--variant", "zh-Hant"],
    "regression": ["tests/corpus"],
    "regression-hant": ["tests/corpus", "--variant", "zh-Hant"],
    "samples": ["samples"],
}


def findings(args: list[str]) -> list[dict]:
    r = subprocess.run(
        [str(EXE), "check", *args, "--output-format", "json", "--exit-zero", "--no-progress"],
        capture_output=True,
        check=False,
        cwd=ROOT,
    )
    if r.returncode != 0:
        sys.exit(f"zhproof check {' '.join(args)} failed: {r.stderr.decode(errors='replace').strip()}")
    return json.loads(r.stdout)


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("save", "compare"):
        print(__doc__)
        return 2
    mode, folder = sys.argv[1], Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    differ = 0
    for name, args in SETS.items():
        now = findings(args)
        path = folder / f"{name}.json"
        if mode == "save":
            path.write_text(json.dumps(now, ensure_ascii=False, indent=1), encoding="utf-8")
            print(f"{name:16} {len(now):6} findings saved")
            continue
        before = json.loads(path.read_text(encoding="utf-8"))
        same = before == now
        differ += not same
        print(f"{name:16} {len(before):6} -> {len(now):6} findings  {'identical' if same else 'DIFFERENT'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
