"""The store keeps documents and facts the same way on SQLite and on a real PostgreSQL server."""
from __future__ import annotations

import pytest

from pactwatch.errors import StoreError
from pactwatch.store import Store, database_url, read_back


def _document(doc_id="d1", text_="Seoul and Washington agreed.", **kw):
    return {"doc_id": doc_id, "source": f"{doc_id}.txt", "title": "A title", "authors": ["A. Writer"],
            "published": "2025-07-31", "publisher": "The Daily", "text_sha256": "0" * 64, "format": "txt",
            "anchor": "2025-07-31", "anchor_source": "published", "inferred_after": None, "captions": [],
            "text": text_, **kw}


FACTS = [
    {"kind": "entity", "doc_id": "d1", "name": "South Korea", "type": "GPE", "kb_id": "KOR",
     "aliases": ["Seoul"], "mentions": [{"start": 0, "end": 5}], "acts_for": None},
    {"kind": "timex", "doc_id": "d1", "text": "July", "start": 1, "end": 5, "type": "DATE", "value": "2025-07"},
    {"kind": "quantity", "doc_id": "d1", "measure": "tariff_rate", "value": 15.0, "unit": "percent",
     "holder": "United States", "target": "South Korea", "time": "2025-07", "status": "agreed",
     "quote": "Seoul", "start": 0, "end": 5, "qualifier": None, "change": {"role": "after"}},
    {"kind": "event", "doc_id": "d1", "type": "AGREE", "source": ["South Korea"], "target": ["United States"],
     "date": "2025-07", "location": None, "modality": "asserted", "quote": "Seoul", "start": 0, "end": 5},
]


def test_store_round_trips_records_in_format_shape(store):
    written = store.add(_document(), FACTS)
    assert written == 4
    got = {k: list(store.records(k)) for k in ("entity", "timex", "quantity", "event")}
    assert got["entity"][0]["aliases"] == ["Seoul"] and got["entity"][0]["kb_id"] == "KOR"
    assert got["quantity"][0]["value"] == 15.0
    assert got["quantity"][0]["change"] == {"role": "after"}  # extra fields survive
    assert got["event"][0]["source"] == ["South Korea"]
    assert got["timex"][0] == {**FACTS[1], "doc_id": "d1"}


def test_store_read_back_is_the_record_the_store_gives_back(store):
    """What a writer keeps in hand (read_back) is exactly what a reader gets: every column present,
    a whole number in a REAL column as a float, an impossible float as None, extra fields after."""
    import json
    quantity = {**FACTS[2], "value": 25, "high": float("nan"), "components": [{"value": 10}]}
    del quantity["time"]
    event = {k: v for k, v in FACTS[3].items() if k != "location"}
    store.add_many([(_document(), [quantity, event])])
    got = [record for kind in ("quantity", "event") for _, record in store.fact_rows(kind, ["d1"])]
    held = [read_back(record, "d1") for record in (quantity, event)]
    assert [json.dumps(r) for r in held] == [json.dumps(r) for r in got]
    assert held[0]["value"] == 25.0 and held[0]["time"] is None and held[0]["high"] is None


def test_store_documents_and_prefix_lookup(store):
    store.add(_document("abc123"), [])
    store.add(_document("abd999"), [])
    assert [d["doc_id"] for d in store.documents()] == ["abc123", "abd999"]
    assert store.resolve_doc("abc") == "abc123"
    assert store.resolve_doc("ab") is None  # ambiguous
    assert store.has("abc123") and not store.has("zzz")
    # an update reads only the documents it takes in
    assert [d["doc_id"] for d in store.documents(doc_ids=["abd999", "zzz"])] == ["abd999"]
    assert store.documents(doc_ids=[]) == []


def test_store_replace_removes_old_facts(store):
    store.add(_document(), FACTS)
    store.add(_document(), FACTS[:1], replace=True)
    assert store.count("quantity") == 0 and store.count("entity") == 1


def test_store_failed_document_leaves_nothing_behind(store):
    bad = FACTS + [{"kind": "event", "doc_id": "d1", "type": "AGREE", "source": None, "target": [],
                    "date": None, "location": None, "modality": "asserted", "quote": "x", "start": 0, "end": 1}]
    with pytest.raises(StoreError):
        store.add(_document(), bad)  # source is NOT NULL: the whole document must roll back
    assert store.count("document") == 0 and store.count("entity") == 0


def test_store_migrations_are_recorded_once(tmp_path):
    first = Store(tmp_path / "m.db")
    assert first.migrations()[0] == "0001_documents_and_facts"
    again = Store(tmp_path / "m.db")
    assert again.migrate() == []
    assert again.migrations() == first.migrations()


@pytest.mark.parametrize("given, expected", [
    ("x.db", "sqlite:///x.db"),
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///y.db", "sqlite:///y.db"),
])
def test_store_database_url(given, expected):
    assert database_url(given) == expected


def test_store_unreachable_server_is_one_clear_error():
    with pytest.raises(StoreError, match="cannot open the store"):
        Store("postgresql://nobody@127.0.0.1:1/none")


def _facts_of(doc_id: str, facts=FACTS) -> list[dict]:
    return [{**f, "doc_id": doc_id} for f in facts]


def _state(store) -> dict:
    """Every stored record (ingest times aside) and what waits to be reconciled."""
    docs = [{k: v for k, v in d.items() if k != "ingested_at"} for d in store.documents(with_text=True)]
    return {"documents": docs, "pending": sorted(store.pending()),
            **{kind: list(store.records(kind)) for kind in ("entity", "timex", "quantity", "event")}}


def test_store_add_many_stores_what_add_stores_one_by_one(store, tmp_path):
    # the bulk path (COPY on PostgreSQL, the driver's executemany on SQLite) writes the same values:
    # JSON, NULLs, floats and the extra fields read back as Store.add's do
    group = [(_document("d1"), _facts_of("d1")), (_document("d2", "Tokyo and Seoul met."), _facts_of("d2", FACTS[:2])),
             (_document("d3", "Nothing happened.", captions=[(0, 3)], layout=[(0, 3, "caption")]), [])]
    outcomes = store.add_many(group)
    assert [(o.doc_id, o.status, o.facts) for o in outcomes] == [("d1", "new", 4), ("d2", "new", 2), ("d3", "new", 0)]
    one_by_one = Store(tmp_path / "one.db")
    for document, records in group:
        one_by_one.add(document, records)
    assert _state(store) == _state(one_by_one)
    assert store.document("d3")["layout"] == [[0, 3, "caption"]] and store.document("d1")["inferred_after"] is None


def test_store_add_many_twice_changes_nothing(store):
    group = [(_document("d1"), _facts_of("d1")), (_document("d2"), _facts_of("d2"))]
    store.add_many(group)
    before = _state(store)
    again = store.add_many(group)
    assert [(o.status, o.facts) for o in again] == [("unchanged", 0), ("unchanged", 0)]
    assert _state(store) == before and store.count("entity") == 2


def test_store_add_many_mixes_new_unchanged_and_replaced(store):
    store.add_many([(_document("old"), _facts_of("old")), (_document("redo"), _facts_of("redo"))])
    store.reconciled(["old", "redo"])
    outcomes = store.add_many([(_document("old"), _facts_of("old")), (_document("redo"), _facts_of("redo", FACTS[:1])),
                               (_document("fresh"), _facts_of("fresh")), (_document("fresh"), _facts_of("fresh"))],
                              replace={"redo"})
    assert [(o.doc_id, o.status) for o in outcomes] == [("old", "unchanged"), ("redo", "replaced"),
                                                        ("fresh", "new"), ("fresh", "unchanged")]
    assert store.count("document") == 3
    entities = sorted(e["doc_id"] for e in store.records("entity"))
    assert entities == ["fresh", "old", "redo"] and store.count("quantity") == 2   # redo kept its entity only
    assert sorted(store.pending()) == ["fresh", "redo"]    # re-extracted: to be reconciled again


def test_store_add_many_a_refused_document_fails_alone(store):
    no_source = {"kind": "event", "type": "AGREE", "source": None, "target": [], "date": None, "location": None,
                 "modality": "asserted", "quote": "x", "start": 0, "end": 1}   # source is NOT NULL
    outcomes = store.add_many([(_document("d1"), _facts_of("d1")), (_document("bad"), _facts_of("bad") + [no_source]),
                               (_document("d3"), _facts_of("d3"))])
    assert [o.status for o in outcomes] == ["new", "failed", "new"]
    assert outcomes[1].error == "the database refused it (an integrity constraint failed)"
    assert [d["doc_id"] for d in store.documents()] == ["d1", "d3"]
    assert sorted({e["doc_id"] for e in store.records("event")}) == ["d1", "d3"]   # nothing of "bad" left
    assert sorted(store.pending()) == ["d1", "d3"]


def test_store_add_many_a_record_of_no_known_kind_fails_alone(store):
    outcomes = store.add_many([(_document("d1"), [{"kind": "rumour", "text": "x"}]),
                               (_document("d2"), _facts_of("d2"))])
    assert [o.status for o in outcomes] == ["failed", "new"]
    assert "KeyError" in outcomes[0].error and store.count("document") == 1


def test_store_add_many_a_store_wide_failure_stops_with_one_error(store, monkeypatch):
    from sqlalchemy.exc import OperationalError

    import pactwatch.store as store_module

    def disk_full(conn, table, rows):
        raise OperationalError("bulk insert", None, Exception("database or disk is full"))
    monkeypatch.setattr(store_module, "insert_rows", disk_full)
    with pytest.raises(StoreError, match=r"cannot store d1\.txt and 1 more: .*disk is full"):
        store.add_many([(_document("d1"), _facts_of("d1")), (_document("d2"), [])])
    assert store.count("document") == 0 and store.pending() == []


def test_store_add_many_stores_an_impossible_number_as_null(store):
    huge = {**FACTS[2], "value": float("inf"), "change": {"from": float("-inf"), "to": float("nan"), "role": "after"}}
    (outcome,) = store.add_many([(_document("d1"), [huge])])
    (got,) = store.records("quantity")
    assert outcome.status == "new" and got["value"] is None
    assert got["change"] == {"from": None, "to": None, "role": "after"} and got["quote"] == "Seoul"
