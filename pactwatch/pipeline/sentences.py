"""An index of the parser's sentences, so `token.sent` and `span.sent` cost a lookup.

spaCy's own `Span.sent` first asks `doc.has_annotation("SENT_START")`, which walks the whole
Doc: our components ask for sentences thousands of times per long document, and that walk was
a third of pactwatch's time. The index is built once, after the parser, and served through
spaCy's user hooks; it changes no annotation."""
from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IS_SPACE, SENT_START
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
    # only white-space tokens can hold a blank line, so look at those alone; and write all starts
    # in one array, because spaCy's per-token setter checks the whole Doc each time
    starts = [i + 1 for i in doc.to_array([IS_SPACE]).nonzero()[0].tolist()
              if i + 1 < len(doc) and doc[i].text.count("\n") >= 2 and not doc[i + 1].is_space]
    if starts:
        column = doc.to_array([SENT_START])
        column[starts] = 1
        doc.from_array([SENT_START], column)
    return doc


@Language.factory("pactwatch_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_marker(nlp: Language, name: str):
    return mark_paragraphs
