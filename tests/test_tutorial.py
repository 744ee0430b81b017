"""docs/tutorial.md, run as a new user would: each `$` command in order in a fresh
folder, each printed line checked (the text after `$` lines, in order, in what the
command printed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

TUTORIAL = ROOT / "docs" / "tutorial.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def _steps() -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    for block in BLOCK.findall(TUTORIAL.read_text()):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif line.strip():
                steps[-1][1].append(line)
    return steps


@pytest.mark.skipif(shutil.which("git") is None, reason="the tutorial uses git")
def test_the_tutorial_runs_as_written(tmp_path):
    folder = tmp_path / "press-office"
    folder.mkdir()
    environment = {
        **os.environ,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
        "GIT_AUTHOR_NAME": "Press office",
        "GIT_AUTHOR_EMAIL": "press@example.org",
        "GIT_COMMITTER_NAME": "Press office",
        "GIT_COMMITTER_EMAIL": "press@example.org",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }
    steps = _steps()
    assert [command.split()[0] for command, _ in steps][:3] == ["git", "statlint", "statlint"]
    for command, expected in steps:
        done = subprocess.run(
            ["bash", "-c", command], cwd=folder, env=environment, capture_output=True, text=True
        )
        printed = (done.stdout + done.stderr).splitlines()
        at = 0
        for line in expected:  # each expected line, in order, starts a printed line
            while at < len(printed) and not printed[at].startswith(line.rstrip()):
                at += 1
            assert at < len(printed), f"{command!r} did not print {line!r}:\n" + "\n".join(printed)
            at += 1
