"""A named thing's occasion dated differently by two outlets (reconcile/dated.py)."""
from __future__ import annotations

from reconcile_records import doc, event, qty

from pactwatch.reconcile import find_conflicts


def _dated(record, thing, day, occasion="announcement", form="explicit"):
    record["dated_things"] = [{"thing": thing, "verb": "release", "occasion": occasion, "date": day, "form": form}]
    return record


def _pair(day_a, day_b, form_a="explicit", form_b="explicit", thing_b="joint communique", source_b=("Freedonia",)):
    a = _dated(event("a", "AGREE", "the joint communique released on March 3", source=("Freedonia",), target=()),
               "joint communique", day_a, form=form_a)
    b = _dated(event("b", "AGREE", "released a joint communique on March 9", source=source_b, target=()),
               thing_b, day_b, form=form_b)
    return find_conflicts([doc("a", "2025-03-10"), doc("b", "2025-03-11"), a, b])


def test_the_same_things_occasion_on_two_days_is_a_date_conflict():
    found = _pair("2025-03-03", "2025-03-09")
    assert [c["type"] for c in found] == ["date"] and found[0]["severity"] == "high"
    assert {i["value"] for i in found[0]["items"]} == {"2025-03-03", "2025-03-09"}


def test_calendar_dates_one_day_apart_are_a_low_severity_note():
    found = _pair("2025-03-03", "2025-03-04")
    assert len(found) == 1 and found[0]["severity"] == "low" and "time zones" in found[0]["reason"]


def test_weekdays_one_day_apart_are_one_day_in_two_time_zones():
    assert _pair("2025-03-06", "2025-03-07", form_a="weekday", form_b="weekday") == []


def test_another_thing_or_other_parties_are_not_the_same_occasion():
    assert _pair("2025-03-03", "2025-03-09", thing_b="joint statement") == []
    assert _pair("2025-03-03", "2025-03-09", source_b=("Sylvania",)) == []


def test_a_bound_is_not_the_day_itself():
    assert _pair("2025-03-03", "2025-03-09", form_b="explicit:before") == []


def test_a_quantity_can_date_its_occasion_too():
    a = _dated(qty("a", 25, "the original 25% levy came into effect on August 1", measure="tariff_rate",
                   unit="percent"), "original levy", "2025-08-01", occasion="effect")
    b = _dated(qty("b", 25, "the original 25% levy came into effect on August 7", measure="tariff_rate",
                   unit="percent"), "original levy", "2025-08-07", occasion="effect")
    found = find_conflicts([doc("a", "2025-08-08"), doc("b", "2025-08-09"), a, b])
    assert [c["type"] for c in found] == ["date"]
