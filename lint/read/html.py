"""HTML drafts: the visible text of the body, each character mapped to its place in the
source, so `&pound;1.5m` is reported at its true column.

The standard library's HTMLParser with `convert_charrefs=False` reports text, entity and
character references separately, and `getpos()` gives where each starts. Block elements
end a line of the text, and a list item starts with a bullet as in plain text; script and
style are skipped; table cells are read with their headers; statlint's own comments are
kept for the suppression reader.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from statlint.read.document import Cell, Document

BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "title"})


class _Reader(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0]
        for index, char in enumerate(source):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.hidden = 0
        self.rows: list[list[tuple[int, int]]] = []  # cells of the current table's rows
        self.header: list[str] = []
        self.cells: list[Cell] = []
        self.cell_start: int | None = None

    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _add(self, text: str, offsets) -> None:
        self.chars.extend(text)
        self.offsets.extend(offsets)

    def _break(self) -> None:
        if self.chars and self.chars[-1] != "\n":
            self._add("\n", [self._here()])

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self._break()
        if tag == "li" and not self.hidden:
            self._add("• ", [self._here()] * 2)  # an item, as the segmenter knows items
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell_start = len(self.chars)

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in ("td", "th") and self.cell_start is not None and self.rows:
            self.rows[-1].append((self.cell_start, len(self.chars)))
            self.cell_start = None
        elif tag == "table":
            self._table()
        if tag in BLOCKS:
            self._break()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self._break()

    def handle_data(self, data):
        if not self.hidden:
            start = self._here()
            self._add(data, range(start, start + len(data)))

    def _reference(self, written: str, decoded: str) -> None:
        if not self.hidden:
            self._add(decoded, [self._here()] * len(decoded))

    def handle_entityref(self, name):
        self._reference(f"&{name};", html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self._reference(f"&#{name};", html.unescape(f"&#{name};"))

    def handle_comment(self, data):
        if data.strip().startswith("statlint:"):
            start = self._here()
            text = f"<!--{data}-->"
            self._add(text, range(start, start + len(text)))

    def _text(self, start: int, end: int) -> str:
        return "".join(self.chars[start:end]).strip()

    def _table(self) -> None:
        rows, self.rows = self.rows, []
        if not rows:
            return
        header = [self._text(a, b) for a, b in rows[0]]
        for row in rows[1:]:
            row_header = self._text(*row[0]) if row else ""
            for column, (start, end) in enumerate(row):
                column_header = header[column] if column < len(header) else ""
                self.cells.append(Cell(start, end, row_header, column_header))


def to_document(path: str, source: str, notes=()) -> Document:
    """An HTML draft: its visible text for extraction, its source for locations."""
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    text = "".join(reader.chars).translate({0x00A0: " ", 0x202F: " ", 0x09: " "})
    return Document.derived(
        path, source, text, "html", notes, source_map=reader.offsets, cells=reader.cells
    )
