"""Run rules over a Document: keep findings in prose, drop allowed words, sort and de-duplicate."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import replace
from typing import Iterable, Sequence

from .document import Document
from .fixer import joins_line_breaks
from .model import Diagnostic, Edit, Fix, Safety, Severity
from .patterns import compile_re
from .rule import Rule


def lint_document(doc: Document, rules: Sequence[Rule], allow: Iterable[str] = (), jobs: int = 1) -> list[Diagnostic]:
    """The findings of ``rules`` in ``doc``, sorted and de-duplicated. With ``jobs`` > 1 a long document's rules
    are shared among that many processes (``_run_split``); the findings are the same."""
    seen = _rules_view(doc)
    if jobs > 1 and len(rules) > 1 and len(doc.text) >= SPLIT_MIN_CHARS and _can_fork():
        found = _run_split(doc, seen, rules, jobs)
    else:
        found = _run(doc, seen, rules)
    allowed = _allowed_spans(doc.text, allow)
    if allowed:
        found = [d for d in found if not any(s <= d.start and d.end <= e for s, e in allowed)]
    # A fix that would join a lone CR and a lone LF into one line break changes the line structure outside its
    # span: it is kept as a suggestion only.
    found = [_display_only(d) if d.fix is not None and joins_line_breaks(doc.text, d.fix) else d for d in found]
    found.sort(key=lambda d: (d.start, -d.end, d.rule))
    found = _dedupe(found)
    found.sort(key=lambda d: (d.start, d.end, d.rule))
    return found


#: A document shorter than this (characters) is checked in one process whatever ``jobs`` says: at 100,000
#: characters (about 70 ms of linting) two processes gained nothing, at 300,000 a third of the time.
SPLIT_MIN_CHARS = 200_000
#: What each built-in rule costs, relative to the others (about hundredths of a second on bench/speed.py's 10 MB,
#: rule by rule), so that the processes of a split get equal shares; a rule not named here (a rule pack's)
#: counts as DEFAULT_COST.
RULE_COST = {
    "repeated-clause": 75,
    "duplicate-word": 50,
    "broken-line": 50,
    "wrong-character": 40,
    "unpaired-bracket": 13,
    "duplicate-list-item": 11,
    "halfwidth-punctuation": 10,
    "blank-lines": 7,
    "quote-style": 4,
}
DEFAULT_COST = 5


def _run(doc: Document, seen: Document, rules: Sequence[Rule]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for rule in rules:
        for d in rule.check(seen):
            if not (0 <= d.start <= d.end <= len(doc.text)):
                raise AssertionError(f"rule {rule.name} reported a span outside the text: {d}")
            if doc.in_prose(d.start, d.end) and not (doc.suppressed and doc.is_suppressed(d.rule, d.start)):
                found.append(d)
    return found


def _can_fork() -> bool:
    """Forking is safe here: Linux (macOS's system libraries are not fork-safe), and no other Python thread that
    might hold a lock the child would need (the language server's threads, a caller's thread pool)."""
    if sys.platform != "linux":
        return False
    import threading

    return threading.active_count() == 1


def _shares(rules: Sequence[Rule], jobs: int) -> list[list[Rule]]:
    """The rules split into up to ``jobs`` shares of about equal cost (longest first, each to the lightest
    share), each share in the rules' own order, the heaviest share first (this process keeps it: a child pays
    for its fork and for sending its findings back)."""
    shares: list[list[Rule]] = [[] for _ in range(min(jobs, len(rules)))]
    loads = [0] * len(shares)
    for rule in sorted(rules, key=lambda r: -RULE_COST.get(r.name, DEFAULT_COST)):
        k = loads.index(min(loads))
        shares[k].append(rule)
        loads[k] += RULE_COST.get(rule.name, DEFAULT_COST)
    order = {id(r): i for i, r in enumerate(rules)}
    ranked = sorted(range(len(shares)), key=lambda k: -loads[k])
    return [sorted(shares[k], key=lambda r: order[id(r)]) for k in ranked if shares[k]]


_SENT: dict[int, Rule] = {}  # the rules this process has given to a child, by id (kept: an id is not reused)
_WARMED: dict[int, Rule] = {}  # the rules warmed in this process (_warm)


def _warm(rules: Sequence[Rule]) -> None:
    """Before a child runs a rule that an earlier child of this process ran already, run the rule's ``warm()``
    (if it has one) and its examples here once: what the rule loads or builds on first use (the lexicon, the
    language model, compiled patterns, tables) is then inherited by every later child, instead of being built
    again in each child of each call of a long-lived process. A first split warms nothing: the one split of a
    command-line run would only wait for it."""
    for rule in rules:
        if id(rule) in _WARMED:
            continue
        if id(rule) not in _SENT:
            _SENT[id(rule)] = rule
            continue
        _WARMED[id(rule)] = rule
        try:
            warm = getattr(rule, "warm", None)
            if callable(warm):
                warm()
            for example in getattr(getattr(rule, "doc", None), "examples", None) or ():
                for _ in rule.check(Document(example.text, variant=example.variant)):
                    pass
        except Exception:  # noqa: BLE001 - a warm-up only: the real run reports what a rule raises
            pass


def _flat(d: Diagnostic):
    """A built-in finding as tuples of plain values, which pickle several times faster than the objects; any
    other (a rule's own classes or types in it) goes as it is."""
    fix = d.fix
    if type(d) is not Diagnostic or type(d.severity) is not Severity or type(d.related) is not tuple:
        return d
    if fix is not None and (
        type(fix) is not Fix
        or type(fix.safety) is not Safety
        or type(fix.edits) is not tuple
        or any(type(e) is not Edit for e in fix.edits)
    ):
        return d
    flat_fix = None
    if fix is not None:
        flat_fix = (tuple((e.start, e.end, e.text) for e in fix.edits), int(fix.safety), fix.title)
    return (d.rule, d.start, d.end, d.message, d.severity.value, flat_fix, d.related)


_SEVERITY = {s.value: s for s in Severity}
_SAFETY = {int(s): s for s in Safety}


def _unflat(t) -> Diagnostic:
    if isinstance(t, Diagnostic):
        return t
    rule, start, end, message, severity, flat_fix, related = t
    fix = None
    if flat_fix is not None:
        edits, safety, title = flat_fix
        fix = Fix(tuple(Edit(*e) for e in edits), _SAFETY[safety], title)
    return Diagnostic(rule, start, end, message, _SEVERITY[severity], fix, related)


def _child(doc: Document, seen: Document, share: list[Rule], out: int, others: list[int], mask, parent: int) -> None:
    """The child's part: run its share, send the findings (or the error a rule raised) through ``out``, and exit
    without returning into the parent's code (its handlers, its clean-up, its atexit functions). It starts with
    every signal blocked (see _run_split), ignores SIGINT (the parent kills its children when it is interrupted),
    takes the default action for the other signals, dies with its parent, and closes the pipes of its elder
    siblings, which it inherited."""
    code = 1
    try:
        import pickle
        import signal

        _ALIVE.clear()  # its siblings: not its children

        for sig in signal.valid_signals():
            if sig in (signal.SIGKILL, signal.SIGSTOP):
                continue
            try:
                signal.signal(sig, signal.SIG_IGN if sig == signal.SIGINT else signal.SIG_DFL)
            except (OSError, ValueError, RuntimeError):
                pass  # signals that cannot be caught, or are reserved
        _die_with_parent(parent)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        for fd in others:
            os.close(fd)
        try:
            found = _run(doc, seen, share)
        except Exception as e:  # noqa: BLE001 - raised again in the parent, with this traceback as a note
            import traceback

            payload = pickle.dumps((False, e, traceback.format_exc()), pickle.HIGHEST_PROTOCOL)
        else:
            # a finding that cannot be pickled (a rule pack's own class) raises here: exit code 1, and the parent
            # runs the share itself, as with one process
            payload = pickle.dumps((True, [_flat(d) for d in found], None), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(out, "wb") as pipe:
            pipe.write(payload)
        code = 0
    except BaseException:  # noqa: BLE001 - never return into the parent's code
        code = 1
    finally:
        os._exit(code)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies (prctl PR_SET_PDEATHSIG): a parent killed outright
    leaves no child finishing its share for nobody."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except Exception:  # noqa: BLE001 - no ctypes, no libc: the parent's clean-up still kills its children
        pass
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the request: nobody waits for this share


#: Children recorded and not yet cleaned up. Python may run a signal handler at the very start of the clean-up
#: and raise before it does anything: what it leaves behind is cleaned up at the next split of this process.
_ALIVE: list["_Child"] = []


class _Child:
    __slots__ = ("pid", "fd", "share", "reaped")

    def __init__(self, pid: int, fd: int, share: list[Rule]) -> None:
        self.pid, self.fd, self.share, self.reaped = pid, fd, share, False


def _run_split(doc: Document, seen: Document, rules: Sequence[Rule], jobs: int) -> list[Diagnostic]:
    """``_run`` with the rules shared among this process and ``jobs`` - 1 forked children: each child inherits
    the document (nothing is copied to it) and sends its findings back pickled through a pipe. A child that
    fails to start, dies or cannot send its findings leaves its share to this process; an error a rule raises in
    a child is raised here.

    Every signal is blocked from before the pipe is made until the child is recorded (the caller's own mask is
    read first and always put back): a signal handler that raises (Ctrl-C, a timeout) can then neither strand a
    pipe or an unrecorded child, nor run in a child as a copy of the caller."""
    import pickle

    if _ALIVE:
        _clean_up(_ALIVE)  # left by an interrupted clean-up (see _ALIVE)
    shares = _shares(rules, jobs)
    _warm([r for share in shares[1:] for r in share])
    parent = os.getpid()
    children: list[_Child] = []
    try:
        for share in shares[1:]:
            with _signals_blocked() as saved:
                try:
                    r, w = os.pipe()
                except OSError:
                    shares[0] = shares[0] + share  # no descriptors to spare: done here
                    continue
                try:
                    pid = os.fork()
                except OSError:
                    os.close(r)
                    os.close(w)
                    shares[0] = shares[0] + share  # no process to spare: done here
                    continue
                if pid == 0:
                    _child(doc, seen, share, w, [r] + [c.fd for c in children], saved, parent)
                children.append(_Child(pid, r, share))
                _ALIVE.append(children[-1])
                os.close(w)
        found = _run(doc, seen, shares[0])
        for child in children:
            with os.fdopen(child.fd, "rb", closefd=False) as pipe:
                data = pipe.read()
            try:
                os.waitpid(child.pid, 0)
            except ChildProcessError:
                pass  # reaped already (a caller's SIGCHLD handler): the pipe says what it did
            child.reaped = True
            try:
                ok, value, trace = pickle.loads(data)
            except Exception:  # noqa: BLE001 - no answer or a truncated one: the child died, its share is done here
                ok, value, trace = True, _run(doc, seen, child.share), None
            if not ok:
                if trace and hasattr(value, "add_note"):
                    value.add_note(f"raised in a child process of zhproof:\n{trace}")
                raise value
            found.extend(map(_unflat, value))
        return found
    finally:
        _clean_up(children)


def _clean_up(children: list[_Child]) -> None:
    """Close every pipe, and kill and reap every child not reaped yet (this process failed or was interrupted
    first). Signals are blocked meanwhile, and a signal handler that raises before they are (a second Ctrl-C)
    only makes the clean-up start again, its exception raised once it is done: no descriptor or zombie is left
    behind."""
    pending: BaseException | None = None
    while True:
        try:
            _clean_up_once(children)
            break
        except BaseException as e:  # noqa: BLE001 - raised again below, after the clean-up
            pending = pending or e
    if pending is not None:
        raise pending


def _clean_up_once(children: list[_Child]) -> None:
    with _signals_blocked():
        for child in children:
            if not child.reaped:
                try:
                    os.kill(child.pid, 9)
                except OSError:
                    pass
                try:
                    os.waitpid(child.pid, 0)
                except OSError:
                    pass
                child.reaped = True
            if child.fd >= 0:
                fd, child.fd = child.fd, -1  # marked first: a descriptor is never closed twice (it may be reused)
                try:
                    os.close(fd)
                except OSError:
                    pass
            if child in _ALIVE:
                _ALIVE.remove(child)


@contextmanager
def _signals_blocked():
    """Every signal blocked inside; the caller's mask, read first without changing it, is what the block yields
    and what is always put back (a handler that raises inside ``pthread_sigmask``, which runs pending handlers
    once it has blocked, must not leave the mask changed)."""
    import signal

    saved = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
        yield saved
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, saved)


_MASK = compile_re(r"[^\x00-\x7f]+")


def _rules_view(doc: Document) -> Document:
    """The document the rules read: outside prose (a link's destination, inline code, a code block) every
    non-ASCII character is a space, so that a rule never counts or groups characters that cannot be reported
    (a link whose destination repeats its text: [維基百科](https://zh.wikipedia.org/wiki/維基百科)). Offsets,
    lines and the ASCII syntax stay as they are; plain text, all prose, is read as it is."""
    text = doc.text
    prose = doc.prose
    if len(prose) == 1 and prose[0] == (0, len(text)):
        return doc
    pieces = []
    pos = 0
    for start, end in prose + [(len(text), len(text))]:
        pieces.append(_MASK.sub(lambda m: " " * len(m.group()), text[pos:start]))
        pieces.append(text[start:end])
        pos = max(pos, end)
    masked = "".join(pieces)
    if masked == text:
        return doc
    view = Document(
        masked,
        path=doc.path,
        variant=doc.variant,
        prose=prose,
        options=doc.options,
        fmt=doc.fmt,
        suppressed=doc.suppressed,
    )
    view._line_starts = doc._line_starts
    return view


def _display_only(d: Diagnostic) -> Diagnostic:
    assert d.fix is not None
    return replace(d, fix=Fix(d.fix.edits, Safety.DISPLAY, d.fix.title))


def _allowed_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for w in words:
        if not w:
            continue
        i = text.find(w)
        while i >= 0:
            spans.append((i, i + len(w)))
            i = text.find(w, i + 1)
    return spans


def _dedupe(found: list[Diagnostic]) -> list[Diagnostic]:
    """Drop exact repeats, and findings of a rule that lie inside another finding of the same rule."""
    out: list[Diagnostic] = []
    widest: dict[str, tuple[int, int]] = {}
    for d in found:  # sorted by start, widest first
        prev = widest.get(d.rule)
        if prev is not None and prev[0] <= d.start and d.end <= prev[1] and (prev[0], prev[1]) != (d.start, d.end):
            continue
        if out and out[-1].rule == d.rule and (out[-1].start, out[-1].end) == (d.start, d.end):
            continue
        out.append(d)
        if prev is None or d.end > prev[1]:
            widest[d.rule] = (d.start, d.end)
    return out
