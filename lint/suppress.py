"""Inline suppressions: `statlint: ignore[SL102]` at the end of a line, and blocks
`<!-- statlint: disable SL201 -->` ... `<!-- statlint: enable SL201 -->`.

Directives are read from the document before extraction and masked out of its text, so a
code in a directive is never read as a figure. A directive that suppresses nothing is
reported (SL901), so they do not rot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Document

_DIRECTIVE = re.compile(
    r"(?:<!--\s*)?statlint:\s*(?:"
    r"(?P<ignore>ignore)(?:\[(?P<ignore_codes>[A-Za-z0-9,\s]*)\])?"
    r"|(?P<block>disable|enable)(?P<block_codes>(?:[\s,]+SL\d{1,3})*)"
    r")(?:\s*-->)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Directive:
    line: int
    column: int
    end_column: int
    kind: str  # ignore | disable | enable
    codes: frozenset[str] | None  # None: every code
    text: str

    def covers(self, code: str) -> bool:
        return self.codes is None or any(code.startswith(prefix) for prefix in self.codes)


@dataclass
class Suppressions:
    """The directives of one document and which of them have suppressed something."""

    directives: list[Directive] = field(default_factory=list)
    used: set[int] = field(default_factory=set)

    def suppresses(self, code: str, line: int) -> bool:
        for index in self._matching(code, line):
            self.used.add(index)
            return True
        return False

    def _matching(self, code: str, line: int):
        disabled: dict[int, int] = {}  # index of the open disable directive per position
        for index, directive in enumerate(self.directives):
            if directive.line > line:
                break
            if directive.kind == "ignore" and directive.line == line and directive.covers(code):
                yield index
            elif directive.kind == "disable" and directive.covers(code):
                disabled[index] = index
            elif directive.kind == "enable" and directive.covers(code):
                disabled.clear()
        yield from disabled

    def unused(self) -> list[Directive]:
        return [
            directive
            for index, directive in enumerate(self.directives)
            if directive.kind != "enable" and index not in self.used
        ]


def _codes(text: str | None) -> frozenset[str] | None:
    codes = frozenset(code.upper() for code in re.findall(r"SL\d{1,3}", text or "", re.I))
    return codes or None


def read(document: Document) -> tuple[Document, Suppressions]:
    """The document with its directives masked out, and the directives."""
    directives = []
    spans = []
    for match in _DIRECTIVE.finditer(document.text):
        line, column = document.position(match.start())
        kind = (match["ignore"] or match["block"]).lower()
        codes = _codes(match["ignore_codes"] if match["ignore"] else match["block_codes"])
        directives.append(
            Directive(line, column, column + len(match[0]), kind, codes, match[0].strip())
        )
        spans.append(match.span())
    return document.masked(spans), Suppressions(directives)
