"""Ingest the same corpus one way after another and compare: in this process (--workers 1), in
worker processes (--workers 2, ...), and as a Ray Data job on a local Ray (--engine ray). Each run is
its own process, into its own fresh SQLite store; the exports must be byte-identical.

Prints, per run: documents/s, words/s, the speed-up over --workers 1, the start-up cost (as the
engine counts it, and as a user meets it: a whole ingest of two documents), the driver's and each
worker's peak RSS, and the CPU seconds the driver and its workers used (on a machine other work
shares, the wall clock is noisy; CPU seconds are not, and bound the speed-up a quiet machine gives:
Ray's workers are not this process's children, so their CPU is not counted).

    python bench/workers.py [--docs 400] [--words 500] [--workers 1 2] [--ray] [--corpus FILE.jsonl]
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def child(corpus: str, db: str, workers: int, engine: str, batch_size: int) -> None:
    """One ingest, timed from the call (pipeline loads and Ray start-up included: they are the engine's cost)."""
    from pactwatch import api
    started = time.perf_counter()
    report = api.ingest([corpus], db=db, workers=workers, engine=engine, batch_size=batch_size)
    seconds = time.perf_counter() - started
    out = io.StringIO()
    api.export(db=db, format="jsonl", out=out)
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"docs": report.new, "failed": report.failed, "facts": report.facts, "seconds": seconds,
                      "export_sha256": hashlib.sha256(out.getvalue().encode()).hexdigest(),
                      "sorted_sha256": hashlib.sha256("".join(sorted(out.getvalue().splitlines(True))).encode()).hexdigest(),
                      "driver_cpu": own.ru_utime + own.ru_stime, "worker_cpu": children.ru_utime + children.ru_stime,
                      "driver_peak_rss_mb": own.ru_maxrss / 1024, **{"engine_stats": report.engine.as_dict()}}))


def measure(corpus: Path, workers: int, engine: str, batch_size: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([sys.executable, __file__, "--child", "--corpus", str(corpus), "--db", f"{tmp}/w.db",
                               "--workers", str(workers), "--engine", engine, "--batch-size", str(batch_size)],
                              capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench: the {engine} run with {workers} workers failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def words_in(corpus: Path) -> int:
    return sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8") if line.strip())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--words", type=int, default=500, help="words per document")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--ray", action="store_true", help="also a Ray Data job on a local Ray with the largest worker count")
    ap.add_argument("--corpus", help="a JSONL corpus to use instead of the synthetic one")
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.corpus, args.db, args.workers[0], args.engine, args.batch_size)
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus:
            corpus = Path(args.corpus)
        else:
            from corpus import write_jsonl  # bench/corpus.py
            corpus = Path(tmp) / "bench.jsonl"
            write_jsonl(corpus, args.docs, words=args.words)
        words = words_in(corpus)
        load = os.getloadavg()[0]
        print(f"corpus: {corpus.name}, {words:,} words; {os.cpu_count()} cores; load average {load:.2f} at the start")
        runs = [("local", w) for w in args.workers] + ([("ray", max(args.workers))] if args.ray else [])
        results = {(e, w): measure(corpus, w, e, args.batch_size) for e, w in runs}
        # the start-up cost as a user meets it: a whole ingest of two short documents
        tiny = Path(tmp) / "tiny.jsonl"
        tiny.write_text("".join(corpus.open(encoding="utf-8").readlines()[:2]), encoding="utf-8")
        startup = {(e, w): measure(tiny, w, e, args.batch_size)["seconds"] for e, w in runs}
    base = results.get(("local", 1))
    print(f"{'run':14}{'docs/s':>8}{'words/s':>9}{'speed-up':>9}{'seconds':>9}{'start-up s':>11}{'2-doc s':>8}"
          f"{'driver MB':>10}{'worker MB':>14}{'CPU s driver/workers':>22}")
    for (engine, workers), r in results.items():
        name = f"{engine} x{workers}" if engine == "ray" else f"--workers {workers}"
        speedup = base["seconds"] / r["seconds"] if base else float("nan")
        rss = r["engine_stats"]["peak_rss_mb"].values()
        print(f"{name:14}{r['docs'] / r['seconds']:8.2f}{words / r['seconds']:9,.0f}{speedup:9.2f}{r['seconds']:9.1f}"
              f"{r['engine_stats']['startup_seconds']:11.1f}{startup[(engine, workers)]:8.1f}{r['driver_peak_rss_mb']:10.0f}"
              f"{'/'.join(f'{mb:.0f}' for mb in rss):>14}{r['driver_cpu']:11.1f}/{r['worker_cpu']:.1f}")
    hashes = {r["export_sha256"] for r in results.values()}
    same_lines = len({r["sorted_sha256"] for r in results.values()}) == 1
    verdict = ("byte-identical" if len(hashes) == 1 else
               "the same lines in another order" if same_lines else f"DIFFERENT ({len(hashes)} versions)")
    print(f"exports: {verdict}; {base['docs'] if base else '?'} documents, {base['facts'] if base else '?'} facts")
    if base:
        per_core = base["docs"] / base["seconds"]
        print(f"per core (--workers 1): {per_core:.2f} docs/s = {per_core * 86400:,.0f} docs/day; "
              f"200,000 docs/day need {200_000 / 86400 / per_core:.2f} cores at this rate; "
              f"the store absorbs {base['facts'] / base['docs'] * 200_000 / 86400:.0f} fact rows/s for them")
    return 0 if same_lines else 1


if __name__ == "__main__":
    sys.exit(main())
