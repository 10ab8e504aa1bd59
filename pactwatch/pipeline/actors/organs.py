"""A state's government and organs named without the state: "the Trump administration" (an ORG
acting for the state its head leads), and generic organs ("federal agents", "police", "the
administration"), each a mention of the one state the document makes clear, or of none."""
from __future__ import annotations

from collections import Counter

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..attach import clause_head
from .index import ActorIndex
from .mention import ActorMention
from .words import ActorWords, actor_words

# links from a place name up to the phrase it places: "a Georgia plant", "near Ellabell, Georgia",
# "Seoul's outskirts", "the state of Georgia" (through "of", separately)
_PLACE_STEPS = {"compound", "appos", "conj", "npadvmod", "nmod", "poss"}
# clauses that go on with the same actor: a place in one sets where the others happen too
_SAME_ACT_DEPS = {"conj", "xcomp", "advcl"}


def administrations(ix: ActorIndex, words: list[str], mentions: list[ActorMention], date: str) -> list[ActorMention]:
    """"the Trump administration": the government a leader heads, an ORG of its own."""
    by_end = {m.end: m for m in mentions}
    out = list(mentions)
    for i, word in enumerate(words):
        if i == 0 or word.lower() not in ("administration", "government"):
            continue
        m = by_end.get(i)
        person_id = ix.person_id(m) if m else None
        if person_id is None:
            # the leader named by family name alone, not yet resolved ("the Trump administration")
            leaders = [p for p in ix.short.get(words[i - 1], [])
                       if any(r["role"] in ix.kb.heads for r in ix.kb.get(p)["roles"])]
            if len(leaders) != 1:
                continue
            person_id = leaders[0]
        if m is None:
            m = next((x for x in out if x.start <= i - 1 < x.end), None)
        if m and m.end != i:
            continue
        start = m.start if m else i - 1
        # "the Yoon Suk Yeol government" names the person in full as well as the government
        if m in out and not (m.kb_id == person_id and m.end - m.start >= 2):
            out.remove(m)
        short = (ix.kb.get(person_id)["short"] or [words[i - 1]])[0]
        out.append(ActorMention(start, i + 1, kind="admin", label="ORG", name=f"{short} {word.lower()}",
                                acts_for=ix.kb.state_for_person(person_id, date)))
    return out


def organs(ix: ActorIndex, doc: Doc, words: list[str], mentions: list[ActorMention], date: str) -> list[ActorMention]:
    """Generic references to a state's organs, which name no entity: "federal agents", "the
    authorities", "police", "the administration". Each stands for the state the document makes
    clear, as a mention of that state, and only of a state the document names: a wrong state is
    worse than none, so an unclear one stays unlinked. In order:
      - a place the phrase itself carries ("police in Busan");
      - the places its act is set in ("... at a plant in Georgia"), if they are all of one state;
      - for "federal ...", the one federation among the states the document is about.
    "the administration" and "the government" stand for the "X administration" or "X government"
    named before them, if all of those are of one state; failing that, "the administration" is
    the government of the one head of government the document names."""
    known = ix.kb.organs
    if not known or not (known.get("heads") or known.get("modified_heads") or known.get("anaphors")):
        return []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    named = {m.kb_id for m in mentions if m.kb_id and (ix.kb.get(m.kb_id) or {}).get("kind") == "country"}
    counts = ix.state_counts(mentions)
    out: list[ActorMention] = []
    anaphors = known.get("anaphors", ())
    heads = known.get("heads", ())
    modified_heads = known.get("modified_heads", ())
    # only the tokens that are an organ's word are looked at: building every Token costs more
    wanted = {get_string_id(w) for w in (*anaphors, *heads, *modified_heads)}
    for i in [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower in wanted]:
        tok = doc[i]
        lower = tok.lower_
        if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if lower in anaphors:
            m = government_anaphor(ix, doc, words, tok, mentions, named, date)
            if m is not None:
                out.append(m)
                covered.add(tok.i)
            continue
        if lower not in heads and lower not in modified_heads:
            continue   # the test below fails whatever the modifiers
        # "police sources", "a police raid": the organ only describes another noun
        if tok.dep_ == "compound" and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
            continue
        mods = organ_modifiers(ix, tok)
        if lower not in heads and not (lower in modified_heads and mods):
            continue
        # "South Korean police", "Seoul police", "ICE agents": whose they are is already named
        if any(c.dep_ in ("compound", "amod", "poss", "nmod") and c.i in covered for c in tok.children):
            continue
        start = tok.i
        while start - 1 in mods:
            start -= 1
        if any(i in covered for i in range(start, tok.i + 1)):
            continue
        federal = any(doc[i].lower_ in known.get("federal", ()) for i in mods)
        state = organ_state(ix, doc, tok, federal, at, counts)
        if state is not None and state in named:
            out.append(ActorMention(start, tok.i + 1, kb_id=state, kind="organ"))
            covered.update(range(start, tok.i + 1))
    return out


def organ_modifiers(ix: ActorIndex, tok: Token) -> set[int]:
    """Positions of the words before an organ's noun that say which organ it is ("federal
    immigration agents", "law enforcement officials"), themselves modified or not."""
    words = ix.kb.organs.get("modifiers", ())
    found: set[int] = set()
    todo = [c for c in tok.children if c.i < tok.i]
    while todo:
        c = todo.pop()
        if c.dep_ in ("amod", "compound") and c.lower_ in words:
            found.add(c.i)
            todo.extend(g for g in c.children if g.i < c.i)
    return found


def organ_state(ix: ActorIndex, doc: Doc, tok: Token, federal: bool, at: dict, counts: Counter) -> str | None:
    """The state an organ's noun at `tok` belongs to (see `organs`), or None where unclear."""
    federations = ix.kb.federations

    def fitting(states: set[str]) -> set[str]:
        return {s for s in states if s in federations} if federal else states

    # the phrase's own place: "police in Busan", "the authorities of Georgia"
    for prep in tok.children:
        if prep.dep_ == "prep" and (prep.lower_ in ix.words.location_preps or prep.lower_ == "of"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.i in at:
                    state = ix.place_state(at[obj.i])
                    if state is not None:
                        return state if fitting({state}) else None
    states = fitting(_act_states(ix, doc, tok, at))
    if len(states) == 1:
        return next(iter(states))
    if len(states) > 1 or not federal:
        return None
    # "federal agents" in a story about one federation and other states. Nothing else about a
    # story says whose "the authorities" are: a story set in one state and naming no other may
    # still be about its nationals held by another's ("workers held by immigration agents
    # landed in Seoul")
    feds = [s for s in counts if s in federations]
    return feds[0] if len(feds) == 1 else None


def _act_states(ix: ActorIndex, doc: Doc, tok: Token, at: dict) -> set[str]:
    """The states of the places the act of `tok`'s clause is set in: those of its own clause (with
    the clauses sharing its subject: "raided a plant and detained 300 workers in Georgia"), not
    those of a clause about something else ("workers who were held by agents landed at Incheon")."""
    clause = main_clause(tok)
    states = set()
    for i in range(tok.sent.start, tok.sent.end):
        m = at.get(i)
        if m is None or m.start != i:
            continue
        state = ix.place_state(m)
        root = doc[m.start:m.end].root
        # "at Korean protesters": a nationality says who, not where
        kinds = [kind for kb_id, kind in m.candidates if kb_id == m.kb_id]
        demonym = bool(kinds) and all(k == "demonym" for k in kinds)
        if state is not None and not demonym and locates(root, ix.words) and main_clause(root).i == clause.i:
            states.add(state)
    return states


def locates(tok: Token, lists: ActorWords | None = None) -> bool:
    """The place at `tok` sets where something happens: the object of "in", "at", "near" ...,
    directly or through the phrase it names ("at a Georgia plant", "near Ellabell, Georgia",
    "in the state of Georgia"). `lists`: the linker's word lists (the packaged ones if not given)."""
    lists = lists or actor_words()
    t = tok
    for _ in range(6):
        if t.dep_ == "pobj" and t.head.lower_ in lists.location_preps:
            return True
        if t.dep_ in _PLACE_STEPS and t.head.i != t.i:
            if t.dep_ in ("compound", "poss", "nmod") and t.head.lower_ in lists.abroad_words:
                return False
            t = t.head
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.head.i \
                and t.head.head.pos_ in ("NOUN", "PROPN"):
            t = t.head.head
        else:
            return False
    return False


def main_clause(tok: Token) -> Token:
    """The head of the clause a token sits in, through clauses that go on with the same actor
    ("raided the plant and detained 300 workers", "moved in to arrest them")."""
    t = clause_head(tok)
    for _ in range(8):
        if t.dep_ not in _SAME_ACT_DEPS or t.head.i == t.i:
            break
        t = clause_head(t.head)
    return t


def government_anaphor(ix: ActorIndex, doc: Doc, words: list[str], tok: Token, mentions: list[ActorMention],
                       named: set[str], date: str) -> ActorMention | None:
    """"the administration", "the government": the government named so before ("the Trump
    administration ... the administration"), if every such name before it is of one state; else,
    for "the administration", the state of the one head of government the document names."""
    if tok.i == 0 or doc[tok.i - 1].lower_ != "the":
        return None
    # "the administration of justice": a process, not a government
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
        return None
    word = tok.lower_
    before = [m for m in mentions if m.kind == "admin" and m.end <= tok.i and m.name
              and m.name.lower().endswith(" " + word) and m.acts_for]
    if before:
        if len({m.acts_for for m in before}) != 1:
            return None
        last = max(before, key=lambda m: m.start)
        return ActorMention(tok.i, tok.i + 1, kind="admin", label="ORG", name=last.name, acts_for=last.acts_for)
    if word != "administration":
        return None
    # the heads the document names: linked, or only written by family name where the model saw
    # no person ("Trump and Lee met"), which still makes "the administration" unclear
    heads = {m.kb_id for m in mentions if m.kb_id and (ix.kb.get(m.kb_id) or {}).get("type") == "PERSON"}
    heads |= {p for w in words if w in ix.short for p in ix.short[w]}
    states = set()
    for person in heads:
        if any(r["role"] in ix.kb.heads for r in ix.kb.roles_at(person, date)):
            state = ix.kb.state_for_person(person, date)
            if state:
                states.add(state)
    if len(states) == 1 and next(iter(states)) in named:
        return ActorMention(tok.i, tok.i + 1, kb_id=next(iter(states)), kind="organ")
    return None
