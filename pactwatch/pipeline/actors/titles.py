"""Offices: a title before a name ("Chilean Foreign Minister Ana Soto") tells whose the person acts
for; a title in apposition ("Ana Soto, Chile's foreign minister") too; a title alone ("the U.S.
president", "Japan's prime minister") is whoever held the office on the document's date."""
from __future__ import annotations

from spacy.tokens import Doc

from .ambiguity import modifier_state
from .anaphora import country_anaphor_state
from .index import ActorIndex, name_key
from .mention import ActorMention
from .words import ActorWords, actor_words


def titles(ix: ActorIndex, doc: Doc, mentions: list[ActorMention], date: str, title_matches) -> list[ActorMention]:
    """Offices named without the holder's name, resolved by the document's date; on the way, the
    state an unknown person named with a title acts for."""
    starts = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions if m.kb_id}
    in_doc = {m.kb_id for m in mentions if m.kb_id}
    by_end_any = {m.end for m in mentions}
    countries = {m.kb_id for m in mentions if (ix.kb.get(m.kb_id) or {}).get("kind") == "country"}
    out = []
    for match_id, start, end in title_matches:
        title = ix.titles[ix.vocab.strings[match_id]]
        after = end
        # "Ambassador to Japan George Glass": the posting sits between the title and the name
        if end + 1 < len(doc) and doc[end].lower_ == "to" and end + 1 in starts and ix.is_place(starts[end + 1]):
            after = starts[end + 1].end
        nxt = starts.get(after)
        if nxt is not None and (ix.person_id(nxt) or nxt.label == "PERSON"):
            # the name follows: "President Lee"; a person the KB lacks still acts for the
            # state the title names ("Chilean Vice Foreign Minister Ana Soto")
            if not nxt.kb_id and nxt.acts_for is None:
                nxt.acts_for = _titled_person_state(ix, doc, title, start, nxt, by_end, by_end_any, countries, date)
            continue
        # "Ana Soto, Chile's foreign minister", "Ana Soto, the country's president": a person the
        # KB lacks, in apposition to a state's office, acts for that state
        holder = apposed_person(doc, start, starts, ix.words)
        if holder is not None:
            state = modifier_state(ix, doc, start, by_end) or country_anaphor_state(ix, doc, start, mentions)
            if state is not None:
                holder.acts_for = state
                continue
        if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            continue          # an unknown name follows
        if any(m.start < end and start < m.end for m in mentions):
            continue
        found = _office_holder(ix, doc, title, start, end, starts, by_end, in_doc, date)
        if found is not None:
            out.append(found)
    return out


def _titled_person_state(ix: ActorIndex, doc: Doc, title: dict, start: int, person: ActorMention, by_end: dict,
                         by_end_any: set[int], countries: set[str], date: str) -> str | None:
    """The state an unknown person named after a title acts for: the state (or a body of it) named
    before the title, else the title's own state, else `office_state`."""
    lead = start
    while lead > 0 and doc[lead - 1].lower_ in ix.words.rank_words:
        lead -= 1
    state = modifier_state(ix, doc, lead, by_end, bodies=True) or title["country"]
    if state is None and lead not in by_end_any and (lead == 0 or doc[lead - 1].text not in ix.words.possessive):
        state = office_state(ix, title, countries, date, doc[person.start:person.end].text)
    return state


def _office_holder(ix: ActorIndex, doc: Doc, title: dict, start: int, end: int, starts: dict, by_end: dict,
                   in_doc: set[str], date: str) -> ActorMention | None:
    """A title alone as a mention of the person who held the office on the date: the office of the
    state named before it ("Japan's prime minister") or after it ("the president of Armenia"), or
    the title's own; "the president" alone is the one such holder the document names."""
    state = modifier_state(ix, doc, start, by_end)
    first = start
    if state is not None:
        first = by_end[start - 1 if doc[start - 1].text in ix.words.possessive else start].start
    if first > 0 and doc[first - 1].lower_ in ix.generic_determiners:
        return None          # "no American president", "a prime minister": no one in particular
    elif end + 1 < len(doc) and doc[end].lower_ == "of" and end + 1 in starts:
        place = starts[end + 1]           # "the president of Armenia"
        if place.kb_id and ix.is_place(place):
            state = ix.kb.state_of(place.kb_id)
    if state is None:
        state = title["country"]
    if state is None:
        # "the president": the only holder of such an office this document names
        holders = [p for p in in_doc if ix.kb.get(p)["type"] == "PERSON"
                   and any(r["role"] in title["roles"] for r in ix.kb.roles_at(p, date))]
        if len(holders) != 1 or start == 0 or doc[start - 1].lower_ != "the":
            return None
        person = holders[0]
    else:
        people = ix.holders(title["roles"], state, date)
        if len(people) != 1:
            return None
        person = people[0]["id"]
    return ActorMention(first, end, kb_id=person, kind="title")


def office_state(ix: ActorIndex, title: dict, countries: set[str], date: str, name: str) -> str | None:
    """Whose office an unknown "President X" or "Foreign Minister X" holds when the text names no
    state beside the title: the one state the document names whose holder of that office on the
    date the knowledge base does not know ("President X" in a story naming the United States,
    whose president is known, and the Philippines is the Philippines'). Only for offices whose
    holders the knowledge base lists: a "director" or a "spokesman" may serve no state at all."""
    if not title.get("holders_known", True):
        return None
    words = set(name_key(name).split())
    open_states = []
    for state in countries:
        known = ix.holders(title["roles"], state, date)
        if any(words & set(name_key(p["name"]).split()) for p in known):
            return None     # the known holder, spelled another way: not another state's
        if not known:
            open_states.append(state)
    return open_states[0] if len(open_states) == 1 else None


def apposed_person(doc: Doc, start: int, starts: dict, lists: ActorWords | None = None) -> ActorMention | None:
    """The unknown person a title phrase starting at `start` stands in apposition to: "Ana Soto,
    Chile's foreign minister" (the phrase may open with "the" and a state). `lists`: the linker's
    word lists (the packaged ones if not given)."""
    lists = lists or actor_words()
    i = start
    # back over the state and "the" that open the phrase ("the country's", "Chile's", "the Chilean")
    for _ in range(4):
        if i > 0 and doc[i - 1].text != ",":
            i -= 1
        else:
            break
    if i < 2 or doc[i - 1].text != ",":
        return None
    if any(t.is_punct and t.text not in lists.possessive for t in doc[i:start]):
        return None
    before = next((m for m in starts.values() if m.end == i - 1), None)
    if before is None or before.kb_id or before.label != "PERSON" or before.acts_for is not None:
        return None
    return before
