"""Read queries the web pages need beyond `Store`'s own: counts, pages of documents, full-text search,
one document's facts, actors summed across documents, and the store's change counter.

Every function takes a `Store` and returns plain dicts; pages never write SQL of their own."""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import column, desc, func, literal_column, select, table, text

from .schema import FACT_TABLES, documents, entities
from .search_schema import PG_DOCUMENT_VECTOR, store_changes

LIST_FIELDS = ("doc_id", "source", "title", "authors", "published", "publisher", "format", "ingested_at")
# the FTS5 table of migration 0005 (SQLite only)
documents_fts = table("documents_fts", column("doc_id"), column("title"), column("text"))
# marks around a matched word in a search snippet; control characters no article text contains, so a
# page escapes the snippet first and only then turns these into <mark>
SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
# a search matching more documents than this lists the newest first rather than ranking them all
RANK_AT_MOST = 2000


def data_version(store: Any) -> int:
    """A number that rises whenever a document, cluster or conflict is written or removed."""
    with store.engine.connect() as conn:
        return conn.scalar(select(store_changes.c.version).where(store_changes.c.id == 1)) or 0


def counts(store: Any) -> dict[str, int]:
    """Documents and fact records by kind."""
    out = {}
    with store.engine.connect() as conn:
        out["document"] = conn.scalar(select(func.count()).select_from(documents))
        for kind, tbl in FACT_TABLES.items():
            out[kind] = conn.scalar(select(func.count()).select_from(tbl))
    return out


def _listing(row) -> dict:
    data = dict(row._mapping)
    data["authors"] = list(data.get("authors") or [])
    return data


def recent_documents(store: Any, limit: int = 10) -> list[dict]:
    """The documents ingested last, newest first."""
    cols = [documents.c[k] for k in LIST_FIELDS]
    query = select(*cols).order_by(desc(documents.c.ingested_at), documents.c.doc_id).limit(limit)
    with store.engine.connect() as conn:
        return [_listing(r) for r in conn.execute(query)]


def ingest_days(store: Any, limit: int = 30) -> list[dict]:
    """Documents ingested per day (UTC), the latest `limit` days, newest first."""
    day = func.substr(documents.c.ingested_at, 1, 10).label("day")
    query = select(day, func.count().label("documents")).group_by(day).order_by(desc(day)).limit(limit)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def fts_query(q: str) -> str | None:
    """A user's words as an FTS5 query: every word must occur (quoted, so no word is read as an operator)."""
    words = _WORD.findall(q or "")
    return " ".join(f'"{w}"' for w in words) or None


def _newest_first(store: Any) -> tuple:
    """Newest published first, undated last (SQLite sorts NULL lowest already, and its index serves
    the plain DESC; PostgreSQL sorts NULL highest, so it is told)."""
    published = documents.c.published.desc()
    if store.engine.dialect.name == "postgresql":
        published = published.nulls_last()
    return published, documents.c.doc_id.desc()


def document_list(store: Any, q: str | None = None, offset: int = 0, limit: int = 50) -> dict:
    """A page of documents, newest published first; with `q`, those matching every word of it
    (SQLite FTS5, best match first, with a snippet; PostgreSQL full-text search)."""
    cols = [documents.c[k] for k in LIST_FIELDS]
    dialect = store.engine.dialect.name
    with store.engine.connect() as conn:
        if not q or not q.strip():
            total = conn.scalar(select(func.count()).select_from(documents))
            query = (select(*cols).order_by(*_newest_first(store))
                     .offset(offset).limit(limit))
            return {"total": total, "order": "newest published", "items": [_listing(r) for r in conn.execute(query)]}
        if dialect == "sqlite":
            match = fts_query(q)
            if match is None:
                return {"total": 0, "items": []}
            where = text("documents_fts MATCH :match").bindparams(match=match)
            total = conn.scalar(select(func.count()).select_from(documents_fts).where(where))
            snippet = literal_column(f"snippet(documents_fts, 2, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 20)")
            # ranking scores every match; past RANK_AT_MOST matches the newest indexed come first instead
            ranked = total <= RANK_AT_MOST
            order = literal_column("documents_fts.rank") if ranked else literal_column("documents_fts.rowid").desc()
            query = (select(*cols, snippet.label("snippet"))
                     .select_from(documents_fts.join(documents, documents.c.doc_id == documents_fts.c.doc_id))
                     .where(where).order_by(order).offset(offset).limit(limit))
            return {"total": total, "order": "best match" if ranked else "newest ingested",
                    "items": [_listing(r) for r in conn.execute(query)]}
        # PostgreSQL: the same expression the GIN index of migration 0005 is built on
        where = text(f"{PG_DOCUMENT_VECTOR} @@ websearch_to_tsquery('english'::regconfig, :q)").bindparams(q=q)
        total = conn.scalar(select(func.count()).select_from(documents).where(where))
        query = (select(*cols).where(where).order_by(*_newest_first(store))
                 .offset(offset).limit(limit))
        return {"total": total, "order": "newest published", "items": [_listing(r) for r in conn.execute(query)]}


def document_facts(store: Any, doc_id: str) -> dict[str, list[dict]]:
    """One document's fact records by kind, in text order."""
    return {kind: list(store.records(kind, [doc_id])) for kind in FACT_TABLES}


def actor_summaries(store: Any) -> list[dict]:
    """Each actor once (its knowledge-base id, else its name and type): the documents naming it and
    its mentions, most mentioned first."""
    key = func.coalesce(entities.c.kb_id, entities.c.name)
    query = (select(func.min(entities.c.name).label("name"), func.min(entities.c.type).label("type"),
                    func.min(entities.c.kb_id).label("kb_id"), func.count().label("documents"),
                    func.sum(func.json_array_length(entities.c.mentions)).label("mentions"))
             .group_by(key, entities.c.type))
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    for r in rows:
        r["mentions"] = int(r["mentions"] or 0)
    rows.sort(key=lambda r: (-r["mentions"], r["name"]))
    return rows


def actor_documents(store: Any, name: str, offset: int = 0, limit: int = 20) -> dict:
    """The documents naming an actor (by canonical name), the last ingested first (served by the
    index on entities (name, id): no sort however many documents name it)."""
    where = entities.c.name == name
    cols = [documents.c[k] for k in LIST_FIELDS] + [entities.c.aliases, entities.c.mentions]
    with store.engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(entities).where(where))
        query = (select(*cols).select_from(entities.join(documents, documents.c.doc_id == entities.c.doc_id))
                 .where(where).order_by(entities.c.id.desc()).offset(offset).limit(limit))
        items = []
        for r in conn.execute(query):
            item = _listing(r)
            item["mentions"] = len(item.get("mentions") or [])
            items.append(item)
    return {"total": total, "items": items}


def actor_aliases(store: Any, name: str, limit: int = 50) -> list[str]:
    """The ways documents wrote an actor's name (from a sample of its entity records)."""
    query = select(entities.c.aliases).where(entities.c.name == name).limit(limit)
    seen: dict[str, None] = {}
    with store.engine.connect() as conn:
        for aliases in conn.scalars(query):
            for a in aliases or []:
                seen.setdefault(a, None)
    return list(seen)
