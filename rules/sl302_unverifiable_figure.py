"""A registered metric has no figure for the kind, unit or period stated (coverage).

## What it does
Reports, as information, each statement that names a registered metric when the
registry has no figure it can be compared with, and says which is missing: a figure of
that kind (a change, a level, a target), in that unit (percent, a count, £, minutes, a
rate per 100,000), or for the period and baseline the statement gives. Runs only when
selected (`--select SL302` or `SL3`).

## Why is this bad?
The statement looks checked (its metric is known) but nothing was compared: a new
period, or a figure quoted as a count where the registry holds a percent, passes
without a check until the registry has it.

## Example
    Homicides fell 21% in the year to March 2026 compared with 2019.

Use instead (register the figure the statement quotes):
    - metric: homicide
      value: -21
      unit: percent
      baseline: "2019"
      period: "2025-04/2026-03"
"""

from __future__ import annotations

from statlint.check.coverage import unverifiable_reason

CODE = "SL302"
NAME = "unverifiable-figure"
SEVERITY = "info"
SCOPE = "claim"
NEEDS_REGISTRY = True
DEFAULT_ON = False


def check(match, ctx):
    claim = match.claim
    if match.metric is None or claim.derived:
        return
    reason = unverifiable_reason(match, ctx.registry, ctx.comparison(claim))
    if reason is None:
        return
    yield ctx.finding(
        CODE,
        claim,
        f"{ctx.metric_name(claim)}: {reason}, so this statement is not checked; add the "
        "figure to the registry if it is published",
    )
