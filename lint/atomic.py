"""Write a whole file or nothing: a temporary file beside it, fsync, then a rename."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class ChangedSinceRead(Exception):
    """The file is no longer what was read, so writing would lose someone's change."""


def write_atomic(path: str | Path, data: bytes, expected: bytes | None = None) -> None:
    """Raises OSError; the target is either as it was or completely written.

    A symlink's target is written, not the link. The new file keeps the old one's
    permissions, owner and group (or is not written). With `expected`, the target must
    still hold exactly those bytes when the new file is ready to take its place, else
    ChangedSinceRead is raised and nothing is written."""
    target = Path(os.path.realpath(path))
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        os.chmod(temporary, _mode_for(target))
        _keep_owner(temporary, target)
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


def write_in_place(path: str | Path, data: bytes, expected: bytes) -> None:
    """Write into the file itself, so that every hard link to it sees the change. Not
    atomic: for files that replacing would cut off from their other names."""
    with open(path, "r+b") as stream:
        if stream.read() != expected:
            raise ChangedSinceRead(f"{path}: changed since statlint read it; not written")
        stream.seek(0)
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())


def replacing_changes(path: str | Path) -> str | None:
    """Why replacing the file with a new one would change more than its text: it is
    read-only, or it has other names (hard links) that would keep the old text."""
    info = os.stat(path)
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        return "it is read-only"
    if info.st_nlink > 1:
        return f"it has {info.st_nlink - 1} other hard link(s), which would keep the old text"
    return None


def _keep_owner(temporary: str, target: Path) -> None:
    try:
        wanted = target.stat()
    except FileNotFoundError:
        return
    made = os.stat(temporary)
    if (made.st_uid, made.st_gid) == (wanted.st_uid, wanted.st_gid):
        return
    try:
        os.chown(temporary, wanted.st_uid, wanted.st_gid)
    except PermissionError:
        raise PermissionError(
            errno.EPERM, "cannot give the new file the old one's owner and group"
        ) from None


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
