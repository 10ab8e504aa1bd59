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


@pytest.mark.parametrize("change", [{"role": "before", "other": 1, "other_start": 40}, "from"])
def test_quantities_change_pair_marks_its_earlier_value_whatever_the_shape(change):
    records = [doc("a", "2025-11-20"), doc("b", "2025-11-21"),
               qty("a", 30, "from 30% to 12%", measure="tariff_rate", unit="percent", change=change),
               qty("b", 12, "the 12% levy", measure="tariff_rate", unit="percent")]
    assert find_conflicts(records) == []
    assert find_conflicts(records[:2] + [qty("a", 30, "from 30% to 12%", measure="tariff_rate", unit="percent"),
                                         records[3]]) != []


def test_quantities_part_of_index_zero_still_marks_a_component():
    pledge = dict(measure="investment_pledge", unit="USD", holder="Sylvania", target="Freedonia", status="pledged")
    records = [doc("a", "2025-08-01"), doc("b", "2025-08-02"),
               qty("a", 80e9, "$80 billion for chip plants", part_of=0, **pledge),
               qty("b", 200e9, "the $200 billion package", **pledge)]
    assert find_conflicts(records) == []


@pytest.mark.parametrize("high, other, clash", [(150, 140, False), (150, 170, True)])
def test_quantities_stated_range_is_its_own_bounds(high, other, clash):
    low = qty("a", 100, "between 100 and 150 detained", measure="detained_persons", time="2025-09-04",
              qualifier="between")
    low["high"] = high
    records = [doc("a", "2025-09-08"), doc("b", "2025-09-09"), low,
               qty("b", other, "detained", measure="detained_persons", time="2025-09-04")]
    assert bool(find_conflicts(records)) is clash


def test_quantities_percentage_points_are_not_levels():
    hike = qty("a", 10, "raised by 10 percentage points", measure="tariff_rate", unit="percent", time="2025-04")
    hike["points"] = True
    records = [doc("a", "2025-04-10"), doc("b", "2025-04-11"), hike,
               qty("b", 25, "the 25% levy", measure="tariff_rate", unit="percent", time="2025-04")]
    assert find_conflicts(records) == []


def _random_articles(draw_values, statuses, qualifiers):
    records = [doc(f"d{i}", "2025-09-10") for i in range(len(draw_values))]
    for i, (v, st, q) in enumerate(zip(draw_values, statuses, qualifiers)):
        records.append(qty(f"d{i}", v, f"figure {i}", measure="detained_persons", status=st, qualifier=q,
                           time="2025-09-04"))
    return records


try:
    from hypothesis import given, settings, strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    pass
else:
    VALUES = st.lists(st.integers(min_value=1, max_value=400), min_size=2, max_size=6)

    @settings(max_examples=40, deadline=None)
    @given(VALUES, st.randoms(use_true_random=False))
    def test_quantities_conflicts_do_not_depend_on_record_order(values, rnd):
        records = _random_articles(values, ["actual"] * len(values), [None, "about", "more than"] * 2)
        shuffled = records[:len(values)] + rnd.sample(records[len(values):], len(values))
        assert ({c["conflict_id"] for c in find_conflicts(records)}
                == {c["conflict_id"] for c in find_conflicts(shuffled)})

    @settings(max_examples=40, deadline=None)
    @given(st.integers(min_value=1, max_value=10 ** 9), st.integers(min_value=2, max_value=6))
    def test_quantities_the_same_figure_never_conflicts(value, n):
        records = _random_articles([value] * n, ["actual"] * n, [None, "about", "at least"] * 2)
        assert find_conflicts(records) == []


# ---------------------------------------------------------------- figures that are not one quantity

@pytest.mark.parametrize("fields", [
    dict(measure="other"),                              # no kind of figure named: two amounts, two things
    dict(holder=None, target=None),                     # no party: two counts may be of two events
])
def test_quantities_untyped_or_partyless_figures_are_never_compared(fields):
    base = dict(measure="investment_pledge", unit="USD", holder="Sylvania", target="Freedonia", status="agreed",
                time="2025-10-29")
    base.update(fields)
    records = [doc("a", "2025-10-30"), doc("b", "2025-11-14"),
               qty("a", 20e9, "installments capped at $20 billion a year", **base),
               qty("b", 150e9, "$150 billion for shipyards", **base)]
    assert find_conflicts(records) == []
    # one party is enough to say whose figure it is
    one_party = {**base, "measure": "investment_pledge", "holder": None, "target": "Freedonia"}
    records = [doc("a", "2025-10-30"), doc("b", "2025-11-14"),
               qty("a", 200e9, "a $200 billion pledge", **one_party),
               qty("b", 450e9, "a $450 billion pledge", **one_party)]
    assert len(find_conflicts(records)) == 1


def test_quantities_two_amounts_in_one_document_never_conflict():
    pledge = dict(measure="investment_pledge", unit="USD", holder="Sylvania", target="Freedonia", status="agreed",
                  time="2025-10-29")
    records = [doc("a", "2025-10-30"),
               qty("a", 200e9, "$200 billion in cash", **pledge),
               qty("a", 150e9, "$150 billion for shipyards", **pledge)]
    assert find_conflicts(records) == []
    # and a second outlet repeating one of them does not turn the first text's pair into a clash
    records += [doc("b", "2025-10-31"), qty("b", 200e9, "the $200 billion cash portion", **pledge)]
    assert find_conflicts(records) == []


def test_quantities_agreeing_outlets_and_rounded_figures_are_not_flagged():
    detained = dict(measure="detained_persons", holder="Freedonia", target="Sylvania", time="2025-09-04")
    records = [doc("a", "2025-09-05"), doc("b", "2025-09-06"), doc("c", "2025-09-07"), doc("d", "2025-09-08"),
               qty("a", 300, "about 300 workers were held", qualifier="about", **detained),
               qty("b", 300, "more than 300 were held", qualifier="more than", **detained),
               qty("c", 317, "317 workers were held", **detained),
               qty("d", 317, "officials counted 317 detainees", **detained)]
    assert find_conflicts(records) == []
    # a figure outside every rounding of the others disagrees with the rounded one it cannot meet
    records += [doc("e", "2025-09-09"), qty("e", 475, "475 people were detained", **detained)]
    conflicts = find_conflicts(records)
    assert len(conflicts) == 1
    assert "475 persons" in {i["value"] for i in conflicts[0]["items"]}
    assert "about 300 persons" in {i["value"] for i in conflicts[0]["items"]}
