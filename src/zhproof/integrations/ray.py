"""Lint or fix a text column of a Ray Dataset with zhproof, for corpora that outgrow one machine.

Install with ``pip install zhproof[ray]``. Each Ray worker builds one zhproof ``Linter`` and reuses it for
every batch it is given; the results are exactly those of ``zhproof.lint_text`` / ``zhproof.fix_text`` on
each row's text.

    import ray, zhproof.integrations.ray as zr
    ds = ray.data.read_json("corpus/*.jsonl")              # rows with a "text" column
    findings = zr.lint(ds, column="text", id_column="id")  # one row per finding
    cleaned = zr.fix(ds, column="text")                    # the same rows, text fixed (safe fixes)
    cleaned.write_json("clean/")
"""

from __future__ import annotations

from typing import Any

#: The columns of a finding row, after the id column.
FINDING_COLUMNS = ("rule", "severity", "message", "start", "end", "replacement", "applicability")

_LINTERS: dict[tuple, Any] = {}


def _linter(options: tuple):
    """One Linter per worker process and set of options (built on first use, then reused)."""
    if options not in _LINTERS:
        import zhproof

        select, ignore, variant = options
        _LINTERS[options] = zhproof.Linter(
            select=select and list(select), ignore=ignore and list(ignore), variant=variant
        )
    return _LINTERS[options]


def _options(select, ignore, variant) -> tuple:
    def norm(v):
        if v is None:
            return None
        return tuple(v.split(",")) if isinstance(v, str) else tuple(v)

    return norm(select), norm(ignore), variant


def finding_rows(text: str, linter) -> list[dict]:
    out = []
    for d in linter.lint(text):
        out.append(
            {
                "rule": d.rule,
                "severity": d.severity.value,
                "message": d.message,
                "start": d.start,
                "end": d.end,
                "replacement": d.replacement(text),
                "applicability": d.fix.safety.label if d.fix else None,
            }
        )
    return out


def _lint_batch(batch, column: str, id_column: str | None, options: tuple):
    import pandas as pd

    linter = _linter(options)
    rows = []
    ids = batch[id_column] if id_column else batch.index
    for row_id, text in zip(ids, batch[column]):
        for f in finding_rows(text if isinstance(text, str) else "", linter):
            rows.append({"id": row_id, **f})
    return pd.DataFrame(rows, columns=["id", *FINDING_COLUMNS])


def _fix_batch(batch, column: str, output_column: str, unsafe: bool, options: tuple):
    linter = _linter(options)
    batch = batch.copy()
    batch[output_column] = [
        linter.fix(text, unsafe=unsafe).text if isinstance(text, str) else text for text in batch[column]
    ]
    return batch


def lint(
    ds,
    column: str = "text",
    id_column: str | None = None,
    *,
    select=None,
    ignore=None,
    variant: str = "zh-Hans",
    **map_batches_args,
):
    """A Dataset with one row per finding: ``id`` (the value of ``id_column``, or the row's position in its
    batch when None), then rule, severity, message, start, end (code-point offsets), replacement and
    applicability. Extra keyword arguments go to ``Dataset.map_batches`` (concurrency, batch_size...)."""
    return ds.map_batches(
        _lint_batch,
        batch_format="pandas",
        fn_kwargs={"column": column, "id_column": id_column, "options": _options(select, ignore, variant)},
        **map_batches_args,
    )


def fix(
    ds,
    column: str = "text",
    output_column: str | None = None,
    *,
    unsafe: bool = False,
    select=None,
    ignore=None,
    variant: str = "zh-Hans",
    **map_batches_args,
):
    """The same rows with ``column`` fixed (into ``output_column`` when given, keeping the original)."""
    return ds.map_batches(
        _fix_batch,
        batch_format="pandas",
        fn_kwargs={
            "column": column,
            "output_column": output_column or column,
            "unsafe": unsafe,
            "options": _options(select, ignore, variant),
        },
        **map_batches_args,
    )
