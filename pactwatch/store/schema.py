"""The store's tables, one MetaData for SQLite and PostgreSQL, and the named migrations that
create them. Fact tables keep the fields FORMAT.md names as columns (so analysts can query them
in SQL) and everything else a record carries in `extra`."""
from __future__ import annotations

from sqlalchemy import (JSON as _JSON, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text)

metadata = MetaData()
# Python None stored as SQL NULL, so NOT NULL on a JSON column means something
JSON = _JSON(none_as_null=True)

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("doc_id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("authors", JSON, nullable=False),
    Column("published", String(10)),
    Column("publisher", Text),
    Column("text_sha256", String(64), nullable=False),
    Column("format", String(16)),
    Column("anchor", String(32)),
    Column("anchor_source", String(16)),
    Column("inferred_after", String(32)),
    Column("captions", JSON, nullable=False),
    Column("layout", JSON),         # [[start, end, kind]]: the page layout (documents/layout); migration 0003
    Column("ingested_at", String(40), nullable=False),
    Column("text", Text, nullable=False),
)


def _fact_table(name: str, *columns: Column) -> Table:
    table = Table(
        name, metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
        *columns,
        Column("extra", JSON, nullable=False),
    )
    Index(f"ix_{name}_doc_id", table.c.doc_id)
    return table


entities = _fact_table(
    "entities",
    Column("name", Text, nullable=False), Column("type", String(16)), Column("kb_id", String(100)),
    Column("aliases", JSON, nullable=False), Column("mentions", JSON, nullable=False),
)
timexes = _fact_table(
    "timexes",
    Column("text", Text, nullable=False), Column("start", Integer), Column("end", Integer),
    Column("type", String(16)), Column("value", String(64)),
)
quantities = _fact_table(
    "quantities",
    Column("measure", String(64)), Column("value", Float), Column("unit", String(16)),
    Column("holder", Text), Column("target", Text), Column("time", String(64)), Column("status", String(16)),
    Column("quote", Text), Column("start", Integer), Column("end", Integer),
)
events = _fact_table(
    "events",
    Column("type", String(16)), Column("source", JSON, nullable=False), Column("target", JSON, nullable=False),
    Column("date", String(64)), Column("location", Text), Column("modality", String(16)),
    Column("quote", Text), Column("start", Integer), Column("end", Integer),
)
Index("ix_entities_kb_id", entities.c.kb_id)
Index("ix_quantities_measure", quantities.c.measure)
Index("ix_events_type", events.c.type)

def fact_record(kind: str, columns: dict) -> dict:
    """A fact row's columns (its id left out) as the record it was stored from: FORMAT.md's fields, then
    whatever else the record carried (kept in `extra`)."""
    data = {k: v for k, v in columns.items() if k != "id"}
    extra = data.pop("extra", None) or {}
    return {"kind": kind, **data, **extra}


# record kind -> table; the order is the export order
FACT_TABLES = {"entity": entities, "timex": timexes, "quantity": quantities, "event": events}
BASE_TABLES = [schema_migrations, documents, *FACT_TABLES.values()]

# 0004_reconcile_pending: documents stored but not yet reconciled (see Store.add and api.ingest)
reconcile_pending = Table(
    "reconcile_pending", metadata,
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True),
    Column("since", String(40), nullable=False),
)
