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

from statlint import grammar
from statlint.extract.timeline import Frame, endpoints, is_relative_to_statement, resolve
from statlint.grammar.model import PeriodPhrase
from statlint.periods import Period, Point, days_in_month, parse_point, previous
from statlint.read.document import Document

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statlint.extract.claims import Reading, Sentence

_SEGMENT_BREAK = re.compile(r"[,;:–—]|\s-\s|\)|\(")
# A sentence that opens by pointing back to the figure before it ("This is up 22%",
# "That represents a 34% decrease", "The figure was"), or names "the same period"; not
# "This model of policing ...".
_OPENS_BY_REFERRING = re.compile(
    r"\W{0,8}(?:(?:this|that|these|those|it|they|which)(?:\s+\w+ly)?\s+(?:is|was|were|are|'s|represents?|"
    r"represented|means?|meant|equates?|equated|compares?|compared|includes?|included|marks?|"
    r"marked|shows?|showed|saw|sees|has|had|have|will|would|comes?|came|brings?|brought|"
    r"amounts?|amounted|makes?|made|leaves?|left|follows?|followed|puts?|takes?|took|accounts?)"
    r"|the\s+(?:figure|figures|total|number|rate|increase|rise|fall|decrease|drop|reduction|"
    r"change)\s+(?:is|was|were|are|has|had)|this\s+a)\b",
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
    """The date the document speaks from: --date, else a dateline near the top
    ("Published 12 May 2024", a letter's date line), else Markdown front matter's `date:`."""
    if document.date:
        return _point_or_none(document.date)
    found = dateline(document.text)
    if found is None and document.front_matter_date:
        return _point_or_none(document.front_matter_date)
    return found


def _point_or_none(written: str) -> Point | None:
    try:
        return parse_point(written)
    except ValueError:
        return None


def dateline(text: str) -> Point | None:
    """A line near the top or at the very end that is a date, or says when the text was
    published; else a date with its weekday early in the text ("Friday, October 7, 2016")."""
    lines = text.split("\n")
    candidates = lines[:DATELINE_LINES] + lines[-DATELINE_TAIL:][::-1]
    for line in candidates:
        found = _dated_line(line)
        if found is not None:
            return found
    weekday = _WEEKDAY_DATE.search(text, 0, DATELINE_REACH)
    return _date_at(weekday.group()) if weekday else None


def _dated_line(line: str) -> Point | None:
    stripped = line.strip()
    if not stripped or len(stripped) > 120:
        return None
    lead = _DATELINE_LEAD.match(stripped)
    rest = stripped[lead.end() :] if lead else stripped
    from statlint.grammar.periods import DATE

    for (date,), start, end in DATE.scan_string(rest, max_matches=1):
        leftover = (rest[:start] + rest[end:]).split()
        if date.year and date.month and (start <= 12 and len(leftover) <= 8):
            return Point(date.year, date.month, date.day)
    return None


def _date_at(text: str) -> Point | None:
    from statlint.grammar.periods import DATE

    date = DATE.parse_string(text)[0]
    return Point(date.year, date.month, date.day) if date.year else None


class State:
    """What a sentence leaves for the ones after it: its period and baseline, and the two
    ends of its period when it compares them ("Between 1990 and 2023")."""

    def __init__(
        self, period: Period | None = None, baseline: Period | None = None, ends=None, origin=None
    ):
        self.period = period
        self.baseline = baseline
        self.ends = ends
        self.origin = origin  # "context" when the sentence itself did not state it


class Shared:
    """A period phrase that belongs to no single statement: "In 2022, 18.7% ... and 18.8%"."""

    def __init__(self, phrase: PeriodPhrase, period: Period, ends, text: str):
        self.phrase = phrase
        self.period = period
        self.ends = ends
        self.text = text

    def clause_break_before(self, reading) -> bool:
        """Does a new clause start between the statement and this later phrase ("£1.8m to
        services in boroughs that have high levels of crime this year")?"""
        return bool(_NEW_CLAUSE.search(self.text, reading.end, self.phrase.start))


class Context:
    """Walks a document's sentences in order, giving each statement its periods."""

    def __init__(self, document: Document, block_list, fy_start: int = 4):
        self.today = document_date(document)
        self.fy_start = fy_start
        self.blocks = block_list
        self.text = document.text
        self.previous = State()
        self.last_stated = State()  # the last sentence that stated its own period
        self.running = State()
        self.by_block: dict[int, State] = {}

    def assign(self, sentence: Sentence) -> list[Reading]:
        readings = sentence.readings
        inherited, source = self._inherited(sentence)
        own, sentence_level, baselines = self._attach(sentence)
        frame = Frame(self.today, None, self.fy_start)
        frame = frame.with_anchor(
            _first_date(sentence.phrases, baselines, frame), _compared_date(baselines, frame)
        )
        written = self._sentence_period(sentence_level, own, readings, frame)
        stated = written is not None or source != "context"
        frame = frame.with_current(written or inherited.period, stated)
        for reading in readings:
            if id(reading) in own:
                self._own_period(reading, own[id(reading)], frame)
        shared = self._shared(sentence_level, frame)
        self._levels(readings, shared, inherited, source)
        self._changes(readings, shared, inherited, source)
        for index, reading in enumerate(readings):
            if reading.kind in ("change", "increment") and reading.baseline is None:
                reading.baseline = self._baseline(
                    readings, index, baselines, frame, inherited, source
                )
        _later_is_the_period(readings)
        _month_precision(readings)
        since = next((resolve(p, frame) for p in baselines if p.spec.precise), None)
        self._remember(sentence, readings, written, shared, since)
        self._lead_in(sentence, readings, baselines, frame, inherited, written)
        return readings

    # ---- context from other sentences -----------------------------------------------------
    def _inherited(self, sentence: Sentence) -> tuple[State, str]:
        """A sentence that refers back takes the one before it; a list item its lead-in;
        anything else the period the document is about, as context only."""
        block = self.blocks[sentence.block] if 0 <= sentence.block < len(self.blocks) else None
        refers_back = _OPENS_BY_REFERRING.match(self.text, sentence.start) or _SAME_PERIOD.search(
            self.text, sentence.start, sentence.end
        )
        first_in_block = block is None or sentence.start <= block.start + 4
        if refers_back and not first_in_block and (self.previous.period or self.previous.baseline):
            return self.previous, "previous" if self.previous.origin != "context" else "context"
        if block is not None and block.lead_in is not None and block.lead_in in self.by_block:
            return self.by_block[block.lead_in], "lead-in"
        if refers_back:
            # "In the same three-month period": the last period a sentence stated
            referred = self.previous if self.previous.origin != "context" else self.last_stated
            if referred.period or referred.baseline:
                return referred, "previous"
        return self.running, "context"

    def _remember(self, sentence: Sentence, readings, written, shared, since) -> None:
        state = _main_state(readings, written, shared)
        state.baseline = state.baseline or since
        if state.period is None and state.baseline is None and not readings:
            return
        if not readings and state.period is not None and state.period.start.day:
            return  # a dateline: when the text was written, not what it is about
        self.previous = state  # what "This" or "They show:" in the next sentence means
        if state.origin != "context":
            self.last_stated = state
        if sentence.block >= 0 and state.origin != "context":
            self.by_block[sentence.block] = State(state.period, state.baseline)
        if not readings and not self._heading(sentence) and self.running.period is not None:
            return  # prose that states no figure does not change what the text is about
        if state.period is not None:
            self.running = State(state.period, None, state.ends, "context")

    def _continues(self, sentence: Sentence) -> bool:
        """Does a lead-in go on with the sentence before it ("For other areas, the fares
        index change was:")? It does when it refers back or names a change."""
        written = self.text[sentence.start : sentence.end]
        return bool(
            _OPENS_BY_REFERRING.match(written)
            or _SAME_PERIOD.search(written)
            or _CHANGE_WORD.search(written)
        )

    def _heading(self, sentence: Sentence) -> bool:
        """A heading or lead-in line: short, and not ended like a sentence of prose."""
        written = self.text[sentence.start : sentence.end].strip()
        return written.endswith(":") or (len(written) < 120 and written[-1:] not in '.!?”"')

    def _lead_in(self, sentence: Sentence, readings, baselines, frame, inherited, written) -> None:
        """A lead-in line ("..., we see:") gives its list the periods it states; one that
        states none but goes on from the sentence before it gives that sentence's."""
        if readings or not self.text[sentence.start : sentence.end].rstrip().endswith(":"):
            return
        state = State(written)
        if written is None and inherited is self.running and self._continues(sentence):
            inherited = self.previous  # "For other areas, the change was:"
        if written is None and inherited.origin != "context":
            state.period, state.baseline = inherited.period, inherited.baseline
        if baselines and baselines[-1].spec.precise:
            state.baseline = resolve(baselines[-1], frame.with_current(state.period))
        self.by_block[sentence.block] = state

    # ---- phrases to statements ----------------------------------------------------------
    def _attach(self, sentence: Sentence):
        """(own phrase by statement, sentence-level phrases, baseline phrases in order)."""
        own: dict[int, PeriodPhrase] = {}
        sentence_level: list[PeriodPhrase] = []
        baselines: list[PeriodPhrase] = []
        for phrase in sentence.header_phrases:
            (baselines if _is_baseline(phrase) else sentence_level).append(phrase)
        for phrase in sentence.phrases:
            target = self._left_neighbour(sentence, phrase)
            bracketed = self._bracketed_after(sentence, phrase)
            if bracketed is not None:
                own[id(bracketed)] = phrase  # "in 2010/11 (30,620)"
            if phrase.spec.relative == "same_period_in" and target and target.kind != "change":
                own[id(target)] = phrase  # "1,893 for the same period in 2022"
            elif _is_baseline(phrase) or self._after_than(sentence, phrase):
                baselines.append(phrase)
            elif bracketed is not None:
                continue
            elif target is None:
                sentence_level.append(phrase)
            elif id(target) not in own:
                own[id(target)] = phrase
                for sibling in self._apposed(sentence, target):
                    own.setdefault(id(sibling), phrase)
        return own, sentence_level, baselines

    def _after_than(self, sentence: Sentence, phrase: PeriodPhrase) -> bool:
        """ "52.7% lower than they were in 1990", "since it was set up in 2019": a period
        named as what a statement is compared with or counted from."""
        before = [r for r in sentence.readings if r.end <= phrase.start]
        start = max(before[-1].end if before else sentence.start, phrase.start - 80)
        if _SINCE_EVENT.search(self.text, start, phrase.start):
            return True
        return bool(_THAN.search(self.text, start, phrase.start))

    def _bracketed_after(self, sentence: Sentence, phrase: PeriodPhrase):
        """The statement in brackets right after a period phrase: "in 2010/11 (30,620)"."""
        found = _BARE_BRACKET.match(self.text, phrase.end)
        if not found:
            return None
        return next(
            (r for r in sentence.readings if r.statement.quantity.start == found.start(1)), None
        )

    def _left_neighbour(self, sentence: Sentence, phrase: PeriodPhrase):
        """The statement just before the phrase in its clause, if nothing breaks them."""
        before = [r for r in sentence.readings if r.end <= phrase.start]
        if not before:
            return None
        gap = self.text[before[-1].end : phrase.start]
        if _SEGMENT_BREAK.search(gap) or len(gap.split()) > 8:
            return None
        return before[-1]

    def _apposed(self, sentence: Sentence, target):
        """Statements in brackets beside the target: "decreased 14% (-47) in 2024"."""
        readings = sentence.readings
        index = next(i for i, reading in enumerate(readings) if reading is target)
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
            if not is_relative_to_statement(phrase) and not _bare_date(phrase):
                period = resolve(phrase, frame)
                if period is not None:
                    return period
        for reading in readings:
            phrase = own.get(id(reading))
            if phrase is not None and not reading.role and not is_relative_to_statement(phrase):
                return resolve(phrase, frame)
        return None

    def _shared(self, sentence_level, frame) -> list[Shared]:
        """The sentence-level periods, each with its two ends when it compares them."""
        found = []
        for phrase in sentence_level:
            period = (
                None if _bare_date(phrase) or self._event_time(phrase) else resolve(phrase, frame)
            )
            if period is not None:
                found.append(Shared(phrase, period, self._compared_ends(phrase, frame), self.text))
        return found

    def _event_time(self, phrase: PeriodPhrase) -> bool:
        """ "In February I announced a new £45m fund": when something was done, not the
        period a figure is for."""
        return bool(_EVENT.match(self.text, phrase.end))

    def _compared_ends(self, phrase: PeriodPhrase, frame: Frame):
        """The two ends of "between A and B" when it compares two times, not when it
        spans one ("in the 12 months from 1 April 2024 to 31 March 2025")."""
        if phrase.lead not in ("between", "from"):
            return None
        ends = endpoints(phrase.spec, frame)
        if ends is None or ends[0].start.day or ends[1].end.day:
            return None
        before = self.text[max(0, phrase.start - 12) : phrase.start].lower()
        if phrase.end <= len(self.text) and re.search(
            r"(?:months?|weeks?|days?|period|year)\s*$", before
        ):
            return None
        return ends

    def _levels(self, readings, shared: list[Shared], inherited: State, source: str) -> None:
        """Levels without a period of their own take the one before them in their clause,
        else the sentence's, else the context's; "from X to Y" each its own end."""
        for index, reading in enumerate(readings):
            if reading.kind == "change" or reading.period is not None:
                continue
            if reading.role == "from":
                _from_level(readings, index, _shared_for(reading, shared))
                continue
            if reading.role and reading.role != "to":
                continue
            change = readings[index - 1] if index else None
            if reading.role == "to" and change is not None and change.kind == "change":
                if change.period is not None:  # "fell by 1% last year ..., to 1,602"
                    reading.period, reading.period_from = change.period, "sentence"
                    continue
            sibling = _sibling_level(self.text, readings, index)
            here = _shared_for(reading, shared)
            if sibling is not None:
                reading.period, reading.period_from = sibling.period, "sentence"
            elif here is not None:
                reading.period, reading.period_from = here.period, "sentence"
            elif inherited.period is not None:
                reading.period, reading.period_from = inherited.period, source

    def _changes(self, readings, shared: list[Shared], inherited: State, source: str) -> None:
        """A change without a period of its own takes the level it follows, else the
        sentence's period, else the context's; compared ends give its baseline too."""
        for index, reading in enumerate(readings):
            if reading.kind != "change" or reading.period is not None:
                continue
            modified = _coordinated_change(self.text, readings, index)
            modified = modified or _reached_level(readings, index)
            modified = modified or _modified_level(readings, index)
            here = _shared_for(reading, shared)
            if modified is not None:
                reading.period, reading.period_from = modified, "sentence"
            elif here is not None:
                reading.period, reading.period_from = here.period, "sentence"
                _split(reading, here.ends)
            elif inherited.period is not None:
                reading.period, reading.period_from = inherited.period, source
                _split(reading, inherited.ends)

    def _baseline(self, readings, index, baselines, frame, inherited, source) -> Period | None:
        reading = readings[index]
        phrase = _baseline_phrase(self.text, readings, index, baselines)
        if phrase is not None:
            reading.baseline_phrase = phrase
            if phrase.spec.precise:
                return resolve(phrase, frame.with_current(reading.period or frame.current))
            following = _next_level(readings, index)  # "below the pre-pandemic figure of X"
            return following.period if following is not None else None
        if reading.ends_baseline is not None:
            reading.baseline_from = reading.period_from
            return reading.ends_baseline
        compared = _compared_level(readings, index)
        if compared is not None:
            return compared.period
        sibling = _sibling_change(readings, index)
        if sibling is not None and sibling.period == reading.period:
            return sibling.baseline  # the same change restated, not a later one
        if inherited.baseline is not None and source in ("previous", "lead-in"):
            reading.baseline_from = source  # "Since 2019 ... During this period, a 22% fall"
            return inherited.baseline
        return None


def _split(reading, ends) -> None:
    """A change in a period that compares two times ends at the later: its baseline is
    the earlier, unless its own words name another."""
    if ends is not None:
        reading.ends_baseline, reading.period = ends


def _shared_for(reading, shared: list[Shared]) -> Shared | None:
    """The sentence-level period nearest before the statement, else the first after it
    in the same clause."""
    before = [s for s in shared if s.phrase.end <= reading.start]
    if before:
        return before[-1]
    after = [s for s in shared if not s.clause_break_before(reading)]
    return after[0] if after else None


def _main_state(readings, written, shared) -> State:
    """What the sentence is about: its first plain statement's period, else what it
    writes, else the later level of its "from X to Y"; and the baseline of its first
    change, else the period of the level it compares with ("compared to 627 by the same
    time last year")."""
    baseline = next((r.baseline for r in readings if r.kind == "change" and r.baseline), None)
    if baseline is None:
        baseline = next((r.period for r in readings if r.role in ("from", "than")), None)
    for reading in readings:
        if reading.role or reading.period is None:
            continue
        origin = "context" if reading.period_from == "context" else None
        return State(reading.period, baseline, None, origin)
    if written is not None:
        ends = next((s.ends for s in shared if s.period == written), None)
        return State(written, baseline, ends)
    if shared:
        return State(shared[0].period, baseline, shared[0].ends)
    later = next((r.period for r in reversed(readings) if r.role == "to" and r.period), None)
    return State(later, baseline)


def _from_level(readings, index: int, here: Shared | None) -> None:
    """ "From 2021 to 2022 ... from 35.7% to 36.1%": each level its end; "fell from 4,384
    to 3,976 in 2024" without another period: the first the period before the second's."""
    reading = readings[index]
    later = _paired_to(readings, index)
    if later is None:
        return
    if here is not None and here.ends is not None:
        reading.period, reading.period_from = here.ends[0], "sentence"
        later.period, later.period_from = here.ends[1], "sentence"
    elif later.period is not None and later.phrase is not None:
        reading.period, reading.period_from = previous(later.period), "sentence"


def _sibling_level(text: str, readings, index: int):
    """A level with its own period earlier in the same clause ("80% of homicides were
    solved in 2025 and about 40% of shootings")."""
    for reading in reversed(readings[:index]):
        if reading.kind == "change" or reading.role:
            continue
        if reading.period_from == "own" and ";" not in text[reading.end : readings[index].start]:
            return reading
        return None
    return None


def _later_is_the_period(readings) -> None:
    """ "(twelve months to May 2016 compared to twelve months to January 2024)": a change
    runs from the earlier time to the later, whichever the sentence names first."""
    for reading in readings:
        if reading.kind == "change" and reading.period and reading.baseline:
            if reading.period_from == "context" or reading.baseline_from == "context":
                continue
            if reading.baseline.ends_after(reading.period):
                reading.period, reading.baseline = reading.baseline, reading.period


def _month_precision(readings) -> None:
    """A period carried from another sentence is written at month precision when it
    covers whole months: "the year to March 2024", not "1 April 2023 to 31 March 2024"."""
    for reading in readings:
        if reading.period_from in ("previous", "lead-in", "context") and reading.period:
            reading.period = _whole_months(reading.period)


def _whole_months(period: Period) -> Period:
    start, end = period.start, period.end
    if start.day == 1 and end.day and end.day == days_in_month(end.year, end.month):
        return Period(Point(start.year, start.month), Point(end.year, end.month))
    return period


def _bare_date(phrase: PeriodPhrase) -> bool:
    """A date written with no word before it ("Friday, October 7, 2016 Nonfarm..."): a
    dateline run into the text, not a period a figure is for."""
    start = phrase.spec.start
    return not phrase.lead and phrase.spec.kind == "point" and bool(start and start.day)


_CHANGE_WORD = re.compile(
    r"\b(?:change|changes|increase[sd]?|decrease[sd]?|rise|rose|fell|fall|grew|growth)\b", re.I
)
_NEW_CLAUSE = re.compile(r"[,;:]|\b(?:that|which|who|where|when|while|whilst|because)\b", re.I)
_EVENT = re.compile(
    r"[\s,]+(?:[\w'’-]+\s+){0,3}?(?:announced|launched|unveiled|published|pledged|promised|"
    r"confirmed|approved|agreed|awarded|set\s+up|opened|introduced|committed)\b",
    re.IGNORECASE,
)
_SINCE_EVENT = re.compile(
    r"\bsince\s+(?:[\w'’-]+\s+){0,5}?(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?"
    r"(?:first\s+)?(?:set\s+up|established|launched|created|founded|formed|introduced|began|"
    r"started|opened|took\s+office|came\s+into\s+(?:effect|force))\s*$",
    re.IGNORECASE,
)
_BARE_BRACKET = re.compile(r"\s*\(\s*([£$€]?\d[\d,.]*)(?:\s*[a-z%]+){0,3}\s*\)", re.IGNORECASE)
# "lower than they were in 1990", but not the "more than" of "more than two decades".
_THAN = re.compile(
    r"\bthan\b(?!\s+(?:[£$€]?\d|one|two|three|four|five|six|seven|eight|nine|ten|half|an?\s+"
    r"(?:quarter|third|half|fifth|tenth|million|billion|thousand|hundred)))"
    r"[^,;]*$",
    re.IGNORECASE,
)


def _compared_date(baselines, frame: Frame) -> Period | None:
    """The first month the sentence compares with, written with its year."""
    for phrase in baselines:
        if phrase.spec.kind == "point" and phrase.spec.start and phrase.spec.start.year:
            if phrase.spec.start.month:
                return resolve(phrase, frame)
    return None


def _first_date(phrases: list[PeriodPhrase], baselines, frame: Frame) -> Period | None:
    """The first date the sentence writes in full, not as a comparison: for its yearless
    months and its "last year"."""
    compared = {id(p) for p in baselines}
    for phrase in phrases:
        if id(phrase) in compared or _bare_date(phrase):
            continue
        if phrase.spec.kind in ("point", "interval", "rolling", "financial", "quarter"):
            period = resolve(phrase, frame)
            if period is not None and (phrase.spec.start is None or phrase.spec.start.year):
                return period
    return None


def _is_baseline(phrase: PeriodPhrase) -> bool:
    if phrase.role in ("since", "than") or phrase.spec.relative == "same_period_in":
        return True
    return phrase.role == "from" and phrase.spec.kind != "interval"


def _baseline_phrase(text: str, readings, index: int, baselines) -> PeriodPhrase | None:
    """The first baseline phrase after the change and before the next change, else the
    last one before it."""
    reading = readings[index]
    following = next(
        (
            r
            for previous, r in zip(readings[index:], readings[index + 1 :], strict=False)
            if r.kind == "change" and not _apposition(text, previous, r)
        ),
        None,
    )
    limit = following.start if following is not None else None
    after = [p for p in baselines if p.start >= reading.end]
    own = [p for p in after if limit is None or p.start < limit]
    before = [p for p in baselines if p.end <= reading.start]
    if own or before:
        return own[0] if own else before[-1]
    return after[0] if after else None  # "... 93 fewer, or -9.7%, and 17 fewer; compared with 2015"


_APPOSED_GAP = re.compile(
    r"^[^,;()\d]{0,80}?(?:\(|,?\s*or\s*|\s[-–—]\s*(?:an?\s)?)?$|^\s*[,/]?\s*$", re.IGNORECASE
)


def _apposition(text: str, first, second) -> bool:
    """Is the second statement the first said again another way: "fallen by 143,113 (45%)",
    "2,967 fewer crimes, or -3.4%", "a decrease of 1,104 ... - a decrease of 2.4%"?"""
    gap = text[first.end : second.statement.quantity.start]
    return second.kind == first.kind and bool(_APPOSED_GAP.match(gap))


def _next_level(readings, index: int):
    following = readings[index + 1] if index + 1 < len(readings) else None
    return following if following is not None and following.kind == "level" else None


def _coordinated_change(text: str, readings, index: int) -> Period | None:
    """ "rose by 67,000 in September and by 582,000 over the year": the period of the
    change it is coordinated with."""
    if index == 0:
        return None
    previous = readings[index - 1]
    if previous.kind != "change" or previous.period_from != "own":
        return None
    return (
        previous.period
        if re.search(r"\band\b|,", text[previous.end : readings[index].start])
        else None
    )


def _reached_level(readings, index: int) -> Period | None:
    """The period of the level a change reaches: "rose by 4% to 50,510 in the year
    ending March 2024"."""
    reached = _paired_to(readings, index)
    if reached is None or reached.period_from != "own":
        return None
    return reached.period


def _modified_level(readings, index: int) -> Period | None:
    """The period of the level a change follows: "535 offences in 2024, down 5%", "40,000
    new homes were completed in 2023, a rise of 12%" (a count of additions alike), "will
    rise to £7,460 in 2025-26, an increase of 2.8%" (the level reached)."""
    for reading in reversed(readings[:index]):
        if reading.kind in ("level", "increment") and reading.role in (None, "to"):
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
        if reading.role == "to":
            break  # "rose by 4% to 50,510 in the year ending March 2024": the level reached
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
