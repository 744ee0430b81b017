"""Reading drafts as users have them, and `statlint extract` as docs/commands.md defines it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from statlint.cli.commands import main
from statlint.read import read
from statlint.read.document import DocumentError

from .conftest import SEEDS

SENTENCE = "Since 2019 there has been a 24% reduction in homicides and £1.5m for youth workers.\n"


def _extract(*args, input=None):
    result = CliRunner().invoke(main, ["extract", *map(str, args)], input=input)
    return result


def _fields(path):
    return [(c.line, c.column, c.value, c.unit, c.subject) for c in _claims(path)]


def _claims(path):
    from statlint.extract.claims import extract

    return extract(read(path))


@pytest.mark.parametrize(
    "encoded",
    [
        SENTENCE.encode("utf-8"),
        b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"),
        SENTENCE.replace("\n", "\r\n").encode("utf-8"),
        b"\xef\xbb\xbf" + SENTENCE.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "bom", "crlf", "bom-crlf"],
)
def test_bom_and_line_endings_do_not_change_what_is_found(tmp_path, encoded):
    plain = tmp_path / "plain.txt"
    plain.write_bytes(SENTENCE.encode("utf-8"))
    variant = tmp_path / "variant.txt"
    variant.write_bytes(encoded)
    assert _fields(variant) == _fields(plain)
    assert _fields(plain)[0][:2] == (1, 29)


def test_windows_1252_is_read_with_a_note(tmp_path):
    draft = tmp_path / "old-word.txt"
    draft.write_bytes("We invested £1.5m in youth workers.\n".encode("cp1252"))
    result = _extract(draft)
    assert result.exit_code == 0
    assert "£1,500,000" in result.stdout
    assert "old-word.txt: not valid UTF-8 (byte 0xA3" in result.stderr
    assert "Windows-1252" in result.stderr


def test_binary_file_is_reported_skipped_and_the_others_still_read(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    result = _extract(binary, good)
    assert result.exit_code == 2
    assert "image.txt: binary file" in result.stderr
    assert "good.txt:1:29" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_missing_file_exits_2_with_its_name(tmp_path):
    result = _extract(tmp_path / "nope.txt")
    assert result.exit_code == 2
    assert "nope.txt: no such file or directory" in result.stderr


def test_read_names_the_file_for_a_directory(tmp_path):
    with pytest.raises(DocumentError, match=str(tmp_path)):
        read(tmp_path)


def test_directory_is_walked_for_drafts(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "notes.md").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "script.py").write_text("x = 24  # 24% reduction in homicides\n")
    result = _extract("--format", "json", tmp_path)
    paths = {claim["path"] for claim in json.loads(result.stdout)["claims"]}
    assert paths == {str(tmp_path / "a.txt"), str(tmp_path / "notes.md")}


def test_standard_input_uses_the_stdin_filename():
    result = _extract("--format", "json", "--stdin-filename", "draft.txt", "-", input=SENTENCE)
    claims = json.loads(result.stdout)["claims"]
    assert [claim["path"] for claim in claims] == ["draft.txt", "draft.txt"]


JSON_FIELDS = {
    "path": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "text": str,
    "subject": str,
    "metric": type(None),
    "value": (int, float),
    "unit": str,
    "kind": str,
    "direction": (str, type(None)),
    "approximation": str,
    "baseline": (str, type(None)),
    "period": (str, type(None)),
}


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_extract_json_follows_the_spec_on_every_seed(seed):
    result = _extract("--format", "json", SEEDS / seed)
    assert result.exit_code == 0
    output = json.loads(result.stdout)
    assert output["version"] == 1 and output["claims"]
    for claim in output["claims"]:
        for field, kind in JSON_FIELDS.items():
            assert isinstance(claim[field], kind), (field, claim)
        assert claim["unit"] in {"percent", "percentage_points", "count", "GBP"}
        assert claim["kind"] in {"change", "level", "increment"}
        assert claim["direction"] in {"decrease", "increase", None}
        assert claim["approximation"] in {"exact", "more_than", "up_to", "nearly", "around"}
        assert (claim["line"], claim["column"]) <= (claim["end_line"], claim["end_column"])


def test_extract_text_is_an_aligned_table():
    result = _extract(SEEDS / "000_60c6f7e6b95cca2a.txt")
    header, *rows = result.stdout.splitlines()
    assert header.split()[:3] == ["location", "value", "unit"]
    assert len(rows) == 5
    column = header.index("unit")
    assert all(row[column - 1] == " " and row[column] != " " for row in rows)
    assert "-24%" in rows[1] and "homicides" in rows[1]
