"""Which statements the registry can check, and why the others are left unchecked.

Used by SL301 and SL302 (info rules, run when selected), by `statlint extract
--registry`, and by the share of statements checked that `--statistics` and the HTML
report give. Reasons are said in the editor's terms: which word kept an alias from
matching, which metrics tie, which kind, unit or period the registry lacks.
"""

from __future__ import annotations

from statlint.check.canonical import compare
from statlint.output.wording import for_period, prose_period, unit_text
from statlint.periods import parse

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from statlint.check.match import Match
    from statlint.registry.load import Registry


def unmatched_reason(match: Match) -> str:
    """Why a statement names no registered metric."""
    if match.uncertain:
        return "two metrics fit it equally well: " + ", ".join(match.uncertain)
    if match.extra:
        words = ", ".join(f"'{word}'" for word in match.extra)
        return f"the nearest alias lacks the word(s) {words}, which could change what is measured"
    if not match.claim.subject:
        return "no subject was read beside the number"
    return "no alias matched its subject"


def unverifiable_reason(match: Match, registry: Registry, comparison=None) -> str | None:
    """Why a statement of a registered metric cannot be checked; None when it can."""
    claim = match.claim
    comparison = comparison or compare(claim, registry)
    if comparison.in_scope or claim.metric is None:
        return None
    kinds = [f for f in registry.figures_of(claim.metric) if f.target == claim.target]
    if not kinds:
        return f"the registry has no {'target' if claim.target else 'outturn'} of this metric"
    wanted = "change" if claim.kind == "increment" else claim.kind
    if not any(f.kind == wanted for f in kinds):
        return f"the registry has no {wanted} figure of this metric"
    if not comparison.figures:
        unit = unit_text(claim.unit, claim.per)
        return f"the registry has no {wanted} figure of this metric in {unit}"
    since = f" since {prose_period(parse(claim.baseline))}" if claim.baseline else ""
    during = f" {for_period(parse(claim.period))}" if claim.period else ""
    return f"the registry has no {wanted} figure of this metric{since}{during}"


def why_unchecked(match: Match, registry: Registry, comparison=None) -> str | None:
    """Why the registry cannot check this statement; None when it can."""
    if match.metric is None:
        return unmatched_reason(match)
    return unverifiable_reason(match, registry, comparison)
