"""The command line: wires read -> extract -> (match -> rules) -> report. No logic here."""

from __future__ import annotations

import datetime
import sys

import click

from statlint import __version__
from statlint.output.terminal import shown

PATHS = click.argument("paths", nargs=-1, required=True)
REGISTRY = click.option(
    "--registry",
    "registries",
    multiple=True,
    metavar="PATH",
    help="Canonical figures registry (repeatable; default: from the configuration). "
    "Without one, only the registry-free rules run.",
)
CONFIG = click.option(
    "--config",
    "config_path",
    metavar="PATH",
    help="Read this configuration instead of searching upward.",
)


def _date(context, parameter, value):
    if value is None:
        return None
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date written YYYY-MM-DD") from None
    return value


DATE = click.option(
    "--date",
    metavar="YYYY-MM-DD",
    callback=_date,
    help="The date the drafts speak from, for 'last year' and months without a year "
    "[default: each draft's dateline or front matter].",
)
NO_CONFIG = click.option("--no-config", is_flag=True, help="Read no configuration file.")


def echo(text: str, **options) -> None:
    """click.echo of text whose control characters are escaped (statlint.terminal)."""
    click.echo(shown(text), **options)


def _known_codes(ctx, param, value: str | None) -> str | None:
    from statlint.cli.lint_command import codes
    from statlint.rules import unknown_code

    for code in codes(value):
        problem = unknown_code(code)
        if problem:
            raise click.BadParameter(problem)
    return value


SELECT = click.option(
    "--select",
    callback=_known_codes,
    help="Only these rule codes or prefixes, comma-separated (SL2).",
)
IGNORE = click.option(
    "--ignore",
    callback=_known_codes,
    help="Leave out these rule codes or prefixes, comma-separated.",
)
STDIN_FILENAME = click.option(
    "--stdin-filename", help="The name to report for input read from '-'."
)


def format_option(*names: str):
    """--format with these choices (report.LINT_FORMATS, report.EXTRACT_FORMATS)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(names),
        default="text",
        show_default=True,
        help="Output format.",
    )


EXAMPLES = """\
  statlint draft.txt                          lint a draft (registry from statlint.toml)
  statlint --registry registry.yaml drafts/   lint a folder against a registry
  statlint --fix draft.md                     write the safe fixes, then report the rest
  statlint --format sarif drafts/ > out.sarif for GitHub code scanning
  statlint init                               a starter registry, configuration and hook
  statlint explain SL101                      one rule's documentation
"""


class DefaultGroup(click.Group):
    """`statlint PATH...` lints; `statlint extract ...` and friends are subcommands. Its
    help shows the lint command's options beside the commands, as `statlint PATH...` is
    the form used most."""

    default_command = "lint"

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage("statlint", "[OPTIONS] PATH...")
        formatter.write_usage("statlint", "COMMAND [ARGS]...", prefix="   or: ")

    def format_options(self, ctx, formatter) -> None:
        lint_command = self.commands[self.default_command]
        with click.Context(lint_command, info_name="statlint", parent=None) as lint_context:
            records = [
                record
                for parameter in lint_command.get_params(lint_context)
                if isinstance(parameter, click.Option)
                and (record := parameter.get_help_record(lint_context))
            ]
        records += [
            record
            for parameter in self.get_params(ctx)
            if (record := parameter.get_help_record(ctx)) and record[0].startswith("--version")
        ]
        with formatter.section("Options (statlint [OPTIONS] PATH... lints)"):
            formatter.write_dl(records)
        self.format_commands(ctx, formatter)

    def format_epilog(self, ctx, formatter) -> None:
        with formatter.section("Examples"):
            formatter.write(EXAMPLES)

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


def _report_inputs(notes, problems) -> None:
    from statlint.cli.lint_command import report_inputs

    report_inputs(notes, problems)


def _fail(messages) -> None:
    for message in messages:
        echo(f"statlint: error: {shown(message, one_line=True)}", err=True)
    sys.exit(2)


def _codes(value: str | None) -> tuple[str, ...]:
    from statlint.cli.lint_command import codes

    return codes(value)


@main.command()
@PATHS
@REGISTRY
@format_option("text", "json", "sarif", "github")
@SELECT
@IGNORE
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    help="The lowest severity that makes the exit code 1 [default: warning].",
)
@CONFIG
@NO_CONFIG
@click.option(
    "--diff",
    "diff_ref",
    metavar="REF",
    help="Report only findings on lines changed since the git revision REF.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Write the safe fixes (canonical values, a missing period), then report the rest.",
)
@click.option(
    "--fix-in-place",
    is_flag=True,
    help="Like --fix, but write into each file itself: a read-only or hard-linked file is "
    "fixed too (--fix leaves it, with a note).",
)
@click.option(
    "--show-diff",
    is_flag=True,
    help="Print the safe fixes as a unified diff and write nothing (exit 1 if any).",
)
@click.option("--statistics", is_flag=True, help="Also print how many findings per code.")
@click.option(
    "--write-baseline",
    metavar="PATH",
    help="Record today's findings in PATH, to hide them later with `baseline`.",
)
@click.option("--no-baseline", is_flag=True, help="Ignore the configured baseline.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Lint files in N processes [default: the number of CPUs].",
)
@STDIN_FILENAME
@DATE
@click.option("--quiet", is_flag=True, help="Print nothing; only the exit code tells.")
def lint(paths, registries, select, ignore, **options):
    """Lint drafts: check every figure against the registry and against each other."""
    from statlint.cli.lint_command import LintRequest
    from statlint.cli.lint_command import lint as lint_command

    request = LintRequest(
        tuple(paths), tuple(registries), select=_codes(select), ignore=_codes(ignore), **options
    )
    sys.exit(lint_command(request))


@main.command("rules")
@click.option("--markdown", is_flag=True, help="Every rule's documentation as Markdown.")
def list_rules(markdown):
    """The rule catalogue."""
    from statlint.rules import RULES, summary
    from statlint.rules import markdown as rules_markdown

    if markdown:
        echo(rules_markdown(), nl=False)
        return
    for rule in RULES.values():
        echo(f"{rule.CODE}  {rule.NAME:<24} {rule.SEVERITY:<8} {summary(rule)}")


@main.command()
@click.argument("code")
def explain(code):
    """One rule's documentation, with examples."""
    from statlint.rules import RULES

    rule = RULES.get(code.upper())
    if rule is None:
        echo(f"statlint: error: no rule {code!r}; see 'statlint rules'", err=True)
        sys.exit(2)
    echo(f"{rule.CODE} {rule.NAME} ({rule.SEVERITY})\n")
    echo((rule.__doc__ or "").strip())


@main.command()
@PATHS
@format_option("text", "json")
@REGISTRY
@CONFIG
@NO_CONFIG
@STDIN_FILENAME
@DATE
def extract(paths, fmt, registries, config_path, no_config, stdin_filename, date):
    """List every numeric statement found, with its normalised fields; with a registry
    (given, or configured), the metric each names and why any is left unchecked."""
    from dataclasses import replace

    from statlint.pipeline import read_all

    registry = _extract_registry(registries, config_path, no_config)
    documents, notes, problems = read_all(paths, stdin_filename)
    documents = [replace(document, date=date) if date else document for document in documents]
    _report_inputs(notes, problems)
    claims, reasons = _extracted(documents, registry)
    from statlint.output.report import EXTRACT_FORMATS

    echo(EXTRACT_FORMATS[fmt](claims, reasons), nl=False)
    sys.exit(2 if problems else 0)


def _extract_registry(registries, config_path, no_config):
    """The registry extract links statements to: --registry, or the configured one."""
    from statlint.errors import ConfigError, RegistryError
    from statlint.pipeline import load_registries
    from statlint.policy.config import resolve

    try:
        paths = list(registries) or list(resolve(config_path, not no_config).registry)
        return load_registries(paths)
    except RegistryError as error:
        _fail(error.problems)
    except ConfigError as error:
        _fail([str(error)])


def _extracted(documents, registry):
    """(claims, and when there is a registry, why each is left unchecked: None if checked)."""
    from statlint.extract.claims import extract as extract_claims
    from statlint.pipeline import fy_start

    claims = [c for d in documents for c in extract_claims(d, fy_start(registry))]
    if registry is None:
        return claims, None
    from statlint.check.coverage import why_unchecked
    from statlint.check.match import link

    matches = link(claims, registry)
    reasons = [
        None if c.derived else why_unchecked(m, registry)
        for c, m in zip(claims, matches, strict=True)
    ]
    return [c.with_metric(m.metric) for c, m in zip(claims, matches, strict=True)], reasons


@main.group()
def registry():
    """Work with the canonical figures registry."""


@registry.command("check")
@click.argument("paths", nargs=-1)
@CONFIG
@NO_CONFIG
def registry_check(paths, config_path, no_config):
    """Validate registries (default: the configured ones); every problem names the file,
    line and YAML path, and says what to write."""
    from statlint.registry.load import RegistryError, load

    if not paths:
        paths = _configured_registries(config_path, no_config)
    failed = False
    for path in paths:
        try:
            loaded = load(path)
        except RegistryError as error:
            failed = True
            for problem in error.problems:
                echo(f"statlint: error: {shown(problem, one_line=True)}", err=True)
            continue
        metrics, figures = (
            _count(len(loaded.metrics), "metric"),
            _count(len(loaded.figures), "figure"),
        )
        echo(f"{path}: ok ({metrics}, {figures})")
    sys.exit(2 if failed else 0)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _configured_registries(config_path, no_config) -> tuple[str, ...]:
    """The registries the configuration names, for `registry check` with no path."""
    from statlint.errors import ConfigError
    from statlint.policy.config import resolve

    try:
        config = resolve(config_path, not no_config)
    except ConfigError as error:
        _fail([str(error)])
    if not config.registry:
        _fail(["no registry given and none configured: statlint registry check PATH"])
    import os

    relative = (os.path.relpath(path) for path in config.registry)
    return tuple(
        near if not near.startswith("..") else path
        for near, path in zip(relative, config.registry, strict=True)
    )


@main.command("lsp")
def lsp_command():
    """Run the language server on standard input and output (for editors)."""
    from statlint.cli.lsp import serve

    serve()


@main.command("init")
@click.option(
    "--example",
    type=click.Choice(["crime", "health", "housing"]),
    help="Write a fuller registry of that field instead of the neutral starter.",
)
def init_command(example):
    """Write a starter registry.yaml, statlint.toml and pre-commit hook here.

    An existing file is never overwritten."""
    from pathlib import Path

    from statlint.cli.init import FILES, init

    for name, written in init(Path.cwd(), example):
        if written:
            echo(f"wrote {name}")
        else:
            echo(f"{name} exists: left as it is", err=True)
            if name == ".pre-commit-config.yaml":
                echo("add this hook to it:\n" + FILES[name].split("repos:\n", 1)[1])


@main.command()
@click.argument("draft", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Where to write the annotated copy (never the draft itself).",
)
@REGISTRY
@SELECT
@IGNORE
@CONFIG
@NO_CONFIG
def annotate(draft, output, registries, select, ignore, config_path, no_config):
    """Copy a Word draft with a comment on each finding; the draft is left untouched."""
    from pathlib import Path

    from statlint.errors import ConfigError, RegistryError
    from statlint.output.annotate import annotate as write_annotated
    from statlint.pipeline import Options
    from statlint.pipeline import lint as run_lint
    from statlint.policy.config import resolve
    from statlint.read.document import DocumentError

    if not draft.lower().endswith(".docx") or not output.lower().endswith(".docx"):
        _fail(["annotate reads and writes .docx files"])
    if Path(output).resolve() == Path(draft).resolve():
        _fail([f"{output}: is the draft itself; annotate writes a copy"])
    options = Options((draft,), tuple(registries), _codes(select), _codes(ignore))
    try:
        result = run_lint(options, resolve(config_path, not no_config))
        _report_inputs(result.notes, result.problems)
        if result.problems:
            sys.exit(2)
        added, skipped = write_annotated(draft, result.findings, output)
    except RegistryError as error:
        _fail(error.problems)
    except (ConfigError, DocumentError) as error:
        _fail([str(error)])
    except OSError as error:
        _fail([f"{output}: cannot write ({error.strerror or error})"])
    left_out = f" ({skipped} in headers or footers left out)" if skipped else ""
    echo(f"wrote {output} with {added} comment(s){left_out}")
    sys.exit(result.exit_code)


@main.command()
@PATHS
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The draft registry to write (YAML).",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def harvest(paths, output, force):
    """Draft a registry from what an archive has published.

    Agreeing statements become figures; disagreeing ones are written as comments for a
    person to resolve, never picked silently."""
    from pathlib import Path

    from statlint.atomic import write_atomic
    from statlint.extract.claims import extract
    from statlint.pipeline import read_all
    from statlint.registry.harvest import clusters, to_yaml

    if Path(output).exists() and not force:
        _fail([f"{output}: exists; use --force to replace it"])
    documents, notes, problems = read_all(paths)
    _report_inputs(notes, problems)
    text, counts = to_yaml(clusters(documents, extract))
    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as error:
        _fail([f"{output}: cannot write ({error.strerror or error})"])
    echo(
        f"wrote {output}: {counts['metrics']} metric(s), {counts['figures']} figure(s); "
        f"{counts['unresolved']} unresolved and {counts['undated']} undated cluster(s) "
        "left as comments"
    )
    sys.exit(2 if problems else 0)


@main.command()
@PATHS
@click.option(
    "--html",
    "html_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="Where to write the report: one self-contained HTML file.",
)
@REGISTRY
@CONFIG
@NO_CONFIG
def report(paths, html_path, registries, config_path, no_config):
    """Write an HTML page showing each document with its statements highlighted."""
    from statlint.atomic import write_atomic
    from statlint.errors import ConfigError, RegistryError
    from statlint.output.htmlreport import page, statements
    from statlint.pipeline import Options, review
    from statlint.policy.config import resolve

    try:
        reviewed, registry, notes, problems = review(
            Options(tuple(paths), tuple(registries)), resolve(config_path, not no_config)
        )
    except RegistryError as error:
        _fail(error.problems)
    except ConfigError as error:
        _fail([str(error)])
    _report_inputs(notes, problems)
    names = {key: metric.name for key, metric in registry.metrics.items()} if registry else {}
    documents = [
        (
            doc.path,
            [doc.line(n) for n in range(1, len(doc.line_starts) + 1)],
            statements(matches, findings, names, registry),
        )
        for doc, matches, findings in reviewed
    ]
    title = f"statlint report: {len(documents)} document(s)"
    try:
        write_atomic(html_path, page(documents, title).encode("utf-8"))
    except OSError as error:
        _fail([f"{html_path}: cannot write ({error.strerror or error})"])
    marked = sum(len(found) for _, _, found in documents)
    echo(f"wrote {html_path}: {len(documents)} document(s), {marked} statement(s)")
    sys.exit(2 if problems else 0)
