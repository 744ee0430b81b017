"""Which registered metric a statement names."""

from __future__ import annotations

import pytest

from statlint.check.match import Alias, _aliases, metric_for
from statlint.registry.load import load

from .conftest import ROOT


@pytest.fixture(scope="module")
def aliases():
    return _aliases(load(ROOT / "fixtures" / "registries" / "london.yaml"))


@pytest.mark.parametrize(
    ("subject", "metric"),
    [
        ("homicides", "homicide"),
        ("Homicide", "homicide"),
        ("homicides across London", "homicide"),
        ("teenage homicides", "teenage_homicide"),
        ("knife injury of a person aged under 25", "knife_injury_u25"),
        ("knife crime with injury for those aged under-25", "knife_injury_u25"),
        ("Knife crime with injury under 25 years", "knife_injury_u25"),
        ("knife crime with injury of under-25s", "knife_injury_u25"),
        ("under 25 knife crime with injury", "knife_injury_u25"),
        ("knife crime with injury", "knife_injury"),
        ("Knife crime with injury under 25 years Non-DA", "knife_injury_u25_non_da"),
        ("personal robbery", "personal_robbery"),
        ("robberies", "robbery"),
        ("police officers", "police_officers"),
    ],
)
def test_the_most_specific_alias_wins(aliases, subject, metric):
    assert metric_for(subject, aliases) == (metric, ())


@pytest.mark.parametrize(
    "subject",
    ["child homicides", "domestic burglary", "gun crime involving young people", "knives", ""],
)
def test_a_qualifier_the_alias_lacks_means_no_match(aliases, subject):
    assert metric_for(subject, aliases) == (None, ())


def test_a_tie_is_uncertain_not_guessed():
    aliases = [
        Alias(frozenset({"robbery"}), "robbery_a"),
        Alias(frozenset({"robbery"}), "robbery_b"),
    ]
    assert metric_for("robberies", aliases) == (None, ("robbery_a", "robbery_b"))
