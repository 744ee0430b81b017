"""Turn the words and digits of a stated number into a value.

Scale words (m, bn, million) are unit algebra done with `quantities`, imported only when a
draft has a scaled number: it pulls in numpy, which a draft without one never needs.
"""

from __future__ import annotations

import re
from functools import cache

UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SMALL = {word: index for index, word in enumerate(UNITS)}
SMALL.update({word: 20 + 10 * index for index, word in enumerate(TENS)})
SMALL.update({"a": 1, "an": 1})

SCALE_ALIASES = {
    "k": "thousand",
    "thousand": "thousand",
    "m": "million",
    "mn": "million",
    "mill": "million",
    "million": "million",
    "b": "billion",
    "bn": "billion",
    "billion": "billion",
    "hundred": "hundred",
}

FRACTIONS = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}
MULTIPLES = {"halved": -50.0, "doubled": 100.0, "tripled": 200.0, "trebled": 200.0}


def digits(text: str) -> float:
    """'5,768' -> 5768, '1.5' -> 1.5."""
    return float(text.replace(",", ""))


def words(text: str) -> float:
    """'twelve' -> 12, 'twenty-five' -> 25, 'a' -> 1 (as in 'a million')."""
    total = 0.0
    for part in re.split(r"[\s-]+", text.lower().strip()):
        total += SMALL[part]
    return total


def number(text: str) -> float:
    """A number written in digits or words, without scale."""
    text = text.strip()
    return digits(text) if text[0].isdigit() else words(text)


def fraction(text: str) -> float:
    """'a quarter' -> 25.0, 'two thirds' -> 66.67, 'half' -> 50.0 (as a percent)."""
    parts = re.split(r"[\s-]+", text.lower().strip())
    count = SMALL[parts[0]] if len(parts) > 1 else 1
    return round(100 * count * FRACTIONS[parts[-1]], 2)


def scale_factor(word: str) -> float:
    """The multiplier of a scale word: 'm' -> 1e6."""
    return _factor(SCALE_ALIASES[word.lower()])


@cache
def _factor(name: str) -> float:
    """Derived with quantities' unit algebra, once per scale name."""
    import quantities as pq  # deferred: numpy costs ~140 ms of start-up

    exponent = {"hundred": 2, "thousand": 3, "million": 6, "billion": 9}[name]
    unit = pq.UnitQuantity(name, pq.dimensionless * 10**exponent, symbol=name)
    return float((1 * unit).rescale(pq.dimensionless).magnitude)


def scaled(value: float, scale: str | None) -> float:
    """Apply a scale word: scaled(1.5, 'm') == 1_500_000."""
    if not scale:
        return value
    result = value * scale_factor(scale)
    return float(round(result)) if abs(result - round(result)) < 1e-6 else result
