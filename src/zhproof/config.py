"""Configuration: ``[tool.zhproof]`` in pyproject.toml, or zhproof.toml / .zhproof.toml; strict keys."""

from __future__ import annotations

import re

import fnmatch
import functools
from pathlib import Path

from . import cache
from .document import VARIANT_CHOICES
from .model import Value

CONFIG_FILES = ("zhproof.toml", ".zhproof.toml", "pyproject.toml")
KEYS = {"select", "ignore", "variant", "exclude", "per-file-ignores", "allow", "extend-rules", "rules"}


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""


class Config(Value):
    _fields = ("path", "select", "ignore", "variant", "exclude", "per_file_ignores", "allow", "extend_rules", "rules")

    def __init__(
        self,
        path: Path | None = None,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        variant: str = "zh-Hans",
        exclude: list[str] | None = None,
        per_file_ignores: dict[str, list[str]] | None = None,
        allow: list[str] | None = None,
        extend_rules: list[Path] | None = None,
        rules: dict[str, dict] | None = None,
    ) -> None:
        self.path = path
        self.select = select
        self.ignore = [] if ignore is None else ignore
        self.variant = variant
        self.exclude = [] if exclude is None else exclude
        self.per_file_ignores = {} if per_file_ignores is None else per_file_ignores
        self.allow = [] if allow is None else allow
        self.extend_rules = [] if extend_rules is None else extend_rules
        self.rules = {} if rules is None else rules

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, path: Path) -> list[str]:
        rel = _relative(path, self.root)
        out: list[str] = []
        for pattern, names in self.per_file_ignores.items():
            if _match(rel, pattern):
                out.extend(names)
        return out

    def excluded(self, path: Path, folder: bool = False) -> bool:
        """Does ``exclude`` name ``path`` (a ``folder``: dir/ patterns name it too)? Each pattern matches as a shell
        glob or one of the path's parts, or as .gitignore reads it (**/*.md, /vendor anchored at the configuration's
        folder); as in .gitignore the last pattern that matches decides, and a negation (!drafts/keep.md) takes
        back what the patterns above it excluded."""
        rel = _relative(path, self.root)
        patterns = self.exclude
        key = (id(patterns), len(patterns))
        if getattr(self, "_exclude_key", None) != key:  # (worked out once per configuration, not per file)
            self._exclude_key = key
            self._exclude_negated = any(p.startswith("!") for p in patterns)
            self._exclude_spec = _gitignore_spec(tuple(patterns))
        if not self._exclude_negated:
            # (the common case: one spec of every pattern pathspec reads)
            return any(_glob_match(rel, p) for p in patterns) or _spec_match(self._exclude_spec, rel, folder)
        for p in reversed(patterns):
            negated = p.startswith("!")
            pattern = p[1:] if negated else p
            if _glob_match(rel, pattern) or _spec_match(_gitignore_spec((pattern,)), rel, folder):
                return not negated
        return False


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _match(rel: str, pattern: str) -> bool:
    """Does the path ``rel`` (relative to the configuration's folder) match the glob ``pattern``? As a shell glob
    (* crossing /), or one of its parts, or as .gitignore reads it (``pathspec``: **/*.md matches x.md at the top,
    /drafts is anchored at the configuration's folder; ./drafts reads as /drafts)."""
    return _glob_match(rel, pattern) or _spec_match(_gitignore_spec((pattern,)), rel)


def _glob_match(rel: str, pattern: str) -> bool:
    return (
        fnmatch.fnmatch(rel, pattern)
        or fnmatch.fnmatch(rel, pattern.rstrip("/") + "/*")
        or any(fnmatch.fnmatch(part, pattern) for part in rel.split("/"))
    )


def _spec_match(spec, rel: str, folder: bool = False) -> bool:
    return spec is not None and (spec.match_file(rel) or (folder and spec.match_file(rel + "/")))


@functools.cache
def _gitignore_spec(patterns: tuple[str, ...]):
    """The patterns as .gitignore reads them, leaving out those pathspec cannot read (build\\: it still matches as
    a shell glob), or None if none is left."""
    import pathspec

    lines = []
    for p in patterns:
        line = "/" + p[2:] if p.startswith("./") else p
        try:
            pathspec.GitIgnoreSpec.from_lines([line])
        except Exception:  # (pathspec's GitIgnorePatternError and the errors of its regex engine)
            continue
        lines.append(line)
    return pathspec.GitIgnoreSpec.from_lines(lines) if lines else None


def find_config(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` upwards (a pyproject.toml counts only with [tool.zhproof])."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                if name != "pyproject.toml":
                    return candidate
                try:
                    data = cache.load_toml(candidate)
                except (OSError, ValueError):  # unreadable, not UTF-8, not TOML
                    if _mentions_zhproof(candidate):
                        return candidate  # ours but broken: loading it reports the error (as a broken zhproof.toml)
                    continue
                tool = data.get("tool")
                if isinstance(tool, dict) and "zhproof" in tool:
                    return candidate
    return None


def _mentions_zhproof(path: Path) -> bool:
    """Does a pyproject.toml that cannot be read as TOML hold a [tool.zhproof] table (by its text)? Then it is
    zhproof's configuration with an error, reported; any other broken pyproject.toml is not zhproof's business."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    # a table header of its own line ([tool.zhproof], [tool.zhproof.rules.x]), not a mention in a comment
    return re.search(rb"(?m)^[ \t]*\[\[?[ \t]*tool\.zhproof\b", data) is not None


_TYPE_PHRASES = {
    "int": "an integer",
    "float": "a number",
    "str": "a string",
    "bool": "true or false",
    "list": "a list",
    "dict": "a table",
}


def type_phrase(typ: type) -> str:
    """How a message names a TOML value's type: "an integer", not "a int"."""
    return _TYPE_PHRASES.get(typ.__name__, f"a {typ.__name__}")


def _str_list(path: Path, key: str, value) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return value


def load_config(path: Path, known_rules: dict | None = None) -> Config:
    try:
        data = cache.load_toml(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read: {e}") from None
    except ValueError as e:  # tomllib.TOMLDecodeError
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("zhproof", {}) if isinstance(tool, dict) else {}
        where = "[tool.zhproof]"
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: 'tool.zhproof' must be a table ([tool.zhproof]), not {type_phrase(type(data))}")
    else:
        where = "the configuration"
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key '{unknown[0]}' in {where} (allowed: {', '.join(sorted(KEYS))})")
    cfg = Config(path=path)
    if "select" in data:
        cfg.select = _str_list(path, "select", data["select"])
    cfg.ignore = _str_list(path, "ignore", data.get("ignore", []))
    cfg.variant = data.get("variant", "zh-Hans")
    if cfg.variant not in VARIANT_CHOICES:
        raise ConfigError(f"{path}: 'variant' must be one of {', '.join(VARIANT_CHOICES)}, not {cfg.variant!r}")
    cfg.exclude = _str_list(path, "exclude", data.get("exclude", []))
    cfg.allow = _str_list(path, "allow", data.get("allow", []))
    cfg.extend_rules = [(path.parent / p) for p in _str_list(path, "extend-rules", data.get("extend-rules", []))]
    pfi = data.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{path}: 'per-file-ignores' must be a table of glob = [rules]")
    cfg.per_file_ignores = {k: _str_list(path, f"per-file-ignores.{k}", v) for k, v in pfi.items()}
    rules = data.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise ConfigError(f"{path}: 'rules' must hold one table per rule: [rules.NAME]")
    cfg.rules = rules
    return cfg


def validate_rule_names(cfg: Config, known: dict) -> None:
    """Unknown rule names anywhere in the configuration are errors that name the key."""
    checks = [("select", cfg.select or []), ("ignore", cfg.ignore)]
    checks += [(f"per-file-ignores.{k}", v) for k, v in cfg.per_file_ignores.items()]
    checks += [("rules", list(cfg.rules))]
    for key, names in checks:
        for name in names:
            if name.upper() != "ALL" and name not in known:
                raise ConfigError(f"{cfg.path}: unknown rule '{name}' in '{key}' (see `zhproof rules`)")
    for name, opts in cfg.rules.items():
        problem = option_problem(name, opts, known[name])
        if problem:
            raise ConfigError(f"{cfg.path}: {problem}")


def option_problem(name: str, opts: dict, rule) -> str | None:
    """What is wrong with rule ``name``'s options ``opts`` (a configuration's [rules.NAME], or the Python API's
    ``options``), in one line, or None: an option the rule does not have, a value of another type than its
    default, a value outside its choices, or a count below 1 where the default counts (min-adjacent-han = -5)."""
    if not isinstance(opts, dict):
        return f"the options of rule '{name}' must be a table of option = value"
    allowed = getattr(rule, "options", {})
    for key, value in opts.items():
        if key not in allowed:
            options = ", ".join(sorted(allowed)) or "none"
            return f"unknown option '{key}' for rule '{name}' (options: {options})"
        default = allowed[key]
        typ = type(default)
        if not isinstance(value, typ) or isinstance(value, bool) != isinstance(default, bool):
            return f"option '{key}' of rule '{name}' must be {type_phrase(typ)}"
        choices = getattr(rule, "option_choices", {}).get(key)
        if choices and value not in choices:
            return f"option '{key}' of rule '{name}' must be one of: {', '.join(choices)}"
        if isinstance(default, int) and not isinstance(default, bool) and default >= 1 and value < 1:
            return f"option '{key}' of rule '{name}' must be 1 or more, not {value}"
    return None
