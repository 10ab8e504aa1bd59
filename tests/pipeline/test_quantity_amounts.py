"""Finding amounts (pipeline/quantity_amounts.py) and the currency they are in."""
from __future__ import annotations

import pytest

from pactwatch.pipeline.extensions import QUANTITIES


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
