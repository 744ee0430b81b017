"""Metric phrases as sets of words, so that drafts and registry aliases can be compared.

"knife injury of a person aged under 25" and "knife crime with injury for those aged
under-25" name the same thing: case, plurals, hyphens, word order and filler words
("of", "those", "aged", "crime") do not change what is measured. Qualifiers do: "personal
robbery" is not "robbery", "Non-DA" and "teenage" narrow a metric.
"""

from __future__ import annotations

from functools import lru_cache

import re

FILLER = frozenset(
    "a an the of for in on with by to and or those person persons people aged age ages "
    "victim victims crime crimes number numbers year years old olds total all who were "
    "was is are has have been london london's londoners".split()
)
QUALIFIERS = frozenset(
    "under over teenage teen teenager child children young youth adult juvenile older "
    "personal business commercial residential non da domestic sexual knife gun firearm "
    "enabled injury fatal attempted serious female male women men girls boys".split()
)
_AGE = re.compile(r"\b(under|over)[\s-]*(\d+)s?\b")
_TOKEN = re.compile(r"[a-z0-9£]+(?:'[a-z]+)?")


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def metric_words(phrase: str) -> frozenset[str]:
    """The words of a metric phrase that decide what it measures."""
    text = _AGE.sub(r"\1 \2", phrase.lower().replace("’", "'")).replace("-", " ")
    words = (singular(token) for token in _TOKEN.findall(text))
    return frozenset(word for word in words if word not in FILLER)


def is_qualifier(word: str) -> bool:
    return word in QUALIFIERS or word.isdigit()
