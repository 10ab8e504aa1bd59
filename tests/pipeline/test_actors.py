"""pactwatch_actors: KB linking, metonymy, titles by date, short names, demonyms, unknown entities."""
from __future__ import annotations

import pytest

from pactwatch.pipeline.actors import actor_of


def actors(doc) -> list[tuple[str, str, str | None]]:
    """(surface text, canonical name, kb id) of every actor span, in text order."""
    return [(s.text, s._.actor["name"], s._.actor["kb_id"]) for s in doc.spans["pw_actors"]]


def actor_for(doc, surface: str) -> dict:
    found = [s._.actor for s in doc.spans["pw_actors"] if s.text == surface]
    assert found, f"no actor span {surface!r} in {actors(doc)}"
    return found[0]


def test_actors_every_span_carries_the_contract(annotate):
    doc = annotate("The Pentagon said Seoul and Washington agreed on new drills.", "2025-05-01")
    assert doc.spans["pw_actors"]
    for span in doc.spans["pw_actors"]:
        assert set(span._.actor) >= {"kb_id", "name", "type", "acts_for"}
        assert span.label_ == span._.actor["type"]


@pytest.mark.parametrize("text, surface, name, kb_id, etype", [
    ("Officials from the ROK and the DPRK met at the border.", "ROK", "South Korea", "gpe:KOR", "GPE"),
    ("Officials from the ROK and the DPRK met at the border.", "DPRK", "North Korea", "gpe:PRK", "GPE"),
    ("The Pentagon declined to comment on the report.", "Pentagon", "Pentagon", "org:pentagon", "ORG"),
    ("USFK said the drills would go ahead.", "USFK", "US Forces Korea", "org:usfk", "ORG"),
    ("Ships crossed the Taiwan Strait twice last week.", "Taiwan Strait", "Taiwan Strait", "loc:taiwan_strait", "LOC"),
    ("Veterans of the Korean War gathered in the rain.", "Korean War", "Korean War", "evt:korean_war", "EVENT"),
])
def test_actors_alias_resolves_to_canonical_name_and_id(annotate, text, surface, name, kb_id, etype):
    actor = actor_for(annotate(text, "2025-05-01"), surface)
    assert (actor["name"], actor["kb_id"], actor["type"]) == (name, kb_id, etype)


@pytest.mark.parametrize("text, surface, kb_id, acts_for", [
    # a capital acting as a government is the state
    ("Tokyo said on Monday it would raise its defence budget.", "Tokyo", "gpe:JPN", "Japan"),
    ("Washington imposed tariffs on Seoul last year.", "Seoul", "gpe:KOR", "South Korea"),
    # a capital that is only the place of a meeting stays the city
    ("The two leaders met in Helsinki for three hours.", "Helsinki", "gpe:FIN:capital", "Finland"),
    ("The envoy flew to Manila on Sunday.", "Manila", "gpe:PHL:capital", "Philippines"),
    # ... unless the document names its state: then every mention is the state
    ("Finland hosted the talks, which were held in Helsinki.", "Helsinki", "gpe:FIN", "Finland"),
    # seats of government are organisations acting for their state
    ("The White House announced new sanctions on Tuesday.", "White House", "org:white_house", "United States"),
    ("The Blue House rejected the proposal on Friday.", "Blue House", "org:blue_house", "South Korea"),
    ("The Kremlin dismissed the report as fiction.", "Kremlin", "org:kremlin", "Russian Federation"),
])
def test_actors_metonymy(annotate, text, surface, kb_id, acts_for):
    actor = actor_for(annotate(text, "2019-03-01"), surface)
    assert (actor["kb_id"], actor["acts_for"]) == (kb_id, acts_for)


@pytest.mark.parametrize("text, dct, surface, name", [
    ("The U.S. president will visit the region next month.", "2025-08-21", "U.S. president", "Donald Trump"),
    ("The U.S. president will visit the region next month.", "2022-03-01", "U.S. president", "Joe Biden"),
    ("The U.S. president will visit the region next month.", "2018-05-01", "U.S. president", "Donald Trump"),
    ("Japan's prime minister said the talks went well.", "2023-05-01", "Japan's prime minister", "Fumio Kishida"),
    ("Japan's prime minister said the talks went well.", "2025-03-01", "Japan's prime minister", "Shigeru Ishiba"),
    ("Analysts expect the North Korean leader to test another missile.", "2020-06-01", "North Korean leader", "Kim Jong Un"),
    ("The secretary of state flew to the region on Sunday.", "2019-06-01", "secretary of state", "Mike Pompeo"),
    ("The South Korean president called for calm.", "2023-01-10", "South Korean president", "Yoon Suk Yeol"),
])
def test_actors_titles_resolve_by_document_date(annotate, text, dct, surface, name):
    actor = actor_for(annotate(text, dct), surface)
    assert actor["name"] == name and actor["type"] == "PERSON"


def test_actors_title_without_holder_in_kb_is_not_guessed(annotate):
    doc = annotate("The Icelandic foreign minister praised the agreement.", "2024-01-01")
    assert all(a[2] is None or not a[2].startswith("per:") for a in actors(doc))


@pytest.mark.parametrize("text, dct, surface, name", [
    # family name after the full name, in the same document
    ("Prime Minister Shigeru Ishiba met reporters. Ishiba said the tariffs were unfair.", "2025-04-10", "Ishiba",
     "Shigeru Ishiba"),
    # a title before a family name the knowledge base knows, holder on that date
    ("President Moon spoke to troops on Friday.", "2019-05-03", "Moon", "Moon Jae-in"),
    # a family name shared by several people: the one named in the document wins
    ("Kim Min-seok chaired the cabinet meeting on Tuesday. Kim said prices would fall.", "2025-09-01", "Kim",
     "Kim Min-seok"),
    ("Kim Jong Un inspected a factory. Later Kim watched a missile launch.", "2025-09-01", "Kim", "Kim Jong Un"),
])
def test_actors_short_names_resolve_within_document(annotate, text, dct, surface, name):
    doc = annotate(text, dct)
    found = [s._.actor["name"] for s in doc.spans["pw_actors"] if s.text == surface]
    assert found and all(n == name for n in found)


@pytest.mark.parametrize("text, surface, name", [
    ("South Korean officials said the plan was sound.", "South Korean", "South Korea"),
    ("American troops will stay, the general said.", "American", "United States"),
    ("Korea's exports fell for a third month.", "Korea", "South Korea"),
    ("Chinese diplomats walked out of the meeting.", "Chinese", "China"),
])
def test_actors_demonyms_and_possessives_link_to_the_state(annotate, text, surface, name):
    actor = actor_for(annotate(text, "2025-01-01"), surface)
    assert actor["name"] == name and actor["type"] == "GPE"


def test_actors_north_and_south_only_in_a_korean_context(annotate):
    korean = annotate("The North fired two missiles into the sea, the South's military said.", "2023-01-01")
    assert [a[1] for a in actors(korean)] == ["North Korea", "South Korea"]
    weather = annotate("Storms battered the North on Sunday, closing roads across the region.", "2023-01-01")
    assert actors(weather) == []


@pytest.mark.parametrize("text, surface, kb_id", [
    ("South Korea's Foreign Ministry summoned the envoy.", "South Korea's Foreign Ministry", "org:kor_mofa"),
    ("Japan's Foreign Ministry lodged a protest.", "Japan's Foreign Ministry", "org:jpn_mofa"),
])
def test_actors_shared_body_names_follow_the_state_named(annotate, text, surface, kb_id):
    assert actor_for(annotate(text, "2024-01-01"), surface)["kb_id"] == kb_id


def test_actors_shared_body_name_of_another_state_is_not_linked(annotate):
    doc = annotate("Brazil's foreign ministry said it was monitoring the situation.", "2024-01-01")
    assert [a[2] for a in actors(doc)] == ["gpe:BRA"]


def test_actors_administration_is_an_org_acting_for_the_state(annotate):
    actor = actor_for(annotate("The Biden administration imposed export controls on chips.", "2023-01-01"),
                      "Biden administration")
    assert actor == {"kb_id": None, "name": "Biden administration", "type": "ORG", "acts_for": "United States"}


@pytest.mark.parametrize("text, full, short", [
    ("Margaret Holloway, a trade lawyer, said the deal was fragile. Holloway added that voters were unhappy.",
     "Margaret Holloway", "Holloway"),
    ("Choi Min-ho, a professor, said the plan was risky. Choi added that markets would wait.", "Choi Min-ho", "Choi"),
])
def test_actors_unknown_people_are_kept_and_merged(annotate, text, full, short):
    doc = annotate(text, "2025-01-01")
    first, later = actor_for(doc, full), actor_for(doc, short)
    assert first == later == {"kb_id": None, "name": full, "type": "PERSON", "acts_for": None}


def test_actors_unknown_acronym_in_brackets_merges_with_its_name(annotate):
    doc = annotate("The Hanbit Energy Forum (HEF) released a survey. HEF said most firms backed the deal.", "2025-01-01")
    names = {s._.actor["name"] for s in doc.spans["pw_actors"]}
    assert names == {"Hanbit Energy Forum"}
    assert sum(s.text == "HEF" for s in doc.spans["pw_actors"]) == 2


@pytest.mark.parametrize("text", [
    "About 28,500 troops are stationed there, a first-term promise kept.",
    "Sales rose 15 percent in 2024.",
])
def test_actors_numbers_and_lowercase_phrases_are_not_actors(annotate, text):
    assert actors(annotate(text, "2025-01-01")) == []


def test_actors_byline_names_are_people(annotate):
    doc = annotate("Alliance Tensions Grow\nby Harriet Okonkwo and Daniel Brandt-Ruiz\nSeoul is worried.", "2025-01-01")
    people = {s._.actor["name"] for s in doc.spans["pw_actors"] if s._.actor["type"] == "PERSON"}
    assert people == {"Harriet Okonkwo", "Daniel Brandt-Ruiz"}


def test_actors_glued_tokens_still_name_states(annotate):
    doc = annotate("The U.S.-Korea relationship and U.S.–Japan ties were discussed.", "2025-01-01")
    names = {s._.actor["name"] for s in doc.spans["pw_actors"]}
    assert {"United States"} <= names


def test_actors_actor_of_finds_the_narrowest_covering_actor(annotate):
    doc = annotate("Analysts expect the North Korean leader to visit Moscow.", "2020-06-01")
    leader = next(t for t in doc if t.text == "leader")
    north = next(t for t in doc if t.text == "North")
    verb = next(t for t in doc if t.text == "expect")
    assert actor_of(doc, leader)["name"] == "Kim Jong Un"
    assert actor_of(doc, north)["name"] == "North Korea"
    assert actor_of(doc, verb) is None


def test_actors_user_kb_adds_a_person(tmp_path):
    import spacy
    from pactwatch import pipeline
    (tmp_path / "people.toml").write_text("""
[[people]]
id = "per:ines_valdivia"
name = "Ines Valdivia"
short = ["Valdivia"]
roles = [{ role = "foreign minister", of = "gpe:CHL", start = "2030-03-11" }]
""", encoding="utf-8")
    nlp = spacy.load(pipeline.MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("pactwatch_actors", config={"kb_dirs": [str(tmp_path)]})
    doc = pipeline.make_doc(nlp, pipeline.as_document("Chile's foreign minister arrived in Seoul. Valdivia met reporters.",
                                                      "2031-01-05"))
    doc = nlp(doc)
    names = [s._.actor["name"] for s in doc.spans["pw_actors"] if s._.actor["type"] == "PERSON"]
    assert names == ["Ines Valdivia", "Ines Valdivia"]


def test_actors_unknown_person_with_title_acts_for_the_state_named(annotate):
    doc = annotate("Chilean Vice Foreign Minister Ana Soto-Vergara met envoys. Soto-Vergara said the talks went well.",
                   "2025-01-01")
    actor = actor_for(doc, "Ana Soto-Vergara")
    assert actor == {"kb_id": None, "name": "Ana Soto-Vergara", "type": "PERSON", "acts_for": "Chile"}


@pytest.mark.parametrize("text, name", [
    ("In a speech in 2019, the South Korean president urged talks with the North.", "Moon Jae-in"),
    ("By 2023 the South Korean president had shifted course.", "Yoon Suk Yeol"),
])
def test_actors_undated_document_uses_the_latest_year_it_mentions(annotate, text, name):
    actor = actor_for(annotate(text, None), "South Korean president")
    assert actor["name"] == name


@pytest.mark.parametrize("text, surface, etype", [
    ("Workers at the plant in New Jersey walked out.", "New Jersey", "GPE"),
    ("Students at Seoul National University protested.", "Seoul National University", "ORG"),
])
def test_actors_longer_name_around_a_place_is_kept_whole(annotate, text, surface, etype):
    actor = actor_for(annotate(text, "2025-01-01"), surface)
    assert actor["type"] == etype and actor["kb_id"] is None


@pytest.mark.parametrize("text, surface, acts_for", [
    ("U.S. Ambassador to Japan Gareth Pimm said the alliance was strong.", "Gareth Pimm", "United States"),
    ("Chinese Foreign Ministry spokesperson Zhao Mingyu called the remarks reckless.", "Zhao Mingyu", "China"),
    ("Kenyan Trade Minister Wanjiru Kamau signed the accord.", "Wanjiru Kamau", "Kenya"),
])
def test_actors_unknown_official_acts_for_the_state_or_body_before_the_title(annotate, text, surface, acts_for):
    actor = actor_for(annotate(text, "2025-11-20"), surface)
    assert actor["kb_id"] is None and actor["acts_for"] == acts_for


@pytest.mark.parametrize("text, person", [
    ("The minister speaks in Busan. (AP Photo/Song Hye-rin)", "Song Hye-rin"),
    ("Troops march in the capital. (Pool photo by Marta Quiroga/Getty Images)", "Marta Quiroga"),
])
def test_actors_photo_credits_name_the_photographer(annotate, text, person):
    names = {s._.actor["name"] for s in annotate(text, "2025-01-01").spans["pw_actors"]
             if s._.actor["type"] == "PERSON"}
    assert person in names


@pytest.mark.parametrize("text, kb_id", [
    ("Agents raided a factory in Ellabell, Georgia, on Thursday.", "gpe:usa:georgia"),
    ("Officials met in Tbilisi, Georgia, on Monday.", "gpe:GEO"),
    ("Washington pressed ahead while the governor of Georgia objected.", "gpe:usa:georgia"),
    ("Russia and Georgia fought a short war in 2008.", "gpe:GEO"),
])
def test_actors_shared_place_name_follows_context(annotate, text, kb_id):
    assert actor_for(annotate(text, "2025-01-01"), "Georgia")["kb_id"] == kb_id


@pytest.mark.parametrize("text, expected", [
    ("Joe Biden toured the plant on Monday. The president praised the workers.", "Joe Biden"),
    # two presidents named: "the president" could be either, so it is left alone
    ("Joe Biden met Yoon Suk Yeol on Monday. The president praised the workers.", None),
])
def test_actors_the_president_is_the_one_office_holder_named(annotate, text, expected):
    doc = annotate(text, "2023-04-26")
    found = [s._.actor["name"] for s in doc.spans["pw_actors"] if s.text == "president"]
    assert found == ([expected] if expected else [])


def test_actors_lone_common_nouns_are_not_actors(annotate):
    doc = annotate("The Cabinet approved the budget on Friday, and the Court upheld it.", "2024-01-01")
    assert actors(doc) == []


def test_actors_glued_name_keeps_its_own_span(annotate):
    doc = annotate("Ships enforced the U.N.-backed embargo.", "2024-01-01")
    assert [(a[0], a[1]) for a in actors(doc)] == [("U.N.-backed", "United Nations")]


def test_actors_unknown_family_name_typed_as_org_joins_the_person(annotate):
    # the model calls the first "Vasquez" an ORG; the full name later in the text makes it a person
    doc = annotate("Teodor Vasquez spoke. The statement by Teodor Vasquez was brief.", "2024-01-01")
    found = {(s._.actor["name"], s._.actor["type"]) for s in doc.spans["pw_actors"]}
    assert found == {("Teodor Vasquez", "PERSON")}


def test_actors_heading_words_are_not_organisations_and_names_in_headings_resolve(annotate):
    doc = annotate("Trump, Moon Agree on Summit as Sanctions Talks Stall\n\nPresident Trump met Moon Jae-in on Friday.",
                   "2018-05-22")
    assert {(a[0], a[1]) for a in actors(doc)} == {("Trump", "Donald Trump"), ("Moon", "Moon Jae-in"),
                                                    ("Moon Jae-in", "Moon Jae-in")}


def test_actors_byline_with_job_title_names_only_the_person(annotate):
    doc = annotate("by Harriet Okonkwo\nby Harriet Okonkwo, Senior Fellow\nSeoul is worried.", "2025-01-01")
    people = {s._.actor["name"] for s in doc.spans["pw_actors"] if s._.actor["type"] == "PERSON"}
    assert "Senior Fellow" not in people


def test_actors_company_short_name_joins_its_full_name(annotate):
    doc = annotate("Dravik Marine Corp. said it would cut jobs. Dravik also said sales fell.", "2024-01-01")
    assert actor_for(doc, "Dravik")["name"] == "Dravik Marine Corp."
    assert {s._.actor["name"] for s in doc.spans["pw_actors"]} == {"Dravik Marine Corp."}


def _found(doc) -> set[tuple[str, str]]:
    return {(s._.actor["name"], s._.actor["type"]) for s in doc.spans["pw_actors"]}


@pytest.mark.parametrize("text, outlet", [
    # a copyright line, even one whose words look like a heading and hold a place name
    ("Tariff talks resumed on Monday.\n\n© 2025 The Busan Courier", "Busan Courier"),
    ("Tariff talks resumed on Monday.\nCopyright 2024 Harbor Light Media. All rights reserved.", "Harbor Light Media"),
    # a photo credit naming the outlet the photographer works for
    ("The envoy waves. Credit: Mina Castellano for The Lakeshore Gazette\n\nTalks resumed.", "Lakeshore Gazette"),
    # names and an outlet after a bar, with or without "By"
    ("Talks Resume\nOliver Brandt and Seo-ah Lim | Harbor Light Weekly\n\nTalks resumed.", "Harbor Light Weekly"),
    # the byline block at a story's foot: byline, date, outlet
    ("Talks resumed on Monday.\n\nBy Oliver Brandt, Tokyo bureau\nMarch 3, 2025\nPacific Rim Tribune",
     "Pacific Rim Tribune"),
])
def test_actors_outlets_in_credits_copyright_and_byline_blocks(annotate, text, outlet):
    found = _found(annotate(text, "2025-03-03"))
    assert (outlet, "ORG") in found
    # a place inside the outlet's name is not an actor of its own there
    assert ("Pacific", "LOC") not in found and ("Busan", "GPE") not in found


def test_actors_bar_byline_names_people_in_full(annotate):
    doc = annotate("Talks Resume\nOliver Brandt and Seo-ah Lim | Harbor Light Weekly\n\nTalks resumed.", "2025-03-03")
    people = {n for n, t in _found(doc) if t == "PERSON"}
    assert people == {"Oliver Brandt", "Seo-ah Lim"}


def test_actors_a_line_of_names_without_by_or_outlet_is_not_a_byline(annotate):
    doc = annotate("Rising Tides and Falling Prices\n\nMarkets slipped on Monday.", "2025-03-03")
    assert not any(t == "PERSON" for _, t in _found(doc))


@pytest.mark.parametrize("text", [
    "The ministers will meet at noon.\n\n(END)",
    "Updated March 4, 2025, 6:15 p.m. ET\n\nThe ministers will meet at noon.",
    "The briefing starts at 10 a.m. KST on Friday.",
])
def test_actors_wire_markers_and_time_zones_are_not_actors(annotate, text):
    assert actors(annotate(text, "2025-03-03")) == []


def test_actors_a_lone_capitalised_word_opening_a_sentence_is_not_a_person(annotate):
    doc = annotate("Kang Min-ji won the vote easily. Turnout was well above the last election.", "2025-03-03")
    assert {n for n, t in _found(doc) if t == "PERSON"} == {"Kang Min-ji"}


def test_actors_a_name_before_kingdom_or_dynasty_is_a_historical_state(annotate):
    doc = annotate("The museum shows a bronze bell from the Goryeo dynasty.", "2025-03-03")
    assert ("Goryeo", "GPE") in _found(doc)
    assert not any(t == "PERSON" for _, t in _found(doc))


@pytest.mark.parametrize("text, name", [
    ("The leaders toured the Andong Folk Museum after lunch.", "Andong Folk Museum"),
    # a place the knowledge base knows, inside a building's name
    ("Delegates gathered at the Busan Maritime Museum on Friday.", "Busan Maritime Museum"),
])
def test_actors_buildings_named_as_venues_are_places(annotate, text, name):
    actor = actor_for(annotate(text, "2025-03-03"), name)
    assert actor["type"] == "LOC" and actor["kb_id"] is None


@pytest.mark.parametrize("text, name", [
    ("Drones struck fuel depots in the Zaporizhzhia region overnight.", "Zaporizhzhia"),
    ("Floods hit parts of Fukuoka prefecture this week.", "Fukuoka"),
    ("Villagers fled the Tillabéri region after the raid.", "Tillabéri"),
])
def test_actors_a_proper_name_before_a_region_word_is_a_region(annotate, text, name):
    doc = annotate(text, "2025-03-03")
    token = next(t for t in doc if t.text == name)
    actor = actor_of(doc, token)
    assert actor is not None and (actor["name"], actor["type"]) == (name, "GPE")


def test_actors_leader_named_in_full_before_government_is_also_the_person(annotate):
    doc = annotate("Relations cooled after the Moon Jae-in government ended the pact.", "2020-01-01")
    found = _found(doc)
    assert ("Moon Jae-in", "PERSON") in found
    assert ("Moon government", "ORG") in found
    # by family name alone it stays the government only
    assert ("Biden administration", "ORG") in _found(annotate("The Biden administration objected.", "2023-01-01"))
    assert not any(t == "PERSON" for _, t in _found(annotate("The Biden administration objected.", "2023-01-01")))


@pytest.mark.parametrize("text, surface, name", [
    ("Rebels shelled a town in Northern Cambodia at dawn.", "Cambodia", "Cambodia"),
    ("Officials in Eastern Ukraine ordered evacuations.", "Ukraine", "Ukraine"),
])
def test_actors_compass_word_before_a_state_is_still_the_state(annotate, text, surface, name):
    assert actor_for(annotate(text, "2025-03-03"), surface)["name"] == name


def test_actors_northern_ireland_is_not_ireland(annotate):
    doc = annotate("Voters in Northern Ireland went to the polls.", "2025-03-03")
    assert [a[1] for a in actors(doc)] == ["Northern Ireland"]


@pytest.mark.parametrize("text, surface, name", [
    ("Zambian officials rejected the plan on Monday.", "Zambian", "Zambia"),
    ("Thousands of Malians crossed the border.", "Malians", "Mali"),
    ("Moscow said the talks had failed.", "Moscow", "Russian Federation"),
    ("Envoys from Russia arrived.", "Russia", "Russian Federation"),
    ("Turkey closed the strait to warships.", "Turkey", "Türkiye"),
])
def test_actors_states_carry_their_iso_name(annotate, text, surface, name):
    assert actor_for(annotate(text, "2025-03-03"), surface)["name"] == name


def test_actors_alliance_meeting_is_a_named_event(annotate):
    doc = annotate("The defense chiefs met at the 56th Security Consultative Meeting in Washington.", "2024-10-30")
    assert ("Security Consultative Meeting", "EVENT") in _found(doc)


def test_actors_a_family_before_dynasty_stays_a_family(annotate):
    doc = annotate("Kim Jong Un is the third ruler of the Kim dynasty.", "2025-03-03")
    assert ("Kim", "GPE") not in _found(doc)


def test_actors_a_person_known_by_one_name_opening_a_sentence_is_kept(annotate):
    doc = annotate("Lula's government, which took office in 2023, faces protests.", "2024-03-03")
    assert ("Lula", "PERSON") in _found(doc)


def test_actors_byline_names_before_their_jobs_are_people(annotate):
    doc = annotate("Tariffs Bite\nBy Nadia Ferreira and Joon-ho Baek, Staff Reporters\n\nSeoul is worried.", "2025-01-01")
    assert {n for n, t in _found(doc) if t == "PERSON"} == {"Nadia Ferreira", "Joon-ho Baek"}


def test_actors_a_sentence_opening_with_by_is_not_a_byline(annotate):
    doc = annotate("Markets Calm\nBy Late April, Seoul and Tokyo had settled.\n\nTalks went on.", "2025-01-01")
    assert not any(t == "PERSON" for _, t in _found(doc))


def test_actors_links_to_other_stories_name_no_actors(annotate):
    doc = annotate("Seoul raised its offer on Monday.\nRelated: Ishiba Heads to Canberra for Talks\n"
                   "Read more: Why Manila matters", "2025-01-01")
    assert [a[1] for a in actors(doc)] == ["South Korea"]


@pytest.mark.parametrize("text, name", [
    ("The leftist Teklu (Unity) movement vowed to fight on.", "Teklu"),
    ("The banned Farmers' Alliance of Ruritania called a strike.", "Farmers' Alliance of Ruritania"),
])
def test_actors_brackets_cut_a_name_and_a_plural_apostrophe_stays_in_it(annotate, text, name):
    names = {s._.actor["name"] for s in annotate(text, "2025-01-01").spans["pw_actors"]}
    assert name in names


def test_actors_wire_reporting_credits_name_people(annotate):
    doc = annotate("Talks resumed on Monday.\n\n(Reporting by Wu Lan in Beijing and Saki Mori in Tokyo; "
                   "Editing by Peter Quill)", "2025-01-01")
    people = {n for n, t in _found(doc) if t == "PERSON"}
    assert people == {"Wu Lan", "Saki Mori", "Peter Quill"}


@pytest.mark.parametrize("text, surface, kb_id", [
    # the second of two subjects
    ("Seoul and Canberra signed the accord on Monday.", "Canberra", "gpe:AUS"),
    # a capital addressed or pressed
    ("The minister urged Canberra to reconsider.", "Canberra", "gpe:AUS"),
    # a capital that is only a destination stays the city
    ("The minister flew to Canberra on Monday.", "Canberra", "gpe:AUS:capital"),
])
def test_actors_capital_acting_as_a_government(annotate, text, surface, kb_id):
    assert actor_for(annotate(text, "2025-01-01"), surface)["kb_id"] == kb_id


def test_actors_a_kicker_with_a_bar_is_not_a_byline(annotate):
    doc = annotate("Trade War | Markets\n\nShares fell in Seoul on Monday.", "2025-01-01")
    assert not any(t in ("PERSON", "ORG") for _, t in _found(doc))


def test_actors_byline_with_an_email_address_names_the_reporter(annotate):
    doc = annotate("Seoul is worried.\n\nBy Yang Su-bin (sbyang@example.com)", "2025-12-01")
    assert ("Yang Su-bin", "PERSON") in _found(doc)


@pytest.mark.parametrize("text, dct, expected", [
    # a family name shared with a minister long out of office is not that minister
    ("Choi said the market would recover by spring.", "2026-06-01", None),
    # after the title of an office he held it is: the one person the knowledge base has by that name
    ("Former Finance Minister Choi said the market would recover.", "2026-06-01", "Choi Sang-mok"),
    # not after the title of an office he never held
    ("Former Prime Minister Choi said the market would recover.", "2026-06-01", None),
    # in office on the date: the one holder
    ("Choi said the budget would pass.", "2025-02-01", "Choi Sang-mok"),
])
def test_actors_family_name_alone_is_linked_only_to_someone_in_office(annotate, text, dct, expected):
    doc = annotate(text, dct)
    found = [s._.actor for s in doc.spans["pw_actors"] if s.text == "Choi"]
    assert [a["name"] for a in found if a["kb_id"]] == ([expected] if expected else [])


@pytest.mark.parametrize("text, name, etype", [
    # small words and hyphens inside a longer name around a place
    ("She teaches at the University of Busan Foreign Studies.", "University of Busan Foreign Studies", "ORG"),
    ("The Japan Coast Self-Defense Squadron sailed at dawn.", "Japan Coast Self-Defense Squadron", "ORG"),
    # a name many states' bodies share, inside a longer party name
    ("Leaders of the Progressive Democratic Party of Chile met on Monday.", "Progressive Democratic Party of Chile",
     "ORG"),
    # the model may hear a place; the last word makes it an organisation
    ("The Republic of Chile Navy sent a frigate.", "Republic of Chile Navy", "ORG"),
])
def test_actors_longer_names_around_places_and_shared_names(annotate, text, name, etype):
    found = _found(annotate(text, "2025-01-01"))
    assert (name, etype) in found
    assert not any(n in ("Democratic Party of Korea", "Japan", "Chile") for n, _ in found)


def test_actors_acronym_may_leave_out_the_place_of_its_name(annotate):
    doc = annotate("The Liberal Reform Party of Chile (LRP) walked out. LRP leaders said they would return.",
                   "2025-01-01")
    assert {s._.actor["name"] for s in doc.spans["pw_actors"] if s.text == "LRP"} == {"Liberal Reform Party of Chile"}


def test_actors_a_question_heading_is_no_organisation(annotate):
    doc = annotate("Will Trade Talks Change the Course of the Japan-Korea Relationship?\n\nTalks resumed on Monday.",
                   "2025-01-01")
    assert not any(t == "ORG" for _, t in _found(doc))


# ---------------------------------------------------------------- generic references to a state's organs

def organ_states(doc) -> dict[str, str | None]:
    """surface -> the state each actor span stands for, for the spans over organ words."""
    return {s.text: s._.actor["acts_for"] for s in doc.spans["pw_actors"]
            if s.root.lower_ in {"agents", "prosecutors", "police", "authorities", "officers", "administration",
                                 "government", "officials"}}


@pytest.mark.parametrize("text, surface, state", [
    # the place the act happened settles whose organ it is: a US state, a capital
    ("The United States and South Korea traded complaints over visas. Federal agents arrested 200 "
     "workers at a solar panel factory in Ohio on Monday.", "Federal agents", "United States"),
    ("Seoul and Washington argued for weeks. Immigration officers questioned 50 workers at a Texas "
     "warehouse.", "Immigration officers", "United States"),
    ("Japan and South Korea held talks on Friday. Police in Tokyo detained a man near the venue.",
     "Police", "Japan"),
    # a place in a clause going on with the same act
    ("Japan and China exchanged notes. Police broke up the rally and detained two men in Tokyo.",
     "Police", "Japan"),
    # "federal": the one federation among the states the story is about
    ("Officials from South Korea and the United States met to discuss the case. Federal prosecutors "
     "later charged the two executives.", "Federal prosecutors", "United States"),
    # a place of a clause that goes on with the same act ("moved in to arrest")
    ("South Korea's parliament met on Monday. The authorities moved in to arrest three men at a rally in "
     "Seoul.", "authorities", "South Korea"),
])
def test_actors_generic_organ_acts_for_the_state_the_story_makes_clear(annotate, text, surface, state):
    doc = annotate(text, "2025-09-10")
    actor = actor_for(doc, surface)
    assert (actor["name"], actor["type"], actor["acts_for"]) == (state, "GPE", state)
    # it is a mention of that state, not an entity of its own
    assert actor["kb_id"] == next(s._.actor["kb_id"] for s in doc.spans["pw_actors"] if s._.actor["name"] == state
                                  and s.text != surface)


@pytest.mark.parametrize("text", [
    # two federations: "federal" does not say which
    "Germany and the United States disagreed over the deal. Federal prosecutors charged the men.",
    # two states and no place: unclear
    "Japan and South Korea held talks. Police detained 30 protesters on the way.",
    # places of two states in the sentence
    "The United States and South Korea named envoys. Police questioned workers in Seoul and in Ohio.",
    # the state is never named: linking would add an actor the story does not name
    "Police in Busan detained 30 protesters outside the consulate on Friday.",
    # a "federal" reference in a story about no federation
    "Japan and South Korea signed the pact in Tokyo. Federal agents were not involved.",
    # a place of another clause is not where the agents acted
    "Workers who were held by immigration agents landed at an airport in Seoul, South Korea said.",
    # where the act was done is unsaid: a place in the sentence before may be somewhere else
    "The workers landed in Seoul on Friday, South Korea said. Immigration agents had held them for a week.",
    # a nationality says who is acted on, not where
    "Japan and South Korea traded notes. Police fired tear gas at Korean protesters on Sunday.",
    # a state's embassy stands on another's soil
    "Japan and South Korea traded notes. Police detained 30 protesters outside Japan's embassy on Friday.",
    # a story set in one state and naming no other: the agents may still be another's
    "Only South Korea was named. Workers held by immigration agents for a week landed in Seoul on Friday.",
    # a story about one state's nationals, set nowhere: the police may be anyone's
    "A South Korean tourist was arrested on Monday after a fight. Police said the man had been drinking, "
    "and South Korea's foreign ministry said it was in contact.",
])
def test_actors_generic_organ_left_unlinked_when_unclear(annotate, text):
    doc = annotate(text, "2025-09-10")
    assert organ_states(doc) == {}, actors(doc)


@pytest.mark.parametrize("text", [
    # the organ only describes another noun, or "officers" alone says nothing about whose
    "South Korea said police sources had confirmed the arrests.",
    "South Korea said officers had guarded the building overnight.",
    # "the administration of" a thing is a process, not a government
    "President Trump said the United States was ready. The administration of the tests was slow.",
])
def test_actors_words_that_are_no_organ_reference(annotate, text):
    assert organ_states(annotate(text, "2025-09-10")) == {}


def test_actors_organ_named_by_its_own_modifier_is_left_to_the_modifier(annotate):
    doc = annotate("South Korean police detained 20 people in Seoul, and Japan protested.", "2025-09-10")
    assert "South Korean police" not in [s.text for s in doc.spans["pw_actors"]]
    assert actor_for(doc, "South Korean")["name"] == "South Korea"
    assert not any(s.text == "police" for s in doc.spans["pw_actors"])


def test_actors_the_administration_refers_back_to_the_one_named(annotate):
    doc = annotate("The Lee administration said it wanted more talks with Tokyo. Later, the administration "
                   "named a new envoy.", "2025-09-10")
    later = [s for s in doc.spans["pw_actors"] if s.text == "administration"]
    assert len(later) == 1
    assert later[0]._.actor["name"] == "Lee administration"
    assert later[0]._.actor["acts_for"] == "South Korea"


def test_actors_the_administration_of_the_one_head_of_government_named(annotate):
    doc = annotate("President Trump said the United States would raise tariffs. The administration also "
                   "pressed Japan for more investment.", "2025-09-10")
    actor = actor_for(doc, "administration")
    assert (actor["name"], actor["acts_for"]) == ("United States", "United States")


@pytest.mark.parametrize("text", [
    # two heads of government: whose administration is unclear, even where the model misses one name
    "Trump and Lee met in Gyeongju on Wednesday. The administration wants more money, the United States said.",
    "President Trump met President Lee Jae Myung. Afterwards the administration released a statement.",
    # administrations of two states named before
    "The Trump administration and the Lee administration disagreed. Then the administration softened its tone.",
])
def test_actors_the_administration_left_unlinked_when_two_governments_fit(annotate, text):
    doc = annotate(text, "2025-09-10")
    assert not any(s.text == "administration" for s in doc.spans["pw_actors"]), actors(doc)


# ---------------------------------------------------------------- issue 11: actors and page text

def test_actors_common_words_in_a_headline_are_no_person(nlp):
    from pactwatch.pipeline.actors import PageRanges
    from pactwatch.pipeline.actors.entities import headline_words
    index = nlp.get_pipe("pactwatch_actors").index
    doc = nlp.make_doc("Harbour Boards Offer Swift Rebuttal\n\nPetra Lindqvist spoke for the Joint Review Panel.")
    heading = PageRanges([(0, len("Harbour Boards Offer Swift Rebuttal"))])
    assert headline_words(index, doc[3:5], "PERSON", heading)             # "Offer Swift", in the heading
    assert headline_words(index, doc[11:14], "PERSON", PageRanges([]))     # "Joint Review Panel": three common words
    assert not headline_words(index, doc[7:9], "PERSON", PageRanges([]))   # "Petra Lindqvist": a name
    assert not headline_words(index, doc[3:5], "ORG", heading)


def test_actors_name_cut_by_a_line_break_is_joined(annotate):
    doc = annotate("Shipments bound for Chin\na rose again in the spring, the ministry said.", "2025-05-01")
    assert ("China", "GPE") in [(s._.actor["name"], s._.actor["type"]) for s in doc.spans["pw_actors"]]
    assert "Chin" not in [s._.actor["name"] for s in doc.spans["pw_actors"]]


def test_actors_family_name_after_a_suffix_and_a_given_name_alone_fold_into_the_full_name(annotate):
    doc = annotate("Governor Arlo Whitcombe Jr. met the delegation on Monday. Whitcombe later said the ferry "
                   "deal would wait. Arlo, as his aides call him, left early.", "2025-05-01")
    people = {s.text: s._.actor["name"] for s in doc.spans["pw_actors"] if s._.actor["type"] == "PERSON"}
    assert people.get("Whitcombe") == "Arlo Whitcombe Jr."
    assert set(people.values()) == {"Arlo Whitcombe Jr."}, people


def test_actors_given_name_alone_of_a_known_person(annotate):
    doc = annotate("President Donald Trump met the governors on Monday. Donald, his friends said, enjoyed it.",
                   "2025-05-01")
    assert actor_for(doc, "Donald")["name"] == "Donald Trump"


def test_actors_title_after_no_or_any_is_no_one_in_particular(annotate):
    doc = annotate("No American president has visited the atoll since 1990, and any prime minister would "
                   "struggle to get there.", "2025-05-01")
    assert not [s for s in doc.spans["pw_actors"] if s._.actor["type"] == "PERSON"], actors(doc)


def test_actors_a_name_hyphened_to_class_names_a_kind_and_to_era_stays_the_actor(annotate):
    doc = annotate("Australia will buy three Virginia-class submarines, officials said, ending the "
                   "Trump-era dispute.", "2025-05-01")
    names = [s._.actor["name"] for s in doc.spans["pw_actors"]]
    assert "Virginia" not in names and "Trump-era" not in names
    assert "Australia" in names


def test_actors_the_government_of_a_state_is_the_state(annotate):
    doc = annotate("The Government of India said on Friday that it would answer the tariffs.", "2025-08-07")
    assert ("India", "GPE") in [(s._.actor["name"], s._.actor["type"]) for s in doc.spans["pw_actors"]]
    assert "Government of India" not in [s._.actor["name"] for s in doc.spans["pw_actors"]]


def test_actors_a_shared_court_name_goes_to_the_state_its_sentence_is_about(annotate):
    doc = annotate("South Korea said Seoul would watch closely, and Korean exporters hoped for relief. "
                   "On Friday the Supreme Court struck down the tariffs President Trump had imposed.", "2025-05-01")
    assert actor_for(doc, "Supreme Court")["name"] == "US Supreme Court"


def test_actors_other_names_of_an_alliance_and_its_exercises(annotate):
    doc = annotate("The Atlantic Alliance met in Brussels while Balikatan drills went on near Luzon.", "2025-05-01")
    assert actor_for(doc, "Atlantic Alliance")["name"] == "NATO"
    assert ("Balikatan", "EVENT") in [(s._.actor["name"], s._.actor["type"]) for s in doc.spans["pw_actors"]]


def test_actors_outlet_and_photographer_the_page_credits(annotate):
    doc = annotate("July 09, 2031Harbour Ledger\nFerry crews met the minister in port on Tuesday. Ines Ruiz/AP\n\n"
                   "The ferry crews said the talks with the minister had gone well.", None)
    found = {(s._.actor["name"], s._.actor["type"]) for s in doc.spans["pw_actors"]}
    assert ("Ines Ruiz", "PERSON") in found
    assert ("Harbour Ledger", "ORG") in found


def test_actors_a_gathering_named_after_a_place_is_an_event(annotate):
    doc = annotate("Leaders flew home after the Lisbon Summit, and ministers prepared for the Halden Ports "
                   "Conference in June.", "2031-05-01")
    types = {s._.actor["name"]: s._.actor["type"] for s in doc.spans["pw_actors"]}
    assert types.get("Lisbon Summit") == "EVENT", types


@pytest.mark.parametrize("text, surface, acts_for", [
    # a head of government or minister the knowledge base holds acts for the state of the office
    ("Prime Minister Modi said the farmers would come first.", "Modi", "India"),
    ("Defence Minister Richard Marles flew in on Sunday.", "Richard Marles", "Australia"),
    # an alliance's secretary general acts for the alliance, not for his home state
    ("NATO Secretary General Mark Rutte said every ally must pay its share.", "Mark Rutte", "NATO"),
    # a body that trades or taxes in its own right acts for itself
    ("The EU said it would answer the duties within a week.", "EU", "European Union"),
])
def test_actors_office_holders_and_parties_act_for_their_state_or_body(annotate, text, surface, acts_for):
    assert actor_for(annotate(text, "2025-07-01"), surface)["acts_for"] == acts_for


@pytest.mark.parametrize("text, surface, acts_for", [
    # the title before an unknown name: the one state named whose president the KB does not know
    ("Talks between the United States and Peru resumed on Monday. President Jorge Quispe said the duty was "
     "unfair.", "Jorge Quispe", "Peru"),
    # a state's office in apposition, the state named or referred back to
    ("Maria Fernanda Lopez, Chile's foreign minister, met Marco Rubio in Washington.", "Maria Fernanda Lopez", "Chile"),
    ("Peru raised its duties on steel. Jorge Quispe, the country's president, said the United States had pushed "
     "too hard.", "Jorge Quispe", "Peru"),
])
def test_actors_unknown_person_with_a_states_office_acts_for_it(annotate, text, surface, acts_for):
    assert actor_for(annotate(text, "2025-07-01"), surface)["acts_for"] == acts_for


@pytest.mark.parametrize("title, acts_for", [
    ("Foreign Minister", "Peru"),   # the United States' foreign minister (its secretary of state) is known
    ("Spokesman", None),            # a spokesman's office is one whose holders the KB does not list
])
def test_actors_unknown_holder_of_a_listed_office_acts_for_the_one_open_state(annotate, title, acts_for):
    doc = annotate(f"Talks between the United States and Peru resumed. {title} Elmer Quiroga said the duty was "
                   "unfair.", "2025-07-01")
    assert actor_for(doc, "Elmer Quiroga")["acts_for"] == acts_for


def test_actors_unknown_president_between_two_open_states_acts_for_neither(annotate):
    doc = annotate("Talks between Peru and Chile resumed. President Jorge Quispe said the duty was unfair.",
                   "2025-07-01")
    assert actor_for(doc, "Jorge Quispe")["acts_for"] is None


@pytest.mark.parametrize("text, surface, acts_for", [
    ("Ottawa said on Monday it would answer the tariffs in kind.", "Ottawa", "Canada"),
    ("Washington urged Canberra to buy more submarines.", "Canberra", "Australia"),
    ("New Delhi rejected the demand on Thursday.", "New Delhi", "India"),
])
def test_actors_any_capital_acting_is_its_state(annotate, text, surface, acts_for):
    actor = actor_for(annotate(text, "2025-07-01"), surface)
    assert actor["type"] == "GPE" and actor["name"] == acts_for == actor["acts_for"]


@pytest.mark.parametrize("text, surface, acts_for", [
    ("Prime Minister Pedro Sanchez argued that his country can meet the goal by spending 2.1% of its output.",
     "his country", "Spain"),
    ("Jorge Quispe, Peru's president, said his nation would not pay.", "his nation", "Peru"),
])
def test_actors_a_persons_own_country_is_the_state_he_acts_for(annotate, text, surface, acts_for):
    actor = actor_for(annotate(text, "2025-07-01"), surface)
    assert actor["type"] == "GPE" and actor["name"] == acts_for


@pytest.mark.parametrize("text", [
    "She said her country was ready.",                                       # no person named before
    "Prime Minister Pedro Sanchez defended his country's pension system.",   # the state only owns the thing
])
def test_actors_own_country_without_a_state_or_as_an_owner_is_no_actor(annotate, text):
    doc = annotate(text, "2025-07-01")
    assert not [s for s in doc.spans["pw_actors"] if "country" in s.text]


def test_actors_a_two_word_name_written_family_name_first_is_the_same_person(annotate):
    actor = actor_for(annotate("Prime Minister Ishiba Shigeru met the envoy on Friday.", "2025-03-01"), "Ishiba Shigeru")
    assert (actor["kb_id"], actor["acts_for"]) == ("per:shigeru_ishiba", "Japan")


def test_actors_an_unknown_spelling_of_a_known_holder_is_not_given_another_state(annotate):
    # "Shigeru Ishibah" is Japan's prime minister misspelt, never the United States'
    doc = annotate("Talks between the United States and Japan went on. Prime Minister Shigeru Ishibah said "
                   "the deal was fair.", "2025-03-01")
    found = [s._.actor for s in doc.spans["pw_actors"] if "Ishibah" in s.text]
    assert all(a["acts_for"] != "United States" for a in found)


@pytest.mark.parametrize("text, surface, name", [
    # initials the knowledge base writes with periods match written without them, capitals only
    ("The envoy spoke on Monday (Washington DC time) about the United States and its allies.", "Washington DC",
     "United States"),
    ("The talks in Washington DC ended late.", "Washington DC", "Washington"),
])
def test_actors_a_name_with_initials_matches_without_their_periods(annotate, text, surface, name):
    assert actor_for(annotate(text, "2025-07-01"), surface)["name"] == name


def test_actors_undotted_initials_still_need_capitals(annotate):
    doc = annotate("Let us see what the talks in Seoul bring.", "2025-07-01")
    assert "us" not in [s.text for s in doc.spans["pw_actors"]]


def test_actors_the_host_city_before_a_lowercase_gathering_word_names_the_gathering(annotate):
    doc = annotate("Leaders met at the Vilnius summit last year.", "2025-07-01")
    assert actor_for(doc, "Vilnius summit")["type"] == "EVENT"
    assert actor_for(doc, "Vilnius")["type"] == "GPE"     # the city is still named


def test_actors_a_city_naming_a_government_is_no_gathering(annotate):
    doc = annotate("The Seoul government said the summit would go ahead.", "2025-07-01")
    assert not [s for s in doc.spans["pw_actors"] if s.label_ == "EVENT"]


@pytest.mark.parametrize("text, surface", [
    ("A transcript shared by the US embassy in Manila said the talks went well.", "US embassy in Manila"),
    ("Officials at the Chinese consulate declined to comment.", "Chinese consulate"),
])
def test_actors_a_states_mission_abroad_is_an_organisation_acting_for_it(annotate, text, surface):
    actor = actor_for(annotate(text, "2025-07-01"), surface)
    assert actor["type"] == "ORG" and actor["acts_for"] in ("United States", "China")


def test_actors_an_embassy_of_no_state_is_no_mission(annotate):
    doc = annotate("The old embassy building in the city was sold.", "2025-07-01")
    assert not [s for s in doc.spans["pw_actors"] if "embassy" in s.text]


def test_actors_a_committee_of_a_known_body_acts_for_its_state(annotate):
    doc = annotate("Congressman Tom Ridley, who sits on the House of Representatives Armed Services Committee, "
                   "spoke on Friday.", "2025-07-01")
    committee = actor_for(doc, "House of Representatives Armed Services Committee")
    assert (committee["type"], committee["acts_for"]) == ("ORG", "United States")
    assert actor_for(doc, "House of Representatives")["kb_id"] is not None   # the house stays named
