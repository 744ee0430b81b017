"""A press officer's first hour with statlint: the help, what a run says it checked, and
registry messages that say what to write."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from statlint.cli.commands import main

GOOD = """\
version: 1
metrics:
  waits:
    name: Patients waiting
    aliases: [patients waiting]
figures:
  - metric: waits
    value: 100
    unit: count
    period: "2025-04/2026-03"
    published: "2025-08-14"
  - metric: waits
    value: -5
    unit: percent
    baseline: "2019"
    period: "2024-05"
"""


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_help_shows_the_lint_options_the_commands_and_examples():
    shown = _run("--help").output
    assert "statlint [OPTIONS] PATH..." in shown
    for option in ("--registry PATH", "--format", "--fix", "--select", "--quiet"):
        assert option in shown
    assert "Commands:" in shown and "extract" in shown and "Examples:" in shown


def test_a_clean_run_says_what_it_read_and_checked(here):
    (here / "registry.yaml").write_text(GOOD)
    (here / "d.txt").write_text("In May 2024 patients waiting fell 5% compared with 2019.\n")
    result = _run("--no-config", "--registry", "registry.yaml", "d.txt")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "statlint: no problems: 1 statement(s) in 1 file(s), 1 checked against registry.yaml"
    )


def test_a_run_without_a_registry_says_only_the_registry_free_rules_ran(here):
    (here / "registry.yaml").write_text(GOOD)
    (here / "d.txt").write_text("Patients waiting fell 5%.\n")
    result = _run("--no-config", "d.txt")
    assert result.exit_code == 0
    assert "only the registry-free rules ran" in result.stderr
    assert "--registry registry.yaml" in result.stderr  # the registry found nearby
    assert "none checked against a registry" in result.stderr
    assert _run("--no-config", "--quiet", "d.txt").output == ""


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('published: "2025-08-14"', "published: 2025-08-14"),
            ":11: figures[0].published: YAML reads 2025-08-14 unquoted as a date: write "
            'published: "2025-08-14"',
        ),
        (
            ('baseline: "2019"', "baseline: 2019"),
            ":15: figures[1].baseline: YAML reads 2019 unquoted as a number: "
            'write baseline: "2019"',
        ),
        (
            ('period: "2025-04/2026-03"', 'period: "2025/26"'),
            ":10: figures[0].period: bad period: '26' is not an ISO date (YYYY, YYYY-MM or "
            "YYYY-MM-DD); for '2025/26' write period: \"2025-04/2026-03\"",
        ),
        (
            ('period: "2025-04/2026-03"', 'period: "May 2024"'),
            "for 'May 2024' write period: \"2024-05\"",
        ),
        (
            ('baseline: "2019"', 'baseline: "2026"'),
            ":15: figures[1].baseline: the baseline 2026 is later than the period 2024-05",
        ),
    ],
)
def test_registry_messages_say_what_to_write(here, change, expected):
    (here / "registry.yaml").write_text(GOOD.replace(*change))
    result = _run("registry", "check", "registry.yaml")
    assert result.exit_code == 2
    assert expected in result.stderr


def test_every_registry_problem_is_reported_in_one_pass(here):
    broken = GOOD.replace('published: "2025-08-14"', "published: 2025-08-14").replace(
        'period: "2024-05"', 'period: "2024/25"'
    )
    (here / "registry.yaml").write_text(broken)
    problems = _run("registry", "check", "registry.yaml").stderr.splitlines()
    assert [line.split(":")[3] for line in problems] == ["11", "16"]  # in file order


def test_registry_check_counts_in_the_singular_and_checks_the_configured_registry(here):
    (here / "registry.yaml").write_text(GOOD)
    (here / "statlint.toml").write_text('registry = "registry.yaml"\n')
    result = _run("registry", "check")
    assert result.exit_code == 0
    assert result.stdout.endswith("registry.yaml: ok (1 metric, 2 figures)\n")
