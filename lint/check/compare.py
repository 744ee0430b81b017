"""Comparing stated values with each other and with canonical ones (registry-v1 rules)."""

from __future__ import annotations

import math
from functools import lru_cache

from statlint.model import plain_number

TOLERANCE = 0.05  # "nearly" and "around": within 5% of the stated value


@lru_cache(maxsize=4096)
def rounding_step(stated: float, unit: str) -> float:
    """The rounding step a written value shows: 24% -> 1, 23.6% -> 0.1, 34,200 -> 100,
    £1.5m -> 100,000 (counts and money by significant digits, percents by decimals)."""
    text = repr(plain_number(abs(stated)))
    if unit in ("percent", "percentage_points"):
        return 10.0 ** -(len(text.split(".")[1]) if "." in text else 0)
    if "." in text or "e" in text:
        return 10.0 ** -(len(text.split(".")[1]) if "." in text else 0)
    return 10.0 ** (len(text) - len(text.rstrip("0"))) if text != "0" else 1.0


def rounds_to(canonical: float, stated: float, unit: str) -> bool:
    """May a draft write `stated` for `canonical`? Rounding half up to the precision written."""
    step = rounding_step(stated, unit)
    rounded = math.floor(abs(canonical) / step + 0.5 + 1e-9) * step
    return abs(math.copysign(rounded, canonical) - stated) < step / 1000


def rounded_bounds(stated: float, unit: str) -> tuple[float, float]:
    """The values a written figure can stand for, rounded to its precision: 4,400 ->
    (4,350, 4,450); 9.3% -> (9.25, 9.35)."""
    half = rounding_step(stated, unit) / 2
    return abs(stated) - half, abs(stated) + half


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
