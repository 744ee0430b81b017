"""Every statistical statement in the five real seed documents, read field by field."""

from __future__ import annotations

import pytest

from statlint.extract.claims import extract
from statlint.read import read

from .conftest import SEEDS

# (line, value, unit, kind, direction, approximation, baseline, period, subject): the
# periods a statement states (a period only the surrounding text suggests is context, which
# extract shows but the checks do not use).
_KNIFE = "people were charged or cautioned for knife crime offences"
EXPECTED = {
    "000": [
        (
            35,
            350_000,
            "count",
            "level",
            None,
            "more_than",
            None,
            None,
            "positive opportunities for young people",
        ),
        (35, -24, "percent", "change", "decrease", "exact", "2019", None, "homicides"),
        (
            35,
            -27,
            "percent",
            "change",
            "decrease",
            "exact",
            "2019",
            None,
            "knife injury of a person aged under 25",
        ),
        (35, -17, "percent", "change", "decrease", "exact", "2019", None, "personal robbery"),
        (
            35,
            250_000,
            "count",
            "increment",
            None,
            "exact",
            None,
            None,
            "positive opportunities for young Londoners",
        ),
    ],
    "001": [
        (40, 1_500_000, "GBP", "level", None, "exact", None, None, "specialist youth workers"),
        (40, 4, "count", "level", None, "exact", None, None, "major trauma centres"),
        (
            40,
            835_000,
            "GBP",
            "increment",
            None,
            "exact",
            None,
            "2018/2020",
            "services in the major trauma centres",
        ),
        (
            41,
            1_800_000,
            "GBP",
            "increment",
            None,
            "exact",
            None,
            None,
            "develop new services in priority A&E departments in boroughs",
        ),
        (
            41,
            2_600_000,
            "GBP",
            "level",
            None,
            "exact",
            None,
            None,
            "Total investment in specialist youth support in hospitals",
        ),
        (59, 45_000_000, "GBP", "level", None, "exact", None, None, "Young Londoners Fund"),
        (59, 10_000_000, "GBP", "level", None, "exact", None, None, "The three-year fund"),
    ],
    "002": [
        (2, 33000, "count", "level", None, "exact", None, None, "police officers"),
        (
            6,
            33000,
            "count",
            "level",
            None,
            "more_than",
            None,
            None,
            "police officers in the Metropolitan Police",
        ),
        (9, 4, "count", "level", None, "exact", None, None, "key themes of the Plan"),
    ],
    "003": [
        (
            *(9, 5768, "count", "level", None, "exact", None, "2023-10/2024-01"),
            "individuals were charged or cautioned for offences such as assault",
        ),
        (
            9,
            621,
            "count",
            "level",
            None,
            "exact",
            None,
            "2023-10/2024-01",
            "people for robbery offences",
        ),
        (9, 500, "count", "level", None, "nearly", None, None, _KNIFE),
        (9, 497, "count", "level", None, "exact", None, None, _KNIFE),
        # "In the same three-month month period" takes the period of the sentence before.
        (
            10,
            300,
            "count",
            "level",
            None,
            "nearly",
            None,
            "2023-10/2024-01",
            "individuals for a mixture of violence",
        ),
        (
            11,
            1300,
            "count",
            "increment",
            None,
            "exact",
            None,
            None,
            "neighbourhood police officers",
        ),
        (
            11,
            151_000_000,
            "GBP",
            "level",
            None,
            "exact",
            None,
            None,
            "this year’s budget for policing and crime prevention",
        ),
        (
            24,
            1_000_000,
            "count",
            "level",
            None,
            "around",
            None,
            None,
            "people coming into the City of Westminster every day",
        ),
        (
            31,
            -19,
            "percent",
            "change",
            "decrease",
            "exact",
            "2015-06/2016-05",
            "2023-02/2024-01",
            "Knife crime with injury under 25 years",
        ),
        (
            32,
            -21,
            "percent",
            "change",
            "decrease",
            "exact",
            "2015-06/2016-05",
            "2023-02/2024-01",
            "Knife crime with injury under 25 years Non-DA",
        ),
        (
            33,
            -19,
            "percent",
            "change",
            "decrease",
            "exact",
            "2015-06/2016-05",
            "2023-02/2024-01",
            "Gun crime",
        ),
        (
            34,
            -3,
            "percent",
            "change",
            "decrease",
            "exact",
            "2015-06/2016-05",
            "2023-02/2024-01",
            "Homicide",
        ),
        (
            35,
            -18,
            "percent",
            "change",
            "decrease",
            "exact",
            "2015-06/2016-05",
            "2023-02/2024-01",
            "Burglary",
        ),
        (
            41,
            14_500_000,
            "GBP",
            "level",
            None,
            "exact",
            None,
            None,
            "tackle violence in crime hotspots",
        ),
        (
            47,
            2_500_000,
            "GBP",
            "level",
            None,
            "exact",
            None,
            None,
            "improve the service for Londoners",
        ),
        (47, 3_000_000, "GBP", "level", None, "exact", None, None, "annual investment package"),
        (47, 1300, "count", "increment", None, "exact", None, None, "officers"),
        (52, 34200, "count", "level", None, "exact", None, None, "officers"),
        (52, 1300, "count", "increment", None, "exact", None, None, "officers"),
        (52, 500, "count", "increment", None, "exact", None, None, "PCSOs"),
        (52, 33.33, "percent", "level", None, "nearly", None, None, "women officers"),
        (
            56,
            350_000,
            "count",
            "level",
            None,
            "up_to",
            None,
            None,
            "interventions and opportunities for young people",
        ),
        # "During this period" refers back to "Since 2019".
        (56, -22, "percent", "change", "decrease", "exact", "2019", None, "homicides"),
        (
            56,
            -20,
            "percent",
            "change",
            "decrease",
            "exact",
            "2019",
            None,
            "knife crime with injury for those aged under-25",
        ),
        (56, -16, "percent", "change", "decrease", "exact", "2019", None, "robbery"),
    ],
    "004": [
        (26, 12, "count", "level", None, "exact", None, None, "Basic Command Units"),
        (35, 400, "count", "level", None, "exact", None, None, "community events"),
        (35, 115, "count", "level", None, "exact", None, None, "knives"),
        (35, 375, "count", "level", None, "exact", None, None, "arrests"),
        (41, 32, "count", "level", None, "exact", None, None, "London Boroughs"),
    ],
}


def _fields(claim):
    return (
        claim.line,
        round(claim.value, 2),
        claim.unit,
        claim.kind,
        claim.direction,
        claim.approximation,
        claim.stated().baseline,
        claim.stated().period,
        claim.subject,
    )


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_every_statement_in_the_seed_is_read_exactly(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    found = [_fields(claim) for claim in extract(read(path)) if not claim.derived]
    assert found == EXPECTED[prefix]


def test_the_parenthetical_exact_figure_is_kept():
    (path,) = SEEDS.glob("003_*.txt")
    claims = extract(read(path))
    nearly = next(claim for claim in claims if claim.approximation == "nearly")
    described = _KNIFE
    assert (nearly.text, nearly.subject, nearly.exact) == (
        f"nearly 500 (497) {described}",
        described,
        497,
    )
    exact = claims[claims.index(nearly) + 1]  # the figure in brackets is a claim too
    assert (exact.value, exact.approximation, exact.subject) == (497, "exact", described)


def test_locations_point_at_the_statement_in_the_source():
    (path,) = SEEDS.glob("000_*.txt")
    document = read(path)
    for claim in extract(document):
        line = document.line(claim.line)
        assert line[claim.column - 1 : claim.end_column - 1] == claim.text
