"""How many rows a second the store absorbs: the records of an ingested store loaded into a fresh
PostgreSQL (or any store: a URL or an SQLite path), two ways:

  per document   Store.add, one transaction a document (what `pactwatch ingest` did before add_many)
  per shard      Store.add_many, one transaction per shard of documents, bulk inserts (COPY on
                 PostgreSQL): what `pactwatch ingest` does with each batch or Ray shard

    python bench/store_load.py --from STORE.db [--to postgresql://...|FILE.db] [--copies 5] [--shard 500]

With no --to it starts a throw-away PostgreSQL server (initdb and pg_ctl on PATH or in
/usr/lib/postgresql/*/bin, on a loopback port; as root it runs the server as `postgres` or `nobody`).
Each copy gives every document a new id, so the load grows without duplicating ids.

And the store's share of an ingest: the time `pactwatch ingest` spends in the store's calls
(looking documents up, writing them, marking them reconciled) against the whole run, on the
bench corpus (bench/corpus.py) into a fresh SQLite store:

    python bench/store_load.py --ingest 200 [--workers 1] [--batch-size 8] [--to postgresql://...|postgres]
                               [--engine ray]

(`--to postgres`: into a throw-away PostgreSQL server instead.)
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
    started, docs, rows = time.perf_counter(), 0, 0
    items = list(items)
    for i in range(0, len(items), shard):
        group = items[i:i + shard]
        stored = store.add_many(group)
        docs += sum(1 for s in stored if s.status == "new")
        rows += sum(s.facts + 1 for s in stored if s.status == "new")
    return docs, rows, time.perf_counter() - started


def store_share(n: int, workers: int, batch_size: int, to: str | None = None, engine: str = "local") -> None:
    """One ingest of `n` bench documents with the store's calls timed."""
    import corpus as bench_corpus

    from pactwatch import api
    from pactwatch.store import Store
    spent: dict[str, float] = {}
    calls: dict[str, int] = {}

    def timed(name):
        real = getattr(Store, name)

        def wrapper(*args, **kwargs):
            started, cpu = time.perf_counter(), time.process_time()
            calls[name] = calls.get(name, 0) + 1
            try:
                return real(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - started
                spent[f"{name} cpu"] = spent.get(f"{name} cpu", 0.0) + time.process_time() - cpu
        setattr(Store, name, wrapper)
    for name in ("has", "add", "add_many", "pending", "reconciled"):
        if hasattr(Store, name):   # (add_many is new: the script also times the code before it)
            timed(name)
    with tempfile.TemporaryDirectory(prefix="pactwatch-share-") as tmp:
        path = f"{tmp}/corpus.jsonl"
        bench_corpus.write_jsonl(path, n)
        with (throwaway_postgres() if to == "postgres" else contextlib.nullcontext(to or f"{tmp}/s.db")) as db:
            Store(db)   # the schema made before the clock starts
            started, cpu = time.perf_counter(), time.process_time()
            report = api.ingest([path], db=db, workers=workers, batch_size=batch_size, engine=engine)
            total, total_cpu = time.perf_counter() - started, time.process_time() - cpu
    print(report.summary(), "|", report.engine.summary())
    print("  ".join(f"{k} {v:.2f}s" for k, v in sorted(spent.items()) if not k.endswith(" calls")))
    print(f"write transactions: {calls.get('add_many', calls.get('add', 0))} for {report.new} documents")
    rows = report.facts + report.new
    for clock, suffix, whole in (("wall clock", "", total), ("this process's CPU", " cpu", total_cpu)):
        # add_many falls back to add for a refused document: count the outer call only
        writing = spent.get(f"add_many{suffix}", spent.get(f"add{suffix}", 0.0))
        store = writing + sum(spent.get(f"{k}{suffix}", 0.0) for k in ("has", "pending", "reconciled"))
        print(f"{clock}: store {store:.2f}s of {whole:.1f}s = {100 * store / whole:.1f} % (writing documents and "
              f"facts {writing:.2f}s, {rows:,} rows at {rows / writing:,.0f} rows/s)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="source", help="an ingested store (SQLite file or URL)")
    ap.add_argument("--to", help="the store to load into (default: a throw-away PostgreSQL)")
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--shard", type=int, default=500, help="documents per transaction in the bulk load")
    ap.add_argument("--ingest", type=int, metavar="N", help="time the store's share of ingesting N bench documents")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--engine", default="local", help="with --ingest: local or ray (a local Ray, --workers actors)")
    args = ap.parse_args()
    if args.ingest:
        store_share(args.ingest, args.workers, args.batch_size, args.to, args.engine)
        return 0
    if not args.source:
        ap.error("give --from STORE (a load) or --ingest N (the store's share of an ingest)")

    from pactwatch.store import Store
    docs = documents_with_records(Store(args.source))
    with (contextlib.nullcontext(args.to) if args.to else throwaway_postgres()) as url:
        store = Store(url)
        print(f"{len(docs)} documents x {args.copies} copies into {store.engine.dialect.name}")
        for name, load in (("per document", lambda it: load_per_document(store, it)),
                           (f"per shard of {args.shard}", lambda it: load_per_shard(store, it, args.shard))):
            cpu = time.process_time()
            n, rows, seconds = load(copies(docs, args.copies, "b" if "shard" in name else "d"))
            cpu = time.process_time() - cpu   # this process's part (all of it for SQLite): steady under load
            print(f"{name:18} {n:6} documents {rows:8,} rows {seconds:7.1f}s  {n / seconds:8.1f} docs/s "
                  f"{rows / seconds:10,.0f} rows/s   (CPU here {cpu:.1f}s: {rows / cpu:,.0f} rows per CPU second)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
