"""A long document's rules shared among processes (``Linter(jobs=N)``, ``engine._run_split``): the same findings
as one process, and no finding lost when a child fails."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

import zhproof
from zhproof import engine
from zhproof.kinds.base import RuleFileError
from zhproof.model import Diagnostic, Severity
from zhproof.rule import BaseRule

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="rules are shared among forked processes on Linux")

CLEAN = Path(__file__).parent / "corpus" / "clean"


class _Pid(BaseRule):
    """Reports the process that ran it (one finding, at the start of the text)."""

    def check(self, doc):
        yield Diagnostic(self.name, 0, 1, str(os.getpid()), Severity.WARNING)


class _DiesInChild(BaseRule):
    """Kills the process it runs in unless that is the test's own."""

    def __init__(self, name: str, parent: int) -> None:
        super().__init__(name)
        self.parent = parent

    def check(self, doc):
        if os.getpid() != self.parent:
            os._exit(3)
        yield Diagnostic(self.name, 0, 1, "ran in the parent", Severity.WARNING)


class _Raises(BaseRule):
    def check(self, doc):
        raise RuleFileError(f"{self.name}: bad pattern")
        yield  # pragma: no cover - a generator


@pytest.fixture
def split_always(monkeypatch):
    monkeypatch.setattr(engine, "SPLIT_MIN_CHARS", 0)


def _lint(rules, text: str, jobs: int) -> list[Diagnostic]:
    return engine.lint_document(zhproof.Linter().document(text), rules, jobs=jobs)


def test_the_same_findings_as_one_process(split_always, seed_text):
    text = seed_text + "\n".join(p.read_text(encoding="utf-8") for p in sorted(CLEAN.glob("*.txt")))
    for select in (None, "ALL"):
        one = zhproof.Linter(select=select).lint(text)
        assert one, "the sample's errors are found"
        for jobs in (2, 3, 8):
            assert zhproof.Linter(select=select, jobs=jobs).lint(text) == one


def test_a_long_text_is_shared_and_a_short_one_is_not(monkeypatch):
    rules = [_Pid("pid-a"), _Pid("pid-b")]
    short = "短文。" * 10
    assert {d.message for d in _lint(rules, short, jobs=2)} == {str(os.getpid())}
    monkeypatch.setattr(engine, "SPLIT_MIN_CHARS", len(short))
    pids = {d.message for d in _lint(rules, short, jobs=2)}
    assert len(pids) == 2 and str(os.getpid()) in pids


def test_shares_balance_the_costs():
    rules = zhproof.Linter(select="ALL").rules
    shares = engine._shares(rules, 2)
    assert sorted(r.name for s in shares for r in s) == sorted(r.name for r in rules)
    loads = [sum(engine.RULE_COST.get(r.name, engine.DEFAULT_COST) for r in s) for s in shares]
    assert loads[0] >= loads[1] and loads[0] - loads[1] <= max(engine.RULE_COST.values())
    assert len(engine._shares(rules[:1], 4)) == 1


def test_a_child_that_dies_leaves_its_share_to_the_parent(split_always):
    rules = [_Pid("pid-a"), _DiesInChild("dies", os.getpid())]
    found = _lint(rules, "正文。", jobs=2)
    assert sorted(d.rule for d in found) == ["dies", "pid-a"]
    assert next(d for d in found if d.rule == "dies").message == "ran in the parent"


def test_an_error_in_a_child_is_raised_in_the_parent(split_always):
    rules = [_Pid("pid-a"), _Pid("pid-b"), _Raises("broken")]
    with pytest.raises(RuleFileError, match="broken: bad pattern"):
        _lint(rules, "正文。", jobs=3)


def test_no_fork_while_other_threads_run(split_always):
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        found = _lint([_Pid("pid-a"), _Pid("pid-b")], "正文。", jobs=2)
    finally:
        stop.set()
        other.join()
    assert {d.message for d in found} == {str(os.getpid())}


def test_cli_shares_a_long_file_with_the_same_output(tmp_path):
    import subprocess

    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CLEAN.glob("*.txt")))
    assert len(text) >= engine.SPLIT_MIN_CHARS / 4
    f = tmp_path / "long.txt"
    f.write_text(text * 4 + "疫情疫情防控。\n", encoding="utf-8")
    runs = [
        subprocess.run(
            [sys.executable, "-m", "zhproof", "check", "--jobs", jobs, str(f)],
            capture_output=True,
            text=True,
        )
        for jobs in ("1", "2")
    ]
    assert runs[0].returncode == runs[1].returncode == 1
    assert "duplicate-word" in runs[0].stdout
    assert runs[0].stdout == runs[1].stdout
