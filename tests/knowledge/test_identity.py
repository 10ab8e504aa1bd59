"""The one name key and the one entity merge (knowledge/identity.py)."""
from __future__ import annotations

import pytest

from pactwatch.knowledge import identity, kb, norm
from pactwatch.knowledge.identity import entity_key, merge_entities, norm_name


@pytest.mark.parametrize("name, expected", [
    ("The U.S.", "us"), ("Lee Jae-myung", "lee jae myung"), ("Draudt-Véjares", "draudt vejares"),
    ("Ministry of Trade—Industry", "ministry of trade industry"), ("US/Japan  talks", "us japan talks"),
    ("Lee Jae‑myung", "lee jae myung"),           # a no-break hyphen
    ("Koh’s", "koh's"), ("THE HAGUE", "hague"), ("Theodore Roe", "theodore roe"),
    (None, ""), ("", ""),
])
def test_identity_name_key_ignores_what_news_writes_differently(name, expected):
    assert norm_name(name) == expected


def test_identity_the_knowledge_base_and_the_pipeline_use_the_same_key():
    assert kb.norm is norm_name and norm is norm_name and identity.norm_name is norm_name


def _rec(doc_id, name, type_="ORG", kb_id=None, aliases=(), mentions=((0, 4),), **extra):
    return {"kind": "entity", "doc_id": doc_id, "name": name, "type": type_, "kb_id": kb_id,
            "aliases": list(aliases) or [name], "mentions": [{"start": s, "end": e} for s, e in mentions], **extra}


def test_identity_entity_key_is_the_kb_id_else_the_name_key_and_type():
    assert entity_key(_rec("a", "Tokyo", "GPE", "Q1")) == entity_key(_rec("b", "Edo", "PERSON", "Q1"))
    assert entity_key(_rec("a", "The Harbour Group")) == entity_key(_rec("b", "harbour group"))
    assert entity_key(_rec("a", "Georgia", "GPE")) != entity_key(_rec("a", "Georgia", "PERSON"))
    assert entity_key({"name": "Quay Fund", "type": None}) == entity_key({"name": "Quay Fund", "type": ""})


def test_identity_merge_joins_aliases_and_mentions_in_order_and_keeps_the_first_fields():
    merged = merge_entities([_rec("a", "Quay Fund", aliases=["Quay Fund"], acts_for="Freedonia"),
                             _rec("a", "Harbour Bank", mentions=[(10, 22)]),
                             _rec("a", "the Quay Fund", aliases=["the fund", "Quay Fund"], mentions=[(30, 38)])])
    assert [m.first["name"] for m in merged] == ["Quay Fund", "Harbour Bank"]
    record = merged[0].record()
    assert record == {"kind": "entity", "doc_id": "a", "name": "Quay Fund", "type": "ORG", "kb_id": None,
                      "aliases": ["Quay Fund", "the fund"], "mentions": [{"start": 0, "end": 4}, {"start": 30, "end": 38}],
                      "acts_for": "Freedonia"}
    assert list(record) == ["kind", "doc_id", "name", "type", "kb_id", "aliases", "mentions", "acts_for"]


def test_identity_merge_counts_names_documents_and_mentions():
    merged = merge_entities([_rec("a", "Quay Fund", "ORG", "Q9", mentions=[(0, 4), (5, 9)]),
                             _rec("b", "QF", "ORG", "Q9", mentions=[]),
                             _rec("b", "Quay Fund", "ORG", "Q9")], keep_mentions=False)
    (entity,) = merged
    assert entity.names == {"Quay Fund": 2, "QF": 1}
    assert list(entity.doc_ids) == ["a", "b"]
    assert entity.mention_count == 4 and entity.mentions == []   # a record without mentions counts one
