"""One reader per format: bytes of a text, Markdown, HTML or PDF document -> Document."""
from __future__ import annotations

import html as html_lib
import io
import os
import re
from datetime import date

from pactwatch.documents.layout.words import LayoutWords
from pactwatch.documents.metadata import parse_date, parse_names, recognise, strip_site_suffix
from pactwatch.documents.model import Document
from pactwatch.errors import InputError
from pactwatch.sources.decode import decode_text, is_binary, normalise_newlines

METADATA_FIELDS = ("title", "authors", "published", "publisher")


def fill_from_text(doc: Document, seen: date | None = None, lw: LayoutWords | None = None) -> Document:
    """Fields the format's own metadata left empty come from the text's layout; captions and layout always do.

    `seen`: when the article was saved (a file's modification date) or read (today), never later than
    today. It only bounds the year a year-less wire dateline may take; it is never the published date.
    `lw`: the layout's words with the user's --kb additions (`layout_words(kb_dirs)`; the packaged ones when None)."""
    found = recognise(doc.text, seen=seen or seen_date(doc.source), lw=lw)
    for name in METADATA_FIELDS:
        if not getattr(doc, name) and found[name]:
            setattr(doc, name, found[name])
    doc.captions = found["captions"]
    doc.layout = found["layout"]
    return doc


def seen_date(source: str) -> date:
    """When the document was saved: a file's modification date, else today (a URL or stdin is read now)."""
    today = date.today()
    path = source.split("#", 1)[0] if not os.path.exists(source) else source
    try:
        return min(today, date.fromtimestamp(os.path.getmtime(path))) if os.path.isfile(path) else today
    except (OSError, ValueError, OverflowError):
        return today


def split_authors(value, lw: LayoutWords | None = None) -> list[str]:
    """An author field as a list or as "A; B" / "A, B and C" -> names, in order, without repeats."""
    items = value if isinstance(value, list) else re.split(r"\s*;\s*", str(value or ""))
    names: list[str] = []
    for item in items:
        item = re.sub(r"^by\s+", "", str(item).strip(), flags=re.IGNORECASE)
        if not item:
            continue
        parsed = parse_names(item, lw=lw)
        for name in parsed or [item]:   # keep an unusual name as given rather than drop it
            if name not in names:
                names.append(name)
    return names


def text_document(data: bytes, source: str, lw: LayoutWords | None = None) -> Document:
    return fill_from_text(Document(source=source, text=decode_text(data, source), format="txt"), lw=lw)


def markdown_document(data: bytes, source: str, lw: LayoutWords | None = None) -> Document:
    text = decode_text(data, source)
    doc = Document(source=source, text=text, format="md")
    front = re.match(r"\A\ufeff?---\n(?P<body>.*?)\n---[ \t]*\n", text, re.DOTALL)
    if front:
        fields = read_front_matter(front.group("body"))
        doc.title = _scalar(fields.get("title"))
        doc.authors = split_authors(fields.get("authors") or fields.get("author") or [], lw)
        when = _scalar(fields.get("published") or fields.get("date"))
        doc.published = parse_date(when) if when else None
        doc.publisher = _scalar(fields.get("publisher") or fields.get("site") or fields.get("source"))
    return fill_from_text(doc, lw=lw)


def read_front_matter(body: str) -> dict:
    """The `key: value`, `key: [a, b]` and `- item` lists of YAML front matter; nothing fancier."""
    fields: dict = {}
    key = None
    for line in body.splitlines():
        if (m := re.match(r"^\s*-\s+(.*)$", line)) and key:
            if not isinstance(fields.get(key), list):
                fields[key] = []
            fields[key].append(_unquote(m.group(1)))
        elif m := re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line):
            key, value = m.group(1).lower(), m.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                fields[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
            else:
                fields[key] = _unquote(value)
    return fields


def _scalar(value) -> str | None:
    """A front-matter value as one string: the first item of a list, None when blank."""
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip() or None if value is not None else None


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def html_document(data: bytes | str, source: str, url: str | None = None, fmt: str = "html",
                  lw: LayoutWords | None = None) -> Document:
    import trafilatura

    if isinstance(data, bytes) and is_binary(data):
        raise InputError(source, "binary file, not HTML")
    try:
        result = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False,
            # only dates the page states in its markup: a date quoted in the body is not the publication date
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        raise InputError(source, f"not readable HTML ({type(exc).__name__})") from None
    text = normalise_newlines(result.text) if result is not None and result.text else ""
    # trafilatura puts each block (heading, paragraph, list item) on one line; a blank line between
    # blocks keeps a headline from running into the first sentence, as in a saved text article
    text = re.sub(r"\n+", "\n\n", text.strip("\n"))
    if not text.strip():
        raise InputError(source, "empty (no article text found in the page)")
    doc = Document(source=source, text=text, format=fmt,
                   title=(result.title or None), authors=split_authors(result.author, lw),
                   published=parse_date(result.date) if result.date else None,
                   publisher=result.sitename or None)
    doc = fill_from_text(doc, lw=lw)
    site = site_from_title_tag(data, doc.title)
    if site and not doc.publisher:
        doc.publisher = site
    if doc.title and doc.publisher:
        doc.title = strip_site_suffix(doc.title, doc.publisher)
    return doc


_TITLE_TAG = re.compile(r"<title[^>]*>(?P<t>[^<]{1,500})</title>", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—:-]\s+")


def site_from_title_tag(data: bytes | str, headline: str | None) -> str | None:
    """<title>Headline | Site</title> (or "Site - Headline"): the part that is not the headline."""
    head = data[:200_000].decode("utf-8", "replace") if isinstance(data, bytes) else data[:200_000]
    m = _TITLE_TAG.search(head)
    if not m or not headline:
        return None
    parts = [html_lib.unescape(p).strip() for p in _TITLE_SEPARATORS.split(m.group("t").strip())]
    if len(parts) != 2:
        return None
    key = headline.strip().casefold()
    for this, other in (parts, parts[::-1]):
        if this.casefold() == key and 1 <= len(other.split()) <= 6:
            return other
    return None


_JUNK_PDF_TITLE = re.compile(r"^(?:untitled|microsoft word\b|document\d*$|.*\.(?:docx?|pdf|indd|rtf)$)",
                             re.IGNORECASE)


def pdf_document(data: bytes, source: str, lw: LayoutWords | None = None) -> Document:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(source, "the PDF is encrypted with a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many error types on damaged files
        raise InputError(source, f"not a readable PDF ({type(exc).__name__})") from None
    text = normalise_newlines("\n\n".join(p.strip("\n") for p in pages))
    if not text.strip():
        raise InputError(source, "empty (the PDF has no extractable text; a scanned PDF needs OCR first)")
    doc = Document(source=source, text=text, format="pdf")
    try:
        info = reader.metadata
    except Exception:  # a damaged /Info dictionary: read the text's own metadata instead
        info = None
    created_iso = None
    if info:
        title = (info.title or "").strip() if isinstance(info.title, str) else ""
        doc.title = title if title and not _JUNK_PDF_TITLE.match(title) else None
        doc.authors = split_authors(info.author, lw) if isinstance(info.author, str) else []
        try:
            created = info.creation_date
        except Exception:  # a malformed /CreationDate string
            created = None
        created_iso = created.date().isoformat() if created else None
    doc = fill_from_text(doc, lw=lw)
    # A date line printed in the text beats CreationDate, which is when the file was made (a page
    # printed to PDF years later); CreationDate fills in only when the text states no date.
    doc.published = doc.published or created_iso
    return doc
