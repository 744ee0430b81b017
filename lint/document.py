"""Read a draft into text with a line index (the read layer: no parsing here)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from pathlib import Path

# Spaces that pyparsing's default whitespace does not skip. Each is replaced by one plain
# space, so every offset into the normalised text is an offset into the original.
_ODD_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\t": " "})
_BINARY_PROBE = 8192


class DocumentError(Exception):
    """A file that could not be read; the message names the file."""


@dataclass(frozen=True)
class Document:
    """A draft as text. `text` has LF line ends and odd spaces made plain, offsets kept."""

    path: str
    text: str
    format: str = "txt"
    notes: tuple[str, ...] = ()
    line_starts: tuple[int, ...] = field(default=(), repr=False)

    @classmethod
    def from_text(cls, path: str, text: str, fmt: str = "txt", notes=()) -> Document:
        text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_ODD_SPACES)
        return cls(path, text, fmt, tuple(notes), _line_starts(text))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset, columns counted in characters."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def masked(self, spans) -> Document:
        """The same document with these (start, end) spans blanked, offsets and lines kept."""
        if not spans:
            return self
        text = list(self.text)
        for start, end in spans:
            text[start:end] = [" " if char != "\n" else char for char in text[start:end]]
        return replace(self, text="".join(text))

    def line(self, number: int) -> str:
        """The text of a 1-based line, without its newline."""
        start = self.line_starts[number - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)]


def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    find = text.find
    position = find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = find("\n", position + 1)
    return tuple(starts)


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


def read(path: str | Path) -> Document:
    """Read a .txt or .md draft. Raises DocumentError with a message naming the file."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise DocumentError(f"{name}: is a directory") from None
    except OSError as error:
        raise DocumentError(f"{name}: cannot read ({error.strerror or error})") from None
    text, notes = decode(data, name)
    fmt = "md" if name.lower().endswith((".md", ".markdown")) else "txt"
    return Document.from_text(name, text, fmt, notes)


TEXT_SUFFIXES = (".txt", ".md", ".markdown")


def discover(paths: list[str], extensions=()) -> tuple[list[str], list[str]]:
    """Files to read, in a stable order, and messages for paths that are not there.

    Directories are walked for drafts; links that lead back into a walked folder are
    skipped, so a symlink loop ends the walk instead of hanging it.
    """
    files: list[str] = []
    problems: list[str] = []
    for path in paths:
        if path == "-" or Path(path).is_file():
            files.append(path)
        elif Path(path).is_dir():
            files.extend(_walk(Path(path), problems, (*TEXT_SUFFIXES, *extensions)))
        else:
            problems.append(f"{path}: no such file or directory")
    return files, problems


def _walk(root: Path, problems: list[str], suffixes) -> list[str]:
    found = []
    seen = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            real = folder.resolve()
            entries = sorted(folder.iterdir())
        except OSError as error:
            problems.append(f"{folder}: cannot read ({error.strerror or error})")
            continue
        if real in seen:
            problems.append(f"{folder}: symlink loop, skipped")
            continue
        seen.add(real)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                stack.append(entry)
            elif entry.suffix.lower() in suffixes:
                found.append(str(entry))
    return sorted(found)


def from_bytes(data: bytes, name: str) -> Document:
    """Decoded bytes as a document: a file, or a buffer an editor pipes in under its name."""
    text, notes = decode(data, name)
    fmt = "md" if name.lower().endswith((".md", ".markdown")) else "txt"
    return Document.from_text(name, text, fmt, notes)
