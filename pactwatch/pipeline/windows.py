"""Long documents in bounded windows.

spaCy refuses a text over `nlp.max_length` (1,000,000 characters), and well below that the
parser's memory grows with the length of the Doc (a 900 kB text took 2.7 GB). A document longer
than WINDOW_CHARS is therefore cut at paragraph breaks into windows of at most WINDOW_CHARS, each
annotated as its own Doc; the records of each window are shifted back to offsets in the whole text
and merged, so every record's quote is still `text[start:end]` of the stored document. Memory is
bounded by the window, not the document. News articles are far shorter than a window and are
annotated whole, as before.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..knowledge.identity import merge_entities

# characters per window: a batch of 8 such windows peaks near 0.8 GB with the small model (measured:
# 100k windows reached 2.5 GB), and a news article (a few thousand characters) is always one window
WINDOW_CHARS = 20_000
# where a window may end, best first: a blank line, a line end, a sentence end, any white space
_BREAKS = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]?\s"), re.compile(r"\s"))


def split(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """(start, end) ranges covering `text` in order, each at most `limit` (default WINDOW_CHARS)
    characters, cut at the best break in the second half of the window (a hard cut only for a text
    without white space)."""
    limit = limit or WINDOW_CHARS
    spans, start, n = [], 0, len(text)
    while n - start > limit:
        end = _best_break(text, start + limit // 2, start + limit) or start + limit
        spans.append((start, end))
        start = end
    spans.append((start, n))
    return spans


def _best_break(text: str, lo: int, hi: int) -> int | None:
    for pattern in _BREAKS:
        last = None
        for m in pattern.finditer(text, lo, hi):
            last = m.end()
        if last is not None and lo < last <= hi:
            return last
    return None


def captions_in(captions: Iterable[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The caption ranges inside one window, relative to it (a caption across a cut is clipped)."""
    return [(max(s, start) - start, min(e, end) - start) for s, e in captions if s < end and e > start]


_OFFSET_FIELDS = ("start", "end", "span_start", "span_end")


def shifted(records: list[dict], offset: int) -> list[dict]:
    """A window's records with their character offsets moved into the whole document."""
    if not offset:
        return records
    out = []
    for rec in records:
        rec = dict(rec)
        for name in _OFFSET_FIELDS:
            if isinstance(rec.get(name), int):
                rec[name] += offset
        if rec.get("kind") == "entity":
            rec["mentions"] = [{**m, "start": m["start"] + offset, "end": m["end"] + offset}
                               for m in rec.get("mentions") or []]
        out.append(rec)
    return out


def merged(records: Iterable[dict]) -> list[dict]:
    """The records of every window as one document's: an entity found in several windows is one
    record (knowledge.identity's merge, as facts.entity_records joins a Doc's mentions), its aliases
    and mentions joined in text order; every other record kept, kinds in the order facts gives them."""
    entities: list[dict] = []
    others: dict[str, list[dict]] = {}
    for rec in records:
        if rec.get("kind") == "entity":
            entities.append(rec)
        else:
            others.setdefault(rec.get("kind"), []).append(rec)
    out = [entity.record() for entity in merge_entities(entities)]
    for kind in ("timex", "quantity", "event"):
        out += others.pop(kind, [])
    for rest in others.values():
        out += rest
    return out
