"""Every rule against its fixture draft: the cases before '# OK' fire, the near misses after
it do not. One generator turns fixtures/rules/<CODE>.txt into test cases (as sqlfluff's
yaml rule cases do), and a meta-test fails for a rule without both kinds of case."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from statlint.cli import main
from statlint.document import Document
from statlint.engine import run
from statlint.extract import extract
from statlint.match import link
from statlint.registry import load
from statlint.rules import RULES

from .conftest import ROOT

CASES = ROOT / "fixtures" / "rules"
REGISTRY_PATH = ROOT / "fixtures" / "registries" / "london.yaml"
REGISTRY = load(REGISTRY_PATH)


def _cases(code: str) -> tuple[list[str], list[str]]:
    """(paragraphs that must fire, paragraphs that must not)."""
    text = (CASES / f"{code}.txt").read_text(encoding="utf-8")
    fail, ok = text.split("\n# OK\n")
    return _paragraphs(fail), _paragraphs(ok)


def _paragraphs(text: str) -> list[str]:
    blocks = [block.strip() for block in text.split("\n\n")]
    return [block for block in blocks if block and not block.startswith("#")]


def _codes(code: str, paragraph: str) -> list[str]:
    claims = extract(Document.from_text("case.txt", paragraph + "\n"))
    registry = REGISTRY if RULES[code].NEEDS_REGISTRY else None
    return [f.code for f in run(link(claims, REGISTRY), [RULES[code]], registry)]


def _all(kind: int):
    return [
        pytest.param(code, case, id=f"{code}-{case[:50]}")
        for code in sorted(RULES)
        for case in _cases(code)[kind]
    ]


@pytest.mark.parametrize(("code", "paragraph"), _all(0))
def test_rule_fires(code, paragraph):
    assert _codes(code, paragraph) == [code]


@pytest.mark.parametrize(("code", "paragraph"), _all(1))
def test_near_miss_does_not_fire(code, paragraph):
    assert _codes(code, paragraph) == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_cases_that_fire_and_near_misses(code):
    fail, ok = _cases(code)
    assert len(fail) >= 2 and len(ok) >= 3


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_cli_reports_the_rule_on_its_fixture_draft(code):
    draft = Path(CASES / f"{code}.txt")
    result = CliRunner().invoke(
        main, ["--registry", str(REGISTRY_PATH), "--select", code, "--format", "json", str(draft)]
    )
    assert result.exit_code == (0 if RULES[code].SEVERITY == "info" else 1)
    assert code in result.stdout
