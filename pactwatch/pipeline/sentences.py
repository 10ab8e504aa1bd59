"""An index of the parser's sentences, so `token.sent` and `span.sent` cost a lookup.

spaCy's own `Span.sent` first asks `doc.has_annotation("SENT_START")`, which walks the whole
Doc: our components ask for sentences thousands of times per long document, and that walk was
a third of pactwatch's time. The index is built once, after the parser, and served through
spaCy's user hooks; it changes no annotation."""
from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc


def index_sentences(doc: Doc) -> Doc:
    sents = list(doc.sents)
    if not sents:
        return doc
    starts = [s.start for s in sents]

    def sentence_at(i: int):
        return sents[max(bisect_right(starts, i) - 1, 0)]

    doc.user_token_hooks["sent"] = lambda token: sentence_at(token.i)
    doc.user_span_hooks["sent"] = lambda span: sentence_at(span.start)
    return doc


@Language.factory("pactwatch_sentences", assigns=[], requires=["token.is_sent_start"])
def make_sentence_index(nlp: Language, name: str):
    return index_sentences


def mark_paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence: a headline, byline or caption above it is never the start of
    the prose below. Set before the parser, which keeps preset boundaries and decides the rest."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.is_space and before.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc


@Language.factory("pactwatch_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_marker(nlp: Language, name: str):
    return mark_paragraphs
