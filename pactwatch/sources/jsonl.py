"""JSONL corpora: one article a line, `text` or `html` plus optional metadata fields."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from pactwatch.documents.metadata import parse_date
from pactwatch.documents.model import Document
from pactwatch.documents.layout.words import LayoutWords
from pactwatch.errors import InputError
from pactwatch.sources.decode import decode_text, too_large, valid_unicode
from pactwatch.sources.formats import fill_from_text, html_document, split_authors


def read_jsonl(stream: BinaryIO, source: str, max_bytes: int,
               lw: LayoutWords | None = None) -> Iterator[Document | InputError]:
    """Streams the corpus line by line; the size limit applies to each record, not to the whole file,
    and no line is held in memory beyond it (an over-long line is skipped in pieces)."""
    for number, (raw, size) in enumerate(_lines(stream, max_bytes), start=1):
        if size > max_bytes:
            yield InputError(source, f"line {number}: {too_large(source, size, max_bytes).reason}")
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield InputError(source, f"line {number}: not decodable text (save the file as UTF-8)")
            continue
        except json.JSONDecodeError as exc:
            yield InputError(source, f"line {number}: malformed JSONL ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield InputError(source, f"line {number}: malformed JSONL (nested too deeply to read)")
            continue
        if not isinstance(record, dict):
            yield InputError(source, f"line {number}: malformed JSONL (a line must be one JSON object)")
            continue
        wrong = wrong_type(record)
        if wrong:
            yield InputError(source, f"line {number}: {wrong}")
            continue
        try:
            yield record_document(record, record_source(record, source, number), number, lw)
        except InputError as exc:
            yield InputError(source, f"line {number}: {exc.reason}")
        except RecursionError:
            yield InputError(source, f"line {number}: nested too deeply to read")


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[bytes, int]]:
    """(line, its length) for each line; a line over max_bytes comes as (b"", length), read past in pieces."""
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        size = len(raw)
        if size > max_bytes and not raw.endswith(b"\n"):
            while True:
                rest = stream.readline(1 << 20)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield b"", size
        else:
            yield raw, size


# what each field may hold; anything else is the corpus builder's mistake, named, never stored as "None"
_STRING = (str, type(None))
FIELD_TYPES = {"text": _STRING, "html": _STRING, "title": _STRING, "publisher": _STRING, "published": _STRING,
               "url": _STRING, "id": (str, int, type(None)), "authors": (str, list, type(None))}
_JSON_NAMES = {str: "a string", int: "a number", float: "a number", bool: "true/false", list: "a list",
               dict: "an object", type(None): "null"}


def record_source(record: dict, source: str, number: int) -> str:
    """Where a corpus record came from: its url, else the corpus with its id, else with its number."""
    if record.get("url"):
        return str(record["url"])
    if record.get("id") not in (None, ""):
        return f"{source}#{record['id']}"
    return f"{source}#{number}"


def wrong_type(record: dict) -> str | None:
    """What is wrong with a record's field types (JSONL lines and Parquet rows alike), or None."""
    for name, allowed in FIELD_TYPES.items():
        value = record.get(name)
        if isinstance(value, bool) or not isinstance(value, allowed):
            return (f"field '{name}' is {_JSON_NAMES.get(type(value), type(value).__name__)}; "
                    f"it must be {' or '.join(_JSON_NAMES[t] for t in allowed if t is not type(None))}")
    authors = record.get("authors")
    if isinstance(authors, list) and not all(isinstance(a, str) for a in authors):
        return "field 'authors' must be a string or a list of strings"
    return None


def record_document(record: dict, source: str, number: int, lw: LayoutWords | None = None) -> Document:
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        doc = fill_from_text(Document(source=source, text=decode_text(valid_unicode(text).encode("utf-8"), source),
                                      format="jsonl"), lw=lw)
    elif isinstance(html, str) and html.strip():
        doc = html_document(valid_unicode(html), source, url=record.get("url") or None, fmt="jsonl", lw=lw)
    elif "text" in record or "html" in record:
        raise InputError(source, "empty (the record's text is blank)")
    else:
        raise InputError(source, "malformed JSONL (the record has neither 'text' nor 'html')")
    # The record's own fields are the corpus builder's word: they override what the layout suggested.
    if record.get("title"):
        doc.title = str(record["title"])
    if record.get("authors"):
        doc.authors = split_authors(record["authors"], lw)
    if record.get("published"):
        doc.published = parse_date(str(record["published"])[:10]) or parse_date(str(record["published"]))
    if record.get("publisher"):
        doc.publisher = str(record["publisher"])
    return doc

