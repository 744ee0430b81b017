"""Every rule against its fixture draft: the cases before '# OK' fire, the near misses after
it do not. One generator turns fixtures/rules/<CODE>.txt into test cases (as sqlfluff's
yaml rule cases do), and a meta-test fails for a rule without both kinds of case."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from statlint.cli.commands import main
from statlint.pipeline import Options, lint
from statlint.policy.config import Config
from statlint.rules import RULES

from .conftest import ROOT

CASES = ROOT / "fixtures" / "rules"
REGISTRY_PATH = ROOT / "fixtures" / "registries" / "london.yaml"


def _cases(code: str) -> tuple[list[str], list[str]]:
    """(paragraphs that must fire, paragraphs that must not)."""
    text = (CASES / f"{code}.txt").read_text(encoding="utf-8")
    fail, ok = text.split("\n# OK\n")
    return _paragraphs(fail), _paragraphs(ok)


def _paragraphs(text: str) -> list[str]:
    blocks = [block.strip() for block in text.split("\n\n")]
    return [block for block in blocks if block and not block.startswith("#")]


def _codes(code: str, paragraph: str) -> list[str]:
    """The codes reported on one case, linted alone with every default rule and `code`."""
    options = Options(("-",), (str(REGISTRY_PATH),), select=("SL1", "SL2", code))
    result = lint(options, Config(), stdin=lambda: (paragraph + "\n").encode())
    return [finding.code for finding in result.findings]


def _all(kind: int):
    return [
        pytest.param(code, case, id=f"{code}-{case[:50]}")
        for code in sorted(RULES)
        for case in _cases(code)[kind]
    ]


@pytest.mark.parametrize(("code", "paragraph"), _all(0))
def test_rule_fires(code, paragraph):
    assert _codes(code, paragraph).count(code) == 1


@pytest.mark.parametrize(("code", "paragraph"), _all(1))
def test_near_miss_does_not_fire(code, paragraph):
    assert code not in _codes(code, paragraph)


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_cases_that_fire_and_near_misses(code):
    fail, ok = _cases(code)
    assert len(fail) >= 2 and len(ok) >= 3


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_cli_reports_the_rule_on_its_fixture_draft(code):
    draft = Path(CASES / f"{code}.txt")
    result = CliRunner().invoke(
        main,
        [
            "--registry",
            str(REGISTRY_PATH),
            "--select",
            f"SL1,SL2,{code}",
            "--format",
            "json",
            str(draft),
        ],
    )
    assert result.exit_code == 1  # every fixture draft has errors or warnings
    assert f'"code": "{code}"' in result.stdout


def test_one_problem_of_a_statement_gets_one_finding_by_the_precedence_table():
    """'Nearly 13,000 (13,231)' of a registered 13,231 is one problem that SL106 (the
    registry) and SL202 (the figure beside it) both see: the table gives it to SL106."""
    from statlint.check.engine import VALUE_PROBLEMS, one_per_problem
    from statlint.model import Claim, Finding

    claim = Claim(
        "d.txt", 1, 1, 1, 9, 0, 8, "x", "s", 13000, "count", "level", None, "nearly", None, None
    )

    def finding(code):
        return Finding("d.txt", 1, 1, 1, 9, code, code, "error", code, claim)

    kept = one_per_problem([finding("SL202"), finding("SL106"), finding("SL102")])
    assert sorted(f.code for f in kept) == ["SL102", "SL106"]
    assert VALUE_PROBLEMS.index("SL106") < VALUE_PROBLEMS.index("SL202")


def test_docs_rules_md_is_the_rules_own_documentation():
    """docs/rules.md is generated: it must say what `statlint explain` says."""
    from statlint.rules import markdown

    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == markdown(), "regenerate: statlint rules --markdown > docs/rules.md"
    for code, rule in RULES.items():
        explained = CliRunner().invoke(main, ["explain", code]).output
        assert "## What it does" in explained
        first = explained.split("\n")[2]  # after "CODE name (severity)" and a blank line
        assert f"## {code} {rule.NAME}\n\n{first}\n" in written
