"""Keeping a store's clusters and conflicts current after each ingest, touching only the blocks new facts fall in.

A fact's block (measure + holder + target for quantities, type + year for events) bounds what it can
cluster or conflict with, so an update re-reads and recomputes those blocks and nothing else; the
per-document checks (a text's own chronology) run for the new documents only.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from .core import Blocks, blocks_to_read, blocks_to_recompute, gather, reconcile_blocks
from .datebasis import date_basis, states_year, timexes_in_quote
from .model import ActorResolver, default_kb, kb_folders
from .quantities import UNDATED

FACT_KINDS = ("quantity", "event")
_DOC_FIELDS = ("source", "title", "published", "publisher", "anchor")
PACKAGED_KB = object()  # the default: load the packaged knowledge base (kb=None reconciles without one)


def update(store: Any, doc_ids: Iterable[str] | None = None, kb: Any = PACKAGED_KB) -> dict:
    """Reconcile the facts of `doc_ids` (just ingested, re-ingested or removed) with everything stored;
    None rebuilds all.

    Returns counts: the blocks recomputed, clusters and conflicts written.
    """
    kb = default_kb() if kb is PACKAGED_KB else kb
    if doc_ids is None:
        documents = {d["doc_id"]: d for d in store.documents()}
        store.reconcile_clear()
        doc_ids = set(documents)
        previous: set[str] = set()
    else:
        doc_ids = set(doc_ids)
        # only the documents taken in: an update costs what it touches, not the size of the store
        documents = {d["doc_id"]: d for d in store.documents(doc_ids=doc_ids)}
        previous = store.reconcile_forget(doc_ids)
        removed = doc_ids - set(documents)
        if removed:  # their facts went with them; recompute what still cites them
            previous |= store.reconcile_blocks_citing(removed)

    filing = Blocks(ActorResolver(kb))
    for doc_id in doc_ids:
        if doc_id in documents:
            filing.add(documents[doc_id])
    timexes: dict[str, list[dict]] = {}
    for t in store.records("timex", doc_ids=sorted(doc_ids)):
        timexes.setdefault(t["doc_id"], []).append(t)
    rows, touched = [], set(previous)
    for kind in FACT_KINDS:
        for record in store.records(kind, doc_ids=sorted(doc_ids)):
            doc = documents.get(record.get("doc_id"), {})
            if kind == "event" and "date_basis" not in record:
                # the pipeline settles each date's basis as it reads the text; a record from before that
                # is settled now, while the document's timexes are at hand (later updates read only facts)
                own = timexes.get(record.get("doc_id"), [])
                basis = date_basis(record, own, (doc.get("published"), doc.get("anchor")), kb_folders(filing.actors.kb))
                record = {**record, "date_basis": basis,
                          "year_stated": states_year(record, own), "quote_timexes": timexes_in_quote(record, own)}
            key = filing.add(record)
            if key is None:
                continue
            # the document's date and source travel with the fact, so a later update needs no join
            stored = {**record, **{f"doc_{f}": doc.get(f) for f in _DOC_FIELDS}}
            for block in [key, *filing.extra_keys]:
                rows.append({"block": block, "kind": kind, "doc_id": record["doc_id"], "record": stored})
                touched.add(block)
    # a figure with no date at all is compared with every dated block of its series (the new
    # rows' own blocks are touched already, so asking before they are added finds the same)
    for key in [k for k in touched if k.startswith("q|") and k.endswith("|" + UNDATED)]:
        touched |= store.reconcile_blocks_like(key[:-len(UNDATED)])
    recompute = blocks_to_recompute(touched)
    wanted = blocks_to_read(recompute)
    filed_before = store.reconcile_last_id()
    store.reconcile_add(rows)
    # what was filed before is read back; the new rows, in hand, are not decoded again
    earlier = store.reconcile_facts(wanted, up_to=filed_before)
    blocks = gather(_with_documents(_by_block(earlier, rows, wanted)), kb)
    for record in store.records("entity", doc_ids=sorted(doc_ids)):
        blocks.add(record)
    scopes = recompute | {f"doc|{d}" for d in doc_ids}
    checked = set(blocks.doc_events) | set(blocks.titles) | set(blocks.statements)
    result = reconcile_blocks(blocks, keys=recompute, doc_ids=[d for d in doc_ids if d in checked], kb=kb)
    store.reconcile_replace(scopes, result.clusters, result.conflicts)
    return {"blocks": len(touched), "clusters": len(result.clusters), "conflicts": len(result.conflicts)}


def _by_block(earlier: Iterable[tuple[str, dict]], rows: list[dict], wanted: set[str]) -> Iterator[dict]:
    """The records of the wanted blocks block by block, as the store files them: each block's earlier
    records first, in the order filed, then its new rows in the order added. `earlier` streams
    (block, record) in code-point order of the blocks; the new rows are merged in where their block falls."""
    new: dict[str, list[dict]] = {}
    for row in rows:
        if row["block"] in wanted:
            new.setdefault(row["block"], []).append(row["record"])
    new_blocks, i = sorted(new), 0
    for block, record in earlier:
        # the new rows of every block before this one (the block just finished included)
        while i < len(new_blocks) and new_blocks[i] < block:
            yield from new[new_blocks[i]]
            i += 1
        yield record
    for block in new_blocks[i:]:
        yield from new[block]


def _with_documents(records: Iterable[dict]) -> Iterable[dict]:
    """Each stored fact, preceded the first time by a document record rebuilt from the fields it carries."""
    seen: set[str] = set()
    for record in records:
        doc_id = record.get("doc_id")
        if doc_id not in seen:
            seen.add(doc_id)
            yield {"kind": "document", "doc_id": doc_id, **{f: record.get(f"doc_{f}") for f in _DOC_FIELDS}}
        yield record
