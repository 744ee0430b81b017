"""The on-disk caches make a second run fast and are never trusted blindly: a corrupt or
foreign cache file is ignored and rebuilt, and the result is the same as without it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS

LONDON = str(ROOT / "fixtures" / "registries" / "london.yaml")
DRAFT = str(SEEDS / "003_9ffa4f15d2c7cc6e.txt")
PROBE = """
import sys
from statlint.entry import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("MODULES", "yaml" in sys.modules, "jsonschema" in sys.modules)
"""


def _run(cache: Path, *args: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "STATLINT_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
    )


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


def _findings(done) -> str:
    return done.stdout.split("MODULES")[0]


def test_a_validated_registry_is_read_from_the_cache_the_second_time(cache):
    first = _run(cache, "lint", "--registry", LONDON, DRAFT)
    second = _run(cache, "lint", "--registry", LONDON, DRAFT)
    assert "MODULES True True" in first.stdout  # validated: YAML and JSON Schema loaded
    assert "MODULES False False" in second.stdout  # from the cache: neither
    assert _findings(first) == _findings(second) and "SL104" in _findings(first)


def test_a_changed_registry_is_validated_again(cache, tmp_path):
    registry = tmp_path / "r.yaml"
    registry.write_text(Path(LONDON).read_text())
    _run(cache, "lint", "--registry", str(registry), DRAFT)
    registry.write_text(Path(LONDON).read_text().replace("value: -24", "value: -25", 1))
    again = _run(cache, "lint", "--registry", str(registry), DRAFT)
    assert "MODULES True True" in again.stdout


@pytest.mark.parametrize("damage", ["garbage", "foreign", "bad-unit"])
def test_a_corrupt_or_foreign_registry_cache_is_ignored(cache, damage):
    clean = _run(cache, "lint", "--registry", LONDON, DRAFT)
    (stored,) = cache.glob("registry-*.json")
    if damage == "garbage":
        stored.write_bytes(b"\x00\xff not json")
    elif damage == "foreign":
        stored.write_text(json.dumps({"format": 99, "metrics": {}, "figures": []}))
    else:
        body = json.loads(stored.read_text())
        body["figures"][0]["unit"] = "furlongs"
        stored.write_text(json.dumps(body))
    again = _run(cache, "lint", "--registry", LONDON, DRAFT)
    assert "MODULES True True" in again.stdout  # validated afresh
    assert _findings(again) == _findings(clean)
    assert json.loads(stored.read_text())["format"] == 1  # rebuilt


def test_a_corrupt_regex_cache_is_ignored_and_rebuilt(cache):
    clean = _run(cache, DRAFT, str(SEEDS / "000_60c6f7e6b95cca2a.txt"))
    (stored,) = cache.glob("regex-*.tsv")
    lines = stored.read_text().split("\n")
    damaged = [line.rsplit("\t", 1)[0] + "\t1,2,3,999999" for line in lines[:5]] + lines[5:]
    stored.write_text("\n".join(damaged) + "\ngarbage line\t\t\n")
    again = _run(cache, DRAFT, str(SEEDS / "000_60c6f7e6b95cca2a.txt"))
    assert "SL201" in _findings(clean)
    assert _findings(again) == _findings(clean)


def test_without_a_cache_the_result_is_the_same(cache):
    with_cache = _run(cache, "lint", "--registry", LONDON, DRAFT)
    environment = {**os.environ, "STATLINT_CACHE_DIR": "off"}
    without = subprocess.run(
        [sys.executable, "-c", PROBE, "lint", "--registry", LONDON, DRAFT],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
    )
    assert _findings(without) == _findings(with_cache)
