"""Tables in plain-text drafts: rows of cells split by "|", ";" or tabs, as exports and
pasted spreadsheets write them, or by spaces under a header that names each column's
unit, as a table copied from a web page reads:

    School year Disadvantaged (%) Not known to be disadvantaged (%) Total (%)
    2022/23 25.2 52.4 45.3

A run of two or more lines that split into the same number of cells (three or more for
semicolons, which prose uses too) is a table whose first line is the header. Each cell is
then read on its own, with its row's first cell and its column's header, as in Markdown,
HTML and Word tables; prose is never read across cells. A spaced table needs a header
with one bracketed unit, "(%)" or "(£m)", for each number of its rows, and rows of a
label and numbers only.
"""

from __future__ import annotations

import re

from statlint.read.document import Cell

DELIMITERS = {"|": 2, "\t": 2, ";": 3}  # the fewest cells a row of each must have
MAX_LINE = 2000  # a longer line is prose, not a table row


# A row of a spaced table: a label, then two or more numbers and nothing else.
_NUMBER = r"-?\d[\d,]*(?:\.\d+)?%?"
_SPACED_ROW = re.compile(rf"^\s*(?P<label>\S(?:.*?\S)?)(?P<numbers>(?:[ \t]+{_NUMBER}){{2,}})\s*$")
_NUMBERS = re.compile(_NUMBER)
_LABEL_KIND = re.compile(r"^(?:school|academic|financial|calendar)\s+year\b", re.I)
_UNIT_MARK = re.compile(r"(\([^()\d]{1,12}\))")  # "(%)", "(£m)"
MAX_SPACED = 300  # a longer line is prose, not a row or header of a spaced table


def cells_of(text: str) -> list[Cell]:
    """Every cell of every table in the text, in reading order."""
    return sorted(_delimited(text) + _spaced(text), key=lambda cell: cell.start)


def _spaced(text: str) -> list[Cell]:
    """Cells of the tables whose columns are split by spaces under a header of units."""
    found: list[Cell] = []
    header: list[str] = []
    kind = ""
    for start, end in _lines(text):
        line = text[start:end]
        if len(line) > MAX_SPACED:
            header = []
            continue
        row = _SPACED_ROW.match(line) if header else None
        if row is not None:
            numbers = list(_NUMBERS.finditer(line, row.start("numbers")))
            if len(numbers) == len(header):
                label = row["label"]
                for number, column in zip(numbers, header, strict=True):
                    place = (start + number.start(), start + number.end())
                    found.append(Cell(*place, label, column + kind))
                continue
        header, kind = _unit_header(line)
    return found


def _unit_header(line: str) -> tuple[list[str], str]:
    """The columns of a header line that is nothing but columns with their units, and what
    its first column says of the rows' labels ("School year"); ([], "") for another line."""
    if "(" not in line:
        return [], ""
    parts = _UNIT_MARK.split(line)  # text, unit, text, unit, ..., the rest
    names = parts[0:-1:2]
    columns = [(name + unit).strip() for name, unit in zip(names, parts[1::2], strict=True)]
    if len(columns) < 2 or parts[-1].strip(" :") or not all(name.strip() for name in names):
        return [], ""
    found_kind = _LABEL_KIND.search(columns[0])
    return columns, f" ({found_kind.group()})" if found_kind else ""


def _delimited(text: str) -> list[Cell]:
    found: list[Cell] = []
    rows: list[tuple[int, int]] = []
    current = None
    for start, end in _lines(text):
        line = text[start:end]
        delimiter = _delimiter(line)
        if (
            delimiter is not None
            and delimiter == current
            and len(_split(line, delimiter))
            == len(_split(text[rows[0][0] : rows[0][1]], delimiter))
        ):
            rows.append((start, end))
            continue
        found += _table(text, rows, current)
        rows, current = ([(start, end)], delimiter) if delimiter else ([], None)
    return found + _table(text, rows, current)


def _lines(text: str):
    start = 0
    for match in re.finditer("\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _delimiter(line: str) -> str | None:
    if len(line) > MAX_LINE:
        return None
    for delimiter, fewest in DELIMITERS.items():
        if line.count(delimiter) >= fewest - 1 and len(_split(line, delimiter)) >= fewest:
            return delimiter
    return None


def _split(line: str, delimiter: str) -> list[tuple[int, int]]:
    """(start, end) of each cell in the line, without empty edge cells."""
    edges = [-1, *(m.start() for m in re.finditer(re.escape(delimiter), line)), len(line)]
    cells = list(zip((e + 1 for e in edges), edges[1:], strict=False))
    if cells and not line[cells[0][0] : cells[0][1]].strip():
        cells = cells[1:]
    if cells and not line[cells[-1][0] : cells[-1][1]].strip():
        cells = cells[:-1]
    return cells


def _table(text: str, rows: list[tuple[int, int]], delimiter: str | None) -> list[Cell]:
    if delimiter is None or len(rows) < 2:
        return []
    header_start, header_end = rows[0]
    header = [
        text[header_start + a : header_start + b].strip()
        for a, b in _split(text[header_start:header_end], delimiter)
    ]
    found = []
    for start, end in rows[1:]:
        spans = [(start + a, start + b) for a, b in _split(text[start:end], delimiter)]
        row_header = text[spans[0][0] : spans[0][1]].strip() if spans else ""
        for column, (cell_start, cell_end) in enumerate(spans):
            column_header = header[column] if column < len(header) else ""
            found.append(Cell(cell_start, cell_end, row_header, column_header))
    return found
