"""Discovery: which files a run checks, and the configuration (hence the linter) of each.

Folders are walked for text files, skipping hidden folders, what a .gitignore ignores and what the
configuration's `exclude` excludes; each file's configuration is the nearest one above it. Nothing here reads
a checked file or prints.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import Linter
from .config import Config, ConfigError, find_config, load_config, validate_rule_names
from .kinds import RuleFileError
from .options import CheckOptions
from .registry import default_rules, UnknownRuleError, builtin_rules, load_extra_rules, parse_rule_list

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Files of JSON, which zhproof reads only as JSON Lines (--jsonl-field): as plain text, quotes' fixes break them.
JSON_SUFFIXES = JSONL_SUFFIXES + (".json",)


class SetupError(Exception):
    """A problem that stops the whole run (bad configuration, unknown rule): one line, exit 2."""


class OptionError(SetupError):
    """A rule name of the command line's options that no configuration knows: it stops the whole run, once."""


class Input:
    """One input of the run: ``name`` as reported, ``path`` to read (None: standard input)."""

    __slots__ = ("name", "path")

    def __init__(self, name: str, path: Path | None) -> None:
        self.name = name
        self.path = path

    def __repr__(self) -> str:
        return f"Input({self.name!r}, {self.path!r})"


class Inputs:
    def __init__(self) -> None:
        self.items: list[Input] = []
        self.errors: list[str] = []
        self.notes: list[str] = []
        self.stdin_excluded = False  # standard input named an excluded file (--stdin-filename --force-exclude)


class Configurations:
    """Each file's configuration (found upwards from it, or --config) and the linter it gives, both cached."""

    def __init__(self, options: CheckOptions):
        self.options = options
        self._configs: dict[Path | None, Config] = {}
        self._config_of_dir: dict[Path, Path | None] = {}
        self._linters: dict[tuple, Linter] = {}
        self._bad: dict[Path | None, str] = {}  # configuration files that cannot be used, and why
        #: processes a long file's rules may be shared among (set by the run when it checks files one at a time)
        self.jobs = 1
        if options.config is not None:
            self._load(options.config)  # fail early on a bad --config

    def known_rules(self) -> dict:
        """Every rule the configurations loaded so far know: the built-in ones and their extend-rules packs'."""
        from .registry import builtin_rules

        known = dict(builtin_rules())
        for cfg in self._configs.values():
            known.update(cfg.known)  # type: ignore[attr-defined]
        return known

    def _load(self, path: Path | None) -> Config:
        if path in self._bad:
            raise SetupError(self._bad[path])  # (read once: each file under it asks again)
        if path not in self._configs:
            try:
                cfg = load_config(path) if path is not None else Config()
                known = builtin_rules()
                if cfg.extend_rules:
                    known = load_extra_rules(cfg.extend_rules, known)
                validate_rule_names(cfg, known)
                cfg.known = known  # type: ignore[attr-defined]
            except (ConfigError, RuleFileError) as e:
                self._bad[path] = str(e)
                raise SetupError(str(e)) from None
            self._configs[path] = cfg
        return self._configs[path]

    def config_for(self, path: Path | None) -> Config:
        """--config, or the nearest configuration file above the checked file (for standard input: above
        --stdin-filename, or the current folder)."""
        if self.options.config is not None:
            return self._load(self.options.config)
        if path is None:
            path = self.options.stdin_filename
        folder = (path.parent if path is not None else Path.cwd()).resolve()
        if folder not in self._config_of_dir:
            self._config_of_dir[folder] = find_config(folder)
        return self._load(self._config_of_dir[folder])

    def config_ok(self, path: Path | None) -> bool:
        """Can the configuration of ``path`` be used?"""
        try:
            self.config_for(path)
        except SetupError:
            return False
        return True

    def linter_for(self, path: Path | None) -> Linter:
        """The linter for a file (None: standard input, as --stdin-filename if given)."""
        if path is None:
            path = self.options.stdin_filename
        cfg = self.config_for(path)
        known = cfg.known  # type: ignore[attr-defined]
        extra = tuple(sorted(cfg.ignored_for(path))) if path is not None else ()
        key = (id(cfg), extra)
        if key not in self._linters:
            o = self.options
            try:
                select = parse_rule_list(o.select, known) if o.select else cfg.select
                if o.extend_select:  # added to the selection, or to the default set (opt-in rules, as ruff)
                    base = parse_rule_list(select, known) or default_rules(known)  # an empty list: the default set
                    select = base + parse_rule_list(o.extend_select, known)
                ignore = parse_rule_list(o.ignore, known) + cfg.ignore + list(extra)
                self._linters[key] = Linter(select, ignore, o.variant or cfg.variant, cfg.allow, cfg.rules, known)
            except UnknownRuleError as e:
                raise OptionError(str(e)) from None
        linter = self._linters[key]
        linter.jobs = self.jobs
        return linter


class Discovery:
    """The files to check, from the paths on the command line."""

    def __init__(self, options: CheckOptions, configs: Configurations):
        self.options = options
        self.configs = configs
        self._gitignores: dict[Path, object] = {}
        self._notes: list[str] = []  # what a walk has to say (links out of the folder skipped)

    def is_jsonl(self, name: str) -> bool:
        """Is this input JSON Lines? (Standard input is, with --jsonl-field, unless --stdin-filename names a
        file of another kind.)"""
        return self.options.jsonl_field is not None and (
            name == "-" or name.lower().endswith(JSONL_SUFFIXES + (".json",))
        )

    def collect(self, paths: list[str]) -> Inputs:
        """Files to check. A file named on the command line is checked unless --force-exclude excludes it;
        folders are walked for .txt and .md files (and JSON Lines with --jsonl-field)."""
        inputs = Inputs()
        force = self.options.force_exclude
        seen: set[object] = set()  # each file once, however it is named (twice, in a folder and alone, by a link)
        bad: set[str] = set()

        def skipped(f: Path) -> bool | None:
            """Is ``f`` excluded? None when its configuration cannot be used: an error (once), and the file is not
            checked; the files under other configurations still are."""
            try:
                return self.skipped(f)
            except SetupError as e:
                if str(e) not in bad:
                    bad.add(str(e))
                    inputs.errors.append(f"{e} (the files it governs are not checked)")
                return None

        def add(f: Path) -> None:
            try:
                st = f.stat()
                key: object = (st.st_dev, st.st_ino)
            except OSError:
                key = os.path.realpath(f)
            if key not in seen:
                seen.add(key)
                inputs.items.append(Input(str(f), f))

        for p in paths:
            if p == "-":
                where = self.options.stdin_filename
                if (
                    where is not None
                    and self.options.jsonl_field is None
                    and str(where).lower().endswith(JSON_SUFFIXES)
                ):
                    inputs.errors.append(f"{where}: JSON; give --jsonl-field FIELD to check the text of its records")
                    continue
                if where is not None and force and self.skipped(where):
                    inputs.stdin_excluded = True
                    continue
                if "-" not in seen:
                    seen.add("-")
                    inputs.items.append(Input(str(where) if where is not None else "-", None))
                continue
            path = Path(p)
            if path.is_dir():
                skipped_count = 0
                for f in self._walk(path, inputs.errors):
                    excluded = skipped(f)
                    if excluded:
                        skipped_count += 1
                    elif excluded is not None:
                        add(f)
                if skipped_count:
                    inputs.notes.append(
                        f"{p}: {skipped_count} file{'s' if skipped_count != 1 else ''} skipped (.gitignore or exclude)"
                    )
            elif path.exists():
                # a file named here is read even if it is a pipe (zhproof check <(…), /dev/stdin); a walk skips those
                if self.configs.config_ok(path) is False:
                    skipped(path)  # (its error, once)
                    continue
                if force and skipped(path):
                    continue
                if self.options.jsonl_field is None and p.lower().endswith(JSON_SUFFIXES):
                    # read as plain text, its JSON syntax is no prose: the quotes' fixes broke every record
                    inputs.errors.append(f"{p}: JSON; give --jsonl-field FIELD to check the text of its records")
                    continue
                add(path)
            elif path.is_symlink():
                inputs.errors.append(f"{p}: broken symbolic link")
            else:
                inputs.errors.append(f"{p}: no such file or directory")
        inputs.notes.extend(self._notes)
        return inputs

    def _walk(self, root: Path, errors: list[str]):
        seen: set[tuple[int, int]] = set()
        suffixes = TEXT_SUFFIXES + (JSONL_SUFFIXES if self.options.jsonl_field else ())

        errors_outside: list[str] = []

        def unreadable(e: OSError) -> None:
            # a folder that cannot be listed is an error, not a pass: its files would go unchecked unseen; unless
            # .gitignore or exclude leave out what it holds (a root-owned volume that a .gitignore names)
            if e.filename is not None:
                try:
                    if self.skipped(Path(e.filename), folder=True):
                        return
                except SetupError:
                    pass
            errors.append(f"{e.filename}: cannot read the folder: {e.strerror or e}")

        for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable):
            try:
                st = os.stat(dirpath)
                if (st.st_dev, st.st_ino) in seen:  # a symlink loop
                    dirnames[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
            except OSError:
                continue
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.lower().endswith(suffixes):
                    f = Path(dirpath) / name
                    if not f.is_file():  # not a pipe, a socket or a device (reading a pipe would wait forever)
                        continue
                    if f.is_symlink() and not _inside(f, root):
                        # a link out of the folder walked: its target is another tree's file, which --fix would
                        # rewrite (as a walk of ruff's, the walk stays in its tree; name the file to check it)
                        errors_outside.append(str(f))
                        continue
                    yield f
        if errors_outside:
            n = len(errors_outside)
            self._notes.append(
                f"{root}: {n} symbolic link{'s' if n != 1 else ''} to files outside it skipped ({errors_outside[0]}"
                f"{', …' if n > 1 else ''}); name a file to check it"
            )

    def skipped(self, f: Path, folder: bool = False) -> bool:
        """Does the configuration exclude ``f``, or a .gitignore ignore it (a ``folder``: dir/ patterns name it)?"""
        cfg = self.configs.config_for(f)
        if cfg.exclude and cfg.excluded(f, folder=folder):
            return True
        return self._gitignored(f, folder)

    def _gitignored(self, f: Path, folder: bool = False) -> bool:
        """Is ``f`` (a ``folder``: dir/ patterns name it too) ignored by a .gitignore in its folder or above, up to
        the repository root?"""
        parent = f.parent.resolve()
        for d in (parent, *parent.parents):
            spec = self._gitignore(d)
            if spec is not None:
                try:
                    rel = f.resolve().relative_to(d).as_posix()
                except ValueError:
                    rel = None
                if rel is not None and (spec.match_file(rel) or (folder and spec.match_file(rel + "/"))):
                    return True
            if (d / ".git").exists():
                break
        return False

    def _gitignore(self, d: Path):
        if d not in self._gitignores:
            spec = None
            gi = d / ".gitignore"
            if gi.is_file():
                import pathspec

                try:
                    lines = gi.read_text(encoding="utf-8", errors="replace").splitlines()
                    spec = pathspec.GitIgnoreSpec.from_lines(lines)
                except (OSError, ValueError):
                    spec = None
            self._gitignores[d] = spec
        return self._gitignores[d]


def _inside(f: Path, root: Path) -> bool:
    """Is the target of the link ``f`` inside the folder ``root``?"""
    try:
        f.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True
