"""Inline suppressions: `statlint: ignore[SL102]` at the end of a line, and blocks
`<!-- statlint: disable SL201 -->` ... `<!-- statlint: enable SL201 -->`.

Directives are read from the document before extraction and masked out of its text, so a
code in a directive is never read as a figure. A directive that suppresses nothing is
reported (SL901), so they do not rot.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate

from statlint.read.document import Document

_DIRECTIVE = re.compile(
    r"statlint:\s*(?:"
    r"(?P<ignore>ignore)(?:\[(?P<ignore_codes>[A-Za-z0-9,\s]*)\])?"
    r"|(?P<block>disable|enable)(?P<block_codes>(?:[ \t,]+SL[0-9A-Za-z]*)*)"
    r")(?:\s*-->)?",
    re.IGNORECASE,
)


_COMMENT_OPENING = re.compile(r"<!--\s*$")


@dataclass(frozen=True, slots=True)
class Directive:
    line: int
    column: int
    end_column: int
    kind: str  # ignore | disable | enable
    codes: frozenset[str] | None  # None: every code
    text: str

    def covers(self, code: str) -> bool:
        return self.codes is None or any(code.startswith(prefix) for prefix in self.codes)


@dataclass(slots=True)
class Suppressions:
    """The directives of one document and which of them have suppressed something."""

    directives: list[Directive] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    _by_line: dict[int, list[int]] = field(init=False, repr=False, compare=False)
    _blocks: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        self._by_line = {}
        blocks: list[tuple[int, int, int]] = []  # (first line, last line, index)
        open_blocks: dict[frozenset[str] | None, list[int]] = {}  # by the codes they name
        for index, directive in enumerate(self.directives):
            if directive.kind == "ignore":
                self._by_line.setdefault(directive.line, []).append(index)
            elif directive.kind == "disable":
                open_blocks.setdefault(directive.codes, []).append(index)
            else:  # enable: closes the open blocks it covers
                for codes in [c for c in open_blocks if _closes(directive.codes, c)]:
                    for opened in open_blocks.pop(codes):
                        blocks.append((self.directives[opened].line, directive.line, opened))
        blocks += [(self.directives[i].line, 10**9, i) for ii in open_blocks.values() for i in ii]
        self._blocks = {
            codes: _Blocks(sorted(b for b in blocks if self.directives[b[2]].codes == codes))
            for codes in {self.directives[b[2]].codes for b in blocks}
        }

    def suppresses(self, code: str, line: int) -> bool:
        for index in self._by_line.get(line, ()):
            if self.directives[index].covers(code):
                self.used.add(index)
                return True
        found = [
            block
            for codes, blocks in self._blocks.items()
            if codes is None or any(code.startswith(prefix) for prefix in codes)
            if (block := blocks.first_holding(line))
        ]
        if found:
            self.used.add(min(found)[2])
        return bool(found)

    def unused(self) -> list[Directive]:
        return [
            directive
            for index, directive in enumerate(self.directives)
            if directive.kind != "enable" and index not in self.used
        ]


def _closes(enabled: frozenset[str] | None, disabled: frozenset[str] | None) -> bool:
    return enabled is None or disabled is None or bool(enabled & disabled)


class _Blocks:
    """Blocks that name the same codes, sorted by first line, with the furthest last line
    of each prefix: the first block holding a line is found by bisection."""

    def __init__(self, blocks: list[tuple[int, int, int]]):
        self.blocks = blocks
        self.firsts = [first for first, _, _ in blocks]
        self.reach = list(accumulate((last for _, last, _ in blocks), max))

    def first_holding(self, line: int) -> tuple[int, int, int] | None:
        started = bisect.bisect_right(self.firsts, line)
        index = bisect.bisect_left(self.reach, line, 0, started)
        return self.blocks[index] if index < started else None


def _codes(text: str | None) -> frozenset[str] | None:
    """The codes as written ("SL1O1" stays itself, to be reported as no rule)."""
    codes = frozenset(code.upper() for code in re.split(r"[\s,]+", text or "") if code)
    return codes or None


def read(document: Document) -> tuple[Document, Suppressions]:
    """The document with its directives masked out, and the directives."""
    directives = []
    spans = []
    text = document.text
    for match in _DIRECTIVE.finditer(text):
        opening = _COMMENT_OPENING.search(text, max(0, match.start() - 12), match.start())
        start = opening.start() if opening else match.start()
        line, column = document.position(start)
        kind = (match["ignore"] or match["block"]).lower()
        codes = _codes(match["ignore_codes"] if match["ignore"] else match["block_codes"])
        written = text[start : match.end()].strip()
        directives.append(Directive(line, column, column + len(written), kind, codes, written))
        spans.append((start, match.end()))
    return document.masked(spans), Suppressions(directives)
