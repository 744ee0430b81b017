"""A figure differs from the registry's figure for the same metric and period.

## What it does
Compares a statement that names a registered metric with the canonical figures of that
metric, kind and unit. When the statement gives its periods, the value must be the figure
for those periods, rounded to the precision written (23.6 may be written 24%). When it
gives no period, the value must be one of the metric's figures.

## Why is this bad?
A published figure that contradicts the office's own canonical figure is corrected in
public, and every later figure is doubted.

## Example
    Homicides fell 21% in the year to March 2025 compared with 2019.

Use instead:
    Homicides fell 24% in the year to March 2025 compared with 2019.

## Fix
`statlint --fix` writes the canonical value in place of the stated one when exactly one
figure is meant, in the draft's style: only the digits change ("22%" becomes "24%",
"22 per cent" becomes "24 per cent", "33,000" keeps its comma, "£1.2bn" its "bn").
"""

from __future__ import annotations

from statlint.check import canonical as canon
from statlint.output.wording import candidates_text, claim_text, figure_json, for_period

CODE = "SL101"
NAME = "value-conflict"
SEVERITY = "error"
SCOPE = "claim"
NEEDS_REGISTRY = True
DEFAULT_ON = True


def _explained_elsewhere(claim, comparison, registry) -> bool:
    """Another rule says more exactly what is wrong."""
    return bool(
        canon.withdrawn_match(claim, comparison)
        or canon.unit_mismatch(claim, registry, comparison)
        or canon.direction_conflict(claim, comparison)
        or canon.other_period_match(claim, comparison)
    )


def check(match, ctx):
    claim = match.claim
    comparison = ctx.comparison(claim)
    current = comparison.current()
    if claim.approximation != "exact" or not current:
        return
    if any(canon.value_fits(f, claim) for f in comparison.in_scope):
        return
    if _explained_elsewhere(claim, comparison, ctx.registry):
        return
    expected = canon.latest(current)
    name = ctx.metric_name(claim)
    if comparison.states_period:
        stated = for_period(canon.parse_period(claim.period))
        message = f"{name}: {claim_text(claim)} {stated}, but the registry has "
    else:
        message = f"{name}: {claim_text(claim)} is none of the registry's figures; it has "
    yield ctx.finding(
        CODE,
        claim,
        message + candidates_text(expected) + canon.unfixed_note(claim),
        expected=figure_json(expected[0]),
        fix=canon.value_fix(claim, expected),
    )
