"""Statement forms beyond the seeds, periods in prose, and what is not a claim."""

from __future__ import annotations

import pytest


def _one(claims):
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind", "approximation"),
    [
        ("a 24% reduction in homicides", -24, "percent", "change", "exact"),
        ("a 22 per cent reduction in homicides", -22, "percent", "change", "exact"),
        ("a 5 percent rise in burglary", 5, "percent", "change", "exact"),
        ("a 3-percentage-point rise in confidence", 3, "percentage_points", "change", "exact"),
        ("confidence fell by 2 percentage points", -2, "percentage_points", "change", "exact"),
        ("Burglary (down 18%)", -18, "percent", "change", "exact"),
        ("Robbery is up by 7% on last year", 7, "percent", "change", "exact"),
        ("homicides were 25% lower than in 2019", -25, "percent", "change", "exact"),
        ("a reduction of 12% in thefts", -12, "percent", "change", "exact"),
        ("thefts fell by a fifth", -20, "percent", "change", "exact"),
        ("knife crime fell by nearly a quarter", -25, "percent", "change", "nearly"),
        ("robbery has halved", -50, "percent", "change", "exact"),
        ("arrests have more than doubled", 100, "percent", "change", "more_than"),
        ("a third of victims were under 25", 33.33, "percent", "level", "exact"),
        ("45% of victims were women", 45, "percent", "level", "exact"),
        ("5,768 individuals were charged", 5768, "count", "level", "exact"),
        ("a record 34,200 officers", 34200, "count", "level", "exact"),
        ("1,300 additional officers", 1300, "count", "increment", "exact"),
        ("four major trauma centres", 4, "count", "level", "exact"),
        ("an extra 200 PCSOs", 200, "count", "increment", "exact"),
        ("more than 350,000 positive opportunities", 350000, "count", "level", "more_than"),
        ("up to 350,000 interventions", 350000, "count", "level", "up_to"),
        ("around 40 officers", 40, "count", "level", "around"),
        ("almost 600 knives", 600, "count", "level", "nearly"),
        ("a quarter of a million people", 250000, "count", "level", "exact"),
        ("around one million people", 1_000_000, "count", "level", "around"),
        ("£151 million for policing", 151_000_000, "GBP", "level", "exact"),
        ("£1.5m for youth workers", 1_500_000, "GBP", "level", "exact"),
        ("£1.2bn for transport", 1_200_000_000, "GBP", "level", "exact"),
        ("£1,500,000 for youth workers", 1_500_000, "GBP", "level", "exact"),
        ("a further £835,000 to services", 835_000, "GBP", "increment", "exact"),
        ("£10m a year for communities", 10_000_000, "GBP", "level", "exact"),
        ("around 1 in 4 adults", 25, "percent", "level", "around"),
        ("nine out of ten residents", 90, "percent", "level", "exact"),
        ("Burglary ↓ 8%", -8, "percent", "change", "exact"),
        ("rents rose by an average of 9.2%", 9.2, "percent", "change", "exact"),
    ],
)
def test_statement_forms(claims_of, text, value, unit, kind, approximation):
    claim = _one(claims_of(text))
    assert (round(claim.value, 2), claim.unit, claim.kind, claim.approximation) == (
        value,
        unit,
        kind,
        approximation,
    )


def test_scaled_money_is_one_value_however_written(claims_of):
    written = ["£45m", "£45 million", "£45,000,000", "£45mn"]
    values = {_one(claims_of(f"a {text} fund")).value for text in written}
    assert values == {45_000_000}


def test_from_to_gives_two_levels_and_the_change_they_imply(claims_of):
    claims = claims_of("Knife offences are rising from 2,117 in 2019 to 2,390 in 2024.")
    fields = [(c.value, c.kind, c.baseline, c.period, c.derived) for c in claims]
    assert fields == [
        (2117, "level", None, "2019", False),
        (2390, "level", None, "2024", False),
        (12.9, "change", "2019", "2024", True),
    ]
    assert {c.subject for c in claims} == {"Knife offences"}


def test_counts_in_words_from_to(claims_of):
    claims = claims_of("Fatal stabbings fell from twelve to seven.")
    assert [(c.value, c.kind) for c in claims] == [(12, "level"), (7, "level"), (-41.7, "change")]
    assert claims[2].direction == "decrease"


def test_a_count_introduced_as_additional_is_an_increment_not_a_level(claims_of):
    claim = _one(claims_of("The Mayor is funding 1,300 additional officers."))
    assert (claim.kind, claim.subject) == ("increment", "officers")


def test_parenthetical_exact_value(claims_of):
    approximate, exact = claims_of("More than 600 (584) people attended.")
    assert (approximate.value, approximate.exact, approximate.approximation) == (
        600,
        584,
        "more_than",
    )
    assert (exact.value, exact.approximation, exact.subject) == (584, "exact", "people")


def test_statement_wrapped_over_lines_keeps_its_original_location(claims_of):
    text = (
        "Since it was set up in 2019, there has been a 24% reduction in\n"
        " homicides, and a 27%\nfall in knife injury.\n"
    )
    first, second = claims_of(text)
    assert (first.line, first.column, first.end_line, first.end_column) == (1, 47, 2, 11)
    assert first.subject == "homicides" and first.text == "24% reduction in homicides"
    assert (second.line, second.column, second.end_line) == (2, 19, 3)
    assert second.baseline == "2019"


@pytest.mark.parametrize(
    ("sentence", "baseline", "period"),
    [
        ("Since 2019 there has been a 24% fall in homicides.", "2019", None),
        ("Since it was set up in 2019 there has been a 24% fall in homicides.", "2019", None),
        ("Homicides fell 24% compared with 2019.", "2019", None),
        ("Homicides fell 24% compared to 2019.", "2019", None),
        ("Homicides were 24% lower than in 2019.", "2019", None),
        ("Homicides fell 24% in the twelve months to March 2025.", None, "2024-04/2025-03"),
        ("Homicides fell 24% in the year to March 2025.", None, "2024-04/2025-03"),
        ("Homicides fell 24% in the twelve-month period to March 2025.", None, "2024-04/2025-03"),
        ("Homicides fell 24% in the three months to August 2024.", None, "2024-06/2024-08"),
        ("Homicides fell 24% in the six months ending August 2024.", None, "2024-03/2024-08"),
        ("Homicides fell 24% in the week ending 18 October 2024.", None, "2024-10-12/2024-10-18"),
        ("Homicides fell 24% in the year ending 31 March 2024.", None, "2023-04/2024-03"),
        ("Homicides fell 24% in the quarter ending 30 June 2024.", None, "2024-04/2024-06"),
        ("Homicides fell 24% in the year to March 31, 2024.", None, "2023-04/2024-03"),
        ("Homicides fell 24% in the four weeks to 12 October 2024.", None, "2024-09-15/2024-10-12"),
        ("Homicides fell 24% month-on-month in August 2024.", "2024-07", "2024-08"),
        ("Homicides fell 24% y/y in 2024.", "2023", "2024"),
        (
            "Homicides fell 24% year-over-year in the third quarter of 2024.",
            "2023-07/2023-09",
            "2024-07/2024-09",
        ),
        ("Homicides fell 24% between October 2023 and January 2024.", "2023-10", "2024-01"),
        ("Homicides fell 24% from April 2018 to March 2021.", "2018-04", "2021-03"),
        ("Homicides fell 24% in 2024/25.", None, "2024-04/2025-03"),
        ("Homicides fell 24% in FY 2024/25.", None, "2024-04/2025-03"),
        ("Homicides fell 24% in the 2024-25 financial year.", None, "2024-04/2025-03"),
        ("Homicides fell 24% in May 2024.", None, "2024-05"),
        ("Homicides fell 24% (May 2024).", None, "2024-05"),
        (
            "Homicides fell 24% in the year to March 2025 compared with 2019.",
            "2019",
            "2024-04/2025-03",
        ),
    ],
)
def test_periods_in_prose_are_normalised(claims_of, sentence, baseline, period):
    claim = _one(claims_of(sentence))
    assert (claim.baseline, claim.period) == (baseline, period)


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        (
            "5,768 individuals were charged between October 2023 and January 2024.",
            "2023-10/2024-01",
        ),
        ("5,768 individuals were charged in the year to March 2025.", "2024-04/2025-03"),
        ("5,768 individuals were charged in 2024.", "2024"),
    ],
)
def test_a_level_takes_the_whole_period(claims_of, sentence, period):
    assert _one(claims_of(sentence)).period == period


@pytest.mark.parametrize(
    "sentence",
    [
        "Unemployment stood at 4.3% in the three months to August 2024.",
        "Unemployment stood at 4.3% in the quarter to August 2024.",
        "Unemployment stood at 4.3% in June 2024.",
    ],
)
def test_a_period_after_the_figure_is_not_its_subject(claims_of, sentence):
    assert _one(claims_of(sentence)).subject == "Unemployment"


def test_a_level_a_change_starts_from_has_the_subject_of_the_level_it_ends_at(claims_of):
    claims = claims_of("Inflation eased to 2.6% in June 2024 from 2.8% in May 2024.")
    fields = [(c.value, c.period, c.subject) for c in claims]
    assert fields == [
        (2.6, "2024-06", "Inflation"),
        (2.8, "2024-05", "Inflation"),
        (-0.2, "2024-06", "Inflation"),
    ]


def test_a_change_set_beside_a_count_of_additions_takes_its_period(claims_of):
    claims = claims_of("More than 40,000 new homes were completed in 2023, a rise of 12%.")
    assert [(c.kind, c.period, c.subject) for c in claims] == [
        ("increment", "2023", "homes"),
        ("change", "2023", "homes"),
    ]


def test_a_share_of_a_years_level_is_not_a_figure_for_that_year(claims_of):
    claim = _one(claims_of("Bus patronage is now at 87% of 2019 levels."))
    assert (claim.value, claim.period, claim.subject) == (87, None, "Bus patronage")


@pytest.mark.parametrize(
    ("sentence", "value", "subject"),
    [
        ("There was a rise in rents of 9% in 2023.", 9, "rents"),
        ("This makes a total increase to Council Tax of 4.75%.", 4.75, "Council Tax"),
        ("A fall in burglaries of 1,200 was recorded in 2023.", -1200, "burglaries"),
    ],
)
def test_a_change_noun_may_name_what_changed_before_its_of(claims_of, sentence, value, subject):
    claim = _one(claims_of(sentence))
    assert (claim.kind, claim.value, claim.subject) == ("change", value, subject)


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        (
            "Knife crime offences rose by 4% to 50,510 in the year ending March 2024.",
            "2023-04/2024-03",
        ),
        ("Pupil funding will rise to £7,460 in 2025-26, an increase of 2.8%.", "2025-04/2026-03"),
    ],
)
def test_a_change_takes_the_period_of_the_level_it_reaches(claims_of, sentence, period):
    change = next(claim for claim in claims_of(sentence) if claim.kind == "change")
    assert (change.period, change.baseline) == (period, None)


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Almost a quarter (24%) of children were eligible in 2024.", "children"),
        ("The number of households has tripled in a decade.", "households"),
        ("Homicides (excluding terrorism) fell 5% in 2024.", "Homicides (excluding terrorism)"),
        ("📈 Bus journeys up 5% in 2024 #buses", "Bus journeys"),
    ],
)
def test_the_subject_is_read_past_a_restating_bracket_and_before_a_verb(
    claims_of, sentence, subject
):
    assert {claim.subject for claim in claims_of(sentence)} == {subject}


def test_between_two_numbers_is_a_lower_and_an_upper_bound_of_one_thing(claims_of):
    claims = claims_of("The yearly total was between 250 and 300 homicides.")
    assert [(c.value, c.approximation, c.subject) for c in claims] == [
        (250, "more_than", "homicides"),
        (300, "up_to", "homicides"),
    ]


def test_a_later_change_of_the_same_subject_keeps_its_own_period_and_no_baseline(claims_of):
    text = "Car thefts jumped 105% between 2022 and 2023 before falling 20% in 2024."
    fields = [(c.value, c.period, c.baseline, c.subject) for c in claims_of(text)]
    assert fields == [(105, "2023", "2022", "Car thefts"), (-20, "2024", None, "Car thefts")]


def test_a_lone_link_word_is_no_subject_and_a_restated_change_keeps_its_own(claims_of):
    claims = claims_of("The budget rose by $310 million, or 8 percent, in 2025.")
    assert [(c.value, c.subject) for c in claims] == [
        (310_000_000, "The budget"),
        (8, "The budget"),
    ]


def test_a_lead_in_line_gives_its_period_to_each_list_item(claims_of):
    text = (
        "Crimes which have fallen (year to March 2025 compared with 2019):\n"
        "- Homicide (down 24%)\n"
        "- Burglary (down 18%)\n"
        "\n"
        "Robbery is down 5%.\n"
    )
    homicide, burglary, robbery = claims_of(text)
    assert (homicide.subject, homicide.baseline, homicide.period) == (
        "Homicide",
        "2019",
        "2024-04/2025-03",
    )
    assert (burglary.baseline, burglary.period) == ("2019", "2024-04/2025-03")
    # after the list the period is only context: shown, but not what the statement states
    assert (robbery.period_from, robbery.stated().baseline, robbery.stated().period) == (
        "context",
        None,
        None,
    )


def test_a_period_in_another_clause_does_not_apply(claims_of):
    text = "We gave £1.5m to youth workers; a further £835,000 between 2018 and 2020."
    first, second = claims_of(text)
    assert (first.period, second.period) == (None, "2018/2020")


@pytest.mark.parametrize(
    "text",
    [
        "Date: 1 April 2025",
        "Our ref: MGLA191224-6838",
        "My reply to motions 3.3 and 3.4 is below.",
        "Motion 3.3 - Blue Badge Theft",
        "as the ONS reports [2]",
        "Call 020 7983 4000 for details.",
        "a 24/7 operation",
        "City Hall, London SE1 2AA",
        "New Scotland Yard, London SW1A 2JL",
        "on Tuesday 16th November",
        "my third term",
        "1 6 JUL 2018",
        "the 2017-2021 Police and Crime Plan",
        "returned to pre-Covid-19 levels",
        "for victims aged under 25, and those under 18.",
        "over the last six years",
        "from the current standard of 28 days to 10 days",
        "for the first time in 10 years[1]",
        "We met at 10am on 27 June.",
        "In 2024 we met.",
        "www.london.gov.uk/sites/default/files/mopac_knife_crime_strategy_june_2017.pdf",
    ],
)
def test_not_claims(claims_of, text):
    assert claims_of(text) == []


def test_a_table_copied_from_a_web_page_reads_its_units_and_row_periods(claims_of):
    text = (
        "Percentage of students achieving a grade 5 or above, by disadvantage status\n"
        "School year Disadvantaged (%) Not known to be disadvantaged (%) Total (%)\n"
        "2022/23 25.2 52.4 45.3\n"
        "2021/22 29.7 57.2 50.0\n"
    )
    read = [(c.value, c.unit, c.period) for c in claims_of(text) if c.line > 2]
    assert read == [
        (25.2, "percent", "2022-09/2023-07"),
        (52.4, "percent", "2022-09/2023-07"),
        (45.3, "percent", "2022-09/2023-07"),
        (29.7, "percent", "2021-09/2022-07"),
        (57.2, "percent", "2021-09/2022-07"),
        (50.0, "percent", "2021-09/2022-07"),
    ]


def test_numbers_in_a_row_without_a_header_of_units_stay_counts(claims_of):
    text = "Results by year\n2022/23 25 52 45\n"
    assert all(c.unit == "count" for c in claims_of(text))


def test_a_label_word_ending_the_line_before_does_not_label_the_next_lines_number(claims_of):
    # "pages" ends a header line; "Two hundred people" opens the story below it
    text = "# retrieved-via: pages\nTwo hundred people have been killed this year.\n"
    assert [(c.line, c.value) for c in claims_of(text)] == [(2, 200)]
    assert claims_of("See page 200 of the report.\n") == []
