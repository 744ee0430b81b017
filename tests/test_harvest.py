"""harvest -> registry check -> lint: a registry bootstrapped from the seeds."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from statlint.cli.commands import main
from statlint.registry.harvest import published_date

from .conftest import SEEDS


@pytest.fixture
def harvested(tmp_path):
    output = tmp_path / "draft-registry.yaml"
    result = CliRunner().invoke(main, ["harvest", str(SEEDS), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output, result.stdout


def test_harvest_round_trips_on_the_seeds(harvested):
    output, summary = harvested
    assert "2 unresolved" in summary
    check = CliRunner().invoke(main, ["registry", "check", str(output)])
    assert check.exit_code == 0, check.output
    lint = CliRunner().invoke(main, ["--registry", str(output), "--format", "json", str(SEEDS)])
    findings = json.loads(lint.stdout)["findings"]
    # exactly the unresolved clusters: 22% vs 24% homicides, 20% vs 27% knife injury,
    # and the fund that does not add up (£10m a year for three years of a £45m fund)
    assert [(f["code"], f["claim"]["value"]) for f in findings] == [
        ("SL203", 10_000_000),
        ("SL201", -22),
        ("SL201", -20),
    ]


def test_disagreeing_clusters_are_comments_with_every_value_and_no_figure(harvested):
    output, _ = harvested
    text = output.read_text()
    unresolved = text[text.index("# UNRESOLVED homicides") :].split("\n")[:3]
    assert unresolved[1:] == [
        "#     -24 in 000_60c6f7e6b95cca2a.txt:35",
        "#     -22 in 003_9ffa4f15d2c7cc6e.txt:56",
    ]
    figures = yaml.safe_load(text)["figures"]
    assert not [f for f in figures if f["value"] in (-22, -24, -20, -27)]


def test_consistent_clusters_become_figures_with_period_and_source(harvested):
    output, _ = harvested
    registry = yaml.safe_load(output.read_text())
    figures = {(f["metric"], f["value"]): f for f in registry["figures"]}
    burglary = figures[("burglary", -18)]
    assert burglary["baseline"] == "2015-06/2016-05"
    assert burglary["period"] == "2023-02/2024-01"
    assert burglary["source"] == "003_9ffa4f15d2c7cc6e.txt:35"
    assert "Knife crime with injury under 25 years Non-DA" in str(registry["metrics"])
    aliases = registry["metrics"]["homicides"]["aliases"]
    assert aliases == ["homicides", "Homicide"]  # the phrasings seen


def test_published_is_the_documents_own_date_line(tmp_path):
    assert published_date("MAYOR OF LONDON\n\nDate: 1 April 2025\n") == "2025-04-01"
    assert published_date("\n\n25 March 2025\n\nCaroline") == "2025-03-25"
    assert published_date("Date:\n\n1 6 JUL 2018\n") is None
    (tmp_path / "a.txt").write_text("Date: 2 May 2024\n\nBurglary fell 5% in 2023/24.\n")
    output = tmp_path / "r.yaml"
    CliRunner().invoke(main, ["harvest", str(tmp_path / "a.txt"), "-o", str(output)])
    (figure,) = yaml.safe_load(output.read_text())["figures"]
    assert figure["published"] == "2024-05-02"


def test_harvest_never_overwrites_without_force(tmp_path):
    output = tmp_path / "registry.yaml"
    output.write_text("hand-made\n")
    result = CliRunner().invoke(main, ["harvest", str(SEEDS), "-o", str(output)])
    assert result.exit_code == 2 and "exists; use --force" in result.stderr
    assert output.read_text() == "hand-made\n"
    forced = CliRunner().invoke(main, ["harvest", str(SEEDS), "-o", str(output), "--force"])
    assert forced.exit_code == 0 and output.read_text().startswith("# A draft registry")
