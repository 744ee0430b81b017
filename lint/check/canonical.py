"""Which canonical figures a statement can be compared with (shared by the SL1xx rules).

A statement is compared only with figures of the metric it names, of its kind and unit,
and of the periods it states; levels of one metric at two periods also give the change
between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from statlint import periods
from statlint.check.compare import approximation_holds, rounds_to
from statlint.check.units import convert, is_duration, named_per, same_dimension
from statlint.output.wording import for_period, value_text

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from statlint.registry.load import Figure, Registry


@dataclass(frozen=True, slots=True)
class Comparison:
    """A claim beside the figures of its metric that it could mean."""

    figures: tuple[Figure, ...]  # same metric, kind and unit
    in_scope: tuple[Figure, ...]  # ... and the periods the claim states
    states_period: bool  # the claim states every period its kind needs

    def current(self, figures=None) -> list[Figure]:
        return [
            f for f in (self.in_scope if figures is None else figures) if f.status != "withdrawn"
        ]


@lru_cache(maxsize=4096)
def _period(text: str) -> periods.Period:
    return periods.parse(text)


def _fits(figure: Figure, claim) -> bool:
    if claim.period and not figure.period.matches(_period(claim.period)):
        return False
    if claim.baseline and figure.baseline:
        return figure.baseline.matches(_period(claim.baseline))
    return True


def implied_changes(levels: list[Figure]) -> list[Figure]:
    """Percent changes between two current levels of one metric and unit."""
    changes = []
    for earlier in levels:
        for later in levels:
            if (
                earlier.status == later.status == "current"
                and later.period.ends_after(earlier.period)
                and earlier.unit == later.unit
                and earlier.value
            ):
                change = round((later.value - earlier.value) / earlier.value * 100, 6)
                source = (
                    f"computed from {value_text(earlier.value, earlier.unit, 'level')} "
                    f"{for_period(earlier.period)} and "
                    f"{value_text(later.value, later.unit, 'level')} {for_period(later.period)}"
                )
                changes.append(
                    replace(
                        later, value=change, unit="percent", baseline=earlier.period, source=source
                    )
                )
    return changes


def figures_for(claim, registry: Registry) -> tuple[Figure, ...]:
    """Figures of the claim's metric, kind and unit. An increment ("20,000 more officers")
    compares with the registered changes of its unit, never with levels or with changes
    worked out from them. A target ("a target of 90%") compares only with the registry's
    targets, and a figure that happened never does."""
    if claim.metric is None or claim.derived:
        return ()
    of_metric = [f for f in registry.figures_of(claim.metric) if f.target == claim.target]
    if claim.per and claim.per == _per_by_name(registry, claim.metric):
        of_metric = [replace(f, per=claim.per) if f.per is None else f for f in of_metric]
    if claim.kind == "increment":
        return _in_units_of(claim, [f for f in of_metric if f.kind == "change"])
    if claim.kind == "change":
        of_metric = of_metric + implied_changes([f for f in of_metric if f.kind == "level"])
    return _in_units_of(claim, [f for f in of_metric if f.kind == claim.kind])


def _per_by_name(registry: Registry, metric_id: str) -> str | None:
    metric = registry.metrics[metric_id]
    return named_per((metric.name, *metric.aliases))


def _in_units_of(claim, figures: list[Figure]) -> tuple[Figure, ...]:
    """The figures whose unit is the claim's, or of its dimension (a duration, a rate),
    each given in the claim's unit: 1.5 hours is compared with "90 minutes"."""
    same = [f for f in figures if (f.unit, f.per) == (claim.unit, claim.per)]
    if not (is_duration(claim.unit) or claim.per):
        return tuple(same)
    return tuple(same) + tuple(
        replace(
            f,
            value=convert(f.value, f.unit, f.per, claim.unit, claim.per),
            unit=claim.unit,
            per=claim.per,
        )
        for f in figures
        if (f.unit, f.per) != (claim.unit, claim.per)
        and same_dimension(f.unit, f.per, claim.unit, claim.per)
    )


def compare(claim, registry: Registry) -> Comparison:
    figures = figures_for(claim, registry)
    in_scope = tuple(f for f in figures if _fits(f, claim))
    return Comparison(figures, in_scope, _states_period(claim, in_scope))


def _states_period(claim, in_scope: tuple[Figure, ...]) -> bool:
    """Does the claim give every period its kind needs? A change over a year that does
    not say what it is compared with ("rose by 4% in the year ending March 2024") is read
    against the year before, when every figure for that year is; otherwise, and always
    for a month or a quarter (on the month before, or on the same one a year before?), it
    is not tied to one figure."""
    if not claim.period:
        return False
    if claim.kind != "change" or claim.baseline:
        return True
    period = _period(claim.period)
    if periods.length_in_months(period) != 12:
        return False
    current = [f for f in in_scope if f.status != "withdrawn"]
    before = periods.previous(period)
    return bool(current) and all(
        f.baseline is not None and f.baseline.matches(before) for f in current
    )


def value_fits(figure: Figure, claim) -> bool:
    """Is the stated value this figure, rounded, or an approximation true of it?"""
    if claim.approximation == "exact":
        return rounds_to(figure.value, claim.value, claim.unit)
    return approximation_holds(claim.approximation, figure.value, claim.value) and (
        (figure.value < 0) == (claim.value < 0)
    )


def value_fix(claim, figures) -> dict | None:
    """The fix that writes the canonical value, when exactly one figure is meant, the
    number stands alone (not derived from two others, no exact figure beside it) and the
    sentence stays true with it (see `kept_from_fixing`)."""
    if len(figures) != 1 or claim.derived or claim.exact is not None:
        return None
    if kept_from_fixing(claim):
        return None
    return {"value": figures[0].value}


# How a level moved or ranks: words a new value could make false ("has fallen to 3.9
# million" of a figure that rose; "a record 34,200" of one that is not).
_MOVED = re.compile(
    r"\b(?:record|highest|lowest|peak(?:ed|ing)?|up|down|from|since|compared|than|"
    r"more|fewer|less|above|below|over|under)\b",
    re.IGNORECASE,
)


def kept_from_fixing(claim) -> str | None:
    """Why a new value could make the sentence false, in the draft's words; None when
    it cannot. Only a level is at risk: a change's value is checked with its direction."""
    if claim.kind != "level":
        return None
    from statlint import grammar

    word = grammar.statements.change_word(claim.text) or _moved(claim.text)
    if word is None:
        return None
    return f"the sentence says how the figure moved or ranks ('{word}'): check it still holds"


def unfixed_note(claim) -> str:
    """What a finding's message adds when its value is not fixed for that reason."""
    reason = kept_from_fixing(claim)
    return f" (not fixed automatically: {reason})" if reason else ""


def _moved(text: str) -> str | None:
    found = _MOVED.search(text)
    return found.group() if found else None


def superseding(figure: Figure, figures) -> Figure | None:
    """The latest current figure of the same metric, kind and baseline, if later."""
    later = [
        other
        for other in figures
        if other.status != "withdrawn"
        and other.baseline == figure.baseline
        and other.period.ends_after(figure.period)
    ]
    return max(later, key=lambda other: other.period.end.last_day(), default=None)


def latest(figures) -> list[Figure]:
    """Current figures that no later one supersedes: of each baseline, those whose period
    ends last (the same as asking `superseding` of each, in one pass)."""
    current = [f for f in figures if f.status != "withdrawn"]
    last: dict = {}
    for f in current:
        end = f.period.end.last_day()
        last[f.baseline] = max(last.get(f.baseline, end), end)
    return [f for f in current if f.period.end.last_day() == last[f.baseline]]


# ---- the conditions of the SL1xx rules, each rule deferring to the more specific ones ----
SCALES = (1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9)


def withdrawn_match(claim, comparison: Comparison) -> Figure | None:
    """SL108: the value is a withdrawn figure and no current one."""
    if claim.approximation != "exact" or any(value_fits(f, claim) for f in comparison.current()):
        return None
    withdrawn = [f for f in comparison.in_scope if f.status == "withdrawn"]
    return next((f for f in withdrawn if value_fits(f, claim)), None)


def unit_mismatch(claim, registry: Registry, comparison: Comparison) -> Figure | None:
    """SL107: the number is a figure of this metric only at another unit or scale."""
    if claim.approximation != "exact" or claim.metric is None or claim.kind == "increment":
        return None
    if any(value_fits(f, claim) for f in comparison.figures):
        return None
    for figure in registry.figures_of(claim.metric):
        if figure.status == "withdrawn" or figure.kind != claim.kind:
            continue
        other_unit = (figure.unit, figure.per) != (claim.unit, claim.per)
        if other_unit and rounds_to(figure.value, claim.value, claim.unit):
            return figure
        scaled = (claim.value / scale for scale in SCALES)
        if (
            figure.unit == claim.unit
            and claim.unit in ("GBP", "count")
            and any(rounds_to(figure.value, value, claim.unit) for value in scaled)
        ):
            return figure
    return None


def direction_conflict(claim, comparison: Comparison) -> list[Figure]:
    """SL105: every figure the change can mean goes the other way."""
    current = comparison.current()
    if claim.kind != "change" or not claim.value or not current:
        return []
    if all(figure.value and (figure.value < 0) != (claim.value < 0) for figure in current):
        return current
    return []


def other_period_match(claim, comparison: Comparison) -> Figure | None:
    """SL103: the value is this metric's figure for another period than the one stated."""
    if claim.approximation != "exact" or not comparison.states_period:
        return None
    if any(value_fits(f, claim) for f in comparison.current()):
        return None
    others = comparison.current(comparison.figures)
    return next((f for f in others if value_fits(f, claim)), None)


def stale_match(claim, comparison: Comparison) -> tuple[Figure, Figure] | None:
    """SL104: without its period, the value is a figure that a later one supersedes."""
    if claim.approximation != "exact" or comparison.states_period:
        return None
    current = comparison.current()
    fitting = [f for f in current if value_fits(f, claim)]
    newer = [(f, later) for f in fitting if (later := superseding(f, current)) is not None]
    return newer[0] if fitting and len(newer) == len(fitting) else None


def parse_period(text: str) -> periods.Period:
    """A claim's normalised period string as a Period."""
    return _period(text)
