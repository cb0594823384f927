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


def pytest_configure(config) -> None:
    """Keep the tests' start-up cache (zhproof.cache) out of the user's home: one fresh folder per session,
    inherited by the zhproof processes the tests start."""
    import os
    import tempfile

    if "ZHPROOF_CACHE_DIR" not in os.environ:
        os.environ["ZHPROOF_CACHE_DIR"] = tempfile.mkdtemp(prefix="zhproof-test-cache-")
