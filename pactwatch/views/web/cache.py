"""Computed views kept until the store changes.

The ledger, timeline, conflicts and actor summaries are computed over the whole store (by the
views and reconcile functions); at 100k documents that takes seconds, so each is computed once per
store version (queries.data_version) and served from memory until a write changes the version.
While a new version is being computed, readers get the previous result rather than waiting."""
from __future__ import annotations

import threading
import time
from typing import Any, Callable

from ...store import queries

# computed views kept at most (charts are kept per filter; the oldest goes first)
MAX_KEYS = 256
# how often the change counter is read at most; a page is at most this stale
VERSION_TTL = 0.5


class ViewCache:
    def __init__(self, store: Any):
        self.store = store
        self._lock = threading.Lock()
        self._values: dict[str, tuple[int, Any]] = {}
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
        if held is not None and held[0] == version:
            return held[1]
        if held is not None:  # stale: serve it while one thread computes the new one
            with self._lock:
                start = key not in self._refreshing
                self._refreshing.add(key)
            if start:
                threading.Thread(target=self._refresh, args=(key, compute, version), daemon=True).start()
            return held[1]
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:  # the first reader computes; the others wait for its result
            held = self._values.get(key)
            if held is None:
                held = (version, compute())
                self._store(key, held)
            return held[1]

    def _store(self, key: str, held: tuple[int, Any]) -> None:
        with self._lock:
            self._values.pop(key, None)
            self._values[key] = held
            while len(self._values) > MAX_KEYS:
                self._values.pop(next(iter(self._values)))

    def _refresh(self, key: str, compute: Callable[[], Any], version: int) -> None:
        try:
            self._store(key, (version, compute()))
        finally:
            with self._lock:
                self._refreshing.discard(key)
