"""pactwatch.sources.read: every input kind, and every failure reason as an InputError in order."""
from __future__ import annotations

import hashlib
import io
import os
import sys
import types

import pytest

from pactwatch.documents.model import Document
from pactwatch.errors import InputError
from pactwatch.sources import read

ARTICLE = ("Harbour Cranes Return to Work After Strike\n\n"
           "By Oona Fairweather\nPublished on March 3, 2025\n\n"
           "Dock workers at the northern terminal went back to their posts on Monday after a "
           "nine-day stoppage, and the first container ships left port by evening.\n")

PAGE = ("<!DOCTYPE html><html><head><title>River Ferry Fares Rise</title>"
        "<meta property='og:site_name' content='Valley Courier'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>River Ferry Fares Rise</h1>"
        "<p>The county ferry service raised its fares this week for the first time in six years, citing fuel "
        "costs and the price of replacing two ageing boats that carry commuters across the river.</p>"
        "<p>Passengers with monthly passes will pay a little more, while single tickets rise by a larger share, "
        "the operator said in a notice posted at both landings.</p></article>"
        "<footer>Contact us | Privacy</footer></body></html>")


def write(tmp_path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("name, content, fmt", [
    ("a.txt", ARTICLE, "txt"),
    ("a.md", "# Harbour Cranes Return to Work After Strike\n\n" + ARTICLE.split("\n", 2)[2], "md"),
    ("a.html", PAGE, "html"),
    ("a.htm", PAGE, "html"),
])
def test_sources_reads_each_file_type(tmp_path, name, content, fmt):
    doc = only(read([write(tmp_path, name, content)]))
    assert isinstance(doc, Document)
    assert doc.format == fmt
    assert doc.title in ("Harbour Cranes Return to Work After Strike", "River Ferry Fares Rise")
    assert doc.source == str(tmp_path / name)


def test_sources_reads_pdf_file(tmp_path, pdf_bytes):
    path = write(tmp_path, "report.pdf", pdf_bytes([["Grain Exports Climb in Spring", "By Ada Brennan"],
                                                     ["Shipments rose for a third month."]]))
    doc = only(read([path]))
    assert doc.format == "pdf"
    assert "Grain Exports Climb in Spring" in doc.text and "third month" in doc.text
    assert doc.authors == ["Ada Brennan"]


@pytest.mark.parametrize("raw, stored", [
    (b"Line one\r\nLine two\r\n", "Line one\nLine two\n"),
    (b"  indented first line\n\n\n  trailing spaces   \n", "  indented first line\n\n\n  trailing spaces   \n"),
    (b"\xef\xbb\xbfWith a byte-order mark\n", "\ufeffWith a byte-order mark\n"),
])
def test_sources_keeps_plain_text_as_in_file(tmp_path, raw, stored):
    path = write(tmp_path, "t.txt", raw)
    doc = only(read([path]))
    assert doc.text == stored
    # the scorer hashes the file as Python's text mode reads it: the hashes must agree
    with open(path, encoding="utf-8") as f:
        assert doc.text_sha256 == hashlib.sha256(f.read().encode("utf-8")).hexdigest()


def test_sources_folder_is_recursive_sorted_and_skips_hidden_and_unsupported(tmp_path):
    folder = tmp_path / "corpus"
    write(folder, "b.txt", "Second file body text here.")
    write(folder, "a.txt", "First file body text here.")
    write(folder, "sub/c.md", "Nested file body text here.")
    write(folder, ".hidden.txt", "never read")
    write(folder, ".git/d.txt", "never read")
    write(folder, "notes.docx", b"PK\x03\x04 not read")
    write(folder, "README.md", "About this folder.")
    write(folder, "sub/LICENSE.txt", "Licence terms.")
    given = str(folder) + os.sep
    sources = [d.source for d in read([given])]
    assert sources == [os.path.join(given, "a.txt"), os.path.join(given, "b.txt"),
                       os.path.join(given, "sub", "c.md")]


def test_sources_failure_does_not_stop_other_inputs(tmp_path):
    good = write(tmp_path, "good.txt", "A perfectly ordinary sentence.")
    items = list(read([str(tmp_path / "missing.txt"), good, write(tmp_path, "empty.txt", "")]))
    assert [type(i) for i in items] == [InputError, Document, InputError]
    assert items[1].source == good


@pytest.mark.parametrize("setup, reason", [
    (lambda p: str(p / "absent.txt"), "not found"),
    (lambda p: write(p, "blank.txt", ""), "empty"),
    (lambda p: write(p, "spaces.md", "  \n\n \t\n"), "empty"),
    (lambda p: write(p, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
    (lambda p: write(p, "nul.txt", b"abc\x00def\x00" * 20), "binary"),
    (lambda p: write(p, "photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF"), "binary"),
    (lambda p: write(p, "latin.txt", "caf\u00e9 au lait".encode("latin-1")), "not decodable text"),
    (lambda p: write(p, "sheet.xlsx", b"PK\x03\x04"), "unsupported type '.xlsx'"),
    (lambda p: write(p, "noext", "text without a suffix"), "unsupported type"),
    (lambda p: write(p, "app.html", "<html><head><title>App</title></head><body><div id='root'></div><script>render()</script></body></html>"), "empty"),
    (lambda p: write(p, "broken.pdf", b"%PDF-1.4\nthis is not really a pdf"), "not a readable PDF"),
    (lambda p: str((p / "void").mkdir() or p / "void"), "empty folder"),
])
def test_sources_reports_each_failure_reason(tmp_path, setup, reason):
    given = setup(tmp_path)
    error = only(read([given]))
    assert isinstance(error, InputError)
    assert error.source == given
    assert reason in error.reason


@pytest.mark.parametrize("size, limit, failed", [(100, 99, True), (100, 100, False)])
def test_sources_size_limit_names_limit_and_option(tmp_path, size, limit, failed):
    path = write(tmp_path, "big.txt", "x" * size)
    item = only(read([path], max_bytes=limit))
    assert isinstance(item, InputError) == failed
    if failed:
        assert "99 bytes" in item.reason and "--max-bytes" in item.reason


def test_sources_unsupported_file_inside_folder_is_silent_but_explicit_is_error(tmp_path):
    path = write(tmp_path / "f", "data.csv", "a,b\n1,2\n")
    assert isinstance(only(read([path])), InputError)
    write(tmp_path / "f", "ok.txt", "Some text.")
    assert [d.source for d in read([str(tmp_path / "f")])] == [str(tmp_path / "f" / "ok.txt")]


@pytest.mark.parametrize("payload, fmt, needle", [
    (ARTICLE.encode(), "txt", "nine-day stoppage"),
    (PAGE.encode(), "html", "ferry service raised"),
])
def test_sources_stdin_sniffs_text_or_html(monkeypatch, payload, fmt, needle):
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(payload)))
    doc = only(read(["-"]))
    assert doc.format == fmt and needle in doc.text and "<p>" not in doc.text
    assert doc.source == "<stdin>"


def test_sources_stdin_over_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(b"word " * 50)))
    error = only(read(["-"], max_bytes=100))
    assert isinstance(error, InputError) and "--max-bytes" in error.reason


def test_sources_timeml_goes_to_its_reader(tmp_path, monkeypatch):
    fake = types.ModuleType("pactwatch.sources.timeml")
    fake.read_timeml = lambda path, data=None: Document(source=str(path), text="stub text", format="timeml")
    monkeypatch.setitem(sys.modules, "pactwatch.sources.timeml", fake)
    path = write(tmp_path, "a.tml", "<TimeML>stub text</TimeML>")
    doc = only(read([path]))
    assert (doc.format, doc.source) == ("timeml", path)


def test_sources_timeml_reader_crash_becomes_input_error(tmp_path, monkeypatch):
    fake = types.ModuleType("pactwatch.sources.timeml")

    def broken(path):
        raise ValueError("mismatched tag")
    fake.read_timeml = broken
    monkeypatch.setitem(sys.modules, "pactwatch.sources.timeml", fake)
    error = only(read([write(tmp_path, "bad.tml", "<TimeML><TIMEX3></TimeML>")]))
    assert isinstance(error, InputError) and "not readable TimeML" in error.reason


WIRE_STORY = ("Ports Agree to Share Shipping Data\n\n"
              "Elsewhere: Harbour chiefs meet again next month\n\n"
              "The port authorities of two neighbouring states agreed on Tuesday to share shipping data from next "
              "spring, a step their boards had put off for years while they argued over who would pay for it. "
              "Officials from both sides said the exchange would start with container traffic.\n\n"
              "Tidewire could not independently verify the figures the authorities gave.\n")


def test_read_takes_a_users_page_layout_words_from_kb_dirs(tmp_path):
    (tmp_path / "story.txt").write_text(WIRE_STORY, encoding="utf-8")
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "page_layout.toml").write_text('news_agencies = ["Tidewire"]\nlink_openers = ["Elsewhere"]\n',
                                         encoding="utf-8")
    link = WIRE_STORY.index("Elsewhere")
    plain = next(read([str(tmp_path / "story.txt")]))
    # the packaged words know neither this agency nor this opener of a link to another story
    assert plain.publisher is None and (link, WIRE_STORY.index("\n", link), "link") not in plain.layout
    own = next(read([str(tmp_path / "story.txt")], kb_dirs=(str(kb),)))
    assert own.publisher == "Tidewire" and (link, WIRE_STORY.index("\n", link), "link") in own.layout
    assert own.title == plain.title == "Ports Agree to Share Shipping Data"
