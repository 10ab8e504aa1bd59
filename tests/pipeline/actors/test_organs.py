"""actors/organs.py: governments and generic organs as mentions of the one state the text makes clear."""
from __future__ import annotations

from spacy.attrs import ORTH

from pactwatch.pipeline.actors import organs
from pactwatch.pipeline.actors.mention import ActorMention


def words_of(doc):
    return [doc.vocab.strings[o] for o in doc.to_array(ORTH).tolist()]


def test_a_leader_s_administration_is_an_organisation_acting_for_the_state_he_leads(index, hand_doc):
    doc = hand_doc("the Trump administration said")
    out = organs.administrations(index, words_of(doc), [], "2025-05-01")
    assert [(doc[m.start:m.end].text, m.name, m.label, m.acts_for) for m in out] == [
        ("Trump administration", "Trump administration", "ORG", "gpe:USA")]


def test_the_administration_is_the_one_named_before(index, hand_doc):
    doc = hand_doc("the Trump administration said . Later the administration agreed",
                   pos=["DET", "PROPN", "NOUN", "VERB", "PUNCT", "ADV", "DET", "NOUN", "VERB"])
    named = ActorMention(1, 3, kind="admin", label="ORG", name="Trump administration", acts_for="gpe:USA")
    found = organs.government_anaphor(index, doc, words_of(doc), doc[7], [named], {"gpe:USA"}, "2025-05-01")
    assert (found.start, found.end, found.name, found.acts_for) == (7, 8, "Trump administration", "gpe:USA")
    # "the administration of justice" is no government
    justice = hand_doc("the administration of justice")
    assert organs.government_anaphor(index, justice, words_of(justice), justice[1], [named], {"gpe:USA"}, "2025-05-01") is None


def police_doc(hand_doc):
    # police0 in1 Busan2 arrested3 two4 ,5 Korea6 said7
    return hand_doc("police in Busan arrested two , Korea said",
                    heads=[3, 0, 1, 7, 3, 7, 7, 7],
                    deps=["nsubj", "prep", "pobj", "ccomp", "dobj", "punct", "nsubj", "ROOT"],
                    pos=["NOUN", "ADP", "PROPN", "VERB", "NUM", "PUNCT", "PROPN", "VERB"])


def test_police_with_a_place_of_their_own_are_of_that_place_s_state(index, hand_doc):
    doc = police_doc(hand_doc)
    busan = ActorMention(2, 3, kb_id="gpe:kor:busan", candidates=[("gpe:kor:busan", "name")])
    korea = ActorMention(6, 7, kb_id="gpe:KOR", candidates=[("gpe:KOR", "name")])
    out = organs.organs(index, doc, words_of(doc), [busan, korea], "2025-05-01")
    assert [(doc[m.start:m.end].text, m.kb_id, m.kind) for m in out] == [("police", "gpe:KOR", "organ")]
    # only a state the document names: without Korea named, no one's
    assert organs.organs(index, doc, words_of(doc), [busan], "2025-05-01") == []


def test_a_place_locates_through_the_phrase_it_names_but_not_an_embassy(hand_doc):
    doc = hand_doc("held at a Georgia plant", heads=[0, 0, 4, 4, 1], deps=["ROOT", "prep", "det", "compound", "pobj"])
    assert organs.locates(doc[3])
    embassy = hand_doc("outside the US embassy", heads=[0, 3, 3, 0], deps=["ROOT", "det", "compound", "pobj"])
    assert not organs.locates(embassy[2])
