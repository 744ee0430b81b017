"""One lint run: read -> extract -> match -> rules -> decide. The CLI and editors call it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import baseline as baselines
from . import suppress
from .config import Config
from .discover import Excludes, discover
from .document import Document, DocumentError, from_bytes, read
from .engine import Finding, decide, exit_code, is_selected, run, runnable
from .extract import extract
from .match import link
from .registry import load_all


@dataclass(frozen=True)
class Options:
    paths: tuple[str, ...]
    registries: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None  # None: the configuration's, else "warning"
    stdin_filename: str | None = None
    diff_ref: str | None = None
    use_baseline: bool = True


@dataclass
class Result:
    findings: list[Finding]
    sources: dict[str, Document]  # as read, for showing lines
    files: int
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # inputs that could not be read
    rules: list = field(default_factory=list)  # the rules that ran
    fail_on: str = "warning"

    @property
    def exit_code(self) -> int:
        return 2 if self.problems else exit_code(self.findings, self.fail_on)


def read_inputs(paths, stdin_filename=None, config: Config | None = None, stdin=None):
    """(documents, notes, problems) for the paths given; one bad file stops no other."""
    config = config or Config()
    excludes = Excludes(config.exclude, Path(config.path).parent if config.path else None)
    found = discover(list(paths), config.extensions, excludes)
    documents, notes, problems = [], found.notes, found.problems
    for path in found.files:
        try:
            if path == "-":
                data = (stdin or sys.stdin.buffer.read)()
                document = from_bytes(data, stdin_filename or "-")
            else:
                document = read(path)
        except DocumentError as error:
            problems.append(str(error))
            continue
        notes.extend(document.notes)
        documents.append(document)
    return documents, notes, problems


def chosen_rules(options: Options, config: Config, registry) -> list:
    from .rules import RULES

    select = options.select or config.select
    ignore = options.ignore or config.ignore
    chosen = [rule for rule in RULES.values() if is_selected(rule, select, ignore)]
    return runnable(chosen, registry)


def lint(options: Options, config: Config, stdin: Callable = None) -> Result:
    """Lint the inputs. Raises RegistryError, ConfigError-like errors for bad settings."""
    registry_paths = list(options.registries or config.registry)
    registry = load_all(registry_paths) if registry_paths else None
    documents, notes, problems = read_inputs(options.paths, options.stdin_filename, config, stdin)
    markers, claims = {}, []
    for document in documents:
        masked, markers[document.path] = suppress.read(document)
        claims.extend(extract(masked))
    rules = chosen_rules(options, config, registry)
    findings = decide(run(link(claims, registry), rules, registry), config, markers, rules)
    if options.diff_ref:
        findings = _changed_only(findings, options.diff_ref)
    if options.use_baseline and config.baseline:
        findings = baselines.hide(findings, baselines.load(config.baseline))
    sources = {document.path: document for document in documents}
    fail_on = options.fail_on or config.fail_on
    return Result(findings, sources, len(documents), notes, problems, rules, fail_on)


def _changed_only(findings: list[Finding], ref: str) -> list[Finding]:
    from .changes import changed_lines, touches

    changed = changed_lines(ref)
    return [f for f in findings if touches(changed, f.path, f.line, f.end_line)]
