"""A statistical statement names no registered metric (coverage).

## What it does
Reports, as information, each statement whose subject matches no metric of the
registry, and says why: no alias matched, or the nearest alias lacks a word of the
subject that could change what is measured (which word). Statements that name two
metrics equally well are SL109's. Runs only when selected (`--select SL301` or `SL3`).

## Why is this bad?
It is not wrong in itself: most figures in a draft are not the office's core
statistics. But an analyst keeping the registry needs to see what it cannot check, and
a core figure that slips past every check because its wording differs from the alias
("average response time" against "response time") is a gap worth closing.

## Example
    Last year 1,310 arrests were made for possession of a knife.

Use instead (add a metric, or an alias, to the registry):
    metrics:
      knife_possession_arrests:
        name: Arrests for knife possession
        aliases: [arrests for possession of a knife]
"""

from __future__ import annotations

from statlint.check.coverage import unmatched_reason

CODE = "SL301"
NAME = "unregistered-metric"
SEVERITY = "info"
SCOPE = "claim"
NEEDS_REGISTRY = True
DEFAULT_ON = False


def check(match, ctx):
    claim = match.claim
    if match.metric is not None or match.uncertain or claim.derived:
        return
    subject = f"'{claim.subject}'" if claim.subject else f"'{claim.text}'"
    yield ctx.finding(
        CODE,
        claim,
        f"{subject} names no registered metric ({unmatched_reason(match)}): not checked; "
        "add a metric or an alias if the office tracks this figure",
    )
