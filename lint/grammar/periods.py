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
    rolling     ::= [the] (N | twelve ...) month[s] [period] (to | ending) [the end of] [day]
                    month [year]
                  | [the] [N] week[s] (to | ending) day month [year]
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
from dataclasses import dataclass

import pyparsing as pp

from statlint.grammar import vocabulary as v
from statlint.grammar.compose import either, leaf, named, optional, sequence
from statlint.grammar.model import DateSpec, PeriodPhrase, PeriodSpec

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![\w-])\.?"
)
# A month without its year is written with a capital, so "may" and "march" stay words.
_CAPITAL_MONTH = (
    r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![\w-])\.?"
)
_YEAR = r"(?:19|20)\d\d(?![\d/]|-\d|–\d)"
_YEAR_PAIR = r"(?:19|20)\d\d[/-]\d\d(?!\d)"  # "2024/25", "2019-20"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w])"
# How many months a rolling period runs for, in words ("the three months to August").
COUNT_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve eighteen twenty-four thirty-six"
).split()
_COUNT = r"(?:\d{1,2}|" + "|".join(COUNT_WORDS) + ")"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_THE = r"(?:the\s+)?"

# ---- the forms of a period, each a named part ------------------------------------------------
DATE_FORMS = sequence(
    _THE,
    _WEEKDAY,
    either(
        sequence(
            named("day", _DAY),
            r"(?:\s+of)?\s+",
            named("month", _MONTH),
            optional(r",?\s+", named("year", _YEAR)),
        ),
        sequence(
            named("month_b", _MONTH),
            r"\s+",
            named("day_b", _DAY),
            optional(r",?\s+", named("year_b", _YEAR)),
        ),
        sequence(
            named("iso_y", r"(?:19|20)\d\d"),
            "-",
            named("iso_m", r"[01]\d"),
            "-",
            named("iso_d", r"[0-3]\d"),
        ),
        sequence(
            named("dmy_d", r"[0-3]?\d"),
            "/",
            named("dmy_m", r"[01]?\d"),
            "/",
            named("dmy_y", r"(?:19|20)\d\d"),
        ),
    ),
    r"(?![\w/])",
)
MONTH_YEAR = sequence(
    r"(?:the\s+month\s+of\s+)?(?:the\s+end\s+of\s+)?",
    named("my_month", _MONTH),
    r",?\s+",
    named("my_year", _YEAR),
)
BARE_MONTH = sequence(
    r"(?:(?:the\s+month\s+of|the\s+end\s+of)\s+)?", named("bm_month", _CAPITAL_MONTH), r"(?!\s*\d)"
)
FINANCIAL = sequence(
    _THE,
    either(
        r"(?:fy|financial\s+year|fiscal\s+year)\s*",
        sequence(named("fy_kind_before", r"school|academic"), r"\s+year\s+"),
        "",
    ),
    named("fy_start", r"(?:19|20)\d\d"),
    either(
        sequence(r"\s?(?:/|-|–|\s-\s|\s–\s)\s?", named("fy_end", r"(?:19|20)?\d\d")),
        sequence(r"\s+to\s+", named("fy_end_b", r"(?:19|20)\d\d")),  # "2012 to 2013"
    ),
    r"(?![\d,.]?\d)",
    optional(r"\s+", named("fy_kind", r"financial|fiscal|school|academic"), r"\s+year"),
)
SHORT_FINANCIAL = (
    r"(?-i:"
    + either(
        sequence(named("sfy_start", r"\d\d"), "/", named("sfy_end", r"\d\d"), r"\s+FY(?!\w)"),
        sequence(
            r"FY\s?", named("sfy_start_b", r"\d\d"), "/", named("sfy_end_b", r"\d\d"), r"(?!\d)"
        ),
    )
    + ")"
)
FINANCIAL_YEAR_ENDING = sequence(
    _THE,
    r"(?:FYE|financial\s+year\s+ending|fiscal\s+year\s+ending)\s+",
    named("fye_month", _MONTH),
    r"\s+",
    named("fye_year", _YEAR),
)
YEAR_POINT = sequence(
    _THE,
    r"(?:calendar\s+year\s+|year\s+)?",
    named("yp_year", _YEAR),
    r"(?:\s+(?:level|levels|figure|figures|total|totals))?",
)
QUARTER = either(
    sequence(named("q_code", r"Q[1-4]"), r"\s*", named("q_year", either(_YEAR, _YEAR_PAIR))),
    sequence(
        _THE,
        r"(?:citywide\s+)?",
        named("q_word", r"first|second|third|fourth|final|last"),
        r"\s+quarter",
        optional(r"\s+(?:of\s+)?", either(named("q_fy", _YEAR_PAIR), named("q_of_year", _YEAR))),
    ),
)
HALF = sequence(
    _THE,
    named("half_which", r"first|second"),
    r"\s+(?:half|six\s+months)",
    optional(
        r"\s+of\s+",
        either(
            named("half_year", _YEAR), named("half_this", r"this\s+year|the\s+year|last\s+year")
        ),
    ),
)
ROLLING = sequence(
    _THE,
    r"(?:(?:past|previous|last|latest|most\s+recent)\s+)?",
    either(
        sequence(named("count", _COUNT), r"[\s-]?months?(?:[\s-]period)?"),
        sequence(named("fin", r"financial\s+"), "year"),
        "year",
        named("quarter_to", "quarter"),
    ),
    r"\s+(?:to|ending(?:\s+in)?|up\s+to|ended)\s+(?:the\s+end\s+of\s+)?",
    optional(_DAY, r"(?:\s+of)?\s+"),  # "the year ending 31 March 2024": whole months
    named("r_month", _MONTH),
    either(
        sequence(r"\s+", _DAY, r",?\s+", named("r_year_b", _YEAR)),  # "March 31, 2024"
        optional(r"\s+", named("r_year", _YEAR)),
    ),
)
# "the week ending 18 October 2024", "the four weeks to 12 October": days that end on a date
WEEKS = sequence(
    _THE,
    r"(?:(?:past|previous|last|latest|most\s+recent)\s+)?",
    optional(named("w_count", _COUNT), r"[\s-]"),
    r"weeks?\s+(?:to|ending|ended|up\s+to)\s+",
    _WEEKDAY,
    either(
        sequence(named("w_day", _DAY), r"(?:\s+of)?\s+", named("w_month", _MONTH)),
        sequence(named("w_month_b", _MONTH), r"\s+", named("w_day_b", _DAY)),
    ),
    optional(r",?\s+", named("w_year", _YEAR)),
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
    "year over year": "previous_year",
    "year-over-year": "previous_year",
    "month on month": "previous_month",
    "month-on-month": "previous_month",
    "month over month": "previous_month",
    "month-over-month": "previous_month",
    "quarter on quarter": "previous_quarter",
    "quarter-on-quarter": "previous_quarter",
    "quarter over quarter": "previous_quarter",
    "quarter-over-quarter": "previous_quarter",
    "y/y": "previous_year",
    "yoy": "previous_year",
    "m/m": "previous_month",
    "q/q": "previous_quarter",
}
RELATIVE = either(
    named("relative_phrase", v.pattern([*RELATIVE_PHRASES, *RELATIVE_SPANS])),
    sequence(
        r"the\s+same\s+(?:period|time(?:\s*frame)?|timeframe|point|date|months?|quarter)\s+(?:in|of)\s+",
        named("same_year", _YEAR),
    ),
    sequence(r"last\s+", named("last_month", _MONTH)),
)
# Times that are not dates: the baseline of "9% below the peak" is not a period.
VAGUE = sequence(
    _THE,
    either(
        r"pre-pandemic|pre-covid|pre-covid-19|peak|five[\s-]year\s+(?:average|mean)",
        sequence(named("vague_range", r"(?:19|20)\d\d-\d\d"), r"\s+(?:average|mean)"),
    ),
    r"(?:\s+(?:level|levels|figure|figures|year|average))?",
    optional(r"\s+(?:in\s+)?", named("vague_year", either(_YEAR, _YEAR_PAIR))),
)


def _forms(*names: str) -> str:
    """The named forms, tried in order; the one read is the match's `lastgroup`."""
    return either(*(named(name, FORMS[name]) for name in names))


FORMS = {
    "vague": VAGUE,
    "fye": FINANCIAL_YEAR_ENDING,
    "rolling": ROLLING,
    "weeks": WEEKS,
    "quarter": QUARTER,
    "half": HALF,
    "relative": RELATIVE,
    "date": DATE_FORMS,
    "month_year": MONTH_YEAR,
    "financial": FINANCIAL,
    "short_financial": SHORT_FINANCIAL,
    "year_point": YEAR_POINT,
    "bare_month": BARE_MONTH,
}
_POINTS = (
    "fye",
    "rolling",
    "weeks",
    "date",
    "month_year",
    "financial",
    "short_financial",
    "year_point",
    "bare_month",
)

# ---- the phrase ------------------------------------------------------------------------------
DATE = leaf(_forms("date"), "date")
SINGLE = leaf(_forms(*FORMS), "period")
# The ends of an interval are read by SINGLE's expression, compiled once, and kept to the
# forms an end may take by their parse actions.
POINT = leaf(SINGLE.re, "point")  # an end of "between A and B", "from A to B"
# "April to December 2018": ends that are dates or months, and a word that joins them.
_ENDS = ("date", "month_year", "bare_month")
# The first end of "April to December 2018" is tried before every single period, so it has
# an expression of its own that fails fast.
FIRST_END = leaf(_forms(*_ENDS) + r"(?=\s*(?:to|until|[-–]))", "first_end")
LAST_END = leaf(SINGLE.re, "last_end")


def _word(pattern: str, name: str) -> pp.Regex:
    return leaf(pattern + r"\s*", name)


BETWEEN = _word(r"between", "between")
FROM = _word(r"from", "from")
INTERVAL = (
    BETWEEN + POINT + _word(r"and", "and") + POINT
    | FROM + POINT + _word(r"(?:to|until|till|through|[-–])", "to") + POINT
    | FIRST_END + _word(r"(?:to|until|[-–])", "to") + LAST_END
)
PERIOD = INTERVAL | SINGLE
# The leaves a period can open with: a phrase is its span, or its role and one of these.
OPENERS = (BETWEEN, FROM, FIRST_END, SINGLE)
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
ROLE = leaf(optional(named("role", either(v.pattern(ROLE_OF), r"\("))), "role")
CLOSE = leaf(optional(named("close", r"\s*\)")), "close").leave_whitespace()
# "over the year", "year on year" after a change: its baseline, named whole; "one percent
# for the year": the year so far.
SPAN = leaf(
    either(
        named(
            "span",
            v.pattern([*RELATIVE_SPANS, "year on year", "year-on-year", "on the previous year"]),
        ),
        named("for_the_year", r"for\s+the\s+year(?!\s+(?:to|ending|ended|before|earlier)\b)"),
    ),
    "span",
)
PHRASE = SPAN | ROLE + PERIOD + CLOSE

EXAMPLES = {
    "PERIOD": """
        the 12 months to September 2023
        the three months to August 2024
        the week ending 18 October 2024
        the four weeks to 12 October 2024
        the year ending March 2024
        the year ending 31 March 2024
        the year to March
        2019/20
        the 2024-25 financial year
        FY 2024/25
        school year 2022/23
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


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _date(match: re.Match) -> DateSpec:
    if match["iso_y"]:
        return DateSpec(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
    if match["dmy_y"]:
        return DateSpec(int(match["dmy_y"]), int(match["dmy_m"]), int(match["dmy_d"]))
    if match["month_b"]:
        day, month, year = match["day_b"], match["month_b"], match["year_b"]
    else:
        day, month, year = match["day"], match["month"], match["year"]
    return DateSpec(_year(year), month_number(month), _day_number(day))


def _day_number(written: str) -> int:
    """ "18th" -> 18."""
    return int(re.sub(r"\D", "", written))


def _financial_start(start: str, end: str) -> int | None:
    """The first year of "2024/25" or "2025-2026", or None when the two do not follow."""
    first = int(start)
    second = int(end) if len(end) == 4 else (first // 100) * 100 + int(end)
    return first if second == first + 1 else None


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


def _financial(match: re.Match) -> PeriodSpec | None:
    # "the 2022/23 school year", "school year 2022/23"
    kind = match["fy_kind"] or match["fy_kind_before"]
    if match["fy_end_b"] and not kind:  # "2012 to 2013": two years
        first = PeriodSpec("point", DateSpec(int(match["fy_start"])))
        return PeriodSpec(
            "interval", parts=(first, PeriodSpec("point", DateSpec(int(match["fy_end_b"]))))
        )
    return _financial_spec(match["fy_start"], match["fy_end"] or match["fy_end_b"], kind)


def _short_financial(match: re.Match) -> PeriodSpec | None:
    start = match["sfy_start"] or match["sfy_start_b"]
    return _financial_spec("20" + start, match["sfy_end"] or match["sfy_end_b"], "financial")


def _quarter(match: re.Match) -> PeriodSpec:
    if match["q_code"]:
        number = int(match["q_code"][1])
        year_text = match["q_year"]
    else:
        number = v.ORDINAL_WORDS[match["q_word"].lower()]
        year_text = match["q_fy"] or match["q_of_year"]
    if year_text and len(year_text) > 4:
        start = _financial_start(year_text[:4], year_text[5:])
        return PeriodSpec("quarter", DateSpec(start), months=number, financial=True)
    return PeriodSpec("quarter", DateSpec(_year(year_text)), months=number)


def _rolling(match: re.Match) -> PeriodSpec:
    if match["count"]:
        months = _count(match["count"])
    else:
        months = 3 if match["quarter_to"] else 12
    year = _year(match["r_year"] or match["r_year_b"])
    return PeriodSpec("rolling", end=DateSpec(year, month_number(match["r_month"])), months=months)


def _weeks(match: re.Match) -> PeriodSpec:
    day, month = match["w_day"] or match["w_day_b"], match["w_month"] or match["w_month_b"]
    end = DateSpec(_year(match["w_year"]), month_number(month), _day_number(day))
    weeks = _count(match["w_count"]) if match["w_count"] else 1
    return PeriodSpec("rolling", end=end, days=7 * weeks)


def _relative(match: re.Match) -> PeriodSpec:
    if match["same_year"]:
        return PeriodSpec("relative", DateSpec(int(match["same_year"])), relative="same_period_in")
    if match["last_month"]:
        month = DateSpec(None, month_number(match["last_month"]))
        return PeriodSpec("relative", month, relative="last_named_month")
    text = _words(match["relative_phrase"])
    return PeriodSpec("relative", relative=RELATIVE_PHRASES.get(text) or RELATIVE_SPANS[text])


def _half(match: re.Match) -> PeriodSpec:
    first = match["half_which"].lower() == "first"
    if match["half_year"]:
        year = int(match["half_year"])
        return PeriodSpec(
            "interval", DateSpec(year, 1 if first else 7), DateSpec(year, 6 if first else 12)
        )
    relative = "first_half" if first else "second_half"
    base = (match["half_this"] or "this year").lower().split()[0]
    return PeriodSpec("relative", relative=f"{relative}_{'last' if base == 'last' else 'this'}")


def _vague(match: re.Match) -> PeriodSpec | None:
    if match["vague_range"]:  # "the 2010-14 average"
        written = match["vague_range"]
        return _financial_spec(written[:4], written[5:], None)
    year = match["vague_year"]
    if year and len(year) > 4:
        return _financial_spec(year[:4], year[5:], None)
    return PeriodSpec("point", DateSpec(int(year))) if year else PeriodSpec("vague", precise=False)


def _fye(match: re.Match) -> PeriodSpec:
    end = DateSpec(int(match["fye_year"]), month_number(match["fye_month"]))
    return PeriodSpec("rolling", end=end, months=12, financial=True)


SPEC_OF = {
    "vague": _vague,
    "fye": _fye,
    "rolling": _rolling,
    "weeks": _weeks,
    "quarter": _quarter,
    "half": _half,
    "relative": _relative,
    "date": lambda match: PeriodSpec("point", _date(match)),
    "month_year": lambda m: PeriodSpec(
        "point", DateSpec(int(m["my_year"]), month_number(m["my_month"]))
    ),
    "financial": _financial,
    "short_financial": _short_financial,
    "year_point": lambda match: PeriodSpec("point", DateSpec(int(match["yp_year"]))),
    "bare_month": lambda match: PeriodSpec(
        "point", DateSpec(None, month_number(match["bm_month"]))
    ),
}


@dataclass(frozen=True, slots=True)
class _Period:
    """A period read, and the word that opened it when it is one of two ends."""

    spec: PeriodSpec
    lead: str | None = None  # "between", "from"


def _period(text: str, location: int, tokens) -> _Period:
    match = tokens[0]
    spec = SPEC_OF[match.lastgroup](match)
    if spec is None:
        raise pp.ParseException(text, location, "not a period")
    two_years = match.lastgroup == "financial" and spec.kind == "interval" and spec.parts
    return _Period(spec, "from" if two_years else None)


def _end_of(forms: tuple[str, ...]):
    """The parse action of an interval's end read by SINGLE: one of `forms`."""

    def action(text: str, location: int, tokens) -> _Period:
        match = tokens[0]
        if match.lastgroup not in forms:
            raise pp.ParseException(text, location, "not an end of an interval")
        return _period(text, location, tokens)

    return action


def _interval(tokens) -> _Period:
    first, second = (token.spec for token in tokens if isinstance(token, _Period))
    opener = tokens[0]
    lead = _words(opener.group()) if isinstance(opener, re.Match) else None
    return _Period(PeriodSpec("interval", parts=(first, second)), lead)


_LEVEL_AT_END = re.compile(r"\b(?:levels?|figures?|totals?)\s*\)?\Z", re.IGNORECASE)


def _phrase(text: str, location: int, tokens) -> PeriodPhrase:
    if len(tokens) == 1:  # a span: "over the year", "for the year"
        match = tokens[0]
        if match["for_the_year"]:
            spec = PeriodSpec("relative", relative="year_to_date")
            return PeriodPhrase(location, match.end(), "in", spec, "")
        spec = PeriodSpec(
            "relative", relative=RELATIVE_SPANS.get(_words(match["span"]), "previous_year")
        )
        return PeriodPhrase(location, match.end(), "than", spec, "")
    role_match, period, close = tokens
    lead = _words(role_match["role"] or "")
    role = ROLE_OF.get(lead, "in")
    if period.spec.kind == "interval" and role == "from":
        role = "in"  # "from April 2018 to March 2021"
    if lead == "of" and _LEVEL_AT_END.search(text, location, close.end()):
        role = "than"  # "87% of 2019 levels": what the figure is compared with
    return PeriodPhrase(
        location, close.end(), role, period.spec, period.lead or lead, bool(close["close"])
    )


DATE.set_parse_action(lambda tokens: _date(tokens[0]))
SINGLE.set_parse_action(_period)
POINT.set_parse_action(_end_of(_POINTS))
FIRST_END.set_parse_action(_period)
LAST_END.set_parse_action(_end_of(_ENDS))
INTERVAL.set_parse_action(_interval)
PHRASE.set_parse_action(_phrase)
