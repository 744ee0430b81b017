"""The pyparsing grammar of statistical statements and of the periods they name.

Statements are forms built from `Regex` leaves (measured: one combined Regex token per form
is ~100x faster than a Word/Combine grammar, with the same matches). The grammar never
scans whole texts: `extract` tries it only at the places a cheap prefilter finds, with
`parse_at`. Nothing here does I/O or knows about claims; results are named tokens.
"""

from __future__ import annotations

import re

import pyparsing as pp

from .numbers import TENS, UNITS
from .periods import MONTHS, Period, financial_year, point, rolling

FLAGS = re.IGNORECASE

# ---- shared pattern pieces -------------------------------------------------------------
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?(?![\d.]\d)"
WORDNUM = (
    rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{'|'.join(UNITS[1:10])}))?"
    rf"|{'|'.join(sorted(UNITS[1:], key=len, reverse=True))})"
)
WORD_SCALED = rf"(?:a\s+quarter\s+of\s+a|three\s+quarters\s+of\s+a|half\s+a|{WORDNUM}|a|an)"
FRACTION = r"(?:(?:a|one|two|three|four)[\s-]+(?:half|thirds?|quarters?|fifths?|tenths?)|half)"
MONEY_SCALE = r"(?:\s?(?:bn|mn|m|k)\b|\s(?:million|billion|thousand)\b)"
COUNT_SCALE = r"(?:\s+(?:million|billion|thousand)\b)"
UNIT = r"(?:\s?%|\s?per[\s-]?cent\b|\s?percent\b|[\s-]percentage[\s-]points?\b|\s?pp\b)"
APPROX = (
    r"(?:more\s+than|in\s+excess\s+of|upwards\s+of|at\s+least|over|above|"
    r"no\s+more\s+than|up\s+to|at\s+most|as\s+many\s+as|fewer\s+than|less\s+than|"
    r"just\s+under|just\s+below|just\s+short\s+of|nearly|almost|close\s+to|"
    r"under|below|around|about|approximately|approx\.?|roughly|some|circa|c\.|"
    r"an\s+estimated|estimated)"
)
INCREMENT = r"(?:additional|extra|new|further|more)"
FALL_NOUN = r"reduction|fall|drop|decrease|decline|cut|dip|slump"
RISE_NOUN = r"rise|increase|growth|jump|uplift|surge|hike"
CHANGE_NOUN = rf"(?:{FALL_NOUN}|{RISE_NOUN})s?"
CHANGE_VERB = (
    r"(?:fell|fallen|falling|dropped|dropping|decreased|decreasing|declined|declining|"
    r"reduced|reducing|rose|risen|rising|increased|increasing|grew|grown|growing|"
    r"jumped|climbed|went\s+(?:up|down)|gone\s+(?:up|down)|come\s+down|came\s+down|cut)"
)
COMPARATIVE = r"(?:lower|higher|fewer|more|less|greater|smaller|larger|bigger|cheaper)"
PERCENT_OR_FRACTION = rf"(?:(?P<num>{NUM})(?P<unit>{UNIT})|(?P<frac>{FRACTION}))"
APPROX_LEAD = rf"(?:(?P<approx>{APPROX})\s+)?"
END = r"(?![\w%£/])"


def _form(name: str, pattern: str) -> pp.Regex:
    """One statement form: a Regex leaf whose named groups become named results."""
    element = pp.Regex(pattern, flags=FLAGS).set_name(name)
    element.add_parse_action(lambda tokens: tokens.__setitem__("form", name))
    return element


# ---- statement forms, most specific first ----------------------------------------------
FROM_TO = _form(
    "from_to",
    rf"(?:(?P<verb>\w+ing|rose|risen|fell|fallen|went|gone|increased|decreased)\s+)?"
    rf"from\s+(?!(?:19|20)\d\d{END})"
    rf"(?P<a_cur>£\s?)?(?P<a_num>{NUM}|{WORDNUM})(?P<a_scale>{MONEY_SCALE})?(?P<a_unit>{UNIT})?"
    r"(?:\s+in\s+\S+(?:\s+(?:19|20)\d\d)?)?"
    rf"\s+to\s+(?!(?:19|20)\d\d{END})"
    rf"(?P<b_cur>£\s?)?(?P<b_num>{NUM}|{WORDNUM})(?P<b_scale>{MONEY_SCALE})?(?P<b_unit>{UNIT})?"
    rf"{END}",
)
LARGE_WORDS = _form(
    "large_words",
    rf"{APPROX_LEAD}(?:(?:a|an)\s+)?(?:(?P<incr>{INCREMENT})\s+)?(?P<cur>£\s?)?"
    rf"(?P<words>{WORD_SCALED})\s+(?P<scale>million|billion|thousand)\b",
)
CHANGE_BY_NOUN = _form(
    "change_noun",
    rf"{APPROX_LEAD}{PERCENT_OR_FRACTION}[\s-]+(?:(?:year-on-year|annual|overall)\s+)?"
    rf"(?P<change>{CHANGE_NOUN})\b",
)
NOUN_OF = _form(
    "noun_of",
    rf"(?P<change>{CHANGE_NOUN})\s+of\s+{APPROX_LEAD}{PERCENT_OR_FRACTION}{END}",
)
DOWN_UP = _form(
    "down_up",
    rf"(?P<dir>down|up)\s+(?:by\s+)?{APPROX_LEAD}{PERCENT_OR_FRACTION}{END}",
)
VERB_BY = _form(
    "verb_by",
    rf"(?P<verb>{CHANGE_VERB})\s+(?:by\s+)?{APPROX_LEAD}{PERCENT_OR_FRACTION}{END}",
)
COMPARED = _form(
    "comparative",
    rf"{APPROX_LEAD}{PERCENT_OR_FRACTION}\s+(?P<cmp>{COMPARATIVE})\b",
)
MULTIPLE = _form(
    "multiple",
    r"(?:(?P<approx>nearly|almost|more\s+than|over|around|about)\s+)?"
    r"(?P<multiple>halved|doubled|tripled|trebled)\b",
)
MONEY = _form(
    "money",
    rf"{APPROX_LEAD}(?:(?:a|an)\s+)?(?:(?P<incr>{INCREMENT})\s+)?(?:record\s+)?"
    rf"£\s?(?P<num>{NUM})(?P<scale>{MONEY_SCALE})?(?![\w%/])"
    r"(?:\s+(?P<rate>a\s+year|per\s+year|per\s+annum|a\s+month|per\s+month|annually|"
    r"each\s+year|every\s+year|a\s+week|per\s+week|annual|yearly))?",
)
FRACTION_LEVEL = _form(
    "fraction_level",
    rf"{APPROX_LEAD}(?P<frac>{FRACTION})\s+of\b(?!\s+(?:a|an|the)\s+(?:year|month|day|week|hour))",
)
PERCENT_LEVEL = _form("percent_level", rf"{APPROX_LEAD}(?P<num>{NUM})(?P<unit>{UNIT}){END}")
LEVEL_VERB = _form(
    "level_verb",
    r"(?P<verb>hits?|hitting|reached|reaches|reaching|(?:risen|rose|rising|fallen|fell|"
    r"falling|dropped|increased|decreased|grown|grew)\s+to|stands?\s+at|stood\s+at|"
    r"totall?ed|totals)\s+"
    rf"{APPROX_LEAD}(?!(?:19|20)\d\d{END})(?P<num>{NUM})(?P<scale>{COUNT_SCALE})?{END}",
)
COUNT = _form(
    "count",
    rf"{APPROX_LEAD}(?:(?:a|an|the)\s+)?(?:(?P<incr>{INCREMENT})\s+)?(?:record\s+)?"
    rf"(?P<num>{NUM})(?:\s?\((?P<exact>{NUM})\))?(?P<scale>{COUNT_SCALE})?"
    rf"(?:\s+(?P<incr_after>{INCREMENT})\b)?"
    r"(?=\s+(?P<noun>[^\W\d_][\w'’&-]*)|\s*[,.;:)]|\s*$)",
)
STATEMENT = pp.MatchFirst(
    [
        FROM_TO,
        LARGE_WORDS,
        CHANGE_BY_NOUN,
        NOUN_OF,
        DOWN_UP,
        VERB_BY,
        COMPARED,
        MULTIPLE,
        MONEY,
        FRACTION_LEVEL,
        PERCENT_LEVEL,
        LEVEL_VERB,
        COUNT,
    ]
).parse_with_tabs()

# The statement forms as one plain regex, one named group a form (their own names
# dropped): a C-speed test of whether, how far and with which form the grammar would match
# at a place, so that pyparsing runs once per statement found, with that form alone.
STATEMENT_GATE = re.compile(
    "|".join(
        f"(?P<{form.name}>" + re.sub(r"\(\?P<\w+>", "(?:", form.re.pattern) + ")"
        for form in STATEMENT.exprs
    ),
    FLAGS,
)
LOCATED_FORMS = {form.name: pp.Located(form).parse_with_tabs() for form in STATEMENT.exprs}

# Where a statement can be: a number or pound sign (a digit glued to a letter, dash,
# slash or dot is not: SE1, Covid-19, 24/7), a fraction or scale word, "halved", or a
# number in words ranging to another ("from twelve to seven"). Three plain scans: one
# regex with all of them is several times slower in CPython's engine.
DIGIT_ANCHOR = re.compile(r"(?<![\w.,£/-])\d|£")
WORD_ANCHOR = re.compile(
    r"\b(?=[hdtqfmb])(?:half|halved|doubled|tripled|trebled|thirds?|quarters?|fifths?|"
    r"tenths?|million|billion|thousand)\b",
    FLAGS,
)
WORD_RANGE = re.compile(rf"\bto\s+(?:{WORDNUM})\b", FLAGS)
WORD_BEFORE_TO = re.compile(rf"\b(?:{WORDNUM})\s+$", FLAGS)


def anchors(text: str, start: int, end: int) -> list[int]:
    """Offsets in text[start:end] where a statement may be, in order."""
    found = [m.start() for m in DIGIT_ANCHOR.finditer(text, start, end)]
    found += [m.start() for m in WORD_ANCHOR.finditer(text, start, end)]
    for to in WORD_RANGE.finditer(text, start, end):
        number = WORD_BEFORE_TO.search(text, max(start, to.start() - 16), to.start())
        if number:
            found.append(number.start())
    return sorted(found)


# ---- periods ---------------------------------------------------------------------------
MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
YEAR_NUMBER = r"(?:19|20)\d\d(?![\d/])(?!\s?[-–]\s?\d)"
MONTHS_COUNT = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
TO_OR_ENDING = r"(?:to|ending(?:\s+in)?|up\s+to)"


def _point_form(name: str, pattern: str, make) -> pp.Regex:
    """A period point as one Regex leaf; `make` turns its named groups into a Period."""
    element = pp.Regex(pattern, flags=FLAGS).set_name(name)
    return element.set_parse_action(lambda tokens: make(tokens))


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _count(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else UNITS.index(text)


def _financial(tokens):
    start, end = int(tokens["start"]), int(tokens["end"])
    named = tokens.get("fy") or tokens.get("slash") or tokens.get("fy_after")
    if (start + 1) % 100 != end or not named:
        raise pp.ParseException("", 0, "not a financial year")
    return financial_year(start)


ROLLING = _point_form(
    "rolling",
    rf"(?:the\s+)?(?P<count>{MONTHS_COUNT})[\s-]?months?(?:[\s-]period)?\s+{TO_OR_ENDING}\s+"
    rf"(?P<month>{MONTH_NAME})\s+(?P<year>{YEAR_NUMBER})",
    lambda t: rolling(_count(t["count"]), int(t["year"]), _month(t["month"])),
)
YEAR_TO = _point_form(
    "year_to",
    rf"(?:the\s+)?(?:financial\s+)?year\s+{TO_OR_ENDING}\s+(?P<month>{MONTH_NAME})\s+"
    rf"(?P<year>{YEAR_NUMBER})",
    lambda t: rolling(12, int(t["year"]), _month(t["month"])),
)
FINANCIAL = _point_form(
    "financial_year",
    r"(?:(?P<fy>fy\s?|financial\s+year\s+)|the\s+)?(?P<start>(?:19|20)\d\d)"
    r"(?:(?P<slash>/)|-)(?P<end>\d\d)(?!\d)(?:\s+(?P<fy_after>financial\s+year))?",
    _financial,
)
MONTH_YEAR = _point_form(
    "month_year",
    rf"(?P<month>{MONTH_NAME})\s+(?P<year>{YEAR_NUMBER})",
    lambda t: point(int(t["year"]), _month(t["month"])),
)
YEAR = _point_form("year", YEAR_NUMBER, lambda t: point(int(t[0])))
POINT = ROLLING | YEAR_TO | FINANCIAL | MONTH_YEAR | YEAR
WORD = lambda text: pp.CaselessKeyword(text).suppress()  # noqa: E731
OPT = lambda text: pp.Opt(pp.CaselessKeyword(text)).suppress()  # noqa: E731


def _phrase(role):
    def action(tokens):
        periods = [token for token in tokens if isinstance(token, Period)]
        return (role, *periods)

    return action


SET_UP = pp.Regex(
    r"(?:it|they|we|he|she|the\s+[\w'’-]+(?:\s+[\w'’-]+){0,3})\s+(?:was|were)\s+(?:first\s+)?"
    r"(?:set\s+up|established|launched|created|founded|formed|introduced)\s+in",
    flags=FLAGS,
).suppress()
SINCE = (WORD("since") + pp.Opt(SET_UP) + POINT).set_parse_action(_phrase("since"))
COMPARED_TO = (
    pp.Regex(r"compared\s+(?:with|to)|than(?:\s+in)?|versus|vs\.?|against", flags=FLAGS).suppress()
    + pp.Opt(pp.Regex(r"the\s+same\s+(?:period|time)\s+in|the", flags=FLAGS)).suppress()
    + POINT
).set_parse_action(_phrase("since"))
BETWEEN = (WORD("between") + POINT + WORD("and") + POINT).set_parse_action(_phrase("interval"))
FROM_UNTIL = (
    WORD("from") + POINT + pp.Regex(r"to|until|through", flags=FLAGS).suppress() + POINT
).set_parse_action(_phrase("interval"))
IN = (
    pp.Regex(r"\(|(?:in|during|for|over|of|throughout)\b", flags=FLAGS).suppress()
    + OPT("the")
    + POINT
).set_parse_action(_phrase("in"))
BARE_ROLLING = (ROLLING | YEAR_TO | FINANCIAL).set_parse_action(_phrase("in"))
PERIOD = pp.MatchFirst(
    [SINCE, COMPARED_TO, BETWEEN, FROM_UNTIL, IN, BARE_ROLLING]
).parse_with_tabs()

# A period phrase holds a year; these are the words it can start with.
YEAR_MENTION = re.compile(r"(?<![\w/-])(?:19|20)\d\d(?!\d)")
PERIOD_LEAD = re.compile(
    r"\b(?:since|compared|than|versus|vs|against|between|from|in|during|for|over|of|"
    r"throughout|the|fy|financial|year|twelve|\d{1,2}(?=[\s-]month)|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven)\b|\(",
    FLAGS,
)


def parse_at(element: pp.ParserElement, text: str, start: int, limit: int):
    """Parse `element` (wrapped in pp.Located) at text[start:limit]: (end, tokens) or None.

    The parse sees only that window of the text, so it costs the same wherever it is tried.
    """
    try:
        result = element.parse_string(text[start:limit])
    except pp.ParseBaseException:
        return None
    return start + result["locn_end"], result["value"]


LOCATED_PERIOD = pp.Located(PERIOD)
