"""The command line: wires read -> extract -> (match -> rules) -> report. No logic here."""

from __future__ import annotations

import sys

import click

from . import __version__
from .report import EXTRACT_FORMATS, LINT_FORMATS

PATHS = click.argument("paths", nargs=-1, required=True)
STDIN_FILENAME = click.option(
    "--stdin-filename", help="The name to report for input read from '-'."
)


def format_option(formats: dict):
    """--format, its choices the formatters that exist."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(formats)),
        default="text",
        show_default=True,
        help="Output format.",
    )


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


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in (value or "").split(",") if code.strip())


@main.command()
@PATHS
@click.option(
    "--registry",
    "registries",
    multiple=True,
    metavar="PATH",
    help="Canonical figures registry (repeatable). Without one, only the registry-free rules run.",
)
@format_option(LINT_FORMATS)
@click.option("--select", help="Only these rule codes or prefixes, comma-separated (SL2).")
@click.option("--ignore", help="Leave out these rule codes or prefixes, comma-separated.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default="warning",
    show_default=True,
    help="The lowest severity that makes the exit code 1.",
)
@STDIN_FILENAME
@click.option("--quiet", is_flag=True, help="Print nothing; only the exit code tells.")
def lint(paths, registries, fmt, select, ignore, fail_on, stdin_filename, quiet):
    """Lint drafts: check every figure against the registry and against each other."""
    from .engine import exit_code, is_selected, run
    from .extract import extract as extract_claims
    from .match import link
    from .registry import RegistryError, load_all
    from .rules import RULES

    try:
        registry = load_all(list(registries)) if registries else None
    except RegistryError as error:
        for problem in error.problems:
            click.echo(f"statlint: error: {problem}", err=True)
        sys.exit(2)
    documents, failures = _documents(paths, stdin_filename)
    claims = [claim for document in documents for claim in extract_claims(document)]
    rules = [rule for rule in RULES.values() if is_selected(rule, _codes(select), _codes(ignore))]
    findings = run(link(claims, registry), rules, registry)
    if not quiet:
        sources = {document.path: document for document in documents}
        click.echo(LINT_FORMATS[fmt](findings, sources, len(documents)), nl=False)
    sys.exit(2 if failures else exit_code(findings, fail_on))


@main.command("rules")
def list_rules():
    """The rule catalogue."""
    from .rules import RULES, summary

    for rule in RULES.values():
        click.echo(f"{rule.CODE}  {rule.NAME:<24} {rule.SEVERITY:<8} {summary(rule)}")


@main.command()
@click.argument("code")
def explain(code):
    """One rule's documentation, with examples."""
    from .rules import RULES

    rule = RULES.get(code.upper())
    if rule is None:
        click.echo(f"statlint: error: no rule {code!r}; see 'statlint rules'", err=True)
        sys.exit(2)
    click.echo(f"{rule.CODE} {rule.NAME} ({rule.SEVERITY})\n")
    click.echo(rule.__doc__.strip())


@main.command()
@PATHS
@format_option(EXTRACT_FORMATS)
@STDIN_FILENAME
def extract(paths, fmt, stdin_filename):
    """List every numeric statement found, with its normalised fields."""
    from .extract import extract as extract_claims

    documents, failures = _documents(paths, stdin_filename)
    claims = [claim for document in documents for claim in extract_claims(document)]
    click.echo(EXTRACT_FORMATS[fmt](claims), nl=False)
    sys.exit(2 if failures else 0)


@main.group()
def registry():
    """Work with the canonical figures registry."""


@registry.command("check")
@PATHS
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
