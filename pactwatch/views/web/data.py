"""What each page shows, as plain JSON-ready dicts: the HTML page and its `.json` twin are the same data.

The whole-store views come from the library (views.commitments, views.timeline, reconcile.query) and
are kept per store version in a ViewCache; lists are paginated and each fact carries at most
SOURCES_SHOWN of its sources (with `source_count` giving them all)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

from ...knowledge.identity import norm_name
from ...reconcile.normalize import format_amount, timex_interval
from ...reconcile.query import clusters_of, conflicts_of
from ...store import queries
from ..commitments import commitments as build_commitments
from ..timeline import timeline as build_timeline
from .cache import ViewCache

SOURCES_SHOWN = 5
PAGE = 50
MODALITIES = ("asserted", "planned", "speculative", "negated")


@dataclass
class Context:
    """A store, its computed views, and the --kb folders its ingests use (so what a view computes or
    shows from the knowledge base is what ingest used)."""
    store: Any
    cache: ViewCache
    kb_dirs: tuple[str, ...] = ()

    @classmethod
    def of(cls, store: Any, kb_dirs: Iterable[str] = ()) -> "Context":
        return cls(store, ViewCache(store), tuple(str(d) for d in kb_dirs))


def _trim(entry: dict) -> dict:
    out = {**entry, "sources": entry["sources"][:SOURCES_SHOWN]}
    if "components" in entry:
        out["components"] = [_trim(c) for c in entry["components"]]
    return out


def _page(items: list, offset: int, limit: int) -> dict:
    offset, limit = max(0, offset), max(1, min(limit, 500))
    return {"total": len(items), "offset": offset, "limit": limit, "items": items[offset:offset + limit]}


# ------------------------------------------------------------------ cached whole-store views
def all_commitments(ctx: Context) -> list[dict]:
    return ctx.cache.get("commitments", lambda: [_trim(e) for e in build_commitments(ctx.store, ctx.kb_dirs)])


def all_timeline(ctx: Context) -> list[dict]:
    def compute():
        entries = []
        for e in build_timeline(ctx.store, kb_dirs=ctx.kb_dirs):
            first, last = timex_interval(e["date"])
            entries.append({**_trim(e), "from": first.isoformat(), "to": last.isoformat()})
        return entries
    return ctx.cache.get("timeline", compute)


def all_conflicts(ctx: Context) -> list[dict]:
    def compute():
        records = conflicts_of(ctx.store, ctx.kb_dirs)
        # newest first: by the latest date any side states
        records.sort(key=lambda c: max((i.get("time") or "" for i in c["items"]), default=""), reverse=True)
        return records
    return ctx.cache.get("conflicts", compute)


def _compact_cluster(c: dict) -> dict:
    mentions = c.get("mentions") or []
    out = {k: v for k, v in c.items() if k not in ("mentions", "doc_ids", "block")}
    out["sources"] = [{"doc_id": m["doc_id"], "source": m.get("source"), "quote": m.get("quote"),
                       "start": m.get("start"), "end": m.get("end")} for m in mentions[:SOURCES_SHOWN]]
    return out


def event_clusters(ctx: Context) -> list[dict]:
    return ctx.cache.get("event_clusters", lambda: [_compact_cluster(c) for c in clusters_of(ctx.store, "event", ctx.kb_dirs)])


def quantity_clusters(ctx: Context) -> list[dict]:
    def compute():
        out = []
        for c in clusters_of(ctx.store, "quantity", ctx.kb_dirs):
            entry = _compact_cluster(c)
            entry["amount"] = format_amount(c["value"], c["unit"], c.get("qualifier"))
            out.append(entry)
        return out
    return ctx.cache.get("quantity_clusters", compute)


def other_figures(ctx: Context) -> list[dict]:
    """Figures that are no commitment (rates in force, counts, totals), most widely reported first."""
    from ..commitments import COMMITTING
    figures = [c for c in quantity_clusters(ctx) if not set(c["status"]) & COMMITTING]
    return sorted(figures, key=lambda c: (-c["source_count"], c.get("time") or "9999", c["measure"]))


def actor_summaries(ctx: Context) -> list[dict]:
    return ctx.cache.get("actors", lambda: queries.actor_summaries(ctx.store))


def counts(ctx: Context) -> dict:
    return ctx.cache.get("counts", lambda: queries.counts(ctx.store))


# ------------------------------------------------------------------ pages
def overview(ctx: Context) -> dict:
    ledger = all_commitments(ctx)
    return {
        "counts": counts(ctx),
        "commitments": [_status_line(e) for e in ledger[:10]],
        "commitment_total": len(ledger),
        "conflicts": all_conflicts(ctx)[:5],
        "conflict_total": len(all_conflicts(ctx)),
        "actors": actor_summaries(ctx)[:10],
        "recent_documents": queries.recent_documents(ctx.store, 10),
        "ingest_days": ctx.cache.get("ingest_days", lambda: queries.ingest_days(ctx.store, 14)),
    }


def _status_line(e: dict) -> dict:
    """A commitment where it stands (views/commitments.py decides): its state and since when."""
    return {"kind": e["kind"], "subject": e["subject"], "state": e["state"], "status": e["status"],
            "changed": e["changed"], "measure": e.get("measure"), "holder": e.get("holder"),
            "target": e.get("target"), "source_count": e["source_count"]}


def timeline_filters(ctx: Context) -> dict:
    """The values the timeline's filters offer."""
    def compute():
        entries = all_timeline(ctx)
        actors = Counter(a for e in entries for a in e["actors"])
        return {"actors": [a for a, _ in actors.most_common(60)],
                "event_types": sorted({e["type"] for e in entries if e["fact"] == "event"}),
                "measures": sorted({e["type"] for e in entries if e["fact"] == "quantity"}),
                "modalities": list(MODALITIES)}
    return ctx.cache.get("timeline_filters", compute)


def timeline(ctx: Context, actor: str | None = None, type: str | None = None, modality: str | None = None,
             measure: str | None = None, start: str | None = None, end: str | None = None,
             offset: int = 0, limit: int = PAGE) -> dict:
    entries = all_timeline(ctx)
    if actor:
        wanted = norm_name(actor)
        entries = [e for e in entries if any(norm_name(a) == wanted for a in e["actors"])]
    if type:
        entries = [e for e in entries if e["fact"] == "event" and e["type"] == type.upper()]
    if measure:
        entries = [e for e in entries if e["fact"] == "quantity" and e["type"] == measure]
    if modality:
        entries = [e for e in entries if e["fact"] == "event" and modality.lower() in e["modality"]]
    window = None
    if start or end:
        first = timex_interval(start) if start else None
        last = timex_interval(end) if end else None
        window = (first[0] if first else None, last[1] if last else None)
        lo = window[0].isoformat() if window[0] else "0000"
        hi = window[1].isoformat() if window[1] else "9999"
        entries = [e for e in entries if e["from"] <= hi and e["to"] >= lo]
    filters = {"actor": actor, "type": type, "modality": modality, "measure": measure, "start": start, "end": end}
    return {"filters": filters, "window": [w.isoformat() if w else None for w in window] if window else None,
            "matching": entries, **_page(entries, offset, limit)}


def commitments(ctx: Context, measure: str | None = None, actor: str | None = None, status: str | None = None,
                offset: int = 0, limit: int = PAGE) -> dict:
    entries = all_commitments(ctx)
    if measure:
        entries = [e for e in entries if e.get("measure") == measure]
    if actor:
        wanted = norm_name(actor)
        entries = [e for e in entries
                   if wanted in {norm_name(a) for a in (e.get("holder"), e.get("target"), *e.get("actors", ())) if a}]
    if status:
        entries = [e for e in entries if e["status"] == status]
    ledger = all_commitments(ctx)
    measures = ctx.cache.get("commitment_measures", lambda: sorted({e["measure"] for e in ledger if e.get("measure")}))
    statuses = ctx.cache.get("commitment_statuses", lambda: sorted({e["status"] for e in ledger if e.get("status")}))
    return {"filters": {"measure": measure, "actor": actor, "status": status}, "measures": measures,
            "statuses": statuses, **_page(entries, offset, limit)}


def conflicts(ctx: Context, type: str | None = None, offset: int = 0, limit: int = PAGE) -> dict:
    records = all_conflicts(ctx)
    if type:
        records = [c for c in records if c["type"] == type]
    types = ctx.cache.get("conflict_types", lambda: sorted({c["type"] for c in all_conflicts(ctx)}))
    return {"filters": {"type": type}, "types": types, **_page(records, offset, limit)}


def network(ctx: Context, event_type: str | None = None, actor_type: str | None = None, limit: int = 40) -> dict:
    """Who did what to whom: actors as nodes, events from source to target as edges (counted by
    reports), the `limit` most connected actors."""
    types = {a["name"]: a["type"] for a in actor_summaries(ctx)}
    edges: Counter = Counter()
    for c in event_clusters(ctx):
        if event_type and c["type"] != event_type.upper():
            continue
        for s in c["source"]:
            for t in c["target"]:
                if s != t:
                    edges[(s, t, c["type"])] += c["source_count"]
    if actor_type:
        edges = Counter({k: v for k, v in edges.items()
                         if types.get(k[0]) == actor_type and types.get(k[1]) == actor_type})
    degree: Counter = Counter()
    for (s, t, _), n in edges.items():
        degree[s] += n
        degree[t] += n
    keep = {a for a, _ in degree.most_common(limit)}
    nodes = [{"name": a, "type": types.get(a), "weight": degree[a]} for a in sorted(keep)]
    links = [{"source": s, "target": t, "type": ty, "weight": n} for (s, t, ty), n in sorted(edges.items())
             if s in keep and t in keep]
    return {"filters": {"event_type": event_type, "actor_type": actor_type}, "nodes": nodes, "links": links}


def actors(ctx: Context, type: str | None = None, event_type: str | None = None, offset: int = 0,
           limit: int = PAGE) -> dict:
    rows = actor_summaries(ctx)
    if type:
        rows = [r for r in rows if r["type"] == type]
    types = ctx.cache.get("actor_types", lambda: sorted({r["type"] for r in actor_summaries(ctx) if r["type"]}))
    event_types = ctx.cache.get("event_types", lambda: sorted({c["type"] for c in event_clusters(ctx)}))
    return {"filters": {"type": type, "event_type": event_type}, "types": types, "event_types": event_types,
            "network": network(ctx, event_type, type), **_page(rows, offset, limit)}


def actor_facts(ctx: Context) -> dict[str, dict[str, list[dict]]]:
    """Each actor's events (as source, as target) and figures (held, aimed at it), by normalised name,
    in one pass over the clusters."""
    def compute():
        index: dict[str, dict[str, list[dict]]] = {}

        def put(name, role, cluster):
            bucket = index.setdefault(norm_name(name), {}).setdefault(role, [])
            if not bucket or bucket[-1] is not cluster:
                bucket.append(cluster)
        for c in event_clusters(ctx):
            for a in c["source"]:
                put(a, "as_source", c)
            for a in c["target"]:
                put(a, "as_target", c)
        for c in quantity_clusters(ctx):
            if c.get("holder"):
                put(c["holder"], "holds", c)
            if c.get("target"):
                put(c["target"], "targeted", c)
        for roles in index.values():  # dated first, in date order; undated after them
            for role, bucket in roles.items():
                bucket.sort(key=lambda c: (c.get("date") or c.get("time") or "~", -c["source_count"]))
        return index
    return ctx.cache.get("actor_facts", compute)


def actor(ctx: Context, name: str, offset: int = 0, limit: int = 20) -> dict | None:
    summary = ctx.cache.get("actor_by_name", lambda: {a["name"]: a for a in actor_summaries(ctx)}).get(name)
    if summary is None:
        return None
    facts = actor_facts(ctx).get(norm_name(name), {})
    as_source, as_target = facts.get("as_source", []), facts.get("as_target", [])
    holds, targeted = facts.get("holds", []), facts.get("targeted", [])
    return {"actor": summary, "knowledge": _knowledge(name, ctx.kb_dirs), "aliases": queries.actor_aliases(ctx.store, name),
            "events_as_source": as_source[:50], "events_as_source_total": len(as_source),
            "events_as_target": as_target[:50], "events_as_target_total": len(as_target),
            "figures_held": holds[:50], "figures_held_total": len(holds),
            "figures_targeting": targeted[:50], "figures_targeting_total": len(targeted),
            "documents": {**queries.actor_documents(ctx.store, name, offset, limit), "offset": offset, "limit": limit}}


def _knowledge(name: str, kb_dirs: tuple[str, ...] = ()) -> dict | None:
    """The knowledge base's entry for an actor, with its roles' dates and the bodies they belong to named."""
    from ...reconcile import knowledge_for
    kb = knowledge_for(kb_dirs)
    if kb is None:
        return None
    entry = kb.find(name)
    if entry is None:
        return None
    roles = []
    for r in entry.get("roles") or []:
        of = kb.get(r.get("of"))
        roles.append({"role": r.get("role"), "of": of["name"] if of else r.get("of"),
                      "start": r.get("start"), "end": r.get("end")})
    acts_for = kb.get(entry.get("acts_for"))
    return {"id": entry["id"], "name": entry["name"], "type": entry.get("type"), "aliases": entry.get("aliases") or [],
            "acts_for": acts_for["name"] if acts_for and acts_for["id"] != entry["id"] else None,
            "wikidata": entry.get("wikidata"), "roles": roles}


def documents(ctx: Context, q: str | None = None, offset: int = 0, limit: int = PAGE) -> dict:
    offset, limit = max(0, offset), max(1, min(limit, 500))
    return {"q": q, "offset": offset, "limit": limit, **queries.document_list(ctx.store, q, offset, limit)}


def document(ctx: Context, doc_id: str, quote: str | None = None) -> dict | None:
    doc = ctx.store.document(doc_id)
    if doc is None:
        full = ctx.store.resolve_doc(doc_id)
        doc = ctx.store.document(full) if full else None
    if doc is None:
        return None
    facts = queries.document_facts(ctx.store, doc["doc_id"])
    at = None
    if quote:
        start = doc["text"].find(quote)
        if start >= 0:
            at = [start, start + len(quote)]
    return {"document": doc, "facts": facts, "quote": quote, "quote_at": at}
