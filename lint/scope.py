"""Which period each statement is for, and which it is measured against.

Within a sentence, a period phrase belongs to the number just before it in its clause
("563 in 2023"), or, with none there, to the whole sentence ("In 2022, 18.7% ... and
18.8% ..."). A change takes the period of the level it follows ("535 offences in 2024,
down five per cent") and the baseline its own words give ("since 2019", "on the previous
year") or the level it is compared with ("down 16 per cent from 258 in 2023"). A number
in brackets right after a period phrase is that period's ("in 2010/11 (30,620)").

A statement that states no period may still have one by context: a list's lead-in line,
a sentence that refers back ("This is up 22%", "over the same period"), or the period
the document has been talking about. Each claim says where its period came from
(`period_from`), so the checks can tell a period written from one inferred.
"""

from __future__ import annotations

import re

from . import grammar
from .document import Document
from .grammar.model import PeriodPhrase
from .periods import Period, Point, parse_point, previous
from .timeline import Frame, endpoints, is_relative_to_statement, resolve

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .extract import Reading, Sentence

_SEGMENT_BREAK = re.compile(r"[,;:–—]|\s-\s|\)|\(")
# A sentence that opens by pointing back ("This is up 22%"), or names "the same period".
_OPENS_BY_REFERRING = re.compile(
    r"\W*(?:this|that|these|those|it|which|such|the\s+(?:figure|figures|total|number|rate|"
    r"increase|rise|fall|decrease|drop|reduction|change))\b",
    re.IGNORECASE,
)
_SAME_PERIOD = re.compile(
    r"\b(?:in|over|during|for|across|throughout|within)\s+(?:this|that|the\s+same)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:period|time|timeframe|time\s+frame|months|years|span|quarter)\b",
    re.IGNORECASE,
)
_DATELINE_LEAD = re.compile(
    r"^\W*(?:(?:date\s+)?published|posted(?:\s+on)?|date|updated|issued|released|release\s+date|"
    r"last\s+updated|by\b[^|•]*[|•])?\s*:?\s*",
    re.IGNORECASE,
)
DATELINE_LINES = 15
DATELINE_TAIL = 3  # letters and releases may be dated at their foot
DATELINE_REACH = 1500
_WEEKDAY_DATE = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|"
    r"[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?),?\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)


def document_date(document: Document) -> Point | None:
    """The date the document speaks from: --date or front matter (the document's `date`),
    else a dateline near the top ("Published 12 May 2024", a letter's date line)."""
    if document.date:
        try:
            return parse_point(document.date)
        except ValueError:
            return None
    return dateline(document.text)


def dateline(text: str) -> Point | None:
    """A line near the top or at the very end that is a date, or says when the text was
    published; else a date with its weekday early in the text ("Friday, October 7, 2016")."""
    lines = text.split("\n")
    candidates = lines[:DATELINE_LINES] + lines[-DATELINE_TAIL:][::-1]
    for line in candidates:
        found = _dated_line(line)
        if found is not None:
            return found
    found = _WEEKDAY_DATE.search(text, 0, DATELINE_REACH)
    if found:
        return _date_at(found.group())
    return None


def _dated_line(line: str) -> Point | None:
    stripped = line.strip()
    if not stripped or len(stripped) > 120:
        return None
    lead = _DATELINE_LEAD.match(stripped)
    rest = stripped[lead.end() :] if lead else stripped
    from .grammar.periods import DATE, _date

    for tokens, start, end in DATE.scan_string(rest, max_matches=1):
        date = _date(tokens)
        leftover = (rest[:start] + rest[end:]).split()
        if date.year and date.month and (start <= 12 and len(leftover) <= 8):
            return Point(date.year, date.month, date.day)
    return None


def _date_at(text: str) -> Point | None:
    from .grammar.periods import DATE, _date

    date = _date(DATE.parse_string(text))
    return Point(date.year, date.month, date.day) if date.year else None


class State:
    """What a sentence leaves for the ones after it: its period and baseline, and the two
    ends of its period when it compares them ("Between 1990 and 2023")."""

    def __init__(self, period: Period | None = None, baseline: Period | None = None, ends=None):
        self.period = period
        self.baseline = baseline
        self.ends = ends


class Context:
    """Walks a document's sentences in order, giving each statement its periods."""

    def __init__(self, document: Document, block_list, fy_start: int = 4):
        self.today = document_date(document)
        self.fy_start = fy_start
        self.blocks = block_list
        self.text = document.text
        self.previous = State()
        self.running: Period | None = None
        self.by_block: dict[int, State] = {}

    def assign(self, sentence: Sentence) -> list[Reading]:
        readings = sentence.readings
        inherited, source = self._inherited(sentence)
        own, sentence_level, baselines = self._attach(sentence)
        frame = Frame(self.today, None, self.fy_start)
        frame = frame.with_anchor(_first_date(sentence.phrases, frame))
        absolute = self._sentence_period(sentence_level, own, readings, frame)
        frame = frame.with_current(absolute or inherited.period)
        for reading in readings:
            phrase = own.get(id(reading))
            if phrase is not None:
                self._own_period(reading, phrase, frame)
        shared = self._shared(sentence_level, frame)
        level_period = self._levels(readings, shared, inherited, source)
        self._changes(readings, baselines, shared, frame, inherited, source)
        later = next((r.period for r in reversed(readings) if r.role == "to" and r.period), None)
        main = absolute or level_period or shared[0] or later
        self._remember(sentence, main, readings, shared[1] if main == shared[0] else None)
        self._lead_in(sentence, readings, baselines, frame, inherited)
        return readings

    def _heading(self, sentence: Sentence) -> bool:
        """A heading or lead-in line: short, and not ended like a sentence of prose."""
        written = self.text[sentence.start : sentence.end].strip()
        return written.endswith(":") or (len(written) < 120 and written[-1:] not in ".!?”\"")

    def _lead_in(self, sentence: Sentence, readings, baselines, frame, inherited) -> None:
        """A lead-in line ("..., we see:") gives its list what it states, or else what it
        took from the sentence before it."""
        if readings or not self.text[sentence.start : sentence.end].rstrip().endswith(":"):
            return
        state = self.by_block.setdefault(sentence.block, State())
        state.period = state.period or inherited.period
        if baselines and baselines[-1].spec.precise:
            state.baseline = resolve(baselines[-1], frame.with_current(state.period))
        state.baseline = state.baseline or inherited.baseline

    # ---- context from other sentences -----------------------------------------------------
    def _inherited(self, sentence: Sentence) -> tuple[State, str | None]:
        block = self.blocks[sentence.block] if 0 <= sentence.block < len(self.blocks) else None
        if block is not None and block.lead_in is not None and block.lead_in in self.by_block:
            return self.by_block[block.lead_in], "lead-in"
        if _OPENS_BY_REFERRING.match(self.text, sentence.start) or _SAME_PERIOD.search(
            self.text, sentence.start, sentence.end
        ):
            if self.previous.period or self.previous.baseline:
                return self.previous, "previous"
        return State(self.running), "context"

    def _remember(self, sentence: Sentence, period: Period | None, readings, ends=None) -> None:
        if period is None and not readings:
            return
        if not readings and not self._heading(sentence) and self.running is not None:
            return  # prose that states no figure does not change what the text is about
        if not readings and period is not None and period.start.day:
            return  # a dateline: when the text was written, not what it is about
        baseline = next((r.baseline for r in readings if r.kind == "change" and r.baseline), None)
        if baseline is None:
            baseline = next((r.period for r in readings if r.role in ("from", "than")), None)
        state = State(period, baseline, ends)
        self.previous = state
        if sentence.block >= 0:
            block = self.by_block.setdefault(sentence.block, State())
            block.period = block.period or period
            block.baseline = block.baseline or baseline
        if period is not None:
            self.running = period

    # ---- phrases to statements ----------------------------------------------------------
    def _attach(self, sentence: Sentence):
        """(own phrase by reading, sentence-level phrases, baseline phrases in order)."""
        own: dict[int, PeriodPhrase] = {}
        sentence_level: list[PeriodPhrase] = []
        baselines: list[PeriodPhrase] = []
        for phrase in sentence.header_phrases:
            (baselines if _is_baseline(phrase) else sentence_level).append(phrase)
        for phrase in sentence.phrases:
            target = self._left_neighbour(sentence, phrase)
            bracketed = None if target else self._bracketed_after(sentence, phrase)
            if bracketed is not None:
                own[id(bracketed)] = phrase
            comparison = phrase.spec.relative == "same_period_in" and target is not None
            if comparison and target.kind != "change":
                own[id(target)] = phrase  # "1,893 for the same period in 2022"
                continue
            if _is_baseline(phrase) or self._after_than(sentence, phrase):
                baselines.append(phrase)
                continue
            if bracketed is not None:
                continue
            if target is None:
                sentence_level.append(phrase)
            elif id(target) not in own:
                own[id(target)] = phrase
                for sibling in self._apposed(sentence, target):
                    own.setdefault(id(sibling), phrase)
        return own, sentence_level, baselines

    def _after_than(self, sentence: Sentence, phrase: PeriodPhrase) -> bool:
        """"52.7% lower than they were in 1990": the period of a comparison."""
        before = [r for r in sentence.readings if r.end <= phrase.start]
        start = before[-1].end if before else sentence.start
        return bool(_THAN.search(self.text, max(start, phrase.start - 60), phrase.start))

    def _bracketed_after(self, sentence: Sentence, phrase: PeriodPhrase):
        """The statement in brackets right after a period phrase: "in 2010/11 (30,620)"."""
        found = _BARE_BRACKET.match(self.text, phrase.end)
        if not found:
            return None
        for reading in sentence.readings:
            if found.start(1) == reading.statement.quantity.start:
                return reading
        return None

    def _left_neighbour(self, sentence: Sentence, phrase: PeriodPhrase):
        """The statement just before the phrase in its clause, if nothing breaks them."""
        before = [r for r in sentence.readings if r.end <= phrase.start]
        if not before:
            return None
        reading = before[-1]
        gap = self.text[reading.end : phrase.start]
        if _SEGMENT_BREAK.search(gap) or len(gap.split()) > 8:
            return None
        return reading

    def _apposed(self, sentence: Sentence, target):
        """Statements in brackets beside the target: "decreased 14% (-47) in 2024"."""
        readings = sentence.readings
        index = readings.index(target)
        found = []
        for other in readings[max(0, index - 1) : index + 2]:
            if other is target or other.kind != target.kind:
                continue
            low, high = sorted((other, target), key=lambda r: r.start)
            gap = self.text[low.end : high.statement.quantity.start]
            if gap.strip() in ("(", ",", "", "or", ", or", "/"):
                found.append(other)
        return found

    # ---- periods ------------------------------------------------------------------------
    def _own_period(self, reading, phrase: PeriodPhrase, frame: Frame) -> None:
        reading.phrase = phrase
        ends = self._compared_ends(phrase, frame)
        if reading.kind == "change" and ends is not None:
            # "rose by 20% between January 2009 and December 2010": from one to the other
            reading.baseline_phrase = phrase
            reading.baseline, reading.period = ends
        else:
            reading.period = resolve(phrase, frame)
        reading.period_from = "own" if reading.period else None

    def _sentence_period(self, sentence_level, own, readings, frame) -> Period | None:
        """The period the sentence is about, from what it writes itself."""
        for phrase in sentence_level:
            if not is_relative_to_statement(phrase):
                period = resolve(phrase, frame)
                if period is not None:
                    return period
        for reading in readings:
            phrase = own.get(id(reading))
            if phrase is not None and not reading.role and not is_relative_to_statement(phrase):
                return resolve(phrase, frame)
        return None

    def _shared(self, sentence_level, frame) -> tuple[Period | None, tuple | None]:
        """The sentence's own period for statements without one, and the two ends of it
        when it compares them ("Between 1990 and 2023", "From 2021 to 2022")."""
        for phrase in sentence_level:
            period = resolve(phrase, frame)
            if period is not None:
                return period, self._compared_ends(phrase, frame)
        return None, None

    def _compared_ends(self, phrase: PeriodPhrase, frame: Frame):
        """The two ends of "between A and B" when it compares two times, not when it
        spans one ("in the 12 months from 1 April 2024 to 31 March 2025")."""
        if phrase.lead not in ("between", "from"):
            return None
        ends = endpoints(phrase.spec, frame)
        if ends is None or ends[0].start.day or ends[1].end.day:
            return None
        before = self.text[max(0, phrase.start - 12) : phrase.start].lower()
        if phrase.end <= len(self.text) and re.search(r"(?:months?|weeks?|days?|period|year)\s*$", before):
            return None
        return ends

    def _levels(self, readings, shared, inherited, source) -> Period | None:
        """Levels without a period of their own take the sentence's, else the context's;
        the first level of "from X to Y" the one before the second's."""
        period, ends = shared
        first = None
        previous_own = None
        for index, reading in enumerate(readings):
            if reading.kind == "change":
                continue
            if reading.period is not None:
                previous_own = reading.period if not reading.role else previous_own
                first = first or (reading.period if not reading.role else None)
                continue
            if reading.role == "from":
                later = _paired_to(readings, index)
                if ends is not None and later is not None:
                    reading.period, reading.period_from = ends[0], "sentence"
                    later.period, later.period_from = ends[1], "sentence"
                elif later is not None and later.period is not None and later.phrase is not None:
                    reading.period, reading.period_from = previous(later.period), "sentence"
                continue
            if reading.role and reading.role != "to":
                continue
            if previous_own is not None and _same_clause(self.text, readings, index):
                reading.period, reading.period_from = previous_own, "sentence"
            elif period is not None:
                reading.period, reading.period_from = period, "sentence"
            elif inherited.period is not None:
                reading.period, reading.period_from = inherited.period, source
            first = first or reading.period
        return first

    def _changes(self, readings, baselines, shared, frame, inherited, source) -> None:
        period_shared, ends = shared
        for index, reading in enumerate(readings):
            if reading.kind != "change":
                continue
            if reading.period is None:
                period, origin = _modified_level(readings, index), "sentence"
                if period is None and period_shared is not None:
                    period = period_shared
                    if ends is not None:  # "Between 1990 and 2023 ... fallen 78.4%"
                        reading.baseline, period = ends
                if period is None and inherited.period is not None:
                    period, origin = inherited.period, source
                    if inherited.ends is not None:
                        reading.baseline, period = inherited.ends
                reading.period, reading.period_from = period, origin if period else None
            if reading.baseline is None:
                reading.baseline = self._baseline(readings, index, baselines, frame, inherited)

    def _baseline(self, readings, index, baselines, frame, inherited) -> Period | None:
        reading = readings[index]
        phrase = _baseline_phrase(reading, baselines)
        if phrase is not None:
            reading.baseline_phrase = phrase
            if not phrase.spec.precise:
                return None
            return resolve(phrase, frame.with_current(reading.period or frame.current))
        compared = _compared_level(readings, index)
        if compared is not None:
            return compared.period
        sibling = _sibling_change(readings, index)
        if sibling is not None:
            return sibling.baseline
        if inherited.baseline is not None and reading.period_from in ("previous", "lead-in"):
            return inherited.baseline
        return None


_BARE_BRACKET = re.compile(r"\s*\(\s*([£$€]?\d[\d,.]*)(?:\s*[a-z%]+){0,3}\s*\)", re.IGNORECASE)
# "lower than they were in 1990", but not the "more than" of "more than two decades".
_THAN = re.compile(
    r"\bthan\b(?!\s+(?:[£$€]?\d|one|two|three|four|five|six|seven|eight|nine|ten|half|an?\s+"
    r"(?:quarter|third|half|fifth|tenth|million|billion|thousand|hundred)))"
    r"[^,;]*$",
    re.IGNORECASE,
)


def _first_date(phrases: list[PeriodPhrase], frame: Frame) -> Period | None:
    """The first date the sentence writes in full, for its yearless months and its "last
    year"."""
    for phrase in phrases:
        if phrase.spec.kind in ("point", "interval", "rolling", "financial", "quarter"):
            period = resolve(phrase, frame)
            if period is not None and (phrase.spec.start is None or phrase.spec.start.year):
                return period
    return None


def _same_clause(text: str, readings, index: int) -> bool:
    """Is the statement in the same clause as the level before it ("80% of homicides
    were solved in 2025 and about 40% of shootings")?"""
    previous_level = next(
        (r for r in reversed(readings[:index]) if r.kind != "change" and r.period is not None),
        None,
    )
    if previous_level is None:
        return False
    return ";" not in text[previous_level.end : readings[index].start]


def _is_baseline(phrase: PeriodPhrase) -> bool:
    if phrase.role in ("since", "than") or phrase.spec.relative == "same_period_in":
        return True
    return phrase.role == "from" and phrase.spec.kind != "interval"


def _baseline_phrase(reading, baselines: list[PeriodPhrase]) -> PeriodPhrase | None:
    """The first baseline phrase after the change in its sentence, else the last before."""
    after = [p for p in baselines if p.start >= reading.end]
    if after:
        return after[0]
    before = [p for p in baselines if p.end <= reading.start]
    return before[-1] if before else None


def _modified_level(readings, index: int) -> Period | None:
    """The period of the level a change follows: "535 offences in 2024, down 5%"."""
    for reading in reversed(readings[:index]):
        if reading.kind == "level" and not reading.role:
            return reading.period if reading.period_from in ("own", "sentence") else None
    return None


def _compared_level(readings, index: int):
    """The level a change is measured from: "down 16% from 258 in 2023", "up from 29 the
    year before – an increase of five", "by 2,586 crimes (30,574 crimes in 2023)"."""
    change = readings[index]
    for reading in readings[index + 1 :]:
        if reading.kind == "change":
            break
        if reading.role in ("from", "than") and reading.period is not None:
            return reading
        if reading.phrase is not None and reading.period not in (None, change.period):
            if reading.start - change.end < 40 and reading.period_from == "own":
                return reading  # the earlier level, given in brackets after the change
    for reading in reversed(readings[:index]):
        if reading.kind == "change":
            return None
        if reading.role in ("from", "than") and reading.period is not None:
            return reading
    return None


def _sibling_change(readings, index: int):
    """An earlier change in the sentence with a baseline: "down 18% from 4,997 in the
    previous 12 months – a reduction of 881"."""
    for reading in reversed(readings[:index]):
        if reading.kind == "change" and reading.baseline is not None:
            return reading
    return None


def _paired_to(readings, index: int):
    for reading in readings[index + 1 : index + 3]:
        if reading.role == "to":
            return reading
    return None


def leading_period(text: str, start: int, end: int) -> int:
    """Where a sentence's opening period phrase ends ("Since 2019 homicides fell"), or
    `start` if it opens with none."""
    found = grammar.period_at(text, start, start, end)
    return found[1] if found and found[0].start == start else start
