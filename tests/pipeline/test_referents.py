"""What the referents component adds to quantities and events, in sentences written for these tests."""
from __future__ import annotations

import pytest

from pactwatch import pipeline
from pactwatch.pipeline import referents
from pactwatch.pipeline.extensions import EVENTS, QUANTITIES

pytestmark = pytest.mark.slow


def _quantity(doc, text):
    return next(s._.quantity for s in doc.spans[QUANTITIES] if text in s.text)


def _event(doc, trigger):
    return next(s._.event for s in doc.spans[EVENTS] if s.text == trigger)


def test_the_noun_counted_and_the_occasion(annotate):
    doc = annotate("Border agents detained 212 farm workers at a packing plant in Ohio on May 2, 2025.", "2025-05-03")
    q = _quantity(doc, "212")
    assert q["counts"] == "worker"
    assert q["occasion"] == "arrest"
    assert q["conditional"] is None


def test_a_counterfactual_and_a_conditional_figure(annotate):
    doc = annotate("Canada would have faced a 35% tariff if it had not signed the accord.", "2025-05-03")
    assert _quantity(doc, "35")["conditional"] == "counterfactual"
    doc = annotate("Mexico will pay a 30% tariff if the talks collapse next month.", "2025-05-03")
    assert _quantity(doc, "30")["conditional"] == "conditional"


def test_who_a_figure_is_reported_from(annotate):
    doc = annotate("Prime Minister Mark Carney said Canada would spend $9 billion on new frigates.", "2025-05-03")
    assert _quantity(doc, "9")["attributed_to"] == "Mark Carney"


def test_an_additional_instalment_and_a_change_size(annotate):
    doc = annotate("Washington imposed an additional 20% duty on Brazilian steel on Monday.", "2025-05-03")
    assert _quantity(doc, "20")["instalment"] == "increment"
    doc = annotate("Ottawa agreed to an 8% increase in its contribution.", "2025-05-03")
    assert _quantity(doc, "8")["change_size"] is True


def test_a_would_under_a_past_report_is_marked(annotate):
    doc = annotate("Last year the allies signed a pact under which Manila would pay $2 billion a year.", "2025-05-03")
    assert _quantity(doc, "2 billion")["reported_future"] is True


def test_the_date_basis_of_an_event(annotate):
    doc = annotate("Japan and Canada signed a fisheries accord on March 3, 2025, in Ottawa.", "2025-03-05")
    e = _event(doc, "signed")
    assert (e["date_form"], e["date_basis"], e["year_stated"]) == ("explicit", "explicit", True)
    doc = annotate("Japan and Canada signed a fisheries accord on Wednesday in Ottawa.", "2025-03-07")
    e = _event(doc, "signed")
    assert (e["date_form"], e["date_basis"], e["year_stated"]) == ("weekday", "relative", False)


def test_what_a_transition_says_happened_to_an_office(annotate):
    doc = annotate("Lee Jae Myung was sworn in as president of South Korea on June 4, 2025.", "2025-06-05")
    events = [s._.event for s in doc.spans[EVENTS]]
    assert "start" in {e["transition"] for e in events}


def test_a_named_things_occasion_dated_to_a_day(annotate):
    doc = annotate("Tokyo and Ottawa released a joint communique on March 3, 2025, after the talks.", "2025-03-05")
    things = [t for s in doc.spans[EVENTS] for t in s._.event.get("dated_things", [])]
    assert {"thing": "joint communique", "verb": "release", "occasion": "announcement", "date": "2025-03-03",
            "form": "explicit"} in things


def test_titles_and_statements_travel_on_a_nearby_fact(annotate):
    doc = annotate("Former President Joe Biden met Canadian officials in Ottawa on May 2, 2025. "
                   "Mexico's economy minister clarified that not all cars would be exempt from the 25% tariff.",
                   "2025-05-03")
    facts = [s._.event for s in doc.spans[EVENTS]] + [s._.quantity for s in doc.spans[QUANTITIES]]
    titles = [t for f in facts for t in f.get("titles", [])]
    assert any(t["former"] and t["name"] == "Joe Biden" and "president" in t["roles"] for t in titles)
    said = [t for f in facts for t in f.get("statements", [])]
    assert any(t["rebuttal"] and "car" in t["denied"] for t in said)


def test_a_figure_under_a_modal_of_possibility(annotate):
    doc = annotate("Portugal says it can reach the goal by spending 2.4% of its GDP on defence.", "2025-05-03")
    assert _quantity(doc, "2.4")["modal"] == "can"
    doc = annotate("Portugal currently spends 1.6% of its GDP on defence.", "2025-05-03")
    assert _quantity(doc, "1.6")["modal"] is None


def test_a_figure_that_names_no_party_carries_the_parties_of_its_document(annotate):
    doc = annotate("Japan and Canada met again. Japan wants a deal with Canada. A $40 billion fund was discussed.",
                   "2025-05-03")
    q = _quantity(doc, "40")
    assert (q["holder"], q["target"]) == (None, None)
    assert set(q["context_parties"]) == {"Japan", "Canada"}


def test_money_handed_over_and_a_ceiling(annotate):
    doc = annotate("Ottawa gave the fund $3 billion last week, officials said.", "2025-05-03")
    assert _quantity(doc, "3")["payment"] == "paid"
    doc = annotate("Oslo has paid $2 billion to the fund.", "2025-05-03")
    assert _quantity(doc, "2")["payment"] == "paid"
    doc = annotate("Lisbon will provide loans for up to $4 billion.", "2025-05-03")
    assert _quantity(doc, "4")["payment"] == "ceiling"


def test_money_promised_or_not_paid_is_not_paid(annotate):
    doc = annotate("Ottawa will pay $3 billion next year.", "2025-05-03")
    assert _quantity(doc, "3")["payment"] is None
    doc = annotate("Oslo did not pay $2 billion to the fund.", "2025-05-03")
    assert _quantity(doc, "2")["payment"] is None
    doc = annotate("Madrid gave a $5 billion pledge to the alliance.", "2025-05-03")
    assert _quantity(doc, "5")["payment"] is None


def test_an_amount_enough_for_a_goal_and_the_least_a_goal_needs(annotate):
    doc = annotate("Portugal believes it can meet the targets with spending of 1.7% of GDP.", "2025-05-03")
    assert (_quantity(doc, "1.7")["sufficiency"], _quantity(doc, "1.7")["goal"]) == ("enough", "target")
    doc = annotate("Officials said Portugal must spend at least 3% of GDP to meet the targets.", "2025-05-03")
    assert (_quantity(doc, "3")["sufficiency"], _quantity(doc, "3")["goal"]) == ("minimum", "target")


def test_a_plain_minimum_or_a_turned_down_alternative_is_neither(annotate):
    doc = annotate("Portugal spends at least 1.5% of GDP on defence.", "2025-05-03")
    assert _quantity(doc, "1.5")["sufficiency"] is None
    doc = annotate("Portugal can reach the goals by spending 2% of GDP rather than the 4% sought by Washington.",
                   "2025-05-03")
    assert _quantity(doc, "2%")["sufficiency"] == "enough"
    assert _quantity(doc, "4")["sufficiency"] is None


def test_an_alternative_turned_down_and_the_members_a_group_includes(annotate):
    doc = annotate("Lisbon will spend 2% of GDP on defence instead of the 4% sought by the alliance.", "2025-05-03")
    assert _quantity(doc, "4")["turned_down"] is True
    assert _quantity(doc, "4")["turned_down_by"] == "Lisbon"
    assert _quantity(doc, "2%")["turned_down"] is False
    doc = annotate("The 27 members of the bloc, including Portugal and Greece, signed the accord on Friday, "
                   "committing to spend 4% of their output on research by 2030.", "2025-05-03")
    assert set(_quantity(doc, "4")["included"]) == {"Portugal", "Greece"}
    doc = annotate("Portugal pledged 4% of GDP for research.", "2025-05-03")
    assert _quantity(doc, "4")["included"] == []


def test_a_dated_things_name_leaves_out_the_amounts_unit_words(annotate):
    doc = annotate("The original 30 per cent duty on Chilean copper came into effect on March 3, 2025.", "2025-03-05")
    things = _quantity(doc, "30")["dated_things"]
    assert [t["thing"] for t in things] == ["original duty"]
    assert things[0]["occasion"] == "effect" and things[0]["date"] == "2025-03-03"


def _spots(doc):
    return [s for span in doc.spans[EVENTS] for s in (span._.event or {}).get("transition_spots", [])]


@pytest.mark.parametrize("text, kind", [
    ("The cabinet secretary Mara Olin resigned on Friday over the budget row.", "end"),
    ("Judges removed Governor Tal Benn from office on April 2, 2024.", "end"),
    ("Olin Tarr was inaugurated as mayor of Porto Vell on January 9, 2023.", "start"),
    ("Voters elected Ada Rusk as premier on October 5, 2024.", "election"),
    ("His second term as premier began on March 1, 2021.", "start"),
    ("Her tenure as chancellor came to an end on May 30, 2022.", "end"),
])
def test_each_change_of_office_is_read_with_its_kind(annotate, text, kind):
    # read over the whole sentence: some of these have no event trigger of their own ("term began")
    doc = annotate(text, "2025-01-10")
    spots = referents.transition_phrases(doc, doc[:], 0, len(text))
    assert kind in {s["kind"] for s in spots}


@pytest.mark.parametrize("text, done", [
    ("Premier Ada Rusk refused to resign on Monday.", False),
    ("Protesters called for the resignation of Mayor Olin Tarr on Monday.", False),
    ("Governor Tal Benn may be removed from office next month.", False),
    ("Governor Tal Benn said on Monday he would step down.", False),
    ("Premier Ada Rusk resigned on Monday.", True),
])
def test_an_end_that_did_not_happen_is_marked(annotate, text, done):
    ends = [s for s in _spots(annotate(text, "2025-01-10")) if s["kind"] == "end"]
    assert ends and all(s["not_done"] is not done for s in ends)


def test_who_an_end_is_about_and_how_it_came(annotate):
    doc = annotate("Judges removed Governor Tal Benn from office on April 2, 2024.", "2025-01-10")
    end = next(s for s in _spots(doc) if s["kind"] == "end")
    assert (end["done_to"], end["announced"], end["bare"]) == (True, False, False)
    assert end["about"] == "Tal Benn"
    doc = annotate("Premier Ada Rusk stepped down on Monday.", "2025-01-10")
    end = next(s for s in _spots(doc) if s["kind"] == "end")
    assert (end["done_to"], end["announced"]) == (False, True)
    assert end["about"] == "Ada Rusk"


def test_a_bare_removal_is_marked_as_needing_a_change_of_leadership(annotate):
    doc = annotate("The board removed the old pipes from the plant on May 2, 2024.", "2025-01-10")
    assert all(s["bare"] for s in _spots(doc) if s["kind"] == "end")


def test_office_titles_the_person_they_stand_before_and_former(annotate):
    doc = annotate("Former Prime Minister Ada Rusk met Finance Minister Tal Benn in Porto Vell on May 2, 2024.",
                   "2025-01-10")
    e = next(s._.event for s in doc.spans[EVENTS] if s._.event.get("offices"))
    offices = {o[0]: o for o in e["offices"]}
    assert offices["prime minister"][2] is True
    assert "finance minister" in offices["minister"][3]
    assert "president" not in offices            # no title nested in a longer one
    assert ["prime minister", "Ada Rusk", True] in e["titled"]
    assert e["former"] is True
    doc = annotate("Deputy Minister Tal Benn met officials in Porto Vell on May 2, 2024.", "2025-01-10")
    e = next(s._.event for s in doc.spans[EVENTS] if s._.event.get("offices"))
    assert "minister" not in e["offices"][0][3]   # a deputy minister is not the minister


def test_an_impeachment_and_the_quote_words(annotate):
    doc = annotate("Lawmakers impeached Governor Tal Benn on May 2, 2024, over the bribery case.", "2025-01-10")
    e = next(s._.event for s in doc.spans[EVENTS] if s._.event.get("impeachment"))
    assert "bribery" in e["quote_words"] and all(len(w) >= 4 for w in e["quote_words"])
    assert "end" not in {s["kind"] for s in e["transition_spots"]}   # impeached is not yet removed


def test_a_users_kb_referents_word_takes_effect_in_that_pipeline_only(tmp_path, nlp):
    (tmp_path / "referents.toml").write_text('change_nouns = ["uptick"]\n', encoding="utf-8")
    text = "Washington announced a 5% uptick in its tariff on Korean steel on Monday."
    extended = pipeline.load(kb_dirs=[str(tmp_path)])

    def sizes(model):
        doc = next(pipeline.annotate(model, [(text, "2025-08-21", [])]))
        return [(s._.quantity.get("counts"), s._.quantity.get("change_size")) for s in doc.spans[QUANTITIES]]

    assert sizes(extended) == [("uptick", True)]
    # the packaged words alone, in a pipeline built beside it: an uptick is not known as a change
    assert sizes(nlp) == [("uptick", False)]
