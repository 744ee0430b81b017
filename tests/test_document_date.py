"""The date a draft speaks from, which "last year" and a month without its year are read
against: `--date`, else a dateline, else Markdown front matter's `date:`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from statlint.cli.commands import main

CHANGE = "Homicides fell 10% compared with last year.\n"


def _baselines(*args) -> list[str | None]:
    result = CliRunner().invoke(main, ["extract", "--format", "json", *map(str, args)])
    assert result.exit_code == 0, result.output
    return [claim["baseline"] for claim in json.loads(result.output)["claims"]]


def test_a_dateline_dates_the_draft(tmp_path):
    draft = tmp_path / "release.txt"
    draft.write_text("Published 3 March 2025\n\n" + CHANGE, encoding="utf-8")
    assert _baselines(draft) == ["2024"]


def test_front_matter_dates_a_markdown_draft_without_a_dateline(tmp_path):
    draft = tmp_path / "release.md"
    draft.write_text("---\ntitle: Figures\ndate: 2024-06-01\n---\n\n" + CHANGE, encoding="utf-8")
    assert _baselines(draft) == ["2023"]


def test_the_date_given_on_the_command_line_comes_first(tmp_path):
    dated = tmp_path / "release.txt"
    dated.write_text("Published 3 March 2025\n\n" + CHANGE, encoding="utf-8")
    fronted = tmp_path / "release.md"
    fronted.write_text("---\ndate: 2024-06-01\n---\n\n" + CHANGE, encoding="utf-8")
    assert _baselines("--date", "2023-05-05", dated, fronted) == ["2022", "2022"]


def test_an_undated_draft_leaves_last_year_unresolved(tmp_path):
    draft = tmp_path / "release.txt"
    draft.write_text(CHANGE, encoding="utf-8")
    assert _baselines(draft) == [None]


def test_a_date_that_is_not_one_is_refused_in_one_line(tmp_path):
    draft = tmp_path / "release.txt"
    draft.write_text(CHANGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--date", "2023-13-01", str(draft)])
    assert result.exit_code == 2
    assert "'2023-13-01' is not a date written YYYY-MM-DD" in result.output
