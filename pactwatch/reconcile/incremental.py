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
           filed: FiledFacts | None = None, in_hand: dict[str, list[dict]] | None = None) -> dict:
    """Reconcile the facts of `doc_ids` (just ingested, re-ingested or removed) with everything stored;
    None rebuilds all. An ingest that updates several times passes the same `filed` to each, and may
    pass the quantity and event records it has just stored, by document, as the store reads them back
    (`store.read_back`): they are not read again.

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
    timexes = _Timexes(store, doc_ids)
    folders = kb_folders(filing.actors.kb)
    rows, filings, touched = [], [], set(previous)
    for kind in FACT_KINDS:
        for fact_id, record in _new_facts(store, kind, sorted(doc_ids), in_hand):
            if kind == "event" and "date_basis" not in record:
                doc = documents.get(record.get("doc_id"), {})
                record = _settled(record, timexes.of(record.get("doc_id")), (doc.get("published"), doc.get("anchor")),
                                 folders)
            key = filing.add(record)
            if key is None:
                continue
            for block in [key, *filing.extra_keys]:
                rows.append({"block": block, "kind": kind, "doc_id": record["doc_id"], "fact_id": fact_id})
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


def _new_facts(store: Any, kind: str, doc_ids: list[str], in_hand: dict[str, list[dict]] | None
               ) -> Iterator[tuple[int, dict]]:
    """(row id, record) of one kind's facts of these documents, in the store's order: the records in
    hand given the ids of their rows, when every document's are in hand and match the stored rows one
    for one (another process may have stored a document again meanwhile); else as the store has them."""
    if in_hand is not None and all(d in in_hand for d in doc_ids):
        held = [r for d in doc_ids for r in in_hand[d] if r["kind"] == kind]
        rows = store.fact_ids(kind, doc_ids)
        if [(d, start) for d, _, start in rows] == [(r["doc_id"], r.get("start")) for r in held]:
            yield from ((row_id, record) for (_, row_id, _), record in zip(rows, held))
            return
    yield from store.fact_rows(kind, doc_ids=doc_ids)


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
        unsettled: list[tuple[int, dict, dict]] = []
        for row_id, record, document in store.reconcile_records(missing):
            if record.get("kind") == "event" and "date_basis" not in record:
                unsettled.append((row_id, record, document))   # settled below, once their timexes are read
                continue
            kept[row_id] = _prepared(record, document, made, citations, filed.actors)
        if unsettled:
            timexes = _Timexes(store, {record.get("doc_id") for _, record, _ in unsettled})
            folders = kb_folders(filed.actors.kb)
            for row_id, record, document in unsettled:
                record = _settled(record, timexes.of(record.get("doc_id")),
                                 (document.get("published"), document.get("anchor")), folders)
                kept[row_id] = _prepared(record, document, made, citations, filed.actors)
    filed.by_row = {row_id: kept[row_id] for _, row_id in listed}
    return [(block, filed.by_row[row_id]) for block, row_id in listed]


def _prepared(record: dict, document: dict, made: dict[tuple, Filing], citations: dict[str, DocumentCitation],
              actors: ActorResolver) -> Filing:
    """The filing of a record read back with its document; made once a record."""
    ident = fact_ident(record)
    f = made.get(ident)
    if f is None:
        doc = citations.get(document["doc_id"])
        if doc is None:
            doc = citations[document["doc_id"]] = document_citation(document)
        f = made[ident] = prepare(record, ident, doc, actors)
    return f


def _settled(record: dict, timexes: list[dict], anchors: tuple, folders: tuple[str, ...]) -> dict:
    """An event record from before date bases, with its date's basis settled from its document's timexes.
    The pipeline settles it as it reads the text; a store made before that is settled here, each time
    such a record is read (its copy in the fact table is left as it was stored)."""
    return {**record, "date_basis": date_basis(record, timexes, anchors, folders),
            "year_stated": states_year(record, timexes), "quote_timexes": timexes_in_quote(record, timexes)}


class _Timexes:
    """The timex records of some documents, read from the store the first time any is asked for: only
    an event record from before date bases needs them."""

    def __init__(self, store: Any, doc_ids: Iterable[str]):
        self.store, self.doc_ids, self.by_doc = store, sorted(doc_ids), None

    def of(self, doc_id: str | None) -> list[dict]:
        if self.by_doc is None:
            self.by_doc = {}
            for t in self.store.records("timex", doc_ids=self.doc_ids):
                self.by_doc.setdefault(t["doc_id"], []).append(t)
        return self.by_doc.get(doc_id, [])


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
