"""A period is described with a length it does not have.

## What it does
Checks sentences that give a period by its ends and also say how long it is: "between
October 2023 and January 2024 ... the same three-month period" (October to January is
four months, counted as the registry counts them, both ends included), "the two-month
period June to August" (three). Only whole months are checked, and only when the
sentence names one such period and one length.

## Why is this bad?
One of the two is wrong, and the reader cannot tell which: the dates, and so every
figure measured over them, or the length the comparison rests on ("the same
three-month period last year").

## Example
    Between October 2023 and January 2024 arrests rose by 5%, the same three-month period.

Use instead:
    Between October 2023 and January 2024 arrests rose by 5%, the same four-month period.
"""

from __future__ import annotations

from statlint.output.wording import span_text
from statlint.periods import length_in_months, parse

CODE = "SL204"
NAME = "period-length-conflict"
SEVERITY = "warning"
SCOPE = "document"
NEEDS_REGISTRY = False
DEFAULT_ON = True


def check_document(matches, ctx):
    seen = set()
    for match in matches:
        claim = match.claim
        if claim.length_said is None or claim.sentence in seen or claim.derived:
            continue
        seen.add(claim.sentence)
        said, written = claim.length_said
        period = parse(written)
        months = length_in_months(period)
        if months == said:
            continue
        yield ctx.finding(
            CODE,
            claim,
            f"the sentence calls {span_text(period)} a {said}-month period, but it is "
            f"{months} months (both months included): correct the dates or the length",
        )
