"""Extraction as a Ray Data job, on a local Ray or an existing cluster (`--engine ray --address`).

The driver (this process) reads the inputs with pactwatch.sources, as every engine does, and sends
them in windows of documents: each window is one Ray Data job (the next one runs while this process stores the
results of the one before) that reads the documents,
`map_batches` them through a pool of actors (one pipeline per actor, loaded once), and writes the
results as Parquet shards, one row per document: its input position, id, document record and fact
records (as JSON: records of one kind carry different fields). The driver then reads the shards
back in input order and hands each document with its records to the caller, a shard at a time,
which stores each shard in one transaction and reconciles as it does for every engine.

Shards go to a temporary folder, removed after loading; on a cluster whose workers do not share
this machine's disk, set PACTWATCH_RAY_SHARDS to storage both can reach (an s3:// or gs:// URI, or
a shared mount); shards written there are kept.
"""
from __future__ import annotations

import dataclasses
import itertools
import json
import logging
import os
import resource
import shutil
import socket
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Iterable, Iterator

from ..documents.model import Document
from ..errors import PactwatchError, UsageError
from .extraction import Extraction, extract_batch, load_pipeline
from .stats import EngineStats

# documents per Ray Data job: the driver holds one window's documents (and reads back its shards)
# at a time, so its memory stays bounded however long the input
WINDOW = 2000
SHARDS_ENV = "PACTWATCH_RAY_SHARDS"
# a Ray this process starts for itself: small object store, no dashboard, quiet
LOCAL_OBJECT_STORE_BYTES = 512 * 1024 * 1024
CONNECT_TIMEOUT = 5.0


class RayEngineError(PactwatchError):
    """The Ray cluster cannot be reached or the Ray job failed."""
    code = "E051"


def _import_ray():
    try:
        import ray  # noqa: PLC0415
        import ray.data  # noqa: F401,PLC0415
    except ImportError:
        raise UsageError("--engine ray needs Ray: pip install 'pactwatch[ray]'") from None
    return ray


def extract_groups(documents: Iterable[Document], *, address: str | None = None, actors: int | None = None,
                   kb_dirs: Iterable[str] = (), batch_size: int = 8, stats: EngineStats | None = None,
                   shards: str | None = None) -> Iterator[list[tuple[Document, Extraction]]]:
    """Each document with its Extraction, in input order, extracted by Ray actors, one group a
    Parquet shard. The cluster is reached (or a local Ray started) only once there is a document
    to extract."""
    ray = _import_ray()
    stats = stats if stats is not None else EngineStats(engine="ray")
    documents = iter(documents)
    first = next(documents, None)
    if first is None:
        return
    started = time.perf_counter()
    own_ray = _connect(ray, address, actors)
    stats.startup_seconds = time.perf_counter() - started  # the actors' pipeline loads are in load_seconds
    try:
        actors = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
        stats.workers = actors
        base = shards or os.environ.get(SHARDS_ENV)
        keep = bool(base)
        base = (base.rstrip("/") + f"/{uuid.uuid4().hex[:12]}") if base else tempfile.mkdtemp(prefix="pactwatch-ray-")
        stream = itertools.chain([first], documents)
        windows = enumerate(iter(lambda: list(itertools.islice(stream, WINDOW)), []))
        kb_dirs = [str(k) for k in kb_dirs]
        # the cluster extracts the next window while this process stores the one before: one job
        # ahead, in a thread (inputs are still read, and the store written, in this thread only)
        ahead = ThreadPoolExecutor(1, thread_name_prefix="pactwatch-ray-job")

        def submit(item):
            if item is None:
                return None
            number, window = item
            path = f"{base}/window-{number:05d}"
            return window, path, ahead.submit(_run_job, ray, window, path, actors, kb_dirs, batch_size)

        job = None
        try:
            job = submit(next(windows, None))
            while job is not None:
                window, path, running = job
                running.result()
                job = submit(next(windows, None))
                for shard in _read_shards(path):
                    group = []
                    for seq, extraction, worker, rss_mb, load_seconds in shard:
                        stats.note_worker(worker, rss_mb, load_seconds)
                        group.append((window[seq], extraction))
                    yield group
        finally:
            # stopped early (an error, an interrupt): do not wait for a window nobody will store
            ahead.shutdown(wait=job is None, cancel_futures=True)
            if not keep:
                shutil.rmtree(base, ignore_errors=True)
    finally:
        stats.driver_peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if own_ray:
            ray.shutdown()


def _connect(ray, address: str | None, actors: int | None) -> bool:
    """Join the cluster at `address`, or start a local Ray on loopback; True when we started it."""
    if ray.is_initialized():
        return False
    quiet = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.WARNING,
             "configure_logging": True}
    address = address or os.environ.get("RAY_ADDRESS")  # set inside a Ray job (`ray job submit`)
    if address:
        _check_reachable(address)
    try:
        if address:
            ray.init(address=address, **quiet)
            return True
        ray.init(num_cpus=actors, object_store_memory=LOCAL_OBJECT_STORE_BYTES, _node_ip_address="127.0.0.1",
                 **quiet)
        return True
    except Exception as e:  # noqa: BLE001  (Ray raises many kinds; the user needs one line)
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        raise RayEngineError(f"cannot start or reach {where}: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}") from None


def _check_reachable(address: str) -> None:
    """Fail in seconds, with one line, when nothing listens at HOST:PORT (Ray itself retries for minutes)."""
    if address == "auto":
        return
    hostport = address.split("://", 1)[-1].rstrip("/")
    host, _, port = hostport.rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"--address {address!r} is not HOST:PORT or ray://HOST:PORT")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT).close()
    except OSError as e:
        raise RayEngineError(f"no Ray cluster answers at {address} ({e.strerror or e}); start one (`ray start --head`) "
                             "or check the address") from None


def _run_job(ray, window: list[Document], path: str, actors: int, kb_dirs: list[str], batch_size: int) -> None:
    """One Ray Data job: the window's documents, one item per spaCy batch (the batches one process
    makes), through the actors, out as Parquet shards under `path`."""
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # a line per job and operator otherwise
    progress_log = logging.getLogger("ray.data._internal.progress")  # (a filter acts on its own logger only)
    if not any(isinstance(f, _NoProgressBarNotice) for f in progress_log.filters):
        progress_log.addFilter(_NoProgressBarNotice())
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.verbose_stats_logs = False
    items = [{"first": start, "documents": json.dumps([dataclasses.asdict(d) for d in window[start:start + batch_size]])}
             for start in range(0, len(window), batch_size)]
    dataset = ray.data.from_items(items, override_num_blocks=min(len(items), actors * 4))
    # the settings ride on the class, not as constructor arguments: Ray keeps those in the object
    # store and warns that a restarted actor could lose them
    udf = type("PactwatchExtractor", (Extractor,), {"kb_dirs": tuple(kb_dirs), "batch_size": batch_size})
    results = dataset.map_batches(udf, batch_size=1, num_cpus=1,
                                  compute=ray.data.ActorPoolStrategy(size=min(actors, len(items))))
    try:
        results.write_parquet(path)
    except Exception as e:  # noqa: BLE001
        raise RayEngineError(f"the Ray job failed: {_cause(e)}") from None


class _NoProgressBarNotice(logging.Filter):
    """Ray Data warns that progress bars are off; we turned them off, on purpose, for every job."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Progress bars disabled" not in record.getMessage()


def _cause(error: Exception) -> str:
    """The first line of the error that started it (Ray wraps the actor's own error)."""
    while error.__cause__ is not None:
        error = error.__cause__
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[-1] if text else ''}"


def _read_shards(path: str) -> Iterator[list[tuple[int, Extraction, str, float, float]]]:
    """The window's rows in input order, a shard at a time: the rows of one Parquet file (one Ray
    task's output) that follow one another in input order (a task's rows are a run of inputs; if
    Ray ever interleaves them, the groups are smaller and the order still the input's)."""
    import pyarrow.dataset as pads

    rows = []
    for number, fragment in enumerate(pads.dataset(path, format="parquet").get_fragments()):
        rows += [(row["seq"], number, row) for row in fragment.to_table().to_pylist()]
    rows.sort(key=lambda item: item[0])
    for _, run in itertools.groupby(rows, key=lambda item: item[1]):
        shard = []
        for seq, _, row in run:
            extraction = Extraction(row["doc_id"], json.loads(row["document"]), json.loads(row["records"]),
                                    json.loads(row["problems"]), row["error"] or None)
            shard.append((seq, extraction, row["worker"], row["peak_rss_mb"], row["load_seconds"]))
        yield shard


class Extractor:
    """A Ray Data actor: loads the pipeline once and extracts one spaCy batch per call."""

    kb_dirs: tuple[str, ...] = ()
    batch_size: int = 8

    def __init__(self):
        started = time.perf_counter()
        self.nlp = load_pipeline(self.kb_dirs)
        self.load_seconds = time.perf_counter() - started
        self.worker = f"{socket.gethostname()}:{os.getpid()}"

    def __call__(self, batch: dict) -> dict:
        out: dict[str, list] = {k: [] for k in ("seq", "doc_id", "document", "records", "problems", "error",
                                                "worker", "peak_rss_mb", "load_seconds")}
        for first, encoded in zip(batch["first"], batch["documents"]):
            documents = [_document(d) for d in json.loads(encoded)]
            for offset, (_, e) in enumerate(extract_batch(self.nlp, documents, self.batch_size, self.kb_dirs)):
                out["seq"].append(int(first) + offset)
                out["doc_id"].append(e.doc_id)
                out["document"].append(json.dumps(e.document, ensure_ascii=False))
                out["records"].append(json.dumps(e.records, ensure_ascii=False))
                out["problems"].append(json.dumps(e.problems, ensure_ascii=False))
                out["error"].append(e.error or "")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        n = len(out["seq"])
        out["worker"], out["peak_rss_mb"], out["load_seconds"] = [self.worker] * n, [rss] * n, [self.load_seconds] * n
        return out


def _document(fields: dict) -> Document:
    fields["captions"] = [tuple(c) for c in fields.get("captions") or []]
    fields["layout"] = [tuple(c) for c in fields.get("layout") or []]
    return Document(**fields)
