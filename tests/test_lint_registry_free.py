"""`statlint PATH...` without a registry: SL201 and SL202, exit codes, JSON, rules docs."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from statlint.cli.commands import main
from statlint.rules import RULES

from .conftest import SEEDS

SEED_2025 = str(SEEDS / "000_60c6f7e6b95cca2a.txt")
SEED_2024 = str(SEEDS / "003_9ffa4f15d2c7cc6e.txt")


def _lint(*args, input=None):
    return CliRunner().invoke(main, list(map(str, args)), input=input)


def test_the_seeds_drift_is_found_and_only_that():
    result = _lint("--format", "json", SEED_2025, SEED_2024)
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["claim"]["value"]) for f in findings] == [("SL201", -22), ("SL201", -20)]
    # each at the 2024 release's figure, pointing at the 2025 letter's: 22% at 24%, 20% at 27%
    assert [(f["path"], f["line"], f["column"]) for f in findings] == [
        (SEED_2024, 56, 139),
        (SEED_2024, 56, 177),
    ]
    assert [f["related"] for f in findings] == [
        [{"path": SEED_2025, "line": 35, "column": 696}],
        [{"path": SEED_2025, "line": 35, "column": 726}],
    ]
    for finding in findings:
        assert "lack matching date ranges" in finding["message"]
    assert "homicides: 22% fall since 2019 here, but 24% fall" in findings[0]["message"]


def test_a_disagreeing_document_that_says_when_it_was_written_is_dated_in_the_message():
    result = _lint("--format", "json", SEED_2025, SEED_2024)
    message = json.loads(result.stdout)["findings"][0]["message"]
    # the 2025 letter has a date line; the 2024 release has none
    assert (
        f"22% fall since 2019 here, but 24% fall since 2019 at {SEED_2025}:35 (dated 1 April 2025)"
        in message
    )


def test_text_output_shows_the_line_and_a_caret(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("A 24% fall in homicides since 2019.\nA 22% fall in homicides since 2019.\n")
    result = _lint(draft)
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{draft}:2:3: SL201 warning homicides: 22% fall since 2019")
    assert lines[1] == "    A 22% fall in homicides since 2019."
    assert lines[2] == "      ^" + "~" * (len("22% fall in homicides") - 1)


def test_a_long_line_is_cut_around_the_statement(tmp_path):
    filler = "Words about the work of the unit. " * 6
    draft = tmp_path / "d.txt"
    draft.write_text(
        f"A 24% fall in homicides since 2019. {filler}A 22% fall in homicides since 2019.\n"
    )
    lines = _lint(draft).stdout.splitlines()
    shown, caret = lines[1][4:], lines[2][4:]
    assert shown.startswith("…") and len(shown) < 120
    start = caret.index("^")
    assert shown[start : start + len(caret) - start] == "22% fall in homicides"


@pytest.mark.parametrize(
    "text",
    [
        "A 24% fall in homicides since 2019. A 24% fall in homicides since 2019.",
        "A 23.6% fall in homicides since 2019. A 24% fall in homicides since 2019.",
        "A 24% fall in homicides since 2019. A 22% fall in robbery since 2019.",
        "A 24% fall in homicides since 2019. A 22% fall in teenage homicides since 2019.",
        "A 24% fall in homicides since 2019. A 22% fall in homicides since 2016.",
        "Homicides fell 24% (year to March 2025). Homicides fell 22% (year to March 2024).",
        "A 24% fall in homicides since 2019. A nearly 22% fall in homicides since 2019.",
        "1,300 additional officers. A record 34,200 officers.",
    ],
    ids=[
        "same",
        "rounded",
        "other-metric",
        "qualifier",
        "other-baseline",
        "other-period",
        "approximation",
        "increment-vs-level",
    ],
)
def test_sl201_near_misses_do_not_fire(tmp_path, text):
    draft = tmp_path / "d.txt"
    draft.write_text(text + "\n")
    result = _lint(draft)
    assert (result.exit_code, result.stdout) == (0, "")


def test_sl201_same_period_different_value(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(
        "Homicides fell 24% in the year to March 2025. "
        "Homicides fell 21% in the year to March 2025.\n"
    )
    result = _lint("--format", "json", draft)
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["code"] == "SL201"
    assert "for the same period (2024-04/2025-03)" in finding["message"]


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("More than 600 (584) people attended.", True),
        ("Nearly 500 (520) people attended.", True),
        ("Up to 300 (310) people attended.", True),
        ("Nearly 500 (497) people attended.", False),
        ("More than 600 (612) people attended.", False),
        ("Around 1,000 (1,030) people attended.", False),
    ],
)
def test_sl202_parenthetical_conflict(tmp_path, text, fires):
    draft = tmp_path / "d.txt"
    draft.write_text(text + "\n")
    result = _lint("--format", "json", draft)
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert codes == (["SL202"] if fires else [])
    assert result.exit_code == (1 if fires else 0)


def test_select_ignore_and_fail_on(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("A 24% fall in homicides since 2019. A 22% fall in homicides since 2019.\n")
    assert _lint("--ignore", "SL2", draft).exit_code == 0
    assert _lint("--select", "SL202", draft).exit_code == 0
    assert _lint("--select", "SL20", draft).exit_code == 1
    assert _lint("--fail-on", "error", draft).exit_code == 0


def test_json_summary_counts():
    result = _lint("--format", "json", SEED_2025, SEED_2024)
    summary = json.loads(result.stdout)["summary"]
    assert summary == {"files": 2, "findings": 2, "errors": 0, "warnings": 2, "infos": 0}


def test_a_clean_draft_exits_0_and_an_unreadable_one_2(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("A 24% fall in homicides since 2019.\n")
    assert _lint(clean).exit_code == 0
    result = _lint(clean, tmp_path / "missing.txt")
    assert result.exit_code == 2 and "missing.txt: no such file" in result.stderr


def test_a_broken_registry_exits_2_naming_file_line_and_key(tmp_path):
    registry = tmp_path / "r.yaml"
    registry.write_text("version: 1\nmetrics:\n  homicide:\n    name: Homicides\n")
    clean = tmp_path / "clean.txt"
    clean.write_text("A 24% fall in homicides since 2019.\n")
    result = _lint("--registry", registry, clean)
    assert result.exit_code == 2
    assert f"{registry}:3: metrics.homicide: 'aliases' is a required property" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_is_documented_with_an_example(code):
    result = _lint("explain", code)
    assert result.exit_code == 0
    for heading in ("## What it does", "## Why is this bad?", "## Example", "Use instead"):
        assert heading in result.stdout
    assert code in _lint("rules").stdout


def test_explain_an_unknown_rule():
    result = _lint("explain", "SL999")
    assert result.exit_code == 2 and "no rule 'SL999'" in result.stderr
