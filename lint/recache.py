"""Compiled regular expressions kept on disk between runs.

Compiling the grammar's expressions costs more than a one-page lint takes (about 50 ms
here, in CPython's pure-Python regex compiler). The compiled program is a list of integers
that the C engine loads in microseconds, so it is kept in a cache file keyed by the
interpreter and the regex engine's version. A cache that is missing, unreadable, corrupt
or from another interpreter is ignored and rebuilt; every entry is checked as it is loaded
(the engine validates the program; its pattern and flags must be the ones asked for), and
anything that fails is compiled afresh. Set STATLINT_CACHE_DIR=off to do without it.
"""

from __future__ import annotations

import binascii
import os
import re
import sys
import zlib
from array import array

_entries: dict | None = None
_dirty = False


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


def cache_file() -> str | None:
    folder = cache_folder()
    if folder is None or sys.implementation.name != "cpython":
        return None
    import _sre

    version = "-".join(map(str, sys.version_info[:3]))
    return os.path.join(folder, f"regex-cpython-{version}-{_sre.MAGIC}-{_sre.CODESIZE}z.tsv")


def _key(pattern: str, flags: int) -> str:
    return f"{flags}:{pattern}"


# One entry a line, fields separated by tabs, so that reading needs neither json nor
# pickle (whose import or trust would cost more than it saves):
#   key  flags  groups  name=index,...  code
# The key is "flags:pattern", with %, tab and newline percent-encoded; the code is the
# program's words as native-endian bytes, zlib-compressed, in base64. All of it decodes in
# C: a list of decimal numbers took 5 ms a run to parse, and a file eight times the size
# to read.
def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A")


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%09", "\t").replace("%25", "%")


def _load() -> dict:
    global _entries
    if _entries is None:
        _entries = {}
        path = cache_file()
        try:
            with open(path, encoding="utf-8") as stream:
                lines = stream.read().split("\n")
        except (OSError, UnicodeDecodeError, TypeError):
            lines = []
        for line in lines:
            fields = line.split("\t")
            if len(fields) == 5:
                _entries[_unescape(fields[0])] = fields[1:]
    return _entries


def _words(values) -> array:
    """The program's words in an array of the engine's code size."""
    import _sre

    return array("I" if array("I").itemsize == _sre.CODESIZE else "L", values)


def _packed(code: list[int]) -> str:
    return binascii.b2a_base64(zlib.compress(_words(code).tobytes()), newline=False).decode()


def _from_entry(entry, pattern: str, flags: int) -> re.Pattern | None:
    """The compiled pattern an entry describes, or None if it is not exactly that."""
    import _sre

    try:
        total, groups, names, code = entry
        groupindex = {}
        for pair in filter(None, names.split(",")):
            name, _, index = pair.partition("=")
            groupindex[name] = int(index)
        indexgroup = [None] * (int(groups) + 1)
        for name, index in groupindex.items():
            indexgroup[index] = name
        program = _words(zlib.decompress(binascii.a2b_base64(code))).tolist()
        compiled = _sre.compile(
            pattern, int(total), program, int(groups), groupindex, tuple(indexgroup)
        )
    except Exception:  # a corrupt or foreign entry: compile afresh
        return None
    if compiled.pattern != pattern or compiled.flags & ~re.UNICODE != flags & ~re.UNICODE:
        return None
    return compiled


def _program(pattern: str, flags: int) -> tuple[re.Pattern, list[str]]:
    """Compile as re does, keeping the program to store."""
    import _sre
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    total, groups = flags | parsed.state.flags, parsed.state.groups - 1
    compiled = _sre.compile(pattern, total, code, groups, groupindex, tuple(indexgroup))
    names = ",".join(f"{name}={index}" for name, index in groupindex.items())
    return compiled, [str(total), str(groups), names, _packed(code)]


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile, served from the cache file when it holds this pattern."""
    global _dirty
    flags = int(flags)
    if cache_file() is None:
        return re.compile(pattern, flags)
    key = _key(pattern, flags)
    entry = _load().get(key)
    if entry is not None:
        compiled = _from_entry(entry, pattern, flags)
        if compiled is not None:
            return compiled
    try:
        compiled, entry = _program(pattern, flags)
    except Exception:  # the internals differ in this Python: no cache, same result
        return re.compile(pattern, flags)
    _load()[key] = entry
    _dirty = True
    return compiled


def save() -> None:
    """Write the cache if this run compiled anything new (whole file or nothing)."""
    global _dirty
    path = cache_file()
    if not _dirty or path is None:
        return
    try:
        from .atomic import write_atomic

        os.makedirs(os.path.dirname(path), exist_ok=True)
        lines = ["\t".join([_escape(key), *entry]) for key, entry in _entries.items()]
        write_atomic(path, "\n".join(lines).encode("utf-8"))
        _dirty = False
    except OSError:
        pass  # a read-only home: the next run compiles again
