"""The grammar of a statement: a quantity with the words around it that say what it is.

    statement   ::= lead quantity tail
    lead        ::= [role] [approx] [article [approx | modifier | description] | modifier]
    role        ::= [article] increment_noun "of"                ("an uplift of")
                  | [article] [approx] [adjective]... change_noun "of"
                                                   ("a decrease of", "an estimated fall of")
                  | [article] change_noun was                    ("the increase was")
                  | change_verb bound                            ("drops below": a level)
                  | ("down" | change_verb) "to"                  ("rose to": a level)
                  | (direction | change_verb) "from"             ("up from": a level)
                  | (direction | change_verb) ["by"]             ("fell by", "up")
                  | "by" | "in" (before "half")
                  | level_lead                 ("versus", "compared with", "a total of", ...)
    direction   ::= "up" | "down" | "↑" | "↓"                    (not "up to": a bound)
    approx      ::= "more than" | "over" | "nearly" | "almost" | "around" | "some" | ...
    modifier    ::= increment | "record" | "now" | "total" | "net" | "just" | "still"
                  | "average of" | ...
    increment   ::= "additional" | "extra" | "new" | "further"
    description ::= one word between an article and digits     ("a phenomenal 14.7%")
    tail        ::= [exact] [approx_after] [adjective]... [tail_word]
    exact       ::= "(" digits ")"                               ("more than 600 (584)")
    tail_word   ::= change_noun | comparative | direction | increment | "respectively"
    comparative ::= "higher" | "lower" | "fewer" | "more" | "less" | "below" | "above" | ...

Each of lead, quantity and tail is one pyparsing leaf (compose.py) and each may be empty
but the quantity. A number's lead is the first of the run of lead words before it from which
the lead leaf reads up to the number. The vocabulary is vocabulary.py's.
A `Statement` says what the words say; whether a "more" is an increment or a change, or
whose period applies, is the extractor's call, made with the whole clause in view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from statlint.grammar import vocabulary as v
from statlint.grammar.amounts import QUANTITY
from statlint.grammar.compose import SPACE, either, leaf, named, optional, sequence
from statlint.grammar.model import Quantity

FLAGS = re.IGNORECASE


# Arrows that dashboards and posts write for up and down: "Burglary ↓ 8%"
ARROWS = {"↑": "increase", "▲": "increase", "↓": "decrease", "▼": "decrease"}
DIRECTIONS = {
    **ARROWS,
    **{word: "decrease" for word in (*v.DECREASE_VERBS, *v.DECREASE_NOUNS)},
    **{word: "increase" for word in (*v.INCREASE_VERBS, *v.INCREASE_NOUNS)},
    **v.PHRASAL_CHANGES,
    **{word: "decrease" for word in v.DECREASE_COMPARATIVES},
    **{word: "increase" for word in v.INCREASE_COMPARATIVES},
}
APPROXIMATION_OF = {
    phrase_: name for name, phrases in v.APPROXIMATIONS.items() for phrase_ in phrases
}
APPROXIMATION_AFTER_OF = {
    phrase_: name for name, phrases in v.APPROXIMATIONS_AFTER.items() for phrase_ in phrases
}

NOUNS = frozenset([*v.DECREASE_NOUNS, *v.INCREASE_NOUNS])
# Verbs found by looking back from "by 15%" ("reduce killings by 15%"); the forms that are
# also plural nouns ("1,900 other gains") are left out.
_VERB_PATTERN = re.compile(
    v.pattern(
        [
            verb
            for verb in (*v.DECREASE_VERBS, *v.INCREASE_VERBS, *v.PHRASAL_CHANGES)
            if verb not in ("gains", "falls", "rises", "drops", "jumps", "dips", "declines")
        ]
    ),
    FLAGS,
)


def last_change_verb(text: str, start: int, end: int) -> str | None:
    """The direction of the last change verb in text[start:end] ("cut ... by half")."""
    found = [match.group() for match in _VERB_PATTERN.finditer(text, start, end)]
    return DIRECTIONS.get(" ".join(found[-1].lower().split())) if found else None


_NOUN_PATTERN = re.compile(v.pattern([*v.DECREASE_NOUNS, *v.INCREASE_NOUNS]), FLAGS)


def change_word(text: str) -> str | None:
    """The first change verb or noun in the text, as written ("fallen", "increase")."""
    found = [p.search(text) for p in (_VERB_PATTERN, _NOUN_PATTERN)]
    first = min((m for m in found if m), key=lambda m: m.start(), default=None)
    return first.group() if first else None


def change_noun_direction(text: str) -> str | None:
    """The direction of the first change noun in the text ("per cent increase")."""
    found = _NOUN_PATTERN.search(text)
    return DIRECTIONS.get(found.group().lower()) if found else None


CHANGE_VERB = v.pattern([*v.DECREASE_VERBS, *v.INCREASE_VERBS, *v.PHRASAL_CHANGES])
CHANGE_NOUN = v.pattern([*v.DECREASE_NOUNS, *v.INCREASE_NOUNS])
# "up 5%", "down 16 per cent"; but "up to" is a bound ("up to 350,000").
DIRECTION = r"(?<![\w-])(?:up(?!\s+to\b)|down)(?![\w-])|[" + "".join(ARROWS) + "]"
APPROX = v.pattern(APPROXIMATION_OF)
# An article, but not the "a" of "a quarter" or "a million", which the quantity reads.
ARTICLE = (
    r"(?<![\w-])(?:an?|the)(?![\w-])(?!\s+(?:quarters?|thirds?|fifths?|sixths?|tenths?|half|"
    r"million|billion|thousand)\b)"
)
ADJECTIVES = rf"(?:{v.pattern(v.CHANGE_ADJECTIVES)}\s+)*"
_MODIFIERS = [
    *v.INCREMENTS,
    "record",
    "now",
    "total",
    "net",
    "just",
    "only",
    "merely",
    "a mere",
    "still",
    "average of",  # "rose by an average of 9.2%": a mean, exact as written
    "mean of",
]
MODIFIER = v.pattern(_MODIFIERS)
_WAS = [
    "was",
    "is",
    "were",
    "will be",
    "has been",
    "of about",
    "averaged",
    "has averaged",
    "have averaged",
    "will be equivalent to",
    "is equivalent to",
    "was equivalent to",
    "equates to",
    "amounted to",
    "came to",
]
WAS = v.pattern(_WAS)
_BOUNDS = ["below", "above", "under", "past", "beyond"]
BOUND = v.pattern(_BOUNDS)
TO, FROM, BY = (rf"{w}(?![\w-])" for w in ("to", "from", "by"))


def word(pattern: str) -> str:
    """A part followed by the space before the next."""
    return pattern + SPACE


def _role(ahead) -> str:
    return either(
        sequence(
            optional(word(ARTICLE)),
            either(
                sequence(word(named("increment_noun", v.pattern(v.INCREMENT_NOUNS))), "of"),
                sequence(
                    optional(word(named("noun_approx", APPROX))),
                    ADJECTIVES,
                    word(named("change_noun", CHANGE_NOUN)),
                    either("of", WAS),
                ),
            ),
        ),
        sequence(
            named("change", either(DIRECTION, CHANGE_VERB)),
            optional(
                SPACE,
                either(
                    named("bound", BOUND),  # "drops below 300": a bounded level
                    # "rose to 46,265", "up from 636": the level after or before a change
                    named("reached", TO),
                    named("left", FROM),
                    named("change_by", BY),
                ),
            ),
        ),
        named("by", BY),
        named("in_half", "in" + ahead(r"half\b")),  # "cut crime in half"
        named("level", v.pattern(v.LEVEL_LEADS)),
    )


def _article_and_after(ahead) -> str:
    return either(
        sequence(
            word(named("article", ARTICLE)),
            optional(
                either(
                    named("article_approx", APPROX),
                    named("article_modifier", MODIFIER),
                    # "a phenomenal 14.7 percent", "the existing 18": one word between an
                    # article and its digits
                    named("description", r"[a-z][a-z-]+" + ahead(r"[£$€]?\d")),
                ),
                SPACE,
            ),
        ),
        word(named("modifier", MODIFIER)),
    )


def _lead(ahead) -> str:
    """role, then approximation, then an article or modifier: each optional."""
    return optional(
        r"(?<![\w-])(?<!\w['’])",
        optional(word(_role(ahead))),
        optional(word(named("approx", APPROX))),
        optional(_article_and_after(ahead)),
    )


# The words before a number that say what it is; none, for a bare number.
LEAD = leaf(_lead(ahead=lambda number: rf"(?=\s+{number})"), "lead")
# Every word a lead is made of but its description: a number's lead starts no earlier than
# the run of these words before it.
LEAD_WORDS = v.words_of(
    [
        *v.DECREASE_VERBS,
        *v.INCREASE_VERBS,
        *v.PHRASAL_CHANGES,
        *v.DECREASE_NOUNS,
        *v.INCREASE_NOUNS,
        *v.INCREMENT_NOUNS,
        *v.CHANGE_ADJECTIVES,
        *APPROXIMATION_OF,
        *v.ARTICLES,
        *_MODIFIERS,
        *_WAS,
        *_BOUNDS,
        *v.LEVEL_LEADS,
        "up",
        "down",
        *ARROWS,
        "to",
        "from",
        "by",
        "of",
        "in",
    ]
)
# A rate's denominator after its number: "per 100,000 population", "a year", "annually"
# (not "a year ago" or "a year earlier", which date it).
PER_POPULATION = (
    r"(?:per|for\s+every|in\s+every|for\s+each)\s+"
    r"(?P<per_count>1,000,000|100,000|100000|10,000|10000|1,000|1000|100|a\s+thousand|thousand|"
    r"a\s+million|million)(?![\d,]|\.\d)"
)
PER_TIME = (
    r"(?:a|an|per|each|every)\s+(?P<per_time>day|week|month|year|annum)(?![\w-])"
    r"(?!\s+(?:ago|earlier|before|after|later|on|of|into|long|old|previously|since|from|to|"
    r"and|or)\b)"
    r"|(?P<per_adverb>daily|weekly|monthly|annually|yearly)(?![\w-])"
)
PER = either(PER_POPULATION, PER_TIME)
TAIL = leaf(
    sequence(
        optional(r"\s?\(", named("exact", r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"), r"\)"),
        optional(r"\s*", named("after_approx", v.pattern(APPROXIMATION_AFTER_OF))),
        optional(
            r"\s*(?:\((?:pp|ppt|percentage\s+points?)\)\s*)?",
            rf"(?:{v.pattern(v.CHANGE_ADJECTIVES)}\s*)*",
            named(
                "tail",
                either(
                    v.pattern([*DIRECTIONS, *v.INCREMENTS, *v.INCREMENT_NOUNS]),
                    r",?\s*respectively",
                ),
            ),
        ),
        optional(r"\s+", named("per", PER)),
    ),
    "statement_tail",
).leave_whitespace()
STATEMENT = LEAD + QUANTITY + TAIL

EXAMPLES = {
    "STATEMENT": """
        fell by nearly a quarter
        a decrease of 1,104
        an estimated decrease of 0.3 percent
        up nearly 1,500
        ↓ 8%
        rose to 46,265
        down from 636
        an additional £64 million
        a further 76
        a total of 91
        more than 600 (584)
        a nearly 25% decrease
        22 per cent reduction
        17 fewer
        5% lower
        2,000 more
        by half
        £10m a year
        1.2 per 100,000
    """,
}


@dataclass(frozen=True, slots=True)
class Statement:
    """A quantity and what the words right around it say of it."""

    quantity: Quantity
    start: int  # of the whole statement, lead included
    end: int
    approximation: str = "exact"
    direction: str | None = None  # what a change word says: decrease | increase
    change_word: str | None = None  # the word that says it is a change
    change_before: bool = False  # the change word stands before the number ("fell by 5%")
    level_role: str | None = None  # "to" / "from" for "rose to X", "up from X"; else the lead
    rose_to: bool = False  # "up to 50.4% from 49.3%": not a bound but a level reached
    increment: bool = False
    by: bool = False  # "by 15%": a change whose direction a verb before it gives
    exact: float | None = None
    tail: str | None = None  # the word after the number that says what it is
    article: str | None = None  # "below the 4.1 billion": a comparison, not a bound
    per: str | None = None  # a rate's denominator: "100000", "1000", "day", ..., "year"

    def moved(self, offset: int) -> Statement:
        """The same statement, `offset` characters further on."""
        return Statement(
            self.quantity.moved(offset),
            self.start + offset,
            self.end + offset,
            self.approximation,
            self.direction,
            self.change_word,
            self.change_before,
            self.level_role,
            self.rose_to,
            self.increment,
            self.by,
            self.exact,
            self.tail,
            self.article,
            self.per,
        )


def _first(match: re.Match, *names: str) -> str | None:
    """The text of the first of the named parts that was read, lower case."""
    found = next((match[name] for name in names if match[name]), None)
    return " ".join(found.lower().split()) if found else None


def _lead_fields(lead: re.Match) -> dict:
    fields: dict = {"article": _first(lead, "article")}
    change = _first(lead, "change", "change_noun")
    if lead["bound"]:
        fields["level_role"] = "to"
        bound = _first(lead, "bound")
        fields["approximation"] = "up_to" if bound in ("below", "under") else "more_than"
    elif lead["reached"] or lead["left"]:
        fields["level_role"] = "to" if lead["reached"] else "from"
    elif change:
        fields["change_word"] = change
        fields["direction"] = DIRECTIONS.get(change)
        fields["change_before"] = True
    elif lead["by"] or lead["in_half"]:
        fields["by"] = True
    elif lead["level"]:
        fields["level_role"] = _first(lead, "level")
    modifier = _first(lead, "modifier", "article_modifier") or ""
    fields["increment"] = modifier in v.INCREMENTS or bool(lead["increment_noun"])
    return fields


def _tail_fields(tail: re.Match, fields: dict) -> dict:
    word = _first(tail, "tail")
    word = word.strip(", ") if word else None
    exact = tail["exact"]
    found: dict = {"tail": word, "exact": float(exact.replace(",", "")) if exact else None}
    after = _first(tail, "after_approx")
    if after:
        found["approximation"] = APPROXIMATION_AFTER_OF[after]
    if word and (word in v.INCREMENTS and word != "more" or word in v.INCREMENT_NOUNS):
        found["increment"] = True
    elif word and word != "respectively" and not fields.get("change_word"):
        found["change_word"] = word
        found["direction"] = DIRECTIONS.get(word)
    return found


_PER_WORDS = {
    "thousand": "1000",
    "million": "1000000",
    "annum": "year",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "yearly": "year",
}


def _per(tail: re.Match) -> str | None:
    """A rate's denominator as the registry writes it: "100000", "year"."""
    written = _first(tail, "per_count", "per_time", "per_adverb")
    if written is None:
        return None
    written = written.removeprefix("a ").replace(",", "")
    return _PER_WORDS.get(written, written)


# "130 assaults per 100,000 population", "46 knife crimes a day": the rate's denominator
# after the words the number counts.
_PER_AFTER_WORDS = re.compile(rf"(?:\s+[a-z][\w'’-]*){{1,4}}?\s+(?P<per>{PER})", FLAGS)


def per_after_words(text: str, start: int, end: int) -> tuple[str, int] | None:
    """(denominator, where its phrase starts) for a rate written after its noun."""
    found = _PER_AFTER_WORDS.match(text, start, end)
    per = _per(found) if found else None
    return (per, found.start("per")) if found and per else None


def _statement(text: str, location: int, tokens) -> Statement:
    lead, quantity, tail = tokens
    approximation = _first(lead, "article_approx", "approx", "noun_approx")
    fields: dict = {"approximation": APPROXIMATION_OF.get(approximation or "", "exact")}
    fields |= _lead_fields(lead)
    fields |= _tail_fields(tail, fields)
    end = tail.end()
    if tail["per"] is not None:
        if quantity.unit in ("percent", "percentage_points"):
            end = tail.start("per")  # "5% a year": a pace of change, read as the change
        else:
            fields["per"] = _per(tail)
    return Statement(quantity, location, end, **fields)


STATEMENT.set_parse_action(_statement)
