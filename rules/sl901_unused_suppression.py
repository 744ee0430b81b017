"""A suppression comment that suppresses nothing (extension).

## What it does
Reports a `statlint: ignore[...]` marker, or a `<!-- statlint: disable ... -->` block,
that hid no finding in this run. Markers naming rules that did not run are not judged; a
marker naming a code that is no rule ("SL1O1") is always reported, with the nearest code.

## Why is this bad?
Suppressions outlive the problem they were written for. A stale marker hides the next,
real problem on that line, and tells readers of the draft something that is no longer true.

## Example
    Homicides fell 24% in the year to March 2025 compared with 2019. statlint: ignore[SL101]

Use instead (the figure is now right, so the marker goes):
    Homicides fell 24% in the year to March 2025 compared with 2019.
"""

from __future__ import annotations

CODE = "SL901"
NAME = "unused-suppression"
SEVERITY = "info"
SCOPE = "suppressions"
NEEDS_REGISTRY = False
DEFAULT_ON = True


def check_directives(path, directives, ctx):
    for directive in directives:
        yield ctx.finding_at(
            CODE,
            path,
            directive.line,
            directive.column,
            directive.end_column,
            _message(directive),
        )


def _message(directive) -> str:
    from statlint.rules import unknown_code

    unknown = [p for p in map(unknown_code, sorted(directive.codes or ())) if p]
    if unknown:
        return f"'{directive.text}' suppresses nothing: {'; '.join(unknown)}"
    return f"'{directive.text}' suppresses nothing here: remove it"
