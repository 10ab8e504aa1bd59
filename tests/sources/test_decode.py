"""Bytes -> text: encodings, line ends, binary and HTML sniffing, size wording."""
from __future__ import annotations

import pytest

from pactwatch.errors import InputError
from pactwatch.sources.decode import decode_text, human_size, looks_like_html


@pytest.mark.parametrize("data, text", [
    ("naïve café\n".encode("utf-8"), "naïve café\n"),
    ("naïve\r\ncafé\r".encode("utf-16"), "naïve\ncafé\n"),
    (b"a\r\nb\rc\n", "a\nb\nc\n"),
])
def test_decode_text_reads_unicode_and_unifies_line_ends(data, text):
    assert decode_text(data, "x") == text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b" \n\t ", "empty"),
    (b"%PDF-1.7 text-like start", "binary"),
    (b"\x1b\x02\x03\x04\x05\x06\x07\x08" * 10, "binary"),
    (b"caf\xe9", "not decodable text: invalid UTF-8 at byte 3"),
])
def test_decode_text_rejects(data, reason):
    with pytest.raises(InputError) as exc:
        decode_text(data, "x")
    assert reason in exc.value.reason


@pytest.mark.parametrize("data, is_html", [
    (b"<!DOCTYPE html><html><body>x</body></html>", True),
    (b"\n  <html lang='en'>", True),
    (b"Notes\n<p>one</p><div>two</div>", True),
    (b"Prices rose 3% <as expected> in May.", False),
    (b"Plain text only.", False),
])
def test_decode_looks_like_html(data, is_html):
    assert looks_like_html(data) == is_html


@pytest.mark.parametrize("n, words", [(99, "99 bytes"), (20_000_000, "20 MB"), (1_500, "1.5 kB")])
def test_decode_human_size(n, words):
    assert human_size(n) == words
