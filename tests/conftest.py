from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "samples" / "seed.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def segment_pieces(seed_text) -> list[str]:
    """Pieces of 1 to 23 characters of the sample document, and of texts with characters outside any vocabulary
    (alone or in a run) and doubled characters, for comparing a segmenter with its definition."""
    texts = [seed_text[:3000], "𠀀𠁀中国人民共和国的的的", "中华人民共和国成立了，ＡＢＣabc 大力推推进"]
    return [text[i : i + 1 + i % 23] for text in texts for i in range(0, len(text), 7)]


def _best_route(dags: list[list[tuple[int, float]]]) -> list[tuple[int, int]]:
    """The spans of the best route through a segmentation DAG (``dags[k]``: the (end, log probability) of each word
    that starts at k), found from the right as jieba does: the likeliest, ties to the longer first word."""
    n = len(dags)
    score, best = [0.0] * (n + 1), [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        score[k], best[k] = max((p + score[e], e) for e, p in dags[k])
    out, k = [], 0
    while k < n:
        out.append((k, best[k]))
        k = best[k]
    return out


@pytest.fixture(scope="session")
def best_route():
    return _best_route


def pytest_configure(config) -> None:
    """Keep the tests' start-up cache (zhproof.cache) out of the user's home: one fresh folder per session,
    inherited by the zhproof processes the tests start."""
    import os
    import tempfile

    if "ZHPROOF_CACHE_DIR" not in os.environ:
        os.environ["ZHPROOF_CACHE_DIR"] = tempfile.mkdtemp(prefix="zhproof-test-cache-")
