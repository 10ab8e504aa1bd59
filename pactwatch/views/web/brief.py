"""`pactwatch brief --format html`: the web pages' views in one standalone file, with the timeline
and network pictures inline. No server is needed to read it: links go to the brief's own sections
(each source to its document's entry in the list at the end)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from markupsafe import Markup

from ..brief import summary_sections
from . import charts, data
from .app import HERE, environment

MAX_DOCUMENTS = 500


def _doc_anchor(doc_id: str) -> str:
    return f"doc-{(doc_id or '')[:12]}"


def _actor_anchor(name: str) -> str:
    return "#actors"


def brief_html(store: Any, kb_dirs: Iterable[str] = ()) -> str:
    """The standalone HTML brief; `kb_dirs`: the --kb folders the store was ingested with."""
    ctx = data.Context.of(store, kb_dirs)
    env = environment()
    env.filters["source_url"] = lambda s: "#" + _doc_anchor(s.get("doc_id"))
    env.filters["doc_url"] = lambda doc_id: "#" + _doc_anchor(doc_id)
    env.filters["actor_url"] = _actor_anchor
    env.filters["doc_anchor"] = _doc_anchor
    timeline = data.timeline(ctx, limit=500)
    actors = data.actors(ctx, limit=30)
    listing = data.documents(ctx, limit=MAX_DOCUMENTS)
    documents = {d["doc_id"]: d for d in ctx.store.records("document")}
    page = {
        "summary": summary_sections(data.all_commitments(ctx), data.all_conflicts(ctx), documents),
        "overview": data.overview(ctx),
        "timeline_chart": charts.timeline_svg(timeline["matching"], "actor", None,
                                              link=lambda s: "#" + _doc_anchor(s.get("doc_id"))),
        "timeline": timeline,
        "commitments": data.all_commitments(ctx),
        "figures": data.other_figures(ctx),
        "conflicts": data.all_conflicts(ctx),
        "network": charts.network_svg(actors["network"], href=_actor_anchor),
        "actors": actors,
        "documents": listing,
        "style": Markup((HERE / "static" / "style.css").read_text(encoding="utf-8")),
    }
    return env.get_template("brief.html").render(**page)


def write_pictures(store: Any, brief_path: Path, kb_dirs: Iterable[str] = ()) -> str:
    """The timeline and the network as SVG files beside a markdown brief (BRIEF-timeline.svg,
    BRIEF-network.svg); returns the markdown that links them. `kb_dirs`: the store's --kb folders."""
    ctx = data.Context.of(store, kb_dirs)
    pictures = {
        "timeline": charts.timeline_svg(data.timeline(ctx)["matching"], "actor", None, link=lambda s: "#"),
        "network": charts.network_svg(data.actors(ctx)["network"], href=lambda name: "#"),
    }
    lines = ["", "## Pictures", ""]
    for name, picture in pictures.items():
        svg = str(picture)
        if not svg.startswith("<svg"):  # nothing to draw: the picture is a sentence saying so
            lines.append(f"No {name} picture: nothing to draw.")
            continue
        svg = svg[:svg.index("</svg>") + len("</svg>")]  # the legend below it is HTML, not SVG
        path = brief_path.with_name(f"{brief_path.stem}-{name}.svg")
        path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + svg + "\n", encoding="utf-8")
        lines.append(f"![{name.capitalize()}]({path.name})")
    return "\n".join(lines) + "\n"
