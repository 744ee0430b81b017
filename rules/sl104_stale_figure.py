"""An earlier figure is quoted, without its period, after a later one superseded it.

## What it does
Reports a statement without a period whose value matches a canonical figure that a later
figure of the same metric, kind and baseline has superseded.

## Why is this bad?
Quoted without its date, an old figure reads as the current one. The reader cannot see
that it is out of date, and the release contradicts the office's latest figures.

## Example
    Since 2019 there has been a 22 per cent reduction in homicides.

Use instead:
    Since 2019 there has been a 24% reduction in homicides (year to March 2025).
or, to quote the earlier figure:
    In the year to March 2024 homicides were 22% lower than in 2019.

## Fix
`statlint --fix` writes the later figure's value in the draft's style; SL102's fix then
adds its period, so "hits 33,000" becomes "hits 34,200 (May 2024)".
"""

from __future__ import annotations

from statlint.check import canonical as canon
from statlint.output.wording import claim_text, figure_json, figure_text, for_period

CODE = "SL104"
NAME = "stale-figure"
SEVERITY = "warning"
SCOPE = "claim"
NEEDS_REGISTRY = True
DEFAULT_ON = True


def check(match, ctx):
    claim = match.claim
    stale = canon.stale_match(claim, ctx.comparison(claim))
    if stale is None:
        return
    earlier, later = stale
    name = ctx.metric_name(claim)
    yield ctx.finding(
        CODE,
        claim,
        f"{name}: {claim_text(claim)} is the figure {for_period(earlier.period)}"
        f"{f' ({earlier.source})' if earlier.source else ''}, superseded by "
        f"{figure_text(later)}: quote the later figure with its period, or name the earlier "
        f"period{canon.unfixed_note(claim)}",
        expected=figure_json(later),
        fix=canon.value_fix(claim, [later]),
    )
