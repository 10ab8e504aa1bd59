"""Plain-text metadata: title, byline, date, publisher and photo captions, read from how news pages are laid out.

A saved article usually opens with a header (section label, headline, standfirst, byline, date
line) before the body, may start its body with a wire dateline ("SEOUL, Aug. 5 (Agency) --"),
and ends with a footer: an end marker ("(END)", "-30-", "###"), a sign-off (byline, date, the outlet's
name), a copyright line, a disclaimer. Photo captions and credits sit between paragraphs.
`recognise` finds each of these without changing the text: captions, credits and end markers come
back as character ranges into it, and every layout element as a typed range.

The layout itself (lines, dates, names, captions, header, footer) is read by `documents.layout`;
this module picks the document's fields from it.
"""
from __future__ import annotations

from datetime import date

from .layout import page_elements
from .layout.captions import find_layout
from .layout.dates import DATE_LABEL, DATE_RE, parse_date, unfuse
from .layout.footer import agency_of_record, copyright_publisher, disclaimer_publisher, read_footer, reporting_credits
from .layout.header import (Header, is_layout_line, title_strength, dateline_date, header_layout, header_masthead,
                            markdown_title, pick_title, strip_site_suffix)
from .layout.lines import BODY_MIN_WORDS, HEADER_MAX_LINES, split_lines, unmark
from .layout.names import bare_names, clean_org, parse_names
from .layout.words import LayoutWords, layout_words

__all__ = ["recognise", "parse_date", "parse_names", "strip_site_suffix"]


def recognise(text: str, seen: date | None = None, lw: LayoutWords | None = None) -> dict:
    """Title, authors, published date, publisher, caption ranges and layout of a plain-text article.

    Returns {"title", "authors", "published" (YYYY-MM-DD), "publisher", "captions": [(start, end)],
    "layout": [(start, end, kind)]}; what the text does not state stays empty. `seen`: when the article was
    saved or read (a year-less wire dateline may take the one recent year its weekday falls on). `lw`:
    page_layout.toml's words with the --kb additions (`layout_words(kb_dirs)`; None: the packaged ones)."""
    lw = lw or layout_words()
    lines = unfuse(unmark(split_lines(text)))
    layout = find_layout(lines)
    captions = [(s, e) for s, e, _ in layout]
    caption_starts = {s for s, _ in captions}
    in_caption = [line.start in caption_starts for line in lines]
    header_end = min(len(lines), HEADER_MAX_LINES)
    for i, line in enumerate(lines[:header_end]):
        if line.words >= BODY_MIN_WORDS and not in_caption[i]:
            header_end = i
            break

    header = Header(lw=lw)
    # the header lines, and the first body line, which may open with a dateline
    for i, line in enumerate(lines[:header_end + 1]):
        if in_caption[i] or not header.read_line(line, in_header=i < header_end):
            continue
        layout.append(header_layout(line, lw))
        if header.anchor is None:
            header.anchor = i
        if i >= header_end:
            break

    footer = read_footer(lines, in_caption, [x for x in layout if x[2] == "end_marker"], lw)
    published = header.published
    if published is None and header.updated is None:  # some sites print the date line under the article
        published = footer.published
        for line in lines[-5:] if published is None else ():   # ... or above a long disclaimer
            dm = DATE_LABEL.match(line.clean) if line.words <= 16 else None
            if dm and (iso := parse_date(dm.group("date"))):
                published = iso
    if published is None and header.dateline:
        published = dateline_date(header.dateline[0], text, header.dateline[1], captions, seen)
    published = published or header.updated or footer.updated

    title = (markdown_title(text, lines) or pick_title(lines, in_caption, header.anchor, header_end, lw)
             or _fused_headline(lines[:header_end], lw))
    authors = header.authors
    if not authors and (header.anchor is not None or title):
        # a bare name just above or under the date line ("Jane Doe" / "August 4, 2025" / "Senior Fellow"),
        # or, with no date line, just under the headline
        near = (header.anchor - 1, header.anchor + 1, header.anchor + 2) if header.anchor is not None else \
            [i + 1 for i in range(min(2, len(lines))) if lines[i].clean == title]
        for i in near:
            if 0 <= i < header_end and not in_caption[i] and lines[i].clean != title and \
                    (names := bare_names(lines[i].clean, lw)):
                authors = names
                break
    if not authors and header.anchor is None and not title and header_end == 1 and not in_caption[0] \
            and lines[0].words <= 6 and len(lines[0].clean) <= 80 and (names := bare_names(lines[0].clean, lw)):
        authors = names   # a page opening with a name alone, then the story: its byline
        layout.append((lines[0].start, lines[0].end, "byline"))
        for name in names:
            if (at := lines[0].raw.find(name)) >= 0:
                layout.append((lines[0].start + at, lines[0].start + at + len(name), "byline_author"))
    if not authors:  # a byline or sign-off at the foot of the story
        authors = list(footer.authors)
    if not authors:  # wire copy credits its reporters in a footer: "Reporting by A and B; Editing by C"
        for m in reporting_credits(text):
            authors += [n for n in parse_names(m.group("names"), lw=lw) if n not in authors]

    outlet = _fused_outlet(lines[:header_end], title, lw)
    if outlet:
        layout.append(outlet[1])
    masthead = footer.masthead or header_masthead(lines, in_caption, title, header_end, lw) or (outlet and outlet[0])
    publisher = (disclaimer_publisher(text, captions) or header.byline_publisher or footer.byline_publisher
                 or copyright_publisher(text, captions) or masthead or header.affiliation
                 or footer.affiliation or header.agency or agency_of_record(text, lw))
    if title and publisher:
        title = strip_site_suffix(title, publisher)
    return {"title": title, "authors": authors, "published": published, "publisher": publisher,
            "captions": captions,
            "layout": sorted(set(layout + footer.layout + page_elements(text, lines, lw)))}




def _fused_headline(lines, lw: LayoutWords) -> str | None:
    """A headline a scraped page ran into its date line ("date 2025-08-07 Ports Sign a Pact")."""
    return next((line.clean for line in lines if line.fused and not DATE_RE.search(line.clean)
                 and title_strength(line, lw) >= 1), None)


def _fused_outlet(lines, title: str | None, lw: LayoutWords) -> tuple[str, tuple[int, int, str]] | None:
    """The outlet's name a scraped page ran into its date line ("Harbour LedgerJul 25, 2025"): a
    capitalised name that is no person's, no headline and no layout line -> (name, its range)."""
    for line in lines:
        if not line.fused or line.clean == title or DATE_RE.search(line.clean) or is_layout_line(line.clean, lw):
            continue
        org = clean_org(line.clean)
        if org and org == line.clean.removeprefix("The ") and len(org.split()) <= 6 and not bare_names(line.clean, lw):
            start = line.start + line.clean.index(org)
            return org, (start, start + len(org), "outlet")
    return None
