"""Where the rule data lives: ``zhproof/rules`` inside an installed wheel, ``rules/`` in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if (candidate / "lexicon").is_dir():
            return candidate
    raise FileNotFoundError(
        f"zhproof's rule data was not found (looked in {here / 'rules'} and {here.parent.parent / 'rules'})"
    )
