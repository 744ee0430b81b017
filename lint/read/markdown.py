"""Markdown drafts: the prose, with everything else blanked out in place.

Length-preserving masking (what is not prose becomes spaces, newlines stay) keeps every
offset, so locations are exact; re-finding matches by string search, as some prose
linters do, misplaces them. Skipped: front matter, fenced and indented code, inline code,
link targets and images, HTML tags and comments (statlint directives stay), emphasis and
heading marks. Tables are read cell by cell with their headers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from statlint.read.document import Cell, Document

_DIRECTIVE = re.compile(r"<!--\s*statlint:[^\n]{0,500}?-->")
_DIRECTIVE_OPENING = re.compile(r"<!--\s*statlint:")
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.DOTALL)
_FRONT_MATTER_DATE = re.compile(r"^date:\s*[\"']?(\d{4}-\d\d-\d\d)", re.MULTILINE)
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")
# Each pattern stops at the next character that would open another of its kind, or within
# a bound, so that many unclosed openers ("![", "<a", "`") cost linear time.
_INLINE = [
    re.compile(r"(`+)(?:.|\n(?![ \t]*\n)){1,2000}?(?<!`)\1(?!`)"),  # inline code
    re.compile(r"!\[[^\]\[]*\]\([^()]*\)"),  # images
    re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link targets
    re.compile(r"(?<=\])\[[^\]]*\]"),  # reference link labels
    re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S.*$", re.MULTILINE),  # reference definitions
    re.compile(r"<https?://[^>]+>|https?://\S+"),  # URLs
    re.compile(r"</?[A-Za-z][^<>\n]*>"),  # HTML tags
]
_MARKS = [
    re.compile(r"^ {0,3}#{1,6}(?=\s)", re.MULTILINE),  # heading marks
    re.compile(r"^ {0,3}>+", re.MULTILINE),  # block quotes
    re.compile(r"^ {0,3}(?:=+|-{3,}|\*{3,}|_{3,})\s*$", re.MULTILINE),  # rules, underlines
    re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|])"),  # escapes
    re.compile(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])"),  # emphasis
    re.compile(r"(?<!\])\[|\](?!\()"),  # link brackets
]


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if chars[index] != "\n":
            chars[index] = " "


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _code_blocks(text: str, chars: list[str]) -> None:
    """Fenced code, and indented code after a blank line that is not inside a list."""
    lines = text.split("\n")
    spans = _line_spans(text)
    fence = None
    in_list = False
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence or opening:
            _blank(chars, *spans[index])
            if opening and (fence is None or opening.group(1)[0] == fence):
                fence = None if fence else opening.group(1)[0]
            continue
        if _LIST_ITEM.match(line):
            in_list = True
        elif line.strip() and not line.startswith((" ", "\t")):
            in_list = False
        previous = lines[index - 1] if index else ""
        indented = line.startswith(("    ", "\t")) and line.strip()
        if indented and not in_list and (not previous.strip() or chars[spans[index - 1][0]] == " "):
            _blank(chars, *spans[index])


def _comments(text: str):
    """(start, end) of each HTML comment but statlint's own. One left open runs to the end
    of the document when it starts a line (an HTML block), and is text when it does not."""
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            if _opens_line(text, start):
                yield start, len(text)
            return
        if not _DIRECTIVE_OPENING.match(text, start):
            yield start, end + 3
        start = text.find("<!--", end + 3)


def _opens_line(text: str, position: int) -> bool:
    """Whether only up to three spaces come before `position` on its line (looked for in
    the four characters before it, not back to the line's start: a long line stays
    linear)."""
    near = max(0, position - 4)
    line = text.rfind("\n", near, position) + 1 or near
    return position - line <= 3 and not text[line:position].strip(" ")


def _split_row(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a table row, without its pipes."""
    row = text[start:end]
    pipes = [m.start() for m in re.finditer(r"(?<!\\)\|", row)]
    edges = [-1, *pipes, len(row)]
    cells = [
        (start + left + 1, start + right) for left, right in zip(edges, edges[1:], strict=False)
    ]
    if row.lstrip().startswith("|"):
        cells = cells[1:]
    if row.rstrip().endswith("|"):
        cells = cells[:-1]
    return cells


def _tables(text: str, chars: list[str]) -> list[Cell]:
    spans = _line_spans(text)
    lines = text.split("\n")
    found: list[Cell] = []
    index = 1
    while index < len(lines):
        if "|" in lines[index - 1] and _TABLE_SEPARATOR.match(lines[index]):
            found += _table(text, chars, spans, lines, index)
        index += 1
    return found


def _table(text, chars, spans, lines, separator: int) -> list[Cell]:
    header = [text[a:b].strip() for a, b in _split_row(text, *spans[separator - 1])]
    _blank(chars, *spans[separator - 1])
    _blank(chars, *spans[separator])
    found = []
    row = separator + 1
    while row < len(lines) and "|" in lines[row] and lines[row].strip():
        cells = _split_row(text, *spans[row])
        row_header = text[cells[0][0] : cells[0][1]].strip() if cells else ""
        for column, (start, end) in enumerate(cells):
            column_header = header[column] if column < len(header) else ""
            found.append(Cell(start, end, row_header, column_header))
        for pipe in re.finditer(r"(?<!\\)\|", lines[row]):
            chars[spans[row][0] + pipe.start()] = " "
        row += 1
    return found


def to_document(path: str, text: str, notes=()) -> Document:
    """A Markdown draft: its prose for extraction, its own text for locations."""
    chars = list(text)
    front = _FRONT_MATTER.match(text)
    if front:
        _blank(chars, 0, front.end())
    _code_blocks(text, chars)
    for start, end in _comments(text):
        _blank(chars, start, end)
    for pattern in _INLINE:
        for match in pattern.finditer("".join(chars)):
            _blank(chars, *match.span())
    cells = _tables("".join(chars), chars)
    masked = "".join(chars)
    for pattern in _MARKS:
        for match in pattern.finditer(masked):
            _blank(chars, *match.span())
    for directive in _DIRECTIVE.finditer(text):  # statlint's own comments stay as written
        chars[directive.start() : directive.end()] = directive.group()
    document = Document.derived(path, text, "".join(chars), "md", notes, cells=cells)
    dated = _FRONT_MATTER_DATE.search(front.group()) if front else None
    return replace(document, front_matter_date=dated.group(1)) if dated else document
