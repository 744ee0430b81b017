"""Figures that do not add up (SL203) and periods said to be the wrong length (SL204),
found with no registry, as an editor sees them."""

from __future__ import annotations

import json

from click.testing import CliRunner

from statlint.cli.commands import main

from .conftest import SEEDS


def _findings(tmp_path, text: str, *options: str) -> list[dict]:
    draft = tmp_path / "draft.txt"
    draft.write_text(text)
    result = CliRunner().invoke(main, ["--no-config", "--format", "json", *options, str(draft)])
    return json.loads(result.stdout)["findings"]


def _arithmetic(tmp_path, text: str) -> list[dict]:
    return [f for f in _findings(tmp_path, text) if f["code"] == "SL203"]


def test_a_stated_change_is_checked_against_its_two_levels(tmp_path):
    (found,) = _arithmetic(tmp_path, "Burglaries fell from 4,384 to 3,976, a 12% fall.\n")
    assert found["severity"] == "warning"
    assert "'12% fall'" in found["message"]
    assert "4,384 to 3,976 is a fall of 408, or 9.3%" in found["message"]
    # the finding points at every figure used: the change, and both levels
    assert (found["line"], found["column"]) == (1, 40)
    assert [r["column"] for r in found["related"]] == [1, 31]


def test_a_count_change_written_before_its_levels_in_either_order(tmp_path):
    text = "Offences were up by 237 to 14,817 from 14,680.\n"
    (found,) = _arithmetic(tmp_path, text)
    assert "14,680 to 14,817 is a rise of 137" in found["message"]
    assert not _arithmetic(tmp_path, text.replace("237", "137"))


def test_percentage_points_for_a_change_in_counts_say_what_the_change_is(tmp_path):
    text = "There was a 12-percentage-point drop in cases, from 150 to 132.\n"
    (found,) = _arithmetic(tmp_path, text)
    assert "percentage points measure a difference between two percentages" in found["message"]
    assert "a fall of 18, or 12%" in found["message"]


def test_a_change_between_percentages_given_in_percent_is_told_apart(tmp_path):
    wrong = "Satisfaction fell from 20% to 15%, a 5% fall.\n"
    (found,) = _arithmetic(tmp_path, wrong)
    assert "a fall of 5 percentage points (25%)" in found["message"]
    for right in ("a 5 percentage point fall", "a 25% fall"):
        assert not _arithmetic(tmp_path, wrong.replace("a 5% fall", right))


def test_a_share_parts_and_a_rate_against_their_totals(tmp_path):
    (share,) = _arithmetic(tmp_path, "Only 300 of the 1,200 cases (30%) were closed.\n")
    assert "the share is 30%, but 300 of 1,200 is 25%" in share["message"]
    (parts,) = _arithmetic(tmp_path, "The council gave £39m and £19.8m of the extra £50m.\n")
    assert "£39m and £19.8m of £50m come to £58.8m" in parts["message"]
    (rate,) = _arithmetic(tmp_path, "The £150m fund will give £40m a year for three years.\n")
    assert "£40m a year for 3 years comes to £120m, but the total given is £150m" in rate["message"]


def test_rounding_as_written_and_subsets_are_not_conflicts(tmp_path):
    honest = (
        "Burglaries fell from 4,384 to 3,976, a 9% fall.\n\n"
        "The £45m fund will give £15.2m a year for three years.\n\n"
        "The council gave £30m and £15m of the extra £50m.\n\n"
        "A total of 1,200 cases, of which 300 (25%) were closed.\n"
    )
    assert _arithmetic(tmp_path, honest) == []


def test_when_a_change_could_belong_to_either_pair_of_levels_nothing_is_paired(tmp_path):
    text = (
        "A 14 per cent fall in robbery (from 2,684 to 2,309 offences) and a 11 per cent "
        "fall in assault (from 1,952 to 1,730).\n"
    )
    assert _arithmetic(tmp_path, text) == []


def test_on_the_seeds_with_no_registry_only_the_fund_does_not_add_up():
    result = CliRunner().invoke(main, ["--no-config", "--format", "json", str(SEEDS)])
    found = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "SL203"]
    assert [(f["path"].split("/")[-1][:3], f["line"]) for f in found] == [("001", 59)]
    assert "£10m a year for 3 years comes to £30m" in found[0]["message"]
    assert "'£45m Young Londoners Fund'" in found[0]["message"]


def test_a_period_said_to_be_a_length_it_is_not(tmp_path):
    text = (
        "Between October 2023 and January 2024 arrests rose by 5%, the same three-month period.\n"
    )
    (found,) = [f for f in _findings(tmp_path, text) if f["code"] == "SL204"]
    assert "October 2023 to January 2024 a 3-month period, but it is 4 months" in found["message"]
    right = text.replace("January 2024", "December 2023")
    assert not [f for f in _findings(tmp_path, right) if f["code"] == "SL204"]
