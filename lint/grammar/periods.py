"""The grammar of periods as prose writes them, absolute and relative.

    phrase      ::= [role] period
    role        ::= since | than | from | in
    since       ::= "since" ["the start of" | "it was set up in" | ...]
    than        ::= "compared with" | "compared to" | "than" ["in"] | "versus" | "vs"
                  | "against" | "on"
    from        ::= "from"
    in          ::= "in" | "during" | "for" | "over" | "throughout" | "at" | "as of" | "as at"
                  | "by" | "through" | "to" | "of" | "("
    period      ::= interval | rolling | quarter | half | financial | date | month_year
                  | year | relative
    interval    ::= "between" point "and" point | "from" point ("to" | "until") point
                  | point ("to" | "-") point
    rolling     ::= [the] (N | twelve ...) month[s] [period] (to | ending) [the end of] month [year]
                  | [the] [financial] year (to | ending) [the end of] month [year]
                  | [the] quarter (to | ending) month [year]
    quarter     ::= Q1..Q4 year | [the] (first | ... | fourth) quarter [of] [year | financial]
    half        ::= [the] (first | second) (half | six months) [of] (year | this year)
    financial   ::= ["FY" | "financial year"] year ("/" | "-") yy ["financial year"]
                  | "FYE" month year | yy "/" yy "FY"
    date        ::= day month [year] | month day [","] [year] | yyyy-mm-dd | dd/mm/yyyy
    month_year  ::= ["the month of"] month [","] year
    year        ::= 1900 .. 2099
    relative    ::= "last year" | "this year" | "the previous year" | "a year earlier"
                  | "the same period last year" | "year to date" | "so far this year"
                  | "the previous 12 months" | "the previous quarter" | "over the month"
                  | "year on year" | month (no year) | ...

A phrase's `PeriodSpec` says what was written; turning "the previous year" or "in
September" into dates needs the document's date and the statement's own period, which
the extractor knows and the grammar does not.
"""

from __future__ import annotations

import re

import pyparsing as pp

from . import vocabulary as v
from .model import DateSpec, PeriodPhrase, PeriodSpec

FLAGS = re.IGNORECASE
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![\w-])\.?"
)
_YEAR = r"(?:19|20)\d\d(?![\d/]|-\d|–\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w])"
_COUNT = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|thirty-six)"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"

MONTH = pp.Regex(_MONTH, FLAGS)
YEAR = pp.Regex(_YEAR)

# ---- points: a day, a month or a year ------------------------------------------------------
DATE = pp.Regex(
    rf"(?:the\s+)?{_WEEKDAY}(?:"
    rf"(?P<day>{_DAY})(?:\s+of)?\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?"
    rf"|(?P<month_b>{_MONTH})\s+(?P<day_b>{_DAY})(?:,?\s+(?P<year_b>{_YEAR}))?"
    r"|(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)"
    r"|(?P<dmy_d>[0-3]?\d)/(?P<dmy_m>[01]?\d)/(?P<dmy_y>(?:19|20)\d\d)"
    r")(?![\w/])",
    FLAGS,
)("date")
MONTH_YEAR = pp.Regex(
    rf"(?:the\s+month\s+of\s+)?(?:the\s+end\s+of\s+)?(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})",
    FLAGS,
)("month_year")
# A month without its year is written with a capital, so "may" and "march" stay words.
_CAPITAL_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![\w-])\.?"
)
BARE_MONTH = pp.Regex(
    rf"(?:(?i:the\s+month\s+of|the\s+end\s+of)\s+)?(?P<month>{_CAPITAL_MONTH})(?!\s*\d)"
)("bare_month")
FINANCIAL = pp.Regex(
    r"(?:the\s+)?(?:(?:fy|financial\s+year|fiscal\s+year)\s*)?"
    r"(?P<fy_start>(?:19|20)\d\d)(?:\s?(?:/|-|–|\s-\s|\s–\s)\s?(?P<fy_end>(?:19|20)?\d\d)"
    r"|\s+to\s+(?P<fy_end_b>(?:19|20)\d\d))(?![\d,.]?\d)"
    r"(?:\s+(?P<fy_kind>financial|fiscal|school|academic)\s+year)?",
    FLAGS,
)("financial")
SHORT_FINANCIAL = pp.Regex(
    r"(?P<sfy_start>\d\d)/(?P<sfy_end>\d\d)\s+FY(?![\w])|FY\s?(?P<sfy_start_b>\d\d)/(?P<sfy_end_b>\d\d)(?!\d)"
)("short_financial")
FINANCIAL_YEAR_ENDING = pp.Regex(
    rf"(?:the\s+)?(?:FYE|financial\s+year\s+ending|fiscal\s+year\s+ending)\s+(?P<month>{_MONTH})\s+(?P<year>{_YEAR})",
    FLAGS,
)("fye")
YEAR_POINT = pp.Regex(
    rf"(?:the\s+)?(?:calendar\s+year\s+|year\s+)?(?P<year>{_YEAR})"
    r"(?:\s+(?:level|levels|figure|figures|total|totals))?",
    FLAGS,
)(
    "year_point"
)
QUARTER = pp.Regex(
    rf"(?:(?P<q_code>Q[1-4])\s*(?P<q_year>{_YEAR}|(?:19|20)\d\d[/-]\d\d)"
    r"|(?:the\s+)?(?:citywide\s+)?(?P<q_word>first|second|third|fourth|final|last)\s+quarter"
    rf"(?:\s+(?:of\s+)?(?:(?P<q_fy>(?:19|20)\d\d[/-]\d\d)|(?P<q_of_year>{_YEAR})))?)",
    FLAGS,
)("quarter")
HALF = pp.Regex(
    r"(?:the\s+)?(?P<half_which>first|second)\s+(?:half|six\s+months)"
    rf"(?:\s+of\s+(?:(?P<half_year>{_YEAR})|(?P<half_this>this\s+year|the\s+year|last\s+year)))?",
    FLAGS,
)("half")
ROLLING = pp.Regex(
    r"(?:the\s+)?(?:(?:past|previous|last|latest|most\s+recent)\s+)?"
    rf"(?:(?P<count>{_COUNT})[\s-]?months?(?:[\s-]period)?|(?P<fin>financial\s+)?year|(?P<quarter_to>quarter))"
    r"\s+(?:to|ending(?:\s+in)?|up\s+to|ended)\s+(?:the\s+end\s+of\s+)?"
    rf"(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?",
    FLAGS,
)("rolling")

_POINT = (
    FINANCIAL_YEAR_ENDING
    | ROLLING
    | DATE
    | MONTH_YEAR
    | FINANCIAL
    | SHORT_FINANCIAL
    | YEAR_POINT
    | BARE_MONTH
)
INTERVAL = (
    pp.Regex(r"between\s+", FLAGS)("between")
    + pp.Group(_POINT)("first")
    + pp.Regex(r"and\s+", FLAGS)
    + pp.Group(_POINT)("second")
    | pp.Regex(r"from\s+", FLAGS)("from_word")
    + pp.Group(_POINT)("first")
    + pp.Regex(r"(?:to|until|till|through|[-–])\s*", FLAGS)
    + pp.Group(_POINT)("second")
    | pp.Group(DATE | MONTH_YEAR | BARE_MONTH)("first")
    + pp.Regex(r"(?:to|until|[-–])\s*", FLAGS)
    + pp.Group(DATE | MONTH_YEAR | BARE_MONTH)("second")
)

RELATIVE_PHRASES = {
    "last year": "last_year",
    "this year": "this_year",
    "this year so far": "year_to_date",
    "so far this year": "year_to_date",
    "year to date": "year_to_date",
    "year-to-date": "year_to_date",
    "the year to date": "year_to_date",
    "for the year": "year_to_date",
    "the previous year": "previous_year",
    "the previous financial year": "previous_year",
    "the previous school year": "previous_year",
    "the previous academic year": "previous_year",
    "the year before": "previous_year",
    "the previous": "previous_year",
    "a year earlier": "previous_year",
    "a year ago": "previous_year",
    "the year earlier": "previous_year",
    "year on year": "previous_year",
    "year-on-year": "previous_year",
    "the same period last year": "previous_year",
    "the same period a year earlier": "previous_year",
    "the same period the year before": "previous_year",
    "the same period the previous year": "previous_year",
    "the same period in the previous year": "previous_year",
    "the same time last year": "previous_year",
    "the same time a year earlier": "previous_year",
    "the same point last year": "previous_year",
    "the same date last year": "previous_year",
    "the same time frame last year": "previous_year",
    "the same timeframe last year": "previous_year",
    "the same span of last year": "previous_year",
    "the same months last year": "previous_year",
    "the same quarter last year": "previous_year",
    "the same month last year": "previous_year",
    "last year's": "last_year",
    "the previous 12 months": "previous_period",
    "the previous twelve months": "previous_period",
    "the preceding 12 months": "previous_period",
    "the preceding twelve months": "previous_period",
    "the previous quarter": "previous_quarter",
    "the preceding quarter": "previous_quarter",
    "the previous month": "previous_month",
    "the preceding month": "previous_month",
    "last month": "last_month",
    "this month": "this_month",
    "the same period this year": "this_year",
    "the same time this year": "this_year",
    "the past year": "past_year",
    "the last year": "past_year",
    "the past 12 months": "past_year",
    "the past twelve months": "past_year",
    "the last 12 months": "past_year",
    "the last twelve months": "past_year",
    "the latest 12-month period": "past_year",
}
# "over the year" / "over the month" name the baseline of a change when they follow it.
RELATIVE_SPANS = {
    "over the year": "previous_year",
    "on the year": "previous_year",
    "over the past year": "previous_year",
    "over the month": "previous_month",
    "on the month": "previous_month",
    "over the quarter": "previous_quarter",
    "on the quarter": "previous_quarter",
    "in a year": "previous_year",
    "in a year's time": "previous_year",
}
RELATIVE = pp.Regex(
    v.pattern([*RELATIVE_PHRASES, *RELATIVE_SPANS])
    + r"|(?P<same_in>the\s+same\s+(?:period|time(?:\s*frame)?|timeframe|point|date|months?|quarter)"
    rf"\s+(?:in|of)\s+(?P<same_year>{_YEAR}))"
    rf"|(?P<last_month_name>last)\s+(?P<last_month>{_MONTH})",
    FLAGS,
)("relative")
# Times that are not dates: the baseline of "9% below the peak" is not a period.
VAGUE = pp.Regex(
    r"(?:the\s+)?(?:pre-pandemic|pre-covid|pre-covid-19|peak|five[\s-]year\s+(?:average|mean)"
    r"|(?P<vague_range>(?:19|20)\d\d-\d\d)\s+(?:average|mean))"
    r"(?:\s+(?:level|levels|figure|figures|year|average))?"
    rf"(?:\s+(?:in\s+)?(?P<vague_year>{_YEAR}|(?:19|20)\d\d[/-]\d\d(?!\d)))?",
    FLAGS,
)("vague")

PERIOD = (
    VAGUE
    | INTERVAL
    | FINANCIAL_YEAR_ENDING
    | ROLLING
    | QUARTER
    | HALF
    | RELATIVE
    | DATE
    | MONTH_YEAR
    | FINANCIAL
    | SHORT_FINANCIAL
    | YEAR_POINT
    | BARE_MONTH
)

ROLES = {
    "since": (
        "since",
        "since the start of",
        "since the beginning of",
        "since the end of",
        "ever since",
    ),
    "than": (
        "compared with",
        "compared to",
        "compared against",
        "when compared with",
        "when compared to",
        "in comparison with",
        "than",
        "than in",
        "than at",
        "than for",
        "than during",
        "versus",
        "vs",
        "vs.",
        "against",
        "on",
        "relative to",
        "below",
        "above",
        "below the",
        "above the",
    ),
    "from": ("from", "up from", "down from"),
    "in": (
        "in",
        "during",
        "for",
        "over",
        "throughout",
        "across",
        "at",
        "as of",
        "as at",
        "by",
        "by the end of",
        "at the end of",
        "to the end of",
        "through",
        "through to",
        "to",
        "of",
        "within",
        "until",
        "up to",
        "ending",
        "ended",
        "for the period",
        "over the period",
        "during the period",
        "in the period",
        "for the period of",
        "the period",
    ),
}
ROLE_OF = {phrase: role for role, phrases in ROLES.items() for phrase in phrases}
ROLE = pp.Regex(v.pattern(ROLE_OF) + r"|\(", FLAGS)("role")
CLOSE = pp.Regex(r"\s*\)").leave_whitespace()("close")
# "over the year", "year on year" after a change: its baseline, named whole.
SPAN = pp.Regex(
    v.pattern([*RELATIVE_SPANS, "year on year", "year-on-year", "on the previous year"]), FLAGS
)("span")
# "one percent for the year": the year so far.
FOR_THE_YEAR = pp.Regex(r"for\s+the\s+year(?!\s+(?:to|ending|ended|before|earlier)\b)", FLAGS)(
    "for_the_year"
)
PHRASE = SPAN | FOR_THE_YEAR | pp.Opt(ROLE) + PERIOD + pp.Opt(CLOSE)

EXAMPLES = {
    "PERIOD": """
        the 12 months to September 2023
        the year ending March 2024
        the year to March
        2019/20
        the 2024-25 financial year
        FY 2024/25
        FYE March 2023
        18/19 FY
        Q1 2025
        the third quarter of 2018-19
        the first half of 2024
        between October 2023 and January 2024
        from April 2018 to March 2021
        April to December 2018
        1 April 2025 to 31 March 2026
        June 1 to August 21 2023
        31 March 2024
        December 2, 2015
        May 2024
        2019
        last year
        the same period last year
        year-to-date
        the previous 12 months
        last October
        the same time frame in 2023
    """,
    "PHRASE": """
        since 2019
        compared with 2019
        than in 2019/20
        in the year to March 2025
        (May 2024)
        on 2022-23
        at the end of June 2018
    """,
}


# ---- turning parses into PeriodSpecs -------------------------------------------------------
def month_number(text: str) -> int:
    return v.MONTHS[text.lower().rstrip(".")]


def _count(text: str) -> int:
    text = text.lower()
    if text.isdigit():
        return int(text)
    words = {"twenty-four": 24, "thirty-six": 36, **v.COUNT_WORDS}
    return words[text]


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _date(tokens) -> DateSpec:
    if tokens.get("iso_y"):
        return DateSpec(int(tokens["iso_y"]), int(tokens["iso_m"]), int(tokens["iso_d"]))
    if tokens.get("dmy_y"):
        return DateSpec(int(tokens["dmy_y"]), int(tokens["dmy_m"]), int(tokens["dmy_d"]))
    if tokens.get("month_b"):
        day, month, year = tokens["day_b"], tokens["month_b"], tokens.get("year_b")
    else:
        day, month, year = tokens["day"], tokens["month"], tokens.get("year")
    return DateSpec(_year(year), month_number(month), int(re.sub(r"\D", "", day)))


def _financial_start(start: str, end: str) -> int | None:
    """The first year of "2024/25" or "2025-2026", or None when the two do not follow."""
    first = int(start)
    second = int(end) if len(end) == 4 else (first // 100) * 100 + int(end)
    return first if second == first + 1 else None


def _point_spec(tokens) -> PeriodSpec | None:
    """The spec of a point written on its own (an end of an interval, or a whole period)."""
    if tokens.get("date"):
        return PeriodSpec("point", _date(tokens))
    if tokens.get("month_year"):
        return PeriodSpec("point", DateSpec(int(tokens["year"]), month_number(tokens["month"])))
    if tokens.get("fy_start"):
        end = tokens.get("fy_end") or tokens["fy_end_b"]
        if tokens.get("fy_end_b") and not tokens.get("fy_kind"):  # "2012 to 2013"
            first = PeriodSpec("point", DateSpec(int(tokens["fy_start"])))
            return PeriodSpec("interval", parts=(first, PeriodSpec("point", DateSpec(int(end)))))
        return _financial_spec(tokens["fy_start"], end, tokens.get("fy_kind"))
    if tokens.get("sfy_start") or tokens.get("sfy_start_b"):
        start = tokens.get("sfy_start") or tokens["sfy_start_b"]
        end = tokens.get("sfy_end") or tokens["sfy_end_b"]
        return _financial_spec("20" + start, end, "financial")
    if tokens.get("bare_month"):
        return PeriodSpec("point", DateSpec(None, month_number(tokens["month"])))
    if tokens.get("year_point"):
        return PeriodSpec("point", DateSpec(int(tokens["year"])))
    return None


def _financial_spec(start: str, end: str, kind: str | None) -> PeriodSpec | None:
    first = _financial_start(start, end)
    if first is None:  # "2010-14": a run of years
        last = int(end) if len(end) == 4 else (int(start) // 100) * 100 + int(end)
        if last <= int(start):
            return None
        return PeriodSpec("interval", DateSpec(int(start)), DateSpec(last))
    if kind and kind.lower() in ("school", "academic"):
        return PeriodSpec("school", DateSpec(first))
    return PeriodSpec("financial", DateSpec(first), financial=True)


def _quarter_spec(tokens) -> PeriodSpec:
    if tokens.get("q_code"):
        number = int(tokens["q_code"][1])
        year_text = tokens["q_year"]
    else:
        number = v.ORDINAL_WORDS[tokens["q_word"].lower()]
        year_text = tokens.get("q_fy") or tokens.get("q_of_year")
    if year_text and len(year_text) > 4:
        start = _financial_start(year_text[:4], year_text[5:])
        return PeriodSpec("quarter", DateSpec(start), months=number, financial=True)
    return PeriodSpec("quarter", DateSpec(_year(year_text)), months=number)


def _rolling_spec(tokens) -> PeriodSpec:
    if tokens.get("count"):
        months = _count(tokens["count"])
    elif tokens.get("quarter_to"):
        months = 3
    else:
        months = 12
    end = DateSpec(_year(tokens.get("year")), month_number(tokens["month"]))
    return PeriodSpec("rolling", end=end, months=months)


def _relative_spec(tokens) -> PeriodSpec:
    if tokens.get("span"):
        text = " ".join(tokens["span"].lower().split())
        return PeriodSpec("relative", relative=RELATIVE_SPANS.get(text, "previous_year"))
    if tokens.get("same_in"):
        return PeriodSpec(
            "relative", DateSpec(int(tokens["same_year"])), relative="same_period_in"
        )
    if tokens.get("last_month"):
        return PeriodSpec(
            "relative", DateSpec(None, month_number(tokens["last_month"])), relative="last_named_month"
        )
    text = " ".join(tokens["relative"].lower().split())
    name = RELATIVE_PHRASES.get(text) or RELATIVE_SPANS[text]
    return PeriodSpec("relative", relative=name)


def _half_spec(tokens) -> PeriodSpec:
    first = tokens["half_which"].lower() == "first"
    if tokens.get("half_year"):
        year = int(tokens["half_year"])
        return PeriodSpec(
            "interval", DateSpec(year, 1 if first else 7), DateSpec(year, 6 if first else 12)
        )
    relative = "first_half" if first else "second_half"
    base = (tokens.get("half_this") or "this year").lower().split()[0]
    return PeriodSpec("relative", relative=f"{relative}_{'last' if base == 'last' else 'this'}")


def spec_of(tokens) -> PeriodSpec | None:
    """The PeriodSpec of a parsed period."""
    if tokens.get("first") is not None and tokens.get("second") is not None:
        first, second = spec_of(tokens["first"]), spec_of(tokens["second"])
        if first is None or second is None:
            return None
        return PeriodSpec("interval", parts=(first, second))
    if tokens.get("fye"):
        end = DateSpec(int(tokens["year"]), month_number(tokens["month"]))
        return PeriodSpec("rolling", end=end, months=12, financial=True)
    if tokens.get("rolling"):
        return _rolling_spec(tokens)
    if tokens.get("quarter"):
        return _quarter_spec(tokens)
    if tokens.get("half"):
        return _half_spec(tokens)
    if tokens.get("relative") or tokens.get("span"):
        return _relative_spec(tokens)
    if tokens.get("vague_range"):  # "the 2010-14 average"
        written = tokens["vague_range"]
        return _financial_spec(written[:4], written[5:], None)
    if tokens.get("vague"):
        year = tokens.get("vague_year")
        if year and len(year) > 4:
            return _financial_spec(year[:4], year[5:], None)
        return PeriodSpec("point", DateSpec(int(year))) if year else PeriodSpec("vague", precise=False)
    if tokens.get("for_the_year"):
        return PeriodSpec("relative", relative="year_to_date")
    return _point_spec(tokens)


def _phrase(text: str, location: int, tokens) -> PeriodPhrase | None:
    lead = " ".join((tokens.get("role") or "").lower().split())
    role = "than" if tokens.get("span") else ROLE_OF.get(lead, "in")
    if tokens.get("between"):
        lead = "between"
    elif tokens.get("from_word") or (tokens.get("fy_end_b") and not tokens.get("fy_kind")):
        lead = "from"
    spec = spec_of(tokens)
    if spec is None:
        raise pp.ParseException(text, location, "not a period")
    if spec.kind == "interval" and role == "from":
        role = "in"  # "from April 2018 to March 2021"
    return PeriodPhrase(location, location, role, spec, lead, bool(tokens.get("close")))


PHRASE.set_parse_action(_phrase)
