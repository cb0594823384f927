"""`zhproof server` end to end: a real LSP client (pytest-lsp, on pygls) starts `python -m zhproof server` as a
subprocess and talks to it over standard input/output, as an editor does."""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from lsprotocol import types as lsp  # noqa: E402
from pygls.exceptions import JsonRpcException  # noqa: E402
from pygls.protocol import JsonRPCRequestMessage, default_converter  # noqa: E402
from pytest_lsp import LanguageClient, client_capabilities  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402

import zhproof  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DUP = "专题研究疫情疫情防控。"  # one duplicate-word finding, safe fix


def make_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics in order (to count them)."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # type: ignore[attr-defined]

    def publish(client: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)  # type: ignore[attr-defined]

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish})
    return client


@contextlib.asynccontextmanager
async def session(cwd: Path, options=None, caps: str = "visual-studio-code", args=()):
    client = make_client()
    await client.start_io(sys.executable, "-m", "zhproof", "server", *args, cwd=str(cwd))
    try:
        result = await client.initialize_session(
            lsp.InitializeParams(
                capabilities=client_capabilities(caps),
                initialization_options=options,
                root_uri=cwd.as_uri(),
            )
        )
        client.encoding = result.capabilities.position_encoding  # type: ignore[attr-defined]
        yield client
        await asyncio.wait_for(client.shutdown_session(), 30)
    finally:
        server = client._server
        if server is not None and server.returncode is None:  # a failed test: do not wait for a polite exit
            server.kill()
        await client.stop()


def published(client, uri: str) -> list[lsp.PublishDiagnosticsParams]:
    return [p for p in client.published if p.uri == uri]


async def until(predicate, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the server")
        await asyncio.sleep(0.02)


async def next_publish(client, uri: str, action) -> list[lsp.Diagnostic]:
    """Do ``action`` and return the diagnostics of the next publication for ``uri``."""
    n = len(published(client, uri))
    action()
    await until(lambda: len(published(client, uri)) > n)
    return published(client, uri)[n].diagnostics


def open_doc(client, path: Path, text: str, language: str = "plaintext", version: int = 1) -> None:
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=path.as_uri(), language_id=language, version=version, text=text)
        )
    )


def change_doc(client, path: Path, text: str, version: int) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def units(s: str, encoding: str = "utf-16") -> int:
    """The length of ``s`` in the code units of an LSP position encoding (computed independently of the server)."""
    if encoding == "utf-8":
        return len(s.encode("utf-8"))
    if encoding == "utf-32":
        return len(s)
    return len(s.encode("utf-16-le")) // 2


def position(text: str, offset: int, encoding: str = "utf-16") -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n")
    return line, units(before[before.rfind("\n") + 1 :], encoding)


def offset_of(text: str, pos: lsp.Position, encoding: str = "utf-16") -> int:
    lines = re.split(r"(?<=\r\n)|(?<=\r)(?!\n)|(?<=\n)", text)  # each line with its break: \r\n, \r or \n
    start = sum(len(x) for x in lines[: pos.line])
    line = lines[pos.line].rstrip("\r\n") if pos.line < len(lines) else ""
    n = 0
    for i, ch in enumerate(line):
        if n >= pos.character:
            return start + i
        n += units(ch, encoding)
    return start + len(line)


def apply(text: str, edit: lsp.WorkspaceEdit, uri: str, encoding: str = "utf-16") -> str:
    edits = edit.changes[uri]
    spans = sorted(
        ((offset_of(text, e.range.start, encoding), offset_of(text, e.range.end, encoding), e.new_text) for e in edits),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


async def actions(client, path: Path, rng: lsp.Range, only=None, diagnostics=()) -> list[lsp.CodeAction]:
    return (
        await client.text_document_code_action_async(
            lsp.CodeActionParams(
                text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()),
                range=rng,
                context=lsp.CodeActionContext(diagnostics=list(diagnostics), only=only),
            )
        )
        or []
    )


async def raw_request(client, msg_id, method: str, params) -> object:
    """Send a request with ``params`` as given (plain JSON, not checked against the method's type) under
    ``msg_id``, and wait for its response: its result, or the JsonRpcException of its error."""
    future = asyncio.get_running_loop().create_future()
    client.protocol._request_futures[msg_id] = future
    client.protocol._send_data(JsonRPCRequestMessage(id=msg_id, method=method, params=params, jsonrpc="2.0"))
    return await asyncio.wait_for(future, 10)


# ----------------------------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_diagnostics_on_open_with_rule_code_and_documentation(tmp_path):
    doc = tmp_path / "a.txt"
    async with session(tmp_path) as client:
        diags = await next_publish(client, doc.as_uri(), lambda: open_doc(client, doc, DUP))
        assert [d.code for d in diags] == ["duplicate-word"]
        d = diags[0]
        assert d.source == "zhproof" and d.severity == lsp.DiagnosticSeverity.Error
        assert (d.range.start.line, d.range.start.character, d.range.end.character) == (0, 4, 8)
        assert d.message == zhproof.lint_text(DUP)[0].message
        href = d.code_description.href
        assert href.endswith("/docs/rules/duplicate-word.md")
        assert Path(href.removeprefix("file://")).read_text(encoding="utf-8").startswith("# duplicate-word")
        # a document of another language is not linted: no diagnostics at all
        py = tmp_path / "b.py"
        n = len(client.published)
        open_doc(client, py, "x = '疫情疫情'\n", language="python")
        await next_publish(client, doc.as_uri(), lambda: change_doc(client, doc, DUP + "\n", 2))
        assert not published(client, py.as_uri()) and len(client.published) == n + 1


@pytest.mark.asyncio
async def test_markdown_lints_prose_only_and_maps_language_ids(tmp_path):
    text = f"# 标题\n\n{DUP}\n\n```\n代码里的疫情疫情不查\n```\n"
    md = tmp_path / "notes.md"
    untitled = "untitled:Untitled-1"
    async with session(tmp_path) as client:
        diags = await next_publish(client, md.as_uri(), lambda: open_doc(client, md, text, language="markdown"))
        assert [(d.code, d.range.start.line) for d in diags] == [("duplicate-word", 2)]
        # no file name: the language id decides the format (markdown: the code block is not prose)
        diags = await next_publish(
            client,
            untitled,
            lambda: client.text_document_did_open(
                lsp.DidOpenTextDocumentParams(
                    text_document=lsp.TextDocumentItem(uri=untitled, language_id="markdown", version=1, text=text)
                )
            ),
        )
        assert [(d.code, d.range.start.line) for d in diags] == [("duplicate-word", 2)]
        # the same text as plain text: the code block is text too
        txt = tmp_path / "notes.txt"
        diags = await next_publish(client, txt.as_uri(), lambda: open_doc(client, txt, text))
        assert ("duplicate-word", 5) in [(d.code, d.range.start.line) for d in diags]


@pytest.mark.parametrize("caps", ["visual-studio-code", "neovim@v0.11.0"])
@pytest.mark.asyncio
async def test_positions_count_utf16_units_beyond_the_bmp(tmp_path, caps):
    """Emoji and CJK Extension B characters (beyond U+FFFF) before a finding: the range must count them as
    two UTF-16 code units each (or in the encoding the client chose), and a fix applied in those units must
    change exactly the doubled word."""
    # U+2028 ends no line in LSP: it is one unit; the second slip differs from the first after the repeat (the same
    # slip twice, with the same neighbours, would lose its safe fix: duplicate-word's ``_written_again``)
    text = "😀𠀀" + DUP + "\n🙂\u2028👍🏽" + DUP.replace("防控", "部署") + "\n"
    doc = tmp_path / "emoji.txt"
    findings = zhproof.lint_text(text)
    assert len(findings) == 2
    async with session(tmp_path, caps=caps) as client:
        enc = str(client.encoding or "utf-16")
        diags = await next_publish(client, doc.as_uri(), lambda: open_doc(client, doc, text))
        got = [
            ((d.range.start.line, d.range.start.character), (d.range.end.line, d.range.end.character)) for d in diags
        ]
        want = [(position(text, f.start, enc), position(text, f.end, enc)) for f in findings]
        assert got == want
        if enc == "utf-16":
            assert got[0] == ((0, 8), (0, 12)) and got[1] == ((1, 11), (1, 15))  # not 6 and 8: code points
        # the quick fix of the second finding, applied in the client's units
        acts = await actions(client, doc, diags[1].range, only=[lsp.CodeActionKind.QuickFix])
        fix = next(a for a in acts if a.is_preferred)
        assert apply(text, fix.edit, doc.as_uri(), enc) == "😀𠀀" + DUP + "\n🙂\u2028👍🏽专题研究疫情部署。\n"


@pytest.mark.asyncio
async def test_quick_fix_applied_then_document_change_clears_it(tmp_path):
    doc = tmp_path / "fix.txt"
    text = f"第一段。\n{DUP}\n"
    async with session(tmp_path) as client:
        diags = await next_publish(client, doc.as_uri(), lambda: open_doc(client, doc, text))
        assert [d.code for d in diags] == ["duplicate-word"]
        acts = await actions(client, doc, diags[0].range, diagnostics=diags)
        quick = [a for a in acts if a.kind == lsp.CodeActionKind.QuickFix and a.edit and "disable" not in a.title]
        assert len(quick) == 1 and quick[0].is_preferred and "unsafe" not in quick[0].title
        assert quick[0].title == "删去重复的“疫情” (duplicate-word)"
        assert quick[0].diagnostics[0].code == "duplicate-word"
        fixed = apply(text, quick[0].edit, doc.as_uri())
        assert fixed == "第一段。\n专题研究疫情防控。\n"
        # a cursor away from the finding gets no quick fix for it
        away = lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=1))
        assert not [a for a in await actions(client, doc, away) if a.kind == lsp.CodeActionKind.QuickFix]
        diags = await next_publish(client, doc.as_uri(), lambda: change_doc(client, doc, fixed, 2))
        assert list(diags) == []
        assert published(client, doc.as_uri())[-1].version == 2


@pytest.mark.asyncio
async def test_unsafe_fix_is_labelled_and_not_preferred(tmp_path):
    # the evidence for this repeat is short of a safe fix (issue 10: 重重要, 10^4.2)
    doc = tmp_path / "unsafe.txt"
    text = "这是一个重重要的问题。\n"
    async with session(tmp_path) as client:
        diags = await next_publish(client, doc.as_uri(), lambda: open_doc(client, doc, text))
        assert [d.code for d in diags] == ["duplicate-word"]
        acts = await actions(client, doc, diags[0].range)
        quick = [a for a in acts if a.kind == lsp.CodeActionKind.QuickFix]
        assert len(quick) == 1 and not quick[0].is_preferred and "unsafe" in quick[0].title
        assert apply(text, quick[0].edit, doc.as_uri()) == "这是一个重要的问题。\n"
        # fix-all applies safe fixes only: nothing to offer here
        assert not [a for a in acts if a.kind == "source.fixAll.zhproof"]


@pytest.mark.asyncio
async def test_fix_all_applies_every_safe_fix_as_the_fixer_does(tmp_path):
    doc = tmp_path / "all.txt"
    text = f"😀交通運輸很方便,{DUP}\r\n这是一个重重要的问题。\r\n大家都说:好的\r\n"
    expected = zhproof.fix_text(text)
    assert expected != text and "重重要" in expected  # the unsafe repeat stays
    async with session(tmp_path, args=["--stdio"]) as client:  # the flag some clients add
        diags = await next_publish(client, doc.as_uri(), lambda: open_doc(client, doc, text))
        assert len(diags) >= 4
        everywhere = lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0))
        acts = await actions(client, doc, everywhere, only=["source.fixAll"])
        assert [a.kind for a in acts] == ["source.fixAll.zhproof"]
        edit = acts[0].edit.changes[doc.as_uri()]
        assert len(edit) == 1
        assert apply(text, acts[0].edit, doc.as_uri()) == expected
        # asked for quick fixes only: no source action
        assert all(
            a.kind == lsp.CodeActionKind.QuickFix for a in await actions(client, doc, everywhere, only=["quickfix"])
        )


@pytest.mark.asyncio
async def test_ignore_this_rule_here_writes_the_markdown_suppression_comment(tmp_path):
    md = tmp_path / "ignore.md"
    # a finding on the first line of a paragraph, one on its continuation line, one in a block quote
    text = f"{DUP}\n第二行{DUP}\n\n> 引用{DUP}\n\n交通運輸\n"
    async with session(tmp_path) as client:
        diags = await next_publish(client, md.as_uri(), lambda: open_doc(client, md, text, language="markdown"))
        assert sorted(d.code for d in diags) == ["duplicate-word"] * 3 + ["traditional-char"]
        version = 1
        for line in (0, 1, 3):
            diags = client.diagnostics[md.as_uri()]
            d = next(d for d in diags if d.code == "duplicate-word" and d.range.start.line >= line)
            acts = await actions(client, md, d.range)
            ignore = [a for a in acts if "Ignore duplicate-word" in a.title]
            assert len(ignore) == 1
            new = apply(text, ignore[0].edit, md.as_uri())
            assert "<!-- zhproof-disable-next-line duplicate-word -->" in new
            (edit,) = ignore[0].edit.changes[md.as_uri()]  # a pure insertion of the comment: nothing else changes
            assert edit.range.start == edit.range.end
            assert re.fullmatch(r"[ >]*<!-- zhproof-disable-next-line duplicate-word -->\n?", edit.new_text)
            version += 1
            after = await next_publish(client, md.as_uri(), lambda: change_doc(client, md, new, version))
            assert len(after) == len(diags) - 1 and "traditional-char" in [x.code for x in after]
            text = new
        assert [x.code for x in client.diagnostics[md.as_uri()]] == ["traditional-char"]
        # the continuation line's comment went to the end of the line before, inside the paragraph
        assert text.splitlines()[2] == f"第二行{DUP}"
        assert text.splitlines()[1].endswith("<!-- zhproof-disable-next-line duplicate-word -->")
        assert text.splitlines()[4] == "> <!-- zhproof-disable-next-line duplicate-word -->"
        # in a table row: a disable/enable pair inside the cell (a comment line would end the table)
        table = tmp_path / "table.md"
        text = f"| 列 | 说明 |\n|---|---|\n| 甲 | {DUP} |\n| 乙 | 交通運輸 |\n"
        diags = await next_publish(client, table.as_uri(), lambda: open_doc(client, table, text, language="markdown"))
        assert [d.code for d in diags] == ["duplicate-word", "traditional-char"]
        ignore = [a for a in await actions(client, table, diags[0].range) if "Ignore duplicate-word" in a.title]
        new = apply(text, ignore[0].edit, table.as_uri())
        assert (
            new.replace("<!-- zhproof-disable duplicate-word -->", "").replace(
                "<!-- zhproof-enable duplicate-word -->", ""
            )
            == text
        )
        after = await next_publish(client, table.as_uri(), lambda: change_doc(client, table, new, 2))
        assert [d.code for d in after] == ["traditional-char"]
        from markdown_it import MarkdownIt

        rows = [t for t in MarkdownIt("commonmark").enable("table").parse(new) if t.type == "tr_open"]
        assert len(rows) == 3  # still one table: the header and both rows
        # plain text has no comments: no such action
        txt = tmp_path / "plain.txt"
        diags = await next_publish(client, txt.as_uri(), lambda: open_doc(client, txt, DUP))
        assert not [a for a in await actions(client, txt, diags[0].range) if "Ignore" in a.title]


@pytest.mark.asyncio
async def test_configuration_file_and_editor_settings(tmp_path):
    project = tmp_path / "project"
    (project / "legacy").mkdir(parents=True)
    (project / "zhproof.toml").write_text(
        'ignore = ["duplicate-word"]\n[per-file-ignores]\n"legacy/*" = ["traditional-char"]\n', encoding="utf-8"
    )
    text = f"交通運輸,{DUP}\n"
    a, b = project / "a.txt", project / "legacy" / "b.txt"
    async with session(tmp_path) as client:
        diags = await next_publish(client, a.as_uri(), lambda: open_doc(client, a, text))
        assert sorted(d.code for d in diags) == ["halfwidth-punctuation", "traditional-char"]
        diags = await next_publish(client, b.as_uri(), lambda: open_doc(client, b, text))
        assert [d.code for d in diags] == ["halfwidth-punctuation"]
        # the configuration file changes: the next lint reads it again
        (project / "zhproof.toml").write_text('select = ["duplicate-word"]\n', encoding="utf-8")
        diags = await next_publish(client, a.as_uri(), lambda: change_doc(client, a, text + "\n", 2))
        assert [d.code for d in diags] == ["duplicate-word"]
        # a bad configuration: one diagnostic naming the file and the key, no traceback, the server lives on
        (project / "zhproof.toml").write_text('ignore = ["no-such-rule"]\n', encoding="utf-8")
        diags = await next_publish(client, a.as_uri(), lambda: change_doc(client, a, text, 3))
        assert [d.code for d in diags] == ["configuration"]
        assert "zhproof.toml" in diags[0].message and "no-such-rule" in diags[0].message
        (project / "zhproof.toml").unlink()
        diags = await next_publish(client, a.as_uri(), lambda: change_doc(client, a, text, 4))
        assert sorted(d.code for d in diags) == ["duplicate-word", "halfwidth-punctuation", "traditional-char"]

    # editor settings as initializationOptions: the variant and the rule selection of the command line
    async with session(tmp_path, options={"variant": "zh-Hant", "ignore": ["halfwidth-punctuation"]}) as client:
        diags = await next_publish(client, a.as_uri(), lambda: open_doc(client, a, text))
        assert sorted(d.code for d in diags) == sorted(
            d.rule for d in zhproof.lint_text(text, variant="zh-Hant", ignore="halfwidth-punctuation")
        )
        # in traditional text 運輸 is right (the simplified 专题 is what is flagged), and no half-width comma
        assert (0, 2) not in [(d.range.start.line, d.range.start.character) for d in diags]
        assert "halfwidth-punctuation" not in [d.code for d in diags]
    async with session(tmp_path, options={"zhproof": {"select": "traditional-char"}}) as client:
        diags = await next_publish(client, a.as_uri(), lambda: open_doc(client, a, text))
        assert [d.code for d in diags] == ["traditional-char"]
        # settings changed in the editor: every open document is checked again
        diags = await next_publish(
            client,
            a.as_uri(),
            lambda: client.workspace_did_change_configuration(
                lsp.DidChangeConfigurationParams(
                    settings={"zhproof": {"select": ["duplicate-word", "halfwidth-punctuation"]}}
                )
            ),
        )
        assert sorted(d.code for d in diags) == ["duplicate-word", "halfwidth-punctuation"]
    async with session(tmp_path, options={"variant": "zh-XX", "colour": 1}) as client:
        diags = await next_publish(client, a.as_uri(), lambda: open_doc(client, a, text))
        assert len(diags) == 3  # bad settings are reported and left out, the defaults apply
        await until(lambda: len(client.messages) >= 2)
        said = " ".join(m.message for m in client.messages)
        assert "variant" in said and "colour" in said


@pytest.mark.asyncio
async def test_changes_are_debounced_and_save_lints_at_once(tmp_path):
    doc = tmp_path / "typing.txt"
    async with session(tmp_path) as client:
        await next_publish(client, doc.as_uri(), lambda: open_doc(client, doc, "开始。"))
        n = len(published(client, doc.as_uri()))
        typed = ""
        for version, piece in enumerate(["专题", "研究", "疫情", "疫情", "防控。"], start=2):
            typed += piece
            change_doc(client, doc, typed, version)
        await until(lambda: len(published(client, doc.as_uri())) > n)
        await asyncio.sleep(1.0)  # more than the debounce: no publication for the intermediate texts
        burst = published(client, doc.as_uri())[n:]
        assert len(burst) == 1 and burst[0].version == 6
        assert [d.code for d in burst[0].diagnostics] == ["duplicate-word"]

    async with session(tmp_path, options={"debounce": 10_000}) as client:
        await next_publish(client, doc.as_uri(), lambda: open_doc(client, doc, "开始。"))
        change_doc(client, doc, DUP, 2)
        start = time.monotonic()
        diags = await next_publish(
            client,
            doc.as_uri(),
            lambda: client.text_document_did_save(
                lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=doc.as_uri()))
            ),
        )
        assert time.monotonic() - start < 8 and [d.code for d in diags] == ["duplicate-word"]
        # closing the document clears its diagnostics
        diags = await next_publish(
            client,
            doc.as_uri(),
            lambda: client.text_document_did_close(
                lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=doc.as_uri()))
            ),
        )
        assert list(diags) == []


@pytest.mark.asyncio
async def test_request_with_invalid_params_gets_an_error_response_and_the_server_lives_on(tmp_path):
    """A code action with a negative line, or without ``range`` and ``context``: pygls could not read the
    params and dropped the request, so the client waited forever. Each gets error -32602 under its id."""
    doc = tmp_path / "bad.txt"
    responses: list = []  # every response the client receives, as structured
    async with session(tmp_path) as client:
        handle = client.protocol.handle_message

        def client_handle(message):
            if getattr(message, "method", None) is None:
                responses.append(message)
            return handle(message)

        client.protocol.handle_message = client_handle
        diags = await next_publish(client, doc.as_uri(), lambda: open_doc(client, doc, DUP))
        text_document = {"uri": doc.as_uri()}
        negative = {"start": {"line": -1, "character": 0}, "end": {"line": 0, "character": 0}}
        for msg_id, params, missing in [
            ("negative-line", {"textDocument": text_document, "range": negative, "context": {"diagnostics": []}}, []),
            (7, {"textDocument": text_document}, ["range", "context"]),
        ]:
            with pytest.raises(JsonRpcException) as caught:
                await raw_request(client, msg_id, lsp.TEXT_DOCUMENT_CODE_ACTION, params)
            assert caught.value.code == -32602 and lsp.TEXT_DOCUMENT_CODE_ACTION in caught.value.message
            assert all(f"$.params.{name}" in caught.value.message for name in missing)
            (response,) = [r for r in responses if r.id == msg_id]
            assert response.error.code == -32602
        # the server still answers, and the client saw no "Error in server" window message
        acts = await actions(client, doc, diags[0].range, only=[lsp.CodeActionKind.QuickFix])
        assert [a.title for a in acts] == ["删去重复的“疫情” (duplicate-word)"]
        assert not client.messages


def test_without_the_lsp_extra_one_line_and_exit_2(tmp_path):
    """`zhproof server` where pygls is missing: a one-line error naming the extra, no traceback."""
    import subprocess

    fake = tmp_path / "pygls"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise ImportError(\"No module named 'pygls'\", name='pygls')\n")
    env = {**__import__("os").environ, "PYTHONPATH": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-m", "zhproof", "server"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "zhproof[lsp]" in proc.stderr and "Traceback" not in proc.stderr


def test_exit_without_shutdown_ends_with_1():
    # the protocol asks for 1 when exit comes before shutdown; the server ended with 0 either way
    import json
    import subprocess

    def message(o) -> bytes:
        body = json.dumps(o).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}}
    for shutdown, code in ((True, 0), (False, 1)):
        data = message(init) + message({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        if shutdown:
            data += message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        data += message({"jsonrpc": "2.0", "method": "exit"})
        r = subprocess.run([sys.executable, "-m", "zhproof", "server"], input=data, capture_output=True, timeout=120)
        assert r.returncode == code, (shutdown, r.stderr)
