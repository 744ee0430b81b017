"""Find every statistical statement in a document and normalise it into a Claim.

Number first: every number in the prose is a candidate. The grammar (statlint.grammar)
reads the periods of each sentence and, at each number they do not hold, the statement
around it: its quantity, and the words that say whether it is a change, a level or an
increment, which way it goes and how approximate it is. A number is a claim unless its
context makes it something else (a date, a time, an age, a duration, a rank, a label, a
phone number, a list marker). Then its subject is read from its clause, and its periods
from the phrases of its sentence (scope.py), or of the sentences it refers back to.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from statlint import grammar
from statlint.extract import scope, subject
from statlint.grammar.compose import match_end
from statlint.grammar.model import PeriodPhrase, Quantity
from statlint.grammar.statements import Statement
from statlint.model import Claim
from statlint.periods import Period
from statlint.read.document import Document, line_starts
from statlint.read.segment import blocks, sentences

# ---- what is not a claim -------------------------------------------------------------------
_GLUED = re.compile(r"[A-Za-z]|/\d|:\d|\.\d")
_TIME_AFTER = re.compile(r"\s?(?:am|pm|a\.m\.|p\.m\.|o'clock|hrs|bst|gmt|est|edt)\b", re.I)
_TIME_BEFORE = re.compile(r"\d:\Z")
_AGE_BEFORE = re.compile(
    r"(?:\baged?|\bages|\bage\s+group)[\s-]+(?:between\s+|under\s+|over\s+|of\s+|from\s+)?$"
    r"|\b(?:under|over)-$|\baged?\s+(?:between\s+|from\s+)?\d+\s*(?:to|-|–|and)\s*$",
    re.I,
)
# "under 25" or "over 60" with nothing counted after it names an age group.
_BOUND_BEFORE = re.compile(r"\b(?:under|over)\s+$", re.I)
_AGE_AFTER = re.compile(
    r"(?:[\s-]?years?[\s-]olds?|[\s-]year[\s-]olds?|\s?s\b|\+|\s?(?:and|or)\s+(?:over|under|older|"
    r"above|younger|below)\b|\s+years?\s+(?:of\s+age|old|and\s+over)|[\s-]*(?:year|yr)s?\s*\))",
    re.I,
)
_DURATION_AFTER = re.compile(
    r"(?![\s-]*year[\s-]+on[\s-]+year)(?:\s+and\s+a\s+half)?[\s-]*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|"
    r"weeks?|fortnights?|months?|years?|yrs?|decades?|centur(?:y|ies)|nights?|weekends?)\b",
    re.I,
)
_MEASURE_AFTER = re.compile(
    r"\s?(?:km|kilometres?|kilometers?|miles?|metres?|meters?|mph|kph|km/h|kg|kilos?|"
    r"kilograms?|tonnes?|tons?|cm|mm|ft|feet|foot|inches|acres?|hectares?|sq|square|"
    r"degrees?|°|mw|gw|kw|kwh|litres?|liters?|gallons?|mg|ml|points?)\b",
    re.I,
)
_LABEL_BEFORE = re.compile(
    r"\b(?:motions?|sections?|paragraphs?|para|pages?|pp|items?|no\.?|nos\.?|chapters?|clauses?|"
    r"articles?|versions?|phases?|tiers?|routes?|rooms?|floors?|steps?|stages?|grades?|"
    r"questions?|figures?|tables?|charts?|annex|appendix|level|category|number|bands?|"
    r"junctions?|flights?|platforms?|gates?|zones?|wards?|boxes?|footnotes?|notes?|ref|"
    r"reference|case|cases|bus|buses|lines?|units?|schedule|part|parts|volume|issue|"
    r"regulation|rule|standard|iso|ward|district|covid|key|priority|objective|goal|"
    r"recommendation|option|scenario|plot|block|flat|house|apartment|tower|terminal|"
    r"channel|a|the\s+top|top)\s*$",
    re.I,
)
_RANK_AFTER = re.compile(
    r"\s+(?:largest|biggest|highest|lowest|smallest|greatest|most|least|best|worst|"
    r"busiest|quietest|safest|deadliest|poorest|richest|fastest|slowest|top|richest|"
    r"wealthiest|oldest|youngest|longest|shortest)\b",
    re.I,
)
# Phone numbers ("020 7983 4000", "+44 (0)20 7983 4000") and the numbers people call ("999
# calls", "dial 101"). Each scan opens with the characters a match starts with, so that the
# regular-expression engine skips the rest of the text; what stands before them is
# checked after.
_PHONE = re.compile(
    r"[+(0](?<!\d[+(0])(?:(?<=\+)\d{1,3}\s?\(?0|(?<=\()0|(?<=0))"
    r"\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)"
)
_CALLED = re.compile(
    r"(?:999|111|101|911|112)(?<!\w\d\d\d)(?!\w)"
    r"(?:(?=\s*(?i:calls?|(?:non-)?emergency\s+(?:calls?|line|number|services?)|line|number|"
    r"service|operators?)\b)|(?<=(?i:call|dial|ring|text)\s\d\d\d)(?<!112)|(?<=(?i:phone)\s\d\d\d)(?<!112))"
)
_LIST_MARKER = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.)/]|\(\d{1,3}\))[ \t]")
_LINE_OPENING = re.compile(r"[ \t(•*-]*")  # what may stand before a list marker on its line
_OLD_AFTER = re.compile(r"[\s-]+(?:old|of\s+age)\b", re.I)
# A length of time is a statistic where it is measured ("an average of 1 hour 20 minutes",
# "response times of 8 minutes", "waits of 14 hours"); otherwise it names a period or a
# duration ("a three-year fund", "over two years"): not a claim, but a rate's length.
_MEASURED_BEFORE = re.compile(
    r"(?:\b(?:averag\w*|mean|median|typical(?:ly)?)(?:\s+[\w'’-]+){0,3}?"
    r"|\b(?:averag\w*|mean|median|typical|times?|waits?|delays?)\b[^.;:!?\n]{0,60}?"
    r"\b(?:of|was|were|is|are|at|stood\s+at|fell\s+to|rose\s+to)"
    r"(?:\s+(?:just|only|about|around))?)\s+$",
    re.I,
)
_PER_BEFORE = re.compile(r"\b(?:per|for\s+every|in\s+every)\s+$", re.I)
_YEARLIKE = re.compile(r"^(?:19|20)\d\d$")
_COUNT_NOUN_AFTER = re.compile(r"\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*s\b", re.I)


# Words that open sentences; any other capitalised word right before a bare number makes
# it part of a name: "Group 1", "Quarter 3", "Band D".
_OPENERS = frozenset(
    "in there about some around over nearly almost more only just of the a an by since with "
    "and but for from to at on this that these those it its overall total all another each "
    "every last this so while whilst when after before during between under up down also "
    "including excluding of among across".split()
)
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)\s+$")


def _label(text: str, quantity: Quantity, before: str) -> bool:
    """A bare number that is part of a name ("Group 1 to 5", "Quarter 3")."""
    if (
        quantity.form != "digits"
        or quantity.value >= 1000
        or "," in text[quantity.start : quantity.end]
    ):
        return False
    found = _CAPITALISED_BEFORE.search(before)
    if found and found.group(1).lower() not in _OPENERS:
        return True
    linked = re.search(r"(?<![\w'’-])([A-Z][\w'’-]*)\s+\d{1,3}\s*(?:to|-|–|and)\s*$", before)
    return bool(linked and linked.group(1).lower() not in _OPENERS)


def _not_a_claim(text: str, quantity: Quantity, statement: Statement, line_start: int) -> bool:
    start, end = quantity.start, quantity.end
    written = text[start:end]
    after, before = text[end : end + 40], text[max(0, start - 40) : start]
    if quantity.form == "duration":  # a threshold ("waits of more than 18 weeks") names a group
        if statement.approximation in ("more_than", "up_to") or _OLD_AFTER.match(after):
            return True  # ... and "12 months old" is an age
        return not _MEASURED_BEFORE.search(text, max(0, start - 60), start)
    if _GLUED.match(after) and not after.startswith((".", "/", ":")):
        return True  # 1st, 10am, 4G
    if after[:1] in "/:" and after[1:2].isdigit() or _TIME_AFTER.match(after):
        return True  # 24/7, 10:30, 9am
    if _TIME_BEFORE.search(before) or (before.endswith("[") and after.startswith("]")):
        return True  # the minutes of 14:53; a footnote [2]
    if quantity.unit == "count" and quantity.form in ("digits", "words", "range"):
        if _count_not_a_claim(text, quantity, statement, written, before, after, line_start):
            return True
    return _PER_BEFORE.search(before) is not None and quantity.unit == "count"


def _count_not_a_claim(text, quantity, statement, written, before, after, line_start) -> bool:
    if quantity.form == "digits" and _YEARLIKE.match(written.strip()):
        return True
    if quantity.form == "range" and not _COUNT_NOUN_AFTER.match(after):
        return True  # "18-30", "3-1"
    if _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
        return True
    if (
        _BOUND_BEFORE.search(before)
        and quantity.value <= 120
        and not _COUNT_NOUN_AFTER.match(after)
    ):
        return True
    if _label(text, quantity, before):
        return True
    if _DURATION_AFTER.match(after) or _MEASURE_AFTER.match(after):
        return True
    same_line = before.rsplit("\n", 1)[-1]  # "Page 3", "top three": on the number's line
    if _LABEL_BEFORE.search(same_line) or _RANK_AFTER.match(after):
        return True
    if match_end(_LINE_OPENING, text, line_start) >= quantity.start:
        marker = text[quantity.end : quantity.end + 2]
        if marker[:1] in ".)/" and marker[1:2] in (" ", "\t"):
            return True  # a list marker: "1. ", "2/ ", "(3) "
    if quantity.form == "words" and quantity.value == 1:
        return True  # "one of the", "no one"
    return quantity.form == "words" and statement.approximation != "exact" and quantity.value < 25


# ---- what kind of statement ----------------------------------------------------------------
@dataclass
class Reading:
    """A number read as a claim, before its periods are known."""

    statement: Statement
    start: int
    end: int
    value: float
    unit: str
    kind: str
    direction: str | None
    approximation: str
    role: str | None = None  # "from" / "to" / "than" for levels named by a comparison
    exact: float | None = None
    derived: bool = False
    subject: tuple[int, int] = (0, 0)
    period: Period | None = None
    baseline: Period | None = None
    period_from: str | None = None  # own | sentence | lead-in | previous | context
    baseline_from: str | None = None  # None: its own words; else as period_from
    phrase: PeriodPhrase | None = None  # the "in" phrase attached to it
    baseline_phrase: PeriodPhrase | None = None
    ends_baseline: Period | None = None  # the earlier end of a period that compares two
    notes: list = field(default_factory=list)
    target: bool = False
    per: str | None = None  # a rate's denominator ("year", "100000")
    over: str | None = None  # the length a rate runs for: "3 years"
    over_what: str | None = None  # the word after that length: "fund"
    part_of: Reading | None = None  # "300 of the 1,200": the total
    share_of: Reading | None = None  # "300 (25%)": the part this percent is the share of
    levels: tuple[Reading, Reading] | None = None  # a derived change's two levels
    length_said: tuple[int, str] | None = None  # "the three-month period" and the months


_COMPARISON_LEADS = frozenset(grammar.vocabulary.COMPARISON_LEADS)
_THAN_AFTER = re.compile(r"[^.;:!?]{0,80}?\bthan\b", re.I)
_FROM_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?from\b", re.I)
_SUBJECT_FOLLOWS = re.compile(r"\s+(?:of|in|for|among|across)\b|\s+[a-z][\w'’-]*", re.I)


def _base_reading(text: str, statement: Statement, end: int) -> Reading:
    quantity = statement.quantity
    approximation = statement.approximation
    if quantity.form == "range":
        approximation = "more_than"
    return Reading(
        statement,
        statement.start,
        end,
        quantity.value,
        quantity.unit,
        "level",
        None,
        approximation,
        exact=statement.exact if approximation != "exact" else None,
        per=statement.per,
    )


_UP_TO = re.compile(r"\bup\s+to\s*$", re.I)


# A figure someone aims at rather than one that happened: "a target of 90%", "an ambition
# of 65%", "pledged to halve", "will rise to 70%", "a 95% standard". General English only;
# which figures are targets is the registry's to say (`target: true`).
_AIM_BEFORE = re.compile(
    r"\b(?:targets?|targeting|aim(?:s|ed|ing)?|ambitions?|pledg(?:e|es|ed|ing)|goals?|"
    r"standards?|commitments?|committed\s+to|promis(?:e|es|ed|ing)|forecasts?|forecasted|"
    r"projected|projections?|trajector(?:y|ies)|expected\s+to|plans?\s+to|planned\s+to|"
    r"will|shall)\b(?:\W+\w+){0,8}?\W*\Z",
    re.IGNORECASE,
)
_AIM_AFTER = re.compile(
    r"\s*(?:[a-z-]+\s+)?(?:targets?|goals?|ambitions?|standards?|pledges?)\b", re.IGNORECASE
)


def _aimed_at(text: str, clause_start: int, reading: Reading, clause_end: int) -> bool:
    before = text[max(clause_start, reading.start - 120) : reading.statement.quantity.start]
    after = text[reading.end : min(clause_end, reading.end + 40)]
    return bool(_AIM_BEFORE.search(before) or _AIM_AFTER.match(after))


def _classify(text: str, reading: Reading, clause_end: int) -> None:
    """Kind and direction from the statement's own words."""
    statement, quantity = reading.statement, reading.statement.quantity
    after = text[reading.end : clause_end]
    if reading.approximation == "up_to" and _FROM_AFTER.match(after):
        if _UP_TO.search(text, reading.start, quantity.start):
            reading.approximation, reading.role = "exact", "to"  # "up to 50.4% from 49.3%"
            return
    if quantity.form == "multiple":
        reading.kind, reading.direction = (
            "change",
            "decrease" if quantity.sign == -1 else "increase",
        )
        return
    if quantity.sign is not None and quantity.form != "range" and not statement.change_word:
        reading.kind = "change"
        reading.direction = "decrease" if quantity.sign < 0 else "increase"
        return
    if statement.tail in grammar.statements.NOUNS:
        if reading.unit == "count" and statement.tail.endswith("s"):
            return  # "21,590 gains": a count of events, not a change
        _tail_kind(reading, after)  # "to a 14% rise": the noun after says what it is
        return
    if statement.level_role in ("to", "from"):
        reading.role = statement.level_role
        return
    if statement.change_word and statement.change_before:
        if statement.change_word == "up" and _PHRASAL_UP.search(
            text, max(0, reading.start - 20), reading.start
        ):
            return  # "making up nearly one third": a share, not a rise
        reading.kind, reading.direction = "change", statement.direction
        return
    if statement.tail and statement.change_word:
        _tail_kind(reading, after)
        return
    if quantity.sign is not None:
        reading.kind = "change"
        reading.direction = "decrease" if quantity.sign < 0 else "increase"
        return
    if statement.increment and not _NET_BEFORE.search(text, max(0, reading.start - 6), reading.end):
        if not (reading.unit in _MONEY and _NEW.search(text, reading.start, quantity.start)):
            reading.kind = "increment"  # but "a new £45m fund" is the fund's size
            return
    named = _NOUN_THEN_OF.search(text, max(0, quantity.start - 80), quantity.start)
    if named and not statement.change_word:
        reading.kind = "change"  # "a rise in rents of 9%": a change of rents
        reading.direction = grammar.statements.DIRECTIONS[named.group(1).lower()]
        reading.subject = named.span(2)
        return
    _level_role(reading)


# A change noun whose "of" comes after what changed: "a rise in rents of 9%", "a total
# increase to Council Tax of 4.75%".
_NOUN_THEN_OF = re.compile(
    rf"(?<![\w-])({grammar.statements.CHANGE_NOUN})\s+(?:in|to|on|for)\s+"
    r"((?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+of\s+\Z",
    re.I,
)


_MONEY = ("GBP", "USD", "EUR")
_NEW = re.compile(r"\bnew\b", re.I)
_NET_BEFORE = re.compile(r"\bnet\s+(?:additional|new|extra)\b", re.I)


def _tail_kind(reading: Reading, after: str) -> None:
    statement = reading.statement
    word = statement.tail
    if word in ("up", "down") and _FROM_AFTER.match(after):
        reading.role = "to"  # "104 down from 125": the later level
        return
    if word == "more" and reading.unit == "count" and not _THAN_AFTER.match(after):
        reading.kind = "increment"  # "2,000 more places"
        return
    reading.kind, reading.direction = "change", statement.direction


def _level_role(reading: Reading) -> None:
    statement = reading.statement
    lead = statement.level_role
    if lead in _COMPARISON_LEADS:
        reading.role = "than"
    if statement.article == "the" and reading.approximation in ("more_than", "up_to"):
        reading.role, reading.approximation = "than", "exact"  # "below the 4.1 billion"


def _inherit(readings: list[Reading], text: str) -> None:
    """A bare number beside a change takes its kind: "fallen by 143,113 (45%)",
    "2,967 fewer crimes, or -3.4%", "fell 27.4 per cent and 14.9 per cent respectively"."""
    for previous, reading in zip(readings, readings[1:], strict=False):
        statement = reading.statement
        if reading.kind != "level" or reading.role or statement.level_role or statement.by:
            if not (statement.by and reading.kind == "level"):
                continue
        if previous.kind != "change":
            continue
        between = text[previous.end : reading.start]
        if "(" in between and _dated_bracket(text, reading.start):
            continue  # "(30,574 crimes in 2023)": a level at a time, not the change again
        respectively = statement.tail == "respectively"
        if _apposition(between) or (
            (previous.unit == reading.unit or respectively) and _coordination(between, statement)
        ):
            reading.kind = "change"
            reading.direction = previous.direction
            if reading.statement.quantity.sign is not None:
                reading.direction = (
                    "decrease" if reading.statement.quantity.sign < 0 else "increase"
                )


_APPOSITION = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}?(?:\(|,?\s*or\s+|/\s*)$", re.I)
# Between two coordinated figures: separators and place phrases ("in London", "for
# under-25s"), in any order. Read by _coordination as a walk over the positions these
# reach, which takes time linear in the text (a regular expression of optional parts
# repeated backtracks exponentially on a run of spaces).
_SEPARATOR = re.compile(r"\s*(?:,|;|(?:and|or|while|but)\b)", re.I)
_PLACE_HEAD = re.compile(r"\s*(?:in|for|among|of|across)\s+", re.I)
_PLACE_WORDS = 60  # characters a place phrase runs to, at most
_COORDINATION_LENGTH = 200


_DATED = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\s(?:to|vs\.?|versus)\s", re.I)


def _dated_bracket(text: str, start: int) -> bool:
    close = text.find(")", start, start + 120)
    return close >= 0 and bool(_DATED.search(text, start, close))


def _lone_from(readings: list[Reading]) -> None:
    """ "This resulted from 198,610 new build homes": a "from" that starts no comparison
    (no change before it, no "to" level after it) names a plain level."""
    for index, reading in enumerate(readings):
        if reading.role != "from":
            continue
        change_before = any(r.kind == "change" for r in readings[:index])
        paired = any(r.role == "to" for r in readings if r is not reading)
        if not change_before and not paired and index == 0:
            reading.role = None


def _inherit_backwards(readings: list[Reading], text: str) -> None:
    """ "a £14.00 or 5.05% increase": the first of two numbers sharing a change noun."""
    for reading, following in zip(readings, readings[1:], strict=False):
        if reading.kind != "level" or reading.role or following.kind != "change":
            continue
        if reading.statement.level_role or reading.statement.tail:
            continue
        if following.statement.change_before or following.statement.tail is None:
            continue  # "23,640, up nearly 1,500": the change is the second number's own
        if re.fullmatch(r"\s*(?:or|and|,)\s*", text[reading.end : following.start]):
            reading.kind, reading.direction = "change", following.direction


def _apposition(between: str) -> bool:
    return bool(_APPOSITION.match(between))


def _coordination(between: str, statement: Statement) -> bool:
    if statement.tail not in ("respectively", None):
        return False
    text = between.rstrip()
    if len(text) > _COORDINATION_LENGTH:
        return False
    reached = [False] * (len(text) + 1)
    reached[0] = True
    for position in range(len(text)):
        if not reached[position]:
            continue
        separator = _SEPARATOR.match(text, position)
        if separator:
            reached[separator.end()] = True
        for end in _place_ends(text, position):
            reached[end] = True
    return reached[len(text)]


def _place_ends(text: str, position: int) -> list[int]:
    """Where a place phrase starting at `position` may end: before a space or at the end."""
    head = _PLACE_HEAD.match(text, position)
    if not head:
        return []
    ends = []
    for end in range(head.end() + 1, min(len(text), head.end() + _PLACE_WORDS) + 1):
        if text[end - 1] in ",;.()" or text[end - 1].isdigit():
            break
        if end == len(text) or text[end].isspace() or text[end] in ",;":
            ends.append(end)
    return ends


def _by_direction(text: str, reading: Reading, since: int, previous: Reading | None) -> None:
    """ "cut knife crime by half", "reduce killings by 15%": a change whose verb stands
    earlier in the clause; "fallen by 7.2% ... and by 35.1%": the change before it."""
    if not reading.statement.by or reading.kind != "level":
        return
    found = grammar.statements.last_change_verb(text, since, reading.start)
    if not found and previous is not None and previous.kind == "change":
        found = (
            previous.direction
            if re.search(r"\band\b|,", text[previous.end : reading.start])
            else None
        )
    if found:
        reading.kind, reading.direction = "change", found


# ---- a sentence ----------------------------------------------------------------------------
def _periods(text: str, start: int, end: int) -> list[PeriodPhrase]:
    found: list[PeriodPhrase] = []
    covered = start
    for anchor in grammar.period_anchors(text, start, end):
        if anchor < covered:
            continue
        parsed = grammar.period_at(text, anchor, covered, end)
        if parsed:
            found.append(parsed[0])
            covered = parsed[1]
    return found


_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\S+\.(?:pdf|html?|aspx?|php)\b", re.I)
_ADDRESS_MARK = re.compile(r"://|www\.|@|\.(?:pdf|PDF|html?|HTML?|aspx?|php)\b")
_WORD_END = re.compile(r"\S*")


def _addresses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Web and mail addresses: found by their marks ("://", "@", ".pdf"), then read whole
    within the run of non-space characters that holds the mark."""
    found: list[tuple[int, int]] = []
    for mark in _ADDRESS_MARK.finditer(text, start, end):
        if found and mark.start() < found[-1][1]:
            continue
        left = max(text.rfind(" ", start, mark.start()), text.rfind("\n", start, mark.start())) + 1
        right = min(match_end(_WORD_END, text, mark.end()), end)
        address = _ADDRESS.search(text, max(left, start), right)
        if address:
            found.append(address.span())
    return found


def _phones(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Phone numbers, web and mail addresses: spans whose digits are not figures."""
    found = [m.span() for scan in (_PHONE, _CALLED) for m in scan.finditer(text, start, end)]
    return found + _addresses(text, start, end)


_LABEL_LIST = re.compile(r"\s*(?:,|and|or|to|-|–|&)\s*")  # "motions 3.3 and 3.4"


def _is_label(text: str, quantity: Quantity) -> bool:
    before = text[max(0, quantity.start - 40) : quantity.start]
    return bool(_LABEL_BEFORE.search(before)) or _label(text, quantity, before)


def _before_a_date(text: str, quantity: Quantity, covered: _Spans) -> bool:
    """ "1 6 JUL 2018": a bare number run into a date stamp."""
    if quantity.unit != "count" or quantity.form != "digits":
        return False
    rest = text[quantity.end : quantity.end + 3]
    return rest[:1] == " " and rest[1:2].isdigit() and covered.starts_at(quantity.end + 1)


class _Spans:
    """The spans of a sentence that hold no figure (periods, phones, addresses), looked up
    by position in logarithmic time, so that a long sentence stays linear."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.ends = sorted(b for _, b in self.spans)
        self.reach = list(itertools.accumulate((b for _, b in self.spans), max))

    def hold(self, position: int) -> bool:
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and self.reach[index] > position

    def starts_at(self, position: int) -> bool:
        index = bisect.bisect_left(self.starts, position)
        return index < len(self.starts) and self.starts[index] == position

    def last_end(self, position: int, floor: int) -> int:
        """The last end at or before `position`, or `floor` if later."""
        index = bisect.bisect_right(self.ends, position)
        return max(floor, self.ends[index - 1]) if index else floor

    def between(self, start: int, stop: int):
        """The spans that start in [start, stop)."""
        index = bisect.bisect_left(self.starts, start)
        while index < len(self.spans) and self.starts[index] < stop:
            yield self.spans[index]
            index += 1


def _readings(
    text: str, start: int, end: int, phrases, line_start: int, lengths: list | None = None
) -> list[Reading]:
    """The claims of text[start:end], in order, kinds read but periods not yet; the
    lengths of time that are not claims ("a three-year fund") go to `lengths`."""
    covered = _Spans([(p.start, p.end) for p in phrases] + _phones(text, start, end))
    found: list[Reading] = []
    floor = start
    label_end = -1  # where the last number read as a label ended
    for anchor in grammar.quantity_anchors(text, start, end):
        if anchor < floor or covered.hold(anchor):
            continue
        lead_floor = covered.last_end(anchor, floor)
        parsed = grammar.statement_at(text, anchor, lead_floor, end)
        if parsed is None:
            continue
        statement, stop = parsed
        quantity = statement.quantity
        if label_end >= 0 and _LABEL_LIST.fullmatch(text, label_end, quantity.start):
            floor = label_end = quantity.end  # "motions 3.3 and 3.4"
            continue
        if _not_a_claim(text, quantity, statement, line_start) or _before_a_date(
            text, quantity, covered
        ):
            floor = max(floor, quantity.end)
            if quantity.form == "duration" and lengths is not None:
                lengths.append(quantity)
            if _is_label(text, quantity):
                label_end = quantity.end
            continue
        if any(quantity.end <= b for _, b in covered.between(anchor, stop)):
            stop = statement.quantity.end
        reading = _base_reading(text, statement, stop)
        if statement.exact is not None:
            # "more than 600 (584)": the exact figure is a claim of its own as well.
            reading.end = stop = statement.quantity.end
        found.append(reading)
        floor = stop
    return found


@dataclass
class Sentence:
    start: int
    end: int
    block: int
    phrases: list[PeriodPhrase]
    readings: list[Reading]
    header_phrases: list[PeriodPhrase] = field(default_factory=list)  # a table column's


def _clause_bounds(text: str, start: int, end: int, position: int) -> tuple[int, int]:
    """The clause (between semicolons) that holds `position`."""
    left = text.rfind(";", start, position)
    right = text.find(";", position, end)
    return (left + 1 if left >= 0 else start), (right if right >= 0 else end)


def _read_sentence(text: str, start: int, end: int, block: int, line_start: int) -> Sentence:
    phrases = _periods(text, start, end)
    lengths: list[Quantity] = []
    readings = _readings(text, start, end, phrases, line_start, lengths)
    previous = None
    for reading in readings:
        clause_start, clause_end = _clause_bounds(text, start, end, reading.start)
        _classify(text, reading, clause_end)
        reading.target = _aimed_at(text, clause_start, reading, clause_end)
        _by_direction(
            text, reading, max(clause_start, previous.end if previous else start), previous
        )
        previous = reading
    _lone_from(readings)
    _inherit(readings, text)
    _inherit_backwards(readings, text)
    _range_bounds(readings)
    bounds = _between_bounds(text, readings)
    phrase_starts = {  # "in this year's budget" names the budget, not a period
        phrase.start for phrase in phrases if text[phrase.end : phrase.end + 1] not in ("'", "’")
    }
    for index, reading in enumerate(readings):
        if reading.subject[1] > reading.subject[0]:
            continue  # named with its change: "a rise in rents of 9%"
        following = readings[index + 1].start if index + 1 < len(readings) else end
        previous_end = readings[index - 1].end if index else start
        reading.subject = _subject_span(
            text, reading, (previous_end, following), (start, end), phrase_starts
        )
        if reading.subject[1] <= reading.subject[0] and index:
            before = readings[index - 1]
            bracket = _RESTATED.match(text, before.end)
            restates = bracket is not None and reading.end <= bracket.end()
            if reading.role in ("to", "from") or before.exact == reading.value or restates:
                # "from 2,117 to 2,390", "rose to 2.6% from 2.8%", "nearly 500 (497)",
                # "almost a quarter (24%)"
                reading.subject = before.subject
            elif reading.kind == "change" and before.kind in ("level", "increment", "change"):
                reading.subject = before.subject  # "reached 3.7 billion ..., up 1% on ..."
    _fronted_qualifier(text, start, readings)
    _rates_after_words(text, readings, end)
    for low, high in bounds:
        low.subject = high.subject  # "between 250 and 300 homicides"
    _relations(text, readings, lengths)
    said = _length_said(text, phrases, lengths)
    for reading in readings:
        reading.length_said = said
    return Sentence(start, end, block, phrases, readings)


# "the same three-month period", "the two-month period June to August", "the three
# months from June to August": a length said of the period a sentence names.
_PERIOD_AFTER = re.compile(r"[\s-]*period\b", re.I)
_OPENS_PERIOD = re.compile(r"\s*(?:period\s+)?(?:of\s+|from\s+|between\s+|,\s*)?", re.I)


def _length_said(text: str, phrases, lengths: list[Quantity]) -> tuple[int, str] | None:
    """(months said, the interval it is said of as written in ISO) when a sentence gives
    one interval of whole months and one length of months for it."""
    intervals = [p for p in phrases if _month_interval(p.spec)]
    said = [q for q in lengths if q.unit == "months" and float(q.value).is_integer()]
    if len(intervals) != 1 or len(said) != 1:
        return None
    phrase, length = intervals[0], said[0]
    opens = match_end(_OPENS_PERIOD, text, length.end)
    if not _PERIOD_AFTER.match(text, length.end) and opens < phrase.start:
        return None
    written = _month_interval(phrase.spec)
    return (int(length.value), written) if written else None


def _month_interval(spec) -> str | None:
    """ "2023-10/2024-01" for "between October 2023 and January 2024" (the first year,
    when not written, the one that puts it before the second)."""
    if spec.kind != "interval" or spec.parts is None:
        return None
    first, second = (part.start for part in spec.parts)
    if first is None or second is None or not first.month or not second.month:
        return None
    if second.year is None or first.day or second.day:
        return None
    year = first.year or (second.year if first.month <= second.month else second.year - 1)
    return f"{year}-{first.month:02d}/{second.year}-{second.month:02d}"


# "In London, ...", "Outside London, ...", "Excluding the Elizabeth line, ...": a phrase
# before the sentence's first comma that narrows every figure in it. Periods ("In 2024,")
# are read as periods, not as qualifiers.
_FRONTED = re.compile(
    r"[\W_]{0,4}(?:\d{1,2}[/.)]\s+)?((?:in|outside(?:\s+of)?|excluding|including|across|among|within|for)"
    r"\s+[^,.;:\d()]{2,60}?),",
    re.IGNORECASE,
)


def _fronted_qualifier(text: str, start: int, readings: list[Reading]) -> None:
    found = _FRONTED.match(text, start)
    if not found or not readings or readings[0].start < found.end():
        return
    if grammar.period_anchors(text, found.start(1), found.end(1)):
        return  # "In the year to March," "For 2024/25,"
    phrase = " ".join(found.group(1).split())
    for reading in readings:
        if reading.subject[0] >= found.end():
            reading.notes.append(("fronted", phrase))


def _range_bounds(readings: list[Reading]) -> None:
    """ "81-84%" is two bounds: at least 81, at most 84 (each its own claim)."""
    found = []
    for reading in readings:
        found.append(reading)
        quantity = reading.statement.quantity
        if quantity.form != "range" or quantity.high is None:
            continue
        upper = Reading(**{**reading.__dict__, "value": quantity.high, "approximation": "up_to"})
        upper.notes = []
        found.append(upper)
    readings[:] = found


_BETWEEN = re.compile(r"(?<![\w-])between\s+\Z", re.I)
_AND = re.compile(r"\s+and\s+")


def _between_bounds(text: str, readings: list[Reading]) -> list[tuple[Reading, Reading]]:
    """ "between 250 and 300 homicides": two bounds, at least the first and at most the
    second, of the same thing. Returns the pairs."""
    pairs = []
    for low, high in zip(readings, readings[1:], strict=False):
        opening = low.statement.quantity.start
        if not _BETWEEN.search(text, max(0, opening - 10), opening):
            continue
        if low.approximation != "exact" or high.approximation != "exact":
            continue
        if _AND.fullmatch(text, low.end, high.start) is None or low.kind != high.kind:
            continue
        low.approximation, high.approximation = "more_than", "up_to"
        pairs.append((low, high))
    return pairs


_BRACKET = re.compile(r"\s*\([^()]{0,40}\)")
# The same figure again in brackets, another way: "almost a quarter (24%)", "£1.2m (£1,200,000)"
_RESTATED = re.compile(r"\s*\(\s*[£$€]?\d[\d,.]*\s*(?:%|per\s?cent|m|bn|million|billion)?\s*\)")


_GAP = re.compile(r"\s*")


def _subject_span(
    text: str, reading: Reading, neighbours, sentence, phrase_starts
) -> tuple[int, int]:
    """The subject's (start, end): after the statement ("a 24% fall in homicides") or
    before it ("Homicides fell 24%"); never a period phrase that follows it ("4.3% in the
    three months to August": what stood at 4.3% is written before)."""
    start = reading.start
    end = reading.end
    if reading.kind == "level" and reading.statement.increment:
        end = reading.statement.quantity.end  # "234,400 net additional dwellings"
    restated = _RESTATED.match(text, end)  # "almost a quarter (24%) of children"
    if reading.statement.exact is not None or restated:  # "nearly 500 (497) people"
        bracket = restated or _BRACKET.match(text, end)
        end = bracket.end() if bracket else end
    before = subject.before(text, start, max(neighbours[0], sentence[0]))
    if match_end(_GAP, text, end) in phrase_starts:
        return _without_period(text, *before)
    after = subject.after(text, end, neighbours[1] if neighbours[1] >= end else sentence[1])
    follows = _subject_follows(text, reading, end)
    first, second = (after, before) if follows else (before, after)
    return _without_period(text, *(first if first[1] > first[0] else second))


def _without_period(text: str, start: int, end: int) -> tuple[int, int]:
    """A subject without the period phrase at its end ("households ... at the end of
    March") or its start ("Last year rough sleeping"); none when it is only a period ("in
    June" between "to 2.6%" and "from 2.8%")."""
    period = subject.period_span(text, start, end)
    if period is None or text[period[1] : period[1] + 1] in ("'", "’"):
        return start, end  # "this year's budget" names the budget
    if period[0] > start:
        end = period[0]
    elif period[1] < end:
        start = period[1]
    else:
        return start, start
    while end > start and text[end - 1] in " ,\n":
        end -= 1
    while start < end and text[start] in " ,\n":
        start += 1
    if subject.names_nothing(text[start:end]):
        return start, start  # "and" left of "between 2022 and 2023"
    return start, end


_NOUN_AFTER = re.compile(
    r"\s+(?:of\s+|in\s+(?!(?:19|20)\d\d|the\s+(?:year|12|twelve|same|last|previous|first))|"
    r"among\s+|for\s+(?!the\s+(?:year|same|period))|(?!(?:in|on|at|for|from|to|by|of|and|or|the|a|"
    r"an|was|were|is|are|be|been|being|has|have|had|will|would|can|could|may|might|should|must|compared|than|since|during|between|over|under|"
    r"per|each|every|as|this|that|which|who|when|while|with|after|before|respectively|on|year|"
    r"years|month|months|last|so)\b)[A-Za-z])",
)


def _subject_follows(text: str, reading: Reading, end: int) -> bool:
    """Is the statement about what is written after it (from `end`: "a 24% fall in
    homicides", "216 knife-enabled homicides") rather than before ("Homicides fell 24%",
    "rose to 46,265")?"""
    statement = reading.statement
    if statement.quantity.form == "multiple":
        return False  # a verb: "has tripled in a decade"
    if reading.role == "than" or statement.by:
        return False
    if reading.kind == "change" and statement.change_before:
        return statement.change_word in grammar.statements.NOUNS
    if _SHARE_VERB.search(text, max(0, statement.quantity.start - 40), statement.quantity.start):
        return False  # "women officers making up nearly one third of all officers"
    if statement.exact is not None:
        return True
    if reading.unit in _MONEY and _MONEY_FOR.match(text, end):
        return True  # "£1.5m to specialist youth workers", "£2m for services"
    return bool(_NOUN_AFTER.match(text, end))


_SHARE_VERB = re.compile(
    r"\b(?:mak(?:e|es|ing)\s+up|made\s+up|account(?:s|ing|ed)?\s+for|represent(?:s|ing|ed)?|"
    r"compris(?:e|es|ing|ed))\s+(?:[\w-]+\s+)?\Z",
    re.I,
)
# "making up 33%", "set up 5 teams": 'up' belongs to the verb before it, not to a rise.
_PHRASAL_UP = re.compile(
    r"\b(?:mak\w*|made|end\w*|add\w*|sum\w*|sets?|setting|tak\w*|took|pick\w*|turn\w*|"
    r"show\w*|puts?|putting|brought|bring\w*|buil\w+|sign\w*|join\w*|open\w*|back\w*|step\w*|"
    r"lin\w*|team\w*|shor\w*|clean\w*|follow\w*|mop\w*|round\w*|stock\w*|speak\w*|spoke|"
    r"tot\w*|cheer\w*|free\w*|sp\w+)\s+\Z",
    re.I,
)
_MONEY_FOR = re.compile(
    r"\s+(?:to|for|on|towards|into|in)\s+(?!(?:19|20)\d\d|the\s+year)[a-z]", re.I
)


# ---- how the figures of a sentence stand to each other (for the arithmetic check) ----------
# "300 of the 1,200", "£39m and £19.8m of the extra £50m", "300 out of 1,200 cases"
_PART_OF = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,3}?(?:out\s+)?of\s+(?:(?:the|all|its|their|this|that|these|those|"
    r"a|an|total|extra|additional|overall|whole|entire)\s+){0,3}(?:total\s+of\s+)?",
    re.I,
)
# "1,200 cases, of which 300"
_OF_WHICH = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,3}?,?\s*of\s+(?:which|whom)\s+(?:[\w'’-]+\s+){0,2}?", re.I
)
_PARTS_JOINED = re.compile(r"\s*(?:,|and|,\s*and)\s*", re.I)
_SHARE_BRACKET = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}?\(\s*", re.I)
_AMOUNT = ("count", "GBP", "USD", "EUR")
_NAMED_BY_LENGTH = re.compile(r"\s+([A-Za-z][\w'’-]*)")  # "a three-year fund"


def _relations(text: str, readings: list[Reading], lengths: list[Quantity]) -> None:
    """Parts and their total, shares of a part, and the length a rate runs for."""
    for index, reading in enumerate(readings):
        if reading.per in ("day", "week", "month", "year") and lengths:
            length = lengths[0]
            reading.over = f"{plain(length.value)} {length.unit}"
            named = _NAMED_BY_LENGTH.match(text, length.end)
            reading.over_what = named.group(1) if named else None
        if not _amount_level(reading):
            continue
        following, gap = _after_share(text, readings, index)
        if following is None:
            continue
        between = (gap, _number(following))
        if _amount_level(following) and following.unit == reading.unit:
            if _PART_OF.fullmatch(text, *between):
                for part in _joined_before(text, readings, index):
                    part.part_of = following
            elif _OF_WHICH.fullmatch(text, *between):
                following.part_of = reading
    for index, reading in enumerate(readings):
        if reading.unit == "percent" and reading.kind == "level" and index:
            _share(text, readings, readings[index - 1], reading)


def _rates_after_words(text: str, readings: list[Reading], end: int) -> None:
    """ "130 assaults per 100,000 population": a rate whose denominator follows its noun;
    the subject stops before it."""
    for index, reading in enumerate(readings):
        if reading.per or reading.unit not in _AMOUNT or reading.kind != "level":
            continue
        stop = readings[index + 1].start if index + 1 < len(readings) else end
        found = grammar.statements.per_after_words(text, reading.statement.quantity.end, stop)
        if found is None:
            continue
        reading.per = found[0]
        if reading.subject[0] < found[1] < reading.subject[1] + 12:
            reading.subject = (reading.subject[0], found[1])
        reading.subject = _trimmed(text, *reading.subject)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,\n":
        end -= 1
    return start, end


def _after_share(text: str, readings: list[Reading], index: int):
    """The reading after readings[index], past a bracketed share right after it ("300
    (25%) of the 1,200"), and where the words between them start."""
    if index + 1 >= len(readings):
        return None, 0
    following, gap = readings[index + 1], readings[index].end
    if following.unit == "percent" and _SHARE_BRACKET.fullmatch(text, gap, _number(following)):
        closing = re.compile(r"\s*\)").match(text, following.end)
        if closing is None or index + 2 >= len(readings):
            return None, 0
        following, gap = readings[index + 2], closing.end()
    return following, gap


def _number(reading: Reading) -> int:
    return reading.statement.quantity.start


def plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _amount_level(reading: Reading) -> bool:
    return reading.kind in ("level", "increment") and reading.unit in _AMOUNT and not reading.per


def _joined_before(text: str, readings: list[Reading], index: int) -> list[Reading]:
    """The part at `index` and the parts joined to it before ("£39m and £19.8m")."""
    parts = [readings[index]]
    while index and _PARTS_JOINED.fullmatch(
        text, readings[index - 1].end, _number(readings[index])
    ):
        index -= 1
        joined = readings[index]
        if not _amount_level(joined) or joined.unit != parts[0].unit:
            break
        if joined.part_of is not None or any(r.part_of is joined for r in readings):
            break  # "5 of the 10 and 8 of the 9": the 10 is a total, not a part of the 9
        parts.append(joined)
    return parts


def _share(text: str, readings: list[Reading], before: Reading, percent: Reading) -> None:
    """ "300 (25%) of the 1,200", "300 of the 1,200 cases (25%)": a percent in brackets
    right after a part, or after a total with one part, is the part's share of it."""
    if not _SHARE_BRACKET.fullmatch(text, before.end, _number(percent)):
        return
    if not re.match(r"\s*\)", text[percent.end : percent.end + 3]):
        return
    if before.part_of is not None:
        percent.share_of = before
        return
    parts = [r for r in readings if r.part_of is before]
    if len(parts) == 1:
        percent.share_of = parts[0]


# ---- a document ----------------------------------------------------------------------------
def extract(document: Document, fy_start: int = 4) -> list[Claim]:
    """Every statistical statement in the document, in reading order. `fy_start` is the
    month a financial year starts in ("2024/25"): April unless the registry says."""
    text = document.text
    if document.cells:
        text = document.masked([(cell.start, cell.end) for cell in document.cells]).text
    block_list = blocks(text)
    lines = _LineStarts(text)  # masking keeps every line where it was
    read = [
        _read_sentence(text, s.start, s.end, s.block, lines.of(s.start))
        for s in sentences(text, block_list)
    ]
    _changes_named_before(text, read, block_list)
    read += _cells(document, lines)
    context = scope.Context(document, block_list, fy_start)
    claims: list[Claim] = []
    for sentence in sorted(read, key=lambda s: s.start):
        readings = context.assign(sentence)
        for reading in readings + _implied_changes(readings):
            claims.extend(_claims(document, reading, sentence, lines, context.today))
    return sorted(claims, key=lambda claim: claim.end if claim.derived else claim.start)


def _implied_changes(readings: list[Reading]) -> list[Reading]:
    """ "from 2,117 in 2019 to 2,390 in 2024": the change the two levels imply, marked as
    derived (no one wrote it; the arithmetic check compares a stated change with it)."""
    found = []
    for first, second in zip(readings, readings[1:], strict=False):
        if (first.role, second.role) == ("to", "from"):  # "up by 137 to 14,817 from 14,680"
            first, second = second, first
        elif (first.role, second.role) != ("from", "to"):
            continue
        if first.unit != second.unit or first.per != second.per:
            continue
        if first.kind != "level" or second.kind != "level" or first.value == second.value:
            continue
        if first.unit in ("percent", "percentage_points"):
            # to the millionth: 2.6 - 2.8 is -0.2, not binary floating point's -0.19999...
            value, unit = round(second.value - first.value, 6), "percentage_points"
        elif first.value:
            value, unit = round((second.value - first.value) / first.value * 100, 1), "percent"
        else:
            continue
        implied = Reading(
            second.statement,
            min(first.start, second.start),
            max(first.end, second.end),
            abs(value),
            unit,
            "change",
            "decrease" if value < 0 else "increase",
            "exact",
            derived=True,
            subject=first.subject,
            period=second.period,
            baseline=first.period,
            period_from=second.period_from,
            baseline_from=first.period_from if first.period_from != "own" else None,
            levels=(first, second),
        )
        found.append(implied)
    return found


_LEAD_IN_CHANGE = re.compile(r"(\w+)(?:\s+by)?\s*:\s*$")
_REFERS_BACK = re.compile(r"\W{0,8}(?:these|this|those|they)\s+(?:are|is|were|was)\b", re.I)


def _changes_named_before(text: str, read: list[Sentence], block_list) -> None:
    """Bare numbers that a change named just before them describes: the items of "Local
    bus fares increased by:", and "These are ... (6.4% / 4.02%)" after "the percentage
    rises are lower"."""
    for previous, sentence in zip([None, *read], read, strict=False):
        direction = None
        block = block_list[sentence.block]
        if block.item and block.lead_in is not None:
            lead_in = block_list[block.lead_in]
            # only its last words can say "increased by:"
            found = _LEAD_IN_CHANGE.search(text, max(lead_in.start, lead_in.end - 80), lead_in.end)
            if found:
                direction = grammar.statements.DIRECTIONS.get(found.group(1).lower())
        elif previous is not None and _REFERS_BACK.match(text, sentence.start):
            if not any(r.kind == "change" for r in previous.readings):
                written = text[previous.start : previous.end]
                direction = grammar.statements.change_noun_direction(written)
        if direction:
            for reading in sentence.readings:
                if _bare(reading):
                    reading.kind, reading.direction = "change", direction


def _bare(reading: Reading) -> bool:
    statement = reading.statement
    return (
        reading.kind == "level"
        and not reading.role
        and statement.level_role is None
        and statement.tail is None
        and reading.unit in ("percent", "percentage_points")
    )


class _LineStarts:
    """Where the line that holds an offset starts, found by bisection: searching back for
    a newline from every figure would take quadratic time on a line of a megabyte."""

    def __init__(self, text: str):
        self._starts = line_starts(text)

    def of(self, position: int) -> int:
        return self._starts[bisect.bisect_right(self._starts, position) - 1]


_HEADER_PERCENT = re.compile(r"%|\bper\s?cent\b|\bpercent(?:age)?\b", re.I)
_HEADER_MONEY = {"£": "GBP", "$": "USD", "€": "EUR"}


def _cells(document: Document, lines: _LineStarts) -> list[Sentence]:
    """Table cells, each read on its own: its row header is the subject when it names
    none, and its column header gives the periods, unit and kind it does not write."""
    found = []
    row_phrases: list[PeriodPhrase] = []
    row = None
    for cell in document.cells:
        sentence = _read_sentence(document.text, cell.start, cell.end, -1, cell.start)
        header_phrases = _periods(cell.column_header, 0, len(cell.column_header))
        header_phrases = header_phrases or _label_period(cell)
        if (cell.row_header, lines.of(cell.start)) != row:
            row, row_phrases = (cell.row_header, lines.of(cell.start)), []
        row_phrases = header_phrases or row_phrases  # a column names its years once
        if not sentence.phrases:
            sentence.header_phrases = row_phrases
        for reading in sentence.readings:
            names = any(character.isalpha() for character in cell.row_header)
            if reading.subject[1] <= reading.subject[0] and names:  # not a row number
                reading.notes.append(("row", cell.row_header))
            _from_header(reading, cell.column_header)
        found.append(sentence)
    return found


_SCHOOL_YEAR = re.compile(r"\b(?:school|academic)\s+year\b", re.I)


def _label_period(cell) -> list[PeriodPhrase]:
    """A row whose label is a period ("2022/23", "Q1 2025") is for that period; under a
    header of school years, "2022/23" is the school year."""
    label = " ".join(cell.row_header.split())
    if _SCHOOL_YEAR.search(cell.column_header):
        label = f"school year {label}"
    phrases = _periods(label, 0, len(label))
    whole = len(phrases) == 1 and not label[: phrases[0].start].strip(" (")
    return phrases if whole and not label[phrases[0].end :].strip(" )") else []


def _from_header(reading: Reading, header: str) -> None:
    """ "£", "(%)", "Increase in trips 2012 to 2013": what a column says of its cells."""
    written = header.strip()
    if reading.unit == "count":
        if written in _HEADER_MONEY or written.strip("()") in _HEADER_MONEY:
            reading.unit = _HEADER_MONEY[written.strip("()")]
        elif _HEADER_PERCENT.search(written):
            reading.unit = "percent"
    if reading.kind == "level" and not reading.role and reading.statement.level_role is None:
        direction = grammar.statements.last_change_verb(written, 0, len(written))
        direction = direction or grammar.statements.change_noun_direction(written)
        if direction:
            reading.kind, reading.direction = "change", direction


# Lead words that say nothing of the figure ("there has been a", "compared with"): a
# statement's location starts after them.
_PLAIN_LEAD = re.compile(
    r"(?:(?:"
    + "|".join(
        re.escape(word).replace(r"\ ", r"\s+")
        for word in sorted(
            {*grammar.vocabulary.LEVEL_LEADS, *grammar.vocabulary.ARTICLES}, key=len, reverse=True
        )
    )
    + r"|just|only|merely|now|existing|record|total|net|new(?=\s+[£$€]))\s+)+",
    re.I,
)


def _number_at(reading: Reading | None) -> int | None:
    return _number(reading) if reading is not None else None


def _claims(
    document: Document, reading: Reading, sentence: Sentence, lines: _LineStarts, dated
) -> list[Claim]:
    text = document.text
    subject_start, subject_end = reading.subject
    # The statement's own words from the line its number is on, and its subject when
    # written after it: a location points at the figure.
    line_start = lines.of(reading.statement.quantity.start)
    span_start = max(reading.start, line_start)
    plain = _PLAIN_LEAD.match(text, span_start)
    if plain and plain.end() <= reading.statement.quantity.start:
        span_start = plain.end()
    if subject_end > subject_start and line_start <= subject_start < span_start:
        if not re.search(r"\d", text[subject_end:span_start]):
            span_start = subject_start  # "Homicides fell 21%": the subject on the number's line
    span_end = max(reading.end, subject_end if subject_start >= reading.end else 0)
    line, column, end_line, end_column = document.span(span_start, span_end)
    written = " ".join(text[subject_start:subject_end].split())
    for kind, value in reading.notes:
        if kind == "row" and not written:
            written = " ".join(value.split())
        if kind == "fronted" and written:
            written = f"{value} {written}"  # "In London, 1,318 people ...": not England's
    signed = (
        -reading.value
        if reading.kind == "change" and reading.direction == "decrease"
        else reading.value
    )
    return [
        Claim(
            path=document.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            start=span_start,
            end=span_end,
            text=" ".join(text[span_start:span_end].split()),
            subject=written,
            value=signed,
            unit=reading.unit,
            kind=reading.kind,
            direction=reading.direction if reading.kind == "change" else None,
            approximation=reading.approximation,
            baseline=str(reading.baseline)
            if reading.baseline and reading.kind in ("change", "increment")
            else None,
            period=str(reading.period) if reading.period else None,
            exact=reading.exact,
            derived=reading.derived,
            period_from=reading.period_from,
            baseline_from=reading.baseline_from
            if reading.kind in ("change", "increment")
            else None,
            target=reading.target,
            per=reading.per,
            role=reading.role if reading.kind == "level" else None,
            number_at=reading.statement.quantity.start,
            sentence=sentence.start,
            clause=_clause_bounds(text, sentence.start, sentence.end, _number(reading))[0],
            block=sentence.block,
            levels=(_number(reading.levels[0]), _number(reading.levels[1]))
            if reading.levels
            else None,
            part_of=_number_at(reading.part_of),
            share_of=_number_at(reading.share_of),
            over=reading.over,
            over_what=reading.over_what,
            step=reading.statement.quantity.step,
            length_said=reading.length_said,
            dated=str(dated) if dated else None,
        )
    ]


def after_baseline(text: str, start: int, end: int) -> int:
    """Past the period phrase that follows text[:start] ("since 2019"), if one does;
    `start` if none does (used by --fix to place a period after a statement's baseline)."""
    begin = start
    while begin < end and text[begin] == " ":
        begin += 1
    found = grammar.period_at(text, begin, begin, end)
    if found and found[0].start == begin and found[0].role in ("since", "than"):
        return found[1]
    return start
