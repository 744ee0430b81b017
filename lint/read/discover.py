"""Which files to lint: the paths given, directories walked for drafts.

Walking honours `exclude` patterns from the configuration, written as in .gitignore and
matched relative to the configuration's folder (pathspec does the matching). A symlink
loop or an unreadable folder is reported and skipped; the walk goes on.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field

from statlint.read.files import kind_of

DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")


@dataclass(slots=True)
class Found:
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # paths that are not there: exit 2
    notes: list[str] = field(default_factory=list)  # skipped on the way, not fatal


class Excludes:
    """gitignore-style patterns, relative to a base folder."""

    def __init__(self, patterns=(), base: str | None = None):
        self.base = os.path.realpath(base or os.getcwd())
        self.spec = None
        if patterns:
            import pathspec

            self.spec = pathspec.GitIgnoreSpec.from_lines(patterns)

    def excluded(self, path: str, is_dir: bool = False) -> bool:
        if self.spec is None:
            return False
        relative = os.path.relpath(os.path.realpath(path), self.base)
        if relative.startswith(".."):
            relative = path
        relative = relative.replace(os.sep, "/")
        return self.spec.match_file(relative + ("/" if is_dir else ""))


def discover(paths, extensions=(), excludes: Excludes | None = None) -> Found:
    """Files to read, in a stable order. A file named outright is always read."""
    found = Found()
    suffixes = (*DRAFT_SUFFIXES, *extensions)
    named = []
    for path in paths:
        try:
            mode = os.stat(path).st_mode if path != "-" else stat.S_IFREG
        except OSError as error:
            found.problems.append(f"{path}: {_missing(error)}")
            continue
        if stat.S_ISREG(mode):
            named.append(path)
        elif stat.S_ISDIR(mode):
            named.extend(_walk(path, found, suffixes, excludes or Excludes()))
        else:
            found.problems.append(f"{path}: not a regular file but {kind_of(mode)}, not read")
    found.files = _once(named)
    return found


def _missing(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    return f"cannot read ({_reason(error)})"


def _once(paths: list[str]) -> list[str]:
    """Each file once, under the first name it was given by ("d.txt ./d.txt")."""
    seen, kept = set(), []
    for path in paths:
        real = path if path == "-" else os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            kept.append(path)
    return kept


def _walk(root: str, found: Found, suffixes, excludes: Excludes) -> list[str]:
    """Files below root (os.scandir: this runs on every pre-commit, pathlib costs more)."""
    files = []
    seen = set()
    stack = [os.path.normpath(root)]
    while stack:
        folder = stack.pop()
        try:
            real = os.path.realpath(folder, strict=True)
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except (OSError, RuntimeError) as error:
            found.notes.append(f"{folder}: cannot read folder ({_reason(error)}), skipped")
            continue
        if real in seen:
            found.notes.append(f"{folder}: symlink loop, skipped")
            continue
        seen.add(real)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = entry.name if folder == "." else os.path.join(folder, entry.name)
            is_dir = entry.is_dir()
            if excludes.excluded(path, is_dir):
                continue
            if is_dir:
                stack.append(path)
            elif entry.is_file() and os.path.splitext(entry.name)[1].lower() in suffixes:
                files.append(path)  # a regular file: a FIFO would block its reader
    return sorted(files)


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)
