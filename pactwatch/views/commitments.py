"""The commitments ledger: each pledge, agreement, demand and threat with its amount, parties, date, status,
components and every source stating it."""
from __future__ import annotations

from typing import Any

from ..reconcile.normalize import format_amount
from ..reconcile.query import clusters_of, merge_across_years

COMMITTING = {"agreed", "pledged", "proposed", "demanded", "threatened"}


def _parent(child: dict, candidates: list[dict]) -> dict | None:
    """The whole a component belongs to: the cluster holding the amount its part_of points at, else one
    with the same parties and unit, larger, stated in a document the component comes from."""
    for m in child["mentions"]:
        at = m.get("part_of_start")
        if at is None:
            continue
        for c in candidates:
            if any(p["doc_id"] == m["doc_id"] and p.get("start") is not None and p["start"] <= at < p["end"]
                   for p in c["mentions"]):
                return c
    options = [c for c in candidates if c is not child and c.get("part_of") is None and c["unit"] == child["unit"]
               and c.get("holder") == child.get("holder") and c.get("target") == child.get("target")
               and c["value"] > child["value"] and set(c["doc_ids"]) & set(child["doc_ids"])]
    return max(options, key=lambda c: (c["source_count"], c["value"]), default=None)


def commitments(store: Any) -> list[dict]:
    """Each pledge, agreement, demand or threat once: amount, holder → target, date, status, components
    (figures stated as part of it) and every source stating it; most widely reported first."""
    clusters = [c for c in clusters_of(store, "quantity") if set(c["status"]) & COMMITTING]
    clusters = merge_across_years(clusters)
    ledger, components = [], []
    for c in clusters:
        (ledger if c.get("part_of") is None else components).append(c)
    entries = {id(c): _entry(c) for c in ledger}
    for child in components:
        parent = _parent(child, ledger)
        if parent is None:
            entries[id(child)] = _entry(child)  # its whole was never stated: list it on its own
        else:
            entries[id(parent)]["components"].append(_entry(child))
    out = list(entries.values())
    out.sort(key=lambda e: (-e["source_count"], e["date"] or "9999", e["measure"], -e["value"]))
    return out


def _entry(c: dict) -> dict:
    return {"measure": c["measure"], "amount": format_amount(c["value"], c["unit"], c.get("qualifier")),
            "value": c["value"], "unit": c["unit"], "holder": c.get("holder"), "target": c.get("target"),
            "date": c.get("time"), "status": c["status"], "components": [],
            "source_count": c["source_count"],
            "sources": [{"doc_id": m["doc_id"], "source": m.get("source"), "quote": m["quote"]}
                        for m in c["mentions"]]}


# TIMEX3's vague references read as words in a ledger line
VAGUE_DATES = {"PAST_REF": "some time before", "PRESENT_REF": "now", "FUTURE_REF": "some time ahead"}


def render_commitments(entries: list[dict]) -> str:
    """Plain text: one commitment a line, its components and quotes indented below."""
    lines = []

    def put(e: dict, indent: str, lead: str = "") -> None:
        parties = f"{e['holder'] or '?'}" + (f" → {e['target']}" if e["target"] else "")
        n = e["source_count"]
        lines.append(f"{indent}{lead}{e['amount']} {e['measure'].replace('_', ' ')}, {parties}, {'/'.join(e['status'])}"
                     f"{', ' + VAGUE_DATES.get(e['date'], e['date']) if e['date'] else ''}  [{n} source{'s' if n != 1 else ''}]")
        for s in e["sources"]:
            lines.append(f"{indent}    “{s['quote']}” — {s.get('source') or s['doc_id']}")
        for part in e["components"]:
            put(part, indent + "  ", "of which ")

    for e in entries:
        put(e, "")
    return "\n".join(lines)
