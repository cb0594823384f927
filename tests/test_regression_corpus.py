"""The regression corpus: legitimate text stays silent, the real errors of the shared corpus are reported."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import zhproof

CORPUS = Path(__file__).resolve().parent / "corpus"
VARIANT = {"twlaw": "zh-Hant"}


def blocks(path: Path):
    """The `## ` blocks of a corpus file, without comment lines."""
    text = path.read_text(encoding="utf-8")
    for chunk in text.split("\n## ")[1:]:
        title, _, body = chunk.partition("\n")
        yield title, body.strip("\n") + "\n"


def known_false_alarms(stem: str) -> list[str]:
    """The false alarms on legitimate text that zhproof is known to raise (corpus/known-false-alarms.tsv), each
    reviewed there: the test fails when one of them goes away (remove it from the list) or a new one appears."""
    out = []
    for line in (CORPUS / "known-false-alarms.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            file, finding, _why = line.split("\t")
            if file == stem:
                out.append(finding)
    return out


@pytest.mark.parametrize("path", sorted((CORPUS / "clean").glob("*.txt")), ids=lambda p: p.stem)
def test_clean_text_is_silent(path):
    linter = zhproof.Linter(variant=VARIANT.get(path.stem, "zh-Hans"))
    noisy = []
    count = 0
    for title, body in blocks(path):
        count += 1
        for d in linter.lint(body):
            noisy.append(f"{title}: {d.rule} {d.message} [{body[max(0, d.start - 8) : d.end + 8]!r}]")
    assert count > 0
    assert noisy == known_false_alarms(path.stem), "\n".join(noisy[:20])


def test_real_errors_are_reported():
    rows = [
        r
        for r in csv.reader((CORPUS / "errors.tsv").open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)
        if r and not r[0].startswith("#")
    ]
    assert len(rows) > 100
    linter = zhproof.Linter()
    missed = []
    for rule, source, line in rows:
        if rule not in {d.rule for d in linter.lint(line)}:
            missed.append(f"{source}: {rule}: {line[:60]}")
    assert missed == [], "\n".join(missed[:20])
