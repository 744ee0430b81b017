"""Hostile and broken inputs: refused quickly, with a message, never a traceback; the other
inputs are still linted; statlint never opens a network connection."""

from __future__ import annotations

import json
import socket
import time

import pytest
from click.testing import CliRunner

from statlint.cli.commands import main
from statlint.cli.entry import main as entry_main

from .conftest import ROOT, SEEDS

LONDON = str(ROOT / "fixtures" / "registries" / "london.yaml")


def test_a_huge_registry_is_refused_quickly_without_reading_it(tmp_path):
    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as stream:  # 100 MB, sparse: no time spent writing it
        stream.truncate(100_000_000)
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["registry", "check", str(huge)])
    assert time.perf_counter() - started < 2
    assert result.exit_code == 2
    assert "huge.yaml: too large for a registry" in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "version: 1\nmetrics: !!python/object/apply:os.system ['echo owned']\n",
        "version: 1\nmetrics: !!python/name:os.system\n",
        "!!python/object:__main__.X {}\n",
    ],
)
def test_python_tags_are_rejected(tmp_path, text):
    path = tmp_path / "r.yaml"
    path.write_text(text)
    result = CliRunner().invoke(main, ["registry", "check", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "owned" not in result.output


def test_empty_and_blank_drafts_are_clean(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("\n\n   \n")
    result = CliRunner().invoke(main, ["--registry", LONDON, str(tmp_path)])
    assert (result.exit_code, result.stdout) == (0, "")


def test_one_bad_input_among_many_is_reported_and_the_rest_linted(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "broken.docx").write_bytes(b"not a zip at all")
    (tmp_path / "good.txt").write_text(
        "Homicides fell 21% in the year to March 2025 compared with 2019.\n"
    )
    result = CliRunner().invoke(main, ["--registry", LONDON, "--format", "json", str(tmp_path)])
    assert result.exit_code == 2
    assert "binary.txt: binary file" in result.stderr
    assert "broken.docx: not a readable .docx file" in result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"].rsplit("/", 1)[-1], f["code"]) for f in findings] == [("good.txt", "SL101")]


def test_a_5_mb_draft_is_linted_to_its_last_line_beside_unreadable_inputs(tmp_path):
    filler = "The Mayor met partners across London to talk about the plan for the city. " * 6
    lines = 5_000_000 // (len(filler) + 1) + 1000
    with open(tmp_path / "big.txt", "w", encoding="utf-8") as stream:
        for _ in range(lines // 1000):
            stream.write((filler + "\n") * 1000)
        stream.write("Homicides fell 21% in the year to March 2025 compared with 2019.\n")
    assert (tmp_path / "big.txt").stat().st_size > 5_000_000
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01" * 50)
    loop = tmp_path / "loop"
    loop.mkdir()
    (loop / "again").symlink_to(loop)
    result = CliRunner().invoke(main, ["--registry", LONDON, "--format", "json", str(tmp_path)])
    assert result.exit_code == 2  # for the binary file alone
    assert "binary.txt: binary file" in result.stderr and "Traceback" not in result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"].rsplit("/", 1)[-1], f["code"], f["line"]) for f in findings] == [
        ("big.txt", "SL101", lines // 1000 * 1000 + 1)
    ]


def test_a_zip_bomb_posing_as_a_word_draft_is_refused_unread(tmp_path, monkeypatch):
    import zipfile

    from statlint.read import docx as wordfile

    monkeypatch.setattr(wordfile, "MAX_UNPACKED", 1_000_000)  # the real limit is 500 MB
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<" * 2_000_000)  # 2 kB packed
    (tmp_path / "good.txt").write_text(
        "Homicides fell 21% in the year to March 2025 compared with 2019.\n"
    )
    result = CliRunner().invoke(main, ["--registry", LONDON, str(tmp_path)])
    assert result.exit_code == 2
    assert (
        "bomb.docx: unpacks to 2 MB, more than a Word draft can (1 MB); not read" in result.stderr
    )
    assert "good.txt:1:1: SL101" in result.stdout


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("statlint tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_statlint_never_opens_a_network_connection(no_network, tmp_path, capsys):
    (tmp_path / "a.html").write_text("<p>Homicides fell 21% (year to March 2025).</p>")
    (tmp_path / "b.md").write_text("Robbery fell [16%](https://example.org) since 2019.\n")
    drafts = [str(SEEDS), str(tmp_path)]
    assert entry_main(drafts) in (0, 1)
    for arguments in (
        ["--registry", LONDON, "--format", "sarif", *drafts],
        ["harvest", str(SEEDS), "-o", str(tmp_path / "h.yaml")],
        ["report", "--html", str(tmp_path / "r.html"), *drafts],
    ):
        CliRunner().invoke(main, arguments)
    assert no_network == []
