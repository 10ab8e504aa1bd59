"""Start-of-office claims against the KB's tenures and the claiming text's own chronology."""
from __future__ import annotations

import pytest

from pactwatch.reconcile import find_conflicts

from reconcile_records import doc, entity, event

PARK = ("Alice Park", "Freedonia")


def _claim(doc_id: str, date: str, quote: str = "President Alice Park's second term began on that day"):
    return event(doc_id, "TRANSITION", quote, date=date, source=PARK, target=())


@pytest.mark.parametrize("claimed, clash", [
    ("2022-03-01", True),     # a year after the KB's start
    ("2021-03-01", False),
    ("2021-03-03", False),    # within a few days
    ("2021-03", False),       # the month contains the start
    ("2021-04-15", True),
])
def test_tenure_start_claim_is_checked_against_the_kb(leaders_kb, claimed, clash):
    records = [doc("a", "2025-08-01"), _claim("a", claimed)]
    conflicts = find_conflicts(records, kb=leaders_kb)
    assert bool(conflicts) is clash
    if clash:
        assert conflicts[0]["type"] == "knowledge"
        assert conflicts[0]["items"][0]["quote"].startswith("President Alice Park")
        assert "2021-03-01" in conflicts[0]["reason"]


def test_tenure_ordinal_picks_the_matching_term(leaders_kb):
    # "first term" on the second term's start date is wrong even though the date is some term's start
    records = [doc("a"), _claim("a", "2021-03-01", "Alice Park's first term as President began on that day")]
    conflicts = find_conflicts(records, kb=leaders_kb)
    assert [c["type"] for c in conflicts] == ["knowledge"]
    assert "2013-03-01" in conflicts[0]["reason"]
    second = [doc("a"), _claim("a", "2021-03-01", "Alice Park's second term as President began on that day")]
    assert find_conflicts(second, kb=leaders_kb) == []


def test_tenure_kb_conflict_lists_the_texts_own_earlier_acts(leaders_kb):
    records = [doc("a", "2025-08-01"), _claim("a", "2022-03-01"),
               event("a", "SANCTION", "Park imposed duties on May 2, 2021", date="2021-05-02",
                     source=("Alice Park",), target=("Sylvania",)),
               event("a", "SANCTION", "Park imposed duties in 2015", date="2015-06-01",  # her first term
                     source=("Alice Park",), target=("Sylvania",))]
    conflicts = find_conflicts(records, kb=leaders_kb)
    assert len(conflicts) == 1
    quotes = [i["quote"] for i in conflicts[0]["items"]]
    assert "Park imposed duties on May 2, 2021" in quotes
    assert "Park imposed duties in 2015" not in quotes


@pytest.mark.parametrize("act, clash", [
    (dict(type_="SANCTION", quote="Park announced tariffs on April 2", date="2025-04-02"), True),
    (dict(type_="CONSULT", quote="Park hosted the summit in August", date="2025-08",
          source=("Bo Kim",), target=("Alice Park",)), True),
    # acts of a leader-elect shortly before taking office prove nothing
    (dict(type_="CONSULT", quote="Park met envoys in December", date="2025-12"), False),
    # a candidate can threaten; only an office-holder imposes
    (dict(type_="THREATEN", quote="Park threatened tariffs on April 2", date="2025-04-02"), False),
    # reported as not happening
    (dict(type_="SANCTION", quote="Park did not impose tariffs in April", date="2025-04", modality="negated"), False),
    # too long before to rule out an earlier term
    (dict(type_="SANCTION", quote="Park imposed tariffs in 2019", date="2019-05"), False),
])
def test_tenure_claim_checked_against_the_same_texts_chronology_without_kb(act, clash):
    act = dict(act)
    kwargs = {"source": act.pop("source", ("Alice Park",)), "target": act.pop("target", ("Sylvania",)),
              "date": act.pop("date"), "modality": act.pop("modality", "asserted")}
    records = [doc("a", "2026-02-01"), entity("a", "Alice Park", "PERSON"), entity("a", "Freedonia", "GPE"),
               _claim("a", "2026-01-20"), event("a", act.pop("type_"), act.pop("quote"), **kwargs)]
    conflicts = find_conflicts(records)
    assert bool(conflicts) is clash
    if clash:
        assert conflicts[0]["type"] == "chronology"
        assert len(conflicts[0]["items"]) == 2


def test_tenure_acts_in_another_text_are_not_this_texts_chronology():
    records = [doc("a"), doc("b"), entity("a", "Alice Park", "PERSON"), _claim("a", "2026-01-20"),
               event("b", "SANCTION", "Park announced tariffs on April 2", date="2025-04-02",
                     source=("Alice Park",))]
    assert find_conflicts(records) == []


@pytest.mark.parametrize("quote, clash", [
    ("Alice Park's term began on that day", True),                # no office named: her KB offices
    ("Alice Park took office as governor on that day", False),    # an office the KB does not list
    ("Alice Park was sworn in as President on that day", True),
])
def test_tenure_claim_naming_another_office_is_left_alone(leaders_kb, quote, clash):
    records = [doc("a"), event("a", "TRANSITION", quote, date="2009-05-01", source=PARK, target=())]
    assert bool(find_conflicts(records, kb=leaders_kb)) is clash


def test_tenure_claims_about_states_or_elections_are_not_checked(leaders_kb):
    records = [doc("a"), entity("a", "Alice Park", "PERSON"),
               event("a", "TRANSITION", "Freedonia's new government took office", date="2022-05-01",
                     source=("Freedonia",), target=()),
               event("a", "TRANSITION", "Alice Park was elected in January", date="2021-01-10", source=PARK, target=())]
    assert find_conflicts(records, kb=leaders_kb) == []


def _packaged_kb_person():
    from datetime import date, timedelta

    from pactwatch.reconcile.model import default_kb, kb_name
    kb = default_kb()
    if kb is None:
        pytest.skip("the packaged knowledge base does not load")
    for entry in kb:
        roles = [r for r in entry.get("roles") or [] if r.get("start")]
        if entry.get("type") == "PERSON" and len(roles) == 1:
            role = roles[0]
            start = date.fromisoformat(role["start"])
            return kb, entry["name"], kb_name(kb, role["of"]), role["role"], start, start + timedelta(days=400)
    pytest.skip("no person with one dated office in the packaged knowledge base")


@pytest.mark.parametrize("shift, clash", [(False, False), (True, True)])
def test_tenure_works_with_the_packaged_kb_interface(shift, clash):
    kb, person, state, role, start, later = _packaged_kb_person()
    claimed = (later if shift else start).isoformat()
    records = [doc("a"), event("a", "TRANSITION", f"{person} was sworn in as {role}", date=claimed,
                               source=(person, state), target=())]
    conflicts = find_conflicts(records, kb=kb)
    assert bool(conflicts) is clash
    if clash:
        assert start.isoformat() in conflicts[0]["reason"]
