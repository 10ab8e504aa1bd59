"""Start-of-office claims against the KB's tenures and the claiming text's own chronology."""
from __future__ import annotations

import pytest

from pactwatch.reconcile import find_conflicts

from reconcile_records import FakeKB, dated_event, doc, entity, event, timex

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


# ---------------------------------------------------------------- which office a claim is about

@pytest.fixture
def career_kb() -> FakeKB:
    """One person, several offices: a governorship and a party post long before the presidency."""
    return FakeKB([
        {"id": "P1", "name": "Bo Kim", "type": "PERSON", "aliases": ["Kim"], "acts_for": None,
         "roles": [{"role": "governor of Northshire", "of": "S1", "start": "2016-07-01", "end": "2020-10-25"},
                   {"role": "party leader", "of": "O1", "start": "2021-08-28", "end": "2024-04-09"},
                   {"role": "president", "of": "S1", "start": "2024-06-04"}]},
        {"id": "S1", "name": "Freedonia", "type": "GPE", "aliases": [], "acts_for": None, "roles": []},
        {"id": "O1", "name": "Unity Party", "type": "ORG", "aliases": [], "acts_for": None, "roles": []},
    ])


KIM = ("Bo Kim", "Freedonia")


def _kim_claim(quote: str, when: str | None, value: str, published: str = "2024-08-01"):
    return [doc("k", published), *dated_event("k", "TRANSITION", quote, when, value, source=KIM, target=())]


@pytest.mark.parametrize("quote, when, value, clash, office", [
    # no office named, a relative date ("less than two months ago") that can reach the presidency's start
    ("Kim, who took office less than two months ago", "two months ago", "2024-05", False, None),
    # no office named, a stated day a few days from the presidency's start: it matches one start
    ("Kim took office on June 6", "June 6", "2024-06-06", False, None),
    # no office named, a day matching an older office's start: still a start of his, not a conflict
    ("Kim took office on July 1, 2016", "July 1, 2016", "2016-07-01", False, None),
    # no office named and no start near: compared with the office he held then, the presidency
    ("Kim took office on September 9", "September 9", "2024-09-09", True, "president"),
    # the office named decides, even when another office began on that day
    ("Kim was sworn in as governor on June 4, 2024", "June 4, 2024", "2024-06-04", True, "governor of Northshire"),
    ("Kim was sworn in as president on June 4", "June 4", "2024-06-04", False, None),
    # a title next to the name names the office just as well
    ("President Kim took office on September 9", "September 9", "2024-09-09", True, "president"),
    # "vice president" is another office than "president", one the KB does not list for him
    ("Kim took office as vice president on September 9", "September 9", "2024-09-09", False, None),
])
def test_tenure_compares_only_with_the_office_the_text_is_about(career_kb, quote, when, value, clash, office):
    conflicts = find_conflicts(_kim_claim(quote, when, value), kb=career_kb)
    assert bool(conflicts) is clash
    if clash:
        assert conflicts[0]["type"] == "knowledge"
        assert f"term as {office} of" in conflicts[0]["about"]
        kb_item = [i for i in conflicts[0]["items"] if i["source"] == "knowledge base"]
        assert kb_item and office in kb_item[0]["quote"]


def test_tenure_claim_dated_only_by_its_publication_date_is_not_checked(career_kb):
    # "Kim took office", no date in the statement: the extractor's date is the article's own
    published = "2025-03-14"
    records = [doc("k", published), timex("k", "March 14, 2025", published, start=0),
               *dated_event("k", "TRANSITION", "Kim took office", None, published, source=KIM, target=())]
    assert find_conflicts(records, kb=career_kb) == []
    # without timex records, the quote itself shows it states no time
    assert find_conflicts([r for r in records if r["kind"] != "timex"], kb=career_kb) == []
    # the same day stated in the statement is the text's claim, and a wrong one
    stated = [doc("k", published),
              *dated_event("k", "TRANSITION", "Kim took office on March 14, 2025", "March 14, 2025", published,
                           source=KIM, target=())]
    assert [c["type"] for c in find_conflicts(stated, kb=career_kb)] == ["knowledge"]


def test_tenure_relative_claim_far_from_any_start_is_still_a_conflict(career_kb):
    # a whole year is too coarse to contradict a start
    records = _kim_claim("Kim took office two years ago", "two years ago", "2022", published="2024-08-01")
    assert find_conflicts(records, kb=career_kb) == []
    # a month widened by a month either side: June 4 lies within reach of "three months ago" (May)
    records = _kim_claim("Kim took office three months ago", "three months ago", "2024-05", published="2024-08-01")
    assert find_conflicts(records, kb=career_kb) == []
    # the same month stated outright is a claim about May, days before the start: a conflict
    records = _kim_claim("Kim took office in May 2024", "May 2024", "2024-05", published="2024-08-01")
    assert [c["type"] for c in find_conflicts(records, kb=career_kb)] == ["knowledge"]
    records = _kim_claim("Kim took office eight months ago", "eight months ago", "2023-12", published="2024-08-01")
    conflicts = find_conflicts(records, kb=career_kb)
    assert [c["type"] for c in conflicts] == ["knowledge"]
    assert "read loosely" in conflicts[0]["reason"]


def test_tenure_claim_of_a_later_start_against_the_packaged_interface_seed_shape():
    """A text that dates a president's second term a year late (the seeds' false claim, in our own words)."""
    from pactwatch.reconcile.model import default_kb
    kb = default_kb()
    entry = kb.find("Donald Trump") if kb is not None else None
    starts = sorted(r["start"] for r in (entry or {}).get("roles") or [] if r.get("role") == "president")
    if len(starts) < 2:
        pytest.skip("the packaged knowledge base has no two presidential terms for this person")
    from datetime import date
    second = date.fromisoformat(starts[1])
    claimed = second.replace(year=second.year + 1)
    when = f"{claimed:%B} {claimed.day}, {claimed.year}"
    quote = f"President Donald Trump's second term began on {when}"
    records = [doc("s", "2025-12-01"), entity("s", "Donald Trump", "PERSON"),
               *dated_event("s", "TRANSITION", quote, when, claimed.isoformat(),
                            source=("Donald Trump", "United States"), target=())]
    conflicts = find_conflicts(records, kb=kb)
    assert [c["type"] for c in conflicts] == ["knowledge"]
    assert starts[1] in conflicts[0]["reason"]
    # the right date is not flagged
    right = f"{second:%B} {second.day}, {second.year}"
    ok = [doc("s", "2025-12-01"),
          *dated_event("s", "TRANSITION", f"President Donald Trump's second term began on {right}", right,
                       second.isoformat(), source=("Donald Trump", "United States"), target=())]
    assert find_conflicts(ok, kb=kb) == []


@pytest.mark.parametrize("tenure, phrase", [
    ({"role": "president", "of": "United States"}, "president of the United States"),
    ({"role": "prime minister", "of": "United Kingdom"}, "prime minister of the United Kingdom"),
    ({"role": "president", "of": "Russian Federation"}, "president of the Russian Federation"),
    ({"role": "president", "of": "South Korea"}, "president of South Korea"),
    ({"role": "speaker", "of": "National Assembly"}, "speaker of the National Assembly"),
    ({"role": "chancellor", "of": None}, "chancellor"),
])
def test_tenure_office_reads_as_a_sentence_says_it(tenure, phrase):
    from pactwatch.reconcile.tenure import office_phrase
    assert office_phrase(tenure) == phrase


def test_a_record_stored_without_the_pipelines_reading_claims_no_start(leaders_kb):
    # a record filed before the referents fields existed: the same words, but nothing says what happened
    # to the office, so reconcile does not guess it from the quote
    read = [doc("a", "2025-08-01"), _claim("a", "2022-03-01")]
    assert [c["type"] for c in find_conflicts(read, kb=leaders_kb)] == ["knowledge"]
    unread = [doc("a", "2025-08-01"), event("a", "TRANSITION", "President Alice Park's second term began on that day",
                                            date="2022-03-01", source=PARK, target=(), read=False)]
    assert find_conflicts(unread, kb=leaders_kb) == []


def test_the_fields_say_what_happened_whatever_the_quote_says(leaders_kb):
    # reconcile reads the filed start, not the sentence: a start filed on a quote with no start words is checked
    filed = event("a", "TRANSITION", "Alice Park, in office since that day", date="2022-03-01", source=PARK,
                  target=(), read=False,
                  transition_spots=[{"kind": "start", "at": 0, "done_to": False, "announced": False, "bare": False,
                                     "not_done": False, "about": "Alice Park"}])
    assert [c["type"] for c in find_conflicts([doc("a", "2025-08-01"), filed], kb=leaders_kb)] == ["knowledge"]


def test_tenure_a_users_kb_word_reads_a_state_name_with_the(tmp_path):
    from pactwatch.reconcile import knowledge_for
    from pactwatch.reconcile.tenure import office_phrase
    tenure = {"role": "president", "of": "Maldives"}
    assert office_phrase(tenure) == "president of Maldives"
    (tmp_path / "referents.toml").write_text('the_last_words = ["Maldives"]\n', encoding="utf-8")
    assert office_phrase(tenure, knowledge_for([str(tmp_path)]).folders) == "president of the Maldives"
    assert office_phrase(tenure) == "president of Maldives"
