"""The grammar's own examples parse whole, and the cheap scans that say where to try the
grammar find every place it parses: a number's start, a word inside every period."""

from __future__ import annotations

import pytest

from statlint import grammar
from statlint.grammar import amounts, periods, statements

from .conftest import ROOT

EXPRESSIONS = {
    "QUANTITY": amounts.QUANTITY,
    "STATEMENT": statements.STATEMENT,
    "PERIOD": periods.PERIOD,
    "PHRASE": periods.PHRASE,
}
EXAMPLES = [
    (name, line.strip())
    for module in (amounts, statements, periods)
    for name, block in module.EXAMPLES.items()
    for line in block.strip().splitlines()
]


@pytest.mark.parametrize("module", [amounts, statements, periods], ids=lambda m: m.__name__)
def test_every_example_parses_whole(module):
    for name, block in module.EXAMPLES.items():
        passed, results = EXPRESSIONS[name].run_tests(block, parse_all=True, print_results=False)
        assert passed, [text for text, result in results if isinstance(result, Exception)]


@pytest.mark.parametrize(
    ("name", "example"), [e for e in EXAMPLES if e[0] in ("QUANTITY", "STATEMENT")]
)
def test_the_scan_finds_every_number_the_grammar_reads(name, example):
    sentence = f"The report said that {example} in all."
    start = sentence.index(example)
    found = grammar.statement_at(sentence, start, 0, len(sentence))
    if found is None:  # a lead: the number is further on
        anchors = grammar.quantity_anchors(sentence, start, start + len(example))
        found = next(
            (grammar.statement_at(sentence, a, start, len(sentence)) for a in anchors), None
        )
    assert found is not None, example
    assert found[0].quantity.start in grammar.quantity_anchors(sentence, 0, len(sentence))


@pytest.mark.parametrize(("name", "example"), [e for e in EXAMPLES if e[0] in ("PERIOD", "PHRASE")])
def test_the_scan_finds_a_word_in_every_period_the_grammar_reads(name, example):
    sentence = f"Figures rose by 5% {example}, the report said."
    start = sentence.index(example)
    anchors = grammar.period_anchors(sentence, start, start + len(example))
    assert anchors, example
    found = grammar.period_at(sentence, anchors[0], start, len(sentence))
    assert found is not None, example
    assert found[0].start <= start and found[1] >= start + len(example.rstrip(")")), example


def test_numbers_in_words_and_money_are_found_where_they_start():
    text = (
        "Twenty-five, one-third, a quarter, £5m, US$3bn, (-47) and 1,234 but not SE1 or Covid-19."
    )
    found = [text[a : a + 4] for a in grammar.quantity_anchors(text, 0, len(text))]
    assert found == ["Twen", "one-", "a qu", "£5m,", "US$3", "-47)", "1,23"]


def test_docs_list_every_form_the_grammar_reads():
    """docs/reading.md lists the grammar's examples: a form added to the grammar is
    added to the documentation."""
    documented = (ROOT / "docs" / "reading.md").read_text(encoding="utf-8")
    for module in (amounts, statements, periods):
        for examples in module.EXAMPLES.values():
            for example in filter(None, (line.strip() for line in examples.splitlines())):
                assert f'"{example}"' in documented, example
