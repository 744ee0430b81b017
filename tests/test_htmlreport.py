"""The HTML report, rendered by a real browser (headless Chromium): what a reviewer sees."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from statlint.cli.commands import main

from .conftest import ROOT, SEEDS

LONDON = str(ROOT / "fixtures" / "registries" / "london.yaml")
ARTIFACTS = ROOT / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("Chromium is missing: .ci/run installs it (apt-get install chromium)")
    pytest.skip("Chromium is not installed here (CI installs it)")


def _browser(chromium, tmp_path, *args) -> str:
    command = [chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return done.stdout


@pytest.fixture(scope="module")
def rendered(chromium, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    drafts = folder / "drafts"
    shutil.copytree(SEEDS, drafts)
    (drafts / "hostile.md").write_text(
        "Homicides fell 21% in the year to March 2025 compared with 2019. "
        "</script><img src=x onerror=\"document.title='owned'\"> <b>bold</b>\n\n"
        # "<!--" then "<script" in the data would put the page's JSON script into the
        # parser's double-escaped state, and the page would show nothing
        "A note <!-- on <script> tags, left open.\n"
    )
    page = folder / "report.html"
    result = CliRunner().invoke(
        main, ["report", "--html", str(page), "--registry", LONDON, str(drafts)]
    )
    assert result.exit_code == 0, result.output
    extracted = CliRunner().invoke(main, ["extract", "--format", "json", str(drafts)])
    (folder / "claims.json").write_text(extracted.stdout)
    dom = _browser(chromium, folder, "--dump-dom", page.as_uri())
    ARTIFACTS.mkdir(exist_ok=True)
    _browser(
        chromium,
        folder,
        "--window-size=1400,2200",
        f"--screenshot={ARTIFACTS / 'report.png'}",
        page.as_uri(),
    )
    return page, dom


def _marks(dom: str, state: str) -> list[str]:
    return re.findall(rf'<mark class="st st-{state}[^"]*"[^>]*>(.*?)</mark>', dom, re.S)


def test_statements_are_highlighted_by_state_in_the_rendered_page(rendered):
    _, dom = rendered
    conflicts = _marks(dom, "conflict")
    stale = _marks(dom, "stale")
    assert "Homicides fell 21%" in conflicts  # SL101: the registry has 24%
    # SL104: the figure for the year to March 2024, superseded (the registry judges it, so
    # SL201 leaves it alone: one finding per problem)
    assert "22 per cent reduction in homicides" in stale
    assert "24% reduction in homicides" in stale  # SL102: no end period
    assert _marks(dom, "conforms") and _marks(dom, "unchecked")


def test_every_statement_is_highlighted_once_and_every_highlight_is_a_statement(rendered):
    page, dom = rendered
    claims = json.loads((page.parent / "claims.json").read_text())["claims"]
    stated = [" ".join(c["text"].split()) for c in claims if not c.get("derived")]
    marks = [" ".join(html.unescape(m).split()) for m in _marks(dom, r"[a-z]+")]
    assert set(marks) <= set(stated)  # a highlight is a statement the extractor read
    # ... and each statement is highlighted, or lies inside another's highlight ("nearly
    # 500 (497) people" is two statements on one mark)
    assert all(any(text in mark for mark in marks) for text in stated)


def test_each_highlight_carries_its_finding_and_canonical_figure(rendered):
    _, dom = rendered
    titles = re.findall(r'<mark class="st st-stale[^"]*" title="([^"]*)"', dom)
    assert any(
        "SL102 warning: Homicides: 24% fall since 2019 has no end period" in t
        and "[canonical: -24 for 2024-04/2025-03, Crime dashboard, April 2025]" in t
        for t in titles
    )


def test_the_summary_table_has_a_row_per_metric(rendered):
    _, dom = rendered
    rows = re.findall(r"<tr><td>([^<]*)</td>((?:<td class=\"n\">\d+</td>){4})</tr>", dom)
    table = {name: re.findall(r"\d+", counts) for name, counts in rows}
    # statements, conforms, stale, conflict: "down 3%" conforms; 24% lacks its end period
    # and 22% is superseded (stale); 21% conflicts with the registry (SL101)
    assert table["Homicides"] == ["4", "1", "2", "1"]
    assert "(not checked)" in table


def test_the_page_gives_the_share_of_statements_checked_and_why_others_are_not(rendered):
    _, dom = rendered
    shown = re.search(r'<p id="coverage">(\d+) of (\d+) statement\(s\) checked[^<]*</p>', dom)
    assert shown and 0 < int(shown[1]) < int(shown[2])
    assert "Not checked: no alias matched its subject." in dom


def test_the_page_is_self_contained_and_the_data_cannot_inject_markup(rendered):
    page, dom = rendered
    html = page.read_text()
    assert not re.search(r"(src|href)=\"https?://", html)
    assert "<title>statlint report" in dom and "owned" not in dom.split("</title>")[0]
    assert '<img src="x"' not in dom
    assert "&lt;/script&gt;&lt;img src=x" in dom  # shown as text
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
