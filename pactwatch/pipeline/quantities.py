"""Placeholder so the pipeline assembles; replaced by the real component."""
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import QUANTITIES


@Language.factory("pactwatch_quantities", assigns=["doc.spans"])
def make_component(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc.spans[QUANTITIES] = []
        return doc
    return component
