"""The store: documents and their fact records, SQLite by default, PostgreSQL for teams.

    store = Store("pactwatch.db")                 # or "postgresql://user@host/db"
    store.add(document_record, fact_records)      # one transaction a document
    store.add_many([(document_record, fact_records), ...])   # one transaction for them all
    for rec in store.records("quantity"): ...     # FORMAT.md-shaped dicts

The store never imports spaCy; it keeps records as `pactwatch.facts` made them."""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterable, Iterator

from sqlalchemy import Float, create_engine, delete, event, func, inspect, insert, select, text as sql_text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DataError, DBAPIError, IntegrityError, OperationalError, SQLAlchemyError, StatementError

from ..errors import StoreError
from . import schema, search_schema
from .bulk import all_finite, finite, insert_rows
from .reconcile_tables import ReconcileStore
from .schema import FACT_TABLES, documents, fact_record, metadata, schema_migrations

DEFAULT_DB = "pactwatch.db"
DOCUMENT_FIELDS = ("doc_id", "source", "title", "authors", "published", "publisher", "text_sha256", "format",
                   "anchor", "anchor_source", "inferred_after", "captions")


def default_db() -> str:
    return os.environ.get("PACTWATCH_DB") or DEFAULT_DB


SCHEMES = ("sqlite", "postgresql", "postgres", "postgresql+psycopg")
# how long a writer waits for another process's transaction on the same SQLite file
SQLITE_BUSY_SECONDS = 60


def database_url(db: str | os.PathLike | None) -> str:
    """A file path becomes an SQLite URL; a URL passes through (postgresql:// uses psycopg 3).
    Any other kind of database is refused: pactwatch is tested on SQLite and PostgreSQL only."""
    db = str(db or default_db())
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    scheme = db.split("://", 1)[0].lower()
    if scheme not in SCHEMES:
        raise StoreError(f"unsupported database {scheme}://; give an SQLite file path or a postgresql:// URL")
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def redacted(url: str) -> str:
    """The URL as it may be shown: any password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def _scrub(message: str, url: str) -> str:
    """An error message with the store's password (if any) taken out: drivers quote the DSN."""
    try:
        password = make_url(url).password
    except (ArgumentError, ValueError):
        password = None
    return message.replace(str(password), "***") if password else message


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _create_base(conn) -> None:
    metadata.create_all(conn, tables=schema.BASE_TABLES)


def _create_reconcile(conn) -> None:
    from . import reconcile_tables
    metadata.create_all(conn, tables=reconcile_tables.TABLES)


def _never_reuse_fact_ids(conn) -> None:
    from . import reconcile_tables
    reconcile_tables.never_reuse_fact_ids(conn)


def _file_facts_by_row(conn) -> None:
    from . import reconcile_tables
    reconcile_tables.file_facts_by_row(conn, _now())


def _document_layout(conn) -> None:
    """The documents table keeps each document's page layout (a store made before it gets the column)."""
    from sqlalchemy import inspect, text
    if "layout" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        conn.execute(text("ALTER TABLE documents ADD COLUMN layout JSON"))


def _create_reconcile_pending(conn) -> None:
    """Documents stored but not yet reconciled, written in the transaction that stores them: a run
    killed or stopped by a store error between storing and reconciling leaves them for the next run."""
    metadata.create_all(conn, tables=[schema.reconcile_pending])


# named migrations, applied in order, each in the same transaction as its record in schema_migrations
MIGRATIONS = [("0001_documents_and_facts", _create_base), ("0002_reconcile", _create_reconcile),
              ("0003_document_layout", _document_layout), ("0004_reconcile_pending", _create_reconcile_pending),
              # full-text search, the indexes pages filter on, a change counter (store/search_schema.py)
              ("0005_search_and_indexes", search_schema.create),
              ("0006_fact_ids_never_reused", _never_reuse_fact_ids),
              # reconciliation files a fact by its row instead of a copy of its record per block
              ("0007_facts_filed_by_row", _file_facts_by_row)]


# ids in one IN (...) list: well under SQLite's and PostgreSQL's limits on bound parameters
IN_LIST = 500


def _stored_among(conn, doc_ids: list[str]) -> set[str]:
    present: set[str] = set()
    for i in range(0, len(doc_ids), IN_LIST):
        chunk = doc_ids[i:i + IN_LIST]
        present.update(conn.scalars(select(documents.c.doc_id).where(documents.c.doc_id.in_(chunk))))
    return present


def _document_row(document: dict) -> dict:
    """The documents table's row for a document record."""
    row = {k: document.get(k) for k in DOCUMENT_FIELDS}
    row["authors"] = list(row.get("authors") or [])
    row["captions"] = [list(c) for c in (row.get("captions") or [])]
    row["layout"] = [list(x) for x in (document.get("layout") or [])]
    row.update(text=document["text"], ingested_at=_now())
    return row


def _refused(error: SQLAlchemyError) -> bool:
    """The database (or the driver, before sending it) refused these rows, not the store as a whole:
    a constraint, a value the column cannot hold, a value that cannot be serialised."""
    return isinstance(error, (IntegrityError, DataError)) or (isinstance(error, StatementError)
                                                              and not isinstance(error, DBAPIError))


def read_back(record: dict, doc_id: str) -> dict:
    """A fact record as `Store.fact_rows` reads it back once stored: kind, every column of its table in
    order (None where the record has no such field), then the rest; a float no database takes is None.
    A writer that keeps what it stored in hand gives reconciliation the very records a reader would."""
    table = FACT_TABLES[record["kind"]]
    columns, real = _columns_in_order(table)
    out = {"kind": record["kind"], "doc_id": doc_id}
    for name in columns:
        value = record.get(name)
        # a REAL column gives back 25.0 for 25
        out[name] = float(value) if name in real and type(value) is int else value
    taken = _record_columns(table)
    for key, value in record.items():
        if key not in taken and key != "kind":
            out[key] = value
    return out if all_finite(out) else finite(out)


@functools.lru_cache(maxsize=None)
def _columns_in_order(table) -> tuple[tuple[str, ...], frozenset[str]]:
    """A fact table's record columns after doc_id, in order, and those of them holding floats."""
    names = tuple(c.name for c in table.columns if c.name not in ("id", "doc_id", "extra"))
    return names, frozenset(c.name for c in table.columns if isinstance(c.type, Float))


def _split(table, record: dict) -> dict:
    """Columns of `table` from a record; the rest of the record goes into `extra`."""
    cols = _record_columns(table)
    row = {k: record.get(k) for k in cols}
    row["extra"] = {k: v for k, v in record.items() if k not in cols and k != "kind"}
    return row


@functools.lru_cache(maxsize=None)
def _record_columns(table) -> frozenset[str]:
    """The columns a record fills (asked once a table: SQLAlchemy's column collection is slow to walk)."""
    return frozenset(c.name for c in table.columns) - {"id", "extra"}



class _Pinned:
    """Stands in for the engine while a snapshot is open: every read goes through one connection,
    so it sees one state of the database."""

    def __init__(self, conn, engine: Engine):
        self._conn, self.engine = conn, engine
        self.dialect, self.url = engine.dialect, engine.url

    def connect(self):
        return contextlib.nullcontext(self._conn)

    def begin(self):
        raise StoreError("the store is open for reading only while a snapshot is taken")

    def execution_options(self, **_options):
        return self  # so a write inside a snapshot reaches begin() and is refused there


class Store(ReconcileStore):
    """Documents and facts in one database; schema created and migrated on open."""

    def __init__(self, db: str | os.PathLike | None = None, write: bool = True):
        """`write=False` (exports, listings): a database in a folder or file this user cannot write is
        opened read-only instead of failing, as long as it needs no migration."""
        self.url = database_url(db)
        shown = redacted(self.url) if "://" in str(db or default_db()) else str(db or default_db())
        try:
            path = self._sqlite_path()
            read_only = not write and path is not None and path.is_file() and not _writable(path)
            if read_only:  # immutable: no -wal/-shm files are created beside it
                uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
                self.engine: Engine = create_engine("sqlite://", future=True, creator=lambda: sqlite3.connect(
                    uri, uri=True, timeout=SQLITE_BUSY_SECONDS, check_same_thread=False))
            else:
                connect_args = {"timeout": SQLITE_BUSY_SECONDS} if path is not None else {}
                self.engine = create_engine(self.url, future=True, connect_args=connect_args)
            if path is not None:
                _sqlite_transactions(self.engine, wal=not read_only)
            self.read_only = read_only
            self._open(read_only, sqlite=path is not None)
        except StoreError:
            raise
        except (SQLAlchemyError, ImportError) as e:
            message = _scrub(f"{e.__class__.__name__}: {str(e).splitlines()[0] if str(e) else ''}", self.url)
            raise StoreError(f"cannot open the store {shown}: {message}") from None

    def _open(self, read_only: bool, sqlite: bool) -> None:
        """Check or migrate the schema. SQLite can refuse at once, without waiting out its busy
        timeout, while another process is turning a new database to WAL or creating its tables
        ("database is locked"): then wait and try again, up to the same timeout."""
        deadline = time.monotonic() + SQLITE_BUSY_SECONDS
        pause = 0.05
        while True:
            try:
                self.check_schema() if read_only else self.migrate()
                return
            except OperationalError as e:
                if not sqlite or "locked" not in str(e) or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 1.0)

    def _sqlite_path(self) -> Path | None:
        url = make_url(self.url)
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            return None
        return Path(url.database)

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded, under a lock so two processes opening one new
        database don't both create its tables; returns their names. A database carrying a migration
        this version does not know was written by a newer pactwatch and is refused."""
        applied = []
        with self.engine.connect() as conn:
            conn = conn.execution_options(pactwatch_lock=True)
            with conn.begin():
                if self.engine.dialect.name == "postgresql":  # held until this transaction ends
                    conn.execute(sql_text("SELECT pg_advisory_xact_lock(7163011)"))
                schema_migrations.create(conn, checkfirst=True)
                done = set(conn.scalars(select(schema_migrations.c.name)))
                self._refuse_unknown(done)
                for name, step in MIGRATIONS:
                    if name in done:
                        continue
                    step(conn)
                    conn.execute(insert(schema_migrations).values(name=name, applied_at=_now()))
                    applied.append(name)
        self.check_schema()
        return applied

    def _refuse_unknown(self, done: set[str]) -> None:
        unknown = sorted(done - {name for name, _ in MIGRATIONS})
        if unknown:
            raise StoreError(f"the database was written by a newer pactwatch (migration {', '.join(unknown)} "
                             f"is unknown here); upgrade pactwatch before using it")

    def check_schema(self) -> None:
        """Every table and column this version reads is there (a database edited by hand is named, not crashed on)."""
        with self.engine.connect() as conn:
            have = inspect(conn)
            names = set(have.get_table_names())
            if "schema_migrations" not in names:
                raise StoreError("not a pactwatch database (no schema_migrations table)")
            done = set(conn.scalars(select(schema_migrations.c.name)))
            self._refuse_unknown(done)
            missing = [name for name, _ in MIGRATIONS if name not in done]
            if missing:
                raise StoreError(f"the database needs migration {', '.join(missing)} but is read-only; "
                                 f"open it once where it can be written")
            # a table belongs to the migration that creates it: an older store lacks the later ones
            tables = metadata.sorted_tables + (search_schema.TABLES if "0005_search_and_indexes" in done else [])
            for table in tables:
                if table.name not in names:
                    raise StoreError(f"the database has no table {table.name}; it was changed outside pactwatch")
                columns = {c["name"] for c in have.get_columns(table.name)}
                lost = [c.name for c in table.columns if c.name not in columns]
                if lost:
                    raise StoreError(f"table {table.name} has no column {', '.join(lost)}; "
                                     f"the database was changed outside pactwatch")

    @contextlib.contextmanager
    def snapshot(self):
        """Reads inside see one state of the database: a document and all its facts, or neither,
        whatever an ingest running beside them writes meanwhile."""
        if isinstance(self.engine, _Pinned):
            yield self
            return
        engine = self.engine
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                conn.execute(select(func.count()).select_from(schema_migrations))  # the snapshot starts here
                self.engine = _Pinned(conn, engine)
                try:
                    yield self
                finally:
                    self.engine = engine

    def migrations(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.scalars(select(schema_migrations.c.name).order_by(schema_migrations.c.name)))

    # ------------------------------------------------------------ documents
    def has(self, doc_id: str) -> bool:
        return self._present(doc_id)

    def stored_among(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of these documents are stored (one query for many, where `has` asks one at a time)."""
        with self.engine.connect() as conn:
            return _stored_among(conn, list(doc_ids))

    def _present(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).where(documents.c.doc_id == doc_id)) > 0

    def writing(self):
        """A write transaction that takes the write lock when it begins (SQLite's BEGIN IMMEDIATE):
        a deferred one that read first could find, on upgrading, that another process wrote
        meanwhile, and fail at once instead of waiting its turn."""
        return self.engine.execution_options(pactwatch_lock=True).begin()

    def add(self, document: dict, records: Iterable[dict], replace: bool = False) -> int:
        """Store a document and its fact records in one transaction; returns the facts written.
        With `replace`, an existing copy and its facts are removed first (re-extraction).
        Raises AlreadyStored if another process stored it meanwhile, DocumentRefused if the database
        refuses this document's rows (another document would go in), StoreError otherwise."""
        records = [_finite_record(rec) for rec in records]
        row = _document_row(document)
        try:
            with self.writing() as conn:
                if replace:
                    self._delete(conn, row["doc_id"])
                conn.execute(insert(documents).values(**row))
                # in the same transaction: a stored document is always either reconciled or pending
                conn.execute(delete(schema.reconcile_pending).where(schema.reconcile_pending.c.doc_id == row["doc_id"]))
                conn.execute(insert(schema.reconcile_pending).values(doc_id=row["doc_id"], since=row["ingested_at"]))
                by_kind: dict[str, list[dict]] = {}
                for rec in records:
                    table = FACT_TABLES[rec["kind"]]
                    by_kind.setdefault(rec["kind"], []).append(_split(table, {**rec, "doc_id": row["doc_id"]}))
                for kind, rows in by_kind.items():
                    conn.execute(insert(FACT_TABLES[kind]), rows)
        except IntegrityError:
            if not replace and self._present(row["doc_id"]):
                raise AlreadyStored(row["doc_id"]) from None  # another process stored it meanwhile
            raise DocumentRefused(document.get("source"),
                                  "the database refused it (an integrity constraint failed)") from None
        except SQLAlchemyError as e:
            reason = _scrub(str(e).splitlines()[0], self.url)
            if _refused(e):
                raise DocumentRefused(document.get("source"), reason) from None
            raise StoreError(f"cannot store {document.get('source')}: {reason}") from None
        return len(records)

    def add_many(self, items: Iterable[tuple[dict, Iterable[dict]]], replace: Collection[str] = ()) -> list["Stored"]:
        """Store many documents, each with its fact records, in ONE transaction: what `add` does for
        one, with a bulk insert per table (COPY on PostgreSQL). Idempotent by document id: a document
        already stored (or given twice) is left as it is and reported "unchanged", unless its id is
        in `replace` (re-extraction), when its old copy and facts are replaced. Readers see the whole
        group or none of it. If the database refuses any document's rows, the group is rolled back and
        each document stored on its own, so a bad one fails alone ("failed", with its one line) and
        the rest go in. A store-wide failure (disk full, server gone) raises StoreError.
        Returns one Stored a document, in the order given."""
        # (no _finite_record here: the bulk insert makes an impossible float NULL as it encodes the row)
        items = [(document, list(records)) for document, records in items]
        if not items:
            return []
        replace = set(replace)
        try:
            return self._add_group(items, replace)
        except SQLAlchemyError as e:
            if not _refused(e):
                raise StoreError(f"cannot store {items[0][0].get('source')}"
                                 f"{f' and {len(items) - 1} more' if len(items) > 1 else ''}: "
                                 f"{_scrub(str(e).splitlines()[0], self.url)}") from None
        except (TypeError, ValueError, KeyError):
            pass   # a record the bulk path cannot write: the document alone will say which
        # the group was rolled back: each document in a transaction of its own
        return [self._add_alone(document, records, document["doc_id"] in replace) for document, records in items]

    def _add_group(self, items: list[tuple[dict, list[dict]]], replace: set[str]) -> list["Stored"]:
        rows = [_document_row(document) for document, _ in items]
        ids = [row["doc_id"] for row in rows]
        outcomes: list[Stored] = []
        with self.writing() as conn:   # SQLite: the write lock first, so what is present cannot change
            present = _stored_among(conn, ids)
            keep: list[tuple[dict, list[dict]]] = []
            taken: set[str] = set()
            for (_, records), row in zip(items, rows):
                doc_id = row["doc_id"]
                if doc_id in taken or (doc_id in present and doc_id not in replace):
                    outcomes.append(Stored(doc_id, "unchanged"))
                    continue
                taken.add(doc_id)
                outcomes.append(Stored(doc_id, "replaced" if doc_id in present else "new", len(records)))
                keep.append((row, records))
            for doc_id in sorted(taken & present):
                self._delete(conn, doc_id)
            by_kind: dict[str, list[dict]] = {kind: [] for kind in FACT_TABLES}
            for row, records in keep:
                for rec in records:
                    by_kind[rec["kind"]].append(_split(FACT_TABLES[rec["kind"]], {**rec, "doc_id": row["doc_id"]}))
            insert_rows(conn, documents, [row for row, _ in keep])
            # in the same transaction: a stored document is always either reconciled or pending
            insert_rows(conn, schema.reconcile_pending, [{"doc_id": row["doc_id"], "since": row["ingested_at"]}
                                                         for row, _ in keep])
            for kind, fact_rows in by_kind.items():
                insert_rows(conn, FACT_TABLES[kind], fact_rows)
        return outcomes

    def _add_alone(self, document: dict, records: list[dict], replace: bool) -> "Stored":
        doc_id = document["doc_id"]
        present = self._present(doc_id)
        if present and not replace:
            return Stored(doc_id, "unchanged")
        try:
            return Stored(doc_id, "replaced" if present else "new", self.add(document, records, replace=replace))
        except AlreadyStored:
            return Stored(doc_id, "unchanged")
        except DocumentRefused as e:
            return Stored(doc_id, "failed", error=e.reason)
        except (TypeError, ValueError, KeyError) as e:   # a record no table takes (a wrong kind, say)
            return Stored(doc_id, "failed", error=f"its records cannot be stored ({type(e).__name__}: {e})")

    # ------------------------------------------------------------ reconciliation state
    @contextlib.contextmanager
    def reconcile_lock(self):
        """One reconciliation at a time per database, across processes: an update reads whole
        blocks and replaces their conflicts, so two at once could each write a view missing the
        other's facts. SQLite: an advisory lock on a file beside the database; PostgreSQL: an
        advisory lock held by a connection of its own."""
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as conn:
                conn.execute(sql_text("SELECT pg_advisory_lock(7163012)"))
                try:
                    yield
                finally:
                    conn.execute(sql_text("SELECT pg_advisory_unlock(7163012)"))
                    conn.commit()
            return
        path = self._sqlite_path()
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: one process at a time is the user's care
            fcntl = None
        if path is None or fcntl is None:
            yield
            return
        with open(f"{path}.reconcile-lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def pending(self) -> list[str]:
        """Documents stored but not yet reconciled, oldest first."""
        table = schema.reconcile_pending
        with self.engine.connect() as conn:
            return list(conn.scalars(select(table.c.doc_id).order_by(table.c.since, table.c.doc_id)))

    def reconciled(self, doc_ids: Iterable[str]) -> None:
        """Mark documents reconciled (after reconcile.update has finished with them)."""
        table, ids = schema.reconcile_pending, sorted(set(doc_ids))
        with self.writing() as conn:
            for i in range(0, len(ids), 500):
                conn.execute(delete(table).where(table.c.doc_id.in_(ids[i:i + 500])))

    def _delete(self, conn, doc_id: str) -> None:
        conn.execute(delete(schema.reconcile_pending).where(schema.reconcile_pending.c.doc_id == doc_id))
        for table in FACT_TABLES.values():
            conn.execute(delete(table).where(table.c.doc_id == doc_id))
        conn.execute(delete(documents).where(documents.c.doc_id == doc_id))

    def remove(self, doc_id: str) -> None:
        with self.writing() as conn:
            self._delete(conn, doc_id)

    def documents(self, with_text: bool = False, doc_ids: Iterable[str] | None = None) -> list[dict]:
        """Document records by source; only those of `doc_ids` when given."""
        cols = [documents.c[k] for k in DOCUMENT_FIELDS] + [documents.c.ingested_at]
        if with_text:
            cols.append(documents.c.text)
        query = select(*cols).order_by(documents.c.source)
        with _unreadable("documents"), self.engine.connect() as conn:
            if doc_ids is None:
                rows = conn.execute(query).all()
            else:
                wanted = sorted(set(doc_ids))
                rows = [r for i in range(0, len(wanted), IN_LIST)
                        for r in conn.execute(query.where(documents.c.doc_id.in_(wanted[i:i + IN_LIST]))).all()]
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
        for _, record in self.fact_rows(kind, doc_ids):
            yield record

    def fact_ids(self, kind: str, doc_ids: Iterable[str]) -> list[tuple[str, int, int | None]]:
        """(document id, row id, start) of one kind's facts of these documents, in `fact_rows`'s order."""
        table, wanted = FACT_TABLES[kind], sorted(set(doc_ids))
        query = select(table.c.doc_id, table.c.id, table.c.start)
        with _unreadable(table.name), self.engine.connect() as conn:
            rows = [tuple(r) for i in range(0, len(wanted), IN_LIST)
                    for r in conn.execute(query.where(table.c.doc_id.in_(wanted[i:i + IN_LIST])))]
        return sorted(rows)

    def fact_rows(self, kind: str, doc_ids: Iterable[str] | None = None) -> Iterator[tuple[int, dict]]:
        """(row id, record) of one kind's facts (not documents), in document then text order."""
        table = FACT_TABLES[kind]
        query = select(table).order_by(table.c.doc_id, table.c.id)
        if doc_ids is not None:
            query = query.where(table.c.doc_id.in_(list(doc_ids)))
        with _unreadable(table.name), self.engine.connect() as conn:
            for row in conn.execution_options(stream_results=True, yield_per=1000).execute(query):
                columns = row._mapping
                yield columns["id"], fact_record(kind, columns)

    def count(self, kind: str) -> int:
        table = documents if kind == "document" else FACT_TABLES[kind]
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(table))


@contextlib.contextmanager
def _unreadable(table: str):
    """A database damaged outside pactwatch (a column renamed, a JSON value cut short) is one clear error."""
    try:
        yield
    except StoreError:
        raise
    except (SQLAlchemyError, ValueError, TypeError) as e:
        raise StoreError(f"the database's {table} table cannot be read ({e.__class__.__name__}: "
                         f"{str(e).splitlines()[0] if str(e) else ''}); it was changed outside pactwatch") from None


class DocumentRefused(StoreError):
    """The database refused this document's rows (a constraint, a value no column holds); other
    documents can still be stored."""

    def __init__(self, source, reason: str):
        super().__init__(f"cannot store {source}: {reason}")
        self.reason = reason


@dataclass
class Stored:
    """What Store.add_many did with one document."""
    doc_id: str
    status: str                 # "new", "replaced", "unchanged" (already stored) or "failed"
    facts: int = 0              # fact records written
    error: str | None = None    # for "failed": why, in one line (the caller names the document)


class AlreadyStored(StoreError):
    """The document was stored by another process between our check and our write."""

    def __init__(self, doc_id: str):
        super().__init__(f"document {doc_id[:12]} is already stored")
        self.doc_id = doc_id


def _finite_record(record: dict) -> dict:
    """bulk.finite, after a quick look (the C JSON encoder) showing whether there is anything to do:
    walking every value of every record in Python costs more than the database's insert."""
    try:
        encoded = json.dumps(record)
    except (TypeError, ValueError):
        return finite(record)
    return finite(record) if ("Infinity" in encoded or "NaN" in encoded) else record


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _sqlite_transactions(engine: Engine, wal: bool) -> None:
    """SQLite transactions that mean what they say. Python's sqlite3 opens a transaction only before
    a write statement, so a schema change ran outside any transaction (two processes creating one
    database raced) and consecutive reads saw different states; here every transaction is a real
    BEGIN, and one that asks for the lock (migrations) takes the write lock before it reads."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None   # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if wal:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        lock = conn.get_execution_options().get("pactwatch_lock")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if lock else "BEGIN")
