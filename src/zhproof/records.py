"""JSON Lines in a run: the cleaned copies written with --fix --output, and the records that cannot be read."""

from __future__ import annotations

import os
from pathlib import Path

from .execution import Result
from .files import new_file_mode


class OutputError(Exception):
    """--output cannot be written; the message says why, on one line."""


class JsonlWriters:
    """Cleaned JSON Lines copies, written record by record to a temporary file, renamed when complete."""

    def __init__(self, output: Path | None):
        self.output = output
        self.open: dict[str, tuple] = {}

    def check_target(self, several: bool, names: list[str] | None = None) -> None:
        """Fail before any work when --output cannot be written, or when two inputs would be written to one file
        of the folder (2023/part-0.jsonl and 2024/part-0.jsonl: the second would replace the first), or an input
        would be written over."""
        out = self.output
        if out is None:
            return
        if several and not out.is_dir():
            raise OutputError("--output must be an existing folder when several JSON Lines files are fixed")
        if out.is_dir() and names:
            seen: dict[Path, str] = {}
            for name in names:
                target = self._target(name)
                if target in seen:
                    raise OutputError(
                        f"--output {out}: {seen[target]} and {name} would both be written to {target}; "
                        "fix them in separate runs, each with its own folder"
                    )
                seen[target] = name
        for name in names or ():
            if name != "-" and os.path.exists(name) and os.path.exists(self._target(name)):
                if os.path.samefile(name, self._target(name)):
                    raise OutputError(
                        f"--output {self._target(name)} is the input {name}: records are never rewritten in place"
                    )
        folder = out if out.is_dir() else out.parent
        if not folder.is_dir():
            raise OutputError(f"--output {out}: the folder {folder} does not exist")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(f"--output {out}: the folder {folder} is not writable")

    def _target(self, name: str) -> Path:
        assert self.output is not None
        if self.output.is_dir():
            return self.output / Path(name if name != "-" else "stdin.jsonl").name
        return self.output

    def write(self, name: str, records: list[bytes]) -> None:
        import tempfile

        if name not in self.open:
            target = self._target(name)
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".zhproof-tmp", dir=target.parent)
            except OSError as e:
                raise OutputError(f"--output {target}: cannot write: {e.strerror or e}") from None
            self.open[name] = (os.fdopen(fd, "wb"), tmp, target)
        self.open[name][0].writelines(records)

    def close(self, failed: set[str]) -> None:
        for name, (f, tmp, target) in self.open.items():
            f.flush()
            os.fsync(f.fileno())
            f.close()
            if name in failed:
                os.unlink(tmp)  # the input could not be read to its end: no half-cleaned copy
            else:
                # the permission bits of the file it replaces, or of a new file under the umask (a temporary
                # file is created readable by its owner alone)
                try:
                    mode = target.stat().st_mode & 0o7777
                except OSError:
                    mode = new_file_mode()
                os.chmod(tmp, mode)
                os.replace(tmp, target)
        self.open.clear()

    def abort(self) -> None:
        for f, tmp, _ in self.open.values():
            f.close()
            try:
                os.unlink(tmp)
            except OSError:
                pass
        self.open.clear()


class RecordProblems:
    """Records that cannot be read: each invalid one reported with its line number (the first ``SHOWN`` of a
    file); records without the text field are summed up in one line per file, since a wrong --jsonl-field
    makes them all so."""

    SHOWN = 20

    def __init__(self) -> None:
        self.count = 0
        self.unfixable = 0  # of them, records whose fixes did not converge (readable, but written unchanged)
        self.invalid: dict[str, int] = {}
        self.no_field: dict[str, list] = {}  # name -> [count, first line, keys of the first]
        self.messages: list[str] = []

    def add(self, name: str, problems: list[tuple[int, str, str]]) -> list[str]:
        """The error lines to print now for these problems."""
        out = []
        for line, kind, detail in problems:
            self.count += 1
            if kind == "fix":
                self.unfixable += 1
                out.append(f"{name}: record {line}: {detail}; the record is written unchanged")
            elif kind == "json":
                shown = self.invalid.get(name, 0)
                self.invalid[name] = shown + 1
                if shown < self.SHOWN:
                    out.append(f"{name}: record {line}: not valid JSON ({detail})")
            elif name not in self.no_field:
                self.no_field[name] = [1, line, detail]
            else:
                self.no_field[name][0] += 1
        return out

    def finish(self, field: str | None) -> list[str]:
        """The error lines that sum up, at the end of the run."""
        out = []
        for name, n in self.invalid.items():
            if n > self.SHOWN:
                out.append(f"{name}: {n - self.SHOWN} more records not valid JSON")
        for name, (n, line, keys) in self.no_field.items():
            what = f"first at record {line}" if n > 1 else f"record {line}"
            records = f"{n} record{'s' if n != 1 else ''}"
            out.append(f"{name}: {records} without the text field {field!r} ({what}; it has: {keys or 'nothing'})")
        return out


def records_summary(results: list[Result], fix: bool, unreadable: int, unfixable: int = 0) -> str:
    checked = sum(r.checked for r in results)
    out = f"{checked} record{'s' if checked != 1 else ''} checked"
    if fix:
        out += f", {sum(r.changed for r in results)} fixed"
        out += f", {unreadable} passed through unchanged (unreadable)"
        if unfixable:
            out += f", {unfixable} passed through unchanged (their fixes did not converge)"
    elif unreadable:
        out += f", {unreadable} unreadable"
    return out
