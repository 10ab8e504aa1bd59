"""actors/mention.py: the mention record and the questions every pass asks of a list of them."""
from __future__ import annotations

from pactwatch.pipeline.actors.mention import (ActorMention, all_generic, all_named, covered, longest_first,
                                               longest_first_matches, only_id, strip_possessive)


def test_longest_first_keeps_the_longest_of_overlapping_mentions_in_text_order():
    short, long_, apart = ActorMention(3, 4), ActorMention(2, 5), ActorMention(0, 1)
    assert longest_first([short, long_, apart]) == [apart, long_]
    # of two as long, the earlier
    a, b = ActorMention(0, 2), ActorMention(1, 3)
    assert longest_first([b, a]) == [a]


def test_longest_first_matches_chooses_the_same_way_over_matcher_triples():
    assert longest_first_matches([(7, 3, 4), (8, 2, 5), (9, 6, 7)]) == [(8, 2, 5), (9, 6, 7)]


def test_only_id_is_the_resolved_entry_or_the_one_candidate():
    assert only_id(ActorMention(0, 1, kb_id="gpe:JPN", candidates=[("a", "name"), ("b", "name")])) == "gpe:JPN"
    assert only_id(ActorMention(0, 1, candidates=[("gpe:KOR", "name")])) == "gpe:KOR"
    assert only_id(ActorMention(0, 1, candidates=[("a", "generic"), ("b", "generic")])) is None


def test_kinds_of_candidates():
    assert all_named([("a", "name"), ("b", "alias"), ("c", "demonym")])
    assert not all_named([("a", "name"), ("b", "generic")])
    assert all_generic(ActorMention(0, 1, candidates=[("a", "generic"), ("b", "generic")]))
    assert not all_generic(ActorMention(0, 1))


def test_covered_and_strip_possessive():
    assert covered([ActorMention(0, 2), ActorMention(5, 6)]) == {0, 1, 5}
    assert strip_possessive("Holloway's") == "Holloway"
    assert strip_possessive("Workers’") == "Workers"
    assert strip_possessive("Seoul") == "Seoul"
