"""Where things stand: each commitment once, with its state now, the date of its last change and its history.

A commitment is what statements are about: a figure (measure, holder → target: "tariff rate, United
States → South Korea") or, without a number, an agreement or support event about one object
("approved South Korea building nuclear-powered submarines"). Its history is its statements in the
order they happened, each step dated and sourced (25% threatened, 15% agreed, reaffirmed); its state
is the last step, and the date of the last change is when that state began.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..knowledge import measures as measure_lexicon
from ..knowledge.loader import folders
from ..reconcile.normalize import format_amount, timex_interval
from ..reconcile.query import clusters_of, conflicts_of
from .history import (STATUS_ORDER, STATUS_WORDS, Statement, history, past, public, show_date, sort_day,
                      standing)
from .objects import content_words, is_pointer, is_sentiment, ledger_words, object_text, same_object

COMMITTING = {"agreed", "pledged", "proposed", "demanded", "threatened"}
# an undated figure takes the date of the agreement (threat, demand) its document reported just before it:
# news states the deal and its date first, then its terms
DATING_EVENTS = {"agreed": {"AGREE"}, "pledged": {"AGREE"}, "threatened": {"THREATEN"},
                 "demanded": {"REQUEST"}, "proposed": {"REQUEST"}}
# events that commit without a number, and what each is when reported as not happening
PLEDGE_EVENTS = {"AGREE": "not agreed", "SUPPORT": "not backed", "COOPERATE": "not under way"}
# the state of a commitment without a number, by the modality of its latest statement
MODALITY_WORDS = {"asserted": "in place", "planned": "planned", "speculative": "possible"}
# dated events that move a level's history without a number of their own ("lifted the tariff",
# "rejected the spending target"), when they name the measure and one of its parties
FIGURE_EVENTS = {"AGREE", "REJECT", "RETREAT", "CONCEDE", "SANCTION", "THREATEN", "REQUEST", "COERCE"}
MAX_EVENT_WORDS = 10
MAX_THEN = 3  # steps after the state named in its one-line summary (the history has them all)


def _source(doc: dict, doc_id: str, quote: str, fallback: str | None = None) -> dict:
    return {"doc_id": doc_id, "source": doc.get("source") or fallback, "publisher": doc.get("publisher"),
            "published": doc.get("published"), "quote": quote}


def _report_date(doc: dict) -> str | None:
    """When a document reports: its publication date, else the date its text was read against (its anchor)."""
    return doc.get("published") or doc.get("anchor")


def _now_of(doc: dict) -> str | None:
    """The date a document's dates are ahead of or behind: its report date, else (undated) the newest
    publication in the store, so "in 2032" in an undated report still reads as ahead."""
    return _report_date(doc) or doc.get("newest_in_store")


def _dating_event(status: str, start: int | None, events: list[dict], published: str | None,
                  parties: set[str]) -> str | None:
    """The date of the nearest event before the figure in its document that makes a statement of its status
    between the figure's parties (or names no one)."""
    types = DATING_EVENTS.get(status, ())
    best = None
    for e in events:
        actors = set((e.get("source") or []) + (e.get("target") or []))
        if (e.get("type") in types and e.get("modality") != "negated" and start is not None
                and e.get("start") is not None and e["start"] <= start and past(e.get("date"), published)
                and (not actors or not parties or actors & parties)):
            if best is None or e["start"] >= best["start"]:
                best = e
    return best["date"] if best else None


def _figure_statement(m: dict, unit: str, doc: dict, events: list[dict], parties: set[str]) -> Statement:
    status, published = m.get("status") or "actual", _report_date(doc)
    amount = format_amount(m["value"], unit, m.get("qualifier"))
    when, basis, note = m.get("time"), "stated", None
    if not past(when, _now_of(doc)):
        if timex_interval(when):  # a date ahead of the report: when it takes effect or falls due
            note = f"{'by' if status == 'pledged' else 'from'} {show_date(when)}"
        when, basis = _dating_event(status, m.get("start"), events, published, parties), "event"
        if when is None:
            when, basis = published, "reported"
    statement = Statement((), f"{amount} {STATUS_WORDS.get(status, status)}", when, basis,
                          STATUS_ORDER.get(status, 1), _source(doc, m["doc_id"], m["quote"], m.get("source")),
                          note=note, prior=bool(m.get("prior")), status=status, amount=amount, reported=published)
    statement.key = (m["value"], m.get("qualifier"), statement.group)
    return statement


def _date_by_occasion(statements: list[Statement]) -> None:
    """A figure its document leaves undated belongs to the occasion the document dates for the same commitment
    ("the 25% rate Washington had threatened" in a report of the 30 July deal): it takes the earliest date the
    document gives the commitment, and is still a retelling of any earlier step it repeats."""
    occasion: dict[str, tuple] = {}
    for s in statements:
        if s.basis != "reported" and s.date:
            day = sort_day(s.date, s.reported)
            doc_id = s.source["doc_id"]
            if doc_id not in occasion or day < occasion[doc_id][0]:
                occasion[doc_id] = (day, s.date)
    for s in statements:
        if s.basis == "reported" and s.source["doc_id"] in occasion:
            s.date = occasion[s.source["doc_id"]][1]


# ---------------------------------------------------------------- events about a figure

def _noun_pattern(phrase: tuple[str, ...]) -> str:
    """A lexicon phrase as a pattern for it and its plural ("levy" and "levies", "tariff" and "tariffs")."""
    *head, last = phrase
    consonant_y = last.endswith("y") and last[-2:-1] not in "aeiou"
    plural = re.escape(last[:-1]) + "ies" if consonant_y else re.escape(last) + "(?:s|es)?"
    return r"[\s-]+".join([*map(re.escape, head), f"(?:{re.escape(last)}|{plural})"])


@functools.lru_cache(maxsize=1)
def _measure_cues() -> dict[str, re.Pattern]:
    """Each measure's nouns from the quantity lexicon, as one pattern that finds them (or their plural) in a quote."""
    cues = {}
    for m in measure_lexicon.load().measures:
        words = sorted((_noun_pattern(p) for p in m.nouns if p), key=len, reverse=True)
        if words:
            # case kept: a capitalised noun is part of a name or title ("Defense Secretary"), not the measure
            cues[m.name] = re.compile(r"\b(?:" + "|".join(words) + r")\b")
    return cues


def _names_measure(e: dict, measure: str) -> bool:
    cue = _measure_cues().get(measure)
    return bool(cue and cue.search(e.get("quote") or ""))


def _event_label(e: dict) -> str:
    """A ruling or move in a few words: its trigger and what it acts on ("lifted the steel tariff"), or the
    start of its quote when the trigger has nothing after it ("new tariffs take effect")."""
    what = object_text(e)
    words = (f"{e.get('span_text') or e.get('trigger') or ''} {what}" if what else e.get("quote") or "").split()
    text = " ".join(words[:MAX_EVENT_WORDS]).rstrip(" ,.…") + ("…" if len(words) > MAX_EVENT_WORDS else "")
    modality = e.get("modality") or "asserted"
    return ("not: " + text) if modality == "negated" else text + ("" if modality == "asserted" else f" ({modality})")


def _about_series(e: dict, parties: set[str], in_series_doc: bool) -> bool:
    """An event is about a series when it names all its parties, or one of them in a document that states
    one of the series' figures (a ruling on "the tariffs" in a report on the tariff on Sylvania)."""
    actors = set((e.get("source") or []) + (e.get("target") or []))
    return parties <= actors if not in_series_doc else bool(parties & actors)


def _figure_events(key: tuple, doc_ids: set[str], ctx: "_Context") -> list[Statement]:
    """Dated events that name the level's measure and its parties, not already a figure's own words."""
    measure, holder, target = key[0], key[1], key[2]
    parties = {p for p in (holder, target) if p}
    if not parties:
        return []
    out = []
    for e in ctx.events_naming(measure):
        doc = ctx.documents.get(e["doc_id"], {})
        if not _about_series(e, parties, e["doc_id"] in doc_ids):
            continue
        out.append(Statement(("event", e["type"], e.get("modality")), _event_label(e), e["date"], "stated", 1,
                             _source(doc, e["doc_id"], e["quote"]), kind="event", status=e.get("modality"),
                             reported=_report_date(doc)))
    return out


# ---------------------------------------------------------------- figures

# units of a level that holds one value at a time (a rate, a share, a troop level): its values replace each
# other, so they form one commitment over time; sums of money add up, so each amount is a commitment
LEVEL_UNITS = {"percent", "points", "persons", "count"}


def _series_key(c: dict) -> tuple:
    """(measure, holder, target, unit, amount): amount is None for a level, the figure for a sum."""
    unit = c.get("unit") or ""
    level = unit in LEVEL_UNITS and c["measure"] != "other"  # an unnamed measure may be several things
    amount = None if level else (c["value"], c.get("qualifier"))
    return (c["measure"], c.get("holder") or "", c.get("target") or "", unit, amount)


def _fold_partial(series: dict[tuple, list[dict]]) -> dict[tuple, list[dict]]:
    """A series missing its holder or target joins the one series whose named parties agree with it:
    a vaguer statement is compatible with a precise one, not a separate commitment."""
    full = [k for k in series if k[1] and k[2]]
    for key in [k for k in series if not (k[1] and k[2])]:
        fits = [k for k in full if (k[0], k[3], k[4]) == (key[0], key[3], key[4])
                and (not key[1] or key[1] == k[1]) and (not key[2] or key[2] == k[2])]
        if len(fits) == 1:
            series[fits[0]] += series.pop(key)
    return series


def _parent(child: dict, candidates: list[dict]) -> dict | None:
    """The whole a component belongs to: the cluster holding the amount its part_of points at, else one
    with the same parties and unit, larger, stated in a document the component comes from."""
    for m in child["mentions"]:
        at = m.get("part_of_start")
        if at is None:
            continue
        for c in candidates:
            if any(p["doc_id"] == m["doc_id"] and p.get("start") is not None and p["start"] <= at < p["end"]
                   for p in c["mentions"]):
                return c
    options = [c for c in candidates if c is not child and c.get("part_of") is None and c["unit"] == child["unit"]
               and c.get("holder") == child.get("holder") and c.get("target") == child.get("target")
               and c["value"] > child["value"] and set(c["doc_ids"]) & set(child["doc_ids"])]
    return max(options, key=lambda c: (c["source_count"], c["value"]), default=None)


def subject_of(measure: str, holder: str | None, target: str | None) -> str:
    parties = (holder or "?") + (f" → {target}" if target else "")
    return f"{measure.replace('_', ' ')}, {parties}"


def _figure(key: tuple, clusters: list[dict], ctx: "_Context", with_events: bool = True) -> dict:
    measure, holder, target, unit, amount = key
    parties = {p for p in (holder, target) if p}
    statements = [_figure_statement(m, unit, ctx.documents.get(m["doc_id"], {}), ctx.events.get(m["doc_id"], []),
                                    parties) for c in clusters for m in c["mentions"]]
    _date_by_occasion(statements)
    if with_events and amount is None:  # a sum shares its measure and parties with others: events cannot tell which
        statements += _figure_events(key, {m["doc_id"] for c in clusters for m in c["mentions"]}, ctx)
    entry = ctx.entry("figure", subject_of(measure, holder or None, target or None), history(statements),
                      measure=measure, holder=holder or None, target=target or None, unit=unit)
    return entry


def _figures(ctx: "_Context", clusters: list[dict]) -> list[dict]:
    wholes = [c for c in clusters if c.get("part_of") is None]
    series: dict[tuple, list[dict]] = {}
    for c in wholes:
        series.setdefault(_series_key(c), []).append(c)
    series = _fold_partial(series)
    parts: dict[tuple, dict[tuple, list[dict]]] = {}
    for c in clusters:
        if c.get("part_of") is None:
            continue
        parent = _parent(c, wholes)
        if parent is None:  # its whole was never stated: a series of its own
            series.setdefault(_series_key(c), []).append(c)
        else:
            home = next((k for k, cs in series.items() if parent in cs), _series_key(parent))
            parts.setdefault(home, {}).setdefault((c["value"], c.get("qualifier")), []).append(c)
    out = []
    for key, members in series.items():
        if not any(set(c["status"]) & COMMITTING for c in members):
            continue  # a count or level nobody committed to is a figure, not a commitment
        entry = _figure(key, members, ctx)
        entry["components"] = [_figure(key, cs, ctx, with_events=False) for cs in parts.get(key, {}).values()]
        entry["components"].sort(key=lambda e: -e["value"])
        out.append(entry)
    return out


# ---------------------------------------------------------------- commitments without a number

# what "the request", "the plan" or "it" can point back to: a request or another commitment
MIN_OBJECT_WORDS = 2
MAX_POSTINGS = 200  # groups looked at per word: a word in every article ("tariff") must not make grouping quadratic
ANTECEDENT_EVENTS = {"REQUEST", *PLEDGE_EVENTS}
ANTECEDENT_CHARS = 600  # the pointer and what it points to sit in neighbouring sentences


def _resolve_object(e: dict, earlier: list[dict], lex: dict | None = None) -> str:
    """The event's object; one that only points back ("the request") takes the object of the nearest request
    or commitment stated shortly before it in the document."""
    text = object_text(e)
    if not text or not is_pointer(text, lex):
        return text
    for prior in reversed(earlier):
        if e.get("start") is None or prior.get("end") is None or e["start"] - prior["end"] > ANTECEDENT_CHARS:
            break
        found = object_text(prior)
        if prior.get("type") in ANTECEDENT_EVENTS and found and not is_pointer(found, lex):
            return found
    return ""


def _pledge_statement(e: dict, doc: dict) -> Statement:
    modality, published = e.get("modality") or "asserted", _report_date(doc)
    state = MODALITY_WORDS.get(modality) or PLEDGE_EVENTS[e["type"]]
    when, basis, note = e.get("date"), "stated", None
    if not past(when, _now_of(doc)):
        note = f"for {show_date(when)}" if timex_interval(when) else None
        when, basis = published, "reported"
    return Statement((modality,), state, when, basis, 1, _source(doc, e["doc_id"], e["quote"]), kind="statement",
                     note=note, status=modality, reported=published)


def _pledge_groups(ctx: "_Context") -> list[dict]:
    """Agreement and support events grouped by what they are about (shared content words of their objects)."""
    groups: list[dict] = []
    index: dict[str, list[int]] = {}
    for doc_id, events in ctx.events.items():
        for i, e in enumerate(events):
            if e.get("type") not in PLEDGE_EVENTS or is_sentiment(e.get("trigger"), ctx.lex) or ctx.covered(e):
                continue
            what = _resolve_object(e, events[:i], ctx.lex)
            words = content_words(what, (e.get("source") or []) + (e.get("target") or []), ctx.lex)
            if len(words) < MIN_OBJECT_WORDS:
                continue  # a date, a name or a pronoun: nothing a colleague could check
            shared = Counter(g for w in words for g in index.get(w, ())[-MAX_POSTINGS:])
            home = next((g for g, n in sorted(shared.items()) if n >= 2 and same_object(words, groups[g]["words"])),
                        None)
            if home is None:
                home = len(groups)
                groups.append({"events": [], "words": frozenset(), "titles": []})
            group = groups[home]
            group["events"].append((e, what))
            group["words"] |= words
            if not is_pointer(object_text(e), ctx.lex):
                group["titles"].append(f"{e.get('span_text') or e.get('trigger') or ''} {what}".strip())
            for w in words:
                index.setdefault(w, []).append(home)
    return groups


def _pledge(group: dict, ctx: "_Context") -> dict:
    events = [e for e, _ in group["events"]]
    first, what = group["events"][0]
    title = group["titles"][0] if group["titles"] else f"{first.get('span_text') or ''} {what}".strip()
    actors = ctx.leading_actors(a for e in events for a in (e.get("source") or []))
    subject = (f"{', '.join(actors[:2])}: " if actors else "") + title
    steps = history([_pledge_statement(e, ctx.documents.get(e["doc_id"], {})) for e in events])
    return ctx.entry("agreement", subject, steps, type=first["type"], actors=actors, object=what)


# ---------------------------------------------------------------- the ledger

@dataclass
class _Context:
    """What building entries needs: documents, each document's events in text order, the spans of figures'
    statements, the statements a conflict names, and the names typed as countries."""
    documents: dict[str, dict]
    events: dict[str, list[dict]] = field(default_factory=dict)
    figure_spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    disputed: set = field(default_factory=set)
    states: set = field(default_factory=set)
    _naming: dict = field(default_factory=dict)
    lex: dict | None = None   # ledger_words.toml with the store's --kb additions (objects.ledger_words)

    def leading_actors(self, names) -> list[str]:
        """The actors to name a commitment by: its states when it has any (not every official who spoke)."""
        names = list(dict.fromkeys(names))
        states = [n for n in names if n in self.states]
        return states or names

    def events_naming(self, measure: str) -> list[dict]:
        """The dated events of FIGURE_EVENTS types that name the measure and are not a figure's own words;
        found once per measure, so linking events to each series costs what the events naming it cost."""
        if measure not in self._naming:
            self._naming[measure] = [
                e for doc_id, events in self.events.items() for e in events
                if e.get("type") in FIGURE_EVENTS and past(e.get("date"), _now_of(self.documents.get(doc_id, {})))
                and not self.covered(e) and _names_measure(e, measure)]
        return self._naming[measure]

    def covered(self, e: dict) -> bool:
        """True when the event is stated in the words of a figure's statement: the figure speaks for it."""
        s, t = e.get("start"), e.get("end")
        return s is not None and any(a < t and s < b for a, b in self.figure_spans.get(e["doc_id"], ()))

    def entry(self, kind: str, subject: str, steps: list[dict], **fields) -> dict:
        now = standing(steps)
        state = now["step"]
        sources = [s for st in steps for s in st["sources"]]
        return {"kind": kind, "subject": subject, "state": _state_label(state), "status": state["status"],
                "amount": state["amount"], "value": state["key"][0] if kind == "figure" else None,
                "changed": now["since"], "restated": now["restated"], "before": now["before"],
                "then": [{"date": st["date"], "label": st["label"], "note": st["note"]} for st in now["then"]],
                "latest": steps[-1]["date"], "history": public(steps), "components": [],
                "source_count": len({s["doc_id"] for s in sources}),
                # a conflict over one of its own statements (an event linked for context does not count)
                "disputed": any((s["doc_id"], s["quote"]) in self.disputed
                                for st in steps if st["kind"] != "event" for s in st["sources"]),
                "sources": sources, **fields}


def _state_label(step: dict) -> str:
    """The state in words: the amount and its status ("15% agreed"), or the modality's word ("in place")."""
    return step["state"]


def _context(store: Any, clusters: list[dict], kb_dirs: Iterable[str] = ()) -> _Context:
    documents = list(store.records("document"))
    newest = max((d["published"] for d in documents if timex_interval(d.get("published"))), default=None)
    ctx = _Context({d["doc_id"]: {**d, "newest_in_store": newest} for d in documents},
                   lex=ledger_words(folders(kb_dirs)))
    for e in store.records("event"):
        ctx.events.setdefault(e["doc_id"], []).append(e)
    for events in ctx.events.values():
        events.sort(key=lambda e: (e.get("start") is None, e.get("start") or 0))
    for c in clusters:
        for m in c["mentions"]:
            if m.get("start") is not None:
                ctx.figure_spans.setdefault(m["doc_id"], []).append((m["start"], m["end"]))
    ctx.states = {r["name"] for r in store.records("entity") if r.get("type") == "GPE"}
    ctx.disputed = {(i.get("doc_id"), i.get("quote")) for c in conflicts_of(store, kb_dirs) for i in c.get("items", [])}
    return ctx


def _rank(e: dict) -> tuple:
    """Named before vague (a known measure and holder), then the most widely reported, the longest history,
    the most recent."""
    vague = e.get("measure") == "other" or (e["kind"] == "figure" and not e.get("holder"))
    latest = sort_day(e["latest"], None) if e["latest"] else None
    return (vague, -e["source_count"], -len(e["history"]), -latest.toordinal() if latest else 0, e["subject"])


def commitments(store: Any, kb_dirs: Iterable[str] = ()) -> list[dict]:
    """Each commitment once — figures first, then those without a number — most widely reported first.

    Each entry: `subject`; `state` ("15% agreed", "in place"), `status`, `amount`, `value`; `changed`, the
    date that state began; `restated`, when it was last restated; `then`, later steps that have not
    changed it (a pending threat, a ruling); `latest`, the date of the last step; `history`, every step
    (date, change, label, note, sources); `components` (figures stated as part of it); `disputed`, when a
    conflict names one of its statements; `source_count` and `sources`. `kb_dirs`: the --kb folders the
    store was ingested with, for a store whose reconciliation is computed here (reconcile/query.py).
    """
    clusters = clusters_of(store, "quantity", kb_dirs)
    ctx = _context(store, clusters, kb_dirs)
    figures = _figures(ctx, clusters)
    pledges = [_pledge(g, ctx) for g in _pledge_groups(ctx)]
    return sorted(figures, key=_rank) + sorted(pledges, key=_rank)


# ---------------------------------------------------------------- text

def history_text(entry: dict, last: int | None = None) -> str:
    """The steps on one line: 25% threatened 8 Jul 2025 → 15% agreed 30 Jul 2025 → reaffirmed 29 Oct 2025
    (only the `last` few, after "…", when given)."""
    steps = entry["history"][-last:] if last else entry["history"]
    return ("… → " if len(steps) < len(entry["history"]) else "") + " → ".join(map(_step_text, steps))


def since_text(entry: dict) -> str:
    """Since when the state stands, when it was last restated and what came after it without changing it:
    "since 30 Jul 2025, reaffirmed 29 Oct 2025; then 25% threatened 26 Jan 2026"."""
    flag = "  [disputed]" if entry["disputed"] else ""
    if not entry["changed"]:
        return "(undated)" + flag
    text = f"since {show_date(entry['changed'])}"
    if entry["restated"]:
        text += f", reaffirmed {show_date(entry['restated'])}"
    if entry["then"]:
        later = entry["then"][-MAX_THEN:]
        text += "; then " + ("…; " if len(later) < len(entry["then"]) else "") + "; ".join(map(_step_text, later))
    return text + flag


def _step_text(st: dict) -> str:
    note = f" ({st['note']})" if st.get("note") else ""
    return f"{st['label']}{note} {show_date(st['date'])}"


def state_text(entry: dict) -> str:
    """What stands now and since when: "15% agreed since 30 Jul 2025, reaffirmed 29 Oct 2025"."""
    return f"{entry['state']} {since_text(entry)}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def ledger_rows(entries: list[dict]) -> list[list]:
    """Table rows: commitment, state now, since when (and when last restated), history, sources; each
    component of a figure on a row of its own below it."""
    rows = []

    def row(e: dict, name: str) -> None:
        steps = history_text(e) if len(e["history"]) > 1 else ""
        rows.append([name, e["state"], since_text(e).removeprefix("since "), steps, e["source_count"]])

    for e in entries:
        row(e, e["subject"])
        for part in e["components"]:
            row(part, f"  of which {part['amount']}")
    return rows


def render_commitments(entries: list[dict]) -> str:
    """Plain text: each commitment's state and history, its components, then each step's quotes."""
    lines: list[str] = []

    def put(e: dict, indent: str, part: bool = False) -> None:
        head = f"of which {state_text(e)}" if part else f"{e['subject']}: {state_text(e)}"
        lines.append(f"{indent}{head}  [{_plural(e['source_count'], 'source')}]")
        lines.append(f"{indent}    history: {history_text(e)}")
        for st in e["history"]:
            for s in st["sources"]:
                lines.append(f"{indent}    {show_date(st['date'])} {st['label']}: “{s['quote']}” — "
                             f"{s.get('publisher') or s.get('source') or s['doc_id']}")
        for part in e["components"]:
            put(part, indent + "  ", part=True)

    for e in entries:
        put(e, "")
    return "\n".join(lines)
