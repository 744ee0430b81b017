"""`statlint lsp`: a language server on standard input and output (pygls).

Diagnostics are the lint's findings for each open .txt, .md and .html document, worked out
again when a document opens, changes (after a pause in typing) or is saved, and when a
registry or configuration file is saved; SL201 compares the open documents with each
other and with the drafts saved in the workspace (up to WORKSPACE_DRAFTS of them; a
draft's own results are kept and reused while its text, the configuration and the
registry are unchanged). The registry and configuration are found from each document's folder as the
command line finds them from the current one. Hover shows what statlint read of the
statement under the cursor and the registry's figure for it; code actions write the
safe fixes, or suppress a finding on its line. Positions are in UTF-16 code units, as
the protocol counts them.

Linting runs in one worker thread, so a large draft never stops the server answering:
a newer change makes an older run's results be dropped rather than published.
"""

from __future__ import annotations

import asyncio
import bisect
import os
import re
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from statlint import __version__
from statlint.errors import ConfigError, DocumentError, RegistryError
from statlint.read.document import line_starts

DRAFTS = (".txt", ".md", ".markdown", ".html", ".htm")
SETTINGS = ("statlint.toml", ".statlint.toml", "pyproject.toml")
DEBOUNCE = 0.1  # seconds of quiet typing before a document is linted again
SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "info": lsp.DiagnosticSeverity.Information,
}
_PROBLEM_AT = re.compile(r"^(?P<path>.+?):(?P<line>\d+): ")


class StatlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "statlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full
        )
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="statlint-lint")
        self.waiting: dict[str, asyncio.Task] = {}
        self.generation = 0  # bumped by every edit: results of an older run are dropped
        self.problem_files: set[str] = set()  # files not open that got diagnostics
        self.memo: dict = {}  # each draft's own results, reused only for the same text

    # ---- scheduling -----------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        self.generation += 1
        task = self.waiting.pop(uri, None)
        if task is not None:
            task.cancel()
        self.waiting[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        self.waiting.pop(uri, None)
        await self.lint_open_documents()

    async def lint_open_documents(self) -> None:
        generation = self.generation
        texts = self.open_drafts()
        loop = asyncio.get_running_loop()
        published = await loop.run_in_executor(self.worker, self._diagnose, texts)
        if generation != self.generation:
            return  # an edit came in meanwhile: its own run publishes
        self.publish(published, texts)

    def _diagnose(self, texts: dict[str, str]) -> dict[str, list[lsp.Diagnostic]]:
        folders = [to_fs_path(folder.uri) for folder in self.workspace.folders.values()]
        if not folders and self.workspace.root_path:
            folders = [self.workspace.root_path]
        saved = workspace_drafts([f for f in folders if f], set(texts))
        return diagnose(texts, saved, self.memo)

    def open_drafts(self) -> dict[str, str]:
        """{path: text} of the open documents statlint reads."""
        found = {}
        for uri, document in self.workspace.text_documents.items():
            path = to_fs_path(uri)
            if path and path.lower().endswith(DRAFTS):
                found[path] = document.source
        return found

    def publish(self, published: dict[str, list[lsp.Diagnostic]], texts: dict) -> None:
        for path in set(self.problem_files) - set(published):
            self._send(path, [])
        self.problem_files = {path for path in published if path not in texts}
        for path, diagnostics in published.items():
            self._send(path, diagnostics)

    def _send(self, path: str, diagnostics: list[lsp.Diagnostic]) -> None:
        uri = from_fs_path(path) or path
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
        )


# ---- the lint, off the event loop --------------------------------------------------------
WORKSPACE_DRAFTS = 500  # beyond this many drafts on disk, only open ones are compared


def workspace_drafts(folders: list[str], open_paths) -> dict[str, str]:
    """{path: text} of the drafts saved in the workspace folders and not open, for SL201
    to compare the open ones with; none when there are more than WORKSPACE_DRAFTS."""
    from statlint.read.discover import discover
    from statlint.read.files import read_bytes

    found = discover(folders).files if folders else []
    paths = [p for p in found if p.lower().endswith(DRAFTS) and p not in open_paths]
    if len(paths) > WORKSPACE_DRAFTS:
        return {}
    drafts = {}
    for path in paths:
        try:
            drafts[path] = read_bytes(path).decode("utf-8", errors="replace")
        except OSError:
            continue
    return drafts


def diagnose(
    texts: dict[str, str], saved: dict[str, str] | None = None, memo: dict | None = None
) -> dict[str, list[lsp.Diagnostic]]:
    """Diagnostics for each open draft (compared with each other and with the `saved`
    drafts of the workspace, which get diagnostics only where they have findings), and
    for any registry or configuration that could not be read (on that file). Never
    raises."""
    from statlint.pipeline import lint_texts

    published: dict[str, list[lsp.Diagnostic]] = {path: [] for path in texts}
    every = {**(saved or {}), **texts}
    for folder, paths in _by_folder(every).items():
        config, problems = _settings(folder)
        group = {path: every[path] for path in paths}
        try:
            findings = lint_texts(group, config, memo=memo)
        except (RegistryError, ConfigError) as error:
            problems += getattr(error, "problems", None) or [str(error)]
            findings = lint_texts(group, config, registry=False)
        lines_of: dict[str, list[str]] = {}  # split once per draft, not once per finding
        for finding in findings:
            if finding.path not in lines_of:
                lines_of[finding.path] = _lines(every[finding.path])
            diagnostic = _diagnostic(finding, lines_of[finding.path])
            published.setdefault(finding.path, []).append(diagnostic)
        for problem in problems:
            path, diagnostic = _problem(problem, folder)
            published.setdefault(path, []).append(diagnostic)
    return published


def _by_folder(texts: dict[str, str]) -> dict[str, list[str]]:
    folders: dict[str, list[str]] = {}
    for path in sorted(texts):
        folders.setdefault(os.path.dirname(path) or ".", []).append(path)
    return folders


def _settings(folder: str):
    """The configuration in force for drafts in `folder`, and problems reading it."""
    from statlint.policy.config import Config, resolve

    try:
        return resolve(None, True, start=folder), []
    except ConfigError as error:
        return Config(), [str(error)]


def _problem(problem: str, folder: str) -> tuple[str, lsp.Diagnostic]:
    """A registry or configuration problem ("registry.yaml:12: ...") as a diagnostic on
    that file's line."""
    found = _PROBLEM_AT.match(problem)
    path, line = (found["path"], int(found["line"])) if found else (problem.split(":")[0], 1)
    path = path if os.path.isabs(path) else os.path.join(folder, path)
    place = lsp.Range(lsp.Position(line - 1, 0), lsp.Position(line - 1, 1000))
    message = problem[found.end() :] if found else problem
    return path, lsp.Diagnostic(
        place, message, severity=lsp.DiagnosticSeverity.Error, source="statlint"
    )


def utf16(line: str, column: int) -> int:
    """A 1-based column in code points, as a 0-based position in UTF-16 code units."""
    return len(line[: column - 1].encode("utf-16-le")) // 2


def code_points(line: str, character: int) -> int:
    """A 0-based UTF-16 position in a line, as a 1-based column in code points."""
    units = 0
    for index, char in enumerate(line):
        if units >= character:
            return index + 1
        units += 2 if ord(char) > 0xFFFF else 1
    return len(line) + 1


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n")


def _diagnostic(finding, lines: list[str]) -> lsp.Diagnostic:
    def position(line: int, column: int) -> lsp.Position:
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        return lsp.Position(line - 1, utf16(source, column))

    start = position(finding.line, finding.column)
    end = position(finding.end_line, finding.end_column)
    return lsp.Diagnostic(
        lsp.Range(start, end),
        finding.message,
        severity=SEVERITY[finding.severity],
        code=finding.code,
        source="statlint",
        data={"fix": finding.fix is not None},
    )


# ---- hover and code actions ----------------------------------------------------------------
def hover_text(path: str, text: str, line: int, column: int) -> str | None:
    """What statlint read of the statement at (line, column), and the registry's figure."""
    from statlint.check.canonical import compare
    from statlint.check.match import link
    from statlint.extract.claims import extract
    from statlint.output.wording import figure_text
    from statlint.pipeline import fy_start, load_registries
    from statlint.read import from_bytes

    config, _ = _settings(os.path.dirname(path) or ".")
    try:
        registry = load_registries(list(config.registry))
    except RegistryError:
        registry = None
    document = from_bytes(text.encode("utf-8"), path)
    at = (line, column)
    for match in link(extract(document, fy_start(registry)), registry):
        claim = match.claim
        if claim.derived or not (
            (claim.line, claim.column) <= at < (claim.end_line, claim.end_column)
        ):
            continue
        read = [
            f"**statlint read** `{claim.text}`",
            f"- value {claim.value:g} {claim.unit}" + (f" per {claim.per}" if claim.per else ""),
            f"- kind {claim.kind}" + (f", {claim.direction}" if claim.direction else ""),
            f"- period {claim.period or 'not stated'}; baseline {claim.baseline or 'none'}",
            f"- metric {claim.metric or 'none registered'}",
        ]
        if registry is not None and claim.metric:
            figures = compare(claim, registry).current()
            read += [f"- registry: {figure_text(figure)}" for figure in figures[:5]]
        return "\n".join(read)
    return None


def fix_edits(path: str, text: str) -> list[lsp.TextEdit]:
    """The safe fixes for the whole document, as the smallest text edits."""
    from difflib import SequenceMatcher

    from statlint.pipeline import fixed_text

    config, _ = _settings(os.path.dirname(path) or ".")
    try:
        after = fixed_text(path, text, config)
    except (RegistryError, ConfigError, DocumentError):
        return []
    if after == text:
        return []
    lines = _lines(text)
    flat = "\n".join(lines)
    starts = line_starts(flat)

    def position(offset: int) -> lsp.Position:
        line = bisect.bisect_right(starts, offset) - 1
        return lsp.Position(line, utf16(lines[line], offset - starts[line] + 1))

    edits = []
    target = after.replace("\r\n", "\n")
    for kind, a0, a1, b0, b1 in SequenceMatcher(None, flat, target, autojunk=False).get_opcodes():
        if kind != "equal":
            edits.append(lsp.TextEdit(lsp.Range(position(a0), position(a1)), target[b0:b1]))
    return edits


def suppression(path: str, text: str, diagnostic: lsp.Diagnostic) -> lsp.TextEdit:
    """A marker at the end of the finding's line that suppresses its code there."""
    line = diagnostic.range.start.line
    lines = _lines(text)
    source = lines[line] if line < len(lines) else ""
    marker = f"statlint: ignore[{diagnostic.code}]"
    if path.lower().endswith((".md", ".markdown", ".html", ".htm")):
        marker = f"<!-- {marker} -->"
    end = lsp.Position(line, len(source.encode("utf-16-le")) // 2)
    return lsp.TextEdit(lsp.Range(end, end), f" {marker}")


# ---- the server's features -------------------------------------------------------------------
def build() -> StatlintServer:
    server = StatlintServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: StatlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: StatlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: StatlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: StatlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )
        ls.schedule(params.text_document.uri, 0)  # the others lose what SL201 saw in it

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: StatlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.schedule("settings", 0)  # a registry or configuration changed: lint again

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: StatlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        path = to_fs_path(params.text_document.uri) or ""
        if not path.lower().endswith(DRAFTS):
            return None
        lines = _lines(document.source)
        line = params.position.line
        if line >= len(lines):
            return None
        column = code_points(lines[line], params.position.character)
        shown = hover_text(path, document.source, line + 1, column)
        if shown is None:
            return None
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, shown))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
    )
    def code_action(ls: StatlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        path = to_fs_path(uri) or ""
        ours = [d for d in params.context.diagnostics if d.source == "statlint" and d.code]
        actions = []
        if any(isinstance(d.data, dict) and d.data.get("fix") for d in ours):
            edits = fix_edits(path, document.source)
            if edits:
                actions.append(
                    lsp.CodeAction(
                        "statlint: write the safe fixes",
                        kind=lsp.CodeActionKind.QuickFix,
                        edit=lsp.WorkspaceEdit(changes={uri: edits}),
                        is_preferred=True,
                    )
                )
        for diagnostic in ours:
            edit = suppression(path, document.source, diagnostic)
            actions.append(
                lsp.CodeAction(
                    f"statlint: suppress {diagnostic.code} on this line",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        return actions

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: StatlintServer, params: lsp.InitializedParams) -> None:
        watchers = [lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in SETTINGS]
        watchers.append(lsp.FileSystemWatcher(glob_pattern="**/*.{yaml,yml,json}"))
        try:
            ls.client_register_capability(
                lsp.RegistrationParams(
                    registrations=[
                        lsp.Registration(
                            id="statlint-settings",
                            method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                                watchers=watchers
                            ),
                        )
                    ]
                )
            )
        except Exception:  # a client that cannot watch files: saves still relint
            pass

    return server


def serve() -> None:
    build().start_io()
