"""The pages on a PostgreSQL store: full-text search, actor sums and the change counter there."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from web_fixtures import HOSTILE, build_store

from pactwatch.views.web import create_app

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_site(postgres_url):
    store, a, b = build_store(postgres_url)
    with TestClient(create_app(store=store), client=("127.0.0.1", 50000)) as client:
        yield client, store, a, b
    with store.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"))


def test_every_page_on_postgresql(pg_site):
    client, store, a, b = pg_site
    for path in ["/", "/timeline", "/commitments", "/conflicts", "/actors", "/actors/Freedonia", "/documents",
                 f"/documents/{a['doc_id']}", "/documents?q=sailors", "/actors/" + quote(f"Ruritania {HOSTILE}", safe="")]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert "<script>alert" not in r.text, path
    found = client.get("/documents.json", params={"q": "sailor Geneva"}).json()  # stemmed, every word
    assert [d["doc_id"] for d in found["items"]] == [a["doc_id"]]
    actors = {x["name"]: x for x in client.get("/actors.json").json()["items"]}
    assert actors["Freedonia"]["documents"] == 2 and actors["Freedonia"]["mentions"] == 2
    assert client.get("/conflicts.json").json()["total"] == 1


def test_the_change_counter_on_postgresql(pg_site):
    from pactwatch.store import queries
    _, store, *_ = pg_site
    before = queries.data_version(store)
    store.add({"doc_id": "d" * 64, "text": "More.", "text_sha256": "d" * 64, "source": "d.txt", "authors": [],
               "captions": []}, [])
    assert queries.data_version(store) > before
