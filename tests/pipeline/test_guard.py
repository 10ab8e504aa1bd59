"""A component that fails on one document empties its own output, notes why, and lets the rest run."""
from __future__ import annotations

import spacy

from pactwatch.pipeline import extensions  # noqa: F401  (registers Doc._.pipeline_errors)
from pactwatch.pipeline.guard import Guarded


def _doc(text: str):
    return spacy.blank("en")(text)


def test_guard_failure_empties_the_group_and_notes_the_error():
    def half_then_fail(doc):
        doc.spans["pw_events"] = [doc[0:1]]        # half-written output ...
        raise ValueError("unexpected parse")       # ... then a bug
    doc = Guarded("pactwatch_events", half_then_fail, ["pw_events"])(_doc("Envoys met in Lima."))
    assert list(doc.spans["pw_events"]) == []
    assert doc._.pipeline_errors == ["pactwatch_events failed (ValueError: unexpected parse)"]


def test_guard_passes_a_working_component_through():
    def tag(doc):
        doc.spans["pw_events"] = [doc[1:2]]
        return doc
    doc = Guarded("pactwatch_events", tag, ["pw_events"])(_doc("Envoys met in Lima."))
    assert [s.text for s in doc.spans["pw_events"]] == ["met"]
    assert doc._.pipeline_errors is None


def test_guard_keeps_the_wrapped_components_attributes_but_not_its_pipe():
    class Component:
        lexicon = {"met": "CONSULT"}

        def __call__(self, doc):
            return doc

        def pipe(self, docs):
            return docs
    guarded = Guarded("x", Component())
    assert guarded.lexicon == {"met": "CONSULT"}
    assert not hasattr(guarded, "pipe")      # spaCy would call pipe() and step round the guard
