"""A commitment's history from statements: steps, retellings, reaffirmations, and what stands now."""
from __future__ import annotations

from datetime import date

import pytest

from pactwatch.views.history import Statement, history, show_date, sort_day, standing


def _said(value, status, when, basis="stated", doc="a", reported="2025-12-01", prior=False, note=None):
    s = Statement((), f"{value}% {status}", when, basis, {"threatened": 0, "agreed": 2, "actual": 3}[status],
                  {"doc_id": doc, "quote": f"{value} {status} in {doc}"}, note=note, prior=prior, status=status,
                  amount=f"{value}%", reported=reported)
    s.key = (value, None, s.group)
    return s


def _ruling(when):
    return Statement(("event", "REJECT", "asserted"), "struck down the levy law", when, "stated", 1,
                     {"doc_id": "r", "quote": "the court struck down the levy law"}, kind="event",
                     status="asserted", reported=when)


@pytest.mark.parametrize("value, shown", [
    ("2025-07-30", "30 Jul 2025"), ("2025-07", "Jul 2025"), ("2025", "2025"), ("2025-W31", "week of 28 Jul 2025"),
    ("2025-FA", "autumn 2025"), ("2025-Q3", "Q3 2025"), (None, "undated"), ("FUTURE_REF", "FUTURE_REF")])
def test_history_shows_dates_as_a_reader_writes_them(value, shown):
    assert show_date(value) == shown


def test_history_a_month_falls_at_its_end_or_at_the_report_when_sooner():
    assert sort_day("2025-07", "2025-09-01") == date(2025, 7, 31)
    assert sort_day("2025-07", "2025-07-10") == date(2025, 7, 10)
    assert sort_day(None, "2025-07-10") == date.max


def test_history_orders_a_day_from_threat_to_deal_and_tells_a_repeat_as_a_source():
    steps = history([_said(12, "agreed", "2025-05-02", doc="b"), _said(30, "threatened", "2025-05-02", doc="b"),
                     _said(12, "agreed", "2025-06-01", basis="reported", doc="c"),
                     _said(12, "agreed", "2025-05", doc="d")])
    assert [(s["label"], s["change"]) for s in steps] == [("30% threatened", "first"), ("12% agreed", "changed")]
    assert [x["doc_id"] for x in steps[1]["sources"]] == ["b", "d", "c"]


def test_history_a_statement_dated_apart_reaffirms():
    steps = history([_said(12, "agreed", "2025-05-02"), _said(12, "agreed", "2025-09-19", doc="c")])
    assert [s["change"] for s in steps] == ["first", "reaffirmed"]
    now = standing(steps)
    assert (now["since"], now["restated"], now["before"]) == ("2025-05-02", "2025-09-19", None)


def test_history_a_pending_threat_and_a_ruling_follow_the_firm_state():
    steps = history([_said(12, "agreed", "2025-05-02"), _said(25, "threatened", "2026-01-26", doc="e"),
                     _ruling("2026-02-20")])
    now = standing(steps)
    assert now["step"]["state"] == "12% agreed" and now["since"] == "2025-05-02"
    assert [s["label"] for s in now["then"]] == ["25% threatened", "struck down the levy law"]
    assert steps[-1]["change"] == "event"


def test_history_a_threat_is_the_state_until_something_firm_is_said():
    now = standing(history([_said(30, "threatened", "2025-03-10"), _said(35, "threatened", "2025-04-01")]))
    assert (now["step"]["state"], now["since"], now["before"]) == ("35% threatened", "2025-04-01", "30% threatened")


def test_history_the_from_side_of_a_change_retells_a_step_it_names():
    steps = history([_said(30, "threatened", "2025-03-10"), _said(12, "agreed", "2025-05-02"),
                     _said(30, "actual", "2025-11", doc="k", prior=True), _said(12, "agreed", "2025-11", doc="k")])
    assert [s["label"] for s in steps] == ["30% threatened", "12% agreed", "reaffirmed"]
    assert "k" in {x["doc_id"] for x in steps[0]["sources"]}


def test_history_an_undated_weaker_report_retells_but_an_announcement_ahead_is_a_step():
    retold = history([_said(12, "agreed", "2025-05-02"), _said(12, "threatened", "2025-12-01", basis="reported")])
    assert len(retold) == 1 and len(retold[0]["sources"]) == 2
    ahead = history([_said(12, "agreed", "2025-05-02"),
                     _said(12, "threatened", "2025-12-01", basis="reported", note="from 1 Jan 2026")])
    assert [s["label"] for s in ahead] == ["12% agreed", "12% threatened"]
