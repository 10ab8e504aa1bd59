"""Finding amounts (pipeline/quantity_amounts.py) and the currency they are in: through the pipeline,
then directly with AmountFinder on tokenized or hand-built Docs."""
from __future__ import annotations

import pytest
import spacy

from pactwatch.knowledge import measures
from pactwatch.pipeline.extensions import QUANTITIES
from pactwatch.pipeline.quantity_amounts import AmountFinder

from hand_docs import parsed


def amounts(annotate, text: str) -> list[tuple[str, float, str]]:
    doc = annotate(text, "2025-08-01")
    return [(s.text, s._.quantity["value"], s._.quantity["unit"]) for s in doc.spans[QUANTITIES]]


@pytest.mark.parametrize("text, expected", [
    # the tokenizer splits "$US10" into "$" and "US10": the letters still say whose dollar it is
    ("Canberra set aside $US4 billion for the shipyard.", [("$US4 billion", 4_000_000_000, "USD")]),
    ("The fund holds $A7.5 billion in bonds.", [("$A7.5 billion", 7_500_000_000, "AUD")]),
    ("Wellington pledged $NZ300 million to the fund.", [("$NZ300 million", 300_000_000, "NZD")]),
])
def test_dollar_sign_split_from_its_country_letters(annotate, text, expected):
    assert amounts(annotate, text) == expected


def test_letters_and_digits_without_a_dollar_sign_are_no_amount(annotate):
    assert amounts(annotate, "The plane was tagged US10 at the airfield.") == []


def test_bracketed_bare_dollar_after_a_marked_us_dollar_is_the_local_dollar(annotate):
    found = amounts(annotate, "Australia has put $US2 billion ($3 billion) into the Adelaide yards, "
                              "Australian officials said.")
    assert found == [("$US2 billion", 2_000_000_000, "USD"), ("$3 billion", 3_000_000_000, "AUD")]


def test_bracketed_bare_dollar_stays_usd_without_a_marked_us_dollar(annotate):
    found = amounts(annotate, "Australia has put $2 billion ($3 billion) into the Adelaide yards.")
    assert [unit for _, _, unit in found] == ["USD", "USD"]


# ---------------------------------------------------------------- AmountFinder directly (no model)

@pytest.fixture(scope="module")
def finder():
    return AmountFinder(measures.load())


@pytest.fixture(scope="module")
def tokenize():
    return spacy.blank("en")


@pytest.mark.parametrize("text, expected", [
    ("Seoul pledged $350 billion to the fund.", [("$350 billion", 350e9, "USD", None, False)]),
    ("It set aside W3.5 trillion.", [("W3.5 trillion", 3.5e12, "KRW", None, False)]),
    ("a loan of US$2.5bn", [("US$2.5bn", 2.5e9, "USD", None, False)]),
    ("a billion dollars", [("a billion dollars", 1e9, "USD", None, False)]),
    ("a 15 percent tariff", [("15 percent", 15, "percent", None, False)]),
    ("a 10-15% levy", [("10-15%", 10, "percent", 15, False)]),
    ("support rose 2 percentage points", [("2 percentage points", 2, "percent", None, True)]),
])
def test_quantity_amounts_direct_value_unit_range_and_points(finder, tokenize, text, expected):
    doc = tokenize(text)
    amounts, _ = finder.find(doc)
    assert [(doc[a.start:a.end].text, a.value, a.unit, a.high, a.points) for a in amounts] == expected


@pytest.mark.parametrize("text", ["The plan dates from 2025.", "See page 12.", "in the 1990s"])
def test_quantity_amounts_direct_years_and_page_numbers_are_no_amounts(finder, tokenize, text):
    assert finder.find(tokenize(text)) == ([], [])


def test_quantity_amounts_direct_a_number_without_a_unit_is_kept_bare(finder, tokenize):
    doc = tokenize("cut from 28,500 to 10,000")
    amounts, bare = finder.find(doc)
    assert amounts == [] and [(a.value, a.unit) for a in bare] == [(28500, None), (10000, None)]


def test_quantity_amounts_direct_a_count_of_people_needs_a_plural_person_noun(finder):
    # more than 300 workers were detained / 300 apples
    doc = parsed([("more", 1, "amod", "ADJ", "JJR"), ("than", 2, "quantmod", "ADP"), ("300", 3, "nummod", "NUM"),
                  ("workers", 5, "nsubjpass", "NOUN", "NNS", "worker"), ("were", 5, "auxpass", "AUX"),
                  ("detained", 5, "ROOT", "VERB", "VBN", "detain")])
    [a], _ = finder.find(doc)
    assert (doc[a.start:a.end].text, a.value, a.unit, a.kind, a.qualifier) == ("300 workers", 300, "persons", "persons", "more than")
    doc = parsed([("300", 1, "nummod", "NUM"), ("apples", 1, "ROOT", "NOUN", "NNS", "apple")])
    assert finder.find(doc)[0] == []
