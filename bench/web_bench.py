"""Timing `pactwatch serve`: latency of every page and JSON endpoint, and readers under load while an
ingest runs. The server runs as its own process (`pactwatch serve`), as a user would run it.

    python bench/web_bench.py p95  --db /tmp/web-100k.db [--requests 40]
    python bench/web_bench.py load --db /tmp/web-demo.db --clients 50 --seconds 60 [--ingest-docs 100]

`p95` warms each endpoint once (the first request after a write computes the whole-store views),
then times --requests sequential requests of each and prints p50/p95/max. `load` submits an ingest
job of synthetic articles, runs --clients readers for --seconds, then checks every request answered
200 and every ingested document is in the store."""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def start_server(db: str) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", "from pactwatch.views.cli import main; main()", "serve", "--db", db, "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/openapi.json", timeout=2)
            return proc, url
        except httpx.HTTPError:
            if proc.poll() is not None:
                raise SystemExit(f"server exited: {proc.stderr.read().decode()[-500:]}")
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("server did not start in 60 s")


def endpoints(http: httpx.Client) -> dict[str, list[str]]:
    """Each page and twin, with real ids from the store: name -> paths to cycle through."""
    docs = http.get("/documents.json", params={"limit": 20}).json()["items"]
    total = http.get("/documents.json").json()["total"]
    deep = max(0, total - 60)
    actors = http.get("/actors.json").json()["items"][:5]
    top = [quote(a["name"], safe="") for a in actors] or ["x"]
    doc_ids = [d["doc_id"] for d in docs] or ["x"]
    out = {}
    for base, variants in {
        "/overview": [""],
        "/timeline": ["", f"?actor={top[0]}", "?start=2025-01&end=2025-12", "?type=CONSULT", "?lanes=type"],
        "/commitments": ["", f"?actor={top[0]}"],
        "/conflicts": [""],
        "/actors": ["", "?type=GPE"],
        "/documents": ["", f"?offset={deep}", "?q=tariff", "?q=shipbuilding+pledge", "?q=tariff&offset=500"],
    }.items():
        out[base] = [base + v for v in variants]
        out[base + ".json"] = [base + ".json" + v for v in variants]
    out["/actors/{name}"] = [f"/actors/{n}" for n in top]
    out["/actors/{name}.json"] = [f"/actors/{n}.json" for n in top]
    out["/documents/{id}"] = [f"/documents/{d}" for d in doc_ids]
    out["/documents/{id}.json"] = [f"/documents/{d}.json" for d in doc_ids]
    out["/ingest"] = ["/ingest"]
    out["/docs"] = ["/docs"]
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else 0.0


def p95(args) -> None:
    proc, url = start_server(args.db)
    try:
        with httpx.Client(base_url=url, timeout=600) as http:
            paths = endpoints(http)
            t = time.perf_counter()
            for group in paths.values():  # warm: the whole-store views are computed once per store version
                for p in group:
                    http.get(p)
            print(f"warm-up (first requests, whole-store views computed): {time.perf_counter() - t:.1f}s")
            print(f"{'endpoint':28} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
            worst = 0.0
            for name, group in paths.items():
                times = []
                for i in range(args.requests):
                    path = group[i % len(group)]
                    t = time.perf_counter()
                    r = http.get(path)
                    times.append((time.perf_counter() - t) * 1000)
                    if r.status_code != 200:
                        raise SystemExit(f"{path}: {r.status_code} {r.text[:200]}")
                worst = max(worst, pct(times, 95))
                print(f"{name:28} {len(times):4d} {pct(times, 50):8.1f} {pct(times, 95):8.1f} {max(times):8.1f}")
            print(f"worst p95: {worst:.1f} ms")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def load(args) -> None:
    import corpus

    proc, url = start_server(args.db)
    failures: list[str] = []
    latencies: list[float] = []
    stop = threading.Event()
    try:
        with httpx.Client(base_url=url, timeout=120) as http:
            paths = [p for group in endpoints(http).values() for p in group]
            before = http.get("/documents.json").json()["total"]
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "load.jsonl"
                corpus.write_jsonl(path, args.ingest_docs, seed=int(time.time()), words=200)
                job = http.post("/ingest", files={"files": ("load.jsonl", path.read_bytes(), "application/json")},
                                headers={"Accept": "application/json"}).json()

        def reader(k: int) -> None:
            rng = random.Random(k)
            with httpx.Client(base_url=url, timeout=120) as client:
                while not stop.is_set():
                    p = rng.choice(paths)
                    t = time.perf_counter()
                    try:
                        r = client.get(p)
                        if r.status_code != 200:
                            failures.append(f"{p}: {r.status_code}")
                    except httpx.HTTPError as e:
                        failures.append(f"{p}: {type(e).__name__}")
                    latencies.append((time.perf_counter() - t) * 1000)

        threads = [threading.Thread(target=reader, args=(k,)) for k in range(args.clients)]
        started = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(args.seconds)
        stop.set()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        with httpx.Client(base_url=url, timeout=120) as http:
            status = http.get(f"/ingest/jobs/{job['id']}.json").json()
            during = status["status"]
            while status["status"] in ("queued", "running"):
                time.sleep(1)
                status = http.get(f"/ingest/jobs/{job['id']}.json").json()
            time.sleep(1)
            after = http.get("/documents.json").json()["total"]
        print(f"{args.clients} clients for {elapsed:.0f}s: {len(latencies)} requests ({len(latencies) / elapsed:.0f}/s), "
              f"{len(failures)} errors; latency p50 {pct(latencies, 50):.0f} ms, p95 {pct(latencies, 95):.0f} ms, "
              f"max {max(latencies):.0f} ms")
        print(f"ingest job: {during} when the readers stopped; {status['summary']}; documents {before} -> {after} "
              f"(expected +{args.ingest_docs}: {'nothing lost' if after == before + status['new'] == before + args.ingest_docs else 'MISMATCH'})")
        if failures:
            print("first errors:", failures[:5])
            raise SystemExit(1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    a = sub.add_parser("p95")
    a.add_argument("--db", required=True)
    a.add_argument("--requests", type=int, default=40)
    b = sub.add_parser("load")
    b.add_argument("--db", required=True)
    b.add_argument("--clients", type=int, default=50)
    b.add_argument("--seconds", type=float, default=60)
    b.add_argument("--ingest-docs", type=int, default=100)
    args = parser.parse_args()
    (p95 if args.mode == "p95" else load)(args)


if __name__ == "__main__":
    main()
