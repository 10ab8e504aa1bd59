"""The commitments ledger: each pledge, agreement, demand and threat with its amount, parties, date, status,
components and every source stating it."""
from __future__ import annotations

from typing import Any

from ..reconcile.normalize import format_amount
from ..reconcile.query import clusters_of

COMMITTING = {"agreed", "pledged", "proposed", "demanded", "threatened"}


def _series(cluster: dict) -> str:
    return cluster["block"].rpartition("|")[0]  # blocks split a series by year; the ledger joins them


def _merge_years(clusters: list[dict]) -> list[dict]:
    merged: dict[tuple, dict] = {}
    for c in clusters:
        key = (_series(c), c["status_group"], c["value"], c.get("qualifier"))
        entry = merged.get(key)
        if entry is None:
            merged[key] = {**c, "mentions": list(c["mentions"]), "status": list(c["status"])}
            continue
        entry["mentions"] += c["mentions"]
        entry["status"] = sorted(set(entry["status"]) | set(c["status"]))
        entry["doc_ids"] = sorted(set(entry["doc_ids"]) | set(c["doc_ids"]))
        entry["source_count"] = len(entry["doc_ids"])
        entry["time"] = min(filter(None, (entry["time"], c["time"])), default=None)
        entry["part_of"] = entry.get("part_of") or c.get("part_of")
    return list(merged.values())


def _parent(child: dict, candidates: list[dict]) -> dict | None:
    """The whole a component belongs to: same parties and unit, larger, stated in a shared document."""
    part_of = child.get("part_of")
    options = [c for c in candidates if c is not child and not c.get("part_of") and c["unit"] == child["unit"]
               and c.get("holder") == child.get("holder") and c.get("target") == child.get("target")
               and c["value"] > child["value"]]
    if isinstance(part_of, (int, float)) and not isinstance(part_of, bool):
        exact = [c for c in options if abs(c["value"] - part_of) <= abs(part_of) * 0.005]
        if exact:
            return exact[0]
    if isinstance(part_of, str):
        named = [c for c in options if c["measure"] == part_of]
        options = named or options
    shared = [c for c in options if set(c["doc_ids"]) & set(child["doc_ids"])]
    return max(shared or options, key=lambda c: (c["source_count"], c["value"]), default=None)


def commitments(store: Any) -> list[dict]:
    """Each pledge, agreement, demand or threat once: amount, holder → target, date, status, components
    (figures stated as part of it) and every source stating it; most widely reported first."""
    clusters = [c for c in clusters_of(store, "quantity") if set(c["status"]) & COMMITTING and not c.get("prior")]
    clusters = _merge_years(clusters)
    ledger, components = [], []
    for c in clusters:
        (components if c.get("part_of") else ledger).append(c)
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


def render_commitments(entries: list[dict]) -> str:
    """Plain text: one commitment a line, its components and quotes indented below."""
    lines = []

    def put(e: dict, indent: str) -> None:
        parties = f"{e['holder'] or '?'}" + (f" → {e['target']}" if e["target"] else "")
        n = e["source_count"]
        lines.append(f"{indent}{e['amount']} {e['measure'].replace('_', ' ')}, {parties}, {'/'.join(e['status'])}"
                     f"{', ' + e['date'] if e['date'] else ''}  [{n} source{'s' if n != 1 else ''}]")
        for s in e["sources"]:
            lines.append(f"{indent}    “{s['quote']}” — {s.get('source') or s['doc_id']}")
        for part in e["components"]:
            put(part, indent + "  of which ")

    for e in entries:
        put(e, "")
    return "\n".join(lines)
