"""Where things stand: each commitment once, with its state now, the date of its last change and its history.

A commitment is what statements are about: a figure (measure, holder → target: "tariff rate, United
States → South Korea") or, without a number, an agreement or support event about one object
("approved South Korea building nuclear-powered submarines"). Its history is its statements in the
order they happened, each step dated and sourced (25% threatened, 15% agreed, reaffirmed); its state
is the last step, and the date of the last change is when that state began.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..reconcile.normalize import format_amount, parse_day, timex_interval
from ..reconcile.query import clusters_of, conflicts_of
from .objects import content_words, is_pointer, is_sentiment, object_text, same_object

COMMITTING = {"agreed", "pledged", "proposed", "demanded", "threatened"}
PROPOSALS = {"proposed", "demanded", "threatened"}
STATUS_WORDS = {"actual": "in force", "speculative": "expected"}
# statuses that say the same thing of a figure: restating an agreed figure as pledged or in force is no change
STATUS_GROUPS = {"agreed": "firm", "pledged": "firm", "actual": "firm", "proposed": "asked", "demanded": "asked",
                 "threatened": "asked", "speculative": "expected"}
# how far a figure has come: once it is agreed or in force, a later report calling it threatened or expected
# retells the road to it rather than taking it back
GROUP_RANK = {"asked": 0, "expected": 1, "firm": 2}
# statements of one day in the order negotiations run: offer or threat, then deal, then the rate in force
STATUS_ORDER = {"threatened": 0, "demanded": 0, "proposed": 0, "speculative": 1, "agreed": 2, "pledged": 2,
                "actual": 3}
# an undated figure takes the date of the agreement (threat, demand) its document reported just before it:
# news states the deal and its date first, then its terms
DATING_EVENTS = {"agreed": {"AGREE"}, "pledged": {"AGREE"}, "threatened": {"THREATEN"},
                 "demanded": {"REQUEST"}, "proposed": {"REQUEST"}}
# events that commit without a number, and what each is when reported as not happening
PLEDGE_EVENTS = {"AGREE": "not agreed", "SUPPORT": "not backed", "COOPERATE": "not under way"}
# the state of a commitment without a number, by the modality of its latest statement
MODALITY_WORDS = {"asserted": "in place", "planned": "planned", "speculative": "possible"}
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# ---------------------------------------------------------------- dates

PERIODS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter", "H1": "first half of",
           "H2": "second half of", "Q1": "Q1", "Q2": "Q2", "Q3": "Q3", "Q4": "Q4"}


def show_date(value: str | None) -> str:
    """A TIMEX3 date as a reader writes it: 30 Jul 2025, Jul 2025, week of 21 Jul 2025, autumn 2025, 2025."""
    if not value:
        return "undated"
    span = timex_interval(value)
    if span is None:
        return value
    first = span[0]
    if span[0] == span[1]:
        return f"{first.day} {MONTHS[first.month - 1]} {first.year}"
    year, _, rest = value.upper().partition("-")
    if rest.isdigit():
        return f"{MONTHS[first.month - 1]} {first.year}"
    if rest.startswith("W"):
        return f"week of {first.day} {MONTHS[first.month - 1]} {first.year}"
    if rest in PERIODS:
        return f"{PERIODS[rest]} {year}"
    return value


def _sort_day(value: str | None, published: str | None) -> date:
    """Where a date falls in a history: a day is itself; a month or year stated in a report falls at its end,
    or at the report's publication when that comes first (so "in July" follows 30 July)."""
    span = timex_interval(value)
    if span is None:
        return date.max
    if span[0] == span[1]:
        return span[0]
    pub = parse_day(published)
    return min(span[1], pub) if pub and pub >= span[0] else span[1]


def _past(value: str | None, published: str | None) -> bool:
    """True when the date has begun by the time the document was published (or the document is undated)."""
    span, pub = timex_interval(value), parse_day(published)
    return span is not None and (pub is None or span[0] <= pub)


# ---------------------------------------------------------------- statements and steps

@dataclass
class Statement:
    """One source's statement about a commitment, dated (stated in the text, by the event it belongs to, or
    only by its report) and keyed by what it says (amount and status, or modality)."""
    key: tuple
    label: str
    date: str | None
    basis: str               # "stated", "event" or "reported"
    order: int               # the STATUS_ORDER of the statement, for statements of one day
    source: dict
    note: str | None = None  # the date a figure takes effect or is due, when later than the report
    prior: bool = False      # the "from" side of a change
    status: str | None = None
    amount: str | None = None
    reported: str | None = None  # when its document reports it


def _source(doc: dict, doc_id: str, quote: str, fallback: str | None = None) -> dict:
    return {"doc_id": doc_id, "source": doc.get("source") or fallback, "publisher": doc.get("publisher"),
            "published": doc.get("published"), "quote": quote}


def _report_date(doc: dict) -> str | None:
    """When a document reports: its publication date, else the date its text was read against (its anchor)."""
    return doc.get("published") or doc.get("anchor")


def _dating_event(status: str, start: int | None, events: list[dict], published: str | None) -> str | None:
    """The date of the nearest event before the figure in its document that makes a statement of its status."""
    types = DATING_EVENTS.get(status, ())
    best = None
    for e in events:
        if (e.get("type") in types and e.get("modality") != "negated" and start is not None
                and e.get("start") is not None and e["start"] <= start and _past(e.get("date"), published)):
            if best is None or e["start"] >= best["start"]:
                best = e
    return best["date"] if best else None


def _figure_statement(m: dict, unit: str, doc: dict, events: list[dict]) -> Statement:
    status, published = m.get("status") or "actual", _report_date(doc)
    amount = format_amount(m["value"], unit, m.get("qualifier"))
    when, basis, note = m.get("time"), "stated", None
    if not _past(when, published):
        if timex_interval(when):  # a date ahead of the report: when it takes effect or falls due
            note = f"{'by' if status == 'pledged' else 'from'} {show_date(when)}"
        when, basis = _dating_event(status, m.get("start"), events, published), "event"
        if when is None:
            when, basis = published, "reported"
    label = f"{amount} {STATUS_WORDS.get(status, status)}"
    return Statement((m["value"], m.get("qualifier"), STATUS_GROUPS.get(status, status)), label, when, basis, STATUS_ORDER.get(status, 1),
                     _source(doc, m["doc_id"], m["quote"], m.get("source")), note, bool(m.get("prior")),
                     status, amount, published)


def _overlap(a: str | None, b: str | None) -> bool:
    sa, sb = timex_interval(a), timex_interval(b)
    return bool(sa and sb and sa[0] <= sb[1] and sb[0] <= sa[1])


def _retells(s: Statement, last: dict | None) -> bool:
    """True when a statement gives the current figure a weaker status than it has reached (see GROUP_RANK)."""
    if last is None or s.amount is None or len(s.key) < 3 or s.key[:2] != last["key"][:2]:
        return False
    return GROUP_RANK.get(s.key[2], 1) < GROUP_RANK.get(last["key"][2], 1)


def history(statements: list[Statement]) -> list[dict]:
    """Statements as steps in the order they happened. A statement that repeats an earlier step and is dated
    only by its report, or by a date that covers that step's ("in July" for 30 July), is that step told
    again (a source more); one the text dates apart repeats it as a reaffirmation; anything else is a change."""
    ordered = sorted(statements, key=lambda s: (_sort_day(s.date, s.reported), s.order, not s.prior,
                                                s.reported or ""))
    steps: list[dict] = []
    for s in ordered:
        earlier = next((st for st in reversed(steps) if st["key"] == s.key), None)
        last = steps[-1] if steps else None
        if earlier is not None and (s.basis == "reported" or earlier["date"] == s.date
                                    or _overlap(earlier["date"], s.date)):
            earlier["sources"].append(s.source)
            continue
        if _retells(s, last):
            (earlier or last)["sources"].append(s.source)
            continue
        change = "first" if last is None else "reaffirmed" if last["key"] == s.key else "changed"
        label = s.label
        if change == "reaffirmed":
            label = "reaffirmed" if s.status == last["status"] else STATUS_WORDS.get(s.status, s.status)
        steps.append({"key": s.key, "date": s.date, "change": change, "label": label, "status": s.status,
                      "amount": s.amount, "state": s.label, "note": s.note, "prior": s.prior, "dated_by": s.basis,
                      "sources": [s.source]})
    return steps


def _state(steps: list[dict]) -> tuple[dict, str | None]:
    """The last step and the date its state began (the first step of the last run of equal statements)."""
    last = steps[-1]
    since = last["date"]
    for st in reversed(steps):
        if st["key"] != last["key"]:
            break
        since = st["date"]
    return last, since


def _public(steps: list[dict]) -> list[dict]:
    return [{k: v for k, v in st.items() if k != "key"} for st in steps]


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


def _figure(key: tuple, clusters: list[dict], ctx: "_Context") -> dict:
    measure, holder, target, unit, _ = key
    statements = [_figure_statement(m, unit, ctx.documents.get(m["doc_id"], {}), ctx.events.get(m["doc_id"], []))
                  for c in clusters for m in c["mentions"]]
    steps = history(statements)
    last, since = _state(steps)
    return ctx.entry("figure", subject_of(measure, holder or None, target or None), steps, last, since,
                     measure=measure, holder=holder or None, target=target or None, unit=unit,
                     value=last["key"][0], amount=last["amount"], status=last["status"])


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
        entry["components"] = [_figure(key, cs, ctx) for cs in parts.get(key, {}).values()]
        entry["components"].sort(key=lambda e: -e["value"])
        out.append(entry)
    return out


# ---------------------------------------------------------------- commitments without a number

# what "the request", "the plan" or "it" can point back to: a request or another commitment
MIN_OBJECT_WORDS = 2
ANTECEDENT_EVENTS = {"REQUEST", *PLEDGE_EVENTS}
ANTECEDENT_CHARS = 600  # the pointer and what it points to sit in neighbouring sentences


def _resolve_object(e: dict, earlier: list[dict]) -> str:
    """The event's object; one that only points back ("the request") takes the object of the nearest request
    or commitment stated shortly before it in the document."""
    text = object_text(e)
    if not text or not is_pointer(text):
        return text
    for prior in reversed(earlier):
        if e.get("start") is None or prior.get("end") is None or e["start"] - prior["end"] > ANTECEDENT_CHARS:
            break
        found = object_text(prior)
        if prior.get("type") in ANTECEDENT_EVENTS and found and not is_pointer(found):
            return found
    return ""


def _event_statement(e: dict, doc: dict, what: str) -> Statement:
    modality, published = e.get("modality") or "asserted", _report_date(doc)
    state = MODALITY_WORDS.get(modality) or PLEDGE_EVENTS[e["type"]]
    when, basis, note = e.get("date"), "stated", None
    if not _past(when, published):
        note = f"for {show_date(when)}" if timex_interval(when) else None
        when, basis = published, "reported"
    return Statement((modality,), state, when, basis, 1, _source(doc, e["doc_id"], e["quote"]), note,
                     status=modality, reported=published)


def _covered(e: dict, figure_spans: dict[str, list[tuple[int, int]]]) -> bool:
    """True when the event is stated in the same words as a figure's statement: the figure speaks for it."""
    s, t = e.get("start"), e.get("end")
    return s is not None and any(a < t and s < b for a, b in figure_spans.get(e["doc_id"], ()))


def _pledge_groups(ctx: "_Context", figure_spans: dict) -> list[dict]:
    """Agreement and support events grouped by what they are about (shared content words of their objects)."""
    groups: list[dict] = []
    index: dict[str, list[int]] = {}
    for doc_id, events in ctx.events.items():
        for i, e in enumerate(events):
            if e.get("type") not in PLEDGE_EVENTS or is_sentiment(e.get("trigger")) or _covered(e, figure_spans):
                continue
            what = _resolve_object(e, events[:i])
            words = content_words(what, (e.get("source") or []) + (e.get("target") or []))
            if len(words) < MIN_OBJECT_WORDS:
                continue  # a date, a name or a pronoun: nothing a colleague could check
            seen = {g for w in words for g in index.get(w, ())}
            home = next((g for g in sorted(seen) if same_object(words, groups[g]["words"])), None)
            if home is None:
                home = len(groups)
                groups.append({"events": [], "words": frozenset(), "titles": []})
            group = groups[home]
            group["events"].append((e, what))
            group["words"] |= words
            if not is_pointer(object_text(e)):
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
    steps = history([_event_statement(e, ctx.documents.get(e["doc_id"], {}), what) for e in events])
    last, since = _state(steps)
    return ctx.entry("agreement", subject, steps, last, since, type=first["type"], actors=actors,
                     object=what, status=last["status"], amount=None, value=None)


# ---------------------------------------------------------------- the ledger

@dataclass
class _Context:
    """What building entries needs: documents, each document's events in text order, disputed statements."""
    documents: dict[str, dict]
    events: dict[str, list[dict]] = field(default_factory=dict)
    disputed: set = field(default_factory=set)
    states: set = field(default_factory=set)   # names the documents type as countries (GPE)

    def leading_actors(self, names) -> list[str]:
        """The actors to name a commitment by: its states when it has any (not every official who spoke)."""
        names = list(dict.fromkeys(names))
        states = [n for n in names if n in self.states]
        return states or names

    def entry(self, kind: str, subject: str, steps: list[dict], last: dict, since: str | None, **fields) -> dict:
        sources = [s for st in steps for s in st["sources"]]
        return {"kind": kind, "subject": subject, "state": _state_label(last), "changed": since,
                "last_stated": max((st["date"] for st in steps if st["date"]), default=None,
                                   key=lambda d: _sort_day(d, None)),
                "history": _public(steps), "components": [],
                "source_count": len({s["doc_id"] for s in sources}),
                "disputed": any((s["doc_id"], s["quote"]) in self.disputed for s in sources),
                "sources": sources, **fields}


def _state_label(last: dict) -> str:
    """The state in words: the amount and its latest status ("15% agreed"), or the modality's word."""
    if last.get("amount"):
        return f"{last['amount']} {STATUS_WORDS.get(last['status'], last['status'])}"
    return last["state"]


def _context(store: Any) -> _Context:
    ctx = _Context({d["doc_id"]: d for d in store.records("document")})
    for e in store.records("event"):
        ctx.events.setdefault(e["doc_id"], []).append(e)
    for events in ctx.events.values():
        events.sort(key=lambda e: (e.get("start") is None, e.get("start") or 0))
    ctx.states = {r["name"] for r in store.records("entity") if r.get("type") == "GPE"}
    ctx.disputed = {(i.get("doc_id"), i.get("quote")) for c in conflicts_of(store) for i in c.get("items", [])}
    return ctx


def commitments(store: Any) -> list[dict]:
    """Each commitment once — figures first, then those without a number — each with its state now
    (`state`, `status`), the date that state began (`changed`), its dated and sourced `history`, its
    `components` (figures stated as part of it) and whether a conflict touches it (`disputed`);
    within each kind the most widely reported first."""
    ctx = _context(store)
    clusters = clusters_of(store, "quantity")
    figures = _figures(ctx, clusters)
    spans: dict[str, list[tuple[int, int]]] = {}
    for c in clusters:
        for m in c["mentions"]:
            if m.get("start") is not None:
                spans.setdefault(m["doc_id"], []).append((m["start"], m["end"]))
    pledges = [_pledge(g, ctx) for g in _pledge_groups(ctx, spans)]
    rank = lambda e: (-e["source_count"], -len(e["history"]), -_sort_day(e["last_stated"], None).toordinal()
                      if e["last_stated"] else 0, e["subject"])
    return sorted(figures, key=rank) + sorted(pledges, key=rank)


# ---------------------------------------------------------------- text

def history_text(entry: dict) -> str:
    """The steps on one line: 25% threatened 8 Jul 2025 → 15% agreed 30 Jul 2025 → reaffirmed 29 Oct 2025."""
    parts = []
    for st in entry["history"]:
        note = f" ({st['note']})" if st.get("note") else ""
        parts.append(f"{st['label']}{note} {show_date(st['date'])}")
    return " → ".join(parts)


def since_text(entry: dict) -> str:
    """Since when the state stands and when it was last restated: "since 30 Jul 2025, reaffirmed 29 Oct 2025"."""
    flag = "  [disputed]" if entry["disputed"] else ""
    if not entry["changed"]:
        return "(undated)" + flag
    text = f"since {show_date(entry['changed'])}"
    last = entry["history"][-1]
    if last["date"] and last["date"] != entry["changed"]:
        text += f", {'reaffirmed' if last['change'] == 'reaffirmed' else 'last stated'} {show_date(last['date'])}"
    return text + flag


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
        rows.append([name, e["state"], since_text(e).removeprefix("since "), history_text(e) if len(e["history"]) > 1 else "",
                     e["source_count"]])

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
