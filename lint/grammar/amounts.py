"""The grammar of a stated quantity: a number with its sign, currency, scale and unit.

    quantity   ::= amount | one_in | fraction_of_scale | fraction | multiple | word_amount
    amount     ::= [sign] [currency] digits [scale] [range_end] [unit]
    range_end  ::= ("-" | "–") [currency] digits [scale]           ("81-84%", "£3-5m")
    word_amount ::= (number_words | ("a" | "one") scale_word) [scale] [unit]
    digits     ::= 1,234 | 1234 | 12.5                          (commas every three digits)
    number_words ::= [tens-]ones [hundred [and] tens-ones]      ("twenty-five", "two hundred")
    scale      ::= m | bn | k | million | billion | thousand | trillion
    unit       ::= percent | percentage_points | money_word
    percent    ::= "%" | "per cent" | "percent"
    percentage_points ::= "percentage point(s)" | "pp" | "ppt(s)"
    money_word ::= pounds | pence | p | dollars | cent(s) | euros
    one_in     ::= (a | one | 1 ... nine | 9) [noun] ("in" | "out of") [every] (five | 5 | ...)
                                                  -> a percent ("nine out of ten")
    fraction   ::= (a | one | two ...) (half | third | quarter | fifth | tenth)[s] | half
    fraction_of_scale ::= fraction [of] a scale_word            ("half a million")
    multiple   ::= halved | doubled | tripled | trebled | quadrupled
    duration   ::= count ["and a half"] time_unit [[","|"and"] count time_unit]
                                                  ("14 hours", "1 hour 20 minutes")
    time_unit  ::= second | minute | hour | day | week | month | year   (and "mins", "hrs")

Each match carries a `Quantity`: the value (scale applied, never negative), its unit
(percent, percentage_points, count, GBP, USD, EUR, or a duration: seconds ... years; a
compound duration in its smaller unit, "1 hour 20 minutes" = 80 minutes), its sign when
one is written, and where it is. Nothing here decides whether the number is a claim:
that is the statement grammar's and the extractor's work.
"""

from __future__ import annotations

import re

from statlint.grammar import vocabulary as v
from statlint.grammar.compose import either, leaf, named, optional, sequence
from statlint.grammar.model import Quantity

# ---- parts --------------------------------------------------------------------------------
SIGN = r"[+\-−–](?=[£$€]?\d)"
CURRENCY = r"(?:US\$|£|\$|€)\s?"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)|\d+(?:\.\d+)?(?![\d.,]*\d)"
_SCALE_WORDS = ["million", "billion", "thousand", "trillion"]
SCALE_WORD = v.pattern([*_SCALE_WORDS, "millions", "billions"])
SCALE = rf"(?:\s*{v.pattern(_SCALE_WORDS, boundary=False)}|bn|mn|tn|m|k|b)(?![\w-])"
PERCENT = r"\s?(?:%|per[\s-]?cent(?![\w-])|percent(?![\w-])|pc(?![\w-]))"
POINTS = r"[\s-]?(?:percentage[\s-]points?|pp|ppts?)(?![\w-])"
MONEY_WORD = (
    r"[\s-]?(?:pounds|sterling|pence|dollars|cents?|euros|p)(?![\w-])|\s(?:GBP|USD|EUR)(?![\w-])"
)
_ONES = "|".join(sorted(v.ONES[1:], key=len, reverse=True))
_UNDER_HUNDRED = rf"(?:(?:{'|'.join(v.TENS)})(?:[\s-](?:{'|'.join(v.ONES[1:10])}))?|{_ONES})"
NUMBER_WORDS = (
    rf"(?<![\w-]){_UNDER_HUNDRED}(?:\s+hundred(?:\s+(?:and\s+)?{_UNDER_HUNDRED})?)?(?![\w-])"
)
_TIME_UNIT = {
    "sec": "seconds",
    "secs": "seconds",
    "second": "seconds",
    "seconds": "seconds",
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "month": "months",
    "months": "months",
    "year": "years",
    "years": "years",
    "yr": "years",
    "yrs": "years",
}
TIME_UNIT = v.pattern(_TIME_UNIT, boundary=False) + r"(?![\w-])(?![\s-]+on[\s-]+(?:the\s+)?year)"
# Number words before a time unit, joined by a hyphen or not: "three-year", "six weeks".
_SPAN_WORDS = rf"(?<![\w-]){_UNDER_HUNDRED}(?:\s+hundred(?:\s+(?:and\s+)?{_UNDER_HUNDRED})?)?(?!\w)"
_FRACTION_WORD = v.pattern(v.FRACTIONS, boundary=False)
_COUNTER = v.pattern(["a", "one", *v.ONES[2:10]], boundary=False)


def _fraction_words(prefix: str) -> str:
    """ "a quarter", "three-quarters", "half"; group names start with `prefix`."""
    return sequence(
        r"(?<![\w-])",
        either(
            sequence(
                named(f"{prefix}counter", _COUNTER),
                r"[\s-]+",
                named(f"{prefix}fraction", _FRACTION_WORD),
            ),
            "half",
        ),
        r"(?![\w-])",
    )


def _unit(suffix: str = "") -> str:
    return either(
        named(f"percent{suffix}", PERCENT),
        named(f"points{suffix}", POINTS),
        named(f"money_word{suffix}", MONEY_WORD),
    )


# ---- the forms of a quantity, each a named part -----------------------------------------------
FORMS = {
    # before amounts, so that "1 in 4" is one figure (a quarter), not "1" and "4"
    "one_in": sequence(
        named("part", "|".join(["a", *v.ONES[1:10], r"[1-9]"])),
        r"\s+(?:[a-z]+\s+)?(?:in|out\s+of)\s+(?:every\s+)?",
        named("whole", either(_UNDER_HUNDRED, r"\d{1,3}")),
        r"(?![\w-])",
    ),
    "duration": sequence(
        named("span", either(DIGITS, _SPAN_WORDS)),
        optional(named("and_half", r"\s+and\s+a\s+half")),
        r"[\s-]*",
        named("time_unit", TIME_UNIT),
        optional(
            r"(?:\s*,\s*|\s+and\s+|\s+)",
            named("span2", either(DIGITS, _SPAN_WORDS)),
            r"[\s-]*",
            named("time_unit2", TIME_UNIT),
        ),
    ),
    "amount": sequence(
        optional(named("sign", SIGN)),
        optional(named("currency", CURRENCY)),
        named("digits", DIGITS),
        optional(named("scale", SCALE)),
        optional(
            r"\s?[-–—]\s?",
            optional(CURRENCY),
            named("high", DIGITS),
            optional(named("high_scale", SCALE)),
        ),
        optional(_unit()),
    ),
    "fraction_of_scale": sequence(
        _fraction_words("scaled_"), r"\s+(?:of\s+)?an?\s+", named("fraction_scale", SCALE_WORD)
    ),
    "fraction_words": _fraction_words(""),
    "multiple": v.pattern(v.MULTIPLES),
    "word_amount": sequence(
        either(named("words", NUMBER_WORDS), named("a_scale", rf"(?:a|one)(?=\s+{SCALE_WORD})")),
        optional(named("word_scale", SCALE)),
        optional(_unit("_of_words")),
    ),
}
# One leaf: the regular-expression engine tries the forms in order; the form read is the
# match's `lastgroup`.
QUANTITY = leaf(either(*(named(name, pattern) for name, pattern in FORMS.items())), "quantity")


def number_value(text: str) -> float:
    """'5,768' -> 5768, 'twenty-five' -> 25, 'two hundred and ten' -> 210."""
    text = text.strip().lower()
    if text[:1].isdigit():
        return float(text.replace(",", ""))
    total = 0.0
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word == "hundred":
            total = (total or 1) * 100
        elif word in v.COUNT_WORDS:
            total += v.COUNT_WORDS[word]
        else:
            total += 20 + 10 * v.TENS.index(word)
    return total


def scale_factor(word: str) -> float:
    """'m' -> 1e6, 'billion' -> 1e9."""
    return v.SCALES[word.strip().lower()]


def scaled(value: float, factor: float) -> float:
    """value * factor, as an integer when it is one (1.5 * 1e6 == 1500000)."""
    result = value * factor
    return float(round(result)) if abs(result - round(result)) < 1e-6 else result


def _fraction_value(match: re.Match, prefix: str = "") -> float:
    counter = (match[f"{prefix}counter"] or "a").lower()
    count = 1 if counter in ("a", "one") else v.COUNT_WORDS[counter]
    return 100 * count * v.FRACTIONS[(match[f"{prefix}fraction"] or "half").lower()]


def _unit_of(match: re.Match, currency: str | None = None, suffix: str = "") -> tuple[str, float]:
    """(unit, factor) from the currency and unit written."""
    if match[f"percent{suffix}"]:
        return "percent", 1.0
    if match[f"points{suffix}"]:
        return "percentage_points", 1.0
    if currency:
        return v.CURRENCIES[currency.strip().lower()], 1.0
    word = match[f"money_word{suffix}"]
    if word:
        return v.CURRENCY_WORDS[word.strip(" -").lower()]
    return "count", 1.0


def _amount(match: re.Match) -> Quantity:
    start, end = match.span()
    unit, factor = _unit_of(match, match["currency"])
    if match["scale"]:
        factor *= scale_factor(match["scale"])
    if match["high"]:  # "81-84%": a range; "£3-5m": the scale serves both
        high_factor = factor
        if match["high_scale"]:
            high_factor = scale_factor(match["high_scale"]) * (1 if match["scale"] else factor)
            factor = factor if match["scale"] else high_factor
        low, high = number_value(match["digits"]), number_value(match["high"])
        return Quantity(
            start, end, scaled(low, factor), unit, "range", high=scaled(high, high_factor)
        )
    signed = {None: None, "+": 1}.get(match["sign"], -1)
    value = scaled(number_value(match["digits"]), factor)
    step = None
    if match["scale"]:
        decimals = len(match["digits"].partition(".")[2])
        step = scaled(10.0**-decimals, factor)
    return Quantity(start, end, value, unit, "digits", signed, step=step)


def _word_amount(match: re.Match) -> Quantity:
    unit, factor = _unit_of(match, suffix="_of_words")
    if match["word_scale"]:
        factor *= scale_factor(match["word_scale"])
    value = 1.0 if match["a_scale"] else number_value(match["words"])
    return Quantity(*match.span(), scaled(value, factor), unit, "words")


def _one_in(match: re.Match) -> Quantity:
    part = number_value(match["part"] if match["part"].lower() != "a" else "one")
    value = round(100 * part / number_value(match["whole"]), 2)
    return Quantity(*match.span(), value, "percent", "fraction")


def _fraction_of_scale(match: re.Match) -> Quantity:
    value = scaled(_fraction_value(match, "scaled_") / 100, scale_factor(match["fraction_scale"]))
    return Quantity(*match.span(), value, "count", "words")


def _fraction(match: re.Match) -> Quantity:
    return Quantity(*match.span(), round(_fraction_value(match), 2), "percent", "fraction")


def _multiple(match: re.Match) -> Quantity:
    value = v.MULTIPLES[match.group().lower()]
    return Quantity(*match.span(), abs(value), "percent", "multiple", -1 if value < 0 else 1)


def _duration(match: re.Match) -> Quantity:
    value = number_value(match["span"]) + (0.5 if match["and_half"] else 0)
    unit = _TIME_UNIT[match["time_unit"].lower()]
    if match["span2"]:  # "1 hour 20 minutes": in the smaller unit, worked out by quantities
        from statlint.check.units import DURATIONS, in_unit

        second, other = _TIME_UNIT[match["time_unit2"].lower()], number_value(match["span2"])
        smaller = min(unit, second, key=DURATIONS.index)
        value = in_unit(value, unit, smaller) + in_unit(other, second, smaller)
        unit = smaller
    return Quantity(*match.span(), value, unit, "duration")


READ = {
    "duration": _duration,
    "amount": _amount,
    "one_in": _one_in,
    "fraction_of_scale": _fraction_of_scale,
    "fraction_words": _fraction,
    "multiple": _multiple,
    "word_amount": _word_amount,
}
QUANTITY.set_parse_action(lambda tokens: READ[tokens[0].lastgroup](tokens[0]))

EXAMPLES = {
    "QUANTITY": """
        22%
        22 per cent
        £1.5m
        £1.1billion
        $45 million
        €3.2bn
        7.4 million
        Twenty-five
        two hundred
        -5.6%
        +20.6%
        25 pence
        1.0 percentage point
        a million
        81-84%
        one in five
        1 in 4
        nine out of ten
        a quarter
        three-quarters
        half a million
        a quarter of a million
        halved
        doubled
        14 hours
        1 hour 20 minutes
        three-year
    """,
}
