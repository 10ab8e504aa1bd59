"""The shapes reconciliation works on (reconcile/model.py): mentions built from hand-made records,
the actor resolver over a small fake KB."""
from __future__ import annotations

from datetime import date

import datetime as dt

import pytest

from pactwatch.reconcile.model import (ActorResolver, DocumentCitation, document_citation, event_mention, is_prior,
                                       kb_find, quantity_mention, stable_id, undated_validity)

from reconcile_records import FakeKB, doc, event, qty

DAY = dt.date


@pytest.fixture
def kb() -> FakeKB:
    return FakeKB([
        # a president who held office in one state and now leads another: the latest office counts
        {"id": "Q1", "name": "Alice Park", "type": "PERSON", "aliases": ["President Park"], "acts_for": None,
         "roles": [{"role": "president", "of": "Q2", "start": "2013-03-01", "end": "2017-03-01"},
                   {"role": "president", "of": "Q3", "start": "2021-03-01", "end": None}]},
        {"id": "Q2", "name": "Freedonia", "type": "GPE", "aliases": [], "acts_for": None, "roles": []},
        {"id": "Q3", "name": "Sylvania", "type": "GPE", "aliases": [], "acts_for": None, "roles": []},
        {"id": "Q4", "name": "Freedonian Border Agency", "type": "ORG", "aliases": [], "acts_for": "Q2", "roles": []},
    ])


@pytest.mark.parametrize("status, days", [("agreed", 183), ("pledged", 183), ("actual", 30), (None, 30)])
def test_model_undated_validity_is_longer_for_commitments(status, days):
    assert undated_validity(status) == days


@pytest.mark.parametrize("change, prior", [
    ({"role": "before"}, True), ("from", True), (" Previous ", True),
    ({"role": "after"}, False), ("to", False), (None, False), ({"role": 3}, False),
])
def test_model_is_prior_marks_the_from_side_of_a_change(change, prior):
    assert is_prior(change) is prior


def test_model_document_anchors_are_published_then_anchor():
    d = document_citation({**doc("a", "2025-08-01"), "anchor": "2025-07-30"})
    assert isinstance(d, DocumentCitation) and d.anchors == ("2025-08-01", "2025-07-30")


def test_model_undated_figure_speaks_for_the_weeks_before_publication():
    m = quantity_mention(qty("a", 40000, "the 40,000 troops"), document_citation(doc("a", "2025-08-01")))
    assert m.span == (DAY(2025, 7, 2), DAY(2025, 8, 1))
    assert (m.measure, m.status, m.value, m.source) == ("troop_level", "actual", 40000.0, "https://news.example/a")


def test_model_undated_commitment_stands_half_a_year():
    m = quantity_mention(qty("a", 40000, "agreed to keep 40,000", status="agreed"), document_citation(doc("a", "2025-08-01")))
    assert m.span == (DAY(2025, 1, 30), DAY(2025, 8, 1))


def test_model_dated_figure_keeps_its_own_days_and_range():
    record = {**qty("a", 40000, "between 40,000 and 45,000 in March", time="2025-03"), "high": 45000}
    m = quantity_mention(record, document_citation(doc("a", "2025-08-01")))
    assert m.span == (DAY(2025, 3, 1), DAY(2025, 3, 31))
    assert (m.range.low, m.range.high) == (40000.0, 45000.0)


def test_model_percentage_points_are_a_unit_of_their_own():
    m = quantity_mention({**qty("a", 2, "up two points", unit="percent"), "points": True}, None)
    assert m.unit == "points"


@pytest.mark.parametrize("value", [True, "40000", None])
def test_model_a_record_without_a_number_is_no_quantity_mention(value):
    assert quantity_mention({**qty("a", 1, "x"), "value": value}, None) is None


def test_model_unknown_enumerations_are_dropped_not_kept():
    m = quantity_mention({**qty("a", 5, "x"), "payment": "maybe", "sufficiency": "lots", "measure": None,
                          "status": None, "included": ["Spain", 7]}, None)
    assert (m.payment, m.sufficiency, m.measure, m.status, m.included) == (None, None, "other", "actual", ("Spain",))


def test_model_event_mention_names_and_settled_date():
    record = event("a", "AGREE", "they agreed on Monday", read=False, date="2025-07-28", date_basis="explicit")
    record.update(source="Freedonia", target=["Sylvania", None, 3], quote_words=["agreed", "monday"])
    m = event_mention(record, document_citation(doc("a", "2025-08-01")))
    assert (m.sources, m.targets, m.actors) == (("Freedonia",), ("Sylvania",), ("Freedonia", "Sylvania"))
    assert m.basis == "explicit" and m.stated and m.window == (DAY(2025, 7, 28), DAY(2025, 7, 28))
    assert m.words == ("agreed", "monday")


def test_model_event_without_a_basis_waits_to_be_settled():
    m = event_mention(event("a", "AGREE", "they agreed", read=False, date="2025-07-28"), None)
    assert m.basis is None and not m.stated


def test_model_actor_resolver_keys_a_known_name_by_its_kb_name_and_state(kb):
    actors = ActorResolver(kb)
    assert (actors.key("President Park"), actors.state_of("President Park")) == ("alice park", "sylvania")
    assert actors.state_of("Freedonian Border Agency") == "freedonia"  # an agency acts for its state


def test_model_actor_resolver_normalises_an_unknown_name_and_ignores_none(kb):
    actors = ActorResolver(kb)
    assert actors.key("The  Unknown Body") == actors.state_of("The  Unknown Body") == "unknown body"
    assert actors.key(None) == actors.state_of("") == ""


class _ListKB:
    def find(self, name):
        return [{"name": "First"}, {"name": "Second"}] if name == "both" else []


class _BrokenKB:
    def find(self, name):
        raise RuntimeError("no answer")


def test_model_kb_find_tolerates_lists_and_failures():
    assert kb_find(_ListKB(), "both") == {"name": "First"}
    assert kb_find(_ListKB(), "none") is None
    assert kb_find(_BrokenKB(), "x") is None
    assert kb_find(None, "x") is None


def test_model_stable_id_depends_on_the_content_only():
    assert stable_id("c", ["a", 1]) == stable_id("c", ["a", 1])
    assert stable_id("c", ["a", 1]) != stable_id("c", ["a", 2])
    assert stable_id("c", ["a", 1]).startswith("c") and len(stable_id("c", ["a", 1])) == 17


def test_model_a_document_record_becomes_the_citation_its_facts_are_dated_by():
    cited = document_citation({"kind": "document", "doc_id": "a", "source": "https://news.example/a",
                               "title": "T", "published": None, "publisher": "Harbour Ledger",
                               "anchor": "2025-08-04", "text": "never kept"})
    assert cited == DocumentCitation("a", "https://news.example/a", "T", None, "Harbour Ledger", "2025-08-04")
    assert cited.anchors == (None, "2025-08-04")


def test_model_an_undated_figure_speaks_for_the_weeks_before_its_citation_date():
    cited = DocumentCitation("a", "s", published="2025-08-31")
    agreed = quantity_mention(qty("a", 15, "It is 15%.", status="agreed"), cited)
    actual = quantity_mention(qty("a", 15, "It is 15%.", status="actual"), cited)
    assert agreed.span == (date(2025, 8, 31).fromordinal(date(2025, 8, 31).toordinal() - undated_validity("agreed")),
                           date(2025, 8, 31))
    assert actual.span[0] > agreed.span[0] and agreed.source == "s" and agreed.published == "2025-08-31"
    assert quantity_mention(qty("a", 15, "It is 15%.", time="2024"), cited).span == (date(2024, 1, 1), date(2024, 12, 31))


def test_model_actor_resolver_without_knowledge_keys_by_name_key(leaders_kb):
    bare = ActorResolver()
    assert bare.key("The Border Agency") == "border agency" == bare.state_of("the border agency")
    known = ActorResolver(leaders_kb)
    assert known.state_of("Freedonian Border Agency") == "freedonia"
