"""A component that never takes a document down with it.

An article nobody foresaw can trip one kind of annotation (a parse no rule expected). Without a
guard the exception leaves `nlp.pipe`, the batch is lost and ingest stops. Guarded, the failing
component's output is emptied (nothing half-written stays), the error is noted on the Doc
(`Doc._.pipeline_errors`), and the other components and the document's other facts go on; ingest
reports the document as partly extracted."""
from __future__ import annotations

from typing import Callable, Iterable

from spacy.tokens import Doc


class Guarded:
    def __init__(self, name: str, component: Callable[[Doc], Doc], groups: Iterable[str] = ()):
        self.name = name
        self.component = component
        self.groups = tuple(groups)     # the span groups the component writes

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self.component(doc)
        except Exception as e:  # noqa: BLE001  (any failure of our own code, reported per document)
            for group in self.groups:
                doc.spans[group] = []
            errors = doc._.pipeline_errors
            if errors is None:
                errors = doc._.pipeline_errors = []
            errors.append(f"{self.name} failed ({type(e).__name__}: {e})")
            return doc

    def __getattr__(self, attr: str):
        # the wrapped component's own attributes (its knowledge, its settings) stay reachable
        # (never `pipe`: spaCy would call it and step round the guard)
        if attr in ("component", "pipe"):
            raise AttributeError(attr)
        return getattr(self.component, attr)
