"""The on-disk caches make a second run fast and are never trusted blindly: a corrupt or
foreign cache file is ignored and rebuilt, and the result is the same as without it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS

LONDON = str(ROOT / "fixtures" / "registries" / "london.yaml")
DRAFT = str(SEEDS / "003_9ffa4f15d2c7cc6e.txt")
PROBE = """
import sys
from statlint.cli.entry import main
try:
    code = main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
print("MODULES", "yaml" in sys.modules, "jsonschema" in sys.modules, "tomllib" in sys.modules)
sys.exit(code)
"""


def _run(cache: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    environment = {**os.environ, "STATLINT_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
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


def _entry(stored: Path) -> tuple[dict, bytes]:
    header, _, source = stored.read_bytes().partition(b"\n")
    return json.loads(header), source


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    """A run with a cache of its own, and that cache, made once for each kind of damage."""
    built = tmp_path_factory.mktemp("clean") / "cache"
    return _run(built, "lint", "--registry", LONDON, DRAFT), built


@pytest.mark.parametrize(
    "damage", ["garbage", "another-statlint", "bad-unit", "plausible-edit", "other-bytes"]
)
def test_a_corrupt_or_foreign_registry_cache_is_ignored(cache, damage, clean_run):
    clean, built = clean_run
    shutil.copytree(built, cache)
    (stored,) = cache.glob("registry-*.cache")
    header, source = _entry(stored)
    if damage == "garbage":
        stored.write_bytes(b"\x00\xff not json\n" + source)
    elif damage == "another-statlint":  # made by another version of the code or its parser
        stored.write_bytes(json.dumps({**header, "key": "0badc0de"}).encode() + b"\n" + source)
    elif damage == "bad-unit":
        header["value"]["data"]["figures"][0]["unit"] = "furlongs"
        stored.write_bytes(json.dumps(header).encode() + b"\n" + source)
    elif damage == "plausible-edit":  # still a valid registry: only the check can tell
        header["value"]["data"]["figures"][0]["value"] = -99
        stored.write_bytes(json.dumps(header).encode() + b"\n" + source)
    else:  # an entry for other bytes: say, the registry before an edit
        stored.write_bytes(json.dumps(header).encode() + b"\n" + source.replace(b"-24", b"-25"))
    again = _run(cache, "lint", "--registry", LONDON, DRAFT)
    assert "MODULES True True" in again.stdout  # validated afresh
    assert _findings(again) == _findings(clean)
    assert _entry(stored) == (_entry(stored)[0], Path(LONDON).read_bytes())  # rebuilt


def test_the_cache_key_changes_with_any_source_file_and_names_the_parsers(tmp_path):
    from statlint import diskcache

    package = tmp_path / "package"
    shutil.copytree(Path(diskcache.__file__).parent, package)
    before = diskcache.source_checksum(str(package))
    schema = package / "registry" / "schema.json"
    schema.write_text(schema.read_text().replace('"count"', '"counts"', 1))
    assert diskcache.source_checksum(str(package)) != before
    names = [version.split()[0] for version in diskcache.dependency_versions()]
    assert names == ["jsonschema", "pyyaml"]


def test_one_cache_entry_per_registry_file_however_often_it_changes(cache, tmp_path):
    registry = tmp_path / "r.yaml"
    for value in ("-24", "-25", "-26"):
        registry.write_text(Path(LONDON).read_text().replace("value: -24", f"value: {value}", 1))
        _run(cache, "lint", "--registry", str(registry), DRAFT)
    assert len(list(cache.glob("registry-*.cache"))) == 1


def test_a_configuration_read_before_needs_neither_toml_nor_json_schema(cache, tmp_path):
    (tmp_path / "statlint.toml").write_text(f'registry = "{LONDON}"\nselect = ["SL1"]\n')
    first = _run(cache, DRAFT, cwd=tmp_path)
    second = _run(cache, DRAFT, cwd=tmp_path)
    assert "MODULES True True True" in first.stdout
    assert "MODULES False False False" in second.stdout
    assert _findings(first) == _findings(second) and "SL104" in _findings(first)


def test_a_configuration_made_invalid_after_caching_is_refused(cache, tmp_path):
    config = tmp_path / "statlint.toml"
    config.write_text('select = ["SL1"]\n')
    assert _run(cache, DRAFT, cwd=tmp_path).returncode == 0
    config.write_text('select = ["SL1"]\nfail_on = "error"\n')  # the key is fail-on
    refused = _run(cache, DRAFT, cwd=tmp_path)
    assert refused.returncode == 2 and "unknown key 'fail_on'" in refused.stderr


def test_a_pyproject_that_never_mentions_statlint_is_not_parsed(cache, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "drafts"\n')
    done = _run(cache, DRAFT, cwd=tmp_path)
    assert done.returncode in (0, 1) and "error" not in done.stderr
    assert done.stdout.rstrip().endswith("MODULES False False False")  # no tomllib


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
