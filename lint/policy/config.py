"""Configuration: `[tool.statlint]` in pyproject.toml, or statlint.toml / .statlint.toml.

Found upward from the current directory; validated with a JSON Schema, so an unknown key
or a bad value is an error naming the file and the key. Paths in it are relative to it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache

from statlint import diskcache
from statlint.errors import ConfigError

CANDIDATES = (".statlint.toml", "statlint.toml", "pyproject.toml")


@dataclass(frozen=True, slots=True)
class Config:
    path: str | None = None
    registry: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    extensions: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # gitignore-style, relative to the configuration file
    baseline: str | None = None


def _toml(path: str, data: bytes) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: cannot read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not read: nested too deeply") from None


def _section(path: str) -> dict | None:
    """The validated statlint settings of a candidate file, or None when it has none.

    Files whose exact bytes were read before come from the cache: no TOML parser, no
    schema validation. A pyproject.toml that never says "statlint" is not parsed at all."""
    from statlint.read.files import read_bytes

    try:
        data = read_bytes(path)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror or error})") from None
    is_pyproject = os.path.basename(path) == "pyproject.toml"
    if is_pyproject and b"statlint" not in data:
        return None
    cached = diskcache.lookup("config", path, data)
    if isinstance(cached, dict) and isinstance(cached.get("settings"), (dict, type(None))):
        if cached["settings"] is not None:
            _check_meanings(cached["settings"], _where(path))
        return cached["settings"]
    settings = _toml(path, data)
    if is_pyproject:
        settings = settings.get("tool", {}).get("statlint")
    if settings is not None:
        _check(settings, path)
    diskcache.store("config", path, data, {"settings": settings})
    return settings


def find(start: str) -> str | None:
    """The nearest configuration file at or above the folder `start`."""
    folder = start
    while True:
        for name in CANDIDATES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate) and _section(candidate) is not None:
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


@lru_cache(maxsize=1)
def _validator():
    import json
    from importlib import resources

    import jsonschema

    schema = json.loads(resources.files("statlint.policy").joinpath("schema.json").read_text())
    return jsonschema.Draft202012Validator(schema)


def _where(path: str) -> str:
    return path + (": [tool.statlint]" if os.path.basename(path) == "pyproject.toml" else "")


def _check(settings: dict, path: str) -> None:
    where = _where(path)
    _check_meanings(settings, where)
    for error in _validator().iter_errors(settings):
        key = ".".join(map(str, error.absolute_path))
        if error.validator == "additionalProperties":
            unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            key = ".".join(filter(None, [key, unknown[0]]))
            raise ConfigError(f"{where}: unknown key '{key}'")
        raise ConfigError(f"{where}: key '{key or '(top)'}': {error.message}")


def _check_meanings(settings: dict, where: str) -> None:
    """What the schema cannot check: that rule codes name rules and that exclude patterns
    are patterns. Values of the wrong type are left to the schema."""
    from statlint.rules import unknown_code

    named = [(key, code) for key in ("select", "ignore") for code in _strings(settings.get(key))]
    severity = settings.get("severity")
    named += [("severity", code) for code in severity] if isinstance(severity, dict) else []
    ignores = settings.get("per-file-ignores")
    for glob, codes in ignores.items() if isinstance(ignores, dict) else ():
        named += [(f"per-file-ignores.{glob}", code) for code in _strings(codes)]
    for key, code in named:
        problem = unknown_code(code)
        if problem:
            raise ConfigError(f"{where}: key '{key}': {problem}")
    for pattern in _strings(settings.get("exclude"), split=False):
        problem = exclude_problem(pattern)
        if problem:
            raise ConfigError(f"{where}: key 'exclude': {pattern!r} {problem}")


def _strings(value, split: bool = True) -> list[str]:
    """The strings of a list, or of a comma-separated string; nothing for other types."""
    if isinstance(value, str):
        return [s.strip() for s in (value.split(",") if split else [value]) if s.strip()]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def exclude_problem(pattern: str) -> str | None:
    """Why a gitignore-style pattern cannot be used, or None."""
    import re

    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([pattern]).match_file("x")
    except (ValueError, re.error) as error:
        return f"is not a gitignore pattern ({error})"
    return None


def _codes(value) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in _strings(value) if code.strip())


def _paths(value, base: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    return tuple(os.path.join(base, item) for item in items)


def load(path: str) -> Config:
    """Read and validate one configuration file."""
    path = str(path)
    if not os.path.isfile(path):
        raise ConfigError(f"{path}: no such configuration file")
    settings = _section(path)
    if settings is None:
        raise ConfigError(f"{path}: has no [tool.statlint] section")
    base = os.path.dirname(path)
    return Config(
        path=path,
        registry=_paths(settings.get("registry", ()), base),
        select=_codes(settings.get("select", ())),
        ignore=_codes(settings.get("ignore", ())),
        fail_on=settings.get("fail-on", "warning"),
        per_file_ignores={
            glob: _codes(codes) for glob, codes in settings.get("per-file-ignores", {}).items()
        },
        severity={code.upper(): level for code, level in settings.get("severity", {}).items()},
        extensions=tuple(
            ext if ext.startswith(".") else f".{ext}" for ext in settings.get("extensions", ())
        ),
        exclude=tuple(settings.get("exclude", ())),
        baseline=os.path.join(base, settings["baseline"]) if "baseline" in settings else None,
    )


def resolve(config_path: str | None, use_config: bool, start: str | None = None) -> Config:
    """The configuration in force: the one named, else the nearest found, else defaults."""
    if not use_config:
        return Config()
    if config_path:
        return load(config_path)
    found = find(os.path.realpath(start or os.getcwd()))
    return load(found) if found else Config()
