"""Figures stated together do not add up, beyond the rounding they are written to.

## What it does
Checks the arithmetic between figures that one sentence (or, for a rate and its total,
one paragraph) relates to each other, with no registry:

- a stated change against the change its two levels imply ("fell from 4,384 to 3,976,
  a 12% fall": the levels give 9.3%), and a count change against its levels ("up by 137
  to 14,817 from 14,680": that is 137, so it holds);
- percentage points confused with percent or counts ("a 12-percentage-point drop" from
  150 to 132 is a fall of 18, or 12%);
- a share against its part and total ("300 of the 1,200 cases (30%)": that is 25%);
- parts against their total ("£39m and £19.8m of the extra £50m" is £58.8m of £50m);
- a rate over a stated length against a total ("the £150m fund will give £40m a year for
  three years": that is £120m).

Each figure may be rounded to the precision it is written with (4,400 can be 4,350 to
4,450), and the check allows for that; "more than", "up to", "nearly" and "around" are
read as registry-v1 says. Parts that add up to less than their total are a subset ("of
which"), not a conflict. The finding points at every figure used.

## Why is this bad?
A reader can check the sum, and journalists do. A figure that does not add up with the
one beside it makes both look wrong, and it is the slip no registry catches: it needs
no canonical figure, only the draft itself.

## Example
    Burglaries fell from 4,384 to 3,976, a 12% fall.

Use instead:
    Burglaries fell from 4,384 to 3,976, a 9% fall.
"""

from __future__ import annotations

from statlint.check.compare import approximation_holds, rounded_bounds
from statlint.check.units import total_over
from statlint.output.wording import value_text

CODE = "SL203"
NAME = "arithmetic-conflict"
SEVERITY = "warning"
SCOPE = "document"
NEEDS_REGISTRY = False
DEFAULT_ON = True

_AMOUNTS = ("count", "GBP", "USD", "EUR")


def check_document(matches, ctx):
    claims = [match.claim for match in matches]
    figures = {claim.number_at: claim for claim in claims if not claim.derived}
    yield from _changes_against_levels(claims, figures, ctx)
    for claim in claims:
        if claim.share_of is not None:
            yield from _share(claim, figures, ctx)
    yield from _rates_over_length(claims, ctx)
    yield from _parts(claims, figures, ctx)


def _related(*claims) -> list[dict]:
    return [{"path": c.path, "line": c.line, "column": c.column} for c in claims]


def _bounds(claim) -> tuple[float, float]:
    """The values a figure used in the sum can stand for: a scaled amount to its last
    written digit ("£19.8m": 19.75m to 19.85m; "£10m": 9.5m to 10.5m), a count under
    100,000 as written ("300 of the 1,200"), larger round numbers to their precision
    ("350,000")."""
    value = abs(claim.value)
    if claim.step:
        return value - claim.step / 2, value + claim.step / 2
    if claim.unit in ("percent", "percentage_points") or value >= 100_000:
        return rounded_bounds(claim.value, claim.unit)
    return value, value


def _holds(low: float, high: float, stated) -> bool:
    """Is the stated figure true of some value between low and high (the worked-out
    value, given the rounding of the figures it comes from)?"""
    if stated.approximation == "exact":
        written_low, written_high = rounded_bounds(stated.value, stated.unit)
        return written_low <= high + 1e-9 and low <= written_high + 1e-9
    return any(
        approximation_holds(stated.approximation, value, abs(stated.value))
        for value in (low, high, (low + high) / 2)
    )


# ---- a change and the two levels it moves between --------------------------------------------
def _changes_against_levels(claims, figures, ctx):
    for stated, first, second in _paired(claims, figures):
        message = _change_problem(stated, first, second)
        if message:
            yield ctx.finding(CODE, stated, message, related=_related(first, second))


def _paired(claims, figures):
    """(stated change, first level, second level) for each change that stands right
    before or right after the two levels of a worked-out change, in their clause, and
    gives no other baseline. When unsure (a change between two pairs of levels, or a pair
    with a change on each side), nothing is paired."""
    found = []
    for derived in claims:
        if not derived.derived or not derived.levels:
            continue
        first, second = (figures.get(at) for at in derived.levels)
        if first is None or second is None or first.unit not in (*_AMOUNTS, "percent"):
            continue
        for stated in _changes_beside(derived, first, second, claims):
            found.append((stated, first, second))
    changes = [stated.number_at for stated, _, _ in found]
    pairs = [first.number_at for _, first, _ in found]
    return [
        (stated, first, second)
        for stated, first, second in found
        if changes.count(stated.number_at) == 1 and pairs.count(first.number_at) == 1
    ]


def _changes_beside(derived, first, second, claims):
    clause = [c for c in claims if c.clause == first.clause and not c.derived]
    order = [c.number_at for c in clause]
    if second.number_at not in order:
        return []
    ends = sorted((order.index(first.number_at), order.index(second.number_at)))
    beside = [clause[i] for i in (ends[0] - 1, ends[1] + 1) if 0 <= i < len(clause)]
    return [
        c
        for c in beside
        if c.kind == "change"
        and c.per is None
        and (c.baseline is None or derived.baseline is None or c.baseline == derived.baseline)
        and _close(c, first, second)
        and _same_thing(c, first)
    ]


NEAR = 40  # characters between a change and its levels, at most ("..., a 12% fall")


def _close(change, first, second) -> bool:
    """Does the change stand right beside the levels, not further on in the clause?"""
    start, end = min(first.start, second.start), max(first.end, second.end)
    return change.end <= start + NEAR if change.start < start else change.start <= end + NEAR


def _same_thing(change, level) -> bool:
    """A change that names what it measures names what the levels measure: "trips rose
    from 100 to 120 in London, while across England they rose 5%" is another figure."""
    from statlint.check.words import content_words

    named, measured = set(content_words(change.subject)), set(content_words(level.subject))
    return not named or not measured or bool(named & measured)


def _change_problem(stated, first, second) -> str | None:
    """What is wrong with the stated change, given the levels; None when it holds."""
    low_a, high_a = _bounds(first)
    low_b, high_b = _bounds(second)
    moved = second.value - first.value
    ends = f"{_level(first)} to {_level(second)}"
    if stated.direction and moved and (moved < 0) != (stated.direction == "decrease"):
        way = "fall" if moved < 0 else "rise"
        return (
            f"'{stated.text}' says a {_way(stated)}, but the levels beside it ({ends}) "
            f"are a {way}: correct the direction or the levels"
        )
    difference = (abs(low_b - high_a), abs(high_b - low_a))
    difference = (min(difference), max(difference)) if moved else (0.0, max(difference))
    percent = _percent_change(low_a, high_a, low_b, high_b)
    actual = _change_words(moved, first)
    if stated.unit == "percent":
        if percent is None or _holds(*percent, stated):
            return None
        if first.unit == "percent" and _holds(*difference, stated):
            return (
                f"'{stated.text}': {ends} is {actual}; a change between two percentages "
                "is in percentage points, or say 'a fall of N%' of the relative change"
            )
        return f"'{stated.text}', but {ends} is {actual}: correct the change or the levels"
    if stated.unit == "percentage_points":
        if first.unit == "percent":
            if _holds(*difference, stated):
                return None
            return f"'{stated.text}', but {ends} is {actual}: correct the change or the levels"
        return (
            f"'{stated.text}': percentage points measure a difference between two "
            f"percentages, and {ends} is {actual}; write the change as a count or a percent"
        )
    if stated.unit == first.unit and not _holds(*difference, stated):
        return f"'{stated.text}', but {ends} is {actual}: correct the change or the levels"
    return None


def _level(claim) -> str:
    return value_text(claim.value, claim.unit, "level")


def _way(stated) -> str:
    return "fall" if stated.direction == "decrease" else "rise"


def _percent_change(low_a, high_a, low_b, high_b) -> tuple[float, float] | None:
    if low_a <= 0:
        return None
    values = [abs(b - a) / a * 100 for a in (low_a, high_a) for b in (low_b, high_b)]
    return min(values), max(values)


def _change_words(moved: float, first) -> str:
    """ "a fall of 408, or 9.3%", "a fall of 5 percentage points (25%)"."""
    way = "a fall" if moved < 0 else "a rise"
    relative = _decimal(abs(moved) / abs(first.value) * 100) if first.value else None
    if first.unit == "percent":
        size = _decimal(abs(moved))
        return f"{way} of {size} percentage points" + (f" ({relative}%)" if relative else "")
    count = value_text(abs(moved), first.unit, "level")
    return f"{way} of {count}" + (f", or {relative}%" if relative else "")


def _decimal(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


# ---- a share of a part in its total ------------------------------------------------------------
def _share(percent, figures, ctx):
    part = figures.get(percent.share_of)
    total = figures.get(part.part_of) if part is not None else None
    if total is None or total.value <= 0:
        return
    part_low, part_high = _bounds(part)
    total_low, total_high = _bounds(total)
    share = (part_low / total_high * 100, part_high / max(total_low, 1e-9) * 100)
    if _holds(*share, percent):
        return
    worked = _decimal(part.value / total.value * 100)
    message = (
        f"the share is {value_text(percent.value, 'percent', 'level')}, but {_level(part)} of "
        f"{_level(total)} is {worked}%: correct the share or the figures"
    )
    yield ctx.finding(CODE, percent, message, related=_related(part, total))


# ---- parts and their total ---------------------------------------------------------------------
def _parts(claims, figures, ctx):
    groups: dict[int, list] = {}
    for claim in claims:
        if claim.part_of is not None and not claim.derived:
            groups.setdefault(claim.part_of, []).append(claim)
    for total_at, parts in groups.items():
        total = figures.get(total_at)
        if total is None or total.approximation == "more_than":
            continue
        if any(part.approximation in ("up_to", "nearly", "around") for part in parts):
            continue  # an approximate part can be smaller than written
        low = sum(_bounds(part)[0] for part in parts)
        high = _bounds(total)[1]
        if total.approximation == "around":
            high = abs(total.value) * 1.05
        if low <= high + 1e-9:
            continue
        added = sum(part.value for part in parts)
        written = " and ".join(_level(part) for part in parts)
        message = (
            f"{written} of {_level(total)} come to {value_text(added, total.unit, 'level')}, "
            "more than the total: correct a part or the total"
        )
        yield ctx.finding(CODE, parts[-1], message, related=_related(*parts[:-1], total))


# ---- rates over a length of time, and the total they make --------------------------------------
def _rates_over_length(claims, ctx):
    """Each total against the rates that make it up: "£10m a year for schools and £5m a
    year for clubs" over three years is £45m, checked against "the £45m programme"."""
    groups: dict[int, tuple] = {}
    for rate in claims:
        if not (rate.over and rate.per) or rate.derived:
            continue
        total = _total_for(rate, claims)
        if total is not None:
            groups.setdefault(total.number_at, (total, []))[1].append(rate)
    for total, rates in groups.values():
        yield from _against_total(total, rates, ctx)


def _against_total(total, rates, ctx):
    worked = [work for rate in rates if (work := _over_length(rate)) is not None]
    if len(worked) != len(rates):
        return
    low, high, made = (sum(work[index] for work in worked) for index in range(3))
    if _holds(low, high, total):
        return
    written = " and ".join(
        f"{value_text(rate.value, rate.unit, 'level', rate.per)} for "
        f"{value_text(float(rate.over.split(' ', 1)[0]), rate.over.split(' ', 1)[1], 'level')}"
        for rate in rates
    )
    message = (
        f"{written} comes to {value_text(made, total.unit, 'level')}, but the total given "
        f"is {_level(total)} ('{total.text}'): correct the rate, its length or the total, "
        "or say what the rest is for"
    )
    yield ctx.finding(CODE, rates[-1], message, related=_related(*rates[:-1], total))


def _over_length(rate) -> tuple[float, float, float] | None:
    """(lowest, highest, as written) total of a rate over its length, as rounded."""
    length, unit = rate.over.split(" ", 1)
    low, high, made = (
        total_over(value, rate.per, float(length), unit) for value in (*_bounds(rate), rate.value)
    )
    if low is None or high is None or made is None:
        return None
    return low, high, made


def _total_for(rate, claims):
    """The total a rate adds up to: the nearest amount of its unit before it in its
    sentence, or else in its paragraph when the two name the same thing ("the £45m
    fund ... The three-year fund will see £10m a year")."""
    from statlint.check.words import content_words

    before = [
        c
        for c in claims
        if c.number_at < rate.number_at
        and c.block == rate.block
        and c.unit == rate.unit
        and c.per is None
        and c.kind == "level"
        and not c.derived
        and c.unit in _AMOUNTS
    ]
    if not before:
        return None
    nearest = before[-1]
    if nearest.sentence == rate.sentence:
        return nearest
    named = set(content_words(f"{rate.subject} {rate.over_what or ''}"))
    return nearest if named & set(content_words(nearest.subject)) else None
