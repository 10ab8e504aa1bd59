"""Doc -> entity records on a hand-built Doc (no model): one record per entity, by the one merge."""
from __future__ import annotations

import spacy
from spacy.tokens import Span

from pactwatch import facts
from pactwatch.pipeline.extensions import ACTORS


def _doc(words: list[str], actors: list[tuple[int, int, dict | None]], label: str = "ORG"):
    doc = spacy.blank("en").make_doc(" ".join(words))
    spans = []
    for start, end, actor in actors:
        span = Span(doc, start, end, label=label)
        span._.actor = actor
        spans.append(span)
    doc.spans[ACTORS] = spans
    return doc


def test_facts_entity_records_join_mentions_of_one_entity_by_kb_id_or_name_key():
    doc = _doc(["The", "Quay", "Fund", "met", "Freedonia", ";", "the", "quay", "fund", "and", "Freedonia", "agreed"],
               [(1, 3, {"kb_id": None, "name": "Quay Fund", "type": "ORG", "acts_for": "Freedonia"}),
                (4, 5, {"kb_id": "Q7", "name": "Freedonia", "type": "GPE"}),
                (6, 9, {"kb_id": None, "name": "the quay fund", "type": "ORG"}),
                (10, 11, {"kb_id": "Q7", "name": "Freedonia", "type": "GPE"})])
    records = facts.entity_records(doc, "d1")
    assert [r["name"] for r in records] == ["Quay Fund", "Freedonia"]
    fund = records[0]
    assert fund["aliases"] == ["Quay Fund", "the quay fund"]
    assert fund["mentions"] == [{"start": 4, "end": 13}, {"start": 30, "end": 43}]
    assert fund["acts_for"] == "Freedonia" and "acts_for" not in records[1]
    assert records[1]["aliases"] == ["Freedonia"] and len(records[1]["mentions"]) == 2


def test_facts_an_unlinked_span_without_actor_data_is_its_own_text_and_label():
    doc = _doc(["Harbour", "Bank", "said"], [(0, 2, None)])
    (record,) = facts.entity_records(doc, "d2")
    assert (record["name"], record["type"], record["kb_id"]) == ("Harbour Bank", "ORG", None)
