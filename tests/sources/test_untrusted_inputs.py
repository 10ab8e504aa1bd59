"""Inputs a careless or hostile user feeds pactwatch: each is one clear error (or read as well as it
can be) and never stops the run, eats memory or hangs."""
from __future__ import annotations

import json
import os

import pytest

from pactwatch.documents.model import Document
from pactwatch.errors import InputError
from pactwatch.sources import read

ARTICLE = "Ministers met in Lisbon on Tuesday to discuss fishing quotas for the coming season.\n"


def _docs_and_errors(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


# ------------------------------------------------------------------ item 3: non-regular files

def test_link_to_a_device_is_refused_not_read(tmp_path):
    link = tmp_path / "zeros.txt"
    link.symlink_to("/dev/zero")
    error, = read([str(link)])
    assert isinstance(error, InputError) and "not a regular file (a device)" in error.reason


@pytest.mark.timeout(10)
def test_fifo_is_refused_not_waited_on_also_inside_a_folder(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(ARTICLE)
    docs, errors = _docs_and_errors(read([str(tmp_path / "pipe.txt"), str(tmp_path)]))
    assert len(docs) == 1 and docs[0].text == ARTICLE
    assert [e.reason for e in errors] == ["not a regular file (a FIFO); pactwatch reads regular files only"] * 2


def test_unreadable_subfolder_is_named(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(ARTICLE)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "hidden.txt").write_text(ARTICLE + "More.")
    real_scandir = os.scandir

    def scandir(path="."):   # as a folder without read permission answers (root could read it anyway)
        if os.fspath(path) == str(closed):
            raise PermissionError(13, "Permission denied", str(closed))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, errors = _docs_and_errors(read([str(tmp_path)]))
    assert len(docs) == 1
    assert len(errors) == 1 and errors[0].source == str(closed) and "folder not readable" in errors[0].reason


def test_nul_after_the_first_8kb_is_not_stored(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes((ARTICLE * 120).encode() + b"\x00tail words.\n")
    doc, = read([str(path)])
    assert isinstance(doc, Document) and "\x00" not in doc.text and doc.text.endswith("tail words.\n")


# ------------------------------------------------------------------ item 4: JSONL lines

def _corpus(tmp_path, lines: list[str]) -> str:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_jsonl_lone_surrogates_become_replacement_characters(tmp_path):
    bad_text = '{"id": "a", "title": "Quota talks \\ud800", "text": "Ministers \\udfff met in Lisbon on Tuesday."}'
    good = json.dumps({"id": "b", "text": ARTICLE})
    docs, errors = _docs_and_errors(read([_corpus(tmp_path, [bad_text, good])]))
    assert not errors and len(docs) == 2
    assert docs[0].title == "Quota talks \ufffd" and docs[0].text.startswith("Ministers \ufffd met")
    docs[0].text.encode("utf-8")   # storable


def test_jsonl_deeply_nested_line_is_its_own_error(tmp_path):
    deep = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    docs, errors = _docs_and_errors(read([_corpus(tmp_path, [deep, json.dumps({"text": ARTICLE})])]))
    assert len(docs) == 1
    assert len(errors) == 1 and errors[0].reason.startswith("line 1:")


@pytest.mark.parametrize("field, value, said", [
    ("text", None, "empty"),
    ("text", 42, "field 'text' is a number; it must be a string"),
    ("title", {"a": 1}, "field 'title' is an object; it must be a string"),
    ("authors", [1, 2], "field 'authors' must be a string or a list of strings"),
    ("published", ["2025"], "field 'published' is a list"),
    ("publisher", True, "field 'publisher' is true/false"),
])
def test_jsonl_wrong_types_are_named_never_stored_as_text(tmp_path, field, value, said):
    record = {"text": ARTICLE, field: value}
    docs, errors = _docs_and_errors(read([_corpus(tmp_path, [json.dumps(record), json.dumps({"text": ARTICLE + "x"})])]))
    assert len(docs) == 1 and docs[0].text.endswith("x")
    assert len(errors) == 1 and errors[0].reason.startswith("line 1:") and said in errors[0].reason


def test_jsonl_over_long_line_is_skipped_without_holding_it(tmp_path):
    path = tmp_path / "big.jsonl"
    with open(path, "wb") as f:
        f.write(b'{"text": "' + b"x" * 5_000 + b'"}\n')
        f.write(json.dumps({"text": ARTICLE}).encode() + b"\n")
    docs, errors = _docs_and_errors(read([str(path)], max_bytes=1_000))
    assert len(docs) == 1 and docs[0].text == ARTICLE
    assert len(errors) == 1 and errors[0].reason.startswith("line 1: is 5 kB, over the size limit")
