"""The store under concurrent processes and damaged or foreign databases: whole documents only,
one clear error, never a traceback or a half-written file."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pactwatch.errors import StoreError
from pactwatch.store import AlreadyStored, Store, database_url, redacted

ROOT = Path(__file__).resolve().parents[2]


def _document(n: int) -> dict:
    text = f"Document number {n} about a harbour treaty."
    return {"doc_id": f"{n:064d}", "source": f"doc{n}.txt", "title": None, "authors": [], "published": None,
            "publisher": None, "text_sha256": "0" * 64, "format": "txt", "captions": [], "text": text}


def _timex(n: int, i: int) -> dict:
    return {"kind": "timex", "text": "2025", "start": i, "end": i + 4, "type": "DATE", "value": "2025"}


def _run_processes(code: str, count: int, *args: str) -> list[subprocess.CompletedProcess]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), str(i), *args], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(count)]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=120), *p.communicate()) for p in procs]


def test_store_processes_creating_one_new_database_do_not_race(tmp_path):
    db = str(tmp_path / "new.db")
    results = _run_processes("""
        import sys
        from pactwatch.store import Store
        Store(sys.argv[2]).add({"doc_id": f"{int(sys.argv[1]):064d}", "source": "x", "authors": [], "captions": [],
                               "text_sha256": "0" * 64, "text": "words"}, [])
    """, 8, db)
    assert [r.returncode for r in results] == [0] * 8, [r.stderr[-300:] for r in results if r.returncode]
    store = Store(db)
    assert store.count("document") == 8
    assert store.migrations() == sorted(name for name, _ in __import__("pactwatch.store").store.MIGRATIONS)


def test_store_same_document_from_several_processes_is_stored_once(tmp_path):
    db = str(tmp_path / "same.db")
    Store(db)
    results = _run_processes("""
        import sys
        from pactwatch.store import AlreadyStored, Store
        try:
            Store(sys.argv[2]).add({"doc_id": "7" * 64, "source": "x", "authors": [], "captions": [],
                                   "text_sha256": "0" * 64, "text": "words"}, [{"kind": "timex", "text": "2025",
                                   "start": 0, "end": 4, "type": "DATE", "value": "2025"}])
            print("stored")
        except AlreadyStored:
            print("unchanged")
    """, 6, db)
    assert [r.returncode for r in results] == [0] * 6, [r.stderr[-300:] for r in results if r.returncode]
    assert sorted(r.stdout.strip() for r in results) == ["stored"] + ["unchanged"] * 5
    assert Store(db).count("timex") == 1


def test_store_export_during_an_ingest_sees_whole_documents_only(tmp_path):
    """A second process adds documents of 200 facts each while this one exports again and again:
    every fact exported belongs to a document exported beside it."""
    import pactwatch
    db = str(tmp_path / "busy.db")
    Store(db)
    writer = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys
        from pactwatch.store import Store
        store = Store(sys.argv[1])
        for n in range(60):
            store.add({"doc_id": f"{n:064d}", "source": f"d{n}", "authors": [], "captions": [],
                       "text_sha256": "0" * 64, "text": "x" * 300},
                      [{"kind": "timex", "text": "2025", "start": i, "end": i + 4, "type": "DATE", "value": "2025"}
                       for i in range(200)])
    """), db], env={**os.environ, "PYTHONPATH": str(ROOT)})
    exports = 0
    try:
        while writer.poll() is None or exports == 0:
            out = tmp_path / "out.jsonl"
            pactwatch.export(db=db, format="jsonl", out=str(out))
            records = [json.loads(line) for line in out.read_text().splitlines()]
            docs = {r["doc_id"] for r in records if r["kind"] == "document"}
            facts = [r for r in records if r["kind"] == "timex"]
            assert {f["doc_id"] for f in facts} <= docs
            assert len(facts) == 200 * len(docs)
            exports += 1
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0 and exports >= 1


def test_store_refuses_a_database_from_a_newer_version(tmp_path):
    db = tmp_path / "newer.db"
    Store(db)
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES ('0099_from_the_future', '2030-01-01')")
    with pytest.raises(StoreError, match="newer pactwatch.*0099_from_the_future"):
        Store(db)


def test_store_names_a_renamed_column_instead_of_crashing(tmp_path):
    db = tmp_path / "renamed.db"
    Store(db)
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE quantities RENAME COLUMN holder TO owner")
    with pytest.raises(StoreError, match="table quantities has no column holder"):
        Store(db)


def test_store_names_a_corrupt_json_column(tmp_path):
    db = tmp_path / "corrupt.db"
    store = Store(db)
    store.add(_document(1), [_timex(1, 0)])
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE timexes SET extra = '{\"cut short'")
    with pytest.raises(StoreError, match="timexes table cannot be read"):
        list(Store(db).records("timex"))


def test_store_never_shows_a_password():
    url = "postgresql://analyst:s3cret-pw@127.0.0.1:1/none"
    assert "s3cret-pw" not in redacted(database_url(url))
    with pytest.raises(StoreError) as caught:
        Store(url)
    assert "s3cret-pw" not in str(caught.value) and "127.0.0.1" in str(caught.value)


@pytest.mark.parametrize("url", ["mysql://root@localhost/db", "mongodb://x/y", "oracle://a:b@c/d"])
def test_store_refuses_other_databases_in_one_line(url):
    with pytest.raises(StoreError, match="unsupported database"):
        Store(url)


def test_store_in_a_read_only_folder_can_still_be_read(tmp_path):
    folder = tmp_path / "read only #1"     # a name a URI must quote
    folder.mkdir()
    store = Store(folder / "a.db")
    store.add(_document(1), [_timex(1, 0)])
    store.engine.dispose()     # the last connection closed: the write-ahead log is folded into the file
    assert not list(folder.glob("a.db-wal")) or (folder / "a.db-wal").stat().st_size == 0
    folder.chmod(0o555)
    (folder / "a.db").chmod(0o444)
    try:
        if os.access(folder, os.W_OK):   # root writes anywhere: make the store believe it cannot
            pytest.importorskip("unittest.mock")
            from unittest import mock
            with mock.patch("pactwatch.store._writable", return_value=False):
                reader = Store(folder / "a.db", write=False)
        else:
            reader = Store(folder / "a.db", write=False)
        assert reader.read_only and [r["value"] for r in reader.records("timex")] == ["2025"]
    finally:
        folder.chmod(0o755)


def test_store_keeps_no_infinite_number(tmp_path):
    store = Store(tmp_path / "inf.db")
    store.add(_document(1), [{"kind": "quantity", "measure": "pledge", "value": float("inf"), "unit": "USD",
                              "quote": "q", "start": 0, "end": 1, "low": float("-inf")}])
    rec, = store.records("quantity")
    assert rec["value"] is None and rec["low"] is None and rec["quote"] == "q"


def test_store_add_names_a_race_it_lost(tmp_path):
    store = Store(tmp_path / "a.db")
    store.add(_document(1), [])
    with pytest.raises(AlreadyStored):
        store.add(_document(1), [])


@pytest.mark.postgres
def test_store_postgres_migrates_under_a_lock_and_exports_a_snapshot(postgres_url, tmp_path):
    import pactwatch
    from sqlalchemy import text
    first = Store(postgres_url)
    with first.engine.begin() as conn:   # start from an empty database
        for table in ("reconcile_pending", "timexes", "entities", "quantities", "events", "reconcile_facts",
                      "reconcile_clusters", "reconcile_conflicts", "documents"):
            conn.execute(text(f"DELETE FROM {table}"))
    assert Store(postgres_url).migrate() == []
    first.add(_document(1), [_timex(1, 0)])
    assert first.pending() == ["0" * 63 + "1"]
    out = tmp_path / "pg.jsonl"
    assert pactwatch.export(db=postgres_url, format="jsonl", out=str(out)) == 2
    assert [json.loads(line)["kind"] for line in out.read_text().splitlines()] == ["document", "timex"]


def test_store_a_group_killed_while_being_written_leaves_all_of_it_or_none(tmp_path):
    """kill -9 while add_many writes 400 documents of 200 facts each, again and again: after every kill
    the store holds whole groups only, each document with all its facts and marked pending."""
    import signal
    import time
    db = str(tmp_path / "killed.db")
    Store(db)
    writer = textwrap.dedent("""
        import sys
        from pactwatch.store import Store
        store, first = Store(sys.argv[1]), int(sys.argv[2])
        group = [({"doc_id": f"{n:064d}", "source": f"d{n}", "authors": [], "captions": [], "text_sha256": "0" * 64,
                   "text": "x" * 300}, [{"kind": "timex", "text": "2025", "start": i, "end": i + 4, "type": "DATE",
                                         "value": "2025", "note": {"n": n}} for i in range(200)])
                 for n in range(first, first + 400)]
        print("writing", flush=True)
        store.add_many(group)
        print("stored", flush=True)
    """)
    outcomes = []
    for attempt, delay in enumerate((0.05, 0.2, 0.5, 1.0, 2.0)):
        proc = subprocess.Popen([sys.executable, "-c", writer, db, str(attempt * 1000)], stdout=subprocess.PIPE,
                                text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert proc.stdout.readline().strip() == "writing"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        store = Store(db)
        docs = {d["doc_id"] for d in store.documents()}
        assert len(docs) % 400 == 0                       # whole groups only
        assert store.count("timex") == 200 * len(docs)    # each with all its facts
        assert set(store.pending()) == docs               # and every one of them left to reconcile
        outcomes.append(len(docs))
    assert outcomes == sorted(outcomes), outcomes


def test_opening_waits_while_another_process_holds_a_new_database(tmp_path, monkeypatch):
    # SQLite may answer "database is locked" at once (no busy wait) while another process turns a
    # new database to WAL or creates its tables: opening waits and tries again instead of failing
    from sqlalchemy.exc import OperationalError as LockedError
    from pactwatch.store import Store as OpenedStore
    real_migrate, refusals = OpenedStore.migrate, []

    def migrate(self):
        if len(refusals) < 2:
            refusals.append(1)
            raise LockedError("PRAGMA journal_mode=WAL", {}, Exception("database is locked"))
        return real_migrate(self)
    monkeypatch.setattr(OpenedStore, "migrate", migrate)
    store = OpenedStore(str(tmp_path / "new.db"))
    assert len(refusals) == 2 and store.has("nothing") is False


def test_opening_gives_up_on_other_database_errors_at_once(tmp_path, monkeypatch):
    from sqlalchemy.exc import OperationalError as OtherError
    from pactwatch.store import Store as OpenedStore
    calls = []

    def migrate(self):
        calls.append(1)
        raise OtherError("CREATE TABLE", {}, Exception("disk I/O error"))
    monkeypatch.setattr(OpenedStore, "migrate", migrate)
    with pytest.raises(StoreError, match="disk I/O error"):
        OpenedStore(str(tmp_path / "new.db"))
    assert calls == [1]
