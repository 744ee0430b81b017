"""Linting outside crime, with a registry of an office's own words
(fixtures/registries/services.yaml): what a statement is about decides what it is checked
against, and when a statement names something narrower than the metric, it is left alone.
Each case is a form that once gave a confident error on a correct sentence, or let a
wrong figure pass."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from statlint.cli.commands import main
from statlint.extract.claims import extract
from statlint.read.document import Document

from .conftest import ROOT

SERVICES = str(ROOT / "fixtures" / "registries" / "services.yaml")


def _findings(tmp_path, *drafts: tuple[str, str]) -> list[tuple[str, int, str]]:
    for name, text in drafts:
        (tmp_path / name).write_text(text)
    paths = [str(tmp_path / name) for name, _ in drafts]
    result = CliRunner().invoke(
        main, ["--no-config", "--registry", SERVICES, "--format", "json", *paths]
    )
    assert result.exit_code in (0, 1), result.output
    found = json.loads(result.stdout)["findings"]
    return [(f["path"].rsplit("/", 1)[-1], f["line"], f["code"]) for f in found]


@pytest.mark.parametrize(
    "sentence",
    [
        # a place or exclusion written before the figures narrows each of them
        "In London, 1,318 people were sleeping rough on a single night in 2024, up 16% on 2023.",
        "Outside London, bus journeys rose 5% in 2024/25 compared with 2023/24.",
        "Excluding the Elizabeth line, rail journeys rose 3% in 2024/25 on 2023/24.",
        "6/ In London, 1,318 people were sleeping rough on a single night in 2024.",
        # a word the alias lacks is a qualifier
        "Motorcyclist road deaths fell by 5% in 2024 compared with 2023.",
        "Single households in temporary accommodation numbered 50,000 in March 2025.",
    ],
)
def test_a_narrower_statement_is_not_checked_against_the_wider_figure(tmp_path, sentence):
    assert _findings(tmp_path, ("d.txt", sentence + "\n")) == []


def test_a_word_of_the_metrics_own_name_narrows_nothing(tmp_path):
    text = "In 2024 there were 1,700 people killed in road collisions in Great Britain.\n"
    assert _findings(tmp_path, ("d.txt", text)) == [("d.txt", 1, "SL101")]


def test_a_change_after_a_level_is_about_the_levels_subject(claims_of):
    text = "Local bus journeys reached 3.5 billion in 2024/25, up 2% on the previous year."
    change = next(c for c in claims_of(text) if c.kind == "change")
    assert change.subject == "Local bus journeys"
    assert change.baseline == "2023-04/2024-03"


def test_a_change_on_the_previous_year_is_not_compared_by_its_baseline(tmp_path):
    first = "Rail journeys reached 1.6 billion in 2024/25, up 6% on the previous year.\n"
    second = "Bus journeys reached 3.5 billion in 2024/25, up 2% on the previous year.\n"
    assert _findings(tmp_path, ("a.txt", first), ("b.txt", second)) == []


def test_a_general_noun_takes_the_verb_phrase_that_describes_it(tmp_path, claims_of):
    first = "704 people were living on the streets between January and March 2025.\n"
    second = "706 people were living on the streets between January and March 2025.\n"
    (claim,) = claims_of(first)
    assert claim.subject == "people were living on the streets"
    assert _findings(tmp_path, ("a.txt", first), ("b.txt", second)) == [("b.txt", 1, "SL201")]


def test_a_share_is_about_what_its_verb_says(tmp_path):
    text = "Between October and December 2024, 68.5% of trains arrived on time.\n"
    assert _findings(tmp_path, ("d.txt", text)) == [("d.txt", 1, "SL101")]


def test_a_level_after_a_change_takes_the_changes_period(claims_of):
    text = "Dated 14 January 2026.\n\nRoad deaths fell by 2% last year, to 1,600.\n"
    level = next(c for c in extract(Document.from_text("d.txt", text)) if c.kind == "level")
    assert (level.value, level.period) == (1600, "2025")


def test_a_subject_stops_at_its_period(claims_of):
    text = "Households in temporary accommodation at the end of March were 5% higher."
    (claim,) = claims_of(text)
    assert claim.subject == "Households in temporary accommodation"


def test_an_html_lists_lead_in_period_reaches_its_items(tmp_path):
    page = (
        "<p>Snapshot figures for 2024:</p><ul>"
        "<li>4,000 people were sleeping rough on a single night</li>"
        "<li>4,100 people were sleeping rough on a single night, up 20% on 2023</li></ul>\n"
    )
    assert _findings(tmp_path, ("d.html", page)) == [("d.html", 1, "SL101")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Trains should meet the standard of 90% arriving on time in October to December 2024.",
        "The operator has an ambition of 80% of trains arriving on time by 2024.",
        "We will cut road deaths by 50% in 2024 compared with 2023.",
        "The plan pledged to cut road deaths by 40% in 2024 compared with 2023.",
        "A 95% punctuality target applied to trains arriving on time in 2024.",
    ],
)
def test_a_target_is_not_compared_with_what_happened(tmp_path, claims_of, sentence):
    assert any(claim.target for claim in claims_of(sentence))
    assert _findings(tmp_path, ("d.txt", sentence + "\n")) == []


def test_a_target_is_compared_with_the_registrys_targets(tmp_path):
    registry = (ROOT / "fixtures" / "registries" / "services.yaml").read_text()
    registry += (
        '  - {metric: punctuality, value: 92, unit: percent, period: "2024-10/2024-12",'
        ' source: "Operator targets", target: true}\n'
    )
    (tmp_path / "r.yaml").write_text(registry)
    (tmp_path / "d.txt").write_text(
        "The target for October to December 2024 is 95% of trains arriving on time.\n"
    )
    result = CliRunner().invoke(
        main, ["--no-config", "--registry", str(tmp_path / "r.yaml"), str(tmp_path / "d.txt")]
    )
    assert "SL101" in result.stdout and "92%" in result.stdout


def test_a_registry_says_when_its_financial_year_starts(tmp_path, monkeypatch):
    registry = (ROOT / "fixtures" / "registries" / "services.yaml").read_text()
    registry = registry.replace("version: 1\n", "version: 1\nfinancial_year_start: 7\n")
    registry = registry.replace('"2024-04/2025-03"', '"2024-07/2025-06"')
    (tmp_path / "r.yaml").write_text(registry)
    monkeypatch.chdir(tmp_path)
    lint = ["--no-config", "--registry", "r.yaml", "d.txt"]
    (tmp_path / "d.txt").write_text("Bus journeys reached 3.5 billion in 2024/25.\n")
    assert CliRunner().invoke(main, lint).exit_code == 0
    (tmp_path / "d.txt").write_text("Bus journeys reached 3.4 billion in 2024/25.\n")
    result = CliRunner().invoke(main, lint)
    assert "SL101" in result.stdout and "for the year to June 2025" in result.stdout


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("There were 150 million more bus journeys in 2024/25 than in 2023/24.", ["SL101"]),
        ("There were 100 million more bus journeys in 2024/25 than in 2023/24.", []),
        ("There were 100 million extra bus journeys in 2024/25 than in 2023/24.", []),
    ],
)
def test_an_increment_is_compared_with_the_registered_change(tmp_path, sentence, codes):
    registry = (ROOT / "fixtures" / "registries" / "services.yaml").read_text()
    registry += (
        "  - {metric: bus_journeys, value: 100000000, unit: count,"
        ' baseline: "2023-04/2024-03", period: "2024-04/2025-03", source: "Bus statistics"}\n'
    )
    (tmp_path / "r.yaml").write_text(registry)
    (tmp_path / "d.txt").write_text(sentence + "\n")
    result = CliRunner().invoke(
        main,
        [
            "--no-config",
            "--registry",
            str(tmp_path / "r.yaml"),
            "--format",
            "json",
            str(tmp_path / "d.txt"),
        ],
    )
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == codes


def _registry_of(tmp_path, metric: str, alias: str, figure: str) -> str:
    """A registry of one metric, named by `alias`, and one figure (its YAML fields)."""
    path = tmp_path / "registry.yaml"
    path.write_text(
        f"version: 1\nmetrics:\n  {metric}:\n    name: {alias}\n    aliases: [{alias}]\n"
        f"figures:\n  - {{metric: {metric}, {figure}}}\n"
    )
    return str(path)


def _lint_json(registry: str, folder) -> list[dict]:
    result = CliRunner().invoke(
        main, ["--no-config", "--registry", registry, "--format", "json", str(folder)]
    )
    return json.loads(result.stdout)["findings"]


def test_a_count_on_a_day_is_the_level_of_a_span_that_ends_on_it(tmp_path):
    registry = _registry_of(
        tmp_path,
        "households_in_ta",
        "households in temporary accommodation",
        'value: 131140, unit: count, period: "2025-03-31", source: "TA statistics"',
    )
    sentence = "In the three months to {}, 131,140 households were in temporary accommodation.\n"
    for name, month in (("ends.txt", "March 2025"), ("earlier.txt", "February 2025")):
        (tmp_path / name).write_text(sentence.format(month))
    found = _lint_json(registry, tmp_path)
    assert [(f["path"].rsplit("/", 1)[-1], f["code"]) for f in found] == [("earlier.txt", "SL103")]


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("Road deaths fell 2% in 2024.", []),
        ("Road deaths fell 3% in 2024.", ["SL101"]),
        ("Bus journeys rose by 2% to 3.5 billion in the year to March 2025.", []),
    ],
)
def test_a_dated_change_with_no_baseline_is_read_year_on_year(tmp_path, sentence, codes):
    assert [code for _, _, code in _findings(tmp_path, ("d.txt", sentence + "\n"))] == codes


def test_a_change_over_a_month_with_no_baseline_is_not_tied_to_a_figure(tmp_path):
    registry = _registry_of(
        tmp_path,
        "ridership",
        "ridership",
        'value: 2, unit: percent, baseline: "2024-08", period: "2024-09", source: "Ridership"',
    )
    (tmp_path / "d.txt").write_text("Ridership rose 2% in September 2024.\n")
    (finding,) = _lint_json(registry, tmp_path)
    assert finding["code"] == "SL102" and "compared with August 2024" in finding["message"]
