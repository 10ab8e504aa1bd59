"""Offices people are given in the text ("Treasury Secretary X", "former President Y") checked against the
knowledge base's tenures on the document's date.

The pipeline files each "<title> <person>" it reads as a claim on a nearby fact (`titles`, see
pipeline/referents.py); this module reads those claims per document. A claim contradicts the KB when
    - it calls a person "former <office>" while the KB has them in that office on the document's date;
    - it gives a person the KB knows an office they do not hold then, while they hold another one;
    - it gives an office of one state (a US "Treasury Secretary") to someone the KB does not know, while
      the KB has someone else in it then (a misnamed or misspelled holder of another office).
Only dates the KB covers are checked (up to its horizon); a claim without a document date is dated by
the latest date the document's facts state. Offices of a state (a country's "Treasury Secretary")
and heads of government are checked; titles of function ("negotiator", "spokesperson") are not.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any, Iterable

from ..knowledge.identity import norm_name
from .model import kb_folders, kb_name, stable_id
from .tenure import kb_horizon, office_phrase

# An office the KB shows as open is presumed held this long past the latest date the KB records.
HORIZON_GRACE_DAYS = 92


def doc_date(published: str | None, anchor: str | None, fact_dates: Iterable[str | None]) -> str | None:
    """The day a document speaks for: its publication or anchor date, else the latest full date it states."""
    for d in (published, anchor):
        if d and len(d) >= 10:
            return d[:10]
    days = sorted(d[:10] for d in fact_dates if isinstance(d, str) and len(d) >= 10 and d[:4].isdigit()
                  and d[4] == "-")
    return days[-1] if days else None


def check_titles(doc_id: str, source: str | None, claims: list[dict], day: str | None, kb: Any) -> list[dict]:
    if kb is None or not claims or not day:
        return []
    horizon = kb_horizon(kb)
    if horizon is not None and day > (horizon + timedelta(days=HORIZON_GRACE_DAYS)).isoformat():
        return []
    out, seen = [], set()
    for claim in claims:
        found = _check(claim, day, kb)
        if found is None:
            continue
        about, reason, kb_items = found
        if about in seen:
            continue
        seen.add(about)
        item = {"doc_id": doc_id, "source": source, "quote": claim.get("quote", ""), "start": claim.get("start"),
                "end": claim.get("end"), "value": claim.get("title")}
        scope = f"doc|{doc_id}"
        out.append({"kind": "conflict", "type": "office", "about": about, "reason": reason, "severity": "high",
                    "items": [item] + kb_items, "block": scope,
                    "conflict_id": stable_id("c", [scope, "office", about, claim.get("quote")])})
    return out


def _roles_match(role: dict, claim: dict, kb: Any) -> bool:
    if role.get("role") not in claim.get("roles", []):
        return False
    country = claim.get("country")
    return not country or kb.state_of(role.get("of")) == country or role.get("of") == country


def _held(entry: dict, day: str) -> list[dict]:
    return [r for r in entry.get("roles") or [] if isinstance(r, dict) and (r.get("start") or "") <= day
            and (not r.get("end") or day < r["end"])]


def _kb_item(name: str, role: dict, kb: Any) -> dict:
    tenure = {"role": role.get("role"), "of": kb_name(kb, role.get("of"))}
    return {"doc_id": None, "source": "knowledge base", "value": role.get("start"),
            "quote": f"{name}: {office_phrase(tenure, kb_folders(kb))}, from {role.get('start')}"
                     + (f" to {role['end']}" if role.get("end") else "")}


def _check(claim: dict, day: str, kb: Any):
    entry = kb.get(claim.get("kb_id")) if claim.get("kb_id") else None
    title = claim.get("title", "")
    name = claim.get("name") or claim.get("surface") or "someone"
    if entry is not None:
        held = _held(entry, day)
        in_office = [r for r in held if _roles_match(r, claim, kb)]
        if claim.get("former"):
            if in_office:
                return (f"{name} called a former {title} while in office ({day})",
                        f"The text calls {name} a former {title}, but {name} holds that office on {day}.",
                        [_kb_item(entry["name"], in_office[0], kb)])
            return None
        if not in_office and held and (claim.get("country") or set(claim.get("roles", [])) & set(kb.heads)):
            other = held[0]
            return (f"office of {name}: '{title}' vs {other.get('role')}",
                    f"The text calls {name} {title}, but on {day} {name} is {other.get('role')} and does not hold "
                    f"that office.", [_kb_item(entry["name"], other, kb)])
        return None
    if claim.get("former") or not claim.get("country"):
        return None
    holders = [(e, r) for e in _people(kb) for r in _held(e, day) if _roles_match(r, claim, kb)]
    if not holders:
        return None
    surname = norm_name(name).split()[-1] if norm_name(name) else ""
    if any(surname and surname in norm_name(e["name"]).split() for e, _ in holders):
        return None
    items = [_kb_item(e["name"], r, kb) for e, r in holders[:1]]
    namesake = _namesake(kb, surname, day)
    reason = (f"The text calls {name} {title}, but on {day} the office is held by "
              f"{holders[0][0]['name']}")
    if namesake is not None:
        person, role = namesake
        reason += f"; {person['name']}, a near namesake, is {role.get('role')} then"
        items.append(_kb_item(person["name"], role, kb))
    return f"office of {name}: '{title}' vs the knowledge base", reason + ".", items


def _people(kb: Any) -> list[dict]:
    cached = getattr(kb, "_pw_people", None)
    if cached is None:
        cached = [e for e in kb if e.get("type") == "PERSON" and e.get("roles")]
        try:
            kb._pw_people = cached
        except AttributeError:
            pass
    return cached


def _namesake(kb: Any, surname: str, day: str):
    """A KB person in office on `day` whose family name is one letter away from `surname` (a misspelling)."""
    if len(surname) < 4:
        return None
    for e in _people(kb):
        last = norm_name(e["name"]).split()[-1]
        if last != surname and _one_edit(last, surname):
            held = _held(e, day)
            if held:
                return e, held[0]
    return None


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))
