"""The grammar of statistical statements and of the periods they name, as regular
expressions with named groups, run with `re`.

Until issue 7 these forms ran as pyparsing `Regex` leaves (statements) and combinators
(periods). Measured here: a pyparsing parse cost 30-100 us, its import 48 ms; the cold-start
budget of a one-page lint is 4x `python -c pass`, about 36 ms in all. The same expressions
run directly cost 2-3 us a try. Nothing is compiled at import: each expression is compiled
the first time it is needed.
"""

from __future__ import annotations

import re
from functools import cache

from .numbers import TENS, UNITS
from .periods import MONTHS, Period, financial_year, point, rolling

FLAGS = re.IGNORECASE

# ---- shared pieces ------------------------------------------------------------------------
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

# ---- statement forms, most specific first -------------------------------------------------
STATEMENT_FORMS: tuple[tuple[str, str], ...] = (
    (
        "from_to",
        r"(?:(?P<verb>\w+ing|rose|risen|fell|fallen|went|gone|increased|decreased)\s+)?"
        rf"from\s+(?!(?:19|20)\d\d{END})"
        rf"(?P<a_cur>£\s?)?(?P<a_num>{NUM}|{WORDNUM})(?P<a_scale>{MONEY_SCALE})?"
        rf"(?P<a_unit>{UNIT})?"
        r"(?:\s+in\s+\S+(?:\s+(?:19|20)\d\d)?)?"
        rf"\s+to\s+(?!(?:19|20)\d\d{END})"
        rf"(?P<b_cur>£\s?)?(?P<b_num>{NUM}|{WORDNUM})(?P<b_scale>{MONEY_SCALE})?"
        rf"(?P<b_unit>{UNIT})?{END}",
    ),
    (
        "large_words",
        rf"{APPROX_LEAD}(?:(?:a|an)\s+)?(?:(?P<incr>{INCREMENT})\s+)?(?P<cur>£\s?)?"
        rf"(?P<words>{WORD_SCALED})\s+(?P<scale>million|billion|thousand)\b",
    ),
    (
        "change_noun",
        rf"{APPROX_LEAD}{PERCENT_OR_FRACTION}[\s-]+(?:(?:year-on-year|annual|overall)\s+)?"
        rf"(?P<change>{CHANGE_NOUN})\b",
    ),
    (
        "noun_of",
        rf"(?P<change>{CHANGE_NOUN})\s+of\s+{APPROX_LEAD}{PERCENT_OR_FRACTION}{END}",
    ),
    ("down_up", rf"(?P<dir>down|up)\s+(?:by\s+)?{APPROX_LEAD}{PERCENT_OR_FRACTION}{END}"),
    (
        "verb_by",
        rf"(?P<verb>{CHANGE_VERB})\s+(?:by\s+)?{APPROX_LEAD}{PERCENT_OR_FRACTION}{END}",
    ),
    ("comparative", rf"{APPROX_LEAD}{PERCENT_OR_FRACTION}\s+(?P<cmp>{COMPARATIVE})\b"),
    (
        "multiple",
        r"(?:(?P<approx>nearly|almost|more\s+than|over|around|about)\s+)?"
        r"(?P<multiple>halved|doubled|tripled|trebled)\b",
    ),
    (
        "money",
        rf"{APPROX_LEAD}(?:(?:a|an)\s+)?(?:(?P<incr>{INCREMENT})\s+)?(?:record\s+)?"
        rf"£\s?(?P<num>{NUM})(?P<scale>{MONEY_SCALE})?(?![\w%/])"
        r"(?:\s+(?P<rate>a\s+year|per\s+year|per\s+annum|a\s+month|per\s+month|annually|"
        r"each\s+year|every\s+year|a\s+week|per\s+week|annual|yearly))?",
    ),
    (
        "fraction_level",
        rf"{APPROX_LEAD}(?P<frac>{FRACTION})\s+of\b"
        r"(?!\s+(?:a|an|the)\s+(?:year|month|day|week|hour))",
    ),
    ("percent_level", rf"{APPROX_LEAD}(?P<num>{NUM})(?P<unit>{UNIT}){END}"),
    (
        "level_verb",
        r"(?P<verb>hits?|hitting|reached|reaches|reaching|(?:risen|rose|rising|fallen|fell|"
        r"falling|dropped|increased|decreased|grown|grew)\s+to|stands?\s+at|stood\s+at|"
        r"totall?ed|totals)\s+"
        rf"{APPROX_LEAD}(?!(?:19|20)\d\d{END})(?P<num>{NUM})(?P<scale>{COUNT_SCALE})?{END}",
    ),
    (
        "count",
        rf"{APPROX_LEAD}(?:(?:a|an|the)\s+)?(?:(?P<incr>{INCREMENT})\s+)?(?:record\s+)?"
        rf"(?P<num>{NUM})(?:\s?\((?P<exact>{NUM})\))?(?P<scale>{COUNT_SCALE})?"
        rf"(?:\s+(?P<incr_after>{INCREMENT})\b)?"
        r"(?=\s+(?P<noun>[^\W\d_][\w'’&-]*)|\s*[,.;:)]|\s*$)",
    ),
)

# ---- periods ------------------------------------------------------------------------------
MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
YEAR = r"(?:19|20)\d\d(?![\d/])(?!\s?[-–]\s?\d)"
MONTHS_COUNT = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
TO_OR_ENDING = r"(?:to|ending(?:\s+in)?|up\s+to)"
POINT_FORMS: tuple[tuple[str, str], ...] = (
    (
        "rolling",
        rf"(?:the\s+)?(?P<count>{MONTHS_COUNT})[\s-]?months?(?:[\s-]period)?\s+"
        rf"{TO_OR_ENDING}\s+(?P<month>{MONTH_NAME})\s+(?P<year>{YEAR})",
    ),
    (
        "year_to",
        rf"(?:the\s+)?(?:financial\s+)?year\s+{TO_OR_ENDING}\s+(?P<month>{MONTH_NAME})\s+"
        rf"(?P<year>{YEAR})",
    ),
    (
        "financial_year",
        r"(?:(?:fy\s?|financial\s+year\s+)(?P<start_a>(?:19|20)\d\d)[/-](?P<end_a>\d\d)"
        r"|(?:the\s+)?(?P<start_b>(?:19|20)\d\d)/(?P<end_b>\d\d)"
        r"|(?:the\s+)?(?P<start_c>(?:19|20)\d\d)-(?P<end_c>\d\d)\s+financial\s+year)(?!\d)",
    ),
    ("month_year", rf"(?P<month>{MONTH_NAME})\s+(?P<year>{YEAR})"),
    ("year", rf"(?P<year>{YEAR})"),
)
POINT = "(?:" + "|".join(re.sub(r"\(\?P<\w+>", "(?:", p) for _, p in POINT_FORMS) + ")"
BARE_POINT = "(?:" + "|".join(re.sub(r"\(\?P<\w+>", "(?:", p) for _, p in POINT_FORMS[:3]) + ")"
SET_UP = (
    r"(?:it|they|we|he|she|the\s+[\w'’-]+(?:\s+[\w'’-]+){0,3})\s+(?:was|were)\s+"
    r"(?:first\s+)?(?:set\s+up|established|launched|created|founded|formed|introduced)\s+in"
)
PERIOD_FORMS: tuple[tuple[str, str], ...] = (
    ("since", rf"since\s+(?:{SET_UP}\s+)?(?P<p1>{POINT})"),
    (
        "compared",
        r"(?:compared\s+(?:with|to)|than(?:\s+in)?|versus|vs\.?|against)\s+"
        rf"(?:the\s+same\s+(?:period|time)\s+in\s+|the\s+)?(?P<p1>{POINT})",
    ),
    ("between", rf"between\s+(?P<p1>{POINT})\s+and\s+(?P<p2>{POINT})"),
    ("from_until", rf"from\s+(?P<p1>{POINT})\s+(?:to|until|through)\s+(?P<p2>{POINT})"),
    (  # "(April 2018 to March 2021)", as statlint --fix writes a period
        "bracketed_range",
        rf"\(\s*(?P<p1>{POINT})\s+(?:to|until|through)\s+(?P<p2>{POINT})\s*\)",
    ),
    ("in", rf"(?:\(|(?:in|during|for|over|of|throughout)\b)\s*(?:the\s+)?(?P<p1>{POINT})"),
    ("bare", rf"(?P<p1>{BARE_POINT})"),
)
STATEMENT_PATTERNS = dict(STATEMENT_FORMS)
PERIOD_PATTERNS = dict(PERIOD_FORMS)
ROLE = {
    "since": "since",
    "compared": "since",
    "between": "interval",
    "from_until": "interval",
    "bracketed_range": "interval",
}

# The words a statement form can start with (besides a digit, a pound sign, a number in
# words and any word ending in -ing): trying the forms only where one stands saves most
# of the regex work at the places looked at before a number.
STARTERS = (
    frozenset(
        """more in upwards at over above no up as fewer less just nearly almost close under below
    around about approximately approx approx. roughly some circa c. an estimated a the
    additional extra new further record from rose risen fell fallen went gone increased
    decreased reduction reductions fall falls drop drops decrease decreases decline declines
    cut cuts dip dips slump slumps rise rises increase increases growth growths jump jumps
    uplift uplifts surge surges hike hikes down dropped declined reduced grew grown jumped
    climbed come came halved doubled tripled trebled half one two three four hits hit hitting
    reached reaches reaching stands stand stood totalled totaled totals""".split()
    )
    | frozenset(UNITS[1:])
    | frozenset(TENS)
)


# Words that stand inside a form's opening ("more *than*", "fell *by*", "*a* record"),
# so the walk back from a number goes on past them.
INNER_WORDS = frozenset(
    "than of to excess many least most short by a an the record as year-on-year annual "
    "overall per".split()
)


def may_start(word: str) -> bool:
    """Can a statement form start with this word (lower case, as written)?"""
    return word[:1].isdigit() or word[:1] == "£" or word in STARTERS or word.endswith("ing")


# ---- where to look ------------------------------------------------------------------------
# A statement can be at a number or pound sign (a digit glued to a letter, dash, slash or
# dot is not: SE1, Covid-19, 24/7), a fraction or scale word, "halved", or a number in words
# ranging to another ("from twelve to seven"). Three plain scans: one regex with all of them
# is several times slower in CPython's engine.
# A year (1900-2099, no comma) starts no statement (no form reads one as its number), so
# it is passed over here rather than tried at every word before it.
DIGIT_ANCHOR = r"(?<![\w.,£/-])(?!(?:19|20)\d\d(?![\d,.%]))\d|£"
WORD_ANCHOR = (
    r"\b(?=[hdtqfmb])(?:half|halved|doubled|tripled|trebled|thirds?|quarters?|fifths?|"
    r"tenths?|million|billion|thousand)\b"
)
WORD_RANGE = rf"\bto\s+(?:{WORDNUM})\b"
WORD_BEFORE_TO = rf"\b(?:{WORDNUM})\s+$"
# A period phrase holds a year; these are the words it can start with.
YEAR_MENTION = r"(?<![\w/-])(?:19|20)\d\d(?!\d)"
PERIOD_LEAD = (
    r"\b(?:since|compared|than|versus|vs|against|between|from|in|during|for|over|of|"
    r"throughout|the|fy|financial|year|twelve|\d{1,2}(?=[\s-]month)|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven)\b|\("
)


@cache
def compiled(pattern: str) -> re.Pattern:
    from . import recache

    return recache.compile(pattern, FLAGS)


def _names(forms) -> str:
    return "|".join(
        f"(?P<{name}>" + re.sub(r"\(\?P<\w+>", "(?:", pattern) + ")" for name, pattern in forms
    )


@cache
def gate(kind: str) -> re.Pattern:
    """All the forms of a kind as one regex, one named group a form (their own names
    dropped): whether, how far and with which form the grammar matches at a place."""
    return compiled(_names(STATEMENT_FORMS if kind == "statement" else PERIOD_FORMS))


def statement_at(text: str, start: int, limit: int):
    """(end, form, groups) of the statement form matching at text[start], or None."""
    found = gate("statement").match(text, start, limit)
    if not found:
        return None
    form = found.lastgroup
    groups = compiled(STATEMENT_PATTERNS[form]).match(text, start, limit).groupdict()
    groups["form"] = form
    return found.end(), form, groups


def period_at(text: str, start: int, limit: int):
    """(end, (role, Period, ...)) of the period phrase at text[start], or None."""
    found = gate("period").match(text, start, limit)
    if not found:
        return None
    form = found.lastgroup
    groups = compiled(PERIOD_PATTERNS[form]).match(text, start, limit).groupdict()
    points = [to_point(groups[name]) for name in ("p1", "p2") if groups.get(name)]
    if not points or None in points:
        return None
    return found.end(), (ROLE.get(form, "in"), *points)


def to_point(text: str) -> Period | None:
    """'the twelve months to March 2025' -> 2024-04/2025-03; None if not a period."""
    for name, pattern in POINT_FORMS:
        found = compiled(pattern).fullmatch(text.strip())
        if found:
            return _POINT_MAKERS[name](found.groupdict())
    return None


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _count(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else UNITS.index(text)


def _financial(groups: dict) -> Period | None:
    for tag in "abc":
        if groups.get(f"start_{tag}"):
            start, end = int(groups[f"start_{tag}"]), int(groups[f"end_{tag}"])
            return financial_year(start) if (start + 1) % 100 == end else None
    return None


_POINT_MAKERS = {
    "rolling": lambda g: rolling(_count(g["count"]), int(g["year"]), _month(g["month"])),
    "year_to": lambda g: rolling(12, int(g["year"]), _month(g["month"])),
    "financial_year": _financial,
    "month_year": lambda g: point(int(g["year"]), _month(g["month"])),
    "year": lambda g: point(int(g["year"])),
}


def anchors(text: str, start: int, end: int) -> list[int]:
    """Offsets in text[start:end] where a statement may be, in order."""
    found = [m.start() for m in compiled(DIGIT_ANCHOR).finditer(text, start, end)]
    found += [m.start() for m in compiled(WORD_ANCHOR).finditer(text, start, end)]
    for to in compiled(WORD_RANGE).finditer(text, start, end):
        number = compiled(WORD_BEFORE_TO).search(text, max(start, to.start() - 16), to.start())
        if number:
            found.append(number.start())
    return sorted(found)
