"""Read a draft into text with a line index (the read layer: no parsing here)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from statlint.errors import DocumentError

# Spaces that `\s` in the grammar should see as spaces. Each is replaced by one plain
# space, so every offset into the normalised text is an offset into the original.
_ODD_SPACE = re.compile("[\u00a0\u202f\u2007\t]")
_BINARY_PROBE = 8192
_BLANKED = re.compile(r"[^\n]")


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell in a document's text, read with its row's and column's headers."""

    start: int
    end: int
    row_header: str
    column_header: str


def normalise(text: str) -> str:
    """LF line ends and plain spaces, one character for one, so offsets hold."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ODD_SPACE.sub(" ", text) if _ODD_SPACE.search(text) else text


@dataclass(frozen=True, slots=True)
class Document:
    """A draft as text to parse, with the way back to the file as the user sees it.

    `text` is what extraction reads: for .txt the file itself; for Markdown the file with
    what is not prose blanked (same length); for HTML the visible text, `source_map` giving
    each character's offset in `source`; for .docx one line per paragraph.
    """

    path: str
    text: str
    format: str = "txt"
    notes: tuple[str, ...] = ()
    line_starts: tuple[int, ...] = field(default=(), repr=False)  # of the source's lines
    source: str | None = field(default=None, repr=False)  # the file's text, when not `text`
    source_map: Sequence[int] | None = field(default=None, repr=False)
    cells: tuple[Cell, ...] = ()
    date: str | None = None  # the date the document speaks from, given by --date: YYYY-MM-DD
    front_matter_date: str | None = None  # Markdown front matter's `date:`, YYYY-MM-DD

    @classmethod
    def from_text(cls, path: str, text: str, fmt: str = "txt", notes=()) -> Document:
        from statlint.read.texttable import cells_of

        text = normalise(text)
        return cls(path, text, fmt, tuple(notes), line_starts(text), cells=tuple(cells_of(text)))

    @classmethod
    def derived(cls, path, source, text, fmt, notes=(), source_map=None, cells=()):
        """A document whose parsed text is derived from the (normalised) source text."""
        return cls(
            path,
            text,
            fmt,
            tuple(notes),
            line_starts(source),
            None if source == text else source,
            source_map,
            tuple(cells),
        )

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of a character offset into `text`."""
        offset = self.source_offset(offset)
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def source_offset(self, offset: int) -> int:
        """Where a character of `text` is in the (normalised) source text."""
        if self.source_map is None:
            return offset
        if offset < len(self.source_map):
            return self.source_map[offset]
        return self.source_map[-1] + 1 if self.source_map else 0

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) of text[start:end]; the end is exclusive."""
        line, column = self.position(start)
        end_line, last_column = self.position(max(start, end - 1))
        return line, column, end_line, last_column + (1 if end > start else 0)

    def masked(self, spans) -> Document:
        """The same document with these (start, end) spans blanked, offsets and lines kept."""
        if not spans:
            return self
        pieces, at = [], 0
        for start, end in sorted(spans):
            if start < at:
                start = at
            pieces.append(self.text[at:start])
            pieces.append(_BLANKED.sub(" ", self.text[start:end]))
            at = max(at, end)
        pieces.append(self.text[at:])
        return replace(self, text="".join(pieces))

    def line(self, number: int) -> str:
        """The text of a 1-based line of the file, without its newline."""
        text = self.source if self.source is not None else self.text
        start = self.line_starts[number - 1]
        end = text.find("\n", start)
        return text[start : end if end >= 0 else len(text)]


def line_starts(text: str) -> tuple[int, ...]:
    """The offset each line of `text` starts at."""
    return (0, *(match.end() for match in _NEWLINE.finditer(text)))


_NEWLINE = re.compile("\n")


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (BOM or not), else Windows-1252 with a note for the user."""
    if b"\x00" in data[:_BINARY_PROBE]:
        raise DocumentError(f"{path}: binary file (not text), skipped")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        note = (
            f"{path}: not valid UTF-8 (byte 0x{data[error.start]:02X} at offset "
            f"{error.start}); read as Windows-1252"
        )
        return data.decode("cp1252", errors="replace"), [note]
