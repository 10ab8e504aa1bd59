"""actors/matching.py: the knowledge base's names found in a tokenized text (no model needed)."""
from __future__ import annotations

from spacy.attrs import ORTH

from pactwatch.pipeline.actors import matching


def words_of(doc):
    return [doc.vocab.strings[o] for o in doc.to_array(ORTH).tolist()]


def found(mentions, doc):
    return [(doc[m.start:m.end].text, [i for i, _ in m.candidates]) for m in mentions]


def test_names_are_found_longest_first(blank, index):
    doc = blank("Envoys from South Korea and Japan met.")
    assert found(matching.kb_mentions(index, doc), doc) == [("South Korea", ["gpe:KOR"]), ("Japan", ["gpe:JPN"])]


def test_a_capitalised_name_written_in_lower_case_is_a_word_not_the_name(blank, index):
    doc = blank("The tariffs hit japan hardest.")
    assert matching.kb_mentions(index, doc) == []
    assert matching.case_ok(index, "japan", ["Japan"])
    assert not matching.case_ok(index, "japan", ["japan"])


def test_an_acronym_matches_with_or_without_periods_but_not_as_a_word(blank, index):
    assert matching.case_ok(index, "us", ["US"])
    assert matching.case_ok(index, "us", ["U.S."])
    assert not [m for m in matching.kb_mentions(index, blank("Tell us more.")) if m.candidates[0][0] == "gpe:USA"]


def test_a_name_glued_to_another_by_a_hyphen_is_found_once_per_token(blank, index):
    doc = blank("The U.S.-Japan talks resumed.")
    glued = next(i for i, w in enumerate(words_of(doc)) if w == "U.S.-Japan")
    out = matching.joined_tokens(index, doc, words_of(doc), [])
    # both pieces are names, but one token carries one actor's offsets: the first piece's
    assert [(m.start, m.end, m.candidates[0][0]) for m in out] == [(glued, glued + 1, "gpe:USA")]


def test_a_glued_name_already_covered_is_left_alone(blank, index):
    doc = blank("The U.S.-Japan talks resumed.")
    glued = next(i for i, w in enumerate(words_of(doc)) if w == "U.S.-Japan")
    taken = matching.ActorMention(glued, glued + 1, kb_id="gpe:USA")
    assert matching.joined_tokens(index, doc, words_of(doc), [taken]) == []


def test_a_name_cut_by_a_line_break_is_joined(blank, index):
    doc = blank("Exports to Chin\na fell.")
    out = matching.broken_words(index, words_of(doc), [])
    assert [(doc[m.start:m.end].text, m.candidates[0][0]) for m in out] == [("Chin\na", "gpe:CHN")]
    # a lowercase word after the break is no fragment of a name when the head is a name itself
    assert matching.broken_words(index, words_of(blank("Japan\nand Korea")), []) == []
