"""Which span belongs with which: same clause first, then nearest in the sentence."""
from __future__ import annotations

from pactwatch.pipeline.attach import attached, clause_head


def test_attach_prefers_the_same_clause_over_the_nearer_span(annotate):
    doc = annotate("Ministers met in March, and the treaty that they signed in May took effect.", "2025-06-30")
    signed = next(t for t in doc if t.text == "signed")
    span = attached(doc, "pw_timex", signed)
    assert span is not None and span.text == "May"


def test_attach_clause_head_climbs_to_the_verb(annotate):
    doc = annotate("The envoy arrived in Tokyo on Monday.")
    monday = next(t for t in doc if t.text == "Monday")
    assert clause_head(monday).text == "arrived"


def test_attach_returns_none_without_candidates(annotate):
    doc = annotate("Nothing here is dated.")
    assert attached(doc, "pw_timex", doc[0]) is None


def _time_of(doc, word: str):
    from pactwatch.pipeline.attach import attached_time
    span = attached_time(doc, "pw_timex", next(t for t in doc if t.text == word))
    return span.text if span is not None else None


def test_attach_time_never_from_a_phrase_dating_another_noun(annotate):
    doc = annotate("The harbour board pledged $40 million, its largest sum since the merger of the two ports "
                   "in March.", "2031-07-10")
    assert _time_of(doc, "40") is None


def test_attach_time_from_the_facts_own_clause_or_the_clause_it_is_part_of(annotate):
    doc = annotate("In April the ports said they would spend $40 million on cranes.", "2031-07-10")
    assert _time_of(doc, "40") == "April"
    doc = annotate("The board pledged $40 million in June, after the merger that was agreed in March.", "2031-07-10")
    assert _time_of(doc, "40") == "June"


def test_attach_time_from_the_facts_own_noun_phrase(annotate):
    doc = annotate("The ports confirmed a $40 million pledge made in June.", "2031-07-10")
    assert _time_of(doc, "40") == "June"


def test_attach_time_of_a_participle_telling_the_same_act(annotate):
    doc = annotate("Signing the order on Tuesday, the governor imposed a 12 percent levy on ferries.", "2031-07-10")
    assert _time_of(doc, "12") == "Tuesday"
