"""Periods as registry-v1 writes them: ISO dates or intervals at year, month or day precision."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_ISO_POINT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
MONTHS = {name.lower(): index for index, name in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({name[:3].lower(): index for index, name in enumerate(MONTH_NAMES, start=1)})
MONTHS["sept"] = 9


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class PeriodError(ValueError):
    """A period string that is not ISO 8601 at year, month or day precision."""


@dataclass(frozen=True, slots=True, order=True)
class Point:
    """A date at year (month=0), month (day=0) or day precision."""

    year: int
    month: int = 0
    day: int = 0

    def __str__(self) -> str:
        if not self.month:
            return f"{self.year:04d}"
        if not self.day:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def precision(self) -> int:
        """1 year, 2 month, 3 day."""
        return 1 + bool(self.month) + bool(self.day)

    def truncated(self, precision: int) -> Point:
        return Point(
            self.year,
            self.month if precision >= 2 else 0,
            self.day if precision >= 3 else 0,
        )

    def first_day(self) -> tuple[int, int, int]:
        return (self.year, self.month or 1, self.day or 1)

    def last_day(self) -> tuple[int, int, int]:
        month = self.month or 12
        return (self.year, month, self.day or days_in_month(self.year, month))


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """Both ends inclusive; a single point has start == end."""

    start: Point
    end: Point

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}/{self.end}"

    @property
    def precision(self) -> int:
        return max(self.start.precision, self.end.precision)

    def at(self, precision: int) -> Period:
        """This period as written at a coarser precision."""
        return Period(self.start.truncated(precision), self.end.truncated(precision))

    def matches(self, prose: Period) -> bool:
        """A prose period matches when equal at the precision the prose gives, and a
        single day matches a span that ends on it: a count taken on 31 March 2025 is the
        level "in the three months to March 2025" ends at."""
        same_days = (self.start.first_day(), self.end.last_day()) == (
            prose.start.first_day(),
            prose.end.last_day(),
        )
        on_last_day = (
            self.start == self.end
            and self.precision == 3
            and self.end.last_day() == prose.end.last_day()
        )
        return same_days or on_last_day or self.at(prose.precision) == prose

    def ends_after(self, other: Period) -> bool:
        return self.end.last_day() > other.end.last_day()


def point(year: int, month: int = 0, day: int = 0) -> Period:
    return Period(Point(year, month, day), Point(year, month, day))


def months_back(year: int, month: int, count: int) -> Point:
    """The month that opens a run of `count` months ending with (year, month)."""
    index = year * 12 + (month - 1) - (count - 1)
    return Point(index // 12, index % 12 + 1)


def rolling(count: int, year: int, month: int) -> Period:
    """'the twelve months to March 2025' -> 2024-04/2025-03."""
    return Period(months_back(year, month, count), Point(year, month))


def days_to(count: int, end: Point) -> Period | None:
    """'the week ending 18 October 2024' -> 2024-10-12/2024-10-18; None when the end is
    not a valid day."""
    try:
        last = datetime.date(end.year, end.month, end.day)
    except ValueError:
        return None
    first = last - datetime.timedelta(days=count - 1)
    return Period(Point(first.year, first.month, first.day), end)


def financial_year(start_year: int, first_month: int = 4) -> Period:
    """The financial year that starts in `start_year`; UK ones run April to March:
    2024/25 -> 2024-04/2025-03. One that starts in January is the calendar year."""
    if first_month == 1:
        return Period(Point(start_year, 1), Point(start_year, 12))
    return Period(Point(start_year, first_month), Point(start_year + 1, first_month - 1))


def parse_point(text: str) -> Point:
    match = _ISO_POINT.match(text)
    if not match:
        raise PeriodError(f"{text!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(group) if group else 0 for group in match.groups())
    if month and not 1 <= month <= 12:
        raise PeriodError(f"{text!r} has no month {month}")
    if day and not 1 <= day <= days_in_month(year, month):
        raise PeriodError(f"{text!r} has no day {day}")
    return Point(year, month, day)


def parse(text: str) -> Period:
    """'2019', '2024-05', '2023-02/2024-01', '2024-04-01/2025-03-31'."""
    if not isinstance(text, str):
        raise PeriodError(f"{text!r} is not a string: quote periods in YAML")
    start_text, _, end_text = text.strip().partition("/")
    start = parse_point(start_text)
    end = parse_point(end_text) if end_text else start
    if start.first_day() > end.last_day():
        raise PeriodError(f"{text!r} ends before it starts")
    return Period(start, end)


def shifted(period: Period, months: int) -> Period:
    """The period moved by `months` (negative: earlier), keeping its precision."""

    def move(point: Point) -> Point:
        if not point.month:
            return Point(point.year + months // 12)
        index = point.year * 12 + point.month - 1 + months
        day = min(point.day, days_in_month(index // 12, index % 12 + 1)) if point.day else 0
        return Point(index // 12, index % 12 + 1, day)

    return Period(move(period.start), move(period.end))


def length_in_months(period: Period) -> int:
    """How many months the period covers, counted at month precision."""
    start, end = period.start, period.end
    return (end.year - start.year) * 12 + (end.month or 12) - (start.month or 1) + 1


def previous(period: Period, months: int | None = None) -> Period:
    """The period of the same length just before this one ("the previous 12 months"),
    or `months` before it ("the same period last year": 12)."""
    return shifted(period, -(months if months is not None else length_in_months(period)))


def interval(start: Point, end: Point) -> Period:
    return Period(start, end)
