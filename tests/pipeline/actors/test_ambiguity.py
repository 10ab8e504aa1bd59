"""actors/ambiguity.py: a name several entries share goes to the state the text makes clear."""
from __future__ import annotations

from pactwatch.pipeline.actors.ambiguity import modifier_state, resolve_ambiguous
from pactwatch.pipeline.actors.index import name_key
from pactwatch.pipeline.actors.mention import ActorMention


def ministry(index, start):
    return ActorMention(start, start + 2, candidates=list(index.names[name_key("Foreign Ministry")]))


def test_a_shared_name_goes_to_the_state_named_before_it(index, hand_doc):
    doc = hand_doc("Japan 's Foreign Ministry said")
    japan = ActorMention(0, 1, candidates=[("gpe:JPN", "name")])
    body = ministry(index, 2)
    assert modifier_state(index, doc, 2, {1: japan}) == "gpe:JPN"
    mentions = [japan, body]
    resolve_ambiguous(index, doc, [t.text for t in doc], mentions)
    assert body.kb_id == "org:jpn_mofa" and japan.kb_id == "gpe:JPN"


def test_a_shared_name_of_no_state_the_document_names_is_left_unlinked(index, hand_doc):
    doc = hand_doc("the Foreign Ministry said")
    body = ministry(index, 1)
    mentions = [body]
    resolve_ambiguous(index, doc, [t.text for t in doc], mentions)
    assert body.kb_id is None and body.candidates == []
    assert (body.kind, body.label) == ("model", "ORG")     # still an organisation, of no known state


def test_of_several_states_named_the_sentence_decides(index, hand_doc):
    doc = hand_doc("Japan spoke . Korea agreed and the Foreign Ministry left",
                   sent_starts=[True, False, False, True, False, False, False, False, False, False])
    japan = ActorMention(0, 1, candidates=[("gpe:JPN", "name")])
    korea = ActorMention(3, 4, candidates=[("gpe:KOR", "name")])
    body = ministry(index, 7)
    resolve_ambiguous(index, doc, [t.text for t in doc], [japan, korea, body])
    assert body.kb_id == "org:kor_mofa"
