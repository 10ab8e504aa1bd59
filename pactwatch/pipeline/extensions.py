"""The Doc and Span extensions pactwatch's components read and write, registered once.

Input context (set by `pipeline.make_doc` before the components run):
    Doc._.dct       "YYYY-MM-DD" or None: the document's creation time from its metadata
    Doc._.captions  [(start_char, end_char)]: photo captions and credits, kept in the text
    Doc._.layout    [(start_char, end_char, kind)]: the page's layout (documents/layout), sorted

Written by components (each only its own):
    pactwatch_actors      doc.spans["pw_actors"];  Span._.actor    -> dict (see actors/)
    pactwatch_time        doc.spans["pw_timex"];   Span._.timex    -> dict; Doc._.anchor, Doc._.anchor_source,
                                                                      Doc._.inferred_after
    pactwatch_quantities  doc.spans["pw_quantities"]; Span._.quantity -> dict
    pactwatch_events      doc.spans["pw_events"];  Span._.event    -> dict
    pactwatch_referents   adds to Span._.quantity and Span._.event what each fact is about (referents.py)
Read by every component (computed once per Doc):
    Doc._.text  the Doc's text; spaCy's Doc.text joins every token on each access
Any component that fails on a document (pipeline/guard.py):
    Doc._.pipeline_errors  ["<component> failed (<error>)"] or None

`span_value` and `set_span_value` read and write a Span extension without the Underscore object
each `span._` makes (a few microseconds a read, paid hundreds of thousands of times per corpus);
`doc_value` reads a Doc extension the same way.
`group_spans` lists a span group's Spans once per Doc for every component that reads the group.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

ACTORS = "pw_actors"
TIMEX = "pw_timex"
QUANTITIES = "pw_quantities"
EVENTS = "pw_events"

_DOC = {"dct": None, "captions": None, "layout": None, "anchor": None, "anchor_source": None, "inferred_after": None,
        "pipeline_errors": None}
_SPAN = {"actor": None, "timex": None, "quantity": None, "event": None}

for _name, _default in _DOC.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name, _default in _SPAN.items():
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


TEXT_KEY = "pw_text"   # where `Doc._.text` keeps the text (pipeline.make_doc puts it there as it makes the Doc)


def _text_once(doc: Doc) -> str:
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


if not Doc.has_extension("text"):
    Doc.set_extension("text", getter=_text_once)


def span_value(span: Span, name: str):
    """`span._.<name>` for the Span extensions registered here (each defaults to None, none has a getter)."""
    # where spaCy's Underscore keeps a Span's value: Doc.user_data under the span's character offsets
    return span.doc.user_data.get(("._.", name, span.start_char, span.end_char))


def doc_value(doc: Doc, name: str):
    """`doc._.<name>` for the Doc extensions of `_DOC` (each defaults to None, none has a getter)."""
    return doc.user_data.get(("._.", name, None, None))   # a Doc's value: no character offsets


def set_span_value(span: Span, name: str, value) -> None:
    """`span._.<name> = value` for the Span extensions registered here."""
    span.doc.user_data[("._.", name, span.start_char, span.end_char)] = value


def group_spans(doc: Doc, name: str) -> list[Span]:
    """The Spans of `doc.spans[name]` (empty if there is no such group), listed once per group and
    Doc: each pass over a SpanGroup makes its Spans anew, and the later components all read the
    actors and times. Read-only; listed again when the group is replaced or has grown."""
    group = doc.spans.get(name)
    if group is None:
        return []
    key = ("pw_group_spans", name)
    cached = doc.user_data.get(key)
    # the group itself is kept, so a replacement can never reuse its id
    if cached is None or cached[0] is not group or cached[1] != len(group):
        cached = doc.user_data[key] = (group, len(group), list(group))
    return cached[2]
