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
    assert result.stderr.strip().splitlines()[0].startswith(f"Error: [E001] {tmp_path / 'missing.txt'}: ")
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
    assert result.stderr.startswith("Error: [E040] --format csv writes one file per kind or document: give a folder")


def test_cli_unknown_format_is_named(tmp_path):
    result = run("export", "--db", str(tmp_path / "t.db"), "--format", "xml")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: [E040] unknown export format 'xml'; use one of jsonl, csv, parquet, timeml"


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


# ------------------------------------------------------------------ robustness (issue 12)

def _stored(tmp_path, records: list[dict]) -> str:
    """A store holding one document and the given fact records, built without the pipeline."""
    from pactwatch.store import Store
    db = str(tmp_path / "r.db")
    text = "=HYPERLINK(\"http://evil.example\",\"click\") said the minister.\u2028Next line."
    Store(db).add({"doc_id": "a" * 64, "source": "@Donald Trump.txt", "title": "-2+3", "authors": ["+Lee"],
                   "published": "2025-03-03", "text_sha256": "0" * 64, "captions": [], "text": text}, records)
    return db


def test_cli_csv_export_neutralises_formulas(tmp_path):
    import csv
    db = _stored(tmp_path, [{"kind": "quantity", "measure": "pledge", "value": -5.0, "unit": "USD",
                             "holder": "@Donald Trump", "quote": "=cmd|' /C calc'!A0", "start": 0, "end": 10}])
    assert run("export", "--db", db, "-f", "csv", "-o", str(tmp_path / "csv")).exit_code == 0
    doc, = csv.DictReader(open(tmp_path / "csv" / "document.csv", encoding="utf-8"))
    qty, = csv.DictReader(open(tmp_path / "csv" / "quantity.csv", encoding="utf-8"))
    assert (doc["source"], doc["title"]) == ("'@Donald Trump.txt", "'-2+3")
    assert (qty["holder"], qty["quote"]) == ("'@Donald Trump", "'=cmd|' /C calc'!A0")
    assert qty["value"] == "-5.0"      # a number stays a number


def test_cli_jsonl_export_is_strict_json_one_record_a_line(tmp_path):
    db = _stored(tmp_path, [{"kind": "quantity", "measure": "pledge", "value": float("inf"), "unit": "USD",
                             "quote": "said\u2028the\u2029minister\x85", "start": 0, "end": 10}])
    result = run("export", "--db", db)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()           # splits on U+2028, U+2029 and U+0085 too
    records = [json.loads(line, parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}")) for line in lines]
    assert [r["kind"] for r in records] == ["document", "quantity"]
    assert records[1]["value"] is None and records[1]["quote"] == "said\u2028the\u2029minister\x85"


def test_cli_export_and_brief_never_overwrite_the_database(tmp_path):
    from pactwatch.store import Store
    db = _stored(tmp_path, [])
    for args in (["export", "--db", db, "-o", db], ["brief", "--db", db, "-o", db]):
        result = run(*args)
        assert result.exit_code == 1 and "is the store itself" in result.stderr
    other = tmp_path / "other.db"
    other.write_bytes(open(db, "rb").read())
    result = run("export", "--db", db, "-o", str(other))
    assert result.exit_code == 1 and "is an SQLite database" in result.stderr
    assert Store(db).count("document") == 1


def test_cli_export_of_a_damaged_store_is_one_line_and_no_output(tmp_path):
    import sqlite3
    db = _stored(tmp_path, [{"kind": "timex", "text": "2025", "start": 0, "end": 4, "type": "DATE", "value": "2025"}])
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE timexes SET extra = '{broken'")
    result = run("export", "--db", db)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: [E030] the database's timexes table cannot be read")
    out = tmp_path / "out.jsonl"
    assert run("export", "--db", db, "-o", str(out)).exit_code == 1 and not out.exists()


def test_cli_control_characters_in_file_names_never_reach_the_terminal(tmp_path):
    name = tmp_path / "evil\x1b[2J\x1b]0;owned\x07.txt"
    name.write_bytes(b"")
    result = run("ingest", str(name), "--db", str(tmp_path / "a.db"))
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "evil\\x1b[2J" in result.stderr


@pytest.mark.parametrize("size", ["0", "-3"])
def test_cli_bad_batch_size_is_one_line(corpus, tmp_path, size):
    result = run("ingest", str(corpus), "--db", str(tmp_path / "a.db"), "--batch-size", size)
    assert result.exit_code == 1 and result.stderr.startswith("Error: [E040] --batch-size must be")
    assert "Traceback" not in result.output


def test_cli_mysql_and_postgres_password_are_one_clean_line(tmp_path):
    result = run("docs", "--db", "mysql://root:pw@localhost/x")
    assert result.exit_code == 1 and result.stderr.startswith("Error: [E030] unsupported database mysql://")
    result = run("docs", "--db", "postgresql://analyst:s3cret-pw@127.0.0.1:1/none")
    assert result.exit_code == 1 and "s3cret-pw" not in result.output and result.stderr.startswith("Error: ")


def test_cli_timeml_export_of_a_corpus_writes_one_file_per_record(tmp_path):
    from pactwatch.store import Store
    db = str(tmp_path / "c.db")
    store = Store(db)
    for n in range(1, 6):
        store.add({"doc_id": f"{n:064d}", "source": f"/data/corpus.jsonl#{n}", "authors": [], "captions": [],
                   "text_sha256": "0" * 64, "text": f"Talks resumed in 202{n}."},
                  [{"kind": "timex", "text": f"202{n}", "start": 16, "end": 20, "type": "DATE", "value": f"202{n}"}])
    result = run("export", "--db", db, "-f", "timeml", "-o", str(tmp_path / "tml"))
    assert result.exit_code == 0 and "exported 5 records" in result.stderr
    files = sorted((tmp_path / "tml").glob("*.tml"))
    assert len(files) == 5
    assert sorted(f.read_text().count('value="202') for f in files) == [1] * 5


def test_cli_tables_show_control_characters_from_stored_text_as_escapes(tmp_path):
    from pactwatch.store import Store
    db = str(tmp_path / "t.db")
    Store(db).add({"doc_id": "c" * 64, "source": "feed\x1b[31mred.txt", "title": "Title\x1b]0;owned\x07",
                   "authors": [], "text_sha256": "0" * 64, "captions": [], "text": "words"}, [])
    result = run("docs", "--db", db)
    assert result.exit_code == 0 and "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b" in result.stdout


def _two_documents(tmp_path) -> str:
    """Two documents naming one unlinked body two ways, and a linked state, built without the pipeline."""
    from pactwatch.store import Store
    db = str(tmp_path / "m.db")
    store = Store(db)
    for doc_id, name, quote in (("a" * 64, "The Quay Fund", "The Quay Fund met Freedonia."),
                                ("b" * 64, "Quay Fund", "Quay Fund met Freedonia.")):
        store.add({"doc_id": doc_id, "source": f"{doc_id[0]}.txt", "title": None, "authors": [], "published": "2025-03-03",
                   "text_sha256": doc_id, "captions": [], "text": quote},
                  [{"kind": "entity", "doc_id": doc_id, "name": name, "type": "ORG", "kb_id": None, "aliases": [name],
                    "mentions": [{"start": 0, "end": len(name)}]},
                   {"kind": "entity", "doc_id": doc_id, "name": "Freedonia", "type": "GPE", "kb_id": "Q7",
                    "aliases": ["Freedonia"], "mentions": [{"start": len(name) + 5, "end": len(name) + 14}]},
                   {"kind": "event", "doc_id": doc_id, "type": "CONSULT", "source": [name], "target": ["Freedonia"],
                    "date": None, "location": None, "modality": "asserted", "quote": quote, "start": 0,
                    "end": len(quote), "span_start": len(name) + 1, "span_end": len(name) + 4, "span_text": "met"}])
    return db


def test_cli_actors_merge_as_reconcile_does_by_name_key_across_documents(tmp_path):
    from pactwatch.reconcile import merge_entities
    from pactwatch.store import Store
    db = _two_documents(tmp_path)
    rows = json.loads(run("actors", "--db", db, "--json").stdout)
    assert sorted((r["name"], len(r["documents"]), r["mentions"]) for r in rows) == [
        ("Freedonia", 2, 2), ("The Quay Fund", 2, 2)]
    merged = merge_entities(Store(db).records("entity"))
    assert {(e["name"], tuple(e["doc_ids"])) for e in merged} == {(r["name"], tuple(r["documents"])) for r in rows}


def test_cli_events_actor_filter_compares_name_keys(tmp_path):
    db = _two_documents(tmp_path)
    rows = json.loads(run("events", "--db", db, "--actor", "the quay fund", "--json").stdout)
    assert len(rows) == 2
    assert json.loads(run("events", "--db", db, "--actor", "Quay", "--json").stdout) == []
