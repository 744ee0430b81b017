"""Figures and periods in the words an editor would write (used by rule messages)."""

from __future__ import annotations

from functools import lru_cache

from statlint.model import plain_number
from statlint.periods import MONTH_NAMES, Period, Point

APPROXIMATION_WORDS = {
    "more_than": "more than",
    "up_to": "up to",
    "nearly": "nearly",
    "around": "around",
}


_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}
_PER_WORDS = {"day": "a day", "week": "a week", "month": "a month", "year": "a year"}


def value_text(value: float, unit: str, kind: str, per: str | None = None) -> str:
    """'22% fall', '£1,500,000', '34,200', '3 percentage-point rise', '80 minutes',
    '1.2 per 100,000', '£10m a year'."""
    shown = f"{plain_number(round(abs(value) if kind == 'change' else value, 2)):,}"
    if unit in _SYMBOLS:
        text = _money(abs(value) if kind == "change" else value, _SYMBOLS[unit])
    elif unit == "percentage_points":
        text = f"{shown} percentage-point" if kind == "change" else f"{shown} percentage points"
    elif unit == "percent":
        text = f"{shown}%"
    elif unit == "count":
        text = shown
    else:
        text = f"{shown} {unit}"  # a duration: "80 minutes"
    if per:
        text += " " + _per_text(per)
    if kind == "change":
        text += " fall" if value < 0 else " rise"
    return text


def unit_text(unit: str, per: str | None = None) -> str:
    """'percent', 'percentage points', 'a count', '£', 'minutes', '£ a year', 'a count per
    100,000'."""
    text = {"count": "a count", "percentage_points": "percentage points"}.get(unit, unit)
    text = _SYMBOLS.get(unit, text)
    return text + (" " + _per_text(per) if per else "")


def _per_text(per: str) -> str:
    """'a year', 'per 100,000'."""
    return _PER_WORDS.get(per, f"per {int(per):,}" if per.isdigit() else f"per {per}")


def _money(value: float, symbol: str = "£") -> str:
    """£45m, £1.5m, £2.3bn, £835,000: as press releases write money."""
    for scale, suffix in ((1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale and round(value / scale, 2) * scale == value:
            return f"{symbol}{plain_number(round(value / scale, 2))}{suffix}"
    return f"{symbol}{plain_number(value):,}"


def claim_text(claim) -> str:
    """A stated value as an editor would say it: '22% fall since 2019'."""
    return _claim_text(
        claim.value, claim.unit, claim.kind, claim.approximation, claim.baseline, claim.per
    )


@lru_cache(maxsize=4096)
def _claim_text(value, unit, kind, approximation, baseline, per=None) -> str:
    from statlint.periods import parse

    text = value_text(value, unit, kind, per)
    if approximation != "exact":
        text = f"{APPROXIMATION_WORDS[approximation]} {text}"
    return text + (f" since {prose_period(parse(baseline))}" if baseline else "")


def _point(point: Point) -> str:
    if not point.month:
        return str(point.year)
    month = MONTH_NAMES[point.month - 1]
    return f"{point.day} {month} {point.year}" if point.day else f"{month} {point.year}"


def _months(period: Period) -> int:
    start, end = period.start, period.end
    return (end.year - start.year) * 12 + (end.month - start.month) + 1


def span_text(period: Period) -> str:
    """'October 2023 to January 2024': a period by its two ends."""
    return f"{_point(period.start)} to {_point(period.end)}"


def prose_period(period: Period) -> str:
    """'year to March 2025', 'May 2024', '2019', 'April 2018 to March 2021'."""
    if period.start == period.end:
        return _point(period.start)
    whole_months = period.start.month and period.end.month and not period.start.day
    if whole_months and not period.end.day:
        count = _months(period)
        if count == 12:
            return f"year to {_point(period.end)}"
        if count in (3, 6):
            return f"{count} months to {_point(period.end)}"
    return f"{_point(period.start)} to {_point(period.end)}"


def figure_text(figure) -> str:
    """'24% fall since 2019 in the year to March 2025 (Crime dashboard, April 2025)'."""
    text = value_text(figure.value, figure.unit, figure.kind, figure.per)
    if figure.baseline:
        text += f" since {prose_period(figure.baseline)}"
    text += " " + for_period(figure.period)
    return text + (f" ({figure.source})" if figure.source else "")


def for_period(period: Period) -> str:
    """'for the year to March 2025', 'for May 2024'."""
    prose = prose_period(period)
    rolling = prose.startswith(("year to", "3 months to", "6 months to"))
    return f"for the {prose}" if rolling else f"for {prose}"


def approximate_text(claim) -> str:
    """'more than 25%', 'nearly 34,000'."""
    magnitude = value_text(abs(claim.value), claim.unit, "level")
    return f"{APPROXIMATION_WORDS[claim.approximation]} {magnitude}"


def figure_json(figure) -> dict:
    """The `expected` object of a finding."""
    record = {"value": plain_number(figure.value), "period": str(figure.period)}
    if figure.baseline:
        record["baseline"] = str(figure.baseline)
    if figure.source:
        record["source"] = figure.source
    return record


def candidates_text(figures) -> str:
    return "; ".join(figure_text(figure) for figure in figures)
