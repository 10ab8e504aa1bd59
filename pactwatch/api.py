"""The library API; the CLI is a thin layer over it, and a notebook can call it directly.

    import pactwatch
    report = pactwatch.ingest(["articles/"], db="alliance.db")
    pactwatch.export(db="alliance.db", format="jsonl", out="alliance.jsonl")
"""
from __future__ import annotations

import functools
import gc
import itertools
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from .engines.stats import EngineStats
from .errors import InputError, UsageError
from .store import Store, read_back

DEFAULT_MAX_BYTES = 20_000_000
EXPORT_FORMATS = ("jsonl", "csv", "parquet", "timeml")


# reconcile as ingest goes, this many documents at a time: an update holds its documents' facts in
# memory, so one update for a whole corpus would grow with the corpus
# A long ingest reconciles as it goes, so it never holds every new fact at once and a reader sees
# conflicts before the end. Each update re-reads the blocks its documents fall in, which grow with
# the store; so the step grows with what this run has already reconciled (200, 200, 400, 800, ...),
# up to a ceiling: a run of N documents re-reads its blocks O(log N) times up to the ceiling, then
# every RECONCILE_MAX documents, instead of every 200.
RECONCILE_EVERY = 200
RECONCILE_MAX = 2000


def reconcile_step(reconciled: int) -> int:
    """How many new documents to gather before the next update, once `reconciled` were taken in."""
    return min(max(RECONCILE_EVERY, reconciled), RECONCILE_MAX)


@dataclass
class IngestReport:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    facts: int = 0
    seconds: float = 0.0
    errors: list[InputError] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    # documents stored with one kind of annotation missing because its component failed on them
    warnings: list[str] = field(default_factory=list)
    # where extraction ran: engine, workers, start-up time, peak RSS per worker
    engine: EngineStats = field(default_factory=EngineStats)

    def summary(self) -> str:
        partial = f" ({len(self.warnings)} partly extracted)" if self.warnings else ""
        return (f"{self.new} new{partial}, {self.unchanged} unchanged, {self.failed} failed; "
                f"{self.facts} facts in {self.seconds:.1f}s")


# An ingest keeps many objects for long (the pipeline, frozen; what reconciliation made of the facts,
# kept between its updates), and Python's default policy then runs a full collection every ten
# middle-aged ones: each re-scans all of them (0.3-0.5 s), 31 times in a 2,000-document ingest, 9 of its
# CPU seconds. Documents are freed as they are done, not left in cycles: after a 2,000-document ingest
# with no full collection at all, one finds 140 unreachable objects. So an ingest runs one only after
# a thousand middle-aged collections (none in 2,000 documents); the setting is put back when it ends.
FULL_COLLECTION_AFTER = 1000   # middle-generation collections (Python's default: 10)


def _few_full_collections(run: Callable) -> Callable:
    @functools.wraps(run)
    def running(*args, **kwargs):
        young, middle, old = gc.get_threshold()
        gc.set_threshold(young, middle, max(old, FULL_COLLECTION_AFTER))
        try:
            return run(*args, **kwargs)
        finally:
            gc.set_threshold(young, middle, old)
    return running


@_few_full_collections
def ingest(inputs: Iterable[str], db: str | None = None, *, force: bool = False, kb_dirs: Iterable[str] = (),
           max_bytes: int = DEFAULT_MAX_BYTES, batch_size: int = 8, allow_private_urls: bool = False,
           timeout: float | None = None,
           on_progress: Callable[[str, str], None] | None = None, store: Store | None = None,
           workers: int | None = 1, engine: str = "local", address: str | None = None) -> IngestReport:
    """Read every input, extract its facts and store each document with its facts, whole: the
    documents of one engine batch (or Ray shard) in one transaction. A document already stored
    (same normalised text) is left alone unless `force`.
    `on_progress(status, source)` is called once per input document: new, unchanged or failed.
    `workers`, `engine` and `address` choose where extraction runs (pactwatch.engines); this
    process stays the one writer, in input order, so the store is the same whichever runs it.

    Reconciliation state is durable: a document is stored as pending and marked reconciled only
    once reconciliation has taken it in, so a run that was killed or stopped by a store error is
    finished by the next one (before anything new is read)."""
    from . import engines, sources

    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise UsageError(f"--batch-size must be a whole number of at least 1 (got {batch_size!r})")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise UsageError(f"--max-bytes must be a whole number of at least 1 (got {max_bytes!r})")
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))
                                or not 0 < timeout < float("inf")):
        raise UsageError(f"--timeout must be a number of seconds above 0 (got {timeout!r})")
    started = time.perf_counter()
    store = store or Store(db)
    report = IngestReport()
    notify = on_progress or (lambda status, source: None)
    seen: set[str] = set()
    replacing: set[str] = set()  # stored before and forced: their old copy goes first

    reconciling = _Reconciling(store, kb_dirs)
    left = store.pending()   # what an earlier run stored but did not reconcile
    for i in range(0, len(left), RECONCILE_EVERY):
        reconciling.update(left[i:i + RECONCILE_EVERY])

    read_options = {"max_bytes": max_bytes, "allow_private_urls": allow_private_urls,
                    "kb_dirs": tuple(str(d) for d in kb_dirs)}
    if timeout is not None:
        read_options["timeout"] = timeout

    def pending():
        read = sources.read(list(inputs), **read_options)
        # the store is asked which documents it has a batch at a time (one query, not one a document)
        while items := list(itertools.islice(read, batch_size)):
            stored = store.stored_among(item.doc_id for item in items if not isinstance(item, InputError))
            for item in items:
                if isinstance(item, InputError):
                    report.failed += 1
                    report.errors.append(item)
                    notify("failed", item.source)
                    continue
                doc_id = item.doc_id
                if doc_id in seen or (doc_id in stored and not force):
                    report.unchanged += 1
                    notify("unchanged", item.source)
                    continue
                seen.add(doc_id)
                if doc_id in stored:
                    replacing.add(doc_id)
                yield item

    unreconciled: list[str] = []
    reconciled = 0
    for group in engines.extract_groups(pending(), engine=engine, workers=workers, address=address,
                                        kb_dirs=kb_dirs, batch_size=batch_size, stats=report.engine):
        # the engine's group (a batch, a shard) in one transaction; a document the database refuses
        # makes add_many store the others one by one, so it fails alone
        for doc_id, records in _store_group(store, group, replacing, report, notify):
            reconciling.hold(doc_id, records)
            unreconciled.append(doc_id)
            if len(unreconciled) >= reconcile_step(reconciled):
                reconciling.update(unreconciled)
                reconciled += len(unreconciled)
                unreconciled.clear()
    if unreconciled:
        reconciling.update(unreconciled)
    report.seconds = time.perf_counter() - started
    return report


def _store_group(store: Store, group: list, replacing: set[str], report: IngestReport,
                 notify: Callable[[str, str], None]) -> Iterator[tuple[str, list[dict]]]:
    """Store an engine's group (a batch, a shard) in one transaction and report each document in
    input order, as one document at a time did; yields the id and fact records of each document newly stored. A
    document the database refuses makes add_many store the others one by one, so it fails alone."""
    extracted_ok = [(document, extracted) for document, extracted in group if not extracted.error]
    stored = iter(store.add_many([(extracted.document_record(document), extracted.records)
                                  for document, extracted in extracted_ok], replace=replacing))
    for document, extracted in group:
        outcome = None if extracted.error else next(stored)
        if outcome is None or outcome.status == "failed":
            report.failed += 1
            report.errors.append(InputError(document.source, extracted.error or outcome.error))
            notify("failed", document.source)
            continue
        if outcome.status == "unchanged":   # another ingest stored the same text meanwhile
            report.unchanged += 1
            notify("unchanged", document.source)
            continue
        for problem in extracted.problems:
            report.warnings.append(f"{document.source}: {problem}; its other facts are stored")
        report.facts += outcome.facts
        report.new += 1
        report.doc_ids.append(document.doc_id)
        notify("new", document.source)
        yield document.doc_id, extracted.records


class _Reconciling:
    """An ingest's updates of clusters and conflicts: each takes the documents just stored, with the
    same knowledge (built-in plus the user's --kb folders) the extraction used, one process at a
    time; they share what earlier updates made of the facts (reconcile.FiledFacts)."""

    def __init__(self, store: Store, kb_dirs: Iterable[str] = ()):
        self.store, self.kb_dirs = store, kb_dirs
        self.filed = None   # made at the first update: an ingest with nothing new loads no knowledge
        # the quantity and event records just stored, by document, as the store reads them back: the
        # next update files them without reading them again (it holds them all at once anyway)
        self.in_hand: dict[str, list[dict]] = {}

    def hold(self, doc_id: str, records: list[dict]) -> None:
        self.in_hand[doc_id] = [read_back(r, doc_id) for r in records if r["kind"] in ("quantity", "event")]

    def update(self, doc_ids: list[str]) -> None:
        from . import reconcile
        if self.filed is None:
            self.filed = reconcile.FiledFacts(reconcile.knowledge_for(self.kb_dirs))
        with self.store.reconcile_lock():
            reconcile.update(self.store, doc_ids, kb=self.filed.kb, filed=self.filed, in_hand=self.in_hand)
            self.store.reconciled(doc_ids)
        self.in_hand = {}


def records(store: Store, kinds: Iterable[str] = ("document", "entity", "timex", "quantity", "event", "conflict"),
            with_text: bool = False) -> Iterable[dict]:
    """Every exported record, kind by kind, in FORMAT.md's shape."""
    for kind in kinds:
        if kind == "document":
            for doc in store.documents(with_text=with_text):
                doc.pop("ingested_at", None)
                yield doc
        elif kind == "conflict":
            yield from (store.conflicts() if hasattr(store, "conflicts") else [])
        else:
            yield from store.records(kind)


def export(db: str | None = None, format: str = "jsonl", out: str | Path | TextIO | None = None,
           store: Store | None = None) -> int:
    """Write the store's records: JSONL to a file or stream; CSV and Parquet as one file per kind
    in the folder `out`; TimeML as one .tml per document in the folder `out`. Returns records written.

    Everything is read from one snapshot of the store (an ingest running beside it adds whole
    documents or nothing), and written in full or not at all: a file appears only when complete,
    and a stream receives nothing if the store turns out unreadable half-way."""
    from .views import exports

    if format not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
    store = store or Store(db, write=False)
    with store.snapshot():
        if format == "jsonl":
            if out is None or out == "-":
                return exports.write_jsonl_whole(records(store), sys.stdout)
            if hasattr(out, "write"):
                return exports.write_jsonl_whole(records(store), out)
            return exports.write_jsonl_file(records(store), Path(out))
        if out is None or hasattr(out, "write") or out == "-":
            raise UsageError(f"--format {format} writes one file per kind or document: give a folder with -o DIR")
        folder = Path(out)
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"{folder} is a file; --format {format} needs a folder (-o DIR)")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UsageError(f"cannot create the folder {folder} ({e.strerror or e})") from None
        if format == "timeml":
            from .views.timeml import write_timeml_all
            timexes: dict[str, list[dict]] = {}
            for tx in store.records("timex"):
                timexes.setdefault(tx["doc_id"], []).append(tx)
            docs = store.documents(with_text=True)
            write_timeml_all(docs, timexes, folder)
            return len(docs)
        writer = exports.write_csv if format == "csv" else exports.write_parquet
        return writer(lambda kind: records(store, [kind]), folder)
