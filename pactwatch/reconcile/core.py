"""Reconciliation over plain record iterables: blocks, clusters and conflicts.

Records are FORMAT.md dicts (document, entity, quantity, event, ...). Facts are grouped into
blocks by key; each block is clustered and checked on its own, so the cost grows with the number
of facts, and the incremental path (`incremental.py`) recomputes only the blocks new facts touch.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Iterable, Iterator

from ..knowledge.identity import norm_name
from . import events as event_rules
from . import quantities as quantity_rules
from . import accounts, dated, tenure, titles
from .datebasis import date_basis, states_year, timexes_in_quote
from .model import (undated_validity, ActorResolver, DocumentCitation, EventMention, QuantityMention,
                    document_citation, event_mention, kb_folders, quantity_mention)
from .normalize import parse_day, shift_period


def neighbour_block(key: str, step: int) -> str | None:
    """The block of the same series one period later (step 1) or earlier (step -1)."""
    prefix, _, period = key.rpartition("|")
    shifted = shift_period(period, step)
    return f"{prefix}|{shifted}" if shifted else None


def blocks_to_recompute(touched: Iterable[str]) -> set[str]:
    """Touched blocks and the ones before them, which own conflicts reaching into a touched block."""
    out = set(touched)
    out.update(k for k in (neighbour_block(t, -1) for t in touched) if k)
    return out


def blocks_to_read(recompute: Iterable[str]) -> set[str]:
    """What recomputing needs in memory: those blocks and the ones after them."""
    out = set(recompute)
    out.update(k for k in (neighbour_block(t, 1) for t in recompute) if k)
    # a quantity block is compared with its series' figures that carry no date at all
    out.update(f"{t.rpartition('|')[0]}|undated" for t in recompute if t.startswith("q|"))
    return out


@dataclass
class Reconciliation:
    """Clusters (one per fact, every mention kept) and conflicts, each tagged with the block it came from."""
    clusters: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)


@dataclass(slots=True)
class Filing:
    """What filing one quantity or event record puts into Blocks, worked out once (`prepare`): an
    ingest keeps these between its updates by row id, so a record read again is not decoded,
    resolved or blocked again. Shared by the rows of one record; read-only once made."""
    kind: str
    doc_id: str | None
    ident: tuple
    citation: DocumentCitation | None     # its document, when known as it was prepared
    things: list[tuple[str, dated.DatedThing]]
    titles: list[dict]
    statements: list[dict]
    stated: str | None                    # its own stated date, for the document's date checks
    mention: QuantityMention | EventMention | None
    keys: list[str]                       # the blocks its mention goes in, its own first
    settled: bool                         # an event's date basis came with the record


def fact_ident(record: dict) -> tuple:
    """What makes a quantity or event record one fact mention: the same record filed under several
    blocks comes back once from each."""
    return (record.get("kind"), record.get("doc_id"), record.get("start"), record.get("span_start"),
            record.get("quote"))


def prepare(record: dict, ident: tuple, doc: DocumentCitation | None, actors: ActorResolver) -> Filing:
    """A quantity or event record, made ready to file: its mention, blocks and dated things."""
    kind = record.get("kind")
    things = list(dated.dated_things(record, doc.source if doc else None,
                                     (doc.published or doc.anchor) if doc else None))
    titles = [t for t in record["titles"] if isinstance(t, dict)] if record.get("titles") else []
    statements = [t for t in record["statements"] if isinstance(t, dict)] if record.get("statements") else []
    stated = record.get("date") or record.get("time")
    if not (isinstance(stated, str) and record.get("date_basis", "explicit") != "implicit"):
        stated = None
    m, keys = None, []
    if kind == "quantity":
        m = quantity_mention(record, doc)
        if m is not None:
            keys = quantity_rules.block_keys(m, actors)
    else:
        m = event_mention(record, doc)
        keys = [event_rules.block_key(m)]
    return Filing(kind, record.get("doc_id"), ident, doc, things, titles, statements, stated, m, keys,
                  "date_basis" in record)


@dataclass
class Blocks:
    """Fact mentions gathered by block key, with what the per-document checks need."""
    actors: ActorResolver
    citations: dict[str, DocumentCitation] = field(default_factory=dict)   # by doc id
    quantities: dict[str, list[QuantityMention]] = field(default_factory=lambda: defaultdict(list))
    events: dict[str, list[EventMention]] = field(default_factory=lambda: defaultdict(list))
    doc_events: dict[str, list[EventMention]] = field(default_factory=lambda: defaultdict(list))
    entity_types: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    things: dict[str, list[dated.DatedThing]] = field(default_factory=lambda: defaultdict(list))
    extra_keys: list[str] = field(default_factory=list)   # the other blocks the last record was filed under
    _filed: set = field(default_factory=set)               # records already filed (a record sits in several blocks)
    titles: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    statements: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    fact_dates: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    unattached: list = field(default_factory=list)   # mentions filed before their document record
    unsettled: list = field(default_factory=list)    # events whose date basis waits for the timexes
    timexes: dict[str, list[dict]] | None = None     # the documents' timex records, when any were given
    last_filing: Filing | None = None   # what the last fact record filed put in, for a caller to keep

    def add(self, record: dict) -> str | None:
        """File one record; returns the block key of a fact record, else None."""
        kind = record.get("kind")
        self.extra_keys = []
        self.last_filing = None
        if kind in ("quantity", "event"):
            ident = fact_ident(record)
            if ident in self._filed:
                return None
            self.last_filing = prepare(record, ident, self.citations.get(record.get("doc_id")), self.actors)
            return self.file(self.last_filing)
        if kind == "timex":
            if self.timexes is None:
                self.timexes = defaultdict(list)
            self.timexes[record.get("doc_id")].append(
                {"start": record.get("start"), "end": record.get("end"), "value": record.get("value"),
                 "text": record.get("text")})
            return None
        if kind == "document" and record.get("doc_id"):
            self.citations[record["doc_id"]] = document_citation(record)
        elif kind == "entity" and record.get("name") and record.get("type"):
            self.entity_types[record.get("doc_id")][norm_name(record["name"])] = record["type"]
        return None

    def file(self, filing: Filing) -> str | None:
        """Put a prepared fact record in (once: a record filed under several blocks comes back from each);
        returns its block key, and leaves its other blocks in `extra_keys`."""
        # (an update files every earlier record of the blocks it reads: hundreds of thousands of calls)
        extra = self.extra_keys = []
        ident = filing.ident
        if ident in self._filed:
            return None
        self._filed.add(ident)
        attached = filing.citation is not None
        if attached:
            self.citations.setdefault(filing.doc_id, filing.citation)
        if filing.things:
            for key, thing in filing.things:
                self.things[key].append(thing)
                extra.append(key)
                if not attached:
                    self.unattached.append(thing)
        if filing.titles:
            self.titles[filing.doc_id].extend(filing.titles)
        if filing.statements:
            self.statements[filing.doc_id].extend(filing.statements)
        if filing.stated is not None:
            self.fact_dates[filing.doc_id].append(filing.stated)
        m = filing.mention
        if m is None:
            return None
        keys = filing.keys
        key = keys[0]
        if filing.kind == "quantity":
            self.quantities[key].append(m)
            if len(keys) > 1:
                for other in keys[1:]:
                    self.quantities[other].append(m)
                    extra.append(other)
        else:
            self.events[key].append(m)
            self.doc_events[m.doc_id].append(m)
            if not filing.settled:
                self.unsettled.append(m)
        if not attached:
            self.unattached.append(m)
        return key

    def attach_documents(self) -> None:
        """Give mentions filed before their document record its source (and, to undated figures, its date).

        Their block stays the one they were filed under (undated); callers that need exact blocks
        give documents first, as `update` and the store's order do.
        """
        for m in self.unattached:
            doc = self.citations.get(m.doc_id)
            if doc is None:
                continue
            m.source = doc.source
            published = parse_day(doc.published)
            if isinstance(m, (QuantityMention, dated.DatedThing)):
                m.published = doc.published or doc.anchor
            if isinstance(m, dated.DatedThing):
                continue
            if isinstance(m, QuantityMention) and m.span is None and published is not None:
                m.span = (published - timedelta(days=undated_validity(m.status)), published)
        self.unattached = []
        self.settle_dates()

    def settle_dates(self) -> None:
        """Settle each event's date basis from its document's timexes (when any timex records came in)
        and its publication/anchor date, now that every record has been filed."""
        for m in self.unsettled:
            doc = self.citations.get(m.doc_id)
            timexes = None if self.timexes is None else self.timexes.get(m.doc_id, [])
            record = {"date": m.date, "quote": m.quote, "start": m.start, "end": m.end}
            m.settle(date_basis(record, timexes, doc.anchors if doc else (), kb_folders(self.actors.kb)))
            m.year_stated = states_year(record, timexes)
            m.quote_timexes = timexes_in_quote(record, timexes)
        self.unsettled = []


def gather(records: Iterable[dict], kb: Any = None) -> Blocks:
    blocks = Blocks(ActorResolver(kb))
    for record in records:
        blocks.add(record)
    blocks.attach_documents()
    return blocks


def iter_blocks(blocks: Blocks, keys: Iterable[str] | None = None, doc_ids: Iterable[str] | None = None,
                kb: Any = None) -> Iterator[tuple[str, list[dict], list[dict]]]:
    """(block, clusters, conflicts) for each block in keys (all when None), then each document in doc_ids
    (all when None) for its own checks; one block at a time, so a caller can write results as they come."""
    # with keys given, look them up rather than scan every block: an update costs what it touches
    quantity_keys = blocks.quantities if keys is None else sorted(k for k in set(keys) if k in blocks.quantities)
    event_keys = blocks.events if keys is None else sorted(k for k in set(keys) if k in blocks.events)
    for key in list(quantity_keys):
        mentions = blocks.quantities[key]
        following = blocks.quantities.get(neighbour_block(key, 1), ())
        series, _, period = key.rpartition("|")
        undated = blocks.quantities.get(f"{series}|{quantity_rules.UNDATED}", ()) if period != quantity_rules.UNDATED else ()
        yield (key, quantity_rules.cluster_block(key, mentions, blocks.actors),
               quantity_rules.conflicts_in_block(key, mentions, following, blocks.actors, undated))
    for key in list(event_keys):
        mentions = blocks.events[key]
        following = blocks.events.get(neighbour_block(key, 1), ())
        yield (key, event_rules.cluster_block(key, mentions, blocks.actors),
               event_rules.conflicts_in_block(key, mentions, blocks.actors, following))
    thing_keys = blocks.things if keys is None else sorted(k for k in set(keys) if k in blocks.things)
    for key in list(thing_keys):
        yield (key, [], dated.conflicts_in_block(key, blocks.things[key],
                                                 blocks.things.get(neighbour_block(key, 1), ()), blocks.actors))
    for doc_id in (sorted(set(blocks.doc_events) | set(blocks.titles) | set(blocks.statements))
                   if doc_ids is None else doc_ids):
        doc = blocks.citations.get(doc_id)
        day = titles.doc_date(doc.published if doc else None, doc.anchor if doc else None,
                              blocks.fact_dates.get(doc_id, ()))
        yield (f"doc|{doc_id}", [], tenure.check_document(blocks.doc_events.get(doc_id, []),
                                                          blocks.entity_types.get(doc_id, {}), kb)
               + titles.check_titles(doc_id, doc.source if doc else None, blocks.titles.get(doc_id, []), day, kb)
               + accounts.check_accounts(doc_id, doc.source if doc else None, blocks.statements.get(doc_id, [])))


# How much a conflict of each type matters when its rule does not say: a figure, a date or an office that
# cannot all be true is worth an analyst's look; rival accounts inside one report are a claim against a claim.
DEFAULT_SEVERITY = {"value": "high", "date": "high", "knowledge": "high", "chronology": "medium", "office": "high",
                    "account": "medium"}


def finish_conflict(conflict: dict, blocks: Blocks) -> dict:
    """Every side with its outlet and its date, and a severity."""
    conflict.setdefault("severity", DEFAULT_SEVERITY.get(conflict.get("type"), "medium"))
    for item in conflict.get("items") or ():
        doc = blocks.citations.get(item.get("doc_id"))
        if doc is None:
            continue
        item.setdefault("source", doc.source)
        if not item.get("outlet"):
            item["outlet"] = doc.publisher or doc.source
        if not item.get("date"):
            item["date"] = doc.published or doc.anchor
    return conflict


def reconcile_blocks(blocks: Blocks, keys: Iterable[str] | None = None, doc_ids: Iterable[str] | None = None,
                     kb: Any = None) -> Reconciliation:
    """Clusters and conflicts of the given blocks (all when None) and per-document checks of doc_ids (all when None)."""
    result = Reconciliation()
    for _, clusters, conflicts in iter_blocks(blocks, keys, doc_ids, kb):
        result.clusters += clusters
        result.conflicts += [finish_conflict(c, blocks) for c in conflicts]
    return result


def reconcile(records: Iterable[dict], kb: Any = None) -> Reconciliation:
    """Clusters and conflicts of a whole set of records (documents, entities, quantities, events)."""
    return reconcile_blocks(gather(records, kb), kb=kb)


def cluster(records: Iterable[dict], kb: Any = None) -> list[dict]:
    """One cluster per fact stated across the records, each with every mention, its document, source and quote."""
    return reconcile(records, kb).clusters


def find_conflicts(records: Iterable[dict], kb: Any = None) -> list[dict]:
    """Conflict records: statements across (or within) the records that cannot all be true."""
    return reconcile(records, kb).conflicts
