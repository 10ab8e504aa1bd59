"""What the page layout says about names (documents/layout): the people and outlets a page credits
(bylines, wire and photo credits, copyright lines), which the model often misses or takes for a
heading, and the ranges of a layout kind (headings) asked whether a span lies in one."""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from .mention import ActorMention

# the order credited names are taken in: where two overlap, the earlier kind wins
CREDIT_ORDER = {"photographer": 0, "credited_outlet": 1, "wire_author": 2, "copyright_outlet": 3,
                "byline_author": 4, "byline_outlet": 4, "outlet": 5}


class PageRanges:
    """Ranges of one layout kind (whole lines), asked whether a span lies in one: a bisect, not a scan."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.starts = [s for s, _ in self.ranges]

    def holds(self, span: Span) -> bool:
        i = bisect_right(self.starts, span.start_char) - 1
        return i >= 0 and span.start_char < self.ranges[i][1]


def credited(doc: Doc, text: str, page: list, mentions: list[ActorMention],
             common_words: set[str] = frozenset()) -> list[ActorMention]:
    """The people and outlets the page credits (bylines, photo and wire credits, copyright lines;
    documents/layout/credits.py finds them), which the model often misses or takes for a heading.
    A line of names and an outlet after a bar, without "By", counts only if the model sees a
    person there or a name has a word that is no English word ("Trade War | Markets" is a kicker).
    A place the knowledge base matched inside a credited outlet's name leaves `mentions`."""
    out = []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    bars = [(s, e) for s, e, kind in page if kind == "bar_byline"]
    credits = sorted(((s, e, kind) for s, e, kind in page if kind in CREDIT_ORDER),
                     key=lambda x: (CREDIT_ORDER[x[2]], x[0]))
    refused = {bar for bar in bars if not bar_is_byline(doc, text, bar, page, common_words)}

    def add(start: int, end: int, label: str, name: str | None = None) -> None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        inner = []
        if label == "ORG":
            # an outlet's name is whole: a place inside it ("The Korea Ledger") is not an actor
            inner = [m for m in mentions if span.start <= m.start and m.end <= span.end and m.kind == "kb"
                     and m.end - m.start < len(span)]
        inner_tokens = {i for m in inner for i in range(m.start, m.end)}
        if not any(i in covered and i not in inner_tokens for i in range(span.start, span.end)):
            for m in inner:
                mentions.remove(m)
            out.append(ActorMention(span.start, span.end, label=label, kind="model", name=name))
            covered.update(range(span.start, span.end))

    for start, end, kind in credits:
        if any(s <= start < e for s, e in refused):
            continue
        if kind == "byline_author" or kind == "wire_author":
            # a name glued to markup by the tokenizer ("Roe</h6") keeps its own text as its name
            span = doc.char_span(start, end, alignment_mode="expand")
            add(start, end, "PERSON", text[start:end] if span is not None and span.text != text[start:end] else None)
        elif kind == "photographer":
            add(start, end, "PERSON", text[start:end])
        else:
            add(start, end, "ORG", text[start:end])
    return out


def bar_is_byline(doc: Doc, text: str, bar: tuple[int, int], page: list, common_words: set[str]) -> bool:
    """A line "names | outlet" is a byline: the model sees a person among the names, or a name has
    a word that is no English word, and the outlet is no English word either."""
    start, end = bar
    names_part, _, outlet_part = text[start:end].partition(" | ")
    names = [text[s:e] for s, e, kind in page if kind == "byline_author" and start <= s < end]
    seen = any(e.label_ == "PERSON" and start <= e.start_char < start + len(names_part) for e in doc.ents)
    plain = all(all(w.lower() in common_words for w in re.split(r"[\s-]+", n)) for n in names)
    return not ((plain and not seen) or outlet_part.strip().lower() in common_words)
