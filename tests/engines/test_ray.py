"""The Ray engine on a local two-CPU cluster on loopback gives the store one process gives."""
from __future__ import annotations

import builtins
import importlib.util
import json

import pytest

from pactwatch import api, engines
from pactwatch.errors import UsageError

from .conftest import exported


@pytest.fixture(scope="module")
def local_cluster():
    """A Ray of two CPUs on 127.0.0.1 for this module; the engine joins it rather than starting its own."""
    import logging

    import ray
    ray.init(num_cpus=2, _node_ip_address="127.0.0.1", include_dashboard=False, log_to_driver=False,
             logging_level=logging.WARNING, object_store_memory=256 * 1024 * 1024)
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.mark.ray
@pytest.mark.skipif(importlib.util.find_spec("ray") is None,
                    reason="ray is not installed (pip install 'pactwatch[ray]'); the Ray engine is not tested")
def test_ray_stores_what_one_process_and_two_workers_store(local_cluster, corpora, single_process_export, tmp_path,
                                                           monkeypatch):
    import pyarrow.parquet as pq

    from pactwatch.engines import ray as ray_engine
    monkeypatch.setenv(ray_engine.SHARDS_ENV, str(tmp_path / "shards"))  # kept where told, to look at
    monkeypatch.setattr(ray_engine, "WINDOW", 16)  # two jobs: the second runs while the first is stored
    from pactwatch.store import Store
    groups, real_add_many = [], Store.add_many

    def add_many(self, items, replace=()):
        items = list(items)
        groups.append([document["doc_id"] for document, _ in items])
        return real_add_many(self, items, replace)
    monkeypatch.setattr(Store, "add_many", add_many)
    db = str(tmp_path / "ray.db")
    report = api.ingest(corpora, db=db, engine="ray", workers=None)  # None: an actor per CPU of the cluster
    assert report.failed == 0 and report.engine.engine == "ray"
    # one pipeline per actor: a pool of two, though Ray Data may start a replacement actor when the
    # machine is loaded (seen in CI-like runs), so two or three distinct actors report
    assert report.engine.workers == 2 and 2 <= len(report.engine.peak_rss_mb) <= 3
    assert report.engine.driver_peak_rss_mb > 0
    got = exported(db)
    assert got == single_process_export
    assert any(json.loads(line)["kind"] == "conflict" for line in got.splitlines())

    (run,) = (tmp_path / "shards").iterdir()
    windows = [pq.read_table(str(run / f"window-{n:05d}")) for n in range(2)]
    assert [sorted(t.column("seq").to_pylist()) for t in windows] == [list(range(16)), list(range(report.new - 16))]
    assert sorted(d for t in windows for d in t.column("doc_id").to_pylist()) == sorted(report.doc_ids)
    facts = [r for t in windows for rs in t.column("records").to_pylist() for r in json.loads(rs)]
    assert len(facts) == report.facts
    # each shard stored in one transaction: every group the writer stored is one Parquet file's documents
    files = [pq.read_table(str(f)).sort_by("seq").column("doc_id").to_pylist() for f in sorted(run.rglob("*.parquet"))]
    assert sorted(groups) == sorted(files) and sum(map(len, groups)) == report.new

    again = api.ingest(corpora, db=db, engine="ray", workers=None)  # idempotent by document id
    assert (again.new, again.unchanged) == (0, report.new) and exported(db) == got


def test_ray_missing_is_one_line_naming_the_extra(monkeypatch):
    real_import = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray" or name.startswith("ray."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)
    monkeypatch.setattr(builtins, "__import__", no_ray)
    from pactwatch.documents.model import Document
    with pytest.raises(UsageError, match=r"pip install 'pactwatch\[ray\]'"):
        list(engines.extract([Document(source="a.txt", text="Text.")], engine="ray"))


@pytest.mark.parametrize("address, message", [("127.0.0.1:1", "no Ray cluster answers at 127.0.0.1:1"),
                                              ("ray://127.0.0.1:1", "no Ray cluster answers at ray://127.0.0.1:1"),
                                              ("headnode", "is not HOST:PORT")])
def test_ray_address_nobody_answers_at_is_one_line(address, message):
    from pactwatch.engines import ray as ray_engine
    from pactwatch.errors import PactwatchError
    with pytest.raises(PactwatchError, match=message):
        ray_engine._check_reachable(address)
