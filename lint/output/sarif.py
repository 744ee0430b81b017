"""SARIF 2.1.0 output, as GitHub code scanning reads it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from statlint import __version__
from statlint.output.report import Writer
from statlint.policy.baseline import fingerprint
from statlint.policy.changes import repository_root

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str, root: Path) -> str:
    """A URI relative to the repository root, with forward slashes, percent-encoded."""
    if path == "-":
        return "stdin"
    absolute = Path(path).resolve()
    relative = os.path.relpath(absolute, root)
    if relative.startswith(".."):
        return absolute.as_uri()
    return quote(Path(relative).as_posix(), safe="/")  # "c#d.txt", "e?f.txt", "x:y.txt"


def _rule(rule) -> dict:
    doc = rule.__doc__.strip()
    summary = doc.splitlines()[0]
    return {
        "id": rule.CODE,
        "name": rule.NAME,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVEL[rule.SEVERITY]},
        "properties": {"tags": ["statistics", "consistency"]},
    }


def _location(path: str, line: int, column: int, root: Path, end=None) -> dict:
    region = {"startLine": line, "startColumn": column}
    if end:
        region.update({"endLine": end[0], "endColumn": end[1]})
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(path, root), "uriBaseId": "%SRCROOT%"},
            "region": region,
        }
    }


def _result(finding, index: dict, root: Path) -> dict:
    record = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            _location(
                finding.path,
                finding.line,
                finding.column,
                root,
                (finding.end_line, finding.end_column),
            )
        ],
        "partialFingerprints": {"statlintFingerprint/v1": fingerprint(finding)},
    }
    if finding.related:
        record["relatedLocations"] = [
            {
                "id": number,
                **_location(r["path"], r["line"], r["column"], root),
                "message": {"text": "first mention"},
            }
            for number, r in enumerate(finding.related, start=1)
        ]
    return record


class SarifWriter(Writer):
    """SARIF 2.1.0 written as the findings arrive: the log up to its results array, the
    results one per line, then the closing brackets."""

    PLACEHOLDER = "__STATLINT_RESULTS__"

    def __init__(self):
        from statlint.rules import RULES

        self.root = repository_root() or Path.cwd()
        self.rules = list(RULES.values())
        self.index = {rule.CODE: number for number, rule in enumerate(self.rules)}
        self.first = True
        self.closing = ""

    def head(self) -> str:
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "statlint",
                            "version": __version__,
                            "informationUri": "https://pypi.org/project/statlint/",
                            "rules": [_rule(rule) for rule in self.rules],
                        }
                    },
                    "originalUriBaseIds": {
                        "%SRCROOT%": {"uri": self.root.resolve().as_uri() + "/"}
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": self.PLACEHOLDER,
                }
            ],
        }
        text = json.dumps(log, indent=2, ensure_ascii=False)
        opening, self.closing = text.split(f'"{self.PLACEHOLDER}"')
        return opening + "["

    def body(self, findings) -> str:
        if not findings:
            return ""
        items = ",\n".join(
            json.dumps(_result(f, self.index, self.root), ensure_ascii=False) for f in findings
        )
        lead = "\n" if self.first else ",\n"
        self.first = False
        return lead + items

    def tail(self, totals) -> str:
        return ("]" if self.first else "\n]") + self.closing + "\n"
