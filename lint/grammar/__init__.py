"""The grammar of statistical statements and of the periods they name, on pyparsing.

Parts, each a module with its grammar in BNF and examples that `run_tests` checks:
- numbers.py: a quantity ("£1.5m", "22 per cent", "a quarter", "doubled");
- periods.py: a period phrase and its role ("since 2019", "in the year to March 2025",
  "the same period last year");
- statements.py: a quantity with the words around it that say what it is ("fell by
  nearly a quarter", "a decrease of 1,104", "17 fewer", "rose to 46,265").

The grammar reads text and returns records with offsets; it never reads files, never
decides what a claim's period is, and never calls back into extraction. Trying every
expression at every character would be slow, so cheap regular expressions, built from
the same vocabulary (vocabulary.py), say where a number or a period may start; the
tests check that they find every place the grammar parses.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

import pyparsing as pp

from . import vocabulary as v
from .model import PeriodPhrase, Quantity

WINDOW = 160  # the longest statement or period phrase the grammar is shown
LOOK_BACK = 80  # how far before a number its lead may start

_END = pp.Empty().leave_whitespace().set_parse_action(lambda text, location, tokens: [location])


@cache
def _located(expression: pp.ParserElement) -> pp.ParserElement:
    """The expression followed by the offset where it ends."""
    return (expression + _END).streamline()


def parse_at(expression: pp.ParserElement, text: str, start: int, limit: int):
    """(result, end) of the expression matched at text[start], offsets absolute; None
    when it does not match there."""
    window = text[start : min(limit, start + WINDOW)]
    try:
        tokens = _located(expression).parse_string(window)
    except pp.ParseException:
        return None
    return _shifted(tokens[0], start), start + tokens[-1]


def _shifted(record, offset: int):
    """A grammar record with its offsets (and its quantity's) moved by `offset`."""
    changes = {"start": record.start + offset, "end": record.end + offset}
    quantity = getattr(record, "quantity", None)
    if isinstance(quantity, Quantity):
        changes["quantity"] = _shifted(quantity, offset)
    return dataclasses.replace(record, **changes)


# ---- where to look ------------------------------------------------------------------------
_NUMBER_WORD = v.pattern(
    [
        *v.ONES[1:],
        *v.TENS,
        *(f"{tens}-{one}" for tens in v.TENS for one in v.ONES[1:10]),
        "half",
        *v.MULTIPLES,
    ]
)
_A_FRACTION = (
    r"(?<![\w-])(?:an?|one|two|three|four|five|six|seven|eight|nine)"
    r"(?=[\s-]+(?:quarters?|thirds?|fifths?|sixths?|tenths?|half|halves|million|billion|thousand)\b)"
)
QUANTITY_ANCHOR = re.compile(
    r"(?:US\$|[£$€])\s?\d"  # money
    r"|(?<=[\s(\[/])[+\-−–](?=[£$€]?\d)"  # a signed number: "(-47)", "or -5.6%"
    r"|(?<![\w.£$€/+\-−–])(?<!\d,)\d"  # a number not glued to a word: not SE1, Covid-19, 24/7
    rf"|{_NUMBER_WORD}|{_A_FRACTION}",
    re.IGNORECASE,
)
_LEAD_WORDS = sorted(
    v.words_of(
        [
            *v.LEVEL_LEADS,
            *v.DECREASE_VERBS,
            *v.INCREASE_VERBS,
            *v.PHRASAL_CHANGES,
            *v.DECREASE_NOUNS,
            *v.INCREASE_NOUNS,
            *v.CHANGE_ADJECTIVES,
            *(p for phrases in v.APPROXIMATIONS.values() for p in phrases),
            *v.INCREMENTS,
            *v.INCREMENT_NOUNS,
            "up down by to from of record now total net just only merely mere still was is were will",
            "below above under past beyond in",
            "has have been equivalent equates came averaged amounted",
        ]
    ),
    key=len,
    reverse=True,
)
# Lead words up to the number; the last may be any word ("grew by a phenomenal 14.7%").
LEAD_CHAIN = re.compile(
    r"(?<![\w-])(?<!\w['’])(?:(?:" + "|".join(re.escape(word) for word in _LEAD_WORDS) + r")\s+)+"
    r"(?:[a-z][a-z-]+\s+)?$",
    re.IGNORECASE,
)
_YEAR = r"(?<![\w/.£$-])(?:19|20)\d\d(?!\d)"
PERIOD_ANCHOR = re.compile(
    _YEAR
    + r"|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
    r"|\b(?:year|years|month|months|quarter|period|time|timeframe|date|FY|FYE|Q[1-4]|"
    r"year-to-date|year-on-year|pre-pandemic|pre-covid|peak|average|mean|\d\d/\d\d\s+FY|"
    r"previous)\b",
    re.IGNORECASE,
)
_PERIOD_LEADS = sorted(
    v.words_of(
        [
            "since the start beginning end of ever compared with to against when in comparison",
            "than at for during versus vs vs. on relative from up down in over throughout",
            "across as by through within until ending ended between the a this last past",
            "previous same latest most recent financial fiscal calendar school academic twelve",
            "12 month months year first second third fourth final half six quarter citywide",
            "so far period time frame timeframe point date span preceding five below above",
        ]
    ),
    key=len,
    reverse=True,
)
PERIOD_CHAIN = re.compile(
    r"(?:(?<![\w'’-])(?:" + "|".join(re.escape(w) for w in _PERIOD_LEADS) + r")[\s-]+|\(\s*"
    r"|(?<![\w,.])\d{1,2}(?:st|nd|rd|th)?,?\s+|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)+$",
    re.IGNORECASE,
)


def quantity_anchors(text: str, start: int, end: int) -> list[int]:
    """Offsets in text[start:end] where a quantity may start, in order."""
    return [match.start() for match in QUANTITY_ANCHOR.finditer(text, start, end)]


def period_anchors(text: str, start: int, end: int) -> list[int]:
    return [match.start() for match in PERIOD_ANCHOR.finditer(text, start, end)]


def chain_starts(chain: re.Pattern, text: str, anchor: int, floor: int) -> list[int]:
    """Where a run of lead words ending at the anchor starts, and each later word start:
    the places to try the grammar from, longest reading first, the anchor last."""
    region_start = max(floor, anchor - LOOK_BACK)
    found = chain.search(text, region_start, anchor)
    if not found:
        return [anchor]
    starts = [found.start()]
    starts += [
        m.end() + found.start()
        for m in re.finditer(r"[\s(]+", text[found.start() : anchor])
        if m.end() + found.start() < anchor
    ]
    return [*sorted(set(starts)), anchor]


def statement_at(text: str, anchor: int, floor: int, limit: int):
    """The statement whose number starts at `anchor`: its words may start as far back as
    `floor`. Returns (Statement, end) or None."""
    from .statements import BARE_STATEMENT, STATEMENT

    for start in chain_starts(LEAD_CHAIN, text, anchor, floor):
        expression = BARE_STATEMENT if start == anchor else STATEMENT
        found = parse_at(expression, text, start, limit)
        if found and found[0].quantity.start == anchor:
            return found
    return None


def period_at(text: str, anchor: int, floor: int, limit: int) -> tuple[PeriodPhrase, int] | None:
    """The period phrase that holds the word at `anchor`, read from as far back as its
    role word goes: (PeriodPhrase, end) or None."""
    from .periods import PHRASE

    for start in chain_starts(PERIOD_CHAIN, text, anchor, floor):
        found = parse_at(PHRASE, text, start, limit)
        if found and found[1] > anchor:
            phrase, end = found
            return dataclasses.replace(phrase, end=end), end
    return None
