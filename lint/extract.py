"""Find every statistical statement in a document and normalise it into a Claim.

The grammar (patterns.py) reads the number and its unit, direction and approximation; this
module decides where to try it, what the statement is about (its subject) and which
periods apply (those of its clause, of "this period", or of a list's lead-in line).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from . import numbers, patterns, recache
from .document import Document
from .model import Claim
from .periods import Period
from .record import record, replace
from .segment import Block, Sentence, blocks, sentences

WINDOW = 160  # the longest statement or period phrase the grammar is shown
LOOK_BACK = 70
MAX_SUBJECT_WORDS = 10
SUBJECT_REACH = 300  # characters after a statement that can hold its subject

APPROXIMATIONS = {
    "more_than": "more than|in excess of|upwards of|at least|over|above",
    "up_to": "no more than|up to|at most|as many as|fewer than|less than|under|below",
    "nearly": "just under|just below|just short of|nearly|almost",
    "around": "close to|around|about|approximately|approx|approx.|roughly|some|circa|c."
    "|an estimated|estimated",
}
APPROXIMATION_OF = {
    phrase: name for name, phrases in APPROXIMATIONS.items() for phrase in phrases.split("|")
}
FALLING = recache.compile(
    r"^(?:reduction|fall|drop|decrease|decline|cut|dip|slump|fell|fallen|falling|dropped|"
    r"dropping|decreased|decreasing|declined|declining|reduced|reducing|down|lower|fewer|"
    r"less|smaller|cheaper|went down|gone down|come down|came down|halved)s?$"
)
INCREMENT_BEFORE_MONEY = {"additional", "extra", "further", "more"}
# Words after a number that say it is not a statistic: units of time and measure, months.
NOT_COUNTED = recache.compile(
    r"^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|"
    r"year-olds?|am|pm|o'clock|times|mph|km|kilometres?|miles?|metres?|cm|mm|kg|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    r"a|an|the|and|or|of|to|in|on|at|for|by|with|from|as|is|are|was|were|be|been|has|"
    r"have|had|will|would|can|could|should|may|might|this|that|these|those|it|its|"
    r"their|our|per|each|every|all|any|no|not|but|if|into|over|under|up|down|out|"
    r"about|after|before|between|during|since|until|within|through|than|then|so|x)$",
    re.IGNORECASE,
)
# Words before a number that make it a label, not a statistic.
LABEL_BEFORE = recache.compile(
    r"\b(?:motions?|sections?|paragraphs?|para|pages?|items?|no\.?|chapters?|clauses?|"
    r"articles?|versions?|phases?|tiers?|routes?|rooms?|floors?|steps?|stages?|grades?|"
    r"questions?|figures?|tables?|annex|appendix|aged?|ages|level|category|number)\s*$",
    re.IGNORECASE,
)
POUNDS_AFTER = recache.compile(r"\s+(?:pounds|GBP|sterling)\b", re.IGNORECASE)
MONTH_NAMES = patterns.MONTH_NAME
# A period straight after a statement ("£1.2bn in 2024/25"): no subject follows.
PERIOD_AHEAD = recache.compile(
    r"\s*(?:in|over|during|for|since|between|from)\s+(?:the\s+(?:year|twelve|12|same|last|past|"
    rf"next|financial)\b|(?:19|20)\d\d|{MONTH_NAMES}\b|(?:this|last|next)\s+year\b(?!['’]))",
    re.IGNORECASE,
)
YEAR_LIKE = recache.compile(r"^(?:19|20)\d\d$")
ANAPHORA = recache.compile(
    r"\b(?:during|in|over|for|across|throughout)\s+(?:this|that|the\s+same)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:period|time|timeframe|months|years)\b",
    re.IGNORECASE,
)
_SUBJECT_END = recache.compile(
    r"[,.;:!?()\[\]\"“”]|\s[-–—]\s|\s(?:and|or)\s+(?:\w+\s+)?(?:a\s+|an\s+)?[£\d]"
    r"|\s(?:since|between|compared|than|during|until|while|whilst|which|who|whom|whose|"
    r"where|when|because|but|that|as\s+well\s+as|so\s+far|from\s+[£\d]|over\s+the|"
    r"in\s+the\s+(?:year|twelve|12|same|last|past|next|first|second|third|fourth|financial)|"
    rf"in\s+(?:19|20)\d\d|in\s+{MONTH_NAMES}\s+(?:19|20)\d\d|"
    r"(?:this|last|next)\s+year(?!['’])|to\s+(?!the\b|an?\b)[a-z]+)\b",
    re.IGNORECASE,
)
_LEADING_LINK = recache.compile(
    r"^(?:(?:be|been)\s+)?(?:made\s+available|invested|allocated|spent|committed|provided)?"
    r"\s*(?:to|for|on|in|towards|into|of|among|across)\s+",
    re.IGNORECASE,
)
_TRAILING_VERBS = recache.compile(
    r"(?:\s+(?:have|has|had|been|being|be|is|are|was|were|seen|saw|see|recorded|reported|"
    r"show|shows|showed|there|also|now|all|both|a|an|the|by|will|would|see|making\s+up|"
    r"make\s+up|makes\s+up|accounting\s+for|accounts?\s+for|representing|represents?|"
    r"to|at|cost|costs|costing))+$",
    re.IGNORECASE,
)
_LEADING_LINKS = recache.compile(
    r"^(?:.*\bthat\s+|(?:and|but|while|whilst|as|so|with|because|where|when)\s+)",
    re.IGNORECASE,
)
# "making up a third of all officers": the share's subject is written before it.
SHARE_VERB = recache.compile(
    r"(?:mak(?:e|es|ing)\s+up|made\s+up|account(?:s|ing)?\s+for|represent(?:s|ing)?|"
    r"compris(?:e|es|ing))\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "making up 33%", "set up 5 teams": 'up' belongs to the verb, not to a rise.
PHRASAL_UP = recache.compile(
    r"\b(?:mak\w*|made|end\w*|add\w*|sum\w*|sets?|setting|tak\w*|took|pick\w*|turn\w*|"
    r"show\w*|puts?|putting|br\w+|buil\w+|sign\w*|join\w*|open\w*|back\w*|step\w*|"
    r"line\w*|team\w*|shor\w*|clean\w*|follow\w*|mop\w*|round\w*|stock\w*|speak\w*|spoke)\s+$",
    re.IGNORECASE,
)
PRONOUNS = {"it", "this", "that", "they", "we", "he", "she", "which", "there", "these"}
_NUMBER_OF = recache.compile(r"\b(?:the\s+)?(?:total\s+)?numbers?\s+of\s+", re.IGNORECASE)
_CLAUSE_EDGE = recache.compile(r"[,;:(\[—–]|\s-\s")
_WORD_START = recache.compile(r"(?<![^\s(])[\w£]")


@record
class Core:
    """What a statement says, before its subject and periods are known."""

    start: int
    end: int
    value: float
    unit: str
    kind: str
    direction: str | None
    approximation: str = "exact"
    exact: float | None = None
    derived: bool = False
    subject_side: str = "after"  # where the subject is usually written
    match: tuple[int, int] | None = None  # the whole statement, when this is one part of it
    role: str | None = None  # "from" for the first level of "from X to Y"


# ---- finding statements and periods -----------------------------------------------------
def _candidate_starts(text: str, anchor: int, floor: int) -> list[int]:
    """The anchor and the words before it (up to five, in its clause) that a statement
    could start with: the walk back stops at the first word no form can contain there."""
    region_start = max(floor, anchor - LOOK_BACK)
    region = text[region_start:anchor]
    edge = max((m.end() for m in _CLAUSE_EDGE.finditer(region)), default=0)
    words = _WORD_BEFORE.findall(region, edge)
    starts = [anchor]
    offset = len(region)
    for word in reversed(words[-5:]):
        offset = region.rfind(word, 0, offset)
        lowered = word.lower()
        if patterns.may_start(lowered):
            starts.append(region_start + offset)
        elif lowered not in patterns.INNER_WORDS:
            break
    return starts[::-1]


_WORD_BEFORE = recache.compile(r"(?<![^\s(])[\w£][^\s(),;:]*")
_SUBJECT_WORDS = recache.compile(rf"(?:\S+\s+){{0,{MAX_SUBJECT_WORDS}}}\S*")
_SEMICOLON = recache.compile(";")
_WORDS = recache.compile(r"\S+")
_BULLET_LEAD = recache.compile(r"^\s*(?:[-*•✓✔–—▪◦·]|\d{1,2}[.)])\s+")


class Places:
    """Where statements and years can be in a text, found in one pass over it, so that
    each clause looks only at its own share."""

    def __init__(self, text: str):
        self.anchors = patterns.anchors(text, 0, len(text))
        year = patterns.compiled(patterns.YEAR_MENTION)
        self.years = [(m.start(), m.end()) for m in year.finditer(text)]

    def anchors_in(self, start: int, end: int) -> list[int]:
        return self.anchors[bisect_left(self.anchors, start) : bisect_left(self.anchors, end)]

    def years_in(self, start: int, end: int) -> list[tuple[int, int]]:
        low = bisect_left(self.years, (start, -1))
        return self.years[low : bisect_left(self.years, (end, -1))]


def find_statements(text: str, start: int, end: int, places: Places | None = None):
    """(start, end, groups) for each statement in text[start:end], left to right.

    At each anchor the grammar is tried from a few words back; the longest reading wins
    ("a 22 per cent reduction" over "a 22"), the earliest start breaking ties.
    """
    covered = start
    where = places.anchors_in(start, end) if places else patterns.anchors(text, start, end)
    for anchor in where:
        if anchor < covered:
            continue
        best = None
        for candidate in _candidate_starts(text, anchor, covered):
            limit = min(end, candidate + WINDOW)
            found = patterns.statement_at(text, candidate, limit)
            if not found or found[0] <= anchor or (best and found[0] <= best[1]):
                continue
            if not _phrasal(text, candidate, found[2]):
                best = (candidate, found[0], found[2])
        if best:
            yield best
            covered = best[1]


def _phrasal(text: str, start: int, groups) -> bool:
    """Is the 'up' of "up 5%" part of a verb before it ("making up 5%")?"""
    if groups["form"] != "down_up" or groups["dir"].lower() != "up":
        return False
    return bool(PHRASAL_UP.search(text, max(0, start - 20), start))


def find_periods(text: str, start: int, end: int, places: Places | None = None) -> list[tuple]:
    """Period phrases in text[start:end]: (role, Period, ...) tuples, left to right."""
    found = []
    covered = start
    if places:
        years = places.years_in(start, end)
    else:
        mentions = patterns.compiled(patterns.YEAR_MENTION).finditer(text, start, end)
        years = [(m.start(), m.end()) for m in mentions]
    lead_pattern = patterns.compiled(patterns.PERIOD_LEAD)
    for year_start, year_end in years:
        if year_start < covered:
            continue
        floor = max(covered, year_start - LOOK_BACK)
        for lead in lead_pattern.finditer(text, floor, year_start + 1):
            limit = min(end, year_end + WINDOW // 2)
            parsed = patterns.period_at(text, lead.start(), limit)
            if parsed and parsed[0] > year_start:
                found.append(parsed[1])
                covered = parsed[0]
                break
    return found


# ---- what a statement says --------------------------------------------------------------
def approximation(word: str | None) -> str:
    if not word:
        return "exact"
    return APPROXIMATION_OF.get(" ".join(word.lower().split()), "exact")


def _direction(*words: str | None) -> str:
    for word in words:
        if word:
            return "decrease" if FALLING.match(" ".join(word.lower().split())) else "increase"
    return "increase"


def _percent(tokens) -> tuple[float, str]:
    if tokens.get("frac"):
        return numbers.fraction(tokens["frac"]), "percent"
    unit = tokens["unit"].lower()
    is_points = "point" in unit or unit.strip() == "pp"
    return numbers.digits(tokens["num"]), "percentage_points" if is_points else "percent"


def _change(start: int, end: int, tokens) -> Core:
    value, unit = _percent(tokens)
    direction = _direction(
        tokens.get("change"), tokens.get("dir"), tokens.get("verb"), tokens.get("cmp")
    )
    signed = -value if direction == "decrease" else value
    side = "after" if tokens["form"] in ("change_noun", "noun_of") else "before"
    return Core(
        start,
        end,
        signed,
        unit,
        "change",
        direction,
        approximation(tokens.get("approx")),
        subject_side=side,
    )


def _multiple(start: int, end: int, tokens) -> Core:
    value = numbers.MULTIPLES[tokens["multiple"].lower()]
    direction = "decrease" if value < 0 else "increase"
    return Core(
        start,
        end,
        value,
        "percent",
        "change",
        direction,
        approximation(tokens.get("approx")),
        subject_side="before",
    )


def _money(start: int, end: int, tokens) -> Core:
    value = numbers.scaled(numbers.digits(tokens["num"]), (tokens.get("scale") or "").strip())
    increment = (tokens.get("incr") or "").lower() in INCREMENT_BEFORE_MONEY
    kind = "increment" if increment else "level"
    return Core(
        start,
        end,
        value,
        "GBP",
        kind,
        "increase" if increment else None,
        approximation(tokens.get("approx")),
    )


def _large_words(start: int, end: int, tokens) -> Core:
    words = " ".join(tokens["words"].lower().split())
    share = {"a quarter of a": 0.25, "three quarters of a": 0.75, "half a": 0.5}
    base = share.get(words) or numbers.words(words)
    value = numbers.scaled(base, tokens["scale"])
    increment = bool(tokens.get("incr"))
    unit = "GBP" if tokens.get("cur") else "count"
    return Core(
        start,
        end,
        value,
        unit,
        "increment" if increment else "level",
        "increase" if increment else None,
        approximation(tokens.get("approx")),
    )


def _percent_level(text: str, start: int, end: int, tokens) -> Core:
    value, unit = _percent(tokens)
    share = SHARE_VERB.search(text, max(0, start - 30), start)
    return Core(
        start,
        end,
        value,
        unit,
        "level",
        None,
        approximation(tokens.get("approx")),
        subject_side="before" if share else "after",
    )


def _count(text: str, start: int, end: int, tokens) -> Core | None:
    number = tokens["num"]
    noun = tokens.get("noun")
    approx = approximation(tokens.get("approx"))
    if YEAR_LIKE.match(number) or LABEL_BEFORE.search(text, max(0, start - 12), start):
        return None
    if noun and NOT_COUNTED.match(noun):
        noun = None
    value = numbers.scaled(numbers.digits(number), (tokens.get("scale") or "").strip())
    exact = numbers.digits(tokens["exact"]) if tokens.get("exact") else None
    if not noun and exact is None and (approx == "exact" or value <= 25):
        return None  # a bare number: a label, an age ("under 18"), a code
    if not noun and tokens.get("noun"):
        return None  # "10 years", "5 December": a duration or a date
    increment = bool(tokens.get("incr") or tokens.get("incr_after"))
    side = "after" if noun else "before"
    return Core(
        start,
        end,
        value,
        "count",
        "increment" if increment else "level",
        "increase" if increment else None,
        approx,
        exact,
        subject_side=side,
    )


def _level_verb(start: int, end: int, tokens) -> Core:
    value = numbers.scaled(numbers.digits(tokens["num"]), (tokens.get("scale") or "").strip())
    return Core(
        start,
        end,
        value,
        "count",
        "level",
        None,
        approximation(tokens.get("approx")),
        subject_side="before",
    )


def _from_to(text: str, start: int, end: int, tokens) -> list[Core]:
    """'rising from 2,117 to 2,390': two levels and the change they imply."""
    levels = []
    for side in ("a", "b"):
        raw = tokens[f"{side}_num"]
        base = numbers.number(raw)
        value = numbers.scaled(base, (tokens.get(f"{side}_scale") or "").strip())
        unit_text = tokens.get(f"{side}_unit") or tokens.get("a_unit") or tokens.get("b_unit")
        if tokens.get(f"{side}_cur") or tokens.get("a_cur") or tokens.get("b_cur"):
            unit = "GBP"
        elif unit_text:
            unit = "percentage_points" if "point" in unit_text.lower() else "percent"
        else:
            unit = "count"
        where = text.find(raw, start if side == "a" else levels[0].end, end)
        levels.append(
            Core(
                where,
                where + len(raw),
                value,
                unit,
                "level",
                None,
                subject_side="before",
                match=(start, end),
                role="from" if side == "a" else None,
            )
        )
    first, second = levels
    if first.value == second.value or first.unit != second.unit:
        return levels
    if first.unit == "percent":
        change, unit = second.value - first.value, "percentage_points"
    elif first.value:
        change, unit = round((second.value - first.value) / first.value * 100, 1), "percent"
    else:
        return levels
    direction = "decrease" if change < 0 else "increase"
    implied = Core(
        start,
        end,
        change,
        unit,
        "change",
        direction,
        derived=True,
        subject_side="before",
        match=(start, end),
    )
    return [*levels, implied]


def interpret(text: str, start: int, end: int, tokens) -> list[Core]:
    """The normalised statements one grammar match makes."""
    cores = _interpret(text, start, end, tokens)
    pounds = POUNDS_AFTER.match(text, end)
    if pounds and len(cores) == 1 and cores[0].unit == "count":
        return [replace(cores[0], unit="GBP", end=pounds.end())]
    return cores


def _interpret(text: str, start: int, end: int, tokens) -> list[Core]:
    form = tokens["form"]
    if form == "from_to":
        return _from_to(text, start, end, tokens)
    if form in ("change_noun", "noun_of", "down_up", "verb_by", "comparative"):
        return [_change(start, end, tokens)]
    if form in ("fraction_level", "percent_level"):
        return [_percent_level(text, start, end, tokens)]
    makers = {
        "multiple": _multiple,
        "money": _money,
        "large_words": _large_words,
        "level_verb": _level_verb,
    }
    if form in makers:
        return [makers[form](start, end, tokens)]
    core = _count(text, start, end, tokens)
    return [core] if core else []


# ---- subjects ---------------------------------------------------------------------------
def _squash(text: str) -> str:
    return " ".join(text.split())


def subject_after(text: str, position: int, limit: int) -> tuple[int, int]:
    """The metric phrase that follows a statement: (start, end) offsets, maybe empty."""
    region = text[position : min(limit, position + SUBJECT_REACH)]
    if PERIOD_AHEAD.match(region):
        return position, position
    lead = _LEADING_LINK.match(region.lstrip())
    skip = len(region) - len(region.lstrip()) + (lead.end() if lead else 0)
    reach = _SUBJECT_WORDS.match(region, skip).end() + 1  # the words a subject may have
    stop = _SUBJECT_END.search(region, max(skip - 1, 0), reach)
    phrase_end = stop.start() if stop else len(region)
    words = list(_WORDS.finditer(region, skip, phrase_end))[:MAX_SUBJECT_WORDS]
    if not words:
        return position, position
    return position + words[0].start(), position + words[-1].end()


def subject_before(text: str, position: int, floor: int) -> tuple[int, int]:
    """The metric phrase written before a statement ("homicides were 25% lower")."""
    floor = max(floor, position - SUBJECT_REACH)
    region = text[floor:position]
    edge = max((m.end() for m in _CLAUSE_EDGE.finditer(region)), default=0)
    if not region[edge:].strip() and region.rstrip().endswith("("):
        inner = region.rstrip()[:-1]
        edge = max((m.end() for m in _CLAUSE_EDGE.finditer(inner)), default=0)
        region = inner
    phrase = grammar_free_tail(region[edge:])
    if not phrase:
        return position, position
    start = floor + edge + region[edge:].rfind(phrase)
    return start, start + len(phrase)


def grammar_free_tail(clause: str) -> str:
    """Trim a clause to the noun phrase at its end that names what is measured."""
    clause = _TRAILING_VERBS.sub("", clause.rstrip())
    clause = _BULLET_LEAD.sub("", clause)
    number_of = list(_NUMBER_OF.finditer(clause))
    if number_of:
        clause = clause[number_of[-1].end() :]
    clause = _LEADING_LINKS.sub("", clause.strip())
    leading = patterns.period_at(clause, 0, len(clause))  # "Since 2019 homicides fell"
    if leading:
        clause = clause[leading[0] :].lstrip(" ,")
    words = list(_WORDS.finditer(clause))[-MAX_SUBJECT_WORDS:]
    phrase = clause[words[0].start() :].strip(" \n*_") if words else ""
    return "" if phrase.lower() in PRONOUNS else phrase


# ---- periods of a statement -------------------------------------------------------------
def resolve_periods(
    kind: str, phrases: list[tuple], role: str | None = None
) -> tuple[Period | None, Period | None]:
    """(baseline, period) for a statement of this kind, from the phrases in its scope."""
    since = [phrase[1] for phrase in phrases if phrase[0] == "since"]
    intervals = [phrase[1:] for phrase in phrases if phrase[0] == "interval"]
    points = [phrase[1] for phrase in phrases if phrase[0] == "in"]
    if role == "from":  # the first level of "from X in 2019 to Y in 2024"
        return None, (since or points or [None])[0]
    if kind != "change":
        if intervals:
            first, last = intervals[-1]
            return None, Period(first.start, last.end)
        return None, points[-1] if points else None
    baseline = since[-1] if since else None
    period = None
    if intervals:
        first, last = intervals[-1]
        baseline, period = baseline or first, last
    elif points:
        if baseline is None and len(points) > 1:
            baseline = points[0]
        period = points[-1]
    if baseline and period and baseline.ends_after(period):
        baseline, period = period, baseline
    return baseline, period


def _last_since(scope: list) -> list:
    """The scope's last "since" phrase, as a list of none or one."""
    return next(([phrase] for phrase in reversed(scope) if phrase[0] == "since"), [])


def _resolved(kind: str, scope: list, role: str | None):
    """resolve_periods (or, for kind "since", _last_since), worked out once per scope: a
    very long sentence has one scope for thousands of statements."""
    key = (id(scope), len(scope), kind, role)
    cached = _RESOLVED.get(key)
    if cached is None or cached[0] is not scope:
        cached = (
            scope,
            _last_since(scope) if kind == "since" else resolve_periods(kind, scope, role),
        )
        if len(_RESOLVED) > 256:
            _RESOLVED.clear()
        _RESOLVED[key] = cached
    return cached[1]


_RESOLVED: dict = {}


# ---- putting it together ----------------------------------------------------------------
@record(frozen=False)
class _Context:
    """Period phrases carried from sentence to sentence."""

    previous: list
    by_block: dict


def _clauses(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """A sentence split at semicolons: periods apply within a clause."""
    spans, start = [], sentence.start
    for match in _SEMICOLON.finditer(text, sentence.start, sentence.end):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, sentence.end))
    return spans


def extract(document: Document) -> list[Claim]:
    """Every statistical statement in the document, in reading order."""
    if not document.cells:
        return _prose_claims(document)
    prose = document.masked([(cell.start, cell.end) for cell in document.cells])
    found = _prose_claims(prose) + [
        claim for cell in document.cells for claim in _cell_claims(document, cell)
    ]
    return sorted(found, key=lambda claim: claim.start)


def _cell_claims(document: Document, cell) -> list[Claim]:
    """A table cell is read on its own, its column header giving the periods it lacks and
    its row header the subject ("Homicides | down 24%" under "Year to March 2025")."""
    header = cell.column_header
    scope = find_periods(document.text, cell.start, cell.end) or find_periods(
        header, 0, len(header)
    )
    found = []
    for match_start, match_end, tokens in find_statements(document.text, cell.start, cell.end):
        for core in interpret(document.text, match_start, match_end, tokens):
            bounds = (cell.start, cell.end)
            found.append(_claim(document, core, bounds, scope, cell.row_header))
    return found


def _prose_claims(document: Document) -> list[Claim]:
    text = document.text
    places = Places(text)
    block_list = blocks(text)
    context = _Context(previous=[], by_block={})
    found: list[Claim] = []
    for sentence in sentences(text, block_list):
        block = block_list[sentence.block]
        sentence_phrases = []
        for clause_start, clause_end in _clauses(text, sentence):
            phrases = find_periods(text, clause_start, clause_end, places)
            sentence_phrases.extend(phrases)
            if not places.anchors_in(clause_start, clause_end):
                continue
            scope = _scope(text, phrases, sentence, block, context)
            claims = _claims_in(document, clause_start, clause_end, sentence, scope, places)
            found.extend(claims)
        context.by_block.setdefault(sentence.block, []).extend(sentence_phrases)
        if sentence_phrases:
            context.previous = sentence_phrases
    return found


def _scope(text: str, phrases, sentence: Sentence, block: Block, context) -> list:
    """The period phrases a clause's statements take: its own; "during this period" takes
    the previous sentence's (its baseline only, when the clause names its own period)."""
    refers_back = ANAPHORA.search(text, sentence.start, sentence.end)
    if phrases:
        carried = [phrase for phrase in context.previous if phrase[0] == "since"]
        return [*carried, *phrases] if refers_back and carried else phrases
    if refers_back:
        return context.previous
    if block.lead_in is not None:
        return context.by_block.get(block.lead_in, [])
    return []


def _shared(text: str, start: int, end: int, scope: list, places) -> list:
    """The scope less the bracketed periods that more statements follow in the clause:
    "homicides (year to March 2025), and robbery (year to March 2024)" gives each its own,
    read by _claim; a bracket after the last statement is the whole clause's."""
    private = set()
    for year_start, _ in places.years_in(start, end) if places is not None else ():
        bracket = text.rfind("(", max(start, year_start - LOOK_BACK), year_start)
        found = _bracketed_period(text, bracket, end) if bracket >= 0 else None
        if found and places.anchors_in(year_start, end):
            private.add(found)
    return [phrase for phrase in scope if phrase not in private] if private else scope


def _claims_in(document: Document, start, end, sentence: Sentence, scope, places=None):
    text = document.text
    scope = _shared(text, start, end, scope, places)
    floor = sentence.start
    for match_start, match_end, tokens in find_statements(text, start, end, places):
        cores = interpret(text, match_start, match_end, tokens)
        for core in cores:
            yield _claim(document, core, (floor, sentence.end), scope)
        floor = match_end if cores else floor


def _claim(document: Document, core: Core, bounds: tuple[int, int], scope, hint="") -> Claim:
    """bounds: where the subject may be, from the previous statement to the sentence end;
    hint: the subject when none is written there (a table's row header)."""
    text = document.text
    subject_span = _subject_span(text, core, bounds)
    span_start = min(core.start, subject_span[0])
    span_end = max(core.end, subject_span[1])
    if text[span_start:span_end].count("(") > text[span_start:span_end].count(")"):
        span_end += text[span_end : min(bounds[1], span_end + SUBJECT_REACH)].find(")") + 1
    own = _bracketed_period(text, span_end, bounds[1])
    if own:  # "homicides (year to March 2025)": that statement's own period
        since = _resolved("since", scope, None)  # the baseline the clause gives
        baseline, period = resolve_periods(core.kind, [*since, own], core.role)
    else:
        baseline, period = _resolved(core.kind, scope, core.role)
    line, column, end_line, end_column = document.span(span_start, span_end)
    subject = _squash(text[subject_span[0] : subject_span[1]]) or _squash(hint)
    return Claim(
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=span_start,
        end=span_end,
        text=_squash(text[span_start:span_end]),
        subject=subject,
        value=core.value,
        unit=core.unit,
        kind=core.kind,
        direction=core.direction,
        approximation=core.approximation,
        baseline=str(baseline) if baseline else None,
        period=str(period) if period else None,
        exact=core.exact,
        derived=core.derived,
    )


def _bracketed_period(text: str, start: int, end: int) -> tuple | None:
    """A period in brackets right after a statement, or after its baseline: "homicides
    (year to March 2025)", "homicides since 2019 (year to March 2025)"."""
    start = _after_spaces(text, start, end)
    if text.find("(", start, min(end, start + WINDOW)) < 0:
        return None  # the common case, answered without the grammar
    if start < end and text[start] != "(":
        start = _after_spaces(text, after_baseline(text, start, end), end)
    if start >= end or text[start] != "(":
        return None
    found = patterns.period_at(text, start, min(end, start + WINDOW))
    if found is None or found[1][0] == "since" or text[found[0] - 1 : found[0] + 1].find(")") < 0:
        return None
    return found[1]


def after_baseline(text: str, start: int, end: int) -> int:
    """Past the period phrase that follows text[:start] ("since 2019"), if one does;
    `start` if none does."""
    begin = _after_spaces(text, start, end)
    phrase = patterns.period_at(text, begin, min(end, begin + WINDOW))
    return phrase[0] if phrase else start


def _after_spaces(text: str, start: int, end: int) -> int:
    while start < end and text[start] == " ":
        start += 1
    return start


def _subject_span(text: str, core: Core, bounds: tuple[int, int]) -> tuple[int, int]:
    start, end = core.match or (core.start, core.end)
    after = subject_after(text, end, bounds[1])
    before = subject_before(text, start, bounds[0])
    first, second = (after, before) if core.subject_side == "after" else (before, after)
    return first if first[1] > first[0] else second
