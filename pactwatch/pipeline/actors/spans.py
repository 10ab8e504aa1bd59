"""The linker's output: mentions that name an actor become spans of doc.spans["pw_actors"], each
carrying Span._.actor = {"kb_id", "name", "type", "acts_for"}; `actor_of` reads them back."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ... import knowledge
from ..extensions import ACTORS, set_span_value, span_value
from .mention import ActorMention


def to_spans(kb: knowledge.KnowledgeBase, doc: Doc, mentions: list[ActorMention], date: str) -> list[Span]:
    """One span per stretch of tokens (the longest first where two start together), for every
    mention with a knowledge-base entry, or a name and a label (not a nationality alone)."""
    spans = []
    seen: set[tuple[int, int]] = set()
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if (m.start, m.end) in seen:
            continue
        entry = kb.get(m.kb_id)
        if entry:
            etype = entry["type"]
            if etype == "PERSON":
                state = kb.state_for_person(entry["id"], date)
            else:
                state = kb.state_of(entry["id"])
            actor = {"kb_id": entry["id"], "name": entry["name"], "type": etype,
                     "acts_for": (kb.get(state) or {}).get("name")}
        elif m.name and m.label:
            if m.label == "NORP":
                continue
            actor = {"kb_id": None, "name": m.name, "type": m.label,
                     "acts_for": (kb.get(m.acts_for) or {}).get("name")}
        else:
            continue
        seen.add((m.start, m.end))
        span = Span(doc, m.start, m.end, label=actor["type"], kb_id=actor["kb_id"] or "")
        set_span_value(span, "actor", actor)
        spans.append(span)
    return spans


def actor_of(doc: Doc, token_or_span: Token | Span) -> dict | None:
    """The actor whose span covers a token (for a span, its root); the narrowest one wins."""
    token = token_or_span if isinstance(token_or_span, Token) else token_or_span.root
    best = None
    for span in doc.spans.get(ACTORS, []):
        if span.start <= token.i < span.end and (best is None or len(span) < len(best)):
            best = span
    return span_value(best, "actor") if best is not None else None
