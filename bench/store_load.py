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
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


@contextlib.contextmanager
def throwaway_postgres():
    found = shutil.which("initdb") or (sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or [None])[-1]
    if not found:
        raise SystemExit("bench: no PostgreSQL server binaries (initdb); install postgresql or pass --to URL")
    bindir = Path(found).resolve().parent
    base = Path(tempfile.mkdtemp(prefix="pactwatch-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root
        user = next(u for u in ("postgres", "nobody") if _user_exists(u))
        os.chown(base, pwd.getpwnam(user).pw_uid, pwd.getpwnam(user).pw_gid)
        run_as = ["runuser", "-u", user, "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    data = base / "data"
    subprocess.run(run_as + [str(bindir / "initdb"), "-D", str(data), "-U", "pactwatch", "-A", "trust", "-E", "UTF8"],
                   check=True, capture_output=True, env=env)
    subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
                             f"-h 127.0.0.1 -p {port} -k {base}", "start"], check=True, capture_output=True, env=env)
    try:
        yield f"postgresql://pactwatch@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, env=env)
        shutil.rmtree(base, ignore_errors=True)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


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
