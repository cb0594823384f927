"""How long `zhproof server` takes to lint a document of 100,000 characters, seen from the editor.

A pygls client starts `python -m zhproof server` (debounce 0, so the wait is the server's work only), opens a
document made of the first 100,000 characters of the tuning half's zh-Hans documents, then changes it ROUNDS
times (one character appended each time, so every lint sees a new text). Each figure is the time from sending
the notification to receiving its publishDiagnostics: the transfer of the whole text, the lint, the
conversion of the positions and the transfer of the diagnostics. The first lint loads the statistics (the
language model, the lexicon); the later ones show that they stay loaded.

    python bench/lsp_latency.py [--chars 100000] [--rounds 21] [--format txt|md]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split import CORPUS_ROOT, half_of, relpath  # noqa: E402


def document(chars: int) -> str:
    parts, n = [], 0
    for f in sorted((CORPUS_ROOT / "zh-Hans").rglob("*.txt")):
        if half_of(relpath(f)) != "tune":
            continue
        t = f.read_text(encoding="utf-8")
        parts.append(t)
        n += len(t)
        if n >= chars:
            break
    return "\n\n".join(parts)[:chars]


async def run(text: str, rounds: int, suffix: str) -> tuple[float, list[float], int]:
    client = LanguageClient("lsp-latency", "1")
    arrived: asyncio.Queue = asyncio.Queue()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(params: lsp.PublishDiagnosticsParams) -> None:
        arrived.put_nowait((time.perf_counter(), params))

    with tempfile.TemporaryDirectory() as tmp:
        uri = (Path(tmp) / f"doc{suffix}").as_uri()
        await client.start_io(sys.executable, "-m", "zhproof", "server", cwd=tmp)
        await client.initialize_async(
            lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), initialization_options={"debounce": 0})
        )
        client.initialized(lsp.InitializedParams())
        language = "markdown" if suffix == ".md" else "plaintext"
        t0 = time.perf_counter()
        client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
            )
        )
        t1, params = await asyncio.wait_for(arrived.get(), 120)
        first = t1 - t0
        found = len(params.diagnostics)
        times = []
        for v in range(2, rounds + 2):
            text += "。"
            t0 = time.perf_counter()
            client.text_document_did_change(
                lsp.DidChangeTextDocumentParams(
                    text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=v),
                    content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
                )
            )
            t1, params = await asyncio.wait_for(arrived.get(), 120)
            assert params.version == v
            times.append(t1 - t0)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return first, times, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=21)
    ap.add_argument("--format", choices=["txt", "md"], default="txt")
    args = ap.parse_args()
    text = document(args.chars)
    first, times, found = asyncio.run(run(text, args.rounds, "." + args.format))
    ms = sorted(t * 1000 for t in times)
    print(f"document: {len(text):,} characters ({args.format}), {found} findings")
    print(f"first lint (open, statistics loaded): {first * 1000:.0f} ms")
    print(
        f"later lints ({len(ms)} changes): median {statistics.median(ms):.0f} ms, "
        f"min {ms[0]:.0f} ms, max {ms[-1]:.0f} ms"
    )
    # the same lints in this process, without the protocol: what the server adds is the difference
    import zhproof

    linter = zhproof.Linter()
    name = "doc." + args.format
    linter.lint(text, name)
    inproc = []
    for i in range(len(times)):
        t0 = time.perf_counter()
        linter.lint(text + "。" * (i + 1), name)
        inproc.append((time.perf_counter() - t0) * 1000)
    inproc.sort()
    print(
        f"the same lints in-process (zhproof.Linter.lint): median {statistics.median(inproc):.0f} ms, "
        f"min {inproc[0]:.0f} ms"
    )


if __name__ == "__main__":
    main()
