"""Inputs -> Documents: files, folders, stdin, http(s) URLs, JSONL corpora and TimeML.

`read` never raises for a bad input: it yields an InputError in that input's place and goes on.
"""
from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from pactwatch.documents.layout.words import LayoutWords, layout_words
from pactwatch.documents.model import Document
from pactwatch.errors import InputError
from pactwatch.sources.decode import looks_like_html, too_large, valid_unicode
from pactwatch.sources.formats import html_document, markdown_document, pdf_document, text_document
from pactwatch.sources.jsonl import read_jsonl
from pactwatch.sources.parquet import read_parquet

DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_TIMEOUT = 20.0
STDIN = "-"
STDIN_SOURCE = "<stdin>"


def _timeml(path: str, data: bytes, lw: LayoutWords | None = None) -> Document:   # TimeML: no page layout
    try:  # a colleague's module; imported only when a .tml file turns up
        from pactwatch.sources.timeml import read_timeml
    except ImportError:
        raise InputError(path, "TimeML input is not available in this version") from None
    try:
        return read_timeml(path, data)
    except InputError:
        raise
    except Exception as exc:  # malformed XML and the like: that file's problem, not the run's
        raise InputError(path, f"not readable TimeML ({type(exc).__name__}: {exc})") from None


# each reader takes the path, the bytes and the layout's words (page_layout.toml with the --kb additions)
READERS: dict[str, Callable[[str, bytes, LayoutWords], Document]] = {
    ".txt": lambda path, data, lw: text_document(data, path, lw),
    ".text": lambda path, data, lw: text_document(data, path, lw),
    ".md": lambda path, data, lw: markdown_document(data, path, lw),
    ".markdown": lambda path, data, lw: markdown_document(data, path, lw),
    ".html": lambda path, data, lw: html_document(data, path, lw=lw),
    ".htm": lambda path, data, lw: html_document(data, path, lw=lw),
    ".pdf": lambda path, data, lw: pdf_document(data, path, lw),
    ".tml": _timeml,
}
# corpora: one article a line or row, read as a stream (the size limit applies to each article)
CORPORA = {".jsonl": read_jsonl, ".parquet": read_parquet}
SUPPORTED = tuple(READERS) + tuple(CORPORA)
# A folder's own documentation is not an article; named explicitly, such a file is still read.
FOLDER_DOCS = ("readme", "license", "licence", "changelog", "contributing")


def read(inputs: list[str], max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT,
         allow_private_urls: bool = False, kb_dirs: tuple[str, ...] = ()) -> Iterator[Document | InputError]:
    """One Document per readable document and one InputError per failure, in input order.
    URLs resolving to loopback, private, link-local or reserved addresses are refused unless
    `allow_private_urls` (see web.py). `kb_dirs`: the user's --kb folders, whose page_layout.toml
    adds to the words a page's layout is read with."""
    lw = layout_words(tuple(str(d) for d in kb_dirs))
    for item in _read(inputs, max_bytes, timeout, allow_private_urls, lw):
        yield item if isinstance(item, InputError) else _clean(item)


def _read(inputs, max_bytes, timeout, allow_private_urls, lw: LayoutWords) -> Iterator[Document | InputError]:
    for given in inputs:
        try:
            if given == STDIN:
                yield _guarded(STDIN_SOURCE, lambda: _read_stdin(max_bytes, lw))
            elif given.lower().startswith(("http://", "https://")):
                from pactwatch.sources.web import fetch
                yield _guarded(given, lambda: fetch(given, max_bytes, timeout, allow_private=allow_private_urls, lw=lw))
            elif os.path.isdir(given):
                yield from _read_folder(given, max_bytes, lw)
            else:
                yield from _read_file(given, max_bytes, lw, explicit=True)
        except InputError as exc:
            yield exc


def _guarded(source: str, make: Callable[[], Document]) -> Document | InputError:
    try:
        return make()
    except InputError as exc:
        return exc
    except RecursionError:
        return InputError(source, "too deeply nested to read")


def _clean(doc: Document) -> Document:
    """What every reader's Document must be before it is stored: text and metadata as valid
    Unicode (a lone surrogate, which no database can encode, becomes U+FFFD: one character for one,
    so offsets hold) and metadata without NUL characters (decode.normalise_newlines drops them from texts)."""
    doc.text = valid_unicode(doc.text)
    for name in ("source", "title", "publisher", "published"):
        value = getattr(doc, name)
        if value is not None:
            setattr(doc, name, valid_unicode(str(value)).replace("\x00", "") or None)
    doc.authors = [a for a in (valid_unicode(str(a)).replace("\x00", "") for a in doc.authors) if a]
    return doc


def _read_folder(folder: str, max_bytes: int, lw: LayoutWords) -> Iterator[Document | InputError]:
    members: list[str] = []
    unreadable: list[InputError] = []

    def note(exc: OSError) -> None:   # a subfolder os.walk cannot list is said, not skipped in silence
        unreadable.append(InputError(exc.filename or folder, f"folder not readable ({exc.strerror or exc})"))

    for root, dirs, files in os.walk(folder, onerror=note):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        members += [os.path.join(root, f) for f in files
                    if not f.startswith(".") and Path(f).suffix.lower() in SUPPORTED
                    and not Path(f).stem.lower().startswith(FOLDER_DOCS)]
    yield from unreadable
    if not members:
        if not unreadable:
            raise InputError(folder, f"empty folder (no {', '.join(SUPPORTED)} files in it)")
        return
    for path in sorted(members, key=lambda p: Path(p).parts):
        yield from _read_file(path, max_bytes, lw, explicit=False)


def _open_regular(path: str) -> int:
    """A file descriptor for `path` if it is a regular file; InputError for a device, FIFO or socket
    (a `.txt` link to /dev/zero would be read for ever, a FIFO would wait for ever). Opened without
    blocking and checked on the descriptor itself, so the file cannot be swapped between check and read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                    else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
            raise InputError(path, f"not a regular file ({kind}); pactwatch reads regular files only")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return fd
    except BaseException:
        os.close(fd)
        raise


def _read_file(path: str, max_bytes: int, lw: LayoutWords, explicit: bool) -> Iterator[Document | InputError]:
    suffix = Path(path).suffix.lower()
    if not os.path.lexists(path):
        yield InputError(path, "not found")
        return
    if not os.path.exists(path):
        yield InputError(path, "not found (a link to nothing)")
        return
    if suffix not in SUPPORTED:
        if explicit:
            yield InputError(path, f"unsupported type '{suffix or 'no extension'}' "
                                   f"(pactwatch reads {', '.join(SUPPORTED)})")
        return
    try:
        fd = _open_regular(path)
        with os.fdopen(fd, "rb") as stream:
            if suffix in CORPORA:
                yield from CORPORA[suffix](stream, path, max_bytes, lw)
                return
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                yield too_large(path, size, max_bytes)
                return
            data = stream.read(max_bytes + 1)   # by size: a file growing while read stops at the limit
            if len(data) > max_bytes:
                yield too_large(path, None, max_bytes)
                return
    except InputError as exc:
        yield exc
        return
    except PermissionError:
        yield InputError(path, "not readable (permission denied)")
        return
    except OSError as exc:
        yield InputError(path, f"not readable ({exc.strerror or exc})")
        return
    if not data.strip():
        yield InputError(path, "empty (no text in it)")
        return
    yield _guarded(path, lambda: READERS[suffix](path, data, lw))


def _read_stdin(max_bytes: int, lw: LayoutWords) -> Document:
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(max_bytes + 1) if stream is not None else sys.stdin.read().encode("utf-8")
    if len(data) > max_bytes:
        raise too_large(STDIN_SOURCE, None, max_bytes)
    if looks_like_html(data):
        return html_document(data, STDIN_SOURCE, lw=lw)
    return text_document(data, STDIN_SOURCE, lw)


__all__ = ["read", "SUPPORTED", "DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT"]
