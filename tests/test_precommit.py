"""The pre-commit hook, as another repository uses it, with no network during the run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("pre-commit")]


@pytest.fixture(scope="session")
def wheelhouse(tmp_path_factory):
    """Wheels of statlint and what it needs, so pre-commit installs it with pip offline.
    CI may hand one over in STATLINT_WHEELHOUSE; else it is built once here."""
    given = os.environ.get("STATLINT_WHEELHOUSE")
    if given:
        return given
    folder = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "-w",
            str(folder),
            str(ROOT),
            "setuptools",
        ],
        check=True,
    )
    return str(folder)


def _git(folder, *args):
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


@pytest.fixture
def drafts_repo(tmp_path):
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "press@example.org")
    _git(tmp_path, "config", "user.name", "Press office")
    shutil.copy(ROOT / "fixtures" / "registries" / "london.yaml", tmp_path / "registry.yaml")
    (tmp_path / "pyproject.toml").write_text('[tool.statlint]\nregistry = "registry.yaml"\n')
    (tmp_path / "conflict.txt").write_text(
        "Homicides fell 21% in the year to March 2025 compared with 2019.\n"
    )
    (tmp_path / "clean.txt").write_text(
        "Homicides fell 24% in the year to March 2025 compared with 2019.\n"
    )
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "drafts")
    return tmp_path


@pytest.fixture(scope="session")
def hooks_repo(tmp_path_factory):
    """This checkout as a repository of hooks, working tree included (as `pre-commit
    try-repo` takes it), at one revision: the hook environment is built once and shared."""
    folder = tmp_path_factory.mktemp("hooks")
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "-c", "user.email=ci@example.org", "-c", "user.name=CI", "commit", "-qm", "hooks")
    revision = subprocess.run(
        ["git", "-C", str(folder), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    return folder, revision


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def _run_hook(repo, hooks, wheelhouse, home, draft, hook="statlint"):
    folder, revision = hooks
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {folder}\n  rev: {revision}\n  hooks:\n"
        "  - id: statlint\n  - id: statlint-fix\n"
    )
    environment = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "PIP_NO_INDEX": "1",  # offline: pip may only use the wheelhouse
        "PIP_FIND_LINKS": wheelhouse,
    }
    command = [sys.executable, "-m", "pre_commit", "run", hook, "--files", draft]
    return subprocess.run(command, cwd=repo, env=environment, capture_output=True, text=True)


def test_pre_commit_fails_on_a_conflicting_draft_and_passes_a_clean_one(
    drafts_repo, hooks_repo, wheelhouse, pre_commit_home
):
    failing = _run_hook(drafts_repo, hooks_repo, wheelhouse, pre_commit_home, "conflict.txt")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "conflict.txt:1:1: SL101 error Homicides: 21% fall" in failing.stdout
    passing = _run_hook(drafts_repo, hooks_repo, wheelhouse, pre_commit_home, "clean.txt")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout


def test_the_fix_hook_writes_the_canonical_figure_and_stops_the_commit(
    drafts_repo, hooks_repo, wheelhouse, pre_commit_home
):
    run = [drafts_repo, hooks_repo, wheelhouse, pre_commit_home, "conflict.txt"]
    fixing = _run_hook(*run, hook="statlint-fix")
    assert fixing.returncode == 1, fixing.stdout + fixing.stderr
    assert "files were modified by this hook" in fixing.stdout
    assert (drafts_repo / "conflict.txt").read_text() == (
        "Homicides fell 24% in the year to March 2025 compared with 2019.\n"
    )
    again = _run_hook(*run, hook="statlint-fix")
    assert again.returncode == 0, again.stdout + again.stderr
