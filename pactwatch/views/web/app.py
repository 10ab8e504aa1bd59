"""The web application: read pages (each also as `.json`, or as JSON for `Accept: application/json`),
the ingest form and its jobs, and the API description at /docs.

    app = create_app("pactwatch.db", token=None)
    uvicorn.run(app, host="127.0.0.1", port=8000)
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote as urlquote, urlencode

import jinja2
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ... import __version__
from ...store import Store
from ...store.queries import SNIPPET_CLOSE, SNIPPET_OPEN
from ..history import show_date
from . import charts, data, marks
from .data import Context

HERE = Path(__file__).resolve().parent
NAV = [("overview", "/", "Overview"), ("timeline", "/timeline", "Timeline"), ("commitments", "/commitments", "Commitments"),
       ("conflicts", "/conflicts", "Conflicts"), ("actors", "/actors", "Actors"), ("documents", "/documents", "Documents"),
       ("ingest", "/ingest", "Ingest"), ("docs", "/docs", "API")]


def environment() -> jinja2.Environment:
    """Templates with autoescape on for every file: anything from an article is text, never markup."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["actor_url"] = lambda name: "/actors/" + urlquote(name or "", safe="")
    env.filters["doc_url"] = lambda doc_id: "/documents/" + urlquote(doc_id or "", safe="")
    env.filters["source_url"] = charts.source_href
    env.filters["words"] = lambda s: (s or "").replace("_", " ")
    env.filters["snippet"] = _snippet
    env.filters["short_id"] = lambda s: (s or "")[:12]
    env.filters["when"] = lambda value: show_date(value) if value else value
    env.globals["nav"] = NAV
    env.globals["version"] = __version__
    return env


def _snippet(text: str | None) -> Markup:
    """A search snippet: escaped first, then the match markers become <mark>."""
    escaped = str(escape(text or ""))
    return Markup(escaped.replace(SNIPPET_OPEN, "<mark>").replace(SNIPPET_CLOSE, "</mark>"))


def wants_json(request: Request) -> bool:
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def create_app(db: str | None = None, token: str | None = None, store: Store | None = None,
               kb_dirs: tuple[str, ...] = ()) -> FastAPI:
    """The web app over one store: every page and its JSON twin.

    Long because it is the route table: each page is a few lines closing over this app's store,
    templates and cache, read top to bottom in the order of the navigation; the work behind each
    route lives in data.py, charts.py and marks.py."""
    from .ingest import IngestJobs, mount_ingest

    store = store or Store(db)
    ctx = Context.of(store, kb_dirs)
    jobs = IngestJobs(store.url, kb_dirs)

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        yield
        jobs.close()  # the ingest worker process ends with the server

    app = FastAPI(title="pactwatch", version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  lifespan=lifespan,
                  description="The record of alliance commitments, events and conflicts: every page as HTML and as "
                              "JSON (add `.json` to the path, or send `Accept: application/json`).")
    templates = Jinja2Templates(env=environment())
    app.state.ctx = ctx
    app.state.token = token if token is not None else (os.environ.get("PACTWATCH_TOKEN") or None)
    app.state.jobs = jobs
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def respond(request: Request, template: str, payload: dict, **html: Any) -> Response:
        if wants_json(request):
            return JSONResponse(payload)
        return templates.TemplateResponse(request, template, {**payload, **html, "page": template.split(".")[0]})

    def twin(path: str, **kw):
        """Register a GET page under `path` and `path.json` (the JSON twin first, so `x.json` is not read as an id)."""
        def register(fn):
            app.get(path + ".json", include_in_schema=True, response_class=JSONResponse, **kw)(fn)
            app.get(path, include_in_schema=False, response_class=HTMLResponse, **kw)(fn)
            return fn
        return register

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if wants_json(request) or request.method != "GET":
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return templates.TemplateResponse(request, "error.html", {"error": exc.detail, "status": exc.status_code,
                                                                  "page": "error"}, status_code=exc.status_code)

    @twin("/overview", summary="Overview: where things stand now")
    def overview(request: Request):
        return respond(request, "overview.html", data.overview(ctx))

    app.get("/", include_in_schema=False, response_class=HTMLResponse)(overview)

    @twin("/timeline", summary="Dated events and figures, filterable; the chart in HTML")
    def timeline(request: Request, actor: Optional[str] = None, type: Optional[str] = None,
                 modality: Optional[str] = None, measure: Optional[str] = None,
                 start: Optional[str] = Query(None, description="earliest date, e.g. 2025 or 2025-06"),
                 end: Optional[str] = Query(None, description="latest date, e.g. 2025-12-31"),
                 lanes: str = Query("actor", pattern="^(actor|type)$"),
                 offset: int = Query(0, ge=0), limit: int = Query(data.PAGE, ge=1, le=500)):
        result = data.timeline(ctx, actor or None, type or None, modality or None, measure or None, start or None,
                               end or None, offset, limit)
        matching = result.pop("matching")
        if wants_json(request):
            return JSONResponse(result)
        key = f"timeline_svg|{urlencode(sorted((k, v or '') for k, v in result['filters'].items()))}|{lanes}"
        chart = ctx.cache.get(key, lambda: charts.timeline_svg(matching, lanes, result["window"]))
        return respond(request, "timeline.html", result, chart=chart, lanes=lanes,
                       options=data.timeline_filters(ctx), query=_query(request))

    @twin("/commitments", summary="The commitments ledger")
    def commitments(request: Request, measure: Optional[str] = None, actor: Optional[str] = None,
                    status: Optional[str] = None, offset: int = Query(0, ge=0),
                    limit: int = Query(data.PAGE, ge=1, le=500)):
        return respond(request, "commitments.html",
                       data.commitments(ctx, measure or None, actor or None, status or None, offset, limit),
                       query=_query(request))

    @twin("/conflicts", summary="Disagreements between sources, sides side by side")
    def conflicts(request: Request, type: Optional[str] = None, offset: int = Query(0, ge=0),
                  limit: int = Query(data.PAGE, ge=1, le=500)):
        return respond(request, "conflicts.html", data.conflicts(ctx, type or None, offset, limit),
                       query=_query(request))

    @twin("/actors", summary="Actors by mentions, and the network of who did what to whom")
    def actors(request: Request, type: Optional[str] = None, event_type: Optional[str] = None,
               offset: int = Query(0, ge=0), limit: int = Query(data.PAGE, ge=1, le=500)):
        result = data.actors(ctx, type or None, event_type or None, offset, limit)
        if wants_json(request):
            return JSONResponse(result)
        key = f"network_svg|{type}|{event_type}"
        picture = ctx.cache.get(key, lambda: charts.network_svg(result["network"]))
        return respond(request, "actors.html", result, picture=picture, query=_query(request))

    @twin("/actors/{name:path}", summary="One actor: knowledge, roles, events, figures, documents")
    def actor(request: Request, name: str, offset: int = Query(0, ge=0), limit: int = Query(20, ge=1, le=500)):
        result = data.actor(ctx, name, offset, limit)
        if result is None:
            raise HTTPException(404, f"no actor named {name!r} in this store")
        return respond(request, "actor.html", result, query=_query(request))

    @twin("/documents", summary="Documents, newest first, or matching a full-text search")
    def documents(request: Request, q: Optional[str] = Query(None, description="words every document must contain"),
                  offset: int = Query(0, ge=0), limit: int = Query(data.PAGE, ge=1, le=500)):
        return respond(request, "documents.html", data.documents(ctx, q, offset, limit), query=_query(request))

    @twin("/documents/{doc_id}", summary="One document: its text and every fact at its offsets")
    def document(request: Request, doc_id: str,
                 quote: Optional[str] = Query(None, description="a quote to mark and scroll to")):
        result = data.document(ctx, doc_id, quote)
        if result is None:
            raise HTTPException(404, f"no document {doc_id!r} in this store")
        if wants_json(request):
            return JSONResponse(result)
        found, panel = marks.marks_of(result["facts"], result["quote_at"])
        return respond(request, "document.html", result, pieces=marks.pieces(result["document"]["text"], found),
                       panel=panel)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request):
        return templates.TemplateResponse(request, "apidocs.html", {"api": app.openapi(), "page": "docs"})

    mount_ingest(app, respond, twin)
    return app


def _query(request: Request) -> dict:
    """The request's query parameters, for links that change one of them (pages, filters)."""
    return dict(request.query_params)
