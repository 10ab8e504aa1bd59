"""Who does what to whom, and when (pipeline/event_args.py), on hand-built parses: no model."""
from __future__ import annotations

import pytest

from pactwatch.pipeline import event_args as ea
from pactwatch.pipeline.parse_table import parse_table

from hand_docs import parsed


def roles(doc, i):
    r = ea.Arguments(doc).verb_roles(doc[i])
    return r.source_names(), r.target_names()


def test_event_args_subject_acts_on_the_object():
    # Japan criticized China .
    doc = parsed([("Japan", 1, "nsubj", "PROPN"), ("criticized", 1, "ROOT", "VERB"), ("China", 1, "dobj", "PROPN"),
                  (".", 1, "punct", "PUNCT")], actors=[(0, 1, "GPE", "Japan"), (2, 3, "GPE", "China")])
    assert roles(doc, 1) == (["Japan"], ["China"])


def test_event_args_passive_agent_is_the_source():
    # China was criticized by Japan
    doc = parsed([("China", 2, "nsubjpass", "PROPN"), ("was", 2, "auxpass", "AUX"),
                  ("criticized", 2, "ROOT", "VERB", "VBN"), ("by", 2, "agent", "ADP"), ("Japan", 3, "pobj", "PROPN")],
                 actors=[(0, 1, "GPE", "China"), (4, 5, "GPE", "Japan")])
    assert roles(doc, 2) == (["Japan"], ["China"])


def test_event_args_infinitive_shares_the_subject_of_its_verb():
    # Seoul agreed to meet Tokyo
    doc = parsed([("Seoul", 1, "nsubj", "PROPN"), ("agreed", 1, "ROOT", "VERB"), ("to", 3, "aux", "PART"),
                  ("meet", 1, "xcomp", "VERB", "VB"), ("Tokyo", 3, "dobj", "PROPN")],
                 actors=[(0, 1, "GPE", "South Korea"), (4, 5, "GPE", "Japan")])
    assert roles(doc, 3) == (["South Korea"], ["Japan"])


def test_event_args_agentless_passive_under_a_leader_is_done_by_the_leader_and_the_state():
    # A deal was struck under President Biden
    doc = parsed([("A", 1, "det", "DET"), ("deal", 3, "nsubjpass", "NOUN"), ("was", 3, "auxpass", "AUX"),
                  ("struck", 3, "ROOT", "VERB", "VBN"), ("under", 3, "prep", "ADP"), ("President", 6, "compound", "PROPN"),
                  ("Biden", 4, "pobj", "PROPN")], actors=[(5, 7, "PERSON", "Joe Biden", "United States")])
    r = ea.Arguments(doc).verb_roles(doc[3])
    assert r.source_names() == ["Joe Biden", "United States"]
    assert r.primary() == {"Joe Biden"}


def test_event_args_pronoun_stands_for_the_subject_of_the_reporting_clause():
    # Japan said it would sanction China
    doc = parsed([("Japan", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB"), ("it", 4, "nsubj", "PRON"),
                  ("would", 4, "aux", "AUX", "MD"), ("sanction", 1, "ccomp", "VERB", "VB"), ("China", 4, "dobj", "PROPN")],
                 actors=[(0, 1, "GPE", "Japan"), (5, 6, "GPE", "China")])
    assert roles(doc, 4) == (["Japan"], ["China"])


def test_event_args_targets_never_repeat_a_source():
    # Japan and China met with China (a misparse): China stays a source only
    doc = parsed([("Japan", 3, "nsubj", "PROPN"), ("and", 0, "cc", "CCONJ"), ("China", 0, "conj", "PROPN"),
                  ("met", 3, "ROOT", "VERB"), ("with", 3, "prep", "ADP"), ("China", 4, "pobj", "PROPN")],
                 actors=[(0, 1, "GPE", "Japan"), (2, 3, "GPE", "China"), (5, 6, "GPE", "China")])
    assert roles(doc, 3) == (["Japan", "China"], [])


def test_event_args_the_shortest_actor_covers_a_token():
    # the war in Ukraine: the war is an event, Ukraine the actor inside it
    doc = parsed([("the", 1, "det", "DET"), ("war", 1, "ROOT", "NOUN"), ("in", 1, "prep", "ADP"),
                  ("Ukraine", 2, "pobj", "PROPN")], actors=[(1, 4, "ORG", "War Office"), (3, 4, "GPE", "Ukraine")])
    at = ea.Arguments(doc).actor_at
    assert at[3].text == "Ukraine" and at[1].text == "war in Ukraine"


def test_event_args_a_law_and_its_initials_name_no_one():
    # the Defense Production Act ( DPA )
    doc = parsed([("the", 3, "det", "DET"), ("Defense", 3, "compound", "PROPN"), ("Production", 3, "compound", "PROPN"),
                  ("Act", 3, "ROOT", "PROPN"), ("(", 5, "punct", "PUNCT"), ("DPA", 3, "appos", "PROPN"),
                  (")", 5, "punct", "PUNCT")], actors=[(1, 4, "ORG", "Defense Production Act"), (5, 6, "ORG", "DPA")])
    assert ea.Arguments(doc, instruments=frozenset({"act"})).actor_at == {}
    assert set(ea.Arguments(doc).actor_at) == {1, 2, 3, 5}


def _dated_doc(captions=None):
    # Japan signed the pact in May and asked for funds for 2026 .
    return parsed([("Japan", 1, "nsubj", "PROPN"), ("signed", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
                   ("pact", 1, "dobj", "NOUN"), ("in", 1, "prep", "ADP"), ("May", 4, "pobj", "PROPN"),
                   ("and", 1, "cc", "CCONJ"), ("asked", 1, "conj", "VERB"), ("for", 7, "prep", "ADP"),
                   ("funds", 8, "pobj", "NOUN"), ("for", 9, "prep", "ADP"), ("2026", 10, "pobj", "NUM"),
                   ("every", 13, "det", "DET"), ("Friday", 7, "npadvmod", "PROPN"), (".", 1, "punct", "PUNCT")],
                  timexes=[(5, 6, "DATE", "2025-05"), (11, 12, "DATE", "2026"), (12, 14, "SET", "XXXX-WXX-5")],
                  captions=captions)


def test_event_args_only_dates_with_a_year_outside_captions_are_usable():
    args = ea.Arguments(_dated_doc())
    assert [s.text for s in args.timexes] == ["May", "2026"]
    assert [s.text for s in ea.Arguments(_dated_doc(captions=[(0, 30)])).timexes] == ["2026"]


def test_event_args_a_period_served_is_no_date_the_story_reached():
    args = ea.Arguments(_dated_doc())
    assert [s.text for s in args.story_dates] == ["May"]
    assert args.story_latest_year == [2025]


@pytest.mark.parametrize("prep, preps, expected", [
    ("for", frozenset({"for"}), True), ("in", frozenset({"for"}), False), ("through", ea.argument_words().limit_preps, True),
])
def test_event_args_for_period(prep, preps, expected):
    doc = parsed([("funds", 0, "ROOT", "NOUN"), (prep, 0, "prep", "ADP"), ("2026", 1, "pobj", "NUM")])
    assert ea.for_period(parse_table(doc), 2, preps) is expected


def test_event_args_a_partitive_or_compound_noun_stands_in_for_the_trigger():
    # part of the aid ; the aid program
    doc = parsed([("part", 0, "ROOT", "NOUN"), ("of", 0, "prep", "ADP"), ("the", 3, "det", "DET"), ("aid", 1, "pobj", "NOUN")])
    assert ea.stand_in(doc[3], ea.argument_words()).text == "part"
    doc = parsed([("the", 2, "det", "DET"), ("aid", 2, "compound", "NOUN"), ("program", 2, "ROOT", "NOUN")])
    assert ea.stand_in(doc[1], ea.argument_words()).text == "program"
    doc = parsed([("the", 1, "det", "DET"), ("aid", 1, "ROOT", "NOUN")])
    assert ea.stand_in(doc[1], ea.argument_words()).text == "aid"


def test_event_args_crossing_into_another_clause():
    # agreed to a handover by 2030 / agreed to hand over by 2030
    doc = parsed([("agreed", 0, "ROOT", "VERB"), ("to", 0, "prep", "ADP"), ("a", 3, "det", "DET"),
                  ("handover", 1, "pobj", "NOUN"), ("by", 3, "prep", "ADP"), ("2030", 4, "pobj", "NUM")])
    assert not ea.crosses_clause(parse_table(doc), 5, 0)
    doc = parsed([("agreed", 0, "ROOT", "VERB"), ("to", 2, "aux", "PART"), ("hand", 0, "xcomp", "VERB", "VB"),
                  ("over", 2, "prt", "ADP"), ("by", 2, "prep", "ADP"), ("2030", 4, "pobj", "NUM")])
    assert ea.crosses_clause(parse_table(doc), 5, 0)


def test_event_args_governs_and_nearest():
    doc = parsed([("Japan", 1, "nsubj", "PROPN"), ("signed", 1, "ROOT", "VERB"), ("it", 1, "dobj", "PRON"),
                  ("and", 1, "cc", "CCONJ"), ("left", 1, "conj", "VERB")])
    table = parse_table(doc)
    assert ea.governs(table, 1, 0) and ea.governs(table, 1, 1) and not ea.governs(table, 0, 1)
    # the spans "Japan" (0-1) and "left" (4-5): "left" is nearer "and"
    assert ea.nearest([0, 4], [1, 5], [0, 1], 3) == 1


@pytest.mark.parametrize("timex, usable", [
    ({"type": "DATE", "value": "2025-05"}, True), ({"type": "TIME", "value": "2025-05-02T10:00"}, True),
    ({"type": "DATE", "value": "XXXX-05"}, False), ({"type": "DATE", "value": "PAST_REF"}, False),
    ({"type": "DURATION", "value": "P2Y"}, False), (None, False),
])
def test_event_args_usable_date(timex, usable):
    doc = parsed([("May", 0, "ROOT", "PROPN")])
    span = doc[0:1]
    span._.timex = timex
    assert ea.usable_date(span) is usable


@pytest.mark.parametrize("words, expected", [
    (["Defense", "Production", "Act"], True), (["Executive", "Order", "14257"], True),
    (["Act"], False), (["the", "act"], False),
])
def test_event_args_names_instrument(words, expected):
    doc = parsed([(w, len(words) - 1, "compound" if i < len(words) - 1 else "ROOT", "PROPN")
                  for i, w in enumerate(words)])
    assert ea.names_instrument(parse_table(doc), 0, len(doc), frozenset({"act", "order"})) is expected
