"""Which lines changed since a git revision (for `--diff REF`: gate only new text)."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import ChangesError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def _git(root: Path, *args: str) -> str:
    import subprocess

    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
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


def changed_lines(ref: str, start: Path | None = None) -> dict[Path, set[int] | None]:
    """Changed line numbers per file since `ref`; None for a file that is new as a whole."""
    root = repository_root(start)
    if root is None:
        raise ChangesError("--diff needs a git repository")
    _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    diff = _git(root, "diff", "--unified=0", "--no-color", "--no-ext-diff", ref, "--")
    changed: dict[Path, set[int] | None] = {}
    for section in re.split(r"^diff --git ", diff, flags=re.MULTILINE)[1:]:
        target = re.search(r"^\+\+\+ (?:b/)?(.+)$", section, re.MULTILINE)
        if not target or target.group(1) == "/dev/null":
            continue
        lines = changed.setdefault((root / target.group(1)).resolve(), set())
        for start_line, count in _HUNK.findall(section):
            first, length = int(start_line), int(count) if count else 1
            lines.update(range(first, first + length))
    for name in _git(root, "ls-files", "--others", "--exclude-standard").splitlines():
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
