"""Building the grammar's pyparsing leaves from named parts.

A leaf is one `pyparsing.Regex` whose named groups its parse action reads. The
parts it is made of are plain patterns, composed here by name ("a sign, then a currency,
then digits") so that each leaf reads as its BNF rule does. A phrase is a handful of
such leaves joined by pyparsing's `+` and `|`: parsing cost grows with the number of
elements pyparsing walks, so each leaf holds a whole rule, and a rule's alternatives are
tried by the regular-expression engine, which backtracks where pyparsing would not.
"""

from __future__ import annotations

import re

import pyparsing as pp

FLAGS = re.IGNORECASE
SPACE = r"\s+"
OPTIONAL_SPACE = r"\s*"


def named(name: str, pattern: str) -> str:
    """A part whose text is the result `name`."""
    return f"(?P<{name}>{pattern})"


def sequence(*parts: str) -> str:
    return "".join(parts)


def optional(*parts: str) -> str:
    return "(?:" + "".join(parts) + ")?"


def either(*parts: str) -> str:
    return "(?:" + "|".join(parts) + ")"


def match_end(pattern: re.Pattern, text: str, position: int) -> int:
    """Where a pattern that may match nothing ends, matched at `position`."""
    found = pattern.match(text, position)
    return found.end() if found else position


def leaf(pattern: str | re.Pattern, name: str, flags: int = FLAGS) -> pp.Regex:
    """The pyparsing element for a composed rule, named for error messages.
    Its token is the `re.Match`, whose named groups its parse action reads."""
    if isinstance(pattern, re.Pattern):  # compiled already, with its own flags
        element = pp.Regex(pattern, as_match=True)
    else:
        element = pp.Regex(pattern, flags, as_match=True)
    element.set_name(name)
    return element
