"""actors/spans.py and component.py's date: mentions become doc.spans["pw_actors"]."""
from __future__ import annotations

import datetime as dt

from pactwatch.pipeline.actors.component import latest_date
from pactwatch.pipeline.actors.mention import ActorMention
from pactwatch.pipeline.actors.spans import actor_of, to_spans


def test_known_and_unknown_mentions_become_spans_with_the_actor_contract(index, hand_doc):
    doc = hand_doc("Japan and Aiko Tanabe and Koreans met")
    mentions = [ActorMention(0, 1, kb_id="gpe:JPN"), ActorMention(0, 1, kb_id="gpe:JPN"),
                ActorMention(2, 4, name="Aiko Tanabe", label="PERSON", acts_for="gpe:JPN"),
                ActorMention(5, 6, name="Koreans", label="NORP"), ActorMention(6, 7)]
    spans = to_spans(index.kb, doc, mentions, "2025-05-01")
    assert [(s.text, s.label_, s.kb_id_, s._.actor) for s in spans] == [
        ("Japan", "GPE", "gpe:JPN", {"kb_id": "gpe:JPN", "name": "Japan", "type": "GPE", "acts_for": "Japan"}),
        ("Aiko Tanabe", "PERSON", "", {"kb_id": None, "name": "Aiko Tanabe", "type": "PERSON", "acts_for": "Japan"})]
    doc.spans["pw_actors"] = spans
    assert actor_of(doc, doc[3])["name"] == "Aiko Tanabe"
    assert actor_of(doc, doc[1]) is None


def test_an_undated_document_is_dated_to_the_end_of_the_latest_past_year_it_names():
    assert latest_date(["in", "2019", "and", "2021"]) == "2021-12-31"
    assert latest_date(["no", "year"]) == dt.date.today().isoformat()
    assert latest_date(["in", "3024"]) == dt.date.today().isoformat()
