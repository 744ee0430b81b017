"""Durations and rates: read from prose, registered, and compared across units."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from statlint.cli.commands import main

from .conftest import SEEDS

REGISTRY = """\
version: 1
metrics:
  response_time:
    name: Average ambulance response time, category 2
    aliases: [average ambulance response time]
  assault_rate:
    name: Assault rate
    aliases: [assaults]
  rent:
    name: Average monthly private rent
    aliases: [average private rent]
  grant:
    name: Youth grant spending
    aliases: [youth grant spending]
figures:
  - {metric: response_time, value: 1.5, unit: hours, period: "2024-05"}
  - {metric: assault_rate, value: 1.2, unit: {per: 1000}, period: "2024"}
  - {metric: rent, value: 1335, unit: GBP, period: "2025-04"}
  - {metric: grant, value: 10000000, unit: GBP, per: year, period: "2024"}
"""


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        ("The average wait was 1 hour 20 minutes.", 80, "minutes", None),
        ("The average wait was 20 minutes and 1 hour.", 80, "minutes", None),
        ("Patients faced waits of 14 hours.", 14, "hours", None),
        ("The rate was 1.2 per 100,000 population.", 1.2, "count", "100000"),
        ("There were 130 assaults per 1,000 residents.", 130, "count", "1000"),
        ("There were 46 stabbings a day in 2024.", 46, "count", "day"),
        ("The fund gives £10m a year.", 10_000_000, "GBP", "year"),
        ("The fund gives £10m annually.", 10_000_000, "GBP", "year"),
    ],
)
def test_durations_and_rates_are_read_with_their_units(claims_of, text, value, unit, per):
    (claim,) = claims_of(text)
    assert (claim.value, claim.unit, claim.per) == (value, unit, per)


@pytest.mark.parametrize(
    "text",
    [
        "The three-year fund opened.",
        "Over two years the plan changed.",
        "Patients waiting more than 18 months were seen.",
        "Crime rose a year ago.",
    ],
)
def test_lengths_that_name_a_period_or_a_group_are_not_statements(claims_of, text):
    assert [c for c in claims_of(text) if c.unit != "count" or c.per] == []


def _lint(tmp_path, text: str) -> list[dict]:
    (tmp_path / "registry.yaml").write_text(REGISTRY)
    (tmp_path / "d.txt").write_text(text)
    result = CliRunner().invoke(
        main,
        ["--no-config", "--registry", str(tmp_path / "registry.yaml"), "--format", "json"]
        + [str(tmp_path / "d.txt")],
    )
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


def test_the_registry_accepts_durations_and_rates(tmp_path):
    (tmp_path / "registry.yaml").write_text(REGISTRY)
    result = CliRunner().invoke(main, ["registry", "check", str(tmp_path / "registry.yaml")])
    assert result.exit_code == 0, result.output
    bad = REGISTRY.replace("unit: {per: 1000}", "unit: {per: 7}")
    (tmp_path / "registry.yaml").write_text(bad)
    result = CliRunner().invoke(main, ["registry", "check", str(tmp_path / "registry.yaml")])
    assert result.exit_code == 2
    assert "registry.yaml:17: figures[1].unit.per: 7 is not one of" in result.stderr


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("In May 2024 the average ambulance response time was 1 hour 30 minutes.", False),
        ("In May 2024 the average ambulance response time was 90 minutes.", False),
        ("In May 2024 the average ambulance response time was 1 hour 20 minutes.", True),
        ("In 2024 there were 120 assaults per 100,000 population.", False),
        ("In 2024 there were 130 assaults per 100,000 population.", True),
        ("In April 2025 the average private rent was £1,335 a month.", False),
        ("In April 2025 the average private rent was £1,375 a month.", True),
        ("In 2024 youth grant spending was £10m a year.", False),
        ("In 2024 youth grant spending was £12m a year.", True),
    ],
)
def test_values_compare_across_units_of_one_dimension(tmp_path, sentence, wrong):
    codes = [f["code"] for f in _lint(tmp_path, sentence + "\n")]
    assert codes == (["SL101"] if wrong else [])


def test_the_message_gives_the_canonical_value_in_the_drafts_unit(tmp_path):
    text = "In May 2024 the average ambulance response time was 1 hour 20 minutes.\n"
    (found,) = _lint(tmp_path, text)
    assert "80 minutes for May 2024, but the registry has 90 minutes" in found["message"]


def test_linting_a_draft_with_scaled_amounts_does_not_load_the_unit_library():
    """ "£1.5m" is plain arithmetic, and so is "£10m a year" for a "three-year fund": the
    seed that has both starts as fast as one that has neither."""
    draft = next(SEEDS.glob("001_*.txt"))
    assert "£1.5m" in draft.read_text() and "£10m a year" in draft.read_text()
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "statlint", "--no-config", str(draft)],
        capture_output=True,
        text=True,
    )
    assert "SL203" in done.stdout  # the fund's rate was checked against its total
    assert " quantities" not in done.stderr


def test_a_rate_over_a_length_in_another_unit_is_converted(tmp_path):
    (tmp_path / "d.txt").write_text("The £150m fund will give £40m a year over 36 months.\n")
    result = CliRunner().invoke(main, ["--no-config", "--format", "json", str(tmp_path / "d.txt")])
    (found,) = json.loads(result.stdout)["findings"]
    assert "£40m a year for 36 months comes to £120m" in found["message"]
