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
