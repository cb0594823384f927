"""The runner: work units through worker processes (or this one), results back in input order.

Discovery (``discovery``) says what to check, execution (``execution``) checks one unit; this module only
schedules: files go to workers in batches, JSON Lines in chunks of records, a bounded number ahead of the
results so that an input larger than memory streams through.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .execution import DataUnit, Executor, FileUnit, RecordsUnit, Result, Unit
from .options import CheckOptions

#: Records of a JSON Lines file handed to a worker at a time.
JSONL_CHUNK = 256
#: Files go to a worker in batches of up to this many, or this many bytes: one task (and one round trip
#: between processes) per small file cost more than linting it.
FILE_BATCH = 16
FILE_BATCH_BYTES = 1 << 20

_WORKER: Executor | None = None


def _init_worker(options: CheckOptions) -> None:
    global _WORKER
    _WORKER = Executor(options)


def _work(units: list[Unit]) -> list[Result]:
    assert _WORKER is not None
    return [_WORKER.run(unit) for unit in units]


def run_units(executor: Executor, units: Iterable[Unit], jobs: int) -> Iterator[tuple[Unit, Result]]:
    """(unit, result) for each unit, in input order.

    With jobs > 1 the units go to worker processes, files in batches, a bounded number ahead of the results
    (few chunks of records, so a JSON Lines file larger than memory streams through), and the results still
    come back in input order. Standard input stays in this process.
    """
    if jobs <= 1:
        for unit in units:
            yield unit, executor.run(unit)
        return
    import multiprocessing
    from collections import deque

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(executor.options,)) as pool:
        pending: deque = deque()  # (units, async result or None, results done here or None)
        batch: list[Unit] = []
        batch_bytes = 0

        def submit(group: list[Unit]) -> None:
            pending.append((group, pool.apply_async(_work, (group,)), None))

        for unit in units:
            if isinstance(unit, FileUnit):
                batch.append(unit)
                batch_bytes += unit.size()
                if len(batch) >= FILE_BATCH or batch_bytes >= FILE_BATCH_BYTES:
                    submit(batch)
                    batch, batch_bytes = [], 0
            else:
                if batch:
                    submit(batch)
                    batch, batch_bytes = [], 0
                if isinstance(unit, DataUnit):  # stdin stays in this process (units are few; order is kept)
                    pending.append(([unit], None, [executor.run(unit)]))
                else:
                    submit([unit])
            # a batch of files is only paths until a worker reads them, so several may wait (a large file then
            # does not keep the other workers idle); a chunk of records is held in memory, so few
            window = 2 * jobs if isinstance(unit, RecordsUnit) else 4 * jobs
            while len(pending) >= window or (pending and pending[0][1] is None):
                group, job, done = pending.popleft()
                yield from zip(group, done if job is None else job.get())
        if batch:
            submit(batch)
        while pending:
            group, job, done = pending.popleft()
            yield from zip(group, done if job is None else job.get())


def jsonl_units(name: str, path: Path | None, stream: IO[bytes], chunk: int = JSONL_CHUNK) -> Iterator[RecordsUnit]:
    """Split a JSON Lines stream into units of ``chunk`` records, read lazily."""
    lines: list[bytes] = []
    first = 1
    n = 0
    for raw in stream:
        n += 1
        lines.append(raw)
        if len(lines) >= chunk:
            yield RecordsUnit(name, path, first, lines)
            first, lines = n + 1, []
    if lines:
        yield RecordsUnit(name, path, first, lines)
