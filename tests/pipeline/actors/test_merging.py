"""actors/merging.py: entities the knowledge base lacks get one name and one type each."""
from __future__ import annotations

from pactwatch.pipeline.actors import merging
from pactwatch.pipeline.actors.mention import ActorMention


def test_short_names_and_acronyms_take_the_full_name(hand_doc):
    doc = hand_doc("Margaret Holloway of Some Body ( SB ) spoke . Holloway and SB left")
    mentions = [ActorMention(0, 2, label="PERSON", kind="model"), ActorMention(3, 5, label="ORG", kind="model"),
                ActorMention(10, 11, label="PERSON", kind="model"), ActorMention(12, 13, label="ORG", kind="model")]
    merging.merge_unknown(doc, mentions)
    named = sorted((doc[m.start:m.end].text, m.start, m.name) for m in mentions)
    assert named == [("Holloway", 10, "Margaret Holloway"), ("Margaret Holloway", 0, "Margaret Holloway"),
                     ("SB", 6, "Some Body"), ("SB", 12, "Some Body"), ("Some Body", 3, "Some Body")]


def test_one_type_per_entity_by_most_mentions():
    ms = [ActorMention(0, 1, name="Savin", label="ORG"), ActorMention(2, 3, name="Savin", label="ORG"),
          ActorMention(4, 5, name="Savin", label="PERSON")]
    merging.one_type_each(ms)
    assert [m.label for m in ms] == ["ORG", "ORG", "ORG"]


def test_every_mention_acts_for_the_state_one_was_seen_acting_for(hand_doc):
    doc = hand_doc("Aiko Tanabe spoke . Aiko Tanabe left")
    first = ActorMention(0, 2, label="PERSON", kind="model", acts_for="gpe:JPN")
    later = ActorMention(4, 6, label="PERSON", kind="model")
    merging.merge_unknown(doc, [first, later])
    assert later.acts_for == "gpe:JPN"


def test_abbreviations_and_shortenings():
    assert merging.abbreviates("CDP", "Constitutional Democratic Party of Japan")
    assert merging.abbreviates("KIDA", "Korea Institute for Defense Analyses")
    assert not merging.abbreviates("XY", "Some Body")
    assert merging.shortened("Savin", "PERSON", [], [("Savin Corp.", "ORG")]) == ("Savin Corp.", "ORG")
    assert merging.shortened("Holloway", "PERSON", [("Margaret Holloway", "PERSON")], []) == ("Margaret Holloway", "PERSON")
    assert merging.shortened("Holloway", "ORG", [("Margaret Holloway", "PERSON")], []) == (None, "ORG")
