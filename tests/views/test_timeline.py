"""The merged timeline dates an event only by what a text states, not by when the text was published."""
from __future__ import annotations

from pactwatch import reconcile
from pactwatch.store import Store
from pactwatch.views.timeline import render_timeline, timeline

KIM = dict(kind="event", type="TRANSITION", source=["Bo Kim", "Freedonia"], target=[], location=None,
           modality="asserted", attributed_to=None)


def _article(store, doc_id, published, text, facts):
    store.add({"doc_id": doc_id, "source": f"https://news.example/{doc_id}", "title": doc_id, "authors": [],
               "published": published, "publisher": None, "text": text, "text_sha256": "0" * 64,
               "captions": []}, facts)


def _at(body, quote, **fields):
    start = body.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote), **fields}


def test_timeline_leaves_out_a_date_that_is_only_the_publication_date(tmp_path):
    store = Store(tmp_path / "t.db")
    a = "SEOUL, June 5, 2024. Bo Kim was sworn in on June 4 before lawmakers."
    b = "November 14, 2024. Officials met. Kim took office and promised reform."
    _article(store, "a", "2024-06-05", a, [
        _at(a, "June 5, 2024", kind="timex", type="DATE", value="2024-06-05", text="June 5, 2024"),
        _at(a, "June 4", kind="timex", type="DATE", value="2024-06-04", text="June 4"),
        _at(a, "Bo Kim was sworn in on June 4", date="2024-06-04", **KIM)])
    _article(store, "b", "2024-11-14", b, [
        _at(b, "November 14, 2024", kind="timex", type="DATE", value="2024-11-14", text="November 14, 2024"),
        _at(b, "Kim took office", date="2024-11-14", **KIM)])
    reconcile.update(store, ["a", "b"], kb=None)
    entries = timeline(store)
    assert [(e["date"], e["type"]) for e in entries] == [("2024-06-04", "TRANSITION")]
    assert "2024-11-14" not in render_timeline(entries)
    assert store.conflicts() == []
