"""A registered figure is quoted without the date range that ties it to one figure.

## What it does
Reports a statement that names a registered metric but leaves out its period: a change
without its baseline or its end period, a level without its date. The message lists the
figures it could be, with their periods and sources, so the editor can add the right one.
A change over a year that gives no baseline ("rose by 4% in the year to March 2024") is
read against the year before when every registry figure for that year is; it is reported
when some figure has another baseline (since 2019, say), and a change over a month or a
quarter with no baseline always is (on the month before, or on the same month a year
before?).

## Why is this bad?
Without its period a figure cannot be checked, and when the next release gives a new
value for a later period, readers cannot tell an update from an error.

## Example
    Since 2019 there has been a 24% reduction in homicides.

Use instead:
    Since 2019 there has been a 24% reduction in homicides (year to March 2025).

## Fix
`statlint --fix` adds the period in brackets after the statement when exactly one
figure fits the stated value: "a 24% reduction in homicides (year to March 2025)".
"""

from __future__ import annotations

from statlint.check import canonical as canon
from statlint.output.wording import candidates_text, claim_text, figure_json, prose_period

CODE = "SL102"
NAME = "missing-period"
SEVERITY = "warning"
SCOPE = "claim"
NEEDS_REGISTRY = True
DEFAULT_ON = True


def check(match, ctx):
    claim = match.claim
    comparison = ctx.comparison(claim)
    if comparison.states_period:
        return
    candidates = canon.latest(comparison.in_scope)
    fitting = [figure for figure in candidates if canon.value_fits(figure, claim)]
    if not fitting:
        return  # a wrong, stale or withdrawn value: SL101, SL104, SL106 or SL108 say so
    said = f"{ctx.metric_name(claim)}: {claim_text(claim)}"
    fix = None
    if claim.period and not claim.baseline:  # a change dated, but compared with nothing
        baseline = prose_period(fitting[0].baseline) if fitting[0].baseline else "..."
        lacks = "does not say what it is compared with"
        add = f"Add the baseline, e.g. 'compared with {baseline}'"
    else:
        lacks = f"has no {'end period' if claim.baseline else 'date range'}"
        add = f"Add the period, e.g. '({prose_period(fitting[0].period)})'"
        fix = {"period": prose_period(fitting[0].period)} if len(fitting) == 1 else None
    yield ctx.finding(
        CODE,
        claim,
        f"{said} {lacks}, so it cannot be tied to one figure; "
        f"the registry has {candidates_text(candidates)}. {add}",
        expected=figure_json(fitting[0]),
        fix=fix,
    )
