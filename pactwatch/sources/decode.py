"""Bytes -> text, with a clear reason when the bytes are not a readable text document."""
from __future__ import annotations

import codecs
import re

from pactwatch.errors import InputError

# Signatures of common binary formats that sometimes arrive with a text suffix.
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"%PDF-",
                 b"\x7fELF", b"BZh", b"7z\xbc\xaf", b"Rar!", b"\xd0\xcf\x11\xe0")
_UTF_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
             (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!doctype\s+html|<html|<head|<body|<!--|<meta|<article)",
                         re.IGNORECASE)
_HTML_TAGS = re.compile(rb"<(?:html|body|p|div|article|h1|title)\b[^>]*>", re.IGNORECASE)
# control characters other than tab, newline and form feed: a binary payload that happened to decode
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0d-\x1f]")


def valid_unicode(text: str) -> str:
    """`text` with each lone surrogate (JSON allows "\\ud800"; no UTF-8 form, no database takes it)
    replaced by U+FFFD: one character for one, so offsets hold."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)


def human_size(n: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{n} bytes"


def too_large(source: str, size: int | None, max_bytes: int) -> InputError:
    what = f"is {human_size(size)}, " if size is not None else ""
    return InputError(source, f"{what}over the size limit of {human_size(max_bytes)} "
                              f"(raise it with --max-bytes)")


def normalise_newlines(text: str) -> str:
    """Windows and old-Mac line ends become "\\n", as Python's own text mode reads them, and NUL
    characters go (never part of an article; a NUL in the first 8 kB already made the file binary;
    dropped here, before any offset is taken)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x00", "") if "\x00" in text else text


def looks_like_html(data: bytes) -> bool:
    head = data[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 2


def is_binary(data: bytes) -> bool:
    """A known binary signature, or NUL bytes in a file without a UTF-16/32 byte-order mark."""
    if any(data.startswith(bom) for bom, _ in _UTF_BOMS):
        return False
    return data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 (or UTF-16/32 with a byte-order mark) -> str with unified line ends; InputError otherwise."""
    if not data.strip():
        raise InputError(source, "empty (no text in it)")
    for bom, encoding in _UTF_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"not decodable text: invalid {encoding.upper()} "
                                         f"at byte {exc.start}") from None
            return _checked(normalise_newlines(text), source)
    if is_binary(data):
        raise InputError(source, "binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not decodable text: invalid UTF-8 at byte {exc.start} "
                                 f"(save it as UTF-8)") from None
    return _checked(normalise_newlines(text), source)


def _checked(text: str, source: str) -> str:
    stripped = text.lstrip("\ufeff")
    if not stripped.strip():
        raise InputError(source, "empty (no text in it)")
    head = stripped[:8192]
    if len(_CONTROL.findall(head)) > max(2, len(head) // 100):
        raise InputError(source, "binary file, not text")
    return text
