"""The store: documents and their fact records, SQLite by default, PostgreSQL for teams.

    store = Store("pactwatch.db")                 # or "postgresql://user@host/db"
    store.add(document_record, fact_records)      # one transaction a document
    for rec in store.records("quantity"): ...     # FORMAT.md-shaped dicts

The store never imports spaCy; it keeps records as `pactwatch.facts` made them."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Iterable, Iterator

from sqlalchemy import create_engine, delete, event, func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from . import schema
from .schema import FACT_TABLES, documents, metadata, schema_migrations

DEFAULT_DB = "pactwatch.db"
DOCUMENT_FIELDS = ("doc_id", "source", "title", "authors", "published", "publisher", "text_sha256", "format",
                   "anchor", "anchor_source", "inferred_after", "captions")


def default_db() -> str:
    return os.environ.get("PACTWATCH_DB") or DEFAULT_DB


def database_url(db: str | os.PathLike | None) -> str:
    """A file path becomes an SQLite URL; a URL passes through (postgresql:// uses psycopg 3)."""
    db = str(db or default_db())
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    if db.startswith("postgresql://") or db.startswith("postgres://"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _create_base(conn) -> None:
    metadata.create_all(conn, tables=schema.BASE_TABLES)


def _create_reconcile(conn) -> None:
    from . import reconcile_tables
    metadata.create_all(conn, tables=reconcile_tables.TABLES)


def _document_layout(conn) -> None:
    """The documents table keeps each document's page layout (a store made before it gets the column)."""
    from sqlalchemy import inspect, text
    if "layout" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        conn.execute(text("ALTER TABLE documents ADD COLUMN layout JSON"))


# named migrations, applied in order, each in the same transaction as its record in schema_migrations
MIGRATIONS = [("0001_documents_and_facts", _create_base), ("0002_reconcile", _create_reconcile),
              ("0003_document_layout", _document_layout)]


def _split(table, record: dict) -> dict:
    """Columns of `table` from a record; the rest of the record goes into `extra`."""
    cols = {c.name for c in table.columns} - {"id", "extra"}
    row = {k: record.get(k) for k in cols}
    row["extra"] = {k: v for k, v in record.items() if k not in cols and k != "kind"}
    return row


def _join(kind: str, row) -> dict:
    data = dict(row._mapping)
    data.pop("id", None)
    extra = data.pop("extra", None) or {}
    return {"kind": kind, **data, **extra}


try:  # the reconciliation tables and their SQL live beside the reconcile package's needs
    from .reconcile_tables import ReconcileStore
except ImportError:  # pragma: no cover - only while reconcile_tables is being written
    class ReconcileStore:  # type: ignore[no-redef]
        pass
    MIGRATIONS = MIGRATIONS[:1]

# web: full-text search, the indexes pages filter on, and a change counter (pactwatch/store/search_schema.py)
from . import search_schema  # noqa: E402
MIGRATIONS.append(("0005_search_and_indexes", search_schema.create))


class Store(ReconcileStore):
    """Documents and facts in one database; schema created and migrated on open."""

    def __init__(self, db: str | os.PathLike | None = None):
        self.url = database_url(db)
        try:
            self.engine: Engine = create_engine(self.url, future=True)
            if self.url.startswith("sqlite"):
                event.listen(self.engine, "connect", _sqlite_pragmas)
            self.migrate()
        except SQLAlchemyError as e:
            raise StoreError(f"cannot open the store {db or default_db()}: {e.__class__.__name__}: "
                             f"{str(e).splitlines()[0]}") from None

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; returns their names."""
        applied = []
        with self.engine.begin() as conn:
            schema_migrations.create(conn, checkfirst=True)
            done = set(conn.scalars(select(schema_migrations.c.name)))
        for name, step in MIGRATIONS:
            if name in done:
                continue
            with self.engine.begin() as conn:
                step(conn)
                conn.execute(insert(schema_migrations).values(name=name, applied_at=_now()))
            applied.append(name)
        return applied

    def migrations(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.scalars(select(schema_migrations.c.name).order_by(schema_migrations.c.name)))

    # ------------------------------------------------------------ documents
    def has(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).where(documents.c.doc_id == doc_id)) > 0

    def add(self, document: dict, records: Iterable[dict], replace: bool = False) -> int:
        """Store a document and its fact records in one transaction; returns the facts written.
        With `replace`, an existing copy and its facts are removed first (re-extraction)."""
        records = list(records)
        row = {k: document.get(k) for k in DOCUMENT_FIELDS}
        row["authors"] = list(row.get("authors") or [])
        row["captions"] = [list(c) for c in (row.get("captions") or [])]
        row["layout"] = [list(x) for x in (document.get("layout") or [])]
        row.update(text=document["text"], ingested_at=_now())
        try:
            with self.engine.begin() as conn:
                if replace:
                    self._delete(conn, row["doc_id"])
                conn.execute(insert(documents).values(**row))
                by_kind: dict[str, list[dict]] = {}
                for rec in records:
                    table = FACT_TABLES[rec["kind"]]
                    by_kind.setdefault(rec["kind"], []).append(_split(table, {**rec, "doc_id": row["doc_id"]}))
                for kind, rows in by_kind.items():
                    conn.execute(insert(FACT_TABLES[kind]), rows)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot store {document.get('source')}: {str(e).splitlines()[0]}") from None
        return len(records)

    def _delete(self, conn, doc_id: str) -> None:
        for table in FACT_TABLES.values():
            conn.execute(delete(table).where(table.c.doc_id == doc_id))
        conn.execute(delete(documents).where(documents.c.doc_id == doc_id))

    def remove(self, doc_id: str) -> None:
        with self.engine.begin() as conn:
            self._delete(conn, doc_id)

    def documents(self, with_text: bool = False) -> list[dict]:
        cols = [documents.c[k] for k in DOCUMENT_FIELDS] + [documents.c.ingested_at]
        if with_text:
            cols.append(documents.c.text)
        with self.engine.connect() as conn:
            rows = conn.execute(select(*cols).order_by(documents.c.source)).all()
        return [{"kind": "document", **dict(r._mapping)} for r in rows]

    def document(self, doc_id: str) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).first()
        return {"kind": "document", **dict(row._mapping)} if row else None

    def resolve_doc(self, prefix: str) -> str | None:
        """A document id from a unique prefix of it (as the CLI shows ids shortened)."""
        with self.engine.connect() as conn:
            ids = list(conn.scalars(select(documents.c.doc_id).where(documents.c.doc_id.like(f"{prefix}%")).limit(2)))
        return ids[0] if len(ids) == 1 else None

    # ------------------------------------------------------------ facts
    def records(self, kind: str, doc_ids: Iterable[str] | None = None) -> Iterator[dict]:
        """Fact records of one kind in FORMAT.md's shape, in document then text order."""
        if kind == "document":
            yield from self.documents()
            return
        table = FACT_TABLES[kind]
        query = select(table).order_by(table.c.doc_id, table.c.id)
        if doc_ids is not None:
            query = query.where(table.c.doc_id.in_(list(doc_ids)))
        with self.engine.connect() as conn:
            for row in conn.execution_options(stream_results=True, yield_per=1000).execute(query):
                yield _join(kind, row)

    def count(self, kind: str) -> int:
        table = documents if kind == "document" else FACT_TABLES[kind]
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(table))


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
