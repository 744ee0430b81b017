"""Safe fixes: the text edits that make a draft say what the registry says.

A rule states what a fix means (`Finding.fix`: {"value": canonical} or {"period": prose});
this layer finds where in the file's own text it goes and writes it in the draft's style.
The number that is replaced is the one whose value is the statement's (exactly one; two
candidates means no fix); "24%" stays "%" and "24 per cent" stays "per cent", because only
the digits change; "33,000" keeps its thousands separator and "£1.2bn" its scale. A period
is added in brackets after the statement ("(year to March 2025)").

Edits are made to the file's text as decoded, with its line ends, BOM and encoding kept.
Each edit is checked against that text before it is made; an edit that does not line up
(an HTML entity where the digits were, say) is not made. A file whose bytes would not
survive decoding and encoding unchanged is not fixed at all.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from statlint.check.compare import rounds_to
from statlint.extract.claims import after_baseline
from statlint.grammar.amounts import scale_factor

MAX_ROUNDS = 8  # a fix can make another possible (a stale figure, then its period)
MAX_TRIALS = 16  # lints a round may spend finding the edits that work, when not all do
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(?:\s?(k|thousand|m|mn|million|bn|b|billion)\b)?(?![\d,]*\d)"
)


class Unfixable(Exception):
    """A file that cannot be rewritten without changing bytes no fix is about."""


@dataclass(frozen=True, slots=True)
class Edit:
    start: int  # offsets into the file's decoded text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Source:
    """A file's text as decoded, with what it takes to write it back byte for byte."""

    text: str
    encoding: str
    bom: bool

    @classmethod
    def from_bytes(cls, data: bytes, name: str) -> Source:
        from statlint.read.document import decode

        text, notes = decode(data, name)
        encoding = "cp1252" if notes else "utf-8"
        source = cls(text, encoding, data.startswith(b"\xef\xbb\xbf"))
        try:
            same = source.to_bytes() == data
        except UnicodeEncodeError:  # a byte Windows-1252 leaves undefined, read as U+FFFD
            same = False
        if not same:
            raise Unfixable(f"{name}: not fixed: its bytes do not survive being read as text")
        return source

    def to_bytes(self) -> bytes:
        return (b"\xef\xbb\xbf" if self.bom else b"") + self.text.encode(self.encoding)

    def with_edits(self, edits: list[Edit]) -> Source:
        pieces, at = [], 0
        for edit in sorted(edits, key=lambda e: e.start):
            pieces += [self.text[at : edit.start], edit.text]
            at = edit.end
        pieces.append(self.text[at:])
        return Source("".join(pieces), self.encoding, self.bom)


@dataclass(frozen=True, slots=True)
class Planned:
    """An edit, the finding it fixes, and where that finding's statement starts."""

    edit: Edit
    code: str
    start: int  # of the statement, in the decoded text the edit applies to


def fixed(source: Source, lint) -> tuple[Source, int]:
    """Fix, lint again and fix what that makes fixable, until nothing is left to fix.

    `lint(source)` gives (document, findings). Every round is checked by linting its
    result: an edit after which its finding is still there, or a finding appears that no
    fix clears (the statement did not read as intended), is left out of the round. So a
    fix never makes a draft worse, and none is a guess. An edit left out may work in a
    later round, once the fixes next to it are made; the rounds stop when one makes none."""
    count = 0
    state = (source, *lint(source))
    for _ in range(MAX_ROUNDS):
        source, document, findings = state
        planned = plan(findings, document, source)
        outcome, made = _round(source, planned, findings, lint) if planned else (None, 0)
        if outcome is None:
            break
        state, count = outcome, count + made
    return state[0], count


def _round(source: Source, planned: list[Planned], findings, lint):
    """(outcome, edits made) for the most planned edits found to work together: all of
    them, or else the groups that bisection finds, within MAX_TRIALS lints."""
    outcome = _attempt(source, planned, findings, lint)
    if outcome is not None:
        return outcome, len(planned)
    kept: list[Planned] = []
    groups = _halves(planned)
    for _ in range(MAX_TRIALS):
        if not groups:
            break
        group = groups.pop(0)
        trial = _attempt(source, [*kept, *group], findings, lint)
        if trial is not None:
            kept, outcome = [*kept, *group], trial
        elif len(group) > 1:
            groups[:0] = _halves(group)
    return outcome, len(kept)


def _halves(planned: list[Planned]) -> list[list[Planned]]:
    middle = len(planned) // 2
    return [part for part in (planned[:middle], planned[middle:]) if part]


def _attempt(source: Source, planned: list[Planned], before, lint):
    """(source, document, findings) once the planned edits are made, or None if that
    leaves a finding they fix, or brings one that no fix clears."""
    trial = source.with_edits([p.edit for p in planned])
    document, findings = lint(trial)
    known = {(f.code, f.claim.text) for f in before if f.claim is not None}
    places = _Places(document, trial.text)
    moved = _mover([p.edit for p in planned])
    fixed_places = {(p.code, moved(p.start)) for p in planned}
    for finding in findings:
        claim = finding.claim
        if claim is None:
            continue
        if finding.fix is None and (finding.code, claim.text) not in known:
            return None
        if (finding.code, places.raw(claim.start)) in fixed_places:
            return None
    return trial, document, findings


def _mover(edits: list[Edit]):
    """A function from a position to where it is once the edits are made."""
    edits = sorted(edits, key=lambda edit: edit.start)
    ends, shifts, total = [], [], 0
    for edit in edits:  # not overlapping: the ends are in order too
        total += len(edit.text) - (edit.end - edit.start)
        ends.append(edit.end)
        shifts.append(total)

    def moved(position: int) -> int:
        index = bisect.bisect_right(ends, position)
        while index and edits[index - 1].start >= position:
            index -= 1  # an insertion at the position itself goes after it
        return position + (shifts[index - 1] if index else 0)

    return moved


def plan(findings, document, source: Source) -> list[Planned]:
    """The edits for the findings that carry a fix, none overlapping another."""
    places = _Places(document, source.text)
    candidates = []
    for finding in findings:
        edit = _edit(finding, document, places)
        if edit is None:
            continue
        if edit.start == edit.end and source.text.startswith(edit.text, edit.start):
            continue  # added before and not read as the period: adding it again cannot help
        candidates.append(Planned(edit, finding.code, places.raw(finding.claim.start)))
    planned: list[Planned] = []
    for candidate in sorted(candidates, key=lambda p: (p.edit.start, p.edit.end)):
        if not planned or planned[-1].edit.end < candidate.edit.start:
            planned.append(candidate)  # edits that touch or overlap: the first only
    return planned


def _edit(finding, document, places) -> Edit | None:
    fix, claim = finding.fix, finding.claim
    if not fix or claim is None:
        return None
    if "period" in fix:
        at = places.after(_statement_end(claim, document.text))
        return Edit(at, at, f" ({fix['period']})") if at is not None else None
    token = _value_token(claim, document.text)
    if token is None:
        return None
    start, end, written = token
    new = _written(abs(fix["value"]), claim.unit, written)
    if new is None or new == written.group(1) + (written.group(2) or ""):
        return None
    return places.replacement(start, end, document.text[start:end], new)


def _statement_end(claim, text: str) -> int:
    """The end of the statement with a baseline phrase that follows it ("since 2019")."""
    return after_baseline(text, claim.end, len(text))


def _value_token(claim, text: str):
    """(start, end, match) of the digits that state the claim's value, if exactly one."""
    found = []
    for match in _NUMBER.finditer(text, claim.start, claim.end):
        if math.isclose(_value_of(match), abs(claim.value), rel_tol=1e-9):
            found.append((match.start(), match.start() + len(_digits(match)), match))
    return found[0] if len(found) == 1 else None


def _digits(match) -> str:
    return match.group(1) + (match.group(2) or "")


def _value_of(match) -> float:
    value = float(_digits(match).replace(",", ""))
    return value * scale_factor(match.group(3)) if match.group(3) else value


def _written(canonical: float, unit: str, old) -> str | None:
    """The canonical value as the draft writes numbers: its scale word, its separators."""
    scale = scale_factor(old.group(3)) if old.group(3) else 1.0
    value = canonical / scale
    decimals = _decimals(value)
    if decimals is None:
        return None
    grouped = "," in old.group(1) or (value >= 10_000 and not old.group(3))
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    return text if rounds_to(canonical, float(text.replace(",", "")) * scale, unit) else None


def _decimals(value: float) -> int | None:
    """The fewest decimals that write `value` exactly (up to 3), else None."""
    for decimals in range(4):
        if abs(round(value, decimals) - value) < 1e-9 * max(1.0, abs(value)):
            return decimals
    return None


class _Places:
    """From offsets in the parsed text to offsets in the file's decoded text."""

    def __init__(self, document, decoded: str):
        self.document = document
        self.decoded = decoded
        self.crlf: list[int] = []  # offsets in the normalised source of LFs that were CRLF
        at = decoded.find("\r\n")
        while at >= 0:
            self.crlf.append(at - len(self.crlf))
            at = decoded.find("\r\n", at + 2)

    def raw(self, offset: int) -> int:
        source = self.document.source_offset(offset)
        return source + bisect.bisect_left(self.crlf, source)

    def replacement(self, start: int, end: int, old: str, new: str) -> Edit | None:
        raw_start, raw_end = self.raw(start), self.raw(end - 1) + 1
        if self.decoded[raw_start:raw_end] != old:
            return None  # the digits are not written plainly in the file: no fix
        return Edit(raw_start, raw_end, new)

    def after(self, end: int) -> int | None:
        """Where text goes after text[:end] (a statement), if it ends plainly."""
        raw = self.raw(end - 1) + 1
        if self.decoded[raw - 1] != self.document.text[end - 1]:
            return None
        return raw
