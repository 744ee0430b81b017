"""The lint command itself, without click: `statlint PATH...` as a function.

The click CLI parses options and calls it; `statlint.entry` calls it straight away when the
command line is nothing but paths (as pre-commit runs it), so click is not even imported.
Both therefore behave the same by construction.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from statlint.output.terminal import shown

PROGRESS_FROM = 200  # files: fewer than this finish before a bar would help


class Exit(Exception):
    """Stop with this exit code (messages already written)."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class LintRequest:
    paths: tuple[str, ...]
    registries: tuple[str, ...] = ()
    fmt: str = "text"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    config_path: str | None = None
    no_config: bool = False
    diff_ref: str | None = None
    statistics: bool = False
    write_baseline: str | None = None
    no_baseline: bool = False
    jobs: int | None = None
    stdin_filename: str | None = None
    quiet: bool = False
    fix: bool = False  # write the safe fixes, then report what is left
    fix_in_place: bool = False  # --fix, writing into each file (hard links, read-only)
    show_diff: bool = False  # print the safe fixes as a unified diff; write nothing
    date: str | None = None  # the date every document speaks from (--date)


def say(message: str, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(shown(message))
    stream.flush()


def report_inputs(notes, problems) -> None:
    for note in notes:
        say(f"statlint: note: {shown(note, one_line=True)}\n", err=True)
    for problem in problems:
        say(f"statlint: error: {shown(problem, one_line=True)}\n", err=True)


def fail(messages) -> None:
    for message in messages:
        say(f"statlint: error: {shown(message, one_line=True)}\n", err=True)
    raise Exit(2)


def codes(value: str | None) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in (value or "").split(",") if code.strip())


def progress_bar(total: int):
    """A progress bar on stderr, for long runs at a terminal; None otherwise."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        return None
    import click  # only a long run at a terminal draws a bar

    bar = click.progressbar(length=total, label="linting", file=sys.stderr)
    bar.render_progress()

    def advance(path: str) -> None:
        bar.update(1)
        if bar.finished:
            bar.render_finish()

    return advance


def lint(request: LintRequest) -> int:
    """Run the lint command; returns its exit code."""
    try:
        return _lint(request)
    except Exit as stop:
        return stop.code


def _lint(request: LintRequest) -> int:
    from statlint.errors import BaselineError, ChangesError, ConfigError, RegistryError
    from statlint.pipeline import Options, default_jobs
    from statlint.pipeline import lint as run_lint
    from statlint.policy.config import resolve

    options = Options(
        request.paths,
        request.registries,
        request.select,
        request.ignore,
        request.fail_on,
        request.stdin_filename,
        request.diff_ref,
        use_baseline=not (request.no_baseline or request.write_baseline),
        jobs=request.jobs or default_jobs(),
        date=request.date,
    )
    writer = None if request.quiet or request.write_baseline else _writer(request.fmt)
    try:
        config = resolve(request.config_path, not request.no_config)
        if request.show_diff:
            return _show_fixes(options, config)
        fix = request.fix or request.fix_in_place
        unwritten = (
            _write_fixes(options, config, request.quiet, request.fix_in_place) if fix else []
        )
        progress = None if request.quiet else progress_bar
        result = run_lint(options, config, progress=progress, sink=writer)
    except RegistryError as error:
        fail(error.problems)
    except (ConfigError, BaselineError, ChangesError) as error:
        fail([str(error)])
    result.problems += unwritten
    report_inputs(result.notes, result.problems)
    if request.write_baseline:
        return _write_baseline(request.write_baseline, result)
    if writer:
        writer.finish(result.files)
        registries = options.registries or config.registry
        if request.statistics:
            from statlint.output.report import statistics

            checked = result.checked if registries else None
            say(
                statistics(result.findings, result.statements, checked),
                err=request.fmt != "text",
            )
        if not registries:
            say(f"statlint: note: {no_registry_note()}\n", err=True)
        writer.summary(result.statements, result.checked, registries)
    return result.exit_code


def no_registry_note() -> str:
    """What to do when no registry was given, naming one nearby if there is one."""
    import os

    nearby = sorted(
        name
        for name in os.listdir(".")
        if name.lower().endswith((".yaml", ".yml")) and "registry" in name.lower()
    )
    how = f"--registry {nearby[0]}" if nearby else "--registry PATH"
    return (
        "no registry given, so only the registry-free rules ran (SL2xx); check figures "
        f"against one with {how}, or `registry = [...]` in statlint.toml (statlint init "
        "writes a starter)"
    )


def _fixes(options, config):
    from statlint.pipeline import fixes

    if "-" in options.paths:
        fail(["--fix and --show-diff work on files, not on standard input"])
    changed, notes = fixes(options, config)
    report_inputs(notes, [])
    return changed


def _show_fixes(options, config) -> int:
    """Print each file's fixes as a unified diff; 1 when there is any, as a check."""
    import difflib

    changed = _fixes(options, config)
    for file_fix in changed:
        before, after = (_text(data) for data in (file_fix.before, file_fix.after))
        diff = difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            *_labels(file_fix.path),
        )
        say("".join(line if line.endswith("\n") else line + "\n" for line in diff))
    return 1 if changed else 0


def _labels(path: str) -> tuple[str, str]:
    """The diff's file names: a/ and b/ before a relative path, as git and patch -p1 read."""
    import os

    return (path, path) if os.path.isabs(path) else (f"a/{path}", f"b/{path}")


def _text(data: bytes) -> str:
    from statlint.read.document import decode

    return decode(data, "")[0]


def _write_fixes(options, config, quiet: bool, in_place: bool) -> list[str]:
    """Write the fixes, each file whole or not at all; the files that could not be.
    A file that replacing would change beyond its text (read-only, hard-linked) is left
    with a note, unless `in_place` says to write into it."""
    from statlint.atomic import ChangedSinceRead, replacing_changes, write_atomic, write_in_place

    unwritten, fixed, files = [], 0, 0
    for file_fix in _fixes(options, config):
        try:
            refused = None if in_place else replacing_changes(file_fix.path)
            if refused:
                say(
                    f"statlint: note: {file_fix.path}: not fixed: {refused} "
                    "(--fix-in-place writes into it)\n",
                    err=True,
                )
                continue
            if in_place:
                write_in_place(file_fix.path, file_fix.after, expected=file_fix.before)
            else:
                write_atomic(file_fix.path, file_fix.after, expected=file_fix.before)
        except ChangedSinceRead as error:
            unwritten.append(str(error))
            continue
        except OSError as error:
            unwritten.append(f"{file_fix.path}: cannot write ({error.strerror or error})")
            continue
        fixed, files = fixed + file_fix.fixed, files + 1
    if not quiet:
        say(f"statlint: fixed {fixed} finding(s) in {files} file(s)\n", err=True)
    return unwritten


def _write_baseline(path: str, result) -> int:
    from statlint.policy.baseline import BaselineError, write

    try:
        count = write(path, result.findings)
    except BaselineError as error:
        fail([str(error)])
    say(f"statlint: recorded {count} finding(s) in {path}\n", err=True)
    return 2 if result.problems else 0


class _writer:
    """Writes a report while the lint runs: the head with the first file's findings (so a
    settings error before any file writes no half report), the tail at the end."""

    def __init__(self, fmt: str):
        from statlint.output.report import LINT_FORMATS, Totals

        self.format = LINT_FORMATS[fmt]()
        self.totals = Totals()
        self.started = False

    def __call__(self, findings) -> None:
        if not self.started:
            say(self.format.head())
            self.started = True
        self.totals.add(findings)
        if findings:
            say(self.format.body(findings))

    def finish(self, files: int) -> None:
        self([])
        self.totals.files = files
        say(self.format.tail(self.totals))

    def summary(self, statements: int, checked: int, registries) -> None:
        from statlint.output.report import summary_line

        say(summary_line(self.totals, statements, checked, registries), err=True)
