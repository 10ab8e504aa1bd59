"""Extraction on one machine: in this process, or in worker processes that each load the pipeline
once. Either way the (document, Extraction) pairs come back in input order, a spaCy batch at a
time (the writer stores each batch in one transaction), so the caller's one writer stores and
reconciles exactly as a single process would."""
from __future__ import annotations

import itertools
import multiprocessing
import os
import resource
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from ..documents.model import Document
from ..errors import PactwatchError
from .extraction import Extraction, extract_batch, load_pipeline
from .stats import EngineStats

# chunks queued per worker: enough that workers keep busy while the writer stores and reconciles,
# few enough that memory stays bounded (a chunk is one spaCy batch of documents)
CHUNKS_PER_WORKER = 4
# "spawn": each worker starts clean and loads only what it needs (its peak RSS is its own), and no
# lock or connection the parent holds (a progress bar's thread, the store) is copied into it
START_METHOD = "spawn"


class WorkerError(PactwatchError):
    """A worker process stopped without finishing its documents."""
    code = "E050"


def in_process(documents: Iterable[Document], kb_dirs: Iterable[str] = (), batch_size: int = 8,
               stats: EngineStats | None = None) -> Iterator[list[tuple[Document, Extraction]]]:
    """The pipeline in this process, in groups of `batch_size` documents; it is loaded only if there
    is a document to extract."""
    documents = iter(documents)
    first = next(documents, None)
    if first is None:
        return
    started = time.perf_counter()
    nlp = load_pipeline(kb_dirs)
    if stats is not None:
        stats.startup_seconds = time.perf_counter() - started
    pairs = extract_batch(nlp, itertools.chain([first], documents), batch_size, kb_dirs)
    while group := list(itertools.islice(pairs, batch_size)):
        yield group
    if stats is not None:
        stats.note_worker(os.getpid(), _peak_rss_mb())


def in_workers(documents: Iterable[Document], workers: int, kb_dirs: Iterable[str] = (), batch_size: int = 8,
               stats: EngineStats | None = None) -> Iterator[list[tuple[Document, Extraction]]]:
    """The pipeline in `workers` processes, fed one spaCy batch at a time; results in input order,
    a batch at a time."""
    started = time.perf_counter()
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(START_METHOD),
                               initializer=_start_worker, initargs=([str(k) for k in kb_dirs],))
    queued: deque[tuple[list[Document], Future]] = deque()
    first = True
    try:
        chunks = _chunks(documents, batch_size)
        for chunk in chunks:
            queued.append((chunk, pool.submit(_extract_chunk, chunk, batch_size)))
            if len(queued) >= CHUNKS_PER_WORKER * workers:
                yield from _collect(*queued.popleft(), stats, started if first else None)
                first = False
        while queued:
            yield from _collect(*queued.popleft(), stats, started if first else None)
            first = False
    finally:
        # on an error or an interrupt, drop what is queued instead of extracting it for nobody
        pool.shutdown(wait=not queued, cancel_futures=True)


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive runs of `size` documents: the same batches nlp.pipe makes in one process."""
    documents = iter(documents)
    while chunk := list(itertools.islice(documents, size)):
        yield chunk


def _collect(chunk: list[Document], future: Future, stats: EngineStats | None,
             started: float | None = None) -> Iterator[list[tuple[Document, Extraction]]]:
    """The chunk's results, as one group; for the first chunk (`started` given), the start-up cost: the time before
    its extraction began (processes spawned, pipeline loaded)."""
    try:
        extractions, pid, peak_rss_mb, load_seconds, extract_seconds = future.result()
    except BrokenProcessPool:
        raise WorkerError("a worker process stopped (killed, or out of memory?); the documents stored so far "
                          "are kept: run the same ingest again to go on, with fewer --workers if memory is short") from None
    if stats is not None:
        stats.note_worker(pid, peak_rss_mb, load_seconds)
        if started is not None:
            stats.startup_seconds = time.perf_counter() - started - extract_seconds
    yield list(zip(chunk, extractions))


# ------------------------------------------------------------------ in the worker process
_nlp = None
_kb_dirs: tuple[str, ...] = ()     # the --kb folders this worker's pipeline was loaded with
_load_error: Exception | None = None
_load_seconds = 0.0


def _start_worker(kb_dirs: list[str]) -> None:
    """Load the pipeline once for this process's life. A failure (a bad --kb folder) is kept and
    raised with the first chunk, so the user sees its message rather than a broken pool."""
    global _nlp, _kb_dirs, _load_error, _load_seconds
    started = time.perf_counter()
    try:
        _nlp = load_pipeline(kb_dirs)
        _kb_dirs = tuple(kb_dirs)
    except Exception as e:  # noqa: BLE001  (re-raised in the parent with its own message)
        _load_error = e
    _load_seconds = time.perf_counter() - started


def _extract_chunk(documents: list[Document], batch_size: int) -> tuple[list[Extraction], int, float, float, float]:
    if _load_error is not None:
        raise _load_error
    started = time.perf_counter()
    extractions = [extraction for _, extraction in extract_batch(_nlp, documents, batch_size, _kb_dirs)]
    return extractions, os.getpid(), _peak_rss_mb(), _load_seconds, time.perf_counter() - started


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
