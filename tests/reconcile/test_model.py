"""The shapes reconciliation works on (reconcile/model.py), built from plain records."""
from __future__ import annotations

from datetime import date

from pactwatch.reconcile.model import (ActorResolver, DocumentCitation, document_citation, quantity_mention,
                                       undated_validity)

from reconcile_records import qty


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
