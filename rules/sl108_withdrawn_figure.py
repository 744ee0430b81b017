"""A figure the registry marks as withdrawn (published in error) is quoted.

## What it does
Reports a statement whose value matches a canonical figure with `status: withdrawn`, and
no current figure of the periods it states.

## Why is this bad?
A withdrawn figure was wrong. Quoting it again repeats a published error that the office
has already corrected.

## Example
    Homicides fell 26% in the year to March 2025 compared with 2019.

Use instead (the corrected figure):
    Homicides fell 24% in the year to March 2025 compared with 2019.
"""

from __future__ import annotations

from statlint.check import canonical as canon
from statlint.output.wording import candidates_text, claim_text, figure_json

CODE = "SL108"
NAME = "withdrawn-figure"
SEVERITY = "error"
SCOPE = "claim"
NEEDS_REGISTRY = True
DEFAULT_ON = True


def check(match, ctx):
    claim = match.claim
    comparison = ctx.comparison(claim)
    withdrawn = canon.withdrawn_match(claim, comparison)
    if withdrawn is None:
        return
    current = canon.latest(comparison.in_scope)
    instead = f"; the registry has {candidates_text(current)}" if current else ""
    name = ctx.metric_name(claim)
    yield ctx.finding(
        CODE,
        claim,
        f"{name}: {claim_text(claim)} was withdrawn as published in error"
        f"{f' ({withdrawn.source})' if withdrawn.source else ''}{instead}",
        expected=figure_json(current[0]) if current else None,
    )
