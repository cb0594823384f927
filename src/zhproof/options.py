"""The options of one `zhproof check` run: one object from the command line to the runner and its workers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class CheckOptions:
    paths: list[str] = field(default_factory=list)  # files, folders, "-" for standard input
    fix: bool = False
    unsafe_fixes: bool = False  # with --fix/--diff: apply unsafe fixes; alone: show them as available
    diff: bool = False
    select: list[str] | None = None  # --select (each time it is given adds to it); None: the configuration's
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    variant: str | None = None
    output_format: str = "text"
    statistics: bool = False
    config: Path | None = None  # --config: one configuration for every file
    exit_zero: bool = False
    jsonl_field: str | None = None  # .jsonl files (and stdin) hold records with this text field
    output: Path | None = None  # --fix on JSON Lines: where the cleaned records go
    jobs: int = 0  # worker processes; 0: the machine's cores
    progress: bool | None = None
    stdin_filename: Path | None = None  # standard input is treated as this file
    force_exclude: bool = False  # `exclude` applies to files named on the command line too
    quiet: bool = False  # findings only: no summary line, no notes

    @property
    def apply_unsafe(self) -> bool:
        """Are unsafe fixes applied (not only shown)?"""
        return self.unsafe_fixes and (self.fix or self.diff)
