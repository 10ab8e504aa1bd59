"""Claims about taking or leaving office checked against the KB's tenures and against the claiming text's
own chronology.

A text that says X's term began on D contradicts (a) a KB tenure of X's office that began more than a
few days from D, and (b) its own reports of X acting in that office well before D.

A text that says X left office on D (removed, ousted, impeached and removed, resigned, stepped down,
left office, a term ended) contradicts (a) the KB when no tenure of that office ends within a few days
of D (for a resignation, up to a few months after it: the announcement precedes the effect) and X held
it from before D to well after, or had left it well before; and (b) its own reports of X still acting
in that office (or impeached) months after D, or of a successor sworn into it well before D. Only a
claim whose year is written out and whose date is no vaguer than a month is checked, and only when
the date is the end's own (not that of another phrase in the statement).

The office is the one the text is about: the role its statement names ("sworn in as president",
"President X"); with none named, X's offices of a state among the claim's actors (else all of them).
A claim near the start of ANY office of that kind agrees with the KB; otherwise it is compared with the
one X held at D (or the first begun after it). Only a date the statement itself gives is checked, read
as loosely as it was stated ("two months ago" stands for a stretch of weeks, see datebasis.py).

What each statement says (the change of office and whom it is about, whether it did not happen, the
titles it names and puts before a person, "former", impeachment) is read from the fields the pipeline
files on the event record (see events.py); a record without them claims no change of office and names
no title, so it is never checked and never proves anyone in office.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Iterable

from ..knowledge.identity import norm_name
from . import lexicon
from .datebasis import EXPLICIT
from .events import announced_end, end_done_to, end_not_done, transition_kind_for, transition_phrases
from .model import EventMention, kb_find, kb_folders, kb_name, stable_id
from .normalize import overlaps, parse_day, span_days

# "More than a few days apart": closer dates are one date told loosely.
START_SLACK_DAYS = 3
# Before taking office a leader-elect already meets and negotiates; acts closer than this to the
# claimed start prove nothing.
TRANSITION_GRACE_DAYS = 92
# Without a KB tenure, earlier acts may belong to an earlier term; look back only this far.
LOOKBACK_WITHOUT_KB_DAYS = 365
# Acts only an office-holder performs (a candidate threatens or demands; only a government imposes,
# agrees, aids, deploys, withdraws, coerces or hosts summits).
OFFICE_ACTS = {"SANCTION", "AGREE", "AID", "MOBILIZE", "RETREAT", "COERCE", "CONSULT", "COOPERATE", "CONCEDE"}
# Types whose actors act jointly, so a target takes part as much as a source.
JOINT_ACTS = {"CONSULT", "AGREE", "COOPERATE"}
# Statements that can say someone took or left office: a change of leadership, or a resignation read
# as a step back.
OFFICE_CLAIM_TYPES = {"TRANSITION", "RETREAT"}


def check_document(events: list[EventMention], entity_types: dict[str, str], kb: Any = None) -> list[dict]:
    """Knowledge and chronology conflicts raised by one document's claims that someone took or left office.

    Only a date the text states is checked: a claim dated by its document's publication date ("Lee took
    office", no date given) says nothing about when the term began. A claimed end is checked only when
    its year is written out and its date is no vaguer than a month.
    """
    conflicts = []
    horizon = kb_horizon(kb)
    for claim in events:
        if claim.type not in OFFICE_CLAIM_TYPES or claim.modality not in (None, "asserted") or claim.span is None:
            continue
        if not claim.stated or span_days(claim.span) > 31:
            continue
        if claim.window[0] == date.min or claim.window[1] == date.max:
            continue  # "took office before June": a bound, not a claimed start
        leadership = claim.type == "TRANSITION"
        said_all = {kind for kind, _ in transition_phrases(claim, leadership)}
        if {"start", "end"} <= said_all:
            continue  # "took office on May 4 after X was removed": whose date it is cannot be told
        people = []
        for person in claim.actors:
            entry = kb_find(kb, person)
            kind = (entry or {}).get("type") or entity_types.get(norm_name(person))
            if kind == "PERSON":
                people.append((person, entry))
        # a start is every person's the statement names (as it always was); an end is only its subject's
        said = "end" if "end" in said_all else "start" if "start" in said_all and leadership else None
        if not _dated_by(claim, said, leadership):
            continue  # the statement's date belongs to another of its phrases
        if said == "end":
            subject = _subject_of(claim, people, "end", leadership)
            if (not claim.year_stated or end_not_done(claim, leadership)
                    or (said_all != {"end"} and claim.quote_timexes is None)):
                continue  # a guessed year, an end that did not happen, or a date that may be another phrase's
            people = [(p, e) for p, e in people if p == subject]
        for person, entry in people:
            if said == "start":
                conflict = _check_claim(claim, person, _with_office_names(kb, entry), events, kb_folders(kb))
            elif said == "end":
                conflict = _check_end(claim, person, _with_office_names(kb, entry), events, entity_types, kb,
                                      horizon)
            else:
                conflict = None
            if conflict:
                conflicts.append(conflict)
    return conflicts


def _phrase_spots(claim: EventMention, kind: str, leadership: bool) -> list[int]:
    return [at for said, at in transition_phrases(claim, leadership) if said == kind]


def _subject_of(claim: EventMention, people: list[tuple[str, dict | None]], kind: str,
                leadership: bool) -> str | None:
    """Whose office the statement's phrase of `kind` is about: the one person among its actors, else the
    person the pipeline read that phrase as about; None when it names none of several."""
    if len(people) == 1:
        return people[0][0]
    # the person removed is the one acted on; the one resigning is the one acting
    side = {norm_name(a) for a in (claim.targets if end_done_to(claim) else claim.sources)}
    on_side = [(p, e) for p, e in people if norm_name(p) in side]
    if len(on_side) == 1:
        return on_side[0][0]
    people = on_side or people
    about = {norm_name(s["about"]) for s in claim.spots
             if s["kind"] == kind and s.get("about") and (leadership or not s.get("bare"))}
    for person, entry in people:
        if about & {norm_name(n) for n in _names_of(person, entry)}:
            return person
    return None


def _dated_by(claim: EventMention, kind: str | None, leadership: bool) -> bool:
    """False when the statement's own temporal expressions show its date is another phrase's: the
    expression nearest the phrase saying what happened to the office must carry the claimed date.
    ("Yoon, ousted in April, went on trial on July 10, 2025": July 10 is the trial's.)"""
    inside = claim.quote_timexes
    spots = _phrase_spots(claim, kind, leadership) if kind else []
    if not inside or not spots:
        return True

    def gap(t: list, points: list[int]) -> int:
        return min(0 if t[0] <= s <= t[1] else min(abs(s - t[0]), abs(s - t[1])) for s in points)
    if min(inside, key=lambda t: gap(t, spots))[2] != claim.date:
        return False
    # and the expression giving the date stands nearer that phrase than any other ("won the election on
    # June 3, two months after Yoon's removal": June 3 is the election's)
    others = [at for said, at in transition_phrases(claim, leadership) if said != kind]
    dating = [t for t in inside if t[2] == claim.date]
    return not others or any(gap(t, spots) <= gap(t, others) for t in dating)


def _names_of(person: str, entry: dict | None) -> list[str]:
    """How a text may name the person: the name, its KB aliases and short forms, its first and last word."""
    names = [person, *((entry or {}).get("aliases") or []), *((entry or {}).get("short") or [])]
    words = person.split()
    if len(words) > 1:
        names += [words[0], words[-1]]
    return list(dict.fromkeys(n for n in names if n))


def kb_horizon(kb: Any) -> date | None:
    """The latest date the KB records: a tenure it shows as open is known to be open until then, no later."""
    if kb is None:
        return None
    cached = _HORIZONS.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    latest = None
    try:
        for entry in kb:
            for role in (entry.get("roles") or []) if isinstance(entry, dict) else ():
                for field in ("start", "end"):
                    day = parse_day(role.get(field)) if isinstance(role, dict) else None
                    if day and (latest is None or day > latest):
                        latest = day
    except TypeError:  # a KB that cannot be walked: open tenures say nothing about later dates
        latest = None
    _HORIZONS[id(kb)] = (kb, latest)
    return latest


_HORIZONS: dict[int, tuple[Any, date | None]] = {}


def _with_office_names(kb: Any, entry: dict | None) -> dict | None:
    """The entry with each role's `of` as a name (the KB refers to states by id)."""
    if not entry or not entry.get("roles"):
        return entry
    roles = [{**r, "of": kb_name(kb, r.get("of"))} for r in entry["roles"] if isinstance(r, dict)]
    return {**entry, "roles": roles}


def _role_words(role: str) -> list[str]:
    """How a text names a role: in full ("governor of Gyeonggi") or by its title ("governor")."""
    words = role.lower().split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "for", "to", "at")), len(words))
    return list(dict.fromkeys(w for w in (" ".join(words), " ".join(words[:cut])) if w))


def names_role(claim: EventMention, role: str | None) -> bool:
    """True when the statement names this role ("sworn in as president", "Finance Minister X"): the
    pipeline reads the longest title at each place with the words naming it, so "vice president" or "prime
    minister" do not name "president" or "minister", and a stand-in's ("acting president") is not the office."""
    if not role:
        return False
    wanted = _role_words(role)
    return any(name in wanted for _, _, _, names in claim.offices for name in names)


def _offices_of_the_claim(claim: EventMention, entry: dict | None) -> list[dict]:
    """The person's dated tenures of the kind the claim is about: the roles its quote names; with none
    named, those of a state among its actors (else all). Empty when the quote names an office the KB
    does not list for the person ("took office as senator"): only the text's own chronology can tell."""
    roles = [r for r in (entry or {}).get("roles") or [] if isinstance(r, dict) and parse_day(r.get("start"))]
    named = [r for r in roles if names_role(claim, r.get("role"))]
    if named:
        return sorted(named, key=lambda r: r["start"])
    if claim.offices:
        return []
    actors = {norm_name(a) for a in claim.actors}
    of_actor = [r for r in roles if norm_name(r.get("of")) in actors]
    return sorted(of_actor or roles, key=lambda r: r["start"])


def _by_ordinal(claim: EventMention, tenures: list[dict], kb_dirs: tuple[str, ...] = ()) -> list[dict]:
    """"Second term": of one office's tenures, only the second can match."""
    ordinals = lexicon.ordered("term_ordinals", kb_dirs)
    ordinal = next((n for n, word in enumerate(ordinals, 1) if word in claim.words), None)
    offices = {(r.get("role"), r.get("of")) for r in tenures}
    if ordinal and len(offices) == 1 and len(tenures) >= ordinal:
        return [tenures[ordinal - 1]]
    return tenures


def _tenure_at(tenures: list[dict], window: tuple[date, date]) -> dict:
    """The tenure a claim dated `window` is about: one held then (the latest begun), else the first to
    begin after it, else the last before it."""
    def held(r: dict) -> bool:
        end = parse_day(r.get("end"))
        return parse_day(r["start"]) <= window[1] and (end is None or end >= window[0])
    during = [r for r in tenures if held(r)]
    if during:
        return max(during, key=lambda r: r["start"])
    after = [r for r in tenures if parse_day(r["start"]) > window[1]]
    return min(after, key=lambda r: r["start"]) if after else max(tenures, key=lambda r: r["start"])


def _check_claim(claim: EventMention, person: str, entry: dict | None, events: list[EventMention],
                 kb_dirs: tuple[str, ...] = ()):
    offices = _offices_of_the_claim(claim, entry)
    tenures = _by_ordinal(claim, offices, kb_dirs)
    window = claim.window
    if tenures:
        # any tenure of that kind beginning within the days the claim can stand for: the KB agrees
        if any(overlaps(window, (parse_day(t["start"]),) * 2, START_SLACK_DAYS) for t in tenures):
            return None
        tenure = _tenure_at(tenures, window)
        ended = [parse_day(t.get("end")) for t in offices if parse_day(t.get("end"))]
        floor = max((d for d in ended if d < window[0]), default=date.min)
    else:
        tenure = None
        floor = window[0] - timedelta(days=LOOKBACK_WITHOUT_KB_DAYS)
    acts = _acts_in_office(claim, person, events, floor)
    if tenure:
        return _knowledge_conflict(claim, person, tenure, acts, kb_dirs)
    if acts:
        return _chronology_conflict(claim, person, acts)
    return None


def _acts_in_office(claim: EventMention, person: str, events: Iterable[EventMention], floor: date):
    """The text's own stated reports of `person` acting in office after `floor` and well before the
    earliest day the claimed start can stand for."""
    limit = claim.window[0] - timedelta(days=TRANSITION_GRACE_DAYS)
    key = norm_name(person)
    acts = []
    for e in events:
        if e is claim or e.type not in OFFICE_ACTS or e.modality not in (None, "asserted") or not e.stated:
            continue
        actors = e.actors if e.type in JOINT_ACTS else e.sources
        if key in {norm_name(a) for a in actors} and floor < e.window[0] and e.window[1] < limit:
            acts.append(e)
    acts.sort(key=lambda e: e.span[0])
    return acts


def office_phrase(tenure: dict, kb_dirs: tuple[str, ...] = ()) -> str:
    """ "president of the United States": the role, and what it is of, as a sentence says it."""
    role, of = tenure.get("role"), tenure.get("of")
    if of and lexicon.reads_with_the(of, kb_dirs) and not of.lower().startswith("the "):
        of = "the " + of
    return " of ".join(x for x in (role, of) if x)


def _kb_item(person: str, tenure: dict, kb_dirs: tuple[str, ...] = ()) -> dict:
    office = office_phrase(tenure, kb_dirs)
    return {"doc_id": None, "source": "knowledge base", "value": tenure["start"],
            "quote": f"{person}: {office}, from {tenure['start']}"
                     + (f" to {tenure['end']}" if tenure.get("end") else "")}


def _knowledge_conflict(claim: EventMention, person: str, tenure: dict, acts: list[EventMention],
                        kb_dirs: tuple[str, ...] = ()) -> dict:
    office = office_phrase(tenure, kb_dirs) or "office"
    reason = (f"The text says {person}'s term began on {claim.date}{_loosely(claim)}, but {person}'s term as "
              f"{office} began on {tenure['start']}, more than {START_SLACK_DAYS} days away")
    if acts:
        reason += f", and the same text has {person} acting in office on {_dates(acts)}"
    items = [claim.item(), _kb_item(person, tenure, kb_dirs)] + [e.item() for e in acts]
    return _record("knowledge", f"start of {person}'s term as {office}", reason + ".", items, claim)


def _chronology_conflict(claim: EventMention, person: str, acts: list[EventMention]) -> dict:
    reason = (f"The text says {person}'s term began on {claim.date}{_loosely(claim)}, yet it reports {person} acting in office on "
              f"{_dates(acts)}, months before that start.")
    items = [claim.item()] + [e.item() for e in acts]
    return _record("chronology", f"start of {person}'s term", reason, items, claim)


def _loosely(claim: EventMention) -> str:
    if claim.basis == EXPLICIT:
        return ""
    return (f" (read loosely, {claim.window[0].isoformat()} to {claim.window[1].isoformat()}, "
            f"as the text states it relative to its own date)")


def _dates(acts: list[EventMention]) -> str:
    return ", ".join(dict.fromkeys(e.date for e in acts))


def _record(kind: str, about: str, reason: str, items: list[dict], claim: EventMention) -> dict:
    scope = f"doc|{claim.doc_id}"
    return {"kind": "conflict", "type": kind, "about": about, "reason": reason, "items": items, "block": scope,
            "conflict_id": stable_id("c", [scope, kind, about, claim.quote])}


# ---------------------------------------------------------------- leaving office

# A stated end this close to the KB's is the same end told loosely (time zones, announcement and effect).
END_SLACK_DAYS = 3
# A resignation is often reported on the day it was announced, weeks before it takes effect (a caretaker
# stays until a successor is chosen): such a claim agrees with any end up to this long after it.
ANNOUNCED_AHEAD_DAYS = 92
# Acts reported this long after a stated end cannot be the last days of a handover.
AFTER_END_GRACE_DAYS = 92
# Without the KB, later acts may belong to a later office; look ahead only this far.
LOOKAHEAD_WITHOUT_KB_DAYS = 365
# A successor sworn in this long before the predecessor's stated end contradicts it.
SUCCESSOR_GRACE_DAYS = 31


def _reach(claim: EventMention) -> tuple[date, date]:
    """The days of the claim's end that a KB end or a later act is compared with: its window widened by
    the slack, and, for an announced end, by the weeks it may take to take effect."""
    ahead = ANNOUNCED_AHEAD_DAYS if announced_end(claim) else 0
    return (claim.window[0] - timedelta(days=END_SLACK_DAYS),
            claim.window[1] + timedelta(days=END_SLACK_DAYS + ahead))


def _check_end(claim: EventMention, person: str, entry: dict | None, events: list[EventMention],
               entity_types: dict[str, str], kb: Any, horizon: date | None):
    """A claimed end of `person`'s time in office against the KB's tenures of that office and against the
    claiming text's own chronology (the person still acting in office after it, a successor sworn in
    before it)."""
    reach = _reach(claim)
    offices = _offices_of_the_claim(claim, entry)
    tenure = None
    if offices:
        if any(reach[0] <= end <= reach[1] for end in (parse_day(t.get("end")) for t in offices) if end):
            return None  # the KB has a tenure of that kind ending then
        tenure = _tenure_against_end(offices, claim.window, reach, horizon)
    acts = _acts_after_end(claim, person, events, entry, reach)
    successors = _successors_before(claim, person, events, entity_types, kb, tenure, offices)
    if tenure:
        return _knowledge_end_conflict(claim, person, tenure, acts, successors, kb_folders(kb))
    names = _names_of(person, entry)
    named = claim.offices[0][0] if claim.offices else None
    strong = [e for e in acts if _proves_office(e, names, named)]
    if strong or successors:
        return _chronology_end_conflict(claim, person, strong, successors)
    return None


def _tenure_against_end(offices: list[dict], window: tuple[date, date], reach: tuple[date, date],
                        horizon: date | None) -> dict | None:
    """The KB tenure the claimed end contradicts: one the person held from before the claimed end until
    well after it, else the latest one that had already ended. None when the KB cannot tell: the claim
    falls before any such tenure began (the KB may not know earlier offices), or after the last date the
    KB records while a tenure was open."""
    slack = timedelta(days=END_SLACK_DAYS)
    if horizon is None or window[1] > horizon:
        open_known = False
    else:
        open_known = True
    held, ended = [], []
    for t in offices:
        start, end = parse_day(t.get("start")), parse_day(t.get("end"))
        if start is None or start > window[0] - slack:
            continue
        if end is None:
            if open_known:
                held.append(t)
        elif end > reach[1]:
            held.append(t)
        elif end < reach[0]:
            ended.append(t)
    if held:
        return max(held, key=lambda t: t["start"])
    if ended and horizon is not None and window[1] <= horizon:
        return max(ended, key=lambda t: t.get("end") or "")
    return None


def _acts_after_end(claim: EventMention, person: str, events: Iterable[EventMention], entry: dict | None,
                    reach: tuple[date, date]) -> list[EventMention]:
    """The text's own stated reports of `person` still acting in office (or impeached, which only an
    office-holder can be) well after the claimed end and before any later start the text or the KB gives."""
    key = norm_name(person)
    names = _names_of(person, entry)
    after = reach[1] + timedelta(days=AFTER_END_GRACE_DAYS)
    ceiling = _next_start(claim, person, events, entry)
    acts = []
    for e in events:
        if e is claim or e.modality not in (None, "asserted") or not e.stated:
            continue
        if not (after < e.window[0] and e.window[1] < ceiling):
            continue
        if _impeaches(e, key, names):
            acts.append(e)
            continue
        if e.type not in OFFICE_ACTS or e.former:
            continue
        actors = e.actors if e.type in JOINT_ACTS else e.sources
        if key in {norm_name(a) for a in actors}:
            acts.append(e)
    acts.sort(key=lambda e: e.span[0])
    return acts


def _impeaches(e: EventMention, key: str, names: list[str]) -> bool:
    """An impeachment of the person (not one they took part in, and not their removal)."""
    if e.type != "TRANSITION" or not e.impeachment:
        return False
    if key not in {norm_name(a) for a in e.targets}:
        return False
    return transition_kind_for(e, names) not in ("end", "start")


def _next_start(claim: EventMention, person: str, events: Iterable[EventMention], entry: dict | None) -> date:
    """The first day after the claimed end on which the person may hold office again: the next start of
    any of their offices in the KB, or one the text reports; without the KB, a year on."""
    after = claim.window[1]
    starts = [parse_day(r.get("start")) for r in (entry or {}).get("roles") or [] if isinstance(r, dict)]
    starts = [d for d in starts if d and d > after]
    names = _names_of(person, entry)
    key = norm_name(person)
    for e in events:
        if (e is not claim and e.type == "TRANSITION" and e.stated and e.window[0] > after
                and key in {norm_name(a) for a in e.actors} and transition_kind_for(e, names) == "start"):
            starts.append(e.window[0])
    if not entry or not entry.get("roles"):
        starts.append(after + timedelta(days=LOOKAHEAD_WITHOUT_KB_DAYS))
    return min(starts, default=date.max)


def _proves_office(e: EventMention, names: list[str], title: str | None) -> bool:
    """Without the KB, an act proves the person still in office only when it is an impeachment of them or
    its statement puts an office's title before their name ("President Lind", "then-Prime Minister Voss";
    not a former one): the title of the office the claim names, when it names one."""
    if e.impeachment:
        return True
    keys = {norm_name(n) for n in names}
    return any(norm_name(person) in keys and not former and (title is None or office == title)
               for office, person, former in e.titled)


def _office_of(claim: EventMention, tenure: dict | None, offices: list[dict]) -> tuple[str | None, str | None]:
    """(role, state) of the office the claimed end is about: the KB tenure's, else the one office the KB
    lists of that kind, else the title the statement gives."""
    if tenure:
        return tenure.get("role"), tenure.get("of")
    kinds = {(t.get("role"), t.get("of")) for t in offices}
    if len(kinds) == 1:
        return next(iter(kinds))
    return (claim.offices[0][0], None) if claim.offices else (None, None)


def _successors_before(claim: EventMention, person: str, events: Iterable[EventMention],
                       entity_types: dict[str, str], kb: Any, tenure: dict | None,
                       offices: list[dict]) -> list[EventMention]:
    """Someone else's start in the same single-holder office, reported by the same text well before the
    claimed end and after the person's own start in it (else it may be a predecessor's)."""
    key = norm_name(person)
    names = _names_of(person, kb_find(kb, person))
    own = [e for e in events if e is not claim and e.type == "TRANSITION" and e.stated
           and e.modality in (None, "asserted") and key in {norm_name(a) for a in e.actors}
           and transition_kind_for(e, names) == "start" and e.window[1] < claim.window[0]]
    role, state = _office_of(claim, tenure, offices)
    if not role:
        # the office the text has the person take up, when it names one
        titled = [e.offices[0][0] for e in own if e.offices]
        role = titled[-1] if titled else None
    if not role or role.lower() in lexicon.words(kb_folders(kb))["multi_holder_offices"]:
        return []
    own_start = parse_day(tenure.get("start")) if tenure else None
    if own_start is None:
        own_start = max((e.window[0] for e in own), default=None)
    if own_start is None:
        return []
    before = claim.window[0] - timedelta(days=SUCCESSOR_GRACE_DAYS)
    found = []
    for e in events:
        if (e is claim or e.type != "TRANSITION" or e.modality not in (None, "asserted") or not e.stated
                or span_days(e.span) > 31 or not (own_start < e.window[0] and e.window[1] < before)):
            continue
        for other in e.actors:
            if norm_name(other) == key:
                continue
            entry = kb_find(kb, other)
            if ((entry or {}).get("type") or entity_types.get(norm_name(other))) != "PERSON":
                continue
            if transition_kind_for(e, _names_of(other, entry)) != "start":
                continue
            if names_role(e, role) or _kb_start_in(_with_office_names(kb, entry), role, state, e):
                found.append(e)
                break
    return found


def _kb_start_in(entry: dict | None, role: str, state: str | None, e: EventMention) -> bool:
    """True when the KB has the person begin `role` (of `state`, when known) within the days `e` stands for."""
    for r in (entry or {}).get("roles") or []:
        start = parse_day(r.get("start"))
        if (start and (r.get("role") or "").lower() == role.lower()
                and (state is None or norm_name(r.get("of")) == norm_name(state))
                and overlaps(e.window, (start, start), START_SLACK_DAYS)):
            return True
    return False


def _end_kb_item(person: str, tenure: dict, kb_dirs: tuple[str, ...] = ()) -> dict:
    item = _kb_item(person, tenure, kb_dirs)
    item["value"] = tenure.get("end") or f"in office after {tenure['start']}"
    return item


def _knowledge_end_conflict(claim: EventMention, person: str, tenure: dict, acts: list[EventMention],
                            successors: list[EventMention], kb_dirs: tuple[str, ...] = ()) -> dict:
    office = office_phrase(tenure, kb_dirs) or "office"
    if tenure.get("end") and parse_day(tenure["end"]) < claim.window[0]:
        fact = f"{person}'s term as {office} ended on {tenure['end']}"
    elif tenure.get("end"):
        fact = f"{person} was {office} from {tenure['start']} until {tenure['end']}"
    else:
        fact = f"{person} has been {office} since {tenure['start']}"
    reason = (f"The text says {person} left office on {claim.date}{_loosely(claim)}, but {fact}, and no term of "
              f"theirs in that office ends within {END_SLACK_DAYS} days of the stated date")
    if acts:
        reason += f"; the same text has {person} still in office on {_dates(acts)}"
    if successors:
        reason += f"; it has a successor taking that office on {_dates(successors)}"
    items = [claim.item(), _end_kb_item(person, tenure, kb_dirs)] + [e.item() for e in acts + successors]
    return _record("knowledge", f"end of {person}'s term as {office}", reason + ".", items, claim)


def _chronology_end_conflict(claim: EventMention, person: str, acts: list[EventMention],
                             successors: list[EventMention]) -> dict:
    if acts and successors:
        told = (f"it reports {person} still in office on {_dates(acts)} and a successor taking the office on "
                f"{_dates(successors)}, and both cannot come after that end")
    elif acts:
        told = f"it reports {person} still in office on {_dates(acts)}, months after that end"
    else:
        told = f"it has a successor taking the same office on {_dates(successors)}, well before that end"
    reason = f"The text says {person} left office on {claim.date}{_loosely(claim)}, yet {told}."
    items = [claim.item()] + [e.item() for e in acts + successors]
    return _record("chronology", f"end of {person}'s term", reason, items, claim)
