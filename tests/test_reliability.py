"""Inputs that once slipped past the gate, stalled it or crashed it: git's quoted names,
FIFOs and devices, non-finite and deeply nested settings, unknown rule codes, control
characters in names and drafts, and `--fix` on links and protected files. Each is run
through the real command line. (How long hostile drafts take is measured by
benchmarks/scaling.py, never by a timed test; here the readers are held to what they
blank and what they keep.)"""

from __future__ import annotations

import json
import os
import random

import pytest
from click.testing import CliRunner

from statlint.check.words import SubjectIndex, same_subject
from statlint.cli.commands import main
from statlint.policy.suppress import Directive, Suppressions
from statlint.read import from_bytes

from .conftest import ROOT

LONDON = str(ROOT / "fixtures" / "registries" / "london.yaml")
WRONG = "Homicides fell 21% in the year to March 2025 compared with 2019."
RIGHT = "Homicides fell 24% in the year to March 2025 compared with 2019."


def _lint(*args):
    return CliRunner().invoke(main, list(map(str, args)))


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---- FIFOs and devices are refused, never waited on ---------------------------------------
def test_a_fifo_or_device_named_as_a_draft_is_refused_and_the_rest_linted(here):
    os.mkfifo(here / "pipe.txt")
    (here / "d.txt").write_text(WRONG + "\n")
    result = _lint("--registry", LONDON, "pipe.txt", "/dev/zero", "d.txt")
    assert result.exit_code == 2
    assert "pipe.txt: not a regular file but a FIFO, not read" in result.stderr
    assert "/dev/zero: not a regular file but a device, not read" in result.stderr
    assert "d.txt:1:1: SL101" in result.stdout


def test_a_fifo_inside_a_linted_folder_is_passed_over(here):
    (here / "drafts").mkdir()
    os.mkfifo(here / "drafts" / "pipe.txt")
    (here / "drafts" / "d.txt").write_text(WRONG + "\n")
    result = _lint("--registry", LONDON, "--format", "json", "drafts")
    assert result.exit_code == 1
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == ["drafts/d.txt"]


def test_a_fifo_as_the_registry_or_the_baseline_is_a_clear_error(here):
    os.mkfifo(here / "fifo")
    (here / "d.txt").write_text(RIGHT + "\n")
    result = _lint("--registry", "fifo", "d.txt")
    assert result.exit_code == 2
    assert "fifo: cannot read registry (not a regular file but a FIFO)" in result.stderr
    (here / "statlint.toml").write_text('baseline = "fifo"\n')
    result = _lint("--registry", LONDON, "d.txt")
    assert result.exit_code == 2
    assert "fifo: cannot read baseline (not a regular file but a FIFO)" in result.stderr


def test_one_file_named_twice_is_linted_and_fixed_once(here):
    (here / "d.txt").write_text(WRONG + "\n")
    result = _lint("--registry", LONDON, "--fix", "d.txt", "./d.txt", here / "d.txt")
    assert result.exit_code == 0, result.output
    assert "fixed 1 finding(s) in 1 file(s)" in result.stderr
    assert (here / "d.txt").read_text() == RIGHT + "\n"


# ---- registries and configurations that once crashed ---------------------------------------
@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1.0e+400"])
@pytest.mark.parametrize(
    "args",
    [
        ["registry", "check", "r.yaml"],
        ["--registry", "r.yaml", "d.txt"],
        ["--fix", "--registry", "r.yaml", "d.txt"],
        ["report", "--html", "out.html", "--registry", "r.yaml", "d.txt"],
    ],
)
def test_a_registry_value_that_is_not_a_finite_number_is_refused(here, value, args):
    text = (ROOT / "fixtures" / "registries" / "london.yaml").read_text()
    (here / "r.yaml").write_text(text.replace("value: -24", f"value: {value}", 1))
    (here / "d.txt").write_text(WRONG + "\n")
    result = _lint(*args)
    assert result.exit_code == 2, result.output
    assert f"r.yaml:56: '{value}' is not a finite number" in result.stderr
    assert "Traceback" not in result.output and (here / "d.txt").read_text() == WRONG + "\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.yaml", "a: " + "[" * 3000 + "]" * 3000 + "\n"),
        ("deep.json", '{"a": ' + '{"b": ' * 3000 + "1" + "}" * 3001 + "\n"),
    ],
)
def test_a_deeply_nested_registry_is_refused_in_one_line(here, name, text):
    (here / name).write_text(text)
    result = _lint("registry", "check", name)
    assert result.exit_code == 2
    assert result.stderr == f"statlint: error: {name}:1: nested over 64 deep\n"


def test_a_registry_of_too_many_entries_is_refused_before_it_is_all_read(here):
    figure = '  m{0}:\n    name: M {0}\n    aliases: ["m {0}"]\n    figures: []\n'
    body = "".join(figure.format(n) for n in range(30_000))
    (here / "big.yaml").write_text("version: 1\nmetrics:\n" + body)
    result = _lint("registry", "check", "big.yaml")
    assert result.exit_code == 2
    assert "more than 50,000 entries" in result.stderr
    line = int(result.stderr.split("big.yaml:")[1].split(":")[0])
    assert line < 30_000 * 4 / 2  # stopped part way


# ---- rule codes ------------------------------------------------------------------------------
@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_rule_code_in_an_option_is_refused_with_the_nearest(here, option):
    (here / "d.txt").write_text(WRONG + "\n")
    result = _lint("--registry", LONDON, option, "SL101,SL1O1", "d.txt")
    assert result.exit_code == 2
    assert "unknown rule code 'SL1O1' (did you mean SL101?)" in result.stderr
    assert _lint("--registry", LONDON, option, "SL3", "d.txt").exit_code in (0, 1)  # a prefix


def test_a_marker_naming_no_rule_suppresses_nothing_and_says_so(here):
    (here / "d.txt").write_text(f"{WRONG} statlint: ignore[SL1O1]\n")
    result = _lint("--registry", LONDON, "--format", "json", "d.txt")
    findings = json.loads(result.stdout)["findings"]
    assert [f["code"] for f in findings] == ["SL101", "SL901"]  # SL1O1 is not "SL1"
    assert "unknown rule code 'SL1O1' (did you mean SL101?)" in findings[1]["message"]


# ---- what is printed -------------------------------------------------------------------------
def test_control_characters_in_names_and_drafts_are_printed_escaped(here):
    name = "bad\n::error::x.txt"
    (here / name).write_bytes(f"Homicides fell 21% \x1b[2J\x1b]52;c;aGk=\x07 {WRONG}\n".encode())
    os.mkfifo(here / "fifo\n::stop-commands::x.txt")
    result = _lint("--registry", LONDON, ".", "fifo\n::stop-commands::x.txt")
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\u001b[2J" in result.stdout
    assert "bad\\u000a::error::x.txt:1:" in result.stdout
    assert "\n::" not in result.output  # no line starts a workflow command
    assert "fifo\\u000a::stop-commands::x.txt: not a regular file" in result.stderr


@pytest.mark.parametrize("name", ["c#d.txt", "e?f.txt", "x:y.txt", "é 1.txt"])
def test_sarif_uris_are_percent_encoded(here, name):
    (here / name).write_text(WRONG + "\n")
    result = _lint("--registry", LONDON, "--format", "sarif", name)
    sarif = json.loads(result.stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    uri = location["artifactLocation"]["uri"]
    from urllib.parse import unquote

    assert unquote(uri) == name and not set(uri) & set("#?: é")


# ---- --fix keeps each file what it was --------------------------------------------------------
def test_fix_writes_through_a_symlink_to_its_target(here):
    (here / "real.txt").write_text(WRONG + "\n")
    (here / "link.txt").symlink_to("real.txt")
    assert _lint("--registry", LONDON, "--fix", "link.txt").exit_code == 0
    assert (here / "link.txt").is_symlink()
    assert (here / "real.txt").read_text() == RIGHT + "\n"


def test_fix_leaves_hard_linked_and_read_only_files_with_a_note(here):
    (here / "linked.txt").write_text(WRONG + "\n")
    os.link(here / "linked.txt", here / "twin.txt")
    (here / "release.txt").write_text(WRONG + "\n")
    (here / "release.txt").chmod(0o444)
    result = _lint("--registry", LONDON, "--fix", "linked.txt", "release.txt")
    assert "linked.txt: not fixed: it has 1 other hard link(s)" in result.stderr
    assert "release.txt: not fixed: it is read-only" in result.stderr
    assert result.exit_code == 1  # the findings are still reported
    assert (here / "twin.txt").read_text() == WRONG + "\n" == (here / "release.txt").read_text()
    result = _lint("--registry", LONDON, "--fix-in-place", "linked.txt", "release.txt")
    assert result.exit_code == 0, result.output
    assert (here / "twin.txt").read_text() == RIGHT + "\n"
    assert (here / "twin.txt").stat().st_ino == (here / "linked.txt").stat().st_ino
    assert (here / "release.txt").stat().st_mode & 0o777 == 0o444


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_fix_keeps_the_owner_and_group(here):
    (here / "d.txt").write_text(WRONG + "\n")
    os.chown(here / "d.txt", 65534, 65534)
    (here / "d.txt").chmod(0o640)
    assert _lint("--registry", LONDON, "--fix", "d.txt").exit_code == 0
    info = (here / "d.txt").stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (65534, 65534, 0o640)
    assert (here / "d.txt").read_text() == RIGHT + "\n"


# ---- readers: what is blanked, what is kept ------------------------------------------------------
def _prose(name: str, text: str) -> str:
    return from_bytes(text.encode(), name).text


def test_an_html_comment_left_open_hides_the_rest_only_when_it_starts_a_line():
    assert _prose("d.md", "Fell 5%.\n<!-- draft\nFell 6%.\n").split() == ["Fell", "5%."]
    inline = _prose("d.md", "Fell 5% <!-- not closed, and fell 6%.\n")
    assert "fell 6%." in inline
    closed = _prose("d.md", "A <!-- x --> b <!-- statlint: disable --> c <!-- y --> 7%\n")
    assert closed.split() == ["A", "b", "<!--", "statlint:", "disable", "-->", "c", "7%"]


@pytest.mark.parametrize("opener", ["<a ", "![ ", "` ", "x <!-- "])
def test_unclosed_markdown_openers_leave_the_figures_after_them(opener):
    text = opener * 200 + "\n\nHomicides fell 24%.\n"
    assert "Homicides fell 24%." in _prose("d.md", text)


def test_a_numbered_export_gives_no_subject_from_its_row_numbers(here):
    rows = "".join(f"{n};Camden;{400 + n};{380 + n};-6.7%\n" for n in range(60))
    (here / "export.txt").write_text("id;borough;2023;2024;change\n" + rows)
    result = _lint("--format", "json", "export.txt")
    assert json.loads(result.stdout)["findings"] == []


def test_the_subject_index_finds_what_a_scan_of_every_earlier_subject_finds():
    rng = random.Random(7)
    words = "knife crime with injury robbery personal homicides london rough sleeping".split()
    subjects = [" ".join(rng.sample(words, rng.randint(1, 5))) for _ in range(400)]
    index, kept = SubjectIndex(), []
    for number, subject in enumerate(subjects):
        scanned = next((k for k in kept if same_subject(subjects[k], subject)), None)
        if scanned is None:
            kept.append(number)
        assert index.first(subject, number) == (number if scanned is None else scanned)


def test_suppression_blocks_are_found_as_a_scan_of_every_block_finds_them():
    rng = random.Random(3)
    kinds = ["disable", "enable"]
    directives = [
        Directive(line, 1, 2, rng.choice(kinds), rng.choice([None, frozenset({"SL1"})]), "")
        for line in sorted(rng.sample(range(1, 400), 80))
    ]
    marks = Suppressions(directives)
    for line in range(1, 401):
        for code in ("SL101", "SL201"):
            open_ = _open_blocks(directives, line, code)
            assert marks.suppresses(code, line) == bool(open_)


def _open_blocks(directives, line, code):
    """Every disable before the line not closed by an enable that covers it, by brute force."""
    found = []
    for first, disable in enumerate(directives):
        if disable.kind != "disable" or disable.line > line or not disable.covers(code):
            continue
        closes = [
            d
            for d in directives[first + 1 :]
            if d.kind == "enable"
            and (d.codes is None or disable.codes is None or d.codes & disable.codes)
        ]
        if not closes or closes[0].line >= line:
            found.append(disable)
    return found
