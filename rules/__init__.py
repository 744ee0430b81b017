"""The rule catalogue: one module per rule, its docstring its documentation.

Each module has CODE, NAME, SEVERITY, SCOPE ("claim": `check(match, ctx)` per statement;
"document": `check_document(matches, ctx)` over one document's statements; "set":
`check_all(matches, ctx)` over everything linted together; "suppressions":
`check_directives(path, directives, ctx)` over markers that hid nothing), NEEDS_REGISTRY
and DEFAULT_ON. Rules only read matches and yield findings: they never parse text.
"""

from __future__ import annotations

from importlib import import_module

_MODULES = (
    "sl101_value_conflict",
    "sl102_missing_period",
    "sl103_period_mismatch",
    "sl104_stale_figure",
    "sl105_direction_conflict",
    "sl106_approximation_conflict",
    "sl107_unit_conflict",
    "sl108_withdrawn_figure",
    "sl109_ambiguous_metric",
    "sl201_inconsistent_figure",
    "sl202_parenthetical_conflict",
    "sl203_arithmetic_conflict",
    "sl204_period_length_conflict",
    "sl301_unregistered_metric",
    "sl302_unverifiable_figure",
    "sl901_unused_suppression",
)
RULES = {
    module.CODE: module for module in (import_module(f".{name}", __name__) for name in _MODULES)
}


def summary(rule) -> str:
    """The first line of a rule's documentation."""
    return (rule.__doc__ or "").strip().splitlines()[0]


def markdown() -> str:
    """Every rule's documentation as one Markdown page (docs/rules.md is this)."""
    parts = [
        "# Rules\n\n"
        "Generated from the rules' own documentation by `statlint rules --markdown`; "
        "`statlint explain CODE` prints one. Severity decides the exit code: any error "
        "gives 1, a warning gives 1 unless `--fail-on error`, info never fails. Rules "
        "marked *off by default* run only when selected (`--select SL3`).\n\n"
        "| code | name | severity | |\n| --- | --- | --- | --- |\n"
        + "".join(
            f"| [{rule.CODE}](#{rule.CODE.lower()}-{rule.NAME}) | {rule.NAME} | "
            f"{rule.SEVERITY} | {summary(rule)} |\n"
            for rule in RULES.values()
        )
    ]
    for rule in RULES.values():
        body = (rule.__doc__ or "").strip().split("\n", 1)
        text = body[1].replace("\n## ", "\n### ") if len(body) > 1 else ""
        default = "" if rule.DEFAULT_ON else ", off by default"
        needs = "needs a registry" if rule.NEEDS_REGISTRY else "no registry needed"
        parts.append(
            f"## {rule.CODE} {rule.NAME}\n\n{body[0]}\n\n*{rule.SEVERITY}{default}; "
            f"{needs}.*\n{text}\n"
        )
    return "\n".join(parts)


def unknown_code(code: str) -> str | None:
    """What is wrong with a rule code or prefix that names no rule ("SL1O1"), with the
    nearest code; None when it names one ("SL101", "SL1", "SL")."""
    known = list(RULES)
    if any(name.startswith(code.upper()) for name in known):
        return None
    from difflib import get_close_matches

    nearest = get_close_matches(code.upper(), known, n=1, cutoff=0.6)
    hint = f" (did you mean {nearest[0]}?)" if nearest else " (statlint rules lists them)"
    return f"unknown rule code {code!r}{hint}"
