"""Write a whole file or nothing: a temporary file beside it, fsync, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ChangedSinceRead(Exception):
    """The file is no longer what was read, so writing would lose someone's change."""


def write_atomic(path: str | Path, data: bytes, expected: bytes | None = None) -> None:
    """Raises OSError; the target is either as it was or completely written.

    With `expected`, the target must still hold exactly those bytes when the new file is
    ready to take its place, else ChangedSinceRead is raised and nothing is written."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        os.chmod(temporary, _mode_for(target))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if expected is not None and target.read_bytes() != expected:
            raise ChangedSinceRead(f"{target}: changed since statlint read it; not written")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows a folder to be synced)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _mode_for(target: Path) -> int:
    """The file's own permissions when it exists, else what the umask gives a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
