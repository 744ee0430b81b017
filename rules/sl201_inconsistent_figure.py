"""The same figure is quoted with different values in what is linted together.

## What it does
Groups the statements of all the files linted together by what they measure (the
registry's metric, or else the same subject: the same words once case, plurals, hyphens,
word order and general English are set aside, or words added only inside the phrase the
two share, as "knife crime with injury" and "knife injury"), their kind (change, level,
increment), unit, baseline and period. A statement whose value differs from the first one
in its group is reported, with the first mention as a related location. Approximate
figures ("more than 350,000") and values implied by others are not compared. Where the
registry has figures the statement can be compared with (its metric, kind, unit and the
periods it states), the registry is the judge (SL101-SL108) and SL201 leaves the
statement alone: one problem, one finding. The level a change starts from ("from 1,200 to
1,500") or is compared with ("than 900 in 2019") is an earlier figure, not compared.

## Why is this bad?
Readers and journalists compare releases. Two values for one figure read as an error,
or as spin, unless the dates show that one updates the other. When neither statement says
when its period ends, nobody can tell which it is: the message says so, and gives the
date of each document that says when it was written (a date line, front matter or
`--date`), so the editor can see which is the later.

## Example
    Since 2019 there has been a 22 per cent reduction in homicides.
    ...
    Since it was set up in 2019, there has been a 24% reduction in homicides.

Use instead (each figure with its own date range):
    Since 2019 there has been a 22 per cent reduction in homicides (year to March 2024).
    ...
    Since 2019 there has been a 24% reduction in homicides (year to March 2025).
"""

from __future__ import annotations

from statlint import periods
from statlint.check.compare import same_figure
from statlint.check.words import SubjectIndex, content_words
from statlint.output.wording import claim_text, prose_period

CODE = "SL201"
NAME = "inconsistent-figure"
SEVERITY = "warning"
SCOPE = "set"
NEEDS_REGISTRY = False
DEFAULT_ON = True


def key(claim):
    """The bucket a statement is compared within, or None when it is not compared at all
    (approximations, implied values, no subject): its metric when registered, its kind,
    whether it is a target, its unit, baseline and period. Files linted apart send only these."""
    if claim.approximation != "exact" or claim.derived or claim.role in ("from", "than"):
        return None  # "from 1,200 to 1,500": the level a change starts at is not the figure
    if not claim.metric and not content_words(claim.subject):
        return None
    return (claim.metric, claim.kind, claim.target, claim.unit, claim.baseline, claim.period)


class Check:
    """SL201 over a stream of statements, file after file: it keeps only the first mention
    of each figure, so its memory grows with the distinct figures, not with the text."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.first_of_metric: dict[tuple, object] = {}
        self.first_of_subject: dict[tuple, SubjectIndex] = {}

    def _first(self, found_key, claim):
        """The first mention of the same figure: the same metric, or, unregistered, the
        same subject; the claim itself when it is the first."""
        if claim.metric:
            return self.first_of_metric.setdefault(found_key, claim)
        mentions = self.first_of_subject.setdefault(found_key, SubjectIndex())
        return mentions.first(claim.subject, claim)

    def see(self, match, known_key=None) -> list:
        claim = match.claim
        found_key = known_key if known_key is not None else key(claim)
        if found_key is None or self._judged_by_registry(claim):
            return []
        first = self._first(found_key, claim)
        if first is claim or first.value == claim.value:
            return []
        if same_figure(first.value, claim.value, claim.unit):
            return []
        related = [{"path": first.path, "line": first.line, "column": first.column}]
        return [self.ctx.finding(CODE, claim, _message(claim, first), related=related)]

    def _judged_by_registry(self, claim) -> bool:
        """One problem, one finding: where the registry has figures the statement can be
        compared with (its metric, kind and unit, and the periods it states), the SL1xx
        rules judge it and SL201 does not compare it."""
        if self.ctx.registry is None or claim.metric is None:
            return False
        return bool(self.ctx.comparison(claim).in_scope)


def check_all(matches, ctx):
    check = Check(ctx)
    for match in matches:
        yield from check.see(match)


def _message(claim, first) -> str:
    here, where = _dated("here", claim), _dated(f"at {first.path}:{first.line}", first)
    text = f"{claim.subject}: {claim_text(claim)} {here}, but {claim_text(first)} {where}"
    if claim.period is None:
        return text + (
            "; the figures lack matching date ranges (neither says when its period ends), "
            "so a reader cannot tell an update from an error: give each its period"
        )
    return text + f" for the same period ({claim.period}): use one value"


def _dated(place: str, claim) -> str:
    """ "at letter.txt:35 (dated 1 April 2025)": when a document says when it was written,
    the editor can see which of two that disagree is the later."""
    if not claim.dated:
        return place
    return f"{place} (dated {prose_period(periods.parse(claim.dated))})"
