"""The merged timeline: dated events and figures across documents, each once, with every source behind it."""
from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from ..knowledge.identity import norm_name
from ..reconcile.normalize import format_amount, overlaps, timex_interval
from ..reconcile.query import clusters_of


def _sources(cluster: dict) -> list[dict]:
    return [{"doc_id": m["doc_id"], "source": m.get("source"), "quote": m["quote"]} for m in cluster["mentions"]]


def _event_entry(c: dict) -> dict:
    who = ", ".join(c["source"]) or "?"
    to = f" → {', '.join(c['target'])}" if c["target"] else ""
    where = f" in {c['location']}" if c.get("location") else ""
    modality = "/".join(c["modality"]) or "asserted"
    return {"date": c["date"], "fact": "event", "type": c["type"], "actors": c["source"] + c["target"],
            "what": f"{c['type']}: {who}{to}{where}" + ("" if modality == "asserted" else f" ({modality})"),
            "modality": c["modality"], "source_count": c["source_count"], "sources": _sources(c),
            "cluster_id": c["cluster_id"]}


def _quantity_entry(c: dict) -> dict:
    measure = c["measure"].replace("_", " ")
    to = f" → {c['target']}" if c.get("target") else ""
    amount = format_amount(c["value"], c["unit"], c.get("qualifier"))
    return {"date": c["time"], "fact": "quantity", "type": c["measure"],
            "actors": [a for a in (c.get("holder"), c.get("target")) if a],
            "what": f"{measure}: {c.get('holder') or '?'}{to} {amount} ({'/'.join(c['status'])})",
            "status": c["status"], "source_count": c["source_count"], "sources": _sources(c),
            "cluster_id": c["cluster_id"]}


def timeline(store: Any, actor: str | None = None, start: str | None = None, end: str | None = None,
             kb_dirs: Iterable[str] = ()) -> list[dict]:
    """Dated events and figures merged across documents, in date order, each with its source count and quotes.

    `actor` keeps entries naming that actor; `start`/`end` (TIMEX3 dates such as 2025 or 2025-08) keep
    entries whose dates meet that window. Figures appear when the text dates them (a rate "in July").
    `kb_dirs`: the --kb folders the store was ingested with (reconcile/query.py).
    """
    entries = [_event_entry(c) for c in clusters_of(store, "event", kb_dirs) if c.get("date")]
    entries += [_quantity_entry(c) for c in clusters_of(store, "quantity", kb_dirs) if c.get("time")]
    entries = [e for e in entries if timex_interval(e["date"])]
    if actor:
        wanted = norm_name(actor)
        entries = [e for e in entries if wanted in {norm_name(a) for a in e["actors"]}]
    if start or end:
        window = ((timex_interval(start) or (date.min, date.min))[0], (timex_interval(end) or (date.max, date.max))[1])
        entries = [e for e in entries if overlaps(timex_interval(e["date"]), window)]
    entries.sort(key=lambda e: (timex_interval(e["date"])[0], -e["source_count"], e["what"]))
    return entries


def render_timeline(entries: list[dict]) -> str:
    """Plain text, one entry a line with its source count, its quotes indented below."""
    lines = []
    for e in entries:
        n = e["source_count"]
        lines.append(f"{e['date']:<10}  {e['what']}  [{n} source{'s' if n != 1 else ''}]")
        for s in e["sources"]:
            lines.append(f"            “{s['quote']}” — {s.get('source') or s['doc_id']}")
    return "\n".join(lines)
