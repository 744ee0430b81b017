"""The same draft as .txt, .md, .html and .docx: the same findings, each located in the
file as its user sees it; Word drafts annotated with comments; folders walked."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from statlint.cli.commands import main

from .conftest import ROOT

LONDON = str(ROOT / "fixtures" / "registries" / "london.yaml")
FIRST = "Homicides fell 21% in the year to March 2025 compared with 2019."
SECOND = "Since 2019 there has been a 24% reduction in homicides."
FUND = "A new £45bn Young Londoners Fund."
HEADER = ["Metric", "Year to March 2025 compared with 2019"]
ROW = ["Homicides", "down 26%"]

TXT = f"{FIRST}\n\n{SECOND}\n\n{FUND}\n"
MD = f"""---
title: Crime figures, 2025
---
# Crime figures

{FIRST}

Since 2019 there has been a **24%** reduction in [homicides](https://example.org/2019).

| {HEADER[0]} | {HEADER[1]} |
| --- | --- |
| {ROW[0]} | {ROW[1]} |

```
a 99% fall in robbery (code, not prose)
```

A new &pound;45bn Young Londoners Fund.
""".replace("&pound;", "£")
HTML = f"""<!doctype html>
<html><head><title>Crime 2025</title><style>p {{ width: 50% }}</style></head>
<body>
<p>{FIRST}</p>
<p>Since 2019 there has been a <em>24%</em> reduction in homicides.</p>
<table><tr><th>{HEADER[0]}</th><th>{HEADER[1]}</th></tr>
<tr><td>{ROW[0]}</td><td>{ROW[1]}</td></tr></table>
<script>var note = "a 99% fall in robbery";</script>
<p>A new &pound;45bn Young Londoners Fund.</p>
</body></html>
"""


def _write_docx(path: Path) -> None:
    document = docx.Document()
    first = document.add_paragraph()
    first.add_run(FIRST[:16])  # "Homicides fell 2"
    first.add_run(FIRST[16:]).bold = True  # "1% in the year ...": one number, two runs
    document.add_paragraph(SECOND)
    table = document.add_table(rows=2, cols=2)
    for column in range(2):
        table.cell(0, column).text = HEADER[column]
        table.cell(1, column).text = ROW[column]
    document.add_paragraph(FUND)
    document.save(path)


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "draft.txt").write_text(
        TXT + f"{ROW[0]} ({ROW[1]}) in the year to March 2025 compared with 2019.\n",
        encoding="utf-8",
    )
    (tmp_path / "draft.md").write_text(MD, encoding="utf-8")
    (tmp_path / "draft.html").write_text(HTML, encoding="utf-8")
    _write_docx(tmp_path / "draft.docx")
    return tmp_path


def _findings(path: Path) -> list[dict]:
    result = CliRunner().invoke(main, ["--registry", LONDON, "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)["findings"]


def _what(findings) -> list[tuple]:
    return sorted((f["code"], f["claim"]["value"], f["claim"]["period"]) for f in findings)


def test_the_same_statements_give_the_same_findings_in_every_format(drafts):
    expected = _what(_findings(drafts / "draft.txt"))
    # one problem, one finding: the registry judges the homicide figures, so no SL201
    assert [code for code, _, _ in expected] == ["SL101", "SL102", "SL107", "SL108"]
    for name in ("draft.md", "draft.html", "draft.docx"):
        assert _what(_findings(drafts / name)) == expected, name


def _located(findings, code) -> dict:
    (finding,) = [f for f in findings if f["code"] == code]
    return finding


@pytest.mark.parametrize("name", ["draft.txt", "draft.md", "draft.html"])
def test_locations_are_lines_and_columns_of_the_file_itself(drafts, name):
    source = (drafts / name).read_text(encoding="utf-8").split("\n")
    findings = _findings(drafts / name)
    for code, starts_with in (("SL101", "Homicides fell 21%"), ("SL102", "24%")):
        finding = _located(findings, code)
        line = source[finding["line"] - 1]
        assert line[finding["column"] - 1 :].startswith(starts_with), (code, line)
    fund = _located(findings, "SL107")
    line = source[fund["line"] - 1]
    written = "&pound;45bn" if name.endswith(".html") else "£45bn"
    assert line[fund["column"] - 1 :].startswith(f"{written} Young Londoners Fund")  # the figure
    assert line[fund["end_column"] - 2] == "d"  # the span ends with "Fund"


def test_word_locations_are_paragraphs_and_offsets(drafts):
    findings = _findings(drafts / "draft.docx")
    assert (_located(findings, "SL101")["line"], _located(findings, "SL101")["column"]) == (1, 1)
    assert _located(findings, "SL102")["line"] == 2
    withdrawn = _located(findings, "SL108")  # the table's second row, second cell
    assert (withdrawn["line"], withdrawn["column"], withdrawn["end_column"]) == (6, 1, 9)
    assert _located(findings, "SL107")["line"] == 7
    text = CliRunner().invoke(main, ["--registry", LONDON, str(drafts / "draft.docx")]).stdout
    assert f"{drafts / 'draft.docx'}:paragraph 6:1: SL108 error" in text


def test_a_table_cell_takes_its_period_from_the_column_header(drafts):
    withdrawn = _located(_findings(drafts / "draft.md"), "SL108")
    assert withdrawn["claim"]["baseline"] == "2019"
    assert withdrawn["claim"]["period"] == "2024-04/2025-03"
    assert withdrawn["claim"]["metric"] == "homicide"  # the row header names the metric


def test_markdown_code_and_html_script_are_not_read(drafts):
    for name in ("draft.md", "draft.html"):
        values = [f["claim"]["value"] for f in _findings(drafts / name)]
        assert -99 not in values


def test_html_directive_suppresses_on_its_source_line(tmp_path):
    draft = tmp_path / "d.html"
    draft.write_text(f"<p>{SECOND} <!-- statlint: ignore[SL102] --></p>\n<p>{SECOND}</p>\n")
    result = CliRunner().invoke(main, ["--registry", LONDON, "--format", "json", str(draft)])
    assert [(f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]] == [(2, "SL102")]


def test_annotate_writes_comments_word_reads_back_and_leaves_the_draft(drafts):
    draft = drafts / "draft.docx"
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    output = drafts / "draft.checked.docx"
    result = CliRunner().invoke(
        main, ["annotate", str(draft), "-o", str(output), "--registry", LONDON]
    )
    assert "wrote" in result.stdout and "with 4 comment(s)" in result.stdout
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before
    comments = list(docx.Document(output).comments)
    assert len(comments) == 4
    texts = " ".join(comment.text for comment in comments)
    assert "SL101 value-conflict (error): Homicides: 21% fall" in texts
    assert "Canonical source: Crime dashboard, April 2025" in texts
    assert {comment.author for comment in comments} == {"statlint"}


@pytest.mark.parametrize("output", ["same", "notes.txt"])
def test_annotate_refuses_to_overwrite_the_draft_or_write_another_format(drafts, output):
    draft = drafts / "draft.docx"
    target = draft if output == "same" else drafts / output
    before = draft.read_bytes()
    result = CliRunner().invoke(main, ["annotate", str(draft), "-o", str(target)])
    assert result.exit_code == 2
    assert draft.read_bytes() == before


def test_a_broken_docx_is_reported_and_the_others_are_linted(tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "good.txt").write_text(FIRST + "\n")
    result = CliRunner().invoke(main, ["--registry", LONDON, str(tmp_path)])
    assert result.exit_code == 2
    assert "broken.docx: not a readable .docx file" in result.stderr
    assert "good.txt:1:1: SL101" in result.stdout


def test_folders_are_walked_with_excludes_and_a_symlink_loop_is_only_a_note(tmp_path, monkeypatch):
    (tmp_path / "statlint.toml").write_text(
        f'registry = "{LONDON}"\nexclude = ["archive/", "*.draft.md"]\n'
    )
    for name in ("releases/a.txt", "releases/b.md", "releases/c.draft.md", "archive/old.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(FIRST + "\n")
    os.symlink(tmp_path / "releases", tmp_path / "releases" / "loop")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--select", "SL101", "--format", "json", "."])
    paths = sorted({f["path"] for f in json.loads(result.stdout)["findings"]})
    assert paths == ["releases/a.txt", "releases/b.md"]
    assert "symlink loop, skipped" in result.stderr
    assert result.exit_code == 1  # the findings, not the loop


def test_an_unreadable_file_is_reported_and_the_others_still_linted(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text(FIRST + "\n")
    (tmp_path / "open.txt").write_text(FIRST + "\n")
    real = os.open

    def guarded_open(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr("os.open", guarded_open)  # root reads a chmod 000 file anyway
    result = CliRunner().invoke(main, ["--registry", LONDON, str(tmp_path)])
    assert result.exit_code == 2
    assert "locked.txt: cannot read (Permission denied)" in result.stderr
    assert "open.txt:1:1: SL101" in result.stdout


def _tracked(paragraph, tag: str, text: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    change = OxmlElement(f"w:{tag}")
    change.set(qn("w:id"), "7")
    change.set(qn("w:author"), "Editor")
    run = OxmlElement("w:r")
    node = OxmlElement("w:delText" if tag == "del" else "w:t")
    node.text = text
    run.append(node)
    change.append(run)
    paragraph._p.append(change)


def test_word_tracked_changes_content_controls_and_headers(tmp_path):
    from docx.oxml import OxmlElement

    from statlint.extract.claims import extract
    from statlint.read import read

    document = docx.Document()
    edited = document.add_paragraph("Robbery fell ")
    _tracked(edited, "ins", "16%")  # inserted with track changes: part of the text
    _tracked(edited, "del", "99%")  # deleted with track changes: not
    edited.add_run(" since 2019.")
    control = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    inside = document.add_paragraph("Burglary fell 18% since 2019.")
    content.append(inside._p)  # moves the paragraph into the content control
    control.append(content)
    document.element.body.insert(1, control)
    document.sections[0].footer.paragraphs[0].text = "Homicides fell 24% since 2019."
    path = tmp_path / "edited.docx"
    document.save(path)
    claims = extract(read(path))
    assert [(c.line, c.subject, c.value) for c in claims] == [
        (1, "Robbery", -16),
        (2, "Burglary", -18),
        (3, "Homicides", -24),
    ]
    assert read(path).line(1) == "Robbery fell 16% since 2019."
