"""Turning a period phrase into dates: against the document's date for "last year" and
"in September", and against the statement's own period for "the previous year".

Nothing is guessed: a relative phrase with nothing to be relative to resolves to None,
and the statement is then treated as undated (registry-v1, "Relative periods").
"""

from __future__ import annotations

from statlint.grammar.model import DateSpec, PeriodSpec
from statlint.periods import (
    Period,
    Point,
    days_to,
    financial_year,
    length_in_months,
    months_back,
    point,
    previous,
    rolling,
    shifted,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statlint.grammar.model import PeriodPhrase


class Frame:
    """What relative periods are read against: the document's date ("today"), a date the
    sentence itself writes (`anchor`: "in 2024 ... by the same time last year"), the
    period the statement is about (`current`: "the previous year" counts back from it),
    and the month financial years start."""

    def __init__(
        self,
        today: Point | None,
        current: Period | None = None,
        fy_start: int = 4,
        anchor: Period | None = None,
        stated: bool = True,
        compared: Period | None = None,
    ):
        self.today = today
        self.current = current
        self.fy_start = fy_start
        self.anchor = anchor
        self.stated = stated  # is `current` written in the text, not taken from context?
        self.compared = compared  # a date the sentence compares with ("than August 2022")

    def year_now(self) -> int | None:
        """The year 'this year' means: the one the sentence writes, else the document's."""
        if self.anchor is not None and self.anchor.start.year == self.anchor.end.year:
            return self.anchor.end.year
        return self.today.year if self.today else None

    def with_current(self, current: Period | None, stated: bool | None = None) -> Frame:
        stated = self.stated if stated is None else stated
        return Frame(self.today, current, self.fy_start, self.anchor, stated, self.compared)

    def with_anchor(self, anchor: Period | None, compared: Period | None = None) -> Frame:
        return Frame(
            self.today, self.current, self.fy_start, anchor, self.stated, compared or self.compared
        )


def _month_year(month: int, frame: Frame) -> int | None:
    """The year of a month written without one: the one nearest a date the sentence
    writes; the year after a same month it is compared with ("54 in August, 21.7% lower
    than August 2022"); the one nearest the period written before; else the latest on or
    before the document's date. Never guessed from context further away."""
    if frame.anchor is not None:
        return _nearest(month, frame.anchor)
    if frame.compared is not None and frame.compared.end.month == month:
        return frame.compared.end.year + 1
    if frame.current is not None and frame.stated:
        return _nearest(month, frame.current)
    if frame.today is None:
        return None
    today = frame.today
    return today.year if month <= (today.month or 12) else today.year - 1


def _nearest(month: int, reference: Period) -> int:
    end = reference.end
    if not end.month:
        return end.year
    candidates = (end.year, end.year - 1, end.year + 1)  # a tie goes to the same year
    return min(candidates, key=lambda y: abs((y * 12 + month) - (end.year * 12 + end.month)))


def _point(date: DateSpec, frame: Frame) -> Point | None:
    year = date.year if date.year is not None else _month_year(date.month, frame)
    if year is None:
        return None
    return Point(year, date.month, date.day)


def endpoints(spec: PeriodSpec, frame: Frame) -> tuple[Period, Period] | None:
    """The two ends of "between A and B" / "from A to B", each a period: a year written
    once serves both ("between October and December 2024")."""
    if spec.parts is None:
        return None
    first, second = spec.parts
    first, second = _shared_year(first, second)
    start = resolve_spec(first, frame)
    end = resolve_spec(second, frame.with_anchor(start) if start else frame)
    if start is None or end is None or start.start.first_day() > end.end.last_day():
        return None
    return start, end


def _shared_year(first: PeriodSpec, second: PeriodSpec) -> tuple[PeriodSpec, PeriodSpec]:
    """Give a yearless end the year the other end writes."""

    def year_of(spec: PeriodSpec) -> int | None:
        date = spec.start if spec.kind == "point" else None
        return date.year if date else None

    def with_year(spec: PeriodSpec, year: int) -> PeriodSpec:
        date = start_of(spec)
        return PeriodSpec("point", DateSpec(year, date.month, date.day))

    first_year, second_year = year_of(first), year_of(second)
    if first.kind == "point" and first_year is None and second_year is not None:
        later = (start_of(first).month or 1) > (start_of(second).month or 12)
        first = with_year(first, second_year - 1 if later else second_year)
    elif second.kind == "point" and second_year is None and first_year is not None:
        earlier = (start_of(second).month or 12) < (start_of(first).month or 1)
        second = with_year(second, first_year + 1 if earlier else first_year)
    return first, second


def start_of(spec: PeriodSpec) -> DateSpec:
    """The start date of a phrase whose kind has one (point, interval, financial...)."""
    if spec.start is None:
        raise ValueError(f"a {spec.kind} period phrase without a start")
    return spec.start


def end_of(spec: PeriodSpec) -> DateSpec:
    """The end date of a phrase whose kind has one (interval, rolling)."""
    if spec.end is None:
        raise ValueError(f"a {spec.kind} period phrase without an end")
    return spec.end


def _interval(spec: PeriodSpec, frame: Frame) -> Period | None:
    if spec.parts is not None:
        ends = endpoints(spec, frame)
        return Period(ends[0].start, ends[1].end) if ends else None
    start, end = start_of(spec), end_of(spec)
    if start.year is None and end.year is not None:
        year = end.year if (start.month or 1) <= (end.month or 12) else end.year - 1
        start = DateSpec(year, start.month, start.day)
    elif end.year is None and start.year is not None:
        year = start.year if (end.month or 12) >= (start.month or 1) else start.year + 1
        end = DateSpec(year, end.month, end.day)
    first, last = _point(start, frame), _point(end, frame)
    if first is None or last is None or first.first_day() > last.last_day():
        return None
    return Period(first, last)


def _quarter(spec: PeriodSpec, frame: Frame, lead: str) -> Period | None:
    number = spec.months
    year = spec.start.year if spec.start and spec.start.year else frame.year_now()
    if year is None:
        return None
    first_month = frame.fy_start if spec.financial else 1
    opening = months_back(year, first_month, 1)
    start_index = opening.year * 12 + opening.month - 1 + 3 * (number - 1)
    start = Point(start_index // 12, start_index % 12 + 1)
    end_index = start_index + 2
    end = Point(end_index // 12, end_index % 12 + 1)
    if "end of" in lead:  # "by the end of the third quarter": the year so far
        start = Point(opening.year, opening.month)
    return Period(start, end)


def _relative(spec: PeriodSpec, frame: Frame) -> Period | None:
    name = spec.relative
    current, now = frame.current, frame.year_now()
    if name in ("previous_year", "previous_period", "previous_quarter", "previous_month"):
        if current is None:
            return None
        months = {"previous_year": 12, "previous_quarter": 3, "previous_month": 1}.get(name)
        return previous(current, months)
    if name == "last_year" and frame.anchor is not None and length_in_months(frame.anchor) == 12:
        return previous(frame.anchor, 12)  # "in 2023-24 ... compared to last year"
    if name in ("last_year", "this_year", "year_to_date"):
        if now is None:
            return None
        return point(now - 1 if name == "last_year" else now)
    if name == "same_period_in":
        year = start_of(spec).year
        if year is None:
            return None
        if current is not None and current.start.month and current.start.year == current.end.year:
            return shifted(current, (year - current.start.year) * 12)
        return point(year)
    if name in ("last_month", "this_month"):
        if frame.today is None or not frame.today.month:
            return None
        back = 1 if name == "last_month" else 0
        month = months_back(frame.today.year, frame.today.month, back + 1)
        return point(month.year, month.month)
    if name == "last_named_month":
        dated = frame.anchor or current
        reference = dated.end if dated is not None and dated.end.month else frame.today
        if reference is None:
            return None
        named = start_of(spec).month
        year = reference.year - 1 if named >= (reference.month or 12) else reference.year
        return point(year, named)
    if name and name.startswith(("first_half", "second_half")):
        if now is None:
            return None
        year = now - 1 if name.endswith("last") else now
        first = name.startswith("first")
        return Period(Point(year, 1 if first else 7), Point(year, 6 if first else 12))
    return None  # "the past year": relative to a day the text does not give


def resolve(phrase: PeriodPhrase, frame: Frame) -> Period | None:
    """The dates a period phrase names, or None when they cannot be known."""
    return resolve_spec(phrase.spec, frame, phrase.lead)


def resolve_spec(spec: PeriodSpec, frame: Frame, lead: str = "") -> Period | None:
    if spec.kind == "point":
        found = _point(start_of(spec), frame)
        return Period(found, found) if found else None
    if spec.kind == "interval":
        return _interval(spec, frame)
    if spec.kind == "rolling":
        end = _point(end_of(spec), frame)
        if end is None:
            return None
        if spec.days:
            return days_to(spec.days, end)
        return rolling(spec.months, end.year, end.month)
    year = spec.start.year if spec.start is not None else None
    if spec.kind == "financial" and year is not None:
        return financial_year(year, frame.fy_start)
    if spec.kind == "school" and year is not None:
        return Period(Point(year, 9), Point(year + 1, 7))
    if spec.kind == "quarter":
        return _quarter(spec, frame, lead)
    if spec.kind == "relative":
        return _relative(spec, frame)
    return None


def is_relative_to_statement(phrase: PeriodPhrase) -> bool:
    """Does the phrase count back from the statement's own period ("the previous year")?"""
    return phrase.spec.kind == "relative" and phrase.spec.relative in (
        "previous_year",
        "previous_period",
        "previous_quarter",
        "previous_month",
    )
