"""A gate on linting in fields other than crime: the labelled drafts and registry beside
the checkout (../shared/lintcases/: housing and homelessness, public transport), linted
as a press office runs statlint, every draft in one run in name order.

A finding (error or warning) is right when the labels list its file and line with its
code; any other is a false alarm. A labelled line is found when a finding on it has one of
its codes. Precision is right findings over findings; recall, lines found over lines
labelled. The floors are the levels reached: raise them as linting improves, so that no
change can quietly undo it. The drafts are other people's words and stay outside the
repository.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LINTCASES = Path(__file__).resolve().parents[2] / "shared" / "lintcases"
FLOORS = {"precision": 1.0, "recall": 1.0}

pytestmark = pytest.mark.skipif(
    not (LINTCASES / "labels.json").is_file(), reason=f"no labelled drafts at {LINTCASES}"
)


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> list[dict]:
    work = tmp_path_factory.mktemp("lintcases")
    shutil.copy(LINTCASES / "registry.yaml", work / "registry.yaml")
    shutil.copytree(LINTCASES / "drafts", work / "drafts")
    drafts = sorted(f"drafts/{p.name}" for p in (work / "drafts").iterdir() if p.is_file())
    command = [sys.executable, "-m", "statlint", "--no-config", "--registry", "registry.yaml"]
    done = subprocess.run(
        [*command, "--format", "json", *drafts], cwd=work, capture_output=True, text=True
    )
    assert done.returncode in (0, 1), done.stderr
    return [f for f in json.loads(done.stdout)["findings"] if f["severity"] != "info"]


def _scores(findings: list[dict]) -> tuple[dict, list[str]]:
    labels = json.loads((LINTCASES / "labels.json").read_text(encoding="utf-8"))
    wanted = {(label["file"], label["line"]): set(label["codes"]) for label in labels["drafts"]}
    right, wrong, found = 0, [], set()
    for finding in findings:
        key = (Path(finding["path"]).name, finding["line"])
        if finding["code"] in wanted.get(key, ()):
            right += 1
            found.add(key)
        else:
            wrong.append(f"false alarm {key[0]}:{key[1]} {finding['code']}")
    missed = [
        f"missed {name}:{line} {codes}"
        for (name, line), codes in wanted.items()
        if (name, line) not in found
    ]
    scores = {
        "precision": right / len(findings) if findings else 1.0,
        "recall": len(found) / len(wanted),
    }
    return scores, wrong + missed


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_linting_other_fields_stays_at_the_level_reached(findings, measure):
    scores, problems = _scores(findings)
    assert scores[measure] >= FLOORS[measure], problems


def test_one_problem_gets_one_finding(findings):
    """The registry judges what it covers: no statement gets both an SL1xx finding and
    SL201, and no statement two findings of one code."""
    by_statement: dict[tuple, list[str]] = {}
    for finding in findings:
        key = (finding["path"], finding["line"], finding["column"])
        by_statement.setdefault(key, []).append(finding["code"])
    for key, codes in by_statement.items():
        assert len(codes) == len(set(codes)), key
        assert not ("SL201" in codes and any(c.startswith("SL1") for c in codes)), key
