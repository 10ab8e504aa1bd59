"""Migration 0005: what the web pages search, sort and filter on, and a change counter.

- full-text search over documents' titles and text: an FTS5 table on SQLite (kept in step by
  triggers), a GIN expression index on PostgreSQL;
- indexes on the columns pages sort or filter by (published and ingested dates, entity names);
- `store_changes`: one row whose `version` rises whenever a document or a reconciled cluster or
  conflict is written or removed, so readers can keep computed views until the store changes."""
from __future__ import annotations

from sqlalchemy import Column, Index, Integer, MetaData, Table, text

from .schema import documents, entities

# its own MetaData: these tables come with this migration, not with the base schema of 0001
metadata = MetaData()
store_changes = Table("store_changes", metadata, Column("id", Integer, primary_key=True),
                      Column("version", Integer, nullable=False))
TABLES = [store_changes]

# PostgreSQL: the expression the GIN index is built on; a query must use the same text to use it
PG_DOCUMENT_VECTOR = "to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || left(text, 200000))"
_WATCHED = ("documents", "reconcile_clusters", "reconcile_conflicts")

INDEXES = [
    Index("ix_documents_published", documents.c.published, documents.c.doc_id),
    Index("ix_documents_ingested_at", documents.c.ingested_at),
    Index("ix_entities_name_id", entities.c.name, entities.c.id),
]


def create(conn) -> None:
    store_changes.create(conn, checkfirst=True)
    conn.execute(store_changes.insert().values(id=1, version=0))
    for index in INDEXES:
        index.create(conn, checkfirst=True)
    if conn.dialect.name == "sqlite":
        _sqlite(conn)
    elif conn.dialect.name == "postgresql":
        _postgresql(conn)


def _sqlite(conn) -> None:
    # a copy of title and text keyed by doc_id (not an external-content table: rowids of a table
    # with a text primary key may change on VACUUM)
    conn.execute(text("CREATE VIRTUAL TABLE documents_fts USING fts5("
                      "doc_id UNINDEXED, title, text, tokenize='porter unicode61')"))
    conn.execute(text("INSERT INTO documents_fts(doc_id, title, text) SELECT doc_id, coalesce(title, ''), text "
                      "FROM documents"))
    conn.execute(text("CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
                      "INSERT INTO documents_fts(doc_id, title, text) VALUES (new.doc_id, coalesce(new.title, ''), new.text); "
                      "END"))
    conn.execute(text("CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
                      "DELETE FROM documents_fts WHERE doc_id = old.doc_id; END"))
    for table in _WATCHED:
        for op in ("INSERT", "DELETE"):
            conn.execute(text(f"CREATE TRIGGER {table}_changes_{op.lower()} AFTER {op} ON {table} BEGIN "
                              "UPDATE store_changes SET version = version + 1 WHERE id = 1; END"))


def _postgresql(conn) -> None:
    conn.execute(text(f"CREATE INDEX ix_documents_fts ON documents USING gin ({PG_DOCUMENT_VECTOR})"))
    conn.execute(text("CREATE FUNCTION pactwatch_store_changed() RETURNS trigger AS $$ BEGIN "
                      "UPDATE store_changes SET version = version + 1 WHERE id = 1; RETURN NULL; END $$ "
                      "LANGUAGE plpgsql"))
    for table in _WATCHED:
        conn.execute(text(f"CREATE TRIGGER {table}_changes AFTER INSERT OR DELETE ON {table} "
                          "FOR EACH STATEMENT EXECUTE FUNCTION pactwatch_store_changed()"))
