"""One lint run: read -> extract -> match -> rules -> decide. The CLI and editors call it.

Each file is read, extracted, matched and checked on its own, in worker processes when
there are many (`jobs`); the rules over everything linted together (SL201) then see the
files' statements in a fixed order, keeping only what they need, so output is the same
for any number of jobs and memory does not grow with the archive's text.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from statlint.check.engine import (
    Context,
    admit,
    decide,
    exit_code,
    is_selected,
    run,
    runnable,
    unused_markers,
)
from statlint.check.match import link
from statlint.extract.claims import extract
from statlint.model import Finding
from statlint.policy import suppress
from statlint.policy.config import Config
from statlint.read import from_bytes, read
from statlint.read.discover import Excludes, discover
from statlint.read.document import Document, DocumentError
from statlint.read.files import read_bytes

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from statlint.registry.load import Registry

PARALLEL_FROM = 16  # fewer files than this are linted in-process: no pool to start


@dataclass(frozen=True, slots=True)
class Options:
    paths: tuple[str, ...]
    registries: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None  # None: the configuration's, else "warning"
    stdin_filename: str | None = None
    diff_ref: str | None = None
    use_baseline: bool = True
    jobs: int = 1
    date: str | None = None  # --date: the date every document speaks from


@dataclass(slots=True)
class Result:
    findings: list[Finding]
    files: int
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # inputs that could not be read
    rules: list = field(default_factory=list)  # the rules that ran
    fail_on: str = "warning"
    statements: int = 0  # statements read (worked-out values aside)
    checked: int = 0  # of them, those the registry could check

    @property
    def exit_code(self) -> int:
        return 2 if self.problems else exit_code(self.findings, self.fail_on)


@dataclass(slots=True)
class FileResult:
    """What linting one file gives, before the rules over all files have seen it."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    matches: list = field(default_factory=list)
    lines: dict[int, str] = field(default_factory=dict)  # lines with statements, to show
    markers: suppress.Suppressions | None = None
    notes: list[str] = field(default_factory=list)
    problem: str | None = None
    statements: int = 0
    checked: int = 0


@dataclass(frozen=True, slots=True)
class _Setup:
    """What every worker needs, set once per process."""

    registry: Registry | None
    claim_rules: tuple
    set_rules: tuple = ()
    config: Config = Config()
    date: str | None = None

    def keyed(self, matches) -> list:
        """(keys, match) for each statement a rule over all files compares: the keys, one
        per such rule, are worked out here, in the worker."""
        found = []
        for match in matches:
            keys = tuple(rule.key(match.claim) for rule in self.set_rules)
            if any(k is not None for k in keys):
                found.append((keys, match))
        return found


_SETUP: _Setup | None = None


def _set_up(setup: _Setup) -> None:
    global _SETUP
    _SETUP = setup


def fy_start(registry: Registry | None) -> int:
    return registry.financial_year_start if registry is not None else 4


def lint_document(document: Document, setup: _Setup) -> FileResult:
    """One file, as far as it can go alone: its statements' findings decided and given
    their source lines; the statements the rules over all files need, with theirs."""
    if setup.date:
        document = replace(document, date=setup.date)
    masked, markers = suppress.read(document)
    matches = link(extract(masked, fy_start(setup.registry)), setup.registry)
    context = Context(setup.registry)
    found = run(matches, setup.claim_rules, setup.registry, context)
    findings = [
        replace(finding, source_line=document.line(finding.line))
        for finding in admit(found, setup.config, {document.path: markers})
    ]
    wanted = setup.keyed(matches)
    lines = {n: document.line(n) for n in {m.claim.line for _, m in wanted}}
    result = FileResult(document.path, findings, wanted, lines, markers, list(document.notes))
    result.statements, result.checked = _coverage(matches, context)
    return result


def _coverage(matches, context: Context) -> tuple[int, int]:
    """(statements, of them those the registry can check), with the comparisons the rules
    already made."""
    stated = [match for match in matches if not match.claim.derived]
    registry = context.registry
    if registry is None:
        return len(stated), 0
    from statlint.check.coverage import why_unchecked

    checked = sum(
        1
        for match in stated
        if match.metric is not None
        and why_unchecked(match, registry, context.comparison(match.claim)) is None
    )
    return len(stated), checked


def _lint_path(path: str) -> FileResult:
    if _SETUP is None:
        raise RuntimeError("a worker linted a file before it was set up")
    try:
        return lint_document(read(path), _SETUP)
    except DocumentError as error:
        return FileResult(path, problem=str(error))


def read_all(paths, stdin_filename=None, config: Config | None = None, stdin=None):
    """(documents, notes, problems), for commands that need whole documents at once."""
    found = _discovered(paths, config or Config())
    documents, notes, problems = [], list(found.notes), list(found.problems)
    for path in found.files:
        try:
            if path == "-":
                document = from_bytes((stdin or sys.stdin.buffer.read)(), stdin_filename or "-")
            else:
                document = read(path)
        except DocumentError as error:
            problems.append(str(error))
            continue
        notes += document.notes
        documents.append(document)
    return documents, notes, problems


def chosen_rules(options: Options, config: Config, registry) -> list:
    from statlint.rules import RULES

    select = options.select or config.select
    ignore = options.ignore or config.ignore
    chosen = [rule for rule in RULES.values() if is_selected(rule, select, ignore)]
    return runnable(chosen, registry)


def _file_results(paths: list[str], options: Options, setup: _Setup, stdin) -> Iterable:
    """FileResults in the order of `paths`, from a pool of processes when it pays."""
    if options.jobs <= 1 or len(paths) < PARALLEL_FROM:
        _set_up(setup)
        for path in paths:
            yield _stdin_result(options, setup, stdin) if path == "-" else _lint_path(path)
        return
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    chunk = max(1, min(32, len(paths) // (options.jobs * 8)))
    with context.Pool(options.jobs, initializer=_set_up, initargs=(setup,)) as pool:
        files = [path for path in paths if path != "-"]
        yield from pool.imap(_lint_path, files, chunksize=chunk)
    if "-" in paths:
        yield _stdin_result(options, setup, stdin)


def _stdin_result(options: Options, setup: _Setup, stdin) -> FileResult:
    name = options.stdin_filename or "-"
    try:
        return lint_document(from_bytes((stdin or sys.stdin.buffer.read)(), name), setup)
    except DocumentError as error:
        return FileResult(name, problem=str(error))


def lint(
    options: Options,
    config: Config,
    stdin: Callable | None = None,
    progress=None,
    sink=None,
) -> Result:
    """Lint the inputs. Raises RegistryError, ConfigError and friends for bad settings.

    Files are linted in path order, and each file's findings are final once it is done
    (SL201 reports at the later mention): `sink`, when given, gets them file by file, in
    the order of the whole report, so output can be written while the work goes on.
    progress: called with the number of files, it returns what to call after each file."""
    registry, found, rules = _inputs(options, config)
    files = sorted(found.files, key=lambda path: (path == "-", path))
    setup, set_checks = _linting(registry, rules, config, options.date)
    result = Result([], 0, list(found.notes), list(found.problems), rules)
    keep = _filters(options, config)
    advance = progress(len(files)) if progress else None
    for file_result in _file_results(files, options, setup, stdin):
        findings = keep(_take(file_result, result, set_checks, config, rules))
        findings.sort(key=lambda f: (f.line, f.column, f.code))
        result.findings += findings
        if sink:
            sink(findings)
        if advance:
            advance(file_result.path)
    result.fail_on = options.fail_on or config.fail_on
    return result


def lint_texts(
    texts: dict[str, str], config: Config, registry: bool = True, memo: dict | None = None
) -> list[Finding]:
    """Lint documents held in memory (an editor's open buffers), named by their paths,
    with the configuration given; SL201 compares them with each other. `registry=False`
    runs the registry-free rules only (when the registry cannot be read). Raises
    RegistryError for a bad registry.

    `memo` keeps each document's own results between calls: one is reused only when its
    text, the configuration and the registry files' bytes are all exactly what they were."""
    registries = list(config.registry) if registry else []
    loaded, rules = _registry_and_rules(texts, registries, config)
    setup, set_checks = _linting(loaded, rules, config)
    result = Result([], 0, rules=rules)
    settings = (repr(config), tuple(read_bytes(path) for path in registries))
    findings: list[Finding] = []
    for path in sorted(texts):
        kept = memo.get(path) if memo is not None else None
        if kept is not None and kept[0] == (texts[path], settings):
            file_result = kept[1]
        else:
            try:
                document = from_bytes(texts[path].encode("utf-8"), path)
            except DocumentError:
                continue
            file_result = lint_document(document, setup)
            if memo is not None:
                memo[path] = ((texts[path], settings), file_result)
        findings += _take(file_result, result, set_checks, config, rules)
    return findings


def fixed_text(path: str, text: str, config: Config) -> str:
    """The text of an open document with the safe fixes made (as --fix would)."""
    registry, rules = _registry_and_rules([path], config.registry, config)
    setup = _fixing(registry, rules, config)
    return _fixed(path, text.encode("utf-8"), setup, lambda found: found).after.decode("utf-8")


def _registry_and_rules(paths, registries, config: Config):
    """(registry, rules to run) for documents held in memory, as the configuration says."""
    loaded = load_registries(list(registries))
    return loaded, chosen_rules(Options(tuple(paths), tuple(registries)), config, loaded)


def _linting(registry, rules, config: Config, date: str | None = None):
    """(setup, checks over all files) of a lint: the rules per statement and per document
    run in the setup, file by file; the rules over all files compare what they keep."""
    setup = _Setup(
        registry,
        tuple(rule for rule in rules if rule.SCOPE in ("claim", "document")),
        tuple(rule for rule in rules if rule.SCOPE == "set"),
        config,
        date,
    )
    context = Context(registry)
    return setup, [rule.Check(context) for rule in setup.set_rules]


def _fixing(registry, rules, config: Config, date: str | None = None) -> _Setup:
    """The setup of a fix: only the rules per statement offer fixes."""
    return _Setup(registry, tuple(r for r in rules if r.SCOPE == "claim"), (), config, date)


def _inputs(options: Options, config: Config):
    """(registry, files found, rules to run) for a run over the inputs."""
    registry = load_registries(list(options.registries or config.registry))
    found = _discovered(options.paths, config)
    return registry, found, chosen_rules(options, config, registry)


def _discovered(paths, config: Config):
    """The files under the paths, with the configuration's extensions and exclusions."""
    excludes = Excludes(config.exclude, os.path.dirname(config.path) if config.path else None)
    return discover(list(paths), config.extensions, excludes)


def _filters(options: Options, config: Config):
    """What narrows the findings reported: --diff REF, then the baseline."""
    changed = remaining = None
    if options.diff_ref:
        from statlint.policy.changes import changed_lines

        changed = changed_lines(options.diff_ref)
    if options.use_baseline and config.baseline:
        from statlint.policy import baseline

        remaining = baseline.load(config.baseline)

    def keep(findings: list[Finding]) -> list[Finding]:
        if changed is not None:
            from statlint.policy.changes import touches

            findings = [f for f in findings if touches(changed, f.path, f.line, f.end_line)]
        if remaining is not None:
            from statlint.policy import baseline

            findings = baseline.hide(findings, remaining)
        return findings

    return keep


def _take(file_result: FileResult, result: Result, set_checks, config: Config, rules) -> list:
    """One file's findings, with those of the rules over all files that it completes."""
    result.notes += file_result.notes
    if file_result.problem:
        result.problems.append(file_result.problem)
        return []
    result.files += 1
    result.statements += file_result.statements
    result.checked += file_result.checked
    findings = list(file_result.findings)  # decided in the worker
    across = []
    for keys, match in file_result.matches:
        for check, known_key in zip(set_checks, keys, strict=True):
            if known_key is not None:
                across += check.see(match, known_key)
    markers = {file_result.path: file_result.markers}
    for finding in admit(across, config, markers):
        line = file_result.lines.get(finding.line)
        findings.append(replace(finding, source_line=line) if line else finding)
    return findings + unused_markers(markers, rules)


def load_registries(paths: list[str]) -> Registry | None:
    if not paths:
        return None
    from statlint.registry.load import load_all

    return load_all(paths)


def default_jobs() -> int:
    return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class FileFix:
    """A file, as read and as its fixes leave it."""

    path: str
    before: bytes
    after: bytes
    fixed: int  # edits made


def fixes(options: Options, config: Config) -> tuple[list[FileFix], list[str]]:
    """The fixes for each file that has any, and notes on files that cannot be fixed.
    Files that cannot be read are left to the lint that follows, which reports them."""
    from statlint.fix.edits import Unfixable

    registry, found, rules = _inputs(options, config)
    setup = _fixing(registry, rules, config, options.date)
    keep = _filters(options, config)
    done, notes = [], []
    for path in sorted(found.files):
        if path.lower().endswith(".docx"):
            notes.append(f"{path}: not fixed: Word files are not rewritten (statlint annotate)")
            continue
        try:
            done.append(_fixed(path, read_bytes(path), setup, keep))
        except (OSError, DocumentError):
            continue
        except Unfixable as error:
            notes.append(str(error))
    return [result for result in done if result.fixed], notes


def _fixed(path: str, data: bytes, setup: _Setup, keep) -> FileFix:
    from statlint.fix import edits as fix

    def lint(source: fix.Source):
        document = from_bytes(source.to_bytes(), path)
        return document, keep(lint_document(document, setup).findings)

    source, count = fix.fixed(fix.Source.from_bytes(data, path), lint)
    return FileFix(path, data, source.to_bytes(), count)


def review(options: Options, config: Config):
    """Every document with all its statements and their findings, for the HTML report.
    Returns ([(document, matches, findings)], registry, notes, problems)."""
    registry_paths = list(options.registries or config.registry)
    registry = load_registries(registry_paths)
    documents, notes, problems = read_all(options.paths, options.stdin_filename, config)
    rules = chosen_rules(options, config, registry)
    markers, per_document, everything = {}, [], []
    for document in documents:
        masked, markers[document.path] = suppress.read(document)
        matches = link(extract(masked, fy_start(registry)), registry)
        per_document.append((document, matches))
        everything += matches
    findings = decide(run(everything, rules, registry), config, markers, rules)
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    reviewed = [(doc, matches, by_path.get(doc.path, [])) for doc, matches in per_document]
    return reviewed, registry, notes, problems
