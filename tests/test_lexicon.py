"""The lexicon (rules/lexicon, read by zhproof.lexicon): its segmentation."""

from __future__ import annotations

import math
from zhproof.lexicon import MAX_WORD, lexicon


def _segment_by_dag(lex, text: str, route) -> list[tuple[int, int]]:
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
    return route(dags)


def test_segment_is_the_best_route(segment_pieces, best_route):
    lex = lexicon()
    assert len(segment_pieces) > 400
    for piece in segment_pieces:
        assert lex.segment(piece) == _segment_by_dag(lex, piece, best_route), piece
    assert lex.segment("") == []
    assert lex.segment("\ud800改革") == [(0, 1), (1, 3)]  # a lone surrogate is a character of its own
