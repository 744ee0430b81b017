"""The general English words the grammar is made of, as data.

Only words any office uses when it writes a figure belong here: how approximations,
changes, comparisons and periods are said. No field's vocabulary (what is measured) is
in code; that lives in the registry. The grammar's pyparsing expressions and the cheap
regular expressions that find where to try them are both built from these lists, so the
two cannot drift apart.
"""

from __future__ import annotations

import re

APPROXIMATIONS: dict[str, tuple[str, ...]] = {
    "more_than": (
        "more than",
        "over",
        "in excess of",
        "upwards of",
        "at least",
        "above",
        "a little over",
        "a little more than",
        "just over",
        "well over",
        "greater than",
        "no fewer than",
        "no less than",
        "exceeding",
        "passing",
        "passed",
        "topped",
        "topping",
        "surpassing",
        "eclipse",
    ),
    "up_to": (
        "up to",
        "no more than",
        "not more than",
        "at most",
        "a maximum of",
        "as many as",
        "fewer than",
        "less than",
        "under",
        "below",
    ),
    "nearly": (
        "nearly",
        "almost",
        "just under",
        "just below",
        "just short of",
        "just shy of",
        "shy of",
        "not quite",
    ),
    "around": (
        "around",
        "about",
        "approximately",
        "approx",
        "approx.",
        "roughly",
        "some",
        "circa",
        "c.",
        "an estimated",
        "estimated",
        "close to",
        "in the region of",
    ),
}
# Written after the number: "500 or more".
APPROXIMATIONS_AFTER: dict[str, tuple[str, ...]] = {
    "more_than": ("or more", "plus"),
    "around": ("or so",),
}

DECREASE_VERBS = (
    "fell fallen falling falls fall dropped dropping drops drop decreased decreasing "
    "decreases decrease declined declining declines decline reduced reducing reduces reduce "
    "cut cuts cutting shrank shrunk shrinking shrinks slumped slumping plunged plunging "
    "plummeted plummeting dipped dipping dips tumbled lowered lowering eased easing "
    "halve halving"
).split()
INCREASE_VERBS = (
    "rose risen rising rises rise increased increasing increases increase grew grown "
    "growing grows grow climbed climbing climbs jumped jumping jumps soared soaring "
    "surged surging gained gaining gains added adding raised raising"
).split()
PHRASAL_CHANGES = {
    "went up": "increase",
    "gone up": "increase",
    "going up": "increase",
    "go up": "increase",
    "went down": "decrease",
    "gone down": "decrease",
    "going down": "decrease",
    "go down": "decrease",
    "came down": "decrease",
    "come down": "decrease",
    "coming down": "decrease",
    "brought down": "decrease",
    "driven down": "decrease",
}
DECREASE_NOUNS = (
    "reduction reductions fall falls drop drops decrease decreases decline declines cut cuts "
    "dip dips slump slumps downturn"
).split()
INCREASE_NOUNS = (
    "rise rises increase increases growth jump jumps surge surges hike hikes gain gains upturn"
).split()
# Words that may stand between the number and the change it names: "a 6% annual rise".
CHANGE_ADJECTIVES = (
    "year-on-year year on year annual annualised overall slight small modest marked "
    "significant sharp steep further nationwide national estimated net real reported "
    "total average quarterly monthly"
).split()
DECREASE_COMPARATIVES = "lower fewer less smaller cheaper below down shorter".split()
INCREASE_COMPARATIVES = "higher more greater larger bigger above up longer dearer".split()
MULTIPLES = {
    "halved": -50.0,
    "doubled": 100.0,
    "tripled": 200.0,
    "trebled": 200.0,
    "quadrupled": 300.0,
}
INCREMENTS = "additional extra new further more".split()
# Nouns that name an amount added: "a £39.6 million boost", "a £272 million uplift".
INCREMENT_NOUNS = "uplift uplifts boost boosts injection top-up addition".split()

# Words that say the number after them is a level at some point: "rose to 46,265".
# Words that set a level against another: "versus 215", "compares with 7,167".
COMPARISON_LEADS = (
    "versus",
    "vs",
    "vs.",
    "against",
    "compared with",
    "compared to",
    "compares with",
    "compared against",
    "than",
    "than the",
    "than a",
)
LEVEL_LEADS = (
    "to",
    "from",
    "at",
    "of",
    *COMPARISON_LEADS,
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "totalling",
    "totaling",
    "totalled",
    "totaled",
    "totals",
    "total",
    "a total of",
    "a total",
    "reached",
    "reaching",
    "reach",
    "reaches",
    "hit",
    "hits",
    "hitting",
    "stood at",
    "stands at",
    "standing at",
    "stand at",
    "peaking at",
    "peaked at",
    "amounted to",
    "amounting to",
    "estimated at",
    "an average of",
    "averaged",
    "averaging",
    "the",
    "with",
    "recorded",
    "recording",
    "of which",
)

ARTICLES = ("a", "an", "the")

ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mill": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}
FRACTIONS = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "sixth": 1 / 6,
    "sixths": 1 / 6,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}
CURRENCIES = {"£": "GBP", "$": "USD", "us$": "USD", "€": "EUR"}
CURRENCY_WORDS = {
    "pounds": ("GBP", 1.0),
    "sterling": ("GBP", 1.0),
    "gbp": ("GBP", 1.0),
    "pence": ("GBP", 0.01),
    "p": ("GBP", 0.01),
    "dollars": ("USD", 1.0),
    "usd": ("USD", 1.0),
    "cents": ("USD", 0.01),
    "cent": ("USD", 0.01),
    "euros": ("EUR", 1.0),
    "eur": ("EUR", 1.0),
}

MONTHS = {
    name: index
    for index, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sept sep",
            "october oct",
            "november nov",
            "december dec",
        ),
        start=1,
    )
    for name in names.split()
}
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "final": 4,
    "last": 4,
}
COUNT_WORDS = {word: index for index, word in enumerate(ONES)}


def pattern(phrases, *, boundary: bool = True) -> str:
    """A regular expression matching any of the phrases, the longest that fits first, any
    run of spaces between words (so that text wrapped over lines still matches).

    The phrases are written as a trie ("a(?:n)?" for "a" and "an"), so that the regular
    expression engine, which tries alternatives one by one at every position, rules out
    all but a few by their first letter."""
    trie: dict = {}
    for phrase in set(phrases):
        node = trie
        for token in re.findall(r"\s+|\S", phrase):
            node = node.setdefault(" " if token.isspace() else token, {})
        node[""] = {}
    body = f"(?:{_alternatives(trie)})"
    if not boundary:
        return body
    return rf"(?<![\w-]){body}(?![\w-])"


def _alternatives(node: dict) -> str:
    branches = [
        (r"\s+" if token == " " else re.escape(token)) + _alternatives(child)
        for token, child in sorted(node.items())
        if token
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def words_of(phrases) -> set[str]:
    """Every word that stands in any of the phrases."""
    return {word for phrase in phrases for word in phrase.lower().split()}
