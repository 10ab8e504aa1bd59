"""Every page and its JSON twin over a small hand-built store; escaping of article text everywhere."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from web_fixtures import HOSTILE

PAGES = ["/", "/overview", "/timeline", "/commitments", "/conflicts", "/actors", "/documents", "/ingest", "/docs"]
TWINS = ["/overview", "/timeline", "/commitments", "/conflicts", "/actors", "/documents", "/ingest"]


def _pages(a, b) -> list[str]:
    return PAGES + [f"/documents/{a['doc_id']}", f"/documents/{b['doc_id']}", "/actors/Freedonia",
                    "/actors/" + quote(f"Ruritania {HOSTILE}", safe=""), "/documents?q=sailors",
                    f"/documents/{a['doc_id']}?quote=" + quote("Officials said 300 sailors were held at the port.")]


@pytest.mark.parametrize("path", PAGES)
def test_each_page_is_html(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "<nav>" in r.text


@pytest.mark.parametrize("path", TWINS)
def test_each_page_has_a_json_twin_and_answers_accept(client, path):
    twin = client.get(path + ".json")
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    negotiated = client.get(path, headers={"Accept": "application/json"})
    assert negotiated.json() == twin.json()


def test_no_article_markup_reaches_any_page_unescaped(client, web_store):
    _, a, b = web_store
    for path in _pages(a, b):
        html = client.get(path).text
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html and '<i onmouseover' not in html and "<b>1</b>" not in html, path
    # and the text is shown, escaped, where it belongs
    doc = client.get(f"/documents/{a['doc_id']}").text
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in doc
    assert "&lt;i onmouseover" in doc


def test_the_html_brief_escapes_article_text(web_store):
    from pactwatch.views.brief import brief
    html = brief(web_store[0], format="html")
    assert html.count("<svg") == 2  # the timeline and the network
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_overview_counts_and_lists(client):
    data = client.get("/overview.json").json()
    assert data["counts"]["document"] == 2 and data["counts"]["quantity"] == 4
    assert data["conflict_total"] == 1
    first = data["commitments"][0]
    assert first["state"] == "$40 billion pledged" and first["target"] == "Freedonia"
    assert {a["name"] for a in data["actors"]} == {"Freedonia", f"Ruritania {HOSTILE}"}


def test_timeline_filters(client):
    everything = client.get("/timeline.json").json()
    assert everything["total"] >= 3
    consult = client.get("/timeline.json", params={"type": "CONSULT"}).json()
    assert [e["type"] for e in consult["items"]] == ["CONSULT"]
    measure = client.get("/timeline.json", params={"measure": "detained_persons"}).json()
    assert measure["total"] >= 1 and all(e["type"] == "detained_persons" for e in measure["items"])
    assert client.get("/timeline.json", params={"start": "2026"}).json()["total"] == 0
    assert client.get("/timeline.json", params={"start": "2025-03", "end": "2025-03"}).json()["total"] == everything["total"]
    assert client.get("/timeline.json", params={"actor": "Nobody"}).json()["total"] == 0
    page = client.get("/timeline", params={"lanes": "type"}).text
    assert 'class="timeline-chart"' in page and "CONSULT" in page


def test_pagination(client):
    first = client.get("/timeline.json", params={"limit": 1}).json()
    second = client.get("/timeline.json", params={"limit": 1, "offset": 1}).json()
    assert len(first["items"]) == 1 and first["items"] != second["items"]
    assert 'rel="next"' in client.get("/timeline", params={"limit": 1}).text
    assert client.get("/timeline.json", params={"limit": 100000}).status_code == 422


def test_conflict_sides_link_to_the_document_at_the_quote(client, web_store):
    _, a, _ = web_store
    page = client.get("/conflicts").text
    assert page.count('class="side"') == 2
    link = f"/documents/{a['doc_id']}?quote=" + quote("Officials said 300 sailors were held at the port.", safe="") + "#quote"
    assert link in page
    doc = client.get(link.split("#")[0]).text
    assert 'id="quote"' in doc and "m-quote" in doc


def test_document_view_marks_each_fact_at_its_offsets(client, web_store):
    _, a, _ = web_store
    data = client.get(f"/documents/{a['doc_id']}.json").json()
    assert data["document"]["text"] == a["text"]
    assert {k: len(v) for k, v in data["facts"].items()} == {"entity": 2, "timex": 1, "quantity": 2, "event": 2}
    html = client.get(f"/documents/{a['doc_id']}").text
    assert '<span class="m-amount ' in html.replace('class="m-entity m-amount', 'class="m-amount') or "m-amount" in html
    assert html.count('m-date') >= 2  # legend + the date in the text
    assert ">$40 billion</span>" in html
    # a short id works too; an unknown one is a 404 with a message
    assert client.get(f"/documents/{a['doc_id'][:10]}").status_code == 200
    missing = client.get("/documents/nope.json")
    assert missing.status_code == 404 and "no document" in missing.json()["error"]


def test_documents_search(client, web_store):
    _, a, b = web_store
    found = client.get("/documents.json", params={"q": "sailors port"}).json()
    assert found["total"] == 2
    only_a = client.get("/documents.json", params={"q": "Geneva"}).json()
    assert [d["doc_id"] for d in only_a["items"]] == [a["doc_id"]]
    assert "\x02Geneva\x03" in only_a["items"][0]["snippet"]
    # operators and quotes in a query are words, not FTS syntax
    assert client.get("/documents.json", params={"q": 'NEAR( "x AND'}).status_code == 200
    html = client.get("/documents", params={"q": "Geneva"}).text
    assert "<mark>Geneva</mark>" in html


def test_actor_page(client):
    data = client.get("/actors/Freedonia.json").json()
    assert data["actor"]["documents"] == 2
    assert data["events_as_target_total"] == 1 and data["figures_held_total"] >= 1
    assert data["documents"]["total"] == 2
    assert client.get("/actors/Nobody").status_code == 404
    network = client.get("/actors.json").json()["network"]
    assert {(l["source"], l["target"]) for l in network["links"]} == {(f"Ruritania {HOSTILE}", "Freedonia")}
    assert client.get("/actors.json", params={"event_type": "CONSULT"}).json()["network"]["links"] == []


def test_actor_page_reads_the_knowledge_the_servers_ingests_use(web_store, tmp_path):
    from fastapi.testclient import TestClient
    from pactwatch.views.web import create_app

    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "places.toml").write_text('[[countries]]\nid = "gpe:FRE"\nname = "Freedonia"\n'
                                                  'aliases = ["Republic of Freedonia"]\n', encoding="utf-8")
    with TestClient(create_app(store=web_store[0], token=None, kb_dirs=(str(tmp_path / "kb"),)),
                    client=("127.0.0.1", 50000)) as with_kb:
        known = with_kb.get("/actors/Freedonia.json").json()["knowledge"]
    assert known["id"] == "gpe:FRE" and known["aliases"] == ["Republic of Freedonia"]
    with TestClient(create_app(store=web_store[0], token=None), client=("127.0.0.1", 50000)) as without:
        assert without.get("/actors/Freedonia.json").json()["knowledge"] is None


def test_commitments_filters(client):
    assert client.get("/commitments.json").json()["total"] == 1
    assert client.get("/commitments.json", params={"actor": "Freedonia"}).json()["total"] == 1
    assert client.get("/commitments.json", params={"status": "threatened"}).json()["total"] == 0


def test_openapi_lists_the_json_endpoints(client):
    api = client.get("/openapi.json").json()
    assert {"/timeline.json", "/documents/{doc_id}.json", "/ingest"} <= set(api["paths"])
    docs = client.get("/docs").text
    assert "/timeline.json" in docs and "cdn" not in docs.lower()


def test_pages_follow_a_write(client, web_store, monkeypatch):
    """A document stored after the views were computed shows up (the views are kept per store version)."""
    import time

    from pactwatch.views.web import cache
    store = web_store[0]
    before = client.get("/overview.json").json()["counts"]["document"]
    store.add({"doc_id": "c" * 64, "text": "Another text.", "text_sha256": "c" * 64, "source": "c.txt",
               "authors": [], "captions": []}, [])
    monkeypatch.setattr(cache, "VERSION_TTL", 0.0)
    monkeypatch.setattr(cache, "REFRESH_GAP", 0.0)
    assert client.get("/documents.json").json()["total"] == before + 1
    for _ in range(100):  # a stale view is replaced in the background
        if client.get("/overview.json").json()["counts"]["document"] == before + 1:
            break
        time.sleep(0.05)
    assert client.get("/overview.json").json()["counts"]["document"] == before + 1
