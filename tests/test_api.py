"""The library API a notebook calls: ingest and export without the CLI."""
from __future__ import annotations

import io
import json

import pactwatch
from pactwatch.documents.model import Document

TEXT = ("Tokyo and Canberra signed a logistics pact on Friday, officials said.\n\n"
        "The two governments will hold joint drills next spring.\n")


def test_api_ingest_then_export_round_trip(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "a.db")
    report = pactwatch.ingest([str(tmp_path / "a.txt")], db=db)
    assert (report.new, report.unchanged, report.failed) == (1, 0, 0)
    assert report.facts > 0 and len(report.doc_ids) == 1
    buf = io.StringIO()
    n = pactwatch.export(db=db, format="jsonl", out=buf)
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert n == len(lines)
    doc = lines[0]
    assert doc["kind"] == "document" and doc["doc_id"] == Document("x", TEXT).doc_id
    assert "text" not in doc  # the export carries the text's hash, not the text


def test_api_same_text_twice_in_one_run_is_unchanged(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace("\n\n", "\n  \n"), encoding="utf-8")  # white space only
    report = pactwatch.ingest([str(tmp_path)], db=str(tmp_path / "a.db"))
    assert (report.new, report.unchanged) == (1, 1)


def test_api_progress_callback_sees_every_input(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    seen = []
    pactwatch.ingest([str(tmp_path / "a.txt"), str(tmp_path / "nope.txt")], db=str(tmp_path / "a.db"),
                     on_progress=lambda status, source: seen.append(status))
    assert sorted(seen) == ["failed", "new"]


FAILING = ("Lisbon and Rabat opened a ferry line on Tuesday, the ministers said.\n\n"
           "The zeppelin service will cost $40 million a year.\n")


def test_api_a_component_failing_on_one_document_keeps_the_rest(tmp_path, monkeypatch):
    from pactwatch.pipeline.events import EventFinder
    real = EventFinder.__call__

    def fails_on_zeppelins(self, doc):
        if "zeppelin" in doc.text:
            raise RuntimeError("a parse nobody foresaw")
        return real(self, doc)
    monkeypatch.setattr(EventFinder, "__call__", fails_on_zeppelins)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FAILING, encoding="utf-8")
    db = str(tmp_path / "a.db")
    report = pactwatch.ingest([str(tmp_path)], db=db)
    assert (report.new, report.failed) == (2, 0)
    assert len(report.warnings) == 1 and "b.txt" in report.warnings[0]
    assert "pactwatch_events failed (RuntimeError: a parse nobody foresaw)" in report.warnings[0]
    assert "1 partly extracted" in report.summary()
    failing_id = Document("x", FAILING).doc_id
    records = list(pactwatch.api.records(pactwatch.Store(db), kinds=("timex", "quantity", "event")))
    mine = [r["kind"] for r in records if r["doc_id"] == failing_id]
    assert "timex" in mine and "quantity" in mine and "event" not in mine
    assert any(r["kind"] == "event" for r in records if r["doc_id"] != failing_id)


def test_api_a_document_whose_facts_cannot_be_built_fails_alone(tmp_path, monkeypatch):
    from pactwatch import facts
    real = facts.fact_records

    def fails_on_zeppelins(doc, doc_id):
        if "zeppelin" in doc.text:
            raise KeyError("measure")
        return real(doc, doc_id)
    monkeypatch.setattr(facts, "fact_records", fails_on_zeppelins)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FAILING, encoding="utf-8")
    report = pactwatch.ingest([str(tmp_path)], db=str(tmp_path / "a.db"))
    assert (report.new, report.failed) == (1, 1)
    assert report.errors[0].source.endswith("b.txt") and "extraction failed (KeyError" in report.errors[0].reason


def _report(title: str, published: str, count: int, dated: str) -> str:
    return (f"{title}\n\nPublished on {published}\n\nJapanese immigration officers detained {count} Chinese "
            f"workers at a shipyard in Nagasaki on {dated}, officials said.\n")


def test_api_reconciling_in_chunks_finds_what_one_pass_finds(tmp_path, monkeypatch):
    # ingest reconciles every RECONCILE_EVERY documents so memory stays bounded; the conflicts found
    # must not depend on where the chunks fall
    folder = tmp_path / "in"
    folder.mkdir()
    for n, (count, published) in enumerate([(40, "March 3, 2025"), (40, "March 4, 2025"), (95, "March 5, 2025")]):
        (folder / f"r{n}.txt").write_text(_report(f"Workers held at Nagasaki yard ({n})", published, count,
                                                  "March 2, 2025"), encoding="utf-8")

    def conflicts(db: str) -> list:
        return sorted(json.dumps(sorted(i["quote"] for i in c["items"])) for c in
                      pactwatch.api.records(pactwatch.Store(db), kinds=("conflict",)))
    once = str(tmp_path / "once.db")
    pactwatch.ingest([str(folder)], db=once)
    monkeypatch.setattr(pactwatch.api, "RECONCILE_EVERY", 1)
    chunked = str(tmp_path / "chunked.db")
    pactwatch.ingest([str(folder)], db=chunked)
    assert conflicts(once) and conflicts(chunked) == conflicts(once)


def test_api_ingest_files_the_facts_it_stored_without_reading_them_back(tmp_path, monkeypatch):
    """The writer hands reconciliation the quantity and event records it has just stored: no update
    reads them from the store, and the clusters and conflicts are those of a rebuild from the store."""
    from pactwatch import reconcile
    from pactwatch.store import Store
    folder = tmp_path / "in"
    folder.mkdir()
    for n, (count, published) in enumerate([(40, "March 3, 2025"), (95, "March 5, 2025"), (40, "March 6, 2025")]):
        (folder / f"r{n}.txt").write_text(_report(f"Workers held at Nagasaki yard ({n})", published, count,
                                                  "March 2, 2025"), encoding="utf-8")
    read: list[str] = []
    reading = Store.fact_rows

    def counting(self, kind, doc_ids=None):
        read.append(kind)
        return reading(self, kind, doc_ids)
    monkeypatch.setattr(Store, "fact_rows", counting)
    monkeypatch.setattr(pactwatch.api, "RECONCILE_EVERY", 2)
    db = str(tmp_path / "a.db")
    report = pactwatch.ingest([str(folder)], db=db)
    assert report.new == 3 and read and not {"quantity", "event"} & set(read)
    store = Store(db)
    ingested = (store.clusters(), store.conflicts())
    assert ingested[1]
    reconcile.update(store, None, kb=reconcile.knowledge_for(()))
    assert (store.clusters(), store.conflicts()) == ingested


def test_api_reconcile_step_grows_with_the_run_up_to_a_ceiling():
    # updates re-read whole blocks: a long run doubles its step (200, 200, 400, 800 ...) up to the ceiling
    steps, done = [], 0
    while done < 10_000:
        steps.append(pactwatch.api.reconcile_step(done))
        done += steps[-1]
    assert steps[:5] == [200, 200, 400, 800, 1600]
    assert max(steps) == pactwatch.api.RECONCILE_MAX == steps[-1]


# ------------------------------------------------------------------ robustness (issue 12)

import pytest  # noqa: E402


@pytest.mark.parametrize("size", [0, -3, 2.5, True])
def test_api_batch_size_must_be_a_positive_whole_number(tmp_path, size):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(pactwatch.errors.UsageError, match="--batch-size"):
        pactwatch.ingest([str(tmp_path / "a.txt")], db=str(tmp_path / "a.db"), batch_size=size)


@pytest.mark.parametrize("seconds", [0, -1, float("nan"), float("inf")])
def test_api_timeout_must_be_positive_seconds(tmp_path, seconds):
    with pytest.raises(pactwatch.errors.UsageError, match="--timeout"):
        pactwatch.ingest(["http://news.example/a"], db=str(tmp_path / "a.db"), timeout=seconds)


def _long_article(paragraphs: int) -> str:
    """Distinct paragraphs, each naming actors and an amount, so every window has facts to find."""
    return "\n\n".join(f"Japan pledged ${n + 1} billion to Australia for port number {n}, Tokyo said on Monday. "
                       f"Prime Minister Anthony Albanese welcomed the pledge in Canberra."
                       for n in range(paragraphs)) + "\n"


def test_api_long_document_in_windows_keeps_every_offset(tmp_path, monkeypatch):
    """Over spaCy's limit (lowered here so the test is quick): annotated in windows, every record's
    quote is the stored text at its offsets, an entity seen in every window is one record."""
    from pactwatch import pipeline
    from pactwatch.pipeline import windows
    text = _long_article(60)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 2_000)
    nlp = pipeline.load()
    monkeypatch.setattr(nlp, "max_length", 5_000)   # the whole text alone would be refused by spaCy
    assert len(text) > 5_000
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "a.db")
    report = pactwatch.ingest([str(tmp_path / "long.txt")], db=db)
    assert (report.new, report.failed) == (1, 0)
    store = pactwatch.Store(db)
    stored = store.document(report.doc_ids[0])["text"]
    quantities = list(store.records("quantity"))
    assert len({q["value"] for q in quantities}) >= 55           # the pledges of (nearly) every paragraph
    for q in quantities + list(store.records("event")):
        assert q["quote"] == stored[q["start"]:q["end"]]
    for t in store.records("timex"):
        assert t["text"] == stored[t["start"]:t["end"]]
    japan = [e for e in store.records("entity") if e["name"] == "Japan"]
    assert len(japan) == 1 and len(japan[0]["mentions"]) >= 60     # "Japan" (and "Tokyo" for it) in each paragraph
    assert all(stored[m["start"]:m["end"]] in japan[0]["aliases"] for m in japan[0]["mentions"])


def test_api_a_run_stopped_before_reconciling_is_finished_by_the_next(tmp_path, monkeypatch):
    """Stored but not reconciled (a kill, a full disk): the next run reconciles those documents
    before anything else, so the conflicts equal an uninterrupted run's."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n, (count, published) in enumerate([(40, "March 3, 2025"), (95, "March 5, 2025")]):
        (folder / f"r{n}.txt").write_text(_report(f"Workers held at Nagasaki yard ({n})", published, count,
                                                  "March 2, 2025"), encoding="utf-8")

    def conflicts(db: str) -> list:
        return sorted(json.dumps(sorted(i["quote"] for i in c["items"])) for c in
                      pactwatch.api.records(pactwatch.Store(db), kinds=("conflict",)))
    whole = str(tmp_path / "whole.db")
    pactwatch.ingest([str(folder)], db=whole)

    broken = str(tmp_path / "broken.db")
    with monkeypatch.context() as m:
        def disk_full(*args, **kwargs):
            raise pactwatch.errors.StoreError("disk full")
        m.setattr(pactwatch.api._Reconciling, "update", disk_full)
        with pytest.raises(pactwatch.errors.StoreError):
            pactwatch.ingest([str(folder)], db=broken)
    assert len(pactwatch.Store(broken).pending()) == 2 and conflicts(broken) == []
    report = pactwatch.ingest([str(folder)], db=broken)     # nothing new to read ...
    assert (report.new, report.unchanged) == (0, 2)
    assert pactwatch.Store(broken).pending() == []         # ... but what was left is finished
    assert conflicts(whole) and conflicts(broken) == conflicts(whole)


def test_api_document_stored_meanwhile_by_another_process_counts_unchanged(tmp_path, monkeypatch):
    from pactwatch.store import Store
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "a.db")
    pactwatch.ingest([str(tmp_path / "a.txt")], db=db)
    monkeypatch.setattr(Store, "stored_among", lambda self, doc_ids: set())   # as if the other process was not yet done
    report = pactwatch.ingest([str(tmp_path / "a.txt")], db=db)
    assert (report.new, report.unchanged, report.failed) == (0, 1, 0)


@pytest.mark.postgres
def test_api_ingest_on_postgresql_reconciles_under_its_lock(postgres_url, tmp_path):
    from sqlalchemy import text
    store = pactwatch.Store(postgres_url)
    with store.engine.begin() as conn:   # start from an empty database
        for table in ("reconcile_pending", "timexes", "entities", "quantities", "events", "reconcile_facts",
                      "reconcile_clusters", "reconcile_conflicts", "documents"):
            conn.execute(text(f"DELETE FROM {table}"))
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    report = pactwatch.ingest([str(tmp_path / "a.txt")], db=postgres_url)
    assert (report.new, report.failed) == (1, 0)
    assert pactwatch.Store(postgres_url).pending() == []


def test_api_ingest_reads_the_page_layout_with_the_users_kb(tmp_path):
    story = ("Harbour Chiefs Agree to Share Shipping Data\n\n"
             "The port authorities of Tokyo and Canberra agreed on Tuesday to share shipping data from next "
             "spring, a step their boards had put off for years while they argued over who would pay for it.\n\n"
             "Quaywire has not independently verified the figures.\n")
    (tmp_path / "a.txt").write_text(story, encoding="utf-8")
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "page_layout.toml").write_text('news_agencies = ["Quaywire"]\n', encoding="utf-8")

    def publisher(db: str, **options) -> str | None:
        pactwatch.ingest([str(tmp_path / "a.txt")], db=str(tmp_path / db), **options)
        buf = io.StringIO()
        pactwatch.export(db=str(tmp_path / db), format="jsonl", out=buf)
        return next(r for r in map(json.loads, buf.getvalue().splitlines()) if r["kind"] == "document")["publisher"]

    # the agency naming itself in its verification formula is the publisher once the user's words know it
    assert publisher("plain.db") is None
    assert publisher("kb.db", kb_dirs=[str(kb)]) == "Quaywire"


def test_api_ingest_runs_full_collections_seldom_and_puts_the_setting_back(tmp_path):
    import gc
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    before = gc.get_threshold()
    during = []
    pactwatch.ingest([str(tmp_path / "a.txt")], db=str(tmp_path / "a.db"),
                     on_progress=lambda status, source: during.append(gc.get_threshold()))
    assert during and during[0][2] >= pactwatch.api.FULL_COLLECTION_AFTER > before[2]
    assert gc.get_threshold() == before
