"""Which files to lint: the paths given, directories walked for drafts.

Walking honours `exclude` patterns from the configuration, written as in .gitignore and
matched relative to the configuration's folder (pathspec does the matching). A symlink
loop or an unreadable folder is reported and skipped; the walk goes on.
"""

from __future__ import annotations

import os

from .record import field, record

DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")


@record(frozen=False)
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
    for path in paths:
        if path == "-" or os.path.isfile(path):
            found.files.append(path)
        elif os.path.isdir(path):
            found.files.extend(_walk(path, found, suffixes, excludes or Excludes()))
        else:
            found.problems.append(f"{path}: no such file or directory")
    return found


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
            elif os.path.splitext(entry.name)[1].lower() in suffixes:
                files.append(path)
    return sorted(files)


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)
