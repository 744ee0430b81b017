"""An approximation ("more than", "up to", "nearly", "around") is not true of the figure.

## What it does
Checks approximate statements against the canonical figures they can mean: "more than /
over X" needs the figure above X; "up to / no more than X" at or below X; "nearly /
almost X" below X and within 5% of it; "around / about / some X" within 5% of X.

## Why is this bad?
An approximation is still a claim. "Nearly 34,000 officers" when there are 34,200 is
false, and "more than 25%" when the figure is 24% overstates the result.

## Example
    Homicides fell by more than 25% in the year to March 2025 compared with 2019.

Use instead:
    Homicides fell by nearly 25% in the year to March 2025 compared with 2019.

## Fix
`statlint --fix` writes the canonical value only where the approximation then holds:
"around 30,000" becomes "around 34,200"; "more than 35,000" is left for the editor,
because "more than 34,200" would not be true either and the right word is theirs.
"""

from __future__ import annotations

from statlint.check import canonical as canon
from statlint.check.compare import approximation_holds
from statlint.output.wording import approximate_text, candidates_text, figure_json

CODE = "SL106"
NAME = "approximation-conflict"
SEVERITY = "error"
SCOPE = "claim"
NEEDS_REGISTRY = True
DEFAULT_ON = True


def check(match, ctx):
    claim = match.claim
    if claim.approximation == "exact":
        return
    comparison = ctx.comparison(claim)
    figures = canon.latest(comparison.in_scope)
    if not figures or canon.direction_conflict(claim, comparison):
        return
    if any(approximation_holds(claim.approximation, f.value, claim.value) for f in figures):
        return
    stated = approximate_text(claim)
    name = ctx.metric_name(claim)
    yield ctx.finding(
        CODE,
        claim,
        f"{name}: '{stated}' is not true of {candidates_text(figures)}" + canon.unfixed_note(claim),
        expected=figure_json(figures[0]),
        fix=_fix(claim, figures),
    )


def _fix(claim, figures):
    """The canonical number, only where the approximation then holds ("around 34,200" does;
    "more than 34,200" does not, and the right word is the editor's choice)."""
    fix = canon.value_fix(claim, figures)
    if fix and approximation_holds(claim.approximation, fix["value"], fix["value"]):
        return fix
    return None
