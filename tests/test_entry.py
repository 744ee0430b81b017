"""The executable's two doors lead to the same lint: a bare list of paths skips click."""

from __future__ import annotations

import subprocess
import sys

import pytest

from statlint.cli.commands import main as click_main
from statlint.cli.entry import main, plain_paths

from .conftest import SEEDS

SEED_2025 = str(SEEDS / "000_60c6f7e6b95cca2a.txt")
SEED_2024 = str(SEEDS / "003_9ffa4f15d2c7cc6e.txt")


@pytest.mark.parametrize(
    ("argv", "plain"),
    [
        (["draft.txt"], True),
        (["a.txt", "b.md"], True),
        ([], False),
        (["-"], False),
        (["--registry", "r.yaml", "a.txt"], False),
        (["extract", "a.txt"], False),
        (["rules"], False),
    ],
)
def test_what_counts_as_a_plain_list_of_paths(argv, plain):
    assert plain_paths(argv) is plain


def test_both_doors_print_the_same_and_exit_the_same(capsys):
    code = main([SEED_2025, SEED_2024])
    fast = capsys.readouterr().out
    with pytest.raises(SystemExit) as stop:
        click_main(args=["lint", SEED_2025, SEED_2024], standalone_mode=True)
    slow = capsys.readouterr().out
    assert (code, fast) == (stop.value.code, slow) == (1, slow)
    assert "SL201" in fast


def test_the_plain_path_does_not_import_click():
    code = (
        "import sys; from statlint.cli.entry import main; main([sys.argv[1]]); "
        "print('click' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code, SEED_2025], capture_output=True, text=True)
    assert done.stdout.strip().endswith("False")
