"""Property-based tests: for any text, extraction and lint never raise, every location lies
inside the text and names the statement's own text, and line endings and a BOM change
nothing; for any YAML or JSON given as a registry, the answer is a registry or a clear
error, never a traceback."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statlint.errors import RegistryError
from statlint.extract.claims import extract
from statlint.pipeline import Options, fixes, lint
from statlint.policy.config import Config
from statlint.read import from_bytes
from statlint.read.document import Document
from statlint.registry.load import load

from .conftest import ROOT

LONDON = str(ROOT / "fixtures" / "registries" / "london.yaml")
PIECES = [
    "24%",
    " fell ",
    "since 2019",
    "£1.5m",
    "nearly",
    " 500 (497) ",
    "(down 3%)",
    "\n- ",
    ":\n",
    "from 2,117 to 2,390",
    " in the year to March 2025",
    "a third of",
    "halved",
    "twelve",
    "\n\n",
    " per cent ",
    "£",
    "%",
    "(",
    ")",
    ";",
    "., ",
    "2024/25",
    "Non-DA",
    " homicides",
    " officers",
    "\u00a0",
    "\t",
    " statlint: ignore[SL101]",
    "<!--",
    "-->",
    " between October 2023 and January 2024",
    " more than ",
    " up to ",
    "é",
    "𝟚",
]
DRAFTS = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=300),  # encodable text
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(DRAFTS)
def test_extraction_never_raises_and_locations_are_the_statements(text):
    document = Document.from_text("draft.txt", text)
    for claim in extract(document):
        assert 0 <= claim.start < claim.end <= len(document.text)
        assert (claim.line, claim.column) <= (claim.end_line, claim.end_column)
        assert claim.text == " ".join(document.text[claim.start : claim.end].split())
        if claim.line == claim.end_line:
            shown = document.line(claim.line)[claim.column - 1 : claim.end_column - 1]
            assert " ".join(shown.split()) == claim.text


def _fields(document):
    return [
        (c.line, c.column, c.end_line, c.end_column, c.value, c.unit, c.subject, c.period)
        for c in extract(document)
    ]


@SETTINGS
@given(DRAFTS)
def test_line_endings_and_a_bom_change_nothing(text):
    text = text.replace("\r", "").replace("\x00", "")  # a NUL makes it a binary file
    plain = from_bytes(text.encode("utf-8"), "draft.txt")
    for variant in (
        text.replace("\n", "\r\n"),
        "\ufeff" + text,
        "\ufeff" + text.replace("\n", "\r\n"),
    ):
        assert _fields(from_bytes(variant.encode("utf-8"), "draft.txt")) == _fields(plain)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DRAFTS, st.sampled_from(["draft.txt", "draft.md", "draft.html"]))
def test_lint_never_raises_on_any_draft(text, name):
    options = Options(("-",), (LONDON,), stdin_filename=name)
    result = lint(options, Config(), stdin=lambda: text.encode("utf-8"))
    if "\x00" in text:  # a NUL byte makes it a binary file: reported, not linted
        assert result.exit_code == 2 and result.problems == [
            f"{name}: binary file (not text), skipped"
        ]
        return
    assert result.problems == []
    failing = any(f.severity in ("error", "warning") for f in result.findings)
    assert result.exit_code == (1 if failing else 0)
    lines = text.replace("\r\n", "\n").count("\n") + 1
    for finding in result.findings:
        assert 1 <= finding.line <= finding.end_line <= lines and finding.column >= 1


FIXABLE_PIECES = [
    "Since 2019 there has been a ",
    "21% reduction in homicides",
    " 22 per cent fall in knife crime with injury for those aged under-25",
    "The number of police officers hits 33,000",
    " around 30,000 police officers",
    "a new £40m Young Londoners Fund",
    " (year to March 2025)",
    " (May 2024)",
    ", and ",
    ". ",
]
FIXABLE = st.lists(
    st.one_of(st.sampled_from(FIXABLE_PIECES), st.sampled_from(PIECES)), max_size=30
).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FIXABLE, st.sampled_from(["draft.txt", "draft.md", "draft.html"]), st.booleans())
def test_fixing_never_raises_and_a_second_fix_finds_nothing_to_do(
    tmp_path_factory, text, name, crlf
):
    draft = tmp_path_factory.mktemp("fix") / name
    draft.write_bytes(text.replace("\n", "\r\n" if crlf else "\n").encode("utf-8"))
    options = Options((str(draft),), (LONDON,))
    written = draft.read_bytes()
    changed, _ = fixes(options, Config())
    assert draft.read_bytes() == written  # working out the fixes writes nothing
    if not changed:
        return
    # a fix is written only where a finding offers one (one that would not resolve its
    # finding, as a period added to "more than 21%", is offered but not written)
    assert [f for f in lint(options, Config()).findings if f.fix]
    (once,) = changed
    assert once.before == draft.read_bytes() and once.after != once.before
    draft.write_bytes(once.after)
    assert fixes(options, Config())[0] == []  # the fixpoint was reached in one run
    errors = [f for f in lint(options, Config()).findings if f.severity == "error"]
    draft.write_bytes(once.before)
    assert len(errors) <= len(
        [f for f in lint(options, Config()).findings if f.severity == "error"]
    )


MOVING_SENTENCES = [
    "The number of police officers has fallen to 33,000.",
    "The number of police officers rose to 33,000.",
    "Police officers hit a record 33,000.",
    "Police officers are down from 33,000.",
    "There are more than 33,000 police officers.",
    "There are nearly 35,000 police officers.",
    "The number of police officers hits 33,000.",
    "Homicides fell 21% in the year to March 2025 compared with 2019.",
    "Homicides rose 21% in the year to March 2025 compared with 2019.",
    "Since 2019 there has been a 22 per cent reduction in homicides.",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(MOVING_SENTENCES), min_size=1, max_size=6).map(" ".join))
def test_a_fix_never_brings_a_direction_or_approximation_problem(tmp_path_factory, text):
    draft = tmp_path_factory.mktemp("moving") / "draft.txt"
    draft.write_text(text + "\n")
    options = Options((str(draft),), (LONDON,))

    def problems() -> list[str]:
        found = lint(options, Config()).findings
        return sorted(f.code for f in found if f.code in ("SL105", "SL106"))

    before = problems()
    for file_fix in fixes(options, Config())[0]:
        draft.write_bytes(file_fix.after)
    after = problems()
    assert all(after.count(code) <= before.count(code) for code in set(after)), draft.read_text()


SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=25,
)
REGISTRY_LIKE = st.fixed_dictionaries(
    {"version": st.one_of(st.just(1), SCALARS), "metrics": TREES, "figures": TREES}
)


@SETTINGS
@given(st.one_of(TREES, REGISTRY_LIKE), st.sampled_from(["yaml", "json"]))
def test_any_yaml_or_json_registry_is_a_registry_or_a_clear_error(tmp_path_factory, data, kind):
    path = tmp_path_factory.mktemp("registry") / f"registry.{kind}"
    text = json.dumps(data) if kind == "json" else yaml.safe_dump(data)
    path.write_text(text, encoding="utf-8")
    try:
        load(path)
    except RegistryError as error:
        assert all(problem.startswith(str(path)) for problem in error.problems)


@SETTINGS
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=200))
def test_any_text_as_a_registry_is_a_registry_or_a_clear_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("registry") / "registry.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load(path)
    except RegistryError as error:
        assert error.problems and all(p.startswith(str(path)) for p in error.problems)


@pytest.mark.parametrize("text", ["", "\n", "\ufeff", "   \n\n  "])
def test_empty_drafts_have_no_statements(text):
    assert extract(Document.from_text("empty.txt", text)) == []
