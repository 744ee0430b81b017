"""Load and validate the canonical figures registry (registry-v1): YAML or JSON.

Every problem is reported with the file, line and YAML path of the key, never a traceback.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from functools import lru_cache

from statlint import diskcache, periods
from statlint.check.units import DURATIONS
from statlint.check.words import NO_VOCABULARY, Vocabulary, metric_words, word_set
from statlint.errors import RegistryError
from statlint.periods import Period

UNITS = ("percent", "percentage_points", "count", "GBP", "USD", "EUR", *DURATIONS)
MAX_NODES = 50_000  # nodes: a hand-made registry has a few thousand; an alias bomb, billions
MAX_DEPTH = 64  # levels of nesting: the format has five
MAX_BYTES = 10_000_000  # a registry is written by hand: larger is a mistake or an attack
SAFE_TAGS = (
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
)  # a YAML alias bomb expands past this and is refused


@dataclass(frozen=True, slots=True)
class Metric:
    id: str
    name: str
    aliases: tuple[str, ...]
    description: str = ""
    vocabulary: Vocabulary = NO_VOCABULARY


@dataclass(frozen=True, slots=True)
class Figure:
    metric: str
    value: float
    unit: str
    period: Period
    baseline: Period | None = None
    published: str | None = None
    source: str | None = None
    status: str = "current"
    where: str = ""  # "file:line" of the figure in the registry
    target: bool = False  # a target, pledge or standard, not an outturn
    per: str | None = None  # a rate's denominator: "100000", "year" (v1.1)

    @property
    def kind(self) -> str:
        return "change" if self.baseline else "level"


@dataclass(frozen=True, slots=True)
class Registry:
    metrics: dict[str, Metric] = field(default_factory=dict)
    figures: tuple[Figure, ...] = ()
    vocabulary: Vocabulary = NO_VOCABULARY
    financial_year_start: int = 4  # the month a financial year starts: April unless said

    def figures_of(self, metric: str) -> list[Figure]:
        return [figure for figure in self.figures if figure.metric == metric]


# ---- reading YAML with line numbers -------------------------------------------------------
def _compose(text: str, name: str):
    import yaml

    class Bounded(yaml.SafeLoader):
        """Stops composing once the registry has too many nodes or nests too deeply,
        before the whole document has been read."""

        nodes, depth = 0, 0

        def compose_node(self, parent, index):
            self.nodes, self.depth = self.nodes + 1, self.depth + 1
            mark = self.peek_event().start_mark
            if self.nodes > MAX_NODES:
                raise RegistryError([f"{name}:{mark.line + 1}: more than {MAX_NODES:,} entries"])
            if self.depth > MAX_DEPTH:
                raise RegistryError([f"{name}:{mark.line + 1}: nested over {MAX_DEPTH} deep"])
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    try:
        return yaml.compose(text, Loader=Bounded)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise RegistryError([f"{name}{line}: not valid YAML or JSON: {problem}"]) from None


def _plain(node, path: tuple, lines: dict, name: str, budget: list[int]):
    """A composed YAML node as plain data, recording the line of every path."""
    import yaml

    budget[0] -= 1
    if budget[0] < 0:
        raise RegistryError([f"{name}: too large or too deeply aliased (alias bomb?)"])
    lines.setdefault(path, node.start_mark.line + 1)
    if not isinstance(node, yaml.ScalarNode) and node.tag not in SAFE_TAGS:
        line = node.start_mark.line + 1
        raise RegistryError([f"{name}:{line}: {_dotted(path)}: tag {node.tag!r} is not allowed"])
    if isinstance(node, yaml.MappingNode):
        data = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, name)
            if key in data:
                where = f"{name}:{key_node.start_mark.line + 1}"
                raise RegistryError([f"{where}: {_dotted((*path, key))}: duplicate key"])
            key_path = (*path, key)
            lines[key_path] = key_node.start_mark.line + 1
            data[key] = _plain(value_node, key_path, lines, name, budget)
        return data
    if isinstance(node, yaml.SequenceNode):
        return [
            _plain(item, (*path, index), lines, name, budget)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node, name)


def _scalar(node, name: str):
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        raise RegistryError([f"{name}:{node.start_mark.line + 1}: a key must be plain text"])
    line = node.start_mark.line + 1
    try:
        value = yaml.SafeLoader("").construct_object(node)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or "unsupported value"
        raise RegistryError([f"{name}:{line}: {problem}"]) from None
    if isinstance(value, float) and not math.isfinite(value):
        raise RegistryError([f"{name}:{line}: {node.value!r} is not a finite number"])
    return value


def _dotted(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


# ---- validation ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _validator():
    import json
    from importlib import resources

    import jsonschema

    schema = json.loads(resources.files("statlint.registry").joinpath("schema.json").read_text())
    return jsonschema.Draft202012Validator(schema)


def _schema_problems(data, lines: dict, name: str) -> list[str]:
    problems = []
    for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path))):
        path = tuple(error.absolute_path)
        message = error.message
        if error.validator == "additionalProperties":
            unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            path, message = (*path, unknown[0]), "unknown key"
        elif error.validator == "type" and error.validator_value == "string" and path:
            message = _quote_it(path[-1], error.instance) or message
        problems.append(f"{name}:{_line_of(path, lines)}: {_dotted(path)}: {message}")
    return problems


def _quote_it(key, value) -> str | None:
    """A date or a year YAML read as a date or a number where text is wanted: what to write."""
    import datetime

    if isinstance(value, datetime.date):
        written = value.isoformat()
    elif isinstance(value, int) and not isinstance(value, bool):
        written = str(value)
    else:
        return None
    kind = "date" if isinstance(value, datetime.date) else "number"
    return f'YAML reads {written} unquoted as a {kind}: write {key}: "{written}"'


def _period_problems(data, lines: dict, name: str) -> list[str]:
    """Periods and baselines that are not ISO periods (with the ISO form of what was
    written, when it can be read), and baselines later than their periods; checked with
    the schema, so that one pass reports every problem."""
    problems: list[str] = []
    figures = data.get("figures") if isinstance(data, dict) else None
    first_month = data.get("financial_year_start", 4) if isinstance(data, dict) else 4
    for index, entry in enumerate(figures if isinstance(figures, list) else []):
        if not isinstance(entry, dict):
            continue
        found = {}
        for key in ("period", "baseline"):
            if isinstance(entry.get(key), str):
                path = ("figures", index, key)
                found[key] = _period(entry[key], path, lines, name, problems, first_month)
        period, baseline = found.get("period"), found.get("baseline")
        if period is not None and baseline is not None and _later(baseline, period):
            where = f"{name}:{_line_of(('figures', index, 'baseline'), lines)}"
            problems.append(
                f"{where}: {_dotted(('figures', index, 'baseline'))}: the baseline "
                f"{entry['baseline']} is later than the period {entry['period']}: a change "
                "is measured from an earlier baseline"
            )
    return problems


def _later(baseline: Period, period: Period) -> bool:
    return baseline.start.first_day() > period.start.first_day() or (
        baseline.end.last_day() > period.end.last_day()
    )


def _line_number(problem: str) -> int:
    """The line a problem names ("registry.yaml:12: ..."), to list them in file order."""
    parts = problem.split(":")
    return next((int(part) for part in parts[1:3] if part.strip().isdigit()), 0)


def _line_of(path: tuple, lines: dict) -> int:
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)


def _period(value, path, lines, name, problems, first_month: int = 4) -> Period | None:
    try:
        return periods.parse(value)
    except periods.PeriodError as error:
        meant = _iso_for(value, first_month)
        hint = f'; for {value!r} write {path[-1]}: "{meant}"' if meant else ""
        problems.append(
            f"{name}:{_line_of(path, lines)}: {_dotted(path)}: bad period: {error}{hint}"
        )
        return None


def _iso_for(written: str, first_month: int) -> str | None:
    """The ISO period a period written as in prose means ("2025/26", "FY 2024/25", "May
    2024", "April 2023 to March 2024"), read by statlint's own period grammar."""
    from statlint import grammar
    from statlint.extract.timeline import Frame, resolve_spec

    text = f"in {written}"
    try:
        found = grammar.period_at(text, 3, 0, len(text))
    except Exception:  # what cannot be read as prose gets no hint
        return None
    if found is None or found[1] != len(text):
        return None
    period = resolve_spec(found[0].spec, Frame(None, fy_start=first_month), found[0].lead)
    return str(period) if period is not None else None


def vocabulary_of(entry: dict) -> Vocabulary:
    """The `vocabulary` and `place` of a registry or a metric, as sets of words."""
    written = entry.get("vocabulary") or {}
    synonyms: dict[str, str] = {}
    groups = written.get("synonyms") or {}
    pairs = (
        groups.items()
        if isinstance(groups, dict)
        else ((word, group[0]) for group in groups for word in group[1:])
    )
    for word, meaning in pairs:
        for token in word_set([word]):
            synonyms[token] = next(iter(sorted(word_set([meaning]))), token)
    place = entry.get("place") or []
    return Vocabulary(
        synonyms,
        word_set(written.get("filler") or []),
        word_set(written.get("qualifiers") or []),
        word_set([place] if isinstance(place, str) else place),
    )


def _build(data: dict, lines: dict, name: str) -> tuple[Registry, list[str]]:
    problems: list[str] = []
    metrics = {
        metric_id: Metric(
            metric_id,
            entry["name"],
            tuple(entry["aliases"]),
            entry.get("description", ""),
            vocabulary_of(entry),
        )
        for metric_id, entry in data["metrics"].items()
    }
    vocabulary = vocabulary_of(data)
    problems += _alias_clashes(metrics, lines, name)
    figures = []
    seen: dict[tuple, int] = {}
    for index, entry in enumerate(data.get("figures", [])):
        path = ("figures", index)
        line = _line_of(path, lines)
        if entry["metric"] not in metrics:
            problems.append(
                f"{name}:{_line_of((*path, 'metric'), lines)}: {_dotted((*path, 'metric'))}: "
                f"unknown metric {entry['metric']!r} (not under metrics:)"
            )
        unit, per = _unit_and_per(entry)
        if unit not in UNITS:  # checked here too: cached data skips the schema
            problems.append(f"{name}:{line}: {_dotted((*path, 'unit'))}: unknown unit")
            continue
        period = _period(entry["period"], (*path, "period"), lines, name, problems)
        baseline = None
        if "baseline" in entry:
            baseline = _period(entry["baseline"], (*path, "baseline"), lines, name, problems)
        if period is None or ("baseline" in entry and baseline is None):
            continue
        key = (entry["metric"], unit, per, str(baseline), str(period), entry.get("target"))
        withdrawn = entry.get("status") == "withdrawn"  # its correction shares the key
        if key in seen and not withdrawn:
            problems.append(
                f"{name}:{line}: {_dotted(path)}: duplicate figure: the same metric, unit, "
                f"baseline and period as the figure at line {seen[key]}"
            )
        if not withdrawn:
            seen[key] = line
        figures.append(
            Figure(
                metric=entry["metric"],
                value=float(entry["value"]),
                unit=unit,
                period=period,
                baseline=baseline,
                published=entry.get("published"),
                source=entry.get("source"),
                status=entry.get("status", "current"),
                where=f"{name}:{line}",
                target=bool(entry.get("target", False)),
                per=per,
            )
        )
    fy_start = data.get("financial_year_start", 4)
    return Registry(metrics, tuple(figures), vocabulary, fy_start), problems


def _unit_and_per(entry: dict) -> tuple[str, str | None]:
    """("count", "100000") for `unit: {per: 100000}`; ("GBP", "year") for `unit: GBP` with
    `per: year`; (unit, None) for a plain amount."""
    unit, per = entry["unit"], entry.get("per")
    if isinstance(unit, dict):
        return "count", str(unit["per"])
    return str(unit), (str(per) if per is not None else None)


def _alias_clashes(metrics: dict[str, Metric], lines: dict, name: str) -> list[str]:
    owner: dict[frozenset, str] = {}
    problems = []
    for metric in metrics.values():
        for index, alias in enumerate(metric.aliases):
            words = metric_words(alias, metric.vocabulary)
            other = owner.setdefault(words, metric.id)
            if other != metric.id:
                path = ("metrics", metric.id, "aliases", index)
                problems.append(
                    f"{name}:{_line_of(path, lines)}: {_dotted(path)}: alias {alias!r} is "
                    f"also an alias of metric {other!r}"
                )
    return problems


def load(path: str | os.PathLike) -> Registry:
    """Read and validate one registry file. Raises RegistryError listing every problem.

    A registry whose exact bytes validated before is read from the cache: no YAML parsing,
    no schema validation (whose imports alone cost ~100 ms)."""
    name = str(path)
    from statlint.read.files import read_bytes

    try:
        data = read_bytes(path, MAX_BYTES)
    except OSError as error:
        raise RegistryError([f"{name}: cannot read registry ({error.strerror or error})"]) from None
    if len(data) > MAX_BYTES:
        raise RegistryError(
            [f"{name}: too large for a registry (over {MAX_BYTES // 1_000_000} MB), not read"]
        )
    cached = _cached(data, name)
    if cached is not None:
        return cached
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RegistryError([f"{name}: cannot read registry ({error})"]) from None
    registry, plain = _validated(text, name)
    _store(data, plain, name)
    return registry


def _validated(text: str, name: str) -> tuple[Registry, tuple]:
    """The registry, and what it was built from (data and lines) for the cache."""
    node = _compose(text, name)
    if node is None:
        raise RegistryError([f"{name}:1: (top level): the registry is empty"])
    lines: dict = {}
    data = _plain(node, (), lines, name, [MAX_NODES])
    problems = _schema_problems(data, lines, name) + _period_problems(data, lines, name)
    if problems:
        raise RegistryError(sorted(problems, key=_line_number))
    registry, problems = _build(data, lines, name)
    if problems:
        raise RegistryError(problems)
    return registry, (data, lines)


# ---- validated registries kept in the cache -------------------------------------------
def _cached(data: bytes, name: str) -> Registry | None:
    """The registry built from the validated data the cache holds for exactly these
    bytes; None if none, or if what it holds does not build (it is then validated afresh,
    never trusted)."""
    stored = diskcache.lookup("registry", name, data)
    if stored is None:
        return None
    try:
        plain, line_list = stored["data"], stored["lines"]
        lines = {tuple(path): line for path, line in line_list}
        registry, problems = _build(plain, lines, name)
    except Exception:  # not what we stored: validate the registry afresh
        return None
    return None if problems else registry


def _store(data: bytes, built: tuple, name: str) -> None:
    plain, lines = built
    line_list = [[list(path), line] for path, line in lines.items()]
    diskcache.store("registry", name, data, {"data": plain, "lines": line_list})


def load_all(paths: list[str]) -> Registry:
    """Several registries read as one; a metric defined twice is a problem."""
    problems: list[str] = []
    metrics: dict[str, Metric] = {}
    figures: list[Figure] = []
    vocabulary = NO_VOCABULARY
    fy_starts: dict[int, str] = {}
    for path in paths:
        try:
            registry = load(path)
        except RegistryError as error:
            problems += error.problems
            continue
        fy_starts.setdefault(registry.financial_year_start, str(path))
        for metric_id in registry.metrics.keys() & metrics.keys():
            problems.append(f"{path}: metrics.{metric_id}: defined in another registry too")
        metrics.update(registry.metrics)
        figures.extend(registry.figures)
        vocabulary = vocabulary.merged(registry.vocabulary)
    if len(fy_starts) > 1:
        problems.append(f"{', '.join(fy_starts.values())}: financial_year_start differs")
    if problems:
        raise RegistryError(problems)
    fy_start = next(iter(fy_starts), 4)
    return Registry(metrics, tuple(figures), vocabulary, fy_start)
