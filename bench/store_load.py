"""How many rows a second the store absorbs: the records of an ingested store loaded into a fresh
PostgreSQL (or any store URL), two ways:

  per document   Store.add, one transaction a document: what `pactwatch ingest` does, every engine
  per shard      one multi-row INSERT per table and one transaction per shard of documents: a bulk load

    python bench/store_load.py --from STORE.db [--to postgresql://...] [--copies 5] [--shard 500]

With no --to it starts a throw-away PostgreSQL server (initdb and pg_ctl on PATH or in
/usr/lib/postgresql/*/bin, on a loopback port; as root it runs the server as `postgres` or `nobody`).
Each copy gives every document a new id, so the load grows without duplicating ids.
"""
from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tools"))


@contextlib.contextmanager
def throwaway_postgres():
    from pgserver import Unavailable, throwaway_postgres as server
    base = Path(tempfile.mkdtemp(prefix="pactwatch-pg-"))
    try:
        with server(base) as url:
            yield url
    except Unavailable as e:
        raise SystemExit(f"bench: {e}; or pass --to URL") from None
    finally:
        shutil.rmtree(base, ignore_errors=True)


def documents_with_records(source) -> list[tuple[dict, list[dict]]]:
    by_doc: dict[str, list[dict]] = {}
    for kind in ("entity", "timex", "quantity", "event"):
        for rec in source.records(kind):
            by_doc.setdefault(rec["doc_id"], []).append(rec)
    return [(doc, by_doc.get(doc["doc_id"], [])) for doc in source.documents(with_text=True)]


def copies(docs: list[tuple[dict, list[dict]]], n: int, tag: str):
    for k in range(n):
        for doc, records in docs:
            doc_id = f"{doc['doc_id'][:56]}{tag}{k:03d}"
            yield {**doc, "doc_id": doc_id}, [{**r, "doc_id": doc_id} for r in records]


def load_per_document(store, items) -> tuple[int, int, float]:
    started, docs, rows = time.perf_counter(), 0, 0
    for doc, records in items:
        rows += store.add(doc, records) + 1
        docs += 1
    return docs, rows, time.perf_counter() - started


def load_per_shard(store, items, shard: int) -> tuple[int, int, float]:
    from sqlalchemy import insert

    from pactwatch.store import DOCUMENT_FIELDS, _now, _split
    from pactwatch.store.schema import FACT_TABLES, documents

    started, docs, rows = time.perf_counter(), 0, 0
    items = list(items)
    for i in range(0, len(items), shard):
        doc_rows, fact_rows = [], {kind: [] for kind in FACT_TABLES}
        for doc, records in items[i:i + shard]:
            row = {k: doc.get(k) for k in DOCUMENT_FIELDS}
            row.update(text=doc["text"], ingested_at=_now())
            doc_rows.append(row)
            for rec in records:
                fact_rows[rec["kind"]].append(_split(FACT_TABLES[rec["kind"]], rec))
        with store.engine.begin() as conn:
            conn.execute(insert(documents), doc_rows)
            for kind, batch in fact_rows.items():
                if batch:
                    conn.execute(insert(FACT_TABLES[kind]), batch)
        docs += len(doc_rows)
        rows += len(doc_rows) + sum(len(b) for b in fact_rows.values())
    return docs, rows, time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="source", required=True, help="an ingested store (SQLite file or URL)")
    ap.add_argument("--to", help="the store to load into (default: a throw-away PostgreSQL)")
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--shard", type=int, default=500, help="documents per transaction in the bulk load")
    args = ap.parse_args()

    from pactwatch.store import Store
    docs = documents_with_records(Store(args.source))
    with (contextlib.nullcontext(args.to) if args.to else throwaway_postgres()) as url:
        store = Store(url)
        print(f"{len(docs)} documents x {args.copies} copies into {store.engine.dialect.name}")
        for name, load in (("per document", lambda it: load_per_document(store, it)),
                           (f"per shard of {args.shard}", lambda it: load_per_shard(store, it, args.shard))):
            n, rows, seconds = load(copies(docs, args.copies, "b" if "shard" in name else "d"))
            print(f"{name:18} {n:6} documents {rows:8,} rows {seconds:7.1f}s  {n / seconds:8.1f} docs/s "
                  f"{rows / seconds:10,.0f} rows/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
