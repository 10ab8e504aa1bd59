"""extensions: span_value and set_span_value read and write what spaCy's `span._` does."""
import spacy

from pactwatch.pipeline.extensions import set_span_value, span_value


def test_span_value_agrees_with_span_underscore():
    doc = spacy.blank("en")("Seoul and Tokyo met on Monday")
    assert span_value(doc[0:1], "actor") is None            # unset: the extension's default
    doc[0:1]._.actor = {"name": "Seoul"}
    assert span_value(doc[0:1], "actor") == {"name": "Seoul"}
    set_span_value(doc[2:3], "actor", {"name": "Tokyo"})
    assert doc[2:3]._.actor == {"name": "Tokyo"}
    assert span_value(doc[0:3], "actor") is None            # another span, another value
    assert span_value(doc[0:1], "timex") is None            # another extension


def test_doc_text_is_the_text_the_doc_was_made_from():
    from pactwatch.documents.model import Document
    from pactwatch.pipeline import make_doc
    nlp = spacy.blank("en")
    text = "Seoul  and Tokyo\n\nmet on Monday.  "
    made = make_doc(nlp, Document("a.txt", text))
    assert made._.text is text and made._.text == made.text   # kept, and what joining the tokens gives
    assert nlp(text)._.text == text                            # a Doc made elsewhere joins its tokens once
