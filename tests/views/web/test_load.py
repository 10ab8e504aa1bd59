"""Concurrent readers while an ingest runs (CI's short version of bench/web_bench.py load):
every request answers 200 and every ingested document is there afterwards."""
from __future__ import annotations

import json
import random
import threading
import time

import httpx
from web_fixtures import LiveServer, build_store

CLIENTS, MIN_SECONDS, MAX_SECONDS = 10, 5.0, 180.0
NEW_DOCS = 12


def _corpus(n: int) -> bytes:
    rng = random.Random(5)
    lines = []
    for i in range(n):
        amount = rng.choice([10, 20, 35])
        text = (f"Freedonia pledged ${amount} billion to Ruritania in talks on day {i}, officials said. "
                f"Ruritania said it would review the offer before the summit in Geneva.")
        lines.append(json.dumps({"id": f"load-{i}", "text": text, "title": f"Load report {i}",
                                 "published": "2025-04-01"}))
    return ("\n".join(lines) + "\n").encode()


def test_readers_see_no_error_while_an_ingest_runs(tmp_path):
    from pactwatch.views.web import create_app
    store, a, _ = build_store(tmp_path / "load.db")
    paths = ["/", "/overview.json", "/timeline", "/timeline.json?type=CONSULT", "/commitments", "/commitments.json",
             "/conflicts", "/conflicts.json", "/actors", "/actors/Freedonia", "/actors/Freedonia.json",
             "/documents", "/documents.json?q=Geneva", f"/documents/{a['doc_id']}", f"/documents/{a['doc_id']}.json"]
    failures: list[str] = []
    done = threading.Event()
    served = [0] * CLIENTS

    with LiveServer(create_app(store=store)) as server:
        with httpx.Client(base_url=server.url, timeout=30) as http:
            before = http.get("/documents.json").json()["total"]
            job = http.post("/ingest", files={"files": ("load.jsonl", _corpus(NEW_DOCS), "application/json")},
                            headers={"Accept": "application/json"}).json()

        def reader(k: int) -> None:
            rng = random.Random(k)
            with httpx.Client(base_url=server.url, timeout=30) as http:
                while not done.is_set():
                    path = rng.choice(paths)
                    try:
                        r = http.get(path)
                        if r.status_code != 200:
                            failures.append(f"{path}: {r.status_code}")
                    except httpx.HTTPError as e:
                        failures.append(f"{path}: {type(e).__name__}")
                    served[k] += 1

        threads = [threading.Thread(target=reader, args=(k,)) for k in range(CLIENTS)]
        started = time.monotonic()
        for t in threads:
            t.start()
        with httpx.Client(base_url=server.url, timeout=30) as http:
            status = job
            while time.monotonic() - started < MAX_SECONDS:
                status = http.get(f"/ingest/jobs/{job['id']}.json").json()
                if status["status"] in ("done", "failed") and time.monotonic() - started >= MIN_SECONDS:
                    break
                time.sleep(0.25)
            done.set()
            for t in threads:
                t.join()
            after = http.get("/documents.json", params={"limit": 100}).json()
    assert failures == []
    assert sum(served) > CLIENTS * 5
    assert status["status"] == "done" and status["new"] == NEW_DOCS, status
    assert after["total"] == before + NEW_DOCS
    assert {f"Load report {i}" for i in range(NEW_DOCS)} <= {d["title"] for d in after["items"]}
