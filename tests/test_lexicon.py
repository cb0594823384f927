"""The lexicon (rules/lexicon, read by zhproof.lexicon): its segmentation."""

from __future__ import annotations

import math
from pathlib import Path

from zhproof.lexicon import MAX_WORD, lexicon


def _segment_by_dag(lex, text: str) -> list[tuple[int, int]]:
    """The segmentation spelled out as jieba does it (the DAG of every position's words in use, a lone character
    at frequency 1 where none is, then the best route from the right: the likeliest, ties to the longer first word),
    for comparison with Lexicon.segment's single pass."""
    n = len(text)
    dags = []
    for k in range(n):
        ends = [
            (k + len(w), math.log(lex.freq[i]) - lex.log_total)
            for w, i in lex.trie.iter_prefixes_with_ids(text[k : k + MAX_WORD])
            if lex.freq[i] > 0
        ]
        if not ends or ends[0][0] != k + 1:
            ends.insert(0, (k + 1, -lex.log_total))
        dags.append(ends)
    score, best = [0.0] * (n + 1), [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        score[k], best[k] = max((p + score[e], e) for e, p in dags[k])
    out, k = [], 0
    while k < n:
        out.append((k, best[k]))
        k = best[k]
    return out


def test_segment_is_the_best_route():
    lex = lexicon()
    seed = (Path(__file__).resolve().parent.parent / "samples" / "seed.txt").read_text(encoding="utf-8")
    texts = [seed[:3000], "𠀀𠁀中国人民共和国的的的", "中华人民共和国成立了，ＡＢＣabc 大力推推进"]
    checked = 0
    for text in texts:
        for i in range(0, len(text), 7):
            piece = text[i : i + 1 + i % 23]
            assert lex.segment(piece) == _segment_by_dag(lex, piece), piece
            checked += 1
    assert checked > 400
    assert lex.segment("") == []
    assert lex.segment("\ud800改革") == [(0, 1), (1, 3)]  # a lone surrogate is a character of its own
