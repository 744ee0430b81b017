"""A change is described as a rise where the canonical figure is a fall, or the reverse.

## What it does
Compares the direction a statement gives ("rise", "up", "fell", "lower") with the sign of
every canonical change it can mean (same metric, unit and stated periods).

## Why is this bad?
Saying crime rose when it fell, or fell when it rose, reverses the meaning of the release;
it is the most damaging error a figure can carry.

## Example
    Homicides have risen 24% since 2019 (year to March 2025).

Use instead:
    Homicides have fallen 24% since 2019 (year to March 2025).
"""

from __future__ import annotations

from statlint.check import canonical as canon
from statlint.output.wording import candidates_text, figure_json

CODE = "SL105"
NAME = "direction-conflict"
SEVERITY = "error"
SCOPE = "claim"
NEEDS_REGISTRY = True
DEFAULT_ON = True


def check(match, ctx):
    claim = match.claim
    comparison = ctx.comparison(claim)
    figures = canon.direction_conflict(claim, comparison)
    if not figures or canon.withdrawn_match(claim, comparison):
        return
    said, actual = ("rise", "fall") if claim.value > 0 else ("fall", "rise")
    name = ctx.metric_name(claim)
    yield ctx.finding(
        CODE,
        claim,
        f"{name}: the statement says {said}, but the registry has a {actual}: "
        f"{candidates_text(canon.latest(figures))}",
        expected=figure_json(canon.latest(figures)[0]),
    )
