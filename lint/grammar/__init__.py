"""The grammar of statistical statements and of the periods they name, on pyparsing.

Parts, each a module with its grammar in BNF and examples that `run_tests` checks:
- amounts.py: a quantity ("£1.5m", "22 per cent", "a quarter", "doubled");
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

import itertools
import re

import pyparsing as pp

from statlint.grammar import vocabulary as v
from statlint.grammar.compose import match_end
from statlint.grammar.model import PeriodPhrase
from statlint.grammar.periods import COUNT_WORDS, OPENERS, PHRASE, ROLE, SPAN
from statlint.grammar.statements import LEAD, LEAD_WORDS, STATEMENT

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
# Each scan starts with a literal or a character class, so that the regular-expression engine
# skips the text between candidates without trying the rest; the words are spelled in the
# cases prose writes them ("one", "One", "ONE") rather than matched ignoring case, for the
# same reason.


def _cased(phrases, parts: bool = False) -> set[str]:
    """Each phrase in lower case, capitalised and upper case; with `parts`, each hyphened
    part so too ("pre-Covid", "Pre-COVID")."""
    found: set[str] = set()
    for phrase in phrases:
        pieces = phrase.lower().split("-") if parts else [phrase.lower()]
        choices = [(piece, piece[:1].upper() + piece[1:], piece.upper()) for piece in pieces]
        found.update("-".join(combination) for combination in itertools.product(*choices))
    return found


_SCALES = ["million", "billion", "thousand"]
QUANTITY_DIGITS = re.compile(
    r"[\d£$€U+\-−–]"
    # a number not glued to a word: not SE1, Covid-19, 24/7
    r"(?:(?<=\d)(?<![\w.£$€/+\-−–]\d)(?<!\d,\d)"
    r"|(?<=[£$€])\s?\d|(?<=U)S\$\s?\d"  # money
    r"|(?<=[+\-−–])(?<=[\s(\[/].)(?=[£$€]?\d))"  # a signed number: "(-47)", "or -5.6%"
)
# "seven", "twenty-five", "one-third", "halved": a number word starts a number whatever
# follows its hyphen
QUANTITY_WORDS = re.compile(
    r"(?<![\w-])"
    + v.pattern(_cased([*v.ONES[1:], *v.TENS, "half", *v.MULTIPLES]), boundary=False)
    + r"(?!\w)"
)
# "a quarter", "an eighth", "a million"
QUANTITY_ARTICLES = re.compile(
    r"[aA](?<![\w-].)[nN]?(?=\s+(?i:" + v.pattern([*v.FRACTIONS, *_SCALES]) + "))"
)
PERIOD_DIGITS = re.compile(r"(?:19|20)(?<![\w/.£$-]\d\d)\d\d(?!\d)|\d\d/\d\d\s+FY")
PERIOD_WORDS_AT = re.compile(
    r"\b"
    + v.pattern(
        _cased(
            [
                *v.MONTHS,
                *"year years month months quarter period time timeframe date fy fye".split(),
                *"q1 q2 q3 q4 year-to-date year-on-year pre-pandemic pre-covid peak".split(),
                *"average mean previous y/y yoy m/m q/q".split(),
            ],
            parts=True,
        ),
        boundary=False,
    )
    + r"\b"
)

# Words a period phrase may open with, before the word that anchors it: its role ("since",
# "compared with") and its own first words ("the 12 months to", "the same period").
PERIOD_WORDS = v.words_of(
    [
        "since the start beginning end of ever compared with to against when in comparison",
        "than at for during versus vs vs. on relative from up down in over throughout",
        "across as by through within until ending ended between the a this last past",
        "previous same latest most recent financial fiscal calendar school academic twelve",
        "12 month months week weeks year first second third fourth final half six quarter",
        "citywide",
        "so far period time frame timeframe point date span preceding five below above",
        # the counts of a rolling period, a hyphened one as its parts ("twenty-four")
        " ".join(COUNT_WORDS).replace("-", " "),
    ]
)
_DAY_OR_WEEKDAY = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)?,?|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?"
)


def _period_word(word: str, last: bool) -> bool:
    return word in PERIOD_WORDS or word == "(" or bool(_DAY_OR_WEEKDAY.fullmatch(word))


def _merged(scans, text: str, start: int, end: int) -> list[int]:
    return sorted({match.start() for scan in scans for match in scan.finditer(text, start, end)})


def quantity_anchors(text: str, start: int, end: int) -> list[int]:
    """Offsets in text[start:end] where a quantity may start, in order."""
    return _merged((QUANTITY_DIGITS, QUANTITY_WORDS, QUANTITY_ARTICLES), text, start, end)


def period_anchors(text: str, start: int, end: int) -> list[int]:
    """Offsets in text[start:end] of the words a period phrase is built round."""
    return _merged((PERIOD_DIGITS, PERIOD_WORDS_AT), text, start, end)


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
    return word in LEAD_WORDS or (last and word.replace("-", "").isalpha())


def _reads_to(leaf: pp.Regex, text: str, start: int, end: int) -> bool:
    """Whether the leaf's own regular expression reads text[start:end] whole: a quick
    test of where to parse from."""
    found = leaf.re.match(text, start)
    return found is not None and found.end() == end


def statement_at(text: str, anchor: int, floor: int, limit: int):
    """The statement whose number starts at `anchor`: its words may start as far back as
    `floor`. Returns (Statement, end) or None."""
    starts = chain_starts(_TOKEN, _lead_word, text, anchor, floor)
    lead = next((start for start in starts if _reads_to(LEAD, text, start, anchor)), anchor)
    for start in dict.fromkeys([lead, anchor]):
        found = parse_at(STATEMENT, text, start, limit)
        if found and found[0].quantity.start == anchor:
            return found
    return None


_SPACES = re.compile(r"\s*")


def _opens_period(text: str, start: int) -> bool:
    """Whether the first leaves of a period phrase match at `start`, by their own regular
    expressions: a quick test before the whole phrase is parsed there."""
    if SPAN.re.match(text, start):
        return True
    after = match_end(_SPACES, text, match_end(ROLE.re, text, start))
    return any(opener.re.match(text, after) for opener in OPENERS)


def period_at(text: str, anchor: int, floor: int, limit: int) -> tuple[PeriodPhrase, int] | None:
    """The period phrase that holds the word at `anchor`, read from as far back as its
    role word goes: (PeriodPhrase, end) or None."""
    for start in chain_starts(_PERIOD_TOKEN, _period_word, text, anchor, floor):
        if not _opens_period(text, start):
            continue
        found = parse_at(PHRASE, text, start, limit)
        if found and found[1] > anchor:
            return found
    return None
