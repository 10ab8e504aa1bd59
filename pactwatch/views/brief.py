"""The brief an analyst hands a colleague. The first screen is the state of things: each commitment's
state now with its history, what changed last, where sources disagree; the detail follows (commitments
with every quote, figures, timeline, conflicts, actors, documents). One data model, rendered as
Markdown or HTML."""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from ..errors import UsageError
from ..reconcile.entities import merge_entities
from ..reconcile.normalize import format_amount, timex_interval
from ..reconcile.query import clusters_of, conflicts_of, merge_across_years, series_of
from . import markdown_safe
from .commitments import commitments, history_text, show_date, since_text, state_text
from .timeline import timeline

FORMATS = ("md", "html")
MAX_ACTORS = 40
# the first screen: how many commitments of each kind, and how many recent changes, before the detail
MAX_STANDING_FIGURES = 8
MAX_STANDING_AGREEMENTS = 6
MAX_CHANGES = 8
MAX_STANDING_STEPS = 4
SUMMARY = ("Where things stand", "What changed", "Where sources disagree")


@dataclass
class Source:
    quote: str
    label: str                # the document's title, or its source when untitled
    href: str | None          # a link when the source is a URL
    note: str | None = None   # what the quote states, when it matters (a conflicting value)


@dataclass
class Line:
    lead: str                 # shown in bold
    text: str = ""
    sources: list[Source] = field(default_factory=list)
    children: list["Line"] = field(default_factory=list)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def brief_data(store: Any, kb_dirs: Iterable[str] = ()) -> dict[str, list[Line]]:
    """The brief's sections in order, the summary (SUMMARY) first, each a list of lines with their sources.
    `kb_dirs`: the --kb folders the store was ingested with (the ledger's words, reconciliation's knowledge)."""
    kb_dirs = tuple(str(d) for d in kb_dirs)
    documents = {d["doc_id"]: d for d in store.records("document")}

    def source(doc_id: str | None, quote: str, fallback: str | None = None, note: str | None = None) -> Source:
        doc = documents.get(doc_id) or {}
        where = doc.get("source") or fallback or (doc_id or "")
        href = where if str(where).startswith(("http://", "https://")) else None
        return Source(quote, doc.get("title") or doc.get("publisher") or where, href, note)

    def sourced(items: list[dict]) -> list[Source]:
        return [source(s.get("doc_id"), s["quote"], s.get("source")) for s in items]

    ledger = commitments(store, kb_dirs)
    conflict_records = conflicts(store, kb_dirs)
    sections: dict[str, list[Line]] = summary_sections(ledger, conflict_records, documents)
    sections["Commitments"] = [_ledger_line(e, sourced) for e in ledger]
    sections["Figures"] = _figure_lines(store, sourced, kb_dirs)
    sections["Timeline"] = [Line(e["date"], f"{e['what']} — {_plural(e['source_count'], 'source')}",
                                 sourced(e["sources"])) for e in timeline(store, kb_dirs=kb_dirs)]
    sections["Conflicts"] = [
        Line(c["about"], f"({c.get('type', 'value')}) {c.get('reason', '')}".strip(),
             [source(i.get("doc_id"), i.get("quote") or "", i.get("source"), str(i.get("value")))
              for i in c["items"]])
        for c in conflict_records]
    actors = merge_entities(store.records("entity"))[:MAX_ACTORS]
    sections["Actors"] = [Line(a["name"], f"{a['type'] or '?'} — {_plural(a['source_count'], 'document')}"
                               + (f"; also {', '.join(a['aliases'][:5])}" if a["aliases"] else ""))
                          for a in actors]
    sections["Documents"] = [
        Line(d.get("title") or d.get("source") or d["doc_id"],
             " — ".join(x for x in (d.get("published") or "undated", d.get("publisher")) if x),
             [Source("", d.get("source") or d["doc_id"], d.get("source") if str(d.get("source", "")).startswith(
                 ("http://", "https://")) else None)])
        for d in sorted(documents.values(), key=lambda d: (d.get("published") or "", d.get("title") or ""))]
    return sections


# ---------------------------------------------------------------- the first screen

def _standing_line(e: dict) -> Line:
    """One commitment on one line: its state and since when, then how it got there (its last few steps)."""
    steps = history_text(e, MAX_STANDING_STEPS) if len(e["history"]) > 1 else ""
    count = _plural(e["source_count"], "source")
    lead = f"{e['subject']}: {e['state']}" if e["kind"] == "figure" else f"{e['subject']} — {e['state']}"
    return Line(lead, since_text(e) + (f" — {steps}" if steps else "") + f" ({count})")


def _standing_lines(ledger: list[dict]) -> list[Line]:
    """The commitments most reported, figures first; those without a number grouped under one line."""
    figures = [e for e in ledger if e["kind"] == "figure"]
    others = [e for e in ledger if e["kind"] != "figure"]
    lines = [_standing_line(e) for e in figures[:MAX_STANDING_FIGURES]]
    if others:
        lines.append(Line("Without a number", "", [], [_standing_line(e) for e in others[:MAX_STANDING_AGREEMENTS]]))
    left = max(0, len(figures) - MAX_STANDING_FIGURES) + max(0, len(others) - MAX_STANDING_AGREEMENTS)
    if left:
        lines.append(Line(f"{left} more", "under Commitments below"))
    return lines


def _day(value: str | None) -> date:
    # a change known only by its month or year counts from the period's start: it is not news of its last day
    span = timex_interval(value)
    return span[0] if span else date.min


def _last_change(e: dict) -> tuple[str | None, str, str]:
    """(date, what changed) of a commitment's newest change: a step after its state that has not changed it
    (a ruling, a pending threat), else the state's beginning — from the state before, or first stated."""
    if e["then"]:
        st = e["then"][-1]
        note = f" ({st['note']})" if st.get("note") else ""
        return st["date"], f"{st['label']}{note}; {e['state']} stands", "then"
    began = next(st for st in e["history"] if st["date"] == e["changed"])
    note = f" ({began['note']})" if began.get("note") else ""
    if e["before"]:
        return e["changed"], f"{e['before']} → {e['state']}{note}", "changed"
    return e["changed"], f"{e['state']}{note}, first stated", "first"


CHANGE_ORDER = {"changed": 0, "then": 0, "first": 1}


def _change_lines(ledger: list[dict]) -> list[Line]:
    """Each commitment's newest change, by date, newest first; a change of state (or a step after it) is news
    before a commitment first stated, and figures come before the rest on one day."""
    changes = []
    for e in ledger:
        when, what, kind = _last_change(e)
        if timex_interval(when):
            changes.append((when, what, kind, e))
    changes.sort(key=lambda c: (-_day(c[0]).toordinal(), CHANGE_ORDER[c[2]], c[3]["kind"] != "figure",
                                -c[3]["source_count"]))
    shown = [c for c in changes if c[2] != "first"][:MAX_CHANGES]
    shown += [c for c in changes if c[2] == "first"][:MAX_CHANGES - len(shown)]
    days: dict[str, Line] = {}
    for when, what, _, e in sorted(shown, key=changes.index):
        day = days.setdefault(show_date(when), Line(show_date(when)))
        day.children.append(Line(f"{e['subject']}:", what))
    return list(days.values())


def summary_sections(ledger: list[dict], conflict_records: list[dict],
                     documents: dict[str, dict]) -> dict[str, list[Line]]:
    """The brief's first screen (SUMMARY), for the markdown and the HTML brief alike: where each
    commitment stands, what changed, where sources disagree."""
    return {"Where things stand": _standing_lines(ledger), "What changed": _change_lines(ledger),
            "Where sources disagree": [_disagreement_line(c, documents) for c in conflict_records]}


def _disagreement_line(c: dict, documents: dict[str, dict]) -> Line:
    """A conflict on one line: what it is about, then each side's value, outlet and date."""
    sides = []
    for item in c["items"]:
        doc = documents.get(item.get("doc_id")) or {}
        where = ", ".join(x for x in (doc.get("publisher") or doc.get("title") or item.get("source"),
                                      show_date(doc["published"]) if doc.get("published") else None) if x)
        sides.append(f"{item.get('value')} ({where})" if where else str(item.get("value")))
    severity = f" [{c['severity']}]" if c.get("severity") else ""
    # a later report replacing an earlier figure reads as a revision, not as two rival figures
    joined = ", revised to ".join(sides) if c.get("revision") else " vs ".join(sides)
    return Line(f"{c.get('subject') or c['about']}:", joined + severity)


# ---------------------------------------------------------------- the detail

def _ledger_line(e: dict, sourced, part: bool = False) -> Line:
    """A commitment with each step of its history and the quotes behind it, then its components."""
    steps = [Line(show_date(st["date"]), st["label"] + (f" ({st['note']})" if st.get("note") else ""),
                  sourced(st["sources"])) for st in e["history"]]
    parts = [_ledger_line(c, sourced, part=True) for c in e["components"]]
    lead = f"of which {e['amount']}" if part else e["subject"]
    return Line(lead, f"{state_text(e)} — {_plural(e['source_count'], 'source')}", [], steps + parts)


def _step_day(cluster: dict, steps: list[dict]) -> str:
    """When a value held: the "from" side of a change held until the value its own text changed it to."""
    day = cluster.get("first_day") or "9999"
    if cluster.get("prior"):
        partners = [c.get("first_day") or "9999" for c in steps
                    if not c.get("prior") and set(c["doc_ids"]) & set(cluster["doc_ids"])]
        day = min([day, *partners])
    return day


def _figure_lines(store: Any, sourced, kb_dirs: tuple[str, ...] = ()) -> list[Line]:
    """Each measured series (measure, holder → target) once, its values in the order they held:
    an evolution (25% threatened, then 15% agreed) reads as one line of steps, not as a clash."""
    series: dict[str, list[dict]] = {}
    for c in merge_across_years(clusters_of(store, "quantity", kb_dirs)):
        series.setdefault(series_of(c), []).append(c)
    lines = []
    for steps in sorted(series.values(), key=lambda cs: -sum(c["source_count"] for c in cs)):
        head = steps[0]
        parties = (head.get("holder") or "?") + (f" → {head['target']}" if head.get("target") else "")
        steps.sort(key=lambda c: (_step_day(c, steps), 0 if c.get("prior") else 1))
        children = []
        for c in steps:
            notes = ["/".join(c["status"])] + ([c["time"]] if timex_interval(c.get("time")) else [])
            notes += ["the earlier value of a change"] if c.get("prior") else []
            notes += ["part of a larger amount"] if c.get("part_of") is not None else []
            children.append(Line(format_amount(c["value"], c["unit"], c.get("qualifier")),
                                 f"{', '.join(notes)} — {_plural(c['source_count'], 'source')}",
                                 sourced(c["mentions"])))
        amounts = [format_amount(c["value"], c["unit"], c.get("qualifier")) for c in steps]
        path = [a for i, a in enumerate(amounts) if i == 0 or a != amounts[i - 1]]
        lines.append(Line(f"{head['measure'].replace('_', ' ')}: {parties}", " → ".join(path), [], children))
    return lines


def conflicts(store: Any, kb_dirs: Iterable[str] = ()) -> list[dict]:
    """Every conflict record (about, type, reason, items with doc_id, quote, value and source), grouped by type."""
    return sorted(conflicts_of(store, kb_dirs), key=lambda c: (c.get("type") or "", c["about"]))


def render_conflicts(records: list[dict]) -> str:
    """Plain text: each conflict's subject and reason, then the statements that cannot all hold."""
    lines = []
    for c in records:
        lines.append(f"[{c.get('type', 'value')}] {c['about']}: {c.get('reason', '')}".rstrip())
        for item in c["items"]:
            where = item.get("source") or item.get("doc_id")
            lines.append(f"    {item.get('value')}: “{item.get('quote')}” — {where}")
    return "\n".join(lines)


def brief(store: Any, format: str = "md", kb_dirs: Iterable[str] = ()) -> str:
    """The brief as Markdown ("md") or a standalone HTML page ("html"); `kb_dirs`: the --kb folders the
    store was ingested with."""
    if format not in FORMATS:
        raise UsageError(f"unknown brief format {format!r}; use one of {', '.join(FORMATS)}")
    if format == "html":  # the web pages' views and pictures as one standalone page (pactwatch/views/web)
        from .web.brief import brief_html
        return brief_html(store, kb_dirs)
    sections = brief_data(store, kb_dirs)
    intro = _intro(store.records("document"))
    return render_markdown(sections, intro) if format == "md" else render_html(sections, intro)


def _intro(documents) -> str:
    """What the brief is built from: how many documents, and the dates they were published between."""
    documents = list(documents)
    days = sorted(d["published"] for d in documents if timex_interval(d.get("published")))
    span = f", published {show_date(days[0])} to {show_date(days[-1])}" if len(days) > 1 else \
        f", published {show_date(days[0])}" if days else ""
    return f"Built by pactwatch from {_plural(len(documents), 'document')}{span}."


def _sections_in_order(sections: dict[str, list[Line]]):
    """(title, lines, depth): the summary sections first at depth 2, then the detail under one heading at depth 3."""
    for title in SUMMARY:
        if title in sections:
            yield title, sections[title], 2
    detail = [t for t in sections if t not in SUMMARY]
    if detail:
        yield "Detail", None, 2
    for title in detail:
        yield title, sections[title], 3


# ---------------------------------------------------------------- Markdown

def _md_escape(text: str) -> str:
    return markdown_safe.text(text)


def _md_source(s: Source) -> str:
    where = markdown_safe.link(s.label, s.href)
    if not s.quote:
        return where
    note = f" ({_md_escape(s.note)})" if s.note else ""
    return f"“{_md_escape(s.quote)}”{note} — {where}"


def _md_line(line: Line, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    text = f" {_md_escape(line.text)}" if line.text else ""
    out.append(f"{pad}- **{_md_escape(line.lead)}**{text}")
    for s in line.sources:
        out.append(f"{pad}  - {_md_source(s)}")
    for child in line.children:
        _md_line(child, depth + 1, out)


def render_markdown(sections: dict[str, list[Line]], intro: str | None = None) -> str:
    n_docs = len(sections.get("Documents", []))
    intro = intro or f"Built by pactwatch from {_plural(n_docs, 'document')}."
    out = ["# Alliance brief", "", _md_escape(intro), ""]
    for title, lines, depth in _sections_in_order(sections):
        out += [f"{'#' * depth} {title}", ""]
        if lines is None:
            continue
        if not lines:
            out.append("_None._")
        for line in lines:
            _md_line(line, 0, out)
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- HTML

def _html_source(s: Source) -> str:
    e = html.escape
    where = f'<a href="{e(s.href)}">{e(s.label)}</a>' if s.href else e(s.label)
    if not s.quote:
        return where
    note = f' <span class="value">({e(s.note)})</span>' if s.note else ""
    return f"<q>{e(s.quote)}</q>{note} — <cite>{where}</cite>"


def _html_line(line: Line) -> str:
    e = html.escape
    parts = [f"<li><strong>{e(line.lead)}</strong> {e(line.text)}"]
    if line.sources:
        parts.append('<ul class="sources">' + "".join(f"<li>{_html_source(s)}</li>" for s in line.sources) + "</ul>")
    if line.children:
        parts.append("<ul>" + "".join(_html_line(c) for c in line.children) + "</ul>")
    parts.append("</li>")
    return "".join(parts)


def render_html(sections: dict[str, list[Line]], intro: str | None = None) -> str:
    n_docs = len(sections.get("Documents", []))
    intro = intro or f"Built by pactwatch from {_plural(n_docs, 'document')}."
    body = ["<h1>Alliance brief</h1>", f"<p>{html.escape(intro)}</p>"]
    for title, lines, depth in _sections_in_order(sections):
        anchor = title.lower().replace(" ", "-")
        if lines is None:
            body.append(f'<h{depth} id="{anchor}">{html.escape(title)}</h{depth}>')
            continue
        body.append(f'<section id="{anchor}"><h{depth}>{html.escape(title)}</h{depth}>')
        body.append("<ul>" + "".join(_html_line(l) for l in lines) + "</ul>" if lines else "<p><em>None.</em></p>")
        body.append("</section>")
    style = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}"
             ".sources{font-size:.9em;color:#444}q{font-style:italic}.value{color:#a00}")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Alliance brief</title>"
            f"<style>{style}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
