"""The value is the canonical figure for another period than the one stated.

## What it does
Reports a statement whose value is one of its metric's canonical figures, but the one
published for a different period (or baseline) than the statement gives.

## Why is this bad?
The number is right and the date is wrong, or the reverse: either way the published
sentence is false, and it is the kind of error a fact-checker finds first.

## Example
    Homicides fell 22% in the year to March 2025 compared with 2019.

Use instead:
    Homicides fell 24% in the year to March 2025 compared with 2019.
or, if last year's figure was meant:
    Homicides fell 22% in the year to March 2024 compared with 2019.
"""

from __future__ import annotations

from statlint.check import canonical as canon
from statlint.output.wording import candidates_text, claim_text, figure_json, for_period

CODE = "SL103"
NAME = "period-mismatch"
SEVERITY = "error"
SCOPE = "claim"
NEEDS_REGISTRY = True
DEFAULT_ON = True


def check(match, ctx):
    claim = match.claim
    comparison = ctx.comparison(claim)
    other = canon.other_period_match(claim, comparison)
    if other is None or canon.withdrawn_match(claim, comparison):
        return
    current = comparison.current()
    stated = for_period(canon.parse_period(claim.period))
    if current:
        here = f"{stated} the registry has {candidates_text(current)}"
    else:
        here = f"the registry has no figure {stated}"
    name = ctx.metric_name(claim)
    yield ctx.finding(
        CODE,
        claim,
        f"{name}: {claim_text(claim)} is the figure {for_period(other.period)} "
        f"({other.source or other.where}), not {stated} as stated; {here}",
        expected=figure_json(current[0] if current else other),
    )
