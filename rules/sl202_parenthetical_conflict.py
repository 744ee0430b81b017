"""An approximate figure and the exact one beside it disagree.

## What it does
Checks statements that give a rounded figure with the exact one in brackets, such as
"nearly 500 (497) people": the approximation must be true of the exact figure ("more
than" needs it above, "up to" at or below, "nearly" below and within 5%, "around" within
5%).

## Why is this bad?
The sentence contradicts itself, and the reader sees it at once: one of the two numbers
is wrong, or the words around them are.

## Example
    More than 600 (584) people were charged.

Use instead:
    Nearly 600 (584) people were charged.
"""

from __future__ import annotations

from statlint.check.compare import approximation_holds
from statlint.output.wording import approximate_text, value_text

CODE = "SL202"
NAME = "parenthetical-conflict"
SEVERITY = "error"
SCOPE = "claim"
NEEDS_REGISTRY = False
DEFAULT_ON = True


def check(match, ctx):
    claim = match.claim
    if claim.exact is None or claim.approximation == "exact":
        return
    if approximation_holds(claim.approximation, claim.exact, claim.value):
        return
    stated = approximate_text(claim)
    exact = value_text(claim.exact, claim.unit, "level")
    yield ctx.finding(
        CODE,
        claim,
        f"'{stated} ({exact})' contradicts itself: {exact} is not {stated}; "
        "correct the approximation or the bracketed figure",
    )
