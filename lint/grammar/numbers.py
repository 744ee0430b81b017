"""The grammar of a stated quantity: a number with its sign, currency, scale and unit.

    quantity   ::= amount | one_in | fraction_of_scale | fraction | multiple
    amount     ::= [sign] [currency] digits [scale] [range_end] [unit]
               | (number_words | "a" scale_word) [scale] [unit]
    range_end  ::= ("-" | "–" | "to") [currency] digits [scale]   ("81-84%", "£3-5m")
    digits     ::= 1,234 | 1234 | 12.5                          (commas every three digits)
    number_words ::= [tens-]ones [hundred [and] tens-ones]      ("twenty-five", "two hundred")
    scale      ::= m | bn | k | million | billion | thousand | trillion
    unit       ::= percent | percentage_points | money_word
    percent    ::= "%" | "per cent" | "percent"
    percentage_points ::= "percentage point(s)" | "pp" | "ppt(s)"
    money_word ::= pounds | pence | p | dollars | cents | euros
    one_in     ::= (one | a | 1 | ...) "in" [every] (five | 5 | ...)     -> a percent
    fraction   ::= [a | one | two | three ...] (half | third | quarter | fifth | tenth)[s]
    fraction_of_scale ::= fraction [of] a scale_word            ("half a million")
    multiple   ::= halved | doubled | tripled | trebled | quadrupled

Each match carries a `Quantity`: the value (scale applied, never negative), its unit
(percent, percentage_points, count, GBP, USD, EUR), its sign when one is written, and
where its digits are. Nothing here decides whether the number is a claim: that is the
statement grammar's and the extractor's work.
"""

from __future__ import annotations

import re

import pyparsing as pp

from . import vocabulary as v
from .model import Quantity

FLAGS = re.IGNORECASE

SIGN = pp.Regex(r"[+\-−–](?=[£$€]?\d)")("sign")
CURRENCY = pp.Regex(r"(?:US\$|£|\$|€)\s?", FLAGS)("currency")
DIGITS = pp.Regex(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)|\d+(?:\.\d+)?(?![\d.,]*\d)")("digits")
_ONES = "|".join(sorted(v.ONES[1:], key=len, reverse=True))
_TENS = "|".join(v.TENS)
_UNDER_HUNDRED = rf"(?:(?:{_TENS})(?:[\s-](?:{'|'.join(v.ONES[1:10])}))?|{_ONES})"
NUMBER_WORDS = pp.Regex(
    rf"(?<![\w-]){_UNDER_HUNDRED}(?:\s+hundred(?:\s+(?:and\s+)?{_UNDER_HUNDRED})?)?(?![\w-])",
    FLAGS,
)("words")
SCALE_WORD = v.pattern(["million", "billion", "thousand", "trillion", "millions", "billions"])
_SCALE_WORD_GLUED = v.pattern(["million", "billion", "thousand", "trillion"], boundary=False)
SCALE = pp.Regex(rf"(?:\s*{_SCALE_WORD_GLUED}|bn|mn|tn|m|k|b)(?![\w-])", FLAGS).leave_whitespace()(
    "scale"
)
A_SCALE = pp.Regex(rf"(?:a|one)\s+(?={SCALE_WORD})", FLAGS)("a_scale")
PERCENT = pp.Regex(r"\s?(?:%|per[\s-]?cent(?![\w-])|percent(?![\w-])|pc(?![\w-]))", FLAGS)
POINTS = pp.Regex(r"[\s-]?(?:percentage[\s-]points?|pp|ppts?)(?![\w-])", FLAGS)
MONEY_WORD = pp.Regex(
    r"[\s-]?(?:pounds|sterling|pence|dollars|cents?|euros|p)(?![\w-])|\s(?:GBP|USD|EUR)(?![\w-])",
    FLAGS,
)
UNIT = (
    PERCENT.leave_whitespace()("percent")
    | POINTS.leave_whitespace()("points")
    | MONEY_WORD.leave_whitespace()("money_word")
)
_DASH = pp.Regex(r"\s?[-–—]\s?").leave_whitespace()
RANGE_END = (
    _DASH + pp.Opt(CURRENCY).leave_whitespace() + DIGITS("high").leave_whitespace()
    + pp.Opt(SCALE("high_scale"))
)
DIGIT_AMOUNT = (
    pp.Opt(SIGN)
    + pp.Opt(CURRENCY)
    + DIGITS
    + pp.Opt(SCALE)
    + pp.Opt(RANGE_END)
    + pp.Opt(UNIT)
)
WORD_AMOUNT = (NUMBER_WORDS | A_SCALE) + pp.Opt(SCALE) + pp.Opt(UNIT)
_FRACTION_WORD = v.pattern(v.FRACTIONS, boundary=False)
_COUNTER = v.pattern(["a", "one", *v.ONES[2:10]], boundary=False)
FRACTION = pp.Regex(
    rf"(?<![\w-])(?:(?P<counter>{_COUNTER})[\s-]+(?P<fraction>{_FRACTION_WORD})|half)(?![\w-])",
    FLAGS,
)("fraction_words")
FRACTION_OF_SCALE = FRACTION + pp.Regex(rf"(?:of\s+)?an?\s+(?={SCALE_WORD})", FLAGS) + SCALE
_SMALL = rf"(?:{_UNDER_HUNDRED}|\d{{1,3}})"
ONE_IN = pp.Regex(
    rf"(?P<part>one|a|two|three|1|2|3)\s+(?:[a-z]+\s+)?in\s+(?:every\s+)?(?P<whole>{_SMALL})(?![\w-])",
    FLAGS,
)("one_in")
MULTIPLE = pp.Regex(v.pattern(v.MULTIPLES), FLAGS)("multiple")
WORD_QUANTITY = ONE_IN | FRACTION_OF_SCALE | FRACTION | MULTIPLE | WORD_AMOUNT

QUANTITY = pp.Located(DIGIT_AMOUNT | WORD_QUANTITY)

EXAMPLES = {
    "AMOUNT": """
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
    """,
    "QUANTITY": """
        81-84%
        one in five
        a quarter
        three-quarters
        half a million
        a quarter of a million
        halved
        doubled
    """,
}


def number_value(text: str) -> float:
    """'5,768' -> 5768, 'twenty-five' -> 25, 'two hundred and ten' -> 210."""
    text = text.strip().lower()
    if text[:1].isdigit():
        return float(text.replace(",", ""))
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word == "hundred":
            current = (current or 1) * 100
        elif word in v.COUNT_WORDS:
            current += v.COUNT_WORDS[word]
        else:
            current += 20 + 10 * v.TENS.index(word)
    return total + current


def scale_factor(word: str) -> float:
    """'m' -> 1e6, 'billion' -> 1e9."""
    return v.SCALES[word.strip().lower()]


def scaled(value: float, factor: float) -> float:
    """value * factor, as an integer when it is one (1.5 * 1e6 == 1500000)."""
    result = value * factor
    return float(round(result)) if abs(result - round(result)) < 1e-6 else result


def _fraction(tokens) -> float:
    counter = (tokens.get("counter") or "a").lower()
    count = 1 if counter in ("a", "one") else v.COUNT_WORDS[counter]
    return 100 * count * v.FRACTIONS[(tokens.get("fraction") or "half").lower()]


def _unit(tokens) -> tuple[str, float]:
    """(unit, factor) from the currency and unit written."""
    if tokens.get("percent"):
        return "percent", 1.0
    if tokens.get("points"):
        return "percentage_points", 1.0
    currency = tokens.get("currency")
    if currency:
        return v.CURRENCIES[currency.strip().lower()], 1.0
    word = tokens.get("money_word")
    if word:
        return v.CURRENCY_WORDS[word.strip(" -").lower()]
    return "count", 1.0


def _quantity(text: str, location: int, located) -> Quantity:
    start, tokens, end = located
    while start < end and text[start].isspace():
        start += 1  # Located counts from before the whitespace it skips
    unit, factor = _unit(tokens)
    if tokens.get("scale"):
        factor *= scale_factor(tokens["scale"])
    sign = tokens.get("sign")
    signed = None if not sign else (-1 if sign != "+" else 1)
    if tokens.get("multiple"):
        value = v.MULTIPLES[tokens["multiple"].lower()]
        return Quantity(start, end, abs(value), "percent", "multiple", -1 if value < 0 else 1)
    if tokens.get("one_in"):
        part = number_value(tokens["part"] if tokens["part"].lower() != "a" else "one")
        value = round(100 * part / number_value(tokens["whole"]), 2)
        return Quantity(start, end, value, "percent", "fraction")
    if tokens.get("fraction_words"):
        fraction = _fraction(tokens)
        if tokens.get("scale"):
            return Quantity(start, end, scaled(fraction / 100, factor), unit, "words")
        return Quantity(start, end, round(fraction, 2), "percent", "fraction")
    if tokens.get("high"):
        if not tokens.get("scale") and tokens.get("high_scale"):
            factor *= scale_factor(tokens["high_scale"])
        high_factor = scale_factor(tokens["high_scale"]) if tokens.get("high_scale") else factor
        low, high = number_value(tokens["digits"]), number_value(tokens["high"])
        return Quantity(
            start, end, scaled(low, factor), unit, "range", high=scaled(high, high_factor)
        )
    if tokens.get("a_scale"):
        return Quantity(start, end, scaled(1.0, factor), unit, "words")
    digits = tokens.get("digits")
    form = "digits" if digits else "words"
    value = number_value(digits or tokens["words"])
    return Quantity(start, end, scaled(value, factor), unit, form, signed)


QUANTITY.set_parse_action(_quantity)
