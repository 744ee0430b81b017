"""The command line: wires read -> extract -> (match -> rules) -> report. No logic here."""

from __future__ import annotations

import sys

import click

from . import __version__


class DefaultGroup(click.Group):
    """`statlint PATH...` lints; `statlint extract ...` and friends are subcommands."""

    default_command = "lint"

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "--version"):
            args = [self.default_command, *args]
        elif not args:
            args = [self.default_command]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="statlint")
def main():
    """statlint: check the figures in press drafts against the canonical registry."""


def _documents(paths: tuple[str, ...], stdin_filename: str | None):
    """(documents, number of inputs that could not be read); problems go to stderr."""
    from .document import DocumentError, discover, from_bytes, read

    files, problems = discover(list(paths))
    documents = []
    for path in files:
        try:
            if path == "-":
                document = from_bytes(sys.stdin.buffer.read(), stdin_filename or "-")
            else:
                document = read(path)
        except DocumentError as error:
            problems.append(str(error))
            continue
        for note in document.notes:
            click.echo(f"statlint: note: {note}", err=True)
        documents.append(document)
    for problem in problems:
        click.echo(f"statlint: error: {problem}", err=True)
    return documents, len(problems)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--stdin-filename", help="The name to report for input read from '-'.")
def extract(paths, fmt, stdin_filename):
    """List every numeric statement found, with its normalised fields."""
    from .extract import extract as extract_claims
    from .report import EXTRACT_FORMATS

    documents, failures = _documents(paths, stdin_filename)
    claims = [claim for document in documents for claim in extract_claims(document)]
    click.echo(EXTRACT_FORMATS[fmt](claims), nl=False)
    sys.exit(2 if failures else 0)


@main.group()
def registry():
    """Work with the canonical figures registry."""


@registry.command("check")
@click.argument("paths", nargs=-1, required=True)
def registry_check(paths):
    """Validate registries; every problem names the file, line and YAML path."""
    from .registry import RegistryError, load

    failed = False
    for path in paths:
        try:
            loaded = load(path)
        except RegistryError as error:
            failed = True
            for problem in error.problems:
                click.echo(f"statlint: error: {problem}", err=True)
            continue
        click.echo(f"{path}: ok ({len(loaded.metrics)} metrics, {len(loaded.figures)} figures)")
    sys.exit(2 if failed else 0)
