"""The one bridge from an annotated spaCy Doc to typed fact records (FORMAT.md's shapes).

Everything after this package (store, reconcile, views) works on these plain dicts and never
imports spaCy."""
from __future__ import annotations

import json
from typing import Any

from spacy.tokens import Doc

from ..documents.model import Document
from ..knowledge.identity import merge_entities
from ..pipeline.extensions import ACTORS, EVENTS, QUANTITIES, TIMEX, group_spans, span_value

KINDS = ("entity", "timex", "quantity", "event")


def document_record(document: Document, doc: Doc | None = None) -> dict:
    """The `document` record, with the anchor the time component resolved against."""
    return {
        "kind": "document", "doc_id": document.doc_id, "source": document.source, "title": document.title,
        "authors": list(document.authors), "published": document.published, "publisher": document.publisher,
        "text_sha256": document.text_sha256, "format": document.format,
        "anchor": doc._.anchor if doc is not None else document.published,
        "anchor_source": doc._.anchor_source if doc is not None else ("published" if document.published else None),
        "inferred_after": doc._.inferred_after if doc is not None else None,
        "captions": [list(c) for c in document.captions], "layout": [list(x) for x in document.layout],
        "text": document.text,
    }


def fact_records(doc: Doc, doc_id: str) -> list[dict]:
    """Every fact the components annotated, as records in text order within each kind."""
    return [*entity_records(doc, doc_id), *timex_records(doc, doc_id),
            *_attribute_records(doc, doc_id, QUANTITIES, "quantity"),
            *_attribute_records(doc, doc_id, EVENTS, "event")]


def entity_records(doc: Doc, doc_id: str) -> list[dict]:
    """One record per distinct entity (knowledge.identity's merge: the same kb id, or the same name
    key and type when unlinked), its fields from its first mention."""
    mentions = []
    text = doc._.text
    for span in sorted(group_spans(doc, ACTORS), key=lambda s: s.start_char):
        start, end = span.start_char, span.end_char
        said = text[start:end]    # span.text, without making its tokens
        actor = span_value(span, "actor") or {"kb_id": None, "name": said, "type": span.label_}
        rec = {"kind": "entity", "doc_id": doc_id, "name": actor["name"], "type": actor.get("type") or span.label_,
               "kb_id": actor.get("kb_id"), "aliases": [said],
               "mentions": [{"start": start, "end": end}]}
        if actor.get("acts_for"):
            rec["acts_for"] = actor["acts_for"]
        mentions.append(rec)
    return [entity.record() for entity in merge_entities(mentions)]


def timex_records(doc: Doc, doc_id: str) -> list[dict]:
    out = []
    text = doc._.text
    for span in sorted(group_spans(doc, TIMEX), key=lambda s: s.start_char):
        tx = span_value(span, "timex") or {}
        start, end = span.start_char, span.end_char
        out.append({"kind": "timex", "doc_id": doc_id, "text": text[start:end], "start": start,
                    "end": end, "type": tx.get("type") or span.label_, "value": tx.get("value"),
                    **_plain({k: v for k, v in tx.items() if k not in ("type", "value")})})
    return out


def _attribute_records(doc: Doc, doc_id: str, group: str, kind: str) -> list[dict]:
    """Quantity and event records: the component's dict, its quote cut from the text, the span kept."""
    out = []
    text = doc._.text
    for span in sorted(group_spans(doc, group), key=lambda s: s.start_char):
        data = dict(span_value(span, kind) or {})
        if not data:
            continue
        start = data.pop("quote_start", None)
        end = data.pop("quote_end", None)
        if start is None or end is None:
            start, end = span.sent.start_char, span.sent.end_char
        span_start, span_end = span.start_char, span.end_char
        out.append({"kind": kind, "doc_id": doc_id, **_plain(data), "quote": text[start:end],
                    "start": start, "end": end, "span_start": span_start, "span_end": span_end,
                    "span_text": text[span_start:span_end]})
    return out


def _plain(data: dict) -> dict[str, Any]:
    """Only what survives JSON: components may keep spaCy objects around, records may not."""
    scalars = _SCALARS
    return {k: v for k, v in data.items() if type(v) in scalars or _survives_json(v)}


# values of these exact types always encode (json.dumps's defaults allow NaN and infinities)
_SCALARS = frozenset({str, bool, float, type(None)})
# ints below every int-to-str digit limit Python allows (sys.set_int_max_str_digits: 640 or more)
_SAFE_INT = 10 ** 600
_MAX_DEPTH = 32   # nesting checked by hand; deeper (or circular) values are left to json.dumps


def _survives_json(value: Any) -> bool:
    """Whether json.dumps(value) succeeds. Plain values of exact JSON types are checked by hand
    (records hold tens of thousands of them; encoding each was most of this module's cost);
    anything else is encoded to find out."""
    if _plainly_json(value, 0):
        return True
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def _plainly_json(value: Any, depth: int) -> bool:
    """True only where json.dumps surely succeeds: exact str, bool, float, None, small int, and
    lists, tuples and str-keyed dicts of them; False means "not sure"."""
    kind = type(value)
    if kind in _SCALARS:
        return True
    if kind is int:
        return -_SAFE_INT < value < _SAFE_INT
    if depth >= _MAX_DEPTH:
        return False
    if kind is list or kind is tuple:
        return all(_plainly_json(item, depth + 1) for item in value)
    if kind is dict:
        return all(type(k) is str and _plainly_json(v, depth + 1) for k, v in value.items())
    return False
