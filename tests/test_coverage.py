"""What the registry cannot check, and why: `statlint extract --registry` and the
coverage rules SL301 and SL302 (off unless selected)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from statlint.cli.commands import main

from .conftest import ROOT

LONDON = str(ROOT / "fixtures" / "registries" / "london.yaml")


def _extracted(tmp_path, text: str, *options: str) -> list[dict]:
    (tmp_path / "d.txt").write_text(text)
    args = ["extract", "--no-config", "--format", "json", *options, str(tmp_path / "d.txt")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["claims"]


@pytest.mark.parametrize(
    ("sentence", "metric", "why"),
    [
        ("Homicides fell 24% in the year to March 2025 compared with 2019.", "homicide", None),
        ("Since 2019 there has been a 12% fall in shoplifting.", None, "no alias matched"),
        ("Since 2019 there has been a 12% fall in robbery and theft.", None, "robbery, theft"),
        ("There were 109 homicides in 2024.", "homicide", "no level figure of this metric"),
        (
            "Homicides fell 21% in the year to March 2026 compared with 2019.",
            "homicide",
            "no change figure of this metric since 2019 for the year to March 2026",
        ),
    ],
)
def test_extract_with_a_registry_names_the_metric_and_why_one_is_unchecked(
    tmp_path, sentence, metric, why
):
    (claim,) = _extracted(tmp_path, sentence + "\n", "--registry", LONDON)
    assert claim["metric"] == metric
    if why is None:
        assert "unchecked" not in claim
    else:
        assert why in claim["unchecked"]


def test_extract_without_a_registry_is_unchanged(tmp_path):
    (claim,) = _extracted(tmp_path, "There were 109 homicides in 2024.\n")
    assert claim["metric"] is None and "unchecked" not in claim


def test_extract_uses_the_configured_registry_and_shows_a_metric_column(tmp_path):
    (tmp_path / "statlint.toml").write_text(f'registry = ["{LONDON}"]\n')
    (tmp_path / "d.txt").write_text("There were 109 homicides in 2024.\n")
    result = CliRunner().invoke(
        main, ["extract", "--config", str(tmp_path / "statlint.toml"), str(tmp_path / "d.txt")]
    )
    header, row = result.stdout.splitlines()
    assert "metric" in header and "(why unchecked)" in header
    assert "homicide" in row and "(the registry has no level figure of this metric)" in row


def test_coverage_rules_run_only_when_selected(tmp_path):
    (tmp_path / "d.txt").write_text("Since 2019 there has been a 12% fall in shoplifting.\n")
    base = ["--no-config", "--registry", LONDON, "--format", "json", str(tmp_path / "d.txt")]
    quiet = CliRunner().invoke(main, base)
    assert json.loads(quiet.stdout)["findings"] == []
    selected = CliRunner().invoke(main, ["--select", "SL3", *base])
    (found,) = json.loads(selected.stdout)["findings"]
    assert found["code"] == "SL301" and found["severity"] == "info"
    assert "'shoplifting' names no registered metric (no alias matched" in found["message"]
    assert selected.exit_code == 0
