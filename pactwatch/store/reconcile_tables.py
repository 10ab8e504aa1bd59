"""Reconciliation's tables and their SQL, mixed into `Store`.

Importing this module adds three tables to the shared MetaData:
    reconcile_facts      each quantity and event fact under its blocking key (a pointer to its row in
                         quantities or events, so a record is stored once however many blocks it is
                         filed under), so an update reads only the blocks new facts touch
    reconcile_clusters   one row per fact cluster (one record per fact, every mention inside)
    reconcile_conflicts  one row per conflict record
Clusters and conflicts carry the block they were computed from; recomputing a block replaces its rows.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text, delete, func, inspect, select, text

from .bulk import insert_rows
from .schema import JSON, documents, events, fact_record, metadata, quantities

# the fact tables reconciliation files, by record kind
FILED_TABLES = {"quantity": quantities, "event": events}
# what reconciliation reads of a filed fact's document
FILED_DOC_FIELDS = ("source", "title", "published", "publisher", "anchor")

reconcile_facts = Table(
    "reconcile_facts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("block", String(400), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    # the fact's row in its kind's table (FILED_TABLES): deleted with its document, as this row is
    Column("fact_id", Integer, nullable=False),
    # a row id is never given twice (SQLite would reuse the highest after a delete), so an ingest may
    # keep what it made of a row between updates, known by its id (reconcile/incremental.py)
    sqlite_autoincrement=True,
)
Index("ix_reconcile_facts_block", reconcile_facts.c.block)
Index("ix_reconcile_facts_doc_id", reconcile_facts.c.doc_id)

reconcile_clusters = Table(
    "reconcile_clusters", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("cluster_id", String(40), nullable=False),
    Column("block", String(400), nullable=False),
    Column("fact", String(16), nullable=False),
    Column("first_day", String(10)),
    Column("source_count", Integer, nullable=False),
    Column("record", JSON, nullable=False),
)
Index("ix_reconcile_clusters_block", reconcile_clusters.c.block)

reconcile_conflicts = Table(
    "reconcile_conflicts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conflict_id", String(40), nullable=False),
    Column("block", String(400), nullable=False),
    Column("type", String(16), nullable=False),
    Column("about", Text, nullable=False),
    Column("record", JSON, nullable=False),
)
Index("ix_reconcile_conflicts_block", reconcile_conflicts.c.block)

TABLES = [reconcile_facts, reconcile_clusters, reconcile_conflicts]


def never_reuse_fact_ids(conn) -> None:
    """Migration 0006: a SQLite store made before it rebuilds reconcile_facts with AUTOINCREMENT, keeping
    every row and id; PostgreSQL's sequence never gave an id twice. The table is rebuilt in the shape
    it had then (each record kept whole); 0007 turns it into today's."""
    if conn.dialect.name != "sqlite":
        return
    made = conn.scalar(text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'reconcile_facts'"))
    if made is None or "AUTOINCREMENT" in made.upper():
        return
    _drop_indexes(conn)
    conn.execute(text("ALTER TABLE reconcile_facts RENAME TO reconcile_facts_before_0006"))
    conn.execute(text("CREATE TABLE reconcile_facts (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
                      "block VARCHAR(400) NOT NULL, kind VARCHAR(16) NOT NULL, "
                      "doc_id VARCHAR(64) NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE, "
                      "record JSON NOT NULL)"))
    conn.execute(text("INSERT INTO reconcile_facts (id, block, kind, doc_id, record) "
                      "SELECT id, block, kind, doc_id, record FROM reconcile_facts_before_0006"))
    conn.execute(text("DROP TABLE reconcile_facts_before_0006"))
    _create_indexes(conn)


def file_facts_by_row(conn, now: str) -> None:
    """Migration 0007: a row of reconcile_facts points at its fact's row instead of holding a copy of the
    record (one for each block it was filed under: most of a store's size). A copy is matched to the row
    of the same kind, document, offsets and quote; a document with a copy that matches none (not seen in
    practice) is marked for reconciling again, which the next ingest does before anything new."""
    if "record" not in {c["name"] for c in inspect(conn).get_columns("reconcile_facts")}:
        return
    sqlite = conn.dialect.name == "sqlite"

    def field(json_column: str, name: str, integer: bool = False) -> str:
        if sqlite:
            return f"json_extract({json_column}, '$.{name}')"
        return f"(({json_column})->>'{name}')::integer" if integer else f"(({json_column})->>'{name}')"

    same = "IS" if sqlite else "IS NOT DISTINCT FROM"

    def matching_row(table: str) -> str:
        return (f"(SELECT f.id FROM {table} f WHERE f.doc_id = r.doc_id "
                f"AND f.start {same} {field('r.record', 'start', True)} AND f.quote {same} {field('r.record', 'quote')} "
                f"AND {field('f.extra', 'span_start')} {same} {field('r.record', 'span_start')} ORDER BY f.id LIMIT 1)")

    pointer = (f"CASE r.kind WHEN 'quantity' THEN {matching_row('quantities')} "
               f"WHEN 'event' THEN {matching_row('events')} END")
    if sqlite:
        _drop_indexes(conn)
        conn.execute(text("ALTER TABLE reconcile_facts RENAME TO reconcile_facts_before_0007"))
        reconcile_facts.create(conn)
        conn.execute(text(f"INSERT INTO reconcile_facts (id, block, kind, doc_id, fact_id) "
                          f"SELECT id, block, kind, doc_id, fact_id FROM (SELECT r.id, r.block, r.kind, r.doc_id, "
                          f"{pointer} AS fact_id FROM reconcile_facts_before_0007 r) WHERE fact_id IS NOT NULL"))
        conn.execute(text("INSERT OR IGNORE INTO reconcile_pending (doc_id, since) SELECT DISTINCT doc_id, :now "
                          "FROM reconcile_facts_before_0007 WHERE id NOT IN (SELECT id FROM reconcile_facts)"),
                     {"now": now})
        # ids stay never given twice: the new table goes on from the old one's highest
        conn.execute(text("UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence "
                          "WHERE name = 'reconcile_facts_before_0007') WHERE name = 'reconcile_facts' "
                          "AND seq < (SELECT seq FROM sqlite_sequence WHERE name = 'reconcile_facts_before_0007')"))
        conn.execute(text("INSERT INTO sqlite_sequence (name, seq) SELECT 'reconcile_facts', seq FROM sqlite_sequence "
                          "WHERE name = 'reconcile_facts_before_0007' "
                          "AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'reconcile_facts')"))
        conn.execute(text("DROP TABLE reconcile_facts_before_0007"))
        return
    conn.execute(text("ALTER TABLE reconcile_facts ADD COLUMN fact_id INTEGER"))
    conn.execute(text(f"UPDATE reconcile_facts r SET fact_id = {pointer}"))
    conn.execute(text("INSERT INTO reconcile_pending (doc_id, since) SELECT DISTINCT doc_id, :now "
                      "FROM reconcile_facts WHERE fact_id IS NULL ON CONFLICT DO NOTHING"), {"now": now})
    conn.execute(text("DELETE FROM reconcile_facts WHERE fact_id IS NULL"))
    conn.execute(text("ALTER TABLE reconcile_facts ALTER COLUMN fact_id SET NOT NULL"))
    conn.execute(text("ALTER TABLE reconcile_facts DROP COLUMN record"))


def _drop_indexes(conn) -> None:
    for index in reconcile_facts.indexes:
        conn.execute(text(f"DROP INDEX IF EXISTS {index.name}"))


def _create_indexes(conn) -> None:
    for index in reconcile_facts.indexes:
        index.create(conn)


# SQLite allows 999 bound parameters in old builds; stay well under it
_CHUNK = 500


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    values = sorted(set(values))
    for i in range(0, len(values), _CHUNK):
        yield values[i:i + _CHUNK]


class ReconcileStore:
    """The SQL reconciliation needs; expects `self.engine` from `Store`."""

    def reconcile_forget(self, doc_ids: Iterable[str]) -> set[str]:
        """Drop the stored facts of these documents (before they are re-read); returns the blocks they were in."""
        blocks: set[str] = set()
        with self.writing() as conn:
            for chunk in _chunks(doc_ids):
                where = reconcile_facts.c.doc_id.in_(chunk)
                blocks.update(conn.scalars(select(reconcile_facts.c.block).where(where).distinct()))
                conn.execute(delete(reconcile_facts).where(where))
        return blocks

    def reconcile_blocks_citing(self, doc_ids: Iterable[str]) -> set[str]:
        """Blocks whose stored clusters or conflicts cite any of these documents (documents since removed).
        A scan, as the citations live inside the records; it runs only when documents are removed."""
        wanted, blocks = set(doc_ids), set()
        with self.engine.connect() as conn:
            for block, record in conn.execute(select(reconcile_clusters.c.block, reconcile_clusters.c.record)):
                if wanted & set(record.get("doc_ids") or ()):
                    blocks.add(block)
            for block, record in conn.execute(select(reconcile_conflicts.c.block, reconcile_conflicts.c.record)):
                if wanted & {item.get("doc_id") for item in record.get("items") or ()}:
                    blocks.add(block)
        return blocks

    def reconcile_blocks_like(self, prefix: str) -> set[str]:
        """Every block whose key starts with `prefix` (the dated blocks of one series)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self.engine.connect() as conn:
            query = select(reconcile_facts.c.block).where(reconcile_facts.c.block.like(escaped + "%", escape="\\"))
            return set(conn.scalars(query.distinct()))

    def reconcile_clear(self) -> None:
        """Forget every fact, cluster and conflict (before a full rebuild)."""
        with self.writing() as conn:
            for table in TABLES:
                conn.execute(delete(table))

    def reconcile_add(self, rows: list[dict]) -> None:
        """File facts under their blocks: rows of {block, kind, doc_id, fact_id}, fact_id the fact's row
        id in its kind's table (`fact_rows`)."""
        if rows:
            with self.writing() as conn:
                insert_rows(conn, reconcile_facts, rows)

    def reconcile_last_id(self) -> int:
        """The id of the last fact row filed (0 when none): rows filed later have higher ids."""
        with self.engine.connect() as conn:
            return conn.scalar(select(func.max(reconcile_facts.c.id))) or 0

    def reconcile_fact_ids(self, blocks: Iterable[str], up_to: int | None = None) -> Iterator[tuple[str, int]]:
        """(block, row id) of every fact row filed under any of these blocks (only those with ids up to
        `up_to` when given), streamed block by block in code-point order of the block keys on every
        database, each block's rows in the order they were filed. Without the records: the caller keeps
        what it made of rows it read before and asks `reconcile_records` for the others."""
        # PostgreSQL sorts text by the database's locale; the C collation sorts as Python does
        block = reconcile_facts.c.block.collate("C") if self.engine.dialect.name == "postgresql" else reconcile_facts.c.block
        with self.engine.connect() as conn:
            for chunk in _chunks(blocks):
                query = (select(reconcile_facts.c.block, reconcile_facts.c.id)
                         .where(reconcile_facts.c.block.in_(chunk)).order_by(block, reconcile_facts.c.id))
                if up_to is not None:
                    query = query.where(reconcile_facts.c.id <= up_to)
                yield from conn.execution_options(stream_results=True, yield_per=5000).execute(query)

    def reconcile_records(self, ids: Iterable[int]) -> Iterator[tuple[int, dict, dict]]:
        """(row id, fact record, its document's record as far as reconciliation reads it: FILED_DOC_FIELDS)
        of these rows of reconcile_facts."""
        ids = sorted(set(ids))
        doc_fields = [documents.c[f].label(f"document_{f}") for f in FILED_DOC_FIELDS]
        with self.engine.connect() as conn:
            for kind, table in FILED_TABLES.items():
                joined = (reconcile_facts.join(table, table.c.id == reconcile_facts.c.fact_id)
                          .join(documents, documents.c.doc_id == reconcile_facts.c.doc_id))
                query = select(reconcile_facts.c.id.label("filed_id"), *table.columns, *doc_fields).select_from(joined)
                for i in range(0, len(ids), _CHUNK):
                    chunk = query.where(reconcile_facts.c.kind == kind, reconcile_facts.c.id.in_(ids[i:i + _CHUNK]))
                    for row in conn.execute(chunk):
                        columns = dict(row._mapping)
                        filed_id = columns.pop("filed_id")
                        document = {"kind": "document", "doc_id": columns["doc_id"],
                                    **{f: columns.pop(f"document_{f}") for f in FILED_DOC_FIELDS}}
                        yield filed_id, fact_record(kind, columns), document

    def reconcile_ids_after(self, last_id: int) -> list[tuple[int, str]]:
        """(row id, block) of the rows filed after `last_id`, in the order filed."""
        with self.engine.connect() as conn:
            query = (select(reconcile_facts.c.id, reconcile_facts.c.block)
                     .where(reconcile_facts.c.id > last_id).order_by(reconcile_facts.c.id))
            return [tuple(row) for row in conn.execute(query)]

    def reconcile_replace(self, blocks: Iterable[str], clusters: list[dict], conflicts: list[dict]) -> None:
        """Replace the clusters and conflicts of these blocks with freshly computed ones, in one transaction."""
        with self.writing() as conn:
            for chunk in _chunks(blocks):
                conn.execute(delete(reconcile_clusters).where(reconcile_clusters.c.block.in_(chunk)))
                conn.execute(delete(reconcile_conflicts).where(reconcile_conflicts.c.block.in_(chunk)))
            insert_rows(conn, reconcile_clusters, [
                {"cluster_id": c["cluster_id"], "block": c["block"], "fact": c["fact"],
                 "first_day": c.get("first_day"), "source_count": c["source_count"], "record": c}
                for c in clusters])
            insert_rows(conn, reconcile_conflicts, [
                {"conflict_id": c["conflict_id"], "block": c["block"], "type": c["type"], "about": c["about"],
                 "record": c} for c in conflicts])

    def clusters(self, fact: str | None = None) -> list[dict]:
        """Stored fact clusters ("quantity" or "event", or both), in date order."""
        query = select(reconcile_clusters.c.record).order_by(reconcile_clusters.c.first_day, reconcile_clusters.c.id)
        if fact:
            query = query.where(reconcile_clusters.c.fact == fact)
        with self.engine.connect() as conn:
            return list(conn.scalars(query))

    def conflicts(self) -> list[dict]:
        """Stored conflict records in FORMAT.md's shape (kind, about, items, reason, type)."""
        # conflict_id (a hash of the block and the sides) orders ties: insertion order follows set
        # iteration in reconcile, which differs between runs
        query = select(reconcile_conflicts.c.record).order_by(reconcile_conflicts.c.type, reconcile_conflicts.c.about,
                                                              reconcile_conflicts.c.conflict_id, reconcile_conflicts.c.id)
        with self.engine.connect() as conn:
            return [{k: v for k, v in record.items() if k != "block"} for record in conn.scalars(query)]
