"""The views' reading of reconciliation (reconcile/query.py): stored, or computed with the knowledge
ingest uses, so a view and the stored result never disagree."""
from __future__ import annotations

import pytest

from pactwatch import knowledge
from pactwatch.reconcile import knowledge_for, reconcile, update
from pactwatch.reconcile.query import clusters_of, conflicts_of
from pactwatch.store import Store

from reconcile_records import doc, qty

# one tariff named by two spellings of its holder: only the knowledge base makes them one actor
RECORDS = [doc("a"), qty("a", 15, "The U.S. tariff on Japanese cars is 15%.", measure="tariff_rate", unit="percent",
                         holder="U.S.", target="Japan", time="2025-08"),
           doc("b"), qty("b", 15, "The United States levies 15% on cars from Japan.", measure="tariff_rate",
                         unit="percent", holder="United States", target="Japan", time="2025-08")]


@pytest.fixture
def unreconciled(tmp_path) -> Store:
    """A store holding the records, never reconciled (as one written before the reconcile tables)."""
    store = Store(str(tmp_path / "q.db"))
    for d in (r for r in RECORDS if r["kind"] == "document"):
        store.add({**d, "text_sha256": d["doc_id"], "captions": [], "text": "text"},
                  [r for r in RECORDS if r["kind"] != "document" and r["doc_id"] == d["doc_id"]])
    return store


def _shape(clusters: list[dict]) -> list[tuple]:
    return sorted((c["block"], tuple(c["doc_ids"])) for c in clusters)


def test_query_the_knowledge_base_changes_the_clusters_here():
    assert len(reconcile(RECORDS).clusters) == 2
    assert len(reconcile(RECORDS, kb=knowledge.load()).clusters) == 1


def test_query_computed_clusters_are_what_ingest_would_store(unreconciled):
    computed = clusters_of(unreconciled, "quantity")
    assert len(computed) == 1 and computed[0]["doc_ids"] == ["a", "b"]
    computed_conflicts = conflicts_of(unreconciled)
    update(unreconciled)   # what api.ingest runs, with its default knowledge
    assert _shape(unreconciled.clusters("quantity")) == _shape(computed)
    assert conflicts_of(unreconciled) == computed_conflicts


def test_query_knowledge_for_is_the_packaged_base_plus_the_users_folders(tmp_path):
    assert knowledge_for() is knowledge.load()
    (tmp_path / "people.toml").write_text('[[people]]\nid = "per:ines_valdivia"\nname = "Ines Valdivia"\n'
                                         'roles = []\n', encoding="utf-8")
    kb = knowledge_for([tmp_path])
    assert kb is knowledge.load([str(tmp_path)]) and kb.find("Ines Valdivia")["id"] == "per:ines_valdivia"
    assert knowledge.load().find("Ines Valdivia") is None
