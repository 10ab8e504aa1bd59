"""pactwatch_events on sentences written for these tests: trigger classes, modality, reported
speech, dates, merging, quotes."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pactwatch import pipeline
from pactwatch.pipeline.extensions import EVENTS

DCT = "2025-08-21"


def events(annotate, text, dct=DCT):
    doc = annotate(text, dct)
    return doc, [s._.event for s in doc.spans[EVENTS]]


def actors(event) -> str:
    return " ".join(event["source"] + event["target"])


def one_of_type(evs, kind):
    found = [e for e in evs if e["type"] == kind]
    assert found, f"no {kind} event in {[(e['type'], e['source'], e['target']) for e in evs]}"
    return found[0]


@pytest.mark.parametrize("text, kind, actor", [
    ("Japan and Canada agreed on Tuesday to expand their fisheries accord.", "AGREE", "Japan"),
    ("The Brazilian president met the German chancellor in Berlin on Monday.", "CONSULT", "Brazil"),
    ("France praised Canada for its handling of the refugee crisis.", "SUPPORT", "France"),
    ("Brazil apologized to Argentina for the border incident.", "CONCEDE", "Brazil"),
    ("Germany and France cooperated closely on the satellite program.", "COOPERATE", "Germany"),
    ("Norway donated medical supplies to Kenya after the floods.", "AID", "Norway"),
    ("Russia withdrew its troops from the disputed border region.", "RETREAT", "Russian Federation"),
    ("Canada urged Japan to reopen its markets to beef.", "REQUEST", "Canada"),
    ("India accused Pakistan of sheltering militants.", "ACCUSE", "India"),
    ("Egypt rejected the Ethiopian proposal on the dam.", "REJECT", "Egypt"),
    ("China threatened to halt exports of rare earths to Japan.", "THREATEN", "China"),
    ("Thousands of Kenyan teachers demonstrated outside parliament.", "PROTEST", "Kenya"),
    ("Australia expelled two Chinese diplomats last week.", "SANCTION", "Australia"),
    ("Greece deployed additional warships near the Libyan coast.", "MOBILIZE", "Greece"),
    ("Iranian police arrested three British journalists in Tehran.", "COERCE", "Iran"),
    ("Rebel fighters attacked a Nigerian army base near the border.", "ASSAULT", "Niger"),
    ("Chile elected Gabriel Boric as president on Sunday.", "TRANSITION", "Chile"),
])
def test_events_verb_trigger_gives_its_type(annotate, text, kind, actor):
    _, evs = events(annotate, text)
    assert actor in actors(one_of_type(evs, kind))


@pytest.mark.parametrize("text, kind", [
    ("Canada imposed new sanctions on Russia.", "SANCTION"),
    ("Japan held talks with India in Tokyo.", "CONSULT"),
    ("The Mexican president's inauguration took place in the capital.", "TRANSITION"),
    ("Police carried out a raid on a Bolivian opposition office.", "COERCE"),
    ("South Africa staged a military drill near the Namibian border.", "MOBILIZE"),
])
def test_events_noun_trigger_gives_its_type(annotate, text, kind):
    _, evs = events(annotate, text)
    assert one_of_type(evs, kind)


@pytest.mark.parametrize("text, kind", [
    ("Canada lifted its sanctions on Cuba.", "CONCEDE"),          # undoing a sanction concedes
    ("Sweden suspended its aid to Zambia.", "SANCTION"),          # cutting aid punishes
    ("Peru accepted the demands of Bolivia.", "CONCEDE"),         # granting a request
])
def test_events_verb_acting_on_an_event_changes_its_type(annotate, text, kind):
    _, evs = events(annotate, text)
    assert one_of_type(evs, kind)


@pytest.mark.parametrize("text, kind, modality", [
    ("France signed a trade agreement with Chile on Monday.", "AGREE", "asserted"),
    ("The Canadian prime minister will visit India next month.", "CONSULT", "planned"),
    ("Spain is set to host talks with Morocco in Madrid.", "CONSULT", "planned"),
    ("Germany could impose tariffs on Chinese steel.", "SANCTION", "speculative"),
    ("Mexico is expected to meet with Guatemala on migration.", "CONSULT", "speculative"),
    ("Italy may expel the Libyan ambassador.", "SANCTION", "speculative"),
    ("Brazil did not attend the conference with Argentina.", "CONSULT", "negated"),
    ("Egypt postponed its visit to Sudan.", "CONSULT", "negated"),
    ("Japan cancelled its security talks with Australia.", "CONSULT", "negated"),
    ("Sweden opted out of the summit with Finland.", "CONSULT", "negated"),
])
def test_events_modality(annotate, text, kind, modality):
    _, evs = events(annotate, text)
    assert one_of_type(evs, kind)["modality"] == modality


def test_events_reported_speech_is_the_reported_actors_event(annotate):
    _, evs = events(annotate, "The Canadian foreign minister said that Japan will send aid to Haiti.")
    e = one_of_type(evs, "AGREE")          # a stated future aid is a promise
    assert "Japan" in " ".join(e["source"])
    assert e["modality"] == "planned"
    assert e["attributed_to"] and "Japan" not in e["attributed_to"]


def test_events_historical_reference_keeps_its_own_date(annotate):
    _, evs = events(annotate, "The 2019 summit between Japan and Korea in Seoul ended without a deal.")
    e = one_of_type(evs, "CONSULT")
    assert e["date"] == "2019"
    assert e["modality"] == "asserted"


def test_events_repeated_mentions_of_one_summit_merge(annotate):
    text = ("Japan held a summit with India in Tokyo on May 2. "
            "The summit with India produced a joint statement on shipping.")
    _, evs = events(annotate, text)
    assert len([e for e in evs if e["type"] == "CONSULT"]) == 1


def test_events_two_reported_actions_stay_apart(annotate):
    text = "Japan imposed sanctions on Russia in March. Canada imposed sanctions on Iran in June."
    _, evs = events(annotate, text)
    assert len([e for e in evs if e["type"] == "SANCTION"]) == 2


@pytest.mark.parametrize("text", [
    "The talks were productive.",                      # no actor: nothing to record
    "Analysts say tariffs rarely work.",
])
def test_events_need_an_actor(annotate, text):
    _, evs = events(annotate, text)
    assert evs == []


def test_events_condition_is_not_an_event(annotate):
    _, evs = events(annotate, "China will retaliate if Japan imposes tariffs on Chinese cars.")
    assert not [e for e in evs if e["type"] == "SANCTION"]


def test_events_content_of_a_threat_is_not_a_second_event(annotate):
    _, evs = events(annotate, "Russia threatened to invade Georgia.")
    assert [e["type"] for e in evs] == ["THREATEN"]
    assert "Georgia" in actors(evs[0])


def test_events_quote_is_the_clause_in_the_text(annotate):
    text = "In June, Portugal cancelled its talks with Angola after a dispute over oil revenues."
    doc, evs = events(annotate, text)
    e = one_of_type(evs, "CONSULT")
    quote = doc.text[e["quote_start"]:e["quote_end"]]
    assert "cancelled its talks with Angola" in quote
    assert "dispute" not in quote


def test_events_component_declares_what_it_writes(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert analysis["problems"].get("pactwatch_events", []) == []


@pytest.mark.parametrize("text, kind, modality", [
    ("Sweden said it will send food aid to Yemen.", "AGREE", "planned"),          # a promise
    ("Farmers in Chile said they would blockade the port of Valparaiso.", "THREATEN", "planned"),
    ("Kenya will pull out its troops from Somalia unless the talks resume.", "THREATEN", "planned"),
    ("The Vietnamese commander vowed to attack the rebels in Laos.", "THREATEN", "asserted"),  # the vow was made
])
def test_events_stated_intent_is_a_promise_or_a_threat(annotate, text, kind, modality):
    _, evs = events(annotate, text)
    assert one_of_type(evs, kind)["modality"] == modality


def test_events_reported_obligation_is_a_request(annotate):
    _, evs = events(annotate, "Canada said that Peru must release the detained fishermen.")
    e = one_of_type(evs, "REQUEST")
    assert "Canada" in " ".join(e["source"]) and "Peru" in " ".join(e["target"])


@pytest.mark.parametrize("text, kind", [
    ("Denmark suspended part of its aid program for Mali.", "SANCTION"),          # partitive, compound
    ("Tunisian students began a hunger strike to demand reforms.", "PROTEST"),    # purpose is the strike's
])
def test_events_trigger_inside_a_larger_noun_phrase(annotate, text, kind):
    _, evs = events(annotate, text)
    assert [e["type"] for e in evs] == [kind]


def test_events_participle_describing_a_thing_is_no_event(annotate):
    _, evs = events(annotate, "Uruguay criticized a law signed by the Argentine president in May.")
    assert [e["type"] for e in evs] == ["ACCUSE"]


ACTOR_WORDS = ["Japan", "Canada", "The Brazilian president", "Egyptian officials", "Germany"]
VERB_PHRASES = ["met", "will visit", "could sanction", "did not attack", "agreed to help",
                "postponed talks with", "said it would support"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(ACTOR_WORDS), st.sampled_from(VERB_PHRASES), st.sampled_from(ACTOR_WORDS),
       st.sampled_from(["", " on Monday", " in 2021", " in Lima"]))
def test_events_quote_holds_the_trigger_for_any_sentence(annotate, subject, verb, obj, tail):
    text = f"Officials met early. {subject} {verb} {obj}{tail}. The meeting ended."
    doc = annotate(text)
    for span in doc.spans[EVENTS]:
        e = span._.event
        assert 0 <= e["quote_start"] <= span.start_char < span.end_char <= e["quote_end"] <= len(text)
        assert e["modality"] in ("asserted", "planned", "speculative", "negated")
        assert e["source"] or e["target"]


@pytest.mark.parametrize("text, threats", [
    ("Russia warned Finland of consequences.", 1),
    ("Russian officials warned that grain prices may rise.", 0),     # a report, not a threat
])
def test_events_warn_threatens_only_without_a_clause(annotate, text, threats):
    _, evs = events(annotate, text)
    assert len([e for e in evs if e["type"] == "THREATEN"]) == threats


def test_events_date_carried_from_earlier_sentence_does_not_merge(annotate):
    text = ("India summoned the Nepalese ambassador in May. "
            "Indian newspapers accused Nepal of stoking tensions.")
    _, evs = events(annotate, text)
    accusations = [e for e in evs if e["type"] == "ACCUSE"]
    assert len(accusations) == 2
    assert all(e["date"] == "2025-05" for e in accusations)   # the second reads in May's time


def test_events_present_tense_does_not_take_an_earlier_date(annotate):
    text = "In 2016, Chile and Peru met in Lima. Bolivia has backed the plan."
    _, evs = events(annotate, text)
    assert one_of_type(evs, "SUPPORT")["date"] is None


def test_events_any_marks_a_hypothetical_event(annotate):
    _, evs = events(annotate, "Any attack on Estonia would be answered, Latvian officials said.")
    attacks = [e for e in evs if e["type"] in ("ASSAULT", "THREATEN")]
    assert attacks and all(e["modality"] == "speculative" for e in attacks)


def test_events_according_to_names_the_source_of_the_report(annotate):
    doc, evs = events(annotate, "Vietnam arrested two Chinese fishermen near the Paracel Islands, according to Reuters.")
    e = one_of_type(evs, "COERCE")
    assert e["attributed_to"] == "Reuters"
    assert doc.text[e["quote_start"]:e["quote_end"]] == "Vietnam arrested two Chinese fishermen near the Paracel Islands"


def test_events_historical_aside_does_not_set_the_story_time(annotate):
    text = ("In 2024, Peru and Chile met in Lima. The border was first drawn in 1929. "
            "Chile accused Peru of spying.")
    _, evs = events(annotate, text)
    assert one_of_type(evs, "ACCUSE")["date"] is None


@pytest.mark.parametrize("text, person, date", [
    ("Kenya's President William Ruto's second term began on September 13, 2022.", "William Ruto", "2022-09-13"),
    ("Angela Merkel's tenure as chancellor ended in December 2021.", "Angela Merkel", "2021-12"),
    ("Lula's presidency, which started in January 2023, has been turbulent.", "Lula", "2023-01"),
    ("Mexican President Claudia Sheinbaum began her six-year term on October 1, 2024.", "Claudia Sheinbaum", "2024-10-01"),
    ("The new administration of Javier Milei took over in Argentina on December 10, 2023.", "Javier Milei", "2023-12-10"),
])
def test_events_term_of_office_beginning_or_ending_is_a_transition(annotate, text, person, date):
    doc, evs = events(annotate, text)
    e = one_of_type(evs, "TRANSITION")
    assert person in e["source"] and e["date"] == date and e["modality"] == "asserted"
    quote = doc.text[e["quote_start"]:e["quote_end"]]
    assert any(w in quote for w in ("term", "tenure", "presidency", "administration"))


def test_events_term_of_office_takes_its_holder_from_a_pronoun(annotate):
    _, evs = events(annotate, "Jacinda Ardern won a landslide in 2020. Her premiership ended in January 2023.")
    e = [e for e in evs if e["type"] == "TRANSITION" and e["date"] == "2023-01"]
    assert e and "Jacinda Ardern" in e[0]["source"]


def test_events_term_ending_after_publication_is_planned(annotate):
    _, evs = events(annotate, "Emmanuel Macron's mandate expires in May 2027.")
    assert one_of_type(evs, "TRANSITION")["modality"] == "planned"


@pytest.mark.parametrize("text", [
    "The Macron administration began talks with Algeria on visas.",      # it acts: an object
    "The terms of the Canadian fisheries accord expire in 2031.",        # conditions, not office
    "Norway's term on the committee was discussed at length.",          # no start or end
])
def test_events_term_of_office_needs_a_start_or_end_of_its_own(annotate, text):
    _, evs = events(annotate, text)
    assert not [e for e in evs if e["type"] == "TRANSITION"]


@pytest.mark.parametrize("text, kind, person", [
    ("Donald Tusk returned to power in December 2023.", "TRANSITION", "Donald Tusk"),
    ("Sebastian Kurz became Austria's youngest chancellor in December 2017.", "TRANSITION", "Sebastian Kurz"),
    ("Javier Milei won the election in November 2023.", "TRANSITION", "Javier Milei"),
    ("Jacinda Ardern welcomed Emmanuel Macron to Wellington on Monday.", "CONSULT", "Jacinda Ardern"),
    ("Emmanuel Macron spoke with Joe Biden by phone on Friday.", "CONSULT", "Joe Biden"),
    ("Emmanuel Macron arrived in Kenya on Monday for a three-day visit.", "CONSULT", "Emmanuel Macron"),
])
def test_events_phrases_of_office_and_of_meeting(annotate, text, kind, person):
    _, evs = events(annotate, text)
    assert person in actors(one_of_type(evs, kind))


def test_events_becoming_a_described_first_is_no_transition(annotate):
    _, evs = events(annotate, "Mario Draghi became the first Italian premier to address the Irish parliament.")
    assert not [e for e in evs if e["type"] == "TRANSITION"]


@pytest.mark.parametrize("text, source", [
    ("The Kenyan president is set to visit Uganda next week.", "Kenya"),
    ("Peru is expected to ask Chile to reopen the border crossing.", "Peru"),
])
def test_events_subject_of_a_passive_raising_verb_acts(annotate, text, source):
    _, evs = events(annotate, text)
    assert any(source in e["source"] for e in evs)


def test_events_participle_dates_the_event_noun_it_describes(annotate):
    _, evs = events(annotate, "Under the trade agreement reached on March 3, Canada cut duties on Mexican steel.")
    assert one_of_type(evs, "AGREE")["date"] == "2025-03-03"


@pytest.mark.parametrize("text, kind", [
    ("Canadian generals have warned against a rapid withdrawal from Latvia.", "REJECT"),   # opposes it
    ("Russia warned Finland against joining NATO.", "THREATEN"),                         # addressed
])
def test_events_warning_against(annotate, text, kind):
    _, evs = events(annotate, text)
    assert one_of_type(evs, kind)


def test_events_sending_troops_mobilizes_and_the_purpose_is_its_content(annotate):
    _, evs = events(annotate, "Chad sent thousands of troops to fight for Sudan in 2023.")
    assert [e["type"] for e in evs] == ["MOBILIZE"]
    assert evs[0]["date"] == "2023" and "Chad" in evs[0]["source"]


def test_events_coordinated_passive_takes_no_source_from_the_reporter(annotate):
    _, evs = events(annotate, "Kenyan officials estimated that 400 had been killed or wounded in the Tigray region.")
    assert not [e for e in evs if "Kenya" in e["source"] and e["type"] == "ASSAULT"]


def test_events_date_the_event_is_for_is_not_its_date(annotate):
    _, evs = events(annotate, "The Canadian Defense Ministry has requested 9 billion dollars for fiscal 2027.")
    e = one_of_type(evs, "REQUEST")
    assert e["date"] is None and e["modality"] == "asserted"


def test_events_definite_noun_takes_the_date_of_the_event_it_refers_back_to(annotate):
    story = "Chile met Peru in Lima on May 2. Their border dispute dates back to 1883. "
    _, evs = events(annotate, story + "Argentina later joined the meeting.")
    assert [e["date"] for e in evs if "Argentina" in e["source"]] == ["2025-05-02"]
    _, evs = events(annotate, story + "Argentina later held a meeting with Uruguay.")
    assert [e["date"] for e in evs if "Argentina" in e["source"]] == [None]   # no link: no date


@pytest.mark.parametrize("text, kind, person", [
    ("The supreme court upheld the verdict on May 2, removing Imran Khan from office.", "TRANSITION", "Imran Khan"),
    ("Javier Milei won the runoff in November 2023 and was sworn in the following month.", "TRANSITION", "Javier Milei"),
    ("Evo Morales became the first Bolivian president to be arrested, on fraud charges.", "COERCE", "Evo Morales"),
    ("Kamala Harris then took over.", "TRANSITION", "Kamala Harris"),
])
def test_events_the_one_something_was_done_to(annotate, text, kind, person):
    _, evs = events(annotate, text)
    assert person in actors(one_of_type(evs, kind))


def test_events_taking_over_something_is_no_transition(annotate):
    _, evs = events(annotate, "Kamala Harris took over the ministry.")
    assert not [e for e in evs if e["type"] == "TRANSITION"]


def test_events_start_and_end_of_office_in_one_sentence_stay_apart(annotate):
    _, evs = events(annotate, "Vice President Kamala Harris became acting president, only to be impeached herself later that month.")
    triggers = sorted(e["trigger"] for e in evs if e["type"] == "TRANSITION")
    assert triggers == ["became", "impeached"]


def test_events_statement_made_alongside_an_act_is_its_own_event(annotate):
    _, evs = events(annotate, "Kenya's president welcomed Emmanuel Macron to Nairobi on Tuesday, promising to buy French trains.")
    assert sorted(e["type"] for e in evs) == ["AGREE", "CONSULT"]
    _, evs = events(annotate, "Police raided the Bolivian embassy on Monday, detaining two diplomats.")
    assert [e["type"] for e in evs] == ["COERCE"]      # the detentions spell out the raid


@pytest.mark.parametrize("text, kind", [
    ("Iranian state television mocked the Saudi crown prince on Friday.", "ACCUSE"),
    ("Peru rescinded the decree hours later.", "RETREAT"),
    ("Russia could move some forces out of Belarus.", "MOBILIZE"),
    ("Iran may test a new missile next month.", "MOBILIZE"),
])
def test_events_further_trigger_words(annotate, text, kind):
    _, evs = events(annotate, text)
    assert one_of_type(evs, kind)


def test_events_photo_caption_reports_no_event_and_sets_no_story_time(nlp):
    from pactwatch import pipeline
    caption = "Chilean police arrested Peruvian fishermen in Arica in March."
    text = caption + "\n\nPeru signed a fisheries accord with Chile."
    doc = next(pipeline.annotate(nlp, [(text, DCT, [(0, len(caption))])]))
    evs = [s._.event for s in doc.spans[EVENTS]]
    assert [e["type"] for e in evs] == ["AGREE"]
    assert evs[0]["date"] is None
    doc = next(pipeline.annotate(nlp, [(text, DCT, [])]))     # the same text as body
    evs = [s._.event for s in doc.spans[EVENTS]]
    assert [e["date"] for e in evs if e["type"] == "AGREE"] == ["2025-03"]
    assert [e["type"] for e in evs if e["type"] == "COERCE"] == ["COERCE"]


def test_events_date_in_a_relative_clause_does_not_set_the_story_time(annotate):
    story = "Chile met Peru in Lima on May 2. The talks took place at a hotel, which a Spanish firm bought in 2019. "
    _, evs = events(annotate, story + "Chile accused Peru of spying.")
    assert one_of_type(evs, "ACCUSE")["date"] == "2025-05-02"


def test_events_a_plan_and_a_possibility_in_one_sentence_stay_apart(annotate):
    text = "Emmanuel Macron will travel to Kenya on Monday to attend a summit, where he may meet William Ruto."
    _, evs = events(annotate, text)
    consults = [e for e in evs if e["type"] == "CONSULT"]
    assert sorted(e["modality"] for e in consults) == ["planned", "speculative"]


def test_events_where_clause_takes_the_date_of_the_visit_it_hangs_from(annotate):
    text = "The Kenyan president will visit Tokyo on Monday, where he is expected to ask Japan for loans."
    _, evs = events(annotate, text)
    assert one_of_type(evs, "REQUEST")["date"] == "2025-08-25"


def test_events_a_limit_does_not_set_the_story_time(annotate):
    story = "Chile met Peru in Lima on May 2. Their fisheries accord runs through 2031. "
    _, evs = events(annotate, story + "Chile accused Peru of spying.")
    assert one_of_type(evs, "ACCUSE")["date"] == "2025-05-02"


# ---------------------------------------------------------------- 2026-12-04 rules

def test_events_coordinated_verb_is_content_of_the_same_threat(annotate):
    _, evs = events(annotate, "Peru threatened to raise tariffs and withdraw its troops from Bolivia.")
    assert [e["type"] for e in evs] == ["THREATEN"]      # the recall is what was threatened
    assert "Bolivia" in one_of_type(evs, "THREATEN")["target"]


def test_events_coordinated_verb_shares_the_reported_future(annotate):
    text = "Norway announced on Friday it would halt all loans to the junta and would deny visas to its generals."
    _, evs = events(annotate, text)
    assert evs and all(e["modality"] == "planned" for e in evs)
    assert all(e["attributed_to"] == "Norway" for e in evs)


def test_events_coordinated_verb_set_against_the_first_keeps_its_own_modality(annotate):
    _, evs = events(annotate, "Chile did not attend the summit with Peru but pledged aid to Peru.")
    assert one_of_type(evs, "CONSULT")["modality"] == "negated"
    assert one_of_type(evs, "AGREE")["modality"] == "asserted"     # "but": not under the "not"


@pytest.mark.parametrize("text", [
    "The Kurdish militia vowed to keep its positions until Baghdad withdraws its troops from Kirkuk.",
    "Ghana will keep its troops in Togo until the rebels withdraw from Lome.",
])
def test_events_waiting_time_clause_in_the_present_is_a_condition(annotate, text):
    _, evs = events(annotate, text)
    assert not any(e["type"] == "RETREAT" for e in evs)


def test_events_time_clause_in_the_present_tells_of_the_future(annotate):
    _, evs = events(annotate, "Ghana insists that Togo must sign the accord before Ghanaian troops withdraw.")
    assert one_of_type(evs, "RETREAT")["modality"] == "planned"


def test_events_waiting_time_clause_in_the_past_reports(annotate):
    _, evs = events(annotate, "The Kurdish militia kept its positions until Baghdad withdrew its troops from Kirkuk.")
    assert "Iraq" in one_of_type(evs, "RETREAT")["source"]


def test_events_waiting_time_clause_in_the_past_reports_a_capture(annotate):
    _, evs = events(annotate, "Serbian forces shelled the town until Croatian troops captured it in May.")
    assert any(e["type"] == "COERCE" for e in evs)          # "captured": it happened


def test_events_killing_in_a_bombing_is_one_attack(annotate):
    _, evs = events(annotate, "Five Afghan soldiers were killed in a Taliban bombing in Kandahar on Monday.")
    assert len([e for e in evs if e["type"] == "ASSAULT"]) == 1


def test_events_preparing_to_attack_is_a_show_of_force(annotate):
    _, evs = events(annotate, "The Ethiopian army prepared to resume shelling Eritrean positions.")
    e = one_of_type(evs, "MOBILIZE")
    assert "Ethiopia" in e["source"]
    assert not any(x["type"] == "ASSAULT" for x in evs)


@pytest.mark.parametrize("text", [
    "Chilean and Peruvian frigates began naval exercises in the Pacific.",
    "The Thai navy held drills with Indonesia in the Andaman Sea on Tuesday.",
])
def test_events_exercise_held_together_is_cooperation(annotate, text):
    _, evs = events(annotate, text)
    assert one_of_type(evs, "COOPERATE")
    assert not any(e["type"] == "MOBILIZE" for e in evs)


def test_events_exercise_held_alone_is_a_show_of_force(annotate):
    _, evs = events(annotate, "The Iranian navy held drills near the Strait of Hormuz.")
    assert one_of_type(evs, "MOBILIZE")


@pytest.mark.parametrize("text, kind", [
    ("Angry Bolivian farmers blocked roads into La Paz for two days.", "PROTEST"),
    ("Nigerian oil workers went on strike over unpaid wages.", "PROTEST"),
    ("Bhutan established diplomatic ties with Bahrain.", "SUPPORT"),
])
def test_events_acts_named_by_a_verb_and_its_object(annotate, text, kind):
    _, evs = events(annotate, text)
    assert one_of_type(evs, kind)


def test_events_object_aimed_at_someone_gives_the_target(annotate):
    _, evs = events(annotate, "The Polish president threatened tough measures against Belarus.")
    assert "Belarus" in one_of_type(evs, "THREATEN")["target"]


def test_events_investigation_into_someone_targets_them(annotate):
    _, evs = events(annotate, "Kenyan prosecutors opened an investigation into Uganda.")
    assert "Uganda" in one_of_type(evs, "ACCUSE")["target"]


def test_events_calling_off_a_trip_is_the_callers_trip(annotate):
    _, evs = events(annotate, "The Danish foreign minister called off a trip to Ghana.")
    e = one_of_type(evs, "CONSULT")
    assert e["modality"] == "negated"
    assert "Denmark" in e["source"] and "Ghana" in e["target"]


def test_events_going_somewhere_for_talks_makes_the_traveller_a_party(annotate):
    _, evs = events(annotate, "Chilean and Bolivian negotiators returned to Lima for talks on water rights.")
    e = one_of_type(evs, "CONSULT")
    assert {"Chile", "Bolivia"} <= set(e["source"])


def test_events_done_under_a_leader_is_done_by_that_leader(annotate):
    _, evs = events(annotate, "A fisheries accord was signed in 2019 under President Sebastian Pinera.")
    assert "Sebastian Pinera" in " ".join(one_of_type(evs, "AGREE")["source"])


def test_events_placed_under_arrest_targets_the_one_arrested(annotate):
    _, evs = events(annotate, "A Turkish journalist was placed under arrest in Greece.")
    assert "Türkiye" in one_of_type(evs, "COERCE")["target"] or "Turkey" in one_of_type(evs, "COERCE")["target"]


@pytest.mark.parametrize("text, names", [
    ("Emmanuel Macron welcomed William Ruto to Paris on Tuesday. The two leaders signed a river treaty.",
     {"Emmanuel Macron", "William Ruto"}),
    ("Chile and Peru met in Lima on Monday. Both countries agreed to share fishing data.", {"Chile", "Peru"}),
])
def test_events_the_two_leaders_are_the_two_named_before(annotate, text, names):
    _, evs = events(annotate, text)
    assert names <= set(one_of_type(evs, "AGREE")["source"])


def test_events_both_countries_skips_the_place_of_the_meeting(annotate):
    _, evs = events(annotate, "Chile and Peru met in Bolivia on Monday. Both countries agreed to share fishing data.")
    assert "Bolivia" not in one_of_type(evs, "AGREE")["source"]


def test_events_undated_plan_stated_now_is_news_of_the_day(annotate):
    story = "Mexico raided a cartel lab in March. "
    _, evs = events(annotate, story + "Mexico is expected to ask Guatemala for help.", dct="2025-08-21")
    assert one_of_type(evs, "REQUEST")["date"] == "2025-08-21"


def test_events_undated_plan_told_in_the_past_keeps_the_story_time(annotate):
    story = "Mexico raided a cartel lab on March 3. "
    _, evs = events(annotate, story + "Mexico was expected to ask Guatemala for help.", dct="2025-08-21")
    assert one_of_type(evs, "REQUEST")["date"] == "2025-03-03"


def test_events_act_during_a_dated_occasion_takes_its_date(annotate):
    text = ("Peru and Chile held a summit in Lima on May 2. Chile raised tariffs on Peruvian fish on June 9. "
            "Peru pledged during the summit that it would share fishing data with Chile.")
    _, evs = events(annotate, text)
    assert one_of_type(evs, "AGREE")["date"] == "2025-05-02"
    assert len([e for e in evs if e["type"] == "CONSULT"]) == 1      # "the summit" is that summit


def test_events_named_meeting_does_not_refer_back_to_another(annotate):
    text = ("Chile and Peru met in Lima in 2019. "
            "Water rights will top the agenda of the Santiago meeting between Chile and Bolivia.")
    _, evs = events(annotate, text)
    dates = sorted(str(e["date"]) for e in evs if e["type"] == "CONSULT")
    assert "2019" in dates and len(dates) == 2 and dates.count("2019") == 1


def test_events_quote_leaves_out_a_trailing_where_clause(annotate):
    text = "The Kenyan president will visit Tokyo on Monday, where officials may discuss loans."
    doc, evs = events(annotate, text)
    e = one_of_type(evs, "CONSULT")
    quote = text[e["quote_start"]:e["quote_end"]]
    assert "visit Tokyo on Monday" in quote and "where" not in quote


def test_events_town_naming_a_summit_is_where_not_who(annotate):
    _, evs = events(annotate, "Emmanuel Macron attended the Geneva summit with William Ruto.")
    e = one_of_type(evs, "CONSULT")
    assert "Geneva" not in e["source"] + e["target"]
    assert e["location"] == "Geneva"


def test_events_passive_pair_takes_no_target_from_the_reporter(annotate):
    text = "Ugandan officials later estimated that more than 300 had been killed or wounded in the Kivu region."
    _, evs = events(annotate, text)
    assert all("Uganda" not in e["target"] for e in evs)


def test_events_strike_in_protest_is_one_protest(annotate):
    text = "Nigerian nurses began a hunger strike in protest of the Ghanaian government's new visa rules."
    _, evs = events(annotate, text)
    protests = [e for e in evs if e["type"] == "PROTEST"]
    assert len(protests) == 1 and "Ghana" in protests[0]["target"]


def test_events_act_after_an_event_does_not_lend_it_its_actor(annotate):
    _, evs = events(annotate, "Peruvian police imposed a curfew in Cusco after demonstrations by farmers.")
    assert one_of_type(evs, "COERCE")["source"] == ["Peru"]
    assert not any(e["type"] == "PROTEST" and "Peru" in e["source"] for e in evs)


@pytest.mark.parametrize("text, date", [
    ("Colombian police raided a ranch owned by a cattle baron in Meta on May 6.", "2025-05-06"),
    ("Colombian police raided a ranch built by a cattle baron in 1998.", None),   # when it was built
])
def test_events_day_at_the_end_of_a_describing_participle_dates_the_act(annotate, text, date):
    _, evs = events(annotate, text)
    assert one_of_type(evs, "COERCE")["date"] == date


def test_events_expressing_interest_is_cooperation(annotate):
    _, evs = events(annotate, "Several Chilean mining firms expressed interest in Bolivian lithium projects.")
    assert "Chile" in one_of_type(evs, "COOPERATE")["source"]


@pytest.mark.parametrize("text, target", [
    ("Japan insists that China release the detained fishermen.", "China"),
    ("The Chilean navy still insists that the old fishing limits be respected.", None),
])
def test_events_demand_in_the_bare_form_is_a_request(annotate, text, target):
    _, evs = events(annotate, text)
    e = one_of_type(evs, "REQUEST")
    assert target is None or target in e["target"]
    assert not any(x["type"] == "CONCEDE" for x in evs)      # the release is what is asked for


def test_events_insisting_on_a_past_fact_is_no_request(annotate):
    _, evs = events(annotate, "Japan insists that China released the fishermen.")
    assert not any(e["type"] == "REQUEST" for e in evs)


@pytest.mark.parametrize("text, threats", [
    ("Without new orders, the Chilean central bank has warned, copper exports could slump.", 0),
    ("The budget relies on a grant; without it, the Bank of Japan has warned, the yen could weaken.", 0),
    ("The Chilean navy has warned, in a letter to Peru, against any new fishing zone.", 1),
])
def test_events_warning_set_in_a_report_reports(annotate, text, threats):
    _, evs = events(annotate, text)
    assert len([e for e in evs if e["type"] in ("THREATEN", "REJECT")]) == threats


@pytest.mark.parametrize("text, kind, modality, source", [
    ("Chile is likely to sign the fisheries pact with Peru.", "AGREE", "speculative", "Chile"),
    ("Peru might expel the Chilean consul.", "SANCTION", "speculative", "Peru"),
    ("Ecuador scrapped its planned visit to Peru.", "CONSULT", "negated", "Ecuador"),
])
def test_events_hedges_and_cancellations(annotate, text, kind, modality, source):
    _, evs = events(annotate, text)
    e = one_of_type(evs, kind)
    assert e["modality"] == modality and source in e["source"]


def test_events_one_party_meeting_two_others_is_two_meetings(annotate):
    text = ("Emmanuel Macron will visit Nairobi on Monday, where he may meet William Ruto. "
            "Macron has said he would be open to meeting Paul Kagame too.")
    _, evs = events(annotate, text)
    met = [set(e["target"]) for e in evs if e["type"] == "CONSULT" and "Emmanuel Macron" in e["source"]]
    assert any("William Ruto" in t for t in met) and any("Paul Kagame" in t for t in met)
    assert not any("William Ruto" in t and "Paul Kagame" in t for t in met)


# ---------------------------------------------------------------- leaving office, removal, documents

@pytest.mark.parametrize("text, person, date", [
    ("Jacinda Ardern left office on January 25, 2023.", "Jacinda Ardern", "2023-01-25"),
    ("Foreign Secretary Dominic Raab also stepped down on April 21, 2023.", "Dominic Raab", "2023-04-21"),
    ("Mark Rutte stepped down as prime minister in July 2023.", "Mark Rutte", "2023-07"),
    ("Health Minister Olivier Veran quit on May 16, 2022.", "Olivier Veran", "2022-05-16"),
    ("Liz Truss resigned on October 20, 2022.", "Liz Truss", "2022-10-20"),
])
def test_events_leaving_office_is_a_transition_of_the_one_who_leaves(annotate, text, person, date):
    _, evs = events(annotate, text, "2024-01-10")
    e = one_of_type(evs, "TRANSITION")
    assert person in e["source"] and e["modality"] == "asserted" and e["date"] == date


@pytest.mark.parametrize("text, person", [
    ("Prime Minister Rishi Sunak fired Home Secretary Suella Braverman on November 13, 2023.", "Suella Braverman"),
    ("Suella Braverman was dismissed on November 13, 2023.", "Suella Braverman"),
    ("Boris Johnson sacked Michael Gove on July 6, 2022.", "Michael Gove"),
])
def test_events_being_fired_is_a_transition_done_to_the_person(annotate, text, person):
    _, evs = events(annotate, text, "2024-01-10")
    e = one_of_type(evs, "TRANSITION")
    assert person in e["target"] and person not in e["source"]
    assert not [x for x in evs if x["type"] in ("ASSAULT", "REJECT")]


@pytest.mark.parametrize("text, kind", [
    ("North Korea fired two missiles into the sea on Monday.", "ASSAULT"),
    ("Peru dismissed the Chilean claims on Monday.", "REJECT"),
])
def test_events_firing_weapons_and_dismissing_claims_are_no_transition(annotate, text, kind):
    _, evs = events(annotate, text)
    assert one_of_type(evs, kind)
    assert not [e for e in evs if e["type"] == "TRANSITION"]


def test_events_quitting_talks_is_no_change_of_leadership(annotate):
    _, evs = events(annotate, "Venezuela quit the talks with Guyana on Monday.")
    assert not [e for e in evs if e["type"] == "TRANSITION"]


@pytest.mark.parametrize("text, modality", [
    ("Olaf Scholz is expected to step down next month.", "speculative"),
    ("Olaf Scholz did not resign on Monday.", "negated"),
    ("Olaf Scholz will resign next week.", "planned"),
])
def test_events_leaving_office_takes_the_modality_of_its_clause(annotate, text, modality):
    _, evs = events(annotate, text)
    assert one_of_type(evs, "TRANSITION")["modality"] == modality


def test_events_leaving_and_taking_office_stay_two_events(annotate):
    text = "Liz Truss resigned on October 20, 2022, and Rishi Sunak took office on October 25, 2022."
    _, evs = events(annotate, text, "2024-01-10")
    dates = sorted(e["date"] for e in evs if e["type"] == "TRANSITION")
    assert dates == ["2022-10-20", "2022-10-25"]


@pytest.mark.parametrize("text", [
    "Chile and Peru released a joint fact sheet on May 4 on fishing rights.",
    "Chile and Peru issued a joint statement on May 4 on fishing rights.",
    "Chile and Peru published the Joint Declaration on May 4.",
])
def test_events_putting_out_a_joint_document_is_agreement(annotate, text):
    _, evs = events(annotate, text, "2025-06-01")
    e = one_of_type(evs, "AGREE")
    assert {"Chile", "Peru"} <= set(e["source"] + e["target"]) and e["date"] == "2025-05-04"
    assert not [x for x in evs if x["type"] == "CONCEDE"]


def test_events_releasing_prisoners_still_concedes(annotate):
    _, evs = events(annotate, "Peru released twelve Chilean fishermen on Monday.")
    assert one_of_type(evs, "CONCEDE")


@pytest.mark.parametrize("text, date", [
    ("Chile and Peru met in Lima on March 3. In a joint statement released on May 4, Chile backed "
     "Peru's bid to join the trade bloc.", "2025-05-04"),
    ("Chile and Peru met in Lima on March 3. At a news conference held on May 4, the Chilean "
     "president praised Peru.", "2025-05-04"),
])
def test_events_date_of_the_occasion_in_its_own_sentence_beats_an_earlier_one(annotate, text, date):
    _, evs = events(annotate, text, "2025-06-01")
    e = one_of_type(evs, "SUPPORT")
    assert e["date"] == date


def test_events_removal_quote_keeps_the_clause_with_its_date(annotate):
    text = "The high court upheld the verdict on May 2, 2023, removing Imran Khan from office."
    doc, evs = events(annotate, text, "2024-01-10")
    e = one_of_type(evs, "TRANSITION")
    quote = doc.text[e["quote_start"]:e["quote_end"]]
    assert "May 2, 2023" in quote and "removing Imran Khan from office" in quote
    assert e["date"] == "2023-05-02" and "Imran Khan" in e["target"]


def test_events_semicolon_keeps_two_statements_apart(annotate):
    text = "Prime Minister Mark Rutte resigned in July 2024; Dick Schoof then took over."
    doc, evs = events(annotate, text, "2025-01-10")
    took = [e for e in evs if e["type"] == "TRANSITION" and "Dick Schoof" in e["source"]]
    assert took and "Mark Rutte" not in took[0]["source"] + took[0]["target"]
    assert doc.text[took[0]["quote_start"]:took[0]["quote_end"]] == "Dick Schoof then took over"
    assert any("Mark Rutte" in e["source"] for e in evs if e["type"] == "TRANSITION")


@pytest.mark.parametrize("text, won", [
    ("Javier Milei won the runoff on November 19, 2023.", True),
    ("Now that Javier Milei has won, investors expect a new currency.", True),
    ("Javier Milei won praise from investors on Monday.", False),
    ("The Argentine government won the vote on the budget.", False),
])
def test_events_a_person_winning_a_vote_is_a_transition(annotate, text, won):
    _, evs = events(annotate, text, "2024-01-10")
    assert bool([e for e in evs if e["type"] == "TRANSITION"]) is won


def test_events_a_meeting_offered_on_a_condition_is_an_offer(annotate):
    text = "The rebels said they would meet the Colombian envoy if the army halted its offensive."
    _, evs = events(annotate, text)
    e = one_of_type(evs, "AGREE")
    assert "Colombia" in e["target"] and not [x for x in evs if x["type"] == "CONSULT"]


def test_events_forces_loyal_to_someone_act_for_them(annotate):
    text = "Fighters loyal to Sudan's army chief attacked a convoy near Khartoum."
    _, evs = events(annotate, text)
    assert "Sudan" in one_of_type(evs, "ASSAULT")["source"]


def test_events_last_item_of_a_list_hung_on_a_verb_keeps_the_lists_possessor(annotate):
    text = ("Martin Vizcarra's first term began on March 23, 2018, bringing in a period of calm after "
            "Peru's turmoil following former President Pedro Pablo Kuczynski's failed reform bid, "
            "impeachment in December 2017, and resignation in March 2018.")
    _, evs = events(annotate, text, "2019-01-10")
    ends = {e["date"]: e for e in evs if e["type"] == "TRANSITION" and "Pedro Pablo Kuczynski" in e["source"]}
    assert {"2017-12", "2018-03"} <= set(ends)
    began = [e for e in evs if e["type"] == "TRANSITION" and "Martin Vizcarra" in e["source"]]
    assert began and "Pedro Pablo Kuczynski" not in began[0]["target"]


def test_events_removing_a_person_is_a_transition_removing_tariffs_is_not(annotate):
    _, evs = events(annotate, "Peru's Congress removed Pedro Castillo on December 7, 2022.", "2024-01-10")
    e = one_of_type(evs, "TRANSITION")
    assert "Pedro Castillo" in e["target"] and e["date"] == "2022-12-07"
    _, evs = events(annotate, "Canada removed the tariffs on steel on Monday.")
    assert one_of_type(evs, "CONCEDE") and not [x for x in evs if x["type"] == "TRANSITION"]


@pytest.mark.parametrize("text", [
    "Chile and Peru met in Lima on March 3. A joint statement was issued by Chile and Peru on May 4.",
    "Chile and Peru met in Lima on March 3. The joint declaration, which Chile and Peru published on "
    "May 4, settled the fishing dispute.",
])
def test_events_joint_document_in_a_passive_or_relative_clause_takes_its_own_date(annotate, text):
    _, evs = events(annotate, text, "2025-06-01")
    agreed = [e for e in evs if e["type"] == "AGREE"]
    assert len(agreed) == 1 and agreed[0]["date"] == "2025-05-04"
    assert {"Chile", "Peru"} <= set(agreed[0]["source"] + agreed[0]["target"])
    assert not [e for e in evs if e["type"] == "CONCEDE"]


# ---------------------------------------------------------------- issue 11 families
def test_events_a_court_striking_down_a_measure_rejects_it(annotate):
    _, evs = events(annotate, "The Supreme Court struck down the tariffs on Friday.")
    assert [(e["type"], e["source"]) for e in evs] == [("REJECT", ["Supreme Court"])]


@pytest.mark.parametrize("text", [
    "The White House released a fact sheet on the agreement on Monday.",
    "Canada published a report on the talks.",
    "A slide presentation released Friday by the Finance Ministry set out the terms.",
])
def test_events_putting_out_a_document_is_no_concession(annotate, text):
    _, evs = events(annotate, text)
    assert not [e for e in evs if e["type"] == "CONCEDE"]


def test_events_releasing_people_is_still_a_concession(annotate):
    _, evs = events(annotate, "Kenya released three British detainees.")
    assert one_of_type(evs, "CONCEDE")["source"] == ["Kenya"]


@pytest.mark.parametrize("text", ["Chile met the deadline on Friday.",
                                  "Peru believes it can meet the new targets with its current budget."])
def test_events_meeting_a_target_is_no_meeting(annotate, text):
    _, evs = events(annotate, text)
    assert not [e for e in evs if e["type"] == "CONSULT"]


def test_events_meeting_a_counterpart_is_a_meeting(annotate):
    _, evs = events(annotate, "Chile's president met his Peruvian counterpart on Friday.")
    assert "Peru" in one_of_type(evs, "CONSULT")["target"]


@pytest.mark.parametrize("text, modality", [
    ("Canberra scrapped the agreement with Paris in 2021.", "asserted"),
    ("Ottawa said it would never cancel the treaty.", "negated"),
])
def test_events_renouncing_an_agreement_rejects_it(annotate, text, modality):
    _, evs = events(annotate, text)
    e = one_of_type(evs, "REJECT")
    assert e["modality"] == modality and not [x for x in evs if x["type"] == "AGREE"]


@pytest.mark.parametrize("text", ["Peru cancelled its planned visit to Chile.",
                                  "The joint statement omitted the usual pledge to Canada."])
def test_events_cancelling_a_plan_or_omitting_a_pledge_negates_it(annotate, text):
    _, evs = events(annotate, text)
    assert not [e for e in evs if e["type"] == "REJECT"]


def test_events_warning_that_someone_should_act_is_a_demand(annotate):
    _, evs = events(annotate, "Germany warned that Norway should spend at least 3% on defense.")
    e = one_of_type(evs, "REQUEST")
    assert e["source"] == ["Germany"] and e["target"] == ["Norway"]


@pytest.mark.parametrize("text, kind, source", [
    ("Mexico rejected the 30% levy threatened by Washington in July.", "THREATEN", "United States"),
    ("Chile accepted the 2% floor demanded by Brazil.", "REQUEST", "Brazil"),
])
def test_events_a_demand_or_threat_named_by_its_participle_is_its_own_event(annotate, text, kind, source):
    _, evs = events(annotate, text)
    assert source in one_of_type(evs, kind)["source"]


def test_events_new_lexicon_entries(annotate):
    _, evs = events(annotate, "Brazil's negotiators quickly pushed back on the proposal.")
    assert one_of_type(evs, "REJECT")["source"] == ["Brazil"]
    _, evs = events(annotate, "Germany is contributing $2 billion to the Ukrainian army.")
    assert one_of_type(evs, "AID")["target"] == ["Ukraine"]
    _, evs = events(annotate, "There have been no discussions with Ottawa about the plan, the ministry said.")
    assert one_of_type(evs, "CONSULT")["modality"] == "negated"


@pytest.mark.parametrize("text", [
    "Seoul must respond to intensifying North Korean nuclear threats.",
    "Farmers suffered in the face of US tariffs.",
    "Mexico fears a new round of Chinese sanctions.",
    "Pyongyang has gained from Russian support for its missile program.",
])
def test_events_a_noun_with_only_a_side_named_is_no_event(annotate, text):
    _, evs = events(annotate, text)
    assert evs == []


@pytest.mark.parametrize("text, kind", [
    ("Tokyo's request came too late for Seoul.", "REQUEST"),         # a possessor
    ("US tariffs on Canadian steel took effect on Friday.", "SANCTION"),   # subject of a verb
    ("Canada imposed new sanctions on Russia.", "SANCTION"),           # carried by a verb
    ("The 2014 Chilean pledge still stands.", "AGREE"),                # a date of its own
])
def test_events_a_noun_with_an_event_reading_is_an_event(annotate, text, kind):
    _, evs = events(annotate, text)
    one_of_type(evs, kind)


def test_events_a_trigger_noun_naming_the_topic_of_another_is_no_event(annotate):
    _, evs = events(annotate, "Peru and Chile reached a tariff deal on Monday.")
    assert [e["type"] for e in evs] == ["AGREE"]


@pytest.mark.parametrize("text", [
    "Retailers are charging more for foreign goods.",            # charge needs a party charged
    "We will demonstrate our resolve, the Japanese general said.",  # demonstrate with an object
    "The two allies seek to deter Beijing.",                     # seek with an aim, not a thing
    "Spain contributes just 1.3% of its GDP to defense.",         # no recipient
    "Japan asked whether the deal was fair to Tokyo.",            # a question
    "Trump signed an executive order on Wednesday.",              # a government's own instrument
])
def test_events_a_verb_outside_its_frame_is_no_event(annotate, text):
    _, evs = events(annotate, text)
    assert evs == []


@pytest.mark.parametrize("text, kind", [
    ("Prosecutors charged three Chinese nationals with espionage.", "ACCUSE"),
    ("Thousands of Kenyan teachers demonstrated outside parliament.", "PROTEST"),
    ("Ukraine sought asylum for the pilots from Poland.", "REQUEST"),
    ("Germany contributed $2 billion to Ukraine.", "AID"),
    ("Japan asked Washington to lower the tariff.", "REQUEST"),
    ("Japan and India signed a defense pact on Monday.", "AGREE"),
    ("Lutnick and Akazawa signed memorandums of understanding on Thursday.", "AGREE"),
])
def test_events_a_verb_in_its_frame_is_an_event(annotate, text, kind):
    _, evs = events(annotate, text)
    one_of_type(evs, kind)


def test_events_a_plan_named_beside_a_meeting_is_its_own_event(annotate):
    text = "Gabriel Boric met Emmanuel Macron in Paris ahead of his scheduled meeting with King Felipe."
    _, evs = events(annotate, text)
    consults = sorted((e["modality"], e["source"][0]) for e in evs if e["type"] == "CONSULT")
    assert [m for m, _ in consults] == ["asserted", "planned"]
    assert consults[0][1] == consults[1][1] == "Gabriel Boric"   # "his": the subject, not Macron


def test_events_the_story_time_comes_from_the_main_clause_not_a_phrase_it_mentions(annotate):
    text = ("Chile's president on Monday praised Peru, calling the visit of its foreign minister last March "
            "a turning point. He met Peru's defense minister in Lima.")
    _, evs = events(annotate, text, "2025-07-23")
    met = [e for e in evs if e["trigger"] == "met"]
    assert met and met[0]["date"] == "2025-07-21"


@pytest.mark.parametrize("text, kind, source", [
    ("Canberra said it would buy the missiles, drawing warnings from Beijing.", "THREATEN", "China"),
    ("The plan won praise from Germany on Monday.", "SUPPORT", "Germany"),
    ("The proposal drew sharp criticism from Japan.", "ACCUSE", "Japan"),
])
def test_events_from_names_the_sender_of_a_statement_or_gift(annotate, text, kind, source):
    _, evs = events(annotate, text)
    assert source in one_of_type(evs, kind)["source"]


def test_events_from_names_the_place_left_for_a_withdrawal(annotate):
    _, evs = events(annotate, "Canada announced a withdrawal from Mali on Monday.")
    e = one_of_type(evs, "RETREAT")
    assert "Mali" not in e["source"]


def test_events_a_consequence_participle_keeps_its_own_modality(annotate):
    _, evs = events(annotate, "Canberra said it was planning to buy the missiles, sparking warnings from Beijing.")
    assert one_of_type(evs, "THREATEN")["modality"] == "asserted"


def test_events_affirming_is_support(annotate):
    _, evs = events(annotate, "Japan reaffirmed its commitment to the alliance with Australia on Monday.")
    assert one_of_type(evs, "SUPPORT")["source"] == ["Japan"]


def test_events_the_subject_of_a_receiving_verb_is_the_target(annotate):
    _, evs = events(annotate, "Spain's budget earned praise from NATO Secretary General Mark Rutte.")
    e = one_of_type(evs, "SUPPORT")
    assert "Mark Rutte" in e["source"] and "Spain" in e["target"]


@pytest.mark.parametrize("text, kind", [
    ("India will never compromise on the rights of its farmers, Modi said.", "REJECT"),
    ("Iran will not back down, its foreign minister said.", "REJECT"),
])
def test_events_a_stated_refusal_to_give_way_is_a_rejection(annotate, text, kind):
    _, evs = events(annotate, text)
    e = one_of_type(evs, kind)
    assert e["modality"] == "asserted" and not [x for x in evs if x["type"] == "CONCEDE"]


def test_events_a_past_negated_retreat_stays_negated(annotate):
    _, evs = events(annotate, "Russia did not withdraw its troops.")
    assert one_of_type(evs, "RETREAT")["modality"] == "negated"


def test_events_approving_a_sale_is_the_sale(annotate):
    _, evs = events(annotate, "The United States approved the sale of F-16 jets to the Philippines on April 2.")
    e = one_of_type(evs, "AID")
    assert e["source"] == ["United States"] and e["target"] == ["Philippines"]
    assert not [x for x in evs if x["type"] == "SUPPORT"]


@pytest.mark.parametrize("text", ["Next year we have to talk to Seoul, Trump said.",
                                  "Lee heads to Tokyo for a summit with Ishiba."])
def test_events_present_obligations_and_trips_under_way_are_planned(annotate, text):
    _, evs = events(annotate, text, "2025-08-21")
    assert one_of_type(evs, "CONSULT")["modality"] == "planned"


def test_events_who_took_over_as_a_title_is_a_transition(annotate):
    _, evs = events(annotate, "Mark Rutte, who took over as NATO Secretary General in late 2024, praised Trump.")
    # Rutte acts for NATO, so the alliance stands beside him as the actor (as a state stands beside its leader)
    assert one_of_type(evs, "TRANSITION")["source"] == ["Mark Rutte", "NATO"]


def test_events_a_trip_in_a_present_time_clause_is_planned_even_when_tagged_a_noun(annotate):
    text = "The review comes days before Canadian Defence Minister Anita Anand and Mark Carney head to Tokyo for talks."
    _, evs = events(annotate, text, "2025-08-21")
    assert one_of_type(evs, "CONSULT")["modality"] == "planned"


def test_events_a_gerund_after_a_name_is_that_names_act(annotate):
    text = "Prime Minister Narendra Modi responded to US President Donald Trump raising tariffs on India."
    _, evs = events(annotate, text)
    e = one_of_type(evs, "SANCTION")
    assert "Donald Trump" in e["source"] and "Narendra Modi" not in e["source"]


def test_events_an_approved_possible_sale_is_asserted(annotate):
    _, evs = events(annotate, "Washington approved the possible sale of F-16 jets to Manila on Tuesday.")
    assert one_of_type(evs, "AID")["modality"] == "asserted"


def test_events_the_quote_leaves_out_an_ahead_of_phrase(annotate):
    text = "Gabriel Boric met Emmanuel Macron in Paris ahead of his scheduled meeting with King Felipe."
    doc, evs = events(annotate, text)
    met = [e for e in evs if e["trigger"] == "met"][0]
    assert doc.text[met["quote_start"]:met["quote_end"]] == "Gabriel Boric met Emmanuel Macron in Paris"


@pytest.mark.parametrize("text", [
    "The International Emergency Economic Powers Act allows the president to impose tariffs.",
    "The Defense Production Act allows Washington to seize factories.",
])
def test_events_a_law_is_no_actor(annotate, text):
    _, evs = events(annotate, text)
    assert not [e for e in evs if any(n.endswith("Act") for n in e["source"] + e["target"])]


def test_events_the_acronym_of_a_law_named_before_is_no_actor(annotate):
    text = ("Tariffs were set under the International Emergency Economic Powers Act. "
            "Canada condemned the IEEPA tariffs on Monday.")
    _, evs = events(annotate, text)
    assert not [e for e in evs if "IEEPA" in e["source"] + e["target"]]


def test_events_a_named_treaty_is_no_party_to_its_signing(annotate):
    _, evs = events(annotate, "Japan and the Philippines signed the Reciprocal Access Agreement.")
    e = one_of_type(evs, "AGREE")
    assert e["source"] == ["Japan", "Philippines"] and e["target"] == []


def test_events_a_deal_being_negotiated_is_a_negotiation(annotate):
    _, evs = events(annotate, "Tokyo sees it as a model for trade deals being negotiated with South Korea and Canada.")
    assert [e["type"] for e in evs] == ["CONSULT"]
    assert set(evs[0]["target"]) == {"South Korea", "Canada"}


def test_events_a_name_after_a_conjunction_read_as_a_preposition_is_the_subject(annotate):
    _, evs = events(annotate, "Seoul protested a day after Tokyo announced new sanctions on Pyongyang.")
    e = one_of_type(evs, "SANCTION")
    assert e["source"] == ["Japan"] and e["target"] == ["North Korea"]


def test_events_a_deal_reached_with_someone_targets_them(annotate):
    _, evs = events(annotate, "Madrid announced that an agreement had been reached with NATO on Sunday.")
    assert "NATO" in one_of_type(evs, "AGREE")["target"]


def test_events_we_in_a_quotation_is_its_named_speaker(annotate):
    text = ("“Nothing about the deal has changed,” Ryosei Akazawa said. “In short, we will provide loans "
            "and loan guarantees to the United States. That remains the same.”")
    _, evs = events(annotate, text)
    assert [e["source"] for e in evs if e["trigger"] == "loans"] == [["Ryosei Akazawa", "Japan"]]


def test_events_he_said_is_not_resolved_to_the_last_person_named(annotate):
    text = ("Trump criticized Spain after Pedro Sánchez spoke in Madrid. "
            '"We will send aid to Kenya," he said.')
    _, evs = events(annotate, text)
    assert not [e for e in evs if e["trigger"] == "aid" and "Pedro Sánchez" in e["source"]]


def test_events_a_deal_named_as_the_object_of_a_relative_clause_is_its_content(annotate):
    _, evs = events(annotate, "Canada will pay double in the trade agreements we are negotiating with Mexico, Carney said.")
    assert [e["type"] for e in evs] == ["CONSULT"]


def test_events_a_nouns_of_content_lends_its_doers_not_its_targets(annotate):
    text = ("A Bolivian judge has ordered a former minister to appear in May for questioning in an "
            "investigation of illegal arms sales to Chile and Peru in the 1980s, court sources said.")
    _, evs = events(annotate, text)
    assert not [e for e in evs if e["type"] == "ACCUSE" and "Chile" in e["target"]]


@pytest.mark.parametrize("text, kind", [
    ("The drill opens with a ceremony to be attended by President Ferdinand Marcos.", None),
    ("Lee attended the APEC summit in Gyeongju.", "CONSULT"),
    ("Lee has opted out of attending China's Victory Day parade in September.", "CONSULT"),
])
def test_events_attending_is_a_meeting_only_when_what_is_attended_is_one(annotate, text, kind):
    _, evs = events(annotate, text)
    assert [e["type"] for e in evs] == ([kind] if kind else [])


def test_events_an_obligation_needs_an_obliged_party_not_a_thing(annotate):
    _, evs = events(annotate, "The order said that Indian imports should be subject to the additional tariff.")
    assert not [e for e in evs if e["type"] == "REQUEST"]
    _, evs = events(annotate, "Trump said South Korea should pay more.")
    assert one_of_type(evs, "REQUEST")["target"] == ["South Korea"]


@pytest.mark.parametrize("text, target", [
    ("The Supreme Court struck down Trump's tariffs on Friday.", "Donald Trump"),
    ("The Supreme Court ruled against the Trump administration on Thursday.", "Trump administration"),
    ("The Supreme Court overturned the tariffs Washington imposed on Canada.", None),
])
def test_events_courts_act_as_the_source_of_their_rulings(annotate, text, target):
    _, evs = events(annotate, text)
    e = one_of_type(evs, "REJECT")
    assert any("Supreme Court" in name for name in e["source"])
    if target:
        assert target in e["target"]
    assert not [x for x in evs if x["type"] == "SANCTION" and "Supreme Court" in x["source"]]


def test_events_an_effort_noun_is_no_demand(annotate):
    _, evs = events(annotate, "Canberra's push to expand its strike capability paid off.")
    assert evs == []


@pytest.mark.parametrize("text, kind", [
    ("Japan thanked Canada for its help after the earthquake.", "SUPPORT"),
    ("Germany will fund a new hospital in Kenya.", "AGREE"),      # a stated future gift is a promise
    ("Norway funded a new hospital in Kenya last year.", "AID"),
    ("Brazil censured Argentina over the border incident.", "ACCUSE"),
    ("Egypt repudiated the Ethiopian proposal.", "REJECT"),
    ("Poland reinforced its eastern border with 5,000 troops.", "MOBILIZE"),
])
def test_events_codebook_verbs_added_to_the_lexicon(annotate, text, kind):
    _, evs = events(annotate, text)
    one_of_type(evs, kind)


def test_events_troops_stationed_somewhere_is_no_deployment(annotate):
    _, evs = events(annotate, "About 28,500 U.S. troops stationed in South Korea face cuts.")
    assert not [e for e in evs if e["type"] == "MOBILIZE"]


@pytest.mark.parametrize("text, kind, target", [
    ("Japan will invest $550 billion in the United States.", "AGREE", "United States"),   # a promise
    ("Japan invested $20 billion in Mexico last year.", "COOPERATE", "Mexico"),
])
def test_events_investing_in_someone_is_cooperation(annotate, text, kind, target):
    _, evs = events(annotate, text)
    assert target in one_of_type(evs, kind)["target"]


def test_events_investing_in_a_thing_is_no_event(annotate):
    _, evs = events(annotate, "Samsung invested heavily in new chips.")
    assert evs == []


def test_events_an_act_takes_the_date_of_what_it_is_part_of(annotate):
    _, evs = events(annotate, "Japan pledged $550 billion as part of the trade agreement reached on July 22.", "2025-08-21")
    assert one_of_type(evs, "AGREE")["date"] == "2025-07-22"


def test_events_the_agreement_framing_an_act_is_its_own_asserted_event(annotate):
    text = "Under the terms of the agreement announced on Tuesday, Japan will invest $550 billion in the United States."
    _, evs = events(annotate, text, "2025-07-25")
    framing = [e for e in evs if e["trigger"] == "agreement"]
    assert framing and framing[0]["modality"] == "asserted" and "Japan" in framing[0]["source"]
    assert [e["modality"] for e in evs if e["trigger"] == "invest"] == ["planned"]


def test_events_a_recipient_is_named_not_reached_through_an_of_phrase(annotate):
    _, evs = events(annotate, "Japan has committed $550 billion to the president for him to invest in the infrastructure of the United States.")
    assert [e["trigger"] for e in evs] == ["committed"]
    _, evs = events(annotate, "Australia is contributing $3 billion to the US submarine industrial base.")
    assert one_of_type(evs, "AID")["target"] == ["United States"]


# ------------------------------------------------------------------ readings merged (hand-built, no model)

def _readings(words: list[str], sent_starts: set[int]):
    import spacy
    doc = spacy.blank("en").make_doc(" ".join(words))
    for token in doc:
        token.is_sent_start = token.i == 0 or token.i in sent_starts
        token.lemma_ = token.lower_
    return doc


def test_events_two_readings_of_one_summit_are_one_event_but_a_plan_beside_a_fact_is_not():
    from pactwatch.pipeline.events import EventReading, same_event
    doc = _readings(["Freedonia", "met", "Sylvania", ".", "The", "meeting", "may", "meet", "again", "."], {4})
    met = EventReading(token=doc[1], type="CONSULT", source=["Freedonia"], target=["Sylvania"],
                       primary={"Freedonia", "Sylvania"}, date="2025-08-20", dated_here=True)
    meeting = EventReading(token=doc[5], type="CONSULT", source=["Freedonia"], target=["Sylvania"],
                           primary={"Sylvania"}, date="2025-08-20", dated_here=True)
    assert same_event(met, meeting)
    plan = EventReading(token=doc[7], type="CONSULT", source=["Freedonia"], target=["Sylvania"],
                        primary={"Freedonia"}, date="2025-08-20", modality="speculative")
    assert not same_event(meeting, plan)   # same sentence, a fact and a possibility
    other_day = EventReading(token=doc[5], type="CONSULT", primary={"Sylvania"}, date="2025-07-01", dated_here=True)
    assert not same_event(met, other_day)


def test_events_a_users_kb_place_preposition_gives_a_location_in_that_pipeline_only(tmp_path, nlp):
    (tmp_path / "event_arguments.toml").write_text('[prepositions]\nplace = ["outside"]\n', encoding="utf-8")
    text = "South Korea's president met Japan's prime minister outside Tokyo on Monday, officials said."
    extended = pipeline.load(kb_dirs=[str(tmp_path)])

    def locations(model):
        doc = next(pipeline.annotate(model, [(text, "2025-08-21", [])]))
        return [(s.text, s._.event["location"]) for s in doc.spans[EVENTS]]

    assert locations(nlp) == [("met", None)]    # the packaged words: "outside" places nothing
    assert locations(extended) == [("met", "Japan")]
