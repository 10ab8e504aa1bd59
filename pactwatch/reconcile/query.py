"""Reading reconciled results for the views: from the store's tables when it keeps them, else computed
with the knowledge ingest uses (model.knowledge_for), so a view never disagrees with what ingest stores."""
from __future__ import annotations

from typing import Any, Iterable

from .core import reconcile
from .model import knowledge_for

_FACT_KINDS = ("document", "entity", "quantity", "event", "timex")


def _computed(store: Any, kb_dirs: Iterable[str]):
    # a store never reconciled (or without the reconcile tables): reconcile its records in memory,
    # with the knowledge base ingest would have used (not none: actors would block apart)
    records = (r for kind in _FACT_KINDS for r in store.records(kind))
    return reconcile(records, kb=knowledge_for(kb_dirs))


def clusters_of(store: Any, fact: str | None = None, kb_dirs: Iterable[str] = ()) -> list[dict]:
    """Fact clusters ("quantity", "event" or both): stored ones, or computed when none are stored
    (`kb_dirs`: the --kb folders the store's documents were ingested with)."""
    stored = store.clusters(fact) if hasattr(store, "clusters") else []
    if stored:
        return stored
    return [c for c in _computed(store, kb_dirs).clusters if fact is None or c["fact"] == fact]


def conflicts_of(store: Any, kb_dirs: Iterable[str] = ()) -> list[dict]:
    """Conflict records: stored ones when the store has reconciled clusters, else computed."""
    if hasattr(store, "clusters") and store.clusters():
        return store.conflicts()
    return _computed(store, kb_dirs).conflicts


def series_of(cluster: dict) -> str:
    """A quantity cluster's series (measure, holder, target, unit): its block without the year."""
    return cluster["block"].rpartition("|")[0]


def merge_across_years(clusters: list[dict]) -> list[dict]:
    """Quantity clusters of one series, status group and stated figure joined across the yearly blocks,
    so a figure repeated over years (or by an undated source) reads as one fact."""
    merged: dict[tuple, dict] = {}
    for c in clusters:
        key = (series_of(c), c["status_group"], c["value"], c.get("qualifier"), c.get("prior"))
        entry = merged.get(key)
        if entry is None:
            merged[key] = {**c, "mentions": list(c["mentions"]), "status": list(c["status"])}
            continue
        entry["mentions"] += c["mentions"]
        entry["status"] = sorted(set(entry["status"]) | set(c["status"]))
        entry["doc_ids"] = sorted(set(entry["doc_ids"]) | set(c["doc_ids"]))
        entry["source_count"] = len(entry["doc_ids"])
        entry["time"] = min(filter(None, (entry["time"], c["time"])), default=None)
        entry["first_day"] = min(filter(None, (entry["first_day"], c["first_day"])), default=None)
        if entry.get("part_of") is None:
            entry["part_of"] = c.get("part_of")
    return list(merged.values())
