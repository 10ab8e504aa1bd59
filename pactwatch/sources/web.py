"""http(s) URLs: fetched with urllib, then read by content type."""
from __future__ import annotations

import socket
import urllib.error
import urllib.request

from pactwatch import __version__
from pactwatch.documents.model import Document
from pactwatch.errors import InputError
from pactwatch.sources.decode import looks_like_html, too_large
from pactwatch.sources.formats import html_document, pdf_document, text_document

USER_AGENT = f"pactwatch/{__version__}"


def fetch(url: str, max_bytes: int, timeout: float) -> Document:
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/pdf,text/*;q=0.9"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise too_large(url, int(length), max_bytes)
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise too_large(url, None, max_bytes)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            final_url = response.geturl()
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"fetch failed: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise InputError(url, f"timed out after {timeout:g} s") from None
        raise InputError(url, f"fetch failed: {exc.reason}") from None
    except (TimeoutError, socket.timeout):
        raise InputError(url, f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as exc:  # connection reset, bad URL, malformed response
        raise InputError(url, f"fetch failed: {exc}") from None

    if not data.strip():
        raise InputError(url, "empty (the server sent no content)")
    if content_type == "application/pdf" or data.startswith(b"%PDF-"):
        return pdf_document(data, url)
    if content_type in ("text/html", "application/xhtml+xml") or looks_like_html(data):
        return html_document(data, url, url=final_url)
    if content_type.startswith("text/") or content_type in ("application/octet-stream", ""):
        if charset and charset.lower().replace("-", "") not in ("utf8", "usascii"):
            try:
                data = data.decode(charset).encode("utf-8")
            except (LookupError, UnicodeDecodeError):
                raise InputError(url, f"not decodable text (declared charset {charset})") from None
        return text_document(data, url)
    raise InputError(url, f"unsupported type: {content_type} (pactwatch reads HTML, PDF and plain text)")
