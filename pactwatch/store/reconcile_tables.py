"""Reconciliation's tables and their SQL, mixed into `Store`.

Importing this module adds three tables to the shared MetaData:
    reconcile_facts      each quantity and event record again, under its blocking key, so an update
                         reads only the blocks new facts touch
    reconcile_clusters   one row per fact cluster (one record per fact, every mention inside)
    reconcile_conflicts  one row per conflict record
Clusters and conflicts carry the block they were computed from; recomputing a block replaces its rows.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text, delete, func, insert, select, text

from .bulk import insert_rows
from .schema import JSON, metadata

reconcile_facts = Table(
    "reconcile_facts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("block", String(400), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("record", JSON, nullable=False),
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
    every row and id; PostgreSQL's sequence never gave an id twice."""
    if conn.dialect.name != "sqlite":
        return
    made = conn.scalar(text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'reconcile_facts'"))
    if made is None or "AUTOINCREMENT" in made.upper():
        return
    for index in reconcile_facts.indexes:
        conn.execute(text(f"DROP INDEX IF EXISTS {index.name}"))
    conn.execute(text("ALTER TABLE reconcile_facts RENAME TO reconcile_facts_before_0006"))
    reconcile_facts.create(conn)
    conn.execute(text("INSERT INTO reconcile_facts (id, block, kind, doc_id, record) "
                      "SELECT id, block, kind, doc_id, record FROM reconcile_facts_before_0006"))
    conn.execute(text("DROP TABLE reconcile_facts_before_0006"))
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
        """Keep fact records under their blocks: rows of {block, kind, doc_id, record}."""
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

    def reconcile_records(self, ids: Iterable[int]) -> Iterator[tuple[int, dict]]:
        """(row id, fact record) of these rows."""
        ids = sorted(set(ids))
        with self.engine.connect() as conn:
            for i in range(0, len(ids), _CHUNK):
                query = select(reconcile_facts.c.id, reconcile_facts.c.record).where(
                    reconcile_facts.c.id.in_(ids[i:i + _CHUNK]))
                yield from conn.execute(query)

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
            if clusters:
                conn.execute(insert(reconcile_clusters), [
                    {"cluster_id": c["cluster_id"], "block": c["block"], "fact": c["fact"],
                     "first_day": c.get("first_day"), "source_count": c["source_count"], "record": c}
                    for c in clusters])
            if conflicts:
                conn.execute(insert(reconcile_conflicts), [
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
