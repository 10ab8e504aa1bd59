"""Words that point back to a state named before: "his country" is the state of the person just
named; "the country's president" is of the state most recently named."""
from __future__ import annotations

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .index import ActorIndex
from .mention import ActorMention


def country_anaphor_state(ix: ActorIndex, doc: Doc, start: int, mentions: list[ActorMention]) -> str | None:
    """"the country's president": the state most recently named before, in this sentence or
    the one before it."""
    j = start
    if j > 0 and doc[j - 1].text in ix.words.possessive:
        j -= 1
    if not (j >= 2 and doc[j - 1].lower_ in ix.words.own_country_nouns and doc[j - 2].lower_ == "the"):
        return None
    sent = doc[j - 1].sent
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    named = [m for m in mentions if floor <= m.start < j - 2
             and (ix.kb.get(m.kb_id) or {}).get("kind") in ("country", "capital")]
    return ix.kb.state_of(max(named, key=lambda m: m.start).kb_id) if named else None


def own_countries(ix: ActorIndex, doc: Doc, mentions: list[ActorMention], date: str) -> list[ActorMention]:
    """"his country", "her nation": the state of the person named last before it in the
    sentence ("Sánchez argued that his country can ..." is Spain), if that person acts for a state."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    people = sorted((m for m in mentions if ix.person_id(m) or (m.label == "PERSON" and not m.kb_id)),
                    key=lambda m: m.start)
    out = []
    nouns = {get_string_id(w) for w in ix.words.own_country_nouns}
    # only the tokens that are one of the nouns are looked at: building every Token costs more
    for i in [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower in nouns]:
        tok = doc[i]
        if tok.i == 0 or tok.i in covered:
            continue
        owner = doc[tok.i - 1]
        if owner.lower_ not in ("his", "her") or owner.head.i != tok.i:
            continue
        # "his country's welfare programs": the state only owns what the phrase is about
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text in ix.words.possessive:
            continue
        sent_start = tok.sent.start
        person = next((m for m in reversed(people) if sent_start <= m.start and m.end <= owner.i), None)
        if person is None:
            continue
        state = ix.kb.state_for_person(person.kb_id, date) if person.kb_id else person.acts_for
        if state and (ix.kb.get(state) or {}).get("kind") == "country":
            out.append(ActorMention(owner.i, tok.i + 1, kb_id=state, kind="organ"))
    return out
