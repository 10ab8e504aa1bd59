"""The brief an analyst hands a colleague: documents, actors, timeline, commitments ledger and conflicts,
every line followed by the quotes and sources behind it. One data model, rendered as Markdown or HTML."""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from ..errors import UsageError
from ..reconcile.entities import merge_entities
from ..reconcile.normalize import format_amount, timex_interval
from ..reconcile.query import clusters_of, conflicts_of, merge_across_years, series_of
from . import markdown_safe
from .commitments import commitments
from .timeline import timeline

FORMATS = ("md", "html")
MAX_ACTORS = 40


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


def brief_data(store: Any) -> dict[str, list[Line]]:
    """The brief's sections in order, each a list of lines with their sources."""
    documents = {d["doc_id"]: d for d in store.records("document")}

    def source(doc_id: str | None, quote: str, fallback: str | None = None, note: str | None = None) -> Source:
        doc = documents.get(doc_id) or {}
        where = doc.get("source") or fallback or (doc_id or "")
        href = where if str(where).startswith(("http://", "https://")) else None
        return Source(quote, doc.get("title") or where, href, note)

    def sourced(items: list[dict]) -> list[Source]:
        return [source(s.get("doc_id"), s["quote"], s.get("source")) for s in items]

    sections: dict[str, list[Line]] = {}
    sections["Documents"] = [
        Line(d.get("title") or d.get("source") or d["doc_id"],
             " — ".join(x for x in (d.get("published") or "undated", d.get("publisher")) if x),
             [Source("", d.get("source") or d["doc_id"], d.get("source") if str(d.get("source", "")).startswith(
                 ("http://", "https://")) else None)])
        for d in sorted(documents.values(), key=lambda d: (d.get("published") or "", d.get("title") or ""))]
    actors = merge_entities(store.records("entity"))[:MAX_ACTORS]
    sections["Actors"] = [Line(a["name"], f"{a['type'] or '?'} — {_plural(a['source_count'], 'document')}"
                               + (f"; also {', '.join(a['aliases'][:5])}" if a["aliases"] else ""))
                          for a in actors]
    sections["Timeline"] = [Line(e["date"], f"{e['what']} — {_plural(e['source_count'], 'source')}",
                                 sourced(e["sources"])) for e in timeline(store)]

    def ledger_line(e: dict) -> Line:
        parties = (e["holder"] or "?") + (f" → {e['target']}" if e["target"] else "")
        when = f", {e['date']}" if e["date"] else ""
        return Line(e["amount"], f"{e['measure'].replace('_', ' ')}, {parties}, {'/'.join(e['status'])}{when} — "
                                 f"{_plural(e['source_count'], 'source')}",
                    sourced(e["sources"]), [ledger_line(part) for part in e["components"]])

    sections["Commitments"] = [ledger_line(e) for e in commitments(store)]
    sections["Figures"] = _figure_lines(store, sourced)
    sections["Conflicts"] = [
        Line(c["about"], f"({c.get('type', 'value')}) {c.get('reason', '')}".strip(),
             [source(i.get("doc_id"), i.get("quote") or "", i.get("source"), str(i.get("value")))
              for i in c["items"]])
        for c in conflicts(store)]
    return sections


def _step_day(cluster: dict, steps: list[dict]) -> str:
    """When a value held: the "from" side of a change held until the value its own text changed it to."""
    day = cluster.get("first_day") or "9999"
    if cluster.get("prior"):
        partners = [c.get("first_day") or "9999" for c in steps
                    if not c.get("prior") and set(c["doc_ids"]) & set(cluster["doc_ids"])]
        day = min([day, *partners])
    return day


def _figure_lines(store: Any, sourced) -> list[Line]:
    """Each measured series (measure, holder → target) once, its values in the order they held:
    an evolution (25% threatened, then 15% agreed) reads as one line of steps, not as a clash."""
    series: dict[str, list[dict]] = {}
    for c in merge_across_years(clusters_of(store, "quantity")):
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


def conflicts(store: Any) -> list[dict]:
    """Every conflict record (about, type, reason, items with doc_id, quote, value and source), grouped by type."""
    return sorted(conflicts_of(store), key=lambda c: (c.get("type") or "", c["about"]))


def render_conflicts(records: list[dict]) -> str:
    """Plain text: each conflict's subject and reason, then the statements that cannot all hold."""
    lines = []
    for c in records:
        lines.append(f"[{c.get('type', 'value')}] {c['about']}: {c.get('reason', '')}".rstrip())
        for item in c["items"]:
            where = item.get("source") or item.get("doc_id")
            lines.append(f"    {item.get('value')}: “{item.get('quote')}” — {where}")
    return "\n".join(lines)


def brief(store: Any, format: str = "md") -> str:
    """The brief as Markdown ("md") or a standalone HTML page ("html")."""
    if format not in FORMATS:
        raise UsageError(f"unknown brief format {format!r}; use one of {', '.join(FORMATS)}")
    sections = brief_data(store)
    return render_markdown(sections) if format == "md" else render_html(sections)


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


def render_markdown(sections: dict[str, list[Line]]) -> str:
    n_docs = len(sections.get("Documents", []))
    out = ["# Alliance brief", "", f"Built by pactwatch from {_plural(n_docs, 'document')}.", ""]
    for title, lines in sections.items():
        out += [f"## {title}", ""]
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


def render_html(sections: dict[str, list[Line]]) -> str:
    n_docs = len(sections.get("Documents", []))
    body = [f"<h1>Alliance brief</h1>", f"<p>Built by pactwatch from {_plural(n_docs, 'document')}.</p>"]
    for title, lines in sections.items():
        body.append(f'<section id="{title.lower()}"><h2>{html.escape(title)}</h2>')
        body.append("<ul>" + "".join(_html_line(l) for l in lines) + "</ul>" if lines else "<p><em>None.</em></p>")
        body.append("</section>")
    style = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}"
             ".sources{font-size:.9em;color:#444}q{font-style:italic}.value{color:#a00}")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Alliance brief</title>"
            f"<style>{style}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
