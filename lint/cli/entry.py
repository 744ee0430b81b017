"""The `statlint` executable. A command line of nothing but paths (`statlint draft.txt`, as
pre-commit calls it) goes straight to the lint command; anything else goes to the click
CLI. Start-up is what an editor waits for on every save: this path imports no click."""

from __future__ import annotations

import sys

COMMANDS = frozenset("lint extract registry rules explain init annotate harvest report lsp".split())


def plain_paths(argv: list[str]) -> bool:
    """Only paths: no option, no '-' for standard input, no subcommand first."""
    return bool(argv) and argv[0] not in COMMANDS and not any(a.startswith("-") for a in argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if plain_paths(argv):
        from statlint.cli.lint_command import LintRequest, lint

        return lint(LintRequest(tuple(argv)))
    from statlint.cli.commands import main as click_main

    return click_main(args=argv, prog_name="statlint")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
