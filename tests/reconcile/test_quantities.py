"""Quantity clusters and value conflicts over sets of short articles' records."""
from __future__ import annotations

import pytest

from pactwatch.reconcile import cluster, find_conflicts

from reconcile_records import doc, qty


def _values(conflict: dict) -> set[str]:
    return {item["value"] for item in conflict["items"]}


def test_quantities_agreeing_sources_form_one_cluster_and_no_conflict():
    records = [doc("a", "2025-09-01"), doc("b", "2025-09-03"), doc("c", "2025-09-10"),
               qty("a", 40000, "the 40,000 troops based there"),
               qty("b", 40000, "some 40,000 soldiers", qualifier="about"),
               qty("c", 40000, "its 40,000-strong garrison"),
               qty("c", 40000, "keeping 40,000 troops in place")]
    clusters = [c for c in cluster(records) if c["fact"] == "quantity"]
    assert len(clusters) == 1
    assert clusters[0]["source_count"] == 3
    assert len(clusters[0]["mentions"]) == 4
    assert {m["source"] for m in clusters[0]["mentions"]} == {f"https://news.example/{d}" for d in "abc"}
    assert find_conflicts(records) == []


@pytest.mark.parametrize("first, second, clash", [
    ((120, None), (180, "about"), True),          # 120 is outside 162..198
    ((100, "more than"), (150, "about"), False),  # "more than" sets only a floor
    ((100, "fewer than"), (150, "about"), True),  # below 100 and 135..165 never meet
    ((100, "about"), (115, "about"), False),      # 90..110 and 103.5..126.5 meet
    ((300, "over"), (475, None), False),
    ((500, "up to"), (480, None), False),
    ((500, "at most"), (650, "at least"), True),
    ((1000, None), (1004, None), False),          # rounding in the last digit
])
def test_quantities_approximate_figures_conflict_only_when_ranges_cannot_meet(first, second, clash):
    records = [doc("a", "2025-09-08"), doc("b", "2025-09-09"),
               qty("a", first[0], "detained workers, first account", measure="detained_persons",
                   qualifier=first[1], time="2025-09-04"),
               qty("b", second[0], "detained workers, second account", measure="detained_persons",
                   qualifier=second[1], time="2025-09-04")]
    conflicts = find_conflicts(records)
    assert bool(conflicts) is clash
    if clash:
        assert conflicts[0]["type"] == "value"
        assert {i["doc_id"] for i in conflicts[0]["items"]} == {"a", "b"}
        assert all(i["quote"] for i in conflicts[0]["items"])
        assert conflicts[0]["reason"].endswith(".")


def test_quantities_value_change_over_time_is_an_evolution_not_a_conflict():
    records = [doc("spring", "2025-04-03"), doc("summer", "2025-07-31"),
               qty("spring", 30, "threatened a 30% levy", measure="tariff_rate", unit="percent",
                   status="threatened", time="2025-04"),
               qty("summer", 12, "settled on a 12% levy", measure="tariff_rate", unit="percent",
                   status="agreed", time="2025-07"),
               # a rate in force, stated without its own time, in articles months apart
               qty("spring", 30, "the 30% levy now in force", measure="tariff_rate", unit="percent"),
               qty("summer", 12, "the 12% levy now applied", measure="tariff_rate", unit="percent")]
    assert find_conflicts(records) == []
    steps = [c for c in cluster(records) if c["fact"] == "quantity"]
    ordered = sorted(steps, key=lambda c: c["step"])
    assert [c["value"] for c in ordered][0] == 30 and [c["value"] for c in ordered][-1] == 12


def test_quantities_from_to_pair_in_one_text_is_not_a_conflict():
    records = [doc("a", "2025-11-20"), doc("b", "2025-11-21"),
               qty("a", 30, "cutting the levy from 30% to 12%", measure="tariff_rate", unit="percent",
                   status="actual", change="from"),
               qty("a", 12, "cutting the levy from 30% to 12%", measure="tariff_rate", unit="percent",
                   status="actual", change="to"),
               qty("b", 12, "the 12% levy", measure="tariff_rate", unit="percent")]
    assert find_conflicts(records) == []


@pytest.mark.parametrize("part_of", [None, "the pledge"])
def test_quantities_component_stated_beside_its_whole_is_not_a_conflict(part_of):
    pledge = dict(measure="investment_pledge", unit="USD", holder="Sylvania", target="Freedonia", status="pledged")
    records = [doc("a", "2025-08-01"), doc("b", "2025-08-02"),
               qty("a", 200e9, "a $200 billion investment pledge", **pledge),
               qty("a", 80e9, "$80 billion of it for chip plants", part_of=part_of, **pledge),
               qty("b", 200e9, "the $200 billion package", **pledge)]
    assert find_conflicts(records) == []


def test_quantities_component_alone_in_another_text_is_not_a_conflict_when_marked_part_of():
    pledge = dict(measure="investment_pledge", unit="USD", holder="Sylvania", target="Freedonia", status="pledged")
    records = [doc("a", "2025-08-01"), doc("b", "2025-08-02"),
               qty("a", 200e9, "a $200 billion investment pledge", **pledge),
               qty("b", 80e9, "$80 billion for chip plants", part_of="investment_pledge", **pledge)]
    assert find_conflicts(records) == []


def test_quantities_different_commitments_at_the_same_time_conflict():
    pledge = dict(measure="investment_pledge", unit="USD", holder="Sylvania", target="Freedonia", status="pledged",
                  time="2025-07-30")
    records = [doc("a", "2025-08-01"), doc("b", "2025-08-02"),
               qty("a", 200e9, "a $200 billion investment pledge", **pledge),
               qty("b", 450e9, "a $450 billion investment pledge", **pledge)]
    conflicts = find_conflicts(records)
    assert len(conflicts) == 1
    assert _values(conflicts[0]) == {"$200 billion", "$450 billion"}
    assert "Sylvania" in conflicts[0]["about"]


@pytest.mark.parametrize("status", ["proposed", "demanded", "threatened", "speculative"])
def test_quantities_rival_proposals_do_not_conflict(status):
    records = [doc("a", "2025-08-01"), doc("b", "2025-08-02"),
               qty("a", 10000, "cut to 10,000 as one adviser urged", status=status, time="2025"),
               qty("b", 24000, "a reduction to 24,000", status=status, time="2025")]
    assert find_conflicts(records) == []


def test_quantities_different_holders_or_measures_are_different_facts():
    records = [doc("a", "2025-08-01"), doc("b", "2025-08-02"),
               qty("a", 40000, "40,000 troops", holder="Freedonia"),
               qty("b", 25000, "25,000 troops", holder="Sylvania"),
               qty("b", 25000, "25,000 detained", measure="detained_persons", holder="Freedonia")]
    assert find_conflicts(records) == []
    assert len([c for c in cluster(records) if c["fact"] == "quantity"]) == 3


def test_quantities_agency_and_its_state_share_a_block_through_the_kb(leaders_kb):
    records = [doc("a", "2025-09-08"), doc("b", "2025-09-09"),
               qty("a", 120, "120 detained", measure="detained_persons", holder="Freedonian Border Agency",
                   target="Sylvania", time="2025-09-04"),
               qty("b", 180, "about 180 detained", measure="detained_persons", holder="Freedonia",
                   target="Sylvania", qualifier="about", time="2025-09-04")]
    assert find_conflicts(records) == []
    assert len(find_conflicts(records, kb=leaders_kb)) == 1
