"""Entities merged across documents: by KB id, else by normalised name and type."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from .normalize import norm_name


def entity_key(record: dict) -> tuple[str, ...]:
    if record.get("kb_id"):
        return ("kb", str(record["kb_id"]))
    return ("name", norm_name(record.get("name")), record.get("type") or "")


def merge_entities(records: Iterable[dict]) -> list[dict]:
    """One entry per real-world entity, with every alias and document it appears under, most cited first."""
    merged: dict[tuple[str, ...], dict] = {}
    names: dict[tuple[str, ...], Counter] = {}
    for r in records:
        if r.get("kind", "entity") != "entity" or not r.get("name"):
            continue
        key = entity_key(r)
        entry = merged.get(key)
        if entry is None:
            entry = merged[key] = {"kind": "merged_entity", "key": "|".join(key), "name": r["name"],
                                   "type": r.get("type"), "kb_id": r.get("kb_id"), "aliases": set(),
                                   "doc_ids": set(), "mention_count": 0}
            names[key] = Counter()
        names[key][r["name"]] += 1
        entry["aliases"].update(a for a in r.get("aliases") or [] if a)
        entry["doc_ids"].add(r.get("doc_id"))
        entry["mention_count"] += len(r.get("mentions") or []) or 1
    out = []
    for key, entry in merged.items():
        # the canonical name most documents used, so one outlet's spelling does not win by being first
        entry["name"] = names[key].most_common(1)[0][0]
        entry["aliases"] = sorted(entry["aliases"] | set(names[key]) - {entry["name"]})
        entry["doc_ids"] = sorted(d for d in entry["doc_ids"] if d)
        entry["source_count"] = len(entry["doc_ids"])
        out.append(entry)
    out.sort(key=lambda e: (-e["source_count"], -e["mention_count"], e["name"]))
    return out
