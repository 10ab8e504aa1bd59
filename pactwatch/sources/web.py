"""http(s) URLs: fetched with urllib, then read by content type.

What is fetched, and what is not:
- only http and https, on every hop: a redirect to file:, ftp: or anything else is refused;
- the host is resolved and every address it resolves to is checked before connecting; loopback,
  private, link-local, multicast, reserved and unspecified addresses (127.0.0.1, 10.x, 192.168.x,
  169.254.x, ::1, fc00::/7, and the same written as 2130706433 or 0x7f.1) are refused unless the
  user opts in (`--allow-private-urls`), and the connection goes to the checked address itself, so
  a second DNS answer cannot swap it; every redirect is checked the same way;
- no proxy from the environment (a proxy would connect where we did not check);
- one deadline for the whole fetch, redirects and a slow server's trickle included;
- at most `max_bytes` read; the Document's source is the URL the content came from (after redirects).
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Callable

from pactwatch.documents.layout.words import LayoutWords
from urllib.parse import urlsplit

from pactwatch import __version__
from pactwatch.documents.model import Document
from pactwatch.errors import InputError
from pactwatch.sources.decode import looks_like_html, too_large
from pactwatch.sources.formats import html_document, pdf_document, text_document

USER_AGENT = f"pactwatch/{__version__}"
MAX_REDIRECTS = 5
_CHUNK = 65536
SCHEMES = ("http", "https")


class Refused(OSError):
    """The address is not one pactwatch fetches from (raised inside urllib, turned into InputError)."""


def public_address(ip: str) -> bool:
    """True for an address on the public internet."""
    address = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not (address.is_loopback or address.is_private or address.is_link_local or address.is_multicast
                or address.is_reserved or address.is_unspecified or not address.is_global)


def _any_address(ip: str, port: int) -> bool:
    return True


class _Fetch:
    """One fetch: its address policy, its sockets (closed when the deadline passes) and its deadline."""

    def __init__(self, allowed: Callable[[str, int], bool], timeout: float):
        self.allowed, self.timeout = allowed, timeout
        self.deadline = time.monotonic() + timeout
        self.expired = False
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.timer = threading.Timer(timeout, self._expire)
        self.timer.daemon = True

    def _expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def register(self, sock) -> None:
        """A socket the deadline closes (the TLS socket too, which replaces the plain one)."""
        with self.lock:
            self.sockets.append(sock)
            if self.expired:
                raise TimeoutError("deadline passed")

    def resolve(self, host: str, port: int) -> list:
        """getaddrinfo within the deadline (a resolver that never answers cannot be interrupted,
        so it runs in a thread of its own that is abandoned at the deadline)."""
        answer: dict = {}

        def lookup():
            try:
                answer["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as exc:
                answer["error"] = exc
        worker = threading.Thread(target=lookup, daemon=True)
        worker.start()
        worker.join(self.remaining())
        if worker.is_alive():
            raise TimeoutError("deadline passed while resolving")
        if "error" in answer:
            exc = answer["error"]
            raise OSError(f"cannot resolve {host} ({getattr(exc, 'strerror', None) or exc})") from None
        return answer["infos"]

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline passed")
        return left

    def connect(self, address, timeout=None, source_address=None, **_):
        """Stands in for socket.create_connection: resolve, check every address, connect to a checked one."""
        host, port = address
        infos = self.resolve(host, port)
        refused = [info[4][0] for info in infos if not self.allowed(info[4][0], port)]
        if refused:
            raise Refused(f"{host} resolves to {refused[0]}, a loopback, private or reserved address; "
                          f"pactwatch fetches only public addresses (use --allow-private-urls for a local mirror)")
        last: OSError | None = None
        for family, kind, proto, _, sockaddr in infos:
            sock = socket.socket(family, kind, proto)
            with self.lock:
                if self.expired:
                    sock.close()
                    raise TimeoutError("deadline passed")
                self.sockets.append(sock)
            try:
                sock.settimeout(min(timeout or self.timeout, self.remaining()))
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                return sock
            except OSError as exc:
                last = exc
                sock.close()
        raise last or OSError(f"cannot connect to {host}")


def _connection_class(base, fetch: _Fetch):
    class Checked(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._create_connection = fetch.connect

        def connect(self):
            super().connect()
            fetch.register(self.sock)
    return Checked


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, fetch: _Fetch):
        super().__init__()
        self.fetch = fetch

    def http_open(self, req):
        return self.do_open(_connection_class(http.client.HTTPConnection, self.fetch), req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, fetch: _Fetch):
        super().__init__()
        self.fetch = fetch

    def https_open(self, req):
        return self.do_open(_connection_class(http.client.HTTPSConnection, self.fetch), req,
                            context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        target = headers.get("location") or headers.get("uri")
        if target and urlsplit(urllib.parse.urljoin(req.full_url, target)).scheme.lower() not in SCHEMES:
            raise Refused(f"redirected to {target.split('?')[0]}, which is not http or https")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(fetch: _Fetch) -> urllib.request.OpenerDirector:
    """http and https only (no file:, ftp: or data: handlers), no proxies, every connection checked."""
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler({}), urllib.request.UnknownHandler(), _HTTP(fetch), _HTTPS(fetch),
                    urllib.request.HTTPDefaultErrorHandler(), _Redirects(), urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def fetch(url: str, max_bytes: int, timeout: float, allow_private: bool = False,
          allowed: Callable[[str, int], bool] | None = None, lw: LayoutWords | None = None) -> Document:
    """The Document at `url`. `allowed(ip, port)` decides which addresses may be contacted
    (default: public ones only, or any with `allow_private`); `lw` the layout's words (sources.read)."""
    if urlsplit(url).scheme.lower() not in SCHEMES or not urlsplit(url).hostname:
        raise InputError(url, "not an http(s) URL with a host")
    policy = allowed or (_any_address if allow_private else (lambda ip, port: public_address(ip)))
    state = _Fetch(policy, timeout)
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/pdf,text/*;q=0.9"})
    state.timer.start()
    try:
        with _opener(state).open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isascii() and length.isdigit() and int(length) > max_bytes:
                raise too_large(url, int(length), max_bytes)
            data = _read(response, max_bytes, state)
            if len(data) > max_bytes:
                raise too_large(url, None, max_bytes)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            final_url = response.geturl()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001  (urllib and http.client raise many kinds; each is one line)
        raise _failure(url, exc, state) from None
    finally:
        state.timer.cancel()
        for sock in state.sockets:
            sock.close()
    return _document(url, final_url, data, content_type, charset, lw)


def _read(response, max_bytes: int, state: _Fetch) -> bytes:
    """The body, up to max_bytes + 1, in pieces as they arrive: a server trickling a byte at a time
    meets the deadline instead of holding us for ever."""
    parts, size = [], 0
    while size <= max_bytes:
        state.remaining()
        piece = response.read1(min(_CHUNK, max_bytes + 1 - size))
        if not piece:
            break
        parts.append(piece)
        size += len(piece)
    if state.expired:   # the deadline closed the socket: what came is not the whole body
        raise TimeoutError("deadline passed")
    return b"".join(parts)


def _failure(url: str, exc: BaseException, state: _Fetch) -> InputError:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError) \
        else exc
    if isinstance(reason, Refused):
        return InputError(url, f"refused: {reason}")
    if state.expired or isinstance(reason, (TimeoutError, socket.timeout)):
        return InputError(url, f"timed out after {state.timeout:g} s")
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code in (301, 302, 303, 307, 308):
            return InputError(url, f"fetch failed: too many redirects (more than {MAX_REDIRECTS})")
        return InputError(url, f"fetch failed: HTTP {exc.code} {exc.reason}")
    return InputError(url, f"fetch failed: {reason}")


def _document(url: str, final_url: str, data: bytes, content_type: str, charset: str | None,
              lw: LayoutWords | None = None) -> Document:
    source = final_url or url
    if not data.strip():
        raise InputError(url, "empty (the server sent no content)")
    if content_type == "application/pdf" or data.startswith(b"%PDF-"):
        return pdf_document(data, source, lw)
    if content_type in ("text/html", "application/xhtml+xml") or looks_like_html(data):
        return html_document(data, source, url=source, lw=lw)
    if content_type.startswith("text/") or content_type in ("application/octet-stream", ""):
        if charset and charset.lower().replace("-", "") not in ("utf8", "usascii"):
            try:
                data = data.decode(charset).encode("utf-8")
            except (LookupError, UnicodeDecodeError):
                raise InputError(url, f"not decodable text (declared charset {charset})") from None
        return text_document(data, source, lw)
    raise InputError(url, f"unsupported type: {content_type} (pactwatch reads HTML, PDF and plain text)")
