"""Which files to lint: the paths given, directories walked for drafts.

Walking honours `exclude` patterns from the configuration, written as in .gitignore and
matched relative to the configuration's folder (pathspec does the matching). A symlink
loop or an unreadable folder is reported and skipped; the walk goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")


@dataclass
class Found:
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # paths that are not there: exit 2
    notes: list[str] = field(default_factory=list)  # skipped on the way, not fatal


class Excludes:
    """gitignore-style patterns, relative to a base folder."""

    def __init__(self, patterns=(), base: Path | None = None):
        self.base = (base or Path.cwd()).resolve()
        self.spec = None
        if patterns:
            import pathspec

            self.spec = pathspec.GitIgnoreSpec.from_lines(patterns)

    def excluded(self, path: Path, is_dir: bool = False) -> bool:
        if self.spec is None:
            return False
        try:
            relative = path.resolve().relative_to(self.base).as_posix()
        except ValueError:
            relative = path.as_posix()
        return self.spec.match_file(relative + ("/" if is_dir else ""))


def discover(paths, extensions=(), excludes: Excludes | None = None) -> Found:
    """Files to read, in a stable order. A file named outright is always read."""
    found = Found()
    suffixes = (*DRAFT_SUFFIXES, *extensions)
    for path in paths:
        if path == "-" or Path(path).is_file():
            found.files.append(path)
        elif Path(path).is_dir():
            found.files.extend(_walk(Path(path), found, suffixes, excludes or Excludes()))
        else:
            found.problems.append(f"{path}: no such file or directory")
    return found


def _walk(root: Path, found: Found, suffixes, excludes: Excludes) -> list[str]:
    files = []
    seen = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            real = folder.resolve(strict=True)
            entries = sorted(folder.iterdir())
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
            is_dir = entry.is_dir()
            if excludes.excluded(entry, is_dir):
                continue
            if is_dir:
                stack.append(entry)
            elif entry.suffix.lower() in suffixes:
                files.append(str(entry))
    return sorted(files)


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)
