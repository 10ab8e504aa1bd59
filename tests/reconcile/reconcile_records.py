"""Builders for short articles' records, so each test states only what it is about."""
from __future__ import annotations

import functools
import itertools

_offsets = itertools.count(0, 100)


def doc(doc_id: str, published: str | None = "2025-08-01", source: str | None = None, title: str | None = None) -> dict:
    return {"kind": "document", "doc_id": doc_id, "source": source or f"https://news.example/{doc_id}",
            "title": title or f"Article {doc_id}", "authors": [], "published": published, "publisher": None}


def qty(doc_id: str, value: float, quote: str, *, measure: str = "troop_level", unit: str = "persons",
        holder: str | None = "United States", target: str | None = "South Korea", status: str = "actual",
        time: str | None = None, qualifier: str | None = None, change: str | None = None,
        part_of=None) -> dict:
    start = next(_offsets)
    return {"kind": "quantity", "doc_id": doc_id, "measure": measure, "value": value, "unit": unit,
            "holder": holder, "target": target, "time": time, "status": status, "qualifier": qualifier,
            "change": change, "part_of": part_of, "quote": quote, "start": start, "end": start + len(quote)}


def event(doc_id: str, type_: str, quote: str, *, source=("United States",), target=("South Korea",),
          date: str | None = None, location: str | None = None, modality: str = "asserted",
          read: bool = True, **fields) -> dict:
    """An event record. Its quote is read as the pipeline reads one (`read_quote`: what happened to an
    office, the titles and words it has), unless `read` is False; `fields` set or override any field."""
    start = next(_offsets)
    record = {"kind": "event", "doc_id": doc_id, "type": type_, "source": list(source), "target": list(target),
              "date": date, "location": location, "modality": modality, "quote": quote, "start": start,
              "end": start + len(quote), "attributed_to": None}
    if read:
        record.update(read_quote(quote))
    record.update(fields)
    return record


@functools.lru_cache(maxsize=None)
def _read(quote: str) -> dict:
    from pactwatch import pipeline
    from pactwatch.pipeline import referents
    doc = next(pipeline.annotate(pipeline.load(), [(quote, None, [])]))
    spots = [s for sent in doc.sents for s in referents.transition_phrases(doc, sent, 0, len(quote))]
    offices, titled = referents.office_words(doc, 0, len(quote))
    words, former = referents.quote_words(doc, 0, len(quote))
    return {"transition_spots": spots, "offices": offices, "titled": titled, "quote_words": words,
            "former": former, "impeachment": any(w.startswith("impeach") for w in words)}


def read_quote(quote: str) -> dict:
    """The fields the pipeline's referents component files on an event for this quote (the full
    pipeline reads it, once per quote)."""
    import copy
    return copy.deepcopy(_read(quote))


def entity(doc_id: str, name: str, type_: str, kb_id: str | None = None, aliases=()) -> dict:
    return {"kind": "entity", "doc_id": doc_id, "name": name, "type": type_, "kb_id": kb_id,
            "aliases": list(aliases), "mentions": [{"start": 0, "end": len(name)}]}


class FakeKB:
    """The knowledge base's interface (find by name, get by id) over a few hand-written entries."""

    def __init__(self, entries: list[dict]):
        self.entries = {e["id"]: e for e in entries}

    def find(self, name):
        for e in self.entries.values():
            if name == e["name"] or name in e.get("aliases", []):
                return e
        return None

    def get(self, kb_id):
        return self.entries.get(kb_id)

    def __iter__(self):
        return iter(self.entries.values())


def timex(doc_id: str, text: str, value: str, start: int, type_: str = "DATE") -> dict:
    return {"kind": "timex", "doc_id": doc_id, "text": text, "start": start, "end": start + len(text),
            "type": type_, "value": value}


def dated_event(doc_id: str, type_: str, quote: str, when: str | None, value: str, **fields) -> tuple[dict, dict]:
    """An event and the timex record stating its date inside the quote (`when`, which the quote contains);
    with `when` None, the date comes from outside the quote (a dateline) and only the event is returned."""
    record = event(doc_id, type_, quote, date=value, **fields)
    if when is None:
        return (record,)
    return record, timex(doc_id, when, value, record["start"] + quote.index(when))
