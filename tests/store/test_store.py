"""The store keeps documents and facts the same way on SQLite and on a real PostgreSQL server."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from pactwatch.errors import StoreError
from pactwatch.store import Store, database_url


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


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    if request.param == "sqlite":
        yield Store(tmp_path / "s.db")
        return
    url = request.getfixturevalue("postgres_url")
    s = Store(url)
    yield s
    with s.engine.begin() as conn:  # each test starts from an empty database
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"))


def test_store_round_trips_records_in_format_shape(store):
    written = store.add(_document(), FACTS)
    assert written == 4
    got = {k: list(store.records(k)) for k in ("entity", "timex", "quantity", "event")}
    assert got["entity"][0]["aliases"] == ["Seoul"] and got["entity"][0]["kb_id"] == "KOR"
    assert got["quantity"][0]["value"] == 15.0
    assert got["quantity"][0]["change"] == {"role": "after"}  # extra fields survive
    assert got["event"][0]["source"] == ["South Korea"]
    assert got["timex"][0] == {**FACTS[1], "doc_id": "d1"}


def test_store_documents_and_prefix_lookup(store):
    store.add(_document("abc123"), [])
    store.add(_document("abd999"), [])
    assert [d["doc_id"] for d in store.documents()] == ["abc123", "abd999"]
    assert store.resolve_doc("abc") == "abc123"
    assert store.resolve_doc("ab") is None  # ambiguous
    assert store.has("abc123") and not store.has("zzz")


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
