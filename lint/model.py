"""The records that flow between layers: frozen, plain, serialisable."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class Claim:
    """One statistical statement in a draft, normalised."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive, as in SARIF and editors' ranges
    start: int  # character offsets into the document text
    end: int
    text: str
    subject: str
    value: float
    unit: str
    kind: str
    direction: str | None
    approximation: str
    baseline: str | None
    period: str | None
    exact: float | None = None  # "nearly 500 (497)": the figure in brackets
    derived: bool = False  # implied by other stated numbers ("from 2,117 to 2,390")
    metric: str | None = None
    # Where the period came from: own (its own phrase), sentence, lead-in, previous (a
    # sentence it refers back to) or context (the period the document is about).
    period_from: str | None = None
    baseline_from: str | None = None  # the same, for a baseline not in the statement's words
    target: bool = False  # a figure aimed at ("a target of 90%"), not one that happened
    # A rate's denominator: "100000" or "1000" (of population), or "day", "week", "month",
    # "year" ("£10m a year"); None for a plain amount.
    per: str | None = None
    # A level named by a comparison: "from" (the level a change starts at), "to" (where
    # it ends) or "than" (what it is compared with); None for a plain statement.
    role: str | None = None
    # How the statement stands to the other figures of its sentence, for the arithmetic
    # check: where its number starts (an id within the document), the sentence, clause
    # (between semicolons) and paragraph it is in,
    # the numbers of the two levels a derived change is worked out from, the total it is
    # a part of ("300 of the 1,200"), the part it gives the share of ("300 (25%)"), and the
    # length a rate runs for ("£10m a year for three years": "3 years").
    number_at: int = -1
    sentence: int = -1
    clause: int = -1
    block: int = -1
    levels: tuple[int, int] | None = None
    part_of: int | None = None
    share_of: int | None = None
    over: str | None = None
    over_what: str | None = None  # what that length is of: "fund" in "the three-year fund"
    step: float | None = None  # a scaled amount's last written digit: "£10m" 1m, "£1.5m" 0.1m
    # A length the sentence says its period has, and that period: (3, "2023-10/2024-01")
    # for "between October 2023 and January 2024 ... the same three-month period".
    length_said: tuple[int, str] | None = None
    # The date the document speaks from (a dateline, front matter or --date), ISO: which
    # of two documents that disagree is the later.
    dated: str | None = None

    def with_metric(self, metric: str | None) -> Claim:
        return replace(self, metric=metric)

    def stated(self) -> Claim:
        """The claim as its own words date it, for checking: a period or baseline that
        only the surrounding text suggests (`context`) is left out, so an undated figure
        is reported as undated rather than checked against a guess."""
        period = None if self.period_from == "context" else self.period
        baseline = None if self.baseline_from == "context" else self.baseline
        if (period, baseline) == (self.period, self.baseline):
            return self
        return replace(self, period=period, baseline=baseline)

    def as_json(self) -> dict:
        record = {
            **location_json(self),
            "text": self.text,
            "subject": self.subject,
            "metric": self.metric,
            "value": plain_number(self.value),
            "unit": self.unit,
            "kind": self.kind,
            "direction": self.direction,
            "approximation": self.approximation,
            "baseline": self.baseline,
            "period": self.period,
        }
        if self.exact is not None:
            record["exact"] = plain_number(self.exact)
        if self.derived:
            record["derived"] = True
        if self.target:
            record["target"] = True
        if self.per:
            record["per"] = int(self.per) if self.per.isdigit() else self.per
        if self.period_from:
            record["period_from"] = self.period_from
        if self.baseline_from:
            record["baseline_from"] = self.baseline_from
        return record


def location_json(record) -> dict:
    """The location fields every JSON record carries (claims and findings alike)."""
    return {
        "path": record.path,
        "line": record.line,
        "column": record.column,
        "end_line": record.end_line,
        "end_column": record.end_column,
    }


def plain_number(value: float) -> int | float:
    """24.0 -> 24 for output; 23.6 stays 23.6."""
    return int(value) if float(value).is_integer() else round(value, 6)


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: str
    message: str
    claim: Claim | None = None
    expected: dict | None = None
    related: tuple[dict, ...] = field(default=())
    source_line: str | None = field(default=None, repr=False, compare=False)  # to show
    # What would make the statement right, when only one thing can: {"value": canonical}
    # or {"period": "year to March 2025"}; statlint.fix turns it into an edit.
    fix: dict | None = field(default=None, compare=False)

    def as_json(self) -> dict:
        record = {
            **location_json(self),
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
        }
        claim = self.claim
        if claim is not None:
            record["claim"] = {
                "text": claim.text,
                "metric": claim.metric,
                "value": plain_number(claim.value),
                "unit": claim.unit,
                "baseline": claim.baseline,
                "period": claim.period,
            }
        if self.expected:
            record["expected"] = self.expected
        if self.related:
            record["related"] = list(self.related)
        return record
