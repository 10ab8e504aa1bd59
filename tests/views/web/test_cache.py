"""Computed views kept per store version, refreshed in the background, at most so often."""
from __future__ import annotations

import time

from pactwatch.views.web import cache
from pactwatch.views.web.cache import ViewCache


class FakeStore:
    pass


def _cache(monkeypatch, versions: list[int]) -> ViewCache:
    monkeypatch.setattr(cache, "VERSION_TTL", 0.0)
    monkeypatch.setattr(cache.queries, "data_version", lambda store: versions[0])
    return ViewCache(FakeStore())


def _settle(c: ViewCache) -> None:
    for _ in range(100):
        if not c._refreshing:
            return
        time.sleep(0.01)


def test_a_view_is_computed_once_per_version_and_stale_values_are_served_while_refreshing(monkeypatch):
    versions, calls = [1], []
    c = _cache(monkeypatch, versions)
    monkeypatch.setattr(cache, "REFRESH_GAP", 0.0)
    compute = lambda: calls.append(versions[0]) or versions[0]  # noqa: E731
    assert c.get("k", compute) == 1 and c.get("k", compute) == 1
    assert calls == [1]
    versions[0] = 2
    assert c.get("k", compute) == 1  # the old value, while the new one is computed
    _settle(c)
    assert c.get("k", compute) == 2 and calls == [1, 2]


def test_refreshes_are_spaced_while_writes_keep_coming(monkeypatch):
    versions, calls = [1], []
    c = _cache(monkeypatch, versions)
    monkeypatch.setattr(cache, "REFRESH_GAP", 60.0)
    c.get("k", lambda: calls.append(1))
    for v in range(2, 20):
        versions[0] = v
        c.get("k", lambda: calls.append(v))
    _settle(c)
    assert calls == [1]


def test_the_oldest_views_go_first(monkeypatch):
    c = _cache(monkeypatch, [1])
    monkeypatch.setattr(cache, "MAX_KEYS", 3)
    for k in "abcd":
        c.get(k, lambda: k)
    assert list(c._values) == ["b", "c", "d"]
