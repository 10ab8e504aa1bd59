"""Claims about taking office checked against the KB's tenures and against the claiming text's own chronology.

A text that says X's term began on D contradicts (a) a KB tenure of X's office that began more than a
few days from D, and (b) its own reports of X acting in that office well before D.

The office is the one the text is about: the role its statement names ("sworn in as president",
"President X"); with none named, X's offices of a state among the claim's actors (else all of them).
A claim near the start of ANY office of that kind agrees with the KB; otherwise it is compared with the
one X held at D (or the first begun after it). Only a date the statement itself gives is checked, read
as loosely as it was stated ("two months ago" stands for a stretch of weeks, see datebasis.py).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Iterable

from .datebasis import EXPLICIT
from .events import transition_kind
from .model import EventMention, kb_find, kb_name, stable_id
from .normalize import norm_name, overlaps, parse_day, span_days

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
# Words naming an office: a claim that names one the KB does not list for the person is about an
# office the KB does not know, and is left alone.
OFFICE_WORDS = re.compile(r"\b(president|vice president|prime minister|premier|chancellor|minister|secretary|"
                          r"senator|governor|mayor|ambassador|speaker|chair(?:man|woman)?|king|queen|emperor|"
                          r"general secretary|director|commander|chief|envoy|representative|lawmaker)\b")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


def check_document(events: list[EventMention], entity_types: dict[str, str], kb: Any = None) -> list[dict]:
    """Knowledge and chronology conflicts raised by one document's start-of-office claims.

    Only a date the text states is checked: a claim dated by its document's publication date ("Lee took
    office", no date given) says nothing about when the term began.
    """
    conflicts = []
    for claim in events:
        if claim.type != "TRANSITION" or claim.modality not in (None, "asserted") or claim.span is None:
            continue
        if not claim.stated or span_days(claim.span) > 31 or transition_kind(claim.quote) != "start":
            continue
        if claim.window[0] == date.min or claim.window[1] == date.max:
            continue  # "took office before June": a bound, not a claimed start
        for person in claim.actors:
            entry = kb_find(kb, person)
            kind = (entry or {}).get("type") or entity_types.get(norm_name(person))
            if kind != "PERSON":
                continue
            conflict = _check_claim(claim, person, _with_office_names(kb, entry), events)
            if conflict:
                conflicts.append(conflict)
    return conflicts


def _with_office_names(kb: Any, entry: dict | None) -> dict | None:
    """The entry with each role's `of` as a name (the KB refers to states by id)."""
    if not entry or not entry.get("roles"):
        return entry
    roles = [{**r, "of": kb_name(kb, r.get("of"))} for r in entry["roles"] if isinstance(r, dict)]
    return {**entry, "roles": roles}


def _role_words(role: str) -> list[str]:
    """How a text names a role: in full ("governor of Gyeonggi") or by its title ("governor")."""
    role = role.lower().strip()
    title = re.split(r"\s+(?:of|for|to|at)\s+", role)[0].strip()
    return list(dict.fromkeys(w for w in (role, title) if w))


def names_role(quote: str, role: str | None) -> bool:
    """True when the quote names this role ("sworn in as president"); "vice president" or "prime
    minister" do not name "president" or "minister"."""
    if not role:
        return False
    for words in _role_words(role):
        for m in re.finditer(rf"\b{re.escape(words)}\b", quote):
            before = quote[:m.start()].rstrip().rsplit(" ", 1)[-1]
            if f"{before} {words}" in _OFFICE_COMPOUNDS and f"{before} {words}" not in _role_words(role):
                continue
            return True
    return False


# offices whose names contain another office's name
_OFFICE_COMPOUNDS = {"vice president", "prime minister", "deputy minister", "vice minister", "deputy secretary",
                     "under secretary", "vice chairman", "deputy director", "vice governor", "lieutenant governor",
                     "deputy chief", "vice premier", "deputy prime minister"}


def _offices_of_the_claim(claim: EventMention, entry: dict | None) -> list[dict]:
    """The person's dated tenures of the kind the claim is about: the roles its quote names; with none
    named, those of a state among its actors (else all). Empty when the quote names an office the KB
    does not list for the person ("took office as senator"): only the text's own chronology can tell."""
    roles = [r for r in (entry or {}).get("roles") or [] if isinstance(r, dict) and parse_day(r.get("start"))]
    quote = claim.quote.lower()
    named = [r for r in roles if names_role(quote, r.get("role"))]
    if named:
        return sorted(named, key=lambda r: r["start"])
    if OFFICE_WORDS.search(quote):
        return []
    actors = {norm_name(a) for a in claim.actors}
    of_actor = [r for r in roles if norm_name(r.get("of")) in actors]
    return sorted(of_actor or roles, key=lambda r: r["start"])


def _by_ordinal(claim: EventMention, tenures: list[dict]) -> list[dict]:
    """"Second term": of one office's tenures, only the second can match."""
    quote = claim.quote.lower()
    ordinal = next((n for word, n in _ORDINALS.items() if re.search(rf"\b{word}\b", quote)), None)
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


def _check_claim(claim: EventMention, person: str, entry: dict | None, events: list[EventMention]):
    offices = _offices_of_the_claim(claim, entry)
    tenures = _by_ordinal(claim, offices)
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
        return _knowledge_conflict(claim, person, tenure, acts)
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


def _kb_item(person: str, tenure: dict) -> dict:
    office = " of ".join(x for x in (tenure.get("role"), tenure.get("of")) if x)
    return {"doc_id": None, "source": "knowledge base", "value": tenure["start"],
            "quote": f"{person}: {office}, from {tenure['start']}"
                     + (f" to {tenure['end']}" if tenure.get("end") else "")}


def _knowledge_conflict(claim: EventMention, person: str, tenure: dict, acts: list[EventMention]) -> dict:
    office = " of ".join(x for x in (tenure.get("role"), tenure.get("of")) if x) or "office"
    reason = (f"The text says {person}'s term began on {claim.date}{_loosely(claim)}, but {person}'s term as "
              f"{office} began on {tenure['start']}, more than {START_SLACK_DAYS} days away")
    if acts:
        reason += f", and the same text has {person} acting in office on {_dates(acts)}"
    items = [claim.item(), _kb_item(person, tenure)] + [e.item() for e in acts]
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
