"""All rules by name: the Python modules in ``checks/`` and the rule files in ``rules/``."""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path
from typing import Iterable

from .kinds import RuleFileError, load_rule_file
from .resources import rules_dir
from .rule import Rule

#: Rules with real logic, one module each in ``zhproof.checks``; each module defines ``RULE``.
CHECK_MODULES = (
    "duplicate_word",
    "traditional_char",
    "repeated_clause",
    "broken_line",
    "duplicate_list_item",
    "unpaired_bracket",
    "cjk_space",
    "lost_character",
    "quote_style",
    "wrong_character",
)


class UnknownRuleError(ValueError):
    pass


@cache
def builtin_rules() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for mod in CHECK_MODULES:
        rule = importlib.import_module(f"zhproof.checks.{mod}").RULE
        rules[rule.name] = rule
    for path in sorted(rules_dir().glob("*.toml")):
        rule = load_rule_file(path)
        if rule.name in rules:
            raise RuleFileError(f"{path}: rule name {rule.name!r} is already defined by {rules[rule.name].origin}")
        rules[rule.name] = rule
    return dict(sorted(rules.items()))


def load_extra_rules(paths: Iterable[Path], known: dict[str, Rule]) -> dict[str, Rule]:
    """Rule files from ``extend-rules``: same format as ``rules/``, names must be new."""
    out = dict(known)
    for path in paths:
        files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        for f in files:
            rule = load_rule_file(f, trusted=False)
            if rule.name in out:
                raise RuleFileError(f"{f}: rule name {rule.name!r} is already defined by {out[rule.name].origin}")
            out[rule.name] = rule
    return out


def parse_rule_list(value: str | Iterable[str] | None, known: dict[str, Rule]) -> list[str]:
    """``"a,b"`` or a list of names to a list of known names; ``ALL`` means every rule."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    names: list[str] = []
    for item in items:
        item = item.strip()
        if not item:
            continue
        if item.upper() == "ALL":
            names.extend(known)
            continue
        if item not in known:
            raise UnknownRuleError(f"unknown rule {item!r} (see `zhproof rules`)")
        names.append(item)
    return names


def default_rules(known: dict[str, Rule]) -> list[str]:
    """The rules that run when none are selected: all but the opt-in ones (``default = False``)."""
    return [name for name, rule in known.items() if getattr(rule, "default", True)]


def select_rules(
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    known: dict[str, Rule] | None = None,
) -> list[Rule]:
    known = builtin_rules() if known is None else known
    chosen = parse_rule_list(select, known) or default_rules(known)
    dropped = set(parse_rule_list(ignore, known))
    return [known[n] for n in dict.fromkeys(chosen) if n not in dropped]
