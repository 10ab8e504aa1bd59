"""Fixtures for the web tests; the store they read is built in web_fixtures.py."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_fixtures import build_store  # noqa: E402


@pytest.fixture
def web_store(tmp_path):
    return build_store(tmp_path / "web.db")


@pytest.fixture
def client(web_store):
    from fastapi.testclient import TestClient
    from pactwatch.views.web import create_app

    store = web_store[0]
    with TestClient(create_app(store=store, token=None), client=("127.0.0.1", 50000)) as c:
        yield c
