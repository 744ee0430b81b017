"""Work kept on disk between runs: what a file's exact bytes were found to mean.

A registry or configuration that validated before is served from here, so a run needs
neither its parser nor JSON Schema: with a registry and a configuration, a one-page lint
takes about 560 ms with the cache and 750 ms without (farm-bench, median of 15). There is
one entry per kind and file, replaced when the file changes, so the folder does not grow
with every edit.

An entry is served only when all of this holds, and is otherwise a miss, rebuilt and
never trusted:
- it was made from exactly these bytes (it holds them, and they are compared byte for
  byte; no cryptographic hash is needed, whose import alone costs 5 ms);
- it was made by exactly this statlint and these dependencies: its key is a checksum of
  every source file of the package (rules and schemas included) and of the installed
  versions of PyYAML and jsonschema, so an edited loader, rule or schema, or an upgraded
  parser, never meets entries made before it;
- its value is what statlint wrote: a checksum over the value and the bytes, so an entry
  edited or damaged on disk is refused even when it is still valid JSON.

Entry layout: one line of JSON ({"key", "check", "value"}), a newline, then the source
bytes. JSON text holds no raw newline, so the first one ends the header.
"""

from __future__ import annotations

import os
import re
import sys
import zlib


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


PACKAGE = os.path.dirname(os.path.abspath(__file__))
# The installed distributions whose behaviour a cached value depends on: the YAML parser
# and the schema validator. Their versions are read from the names of their metadata
# folders ("pyyaml-6.0.4.dist-info"), which costs a directory listing, not an import.
_DEPENDENCY = re.compile(r"^(pyyaml|jsonschema)-([^-]+)\.(?:dist|egg)-info$", re.IGNORECASE)
_KEY: list[str] = []  # worked out once per process


def source_checksum(folder: str = PACKAGE) -> int:
    """A checksum of every source file under `folder` (.py and .json), names and bytes."""
    checksum = 0
    for path, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".json")):
                with open(os.path.join(path, name), "rb") as stream:
                    checksum = zlib.crc32(stream.read(), zlib.crc32(name.encode(), checksum))
    return checksum


def dependency_versions() -> list[str]:
    """ "pyyaml 6.0.4", "jsonschema 4.26.0": as installed where Python imports from."""
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            match = _DEPENDENCY.match(name)
            if match:
                found.setdefault(match.group(1).lower(), match.group(2))
        if len(found) == 2:
            break
    return sorted(f"{name} {version}" for name, version in found.items())


def key() -> str:
    """What names this statlint and its dependencies: entries made by another are misses."""
    if not _KEY:
        parts = [f"{source_checksum():08x}", *dependency_versions(), sys.implementation.cache_tag]
        _KEY.append(" ".join(str(part) for part in parts))
    return _KEY[0]


def _check(value_json: str, data: bytes) -> int:
    return zlib.crc32(data, zlib.crc32(value_json.encode("utf-8")))


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
        if entry["key"] != key():
            return None
        value_json = json.dumps(entry["value"], sort_keys=True)
        return entry["value"] if entry["check"] == _check(value_json, data) else None
    except Exception:  # missing, corrupt or not ours: a miss
        return None


def store(kind: str, source: str, data: bytes, value) -> None:
    """Keep `value` (anything JSON can hold) for these bytes of `source`, if possible."""
    path = _entry_path(kind, source)
    if path is None:
        return
    import json

    from statlint.atomic import write_atomic

    value_json = json.dumps(value, sort_keys=True)
    header = json.dumps({"key": key(), "check": _check(value_json, data), "value": value})
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, header.encode("utf-8") + b"\n" + data)
    except OSError:
        pass  # a read-only cache folder: the next run does the work again
