"""Claims about taking office checked against the KB's tenures and against the claiming text's own chronology.

A text that says X's term began on D contradicts (a) a KB tenure of X's office that began more than a
few days from D, and (b) its own reports of X acting in that office well before D.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Iterable

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
    """Knowledge and chronology conflicts raised by one document's start-of-office claims."""
    conflicts = []
    for claim in events:
        if claim.type != "TRANSITION" or claim.modality not in (None, "asserted") or claim.span is None:
            continue
        if span_days(claim.span) > 31 or transition_kind(claim.quote) != "start":
            continue
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


def _candidate_tenures(claim: EventMention, entry: dict | None, ordinal: bool = True) -> list[dict]:
    """The KB tenures the claim can be about: roles named in the quote, or of a state among the actors."""
    roles = [r for r in (entry or {}).get("roles") or [] if isinstance(r, dict) and parse_day(r.get("start"))]
    quote = claim.quote.lower()
    actors = {norm_name(a) for a in claim.actors}
    named = [r for r in roles if r.get("role") and re.search(rf"\b{re.escape(r['role'].lower())}\b", quote)]
    if not named and OFFICE_WORDS.search(quote):
        return []  # "took office as senator": an office the KB does not list for this person
    chosen = named or [r for r in roles if norm_name(r.get("of")) in actors]
    chosen.sort(key=lambda r: r["start"])
    ordinal = ordinal and next((n for word, n in _ORDINALS.items() if re.search(rf"\b{word}\b", quote)), None)
    offices = {(r.get("role"), r.get("of")) for r in chosen}
    if ordinal and len(offices) == 1 and len(chosen) >= ordinal:
        return [chosen[ordinal - 1]]  # "second term": only the KB's second tenure of that office can match
    return chosen


def _check_claim(claim: EventMention, person: str, entry: dict | None, events: list[EventMention]):
    tenures = _candidate_tenures(claim, entry)
    claimed_start = claim.span[0]
    if tenures:
        matching = [t for t in tenures if overlaps(claim.span, (parse_day(t["start"]),) * 2, START_SLACK_DAYS)]
        if matching:
            return None  # the KB agrees; earlier acts would be the KB's business, not this claim's
        every = _candidate_tenures(claim, entry, ordinal=False)
        ended = [parse_day(t.get("end")) for t in every if parse_day(t.get("end"))]
        floor = max((d for d in ended if d < claimed_start), default=date.min)
    else:
        floor = claimed_start - timedelta(days=LOOKBACK_WITHOUT_KB_DAYS)
    acts = _acts_in_office(claim, person, events, floor)
    if tenures:
        return _knowledge_conflict(claim, person, tenures[0], acts)
    if acts:
        return _chronology_conflict(claim, person, acts)
    return None


def _acts_in_office(claim: EventMention, person: str, events: Iterable[EventMention], floor: date):
    """The text's own reports of `person` acting in office after `floor` and well before the claimed start."""
    limit = claim.span[0] - timedelta(days=TRANSITION_GRACE_DAYS)
    key = norm_name(person)
    acts = []
    for e in events:
        if e is claim or e.type not in OFFICE_ACTS or e.modality not in (None, "asserted") or e.span is None:
            continue
        actors = e.actors if e.type in JOINT_ACTS else e.sources
        if key in {norm_name(a) for a in actors} and floor < e.span[0] and e.span[1] < limit:
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
    reason = (f"The text says {person}'s term began on {claim.date}, but {person}'s term as {office} began on "
              f"{tenure['start']}, more than {START_SLACK_DAYS} days away")
    if acts:
        reason += f", and the same text has {person} acting in office on {_dates(acts)}"
    items = [claim.item(), _kb_item(person, tenure)] + [e.item() for e in acts]
    return _record("knowledge", f"start of {person}'s term as {office}", reason + ".", items, claim)


def _chronology_conflict(claim: EventMention, person: str, acts: list[EventMention]) -> dict:
    reason = (f"The text says {person}'s term began on {claim.date}, yet it reports {person} acting in office on "
              f"{_dates(acts)}, months before that start.")
    items = [claim.item()] + [e.item() for e in acts]
    return _record("chronology", f"start of {person}'s term", reason, items, claim)


def _dates(acts: list[EventMention]) -> str:
    return ", ".join(dict.fromkeys(e.date for e in acts))


def _record(kind: str, about: str, reason: str, items: list[dict], claim: EventMention) -> dict:
    scope = f"doc|{claim.doc_id}"
    return {"kind": "conflict", "type": kind, "about": about, "reason": reason, "items": items, "block": scope,
            "conflict_id": stable_id("c", [scope, kind, about, claim.quote])}
