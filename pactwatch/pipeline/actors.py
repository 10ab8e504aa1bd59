"""Placeholder so the pipeline assembles; replaced by the real component."""
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import ACTORS


@Language.factory("pactwatch_actors", assigns=["doc.spans"], default_config={"kb_dirs": []})
def make_component(nlp: Language, name: str, kb_dirs: list):
    def component(doc: Doc) -> Doc:
        doc.spans[ACTORS] = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "LOC", "EVENT")]
        for s in doc.spans[ACTORS]:
            s._.actor = {"kb_id": None, "name": s.text, "type": s.label_, "acts_for": None}
        return doc
    return component
