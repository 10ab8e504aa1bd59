"""actors/entities.py: the model's entities cut to the name, checked and typed (hand-set entities)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from pactwatch.pipeline.actors import entities
from pactwatch.pipeline.actors.credits import PageRanges
from pactwatch.pipeline.actors.matching import kb_mentions
from pactwatch.pipeline.actors.words import actor_words

NO_HEADINGS = PageRanges([])


def model_found(index, doc, mentions=()):
    out = entities.model_mentions(index, doc, doc.ents, list(mentions), set(), NO_HEADINGS,
                                  entities.full_name_words(doc.ents))
    return [(doc[m.start:m.end].text, m.label) for m in out if m.kind == "model"]


def test_determiners_possessives_and_numbers_are_cut_and_a_possessive_splits(hand_doc):
    doc = hand_doc("the Trump 's Oval Office 2", ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"])
    assert [doc[s:e].text for s, e in entities.clean_pieces(doc.ents[0])] == ["Trump", "Oval Office"]


def test_a_plural_apostrophe_inside_a_name_stays(hand_doc):
    doc = hand_doc("Workers ' Party", ents=["B-ORG", "I-ORG", "I-ORG"])
    assert [doc[s:e].text for s, e in entities.clean_pieces(doc.ents[0])] == ["Workers ' Party"]


@pytest.mark.parametrize("text, label, plausible", [
    ("Choi Min - ho", "PERSON", True),       # a lowercase word after a hyphen inside a name
    ("Bank of Korea", "ORG", True),
    ("last week", "DATE", False),            # no capital
    ("Route 9", "ORG", False),               # a number
    ("Seoul officials", "ORG", False),       # a lowercase word that is no connector
])
def test_plausible_name(hand_doc, text, label, plausible):
    doc = hand_doc(text)
    assert entities.plausible_name(doc[:], label, NO_HEADINGS) is plausible


def test_capitalised_words_in_a_heading_are_no_organisation(hand_doc):
    doc = hand_doc("Tricky Diplomacy Ahead")
    assert not entities.plausible_name(doc[:], "ORG", PageRanges([(0, len(doc.text))]))


def test_proper_words_allow_small_connectors_only():
    from spacy.lang.en import English
    nlp = English()
    assert entities.proper_words(nlp("University of Tokyo")[:])
    assert not entities.proper_words(nlp("University in decline")[:])


def test_a_capitalised_english_word_opening_a_sentence_is_no_person(hand_doc):
    ix = SimpleNamespace(short={}, common_words={"turnout", "high"}, words=actor_words())
    doc = hand_doc("Turnout was high", sent_starts=[True, False, False])
    assert entities.stray_capital(ix, doc, 0, set())
    # ... unless it is written again, someone named in full carries it, or it is no English word
    again = hand_doc("Turnout was high . Turnout rose", sent_starts=[True, False, False, False, True, False])
    assert not entities.stray_capital(ix, again, 0, set())
    assert not entities.stray_capital(ix, doc, 0, {"Turnout"})
    lula = hand_doc("Lula was high", sent_starts=[True, False, False])
    assert not entities.stray_capital(ix, lula, 0, set())


def test_the_last_word_types_a_name(index, hand_doc):
    doc = hand_doc("He visited the Gyeongju National Museum and the Busan Metropolitan Council",
                   ents=["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-GPE", "I-GPE", "I-GPE"])
    mentions = kb_mentions(index, doc)
    assert ("Busan", "gpe:kor:busan") in [(doc[m.start:m.end].text, m.candidates[0][0]) for m in mentions]
    found = model_found(index, doc, mentions)
    # a building is a place; an organisation's last word makes the longer name an ORG, and the
    # city inside it is no mention of its own any more
    assert found == [("Gyeongju National Museum", "FAC"), ("Busan Metropolitan Council", "ORG")]


def test_a_state_named_by_its_government_is_the_state(index, hand_doc):
    doc = hand_doc("the Government of India said", ents=["O", "B-ORG", "I-ORG", "I-ORG", "O"])
    mentions = kb_mentions(index, doc)
    out = entities.model_mentions(index, doc, doc.ents, list(mentions), set(), NO_HEADINGS, set())
    assert [(doc[m.start:m.end].text, m.kind) for m in out] == [("India", "kb")]


def test_an_era_suffix_is_cut_and_a_kind_suffix_drops_the_name(index):
    from spacy.tokens import Doc
    # the hyphen touches both words, as the tokenizer leaves "Kowalczyk-era"
    doc = Doc(index.vocab, words=["the", "Kowalczyk", "-", "era", "dispute"], spaces=[True, False, False, True, False],
              ents=["O", "B-PERSON", "I-PERSON", "I-PERSON", "O"])
    assert model_found(index, doc) == [("Kowalczyk", "PERSON")]
    doc = Doc(index.vocab, words=["three", "Virginia", "-", "class", "boats"], spaces=[True, False, False, True, False],
              ents=["O", "B-GPE", "O", "O", "O"])
    assert model_found(index, doc) == []
