"""Worker processes give the store one process gives: same records, same conflicts, same bytes."""
from __future__ import annotations

import json

import pytest

from pactwatch import api, engines
from pactwatch.documents.model import Document
from pactwatch.engines import local
from pactwatch.engines.stats import EngineStats
from pactwatch.errors import KnowledgeError, UsageError

from .conftest import exported

ARTICLES = [
    "Canberra and Wellington agreed on Monday to share patrol data, their defence ministers said.\n",
    "Oslo pledged $300 million to the fund on Thursday, the finance ministry said.\n",
    "Ottawa threatened a 25 percent tariff on Brazilian steel last week, officials said.\n",
    "Madrid and Rabat signed a fisheries pact in March, the two governments announced.\n",
    "Warsaw will buy 48 howitzers from Seoul next year, the Polish defence ministry said.\n",
]


@pytest.fixture
def forked_workers(monkeypatch, nlp):
    """Workers forked from this process, which has the pipeline loaded already: the tests that check
    ordering and messages need not pay a pipeline load per worker (the corpus test keeps "spawn")."""
    monkeypatch.setattr(local, "START_METHOD", "fork")


def _documents(n: int) -> list[Document]:
    return [Document(source=f"a{i}.txt", text=f"{ARTICLES[i % len(ARTICLES)]}Paragraph {i}.\n") for i in range(n)]


def test_two_workers_store_what_one_process_stores_byte_for_byte(corpora, single_process_export, tmp_path):
    db = str(tmp_path / "two.db")
    report = api.ingest(corpora, db=db, workers=2)
    assert report.failed == 0
    assert report.engine.workers == 2 and len(report.engine.peak_rss_mb) == 2
    assert all(mb > 50 for mb in report.engine.peak_rss_mb.values())  # each worker loaded its own pipeline
    got = exported(db)
    assert got == single_process_export
    kinds = {json.loads(line)["kind"] for line in got.splitlines()}
    assert {"document", "entity", "quantity", "event", "conflict"} <= kinds  # the comparison covers conflicts


def test_workers_return_documents_in_input_order_with_one_writer(forked_workers):
    documents = _documents(11)
    stats = EngineStats()
    pairs = list(engines.extract(documents, workers=2, batch_size=2, stats=stats))
    assert [d.source for d, _ in pairs] == [d.source for d in documents]
    assert all(e.doc_id == d.doc_id and "text" not in e.document for d, e in pairs)
    assert pairs[1][1].document_record(pairs[1][0])["text"] == documents[1].text
    assert stats.startup_seconds > 0 and set(stats.load_seconds) == set(stats.peak_rss_mb)


def test_chunks_are_the_batches_one_process_would_make():
    chunks = list(local._chunks(iter(range(7)), 3))
    assert chunks == [[0, 1, 2], [3, 4, 5], [6]]


def test_default_worker_count_stays_in_process_for_a_short_input(monkeypatch, nlp):
    monkeypatch.setattr(engines, "available_cores", lambda: 2)
    stats = EngineStats()
    pairs = list(engines.extract(_documents(3), workers=None, stats=stats))
    assert len(pairs) == 3 and stats.workers == 1


def test_default_worker_count_uses_every_core_for_a_long_input(monkeypatch):
    monkeypatch.setattr(engines, "available_cores", lambda: 2)
    started = []
    monkeypatch.setattr(local, "in_workers", lambda docs, n, *a, **k: started.append((n, len(list(docs)))) or iter(()))
    list(engines.extract(_documents(engines.AUTO_MIN_DOCS_PER_WORKER * 2 + 1), workers=None))
    assert started == [(2, engines.AUTO_MIN_DOCS_PER_WORKER * 2 + 1)]


@pytest.mark.parametrize("options, message", [({"workers": 0}, "--workers must be 1 or more"),
                                               ({"engine": "spark"}, "unknown engine 'spark'"),
                                               ({"address": "ray://h:10001"}, "--address names a Ray cluster")])
def test_wrong_engine_options_are_one_clear_error(options, message):
    with pytest.raises(UsageError, match=message):
        engines.extract([], **options)


def test_a_bad_knowledge_folder_in_a_worker_reports_its_own_message(tmp_path, forked_workers):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "mine.toml").write_text('[[orgs]\nid = ', encoding="utf-8")
    with pytest.raises(KnowledgeError, match="not valid TOML"):
        list(engines.extract(_documents(2), workers=2, kb_dirs=[str(kb)]))


def test_cli_workers_option_reaches_the_engine_and_reports_the_workers(tmp_path, forked_workers):
    from typer.testing import CliRunner

    from pactwatch.views.cli import app
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES[1], encoding="utf-8")
    wrong = CliRunner().invoke(app, ["ingest", str(article), "--db", str(tmp_path / "a.db"), "--workers", "0"])
    assert wrong.exit_code == 1 and wrong.output.strip() == "Error: [E040] --workers must be 1 or more (got 0)"
    two = CliRunner().invoke(app, ["ingest", str(article), "--db", str(tmp_path / "a.db"), "--workers", "2"])
    assert two.exit_code == 0 and two.stdout.startswith("ingested: 1 new, 0 unchanged, 0 failed; ")
    assert "engine local, 2 workers; start-up" in two.output and "peak RSS per worker MB" in two.output


def test_a_worker_that_dies_stops_the_run_with_one_clear_error(monkeypatch, forked_workers):
    import os
    monkeypatch.setattr(local, "extract_batch", lambda *args, **kwargs: os._exit(9))  # as the OOM killer would
    with pytest.raises(local.WorkerError, match="a worker process stopped"):
        list(engines.extract(_documents(4), workers=2, batch_size=2))


BATCHES_OF_TWO = [["a0.txt", "a1.txt"], ["a2.txt", "a3.txt"], ["a4.txt"]]


@pytest.mark.parametrize("workers", [1, 2])
def test_groups_are_the_batches_in_input_order(workers, nlp, forked_workers):
    # the writer stores each group in one transaction: a group is one spaCy batch, never more
    documents = _documents(5)
    groups = list(engines.extract_groups(documents, workers=workers, batch_size=2))
    assert [[d.source for d, _ in group] for group in groups] == BATCHES_OF_TWO
    assert all(e.doc_id == d.doc_id for group in groups for d, e in group)


def test_ingest_stores_a_batch_in_one_transaction_and_a_refused_document_fails_alone(tmp_path, monkeypatch, nlp):
    from pactwatch import facts
    from pactwatch.store import Store
    groups, real_add_many, real_records = [], Store.add_many, facts.fact_records

    def add_many(self, items, replace=()):
        items = list(items)
        groups.append([document["source"].rsplit("/", 1)[-1] for document, _ in items])
        return real_add_many(self, items, replace)

    def fact_records(doc, doc_id):   # one document carries an event the database refuses (source is NOT NULL)
        records = real_records(doc, doc_id)
        if doc.text.startswith("Ottawa"):
            records.append({"kind": "event", "doc_id": doc_id, "type": "THREATEN", "source": None, "target": [],
                            "date": None, "location": None, "modality": "asserted", "quote": "Ottawa", "start": 0,
                            "end": 6})
        return records
    monkeypatch.setattr(Store, "add_many", add_many)
    monkeypatch.setattr(facts, "fact_records", fact_records)
    folder = tmp_path / "in"
    folder.mkdir()
    for i, article in enumerate(ARTICLES):
        (folder / f"a{i}.txt").write_text(article, encoding="utf-8")
    db = str(tmp_path / "a.db")
    report = api.ingest([str(folder)], db=db, batch_size=2)
    assert groups == BATCHES_OF_TWO          # one add_many, so one transaction, a batch
    assert (report.new, report.failed) == (4, 1)
    assert str(report.errors[0]).endswith("a2.txt: the database refused it (an integrity constraint failed)")
    stored = Store(db)
    assert sorted(d["source"].rsplit("/", 1)[-1] for d in stored.documents()) == ["a0.txt", "a1.txt", "a3.txt", "a4.txt"]
    assert stored.pending() == []            # the four stored were reconciled


def test_a_documents_doc_is_freed_as_soon_as_its_facts_are_read(monkeypatch, nlp):
    # the components' per-Doc caches point back at the Doc; extraction drops them, so a Doc does not
    # wait for a full garbage collection (which an ingest otherwise pays for every few dozen documents)
    import gc
    import weakref

    from pactwatch import facts
    from pactwatch.engines.extraction import extract_batch
    seen, read = [], facts.fact_records

    def reading(doc, doc_id):
        from pactwatch.pipeline.parse_table import parse_table
        parse_table(doc).head   # a cache that refers to its Doc, as the rules make
        seen.append(weakref.ref(doc))
        return read(doc, doc_id)

    monkeypatch.setattr(facts, "fact_records", reading)
    texts = ["Seoul agreed to a 15% tariff on Monday.", "Tokyo pledged $550 billion in July."]
    documents = [Document(source=f"d{n}.txt", text=t) for n, t in enumerate(texts)]
    gc.disable()
    try:
        results = list(extract_batch(nlp, documents))
        assert [d.source for d, _ in results] == ["d0.txt", "d1.txt"] and len(seen) == 2
        assert [ref() for ref in seen] == [None, None]
    finally:
        gc.enable()
