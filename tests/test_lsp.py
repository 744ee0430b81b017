"""`statlint lsp` end to end: a real LSP client (pytest-lsp) talks to the server over
stdio, as an editor does."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

from lsprotocol import types as lsp
from pytest_lsp import client_capabilities, make_test_lsp_client

from .conftest import ROOT

LONDON = ROOT / "fixtures" / "registries" / "london.yaml"
WRONG = "Good news 🎉. Homicides fell 21% in the year to March 2025 compared with 2019.\n"


async def _session(folder: Path, scenario) -> None:
    client = make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "statlint", "lsp")
    try:
        await client.initialize_session(
            lsp.InitializeParams(
                capabilities=client_capabilities("visual-studio-code"),
                root_uri=folder.as_uri(),
                workspace_folders=[lsp.WorkspaceFolder(uri=folder.as_uri(), name="drafts")],
            )
        )
        await scenario(client)
    finally:
        await client.shutdown_session()


def _run(folder: Path, scenario) -> None:
    asyncio.run(asyncio.wait_for(_session(folder, scenario), timeout=60))


def _office(tmp_path: Path) -> Path:
    shutil.copy(LONDON, tmp_path / "registry.yaml")
    (tmp_path / "statlint.toml").write_text('registry = "registry.yaml"\n')
    return tmp_path


def _open(client, path: Path, text: str) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "plaintext", 1, text))
    )
    return uri


async def _diagnostics(client, uri: str) -> list[lsp.Diagnostic]:
    while True:
        await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if uri in client.diagnostics:
            return list(client.diagnostics.pop(uri))


def test_diagnostics_hover_and_code_actions(tmp_path):
    folder = _office(tmp_path)

    async def scenario(client):
        uri = _open(client, folder / "draft.txt", WRONG)
        (found,) = await _diagnostics(client, uri)
        assert found.code == "SL101" and found.severity == lsp.DiagnosticSeverity.Error
        assert "the registry has 24% fall" in found.message
        # "Good news 🎉. " is 13 code points but 14 UTF-16 code units
        assert (found.range.start.line, found.range.start.character) == (0, 14)

        hover = await client.text_document_hover_async(
            lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 30))
        )
        assert "value -21 percent" in hover.contents.value
        assert "registry: 24% fall since 2019" in hover.contents.value

        actions = await client.text_document_code_action_async(
            lsp.CodeActionParams(
                lsp.TextDocumentIdentifier(uri),
                found.range,
                lsp.CodeActionContext(diagnostics=[found]),
            )
        )
        titles = [action.title for action in actions]
        assert titles == ["statlint: write the safe fixes", "statlint: suppress SL101 on this line"]
        (fix,) = actions[0].edit.changes[uri]
        # only the digit that differs: "21" becomes "24"
        assert fix.new_text == "4"
        assert (fix.range.start.character, fix.range.end.character) == (30, 31)
        (marker,) = actions[1].edit.changes[uri]
        assert marker.new_text == " statlint: ignore[SL101]"

    _run(folder, scenario)


def test_a_registry_edit_changes_the_diagnostics_and_a_broken_one_is_shown_on_it(tmp_path):
    folder = _office(tmp_path)
    registry = folder / "registry.yaml"

    async def scenario(client):
        uri = _open(client, folder / "draft.md", WRONG)
        assert [d.code for d in await _diagnostics(client, uri)] == ["SL101"]
        registry.write_text(LONDON.read_text().replace("value: -24", "value: -21", 1))
        client.workspace_did_change_watched_files(
            lsp.DidChangeWatchedFilesParams(
                [lsp.FileEvent(registry.as_uri(), lsp.FileChangeType.Changed)]
            )
        )
        assert await _diagnostics(client, uri) == []  # 21% is now the figure
        registry.write_text("version: 1\nmetrics: [\n")
        client.workspace_did_change_watched_files(
            lsp.DidChangeWatchedFilesParams(
                [lsp.FileEvent(registry.as_uri(), lsp.FileChangeType.Changed)]
            )
        )
        broken = await _diagnostics(client, registry.as_uri())
        assert len(broken) == 1 and broken[0].severity == lsp.DiagnosticSeverity.Error

    _run(folder, scenario)


def test_open_documents_are_compared_with_each_other_and_with_saved_drafts(tmp_path):
    (tmp_path / "archive.md").write_text("Since 2019 robbery fell 16%.\n")  # saved, not open

    async def scenario(client):
        first = _open(client, tmp_path / "a.txt", "Since 2019 homicides fell 22%.\n")
        assert await _diagnostics(client, first) == []
        second = _open(client, tmp_path / "b.txt", "Since 2019 homicides fell 24%.\n")
        (found,) = await _diagnostics(client, second)
        assert found.code == "SL201" and "a.txt" in found.message
        third = _open(client, tmp_path / "c.txt", "Since 2019 robbery fell 18%.\n")
        (found,) = await _diagnostics(client, third)
        assert found.code == "SL201" and "archive.md" in found.message

    _run(tmp_path, scenario)
