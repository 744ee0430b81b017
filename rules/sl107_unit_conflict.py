"""The number matches a canonical figure only at another unit or scale.

## What it does
Reports a statement whose number is one of its metric's figures, but in another unit or
at another scale: £45bn for £45m, percentage points for percent, a count for a percent.

## Why is this bad?
A slip of unit or scale changes the figure a thousandfold, or turns a relative change
into an absolute one. It is easy to make and embarrassing to correct.

## Example
    A new £45bn Young Londoners Fund.

Use instead:
    A new £45m Young Londoners Fund.
"""

from __future__ import annotations

from statlint.check import canonical as canon
from statlint.output.wording import claim_text, figure_json, figure_text, value_text

CODE = "SL107"
NAME = "unit-conflict"
SEVERITY = "error"
SCOPE = "claim"
NEEDS_REGISTRY = True
DEFAULT_ON = True


def check(match, ctx):
    claim = match.claim
    comparison = ctx.comparison(claim)
    figure = canon.unit_mismatch(claim, ctx.registry, comparison)
    if figure is None:
        return
    name = ctx.metric_name(claim)
    yield ctx.finding(
        CODE,
        claim,
        f"{name}: {claim_text(claim)} matches the registry's {figure_text(figure)} only at "
        f"another unit or scale: write {_written(figure)}",
        expected=figure_json(figure),
    )


def _written(figure) -> str:
    return value_text(figure.value, figure.unit, figure.kind, figure.per)
