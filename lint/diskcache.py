"""Work kept on disk between runs: what a file's exact bytes were found to mean.

A registry or configuration that validated before is served from here, so a run needs
neither its parser nor JSON Schema (whose imports alone cost about 100 ms). There is one
entry per kind and file, replaced when the file changes, so the folder does not grow with
every edit. An entry holds the bytes it was made from, and a hit is checked byte for
byte: no stale entry can be served, and no cryptographic hash (OpenSSL's import costs
5 ms) is needed to name it. A missing, unreadable, corrupt or foreign entry is a miss;
it is rebuilt, never trusted.

Entry layout: one line of JSON ({"format", "version", "value"}), a newline, then the
source bytes. JSON text holds no raw newline, so the first one ends the header.
"""

from __future__ import annotations

import os
import zlib

from statlint import __version__


def cache_folder() -> str | None:
    """Where statlint keeps its caches: STATLINT_CACHE_DIR, else the user's cache folder;
    None when STATLINT_CACHE_DIR=off."""
    setting = os.environ.get("STATLINT_CACHE_DIR")
    if setting == "off":
        return None
    if setting:
        return setting
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "statlint")


# 3: registries now refuse non-finite values and deep nesting while composing, which a
# cache hit skips, so entries made before are not used
FORMAT = 4


def _entry_path(kind: str, source: str) -> str | None:
    folder = cache_folder()
    if folder is None:
        return None
    where = os.path.abspath(source).encode("utf-8", "surrogateescape")
    return os.path.join(folder, f"{kind}-{zlib.crc32(where):08x}.cache")


def lookup(kind: str, source: str, data: bytes):
    """The value stored for exactly these bytes of `source`, or None."""
    path = _entry_path(kind, source)
    if path is None:
        return None
    try:
        with open(path, "rb") as stream:
            header, _, stored = stream.read().partition(b"\n")
        if stored != data:
            return None
        import json

        entry = json.loads(header)
        if entry["format"] != FORMAT or entry["version"] != __version__:
            return None
        return entry["value"]
    except Exception:  # missing, corrupt or not ours: a miss
        return None


def store(kind: str, source: str, data: bytes, value) -> None:
    """Keep `value` (anything JSON can hold) for these bytes of `source`, if possible."""
    path = _entry_path(kind, source)
    if path is None:
        return
    import json

    from statlint.atomic import write_atomic

    header = json.dumps({"format": FORMAT, "version": __version__, "value": value})
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, header.encode("utf-8") + b"\n" + data)
    except OSError:
        pass  # a read-only cache folder: the next run does the work again
