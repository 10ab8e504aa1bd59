"""The web pages' read queries and migration 0005 (search, indexes, change counter), on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from pactwatch import store as store_module
from pactwatch.store import Store, queries


def _doc(doc_id: str, body: str, published: str | None = None, title: str | None = None) -> dict:
    return {"doc_id": doc_id, "text": body, "text_sha256": doc_id, "source": f"{doc_id}.txt", "title": title,
            "authors": [], "captions": [], "published": published}


def _entity(doc_id: str, name: str, n: int = 1) -> dict:
    return {"kind": "entity", "doc_id": doc_id, "name": name, "type": "GPE", "kb_id": None, "aliases": [name],
            "mentions": [{"start": 0, "end": 1}] * n}


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    if request.param == "sqlite":
        yield Store(tmp_path / "q.db")
        return
    s = Store(request.getfixturevalue("postgres_url"))
    yield s
    with s.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"))


def test_migration_is_recorded(store):
    assert "0005_search_and_indexes" in store.migrations()


def test_the_change_counter_rises_on_every_write(store):
    v0 = queries.data_version(store)
    store.add(_doc("d1", "Sailors were held."), [])
    v1 = queries.data_version(store)
    assert v1 > v0
    store.reconcile_replace(["b"], [{"cluster_id": "c1", "block": "b", "fact": "event", "source_count": 1}], [])
    v2 = queries.data_version(store)
    assert v2 > v1
    store.remove("d1")
    assert queries.data_version(store) > v2


def test_document_pages_and_search(store):
    store.add(_doc("d1", "Freedonia held 300 sailors at the port.", "2025-03-01", "Port dispute"), [])
    store.add(_doc("d2", "Ruritania pledged money for ships.", "2025-04-01", "Shipbuilding"), [])
    store.add(_doc("d3", "The sailors went home to Ruritania.", None), [])
    listing = queries.document_list(store, limit=2)
    assert listing["total"] == 3 and [d["doc_id"] for d in listing["items"]] == ["d2", "d1"]
    assert [d["doc_id"] for d in queries.document_list(store, offset=2)["items"]] == ["d3"]
    found = queries.document_list(store, "sailor")  # stemmed: sailor finds sailors
    assert found["total"] == 2 and {d["doc_id"] for d in found["items"]} == {"d1", "d3"}
    assert [d["doc_id"] for d in queries.document_list(store, "sailors Ruritania")["items"]] == ["d3"]
    assert [d["doc_id"] for d in queries.document_list(store, "shipbuilding")["items"]] == ["d2"]  # the title
    assert queries.document_list(store, 'AND "( NEAR')["total"] == 0  # no FTS syntax error
    store.remove("d1")
    assert {d["doc_id"] for d in queries.document_list(store, "sailor")["items"]} == {"d3"}


def test_actors_and_counts(store):
    store.add(_doc("d1", "x", "2025-01-01"), [_entity("d1", "Freedonia", 3), _entity("d1", "Ruritania")])
    store.add(_doc("d2", "y", "2025-02-01"), [_entity("d2", "Freedonia", 2)])
    summary = queries.actor_summaries(store)
    assert [(a["name"], a["documents"], a["mentions"]) for a in summary] == [("Freedonia", 2, 5), ("Ruritania", 1, 1)]
    docs = queries.actor_documents(store, "Freedonia", limit=1)
    assert docs["total"] == 2 and docs["items"][0]["doc_id"] == "d2" and docs["items"][0]["mentions"] == 2
    assert queries.actor_aliases(store, "Freedonia") == ["Freedonia"]
    assert queries.counts(store)["document"] == 2 and queries.counts(store)["entity"] == 3
    assert [d["doc_id"] for d in queries.recent_documents(store)] in (["d2", "d1"], ["d1", "d2"])
    assert sum(d["documents"] for d in queries.ingest_days(store)) == 2


def test_an_older_store_is_indexed_when_migrated(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr(store_module, "MIGRATIONS", [m for m in store_module.MIGRATIONS if m[0] < "0005"])
    Store(path).add(_doc("d1", "Sailors were held at the port."), [])
    monkeypatch.undo()
    migrated = Store(path)
    assert "0005_search_and_indexes" in migrated.migrations()
    assert queries.document_list(migrated, "port")["total"] == 1


def test_a_store_from_before_0006_never_gives_a_fact_row_id_twice(tmp_path, monkeypatch):
    from sqlalchemy import text
    path = tmp_path / "old.db"
    monkeypatch.setattr(store_module, "MIGRATIONS", [m for m in store_module.MIGRATIONS if m[0] < "0006"])
    old = Store(path)
    with old.engine.begin() as conn:      # the table as 0002 made it before: ids that SQLite may reuse
        conn.execute(text("DROP TABLE reconcile_facts"))
        conn.execute(text("CREATE TABLE reconcile_facts (id INTEGER NOT NULL PRIMARY KEY, block VARCHAR(400) NOT NULL, "
                          "kind VARCHAR(16) NOT NULL, doc_id VARCHAR(64) NOT NULL, record JSON NOT NULL)"))
    old.add(_doc("d1", "Sailors were held at the port."), [])
    old.reconcile_add([{"block": f"b{n}", "kind": "quantity", "doc_id": "d1", "record": {"n": n}} for n in range(3)])
    monkeypatch.undo()
    migrated = Store(path)
    assert "0006_fact_ids_never_reused" in migrated.migrations()
    assert [(i, r["n"]) for i, r in migrated.reconcile_records([1, 2, 3])] == [(1, 0), (2, 1), (3, 2)]
    migrated.reconcile_forget(["d1"])
    migrated.reconcile_add([{"block": "b9", "kind": "quantity", "doc_id": "d1", "record": {"n": 9}}])
    assert migrated.reconcile_ids_after(0) == [(4, "b9")]     # not 1 again
