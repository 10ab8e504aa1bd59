"""actors/anaphora.py: "his country" and "the country's" point back to a state named before."""
from __future__ import annotations

from pactwatch.pipeline.actors import anaphora
from pactwatch.pipeline.actors.mention import ActorMention


def test_the_country_s_is_the_state_named_last_before(index, hand_doc):
    doc = hand_doc("Japan voted . the country 's envoy spoke",
                   sent_starts=[True, False, False, True, False, False, False, False])
    assert anaphora.country_anaphor_state(index, doc, 6, [ActorMention(0, 1, kb_id="gpe:JPN")]) == "gpe:JPN"
    assert anaphora.country_anaphor_state(index, doc, 6, []) is None


def test_his_country_is_the_state_of_the_person_named_before(index, hand_doc):
    doc = hand_doc("Ishiba said his country would pay",
                   heads=[1, 1, 3, 5, 5, 1], deps=["nsubj", "ROOT", "poss", "nsubj", "aux", "ccomp"])
    ishiba = ActorMention(0, 1, kb_id="per:shigeru_ishiba")
    out = anaphora.own_countries(index, doc, [ishiba], "2025-03-01")
    assert [(doc[m.start:m.end].text, m.kb_id, m.kind) for m in out] == [("his country", "gpe:JPN", "organ")]
    # no one named before it in the sentence: no one's
    assert anaphora.own_countries(index, doc, [], "2025-03-01") == []
