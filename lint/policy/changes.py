"""Which lines changed since a git revision (for `--diff REF`: gate only new text)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from statlint.errors import ChangesError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def _git(root: Path, *args: str) -> str:
    import subprocess

    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except OSError as error:
        raise ChangesError(f"cannot run git ({error})") from None
    if done.returncode:
        raise ChangesError(f"git {' '.join(args[:2])}: {done.stderr.strip()}")
    return done.stdout


def repository_root(start: Path | None = None) -> Path | None:
    try:
        return Path(_git(start or Path.cwd(), "rev-parse", "--show-toplevel").strip())
    except ChangesError:
        return None


_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}
_QUOTED_PART = re.compile(r'\\([0-7]{3}|.)|([^"\\]+)', re.DOTALL)


def unquote(name: str) -> str:
    """A path as git prints it in a diff header: C-quoted when it holds non-ASCII
    characters, quotes, backslashes, tabs or newlines ("communiqu\\303\\251.md"), with a
    tab after it when it holds a space."""
    if not name.startswith('"'):
        return name[:-1] if name.endswith("\t") else name
    raw = bytearray()
    for escape, plain in _QUOTED_PART.findall(name[1 : name.rindex('"')]):
        if plain:
            raw += plain.encode("utf-8", "surrogateescape")
        elif len(escape) == 3:
            raw.append(int(escape, 8))
        else:
            raw.append(_ESCAPES.get(escape, ord(escape)))
    return os.fsdecode(bytes(raw))


def _verified(root: Path, ref: str) -> None:
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except ChangesError:
        raise ChangesError(f"--diff: {ref!r} is not a commit in this repository") from None


def changed_lines(ref: str, start: Path | None = None) -> dict[Path, set[int] | None]:
    """Changed line numbers per file since `ref`; None for a file that is new as a whole."""
    root = repository_root(start)
    if root is None:
        raise ChangesError("--diff needs a git repository")
    _verified(root, ref)
    diff = _git(root, "diff", "--unified=0", "--no-color", "--no-ext-diff", ref, "--")
    changed: dict[Path, set[int] | None] = {}
    for section in re.split(r"^diff --git ", diff, flags=re.MULTILINE)[1:]:
        target = re.search(r"^\+\+\+ (.+)$", section, re.MULTILINE)
        if not target or target.group(1) == "/dev/null":
            continue
        name = unquote(target.group(1)).removeprefix("b/")
        lines = changed.setdefault((root / name).resolve(), set())
        if lines is None:  # a file counted as changed throughout
            continue
        for start_line, count in _HUNK.findall(section):
            first, length = int(start_line), int(count) if count else 1
            lines.update(range(first, first + length))
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard")
    for name in filter(None, untracked.split("\0")):
        changed[(root / name).resolve()] = None
    return changed


def touches(changed: dict[Path, set[int] | None], path: str, first: int, last: int) -> bool:
    """Does a finding on lines first..last of path touch the change?"""
    if path == "-" or not Path(path).exists():
        return True
    resolved = Path(path).resolve()
    if resolved not in changed:
        return False
    lines = changed[resolved]
    return lines is None or any(line in lines for line in range(first, last + 1))
