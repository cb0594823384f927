"""``zhproof server``: a language server (LSP over standard input/output), built on pygls.

Diagnostics for text and Markdown documents on open, on change (debounced) and on save; code actions for
each finding's fix, for all safe fixes of a file (``source.fixAll.zhproof``) and for a suppression comment
(Markdown). Each document gets the Linter that ``zhproof check`` would build for its path (the nearest
``zhproof.toml`` upwards, its per-file ignores), with the editor's settings in the place of the command
line's options. The rules' statistics (language model, lexicon) are loaded by the first lint and kept for
the life of the process.

Longer than 300 lines on purpose: the protocol's handlers and the edits they send (a fix, all safe fixes, a
suppression comment placed where Markdown keeps it) share one line index per document (ARCHITECTURE.md).

Positions go out in the encoding negotiated at initialisation (UTF-16 code units unless the client offers
another); zhproof's offsets are code points, converted here by ``LineIndex``. Lines end at ``\\r\\n``,
``\\r`` or ``\\n`` as the protocol says (not at the other characters ``str.splitlines`` breaks on), so
documents are synchronised whole rather than by increments.
"""

from __future__ import annotations

import asyncio
import logging
import re
from bisect import bisect_right
from pathlib import Path
from typing import Any

from cattrs import transform_error
from lsprotocol import types as lsp
from pygls.exceptions import FeatureRequestError, JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import to_fs_path

from . import Diagnostic, Linter, Safety, Severity, __version__
from .config import CONFIG_FILES, find_config
from .document import VARIANT_CHOICES
from .fixer import FixNotConvergedError
from .formats import MARKDOWN_SUFFIXES
from .discovery import Configurations, SetupError
from .options import CheckOptions

log = logging.getLogger(__name__)

FIX_ALL_KIND = "source.fixAll.zhproof"
#: Language ids linted by default, and the format each is read as; ``languages`` in the settings adds more.
LANGUAGES = {"plaintext": "text", "text": "text", "markdown": "markdown"}
SUFFIXES = {".txt": "text", **{s: "markdown" for s in MARKDOWN_SUFFIXES}}
DEBOUNCE = 0.3  # seconds between the last keystroke and the lint
SETTING_KEYS = {"variant", "select", "ignore", "languages", "debounce", "docsUrl"}

_BREAK = re.compile(r"\r\n|\r|\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_LEAD = re.compile(r"[ \t>]*")

_DOCS_URLS: dict[str, str | None] = {}  # rule -> its page (file URI), looked up once

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


class LineIndex:
    """Code-point offsets of a text <-> LSP positions (line, character in the negotiated code units)."""

    def __init__(self, text: str, encoding: str = lsp.PositionEncodingKind.Utf16):
        self.text = text
        self.encoding = str(encoding)
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]
        # offsets of the characters beyond U+FFFF: two UTF-16 code units each
        self.astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def line_end(self, line: int) -> int:
        """The offset where ``line`` ends, before its line break."""
        if line + 1 >= len(self.starts):
            return len(self.text)
        end = self.starts[line + 1]
        return end - (2 if self.text.startswith("\r\n", end - 2) else 1)

    def _units(self, start: int, end: int) -> int:
        if self.encoding == lsp.PositionEncodingKind.Utf32:
            return end - start
        if self.encoding == lsp.PositionEncodingKind.Utf8:
            return len(self.text[start:end].encode("utf-8", "surrogatepass"))
        return end - start + bisect_right(self.astral, end - 1) - bisect_right(self.astral, start - 1)

    def position(self, offset: int) -> lsp.Position:
        line = self.line_of(offset)
        return lsp.Position(line=line, character=self._units(self.starts[line], offset))

    def range(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(start=self.position(start), end=self.position(end))

    def offset(self, pos: lsp.Position) -> int:
        """The code-point offset of a position; past the end of a line: the line's end."""
        if pos.line >= len(self.starts):
            return len(self.text)
        i, end = self.starts[pos.line], self.line_end(pos.line)
        units = 0
        while i < end and units < pos.character:
            units += self._units(i, i + 1)
            i += 1
        return i


class Result:
    """The last lint of a document: what the code actions work from while the text is unchanged."""

    def __init__(self, text: str, version: int | None, name: str, fmt: str, linter: Linter, doc, findings, index):
        self.text = text
        self.version = version
        self.name = name
        self.fmt = fmt
        self.linter = linter
        self.doc = doc
        self.findings: list[Diagnostic] = findings
        self.index: LineIndex = index


class Rejected:
    """A request whose params could not be read: answered with ``error`` under its id, never handled."""

    def __init__(self, msg_id: int | str, method: str, error: JsonRpcException):
        self.id = msg_id
        self.method = method
        self.error = error


class ZhproofProtocol(LanguageServerProtocol):
    """pygls's protocol, answering every request, also one whose params do not fit the method's type.

    pygls (2.1) turns the JSON into typed messages while ``json.loads`` parses it (``structure_message`` as
    its object hook); params that fail (``range.start.line`` of -1, no ``range``) raise ``JsonRpcInvalidParams``
    out of the read loop, which only reports it (a window message, "Error in server: Invalid Params") and
    drops the message with its id: the client waits for a response that never comes. Here such a request
    becomes a ``Rejected``, answered with the error (-32602) under its id; notifications, which get no
    response, take pygls's path."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            msg_id, method = data.get("id"), data.get("method")
            if (
                data.get("jsonrpc") != self.VERSION
                or not isinstance(method, str)
                or not isinstance(msg_id, (int, str))
                or isinstance(msg_id, bool)
            ):
                raise
            # invalid params get -32602 with what is wrong; any other error (pygls's internal error) its own code
            answer = _invalid_params(method, error) if isinstance(error, JsonRpcInvalidParams) else error
            return Rejected(msg_id, method, answer)

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams):
        """pygls's, for a document the client opened; a change to one it never opened (or closed) is a client's
        mistake, logged, not a KeyError shown to the user as an error of the server."""
        if params.text_document.uri not in self.workspace.text_documents:
            log.warning("didChange for %s, which is not open: ignored", params.text_document.uri)
            return
        yield from super().lsp_text_document__did_change(params)

    def handle_message(self, message: Any) -> None:
        if not isinstance(message, Rejected):
            super().handle_message(message)
        elif self._shutdown:  # as pygls does with any request after shutdown
            log.warning("server shutting down: request %r dropped", message.method)
        else:
            log.warning("request %r (id %r) rejected: %s", message.method, message.id, message.error)
            self._send_response(message.id, None, message.error.to_response_error())
            self._server._report_server_error(message.error, FeatureRequestError)


def _invalid_params(method: str, error: JsonRpcException) -> JsonRpcException:
    """-32602, naming the method and what is wrong where (``required field missing @ $.params.range``)."""
    cause = error.__cause__
    try:
        details = "; ".join(transform_error(cause)) if cause is not None else ""
    except Exception:  # a cause cattrs cannot describe
        details = str(cause)
    return JsonRpcInvalidParams(f"{JsonRpcInvalidParams.MESSAGE} for {method}" + (f": {details}" if details else ""))


class ZhproofServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "zhproof", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full, protocol_cls=ZhproofProtocol
        )
        self.settings: dict[str, Any] = {}
        self._runner: Configurations | None = None
        self._config_stamps: dict[Path, tuple | None] = {}
        self.results: dict[str, Result] = {}
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._shown_errors: set[str] = set()
        self.published: set[str] = set()  # documents that have diagnostics from us

    # settings --------------------------------------------------------------------------------------------
    def apply_settings(self, raw: Any) -> None:
        """Editor settings (initializationOptions, or workspace/didChangeConfiguration): ``variant``,
        ``select``, ``ignore`` (lists or comma-separated), ``languages`` ({language id: "text"|"markdown"}),
        ``debounce`` (milliseconds), ``docsUrl`` (a template with ``{rule}``). Also accepted nested under
        ``zhproof``."""
        if isinstance(raw, dict) and isinstance(raw.get("zhproof"), dict):
            raw = raw["zhproof"]
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            self.error("settings must be an object")
            raw = {}
        settings: dict[str, Any] = {}
        for key, value in raw.items():
            if key not in SETTING_KEYS:
                self.error(f"unknown setting {key!r} (known: {', '.join(sorted(SETTING_KEYS))})")
            elif key == "variant":
                if value in VARIANT_CHOICES:
                    settings[key] = value
                elif value is not None:
                    self.error(f"setting 'variant' must be one of {', '.join(VARIANT_CHOICES)}, not {value!r}")
            elif key in ("select", "ignore"):
                if isinstance(value, str):
                    value = [v for v in value.split(",") if v.strip()]
                if isinstance(value, list) and all(isinstance(v, str) for v in value):
                    if value:
                        settings[key] = ",".join(v.strip() for v in value)
                elif value is not None:
                    self.error(f"setting {key!r} must be a list of rule names")
            elif key == "languages":
                if isinstance(value, dict) and all(v in ("text", "markdown", None) for v in value.values()):
                    settings[key] = value
                else:
                    self.error('setting \'languages\' must map language ids to "text" or "markdown"')
            elif key == "debounce":
                if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 10_000:
                    settings[key] = value / 1000
                else:
                    self.error("setting 'debounce' must be a number of milliseconds")
            elif key == "docsUrl":
                if isinstance(value, str):
                    settings[key] = value
                else:
                    self.error("setting 'docsUrl' must be a string with {rule}")
        self.settings = settings
        self._runner = None

    def error(self, message: str) -> None:
        """Tell the user once (a message window) and log it."""
        log.warning(message)
        if message not in self._shown_errors:
            self._shown_errors.add(message)
            self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"zhproof: {message}"))

    @property
    def runner(self) -> Configurations:
        """Each document's configuration and linter, as `zhproof check` finds them, with the editor's settings
        in place of the command line's options."""
        if self._runner is None:
            s = self.settings
            options = CheckOptions(
                select=_names(s.get("select")), ignore=_names(s.get("ignore")) or [], variant=s.get("variant")
            )
            self._runner = Configurations(options)
            self._config_stamps = {}
        return self._runner

    def linter_for(self, path: Path | None) -> Linter:
        """As ``zhproof check PATH`` would lint it; a configuration file that changed (or a new one found
        closer to the document) is read again."""
        folder = (path.parent if path is not None else Path.cwd()).resolve()
        cfg = find_config(folder)
        stamp: tuple | None = None
        if cfg is not None:
            try:
                st = cfg.stat()
                stamp = (cfg, st.st_mtime_ns, st.st_size)
            except OSError:
                stamp = (cfg,)
        if folder in self._config_stamps and self._config_stamps[folder] != stamp:
            self._runner = None
        runner = self.runner
        self._config_stamps[folder] = stamp
        return runner.linter_for(path)

    # documents -------------------------------------------------------------------------------------------
    def format_of(self, uri: str, language_id: str | None) -> str | None:
        languages = {**LANGUAGES, **self.settings.get("languages", {})}
        if language_id in languages:
            return languages[language_id]
        path = _path(uri)
        suffix = (path.suffix if path is not None else Path(uri).suffix).lower()
        return SUFFIXES.get(suffix)

    def lint(self, uri: str) -> Result | None:
        """Lint an open document and publish its diagnostics."""
        self.cancel(uri)
        if uri not in self.workspace.text_documents:
            return None
        td = self.workspace.get_text_document(uri)
        fmt = self.format_of(uri, td.language_id)
        if fmt is None:
            return None
        text = td.source
        path = _path(uri)
        name = str(path) if path is not None else uri
        index = LineIndex(text, self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16)
        try:
            linter = self.linter_for(path)
            doc = linter.document(text, name, fmt)
            findings = linter.lint_document(doc)
        except (SetupError, ValueError) as e:  # a bad configuration: one line, shown once, and on the document
            self.error(str(e))
            self.results.pop(uri, None)
            self.publish(uri, td.version, [_problem(str(e))])
            return None
        except Exception as e:  # never take the server down
            log.exception("lint failed")
            self.error(f"internal error: {type(e).__name__}: {e} (please report this with the document)")
            return None
        result = Result(text, td.version, name, fmt, linter, doc, findings, index)
        self.results[uri] = result
        self.publish(uri, td.version, [self.to_lsp(d, index) for d in findings])
        return result

    def current(self, uri: str) -> Result | None:
        """The lint of the document as it is now (linted again if it changed since)."""
        result = self.results.get(uri)
        if uri not in self.workspace.text_documents:
            return None
        if result is None or result.text != self.workspace.get_text_document(uri).source:
            result = self.lint(uri)
        return result

    def publish(self, uri: str, version: int | None, diagnostics: list[lsp.Diagnostic]) -> None:
        self.published.add(uri)
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    def schedule(self, uri: str) -> None:
        """Lint after a pause in typing: each change restarts the wait."""
        self.cancel(uri)
        delay = self.settings.get("debounce", DEBOUNCE)
        self._timers[uri] = asyncio.get_running_loop().call_later(delay, self.lint, uri)

    def cancel(self, uri: str) -> None:
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()

    def relint_all(self) -> None:
        self._runner = None
        for uri in list(self.workspace.text_documents):
            self.lint(uri)

    def to_lsp(self, d: Diagnostic, index: LineIndex) -> lsp.Diagnostic:
        href = self.docs_url(d.rule)
        return lsp.Diagnostic(
            range=index.range(d.start, d.end),
            message=d.message,
            severity=_SEVERITY.get(d.severity, lsp.DiagnosticSeverity.Error),
            code=d.rule,
            code_description=lsp.CodeDescription(href=href) if href else None,
            source="zhproof",
        )

    def docs_url(self, rule: str) -> str | None:
        template = self.settings.get("docsUrl")
        if template:
            return template.replace("{rule}", rule)
        if rule not in _DOCS_URLS:
            folder = _docs_dir()
            page = folder / f"{rule}.md" if folder is not None else None
            _DOCS_URLS[rule] = page.as_uri() if page is not None and page.is_file() else None
        return _DOCS_URLS[rule]

    # code actions ----------------------------------------------------------------------------------------
    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        uri = params.text_document.uri
        result = self.current(uri)
        if result is None:
            return None
        only = params.context.only

        def wanted(kind: str) -> bool:
            return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)

        actions: list[lsp.CodeAction] = []
        index = result.index
        if wanted(lsp.CodeActionKind.QuickFix):
            lo, hi = index.offset(params.range.start), index.offset(params.range.end)
            ignored: set[tuple[str, int]] = set()
            for d in result.findings:
                if not (d.start <= hi and lo <= d.end):
                    continue
                diag = self.to_lsp(d, index)
                if d.fix is not None and d.fix.safety >= Safety.UNSAFE:
                    safe = d.fix.safety >= Safety.SAFE
                    title = f"{d.fix.title} ({d.rule})" if safe else f"{d.fix.title} ({d.rule}, unsafe fix: check it)"
                    edits = [lsp.TextEdit(range=index.range(e.start, e.end), new_text=e.text) for e in d.fix.edits]
                    actions.append(
                        lsp.CodeAction(
                            title=title,
                            kind=lsp.CodeActionKind.QuickFix,
                            diagnostics=[diag],
                            is_preferred=safe,
                            edit=lsp.WorkspaceEdit(changes={uri: edits}),
                        )
                    )
                if result.fmt == "markdown":
                    line = index.line_of(d.start)
                    if (d.rule, line) not in ignored:
                        ignored.add((d.rule, line))
                        actions.append(
                            lsp.CodeAction(
                                title=f"Ignore {d.rule} here (a zhproof-disable comment)",
                                kind=lsp.CodeActionKind.QuickFix,
                                diagnostics=[diag],
                                edit=lsp.WorkspaceEdit(changes={uri: suppression_edits(result, d)}),
                            )
                        )
        if wanted(FIX_ALL_KIND) and any(d.fix is not None and d.fix.safety >= Safety.SAFE for d in result.findings):
            try:
                fixed = result.linter.fix(result.text, unsafe=False, path=result.name, fmt=result.fmt).text
            except FixNotConvergedError as e:
                self.error(str(e))
                fixed = result.text
            if fixed != result.text:
                actions.append(
                    lsp.CodeAction(
                        title="Fix all safe zhproof findings",
                        kind=FIX_ALL_KIND,
                        edit=lsp.WorkspaceEdit(changes={uri: [replacement_edit(index, fixed)]}),
                    )
                )
        return actions


def replacement_edit(index: LineIndex, new: str) -> lsp.TextEdit:
    """One edit that turns ``index.text`` into ``new``: the changed middle, never splitting a CRLF."""
    old = index.text
    limit = min(len(old), len(new))
    a = 0
    while a < limit and old[a] == new[a]:
        a += 1
    b = 0
    while b < limit - a and old[-1 - b] == new[-1 - b]:
        b += 1
    if a and old[a - 1] == "\r":
        a -= 1
    if b and old[len(old) - b] == "\n" and len(old) - b > 0 and old[len(old) - b - 1] == "\r":
        b -= 1
    return lsp.TextEdit(range=index.range(a, len(old) - b), new_text=new[a : len(new) - b])


def suppression_edits(result: Result, d: Diagnostic) -> list[lsp.TextEdit]:
    """``<!-- zhproof-disable-next-line RULE -->`` for the line where the finding starts: at the end of the
    line before when that line runs on in the same paragraph (an HTML comment inside it changes nothing the
    reader sees), otherwise on a line of its own before it, indented as it is (block-quote markers too). In a
    table row, where a line of its own would end the table, ``zhproof-disable RULE`` and ``zhproof-enable
    RULE`` around the finding, inside its cell."""
    index, text = result.index, result.text
    line = index.line_of(d.start)
    start = index.starts[line]
    lead = _LEAD.match(text, start, index.line_end(line)).group()  # type: ignore[union-attr]  # matches the empty string
    if text.startswith("|", start + len(lead)):
        return [
            lsp.TextEdit(range=index.range(d.start, d.start), new_text=f"<!-- zhproof-disable {d.rule} -->"),
            lsp.TextEdit(range=index.range(d.end, d.end), new_text=f"<!-- zhproof-enable {d.rule} -->"),
        ]
    return [_next_line_edit(result, d, line, start, lead)]


def _next_line_edit(result: Result, d: Diagnostic, line: int, start: int, lead: str) -> lsp.TextEdit:
    index, text = result.index, result.text
    comment = f"<!-- zhproof-disable-next-line {d.rule} -->"
    if line > 0:
        prev_start, prev_end = index.starts[line - 1], index.line_end(line - 1)
        content_end = prev_end
        while content_end > prev_start and text[content_end - 1] in " \t":
            content_end -= 1
        first = start + len(_LEAD.match(text, start, index.line_end(line)).group())  # type: ignore[union-attr]
        if (
            content_end > prev_start
            and first < index.line_end(line)
            and result.doc.in_prose(content_end - 1, first + 1)
        ):
            return lsp.TextEdit(range=index.range(content_end, content_end), new_text=comment)
    newline = _BREAK.search(text)
    eol = newline.group() if newline else "\n"
    return lsp.TextEdit(range=index.range(start, start), new_text=f"{lead}{comment}{eol}")


def _problem(message: str) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
        message=f"zhproof: {message}",
        severity=lsp.DiagnosticSeverity.Error,
        source="zhproof",
        code="configuration",
    )


def _path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    fs = to_fs_path(uri)
    return Path(fs) if fs else None


def _docs_dir() -> Path | None:
    """``docs/rules`` (generated by tools/gen_rule_docs.py): inside the installed package, or in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "docs" / "rules", here.parent.parent / "docs" / "rules"):
        if candidate.is_dir():
            return candidate
    return None


def create_server() -> ZhproofServer:
    server = ZhproofServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: ZhproofServer, params: lsp.InitializeParams) -> None:
        ls.apply_settings(params.initialization_options)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: ZhproofServer, params: lsp.DidChangeConfigurationParams) -> None:
        if params.settings:  # some clients send an empty object, meaning: ask for it (we do not pull)
            ls.apply_settings(params.settings)
            ls.relint_all()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ZhproofServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ZhproofServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: ZhproofServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = _path(uri)
        if path is not None and path.name in CONFIG_FILES:
            ls.relint_all()
        ls.lint(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ZhproofServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        ls.results.pop(uri, None)
        if uri in ls.published:
            ls.publish(uri, None, [])
            ls.published.discard(uri)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: ZhproofServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        if any((p := _path(c.uri)) is not None and p.name in CONFIG_FILES for c in params.changes):
            ls.relint_all()

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND]),
    )
    def code_action(ls: ZhproofServer, params: lsp.CodeActionParams):
        return ls.code_actions(params)

    return server


class _OneLine(logging.Formatter):
    """A log record on one line: an exception's type and message, not its traceback (a malformed message from the
    client is the client's error, reported as such; pygls logged it with the traceback of its JSON decoder)."""

    def formatException(self, ei) -> str:  # noqa: N802 (logging's name)
        return f"{ei[0].__name__}: {ei[1]}" if ei and ei[0] else ""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        found = _TRACEBACK.search(text)
        if found:  # (pygls also writes a traceback into the message itself: its last error line is the error)
            errors = [m.group(1) for m in _ERROR_LINE.finditer(text, found.end())]
            text = text[: found.start()].rstrip() + (" " + errors[-1] if errors else "")
        return " ".join(text.replace("\r", "").split("\n"))


#: Where a traceback starts in a log message (an exception group's too, drawn with + and |), and its lines that
#: name an exception (ValueError: ..., cattrs.errors.ClassValidationError: ...), frames and rules aside.
_TRACEBACK = re.compile(r"[ \t|+-]*(?:Exception Group )?Traceback \(most recent call last\):")
_ERROR_LINE = re.compile(r"^[ \t|+-]*((?:[A-Za-z_][\w.]*(?:Error|Exception|Group|Warning))(?::[^\n]*)?)$", re.M)


def serve() -> None:
    """Run the server on standard input/output until the client says exit. Its log (pygls's warnings and errors,
    zhproof's) goes to standard error, a line each."""
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLine("zhproof server: %(levelname)s: %(message)s"))
    for name in ("pygls", __name__):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
    server = create_server()
    server.start_io()
    if not getattr(server.protocol, "_shutdown", True):
        # exit (or the end of the input) without shutdown first: 1, as the protocol asks (pygls exits 0 here)
        raise SystemExit(1)


def _names(value) -> list[str] | None:
    """Rule names from a setting: a list, or a string of names separated by commas."""
    if value is None:
        return None
    if isinstance(value, str):
        return [n.strip() for n in value.split(",") if n.strip()]
    return [str(n) for n in value]
