"""Parallel extraction engines. Each takes Documents and yields (document, Extraction) pairs in
input order, in groups: the batches it extracted them in (a spaCy batch in this process or a worker,
a Parquet shard from Ray). The caller (pactwatch.api.ingest) stays the one writer that stores each
group in one transaction and reconciles, so every engine gives the same store.

    local, workers=1   the pipeline in this process (what ingest always did)
    local, workers=N   N worker processes, each loading the pipeline once (engines/local.py)
    ray                a Ray Data job on a local or remote Ray cluster (engines/ray.py)
"""
from __future__ import annotations

import itertools
import os
from typing import Iterable, Iterator

from ..documents.model import Document
from ..errors import UsageError
from .extraction import Extraction, extract_batch
from .stats import EngineStats

ENGINES = ("local", "ray")
# with the worker count left to us, inputs shorter than this many documents a worker are extracted
# in this process: starting a worker and loading its pipeline costs about as much as extracting
# a dozen articles
AUTO_MIN_DOCS_PER_WORKER = 12

Group = list[tuple[Document, Extraction]]

__all__ = ["ENGINES", "EngineStats", "Extraction", "Group", "available_cores", "extract", "extract_batch",
           "extract_groups"]


def available_cores() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def extract(documents: Iterable[Document], **options) -> Iterator[tuple[Document, Extraction]]:
    """Each document with what the pipeline made of it, in input order (extract_groups, ungrouped)."""
    return itertools.chain.from_iterable(extract_groups(documents, **options))


def extract_groups(documents: Iterable[Document], *, engine: str = "local", workers: int | None = 1,
                   address: str | None = None, kb_dirs: Iterable[str] = (), batch_size: int = 8,
                   stats: EngineStats | None = None) -> Iterator[Group]:
    """Each document with what the pipeline made of it, in input order, in the engine's groups:
    at most `batch_size` documents each in this process or the workers, a Parquet shard with Ray.

    `workers` None means the cores available (and this process alone for a short input); with
    engine "ray" it is the number of extraction actors (None: one per CPU of the cluster).
    `address` is a Ray cluster's address (None starts a local Ray)."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be 1 or more (got {workers})")
    if address and engine != "ray":
        raise UsageError("--address names a Ray cluster: use it with --engine ray")
    stats = stats if stats is not None else EngineStats()
    stats.engine = engine
    kb_dirs = [str(k) for k in kb_dirs]
    if engine == "ray":
        from . import ray as ray_engine
        return ray_engine.extract_groups(documents, address=address, actors=workers, kb_dirs=kb_dirs,
                                  batch_size=batch_size, stats=stats)
    from . import local
    if workers is None:
        return _auto(documents, kb_dirs, batch_size, stats)
    stats.workers = workers
    if workers == 1:
        return local.in_process(documents, kb_dirs, batch_size, stats)
    return local.in_workers(documents, workers, kb_dirs, batch_size, stats)


def _auto(documents: Iterable[Document], kb_dirs: list[str], batch_size: int,
          stats: EngineStats) -> Iterator[Group]:
    """One worker per core, unless the input is too short to repay starting them."""
    from . import local
    cores = available_cores()
    documents = iter(documents)
    head = list(itertools.islice(documents, AUTO_MIN_DOCS_PER_WORKER * cores)) if cores > 1 else []
    stream = itertools.chain(head, documents)
    if cores == 1 or len(head) < AUTO_MIN_DOCS_PER_WORKER * cores:
        stats.workers = 1
        yield from local.in_process(stream, kb_dirs, batch_size, stats)
    else:
        stats.workers = cores
        yield from local.in_workers(stream, cores, kb_dirs, batch_size, stats)
