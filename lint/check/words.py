"""Metric phrases as sets of words, so that drafts and registry aliases can be compared.

"knife injury of a person aged under 25" and "knife injury for those aged under-25" name
the same thing: case, plurals, hyphens, word order and general English ("of", "those",
"aged", "the number of") do not change what is measured. Every other word does:
"emergency admissions" are not "admissions", "homicides in Manchester" are not London's
homicides. Only general English is known here; what a field's words mean (synonyms,
words that change nothing, the place a registry covers) is the registry's `vocabulary`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

# General English that never changes what is measured: function words, and the words
# people put around any figure ("the total number of", "those aged").
GENERAL = frozenset(
    """a an the of for in on at with by to from into and or as those these this that who
    whom which whose were was is are be been being has have had will would can could all
    any some each every total number figure level amount count overall aged age ages year
    old person people individual its their our his her so also just only now still than
    there here such other""".split()
)
_AGE = re.compile(r"\b(under|over)[\s-]*(\d+)s?\b")
_TOKEN = re.compile(r"[a-z0-9£$€]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class Vocabulary:
    """A registry's or a metric's words: `synonyms` (word -> the word it means), `filler`
    (words that change nothing), `qualifiers` (words that always make another metric),
    `places` (the area the figures cover, which a statement may name)."""

    synonyms: dict = field(default_factory=dict)
    filler: frozenset = frozenset()
    qualifiers: frozenset = frozenset()
    places: frozenset = frozenset()
    _hash: int = field(init=False, repr=False, compare=False)

    def merged(self, other: Vocabulary) -> Vocabulary:
        return Vocabulary(
            {**self.synonyms, **other.synonyms},
            self.filler | other.filler,
            self.qualifiers | other.qualifiers,
            self.places | other.places,
        )

    def __post_init__(self) -> None:
        # Worked out once: a vocabulary is a key of the phrase caches, looked up for
        # every statement and alias. (A frozen dataclass sets its fields this way.)
        key = (tuple(sorted(self.synonyms.items())), self.filler, self.qualifiers, self.places)
        object.__setattr__(self, "_hash", hash(key))

    def __hash__(self) -> int:
        return self._hash


NO_VOCABULARY = Vocabulary()


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def tokens(phrase: str) -> list[str]:
    """The words of a phrase, lower case and singular; "under-25s" as "under 25"."""
    text = _AGE.sub(r"\1 \2", phrase.lower().replace("’", "'")).replace("-", " ")
    return [singular(token.removesuffix("'s")) for token in _TOKEN.findall(text)]


def word_set(words) -> frozenset[str]:
    """Singular forms of a list of vocabulary words, for comparison with tokens."""
    return frozenset(token for word in words for token in tokens(str(word)))


@lru_cache(maxsize=65536)
def metric_words(phrase: str, vocabulary: Vocabulary = NO_VOCABULARY) -> frozenset[str]:
    """The words of a metric phrase that decide what it measures."""
    synonyms = vocabulary.synonyms
    found = set()
    for token in tokens(phrase):
        token = synonyms.get(token, token)
        if token in vocabulary.qualifiers:
            found.add(token)
        elif token not in GENERAL and token not in vocabulary.filler:
            found.add(token)
    return frozenset(found)


@lru_cache(maxsize=65536)
def content_words(phrase: str) -> tuple[str, ...]:
    """The words of a phrase that decide what it measures, in the order written."""
    return tuple(token for token in tokens(phrase) if token not in GENERAL)


def same_subject(first: str, second: str) -> bool:
    """Do two subjects name the same thing, with no registry to say so? They do when
    their words are the same, or when the longer only adds words inside the phrase they
    share ("knife crime with injury" and "knife injury"); a word added before or after
    it qualifies it ("personal robbery" is not "robbery", "homicides in Manchester" are
    not all homicides)."""
    return _same_words(content_words(first), content_words(second))


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    if set(shorter) == set(longer):
        return True
    if len(shorter) < 2 or not set(shorter) <= set(longer):
        return False
    shared = [index for index, word in enumerate(longer) if word in shorter]
    extra = [index for index, word in enumerate(longer) if word not in shorter]
    return all(shared[0] < index < shared[-1] for index in extra)


class SubjectIndex:
    """The first of many subjects that each later one is the same as (`same_subject`),
    found in time that does not grow with how many are kept: a draft that quotes
    thousands of figures (a pasted export) is linted in linear time.

    A subject is kept under its set of words and, when it has at most `MAX_WORDS`
    different words, under each smaller set of two or more of them, so both a shorter
    subject already kept and a longer one are found by set lookups. Longer subjects are
    matched only to subjects with the same words."""

    MAX_WORDS = 8

    def __init__(self):
        self._by_words: dict[frozenset, tuple[int, tuple, object]] = {}
        self._containing: dict[frozenset, list[tuple[int, tuple, object]]] = {}

    def first(self, subject: str, item):
        """The item kept with the earliest subject that `subject` is the same as; when
        there is none, `item` is kept for `subject` and returned."""
        words = content_words(subject)
        found = self._earliest(words) if words else None
        if found is not None:
            return found
        if words:
            self._keep(words, item)
        return item

    def _earliest(self, words: tuple[str, ...]):
        key = frozenset(words)
        candidates = [self._by_words[key]] if key in self._by_words else []
        if 2 <= len(key) <= self.MAX_WORDS:
            candidates += [
                entry
                for part in _parts(key)
                if (entry := self._by_words.get(part)) and _same_words(entry[1], words)
            ]
            longer = (e for e in self._containing.get(key, ()) if _same_words(e[1], words))
            candidates += [entry for entry in [next(longer, None)] if entry]
        return min(candidates, key=lambda entry: entry[0])[2] if candidates else None

    def _keep(self, words: tuple[str, ...], item) -> None:
        """Keeps a subject that is the same as none kept before: the first of its words."""
        key = frozenset(words)
        entry = (len(self._by_words), words, item)
        self._by_words[key] = entry
        if 2 <= len(key) <= self.MAX_WORDS:
            for part in _parts(key):
                self._containing.setdefault(part, []).append(entry)


def _parts(words: frozenset) -> list[frozenset]:
    """The sets of two or more of the words, smaller than the whole."""
    ordered = sorted(words)
    return [
        frozenset(chosen)
        for size in range(2, len(ordered))
        for chosen in combinations(ordered, size)
    ]
