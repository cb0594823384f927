"""Build zhproof's lexicon (rules/lexicon/) from jieba's dictionary.

Source: jieba 0.42.1 ``dict.txt`` (MIT licence, https://github.com/fxsjy/jieba):
349,046 words with a corpus frequency and a part-of-speech tag.

Plus rules/lexicon/extra-words.txt: words that entered common use after jieba's dictionary was compiled.

Output (all loaded lazily, by memory map, only when a rule needs the lexicon):
  words.marisa  a MARISA trie of the words (prefix look-ups for segmentation)
  freq.bin      uint32 little-endian frequency per trie key id
  pos.bin       uint8 part-of-speech index per trie key id
  chars.tsv     per character: how many words start and end with it, how many person names start with it
  meta.json     total frequency, part-of-speech names, source and licence

Run:  python tools/build_lexicon.py [path/to/dict.txt]
"""

from __future__ import annotations

import array
import json
import sys
from pathlib import Path

import marisa_trie

OUT = Path(__file__).resolve().parent.parent / "rules" / "lexicon"


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        src = Path(argv[1])
    else:
        import importlib.util

        spec = importlib.util.find_spec("jieba")
        if spec is None or spec.origin is None:
            print("jieba is not installed: pip install jieba==0.42.1", file=sys.stderr)
            return 2
        src = Path(spec.origin).parent / "dict.txt"
    freqs: dict[str, tuple[int, str]] = {}
    extra = OUT / "extra-words.txt"
    lines = src.read_text(encoding="utf-8").splitlines()
    lines += [l for l in extra.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    for line in lines:
        parts = line.split(" ")
        if len(parts) < 2:
            continue
        word, freq = parts[0], int(parts[1])
        pos = parts[2] if len(parts) > 2 else "x"
        old = freqs.get(word)
        if old is None or freq > old[0]:
            freqs[word] = (freq, pos)
    trie = marisa_trie.Trie(freqs.keys())
    tags = sorted({p for _, p in freqs.values()})
    tag_id = {t: i for i, t in enumerate(tags)}
    freq_arr = array.array("I", [0]) * len(trie)
    pos_arr = array.array("B", [0]) * len(trie)
    for word, (freq, pos) in freqs.items():
        i = trie.key_id(word)
        freq_arr[i] = freq
        pos_arr[i] = tag_id[pos]
    if sys.byteorder != "little":
        freq_arr.byteswap()
    OUT.mkdir(parents=True, exist_ok=True)
    trie.save(str(OUT / "words.marisa"))
    (OUT / "freq.bin").write_bytes(freq_arr.tobytes())
    (OUT / "pos.bin").write_bytes(pos_arr.tobytes())
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    names: dict[str, int] = {}
    for word, (_, pos) in freqs.items():
        if len(word) >= 2:
            starts[word[0]] = starts.get(word[0], 0) + 1
            ends[word[-1]] = ends.get(word[-1], 0) + 1
            if pos == "nr" and len(word) <= 3:
                names[word[0]] = names.get(word[0], 0) + 1
    rows = [
        "# char, then how many words of 2+ characters start with it, end with it, and how many person names"
        " (tag nr, 2-3 characters) start with it"
    ]
    for ch in sorted(set(starts) | set(ends)):
        rows.append(f"{ch}\t{starts.get(ch, 0)}\t{ends.get(ch, 0)}\t{names.get(ch, 0)}")
    (OUT / "chars.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    meta = {
        "source": "jieba 0.42.1 dict.txt (https://github.com/fxsjy/jieba) + rules/lexicon/extra-words.txt",
        "licence": "MIT",
        "words": len(trie),
        "total": sum(f for f, _ in freqs.values()),
        "pos": tags,
    }
    (OUT / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(trie)} words, total frequency {meta['total']}, written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
