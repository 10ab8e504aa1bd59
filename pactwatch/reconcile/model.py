"""The compact shapes reconciliation works on: one mention per fact record, plus the actor resolver.

Records arrive as FORMAT.md dicts; each becomes a slotted mention so a million of them fit in memory.
"""
from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable

from ..knowledge.identity import norm_name
from .datebasis import date_window
from .normalize import Range, parse_day, timex_interval, value_range

# A figure stated without a time of its own speaks for the weeks before its document's publication.
UNDATED_VALIDITY_DAYS = 30

# A commitment (an agreed or pledged figure) stated without a time stands until it is changed.
UNDATED_COMMITMENT_DAYS = 183


def undated_validity(status: str | None) -> int:
    """How far back a figure stated without a time of its own speaks for."""
    return UNDATED_COMMITMENT_DAYS if status in ("agreed", "pledged") else UNDATED_VALIDITY_DAYS


# `change` roles that mark the earlier member of a "from X to Y" pair.
PRIOR_CHANGES = {"from", "prior", "previous", "old", "before", "initial", "was"}


def is_prior(change: Any) -> bool:
    """True for the "from" side of a change pair: {"role": "before", ...} (or the bare role)."""
    role = change.get("role") if isinstance(change, dict) else change
    return isinstance(role, str) and role.strip().lower() in PRIOR_CHANGES


@dataclass(slots=True)
class DocumentCitation:
    """What reconciliation cites and dates a document's facts by: where it came from, its outlet,
    title and dates (the input document itself is documents.model.Document)."""
    doc_id: str
    source: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    anchor: str | None = None           # the date the text's relative expressions were resolved against

    @property
    def anchors(self) -> tuple[str | None, ...]:
        return (self.published, self.anchor)


@dataclass(slots=True)
class QuantityMention:
    doc_id: str
    measure: str
    unit: str | None
    holder: str | None
    target: str | None
    value: float
    qualifier: str | None
    status: str
    time: str | None
    quote: str
    start: int | None
    end: int | None
    part_of: Any                        # index of the whole in its document's quantities, or None
    part_of_start: int | None           # char offset of that whole's amount
    prior: bool
    range: Range
    span: tuple[date, date] | None      # the days the figure is stated for
    source: str | None = None
    # what the figure is about, as the referents component read it (pipeline/referents.py)
    counts: str | None = None           # the noun counted or priced
    occasion: str | None = None         # the kind of occasion it belongs to
    instalment: str | None = None       # "increment" / "base" / None
    conditional: str | None = None      # "counterfactual" / "conditional" / None: not a figure in force
    attributed_to: str | None = None    # who the statement is reported from
    published: str | None = None        # the document's date, for revisions
    titles: list | None = None          # "<title> <person>" claims filed on this fact
    modal: str | None = None            # "can", "should": a possibility or an obligation, not a fact
    context: tuple = ()                 # a partyless figure's document's states (its parties by context)
    change_size: bool = False          # the size of a change, not a level
    reported_future: bool = False       # "would" under a past report: as firm as the report
    payment: str | None = None          # "paid" (handed over) / "ceiling" (at most, still to come) / None
    sufficiency: str | None = None      # "enough" (can meet a goal with it) / "minimum" (at least, for a goal)
    goal: str | None = None             # the goal's noun ("target"), None when unnamed
    turned_down: bool = False           # the alternative a statement turns down ("rather than the 5%")
    included: tuple = ()                # members a group holder is said to include ("including Spain")
    turned_down_by: str | None = None   # the named subject who turns the alternative down
    # what reconcile works out about the figure once per resolver (its parties, its states), kept
    # so the many passes over a large block do not resolve the same names again (quantities.py);
    # slots, not a dict, so a million mentions stay small
    memo_for: int | None = field(default=None, repr=False, compare=False)     # id() of the resolver
    memo_parties: frozenset | None = field(default=None, repr=False, compare=False)
    memo_states: frozenset | None = field(default=None, repr=False, compare=False)
    memo_context: frozenset | None = field(default=None, repr=False, compare=False)
    memo_compared: Any = field(default=None, repr=False, compare=False)   # its value range in comparisons, or False

    def item(self) -> dict:
        from .normalize import format_amount
        return {"doc_id": self.doc_id, "quote": self.quote,
                "value": format_amount(self.value, self.unit, self.qualifier), "source": self.source,
                "time": self.time, "status": self.status, "date": self.published,
                "attributed_to": self.attributed_to}


@dataclass(slots=True)
class EventMention:
    doc_id: str
    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    date: str | None
    location: str | None
    modality: str | None
    quote: str
    start: int | None
    end: int | None
    attributed_to: Any
    span: tuple[date, date] | None
    source: str | None = None
    basis: str | None = None            # how the date was arrived at (datebasis.py); None when undated
    window: tuple[date, date] | None = None  # the days the date can stand for under its basis
    year_stated: bool | None = None     # the text writes the date's year out (None: cannot be told)
    quote_timexes: list | None = None   # [start, end, value] of the temporal expressions in the quote
    things: frozenset = frozenset()     # (occasion, thing) the statement dates to a day (reconcile/dated.py)
    # what the pipeline read in the quote (pipeline/referents.py); a record filed without them reads as
    # saying nothing of the kind: no change of office, no title, no words in common
    spots: tuple = ()                   # phrases saying what happened to an office (`transition_spots`)
    offices: tuple = ()                 # (office title, offset, former, names it goes by) the quote names
    titled: tuple = ()                  # (office title, person, former): a title right before a person
    words: tuple = ()                   # the quote's words of four letters or more, lower case
    former: bool = False                # the quote calls someone former
    impeachment: bool = False           # the quote tells of an impeachment

    def settle(self, basis: str | None) -> None:
        """Fix the date's basis and the window of days it stands for."""
        self.basis = basis
        self.window = date_window(self.date, basis)

    @property
    def stated(self) -> bool:
        """True when the text itself dates the event (not merely its publication date)."""
        return self.window is not None

    @property
    def actors(self) -> tuple[str, ...]:
        return self.sources + self.targets

    def item(self) -> dict:
        return {"doc_id": self.doc_id, "quote": self.quote, "value": self.date, "source": self.source}


@dataclass
class ActorResolver:
    """Actor names to keys: a KB id when the KB knows the name, else the normalised name.

    `state_of` maps an actor to the state it acts for (Trump -> United States), so a figure
    held by an agency and one held by its state fall in the same block.
    """
    kb: Any = None
    _cache: dict[str, tuple[str, str]] = field(default_factory=dict)

    def _resolve(self, name: str) -> tuple[str, str]:
        hit = self._cache.get(name)
        if hit is not None:
            return hit
        key = state = norm_name(name)
        entry = kb_find(self.kb, name)
        if entry:
            key = norm_name(entry.get("name") or name)
            state = norm_name(kb_state_name(self.kb, entry)) or key
        hit = self._cache[name] = (key, state)
        return hit

    def key(self, name: str | None) -> str:
        return self._resolve(name)[0] if name else ""

    def state_of(self, name: str | None) -> str:
        return self._resolve(name)[1] if name else ""


def kb_find(kb: Any, name: str | None) -> dict | None:
    """The KB entry for a name, or None; tolerates a KB whose find() returns a list."""
    if kb is None or not name:
        return None
    try:
        entry = kb.find(name)
    except Exception:  # a KB that cannot answer for one name must not stop reconciliation
        return None
    if isinstance(entry, list):
        entry = entry[0] if entry else None
    return entry if isinstance(entry, dict) else None


def kb_name(kb: Any, ref: str | None) -> str | None:
    """The canonical name behind a KB reference (an id such as "gpe:USA", or already a name)."""
    if not ref:
        return None
    entry = None
    try:
        entry = kb.get(ref) if kb is not None else None
    except Exception:  # a KB without get() or with another id scheme: fall back to the name
        entry = None
    entry = entry or kb_find(kb, ref)
    return entry.get("name") if entry else ref


def kb_state_name(kb: Any, entry: dict) -> str | None:
    """The state an entry acts for: its acts_for, else the state of a person's latest office."""
    if entry.get("acts_for"):
        return kb_name(kb, entry["acts_for"])
    roles = [r for r in entry.get("roles") or [] if isinstance(r, dict) and r.get("of")]
    if roles:
        return kb_name(kb, max(roles, key=lambda r: r.get("start") or "")["of"])
    return None


def default_kb() -> Any:
    """The packaged knowledge base, or None while it is missing or does not load."""
    try:
        from pactwatch import knowledge
        return knowledge.load()
    except Exception:  # reconciliation without a KB still clusters and finds value/date conflicts
        return None


def kb_folders(kb: Any) -> tuple[str, ...]:
    """The user's --kb folders the knowledge base `kb` was built with (none without one): the other
    knowledge files reconciliation reads (currency rates, referent words) take the user's additions
    from the same folders."""
    return getattr(kb, "folders", ())


def knowledge_for(kb_dirs: Iterable[str] = ()) -> Any:
    """The knowledge ingest extracts and reconciles with, for every reconciliation: the packaged
    knowledge base plus the user's --kb folders (a bad folder is the user's KnowledgeError), or the
    packaged one alone. Views that compute reconciliation use it too, so they never disagree with
    what ingest stored."""
    kb_dirs = [str(d) for d in kb_dirs]
    if kb_dirs:
        from pactwatch import knowledge
        return knowledge.load(kb_dirs)
    return default_kb()


def document_citation(record: dict) -> DocumentCitation:
    return DocumentCitation(record["doc_id"], record.get("source"), record.get("title"), record.get("published"),
                    record.get("publisher"), record.get("anchor"))


def quantity_mention(record: dict, doc: DocumentCitation | None) -> QuantityMention | None:
    value = record.get("value")
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    prior = is_prior(record.get("change"))
    high = record.get("high")
    span = timex_interval(record.get("time"))
    if span is None and doc is not None:
        published = parse_day(doc.published) or parse_day(doc.anchor)
        if published is not None:
            span = (published - timedelta(days=undated_validity(record.get("status"))), published)
    return QuantityMention(
        doc_id=record.get("doc_id", ""), measure=record.get("measure") or "other",
        # percentage points measure a change, not a level: a series of their own
        unit="points" if record.get("points") else record.get("unit"),
        holder=record.get("holder"), target=record.get("target"), value=float(value),
        qualifier=record.get("qualifier") or None, status=record.get("status") or "actual",
        time=record.get("time"), quote=record.get("quote") or "", start=record.get("start"),
        end=record.get("end"), part_of=record.get("part_of"), part_of_start=record.get("part_of_start"),
        prior=prior, span=span,
        range=value_range(float(value), record.get("qualifier"),
                          float(high) if isinstance(high, (int, float)) and not isinstance(high, bool) else None),
        source=doc.source if doc else None, counts=record.get("counts"), occasion=record.get("occasion"),
        instalment=record.get("instalment"), conditional=record.get("conditional"),
        attributed_to=record.get("attributed_to") if isinstance(record.get("attributed_to"), str) else None,
        published=(doc.published or doc.anchor) if doc else None, titles=record.get("titles"),
        reported_future=bool(record.get("reported_future")), change_size=bool(record.get("change_size")),
        modal=record.get("modal") if isinstance(record.get("modal"), str) else None,
        payment=record.get("payment") if record.get("payment") in ("paid", "ceiling") else None,
        sufficiency=record.get("sufficiency") if record.get("sufficiency") in ("enough", "minimum") else None,
        goal=record.get("goal") if isinstance(record.get("goal"), str) else None,
        turned_down=bool(record.get("turned_down")),
        turned_down_by=record.get("turned_down_by") if isinstance(record.get("turned_down_by"), str) else None,
        included=tuple(p for p in record.get("included") or () if isinstance(p, str)),
        context=tuple(p for p in record.get("context_parties") or () if isinstance(p, str)))


def event_mention(record: dict, doc: DocumentCitation | None) -> EventMention:
    """The mention of an event record; its date's basis is settled here when the record carries it
    (`date_basis`, set when the fact was filed), else later, once the document's timexes are known."""
    m = EventMention(
        doc_id=record.get("doc_id", ""), type=record.get("type") or "", sources=tuple(_names(record.get("source"))),
        targets=tuple(_names(record.get("target"))), date=record.get("date"), location=record.get("location"),
        modality=record.get("modality"), quote=record.get("quote") or "", start=record.get("start"),
        end=record.get("end"), attributed_to=record.get("attributed_to"), span=timex_interval(record.get("date")),
        source=doc.source if doc else None,
        things=frozenset((t.get("occasion") or t.get("verb") or "", t.get("thing")) for t in record.get("dated_things") or ()
                         if isinstance(t, dict) and t.get("thing")),
        spots=tuple(s for s in record.get("transition_spots") or () if isinstance(s, dict) and s.get("kind")),
        offices=tuple((o[0], o[1], bool(o[2]), tuple(o[3])) for o in record.get("offices") or ()
                      if isinstance(o, (list, tuple)) and len(o) == 4),
        titled=tuple((t[0], t[1], bool(t[2])) for t in record.get("titled") or ()
                     if isinstance(t, (list, tuple)) and len(t) == 3),
        # interned and in a tuple: the same words recur across a store's quotes, held once, and a tuple
        # is a fifth of a set's size
        words=tuple(sys.intern(w) for w in record.get("quote_words") or () if isinstance(w, str)),
        former=bool(record.get("former")), impeachment=bool(record.get("impeachment")))
    if "date_basis" in record:
        m.settle(record["date_basis"])
        m.year_stated = record.get("year_stated")
        m.quote_timexes = record.get("quote_timexes")
    return m


def _names(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str) and v]


def stable_id(prefix: str, payload: Any) -> str:
    """A short id that is the same whenever the same content is recomputed (payload: lists, strings, numbers)."""
    digest = hashlib.sha1(repr(payload).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:16]}"
