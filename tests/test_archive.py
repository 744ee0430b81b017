"""Archive mode: many files in parallel give exactly the output of one process."""

from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner

from statlint.cli.commands import main

from .conftest import ROOT

LONDON = str(ROOT / "fixtures" / "registries" / "london.yaml")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """120 releases made of seed and rule-case paragraphs (more than one pool's worth)."""
    pool = []
    for path in sorted((ROOT / "fixtures").glob("*/*.txt")):
        pool += [b.strip() for b in path.read_text().split("\n\n") if b.strip()[:1] != "#"]
    rng = random.Random(5)
    folder = tmp_path_factory.mktemp("archive")
    for number in range(120):
        text = "\n\n".join(rng.choice(pool) for _ in range(rng.randint(2, 8)))
        (folder / f"release-{number:03d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_output_is_byte_identical_for_one_and_two_jobs(archive, fmt):
    runs = [
        CliRunner().invoke(main, ["--registry", LONDON, "--format", fmt, "-j", jobs, str(archive)])
        for jobs in ("1", "2")
    ]
    assert runs[0].exit_code == runs[1].exit_code == 1
    assert runs[0].stdout == runs[1].stdout
    assert len(runs[0].stdout) > 10_000


def test_cross_document_sl201_is_found_in_parallel(archive):
    result = CliRunner().invoke(
        main, ["--select", "SL201", "--format", "json", "-j", "2", str(archive)]
    )
    findings = json.loads(result.stdout)["findings"]
    assert findings
    assert any(f["related"][0]["path"] != f["path"] for f in findings)  # across files
    order = [(f["path"], f["line"], f["column"]) for f in findings]
    assert order == sorted(order)
