"""When two names, or two entity records, stand for the same thing: the one name key and the one
entity merge. The pipeline's actors, facts, reconcile and the views all compare names and join
entity records here, so they never disagree on what is one entity.

Plain values only (no spaCy): every stage after the knowledge base may import this.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

# dashes, underscores and slashes part words as a space does: "Lee Jae-myung", "US/Japan"
_SEPARATORS = re.compile(r"[-‐‑–—_/]")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def norm_name(name: str | None) -> str:
    """The key names are compared by (FORMAT.md's matching): accents, case, periods and a leading
    "the" ignored, curly apostrophes straight, dashes, underscores and slashes read as spaces."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace(".", "")
    text = _SPACES.sub(" ", _SEPARATORS.sub(" ", text)).strip()
    return text[4:] if text.startswith("the ") else text


def entity_key(record: dict) -> tuple[str, ...]:
    """What makes entity records one entity: the same kb id; unlinked, the same name key and type."""
    if record.get("kb_id"):
        return ("kb", str(record["kb_id"]))
    return ("name", norm_name(record.get("name")), record.get("type") or "")


@dataclass
class MergedEntity:
    """The entity records that share a key, joined."""
    first: dict                                           # the first record met: name, type, kb id, acts_for
    aliases: dict[str, None] = field(default_factory=dict)   # every alias, in the order met
    mentions: list[dict] = field(default_factory=list)       # every mention, in the order met (if kept)
    mention_count: int = 0                                # mentions, a record without any counting one
    names: Counter = field(default_factory=Counter)      # the name each record gave, with how many gave it
    doc_ids: dict[str, None] = field(default_factory=dict)   # the documents it appears in, in the order met

    def record(self) -> dict:
        """One FORMAT.md entity record: the first record's fields with every alias and mention."""
        return {**self.first, "aliases": list(self.aliases), "mentions": list(self.mentions)}


def merge_entities(records: Iterable[dict], keep_mentions: bool = True) -> list[MergedEntity]:
    """Entity records joined by `entity_key`, in the order each entity is first met. The spans of one
    Doc (facts), the windows of one long text (pipeline/windows.py) and the documents of a store
    (reconcile, the CLI) are all joined here. `keep_mentions=False` only counts them (a whole store's)."""
    merged: dict[tuple[str, ...], MergedEntity] = {}
    for r in records:
        key = entity_key(r)
        entry = merged.get(key)
        if entry is None:
            entry = merged[key] = MergedEntity(r)
        entry.names[r.get("name")] += 1
        entry.aliases.update((a, None) for a in r.get("aliases") or () if a)
        mentions = r.get("mentions") or ()
        if keep_mentions:
            entry.mentions += mentions
        entry.mention_count += len(mentions) or 1
        entry.doc_ids[r.get("doc_id")] = None
    return list(merged.values())
