"""Text from drafts and file names, made safe to print.

A draft or a file name can hold control characters: escape sequences that clear the
screen, move the cursor over findings or write to the clipboard (OSC 52), a newline that
starts a forged `::error` line in a GitHub run, or bidirectional overrides that make a
line read other than it is. Everything statlint prints passes through `shown`, which
writes each such character as a `\\uXXXX` escape, valid in JSON strings too.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_NEWLINE = re.compile(_CONTROL.pattern[:-1] + r"\n]")


def _escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def shown(text: str, one_line: bool = False) -> str:
    """The text with control characters escaped; with `one_line`, newlines too."""
    return (_CONTROL_OR_NEWLINE if one_line else _CONTROL).sub(_escape, text)
