"""Quantity clusters and value conflicts over sets of short articles' records."""
from __future__ import annotations

import pytest

from pactwatch.reconcile import cluster, find_conflicts, knowledge_for
from pactwatch.reconcile.model import quantity_mention
from pactwatch.reconcile.quantities import in_usd, referent

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


# ---------------------------------------------------------------- referents: what is and is not one figure

DEAL = dict(measure="investment_pledge", unit="USD", holder="Sylvania", target="Freedonia", status="pledged",
            time="2025-06")


def _q(doc_id, value, quote, **fields):
    extra = {k: fields.pop(k) for k in list(fields) if k in ("counts", "occasion", "instalment", "conditional",
                                                             "attributed_to", "reported_future", "change_size", "modal",
                                                             "payment", "sufficiency", "goal", "turned_down",
                                                             "included", "turned_down_by")}
    record = qty(doc_id, value, quote, **{**DEAL, **fields})
    record.update(extra)
    return record


def _two(a: dict, b: dict) -> list[dict]:
    return find_conflicts([doc("a", "2025-06-20"), doc("b", "2025-06-24"), a, b])


def test_the_same_pledge_stated_tenfold_smaller_is_a_conflict():
    conflicts = _two(_q("a", 40e9, "the $40 billion fund"), _q("b", 4e9, "a $4 billion fund"))
    assert len(conflicts) == 1
    assert conflicts[0]["type"] == "value" and conflicts[0]["severity"] == "high"
    assert {i["value"] for i in conflicts[0]["items"]} == {"$40 billion", "$4 billion"}


def test_a_figure_with_no_party_is_the_same_fact_as_one_with_parties_its_document_is_about():
    partyless = _q("b", 4e9, "a $4 billion fund", holder=None, target=None)
    partyless["context_parties"] = ["Sylvania", "Freedonia", "Ruritania"]
    assert len(_two(_q("a", 40e9, "the $40 billion fund"), partyless)) == 1
    partyless["context_parties"] = ["Ruritania"]
    assert _two(_q("a", 40e9, "the $40 billion fund"), partyless) == []


def test_a_possibility_or_an_obligation_is_not_a_figure_in_force():
    rate = dict(measure="defense_spending", unit="percent", status="actual")
    assert _two(_q("a", 2.5, "can meet the goal by spending 2.5%", modal="can", **rate),
                _q("b", 1.5, "currently spends 1.5%", **rate)) == []


def test_two_figures_with_no_party_at_all_are_never_compared():
    assert _two(_q("a", 40e9, "the $40 billion fund", holder=None, target=None),
                _q("b", 4e9, "a $4 billion fund", holder=None, target=None)) == []


def test_a_part_of_a_whole_is_not_a_conflict():
    assert _two(_q("a", 40e9, "a $40 billion package"), _q("b", 12e9, "$12 billion of it for ports", part_of=0)) == []


def test_the_before_of_a_change_is_not_a_conflict():
    rate = dict(measure="tariff_rate", unit="percent", status="actual")
    assert _two(_q("a", 18, "the duty falls from 18% to 12%", change={"role": "before"}, **rate),
                _q("b", 12, "a 12% duty", **rate)) == []


def test_a_demand_beside_the_agreed_figure_is_not_a_conflict():
    assert _two(_q("a", 40e9, "the agreed $40 billion"), _q("b", 90e9, "they asked for $90 billion", status="demanded")) == []


def test_a_counterfactual_or_conditional_rate_is_not_a_rate_in_force():
    rate = dict(measure="tariff_rate", unit="percent", status="actual")
    for mark in ("counterfactual", "conditional"):
        assert _two(_q("a", 30, "would have faced a 30% duty had talks failed", conditional=mark, **rate),
                    _q("b", 12, "the agreed 12% duty", **rate)) == []


def test_different_years_are_not_a_conflict():
    assert _two(_q("a", 40e9, "the 2024 pledge of $40 billion", time="2024"),
                _q("b", 60e9, "the 2025 pledge of $60 billion", time="2025")) == []


def test_a_stated_approximation_covers_the_exact_count():
    count = dict(measure="detained_persons", unit="persons", status="actual", time="2025-03-02")
    assert _two(_q("a", 200, "about 200 were held", qualifier="about", **count),
                _q("b", 211, "211 were held", **count)) == []


def test_the_same_amount_in_another_currency_is_not_a_conflict():
    # 2,000 billion yen is about $13 billion at 2025 rates
    assert _two(_q("a", 2_000e9, "2 trillion yen", unit="JPY", time="2025"),
                _q("b", 13.5e9, "$13.5 billion", time="2025")) == []
    # but a dollar figure far from the converted one is
    assert len(_two(_q("a", 2_000e9, "2 trillion yen", unit="JPY", time="2025"),
                    _q("b", 30e9, "$30 billion", time="2025"))) == 1


def test_conversion_uses_the_years_rate_with_a_spread():
    m = quantity_mention({"value": 1_000_000, "unit": "KRW", "measure": "cost_sharing", "time": "2024"}, None)
    low, high = in_usd(m)[:2]
    assert low < 1_000_000 / 1364 < high and high / low < 1.4


def test_an_additional_instalment_is_a_second_figure_not_a_restatement():
    rate = dict(measure="tariff_rate", unit="percent", status="actual", time="2025-03")
    assert _two(_q("a", 20, "an additional 20% duty", instalment="increment", **rate),
                _q("b", 10, "the original 10% duty", instalment="base", **rate)) == []


def test_the_size_of_a_change_is_not_a_level():
    share = dict(measure="cost_sharing", unit="percent", status="agreed", time="2025-03")
    assert _two(_q("a", 5, "a 5% increase", change_size=True, **share), _q("b", 40, "a 40% share", **share)) == []
    assert referent(quantity_mention({"value": 5, "measure": "cost_sharing", "change_size": True}, None)) \
        == "cost_sharing:change"


def test_untyped_figures_are_compared_only_through_what_they_count():
    other = dict(measure="other", unit="percent", status="actual", time="2025-03")
    assert _two(_q("a", 70, "70% of the profits", counts="profit", **other),
                _q("b", 30, "30% of the shares", counts="share", **other)) == []
    assert len(_two(_q("a", 70, "a 70% stake", counts="stake", **other),
                    _q("b", 30, "a 30% stake", counts="stake", **other))) == 1


def test_a_would_under_a_past_report_is_as_firm_as_the_report():
    assert len(_two(_q("a", 40e9, "signed a deal under which Sylvania would invest $40 billion", status="speculative",
                       reported_future=True),
                    _q("b", 4e9, "the $4 billion deal"))) == 1
    assert _two(_q("a", 40e9, "Sylvania might invest $40 billion", status="speculative"),
                _q("b", 4e9, "the $4 billion deal")) == []


def test_one_text_with_two_voices_can_clash_but_one_voice_cannot():
    records = [doc("a", "2025-06-20"),
               _q("a", 40e9, "Sylvania says the fund is $40 billion", attributed_to="Sylvania"),
               _q("a", 4e9, "Freedonia says the fund is $4 billion", attributed_to="Freedonia")]
    assert len(find_conflicts(records)) == 1
    records = [doc("a", "2025-06-20"), _q("a", 40e9, "the $40 billion fund"), _q("a", 4e9, "a $4 billion first tranche")]
    assert find_conflicts(records) == []


def test_a_later_official_figure_is_shown_as_a_revision_with_its_dates():
    count = dict(measure="detained_persons", unit="persons", status="actual", time="2025-03-02")
    conflicts = find_conflicts([doc("a", "2025-03-03"), doc("b", "2025-03-09"),
                                _q("b", 311, "311 people were detained", **count),
                                _q("a", 200, "about 200 people were detained", qualifier="about", **count)])
    assert len(conflicts) == 1
    revision = conflicts[0]["revision"]
    assert (revision["from"], revision["from_date"], revision["to"], revision["to_date"]) == \
        ("about 200 persons", "2025-03-03", "311 persons", "2025-03-09")
    assert conflicts[0]["severity"] == "low"
    assert [i["date"] for i in conflicts[0]["items"]] == ["2025-03-03", "2025-03-09"]


def test_an_undated_undocumented_figure_is_compared_with_the_dated_ones():
    records = [doc("a", None), doc("b", "2025-06-24"),
               _q("a", 4e9, "a $4 billion fund", time=None), _q("b", 40e9, "the $40 billion fund")]
    assert len(find_conflicts(records)) == 1


def test_a_sum_told_as_already_paid_and_as_a_ceiling_still_to_come_is_a_conflict():
    paid = _q("a", 40e9, "they handed us $40 billion up front", status="actual", time=None, payment="paid")
    ceiling = _q("b", 40e9, "we will provide loans for up to $40 billion", qualifier="up to", time=None,
                 payment="ceiling")
    conflicts = _two(paid, ceiling)
    assert len(conflicts) == 1
    assert conflicts[0]["type"] == "nature"
    assert [i["quote"] for i in conflicts[0]["items"]] == [paid["quote"], ceiling["quote"]]


def test_a_payment_reported_after_the_ceiling_is_its_fulfilment_not_a_conflict():
    ceiling = _q("a", 40e9, "will provide up to $40 billion", qualifier="up to", time=None, payment="ceiling")
    paid = _q("b", 40e9, "has now paid $40 billion", status="actual", time=None, payment="paid")
    assert _two(ceiling, paid) == []


def test_a_ceiling_beside_a_plain_pledge_of_the_same_sum_is_not_a_conflict():
    assert _two(_q("a", 40e9, "a $40 billion pledge", time=None),
                _q("b", 40e9, "up to $40 billion", qualifier="up to", time=None, payment="ceiling")) == []


def test_one_voice_stating_the_payment_and_the_ceiling_is_not_a_conflict():
    paid = _q("a", 40e9, "they gave $40 billion", status="actual", time=None, payment="paid")
    ceiling = _q("a", 40e9, "up to $40 billion", qualifier="up to", time=None, payment="ceiling")
    assert find_conflicts([doc("a", "2025-06-20"), paid, ceiling]) == []


SHARE = dict(measure="defense_spending", unit="percent", holder="Sylvania", target=None, status="agreed", time=None,
             modal="can")


def test_enough_for_a_goal_against_a_higher_least_for_it_is_a_conflict_even_in_one_text():
    enough = _q("a", 1.8, "it can reach them with 1.8% of output", sufficiency="enough", goal=None, **SHARE)
    least = _q("a", 3.0, "it needs at least 3% to reach its targets", sufficiency="minimum", goal="target",
               **{**SHARE, "status": "demanded"})
    conflicts = find_conflicts([doc("a", "2025-06-20"), enough, least])
    assert [c["type"] for c in conflicts] == ["estimate"]
    assert {i["quote"] for i in conflicts[0]["items"]} == {enough["quote"], least["quote"]}


def test_enough_below_the_least_of_another_goal_or_holder_or_above_it_is_not_a_conflict():
    enough = _q("a", 1.8, "it can reach them with 1.8%", sufficiency="enough", goal="goal", **SHARE)
    other_goal = _q("b", 3.0, "at least 3% to reach its targets", sufficiency="minimum", goal="target", **SHARE)
    assert _two(enough, other_goal) == []
    other_holder = _q("b", 3.0, "at least 3% to reach the goal", sufficiency="minimum", goal="goal",
                      **{**SHARE, "holder": "Ruritania"})
    assert _two(enough, other_holder) == []
    lower = _q("b", 1.5, "at least 1.5% to reach the goal", sufficiency="minimum", goal="goal", **SHARE)
    assert _two(enough, lower) == []


GOAL = dict(measure="defense_spending", unit="percent", status="pledged")


def test_a_figure_turned_down_against_a_commitment_of_a_group_said_to_include_the_party_is_a_conflict():
    group = _q("a", 4.0, "the 30 allies, including Sylvania, pledged 4% by 2032", holder="Alliance", target=None,
               time="2032", included=["Sylvania"], **{k: v for k, v in GOAL.items()})
    down = _q("b", 4.0, "2% rather than the 4% requested", holder="Freedonia", target="Sylvania", time=None,
              turned_down=True, **{**GOAL, "status": "demanded"})
    conflicts = _two(group, down)
    assert [c["type"] for c in conflicts] == ["commitment"]
    assert "Sylvania" in conflicts[0]["about"]


def test_a_figure_turned_down_is_no_conflict_with_a_group_not_said_to_include_the_party_or_another_figure():
    group = _q("a", 4.0, "the allies pledged 4% by 2032", holder="Alliance", target=None, time="2032", **GOAL)
    down = _q("b", 4.0, "2% rather than the 4% requested", holder="Freedonia", target="Sylvania", time=None,
              turned_down=True, **{**GOAL, "status": "demanded"})
    assert _two(group, down) == []
    other = _q("a", 3.0, "the allies, including Sylvania, pledged 3% by 2032", holder="Alliance", target=None,
               time="2032", included=["Sylvania"], **GOAL)
    assert _two(other, down) == []


def test_a_figure_turned_down_is_not_a_figure_in_force():
    firm_down = _q("b", 5.0, "agreed to 2% rather than 5%", turned_down=True, time=None,
                   **{**GOAL, "holder": "Sylvania", "target": None, "status": "agreed"})
    assert _two(_q("a", 2.0, "Sylvania agreed to 2%", time=None, **{**GOAL, "holder": "Sylvania", "target": None,
                                                                    "status": "agreed"}), firm_down) == []


def test_the_one_asking_for_a_figure_turned_down_is_not_the_one_turning_it_down():
    # "2% rather than the 4% requested by Freedonia": Freedonia's membership of a group pledging 4% is no clash
    group = _q("a", 4.0, "the allies, including Freedonia, pledged 4% by 2032", holder="Alliance", target=None,
               time="2032", included=["Freedonia"], **GOAL)
    down = _q("b", 4.0, "2% rather than the 4% requested by Freedonia", holder="Freedonia", target=None, time=None,
              turned_down=True, **{**GOAL, "status": "demanded"})
    assert _two(group, down) == []
    down["turned_down_by"] = "Freedonia"  # unless Freedonia itself is the one turning it down
    assert [c["type"] for c in _two(group, down)] == ["commitment"]


def test_a_users_kb_rate_lets_a_figure_in_a_new_currency_meet_a_dollar_figure(tmp_path):
    # no packaged rate for the New Zealand dollar: NZ$17 billion and $1 billion are two series, no conflict
    records = [doc("a", "2025-06-20"), doc("b", "2025-06-24"),
               _q("a", 17e9, "a NZ$17 billion fund", unit="NZD", time="2025"),
               _q("b", 1e9, "a $1 billion fund", time="2025")]
    assert find_conflicts(records, kb=knowledge_for()) == []
    (tmp_path / "currency_rates.toml").write_text("[per_usd.NZD]\n2025 = 1.7\n", encoding="utf-8")
    conflicts = find_conflicts(records, kb=knowledge_for([str(tmp_path)]))
    assert len(conflicts) == 1 and "17 billion NZD (about $9.95 billion)" in _values(conflicts[0])
    # the packaged rates alone again: the user's folder does not leak into another reconciliation
    assert find_conflicts(records, kb=knowledge_for()) == []


def test_a_users_kb_rate_that_is_not_a_number_is_one_knowledge_error(tmp_path):
    from pactwatch.errors import KnowledgeError
    (tmp_path / "currency_rates.toml").write_text('[per_usd.NZD]\n2025 = "high"\n', encoding="utf-8")
    records = [doc("a", "2025-06-20"), _q("a", 17e9, "a NZ$17 billion fund", unit="NZD", time="2025")]
    with pytest.raises(KnowledgeError, match=r"per_usd\.NZD\.2025"):
        find_conflicts(records, kb=knowledge_for([str(tmp_path)]))
