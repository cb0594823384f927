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
from zhproof.model import Diagnostic, Edit, Fix, Safety, Severity
from zhproof.rule import BaseRule, Example, RuleDoc

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


class _Local(Diagnostic):
    """A finding of a class of the rule's own, defined where pickle cannot find it again."""


def test_a_finding_that_cannot_be_sent_back_is_found_in_the_parent(split_always):
    class Own(BaseRule):
        def check(self, doc):
            yield _Local(self.name, 0, 1, "own class", Severity.WARNING, related=(lambda: 0,))

    found = _lint([_Pid("pid-a"), Own("own")], "正文。", jobs=2)
    own = next(d for d in found if d.rule == "own")
    assert type(own) is _Local and own.message == "own class"


def test_findings_cross_as_plain_values_and_come_back_equal():
    fix = Fix((Edit(2, 4, ""), Edit(6, 6, "，")), Safety.UNSAFE, "删去")
    for d in (
        Diagnostic("duplicate-word", 2, 4, "“疫情”重复", Severity.ERROR, fix, related=(0,)),
        Diagnostic("layout-artifact", 0, 3, "版面", Severity.INFO),
    ):
        back = engine._unflat(engine._flat(d))
        assert back == d and back.related == d.related and back.fix == d.fix
        assert type(back.severity) is Severity and type(back.fix.safety if back.fix else Safety.SAFE) is Safety


def test_an_error_in_a_child_carries_its_traceback(split_always):
    with pytest.raises(RuleFileError) as info:
        _lint([_Pid("pid-a"), _Raises("broken")], "正文。", jobs=2)
    notes = getattr(info.value, "__notes__", [])
    assert any("raised in a child process" in note and "in check" in note for note in notes), notes


def test_a_failed_fork_leaks_no_descriptor(split_always, monkeypatch):
    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        found = _lint([_Pid("pid-a"), _Pid("pid-b"), _Pid("pid-c")], "正文。", jobs=3)
        assert {d.message for d in found} == {str(os.getpid())}
    assert len(os.listdir("/proc/self/fd")) == before


def test_a_child_is_warmed_by_its_parent_from_the_second_split_on(split_always, monkeypatch):
    """What a rule builds on first use is built once in the parent (its warm() and its examples), not again in
    every child of every call; the first split warms nothing (a command-line run splits once, and would only
    wait for it)."""
    built: list[int] = []
    warmed: list[int] = []

    class Lazy(BaseRule):
        table = None

        def warm(self):
            warmed.append(os.getpid())

        def check(self, doc):
            if Lazy.table is None:
                built.append(os.getpid())
                Lazy.table = {"x": 1}
            yield Diagnostic(self.name, 0, 1, str(os.getpid()), Severity.WARNING)

    lazy = Lazy("lazy", doc=RuleDoc("", "", "", "", (Example("正文。"),)))
    monkeypatch.setattr(engine, "_shares", lambda rules, jobs: [[rules[0]], [lazy]])
    _lint([_Pid("pid-a"), lazy], "正文。", jobs=2)
    assert built == warmed == []  # built in the child only
    for _ in range(3):
        found = _lint([_Pid("pid-a"), lazy], "正文。", jobs=2)
        assert next(d for d in found if d.rule == "lazy").message != str(os.getpid())  # run in a child
    assert built == warmed == [os.getpid()]


def test_the_callers_signal_mask_is_kept_and_nothing_leaks(split_always):
    import signal

    before_mask = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    before_fds = len(os.listdir("/proc/self/fd"))
    for _ in range(10):
        _lint([_Pid("pid-a"), _Pid("pid-b"), _Pid("pid-c")], "正文。", jobs=3)
        with pytest.raises(RuleFileError):
            _lint([_Raises("broken"), _Pid("pid-b")], "正文。", jobs=2)  # raised in the parent's own share
    assert signal.pthread_sigmask(signal.SIG_BLOCK, ()) == before_mask
    assert len(os.listdir("/proc/self/fd")) == before_fds
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left, not even a zombie


def test_only_built_in_findings_are_flattened():
    odd = Diagnostic("x", 0, 1, "m", Severity.WARNING, Fix([Edit(0, 1, "")], Safety.SAFE, "t"))  # type: ignore[arg-type]
    assert engine._flat(odd) is odd and engine._unflat(odd) is odd


def test_the_progress_bar_starts_no_thread(tmp_path):
    from zhproof.session import _progress_bar

    class Inputs:
        items = []

    bar = _progress_bar(True, Inputs())
    try:
        assert threading.active_count() == 1
    finally:
        bar.close()
