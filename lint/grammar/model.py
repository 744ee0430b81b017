"""What the grammar hands on: plain frozen records with offsets into the text parsed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written: "£1.5m", "22 per cent", "a quarter", "doubled"."""

    start: int
    end: int
    value: float  # never negative; the scale applied
    unit: str  # percent | percentage_points | count | GBP | USD | EUR | seconds ... years
    form: str  # digits | words | fraction | multiple | range | duration
    sign: int | None = None  # -1 or +1 when written ("-5.6%", "(+9)"); a multiple's direction
    high: float | None = None  # the upper end of a range ("81-84%")
    step: float | None = None  # the last digit written, scaled: "£1.5m" 100,000; "£10m" 1m

    def moved(self, offset: int) -> Quantity:
        """The same quantity, `offset` characters further on."""
        return Quantity(
            self.start + offset,
            self.end + offset,
            self.value,
            self.unit,
            self.form,
            self.sign,
            self.high,
            self.step,
        )


@dataclass(frozen=True, slots=True)
class DateSpec:
    """A point in time as written, perhaps without its year ("in September")."""

    year: int | None
    month: int = 0
    day: int = 0


@dataclass(frozen=True, slots=True)
class PeriodSpec:
    """A period phrase, absolute or relative, before it is resolved against the
    document's date and the statement's own period.

    kind:
      point     start (a year, month or day)
      interval  start .. end
      rolling   `months` months ending with end ("the year to March 2025"), or `days`
                days ending with end's day ("the week ending 18 October 2024")
      financial the financial year starting in start.year ("2024/25")
      quarter   quarter `months` (1-4) of start.year, or of a financial year
      relative  `relative` names it: last_year, this_year, previous_year, previous_period,
                same_period_last_year, year_to_date, previous_quarter, previous_month,
                previous_months (`months` long), this_month, last_month
    """

    kind: str
    start: DateSpec | None = None
    end: DateSpec | None = None
    months: int = 0
    days: int = 0
    relative: str | None = None
    financial: bool = False
    precise: bool = True  # False for "pre-pandemic", "the peak": a time, not a date
    parts: tuple[PeriodSpec, PeriodSpec] | None = None  # the two ends of "between A and B"


@dataclass(frozen=True, slots=True)
class PeriodPhrase:
    """A period phrase in a sentence and the role its opening word gives it:
    `in` (the period a figure is for), `since` (the start a change is measured from),
    `than` (a comparison's baseline: "compared with 2019", "on the previous year"),
    `from` / `to` (the ends of "from 2019 to 2024", each applying to its own level)."""

    start: int
    end: int
    role: str
    spec: PeriodSpec
    lead: str  # the words that gave the role, lower case: "since", "by the end of", "("
    closed: bool = False  # a bracket closes right after it: "(May 2024)"

    def moved(self, offset: int) -> PeriodPhrase:
        """The same phrase, `offset` characters further on."""
        return PeriodPhrase(
            self.start + offset, self.end + offset, self.role, self.spec, self.lead, self.closed
        )
