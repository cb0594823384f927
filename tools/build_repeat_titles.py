"""Build rules/lexicon/repeat-titles.marisa: names and titles of Chinese Wikipedia that hold a repeat.

duplicate-word asks whether a repeat is attested as part of a name (尼尼斯托, 柯柯牙, 卡塞塞区, 沈跃跃): the
language model cannot know names it never saw, and an encyclopaedia's titles are the largest open list of them.
Only the titles (and the parts of transliterated names between ``·``) that hold a repeated unit of 1-4 Han
characters and go on beyond it are kept, converted to simplified characters; a repeat in a text is taken as
part of such a name when the whole name stands around it.

Source: the list of all article titles of Chinese Wikipedia (namespace 0) as collected in the repository
zispace/hanzi-words-zhwiki (``raw/zhwiki/*.txt``, dump 20260301). Wikipedia's text is licensed CC BY-SA 4.0;
the derived list is shipped under the same licence (rules/lexicon/SOURCES.md).

Usage:  python tools/build_repeat_titles.py TITLES.txt [TITLES.txt ...]
        (one title per line; e.g. ``git show HEAD:raw/zhwiki/001.txt`` from that repository, concatenated)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import marisa_trie
import opencc

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PART = re.compile(f"[{HAN}]{{3,}}")
_REPEAT = re.compile(f"([{HAN}]{{1,4}})\\1")
_DISAMBIGUATION = re.compile(r"_?[（(][^()（）]*[)）]$")
#: Generic parts that end the titles of places and bodies: 柯柯牙街道 also gives the name 柯柯牙.
_GENERIC = re.compile("(?:街道|社区|镇|乡|村|区|县|市|州|省|河|江|湖|山|岛|站|线|路|街|队|团|科|属)$")
OUT = Path(__file__).resolve().parent.parent / "rules" / "lexicon" / "repeat-titles.marisa"


def titles_with_repeats(lines, convert) -> set[str]:
    out: set[str] = set()
    for line in lines:
        title = _DISAMBIGUATION.sub("", line.strip())
        for part in _PART.findall(title):  # the Han runs of a title: 紹利·尼尼斯托 gives 尼尼斯托
            part = convert(part)
            for name in {part, _GENERIC.sub("", part)}:
                for m in _REPEAT.finditer(name):
                    if len(name) > 2 * len(m.group(1)):
                        out.add(name)
                        break
    return out


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__)
        return 2
    convert = opencc.OpenCC("t2s").convert
    found: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            found |= titles_with_repeats(f, convert)
    marisa_trie.Trie(sorted(found)).save(str(OUT))
    print(f"{len(found)} titles -> {OUT} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
