"""A statement names two registered metrics, so it is not checked (extension).

## What it does
Reports, as information, a statement whose subject matches aliases of more than one
registered metric equally well, or names two of them together ("robbery and theft" when
the registry has both). statlint does not guess which figure is meant, so none of the
SL1xx checks run on it.

## Why is this bad?
A figure that cannot be tied to one metric cannot be checked, and a reader may not be able
to tell what it measures either.

## Example
    Since 2019 there has been a 12% fall in robbery and theft.

Use instead (one metric per figure):
    Since 2019 there has been a 12% fall in robbery (year to March 2025).
"""

from __future__ import annotations

CODE = "SL109"
NAME = "ambiguous-metric"
SEVERITY = "info"
SCOPE = "claim"
NEEDS_REGISTRY = True
DEFAULT_ON = True


def check(match, ctx):
    if not match.uncertain:
        return
    names = " or ".join(ctx.registry.metrics[metric].name for metric in match.uncertain)
    yield ctx.finding(
        CODE,
        match.claim,
        f"'{match.claim.subject}' could be {names}: not checked against the registry; "
        "name one metric per figure",
    )
