"""Names with more than one entry: a name many states' bodies share ("the Foreign Ministry"), a
place several states have ("Georgia"), a name valid only beside another ("the South"). Each goes to
the state named beside it, else the state its sentence or the document is most about."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..parse_table import parse_table
from .index import ActorIndex, name_key
from .mention import ActorMention


def resolve_ambiguous(ix: ActorIndex, doc: Doc, words: list[str], mentions: list[ActorMention]) -> None:
    """Every knowledge-base mention gets one entry or is dropped (in place): the state named beside
    a shared name decides, then the town before a region ("Ellabell, Georgia"), then how often the
    document names each state. "The peninsula" refers to a place only where the document names it
    in full."""
    named = {c[0] for m in mentions if len(m.candidates) == 1 for c in m.candidates}
    counts = ix.state_counts(mentions)
    people_states = None     # the states of people named by family name alone, counted when needed
    by_end = {m.end: m for m in mentions if m.candidates}

    def state(c):
        return ix.kb.state_of(c[0]) or (ix.kb.get(c[0]) or {}).get("part_of")

    for m in mentions:
        if not m.candidates:
            continue
        cands = m.candidates
        # names valid only beside another ("the South" in a text about the North)
        cands = [(i, k) for i, k in cands if k != "context"
                 or any(r in named for r in ix.requires.get((name_key(doc[m.start:m.end].text), i), []))]
        if not cands:
            m.candidates = []
            continue
        modifier = modifier_state(ix, doc, m.start, by_end)
        if all(k == "generic" for _, k in cands):
            if people_states is None:
                people_states = family_name_states(ix, words)
            cands = _shared_name_fitting(ix, doc, words, m, cands, mentions, modifier, counts, people_states,
                                         state)
            if not cands:
                m.candidates = []
                if doc[m.start].text[:1].isupper():
                    m.kind, m.label = "model", "ORG"
                continue
        if len(cands) == 1:
            m.kb_id = cands[0][0]
            continue
        # "Ellabell, Georgia": a place after a town and a comma is the town's region; the
        # town's own state decides when the town is known ("Tbilisi, Georgia")
        after_town = m.start >= 2 and doc[m.start - 1].text == "," and doc[m.start - 2].is_title
        town = by_end.get(m.start - 1) if after_town else None
        town_state = ix.kb.state_of(town.candidates[0][0]) if town and len(town.candidates) == 1 else None
        m.kb_id = max(cands, key=lambda c: (modifier is not None and state(c) == modifier,
                                            town_state is not None and state(c) == town_state,
                                            after_town and bool((ix.kb.get(c[0]) or {}).get("part_of")),
                                            counts.get(state(c), 0), c[1] != "generic"))[0]
    # "the peninsula" refers to a place only where the document names it in full
    named_fully = {m.kb_id for m in mentions if m.kb_id and not all(k == "anaphor" for _, k in m.candidates)}
    mentions[:] = [m for m in mentions if (m.kb_id or not m.candidates)
                   and (m.kb_id or m.kind != "kb")
                   and not (m.candidates and all(k == "anaphor" for _, k in m.candidates)
                            and m.kb_id not in named_fully)]


def _shared_name_fitting(ix: ActorIndex, doc: Doc, words: list[str], m: ActorMention, cands: list,
                         mentions: list[ActorMention], modifier: str | None, counts: Counter,
                         people_states: Counter, state) -> list:
    """Of a name many states' bodies share, the candidates of the state named beside it, else of a
    state the document names; of several such, those of the state the sentence is most about. A
    body of some other state fits none."""
    fitting = [c for c in cands if state(c) == modifier] if modifier else \
              [c for c in cands if counts.get(state(c), 0) + people_states.get(state(c), 0) > 0]
    if len(fitting) > 1 and not modifier:
        # several states named: the one the sentence itself is about ("the Supreme Court
        # struck down the president's tariffs" in a story that also names the allies taxed)
        sent = doc[m.start].sent
        here = ix.state_counts([x for x in mentions if x is not m and sent.start <= x.start < sent.end])
        here.update(family_name_states(ix, words[sent.start:sent.end]))
        fitting = [c for c in fitting if here.get(state(c), 0) == max(here.get(state(f), 0)
                                                                     for f in fitting)]
    return fitting


def family_name_states(ix: ActorIndex, words: list[str]) -> Counter:
    """States of the people a text (its token texts) names by family name alone, where the knowledge
    base has one person of that name ("President Trump"): not resolved yet when shared names are."""
    counts: Counter = Counter()
    for word in words:
        ids = ix.short.get(word, ())
        if len(ids) == 1 and (state := ix.kb.state_of(ids[0])):
            counts[state] += 1
    return counts


def modifier_state(ix: ActorIndex, doc: Doc, start: int, by_end: dict, bodies: bool = False) -> str | None:
    """The state named just before position `start` ("South Korea's", "the Japanese"); with
    `bodies`, also the state of a body named there ("Chinese Foreign Ministry spokesperson")."""
    j = start
    if j > 0 and parse_table(doc).text[j - 1] in ix.words.possessive:
        j -= 1
    m = by_end.get(j)
    if m is None:
        return None
    kb_id = m.kb_id or (m.candidates[0][0] if len(m.candidates) == 1 else None)
    if not kb_id or not (bodies or ix.is_place(m)):
        return None
    return ix.kb.state_of(kb_id)
