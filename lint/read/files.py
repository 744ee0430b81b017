"""Reading the files a user names: regular files only, checked before anything is read.

A FIFO opened for reading waits for a writer forever, and a device such as /dev/zero never
ends, so every draft, registry, configuration and baseline is opened without blocking and
refused unless it is a regular file.
"""

from __future__ import annotations

import errno
import os
import stat


class NotRegularFile(OSError):
    """A FIFO, device or socket where a file was expected."""

    def __init__(self, path: str, what: str):
        super().__init__(errno.EINVAL, f"not a regular file but {what}", path)


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def read_bytes(path, limit: int | None = None) -> bytes:
    """The bytes of a regular file, at most `limit` + 1 of them when a limit is given (so a
    caller can tell that the file is larger). Raises OSError: IsADirectoryError for a
    folder, NotRegularFile for a FIFO, device or socket."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(str(path), kind_of(mode))
        os.set_blocking(handle, True)
        with os.fdopen(handle, "rb") as stream:
            handle = -1  # the stream closes it
            return stream.read() if limit is None else stream.read(limit + 1)
    finally:
        if handle >= 0:
            os.close(handle)
