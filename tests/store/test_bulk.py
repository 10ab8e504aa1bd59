"""Bulk inserts write what SQLAlchemy's own INSERT writes, and fail as it fails."""
from __future__ import annotations

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from pactwatch.store.bulk import insert_rows
from pactwatch.store.schema import documents, timexes

DOCUMENT = {"doc_id": "d1", "source": "d1.txt", "title": None, "authors": ["A. Writer"], "text_sha256": "0" * 64,
            "captions": [], "layout": None, "ingested_at": "2026-01-01T00:00:00+00:00", "text": "In 2025 and 2026."}


def test_bulk_rows_read_back_as_sqlalchemy_inserted_ones(store):
    rows = [{"doc_id": "d1", "text": "2025", "start": 3, "end": 7, "type": "DATE", "value": "2025", "extra": {}},
            {"doc_id": "d1", "text": "2026", "start": 12, "end": 16, "type": None, "value": None,
             "extra": {"mod": "approx", "note": "ünïcode \u2028 \"quoted\""}}]
    with store.writing() as conn:
        insert_rows(conn, documents, [DOCUMENT])
        insert_rows(conn, timexes, rows)
        conn.execute(insert(timexes), [{**r, "doc_id": "d1"} for r in rows])   # the same rows, SQLAlchemy's way
    with store.engine.connect() as conn:
        got = [dict(r._mapping) for r in conn.execute(select(timexes).order_by(timexes.c.id))]
        layout = conn.scalar(select(documents.c.layout))
        null_layout = conn.scalar(select(documents.c.doc_id).where(documents.c.layout.is_(None)))
    assert [{k: v for k, v in r.items() if k != "id"} for r in got[:2]] == [
        {k: v for k, v in r.items() if k != "id"} for r in got[2:]]
    assert got[1]["extra"]["note"] == "ünïcode \u2028 \"quoted\"" and got[1]["end"] == 16   # "end": a reserved word
    assert layout is None and null_layout == "d1"    # None in a JSON column is SQL NULL, not 'null'


def test_bulk_a_refused_row_is_sqlalchemys_integrity_error(store):
    with pytest.raises(IntegrityError):
        with store.writing() as conn:
            insert_rows(conn, documents, [DOCUMENT, DOCUMENT])   # the same key twice
    assert store.count("document") == 0


def test_bulk_a_value_shared_by_rows_is_written_for_each(store):
    # one fact record filed under two blocks is one dict in two rows: both rows hold it in full
    shared = {"kind": "quantity", "value": 15.0, "parties": ["South Korea"], "note": None}
    rows = [{"doc_id": "d1", "text": "x", "start": 0, "end": 1, "extra": shared},
            {"doc_id": "d1", "text": "y", "start": 1, "end": 2, "extra": {"other": True}},
            {"doc_id": "d1", "text": "z", "start": 2, "end": 3, "extra": shared}]
    with store.writing() as conn:
        insert_rows(conn, documents, [DOCUMENT])
        insert_rows(conn, timexes, rows)
    with store.engine.connect() as conn:
        got = list(conn.scalars(select(timexes.c.extra).order_by(timexes.c.id)))
    assert got == [shared, {"other": True}, shared]
