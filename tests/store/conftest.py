"""The store tests run on SQLite and, where a server can be started, on PostgreSQL (tests/conftest.py)."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from pactwatch.store import Store


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    """An empty database: a SQLite file, or the test server's database, emptied again afterwards."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    url = request.getfixturevalue("postgres_url")
    yield url
    with Store(url).engine.begin() as conn:   # each test starts from an empty database
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"))


@pytest.fixture
def store(store_url):
    return Store(store_url)
