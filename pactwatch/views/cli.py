"""The `pactwatch` command: a thin layer over pactwatch.api and the views. Each command opens the
store, calls one library function and prints a table (or JSON with --json). A user's mistake is
one line `Error: …` and a non-zero exit, never a traceback; an error of pactwatch's own shows its code
(`Error: [E020] …`, see errors.py)."""
from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from .. import __version__
from ..errors import PactwatchError, coded

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="pactwatch: who committed what to whom, when, how much and how firmly — every fact with its source.")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DB_HELP = "SQLite file or postgresql:// URL (default ./pactwatch.db, or $PACTWATCH_DB)"
DbOption = typer.Option(None, "--db", help=DB_HELP)
JsonOption = typer.Option(False, "--json", help="print JSON instead of a table")


def shown(text: str, lines: bool = False) -> str:
    """Text from outside (file names, URLs, article words) as it may reach a terminal: control
    characters, ANSI escapes among them, written as visible escapes instead of obeyed (`lines`:
    line ends kept, for multi-line renderings)."""
    keep = " \n" if lines else " "
    return "".join(ch if ch.isprintable() or ch in keep else ch.encode("unicode_escape").decode("ascii")
                   for ch in str(text))


def fail(message: str, code: int = 1):
    err.print(f"Error: {shown(message)}", markup=False)
    raise typer.Exit(code)


def handles_errors(fn):
    """Known errors become one line on stderr and exit 1."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except PactwatchError as e:
            fail(coded(e))
        except BrokenPipeError:  # `pactwatch export | head` is fine
            sys.stderr.close()
            raise typer.Exit(0)
    return wrapper


def _store(db):
    """The store for a command that only reads it: opened read-only when it cannot be written."""
    from ..store import Store
    return Store(db, write=False)


def refuse_overwriting_a_database(output: str, db: Optional[str]) -> None:
    """`-o` naming the store itself (or any SQLite database) would destroy it; say so instead."""
    from ..store import default_db
    target = Path(output)
    if not target.is_file():
        return
    store_file = Path(db or default_db())
    try:
        same = store_file.is_file() and target.samefile(store_file)
        with open(target, "rb") as f:
            database = f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return
    if same or database:
        fail(f"{output} is {'the store itself' if same else 'an SQLite database'}; "
             f"write the output to another file")


def _emit_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _table(title: str, columns: list[str], rows: list[list]) -> None:
    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*["" if v is None else shown(v) for v in r])
    out.print(table)


def _doc_filter(store, doc: Optional[str]) -> Optional[str]:
    if not doc:
        return None
    doc_id = store.resolve_doc(doc)
    if doc_id is None:
        fail(f"no document with id {doc!r} (or the prefix matches several); see `pactwatch docs`")
    return doc_id


@app.command()
@handles_errors
def ingest(inputs: List[str] = typer.Argument(..., help="files, folders, - for stdin, http(s) URLs, .jsonl corpora"),
           db: Optional[str] = DbOption,
           force: bool = typer.Option(False, "--force", help="re-extract documents already stored"),
           kb: List[Path] = typer.Option([], "--kb", help="a folder of knowledge files (or one file) that add to the built-in ones; see README, Adding knowledge"),
           max_bytes: int = typer.Option(20_000_000, "--max-bytes", help="largest input accepted, in bytes"),
           batch_size: int = typer.Option(8, "--batch-size", help="documents per spaCy batch (memory grows with it)"),
           allow_private_urls: bool = typer.Option(
               False, "--allow-private-urls",
               help="also fetch URLs on loopback, private and link-local addresses (a local mirror); refused by default"),
           timeout: float = typer.Option(20.0, "--timeout", help="seconds one URL fetch may take in all"),
           workers: Optional[int] = typer.Option(None, "--workers", help="extraction processes (default: the cores available; 1 = this process alone); with --engine ray, the extraction actors"),
           engine: str = typer.Option("local", "--engine", help="local (this machine) or ray (a Ray cluster: pip install 'pactwatch[ray]')"),
           address: Optional[str] = typer.Option(None, "--address", help="the Ray cluster to use with --engine ray, e.g. ray://head:10001 (default: start a local Ray)")):
    """Read articles, extract their facts, and store them."""
    from .. import api

    progress = None
    task = None
    if sys.stderr.isatty():
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
        progress = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} docs"),
                            TimeElapsedColumn(), console=err, transient=True)
        progress.start()
        task = progress.add_task("ingesting", total=None)

    def on_progress(status: str, source: str) -> None:
        if progress is not None:
            progress.update(task, advance=1, description=shown(f"{status}: {Path(source).name[:40]}"))

    try:
        report = api.ingest(inputs, db=db, force=force, kb_dirs=[str(k) for k in kb], max_bytes=max_bytes,
                            batch_size=batch_size, on_progress=on_progress, allow_private_urls=allow_private_urls,
                            timeout=timeout, workers=workers, engine=engine, address=address)
    finally:
        if progress is not None:
            progress.stop()
    for e in report.errors:
        err.print(f"Error: {shown(coded(e))}", markup=False)
    for w in report.warnings:
        err.print(f"Warning: {shown(w)}", markup=False)
    out.print(f"ingested: {report.summary()}", markup=False)
    if report.engine.workers > 1 or report.engine.engine != "local":
        err.print(report.engine.summary(), markup=False)
    if report.failed:
        raise typer.Exit(1)


@app.command()
@handles_errors
def export(db: Optional[str] = DbOption,
           format: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, parquet or timeml"),
           output: Optional[str] = typer.Option(None, "-o", "--output", help="file (jsonl) or folder (csv, parquet, timeml); jsonl defaults to stdout")):
    """Write every record (document, entity, timex, quantity, event, conflict) as FORMAT.md describes."""
    from .. import api
    if output and output != "-":
        refuse_overwriting_a_database(output, db)
    n = api.export(db=db, format=format, out=output)
    if output and output != "-":
        err.print(shown(f"exported {n} records to {output}"), markup=False)


@app.command()
@handles_errors
def docs(db: Optional[str] = DbOption, as_json: bool = JsonOption):
    """The documents in the store."""
    store = _store(db)
    rows = store.documents()
    if as_json:
        return _emit_json(rows)
    _table("documents", ["id", "published", "title", "source"],
           [[d["doc_id"][:12], d["published"] or "—", d["title"] or "—", d["source"]] for d in rows])


FACT_COLUMNS = {
    "entity": ["name", "type", "kb_id", "aliases"],
    "timex": ["text", "type", "value"],
    "quantity": ["measure", "value", "unit", "holder", "target", "status", "time", "quote"],
    "event": ["type", "source", "target", "date", "modality", "quote"],
}


@app.command()
@handles_errors
def facts(db: Optional[str] = DbOption,
          kind: Optional[str] = typer.Option(None, "--kind", help="entity, timex, quantity or event"),
          doc: Optional[str] = typer.Option(None, "--doc", help="a document id (or a unique prefix)"),
          as_json: bool = JsonOption):
    """The facts extracted, by kind."""
    if kind is not None and kind not in FACT_COLUMNS:
        fail(f"unknown kind {kind!r}; use one of {', '.join(FACT_COLUMNS)}")
    store = _store(db)
    doc_id = _doc_filter(store, doc)
    kinds = [kind] if kind else list(FACT_COLUMNS)
    data = {k: list(store.records(k, [doc_id] if doc_id else None)) for k in kinds}
    if as_json:
        return _emit_json(data if not kind else data[kind])
    for k in kinds:
        cols = FACT_COLUMNS[k]
        _table(f"{k} ({len(data[k])})", ["doc"] + cols,
               [[r["doc_id"][:8]] + [_cell(r.get(c)) for c in cols] for r in data[k]])


def _cell(v):
    if isinstance(v, list):
        return ", ".join(map(str, v))
    if isinstance(v, float) and v.is_integer():
        return f"{int(v):,}"
    return v


@app.command()
@handles_errors
def actors(db: Optional[str] = DbOption, doc: Optional[str] = typer.Option(None, "--doc", help="one document"),
           as_json: bool = JsonOption):
    """Canonical actors with their knowledge-base ids, mention counts and documents."""
    from ..reconcile.entities import merge_entities
    store = _store(db)
    doc_id = _doc_filter(store, doc)
    # the same merge the brief and reconcile use (knowledge.identity): kb id, else name key and type
    rows = [{"name": e["name"], "type": e["type"], "kb_id": e["kb_id"], "mentions": e["mention_count"],
             "documents": e["doc_ids"], "aliases": e["aliases"]}
            for e in merge_entities(store.records("entity", [doc_id] if doc_id else None))]
    rows.sort(key=lambda m: (-m["mentions"], m["name"]))
    if as_json:
        return _emit_json(rows)
    _table("actors", ["name", "type", "kb id", "mentions", "documents", "aliases"],
           [[m["name"], m["type"], m["kb_id"] or "—", m["mentions"], len(m["documents"]), ", ".join(m["aliases"][:6])]
            for m in rows])


@app.command()
@handles_errors
def events(db: Optional[str] = DbOption,
           type: Optional[str] = typer.Option(None, "--type", help="a PLOVER type, e.g. CONSULT"),
           actor: Optional[str] = typer.Option(None, "--actor", help="source or target actor (canonical name)"),
           modality: Optional[str] = typer.Option(None, "--modality", help="asserted, planned, speculative or negated"),
           as_json: bool = JsonOption):
    """Events: who did what to whom, when, and whether it happened."""
    from ..knowledge.identity import norm_name
    store = _store(db)
    rows = [e for e in store.records("event")
            if (not type or e["type"] == type.upper())
            and (not modality or e["modality"] == modality.lower())
            and (not actor or norm_name(actor) in {norm_name(a) for a in (e["source"] or []) + (e["target"] or [])})]
    rows.sort(key=lambda e: (e.get("date") or "~", e["doc_id"], e["start"]))
    if as_json:
        return _emit_json(rows)
    _table(f"events ({len(rows)})", FACT_COLUMNS["event"], [[_cell(e.get(c)) for c in FACT_COLUMNS["event"]] for e in rows])


@app.command()
@handles_errors
def timeline(db: Optional[str] = DbOption,
             actor: Optional[str] = typer.Option(None, "--actor", help="only entries involving this actor"),
             start: Optional[str] = typer.Option(None, "--from", help="earliest date, e.g. 2025-06"),
             end: Optional[str] = typer.Option(None, "--to", help="latest date, e.g. 2025-12-31"),
             as_json: bool = JsonOption):
    """Dated events and amounts in order, merged across documents, each with its sources."""
    from .timeline import render_timeline, timeline as build
    entries = build(_store(db), actor=actor, start=start, end=end)
    if as_json:
        return _emit_json(entries)
    out.print(shown(render_timeline(entries), lines=True), markup=False)


@app.command()
@handles_errors
def commitments(db: Optional[str] = DbOption, as_json: bool = JsonOption,
                quotes: bool = typer.Option(False, "--quotes", help="each step of each history with its quotes and sources"),
                kb: List[Path] = typer.Option([], "--kb", help="the knowledge folders the store was ingested with "
                                              "(their ledger_words.toml and currency rates count here too)")):
    """Where things stand: each commitment's state now, since when, and its history, with its sources."""
    from .commitments import commitments as build, ledger_rows, render_commitments
    entries = build(_store(db), [str(k) for k in kb])
    if as_json:
        return _emit_json(entries)
    if quotes:
        return out.print(render_commitments(entries), markup=False)
    columns = ["commitment", "now", "since", "history", "sources"]
    figures = [e for e in entries if e["kind"] == "figure"]
    others = [e for e in entries if e["kind"] != "figure"]
    _table(f"commitments ({len(figures)})", columns, ledger_rows(figures))
    if others:
        _table(f"without a number ({len(others)})", columns, ledger_rows(others))


@app.command()
@handles_errors
def conflicts(db: Optional[str] = DbOption, as_json: bool = JsonOption):
    """Statements that cannot all be true, each with its quotes and sources."""
    from .brief import conflicts as build, render_conflicts
    records = build(_store(db))
    if as_json:
        return _emit_json(records)
    out.print(shown(render_conflicts(records), lines=True), markup=False)


@app.command()
@handles_errors
def brief(db: Optional[str] = DbOption,
          output: Optional[str] = typer.Option(None, "-o", "--output", help="write to this file instead of stdout"),
          format: str = typer.Option("md", "--format", "-f", help="md or html"),
          kb: List[Path] = typer.Option([], "--kb", help="the knowledge folders the store was ingested with "
                                        "(their ledger_words.toml and reconciliation's knowledge count here too)")):
    """The brief an analyst hands a colleague: where things stand, what changed, where sources disagree, then the detail."""
    from .brief import brief as build
    if output and output != "-":
        refuse_overwriting_a_database(output, db)
    store, kb_dirs = _store(db), [str(k) for k in kb]
    text = build(store, format=format, kb_dirs=kb_dirs)
    if output and output != "-":
        if format == "md":  # the timeline and network pictures as SVG files beside it, linked at its end
            from .web.brief import write_pictures
            text += write_pictures(store, Path(output), kb_dirs)
        Path(output).write_text(text, encoding="utf-8")
        err.print(f"wrote {output}", markup=False)
    elif format == "md" and sys.stdout.isatty():  # a reader at a terminal: Markdown rendered; a pipe gets the source
        from rich.markdown import Markdown
        out.print(Markdown(text))
    else:
        sys.stdout.write(text)


@app.command()
@handles_errors
def serve(db: Optional[str] = DbOption,
          host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (127.0.0.1: this machine only)"),
          port: int = typer.Option(8000, "--port", help="port to listen on"),
          token: Optional[str] = typer.Option(None, "--token", envvar="PACTWATCH_TOKEN",
                                              help="token required to ingest (default $PACTWATCH_TOKEN); "
                                                   "without one, only this machine may ingest"),
          kb: Optional[List[str]] = typer.Option(None, "--kb", help="extra knowledge folder or file for ingests (repeatable)")):
    """The web UI and REST API: every page also as .json, API docs at /docs."""
    from .web.serve import run
    run(db, host, port, token, tuple(kb or ()), err)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--version":
        print(f"pactwatch {__version__}")
        return
    app()
