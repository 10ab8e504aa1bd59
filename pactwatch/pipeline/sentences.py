"""An index of the parser's sentences, so `token.sent` and `span.sent` cost a lookup.

spaCy's own `Span.sent` first asks `doc.has_annotation("SENT_START")`, which walks the whole
Doc: our components ask for sentences thousands of times per long document, and that walk was
a third of pactwatch's time. The index is built once, after the parser, and served through
spaCy's user hooks; it changes no annotation."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

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


# the layout's elements that open the prose: a wire dateline ("WASHINGTON —") ends whatever runs into
# it from the headline above on a single line break, and the body's first sentence starts after it
BODY_OPENERS = ("dateline",)


def mark_paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence: a headline, byline or caption above it is never the start of
    the prose below; a wire dateline (Doc._.layout) is a piece of its own, before the body's first
    sentence. Set before the parser, which keeps preset boundaries and decides the rest."""
    # only white-space tokens can hold a blank line, so look at those alone; and write all starts
    # in one array, because spaCy's per-token setter checks the whole Doc each time
    starts = [i + 1 for i in doc.to_array([IS_SPACE]).nonzero()[0].tolist()
              if i + 1 < len(doc) and doc[i].text.count("\n") >= 2 and not doc[i + 1].is_space]
    inside: list[int] = []     # a dateline's words and dash are one piece, never split
    openers = [(a, b) for a, b, kind in doc._.layout or () if kind in BODY_OPENERS]
    if openers:
        offsets = [t.idx for t in doc]

        def first_word(char: int) -> int:
            i = bisect_left(offsets, char)    # the first token at or after the character
            while i < len(doc) and doc[i].is_space:
                i += 1
            return i
        for a, b in openers:
            first, body = first_word(a), first_word(b)
            starts += [i for i in (first, body) if 0 < i < len(doc)]
            inside += range(first + 1, min(body, len(doc)))
    if starts or inside:
        column = doc.to_array([SENT_START]).astype("int32")
        column[inside] = -1
        column[starts] = 1
        doc.from_array([SENT_START], column.astype("uint64"))
    return doc


@Language.factory("pactwatch_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_marker(nlp: Language, name: str):
    return mark_paragraphs
