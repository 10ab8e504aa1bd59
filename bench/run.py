"""`make bench`: pactwatch against the bare spaCy model on the same synthetic texts, in the same run.

Each side runs in its own process so its peak RSS is its own. Prints documents/s, words/s and peak
RSS for both, and the ratio of words/s (the bar is pactwatch >= 0.6 of bare spaCy, the goal 0.8). Then the
reconciliation scaling figures, when that tool is present.

    python bench/run.py [--docs 2000] [--words 500] [--batch-size 8] [--same-collector]
"""
from __future__ import annotations

import argparse
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


def run_spacy(corpus: Path, batch_size: int, same_collector: bool = False) -> dict:
    import pactwatch  # noqa: F401  (the same BLAS threading pactwatch sets, before numpy loads)
    import spacy
    from pactwatch.pipeline import MODEL, use_fast_ops

    use_fast_ops()  # the same thinc ops pactwatch runs with, so the ratio measures our own work
    nlp = spacy.load(MODEL)
    if same_collector:   # the garbage collector as an ingest sets it (engines/extraction.py, api.py)
        import gc

        from pactwatch.api import FULL_COLLECTION_AFTER
        gc.freeze()
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_COLLECTION_AFTER)
    texts = (json.loads(line)["text"] for line in corpus.open(encoding="utf-8"))
    words = corpus_words(corpus)
    started = time.perf_counter()
    docs = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))
    return {"docs": docs, "words": words, "seconds": time.perf_counter() - started}


def corpus_words(corpus: Path) -> int:
    """Words as both sides count them: white-space separated, from the same texts."""
    return sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8"))


def run_pactwatch(corpus: Path, batch_size: int) -> dict:
    from pactwatch import api, pipeline

    pipeline.load()  # model load is not ingest time, as for spaCy above
    words = corpus_words(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = api.ingest([str(corpus)], db=str(Path(tmp) / "bench.db"), batch_size=batch_size)
        seconds = time.perf_counter() - started
    if report.failed:
        raise SystemExit(f"bench: {report.failed} documents failed: {report.errors[:3]}")
    return {"docs": report.new, "words": words, "seconds": seconds, "facts": report.facts}


def child(mode: str, corpus: str, batch_size: int) -> None:
    if mode == "pactwatch":
        result = run_pactwatch(Path(corpus), batch_size)
    else:
        result = run_spacy(Path(corpus), batch_size, same_collector=mode == "spacy-collector")
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(mode: str, corpus: Path, batch_size: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", str(corpus),
                           "--batch-size", str(batch_size)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench: the {mode} run failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--words", type=int, default=500, help="words per document")
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--child", choices=["spacy", "spacy-collector", "pactwatch"], help=argparse.SUPPRESS)
    ap.add_argument("--same-collector", action="store_true",
                    help="also run bare spaCy with the garbage-collector settings an ingest uses, and give that ratio")
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--skip-reconcile", action="store_true", help="leave out the reconciliation scaling run")
    args = ap.parse_args()
    if args.child:
        child(args.child, args.corpus, args.batch_size)
        return 0

    from corpus import write_jsonl  # bench/corpus.py
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        total = write_jsonl(corpus, args.docs, words=args.words)
        print(f"corpus: {args.docs} documents, {total:,} words (bench/corpus.py templates), "
              f"batch size {args.batch_size}, {os.cpu_count()} cores")
        modes = ("spacy", "spacy-collector", "pactwatch") if args.same_collector else ("spacy", "pactwatch")
        results = {mode: measure(mode, corpus, args.batch_size) for mode in modes}
    print(f"{'':16}{'docs/s':>10}{'words/s':>12}{'peak RSS MB':>14}{'seconds':>10}")
    rate = {}
    for mode, r in results.items():
        rate[mode] = r["words"] / r["seconds"]
        print(f"{mode:16}{r['docs'] / r['seconds']:10.1f}{rate[mode]:12,.0f}{r['peak_rss_mb']:14,.0f}{r['seconds']:10.1f}")
    print(f"ratio pactwatch/spaCy words/s: {rate['pactwatch'] / rate['spacy']:.2f} (bar 0.6, goal 0.8); "
          f"pactwatch facts: {results['pactwatch'].get('facts')}")
    if "spacy-collector" in rate:
        print(f"ratio against spaCy with the ingest's collector settings: "
              f"{rate['pactwatch'] / rate['spacy-collector']:.2f}")
    tool = HERE.parent / "tools" / "bench_reconcile.py"
    if tool.exists() and not args.skip_reconcile:
        print("\nreconciliation scaling:")
        subprocess.run([sys.executable, str(tool)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
