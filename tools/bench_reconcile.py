"""Reconciliation scaling: seconds and peak RSS for 10k, 100k and 1M synthetic fact records.

    .venv/bin/python tools/bench_reconcile.py                 # 10k, 100k, 1M, one subprocess each
    .venv/bin/python tools/bench_reconcile.py --sizes 10000   # one size
    .venv/bin/python tools/bench_reconcile.py --replay STORE.db [--unshared]

--replay re-runs an ingest's reconciliation on a copy of an ingested store: its documents in the
order stored, updated in the steps `api.ingest` takes, sharing one reconcile.FiledFacts and with
the garbage collector set as an ingest does (--unshared: each update on its own); prints each
update's CPU seconds.

Each size runs in its own subprocess so its peak RSS is its own. Seconds are wall-clock (generating
the records included); CPU seconds are the process's own, steadier on a shared machine. The records are generated
(20 facts a document: 60 % quantities, 40 % events, over 40 actors, 9 measures, 17 event types
-- transitions rare -- and ten years) with a few disagreements planted so the conflict rules do real work. Reported:
the full pass (every block clustered and checked), and one incremental step (a new document's
20 facts: only the blocks they touch recomputed), which should not grow with the store.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import zlib
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ACTORS = [f"Country {i:02d}" for i in range(40)]
MEASURES = ["tariff_rate", "investment_pledge", "purchase_commitment", "troop_level", "defense_spending",
            "detained_persons", "cost_sharing", "trade_value", "other"]
STATUSES = ["actual", "actual", "agreed", "pledged", "proposed", "demanded", "threatened", "speculative"]
QUALIFIERS = [None, None, None, "about", "more than", "nearly", "up to"]
EVENT_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
TRANSITION_SHARE = 0.005  # changes of leadership are rare in news about alliances
FACTS_PER_DOC = 20
# quotes are drawn from a vocabulary, so two reports share distinctive words about as rarely as in news
VOCABULARY = [f"{a}{b}{c}" for a in ("bar", "cor", "dun", "fel", "gam", "hol", "kin", "lum", "mor", "nev")
              for b in ("ast", "ern", "ill", "ond", "urt") for c in ("a", "en", "ic", "or", "us")]
EPOCH = date(2016, 1, 1)


def synthetic_records(n_facts: int, seed: int = 7, first_doc: int = 0):
    """Documents and their facts, streamed: n_facts quantity and event records in FORMAT.md's shape."""
    rng = random.Random(seed)
    marks = random.Random(seed + 1)  # the referents' marks, drawn apart so the facts stay those of earlier runs
    recent: list[dict] = []  # events to retell now and then with another date: planted date conflicts
    for d in range(first_doc, first_doc + max(1, n_facts // FACTS_PER_DOC)):
        doc_id = f"doc{d:08d}"
        published = EPOCH + timedelta(days=rng.randrange(3650))
        yield {"kind": "document", "doc_id": doc_id, "source": f"https://news.example/{doc_id}",
               "title": f"Article {d}", "published": published.isoformat()}
        for f in range(FACTS_PER_DOC):
            holder, target = rng.sample(ACTORS, 2)
            day = published - timedelta(days=rng.randrange(60))
            quote = f"{holder} {' '.join(rng.sample(VOCABULARY, 8))} {target}"
            if rng.random() < 0.6:
                measure = rng.choice(MEASURES)
                # a stable hash (str's hash changes with every process), so every run files the same figures
                base = (zlib.crc32(f"{measure}|{holder}|{target}".encode()) % 90 + 10) * 1000
                # most sources agree on the figure; a few disagree
                value = base if rng.random() < 0.97 else base * rng.choice([0.5, 2])
                record = {"kind": "quantity", "doc_id": doc_id, "measure": measure, "value": value, "unit": "count",
                          "holder": holder, "target": target, "status": rng.choice(STATUSES),
                          "qualifier": rng.choice(QUALIFIERS), "change": None, "part_of": None,
                          "time": day.isoformat()[:7] if rng.random() < 0.5 else None,
                          "quote": quote, "start": f * 100, "end": f * 100 + len(quote)}
                # a few figures carry the marks the newer rules read: money paid or a ceiling, enough for a
                # goal or the least it needs, an alternative turned down, a group's named members
                mark = marks.random()
                if mark < 0.02:
                    record.update(unit="USD", payment=marks.choice(["paid", "ceiling"]))
                elif mark < 0.04:
                    record.update(sufficiency=marks.choice(["enough", "minimum"]), goal="target")
                elif mark < 0.05:
                    record.update(turned_down=True)
                elif mark < 0.06:
                    record.update(included=[marks.choice(ACTORS)])
                yield record
            else:
                etype = "TRANSITION" if rng.random() < TRANSITION_SHARE else rng.choice(EVENT_TYPES)
                record = {"kind": "event", "doc_id": doc_id, "type": etype, "source": [holder], "target": [target],
                          "date": day.isoformat() if rng.random() < 0.7 else day.isoformat()[:7],
                          "location": None, "modality": rng.choice(["asserted", "asserted", "planned", "speculative"]),
                          "quote": quote, "start": f * 100, "end": f * 100 + len(quote), "attributed_to": None}
                # what the pipeline files on an event: its quote's words, and for a change of leadership what
                # happened to the office and to whom (drawn from `marks`, so the facts stay those of earlier runs)
                record["quote_words"] = sorted({w.lower() for w in quote.split() if w.isalpha() and len(w) >= 4})
                if etype == "TRANSITION":
                    record["transition_spots"] = [{"kind": marks.choice(["start", "start", "end"]), "at": 0,
                                                   "done_to": False, "announced": False, "bare": False,
                                                   "not_done": False, "about": holder}]
                if recent and rng.random() < 0.02:
                    told = rng.choice(recent)
                    moved = timex_day(told["date"]) + timedelta(days=rng.choice([-9, -5, 6, 12]))
                    record.update(type=told["type"], source=told["source"], target=told["target"],
                                  quote=told["quote"], date=moved.isoformat(), modality="asserted",
                                  quote_words=told["quote_words"])
                    if "transition_spots" in told:
                        record["transition_spots"] = told["transition_spots"]
                elif len(record["date"]) == 10 and record["modality"] == "asserted":
                    recent = (recent + [record])[-50:]
                yield record


def timex_day(value: str) -> date:
    return date.fromisoformat(value)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run_one(n_facts: int) -> dict:
    from pactwatch.reconcile.core import Blocks, blocks_to_recompute, gather, iter_blocks

    started, cpu_started = time.perf_counter(), time.process_time()
    blocks = gather(synthetic_records(n_facts), kb=None)
    gathered = time.perf_counter()
    clusters = conflicts = 0
    for _, block_clusters, block_conflicts in iter_blocks(blocks):
        clusters += len(block_clusters)
        conflicts += len(block_conflicts)
    full, full_cpu = time.perf_counter() - started, time.process_time() - cpu_started

    # one more document arrives: file its facts, recompute only the blocks they touch
    step_started, step_cpu_started = time.perf_counter(), time.process_time()
    touched, new_docs = set(), set()
    for record in synthetic_records(FACTS_PER_DOC, seed=99, first_doc=10 ** 7):
        key = blocks.add(record)
        if key:
            touched.add(key)
            touched.update(blocks.extra_keys)   # a figure is filed under each state it concerns
            new_docs.add(record["doc_id"])
    blocks.attach_documents()
    recompute = blocks_to_recompute(touched)
    step_out = sum(len(c) + len(k) for _, c, k in iter_blocks(blocks, recompute, new_docs))
    step = time.perf_counter() - step_started
    step_cpu = time.process_time() - step_cpu_started
    assert isinstance(blocks, Blocks) and step_out >= 0
    return {"facts": n_facts, "blocks": len(blocks.quantities) + len(blocks.events) + len(blocks.things),
            "clusters": clusters,
            "conflicts": conflicts, "gather_s": round(gathered - started, 2), "full_s": round(full, 2),
            "full_cpu_s": round(full_cpu, 2),
            "incremental_step_ms": round(step * 1000, 1), "step_cpu_ms": round(step_cpu * 1000, 1),
            "touched_blocks": len(touched),
            "peak_rss_mb": round(peak_rss_mb(), 1)}


def replay(store_path: str, shared: bool) -> None:
    import shutil
    import tempfile

    from sqlalchemy import text

    import gc

    from pactwatch import reconcile
    from pactwatch.api import FULL_COLLECTION_AFTER, reconcile_step
    from pactwatch.store import Store

    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_AFTER)   # the collector as api.ingest runs it

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "replay.db"
        shutil.copy(store_path, copy)
        store = Store(copy)
        store.reconcile_clear()
        with store.engine.connect() as conn:
            doc_ids = list(conn.scalars(text("SELECT doc_id FROM documents ORDER BY rowid")))
        kb = reconcile.knowledge_for(())
        filed = reconcile.FiledFacts(kb) if shared else None
        done, steps, started = 0, [], time.process_time()
        while done < len(doc_ids):
            step = reconcile_step(done)
            t = time.process_time()
            reconcile.update(store, doc_ids[done:done + step], kb=kb, filed=filed)
            steps.append(f"{min(step, len(doc_ids) - done)} docs {time.process_time() - t:.2f}")
            done += step
        print(f"{len(doc_ids)} documents, {'shared' if shared else 'unshared'}: "
              f"{time.process_time() - started:.2f} CPU s; updates: {', '.join(steps)}; "
              f"peak RSS {peak_rss_mb():.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replay", metavar="STORE.db", help="re-run an ingest's reconciliation on a copy of this store")
    parser.add_argument("--unshared", action="store_true", help="with --replay: updates share nothing")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process's size
    args = parser.parse_args()
    if args.replay:
        replay(args.replay, shared=not args.unshared)
        return 0
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    # wall seconds depend on what else the machine runs; CPU seconds are this process's own work
    print(f"{'facts':>9} {'blocks':>7} {'clusters':>9} {'conflicts':>9} {'seconds':>8} {'cpu s':>8} {'step ms':>8} "
          f"{'step cpu ms':>11} {'peak RSS MB':>11}")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True)
        if out.returncode:
            print(out.stderr, file=sys.stderr)
            return out.returncode
        r = json.loads(out.stdout)
        print(f"{r['facts']:>9,} {r['blocks']:>7,} {r['clusters']:>9,} {r['conflicts']:>9,} {r['full_s']:>8.2f} "
              f"{r['full_cpu_s']:>8.2f} {r['incremental_step_ms']:>8.1f} {r['step_cpu_ms']:>11.1f} "
              f"{r['peak_rss_mb']:>11.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
