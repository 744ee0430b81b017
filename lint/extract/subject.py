"""What a statement is about: the noun phrase next to its number, as written.

"Homicides fell 24%" is about homicides (written before the number); "a 24% fall in
homicides" and "216 knife-enabled homicides" are about what follows it. The phrase stops
at a clause edge, a verb that starts a new statement, a period phrase or another number,
and never starts with a period phrase ("Since 2019 homicides fell").
"""

from __future__ import annotations

import re

from statlint import grammar
from statlint.check.words import content_words
from statlint.grammar.compose import match_end

MAX_WORDS = 10
REACH = 300  # characters next to a statement that can hold its subject

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# A period straight after a statement ("£1.2bn in 2024/25"): no subject follows.
PERIOD_AHEAD = re.compile(
    r"\s*(?:in|over|during|for|since|between|from|by|through|on|against|versus|vs\.?|"
    r"compared\s+(?:with|to))\s+(?:the\s+(?:year|twelve|12|same|"
    rf"last|past|next|financial|previous|first|second|third|fourth|end)\b|(?:19|20)\d\d|{_MONTHS}\b|"
    r"(?:this|last|next)\s+year\b(?!['’]))",
    re.IGNORECASE,
)
_END = re.compile(
    r"[,.;:!?()\[\]\"“”|]|\s[-–—]\s|\s(?:and|or)\s+(?:\w+\s+)?(?:a\s+|an\s+)?[£$€\d]"
    r"|\s(?:since|between|compared|than|during|until|while|whilst|which|who|whom|whose|"
    r"where|when|because|but|that|as\s+well\s+as|so\s+far|from\s+[£$€\d]|over\s+the|"
    r"in\s+the\s+(?:year|twelve|12|same|last|past|next|first|second|third|fourth|financial|"
    r"previous)|"
    rf"in\s+(?:19|20)\d\d|in\s+{_MONTHS}\s+(?:19|20)\d\d|"
    r"(?:this|last|next)\s+year(?!['’])|to\s+(?!the\b|an?\b)[a-z]+|"
    r"(?:was|were|is|are|has|have|had|will|would|rose|fell|increased|decreased|declined|"
    r"dropped|grew|reached|recorded|reported|accounted|made|saw)\b)\b",
    re.IGNORECASE,
)
_LEADING_LINK = re.compile(
    r"^(?:(?:be|been)\s+)?(?:made\s+available|invested|allocated|spent|committed|provided)?"
    r"\s*(?:to|for|on|in|towards|into|of|among|across)\s+",
    re.IGNORECASE,
)
# Words that end a clause before its number but are not what it measures: "homicides
# have been", "making up". Stripped from the end, word by word.
_TRAILING_WORDS = set(
    """have has had been being be is are was were seen saw see recorded reported show shows
    showed there also now all both a an the by will would making makes to at cost costs
    costing just only still then of with sees recording remained remains stood stands
    representing represents represent""".split()
)
_TRAILING_PAIRS = {
    "making up",
    "make up",
    "makes up",
    "accounting for",
    "accounts for",
    "account for",
    "continue to",
    "continued to",
    "began to",
}
_RUN = re.compile(r"\S+")


def _without_trailing_words(clause: str) -> str:
    """The clause up to its last word that is not a _TRAILING_WORDS word; the first word
    stays."""
    words = [(m.start(), m.end(), m.group().lower()) for m in _RUN.finditer(clause)]
    keep = len(words)
    while keep > 1:
        pair = f"{words[keep - 2][2]} {words[keep - 1][2]}"
        if keep > 2 and pair in _TRAILING_PAIRS:
            keep -= 2
        elif words[keep - 1][2] in _TRAILING_WORDS:
            keep -= 1
        else:
            break
    return clause[: words[keep - 1][1]] if words else clause


_LEADING_LINKS = re.compile(
    r"^(?:.*\bthat\s+|(?:and|but|while|whilst|as|so|with|because|where|when|of)\s+)",
    re.IGNORECASE,
)
_LEADING_PERIOD = re.compile(
    r"^(?:(?:since|in|during|for|over|between|from|by)\s+(?:the\s+)?[^,]*?"
    r"(?:(?:19|20)\d\d(?:[/-]\d\d)?|year|months?|quarter)\s*,?\s*)",
    re.IGNORECASE,
)
_PAST_VERB = re.compile(r"[a-z]{3,}ed")
_DANGLING = {"and", "or", "but", "as", "with", "of", "to", "for", "in", "the", "a", "an", "while"}
PRONOUNS = {"it", "this", "that", "they", "we", "he", "she", "which", "there", "these", "those"}
_NUMBER_OF = re.compile(r"\b(?:the\s+)?(?:total\s+)?numbers?\s+of\s+", re.IGNORECASE)
CLAUSE_EDGE = re.compile(r"[,;:(\[—–|]|\s-\s")
_WORDS = re.compile(r"\S+")
_BULLET_LEAD = re.compile(r"^\s*(?:[-*•✓✔–—▪◦·]|\d{1,2}[.)/])\s+")
_SUBJECT_WORDS = re.compile(rf"(?:\S+\s+){{0,{MAX_WORDS}}}\S*")


def after(text: str, position: int, limit: int) -> tuple[int, int]:
    """The phrase that follows a statement: (start, end), maybe empty."""
    region = text[position : min(limit, position + REACH)]
    if PERIOD_AHEAD.match(region):
        return position, position
    lead = _LEADING_LINK.match(region.lstrip())
    skip = len(region) - len(region.lstrip()) + (lead.end() if lead else 0)
    reach = match_end(_SUBJECT_WORDS, region, skip) + 1
    stop = _END.search(region, max(skip - 1, 0), reach)
    phrase_end = stop.start() if stop else len(region)
    words = list(_WORDS.finditer(region, skip, phrase_end))[:MAX_WORDS]
    share = lead is not None and lead.group().strip().lower() == "of"
    for index, word in enumerate(words[1:], start=1):
        if share:
            break  # "62.1% of trains arrived on time": the verb says which share
        if _PAST_VERB.fullmatch(word.group()) and words[index - 1].group().lower() not in _DANGLING:
            if not _content_before(region, words, index):
                break  # "1,700 people killed in road collisions": the verb says who
            words = words[:index]  # "584 people attended", "homicides recorded by the Met"
            break
    while words and words[-1].group().lower() in _DANGLING:
        words.pop()  # "1,300 additional officers and [500 new PCSOs]"
    if not words:
        return position, position
    end = _described(region, words)
    return position + words[0].start(), position + end


_PLACE_OR_AGENT = {"in", "on", "by", "at", "for", "from", "into", "with", "within", "across"}


def _content_before(region: str, words: list, index: int) -> bool:
    """Whether the words before a participle name something, so that the participle
    is the verb of the clause ("584 people attended"), not what says who they are
    ("people killed in road collisions")."""
    described = index + 1 < len(words) and words[index + 1].group().lower() in _PLACE_OR_AGENT
    return bool(content_words(region[words[0].start() : words[index - 1].end()])) or not described


# "704 people were living on the streets": a noun that says nothing of its own ("people",
# "those") is described by the verb phrase after it, which is then part of the subject.
_DESCRIBED_BY = re.compile(
    r"\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:seen\s+|found\s+|recorded\s+as\s+|still\s+)?[a-z]+(?:ing|ed)\b",
    re.IGNORECASE,
)
# "1.4 million households were on waiting lists", "people are in temporary accommodation":
# where they are is what is counted, whatever the noun.
_LOCATED_BY = re.compile(
    r"\s+(?:were|was|are|is)\s+(?:still\s+)?(?:on|in|living\s+in)\s+(?!(?:19|20)\d\d)"
    r"(?!the\s+(?:year|same|last|previous|first|end)\b)",
    re.IGNORECASE,
)


def _described(region: str, words: list) -> int:
    """Where the subject ends: after its words, or after the verb phrase that describes a
    noun of only general words."""
    end = words[-1].end()
    verb = _LOCATED_BY.match(region, end)
    if not verb and not content_words(region[words[0].start() : end]):
        verb = _DESCRIBED_BY.match(region, end)
    if not verb:
        return end
    stop = _END.search(region, verb.end())
    tail_end = stop.start() if stop else len(region)
    period = period_span(region, verb.end(), tail_end)
    tail = region[verb.end() : period[0] if period else tail_end]
    found = list(_WORDS.finditer(tail))[:MAX_WORDS]
    while found and found[-1].group().lower() in _DANGLING:
        found.pop()
    return verb.end() + (found[-1].end() if found else 0)


def period_span(region: str, start: int, end: int | None) -> tuple[int, int] | None:
    """(start, end) of the first period phrase in region[start:end] ("at the end of March
    2025", "Last year"), or None: a subject never runs into the period of its figure."""
    end = len(region) if end is None else end
    for anchor in grammar.period_anchors(region, start, end):
        found = grammar.period_at(region, anchor, start, end)
        if found:
            return found[0].start, found[1]
    return None


# A bracket of words (not a figure) between a subject and its verb
_ASIDE_AT_END = re.compile(r"\s*\([^()]{0,30}[A-Za-z][^()]{0,30}\)\s*\Z")


def before(text: str, position: int, floor: int) -> tuple[int, int]:
    """The phrase written before a statement ("homicides were 25% lower")."""
    floor = max(floor, position - REACH)
    region = text[floor:position]
    # "Air pollution (NO2) fell": the bracket is part of the subject (it may narrow it),
    # not the edge of its clause
    aside = _ASIDE_AT_END.search(region)
    words_end = aside.start() if aside and aside.start() > 0 else len(region)
    edge = max((m.end() for m in CLAUSE_EDGE.finditer(region, 0, words_end)), default=0)
    if not region[edge:].strip() and region.rstrip().endswith(("(", ":")):
        inner = region.rstrip()[:-1]
        edge = max((m.end() for m in CLAUSE_EDGE.finditer(inner)), default=0)
        region = inner
    phrase = noun_phrase_at_end(region[edge:])
    if not phrase:
        return position, position
    start = floor + edge + region[edge:].rfind(phrase)
    return start, start + len(phrase)


def noun_phrase_at_end(clause: str) -> str:
    """Trim a clause to the noun phrase at its end that names what is measured."""
    clause = _without_trailing_words(clause)
    clause = _BULLET_LEAD.sub("", clause)
    number_of = list(_NUMBER_OF.finditer(clause))
    if number_of:
        clause = clause[number_of[-1].end() :]
    clause = _LEADING_LINKS.sub("", clause.strip())
    clause = _LEADING_PERIOD.sub("", clause)
    words = list(_WORDS.finditer(clause))[-MAX_WORDS:]
    phrase = clause[words[0].start() :].strip(" \n*_\"'“”‘’") if words else ""
    phrase = _LEADING_MARKS.sub("", phrase)  # "📈 Bus journeys", "✅ new homes"
    return "" if names_nothing(phrase) else phrase


_LEADING_MARKS = re.compile(r"^[^\w£$€(]+")


def names_nothing(phrase: str) -> bool:
    """A pronoun names nothing here; nor does a lone link word (", or 8 percent")."""
    return phrase.strip().lower() in PRONOUNS or phrase.strip().lower() in _DANGLING
