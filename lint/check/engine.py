"""Run the selected rules over matched claims and decide what is reported (no formatting)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from statlint.check.match import Match
from statlint.model import Claim, Finding

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from statlint.registry.load import Registry

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may use besides its match: the registry, and a way to make findings."""

    registry: Registry | None = None
    _comparisons: dict = field(default_factory=dict, repr=False)

    def comparison(self, claim: Claim):
        """The figures a claim can mean, worked out once for all the rules that ask. Kept
        by the claim's identity (hashing every field of a claim costs more than the work),
        with the claim itself so that no other claim can take its identity."""
        kept = self._comparisons.get(id(claim))
        if kept is None or kept[0] is not claim:
            from statlint.check.canonical import compare

            kept = (claim, compare(claim, self.known_registry()))
            self._comparisons[id(claim)] = kept
        return kept[1]

    def known_registry(self) -> Registry:
        """The registry, for the rules that need one (they run only when there is one)."""
        if self.registry is None:
            raise ValueError("a rule that needs the registry ran without one")
        return self.registry

    def finding_at(self, code, path, line, column, end_column, message) -> Finding:
        """A finding that is about a place, not a statement (a stale suppression)."""
        from statlint.rules import RULES

        rule = RULES[code]
        return Finding(
            path, line, column, line, end_column, code, rule.NAME, rule.SEVERITY, message
        )

    def metric_name(self, claim: Claim) -> str:
        """What the statement is about, as the draft writes it, and the metric it was
        read as, when the two differ: "Road deaths (People killed in road collisions)"."""
        if claim.metric is None:
            return claim.subject
        name = self.known_registry().metrics[claim.metric].name
        written = claim.subject.strip()
        if not written or written.casefold() == name.casefold():
            return name
        return f"{written} ({name})"

    def finding(self, code: str, claim: Claim, message: str, expected=None, related=(), fix=None):
        from statlint.rules import RULES

        rule = RULES[code]
        return Finding(
            claim.path,
            claim.line,
            claim.column,
            claim.end_line,
            claim.end_column,
            rule.CODE,
            rule.NAME,
            rule.SEVERITY,
            message,
            claim,
            expected,
            tuple(related),
            fix=fix,
        )


def is_selected(rule, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Prefixes select and ignore ('SL1'); a rule off by default needs its family named."""
    if any(rule.CODE.startswith(prefix) for prefix in ignore):
        return False
    if not select:
        return rule.DEFAULT_ON
    return any(
        rule.CODE.startswith(prefix) and (rule.DEFAULT_ON or len(prefix) >= 3) for prefix in select
    )


def runnable(rules, registry: Registry | None) -> list:
    """The rules that can run: a registry rule needs a registry."""
    return [rule for rule in rules if registry is not None or not rule.NEEDS_REGISTRY]


# One problem, one finding: what is wrong with a statement's value is reported by the rule
# that explains it best, first in this list (withdrawn, unit, direction and period before
# value; registry rules before the SL2xx rules). A missing period (SL102) or an ambiguous
# metric (SL109) is another problem, reported beside it.
VALUE_PROBLEMS = ("SL108", "SL107", "SL105", "SL103", "SL104", "SL106", "SL101", "SL202", "SL201")


def one_per_problem(findings: list[Finding]) -> list[Finding]:
    """Of the value findings on one statement, the first in VALUE_PROBLEMS only."""
    best: dict[tuple, int] = {}
    for finding in findings:
        if finding.claim is not None and finding.code in VALUE_PROBLEMS:
            key = (finding.path, finding.claim.start, finding.claim.end)
            rank = VALUE_PROBLEMS.index(finding.code)
            best[key] = min(rank, best.get(key, rank))
    return [
        finding
        for finding in findings
        if finding.claim is None
        or finding.code not in VALUE_PROBLEMS
        or VALUE_PROBLEMS.index(finding.code)
        == best[(finding.path, finding.claim.start, finding.claim.end)]
    ]


def run(
    matches: list[Match], rules, registry: Registry | None = None, context: Context | None = None
) -> list[Finding]:
    """Findings of every rule given, one per problem of a statement, sorted by path, line,
    column and code. `context`, when given, keeps the comparisons made for its caller."""
    context = context or Context(registry)
    findings: list[Finding] = []
    for rule in rules:
        if rule.NEEDS_REGISTRY and registry is None:
            continue
        if rule.SCOPE == "set":
            findings.extend(rule.check_all(matches, context))
        elif rule.SCOPE == "document":
            findings.extend(rule.check_document(matches, context))
        elif rule.SCOPE == "claim":
            for match in matches:
                findings.extend(rule.check(match, context))
    return sorted(one_per_problem(findings), key=lambda f: (f.path, f.line, f.column, f.code))


def exit_code(findings: list[Finding], fail_on: str = "warning") -> int:
    failing = {"error"} if fail_on == "error" else {"error", "warning"}
    return 1 if any(finding.severity in failing for finding in findings) else 0


def decide(findings: list[Finding], config, suppressions: dict, ran) -> list[Finding]:
    """What is reported: per-file ignores, severity overrides, then inline suppressions;
    markers that hid nothing become SL901 where the rules they name all ran."""
    kept = admit(findings, config, suppressions) + _unused_markers(suppressions, ran)
    return sorted(kept, key=lambda f: (f.path, f.line, f.column, f.code))


def admit(findings: list[Finding], config, suppressions: dict) -> list[Finding]:
    """The findings that per-file ignores and suppressions let through, severities set.
    The markers remember what they suppressed, for unused_markers afterwards."""
    kept = []
    for finding in findings:
        if _ignored_for_file(finding, config.per_file_ignores):
            continue
        if finding.code in config.severity:
            finding = replace(finding, severity=config.severity[finding.code])
        markers = suppressions.get(finding.path)
        if markers is None or not markers.suppresses(finding.code, finding.line):
            kept.append(finding)
    return kept


def unused_markers(suppressions: dict, ran) -> list[Finding]:
    return _unused_markers(suppressions, ran)


def _ignored_for_file(finding: Finding, per_file_ignores: dict) -> bool:
    if not per_file_ignores:
        return False
    from fnmatch import fnmatch
    from pathlib import PurePath

    path = PurePath(finding.path)
    for pattern, codes in per_file_ignores.items():
        if path.match(pattern) or fnmatch(path.as_posix(), pattern):
            if any(finding.code.startswith(code) for code in codes):
                return True
    return False


def _unused_markers(suppressions: dict, ran) -> list[Finding]:
    """SL901 for markers that hid nothing, judged only when every rule they name ran."""
    if not any(markers.directives for markers in suppressions.values()):
        return []
    from statlint.rules import RULES

    if "SL901" not in {rule.CODE for rule in ran}:
        return []
    codes_ran = {rule.CODE for rule in ran}
    context = Context()
    found = []
    for path, markers in suppressions.items():
        judged = [d for d in markers.unused() if _judgeable(d, codes_ran, RULES)]
        found += RULES["SL901"].check_directives(path, judged, context)
    return found


def _judgeable(directive, codes_ran: set, catalogue: dict) -> bool:
    """A marker is judged when every rule it names ran, or when it names no rule at all."""
    from statlint.rules import unknown_code

    if any(unknown_code(code) for code in directive.codes or ()):
        return True
    named = [
        code
        for code, rule in catalogue.items()
        if rule.SCOPE != "suppressions"
        and directive.covers(code)
        and (directive.codes or rule.DEFAULT_ON)
    ]
    return bool(named) and all(code in codes_ran for code in named)
