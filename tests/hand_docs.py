"""Hand-built parsed Docs for tests that need a parse but not the model: each token's word, head,
dependency and part of speech are written out, and actor or time spans are laid on as the
components would lay them."""
from __future__ import annotations

import functools

import spacy
from spacy.tokens import Doc, Span

from pactwatch.pipeline.extensions import ACTORS, TIMEX

_TAGS = {"VERB": "VBD", "AUX": "VBD", "NOUN": "NN", "PROPN": "NNP", "ADP": "IN", "DET": "DT", "PUNCT": ".",
         "ADJ": "JJ", "NUM": "CD", "PRON": "PRP", "PART": "TO", "CCONJ": "CC", "ADV": "RB", "SCONJ": "IN"}


@functools.lru_cache(maxsize=1)
def _vocab():
    return spacy.blank("en").vocab


def parsed(rows, actors=(), timexes=(), captions=None) -> Doc:
    """rows: (word, head, dep, pos[, tag[, lemma]]) per token, `head` the index of the head token
    (the root is its own head). actors: (start, end, label, name[, acts_for]) in token indices;
    timexes: (start, end, type, value)."""
    rows = [tuple(r) + (None,) * (6 - len(r)) for r in rows]
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][3] != "PUNCT" for i in range(len(rows))]
    doc = Doc(_vocab(), words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows], tags=[r[4] or _TAGS.get(r[3], "XX") for r in rows],
              lemmas=[r[5] or r[0].lower() for r in rows])
    spans = []
    for start, end, label, name, *acts_for in actors:
        span = Span(doc, start, end, label=label)
        span._.actor = {"kb_id": None, "name": name, "type": label, "acts_for": acts_for[0] if acts_for else None}
        spans.append(span)
    doc.spans[ACTORS] = spans
    times = []
    for start, end, type_, value in timexes:
        span = Span(doc, start, end, label=type_)
        span._.timex = {"type": type_, "value": value}
        times.append(span)
    doc.spans[TIMEX] = times
    doc._.captions = captions
    return doc
