"""actors/places.py: regions, host-city gatherings, missions abroad and capitals (hand-parsed Docs)."""
from __future__ import annotations

from pactwatch import pipeline
from pactwatch.pipeline.actors import places
from pactwatch.pipeline.actors.mention import ActorMention
from pactwatch.pipeline.extensions import ACTORS


def test_a_capital_as_a_subject_acts_for_its_state_and_as_a_destination_does_not(index, hand_doc):
    said = hand_doc("Seoul said no", heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"])
    seoul = ActorMention(0, 1, kb_id="gpe:KOR:capital")
    assert places.acts(said, seoul)
    flew = hand_doc("Lee flew to Seoul", heads=[1, 1, 1, 2], deps=["nsubj", "ROOT", "prep", "pobj"],
                    pos=["PROPN", "VERB", "ADP", "PROPN"])
    assert not places.acts(flew, ActorMention(3, 4, kb_id="gpe:KOR:capital"))
    urged = hand_doc("they urged Tokyo", heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"],
                     lemmas=["they", "urge", "Tokyo"])
    assert places.acts(urged, ActorMention(2, 3, kb_id="gpe:JPN:capital"))


def test_a_capital_folds_into_its_state_where_the_document_names_the_state(index, hand_doc):
    doc = hand_doc("Korea met in Seoul", heads=[1, 1, 1, 2], deps=["nsubj", "ROOT", "prep", "pobj"])
    state, city = ActorMention(0, 1, kb_id="gpe:KOR"), ActorMention(3, 4, kb_id="gpe:KOR:capital")
    places.capitals(index, doc, [state, city])
    assert city.kb_id == "gpe:KOR"
    alone = ActorMention(3, 4, kb_id="gpe:KOR:capital")
    places.capitals(index, doc, [alone])
    assert alone.kb_id == "gpe:KOR:capital"      # only the meeting's place


def test_a_proper_name_before_region_is_a_region_and_a_family_before_dynasty_is_not(index, hand_doc):
    doc = hand_doc("fighting in the Kursk region", pos=["NOUN", "ADP", "DET", "PROPN", "NOUN"])
    out = places.regions(index, doc, [], set())
    assert [(doc[m.start:m.end].text, m.label, m.name) for m in out] == [("Kursk region", "GPE", "Kursk")]
    family = hand_doc("the Kim dynasty", pos=["DET", "PROPN", "NOUN"])
    assert places.regions(index, family, [], set()) == []        # a family name the knowledge base knows
    family = hand_doc("the Varga dynasty", pos=["DET", "PROPN", "NOUN"])
    assert places.regions(index, family, [], {"Varga"}) == []    # ... or of someone named in full
    assert [m.name for m in places.regions(index, family, [], set())] == ["Varga"]
    # a name the knowledge base knows stays as it is
    known = ActorMention(3, 4, candidates=[("gpe:x", "name")])
    assert places.regions(index, doc, [known], set()) == [known]


def test_a_city_before_a_lowercase_gathering_word_names_the_gathering(index, hand_doc):
    doc = hand_doc("at the Vilnius summit")
    city = ActorMention(2, 3, label="GPE", kind="model")
    out = places.host_city_gatherings(index, doc, [city])
    assert [(doc[m.start:m.end].text, m.label) for m in out] == [("Vilnius summit", "EVENT")]
    assert places.host_city_gatherings(index, hand_doc("Vilnius summit"), [ActorMention(0, 1, label="GPE")]) == []


def test_an_embassy_is_an_organisation_of_its_state_named_with_its_place(index, hand_doc):
    doc = hand_doc("outside the United States embassy in Manila")
    usa = ActorMention(2, 4, candidates=[("gpe:USA", "name")])
    manila = ActorMention(6, 7, candidates=[("gpe:PHL:capital", "name")])
    out = places.missions(index, doc, [usa, manila])
    assert [(doc[m.start:m.end].text, m.label, m.acts_for, m.name) for m in out] == [
        ("United States embassy in Manila", "ORG", "gpe:USA", "United States embassy in Manila")]


def test_a_users_region_word_names_a_region_in_that_pipeline_only(tmp_path, nlp):
    (tmp_path / "actor_words.toml").write_text('region_words = ["canton"]\n', encoding="utf-8")
    text = "Officials in the Zug canton said on Monday that the plant would close."
    extended = pipeline.load(kb_dirs=[str(tmp_path)])

    def actors(model):
        doc = next(pipeline.annotate(model, [(text, "2025-08-21", [])]))
        return [(s.text, s.label_) for s in doc.spans[ACTORS]]

    assert actors(extended) == [("Zug canton", "GPE")]
    # the packaged words alone, in a pipeline built beside it: no region word, the model's reading stays
    assert actors(nlp) == [("Zug", "ORG")]
