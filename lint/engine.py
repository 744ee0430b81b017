"""Run the selected rules over matched claims and decide what is reported (no formatting)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .match import Match
from .model import Claim, location_json
from .registry import Registry

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: str
    message: str
    claim: Claim | None = None
    expected: dict | None = None
    related: tuple[dict, ...] = field(default=())

    def as_json(self) -> dict:
        record = {
            **location_json(self),
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
        }
        if self.claim is not None:
            record["claim"] = {
                key: self.claim.as_json()[key]
                for key in ("text", "metric", "value", "unit", "baseline", "period")
            }
        if self.expected:
            record["expected"] = self.expected
        if self.related:
            record["related"] = list(self.related)
        return record


@dataclass(frozen=True)
class Context:
    """What a rule may use besides its match: the registry, and a way to make findings."""

    registry: Registry | None = None
    _comparisons: dict = field(default_factory=dict, repr=False)

    def comparison(self, claim: Claim):
        """The figures a claim can mean, worked out once for all the rules that ask."""
        if claim not in self._comparisons:
            from .canon import compare

            self._comparisons[claim] = compare(claim, self.registry)
        return self._comparisons[claim]

    def metric_name(self, claim: Claim) -> str:
        return self.registry.metrics[claim.metric].name

    def finding(self, code: str, claim: Claim, message: str, expected=None, related=()):
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


def run(matches: list[Match], rules, registry: Registry | None = None) -> list[Finding]:
    """Findings of every rule given, sorted by path, line, column and code."""
    context = Context(registry)
    findings: list[Finding] = []
    for rule in rules:
        if rule.NEEDS_REGISTRY and registry is None:
            continue
        if rule.SCOPE == "set":
            findings.extend(rule.check_all(matches, context))
        else:
            for match in matches:
                findings.extend(rule.check(match, context))
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.code))


def exit_code(findings: list[Finding], fail_on: str = "warning") -> int:
    failing = {"error"} if fail_on == "error" else {"error", "warning"}
    return 1 if any(finding.severity in failing for finding in findings) else 0
