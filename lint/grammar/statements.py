"""The grammar of a statement: a quantity with the words around it that say what it is.

    statement   ::= [lead] quantity [exact] [tail]
    lead        ::= [role] [approx] [article] [modifier]...
    role        ::= change_lead | level_lead | "by"
    change_lead ::= ("up" | "down") ["by"]
                  | change_verb ["by"]                       ("fell by", "rose")
                  | [article] [approx] [adjective]... change_noun "of"
                                                             ("a decrease of", "an estimated fall of")
    level_lead  ::= change_verb "to" | ("up" | "down") ("to" | "from")
                  | "from" | "to" | "at" | "was" | "versus" | "compared with" | "a total of" | ...
    approx      ::= "more than" | "over" | "nearly" | "almost" | "around" | "some" | ...
    modifier    ::= adjective | increment | "record" | "now"
    increment   ::= "additional" | "extra" | "new" | "further"
    exact       ::= "(" digits ")"                            ("more than 600 (584)")
    tail        ::= [approx_after] [adjective]... (change_noun | comparative | direction | increment)
                  | "respectively"
    comparative ::= "higher" | "lower" | "fewer" | "more" | "less" | "below" | "above" | ...

The vocabulary is vocabulary.py's. A `Statement` says what the words say; whether a
"more" is an increment or a change, or whose period applies, is the extractor's call,
made with the whole clause in view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyparsing as pp

from . import vocabulary as v
from .model import Quantity
from .numbers import QUANTITY

FLAGS = re.IGNORECASE


def phrase(phrases, name: str) -> pp.Regex:
    """A leaf matching any of the phrases as whole words, named."""
    return pp.Regex(v.pattern(phrases), FLAGS)(name)


DIRECTIONS = {
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
    found = None
    for found in _VERB_PATTERN.finditer(text, start, end):
        pass
    return DIRECTIONS.get(" ".join(found.group().lower().split())) if found else None


_NOUN_PATTERN = re.compile(v.pattern([*v.DECREASE_NOUNS, *v.INCREASE_NOUNS]), FLAGS)


def change_noun_direction(text: str) -> str | None:
    """The direction of the first change noun in the text ("per cent increase")."""
    found = _NOUN_PATTERN.search(text)
    return DIRECTIONS.get(found.group().lower()) if found else None


CHANGE_VERB = phrase([*v.DECREASE_VERBS, *v.INCREASE_VERBS, *v.PHRASAL_CHANGES], "verb")
CHANGE_NOUN = phrase([*v.DECREASE_NOUNS, *v.INCREASE_NOUNS], "noun")
# "up 5%", "down 16 per cent"; but "up to" is a bound ("up to 350,000").
DIRECTION = pp.Regex(r"(?<![\w-])(?:up(?!\s+to\b)|down)(?![\w-])", FLAGS)("direction")
APPROX = phrase(APPROXIMATION_OF, "approx")
# An article, but not the "a" of "a quarter" or "a million", which the quantity reads.
ARTICLE = pp.Regex(
    r"(?<![\w-])(?:an?|the)(?![\w-])(?!\s+(?:quarters?|thirds?|fifths?|sixths?|tenths?|half|"
    r"million|billion|thousand)\b)",
    FLAGS,
)("article")
ADJECTIVES = pp.Regex(rf"(?:{v.pattern(v.CHANGE_ADJECTIVES)}\s*)+", FLAGS)("adjectives")
BY = phrase(["by"], "by")
TO = phrase(["to"], "to")
FROM = phrase(["from"], "from_")
OF = phrase(["of"], "of")
MODIFIER = phrase(
    [*v.INCREMENTS, "record", "now", "total", "net", "just", "only", "merely", "a mere", "still"],
    "modifier",
)

NOUN_OF = pp.Opt(ARTICLE) + pp.Opt(APPROX) + pp.Opt(ADJECTIVES) + CHANGE_NOUN + OF
NOUN_WAS = (
    pp.Opt(ARTICLE)
    + CHANGE_NOUN
    + phrase(
        [
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
        ],
        "was",
    )
)
BOUND = phrase(["below", "above", "under", "past", "beyond"], "bound")
REACHED = phrase(["to"], "level_after_change")  # "rose to 46,265"
LEFT = phrase(["from"], "level_after_change")  # "up from 43,706"
CHANGE_LEAD = (
    NOUN_OF
    | NOUN_WAS
    | CHANGE_VERB + BOUND  # "drops below 300": a level, bounded
    | phrase(["down"], "direction") + REACHED
    | (DIRECTION | CHANGE_VERB) + LEFT
    | CHANGE_VERB + REACHED
    | (DIRECTION | CHANGE_VERB) + pp.Opt(BY)
    | BY
    | phrase(["in"], "by") + pp.FollowedBy(pp.Regex(r"(?i)half\b"))  # "cut crime in half"
)
LEVEL_LEAD = phrase(v.LEVEL_LEADS, "level")
INCREMENT_OF = pp.Opt(ARTICLE) + phrase(v.INCREMENT_NOUNS, "increment_noun") + OF
# "a phenomenal 14.7 percent", "the existing 18": any one word between an article and
# its number.
DESCRIPTION = pp.Regex(r"[a-z][a-z-]+(?=\s+[£$€]?\d)")("description")
LEAD = (
    pp.Opt(INCREMENT_OF | CHANGE_LEAD | LEVEL_LEAD)
    + pp.Opt(APPROX)
    + pp.Opt(ARTICLE + pp.Opt(APPROX | MODIFIER | DESCRIPTION) | MODIFIER)
)

EXACT = pp.Regex(r"\s?\((?P<exact>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\)").leave_whitespace()
TAIL = pp.Regex(
    rf"(?:\s*(?P<after_approx>{v.pattern(APPROXIMATION_AFTER_OF)}))?"
    rf"(?:\s*(?:\((?:pp|ppt|percentage\s+points?)\)\s*)?(?:{v.pattern(v.CHANGE_ADJECTIVES)}\s*)*"
    rf"(?P<tail>{v.pattern([*DIRECTIONS, *v.INCREMENTS, *v.INCREMENT_NOUNS])}|,?\s*respectively))?",
    FLAGS,
).leave_whitespace()
STATEMENT = LEAD + QUANTITY + pp.Opt(EXACT) + TAIL
BARE_STATEMENT = QUANTITY + pp.Opt(EXACT) + TAIL

EXAMPLES = {
    "STATEMENT": """
        fell by nearly a quarter
        a decrease of 1,104
        an estimated decrease of 0.3 percent
        up nearly 1,500
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


def _approximation(text: str | None) -> str:
    if not text:
        return "exact"
    return APPROXIMATION_OF.get(" ".join(text.lower().split()), "exact")


def _lead_fields(tokens) -> dict:
    fields: dict = {}
    change = tokens.get("verb") or tokens.get("direction") or tokens.get("noun")
    if tokens.get("bound"):
        fields["level_role"] = "to"
        fields["bound"] = " ".join(tokens["bound"].lower().split())
    elif tokens.get("level_after_change"):
        word = tokens["level_after_change"].lower()
        fields["level_role"] = "to" if word == "to" else "from"
    elif change:
        fields["change_word"] = " ".join(change.lower().split())
        fields["direction"] = DIRECTIONS.get(fields["change_word"])
        fields["change_before"] = True
    elif tokens.get("by"):
        fields["by"] = True
    elif tokens.get("level"):
        fields["level_role"] = " ".join(tokens["level"].lower().split())
    modifier = (tokens.get("modifier") or "").lower()
    fields["increment"] = modifier in v.INCREMENTS or bool(tokens.get("increment_noun"))
    return fields


def _statement(text: str, location: int, tokens) -> Statement:
    quantity = next(token for token in tokens if isinstance(token, Quantity))
    fields = _lead_fields(tokens)
    approximation = _approximation(tokens.get("approx"))
    after = tokens.get("after_approx")
    if after:
        approximation = APPROXIMATION_AFTER_OF[" ".join(after.lower().split())]
    tail = tokens.get("tail")
    tail = " ".join(tail.lower().strip(", ").split()) if tail else None
    bound = fields.pop("bound", None)
    if bound:
        approximation = "up_to" if bound in ("below", "under") else "more_than"
    if tail and (tail in v.INCREMENTS and tail != "more" or tail in v.INCREMENT_NOUNS):
        fields["increment"] = True
    elif tail and tail != "respectively" and not fields.get("change_word"):
        fields["change_word"] = tail
        fields["direction"] = DIRECTIONS.get(tail)
    exact = tokens.get("exact")
    article = tokens.get("article")
    return Statement(
        quantity,
        location,
        location,
        approximation,
        exact=float(exact.replace(",", "")) if exact else None,
        tail=tail,
        article=article.lower() if article else None,
        **fields,
    )


STATEMENT.set_parse_action(_statement)
BARE_STATEMENT.set_parse_action(_statement)
