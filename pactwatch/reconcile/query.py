"""Reading reconciled results for the views: from the store's tables when it keeps them, else computed."""
from __future__ import annotations

from typing import Any

from .core import reconcile

_FACT_KINDS = ("document", "entity", "quantity", "event")


def _computed(store: Any):
    # a store never reconciled (or without the reconcile tables): reconcile its records in memory
    records = (r for kind in _FACT_KINDS for r in store.records(kind))
    return reconcile(records)


def clusters_of(store: Any, fact: str | None = None) -> list[dict]:
    """Fact clusters ("quantity", "event" or both): stored ones, or computed when none are stored."""
    stored = store.clusters(fact) if hasattr(store, "clusters") else []
    if stored:
        return stored
    return [c for c in _computed(store).clusters if fact is None or c["fact"] == fact]


def conflicts_of(store: Any) -> list[dict]:
    """Conflict records: stored ones when the store has reconciled clusters, else computed."""
    if hasattr(store, "clusters") and store.clusters():
        return store.conflicts()
    return _computed(store).conflicts
