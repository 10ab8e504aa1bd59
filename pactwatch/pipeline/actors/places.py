"""Places and what a place name stands for: a region ("the Kursk region") or a historical state
("the Silla kingdom"), a gathering named for its host city ("the Vilnius summit"), a state's mission
abroad ("the US embassy in Manila"), and a capital acting for its state ("Seoul said")."""
from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc

from ..parse_table import parse_table
from .index import ActorIndex
from .mention import ActorMention
from .words import ActorWords, actor_words


def regions(ix: ActorIndex, doc: Doc, mentions: list[ActorMention], people: set[str]) -> list[ActorMention]:
    """A proper name before a lowercase region word ("the Kursk region") names a region, and one
    before "kingdom" or "dynasty" ("the Silla kingdom") a historical state, whatever the model
    called it; the model's mention of the name alone, if any, is widened to it. A family name
    ("the Kim dynasty", "the Bush dynasty": a family name the knowledge base knows, or one of the
    words of `people`, the people named in full) stays a family's."""
    kept = list(mentions)
    wanted = ix.words.region_or_polity_ids
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        if i == 0 or orth not in wanted:
            continue
        tok = doc[i]
        polity = tok.text in ix.words.polity_words
        if not (polity or tok.text in ix.words.region_words):
            continue
        start = i
        while start > 0 and (doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title
                             or doc[start - 1].text == "-" and start > 1 and doc[start - 2].is_title):
            start -= 1
        if start == i or start == 0 or doc[start - 1].lower_ not in ("the", "of", "in", "'s", "’s"):
            continue
        if polity and any(doc[j].text in ix.short or doc[j].text in people for j in range(start, i)):
            continue
        inside = [m for m in kept if m.start < i + 1 and start < m.end]
        # a name the knowledge base knows, or that the model already read as a place, stays as it is
        if any(m.kind != "model" or m.label in ("GPE", "LOC", "FAC") or m.start < start or m.end > i
               for m in inside):
            continue
        for m in inside:
            kept.remove(m)
        kept.append(ActorMention(start, i + 1, label="GPE", kind="model", name=doc[start:i].text))
    return kept


def host_city_gatherings(ix: ActorIndex, doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"the Hague summit", "the Vilnius summit": a city before a gathering's word in lower case,
    after "the", names that gathering, an EVENT; the city stays a mention of its own."""
    heads = {w.lower() for w in ix.event_heads}
    by_end = {m.end: m for m in mentions}
    table = parse_table(doc)
    out = []
    for m in by_end.values():
        if m.end >= len(doc) or table.text[m.end] not in heads or m.start == 0 or table.lower[m.start - 1] != "the":
            continue
        kb_id = m.kb_id or (m.candidates[0][0] if len(m.candidates) == 1 else None)
        entry = ix.kb.get(kb_id) or {}
        city = entry.get("kind") == "capital" or (entry.get("type") == "GPE" and entry.get("kind") != "country") \
            or (not kb_id and m.label == "GPE")
        if city and any(t.is_title for t in doc[m.start:m.end]):
            out.append(ActorMention(m.start, m.end + 1, label="EVENT", kind="model"))
    return out


def missions(ix: ActorIndex, doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"the US embassy in Manila", "the Japanese consulate": a state's mission abroad, an ORG
    acting for that state, named with the place it is in when the text gives one; the state and
    the place stay mentions of their own."""
    by_end = {m.end: m for m in mentions}
    by_start = {m.start: m for m in mentions}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    lower = parse_table(doc).lower
    out = []
    for m in list(by_end.values()):
        i = m.end
        if i >= len(doc) or lower[i] not in ix.words.mission_words or i in covered:
            continue
        kb_id = m.kb_id or (m.candidates[0][0] if len(m.candidates) == 1 else None)
        state = ix.kb.state_of(kb_id) if kb_id else None
        if not state or (ix.kb.get(state) or {}).get("kind") != "country":
            continue
        end = i + 1
        place = by_start.get(end + 1) if end + 1 < len(doc) and doc[end].lower_ == "in" else None
        if place is not None and ix.is_any_place(place):
            end = place.end
        name = " ".join(t.text for t in doc[m.start:end])
        out.append(ActorMention(m.start, end, label="ORG", kind="mission", name=name, acts_for=state))
    return out


def capitals(ix: ActorIndex, doc: Doc, mentions: list[ActorMention]) -> None:
    """A capital is folded into its state where the document names the state or makes the
    capital act ("Seoul said", "Seoul's position"); otherwise it is the city."""
    by_state: dict[str, list[ActorMention]] = {}
    named_states = set()
    for m in mentions:
        entry = ix.kb.get(m.kb_id)
        if not entry:
            continue
        if entry.get("kind") == "capital":
            by_state.setdefault(entry["capital_of"], []).append(m)
        elif entry.get("kind") == "country":
            named_states.add(entry["id"])
    for state, caps in by_state.items():
        acting = any(acts(doc, m, ix.words) for m in caps)
        if state in named_states or acting:
            for m in caps:
                m.kb_id = state


def acts(doc: Doc, m: ActorMention, lists: ActorWords | None = None) -> bool:
    """A place name used for its government: a subject, a possessor, or the target of a measure.
    `lists`: the linker's word lists (the packaged ones if not given)."""
    lists = lists or actor_words()
    root = doc[m.start:m.end].root
    if m.end < len(doc) and doc[m.end].text in lists.possessive:
        return True
    # "Seoul and Washington agreed": the second of two subjects acts as the first does
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "agent"):
        return True
    # "urged Tokyo to act", "reminded Washington that...": addressed as someone who decides
    if root.dep_ in ("dobj", "dative") and root.head.lemma_ in lists.address_verbs:
        return True
    # "tariffs on Seoul", "talks with Tokyo", "a rift between Seoul and Tokyo"; not "flew to Manila"
    return root.dep_ == "pobj" and root.head.lower_ in ("on", "against", "with", "between") \
        and root.head.head.pos_ in ("NOUN", "VERB")
