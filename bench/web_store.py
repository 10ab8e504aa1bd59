"""A large store for timing `pactwatch serve`: N documents with their fact records, built fast.

A few hundred synthetic articles (bench/corpus.py) go through the real pipeline once; the rest are
copies of those with a new id, source, title and date, their fact records copied through the store
API (so every table and index is filled as an ingest fills it), then reconciled in chunks.

    python bench/web_store.py --db /tmp/web-100k.db --docs 100000 [--templates 300]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--templates", type=int, default=300)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--reconcile-chunk", type=int, default=5000)
    # reconciling is the pipeline's cost, not the web's: on this repetitive corpus every block holds
    # facts of every document, so reconciling all 100k at once needs ~16 GB; reconcile the first N
    parser.add_argument("--reconcile-docs", type=int, default=20_000)
    args = parser.parse_args()

    import corpus
    from pactwatch import facts, pipeline, reconcile
    from pactwatch.documents.model import Document
    from pactwatch.store import Store

    store = Store(args.db)
    nlp = pipeline.load()
    rng = random.Random(11)
    started = time.perf_counter()
    templates = []
    texts = list(corpus.articles(args.templates, seed=3, words=args.words))
    for i, text in enumerate(texts):
        published = f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        document = Document(source=f"bench/template-{i}.txt", text=text, title=f"Alliance report {i}",
                            published=published, publisher="Bench Wire")
        doc = nlp(pipeline.make_doc(nlp, document.text, document.published, document.captions))
        templates.append((facts.document_record(document, doc), facts.fact_records(doc, document.doc_id)))
    print(f"templates: {len(templates)} in {time.perf_counter() - started:.1f}s", flush=True)

    started = time.perf_counter()
    ids = []
    for n in range(args.docs):
        doc_rec, recs = templates[n % len(templates)]
        text = doc_rec["text"] + f"\n\nFiled as dispatch {n}."
        doc_id = hashlib.sha256(text.encode()).hexdigest()
        published = f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        store.add({**doc_rec, "doc_id": doc_id, "text": text, "text_sha256": doc_id, "source": f"bench/dispatch-{n}.txt",
                   "title": f"{doc_rec['title']} (dispatch {n})", "published": published, "anchor": published},
                  [{**r, "doc_id": doc_id} for r in recs])
        ids.append(doc_id)
        if (n + 1) % 10000 == 0:
            print(f"stored {n + 1} in {time.perf_counter() - started:.0f}s", flush=True)
    started = time.perf_counter()
    ids = ids[:args.reconcile_docs]
    for i in range(0, len(ids), args.reconcile_chunk):
        reconcile.update(store, ids[i:i + args.reconcile_chunk])
        print(f"reconciled {i + args.reconcile_chunk} in {time.perf_counter() - started:.0f}s", flush=True)


if __name__ == "__main__":
    main()
