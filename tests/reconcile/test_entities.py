"""Entities merged across documents: by KB id, else by normalised name and type."""
from __future__ import annotations

import pytest

from pactwatch.reconcile import merge_entities

from reconcile_records import entity


def test_entities_same_kb_id_merge_whatever_the_name():
    merged = merge_entities([entity("a", "Alice Park", "PERSON", "Q1", ["Park"]),
                             entity("b", "Alice Park", "PERSON", "Q1", ["President Park"]),
                             entity("c", "A. Park", "PERSON", "Q1")])
    assert len(merged) == 1
    assert merged[0]["name"] == "Alice Park"
    assert merged[0]["doc_ids"] == ["a", "b", "c"] and merged[0]["source_count"] == 3
    assert merged[0]["aliases"] == ["A. Park", "Park", "President Park"]


@pytest.mark.parametrize("first, second, same", [
    (("Korean Peninsula", "LOC"), ("the Korean peninsula", "LOC"), True),
    (("U.S.-Korea Working Group", "ORG"), ("US Korea working group", "ORG"), True),
    (("Georgia", "GPE"), ("Georgia", "PERSON"), False),
    (("Seoul", "GPE"), ("Sejong", "GPE"), False),
])
def test_entities_without_kb_id_merge_by_normalised_name_and_type(first, second, same):
    merged = merge_entities([entity("a", *first), entity("b", *second)])
    assert (len(merged) == 1) is same


def test_entities_most_cited_come_first_and_other_kinds_are_ignored():
    records = [entity("a", "Sylvania", "GPE"), entity("b", "Sylvania", "GPE"), entity("b", "Freedonia", "GPE"),
               {"kind": "quantity", "doc_id": "a", "name": "ignored"}]
    assert [e["name"] for e in merge_entities(records)] == ["Sylvania", "Freedonia"]
