"""Event clusters (same type, a shared actor, compatible dates) and date conflicts between them.

A block is one event type in one month (transitions: one year), or undated; a date conflict
between two blocks belongs to the earlier one, which is checked with the next block's mentions.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from typing import Iterable

from datetime import date

from .datebasis import EXPLICIT
from .model import ActorResolver, EventMention, kb_find, stable_id
from .normalize import compatible_dates, norm_name, overlaps, period_of, span_days, timex_interval

# Reports of one event that disagree on its date still fall within this many days of each other.
SAME_EVENT_WINDOW_DAYS = 31
# Two start-of-office claims for one person this close together describe the same transition.
SAME_TERM_WINDOW_DAYS = 730
# Two reports of one person leaving office further apart than this are two ends (two offices, two terms).
SAME_END_WINDOW_DAYS = 730
# A resignation reported on its announcement and again on taking effect: this far apart, one end.
ANNOUNCED_END_DAYS = 92
# Office titles two reports may name; different ones mean two offices.
_TITLE = re.compile(r"\b(?:acting president|vice president|president|prime minister|premier|chancellor|minister|"
                    r"secretary|speaker|governor|mayor|ambassador|chair(?:man|woman)?|leader|commander|director)\b")
# Dates closer than this are one date told loosely (time zones, "this week's" reporting).
DATE_SLACK_DAYS = 3

# How much two quotes must share (distinctive words, beyond actors and dates) to describe one event.
MIN_SHARED_WORDS = 3
MIN_SHARED_SHARE = 0.4

_WORD = re.compile(r"[a-z]{4,}")
_STOP = set("""that this with from have were will would their there which what when where about after
before into over than them they been being also said says such these those while since
during against between under other more most some only very just then year years month
months week weeks today yesterday tomorrow january february march april june july august
september october november december monday tuesday wednesday thursday friday saturday sunday
held hold holds talks talk meeting meetings meet meets said says announced announce officials official
leaders leader government governments countries country both sides side visit visited visits reported
report according statement round rounds""".split())  # words any report of any event may use
_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "last", "final", "inaugural"}


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


_START_PHRASE = re.compile(
    r"\b(?:inaugurat\w*|sworn in|swearing[- ]in|took office|take office|taking office|takes office|"
    r"assum\w+ (?:office|the presidency|power)|took power|came to power|"
    r"(?:term|presidency|premiership|tenure|administration)\b[^.;]{0,40}?\b(?:began|begins|started|starts|"
    r"commenced|kicked off))\b")
# leaving an office, in words that say nothing else: safe on any event type (a resignation is often
# typed RETREAT)
_END_PHRASE = re.compile(
    r"\b(?:resign(?:ed|s|ing|ation)?|stepped down|steps? down|stepping down|quit (?:as|his|her|the)|"
    r"left office|leaves? office|leaving office|left power|ousted|ouster|deposed|toppled|"
    r"impeached and removed|remov(?:ed|ing|es|e)\b(?:\s+\S+){0,5}?\s+from (?:office|power|the presidency|"
    r"(?:his|her|their) post)|(?:term|presidency|premiership|tenure)\b[^.;]{0,30}?\b(?:ended|ends|expired|"
    r"came to an end))\b")
# on a TRANSITION (the extractor already read a change of leadership), "removal" or "removed" alone is one
_END_WORD = re.compile(r"\b(?:removal|removed|removing|fired|dismissed|sacked)\b")
# ends done to someone (the person is the one acted on), as against ends one does oneself (resigning)
_DONE_TO = re.compile(r"\b(?:remov\w*|oust\w*|deposed|toppled|impeached|fired|dismissed|sacked)\b")
# an end announced ahead of taking effect: the date reported may be the announcement's
_ANNOUNCED_END = re.compile(r"\b(?:resign\w*|step(?:s|ped|ping)? down|quit)\b")
_ELECTION_PHRASE = re.compile(r"\b(?:elect\w*|won the (?:presidency|vote|race))\b")


def transition_phrases(quote: str, leadership: bool = True) -> list[tuple[str, int]]:
    """Every phrase of the quote saying what happened to an office, as ("start" | "end" | "election", offset).
    `leadership` is True when the statement is already known to report a change of leadership (a
    TRANSITION), so a bare "removal" counts as an end."""
    q = quote.lower()
    found = [("start", m.start()) for m in _START_PHRASE.finditer(q)]
    found += [("end", m.start()) for m in _END_PHRASE.finditer(q)]
    if leadership:
        found += [("end", m.start()) for m in _END_WORD.finditer(q)]
    found += [("election", m.start()) for m in _ELECTION_PHRASE.finditer(q)]
    return sorted(set(found), key=lambda x: x[1])


def transition_kind(quote: str) -> str | None:
    """"start", "end" or "election": what a TRANSITION statement says happened to an office (a start
    when it says several things)."""
    kinds = {kind for kind, _ in transition_phrases(quote)}
    return next((k for k in ("start", "end", "election") if k in kinds), None)


def transition_kind_for(quote: str, names: Iterable[str], leadership: bool = True) -> str | None:
    """What the quote says happened to the office of the person called `names`: the phrase nearest a
    mention of them when it says several things ("Lee took office after Yoon was removed"); with no
    mention found, the quote's only kind, else None."""
    phrases = transition_phrases(quote, leadership)
    kinds = {kind for kind, _ in phrases}
    if len(kinds) <= 1:
        return next(iter(kinds), None)
    q = quote.lower()
    spots = [m.start() for name in names if name and len(name) > 2
             for m in re.finditer(rf"\b{re.escape(name.lower())}\b", q)]
    if not spots:
        return None
    return min(phrases, key=lambda p: min(abs(p[1] - s) for s in spots))[0]


# Words just before an end that say it did not (yet) happen: "refused to resign", "called on him to step
# down", "offered to resign" (an offer a leader may turn down), "would step down".
_NOT_DONE = re.compile(r"\b(?:refus\w*|declin\w*|reject\w*|not|never|no|won't|wouldn't|would|will|could|may|might|"
                       r"should|must|urg\w*|call\w*|demand\w*|press\w*|push\w*|ask\w*|threat\w*|vow\w*|"
                       r"offer\w*|consider\w*|plan\w*|expect\w*|pressure\w*|rumou?r\w*|deni\w*|deny\w*|"
                       r"to be|face[sd]?|sought|seek\w*|bid|effort|attempt\w*|push|motion)\b|n't\b")
_NOT_DONE_REACH = 40


def end_not_done(quote: str, leadership: bool = True) -> bool:
    """True when the words just before each end phrase show the end did not happen, or not yet."""
    q = quote.lower()
    spots = [at for kind, at in transition_phrases(quote, leadership) if kind == "end"]
    return bool(spots) and all(_NOT_DONE.search(q[max(0, at - _NOT_DONE_REACH):at]) for at in spots)


def end_done_to(quote: str) -> bool:
    """True when the quote's end is done to the person (removed, ousted, fired), not done by them."""
    return bool(_DONE_TO.search(quote.lower()))


def announced_end(quote: str) -> bool:
    """True when the quote's end is one announced ahead of its effect (a resignation, stepping down)."""
    return bool(_ANNOUNCED_END.search(quote.lower()))


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem, so "signed" and "sign", "pacts" and "pact" count as one word."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[:-len(suffix)]
    return word


def _identity_words(m: EventMention, actor_words: set[str]) -> set[str]:
    stems = {_stem(w) for w in _WORD.findall(m.quote.lower()) if w not in _STOP and w not in actor_words}
    return stems - _STOP


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
        if transition_kind(a.quote) == "start" and transition_kind(b.quote) == "start":
            return "both report the same person taking office"
        # an end only when each statement tells nothing but an end (else its date may be an election's)
        kinds_a = {kind for kind, _ in transition_phrases(a.quote)}
        kinds_b = {kind for kind, _ in transition_phrases(b.quote)}
        if (kinds_a == kinds_b == {"end"} and not end_not_done(a.quote) and not end_not_done(b.quote)
                and _same_end(a, b, actors)):
            return "both report the same person leaving office"
        return None
    if (b.span[0] - a.span[0]).days > SAME_EVENT_WINDOW_DAYS:
        return None
    actor_words = {w for name in a.actors + b.actors for w in _WORD.findall(norm_name(name))}
    words_a, words_b = _identity_words(a, actor_words), _identity_words(b, actor_words)
    shared = words_a & words_b
    ordinal = shared & _ORDINALS
    if (words_a & _ORDINALS) and (words_b & _ORDINALS) and not ordinal:
        return None  # "the fifth round" and "the sixth round" are two events
    if ordinal:
        return f"both call it the {sorted(ordinal)[0]}"
    shared -= _ORDINALS
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
    if (announced_end(a.quote) or announced_end(b.quote)) and gap <= ANNOUNCED_END_DAYS:
        return False
    titles_a, titles_b = set(_TITLE.findall(a.quote.lower())), set(_TITLE.findall(b.quote.lower()))
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
