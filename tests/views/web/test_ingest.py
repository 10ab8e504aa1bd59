"""Ingest from the web: who may, what a job reports, one clear line per failed input."""
from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from starlette.requests import Request

from pactwatch.views.web import create_app
from pactwatch.views.web.ingest import refusal


def _request(host: str, headers: dict | None = None) -> Request:
    raw = [(k.lower().encode(), v.encode()) for k, v in {"host": "127.0.0.1:8000", **(headers or {})}.items()]
    return Request({"type": "http", "method": "POST", "path": "/ingest", "headers": raw, "client": (host, 1234)})


def test_without_a_token_only_loopback_may_ingest():
    assert refusal(_request("127.0.0.1"), None, None) is None
    assert refusal(_request("::1"), None, None) is None
    reason = refusal(_request("192.0.2.7"), None, None)
    assert reason and "--token" in reason and "\n" not in reason


def test_with_a_token_every_request_needs_it():
    assert refusal(_request("192.0.2.7"), "s3cret", "s3cret") is None
    assert "token" in refusal(_request("192.0.2.7"), "wrong", "s3cret")
    assert "token" in refusal(_request("127.0.0.1"), None, "s3cret")


def test_a_page_from_another_site_may_not_submit():
    assert "refused" in refusal(_request("127.0.0.1", {"origin": "https://evil.test"}), None, None)
    assert refusal(_request("127.0.0.1", {"origin": "http://127.0.0.1:8000"}), None, None) is None


def test_remote_post_is_refused_with_one_line(web_store):
    with TestClient(create_app(store=web_store[0]), client=("192.0.2.7", 5000)) as remote:
        r = remote.post("/ingest", data={"urls": "https://example.test/x"})
        assert r.status_code == 403 and "only from this machine" in r.json()["error"]
        page = remote.get("/ingest").text
        assert "needs a token" in page
    with TestClient(create_app(store=web_store[0], token="tok"), client=("192.0.2.7", 5000)) as remote:
        assert remote.post("/ingest", data={"urls": "https://example.test/x"}).status_code == 403
        bad = remote.post("/ingest", data={"urls": "not a url"}, headers={"Authorization": "Bearer tok",
                                                                             "Accept": "application/json"})
        assert bad.status_code == 202
        assert bad.json()["errors"] == ["not a url: not a web address; give URLs starting with http:// or https://"]


def test_empty_submission(client):
    r = client.post("/ingest", data={"urls": "  "})
    assert r.status_code == 400 and "nothing to ingest" in r.json()["error"]


def _wait(client, job_id: str, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = client.get(f"/ingest/jobs/{job_id}.json").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.3)
    pytest.fail(f"ingest job {job_id} did not finish")


def test_an_uploaded_file_is_ingested_and_a_bad_one_reported(client):
    text = b"Seoul agreed on Monday to buy $25 billion of American gas, officials in Washington said.\n"
    files = [("files", ("gas deal.txt", text, "text/plain")), ("files", ("empty.txt", b"", "text/plain"))]
    r = client.post("/ingest", files=files, headers={"Accept": "application/json"})
    assert r.status_code == 202
    job = _wait(client, r.json()["id"])
    assert job["status"] == "done", job
    assert (job["new"], job["failed"]) == (1, 1)
    assert [i["source"] for i in job["items"] if i["status"] == "new"] == ["gas_deal.txt"]
    assert len(job["errors"]) == 1 and job["errors"][0].startswith("empty.txt: ") and "\n" not in job["errors"][0]
    found = client.get("/documents.json", params={"q": "gas"}).json()
    assert found["total"] == 1
    # the job page shows the same, and the browser form redirects to it
    assert "gas_deal.txt" in client.get(f"/ingest/jobs/{job['id']}").text
    again = client.post("/ingest", files=[("files", ("gas deal.txt", text, "text/plain"))], follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"].startswith("/ingest/jobs/")
    assert _wait(client, again.headers["location"].rsplit("/", 1)[1])["unchanged"] == 1
