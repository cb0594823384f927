"""Fuzz zhproof: lint_text, fix_text (safe and unsafe) and the file decoder on random strings and bytes.

Usage:  python bench/fuzz.py [--seconds 600] [--seed 0] [--engine hypothesis|atheris] [--slow 2.0] [--out DIR]

Every input is checked against the invariants of tests/test_properties.py:

- lint_text never raises; findings lie in the text, in position order; fix edits lie inside their finding;
- fix_text (safe, unsafe) converges and is idempotent; each pass changes only the fixed findings' spans,
  keeps line breaks (a subsequence of the original's, kind by kind), and removes Han characters only where
  a finding is a copy (duplicate-word, duplicate-list-item, repeated-clause) or a layout note;
- the reporters (text, JSON) render every finding without raising;
- ``zhproof.files.decode(bytes, "x")`` either returns text that encodes back to the same bytes, or raises
  InputError/BinaryFileError with a one-line message that starts with the path (and, for an undecodable
  file, names a byte offset before which the bytes are valid);
- no single input takes longer than --slow seconds.

Engines:
  hypothesis  (default) structured Chinese-heavy text and bytes; a failure is shrunk by hypothesis, saved,
              and the search goes on in a new round; failures already seen (same signature) are skipped.
  atheris     coverage-guided (libFuzzer) when atheris is importable (it is not a project dependency:
              ``pip install --target /tmp/atheris atheris`` and run with PYTHONPATH=/tmp/atheris). Its
              bytes pick tokens of the same Chinese vocabulary; failures are shrunk by delta debugging.

Failures go to bench/out/fuzz-failures/<signature>.json (with a standalone reproducer) and .input (the raw
input: UTF-8 with surrogates passed through, or the bytes). The run prints inputs tried per second.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import inspect
import json
import re
import sys
import time
import traceback
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
OUT = HERE / "out" / "fuzz-failures"


def _load_properties():
    spec = importlib.util.spec_from_file_location("zhproof_properties", ROOT / "tests" / "test_properties.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


warnings.filterwarnings("ignore")
P = _load_properties()

import zhproof  # noqa: E402
from zhproof.document import VARIANTS  # noqa: E402
from zhproof.files import BinaryFileError, InputError, decode, encode  # noqa: E402
from zhproof import output as _output  # noqa: E402

HAS_FORMAT = "format" in inspect.signature(zhproof.lint_text).parameters
FORMATS = ("text", "markdown") if HAS_FORMAT else ("text",)


class Slow(Exception):
    pass


# -------------------------------------------------------------------------------------------------------
# one input


def _opts(variant: str, fmt: str) -> dict:
    out = {"variant": variant}
    if fmt != "text":
        out["format"] = fmt
    return out


def run_text(text: str, variant: str = "zh-Hans", fmt: str = "text", slow: float = 2.0) -> None:
    t0 = time.perf_counter()
    opts = _opts(variant, fmt)
    diags = zhproof.lint_text(text, **opts)
    P.check_findings(text, diags)
    linter = zhproof.Linter(variant=variant)
    doc = linter.document(text, "x.md" if fmt == "markdown" else "x.txt")
    render(doc, diags)
    for unsafe in (False, True):
        P.check_fix(text, unsafe, **opts)
    took = time.perf_counter() - t0
    if took > slow:
        raise Slow(f"{took:.2f}s for {len(text)} characters")


def render(doc, diags) -> None:
    """What the CLI prints for these findings (the reporters' API has changed over time: use what exists)."""
    if hasattr(_output, "make_row"):
        rows = [_output.make_row("x", doc, d) for d in diags]
        _output.render_json(rows)
        for name in ("render_json_lines", "render_github"):
            if hasattr(_output, name):
                getattr(_output, name)(rows)
    elif hasattr(_output, "Finding"):
        findings = [_output.Finding("x", doc, d) for d in diags]
        _output.render_text(findings, lambda s, **kw: s)
        _output.render_json(findings)


_BYTE_AT = re.compile(r"at byte (\d+)")


def run_bytes(data: bytes, slow: float = 2.0) -> None:
    try:
        source = decode(data, "x")
    except BinaryFileError as e:
        msg = str(e)
        assert msg.startswith("x: ") and "\n" not in msg, msg
        assert b"\x00" in data, f"binary without a NUL byte: {msg}"
        return
    except InputError as e:
        msg = str(e)
        assert msg.startswith("x: ") and "\n" not in msg, msg
        m = _BYTE_AT.search(msg)
        assert m, f"no byte offset in {msg!r}"
        at = int(m.group(1))
        assert 0 <= at < len(data), f"offset {at} outside {len(data)} bytes: {msg!r}"
        if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
            try:
                data[:at].decode("utf-8")
            except UnicodeDecodeError:
                raise AssertionError(f"bytes before the reported offset {at} are not valid UTF-8: {msg!r}") from None
        return
    if encode(source, source.text) != data:
        raise AssertionError(
            f"decode/encode does not round-trip ({source.encoding}, bom {source.bom!r}): "
            f"{data!r} -> {encode(source, source.text)!r}"
        )
    run_text(source.text, slow=slow)


# -------------------------------------------------------------------------------------------------------
# failures


def _where(exc: BaseException) -> str:
    """The innermost frame inside zhproof (or the checker) that raised."""
    frames = traceback.extract_tb(exc.__traceback__)
    for f in reversed(frames):
        if "/zhproof/" in f.filename.replace("\\", "/"):
            return f"{Path(f.filename).name}:{f.name}"
    return f"{Path(frames[-1].filename).name}:{frames[-1].name}" if frames else "?"


def signature(target: str, exc: BaseException) -> str:
    if isinstance(exc, P.InvariantError):
        rules = sorted(set(re.findall(r"([a-z]+(?:-[a-z]+)+)\[", str(exc))))
        return f"{target}-{exc.kind}-{'+'.join(rules) or 'none'}"
    if isinstance(exc, Slow):
        return f"{target}-slow"
    if isinstance(exc, AssertionError) and target == "bytes":
        return f"bytes-{str(exc).split(':')[0][:40]}"
    return f"{target}-{type(exc).__name__}-{_where(exc)}"


def _slug(sig: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_.+-]+", "_", sig)[:80]
    return f"{s}-{hashlib.sha1(sig.encode()).hexdigest()[:8]}"


def save_failure(sig: str, case: tuple, exc: BaseException) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    slug = _slug(sig)
    target = case[0]
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    if target == "bytes":
        raw = case[1]
        call = f"run_bytes({raw!r})"
    else:
        raw = case[1].encode("utf-8", "surrogatepass")
        call = f"run_text({case[1]!r}, variant={case[2]!r}, fmt={case[3]!r})"
    repro = (
        f"import sys; sys.path.insert(0, 'bench'); sys.argv = ['fuzz']\nfrom fuzz import run_text, run_bytes\n{call}\n"
    )
    (OUT / f"{slug}.input").write_bytes(raw)
    record = {
        "signature": sig,
        "target": target,
        "input": ascii(case[1]),
        "options": list(case[2:]),
        "length": len(case[1]),
        "error": f"{type(exc).__name__}: {exc}"[:4000],
        "traceback": tb[-6000:],
        "reproduce (from the repository root)": repro,
    }
    path = OUT / f"{slug}.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def run_case(case: tuple, slow: float) -> None:
    if case[0] == "bytes":
        run_bytes(case[1], slow)
    else:
        run_text(case[1], case[2], case[3], slow)


class Stats:
    def __init__(self):
        self.tried = 0
        self.chars = 0
        self.failures: dict[str, tuple] = {}
        self.start = time.perf_counter()

    def line(self) -> str:
        secs = time.perf_counter() - self.start
        return (
            f"{secs:7.0f}s  {self.tried:9,} inputs  {self.tried / max(secs, 1e-9):7.0f}/s  "
            f"{self.chars / max(secs, 1e-9) / 1000:6.1f}k chars/s  {len(self.failures)} distinct failures"
        )


def _record(stats: Stats, sig: str, case: tuple, exc: BaseException) -> None:
    if sig in stats.failures:
        return
    path = save_failure(sig, case, exc)
    stats.failures[sig] = case
    print(
        f"FAIL {sig}\n     input {ascii(case[1])[:300]} options {case[2:]}\n     {type(exc).__name__}: "
        f"{str(exc)[:400]}\n     saved {path}",
        flush=True,
    )


# -------------------------------------------------------------------------------------------------------
# hypothesis engine


def _byte_cases(st):
    text = P.chinese_text(max_sentences=10)

    def encoded(args):
        t, enc = args
        b = t.encode("utf-8") if enc == "utf-8" else t.encode(enc, "replace")
        return {
            "utf-8": b"",
            "utf-8-bom": b"\xef\xbb\xbf",
            "utf-16-le": b"\xff\xfe",
            "utf-16-be": b"\xfe\xff",
            "gb18030": b"",
        }[enc] + (t.encode("utf-8") if enc == "utf-8-bom" else b)

    base = st.one_of(
        st.binary(max_size=300),
        st.tuples(text, st.sampled_from(["utf-8", "utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "gb18030"])).map(
            encoded
        ),
    )

    @st.composite
    def mutated(draw):
        b = bytearray(draw(base))
        for _ in range(draw(st.integers(0, 3))):
            op = draw(st.sampled_from(["flip", "insert", "truncate", "nul"]))
            if op == "flip" and b:
                b[draw(st.integers(0, len(b) - 1))] = draw(st.integers(0, 255))
            elif op == "insert":
                b.insert(draw(st.integers(0, len(b))), draw(st.integers(0x80, 0xFF)))
            elif op == "truncate" and b:
                del b[draw(st.integers(0, len(b) - 1)) :]
            elif op == "nul":
                b.insert(draw(st.integers(0, len(b))), 0)
        return bytes(b)

    return st.tuples(st.just("bytes"), mutated())


def hypothesis_engine(args, stats: Stats) -> None:
    from hypothesis import HealthCheck, Phase, given, seed, settings
    from hypothesis import strategies as st
    from hypothesis.errors import Flaky

    text_case = st.tuples(
        st.just("text"), P.chinese_text(max_sentences=14), st.sampled_from(VARIANTS), st.sampled_from(FORMATS)
    )
    surrogate_case = st.tuples(
        st.just("surrogates"), P.chinese_text(max_sentences=6, surrogates=True), st.just("zh-Hans"), st.just("text")
    )
    choices = [text_case, text_case, text_case, _byte_cases(st)]
    if args.surrogates:
        choices.append(surrogate_case)
    cases = st.one_of(*choices)
    deadline = time.perf_counter() + args.seconds
    last_report = time.perf_counter()
    rnd = 0
    while time.perf_counter() < deadline:
        state: dict = {}

        @settings(
            max_examples=args.batch,
            database=None,
            deadline=None,
            derandomize=False,
            suppress_health_check=list(HealthCheck),
            report_multiple_bugs=False,
            phases=[Phase.generate, Phase.shrink],
        )
        @seed(args.seed * 1_000_003 + rnd)
        @given(cases)
        def body(case):
            stats.tried += 1
            stats.chars += len(case[1])
            try:
                run_case(case, args.slow)
            except Exception as e:
                sig = signature(case[0], e)
                if sig in stats.failures:
                    return  # known: look for others
                state["fail"] = (sig, case, e)
                raise

        try:
            body()
        except Flaky:
            pass
        except Exception:
            if "fail" in state:
                sig, case, exc = state["fail"]
                _record(stats, sig, *_shrink(case, sig, exc, args.slow))
        rnd += 1
        if time.perf_counter() - last_report > 30:
            print(stats.line(), flush=True)
            last_report = time.perf_counter()


# -------------------------------------------------------------------------------------------------------
# atheris engine (coverage-guided)

TOKENS: list[str] = sorted(
    set(
        P.WORDS
        + list(P.HAN_CHARS)
        + P.TRADITIONAL
        + P.FULL_PUNCT
        + P.HALF_PUNCT
        + P.NEWLINES
        + P.SPACES
        + P.INVISIBLE
        + P.EMOJI
        + P.COMBINING
        + P.FURNITURE
        + P.OTHER
        + getattr(P, "MARKDOWN", [])
    )
)


def _ddmin(items: list, fails) -> list:
    """Delta debugging: a 1-minimal sublist of ``items`` for which ``fails`` still holds."""
    n = 2
    while len(items) >= 2:
        chunk = max(1, len(items) // n)
        reduced = False
        for i in range(0, len(items), chunk):
            candidate = items[:i] + items[i + chunk :]
            if candidate and fails(candidate):
                items, n, reduced = candidate, max(n - 1, 2), True
                break
        if not reduced:
            if chunk == 1:
                break
            n = min(len(items), n * 2)
    return items


def atheris_engine(args, stats: Stats) -> None:
    import os
    import types

    import atheris

    _instrument_zhproof(atheris, types)
    end = [None]
    last_report = [time.perf_counter()]

    def one(data: bytes) -> None:
        if end[0] is None:
            end[0] = time.perf_counter() + args.seconds
            stats.start = time.perf_counter()
        if not data:
            return
        fdp = atheris.FuzzedDataProvider(data)
        mode = fdp.ConsumeIntInRange(0, 7)
        if mode == 0:
            case = ("bytes", fdp.ConsumeBytes(fdp.remaining_bytes()))
        else:
            variant = VARIANTS[fdp.ConsumeIntInRange(0, len(VARIANTS) - 1)]
            fmt = FORMATS[fdp.ConsumeIntInRange(0, len(FORMATS) - 1)]
            if mode == 1:
                text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
            else:
                picks = fdp.ConsumeIntListInRange(fdp.remaining_bytes(), 0, len(TOKENS) - 1)
                text = "".join(TOKENS[i] for i in picks)
            case = ("text", text, variant, fmt)
        stats.tried += 1
        stats.chars += len(case[1])
        try:
            run_case(case, args.slow)
        except Exception as e:
            sig = signature(case[0], e)
            if sig not in stats.failures:
                _record(stats, sig, *_shrink(case, sig, e, args.slow))
        if time.perf_counter() - last_report[0] > 30:
            print(stats.line(), flush=True)
            last_report[0] = time.perf_counter()
        if time.perf_counter() > end[0]:
            print(stats.line(), flush=True)
            _summary(stats)
            sys.stdout.flush()
            os._exit(1 if stats.failures else 0)  # libFuzzer would take SystemExit for a crash

    OUT.mkdir(parents=True, exist_ok=True)
    atheris.Setup(
        [
            sys.argv[0],
            f"-seed={args.seed or 1}",
            "-max_len=2048",
            "-rss_limit_mb=4096",
            f"-artifact_prefix={OUT}/libfuzzer-",
        ],
        one,
    )
    atheris.Fuzz()


def _instrument_zhproof(atheris, types) -> None:
    """Coverage instrumentation for zhproof's own code only (instrument_all would take a minute)."""
    done = set()

    def inst(fn):
        if isinstance(fn, types.FunctionType) and fn.__code__ not in done and fn.__module__.startswith("zhproof"):
            atheris.instrument_func(fn)
            done.add(fn.__code__)

    for name, mod in list(sys.modules.items()):
        if not name.startswith("zhproof") or mod is None:
            continue
        for obj in vars(mod).values():
            if isinstance(obj, type) and obj.__module__ == name:
                for attr in vars(obj).values():
                    inst(getattr(attr, "__func__", attr))
            else:
                inst(obj)
    print(f"instrumented {len(done)} functions of zhproof", flush=True)


def _shrink(case: tuple, sig: str, exc: BaseException, slow: float) -> tuple[tuple, BaseException]:
    """Delta-debug the input (code points or bytes) while it fails with the same signature; returns the
    smallest case and its own exception."""
    found = {"case": case, "exc": exc}

    def rebuild(items):
        return (case[0], bytes(items) if case[0] == "bytes" else "".join(items), *case[2:])

    def fails(items) -> bool:
        c = rebuild(items)
        try:
            run_case(c, slow)
        except Exception as e:
            if signature(c[0], e) == sig:
                if len(c[1]) < len(found["case"][1]):
                    found["case"], found["exc"] = c, e
                return True
        return False

    if sig.endswith("-slow"):
        return case, exc  # shrinking a slow input would take too long
    _ddmin(list(case[1]), fails)
    return found["case"], found["exc"]


# -------------------------------------------------------------------------------------------------------


def _summary(stats: Stats) -> None:
    secs = time.perf_counter() - stats.start
    print(
        f"\ndone: {secs:.0f}s, {stats.tried:,} inputs ({stats.tried / max(secs, 1e-9):.0f}/s), "
        f"{len(stats.failures)} distinct failures"
    )
    for sig, case in stats.failures.items():
        print(f"  {sig}: {ascii(case[1])[:200]} {case[2:]}")


def main(argv: list[str]) -> int:
    global OUT
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--engine", choices=["hypothesis", "atheris"], default="hypothesis")
    ap.add_argument("--batch", type=int, default=300, help="hypothesis examples per round")
    ap.add_argument("--slow", type=float, default=2.0, help="seconds one input may take")
    ap.add_argument("--out", type=Path, default=OUT, help="folder for failures (default bench/out/fuzz-failures)")
    ap.add_argument(
        "--no-surrogates",
        dest="surrogates",
        action="store_false",
        help="do not generate lone surrogates (their known failures would be found again and again)",
    )
    args = ap.parse_args(argv[1:])
    OUT = args.out.resolve()
    zhproof.fix_text("疫情疫情防控，交通運輸。\n生活物\n\n资保障。")  # load the lexicon and converters first
    stats = Stats()
    print(f"engine {args.engine}, seed {args.seed}, {args.seconds:g}s; failures go to {OUT}", flush=True)
    if args.engine == "atheris":
        atheris_engine(args, stats)
    else:
        hypothesis_engine(args, stats)
    print(stats.line())
    _summary(stats)
    return 1 if stats.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
