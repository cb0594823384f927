"""Warm-up before a large run: import what the rules will need anyway, once, before worker processes fork.

The vector search of duplicate-word uses numpy when it is already imported (or after enough text). Importing
numpy costs 80-90 ms (bench/README.md), which a large run repays and a small one does not; forked workers inherit it.
"""

from __future__ import annotations

import sys

#: Bytes of input from which numpy is imported before the run (bench/README.md, the vector search).
NUMPY_RUN_BYTES = 2_000_000


def prepare_for_run(total_bytes: int) -> None:
    if total_bytes >= NUMPY_RUN_BYTES and "numpy" not in sys.modules:
        try:
            import numpy  # noqa: F401
        except ImportError:  # pragma: no cover - numpy is a dependency; the rules work without it
            pass
