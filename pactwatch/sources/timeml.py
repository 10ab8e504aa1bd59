"""TimeML in: a .tml file (TempEval-3 style) as a Document. The text is what sits inside <TEXT>
with every tag removed (the annotations already there are ignored); the creation time is the
value of the TIMEX3 inside <DCT>."""
from __future__ import annotations

import html
import re
from pathlib import Path

from pactwatch.documents.model import Document
from pactwatch.errors import InputError

TEXT_ELEMENT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>(.*?)</DCT>", re.S)
_DCT_VALUE = re.compile(r"""<TIMEX3\b[^>]*\bvalue\s*=\s*["'](\d{4}-\d{2}-\d{2})""")
_TAG = re.compile(r"<[^>]*>")
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)


def plain_text(body: str) -> str:
    """The characters of a TimeML <TEXT> body without its tags, entities decoded."""
    return html.unescape(_TAG.sub("", body))


def read_timeml(path: str | Path, data: bytes | None = None) -> Document:
    """The Document a .tml file holds; InputError when it is unreadable or not TimeML. `data`: the
    file's bytes when the caller has read them already (as sources.read does, by size, from a
    regular file only)."""
    source = str(path)
    try:
        raw = data.decode("utf-8") if data is not None else Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(source, "file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(source, f"cannot read TimeML file ({e.__class__.__name__})") from None
    m = TEXT_ELEMENT.search(raw)
    if m is None:
        raise InputError(source, "not a TimeML file: no <TEXT> element")
    body = m.group(1)
    if body.count("<") != body.count(">"):
        raise InputError(source, "malformed TimeML: unbalanced tags inside <TEXT>")
    text = plain_text(body)
    if not text.strip():
        raise InputError(source, "TimeML file has an empty <TEXT>")
    published = None
    dct = _DCT.search(raw)
    if dct:
        value = _DCT_VALUE.search(dct.group(1))
        published = value.group(1) if value else None
    title = _TITLE.search(raw)
    return Document(source=source, text=text, published=published, format="timeml",
                    title=plain_text(title.group(1)).strip() or None if title else None)
