"""Unit algebra for durations and rates, on the quantities library.

A duration is a unit of its own ("minutes"); a rate is an amount with a denominator
(`per`): of population ("100000": per 100,000 people) or of time ("year": £10m a year).
Values of one dimension compare across units: 80 minutes is 1 hour 20 minutes, 1.2 per
1,000 is 120 per 100,000, £120m a year is £10m a month; and a rate over a length of
time is a total (£10m a year for 36 months is £30m). quantities is imported only when a
conversion between units is met: most documents have none, and it takes a third of a
second to load (a rate for a length in its own unit, £10m a year for 3 years, is a plain
product).
"""

from __future__ import annotations

DURATIONS = ("seconds", "minutes", "hours", "days", "weeks", "months", "years")
PER_TIME = ("day", "week", "month", "year")
_SINGULAR = {unit: unit[:-1] for unit in DURATIONS}


_NAMED_PER = {
    "day": ("daily", "a day", "per day", "each day"),
    "week": ("weekly", "a week", "per week", "each week"),
    "month": ("monthly", "a month", "per month", "each month"),
    "year": ("annual", "annually", "yearly", "a year", "per year", "each year", "per annum"),
}


def named_per(names) -> str | None:
    """The time a metric's name says its amounts are per ("Average monthly private rent":
    month), so that "£1,335 a month" is its figure though the registry writes no `per`."""
    import re

    for per, words in _NAMED_PER.items():
        pattern = r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b"
        if any(re.search(pattern, name, re.IGNORECASE) for name in names):
            return per
    return None


def is_duration(unit: str) -> bool:
    return unit in DURATIONS


def _time(unit: str):
    import quantities  # type: ignore[import-untyped]  # the library ships no type hints

    return getattr(quantities, _SINGULAR.get(unit, unit))


def in_unit(value: float, unit: str, to: str) -> float:
    """`value` `unit`s (a duration) in `to`: in_unit(1, "hours", "minutes") == 60."""
    if unit == to:
        return value
    import quantities

    converted = quantities.Quantity(value, _time(unit)).rescale(_time(to))
    return round(float(converted.magnitude), 9)


def per_factor(per: str, to: str) -> float | None:
    """What a value per `per` is multiplied by to be per `to`: ("1000", "100000") -> 100,
    ("year", "month") -> 1/12; None when the two are not of one dimension."""
    if per == to:
        return 1.0
    if per.isdigit() and to.isdigit():
        return int(to) / int(per)
    if per in PER_TIME and to in PER_TIME:
        return in_unit(1, f"{to}s", f"{per}s")
    return None


def same_dimension(unit: str, per: str | None, other_unit: str, other_per: str | None) -> bool:
    """Can values in these two units be compared, once converted?"""
    if (per is None) != (other_per is None):
        return False
    if per is not None and other_per is not None and per_factor(per, other_per) is None:
        return False
    if is_duration(unit) or is_duration(other_unit):
        return is_duration(unit) and is_duration(other_unit)
    return unit == other_unit


def convert(value: float, unit: str, per: str | None, to_unit: str, to_per: str | None) -> float:
    """`value` in (unit, per) expressed in (to_unit, to_per); same_dimension must hold."""
    if is_duration(unit):
        value = in_unit(value, unit, to_unit)
    factor = per_factor(per, to_per) if per is not None and to_per is not None else 1.0
    if factor is None:
        raise ValueError(f"per {per} and per {to_per} are not of one dimension")
    value = value * factor
    return round(value, 9)


def total_over(rate: float, per: str, length: float, length_unit: str) -> float | None:
    """A rate per unit of time, run for a length of time: £10m a year for 3 years is £30m.
    None when the rate is not per unit of time."""
    if per not in PER_TIME or not is_duration(length_unit):
        return None
    if length_unit == f"{per}s":  # £10m a year for 3 years: no conversion to make
        return round(rate * length, 6)
    import quantities

    total = quantities.Quantity(rate, 1 / _time(f"{per}s")) * quantities.Quantity(
        length, _time(length_unit)
    )
    return round(float(total.simplified.magnitude), 6)
