"""Word (.docx) drafts: one line of text per paragraph, in document order.

python-docx 1.2's `Paragraph.text` drops tracked insertions, `document.paragraphs` skips
block content controls (w:sdt) and tables, and a number may be split over runs ("24" and
"% since 2019"). So the body's XML is walked directly: paragraphs, tables cell by cell,
content controls; inside a paragraph every w:t, w:tab and w:br counts, w:delText (deleted
text) does not. Headers and footers follow the body. Locations: line = paragraph number,
column = character offset in the paragraph.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from statlint.read.document import Cell, Document, DocumentError, normalise

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT, TAB, BREAK, CARRIAGE = f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"
PARAGRAPH, TABLE, ROW, CELL = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc"
CONTENT_CONTROL, CONTROL_CONTENT, RUN = f"{W}sdt", f"{W}sdtContent", f"{W}r"


@dataclass(frozen=True, slots=True)
class Paragraph:
    element: object  # the w:p element
    story: str  # body | header | footer
    cell: tuple[str, str] | None = None  # (row header, column header) in a table


def element_text(element) -> str:
    """The text an element shows: w:t, tabs and breaks as spaces; deletions left out."""
    parts = []
    for node in element.iter(TEXT, TAB, BREAK, CARRIAGE):
        parts.append(node.text or "" if node.tag == TEXT else " ")
    return normalise("".join(parts)).replace("\n", " ")


def _blocks(parent, story: str) -> Iterator[Paragraph]:
    for child in parent:
        if child.tag == PARAGRAPH:
            yield Paragraph(child, story)
        elif child.tag == TABLE:
            yield from _table(child, story)
        elif child.tag == CONTENT_CONTROL:
            for content in child.iter(CONTROL_CONTENT):
                yield from _blocks(content, story)
                break


def _table(table, story: str) -> Iterator[Paragraph]:
    rows = [row for row in table if row.tag == ROW]
    if not rows:
        return
    header = [element_text(cell) for cell in rows[0] if cell.tag == CELL]
    for number, row in enumerate(rows):
        cells = [cell for cell in row if cell.tag == CELL]
        row_header = element_text(cells[0]) if cells else ""
        for column, cell in enumerate(cells):
            context = None
            if number:
                context = (row_header, header[column] if column < len(header) else "")
            for paragraph in _blocks(cell, story):
                yield Paragraph(paragraph.element, story, paragraph.cell or context)


def paragraphs(document) -> list[Paragraph]:
    """Every paragraph of a python-docx document, body first, in the order they are read."""
    found = list(_blocks(document.element.body, "body"))
    for section in document.sections:
        for story, part in (("header", section.header), ("footer", section.footer)):
            if not part.is_linked_to_previous:
                found += _blocks(part._element, story)
    return found


MAX_UNPACKED = 500_000_000  # bytes: a package that unpacks to more is a zip bomb, not a draft


def _check_unpacked_size(data: bytes, name: str) -> None:
    """Refuse a package whose parts would unpack to more than MAX_UNPACKED, unread."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise DocumentError(f"{name}: not a readable .docx file ({error})") from None
    if unpacked > MAX_UNPACKED:
        raise DocumentError(
            f"{name}: unpacks to {unpacked / 1e6:,.0f} MB, more than a Word draft can "
            f"({MAX_UNPACKED / 1e6:,.0f} MB); not read"
        )


def open_docx(data: bytes, name: str):
    _check_unpacked_size(data, name)
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise DocumentError(f"{name}: reading .docx needs python-docx") from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for a broken package
        raise DocumentError(f"{name}: not a readable .docx file ({error})") from None


def read_docx(data: bytes, name: str) -> Document:
    found = paragraphs(open_docx(data, name))
    lines = [element_text(paragraph.element) for paragraph in found]
    cells, offset = [], 0
    for paragraph, line in zip(found, lines, strict=True):
        if paragraph.cell is not None:
            cells.append(Cell(offset, offset + len(line), *paragraph.cell))
        offset += len(line) + 1
    text = "\n".join(lines)
    return Document.derived(name, text, text, "docx", (), cells=cells)
