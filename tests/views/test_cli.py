"""The CLI, run in-process: exit codes and exact output lines."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pactwatch.views.cli import app

ARTICLE = """Allies Agree on Shipyard Fund

By Mina Park
Published on March 3, 2025

Seoul and Washington agreed on Monday to set up a $20 billion fund for shipyards in the United States,
officials said. South Korea will pay 60 percent of the cost.
"""


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "fund.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def run(*args):
    result = CliRunner().invoke(app, list(args))
    return result


def test_cli_ingest_reports_new_then_unchanged(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    first = run("ingest", str(corpus), "--db", db)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("ingested: 1 new, 0 unchanged, 0 failed; ")
    second = run("ingest", str(corpus), "--db", db)
    assert second.stdout.startswith("ingested: 0 new, 1 unchanged, 0 failed; 0 facts")
    forced = run("ingest", str(corpus), "--db", db, "--force")
    assert forced.stdout.startswith("ingested: 1 new, 0 unchanged, 0 failed; ")


def test_cli_bad_input_is_one_line_and_others_still_go_in(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    result = run("ingest", str(tmp_path / "missing.txt"), str(corpus), "--db", db)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.strip().splitlines()[0].startswith(f"Error: {tmp_path / 'missing.txt'}: ")
    assert "1 new, 0 unchanged, 1 failed" in result.stdout


def test_cli_export_jsonl_follows_the_contract(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    run("ingest", str(corpus), "--db", db)
    result = run("export", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    kinds = {r["kind"] for r in records}
    assert "document" in kinds and "entity" in kinds
    doc = next(r for r in records if r["kind"] == "document")
    assert set(doc) >= {"doc_id", "source", "title", "authors", "published", "publisher", "text_sha256"}
    text = ARTICLE
    for r in records:
        if r["kind"] in ("quantity", "event"):
            assert text[r["start"]:r["end"]] == r["quote"]
        if r["kind"] == "entity":
            assert all(text[m["start"]:m["end"]] in r["aliases"] for m in r["mentions"])


@pytest.mark.parametrize("fmt, ext", [("csv", "csv"), ("parquet", "parquet")])
def test_cli_export_tables_one_file_per_kind(corpus, tmp_path, fmt, ext):
    db = str(tmp_path / "t.db")
    run("ingest", str(corpus), "--db", db)
    out = tmp_path / "out"
    result = run("export", "--db", db, "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{k}.{ext}" for k in ("document", "entity", "timex", "quantity", "event", "conflict"))


def test_cli_export_table_format_needs_a_folder(tmp_path):
    result = run("export", "--db", str(tmp_path / "t.db"), "--format", "csv")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: --format csv writes one file per kind or document: give a folder")


def test_cli_unknown_format_is_named(tmp_path):
    result = run("export", "--db", str(tmp_path / "t.db"), "--format", "xml")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: unknown export format 'xml'; use one of jsonl, csv, parquet, timeml"


def test_cli_docs_and_facts_json(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    run("ingest", str(corpus), "--db", db)
    docs = json.loads(run("docs", "--db", db, "--json").stdout)
    assert len(docs) == 1 and docs[0]["source"].endswith("fund.txt")
    entities = json.loads(run("facts", "--db", db, "--kind", "entity", "--json").stdout)
    assert entities and all(e["kind"] == "entity" for e in entities)
    bad = run("facts", "--db", db, "--kind", "rumour")
    assert bad.exit_code == 1 and bad.stderr.strip() == "Error: unknown kind 'rumour'; use one of entity, timex, quantity, event"
    nodoc = run("facts", "--db", db, "--doc", "ffff")
    assert nodoc.exit_code == 1 and "no document with id 'ffff'" in nodoc.stderr


def test_cli_db_from_environment(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("PACTWATCH_DB", str(tmp_path / "env.db"))
    assert run("ingest", str(corpus)).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_cli_every_command_has_help():
    for name in ("ingest", "export", "docs", "facts", "actors", "events", "timeline", "commitments",
                 "conflicts", "brief"):
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage:" in result.stdout


def test_cli_views_run_on_a_store(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    run("ingest", str(corpus), "--db", db)
    for name in ("timeline", "commitments", "conflicts"):
        result = run(name, "--db", db, "--json")
        assert result.exit_code == 0, (name, result.output)
        assert isinstance(json.loads(result.stdout), list)
    brief = run("brief", "--db", db, "-o", str(tmp_path / "brief.md"))
    assert brief.exit_code == 0 and (tmp_path / "brief.md").read_text().startswith("#")
    bad = run("brief", "--db", db, "--format", "pdf")
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: ")
