"""Formatters: they turn records into text and decide nothing."""

from __future__ import annotations

import os

from statlint.model import Claim, plain_number
from statlint.output.terminal import shown

EXTRACT_COLUMNS = (
    ("location", lambda c: f"{c.path}:{c.line}:{c.column}"),
    ("value", lambda c: _value(c)),
    ("unit", lambda c: f"{c.unit}/{c.per}" if c.per else c.unit),
    ("kind", lambda c: c.kind),
    ("direction", lambda c: c.direction or "-"),
    ("approx", lambda c: c.approximation),
    ("baseline", lambda c: c.baseline or "-"),
    ("period", lambda c: c.period or "-"),
    ("subject", lambda c: c.subject or "-"),
)


def _value(claim: Claim) -> str:
    number = plain_number(claim.value)
    shown = f"{number:,}" if isinstance(number, int) else f"{number:,.6g}"
    if claim.unit == "GBP":
        shown = "£" + shown.lstrip("-") if claim.value >= 0 else "-£" + shown.lstrip("-")
    elif claim.unit == "percent":
        shown += "%"
    elif claim.unit == "percentage_points":
        shown += "pp"
    if claim.exact is not None:
        shown += f" ({plain_number(claim.exact):,})"
    return shown + ("*" if claim.derived else "")


def extract_text(claims: list[Claim], reasons: list | None = None) -> str:
    """An aligned table, one claim a row; '*' marks a value implied by others. With a
    registry, a metric column, and why a statement is left unchecked."""
    if not claims:
        return "no statistical statements found\n"
    columns = list(EXTRACT_COLUMNS)
    if reasons is not None:
        columns.insert(-1, ("metric", lambda c: c.metric or "-"))
    rows = [[name for name, _ in columns]]
    rows += [[cell(claim) for _, cell in columns] for claim in claims]
    if reasons is not None:
        rows[0][-1] += "  (why unchecked)"
        for row, reason in zip(rows[1:], reasons, strict=True):
            row[-1] += f"  ({reason})" if reason else ""
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]) - 1)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        + "  "
        + row[-1]
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def extract_json(claims: list[Claim], reasons: list | None = None) -> str:
    """{"version": 1, "claims": [...]}; with a registry, each unchecked claim says why."""
    import json

    records = [claim.as_json() for claim in claims]
    for record, reason in zip(records, reasons or (), strict=False):
        if reason:
            record["unchecked"] = reason
    return json.dumps({"version": 1, "claims": records}, indent=2) + "\n"


EXTRACT_FORMATS = {"text": extract_text, "json": extract_json}


EXCERPT_MARGIN = 40  # characters shown either side of a statement on a long line


def _excerpt(source: str, finding) -> tuple[str, str]:
    """The source line (cut to the statement and some context when long) and its caret."""
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(source)
    left = max(0, start - EXCERPT_MARGIN)
    right = min(len(source), end + EXCERPT_MARGIN)
    if len(source) <= 2 * EXCERPT_MARGIN + (end - start) + 20:
        left, right = 0, len(source)
    shown = ("…" if left else "") + source[left:right] + ("…" if right < len(source) else "")
    offset = start - left + (1 if left else 0)
    return shown, " " * offset + "^" + "~" * (max(1, end - start) - 1)


class Totals:
    """What a run found, counted as findings are written (for the closing lines)."""

    def __init__(self, files: int = 0):
        self.files = files
        self.counts = {"errors": 0, "warnings": 0, "infos": 0}

    def add(self, findings) -> None:
        for finding in findings:
            self.counts[f"{finding.severity}s"] += 1

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> dict:
        return {"files": self.files, "findings": self.findings, **self.counts}


class Writer:
    """A format written as the findings arrive, file by file, in order: the head, the
    findings, then a tail that may sum them up. A writer only formats."""

    def head(self) -> str:
        return ""

    def body(self, findings) -> str:
        raise NotImplementedError

    def tail(self, totals: Totals) -> str:
        return ""


class TextWriter(Writer):
    """`path:line:col: CODE severity message`, the source line, a caret under the statement."""

    def body(self, findings) -> str:
        out = []
        for finding in findings:
            message = shown(finding.message, one_line=True)
            out.append(f"{_where(finding)}: {finding.code} {finding.severity} {message}")
            if finding.source_line is not None:
                excerpt, caret = _excerpt(finding.source_line, finding)
                out += [f"    {excerpt}", f"    {caret}"]
        return "".join(line + "\n" for line in out)


def summary_line(totals: Totals, statements: int, checked: int, registries) -> str:
    """The line every run ends with: what was found, what was read, what was checked.
    "statlint: no problems: 14 statement(s) in 3 file(s), 9 checked against registry.yaml"."""
    counts = totals.counts
    if totals.findings:
        found = (
            f"{totals.findings} finding(s) ({counts['errors']} error(s), "
            f"{counts['warnings']} warning(s), {counts['infos']} info)"
        )
    else:
        found = "no problems"
    read = f"{statements} statement(s) in {totals.files} file(s)"
    if registries:
        names = ", ".join(shown(os.path.basename(path), one_line=True) for path in registries)
        against = f"{checked} checked against {names}"
    else:
        against = "none checked against a registry"
    return f"statlint: {found}: {read}, {against}\n"


def _where(finding) -> str:
    """path:line:col, or for Word, where a line is a paragraph: path:paragraph N:col."""
    path = shown(finding.path, one_line=True)
    if path.lower().endswith(".docx"):
        return f"{path}:paragraph {finding.line}:{finding.column}"
    return f"{path}:{finding.line}:{finding.column}"


class JsonWriter(Writer):
    """The JSON object of docs/commands.md, one finding per line (json's C encoder: no indent)."""

    def __init__(self):
        self.first = True

    def head(self) -> str:
        return '{"version": 1, "findings": ['

    def body(self, findings) -> str:
        import json

        if not findings:
            return ""
        text = ",\n".join(json.dumps(f.as_json(), ensure_ascii=False) for f in findings)
        lead = "\n" if self.first else ",\n"
        self.first = False
        return lead + text

    def tail(self, totals: Totals) -> str:
        import json

        closing = "]" if self.first else "\n]"
        return f'{closing},\n"summary": {json.dumps(totals.summary())}}}\n'


# GitHub shows at most this many annotations of each level in one step.
GITHUB_LIMIT = 10
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubWriter(Writer):
    """Workflow commands that GitHub shows as annotations on the changed files."""

    def body(self, findings) -> str:
        return "".join(_annotation(finding) + "\n" for finding in findings)

    def tail(self, totals: Totals) -> str:
        return _github_summary(totals) + "\n"


def _annotation(finding) -> str:
    properties = ",".join(
        f"{key}={_escape_property(str(value))}"
        for key, value in (
            ("file", finding.path),
            ("line", finding.line),
            ("col", finding.column),
            ("endLine", finding.end_line),
            ("endColumn", finding.end_column),
            ("title", f"{finding.code} {finding.name}"),
        )
    )
    return f"::{GITHUB_LEVEL[finding.severity]} {properties}::{_escape_data(finding.message)}"


def _github_summary(totals: Totals) -> str:
    counts = totals.counts
    line = (
        f"statlint: {totals.findings} finding(s): {counts['errors']} error(s), "
        f"{counts['warnings']} warning(s), {counts['infos']} info"
    )
    hidden = [
        f"{count - GITHUB_LIMIT} more {name}"
        for name, count in (
            ("error(s)", counts["errors"]),
            ("warning(s)", counts["warnings"]),
            ("notice(s)", counts["infos"]),
        )
        if count > GITHUB_LIMIT
    ]
    if hidden:
        line += (
            f"; GitHub annotates only {GITHUB_LIMIT} of each level per step, so "
            f"{', '.join(hidden)} are listed in this log but not annotated"
        )
    return line


def statistics(findings, statements: int = 0, checked: int | None = None) -> str:
    """One line per code: how many findings, the code, its name; then, with a registry,
    the share of statements it could check."""
    counts: dict[tuple[str, str], int] = {}
    for finding in findings:
        counts[(finding.code, finding.name)] = counts.get((finding.code, finding.name), 0) + 1
    lines = "".join(
        f"{count:>5}  {code}  {name}\n" for (code, name), count in sorted(counts.items())
    )
    if checked is None:
        return lines
    share = f" ({round(100 * checked / statements)}%)" if statements else ""
    return lines + f"{checked} of {statements} statement(s) checked against the registry{share}\n"


def _sarif_writer() -> Writer:
    from statlint.output.sarif import SarifWriter

    return SarifWriter()


LINT_FORMATS = {
    "text": TextWriter,
    "json": JsonWriter,
    "sarif": _sarif_writer,
    "github": GithubWriter,
}
