"""Entities merged across documents (knowledge.identity's merge: by KB id, else by name key and
type), summed up for the views."""
from __future__ import annotations

from typing import Iterable

from ..knowledge.identity import entity_key, merge_entities as join_entities


def merge_entities(records: Iterable[dict]) -> list[dict]:
    """One entry per real-world entity, with every alias and document it appears under, most cited first."""
    out = []
    for entity in join_entities((r for r in records if r.get("kind", "entity") == "entity" and r.get("name")),
                                keep_mentions=False):
        # the canonical name most documents used, so one outlet's spelling does not win by being first
        name = entity.names.most_common(1)[0][0]
        doc_ids = sorted(d for d in entity.doc_ids if d)
        out.append({"kind": "merged_entity", "key": "|".join(entity_key(entity.first)), "name": name,
                    "type": entity.first.get("type"), "kb_id": entity.first.get("kb_id"),
                    "aliases": sorted((set(entity.aliases) | set(entity.names)) - {name}),
                    "doc_ids": doc_ids, "mention_count": entity.mention_count, "source_count": len(doc_ids)})
    out.sort(key=lambda e: (-e["source_count"], -e["mention_count"], e["name"]))
    return out
