"""JSONL corpora: one record a line; source naming; malformed lines named by number."""
from __future__ import annotations

import json

import pytest

from pactwatch.documents.model import Document
from pactwatch.errors import InputError
from pactwatch.sources import read

BODY = "The orchard cooperative sold its whole apple crop before the first frost, its chair said."


def corpus(tmp_path, lines: list) -> str:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(l if isinstance(l, str) else json.dumps(l) for l in lines) + "\n", encoding="utf-8")
    return str(path)


def test_jsonl_source_is_url_else_id_else_line(tmp_path):
    path = corpus(tmp_path, [
        {"url": "https://news.example/a", "id": "x1", "text": BODY},
        {"id": 42, "text": BODY + " Again."},
        "",
        {"text": BODY + " Once more."},
    ])
    assert [d.source for d in read([path])] == ["https://news.example/a", f"{path}#42", f"{path}#4"]


def test_jsonl_record_fields_override_layout(tmp_path):
    text = "Orchard Sells Out Early\n\nBy Nell Arden\nPublished on May 2, 2024\n\n" + BODY
    path = corpus(tmp_path, [
        {"text": text},
        {"text": text, "title": "Apple Crop Sold", "authors": "Ravi Mehta; Lou Park",
         "published": "2024-05-03T08:00:00Z", "publisher": "Farm Gazette"},
    ])
    from_layout, from_record = read([path])
    assert (from_layout.title, from_layout.authors, from_layout.published) == \
        ("Orchard Sells Out Early", ["Nell Arden"], "2024-05-02")
    assert (from_record.title, from_record.authors, from_record.published, from_record.publisher) == \
        ("Apple Crop Sold", ["Ravi Mehta", "Lou Park"], "2024-05-03", "Farm Gazette")
    assert from_record.format == "jsonl" and from_record.text == text


def test_jsonl_html_record_goes_through_extraction(tmp_path):
    html = ("<html><body><nav>Menu</nav><article><h1>Orchard Sells Out Early</h1><p>" + BODY + " " + BODY +
            "</p></article></body></html>")
    doc, = read([corpus(tmp_path, [{"id": "h", "html": html}])])
    assert "orchard cooperative" in doc.text and "<p>" not in doc.text


@pytest.mark.parametrize("bad_line, reason", [
    ('{"text": "unterminated', "line 2: malformed JSONL"),
    ('["a", "list"]', "line 2: malformed JSONL"),
    ('{"id": "no-body"}', "line 2: malformed JSONL (the record has neither 'text' nor 'html')"),
    ('{"text": "   "}', "line 2: empty"),
])
def test_jsonl_bad_line_is_named_and_others_still_read(tmp_path, bad_line, reason):
    path = corpus(tmp_path, [{"text": BODY}, bad_line, {"text": BODY + " Later."}])
    items = list(read([path]))
    assert [type(i) for i in items] == [Document, InputError, Document]
    assert items[1].source == path and reason in items[1].reason


def test_jsonl_size_limit_applies_per_record(tmp_path):
    path = corpus(tmp_path, [{"text": "short one"}, {"text": "x" * 500}])
    items = list(read([path], max_bytes=200))
    assert isinstance(items[0], Document)
    assert isinstance(items[1], InputError) and items[1].source == path and items[1].reason.startswith("line 2: is 5") and "--max-bytes" in items[1].reason
