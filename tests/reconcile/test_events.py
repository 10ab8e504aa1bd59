"""Event clusters and date conflicts over sets of short articles' records."""
from __future__ import annotations

import pytest

from pactwatch.reconcile import cluster, find_conflicts
from pactwatch.reconcile.events import transition_kind

from pactwatch.reconcile.model import event_mention
from reconcile_records import dated_event, doc, event, timex

PAIR = dict(source=("Freedonia",), target=("Sylvania",))


def _event_clusters(records):
    return [c for c in cluster(records) if c["fact"] == "event"]


def test_events_reports_of_one_meeting_cluster_across_documents_and_precision():
    records = [doc("a", "2025-08-20"), doc("b", "2025-08-26"), doc("c", "2025-09-01"),
               event("a", "CONSULT", "the leaders will meet on August 25", date="2025-08-25", modality="planned",
                     **PAIR),
               event("b", "CONSULT", "the leaders met on Monday", date="2025-08-25", **PAIR),
               event("c", "CONSULT", "their August summit", date="2025-08",
                     source=("Sylvania",), target=("Freedonia",))]
    clusters = _event_clusters(records)
    assert len(clusters) == 1
    assert clusters[0]["date"] == "2025-08-25"
    assert clusters[0]["source_count"] == 3
    assert clusters[0]["modality"] == ["asserted", "planned"]
    assert find_conflicts(records) == []


def test_events_coarse_date_with_two_candidate_days_stays_apart():
    records = [doc("a"), doc("b"), doc("c"),
               event("a", "CONSULT", "talks on May 3", date="2025-05-03", **PAIR),
               event("b", "CONSULT", "talks on May 20", date="2025-05-20", **PAIR),
               event("c", "CONSULT", "talks in May", date="2025-05", **PAIR)]
    assert len(_event_clusters(records)) == 3


@pytest.mark.parametrize("second, clash", [
    # same signing, different days, the same thing signed: cannot both be true
    (dict(quote="the joint fact sheet was signed on November 2", date="2025-11-02"), True),
    # same place, different days
    (dict(quote="they signed on November 2 in Gyeongju", date="2025-11-02", location="Gyeongju"), True),
    # two days apart: one date told loosely
    (dict(quote="the joint fact sheet was signed on October 31", date="2025-10-31"), False),
    # nothing ties the reports to one event: leaders sign many things
    (dict(quote="a port deal was inked on November 2", date="2025-11-02"), False),
    # a report of a plan that later moved is an evolution
    (dict(quote="the joint fact sheet will be signed on November 2", date="2025-11-02", modality="planned"), False),
    # recurring events described in the same everyday words
    (dict(quote="trade talks were held on November 2", date="2025-11-02"), False),
    # numbered differently: two rounds
    (dict(quote="the second joint fact sheet was signed on November 2", date="2025-11-02"), False),
    # months apart: another signing
    (dict(quote="the joint fact sheet was signed on March 2", date="2026-03-02"), False),
])
def test_events_different_dates_for_the_same_event_conflict(second, clash):
    records = [doc("a", "2025-11-05"), doc("b", "2025-11-06"),
               event("a", "AGREE", "the first joint fact sheet was signed on October 29", date="2025-10-29",
                     location="Gyeongju", **PAIR),
               event("b", "AGREE", **PAIR, **second)]
    conflicts = find_conflicts(records)
    assert bool(conflicts) is clash
    if clash:
        assert conflicts[0]["type"] == "date"
        assert {i["value"] for i in conflicts[0]["items"]} == {"2025-10-29", "2025-11-02"}


def test_events_two_dates_in_one_text_are_two_events():
    records = [doc("a"),
               event("a", "AGREE", "the joint fact sheet was signed on October 29", date="2025-10-29", **PAIR),
               event("a", "AGREE", "a joint fact sheet on energy was signed on November 2", date="2025-11-02", **PAIR)]
    assert find_conflicts(records) == []


@pytest.mark.parametrize("first, second, clash", [
    (("Alice Park", "2021-03-01"), ("Alice Park", "2021-03-09"), True),
    (("Alice Park", "2021-03-01"), ("Alice Park", "2021-03-02"), False),
    (("Alice Park", "2013-03-01"), ("Alice Park", "2021-03-01"), False),   # two terms
    (("Alice Park", "2021-03-01"), ("Bo Kim", "2021-03-09"), False),       # two people, one state
])
def test_events_two_start_dates_for_one_term_conflict(first, second, clash):
    records = [doc("a", "2025-01-01"), doc("b", "2025-01-02"),
               event("a", "TRANSITION", f"{first[0]} was sworn in on that day", date=first[1],
                     source=(first[0], "Freedonia"), target=()),
               event("b", "TRANSITION", f"{second[0]} took office that day", date=second[1],
                     source=(second[0], "Freedonia"), target=())]
    assert bool(find_conflicts(records)) is clash


@pytest.mark.parametrize("quote, kind", [
    ("her second term began on March 1", "start"),
    ("was inaugurated in the capital", "start"),
    ("after he took office in June", "start"),
    ("was ousted in April", "end"),
    ("resigned amid protests", "end"),
    ("newly elected president", "election"),
    ("met his counterpart", None),
])
def test_events_transition_kind_reads_what_happened_to_the_office(quote, kind):
    assert transition_kind(event_mention(event("q", "TRANSITION", quote), None)) == kind


@pytest.mark.parametrize("first, second", [
    ("officials held trade talks on May 3", "trade talks were held on May 20"),
    ("the fifth round of tariff negotiations opened on May 3", "the sixth round of tariff negotiations opened May 20"),
])
def test_events_recurring_events_in_everyday_words_do_not_conflict(first, second):
    records = [doc("a", "2025-05-21"), doc("b", "2025-05-22"),
               event("a", "CONSULT", first, date="2025-05-03", **PAIR),
               event("b", "CONSULT", second, date="2025-05-20", **PAIR)]
    assert find_conflicts(records) == []


try:
    from hypothesis import given, settings, strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    pass
else:
    DAYS = st.lists(st.sampled_from(["2025-10-27", "2025-10-29", "2025-11-02", "2025-11", "2025-10"]),
                    min_size=2, max_size=6)

    @settings(max_examples=40, deadline=None)
    @given(DAYS, st.randoms(use_true_random=False))
    def test_events_clusters_and_conflicts_do_not_depend_on_record_order(days, rnd):
        docs = [doc(f"d{i}") for i in range(len(days))]
        facts = [event(f"d{i}", "AGREE", f"the joint fact sheet was signed ({i})", date=d, **PAIR)
                 for i, d in enumerate(days)]
        shuffled = docs + rnd.sample(facts, len(facts))

        def ids(records):
            return ({c["cluster_id"] for c in cluster(records)}, {c["conflict_id"] for c in find_conflicts(records)})
        assert ids(docs + facts) == ids(shuffled)


# ---------------------------------------------------------------- dates the text never stated

KIM = dict(source=("Bo Kim", "Freedonia"), target=())


def test_events_a_publication_date_standing_in_for_a_date_is_not_compared():
    # b mentions in passing that Kim took office; its extractor could only date it by b's publication
    records = [doc("a", "2024-06-05"), doc("b", "2024-11-14"),
               *dated_event("a", "TRANSITION", "Bo Kim was sworn in on June 4", "June 4", "2024-06-04", **KIM),
               timex("b", "November 14, 2024", "2024-11-14", start=0),
               *dated_event("b", "TRANSITION", "Kim took office", None, "2024-11-14", **KIM)]
    assert find_conflicts(records) == []
    # the same record set without timex records: the quote states no time
    assert find_conflicts([r for r in records if r["kind"] != "timex"]) == []
    # nor does the timeline date the event by b's publication
    dates = {c["date"] for c in _event_clusters(records)}
    assert "2024-11-14" not in dates and "2024-06-04" in dates


def test_events_a_date_stated_in_the_statement_is_compared_even_on_the_publication_day():
    records = [doc("a", "2024-06-05"), doc("b", "2024-11-14"),
               *dated_event("a", "TRANSITION", "Bo Kim was sworn in on June 4", "June 4", "2024-06-04", **KIM),
               *dated_event("b", "TRANSITION", "Kim took office on November 14", "November 14", "2024-11-14",
                            **KIM)]
    conflicts = find_conflicts(records)
    assert [c["type"] for c in conflicts] == ["date"]
    assert {i["value"] for i in conflicts[0]["items"]} == {"2024-06-04", "2024-11-14"}


@pytest.mark.parametrize("quote, when, value, clash", [
    # resolved from "Wednesday": a week either way reaches October 29
    ("the joint fact sheet was signed on Wednesday", "Wednesday", "2025-11-05", False),
    # relative, but a month off: the two cannot be the same day
    ("the joint fact sheet was signed on Wednesday", "Wednesday", "2025-10-01", True),
    # a bound is not a date
    ("the joint fact sheet was signed before November 20", "November 20", "2025-11-20", False),
    # stated outright a week later: a conflict
    ("the joint fact sheet was signed on November 5", "November 5", "2025-11-05", True),
])
def test_events_relative_dates_conflict_only_when_they_cannot_meet(quote, when, value, clash):
    records = [doc("a", "2025-11-05"), doc("b", "2025-11-06"),
               *dated_event("a", "AGREE", "the joint fact sheet was signed on October 29", "October 29",
                            "2025-10-29", **PAIR),
               *dated_event("b", "AGREE", quote, when, value, **PAIR)]
    assert bool(find_conflicts(records)) is clash


@pytest.fixture
def places_kb():
    from reconcile_records import FakeKB
    return FakeKB([
        {"id": "S1", "name": "Freedonia", "type": "GPE", "kind": "country", "aliases": [], "acts_for": "S1",
         "roles": []},
        {"id": "S2", "name": "Sylvania", "type": "GPE", "kind": "country", "aliases": [], "acts_for": "S2",
         "roles": []},
        {"id": "S1c", "name": "Fredton", "type": "GPE", "kind": "capital", "aliases": [], "acts_for": "S1",
         "roles": []},
        {"id": "C1", "name": "Port Alba", "type": "GPE", "kind": None, "aliases": [], "acts_for": None,
         "roles": []},
    ])


@pytest.mark.parametrize("place, clash", [
    ("Port Alba", True),    # a host city named as an actor places both reports there
    ("Fredton", False),     # a capital stands for its government: no place, and too little else in common
])
def test_events_a_host_city_among_the_actors_ties_two_reports_like_a_location(places_kb, place, clash):
    # a headline and a body sentence: few words in common, but the same city and one word of what happened
    records = [doc("a", "2025-11-03"), doc("b", "2025-11-05"),
               event("a", "AGREE", f"Allies sign shipbuilding pact in {place}", date="2025-10-29",
                     source=("Freedonia", "Sylvania"), target=(place,)),
               event("b", "AGREE", f"Freedonia and Sylvania signed a shipbuilding memorandum in {place} on "
                                   "November 2", date="2025-11-02", source=("Freedonia", "Sylvania"), target=(place,))]
    conflicts = find_conflicts(records, kb=places_kb)
    assert bool(conflicts) is clash
    if clash:
        assert "both place it in Port Alba" in conflicts[0]["reason"]


def _spot(kind, about=None, **marks):
    return {"kind": kind, "at": 0, "done_to": False, "announced": False, "bare": False, "not_done": False,
            "about": about, **marks}


def test_events_the_transition_helpers_read_the_filed_phrases():
    from pactwatch.reconcile.events import announced_end, end_done_to, end_not_done, transition_kind_for
    both = event_mention(event("q", "TRANSITION", "any words at all", read=False,
                               transition_spots=[_spot("start", "Ada Rusk"), _spot("end", "Tal Benn", done_to=True)]),
                         None)
    assert transition_kind(both) == "start"
    assert transition_kind_for(both, ["Tal Benn"]) == "end"
    assert transition_kind_for(both, ["Ada Rusk"]) == "start"
    assert transition_kind_for(both, ["Olin Tarr"]) is None
    assert end_done_to(both) and not announced_end(both) and not end_not_done(both)
    refused = event_mention(event("q", "REJECT", "any words", read=False,
                                  transition_spots=[_spot("end", announced=True, not_done=True)]), None)
    assert end_not_done(refused) and announced_end(refused)
    # a bare removal is an end only on a change of leadership
    bare = event_mention(event("q", "RETREAT", "any words", read=False,
                               transition_spots=[_spot("end", bare=True)]), None)
    assert end_not_done(bare, leadership=False) is False and transition_kind_for(bare, [], leadership=False) is None
    unread = event_mention(event("q", "TRANSITION", "was sworn in on Monday", read=False), None)
    assert transition_kind(unread) is None
