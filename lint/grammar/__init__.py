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

import re

import pyparsing as pp

from . import vocabulary as v
from .model import PeriodPhrase

WINDOW = 160  # the longest statement or period phrase the grammar is shown
LOOK_BACK = 80  # how far before a number its lead may start


def parse_at(expression: pp.ParserElement, text: str, start: int, limit: int):
    """(record, end) of the expression matched at text[start], offsets absolute; None
    when it does not match there."""
    window = text[start : min(limit, start + WINDOW)]
    try:
        record = expression.parse_string(window)[0]
    except pp.ParseException:
        return None
    return record.moved(start), start + record.end


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
_YEAR = r"(?<![\w/.£$-])(?:19|20)\d\d(?!\d)"
PERIOD_ANCHOR = re.compile(
    _YEAR + r"|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
    r"|\b(?:year|years|month|months|quarter|period|time|timeframe|date|FY|FYE|Q[1-4]|"
    r"year-to-date|year-on-year|pre-pandemic|pre-covid|peak|average|mean|\d\d/\d\d\s+FY|"
    r"previous)\b",
    re.IGNORECASE,
)
# Words a period phrase may open with, before the word that anchors it: its role ("since",
# "compared with") and its own first words ("the 12 months to", "the same period").
PERIOD_WORDS = v.words_of(
    [
        "since the start beginning end of ever compared with to against when in comparison",
        "than at for during versus vs vs. on relative from up down in over throughout",
        "across as by through within until ending ended between the a this last past",
        "previous same latest most recent financial fiscal calendar school academic twelve",
        "12 month months year first second third fourth final half six quarter citywide",
        "so far period time frame timeframe point date span preceding five below above",
    ]
)
_DAY_OR_WEEKDAY = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)?,?|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?"
)


def _period_word(word: str, last: bool) -> bool:
    return word in PERIOD_WORDS or word == "(" or bool(_DAY_OR_WEEKDAY.fullmatch(word))


def quantity_anchors(text: str, start: int, end: int) -> list[int]:
    """Offsets in text[start:end] where a quantity may start, in order."""
    return [match.start() for match in QUANTITY_ANCHOR.finditer(text, start, end)]


def period_anchors(text: str, start: int, end: int) -> list[int]:
    return [match.start() for match in PERIOD_ANCHOR.finditer(text, start, end)]


# Words (with the dot of "vs.") and runs of other marks: a mark ends a run of lead words.
_TOKEN = re.compile(r"\w[\w'’.-]*|[^\w\s]+")
_PERIOD_TOKEN = re.compile(r"\w[\w'’.]*|[^\w\s-]+")  # "12-month": hyphens join period words


def chain_starts(tokens: re.Pattern, accepts, text: str, anchor: int, floor: int) -> list[int]:
    """Where a run of words that `accepts` takes, ending at the anchor, starts, and each
    later word start: the places to try the grammar from, longest reading first, the
    anchor last. `accepts(word, last)` is told whether the word is the one next to the
    anchor."""
    found = list(tokens.finditer(text, max(floor, anchor - LOOK_BACK), anchor))
    starts = [anchor]
    for index in range(len(found) - 1, -1, -1):
        if not accepts(found[index].group().lower(), index == len(found) - 1):
            break
        starts.append(found[index].start())
    return starts[::-1]


def _lead_word(word: str, last: bool) -> bool:
    from .statements import LEAD_WORDS

    return word in LEAD_WORDS or (last and word.replace("-", "").isalpha())


def statement_at(text: str, anchor: int, floor: int, limit: int):
    """The statement whose number starts at `anchor`: its words may start as far back as
    `floor`. Returns (Statement, end) or None."""
    from .statements import LEAD_BEFORE, STATEMENT

    starts = chain_starts(_TOKEN, _lead_word, text, anchor, floor)
    lead = next((start for start in starts if LEAD_BEFORE.match(text, start, anchor)), anchor)
    for start in dict.fromkeys([lead, anchor]):
        found = parse_at(STATEMENT, text, start, limit)
        if found and found[0].quantity.start == anchor:
            return found
    return None


def period_at(text: str, anchor: int, floor: int, limit: int) -> tuple[PeriodPhrase, int] | None:
    """The period phrase that holds the word at `anchor`, read from as far back as its
    role word goes: (PeriodPhrase, end) or None."""
    from .periods import PHRASE

    for start in chain_starts(_PERIOD_TOKEN, _period_word, text, anchor, floor):
        found = parse_at(PHRASE, text, start, limit)
        if found and found[1] > anchor:
            return found
    return None
