"""Event clusters (same type, a shared actor, compatible dates) and date conflicts between them.

A block is one event type in one month (transitions: one year), or undated; a date conflict
between two blocks belongs to the earlier one, which is checked with the next block's mentions.

Nothing here reads a quote's words: what a statement says happened to an office (`transition_spots`:
kind, done to the person or by them, announced ahead, did not happen, whom it is about), the office
titles it names (`offices`, `titled`), its words (`quote_words`), "former" and impeachment marks are
decided once by the pipeline (pipeline/referents.py) and read from the record. A record stored before
those fields existed reads as "not known": no change of office, no title, no words in common, so it
ties to another report only by place or by a dated thing, and is never a claimed start or end.
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict
from typing import Iterable

from datetime import date

from ..knowledge.identity import norm_name
from . import lexicon
from .datebasis import EXPLICIT
from .model import ActorResolver, EventMention, kb_find, kb_folders, stable_id
from .normalize import compatible_dates, overlaps, period_of, span_days, timex_interval

# Reports of one event that disagree on its date still fall within this many days of each other.
SAME_EVENT_WINDOW_DAYS = 31
# Two start-of-office claims for one person this close together describe the same transition.
SAME_TERM_WINDOW_DAYS = 730
# Two reports of one person leaving office further apart than this are two ends (two offices, two terms).
SAME_END_WINDOW_DAYS = 730
# A resignation reported on its announcement and again on taking effect: this far apart, one end.
ANNOUNCED_END_DAYS = 92
# Dates closer than this are one date told loosely (time zones, "this week's" reporting).
DATE_SLACK_DAYS = 3

# How much two quotes must share (distinctive words, beyond actors and dates) to describe one event.
MIN_SHARED_WORDS = 3
MIN_SHARED_SHARE = 0.4



def block_key(m: EventMention) -> str:
    """Type and month (year for transitions, which are rare and whose reports differ by up to a term)."""
    return f"e|{m.type}|{period_of(m.span, by_month=m.type != 'TRANSITION')}"


def actor_keys(m: EventMention, actors: ActorResolver) -> set[str]:
    return {actors.key(a) for a in m.actors if a}


def cluster_block(key: str, mentions: list[EventMention], actors: ActorResolver) -> list[dict]:
    """Union mentions sharing an actor whose dates may name the same day; one cluster per component."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    by_actor: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        for a in actor_keys(m, actors):
            by_actor[a].append(i)
    for members in by_actor.values():
        by_date: dict[str, list[int]] = defaultdict(list)
        for i in members:
            by_date[mentions[i].date or ""].append(i)
        for same in by_date.values():
            for i in same[1:]:
                union(same[0], i)
        # a coarse date (2025-08) joins the one finer date it contains; with two candidates it is ambiguous
        dates = [d for d in by_date if d]
        for coarse in dates:
            finer = [d for d in dates if d != coarse and d.startswith(coarse) and compatible_dates(coarse, d)]
            if len(finer) == 1:
                union(by_date[coarse][0], by_date[finer[0]][0])
    components: dict[int, list[EventMention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        components[find(i)].append(m)
    return [_cluster_record(key, group) for group in components.values()]


def _cluster_record(key: str, group: list[EventMention]) -> dict:
    # a date the text never stated (its publication date) does not date the event
    dated = [m for m in group if m.span and m.stated]
    best = min(dated, key=lambda m: (m.basis != EXPLICIT, span_days(m.span))) if dated else None
    mentions = [{"doc_id": m.doc_id, "source": m.source, "quote": m.quote, "start": m.start, "end": m.end,
                 "date": m.date, "modality": m.modality, "location": m.location,
                 "attributed_to": m.attributed_to} for m in group]
    mentions.sort(key=lambda x: (x["doc_id"], x["start"] if x["start"] is not None else -1))
    sources = Counter(a for m in group for a in m.sources)
    targets = Counter(a for m in group for a in m.targets if a not in sources)
    locations = Counter(m.location for m in group if m.location)
    ident = [key, sorted((x["doc_id"], x["start"] or 0, x["quote"]) for x in mentions)]
    return {
        "kind": "cluster", "fact": "event", "cluster_id": stable_id("e", ident), "block": key,
        "type": group[0].type, "source": [a for a, _ in sources.most_common()],
        "target": [a for a, _ in targets.most_common()],
        "date": best.date if best else None, "first_day": best.span[0].isoformat() if best else None,
        "location": locations.most_common(1)[0][0] if locations else None,
        "modality": sorted({m.modality for m in group if m.modality}),
        "doc_ids": sorted({m.doc_id for m in group}), "source_count": len({m.doc_id for m in group}),
        "mentions": mentions,
    }


def transition_phrases(m: EventMention, leadership: bool = True) -> list[tuple[str, int]]:
    """Every phrase of the statement saying what happened to an office, as ("start" | "end" | "election",
    offset in the quote), as the pipeline read them. `leadership` is True when the statement is already
    known to report a change of leadership (a TRANSITION), so a bare "removal" counts as an end."""
    found = {(s["kind"], s.get("at") or 0) for s in m.spots if leadership or not s.get("bare")}
    return sorted(found, key=lambda x: x[1])


def transition_kind(m: EventMention) -> str | None:
    """"start", "end" or "election": what a TRANSITION statement says happened to an office (a start
    when it says several things)."""
    kinds = {kind for kind, _ in transition_phrases(m)}
    return next((k for k in ("start", "end", "election") if k in kinds), None)


def transition_kind_for(m: EventMention, names: Iterable[str], leadership: bool = True) -> str | None:
    """What the statement says happened to the office of the person called `names`: the phrase the
    pipeline read as about them when it says several things ("Lee took office after Yoon was removed");
    with none about them, the statement's only kind, else None."""
    spots = [s for s in m.spots if leadership or not s.get("bare")]
    kinds = {s["kind"] for s in spots}
    if len(kinds) <= 1:
        return next(iter(kinds), None)
    keys = {norm_name(n) for n in names if n}
    about = [s["kind"] for s in spots if s.get("about") and norm_name(s["about"]) in keys]
    return about[0] if about else None


def end_not_done(m: EventMention, leadership: bool = True) -> bool:
    """True when every end the statement tells did not happen, or not yet ("refused to resign", "would step
    down", "calls for his removal"), as the pipeline read the words governing it."""
    ends = [s for s in m.spots if s["kind"] == "end" and (leadership or not s.get("bare"))]
    return bool(ends) and all(s.get("not_done") for s in ends)


def end_done_to(m: EventMention) -> bool:
    """True when the statement's end is done to the person (removed, ousted, fired), not done by them."""
    return m.impeachment or any(s.get("done_to") for s in m.spots)


def announced_end(m: EventMention) -> bool:
    """True when the statement's end is one announced ahead of its effect (a resignation, stepping down)."""
    return any(s.get("announced") for s in m.spots if s["kind"] == "end")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem, so "signed" and "sign", "pacts" and "pact" count as one word."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[:-len(suffix)]
    return word


def _identity_words(m: EventMention, actor_words: set[str], kb_dirs: tuple[str, ...] = ()) -> set[str]:
    common = lexicon.words(kb_dirs)["common_report_words"]
    stems = {_stem(w) for w in m.words if w not in common and w not in actor_words}
    return stems - common


def _places(m: EventMention, actors: ActorResolver) -> dict[str, str]:
    """Where a report puts the event (normalised name -> name): its location, and any actor the KB knows as
    a mere place (a city or region that acts for no state, such as a summit's host city)."""
    places = {norm_name(m.location): m.location} if m.location else {}
    for name in m.actors:
        entry = kb_find(actors.kb, name)
        if (entry and entry.get("type") in ("GPE", "LOC") and entry.get("kind") not in ("country", "capital")
                and not entry.get("acts_for")):
            places.setdefault(norm_name(entry.get("name") or name), entry.get("name") or name)
    return places


def conflicts_in_block(key: str, mentions: list[EventMention], actors: ActorResolver,
                       following: list[EventMention] = ()) -> list[dict]:
    """Date conflicts: two asserted reports of one event, from different documents, on different days.

    Same type and a shared actor are not enough to call two dated reports one event (leaders meet
    often), so one more thing must tie them: the same place, the same ordinal ("first summit"),
    two distinctive words of the quote in common, or, for a person's start in office, the
    same person within one term's span.
    """
    own = {id(m) for m in mentions}
    # one stated day each: a month, a publication date standing in for a date, or an open bound
    # ("before June 4") cannot be put against a day
    dated = [m for m in list(mentions) + list(following)
             if m.modality in (None, "asserted") and m.span and span_days(m.span) == 1 and m.stated
             and m.window[0] != date.min and m.window[1] != date.max]
    conflicts, seen = [], set()
    by_actor: dict[str, list[EventMention]] = defaultdict(list)
    for m in dated:
        for a in actor_keys(m, actors):
            by_actor[a].append(m)
    for actor, members in by_actor.items():
        members.sort(key=lambda m: m.span[0])
        for i, a in enumerate(members):
            if id(a) not in own:
                continue
            for b in members[i + 1:]:
                gap = (b.span[0] - a.span[0]).days
                window = SAME_TERM_WINDOW_DAYS if a.type == "TRANSITION" else SAME_EVENT_WINDOW_DAYS
                if gap > window:
                    break
                if a.doc_id == b.doc_id or overlaps(a.window, b.window, DATE_SLACK_DAYS):
                    continue  # one text's two dates are two events; dates that may meet do not clash
                if a.things & b.things:
                    continue  # both date the same named thing: reconcile/dated.py reports it
                pair_id = (id(a), id(b))
                if pair_id in seen:
                    continue
                tie = _same_event(a, b, actors)
                if tie:
                    seen.add(pair_id)
                    conflicts.append(_conflict_record(key, a, b, tie))
    return conflicts


def _same_event(a: EventMention, b: EventMention, actors: ActorResolver) -> str | None:
    """Why two reports are of one event, or None."""
    if a.type == "TRANSITION":
        # the same office-holder: one report's actors contain the other's (Yoon + Korea is not Lee + Korea)
        keys_a, keys_b = actor_keys(a, actors), actor_keys(b, actors)
        if not (keys_a <= keys_b or keys_b <= keys_a):
            return None
        if transition_kind(a) == "start" and transition_kind(b) == "start":
            return "both report the same person taking office"
        # an end only when each statement tells nothing but an end (else its date may be an election's)
        kinds_a = {kind for kind, _ in transition_phrases(a)}
        kinds_b = {kind for kind, _ in transition_phrases(b)}
        if (kinds_a == kinds_b == {"end"} and not end_not_done(a) and not end_not_done(b)
                and _same_end(a, b, actors)):
            return "both report the same person leaving office"
        return None
    if (b.span[0] - a.span[0]).days > SAME_EVENT_WINDOW_DAYS:
        return None
    actor_words = {w for name in a.actors + b.actors for w in norm_name(name).split() if len(w) >= 4}
    dirs = kb_folders(actors.kb if actors else None)
    words_a, words_b = _identity_words(a, actor_words, dirs), _identity_words(b, actor_words, dirs)
    shared = words_a & words_b
    ordinals = lexicon.words(dirs)["event_ordinals"]
    ordinal = shared & ordinals
    if (words_a & ordinals) and (words_b & ordinals) and not ordinal:
        return None  # "the fifth round" and "the sixth round" are two events
    if ordinal:
        return f"both call it the {sorted(ordinal)[0]}"
    shared -= ordinals
    # a capital hosts many meetings: the same place ties two reports only with a word of what happened
    if shared:
        places_a = _places(a, actors)
        place = sorted(set(places_a) & set(_places(b, actors))) if places_a else []
        if place:
            return f"both place it in {places_a[place[0]]}"
    # common words ("talks", "agreement") recur across different events: ask for several, and most of each quote
    if len(shared) >= MIN_SHARED_WORDS and len(shared) / len(words_a | words_b) >= MIN_SHARED_SHARE:
        return "both describe it as " + ", ".join(f'"{w}"' for w in sorted(shared)[:3])
    return None


def _same_end(a: EventMention, b: EventMention, actors: ActorResolver) -> bool:
    """Two reports of a person leaving office that can only be one end: not an announced resignation and
    its taking effect (weeks apart), not two offices the quotes name differently, and not two ends the
    KB records for the person."""
    gap = abs((b.span[0] - a.span[0]).days)
    if gap > SAME_END_WINDOW_DAYS:
        return False
    if (announced_end(a) or announced_end(b)) and gap <= ANNOUNCED_END_DAYS:
        return False
    titles_a, titles_b = {o[0] for o in a.offices}, {o[0] for o in b.offices}
    if titles_a and titles_b and not titles_a & titles_b:
        return False
    ends = set()
    for name in set(a.actors) & set(b.actors):
        entry = kb_find(actors.kb, name)
        if entry and entry.get("type") == "PERSON":
            ends |= {d for d in (timex_interval(r.get("end")) for r in entry.get("roles") or []
                                 if isinstance(r, dict)) if d}
    known = [any(overlaps(m.window, d, DATE_SLACK_DAYS) for d in ends) for m in (a, b)]
    return not all(known)


def _conflict_record(key: str, a: EventMention, b: EventMention, tie: str) -> dict:
    actors = ", ".join(dict.fromkeys(a.actors + b.actors))
    ending = a.type == "TRANSITION" and "leaving" in tie
    what = ("end of the term" if ending else "taking office") if a.type == "TRANSITION" else f"{a.type.lower()} event"
    about = f"date of the {what} of {actors}" if a.type == "TRANSITION" else f"date of the {what} involving {actors}"
    loose = [m.date for m in (a, b) if m.basis != EXPLICIT]
    how = f" (read loosely for {' and '.join(loose)}, stated relative to the text's own date)" if loose else ""
    reason = (f"The sources date the same event ({tie}) to {a.date} and to {b.date}, "
              f"more than {DATE_SLACK_DAYS} days apart{how}, and it happened only once.")
    items = [a.item(), b.item()]
    return {"kind": "conflict", "type": "date", "about": about, "reason": reason, "items": items, "block": key,
            "conflict_id": stable_id("c", [key, sorted((i["doc_id"], i["quote"]) for i in items)])}
