"""Comparing stated values with each other and with canonical ones (registry-v1 rules)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .model import plain_number

TOLERANCE = 0.05  # "nearly" and "around": within 5% of the stated value


def _decimals(value: float) -> int:
    text = f"{plain_number(value)}"
    return len(text.split(".")[1]) if "." in text else 0


def _significant_step(value: float) -> Decimal:
    """The rounding step a written count or sum shows: 34,200 -> 100, 1.5m -> 100,000."""
    digits = Decimal(str(plain_number(abs(value)))).normalize()
    exponent = digits.as_tuple().exponent
    return Decimal(1).scaleb(exponent) if isinstance(exponent, int) else Decimal(1)


def rounds_to(canonical: float, stated: float, unit: str) -> bool:
    """May a draft write `stated` for `canonical`? Rounding to the precision written."""
    if unit in ("percent", "percentage_points"):
        step = Decimal(1).scaleb(-_decimals(stated))
    else:
        step = _significant_step(stated)
    exact = Decimal(str(canonical)) / step
    rounded = exact.quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return rounded == Decimal(str(plain_number(stated)))


def same_figure(first: float, second: float, unit: str) -> bool:
    """Two stated values that can be the same figure, one rounded from the other."""
    return rounds_to(first, second, unit) or rounds_to(second, first, unit)


def approximation_holds(approximation: str, canonical: float, stated: float) -> bool:
    """Is "more than / up to / nearly / around <stated>" true of `canonical`?"""
    canonical, stated = abs(canonical), abs(stated)
    if approximation == "more_than":
        return canonical > stated
    if approximation == "up_to":
        return canonical <= stated
    if approximation == "nearly":
        return canonical < stated and stated - canonical <= TOLERANCE * stated
    if approximation == "around":
        return abs(canonical - stated) <= TOLERANCE * stated
    return canonical == stated
