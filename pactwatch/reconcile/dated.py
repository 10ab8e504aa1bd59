"""Dates of one named thing's occasion stated differently ("the joint fact sheet released on November 13"
vs "released a joint fact sheet on November 14"; "the levy came into effect on August 1" vs "on August 7").

The pipeline records on each fact what its statement dates to a day (`dated_things`, see
pipeline/referents.py): the thing (a noun with its modifiers), the verb or occasion, the date and how
it is written. Two statements are of one occasion when they name the same thing with the same occasion,
from different documents, with parties that agree (one side's states within the other's; both must name
some), within a month of each other. Weekday dates a day apart are one date told from two time zones and
are never flagged; calendar dates a day apart are flagged at low severity (the note says why).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations

from .model import ActorResolver, stable_id
from .normalize import parse_day

SAME_OCCASION_WINDOW_DAYS = 31
# Date forms that fix a calendar day by themselves.
CALENDAR_FORMS = {"explicit", "elsewhere"}


@dataclass(slots=True)
class DatedThing:
    doc_id: str
    thing: str
    occasion: str
    day: date
    form: str
    quote: str
    start: int | None
    end: int | None
    actors: tuple[str, ...]
    source: str | None = None
    published: str | None = None

    def item(self) -> dict:
        return {"doc_id": self.doc_id, "quote": self.quote, "start": self.start, "end": self.end,
                "value": self.day.isoformat(), "source": self.source, "date": self.published}


def dated_things(record: dict, source: str | None, published: str | None) -> list[tuple[str, DatedThing]]:
    """(block key, mention) for each thing a fact record dates to a day."""
    out = []
    actors = tuple(a for a in (_names(record.get("source")) + _names(record.get("target"))
                               + _names(record.get("holder"))) if a)
    for t in record.get("dated_things") or ():
        if not isinstance(t, dict) or not t.get("thing"):
            continue
        day = parse_day(t.get("date"))
        form = (t.get("form") or "").partition(":")[0]
        if day is None or (t.get("form") or "").count(":"):
            continue  # a bound ("before June 4") is not the day itself
        occasion = t.get("occasion") or t.get("verb") or ""
        m = DatedThing(record.get("doc_id", ""), t["thing"], occasion, day, form, record.get("quote") or "",
                       record.get("start"), record.get("end"), actors, source, published)
        out.append((f"t|{occasion}|{t['thing']}|{day.year:04d}-{day.month:02d}", m))
    return out


def _names(value) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]


def conflicts_in_block(key: str, mentions: list[DatedThing], following: list[DatedThing],
                       actors: ActorResolver) -> list[dict]:
    own = {id(m) for m in mentions}
    pool = sorted(list(mentions) + list(following), key=lambda m: (m.day, m.doc_id, m.start or 0))
    out, seen = [], set()
    for a, b in combinations(pool, 2):
        if a.doc_id == b.doc_id or id(a) not in own or a.day == b.day:
            continue
        gap = abs((b.day - a.day).days)
        if gap > SAME_OCCASION_WINDOW_DAYS:
            continue
        if gap <= 1 and not (a.form in CALENDAR_FORMS and b.form in CALENDAR_FORMS):
            continue  # "Thursday" in Washington is "Friday" in Canberra
        pa, pb = _states(a, actors), _states(b, actors)
        if not pa or not pb or not (pa <= pb or pb <= pa):
            continue
        ident = tuple(sorted(((a.doc_id, a.quote), (b.doc_id, b.quote))))
        if ident in seen:
            continue
        seen.add(ident)
        out.append(_record(key, a, b, gap))
    return out


def _states(m: DatedThing, actors: ActorResolver) -> frozenset[str]:
    return frozenset(s for s in (actors.state_of(a) for a in m.actors) if s)


def _record(key: str, a: DatedThing, b: DatedThing, gap: int) -> dict:
    what = a.occasion if a.occasion else "date"
    about = f"date of the {a.thing} ({what}): {a.day.isoformat()} vs {b.day.isoformat()}"
    reason = (f"The sources date the {what} of the {a.thing} to {a.day.isoformat()} and to {b.day.isoformat()}, "
              f"{gap} day{'s' if gap != 1 else ''} apart, and it happened once.")
    if gap == 1:
        reason += " One day apart: possibly the same moment told in two time zones."
    items = [a.item(), b.item()]
    return {"kind": "conflict", "type": "date", "about": about, "reason": reason,
            "severity": "low" if gap == 1 else "high", "items": items, "block": key,
            "conflict_id": stable_id("c", [key, sorted((i["doc_id"], i["quote"]) for i in items)])}
