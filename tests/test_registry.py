"""`statlint registry check`: every problem with its file, line and YAML path, exit 2."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from statlint.cli.commands import main
from statlint.registry.load import RegistryError, load

from .conftest import ROOT

LONDON = ROOT / "fixtures" / "registries" / "london.yaml"

GOOD = """\
version: 1
metrics:
  homicide:
    name: Homicides
    aliases: [homicides]
figures:
  - metric: homicide
    value: -24
    unit: percent
    baseline: "2019"
    period: "2024-04/2025-03"
"""


def _check(tmp_path, text, name="registry.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["registry", "check", str(path)]), path


def test_the_london_fixture_registry_is_valid():
    result = CliRunner().invoke(main, ["registry", "check", str(LONDON)])
    assert result.exit_code == 0
    assert "ok (12 metrics, 15 figures)" in result.stdout


def test_a_good_registry_loads_with_its_periods(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(GOOD)
    (figure,) = load(path).figures
    assert (figure.kind, str(figure.baseline), str(figure.period)) == (
        "change",
        "2019",
        "2024-04/2025-03",
    )


def test_json_registries_are_accepted(tmp_path):
    import yaml

    path = tmp_path / "r.json"
    path.write_text(json.dumps(yaml.safe_load(GOOD)))
    assert len(load(path).figures) == 1


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('period: "2024-04/2025-03"', 'period: "2024-13"'),
            ":11: figures[0].period: bad period: '2024-13' has no month 13",
        ),
        (("unit: percent", "unit: per cent"), ":9: figures[0].unit: 'per cent' is not one of"),
        (
            ("- metric: homicide", "- metric: homicides"),
            ":7: figures[0].metric: unknown metric 'homicides'",
        ),
        (
            ("    aliases: [homicides]", "    aliases: [homicides]\n    colour: red"),
            ":6: metrics.homicide.colour: unknown key",
        ),
        (("value: -24", "value: lots"), ":8: figures[0].value: 'lots' is not of type 'number'"),
    ],
)
def test_each_problem_names_file_line_and_key(tmp_path, change, expected):
    result, path = _check(tmp_path, GOOD.replace(*change))
    assert result.exit_code == 2
    assert f"{path}{expected}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_duplicate_figure_is_reported(tmp_path):
    figure = GOOD[GOOD.index("  - metric") :]
    result, path = _check(tmp_path, GOOD + figure)
    assert result.exit_code == 2
    assert f"{path}:12: figures[1]: duplicate figure" in result.stderr
    assert "figure at line 7" in result.stderr


def test_one_alias_claimed_by_two_metrics_is_reported(tmp_path):
    text = GOOD.replace(
        "figures:", "  murder:\n    name: Murders\n    aliases: [Homicide]\nfigures:"
    )
    result, path = _check(tmp_path, text)
    assert result.exit_code == 2
    assert (
        f"{path}:8: metrics.murder.aliases[0]: alias 'Homicide' is also an alias of "
        "metric 'homicide'" in result.stderr
    )


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    text = GOOD.replace("unit: percent", "unit: pc").replace("value: -24", "value: x")
    result, _ = _check(tmp_path, text)
    assert result.stderr.count("statlint: error:") == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("version: 1\nmetrics: [\n", "not valid YAML or JSON"),
        ("", "the registry is empty"),
        ("version: 1\nmetrics: !!python/object:os.system {}\n", ":2:"),
        ("version: 1\nversion: 1\nmetrics: {}\n", ":2: version: duplicate key"),
    ],
)
def test_broken_files_get_a_message_not_a_traceback(tmp_path, text, expected):
    result, _ = _check(tmp_path, text)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_an_alias_bomb_is_refused(tmp_path):
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(RegistryError, match="alias bomb"):
        load(path)
