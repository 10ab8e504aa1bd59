"""Claims that someone left office (removed, ousted, resigned, stepped down, a term ended) checked against
the KB's tenure ends and against the claiming text's own chronology; and two sources' dates for one end."""
from __future__ import annotations

import pytest

from pactwatch.reconcile import find_conflicts
from pactwatch.reconcile.events import transition_kind, transition_kind_for

from pactwatch.reconcile.model import event_mention
from reconcile_records import FakeKB, dated_event, doc, entity, event, timex


@pytest.fixture
def cabinet_kb() -> FakeKB:
    """A president removed by a court, a premier who resigned, a still-serving minister, and a minister
    with an old, closed post and a current one."""
    return FakeKB([
        {"id": "S1", "name": "Freedonia", "type": "GPE", "kind": "country", "aliases": [], "acts_for": None,
         "roles": []},
        {"id": "P1", "name": "Rho Min-ha", "type": "PERSON", "aliases": [], "short": ["Rho"], "acts_for": "S1",
         "roles": [{"role": "president", "of": "S1", "start": "2019-05-10", "end": "2023-03-10"}]},
        {"id": "P2", "name": "Dara Voss", "type": "PERSON", "aliases": [], "short": ["Voss"], "acts_for": "S1",
         "roles": [{"role": "prime minister", "of": "S1", "start": "2020-01-15", "end": "2023-06-30"},
                   {"role": "acting president", "of": "S1", "start": "2023-03-10", "end": "2023-05-04"}]},
        {"id": "P3", "name": "Tomas Brel", "type": "PERSON", "aliases": [], "short": ["Brel"], "acts_for": "S1",
         "roles": [{"role": "president", "of": "S1", "start": "2023-05-04"}]},
        {"id": "P4", "name": "Ines Ortu", "type": "PERSON", "aliases": [], "short": ["Ortu"], "acts_for": "S1",
         "roles": [{"role": "finance minister", "of": "S1", "start": "2021-02-01", "end": "2022-08-01"},
                   {"role": "foreign minister", "of": "S1", "start": "2024-01-01"}]},
        # the latest date the KB records: an open tenure is known to be open until then
        {"id": "P5", "name": "Lev Arno", "type": "PERSON", "aliases": [], "acts_for": "S1",
         "roles": [{"role": "trade minister", "of": "S1", "start": "2025-06-30"}]},
    ])


RHO = ("Rho Min-ha",)


def _removal(doc_id: str, quote: str, when: str | None, value: str, *, source=("Freedonia",), target=RHO,
             type_: str = "TRANSITION", modality: str = "asserted"):
    return list(dated_event(doc_id, type_, quote, when, value, source=source, target=target, modality=modality))


@pytest.mark.parametrize("quote, when, value, clash", [
    # the KB's end, and a day or two off it (time zones; a ruling read out late at night)
    ("The court removed Rho from office on March 10, 2023", "March 10, 2023", "2023-03-10", False),
    ("The court removed Rho from office on March 12, 2023", "March 12, 2023", "2023-03-12", False),
    # the month of the end
    ("The court removed Rho from office in March 2023", "March 2023", "2023-03", False),
    # a year early: he was still president then
    ("The court removed Rho from office on March 10, 2022", "March 10, 2022", "2022-03-10", True),
    # a month late: his term had ended weeks before
    ("Rho was ousted on April 20, 2023", "April 20, 2023", "2023-04-20", True),
    # no year written out: the extractor guessed it, and a guess never contradicts
    ("The court removed Rho from office on March 10", "March 10", "2022-03-10", False),
    # vague: a whole year, or a date relative to the article's own
    ("Rho was ousted in 2022", "2022", "2022", False),
    ("Rho was ousted last spring", "last spring", "2022-SP", False),
])
def test_end_claim_is_checked_against_the_kbs_tenure_end(cabinet_kb, quote, when, value, clash):
    records = [doc("a", "2024-01-15"), *_removal("a", quote, when, value)]
    conflicts = find_conflicts(records, kb=cabinet_kb)
    assert bool(conflicts) is clash, conflicts
    if clash:
        c = conflicts[0]
        assert c["type"] == "knowledge"
        assert c["about"] == "end of Rho Min-ha's term as president of Freedonia"
        assert c["items"][0]["quote"] == quote
        kb_item = c["items"][1]
        assert kb_item["source"] == "knowledge base" and kb_item["value"] == "2023-03-10"
        assert "2023-03-10" in c["reason"]


def test_end_claim_without_timex_records_needs_the_year_in_the_statement(cabinet_kb):
    # no timex records at hand: a year in the statement shows it was written out
    stated = [doc("a", "2024-01-15"),
              event("a", "TRANSITION", "Rho was ousted on March 10, 2022", date="2022-03-10", source=(), target=RHO)]
    assert [c["type"] for c in find_conflicts(stated, kb=cabinet_kb)] == ["knowledge"]
    unstated = [doc("a", "2024-01-15"),
                event("a", "TRANSITION", "Rho was ousted on March 10", date="2022-03-10", source=(), target=RHO)]
    assert find_conflicts(unstated, kb=cabinet_kb) == []


@pytest.mark.parametrize("quote, when, value, clash", [
    # a resignation reported on the day it was announced, weeks before it took effect on June 30
    ("Prime Minister Dara Voss resigned on May 20, 2023", "May 20, 2023", "2023-05-20", False),
    ("Prime Minister Dara Voss stepped down on June 30, 2023", "June 30, 2023", "2023-06-30", False),
    # months before any end of hers: still in office then
    ("Prime Minister Dara Voss resigned on January 5, 2023", "January 5, 2023", "2023-01-05", True),
    # a removal is not announced ahead: May 20 is weeks before the June 30 end
    ("Prime Minister Dara Voss was removed from office on May 20, 2023", "May 20, 2023", "2023-05-20", True),
    # the office named decides: she left the acting presidency on May 4
    ("Dara Voss stepped down as acting president on May 4, 2023", "May 4, 2023", "2023-05-04", False),
    ("Dara Voss stepped down as acting president on June 30, 2023", "June 30, 2023", "2023-06-30", True),
])
def test_end_claim_tolerates_an_announced_resignation_but_not_a_late_removal(cabinet_kb, quote, when, value,
                                                                            clash):
    records = [doc("v", "2024-02-01"),
               *_removal("v", quote, when, value, source=("Dara Voss", "Freedonia"), target=())]
    conflicts = find_conflicts(records, kb=cabinet_kb)
    assert bool(conflicts) is clash, conflicts
    if clash:
        assert conflicts[0]["type"] == "knowledge"


def test_resignation_typed_as_a_step_back_is_checked_too(cabinet_kb):
    # extractors often read "resigned" as a RETREAT; the claim is the same
    records = [doc("v", "2024-02-01"),
               *_removal("v", "Dara Voss resigned as prime minister on January 5, 2022", "January 5, 2022",
                         "2022-01-05", source=("Dara Voss",), target=(), type_="RETREAT")]
    assert [c["type"] for c in find_conflicts(records, kb=cabinet_kb)] == ["knowledge"]
    # but a step back that is no end of an office is not a claim about one
    troops = [doc("v", "2024-02-01"),
              *_removal("v", "Dara Voss ordered the removal of troops on January 5, 2022", "January 5, 2022",
                        "2022-01-05", source=("Dara Voss",), target=(), type_="RETREAT")]
    assert find_conflicts(troops, kb=cabinet_kb) == []


def test_end_claim_not_asserted_is_not_checked(cabinet_kb):
    records = [doc("a", "2024-01-15"),
               *_removal("a", "Rho could be removed from office on March 10, 2022", "March 10, 2022", "2022-03-10",
                         modality="speculative")]
    assert find_conflicts(records, kb=cabinet_kb) == []


@pytest.mark.parametrize("value, clash", [
    ("2024-06-01", True),    # before the KB's last date: the KB has him in office then
    ("2026-02-01", False),   # after the KB's last date: an open tenure may have ended since
])
def test_end_of_an_open_tenure_is_judged_only_up_to_the_kbs_horizon(cabinet_kb, value, clash):
    year = value[:4]
    when = {"06": "June 1", "02": "February 1"}[value[5:7]] + f", {year}"
    records = [doc("b", "2026-03-01"),
               *_removal("b", f"President Tomas Brel resigned on {when}", when, value,
                         source=("Tomas Brel", "Freedonia"), target=())]
    conflicts = find_conflicts(records, kb=cabinet_kb)
    assert bool(conflicts) is clash
    if clash:
        assert "since 2023-05-04" in conflicts[0]["reason"]


def test_end_claim_before_any_known_tenure_is_left_to_the_text(cabinet_kb):
    # the KB may not know an earlier post of hers: no KB verdict, and the text says nothing against it
    records = [doc("o", "2024-06-01"),
               *_removal("o", "Ines Ortu resigned on March 3, 2019", "March 3, 2019", "2019-03-03",
                         source=("Ines Ortu", "Freedonia"), target=())]
    assert find_conflicts(records, kb=cabinet_kb) == []
    # between her two posts, an end far from the first one's is a conflict with it
    gap = [doc("o", "2024-06-01"),
           *_removal("o", "Finance Minister Ines Ortu resigned on March 3, 2023", "March 3, 2023", "2023-03-03",
                     source=("Ines Ortu", "Freedonia"), target=())]
    conflicts = find_conflicts(gap, kb=cabinet_kb)
    assert [c["type"] for c in conflicts] == ["knowledge"]
    assert "ended on 2022-08-01" in conflicts[0]["reason"]


def test_a_quote_telling_one_start_and_another_end_is_not_checked(cabinet_kb):
    # "Brel took office on May 4 after Rho was removed": the date is Brel's start, not Rho's end, but
    # nothing in the records says which phrase it belongs to, so neither claim is checked
    quote = "Tomas Brel took office on May 4, 2023, after Rho was removed from office"
    assert transition_kind_for(event_mention(event("q", "TRANSITION", quote), None), ["Tomas Brel", "Brel"]) == "start"
    assert transition_kind_for(event_mention(event("q", "TRANSITION", quote), None), ["Rho Min-ha", "Rho"]) == "end"
    records = [doc("m", "2024-01-01"),
               *dated_event("m", "TRANSITION", quote, "May 4, 2023", "2023-05-04",
                            source=("Tomas Brel", "Freedonia"), target=RHO)]
    assert find_conflicts(records, kb=cabinet_kb) == []
    # the same end told on its own, on the same day, is checked, and wrong
    alone = [doc("m", "2024-01-01"),
             *_removal("m", "Rho was removed from office on May 4, 2023", "May 4, 2023", "2023-05-04")]
    assert [c["type"] for c in find_conflicts(alone, kb=cabinet_kb)] == ["knowledge"]


@pytest.mark.parametrize("quote, kind", [
    ("removing Kim from office", "end"),
    ("the court removed President Kim from office", "end"),
    ("was impeached and removed", "end"),
    ("stepped down as prime minister", "end"),
    ("her term ended in March", "end"),
    ("the assembly impeached him", None),
    ("was sworn in the following day", "start"),
])
def test_end_phrases_are_read_as_ends(quote, kind):
    assert transition_kind(event_mention(event("q", "TRANSITION", quote), None)) == kind


# ---------------------------------------------------------------- the text's own chronology

def _no_kb_text(claim_quote: str, claim_when: str, claim_value: str, *others, published="2025-06-01"):
    return [doc("t", published), entity("t", "Bo Lind", "PERSON"), entity("t", "Kai Sund", "PERSON"),
            entity("t", "Sylvania", "GPE"),
            *dated_event("t", "TRANSITION", claim_quote, claim_when, claim_value, source=("Sylvania",),
                         target=("Bo Lind",)),
            *others]


def test_end_claim_against_the_person_still_acting_in_office_later_in_the_same_text():
    records = _no_kb_text("President Bo Lind was removed from office on March 3, 2023", "March 3, 2023",
                          "2023-03-03",
                          event("t", "SANCTION", "President Bo Lind imposed export curbs on Oct. 2, 2023",
                                date="2023-10-02", source=("Bo Lind",), target=("Sylvania",)),
                          event("t", "TRANSITION", "Lawmakers impeached Bo Lind on December 9, 2023",
                                date="2023-12-09", source=("Sylvania",), target=("Bo Lind",)))
    conflicts = find_conflicts(records)
    assert [c["type"] for c in conflicts] == ["chronology"]
    quotes = [i["quote"] for i in conflicts[0]["items"]]
    assert quotes[0].startswith("President Bo Lind was removed")
    assert "Lawmakers impeached Bo Lind on December 9, 2023" in quotes
    assert "still in office" in conflicts[0]["reason"]


@pytest.mark.parametrize("act", [
    # within weeks of the end: the last days of a handover
    event("t", "SANCTION", "President Bo Lind imposed export curbs on April 20, 2023", date="2023-04-20",
          source=("Bo Lind",), target=("Sylvania",)),
    # a former president meets people; that is no act in office
    event("t", "CONSULT", "Former President Bo Lind met envoys in October 2023", date="2023-10",
          source=("Bo Lind",), target=("Sylvania",)),
    # reported as not happening
    event("t", "SANCTION", "President Bo Lind did not impose curbs in October 2023", date="2023-10",
          source=("Bo Lind",), target=("Sylvania",), modality="negated"),
    # before the end: in office, as he should be
    event("t", "SANCTION", "President Bo Lind imposed export curbs on Oct. 2, 2022", date="2022-10-02",
          source=("Bo Lind",), target=("Sylvania",)),
    # no title: without the KB, an act alone does not show which office he held
    event("t", "SANCTION", "Lind imposed export curbs on Oct. 2, 2023", date="2023-10-02",
          source=("Bo Lind",), target=("Sylvania",)),
])
def test_end_claim_is_not_contradicted_by_acts_that_prove_nothing(act):
    records = _no_kb_text("President Bo Lind was removed from office on March 3, 2023", "March 3, 2023",
                          "2023-03-03", act)
    assert find_conflicts(records) == []


def test_later_return_to_office_explains_later_acts():
    records = _no_kb_text("President Bo Lind was removed from office on March 3, 2023", "March 3, 2023",
                          "2023-03-03",
                          *dated_event("t", "TRANSITION", "Bo Lind was sworn in again on July 1, 2023",
                                       "July 1, 2023", "2023-07-01", source=("Bo Lind", "Sylvania"), target=()),
                          event("t", "SANCTION", "President Bo Lind imposed export curbs on Oct. 2, 2023",
                                date="2023-10-02", source=("Bo Lind",), target=("Sylvania",)))
    assert find_conflicts(records) == []


def test_end_claim_against_a_successor_sworn_in_before_it():
    own_start = dated_event("t", "TRANSITION", "Bo Lind was sworn in as president on May 10, 2020",
                            "May 10, 2020", "2020-05-10", source=("Bo Lind", "Sylvania"), target=())
    successor = dated_event("t", "TRANSITION", "Kai Sund was sworn in as president on June 4, 2022",
                            "June 4, 2022", "2022-06-04", source=("Kai Sund", "Sylvania"), target=())
    records = _no_kb_text("Bo Lind was removed from office on March 3, 2023", "March 3, 2023", "2023-03-03",
                          *own_start, *successor)
    conflicts = find_conflicts(records)
    assert [c["type"] for c in conflicts] == ["chronology"]
    assert "Kai Sund was sworn in as president on June 4, 2022" in [i["quote"] for i in conflicts[0]["items"]]
    assert "successor" in conflicts[0]["reason"]
    # a predecessor (sworn in before his own start) is no successor
    predecessor = dated_event("t", "TRANSITION", "Kai Sund was sworn in as president on June 4, 2015",
                              "June 4, 2015", "2015-06-04", source=("Kai Sund", "Sylvania"), target=())
    assert find_conflicts(_no_kb_text("Bo Lind was removed from office on March 3, 2023", "March 3, 2023",
                                      "2023-03-03", *own_start, *predecessor)) == []
    # an acting president standing in is no successor
    acting = dated_event("t", "TRANSITION", "Kai Sund became acting president on June 4, 2022", "June 4, 2022",
                         "2022-06-04", source=("Kai Sund", "Sylvania"), target=())
    assert find_conflicts(_no_kb_text("Bo Lind was removed from office on March 3, 2023", "March 3, 2023",
                                      "2023-03-03", *own_start, *acting)) == []


def test_successor_known_from_the_kb(cabinet_kb):
    # the text names no office for Brel, but the KB has him begin the presidency that day
    records = [doc("s", "2024-01-01"),
               *_removal("s", "President Rho Min-ha was removed from office on March 10, 2024", "March 10, 2024",
                         "2024-03-10"),
               *dated_event("s", "TRANSITION", "Tomas Brel took office on May 4, 2023", "May 4, 2023",
                            "2023-05-04", source=("Tomas Brel", "Freedonia"), target=())]
    conflicts = find_conflicts(records, kb=cabinet_kb)
    assert [c["type"] for c in conflicts] == ["knowledge"]
    quotes = [i["quote"] for i in conflicts[0]["items"]]
    assert "Tomas Brel took office on May 4, 2023" in quotes
    assert "ended on 2023-03-10" in conflicts[0]["reason"]


# ---------------------------------------------------------------- two sources, one end

def _end_report(doc_id: str, quote: str, value: str, person=("Bo Lind",)):
    return event(doc_id, "TRANSITION", quote, date=value, source=("Sylvania",), target=person)


@pytest.mark.parametrize("first, second, clash", [
    (("Bo Lind was removed from office on March 3, 2023", "2023-03-03"),
     ("the court removed Bo Lind from office on March 20, 2023", "2023-03-20"), True),
    (("Bo Lind was removed from office on March 3, 2023", "2023-03-03"),
     ("Bo Lind was ousted on March 4, 2023", "2023-03-04"), False),          # a day apart: time zones
    # a resignation announced on March 3, effective April 28: one end, told at two moments
    (("Bo Lind resigned on March 3, 2023", "2023-03-03"),
     ("Bo Lind left office on April 28, 2023", "2023-04-28"), False),
    # two offices named differently: two ends
    (("Bo Lind resigned as prime minister on March 3, 2023", "2023-03-03"),
     ("Bo Lind stepped down as party leader on September 9, 2023", "2023-09-09"), False),
])
def test_two_sources_dating_one_end(first, second, clash):
    records = [doc("a"), doc("b"), _end_report("a", *first), _end_report("b", *second)]
    conflicts = find_conflicts(records)
    assert bool(conflicts) is clash, conflicts
    if clash:
        assert conflicts[0]["type"] == "date"
        assert "leaving office" in conflicts[0]["reason"]


def test_two_sources_with_two_ends_the_kb_records_do_not_clash(cabinet_kb):
    # she left the acting presidency on May 4 and the premiership on June 30: both ends are real
    voss = ("Dara Voss",)
    records = [doc("a"), doc("b"),
               _end_report("a", "Dara Voss was removed on May 4, 2023", "2023-05-04", voss),
               _end_report("b", "Dara Voss was removed on June 30, 2023", "2023-06-30", voss)]
    assert find_conflicts(records, kb=cabinet_kb) == []
    assert find_conflicts(records) != []   # without the KB nothing shows they are two ends


# ---------------------------------------------------------------- whose date, whose end

def test_date_of_another_phrase_in_the_statement_is_not_the_ends(cabinet_kb):
    # the extractor dated the statement by its last date, the trial's; the end's own date is "in March"
    quote = "Rho, ousted in March 2023, went on trial on October 2, 2023"
    start = 1000
    record = {**event("r", "TRANSITION", quote, date="2023-10-02", source=(), target=RHO), "start": start,
              "end": start + len(quote)}
    records = [doc("r", "2024-01-01"), record,
               timex("r", "March 2023", "2023-03", start + quote.index("March 2023")),
               timex("r", "October 2, 2023", "2023-10-02", start + quote.index("October 2, 2023"))]
    assert find_conflicts(records, kb=cabinet_kb) == []
    # the same statement dated by the end's own expression, a year off, is checked
    wrong = quote.replace("March 2023", "March 2022")
    record = {**record, "quote": wrong, "date": "2022-03", "end": start + len(wrong)}
    records = [doc("r", "2024-01-01"), record,
               timex("r", "March 2022", "2022-03", start + wrong.index("March 2022")),
               timex("r", "October 2, 2023", "2023-10-02", start + wrong.index("October 2, 2023"))]
    assert [c["type"] for c in find_conflicts(records, kb=cabinet_kb)] == ["knowledge"]


def test_the_end_is_of_the_person_named_nearest_it(cabinet_kb):
    # two people in one statement: the ouster is Rho's, not Voss's
    quote = "Dara Voss looked on as Rho was ousted on March 10, 2022"
    records = [doc("n", "2024-01-01"),
               *_removal("n", quote, "March 10, 2022", "2022-03-10", source=("Dara Voss",), target=RHO)]
    conflicts = find_conflicts(records, kb=cabinet_kb)
    assert [c["about"] for c in conflicts] == ["end of Rho Min-ha's term as president of Freedonia"]
    # unnamed, the one acted on is the one ousted
    acted_on = [doc("n", "2024-01-01"),
                *_removal("n", "he was ousted on March 10, 2022", "March 10, 2022", "2022-03-10",
                          source=("Dara Voss",), target=RHO)]
    assert [c["about"] for c in find_conflicts(acted_on, kb=cabinet_kb)] == [
        "end of Rho Min-ha's term as president of Freedonia"]
    # with several people on the same side and none of them named, nobody's end is checked
    vague = [doc("n", "2024-01-01"),
             *_removal("n", "they were ousted on March 10, 2022", "March 10, 2022", "2022-03-10",
                       source=("Freedonia",), target=("Dara Voss", "Rho Min-ha"))]
    assert find_conflicts(vague, kb=cabinet_kb) == []
    # another person's title in the statement leaves Rho's office unknown: no KB verdict (cautious)
    titled = [doc("n", "2024-01-01"),
              *_removal("n", "Dara Voss, then prime minister, looked on as Rho was ousted on March 10, 2022",
                        "March 10, 2022", "2022-03-10", source=("Dara Voss",), target=RHO)]
    assert find_conflicts(titled, kb=cabinet_kb) == []


def test_an_end_and_an_election_in_one_statement_need_the_timexes_to_tell_them_apart(cabinet_kb):
    quote = "Rho was ousted and Brel was elected on May 4, 2023"
    # without timex records, the date may be the election's: not checked
    records = [doc("e", "2024-01-01"),
               event("e", "TRANSITION", quote, date="2023-05-04", source=("Tomas Brel",), target=RHO)]
    assert find_conflicts(records, kb=cabinet_kb) == []


@pytest.mark.parametrize("quote", [
    "Prime Minister Dara Voss refused to resign on January 5, 2023",
    "Protesters called on Prime Minister Dara Voss to step down on January 5, 2023",
    "Prime Minister Dara Voss offered to resign on January 5, 2023",
    "Prime Minister Dara Voss said on January 5, 2023 that she would not step down",
])
def test_an_end_that_did_not_happen_is_no_claim_of_one(cabinet_kb, quote):
    # extractors do not always mark these as negated or demanded; the words before the end say so
    records = [doc("v", "2024-02-01"),
               *_removal("v", quote, "January 5, 2023", "2023-01-05", source=("Dara Voss", "Freedonia"), target=())]
    assert find_conflicts(records, kb=cabinet_kb) == []
    done = quote.replace("refused to resign", "resigned").replace("called on Prime", "saw Prime").replace(
        " to step down on", " step down on").replace("offered to resign", "resigned")
    if done != quote:
        records = [doc("v", "2024-02-01"),
                   *_removal("v", done, "January 5, 2023", "2023-01-05", source=("Dara Voss", "Freedonia"),
                             target=())]
        assert [c["type"] for c in find_conflicts(records, kb=cabinet_kb)] == ["knowledge"]


def test_two_sources_one_telling_an_end_that_did_not_happen_do_not_clash():
    records = [doc("a"), doc("b"),
               _end_report("a", "Bo Lind refused to resign on March 3, 2023", "2023-03-03"),
               _end_report("b", "Bo Lind resigned on September 20, 2023", "2023-09-20")]
    assert find_conflicts(records) == []
    told = [doc("a"), doc("b"),
            _end_report("a", "Bo Lind was ousted on March 3, 2023", "2023-03-03"),
            _end_report("b", "Bo Lind was ousted on September 20, 2023", "2023-09-20")]
    assert [c["type"] for c in find_conflicts(told)] == ["date"]


def test_an_election_date_in_a_statement_that_also_mentions_a_removal_is_not_the_removals(cabinet_kb):
    quote = "Brel won the election on May 4, 2023, weeks after Rho's removal"
    start = 2000
    record = {**event("w", "TRANSITION", quote, date="2023-05-04", source=("Tomas Brel",), target=RHO),
              "start": start, "end": start + len(quote)}
    records = [doc("w", "2024-01-01"), record, timex("w", "May 4, 2023", "2023-05-04", start + quote.index("May 4"))]
    assert find_conflicts(records, kb=cabinet_kb) == []
    # the removal's own date, a year off, is a claim about the removal
    told = "Brel won the election in 2023, after Rho's removal on March 10, 2022"
    record = {**record, "quote": told, "date": "2022-03-10", "end": start + len(told)}
    records = [doc("w", "2024-01-01"), record,
               timex("w", "2023", "2023", start + told.index("2023")),
               timex("w", "March 10, 2022", "2022-03-10", start + told.index("March 10, 2022"))]
    assert [c["type"] for c in find_conflicts(records, kb=cabinet_kb)] == ["knowledge"]


@pytest.mark.parametrize("act, clash", [
    # another person's title is not his
    (event("t", "CONSULT", "President Kai Sund met Bo Lind on Oct. 2, 2023", date="2023-10-02",
           source=("Kai Sund",), target=("Bo Lind",)), False),
    (event("t", "CONSULT", "President Bo Lind met Kai Sund on Oct. 2, 2023", date="2023-10-02",
           source=("Bo Lind",), target=("Kai Sund",)), True),
    # the claim names the office he left; a title of another office proves nothing about it
    (event("t", "SANCTION", "Governor Bo Lind imposed export curbs on Oct. 2, 2023", date="2023-10-02",
           source=("Bo Lind",), target=("Sylvania",)), False),
])
def test_only_an_act_under_his_own_title_of_that_office_proves_him_in_it(act, clash):
    records = _no_kb_text("President Bo Lind was removed from office on March 3, 2023", "March 3, 2023",
                          "2023-03-03", act)
    assert bool(find_conflicts(records)) is clash


def test_an_election_report_that_mentions_a_removal_does_not_date_the_removal():
    records = [doc("a"), doc("b"),
               _end_report("a", "Bo Lind was removed from office on March 3, 2023", "2023-03-03"),
               event("b", "TRANSITION", "Kai Sund won the election on May 9, 2023, two months after Lind's removal",
                     date="2023-05-09", source=("Sylvania",), target=("Kai Sund", "Bo Lind"))]
    assert find_conflicts(records) == []


def test_the_person_removed_is_the_one_acted_on(cabinet_kb):
    # the president who dismissed his premier did not leave office himself
    quote = "President Tomas Brel dismissed Prime Minister Dara Voss on January 5, 2024"
    records = [doc("f", "2024-02-01"),
               *_removal("f", quote, "January 5, 2024", "2024-01-05", source=("Tomas Brel", "Freedonia"),
                         target=("Dara Voss",))]
    conflicts = find_conflicts(records, kb=cabinet_kb)
    # Voss left the premiership on 2023-06-30, months before: her end is misdated; Brel's office is untouched
    assert [c["about"] for c in conflicts] == ["end of Dara Voss's term as prime minister of Freedonia"]


@pytest.mark.parametrize("quote", ["Rho's five-year term ended on March 10, 2022",
                                   "Rho's tenure as president came to an end on March 10, 2022"])
def test_a_term_said_to_end_is_an_end(cabinet_kb, quote):
    records = [doc("a", "2024-01-15"), *_removal("a", quote, "March 10, 2022", "2022-03-10", source=RHO,
                                                 target=("Freedonia",))]
    assert [c["type"] for c in find_conflicts(records, kb=cabinet_kb)] == ["knowledge"]
