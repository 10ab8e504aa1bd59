"""URLs: fetched from a local server on 127.0.0.1 that each test starts; read by content type."""
from __future__ import annotations

import socket

import pytest

from pactwatch.documents.model import Document
from pactwatch.errors import InputError
from pactwatch.sources import read

PAGE = (b"<html><head><title>Library Extends Opening Hours</title>"
        b"<meta property='og:site_name' content='Town Crier'>"
        b"<meta name='author' content='Petra Lindgren'>"
        b"<meta property='article:published_time' content='2025-02-11'></head>"
        b"<body><nav><a href='/'>Home</a></nav><article><h1>Library Extends Opening Hours</h1>"
        b"<p>The central library will stay open until nine in the evening on weekdays from next month, after "
        b"a survey found that students and shift workers wanted more time to use the reading rooms.</p>"
        b"<p>The council approved the extra staff costs at its last meeting, and the change will be reviewed "
        b"after six months.</p></article><footer>Cookie settings</footer></body></html>")
TEXT = b"Plain notes about the harbour survey.\r\nSecond line of the notes.\r\n"


def test_web_reads_html_text_and_pdf_by_content_type(web_server, pdf_bytes):
    pdf = pdf_bytes([["Orchard Yields Report", "Apple harvests grew this year."]])
    base = web_server({
        "/page": (200, "text/html; charset=utf-8", PAGE, 0),
        "/notes": (200, "text/plain; charset=utf-8", TEXT, 0),
        "/report": (200, "application/pdf", pdf, 0),
        "/download": (200, "application/octet-stream", pdf, 0),   # PDF recognised by its signature
    })
    page, notes, report, download = read([base + "/page", base + "/notes", base + "/report", base + "/download"])
    assert (page.format, page.title, page.publisher, page.authors, page.published) == \
        ("html", "Library Extends Opening Hours", "Town Crier", ["Petra Lindgren"], "2025-02-11")
    assert "Home" not in page.text and "Cookie" not in page.text
    assert (notes.format, notes.text) == ("txt", TEXT.decode().replace("\r\n", "\n"))
    assert report.format == download.format == "pdf" and "Apple harvests" in report.text
    assert page.source == base + "/page"


@pytest.mark.parametrize("route, reason", [
    ((404, "text/html", b"<h1>gone</h1>", 0), "fetch failed: HTTP 404"),
    ((500, "text/plain", b"oops", 0), "fetch failed: HTTP 500"),
    ((200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, 0), "unsupported type: image/png"),
    ((200, "text/plain", b"", 0), "empty"),
    ((200, "text/plain", b"\x00\x01\x02binary\x00" * 30, 0), "binary"),
    ((200, "text/plain", "d\u00e9j\u00e0 vu".encode("latin-1"), 0), "not decodable text"),
    ((200, "text/plain", b"late reply", 2.0), "timed out after 0.5 s"),
])
def test_web_reports_each_failure(web_server, route, reason):
    base = web_server({"/x": route})
    error, = read([base + "/x"], timeout=0.5)
    assert isinstance(error, InputError)
    assert error.source == base + "/x" and reason in error.reason


def test_web_refused_connection_is_fetch_failed():
    with socket.socket() as s:   # a port nobody listens on: bind, note it, close
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    error, = read([f"http://127.0.0.1:{port}/article"], timeout=2)
    assert isinstance(error, InputError) and error.reason.startswith("fetch failed")


@pytest.mark.parametrize("limit, failed", [(len(TEXT) - 1, True), (len(TEXT), False)])
def test_web_size_limit(web_server, limit, failed):
    base = web_server({"/notes": (200, "text/plain", TEXT, 0)})
    item, = read([base + "/notes"], max_bytes=limit)
    assert isinstance(item, InputError) == failed
    if failed:
        assert "--max-bytes" in item.reason
    else:
        assert isinstance(item, Document)
