"""URLs: fetched from a local server on 127.0.0.1 that each test starts; read by content type.
Loopback is refused by default, so these tests opt in with allow_private_urls=True, as a user
with a local mirror does; the refusals themselves are tested at the end."""
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
    page, notes, report, download = read([base + "/page", base + "/notes", base + "/report", base + "/download"],
                                          allow_private_urls=True)
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
    error, = read([base + "/x"], timeout=0.5, allow_private_urls=True)
    assert isinstance(error, InputError)
    assert error.source == base + "/x" and reason in error.reason


def test_web_refused_connection_is_fetch_failed():
    with socket.socket() as s:   # a port nobody listens on: bind, note it, close
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    error, = read([f"http://127.0.0.1:{port}/article"], timeout=2, allow_private_urls=True)
    assert isinstance(error, InputError) and error.reason.startswith("fetch failed")


@pytest.mark.parametrize("limit, failed", [(len(TEXT) - 1, True), (len(TEXT), False)])
def test_web_size_limit(web_server, limit, failed):
    base = web_server({"/notes": (200, "text/plain", TEXT, 0)})
    item, = read([base + "/notes"], max_bytes=limit, allow_private_urls=True)
    assert isinstance(item, InputError) == failed
    if failed:
        assert "--max-bytes" in item.reason
    else:
        assert isinstance(item, Document)


# ------------------------------------------------------------------ what is refused

@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "0x7f.0.0.1", "[::1]"])
def test_web_refuses_loopback_by_default_in_every_spelling(web_server, host):
    base = web_server({"/page": (200, "text/html", PAGE, 0)})
    port = base.rsplit(":", 1)[1]
    error, = read([f"http://{host}:{port}/page"], timeout=2)
    assert isinstance(error, InputError) and error.reason.startswith("refused:")
    assert "--allow-private-urls" in error.reason
    assert web_server.hits == {}      # nothing was sent to it


@pytest.mark.parametrize("ip, public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.9", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("224.0.0.1", False), ("240.0.0.1", False), ("0.0.0.0", False),
    ("100.64.0.1", False), ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:127.0.0.1", False),
    ("8.8.8.8", True), ("2606:4700:4700::1111", True)])
def test_web_public_address_policy(ip, public):
    from pactwatch.sources.web import public_address
    assert public_address(ip) is public


def test_web_checks_every_redirect_hop(web_server):
    """A redirect from an allowed address to a refused one stops at the redirect: the second server
    is never contacted (here the policy allows only the first server's port)."""
    from pactwatch.sources.web import fetch
    inner = web_server({"/secret": (200, "text/plain", b"internal notes " * 20, 0)})
    outer = web_server({"/go": (302, "text/plain", b"", 0, {"Location": inner + "/secret"})})
    outer_port = int(outer.rsplit(":", 1)[1])
    with pytest.raises(InputError) as caught:
        fetch(outer + "/go", 100_000, 3, allowed=lambda ip, port: port == outer_port)
    assert caught.value.reason.startswith("refused:")
    assert web_server.hits == {"/go": 1}


def test_web_refuses_a_redirect_to_another_scheme(web_server, tmp_path):
    (tmp_path / "local.txt").write_text("a local file's words " * 20)
    base = web_server({"/go": (302, "text/plain", b"", 0, {"Location": f"file://{tmp_path}/local.txt"})})
    error, = read([base + "/go"], timeout=2, allow_private_urls=True)
    assert isinstance(error, InputError) and "not http or https" in error.reason


def test_web_records_the_url_the_content_came_from(web_server):
    base = web_server({"/old": (301, "text/plain", b"", 0, {"Location": "/new"}),
                       "/new": (200, "text/plain", TEXT, 0)})
    doc, = read([base + "/old"], timeout=2, allow_private_urls=True)
    assert isinstance(doc, Document) and doc.source == base + "/new"


def test_web_redirect_loop_is_one_error(web_server):
    base = web_server({"/a": (302, "text/plain", b"", 0, {"Location": "/b"}),
                       "/b": (302, "text/plain", b"", 0, {"Location": "/a"})})
    error, = read([base + "/a"], timeout=3, allow_private_urls=True)
    assert isinstance(error, InputError) and "redirect" in error.reason


def test_web_one_deadline_for_a_trickling_server(web_server):
    """A server sending one byte every 0.2 s would take 8 s for this body; the fetch ends at its deadline."""
    import time
    base = web_server({"/slow": (200, "text/plain", b"x" * 40, -0.2)})
    started = time.monotonic()
    error, = read([base + "/slow"], timeout=1, allow_private_urls=True)
    assert isinstance(error, InputError) and "timed out after 1 s" in error.reason
    assert time.monotonic() - started < 3


def test_web_a_resolver_that_never_answers_meets_the_deadline(monkeypatch):
    import time
    import pactwatch.sources.web as web

    def silent(*args, **kwargs):
        time.sleep(30)
    monkeypatch.setattr(web.socket, "getaddrinfo", silent)
    started = time.monotonic()
    error, = read(["http://news.example/story"], timeout=1)
    assert isinstance(error, InputError) and "timed out after 1 s" in error.reason
    assert time.monotonic() - started < 3
