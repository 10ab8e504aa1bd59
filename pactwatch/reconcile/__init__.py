"""Across documents: one record per fact, every source behind it, and every conflict surfaced.

Works on FORMAT.md records and never imports spaCy. `cluster` and `find_conflicts` take any
iterable of records; `update` keeps a store's clusters and conflicts current after an ingest.
"""
from __future__ import annotations

from .core import Reconciliation, cluster, find_conflicts, reconcile
from .entities import merge_entities
from .incremental import FiledFacts, update
from .model import knowledge_for

__all__ = ["FiledFacts", "Reconciliation", "cluster", "find_conflicts", "knowledge_for", "merge_entities", "reconcile", "update"]
