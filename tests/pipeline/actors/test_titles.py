"""actors/titles.py: offices before, beside or instead of a name."""
from __future__ import annotations

from pactwatch.pipeline.actors import titles
from pactwatch.pipeline.actors.mention import ActorMention, longest_first_matches


def title_matches(index, doc):
    return longest_first_matches(index.title_matcher(doc))


def test_a_state_s_office_alone_is_its_holder_on_the_date(index, hand_doc):
    doc = hand_doc("Japan 's prime minister said")
    japan = ActorMention(0, 1, kb_id="gpe:JPN", candidates=[("gpe:JPN", "name")])
    out = titles.titles(index, doc, [japan], "2025-03-01", title_matches(index, doc))
    assert [(doc[m.start:m.end].text, m.kb_id, m.kind) for m in out] == [
        ("Japan 's prime minister", "per:shigeru_ishiba", "title")]


def test_an_office_after_a_or_no_is_no_one_in_particular(index, hand_doc):
    doc = hand_doc("no Japanese prime minister went")
    japan = ActorMention(1, 2, kb_id="gpe:JPN", candidates=[("gpe:JPN", "name")])
    assert titles.titles(index, doc, [japan], "2025-03-01", title_matches(index, doc)) == []


def test_an_unknown_person_after_a_state_s_title_acts_for_that_state(index, hand_doc):
    doc = hand_doc("Japanese Vice Foreign Minister Aiko Tanabe spoke")
    japan = ActorMention(0, 1, kb_id="gpe:JPN", candidates=[("gpe:JPN", "name")])
    person = ActorMention(4, 6, label="PERSON", kind="model")
    assert titles.titles(index, doc, [japan, person], "2025-03-01", title_matches(index, doc)) == []
    assert person.acts_for == "gpe:JPN"


def test_an_unknown_person_in_apposition_to_a_state_s_office_acts_for_it(index, hand_doc):
    doc = hand_doc("Aiko Tanabe , Japan 's foreign minister , said")
    person = ActorMention(0, 2, label="PERSON", kind="model")
    japan = ActorMention(3, 4, kb_id="gpe:JPN", candidates=[("gpe:JPN", "name")])
    starts = {0: person, 3: japan}
    assert titles.apposed_person(doc, 5, starts) is person
    titles.titles(index, doc, [person, japan], "2025-03-01", title_matches(index, doc))
    assert person.acts_for == "gpe:JPN"


def test_an_untold_office_is_of_the_one_named_state_whose_holder_is_unknown(index):
    president = index.titles["title:president"]
    # the United States' president on the date is known; a state with no president known is open
    assert titles.office_state(index, president, {"gpe:USA", "gpe:XXA"}, "2025-05-01", "Ana Reyes") == "gpe:XXA"
    # the known holder spelled another way is not another state's
    assert titles.office_state(index, president, {"gpe:USA", "gpe:XXA"}, "2025-05-01", "Donald J. Trump") is None
    # two open states: unclear
    assert titles.office_state(index, president, {"gpe:XXA", "gpe:XXB"}, "2025-05-01", "Ana Reyes") is None
