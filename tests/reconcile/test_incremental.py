"""`reconcile.update` over a real store: incremental results equal a full rebuild and touch only new blocks."""
from __future__ import annotations

import pytest

from pactwatch import reconcile
from pactwatch.store import Store

from reconcile_records import dated_event, doc, event, qty, timex


def _add(store, document, facts):
    store.add({**document, "text": " ".join(f.get("quote") or f.get("text", "") for f in facts) or "text",
               "text_sha256": "0" * 64,
               "captions": []}, facts)


ARTICLES = [
    (doc("a", "2025-09-08"), [qty("a", 120, "120 workers detained", measure="detained_persons", time="2025-09-04"),
                              qty("a", 40000, "40,000 troops")]),
    (doc("b", "2025-09-09"), [qty("b", 180, "about 180 detained", measure="detained_persons", qualifier="about",
                                  time="2025-09-04"),
                              event("b", "AGREE", "the joint fact sheet was signed on October 29",
                                    date="2025-10-29")]),
    (doc("c", "2025-11-05"), [qty("c", 40000, "some 40,000 troops", qualifier="about"),
                              event("c", "AGREE", "the joint fact sheet was signed on November 2",
                                    date="2025-11-02")]),
]


def _ids(items):
    return sorted(x["cluster_id"] if "cluster_id" in x else x["conflict_id"] for x in items)


@pytest.fixture
def fresh_store(tmp_path):
    return Store(tmp_path / "pactwatch.db")


def test_incremental_updates_match_a_full_rebuild(fresh_store, tmp_path):
    for document, facts in ARTICLES:
        _add(fresh_store, document, facts)
        reconcile.update(fresh_store, [document["doc_id"]], kb=None)
    incremental = (_ids(fresh_store.clusters()), _ids(fresh_store.conflicts()))
    reconcile.update(fresh_store, None, kb=None)
    assert (_ids(fresh_store.clusters()), _ids(fresh_store.conflicts())) == incremental
    assert sorted(c["type"] for c in fresh_store.conflicts()) == ["date", "value"]
    troops = [c for c in fresh_store.clusters("quantity") if c["measure"] == "troop_level"]
    assert [c["source_count"] for c in troops] == [2]


def test_incremental_update_recomputes_only_blocks_the_new_facts_touch(fresh_store):
    for document, facts in ARTICLES[:2]:
        _add(fresh_store, document, facts)
    reconcile.update(fresh_store, None, kb=None)
    _add(fresh_store, doc("d", "2025-12-01"), [qty("d", 5, "a 5% levy", measure="tariff_rate", unit="percent")])
    counts = reconcile.update(fresh_store, ["d"], kb=None)
    assert counts["blocks"] == 2   # the series in one year, once for each of the two states the figure concerns
    assert len(fresh_store.clusters("quantity")) == 4


def test_incremental_reingest_replaces_the_old_facts(fresh_store):
    _add(fresh_store, *ARTICLES[0])
    _add(fresh_store, *ARTICLES[1])
    reconcile.update(fresh_store, None, kb=None)
    assert len(fresh_store.conflicts()) == 1
    # document b re-extracted: it now agrees with a
    fresh_store.add({**ARTICLES[1][0], "text": "t", "text_sha256": "0" * 64, "captions": []},
                    [qty("b", 120, "120 detained", measure="detained_persons", time="2025-09-04")], replace=True)
    reconcile.update(fresh_store, ["b"], kb=None)
    assert fresh_store.conflicts() == []
    detained = [c for c in fresh_store.clusters("quantity") if c["measure"] == "detained_persons"]
    assert [c["source_count"] for c in detained] == [2]


def test_incremental_removed_document_takes_its_conflicts_and_mentions_with_it(fresh_store):
    for document, facts in ARTICLES:
        _add(fresh_store, document, facts)
    reconcile.update(fresh_store, None, kb=None)
    assert len(fresh_store.conflicts()) == 2
    fresh_store.remove("b")
    reconcile.update(fresh_store, ["b"], kb=None)
    assert fresh_store.conflicts() == []
    assert all("b" not in c["doc_ids"] for c in fresh_store.clusters())


def test_incremental_settles_event_dates_from_the_stored_timexes(fresh_store):
    kim = dict(source=("Bo Kim", "Freedonia"), target=())
    _add(fresh_store, doc("a", "2024-06-05"),
         list(dated_event("a", "TRANSITION", "Bo Kim was sworn in on June 4", "June 4", "2024-06-04", **kim)))
    reconcile.update(fresh_store, ["a"], kb=None)
    # b's statement gives no date of its own (only a year, of another event); its dateline does, and the
    # extractor dated the event by it
    took = dated_event("b", "TRANSITION", "Kim, who won the 2023 vote, took office", None, "2024-11-14", **kim)
    _add(fresh_store, doc("b", "2024-11-14"),
         [timex("b", "November 14, 2024", "2024-11-14", start=0),
          timex("b", "2023", "2023", start=took[0]["start"] + took[0]["quote"].index("2023")), *took])
    reconcile.update(fresh_store, ["b"], kb=None)
    assert fresh_store.conflicts() == []
    # c states a wrong day in the statement itself: that is a conflict, found incrementally and on a rebuild
    _add(fresh_store, doc("c", "2024-11-20"),
         list(dated_event("c", "TRANSITION", "Kim took office on November 14", "November 14", "2024-11-14", **kim)))
    reconcile.update(fresh_store, ["c"], kb=None)
    incremental = _ids(fresh_store.conflicts())
    assert len(incremental) == 1
    reconcile.update(fresh_store, None, kb=None)
    assert _ids(fresh_store.conflicts()) == incremental


def test_incremental_end_claims_read_the_stored_timexes_for_a_written_year(fresh_store):
    from reconcile_records import FakeKB
    kb = FakeKB([
        {"id": "S1", "name": "Freedonia", "type": "GPE", "aliases": [], "acts_for": None, "roles": []},
        {"id": "P1", "name": "Bo Kim", "type": "PERSON", "aliases": [], "short": ["Kim"], "acts_for": "S1",
         "roles": [{"role": "president", "of": "S1", "start": "2020-05-10", "end": "2024-04-04"}]},
        # the KB knows of events until late 2025: a return to office before then would be in it
        {"id": "P2", "name": "Ana Ruiz", "type": "PERSON", "aliases": [], "acts_for": "S1",
         "roles": [{"role": "president", "of": "S1", "start": "2024-04-04", "end": "2025-11-30"}]},
    ])
    kim = dict(source=("Freedonia",), target=("Bo Kim",))
    # "on April 4" with no year: the year is the extractor's guess (a year late here), never a conflict
    _add(fresh_store, doc("a", "2025-05-01"),
         list(dated_event("a", "TRANSITION", "Kim was removed from office on April 4", "April 4", "2025-04-04",
                          **kim)))
    reconcile.update(fresh_store, ["a"], kb=kb)
    assert fresh_store.conflicts() == []
    # the year written out makes it a claim, and a wrong one
    _add(fresh_store, doc("b", "2025-05-02"),
         list(dated_event("b", "TRANSITION", "Kim was removed from office on April 4, 2025", "April 4, 2025",
                          "2025-04-04", **kim)))
    reconcile.update(fresh_store, ["b"], kb=kb)
    incremental = _ids(fresh_store.conflicts())
    assert [c["type"] for c in fresh_store.conflicts()] == ["knowledge"]
    reconcile.update(fresh_store, None, kb=kb)
    assert _ids(fresh_store.conflicts()) == incremental


def _marked(record: dict, **marks) -> dict:
    return {**record, **marks}


MARKED_ARTICLES = [
    (doc("p", "2025-03-03"), [_marked(qty("p", 40e9, "they gave us $40 billion", measure="investment_pledge",
                                          unit="USD", holder="Norway", target="United States"), payment="paid")]),
    (doc("g", "2025-06-27"), [_marked(qty("g", 4.0, "the allies, including Portugal, pledged 4% by 2032",
                                          measure="defense_spending", unit="percent", holder="Alliance",
                                          target=None, status="pledged", time="2032"), included=["Portugal"])]),
    (doc("q", "2025-04-10"), [_marked(qty("q", 40e9, "will provide up to $40 billion", measure="investment_pledge",
                                          unit="USD", holder="Norway", target="United States", status="pledged",
                                          qualifier="up to"), payment="ceiling")]),
    (doc("t", "2025-06-30"), [_marked(qty("t", 4.0, "2% rather than the 4% requested", measure="defense_spending",
                                          unit="percent", holder="United States", target="Portugal",
                                          status="demanded"), turned_down=True)]),
]


def test_incremental_updates_match_a_full_rebuild_for_the_marked_disagreements(fresh_store):
    for document, facts in MARKED_ARTICLES:
        _add(fresh_store, document, facts)
        reconcile.update(fresh_store, [document["doc_id"]], kb=None)
    incremental = _ids(fresh_store.conflicts())
    assert sorted(c["type"] for c in fresh_store.conflicts()) == ["commitment", "nature"]
    reconcile.update(fresh_store, None, kb=None)
    assert _ids(fresh_store.conflicts()) == incremental


def test_incremental_merges_new_rows_after_each_blocks_earlier_records():
    from pactwatch.reconcile.incremental import _by_block
    earlier = [("b", {"n": "b1"}), ("b", {"n": "b2"}), ("d", {"n": "d1"})]
    new = [("d", "d-new"), ("a", "a-new"), ("b", "b-new"), ("c", "c-new"), ("e", "e-new"), ("z", "not wanted")]
    rows = [{"block": block} for block, _ in new]
    filings = [{"n": name} for _, name in new]      # stand-ins: the merge only moves them
    merged = [r["n"] for r in _by_block(iter(earlier), rows, filings, {"a", "b", "c", "d", "e"})]
    assert merged == ["a-new", "b1", "b2", "b-new", "c-new", "d1", "d-new", "e-new"]



def _row_docs(store) -> dict[int, str]:
    from sqlalchemy import text
    with store.engine.connect() as conn:
        return dict(conn.execute(text("SELECT id, doc_id FROM reconcile_facts")).all())


def test_incremental_updates_sharing_filed_facts_read_back_only_rows_they_did_not_make(fresh_store, monkeypatch):
    """An ingest's updates keep what they made of each row: a later update decodes none of the rows
    it filed or read itself, a row another update filed is read from the store, and the results are
    the same as a full rebuild's."""
    read: list[int] = []
    reading = Store.reconcile_records

    def counting(self, ids):
        ids = list(ids)
        read.extend(ids)
        return reading(self, ids)
    monkeypatch.setattr(Store, "reconcile_records", counting)
    filed = reconcile.FiledFacts(kb=None)
    _add(fresh_store, *ARTICLES[0])
    reconcile.update(fresh_store, ["a"], kb=None, filed=filed)
    _add(fresh_store, *ARTICLES[1])
    reconcile.update(fresh_store, ["b"], kb=None)      # someone else's update: its rows are not in `filed`
    _add(fresh_store, *ARTICLES[2])
    read.clear()
    reconcile.update(fresh_store, ["c"], kb=None, filed=filed)
    row_docs = _row_docs(fresh_store)
    assert {row_docs[i] for i in read} == {"b"}                       # b's rows were read ...
    assert {row_docs[i] for i in filed.by_row} == {"a", "b", "c"}     # ... a's were used without reading
    shared = (_ids(fresh_store.clusters()), _ids(fresh_store.conflicts()))
    reconcile.update(fresh_store, None, kb=None)
    assert (_ids(fresh_store.clusters()), _ids(fresh_store.conflicts())) == shared


def test_filed_facts_made_with_one_knowledge_base_are_not_used_with_another(fresh_store):
    from pactwatch.reconcile.model import default_kb
    filed = reconcile.FiledFacts(kb=None)
    _add(fresh_store, *ARTICLES[0])
    reconcile.update(fresh_store, ["a"], kb=None, filed=filed)
    kept = dict(filed.by_row)
    assert kept
    _add(fresh_store, *ARTICLES[2])
    reconcile.update(fresh_store, ["c"], kb=default_kb(), filed=filed)
    assert filed.by_row == kept      # actors resolve by the knowledge base: nothing of the old one is reused
