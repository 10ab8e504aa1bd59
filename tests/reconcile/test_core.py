"""Blocks, filing and the reconciliation entry points (reconcile/core.py), over hand-made records."""
from __future__ import annotations

import datetime as dt

import pytest

from pactwatch.reconcile import core
from pactwatch.reconcile.model import ActorResolver

from reconcile_records import doc, event, qty


@pytest.mark.parametrize("key, step, expected", [
    ("e|AGREE|2025-12", 1, "e|AGREE|2026-01"),              # months roll over the year
    ("q|troop_level|persons|-|2025", -1, "q|troop_level|persons|-|2024"),
    ("q|troop_level|persons|-|undated", 1, None),           # an undated block has no neighbour
])
def test_core_neighbour_block(key, step, expected):
    assert core.neighbour_block(key, step) == expected


def test_core_recompute_takes_the_block_before_and_reading_the_one_after():
    recompute = core.blocks_to_recompute({"q|m|persons|-|2025"})
    assert recompute == {"q|m|persons|-|2025", "q|m|persons|-|2024"}
    assert core.blocks_to_read(recompute) == recompute | {"q|m|persons|-|2026", "q|m|persons|-|undated"}
    assert core.blocks_to_read({"e|AGREE|2025-03"}) == {"e|AGREE|2025-03", "e|AGREE|2025-04"}


def test_core_a_record_is_filed_once():
    blocks = core.Blocks(ActorResolver())
    record = qty("a", 40000, "the 40,000 troops", time="2025")
    key = blocks.add(record)
    assert key is not None and key.endswith("|2025")
    assert blocks.add(dict(record)) is None
    assert len(blocks.quantities[key]) == 1


def test_core_document_and_entity_records_file_no_fact():
    blocks = core.Blocks(ActorResolver())
    assert blocks.add(doc("a", "2025-08-01")) is None
    assert blocks.add({"kind": "entity", "doc_id": "a", "name": "Freedonia", "type": "GPE"}) is None
    assert blocks.citations["a"].published == "2025-08-01"
    assert blocks.entity_types["a"] == {"freedonia": "GPE"}


def test_core_a_figure_filed_before_its_document_gets_its_source_and_days():
    blocks = core.gather([qty("a", 40000, "the 40,000 troops"), doc("a", "2025-08-01")])
    # filed under each state it concerns, one mention in each
    [m] = {id(m): m for ms in blocks.quantities.values() for m in ms}.values()
    assert m.source == "https://news.example/a"
    assert m.span == (dt.date(2025, 7, 2), dt.date(2025, 8, 1))
    assert blocks.unattached == []


def test_core_event_date_basis_settles_from_the_documents_timexes():
    quote = "The two sides signed the pact on July 28."
    record = event("a", "AGREE", quote, read=False, date="2025-07-28")
    when = {"kind": "timex", "doc_id": "a", "text": "July 28", "start": record["start"] + quote.index("July 28"),
            "end": record["start"] + quote.index("July 28") + 7, "type": "DATE", "value": "2025-07-28"}
    blocks = core.gather([doc("a", "2025-08-01"), record, when])
    [m] = blocks.doc_events["a"]
    assert m.stated and m.window[0] == dt.date(2025, 7, 28)
    assert blocks.unsettled == []


def test_core_value_conflict_names_both_sides_with_outlet_date_and_severity():
    records = [doc("a", "2025-09-08"), doc("b", "2025-09-09"),
               qty("a", 120, "120 workers were held", measure="detained_persons", time="2025-09-04"),
               qty("b", 480, "480 workers were held", measure="detained_persons", time="2025-09-04")]
    [conflict] = core.find_conflicts(records)
    assert conflict["type"] == "value" and conflict["severity"] == "high"
    assert {(i["doc_id"], i["outlet"], i["date"]) for i in conflict["items"]} == {
        ("a", "https://news.example/a", "2025-09-08"), ("b", "https://news.example/b", "2025-09-09")}


def test_core_agreeing_figures_make_one_cluster_and_no_conflict():
    records = [doc("a", "2025-09-08"), doc("b", "2025-09-09"),
               qty("a", 120, "120 workers were held", measure="detained_persons", time="2025-09-04"),
               qty("b", 120, "some 120 workers", measure="detained_persons", time="2025-09-04", qualifier="about")]
    result = core.reconcile(records)
    assert result.conflicts == []
    assert [len(c["mentions"]) for c in result.clusters if c["fact"] == "quantity"] == [2]


def test_core_finish_conflict_keeps_what_the_rule_set():
    blocks = core.gather([doc("a", "2025-09-08")])
    conflict = {"type": "chronology", "severity": "low",
                "items": [{"doc_id": "a", "outlet": "The Ledger", "date": "2025-09-01"}, {"doc_id": "zz"}]}
    done = core.finish_conflict(conflict, blocks)
    assert done["severity"] == "low"
    assert done["items"][0] == {"doc_id": "a", "outlet": "The Ledger", "date": "2025-09-01",
                                "source": "https://news.example/a"}
    assert done["items"][1] == {"doc_id": "zz"}  # no such document: left as it came
