"""actors/people.py: family names and given names alone, resolved within the document."""
from __future__ import annotations

from spacy.attrs import ORTH

from pactwatch.pipeline.actors import people
from pactwatch.pipeline.actors.mention import ActorMention


def words_of(doc):
    return [doc.vocab.strings[o] for o in doc.to_array(ORTH).tolist()]


def test_a_family_name_alone_is_the_person_named_in_full_before(index, hand_doc):
    doc = hand_doc("President Donald Trump spoke . Later Trump left")
    mentions = [ActorMention(1, 3, kb_id="per:donald_trump")]
    people.short_names(index, doc, words_of(doc), mentions, "2025-05-01")
    assert [(doc[m.start:m.end].text, m.kb_id) for m in mentions][1:] == [("Trump", "per:donald_trump")]


def test_a_family_name_of_an_unknown_person_takes_the_full_name(index, hand_doc):
    doc = hand_doc("Margaret Holloway spoke . Holloway left")
    full = ActorMention(0, 2, label="PERSON", kind="model")
    alone = ActorMention(4, 5, label="PERSON", kind="model")
    people.short_names(index, doc, words_of(doc), [full, alone], "2025-05-01")
    assert (alone.name, alone.label, alone.kb_id) == ("Margaret Holloway", "PERSON", None)


def test_a_family_name_alone_is_the_one_holder_of_an_office_on_the_date(index, hand_doc):
    doc = hand_doc("Ishiba said")
    m = ActorMention(0, 1, label="PERSON", kind="model")
    people.short_names(index, doc, words_of(doc), [m], "2025-03-01")
    assert m.kb_id == "per:shigeru_ishiba"
    # long out of office, a family name alone may be anyone's
    m = ActorMention(0, 1, label="PERSON", kind="model")
    people.short_names(index, doc, words_of(doc), [m], "1990-01-01")
    assert m.kb_id is None


def test_a_given_name_alone_is_the_one_person_it_completes(index, hand_doc):
    doc = hand_doc("Donald Trump came . Donald left")
    given = ActorMention(4, 5, label="PERSON", kind="model")
    people.given_names(index, doc, [ActorMention(0, 2, kb_id="per:donald_trump"), given])
    assert given.kb_id == "per:donald_trump"
    # two people share it: left alone
    doc = hand_doc("Ana Soto and Ana Reyes came . Ana left")
    given = ActorMention(7, 8, label="PERSON", kind="model")
    people.given_names(index, doc, [ActorMention(0, 2, label="PERSON", kind="model"),
                                    ActorMention(3, 5, label="PERSON", kind="model"), given])
    assert given.kb_id is None and given.name is None
