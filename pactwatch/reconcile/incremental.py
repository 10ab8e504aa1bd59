"""Keeping a store's clusters and conflicts current after each ingest, touching only the blocks new facts fall in.

A fact's block (measure + holder + target for quantities, type + year for events) bounds what it can
cluster or conflict with, so an update re-reads and recomputes those blocks and nothing else; the
per-document checks (a text's own chronology) run for the new documents only.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from .core import Blocks, Filing, blocks_to_read, blocks_to_recompute, fact_ident, prepare, reconcile_blocks
from .datebasis import date_basis, states_year, timexes_in_quote
from .model import ActorResolver, DocumentCitation, default_kb, document_citation, kb_folders
from .quantities import UNDATED

FACT_KINDS = ("quantity", "event")
_DOC_FIELDS = ("source", "title", "published", "publisher", "anchor")
PACKAGED_KB = object()  # the default: load the packaged knowledge base (kb=None reconciles without one)


class FiledFacts:
    """What one ingest's updates made of the fact rows they read or wrote, by row id, so the next
    update takes a row's filing from here instead of decoding and resolving its record again.

    A row id is never given twice (store migration 0006) and a row is never changed, so an id names
    one record for good; a row someone else filed is simply not here and is read from the store. It
    keeps only the rows the last update used: no more than that update held in memory anyway."""

    def __init__(self, kb: Any = PACKAGED_KB):
        self.kb = default_kb() if kb is PACKAGED_KB else kb
        self.actors = ActorResolver(self.kb)   # one resolver, so what mentions memoise of it stays valid
        self.by_row: dict[int, Filing] = {}


def update(store: Any, doc_ids: Iterable[str] | None = None, kb: Any = PACKAGED_KB,
           filed: FiledFacts | None = None) -> dict:
    """Reconcile the facts of `doc_ids` (just ingested, re-ingested or removed) with everything stored;
    None rebuilds all. An ingest that updates several times passes the same `filed` to each.

    Returns counts: the blocks recomputed, clusters and conflicts written.
    """
    kb = default_kb() if kb is PACKAGED_KB else kb
    if filed is None or filed.kb is not kb:
        filed = FiledFacts(kb)
    if doc_ids is None:
        documents = {d["doc_id"]: d for d in store.documents()}
        store.reconcile_clear()
        filed.by_row.clear()
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

    filing = Blocks(filed.actors)
    for doc_id in doc_ids:
        if doc_id in documents:
            filing.add(documents[doc_id])
    timexes: dict[str, list[dict]] | None = None   # read only if a record from before date bases needs them
    rows, filings, touched = [], [], set(previous)
    for kind in FACT_KINDS:
        for record in store.records(kind, doc_ids=sorted(doc_ids)):
            doc = documents.get(record.get("doc_id"), {})
            if kind == "event" and "date_basis" not in record:
                # the pipeline settles each date's basis as it reads the text; a record from before that
                # is settled now, while the document's timexes are at hand (later updates read only facts)
                if timexes is None:
                    timexes = {}
                    for t in store.records("timex", doc_ids=sorted(doc_ids)):
                        timexes.setdefault(t["doc_id"], []).append(t)
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
                filings.append(filing.last_filing)
                touched.add(block)
    # a figure with no date at all is compared with every dated block of its series (the new
    # rows' own blocks are touched already, so asking before they are added finds the same)
    for key in [k for k in touched if k.startswith("q|") and k.endswith("|" + UNDATED)]:
        touched |= store.reconcile_blocks_like(key[:-len(UNDATED)])
    recompute = blocks_to_recompute(touched)
    wanted = blocks_to_read(recompute)
    filed_before = store.reconcile_last_id()
    store.reconcile_add(rows)
    # what was filed before comes from `filed` where this ingest made it, else from the store; the
    # new rows' filings are in hand
    earlier = _earlier_filings(store, wanted, filed_before, filed)
    blocks = Blocks(filed.actors)
    for f in _by_block(earlier, rows, filings, wanted):
        blocks.file(f)
    blocks.attach_documents()
    for record in store.records("entity", doc_ids=sorted(doc_ids)):
        blocks.add(record)
    scopes = recompute | {f"doc|{d}" for d in doc_ids}
    checked = set(blocks.doc_events) | set(blocks.titles) | set(blocks.statements)
    result = reconcile_blocks(blocks, keys=recompute, doc_ids=[d for d in doc_ids if d in checked], kb=kb)
    store.reconcile_replace(scopes, result.clusters, result.conflicts)
    _keep_new_rows(store, filed, filed_before, rows, filings)
    return {"blocks": len(touched), "clusters": len(result.clusters), "conflicts": len(result.conflicts)}


def _earlier_filings(store: Any, wanted: set[str], up_to: int, filed: FiledFacts) -> list[tuple[str, Filing]]:
    """(block, filing) of the rows filed under the wanted blocks up to row `up_to`, in the store's
    order; `filed` then keeps just these. A row not in `filed` is read and prepared here, its record
    dropped as soon as its filing is made."""
    listed = list(store.reconcile_fact_ids(wanted, up_to=up_to))
    kept = filed.by_row
    missing = [row_id for _, row_id in listed if row_id not in kept]
    if missing:
        made: dict[tuple, Filing] = {}                 # a record filed under several blocks is prepared once
        citations: dict[str, DocumentCitation] = {}
        for row_id, record in store.reconcile_records(missing):
            ident = fact_ident(record)
            f = made.get(ident)
            if f is None:
                doc_id = record.get("doc_id")
                doc = citations.get(doc_id)
                if doc is None:
                    doc = citations[doc_id] = document_citation(
                        {"doc_id": doc_id, **{field: record.get(f"doc_{field}") for field in _DOC_FIELDS}})
                f = made[ident] = prepare(record, ident, doc, filed.actors)
            kept[row_id] = f
    filed.by_row = {row_id: kept[row_id] for _, row_id in listed}
    return [(block, filed.by_row[row_id]) for block, row_id in listed]


def _keep_new_rows(store: Any, filed: FiledFacts, filed_before: int, rows: list[dict], filings: list[Filing]) -> None:
    """Keep the new rows' filings under the ids the store gave them: the rows after `filed_before`,
    which are these rows in order unless someone else filed rows meanwhile (then they are read later)."""
    if not rows:
        return
    given = store.reconcile_ids_after(filed_before)
    if [block for _, block in given] != [row["block"] for row in rows]:
        return
    filed.by_row.update((row_id, f) for (row_id, _), f in zip(given, filings))


def _by_block(earlier: Iterable[tuple[str, Filing]], rows: list[dict], filings: list[Filing],
              wanted: set[str]) -> Iterator[Filing]:
    """The filings of the wanted blocks block by block, as the store files them: each block's earlier
    rows first, in the order filed, then its new rows in the order added. `earlier` comes in
    code-point order of the blocks; the new rows are merged in where their block falls."""
    new: dict[str, list[Filing]] = {}
    for row, f in zip(rows, filings):
        if row["block"] in wanted:
            new.setdefault(row["block"], []).append(f)
    new_blocks, i = sorted(new), 0
    for block, f in earlier:
        # the new rows of every block before this one (the block just finished included)
        while i < len(new_blocks) and new_blocks[i] < block:
            yield from new[new_blocks[i]]
            i += 1
        yield f
    for block in new_blocks[i:]:
        yield from new[block]
