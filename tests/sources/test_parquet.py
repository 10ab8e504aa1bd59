"""Parquet corpora read like JSONL corpora: the same columns, the same documents, one error a bad row."""
from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq

from pactwatch import sources
from pactwatch.errors import InputError

ROWS = [
    {"id": "a1", "url": None, "title": "Harbour pact signed", "text": "Two navies agreed to share a harbour on Monday.",
     "published": "2025-03-03", "publisher": "Coastal Wire"},
    {"id": "a2", "url": "https://example.org/b", "title": None, "text": "The ministers met again in May.",
     "published": None, "publisher": None},
    {"id": "a3", "url": None, "title": "Blank", "text": "   ", "published": None, "publisher": None},
]


def _write(path, rows, schema=None):
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return str(path)


def test_parquet_rows_become_the_same_documents_as_jsonl_lines(tmp_path):
    parquet = _write(tmp_path / "corpus.parquet", ROWS[:2])
    jsonl = tmp_path / "corpus.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in ROWS[:2]), encoding="utf-8")
    from_parquet = list(sources.read([parquet]))
    from_jsonl = list(sources.read([str(jsonl)]))
    assert [d.doc_id for d in from_parquet] == [d.doc_id for d in from_jsonl]
    fields = lambda docs: [(d.title, d.published, d.publisher, d.text) for d in docs]  # noqa: E731
    assert fields(from_parquet) == fields(from_jsonl)
    assert fields(from_parquet)[0][:3] == ("Harbour pact signed", "2025-03-03", "Coastal Wire")
    assert from_parquet[0].source == f"{parquet}#a1" and from_parquet[1].source == "https://example.org/b"


def test_parquet_a_bad_row_is_its_own_error_and_the_rest_go_in(tmp_path):
    items = list(sources.read([_write(tmp_path / "c.parquet", ROWS)]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(items) == 3 and len(errors) == 1
    assert "row 3" in errors[0].reason and "empty" in errors[0].reason


def test_parquet_a_column_of_the_wrong_type_is_named(tmp_path):
    schema = pa.schema([("text", pa.string()), ("title", pa.int64())])
    items = list(sources.read([_write(tmp_path / "c.parquet", [{"text": "Allies met.", "title": 7}], schema)]))
    assert isinstance(items[0], InputError) and "field 'title' is a number" in items[0].reason


def test_parquet_without_text_or_html_says_which_columns_it_needs(tmp_path):
    items = list(sources.read([_write(tmp_path / "c.parquet", [{"body": "Allies met."}])]))
    assert len(items) == 1 and "needs a 'text' or 'html' column" in items[0].reason


def test_a_file_named_parquet_that_is_not_one_is_one_line(tmp_path):
    fake = tmp_path / "fake.parquet"
    fake.write_bytes(b"this is plain text, not Parquet")
    items = list(sources.read([str(fake)]))
    assert len(items) == 1 and isinstance(items[0], InputError) and "not a readable Parquet file" in items[0].reason
