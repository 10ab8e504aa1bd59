"""The document view's text: cut at every offset a fact starts or ends, each piece carrying the kinds
of the facts that cover it (entity, date, amount, event, and the quote a link asked for).

The pieces are plain strings; the template escapes each one, so markup in an article is shown as
text, never run."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...reconcile.normalize import format_amount

KINDS = ("entity", "date", "amount", "event", "quote")


@dataclass
class Mark:
    start: int
    end: int
    kind: str
    label: str
    ref: int  # index of the fact in the side panel


@dataclass
class Piece:
    text: str
    start: int
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    anchor: str | None = None  # id of the first piece at a fact's start, for the side panel's links


def marks_of(facts: dict[str, list[dict]], quote_at: list[int] | None = None) -> tuple[list[Mark], list[dict]]:
    """Marks at the facts' offsets, and the side panel's rows (one per fact, in text order)."""
    marks: list[Mark] = []
    panel: list[dict] = []

    def add(start, end, kind, label, fact):
        if start is None or end is None or end <= start:
            return
        panel.append({"kind": kind, "label": label, "start": start, "end": end, "fact": fact})
        marks.append(Mark(start, end, kind, label, len(panel) - 1))

    for e in facts.get("entity", []):
        mentions = [m for m in e.get("mentions") or [] if m.get("start") is not None and m.get("end")]
        if not mentions:
            continue
        label = f"{e['name']} ({e.get('type') or '?'})"
        # one panel row per entity (at its first mention); every mention is marked
        add(mentions[0]["start"], mentions[0]["end"], "entity",
            label + (f" ×{len(mentions)}" if len(mentions) > 1 else ""), e)
        for m in mentions[1:]:
            marks.append(Mark(m["start"], m["end"], "entity", label, len(panel) - 1))
    for t in facts.get("timex", []):
        add(t.get("start"), t.get("end"), "date", f"{t['text']} = {t.get('value')}", t)
    for q in facts.get("quantity", []):
        start = q.get("span_start", q.get("start"))
        end = q.get("span_end") or (q.get("end") if start == q.get("start") else None)
        parties = (q.get("holder") or "?") + (f" → {q['target']}" if q.get("target") else "")
        amount = format_amount(q["value"], q.get("unit"), q.get("qualifier")) if q.get("value") is not None else "?"
        label = f"{(q.get('measure') or '').replace('_', ' ')}: {amount}, {parties}, {q.get('status')}"
        add(start, end if end is not None else _word_end(start, q), "amount", label, q)
    for ev in facts.get("event", []):
        who = ", ".join(ev.get("source") or []) or "?"
        to = f" → {', '.join(ev['target'])}" if ev.get("target") else ""
        add(ev.get("span_start", ev.get("start")), ev.get("span_end", ev.get("end")), "event",
            f"{ev.get('type')}: {who}{to} ({ev.get('modality')})", ev)
    if quote_at:
        marks.append(Mark(quote_at[0], quote_at[1], "quote", "the quote linked to", -1))
    panel_order = sorted(range(len(panel)), key=lambda i: (panel[i]["start"], panel[i]["kind"]))
    return marks, [{**panel[i], "ref": i} for i in panel_order]


def _word_end(start: int | None, record: dict) -> int | None:
    """When a record gives only where its amount starts, the amount runs to the end of its word."""
    quote, qstart = record.get("quote") or "", record.get("start")
    if start is None or qstart is None:
        return None
    i = start - qstart
    while i < len(quote) and not quote[i].isspace():
        i += 1
    return qstart + i


def pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """The text cut at every mark boundary; each piece knows the marks covering it."""
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    out: list[Piece] = []
    active: list[Mark] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        piece = Piece(text[a:b], a)
        kinds = []
        for m in active:
            if m.kind not in kinds:
                kinds.append(m.kind)
        piece.kinds = [k for k in KINDS if k in kinds]
        piece.labels = list(dict.fromkeys(m.label for m in active if m.kind != "quote"))
        if a in starts:
            piece.anchor = f"at{a}"
        out.append(piece)
    return out
