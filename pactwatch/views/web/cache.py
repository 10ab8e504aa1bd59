"""Computed views kept until the store changes.

The ledger, timeline, conflicts and actor summaries are computed over the whole store (by the
views and reconcile functions); at 100k documents that takes seconds, so each is computed once per
store version (queries.data_version) and served from memory until a write changes the version.
While a new version is being computed, readers get the previous result rather than waiting; and
while an ingest writes document after document, a view is recomputed at most once per
REFRESH_GAP seconds or twice the time its last computation took, whichever is longer, so the
pages keep most of the processor."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from ...store import queries

# computed views kept at most (charts are kept per filter; the oldest goes first)
MAX_KEYS = 256
# how often the change counter is read at most; a page is at most this stale
VERSION_TTL = 0.5
# the shortest time between two recomputations of one view
REFRESH_GAP = 1.0


@dataclass
class Held:
    version: int
    value: Any
    computed_at: float
    took: float


class ViewCache:
    def __init__(self, store: Any):
        self.store = store
        self._lock = threading.Lock()
        self._values: dict[str, Held] = {}
        self._key_locks: dict[str, threading.Lock] = {}
        self._refreshing: set[str] = set()
        self._version = (0.0, -1)

    def version(self) -> int:
        checked, version = self._version
        now = time.monotonic()
        if now - checked > VERSION_TTL:
            version = queries.data_version(self.store)
            self._version = (now, version)
        return version

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        version = self.version()
        held = self._values.get(key)
        if held is not None and held.version == version:
            return held.value
        if held is not None:  # stale: serve it; one thread computes the new one when it is time
            if time.monotonic() - held.computed_at < max(REFRESH_GAP, 2 * held.took):
                return held.value
            with self._lock:
                start = key not in self._refreshing
                self._refreshing.add(key)
            if start:
                threading.Thread(target=self._refresh, args=(key, compute, version), daemon=True).start()
            return held.value
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:  # the first reader computes; the others wait for its result
            held = self._values.get(key)
            if held is None:
                held = self._compute(key, compute, version)
            return held.value

    def _compute(self, key: str, compute: Callable[[], Any], version: int) -> Held:
        started = time.monotonic()
        value = compute()
        now = time.monotonic()
        held = Held(version, value, now, now - started)
        with self._lock:
            self._values.pop(key, None)
            self._values[key] = held
            while len(self._values) > MAX_KEYS:
                self._values.pop(next(iter(self._values)))
        return held

    def _refresh(self, key: str, compute: Callable[[], Any], version: int) -> None:
        try:
            self._compute(key, compute, version)
        finally:
            with self._lock:
                self._refreshing.discard(key)
