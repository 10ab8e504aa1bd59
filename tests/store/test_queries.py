"""The web pages' read queries and migration 0005 (search, indexes, change counter), on SQLite and PostgreSQL."""
from __future__ import annotations

from sqlalchemy import text

from pactwatch import store as store_module
from pactwatch.store import Store, queries


def _doc(doc_id: str, body: str, published: str | None = None, title: str | None = None) -> dict:
    return {"doc_id": doc_id, "text": body, "text_sha256": doc_id, "source": f"{doc_id}.txt", "title": title,
            "authors": [], "captions": [], "published": published}


def _entity(doc_id: str, name: str, n: int = 1) -> dict:
    return {"kind": "entity", "doc_id": doc_id, "name": name, "type": "GPE", "kb_id": None, "aliases": [name],
            "mentions": [{"start": 0, "end": 1}] * n}


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


def _quantity(doc_id: str, quote: str, start: int, span_start: int, value: float) -> dict:
    return {"kind": "quantity", "doc_id": doc_id, "measure": "tariff_rate", "value": value, "unit": "percent",
            "holder": "Freedonia", "target": None, "time": None, "status": "actual", "quote": quote,
            "start": start, "end": start + len(quote), "span_start": span_start, "span_end": span_start + 3}


def test_a_store_from_before_0006_and_0007_keeps_its_filed_facts_and_never_gives_a_row_id_twice(store_url, monkeypatch):
    """Migrations 0006 and 0007 on a store whose reconcile_facts held a copy of each record per block,
    with ids SQLite could give again: each copy becomes a pointer to its fact's row (two figures of one
    quote told apart by their span), a copy that matches no row sends its document back to be
    reconciled, and no id is given twice."""
    monkeypatch.setattr(store_module, "MIGRATIONS", [m for m in store_module.MIGRATIONS if m[0] < "0006"])
    old = Store(store_url)
    postgres = old.engine.dialect.name == "postgresql"
    with old.engine.begin() as conn:      # the table as 0002 made it before: copies, and ids SQLite may reuse
        conn.execute(text("DROP TABLE reconcile_facts"))
        conn.execute(text(f"CREATE TABLE reconcile_facts (id {'SERIAL' if postgres else 'INTEGER NOT NULL'} PRIMARY KEY, "
                          "block VARCHAR(400) NOT NULL, kind VARCHAR(16) NOT NULL, doc_id VARCHAR(64) NOT NULL "
                          "REFERENCES documents (doc_id) ON DELETE CASCADE, record JSON NOT NULL)"))
    quote = "tariffs rose from 10% to 25%"
    facts = [_quantity("d1", quote, 40, 58, 10.0), _quantity("d1", quote, 40, 64, 25.0),
             {"kind": "event", "doc_id": "d1", "type": "SANCTION", "source": ["Freedonia"], "target": ["Sylvania"],
              "date": None, "quote": "Freedonia sanctioned Sylvania", "start": 0, "end": 29, "span_start": 10}]
    old.add(_doc("d1", "Freedonia sanctioned Sylvania. Then " + quote + "."), facts)
    old.add(_doc("d2", "Nothing of note."), [])
    old.reconciled(["d1", "d2"])
    documented = {"doc_source": "d1.txt", "doc_title": None, "doc_published": None, "doc_publisher": None,
                  "doc_anchor": None}
    copies = [("q|a|2025", facts[1]), ("q|a|2025", facts[0]), ("q|b|2025", facts[1]), ("e|SANCTION|-", facts[2]),
              ("q|a|2025", {**_quantity("d2", "a figure since re-read", 0, 2, 5.0), "doc_source": "d2.txt"})]
    import json
    with old.engine.begin() as conn:
        for block, record in copies:
            conn.execute(text("INSERT INTO reconcile_facts (block, kind, doc_id, record) VALUES (:b, :k, :d, :r)"),
                         {"b": block, "k": record["kind"], "d": record["doc_id"], "r": json.dumps({**documented, **record})})
    monkeypatch.undo()
    migrated = Store(store_url)
    assert {"0006_fact_ids_never_reused", "0007_facts_filed_by_row"} <= set(migrated.migrations())
    stored = {(r["kind"], r["span_start"]): r for kind in ("quantity", "event") for r in migrated.records(kind)}
    got = {row_id: (record, document) for row_id, record, document in migrated.reconcile_records([1, 2, 3, 4, 5])}
    assert sorted(got) == [1, 2, 3, 4]
    assert [got[i][0] == stored[(got[i][0]["kind"], f["span_start"])] for i, (_, f) in zip(range(1, 5), copies)] == [True] * 4
    assert [got[i][0]["value"] for i in (1, 2, 3)] == [25.0, 10.0, 25.0]
    assert got[4][1] == {"kind": "document", "doc_id": "d1", "source": "d1.txt", "title": None, "published": None,
                         "publisher": None, "anchor": None}
    assert migrated.pending() == ["d2"]
    migrated.reconcile_forget(["d2"])
    migrated.reconcile_add([{"block": "b9", "kind": "quantity", "doc_id": "d1", "fact_id": 1}])
    assert migrated.reconcile_ids_after(4) == [(6, "b9")]     # not 5 again
