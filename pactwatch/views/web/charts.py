"""The pictures, drawn on the server as SVG: the timeline (time axis, one lane per actor or per type,
a mark per dated fact linking to its source) and the network of who did what to whom.

No script is needed to see them (the brief embeds them as they are); static/timeline.js only adds
drag-to-zoom. Every name and quote is escaped as it is written into the SVG."""
from __future__ import annotations

import math
import random
from collections import Counter
from datetime import date, timedelta
from urllib.parse import quote as urlquote

from markupsafe import Markup, escape

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"]
MODALITY_OPACITY = {"asserted": 1.0, "planned": 0.75, "speculative": 0.5, "negated": 0.35}


def colour_of(value: str, values: list[str]) -> str:
    return PALETTE[values.index(value) % len(PALETTE)] if value in values else PALETTE[-1]


def source_href(source: dict) -> str:
    """The document view at a source's quote."""
    href = f"/documents/{urlquote(source['doc_id'], safe='')}"
    if source.get("quote"):
        href += f"?quote={urlquote(source['quote'], safe='')}#quote"
    return href


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    days = (last - first).days
    ticks = []
    if days > 3 * 366:
        step = max(1, math.ceil((last.year - first.year + 1) / 12))
        for year in range(first.year, last.year + 2, step):
            d = date(year, 1, 1)
            if first <= d <= last:
                ticks.append((d, str(year)))
    elif days > 62:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        step = max(1, math.ceil(months / 12))
        y, m = first.year, first.month
        for i in range(0, months + 1):
            d = date(y + (m - 1 + i) // 12, (m - 1 + i) % 12 + 1, 1)
            if i % step == 0 and first <= d <= last:
                ticks.append((d, d.strftime("%b %Y")))
    else:
        step = max(1, math.ceil(days / 10))
        d = first
        while d <= last:
            ticks.append((d, d.strftime("%d %b")))
            d += timedelta(days=step)
    return ticks


def actor_href(name: str) -> str:
    return "/actors/" + urlquote(name, safe="")


def timeline_svg(entries: list[dict], lanes: str = "actor", window: list | None = None, width: int = 1000,
                 max_lanes: int = 14, max_marks: int = 3000, link=source_href) -> Markup:
    """Entries (from data.timeline) on a time axis, one lane per actor (`lanes="actor"`) or per event
    type and measure (`lanes="type"`)."""
    entries = [e for e in entries if e.get("from")][:max_marks]
    if not entries:
        return Markup('<p class="empty">Nothing dated matches these filters.</p>')
    first = min(date.fromisoformat(e["from"]) for e in entries)
    last = max(date.fromisoformat(e["to"]) for e in entries)
    if window and window[0]:
        first = date.fromisoformat(window[0])
    if window and window[1]:
        last = date.fromisoformat(window[1])
    if last <= first:
        last = first + timedelta(days=1)
    if lanes == "type":
        counts = Counter(e["type"] for e in entries)
    else:
        counts = Counter(a for e in entries for a in e["actors"])
    names = [n for n, _ in counts.most_common(max_lanes)]
    lane_of = {n: i for i, n in enumerate(names)}
    other = len(names)
    label_w, top, lane_h = 180, 34, 28
    plot_w = width - label_w - 16
    height = top + lane_h * (len(names) + 1) + 10
    span = (last - first).days + 1

    def x(d: date) -> float:
        return label_w + (d - first).days / span * plot_w

    types = sorted({e["type"] for e in entries})
    out = [f'<svg class="timeline-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="timeline" '
           f'data-first="{first.isoformat()}" data-last="{last.isoformat()}" data-x0="{label_w}" '
           f'data-x1="{label_w + plot_w}">']
    out.append(f'<rect class="plot" x="{label_w}" y="{top - 4}" width="{plot_w}" height="{height - top - 6}" fill="#fafafa"/>')
    for d, label in _ticks(first, last):
        px = x(d)
        out.append(f'<line x1="{px:.1f}" y1="{top - 6}" x2="{px:.1f}" y2="{height - 10}" stroke="#ddd"/>'
                   f'<text x="{px:.1f}" y="{top - 10}" font-size="11" text-anchor="middle">{escape(label)}</text>')
    for i, name in enumerate(names + ["other"]):
        y = top + i * lane_h
        out.append(f'<line x1="{label_w}" y1="{y + lane_h:.0f}" x2="{label_w + plot_w}" y2="{y + lane_h:.0f}" stroke="#eee"/>'
                   f'<text x="{label_w - 6}" y="{y + lane_h / 2 + 4:.0f}" font-size="12" text-anchor="end">'
                   f'{escape(_short(name, 26))}</text>')
    for e in entries:
        keys = [e["type"]] if lanes == "type" else e["actors"]
        rows = sorted({lane_of.get(k, other) for k in keys}) or [other]
        d0, d1 = date.fromisoformat(e["from"]), date.fromisoformat(e["to"])
        if d1 < first or d0 > last:
            continue
        x0, x1 = x(max(d0, first)), x(min(d1, last) + timedelta(days=1))
        colour = colour_of(e["type"], types)
        opacity = min((MODALITY_OPACITY.get(m, 1.0) for m in e.get("modality") or ["asserted"]), default=1.0)
        n = e["source_count"]
        title = f"{e['date']} — {e['what']} [{n} source{'s' if n != 1 else ''}]"
        href = link(e["sources"][0]) if e["sources"] else "#"
        for row in rows:
            cy = top + row * lane_h + lane_h / 2
            if x1 - x0 < 8:
                shape = (f'<circle cx="{(x0 + x1) / 2:.1f}" cy="{cy:.0f}" r="{4 + min(4, math.log2(n + 1)):.1f}" '
                         f'fill="{colour}" fill-opacity="{opacity}"/>')
            else:
                shape = (f'<rect x="{x0:.1f}" y="{cy - 6:.0f}" width="{x1 - x0:.1f}" height="12" rx="5" '
                         f'fill="{colour}" fill-opacity="{opacity * 0.6:.2f}" stroke="{colour}"/>')
            out.append(f'<a class="mark" href="{escape(href)}" data-fact="{escape(e["fact"])}" '
                       f'data-type="{escape(e["type"])}"><title>{escape(title)}</title>{shape}</a>')
    out.append("</svg>")
    legend = "".join(f'<span class="key"><i style="background:{colour_of(t, types)}"></i>{escape(t.replace("_", " "))}</span>'
                     for t in types[:24])
    return Markup("".join(out) + f'<div class="legend">{legend}</div>')


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _layout(names: list[str], links: list[tuple[str, str, float]], size: float, steps: int = 300) -> dict:
    """Fruchterman–Reingold force layout, seeded so the same graph is drawn the same way."""
    rng = random.Random(7)
    n = max(1, len(names))
    pos = {a: [size / 2 + size / 3 * math.cos(2 * math.pi * i / n) + rng.uniform(-1, 1),
               size / 2 + size / 3 * math.sin(2 * math.pi * i / n) + rng.uniform(-1, 1)] for i, a in enumerate(names)}
    k = size / math.sqrt(n) * 0.75
    temp = size / 8
    for _ in range(steps):
        moves = {a: [0.0, 0.0] for a in names}
        for i, a in enumerate(names):
            pa = pos[a]
            for b in names[i + 1:]:
                pb = pos[b]
                dx, dy = pa[0] - pb[0], pa[1] - pb[1]
                dist = math.hypot(dx, dy) or 0.01
                force = k * k / dist
                moves[a][0] += dx / dist * force
                moves[a][1] += dy / dist * force
                moves[b][0] -= dx / dist * force
                moves[b][1] -= dy / dist * force
        for s, t, _ in links:
            ps, pt = pos[s], pos[t]
            dx, dy = ps[0] - pt[0], ps[1] - pt[1]
            dist = math.hypot(dx, dy) or 0.01
            force = dist * dist / k
            moves[s][0] -= dx / dist * force
            moves[s][1] -= dy / dist * force
            moves[t][0] += dx / dist * force
            moves[t][1] += dy / dist * force
        for a in names:
            mx, my = moves[a]
            # a gentle pull to the centre keeps unconnected actors on the canvas
            mx += (size / 2 - pos[a][0]) * 0.02
            my += (size / 2 - pos[a][1]) * 0.02
            d = math.hypot(mx, my) or 0.01
            pos[a][0] = min(size - 75, max(75, pos[a][0] + mx / d * min(d, temp)))
            pos[a][1] = min(size - 30, max(30, pos[a][1] + my / d * min(d, temp)))
        temp = max(1.0, temp * 0.97)
    return pos


def network_svg(graph: dict, size: int = 640, href=actor_href) -> Markup:
    """Actors as circles (sized by how often they act or are acted on), an arrow from source to
    target for each kind of event between them; each actor links to its page."""
    nodes, links = graph["nodes"], graph["links"]
    if not nodes:
        return Markup('<p class="empty">No events between actors match these filters.</p>')
    pair: Counter = Counter()
    kinds: dict[tuple, list[str]] = {}
    for link in links:
        pair[(link["source"], link["target"])] += link["weight"]
        kinds.setdefault((link["source"], link["target"]), []).append(f"{link['type']} ×{link['weight']}")
    names = [n["name"] for n in nodes]
    pos = _layout(names, [(s, t, w) for (s, t), w in pair.items()], size)
    actor_types = sorted({n["type"] or "?" for n in nodes})
    top = max(n["weight"] for n in nodes) or 1
    out = [f'<svg class="network-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
           f'width="{size}" height="{size}" role="img" aria-label="actor network">'
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" '
           'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>']
    radius = {n["name"]: 5 + 14 * math.sqrt(n["weight"] / top) for n in nodes}
    for (s, t), w in sorted(pair.items()):
        (x1, y1), (x2, y2) = pos[s], pos[t]
        dist = math.hypot(x2 - x1, y2 - y1) or 1
        # stop the arrow at the target's edge
        ex, ey = x2 - (x2 - x1) / dist * (radius[t] + 2), y2 - (y2 - y1) / dist * (radius[t] + 2)
        title = f"{s} → {t}: " + ", ".join(kinds[(s, t)])
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{ex:.1f}" y2="{ey:.1f}" stroke="#999" '
                   f'stroke-width="{1 + math.log2(w):.1f}" stroke-opacity="0.6" marker-end="url(#arrow)">'
                   f'<title>{escape(title)}</title></line>')
    for n in nodes:
        px, py = pos[n["name"]]
        colour = colour_of(n["type"] or "?", actor_types)
        out.append(f'<a href="{escape(href(n["name"]))}"><circle cx="{px:.1f}" cy="{py:.1f}" '
                   f'r="{radius[n["name"]]:.1f}" fill="{colour}" fill-opacity="0.85" stroke="#fff">'
                   f'<title>{escape(n["name"])} ({escape(n["type"] or "?")})</title></circle>'
                   f'<text x="{px:.1f}" y="{py + radius[n["name"]] + 12:.1f}" font-size="11" text-anchor="middle">'
                   f'{escape(_short(n["name"], 24))}</text></a>')
    out.append("</svg>")
    legend = "".join(f'<span class="key"><i style="background:{colour_of(t, actor_types)}"></i>{escape(t)}</span>'
                     for t in actor_types)
    return Markup("".join(out) + f'<div class="legend">{legend}</div>')
