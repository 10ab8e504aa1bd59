"""The library API a notebook calls: ingest and export without the CLI."""
from __future__ import annotations

import io
import json

import pactwatch
from pactwatch.documents.model import Document

TEXT = ("Tokyo and Canberra signed a logistics pact on Friday, officials said.\n\n"
        "The two governments will hold joint drills next spring.\n")


def test_api_ingest_then_export_round_trip(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "a.db")
    report = pactwatch.ingest([str(tmp_path / "a.txt")], db=db)
    assert (report.new, report.unchanged, report.failed) == (1, 0, 0)
    assert report.facts > 0 and len(report.doc_ids) == 1
    buf = io.StringIO()
    n = pactwatch.export(db=db, format="jsonl", out=buf)
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert n == len(lines)
    doc = lines[0]
    assert doc["kind"] == "document" and doc["doc_id"] == Document("x", TEXT).doc_id
    assert "text" not in doc  # the export carries the text's hash, not the text


def test_api_same_text_twice_in_one_run_is_unchanged(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace("\n\n", "\n  \n"), encoding="utf-8")  # white space only
    report = pactwatch.ingest([str(tmp_path)], db=str(tmp_path / "a.db"))
    assert (report.new, report.unchanged) == (1, 1)


def test_api_progress_callback_sees_every_input(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    seen = []
    pactwatch.ingest([str(tmp_path / "a.txt"), str(tmp_path / "nope.txt")], db=str(tmp_path / "a.db"),
                     on_progress=lambda status, source: seen.append(status))
    assert sorted(seen) == ["failed", "new"]
