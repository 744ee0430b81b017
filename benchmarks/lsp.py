"""The language server's latency (not a test): how soon diagnostics arrive after an edit
to a 50 KB draft, and how soon a hover is answered while a 1 MB draft is being linted.

    python benchmarks/lsp.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pytest_lsp import client_capabilities, make_test_lsp_client

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))


def _draft(size: int) -> str:
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in SEEDS)
    return (text * (size // len(text) + 1))[:size].rsplit("\n", 1)[0] + "\n"


async def _diagnostics_for(client, uri: str) -> float:
    while True:
        await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if uri in client.diagnostics:
            client.diagnostics.pop(uri)
            return time.perf_counter()


async def main() -> None:
    folder = Path(tempfile.mkdtemp())
    (folder / "registry.yaml").write_text(
        (ROOT / "fixtures" / "registries" / "london.yaml").read_text()
    )
    (folder / "statlint.toml").write_text('registry = "registry.yaml"\n')
    client = make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "statlint", "lsp")
    await client.initialize_session(
        lsp.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"), root_uri=folder.as_uri()
        )
    )
    medium = folder / "medium.txt"
    uri = medium.as_uri()
    text = _draft(50_000)
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "plaintext", 1, text))
    )
    await _diagnostics_for(client, uri)
    delays = []
    for version in range(2, 9):
        text = text.replace("24%", "25%", 1) if version % 2 else text.replace("25%", "24%", 1)
        started = time.perf_counter()
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        delays.append(await _diagnostics_for(client, uri) - started)
    print(
        f"50 KB draft, edit to diagnostics: median {statistics.median(delays) * 1000:.0f} ms "
        f"(of {len(delays)}; includes the {0.1 * 1000:.0f} ms pause the server waits for typing)"
    )
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))

    big = (folder / "big.txt").as_uri()
    small = (folder / "small.txt").as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(small, "plaintext", 1, "Homicides fell 21% since 2019.\n")
        )
    )
    await _diagnostics_for(client, small)
    started = time.perf_counter()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(big, "plaintext", 1, _draft(1_000_000)))
    )
    await asyncio.sleep(0.2)  # the 1 MB lint is under way
    answers = []
    for _ in range(5):
        asked = time.perf_counter()
        await client.text_document_hover_async(
            lsp.HoverParams(lsp.TextDocumentIdentifier(small), lsp.Position(0, 16))
        )
        answers.append(time.perf_counter() - asked)
    await _diagnostics_for(client, big)
    linted = time.perf_counter() - started
    print(
        f"1 MB draft linted in {linted:.1f} s; hovers meanwhile answered in median "
        f"{statistics.median(answers) * 1000:.0f} ms (max {max(answers) * 1000:.0f} ms)"
    )
    await client.shutdown_session()


if __name__ == "__main__":
    asyncio.run(main())
