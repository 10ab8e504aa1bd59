"""Format readers: Markdown front matter, HTML through trafilatura, PDF through pypdf."""
from __future__ import annotations

import pytest

from pactwatch.errors import InputError
from pactwatch.sources.formats import html_document, markdown_document, pdf_document, split_authors


@pytest.mark.parametrize("front, expected", [
    ('title: "Tide Tables Revised"\nauthor: Iris Vane\ndate: 2024-10-02\npublisher: Coast Weekly',
     ("Tide Tables Revised", ["Iris Vane"], "2024-10-02", "Coast Weekly")),
    ("title: Tide Tables Revised\nauthors:\n  - Iris Vane\n  - Omar Quill\npublished: October 2, 2024",
     ("Tide Tables Revised", ["Iris Vane", "Omar Quill"], "2024-10-02", None)),
    ("title: Tide Tables Revised\nauthors: [Iris Vane, Omar Quill]",
     ("Tide Tables Revised", ["Iris Vane", "Omar Quill"], None, None)),
])
def test_formats_markdown_front_matter_gives_metadata_and_text_is_kept(front, expected):
    raw = f"---\n{front}\n---\n\nThe harbour office published corrected tide tables for the winter.\n"
    doc = markdown_document(raw.encode(), "t.md")
    assert (doc.title, doc.authors, doc.published, doc.publisher) == expected
    assert doc.text == raw


def test_formats_markdown_heading_is_title():
    raw = "# Tide Tables Revised\n\n*By Iris Vane*\n\nThe harbour office corrected its tide tables.\n"
    doc = markdown_document(raw.encode(), "t.md")
    assert (doc.title, doc.authors) == ("Tide Tables Revised", ["Iris Vane"])


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"


LONG_PARAGRAPH = ("<p>The water board agreed on a new schedule for repairs to the eastern reservoir, which has "
                  "leaked since a storm damaged its spillway, and it promised residents regular updates.</p>")


def test_formats_html_does_not_take_a_date_from_the_body():
    # the only date on the page is an event in the text: it is not the publication date
    html = _page("<title>Reservoir Repairs Scheduled</title>",
                 "<h1>Reservoir Repairs Scheduled</h1><p>Work begins on March 14, 2023 and lasts a year.</p>"
                 + LONG_PARAGRAPH)
    assert html_document(html, "p.html").published is None


def test_formats_html_layout_fills_what_markup_lacks():
    html = _page("<title>Reservoir Repairs Scheduled</title>",
                 "<h1>Reservoir Repairs Scheduled</h1><p>By Wren Hollis</p><p>Published on June 9, 2024</p>"
                 + LONG_PARAGRAPH + "<p>\u00a9 2024 Lakeside Record. All rights reserved.</p>")
    doc = html_document(html, "p.html")
    assert (doc.title, doc.authors, doc.published, doc.publisher) == \
        ("Reservoir Repairs Scheduled", ["Wren Hollis"], "2024-06-09", "Lakeside Record")


@pytest.mark.parametrize("info, lines, expected", [
    ({"Title": "Bridge Inspection Findings", "Author": "Kofi Marsh, Lena Ortiz", "CreationDate": "D:20240115120000Z"},
     ["Some findings about the bridge."], ("Bridge Inspection Findings", ["Kofi Marsh", "Lena Ortiz"], "2024-01-15")),
    # a word processor's file name is not a title; the text's own headline is
    ({"Title": "Microsoft Word - draft_v3.docx"},
     ["Bridge Inspection Findings", "By Kofi Marsh", "The deck needs new bearings."],
     ("Bridge Inspection Findings", ["Kofi Marsh"], None)),
    # a date printed in the text beats CreationDate (the day the file was made)
    ({"CreationDate": "D:20250301000000Z"},
     ["Bridge Inspection Findings", "Published on February 2, 2024", "The deck needs new bearings."],
     ("Bridge Inspection Findings", [], "2024-02-02")),
])
def test_formats_pdf_metadata_then_text(pdf_bytes, info, lines, expected):
    doc = pdf_document(pdf_bytes([lines], info), "r.pdf")
    assert (doc.title, doc.authors, doc.published) == expected


def test_formats_pdf_pages_are_all_read(pdf_bytes):
    doc = pdf_document(pdf_bytes([["First page words."], ["Second page words."], ["Third page words."]]), "r.pdf")
    assert [w in doc.text for w in ("First", "Second", "Third")] == [True, True, True]
    assert doc.text.index("First") < doc.text.index("Second") < doc.text.index("Third")


def test_formats_pdf_without_text_is_empty(pdf_bytes):
    with pytest.raises(InputError, match="no extractable text"):
        pdf_document(pdf_bytes([[]]), "scan.pdf")


@pytest.mark.parametrize("value, names", [
    ("Kofi Marsh; Lena Ortiz", ["Kofi Marsh", "Lena Ortiz"]),
    ("Kofi Marsh and Lena Ortiz", ["Kofi Marsh", "Lena Ortiz"]),
    (["Kofi Marsh", "Kofi Marsh"], ["Kofi Marsh"]),
    ("Editorial Board", ["Editorial Board"]),     # kept as given, not dropped
    ("By Kofi Marsh", ["Kofi Marsh"]),
    ("", []),
])
def test_formats_split_authors(value, names):
    assert split_authors(value) == names


def test_formats_html_blocks_are_separated_by_a_blank_line():
    html = _page("<title>Reservoir Repairs Scheduled</title>", "<h1>Reservoir Repairs Scheduled</h1>" + LONG_PARAGRAPH)
    text = html_document(html, "p.html").text
    assert text.startswith("Reservoir Repairs Scheduled\n\nThe water board")


@pytest.mark.parametrize("title_tag, publisher", [
    ("Reservoir Repairs Scheduled | Lakeside Record", "Lakeside Record"),
    ("Lakeside Record - Reservoir Repairs Scheduled", "Lakeside Record"),
    ("Reservoir Repairs Scheduled", None),
    ("Water news | Lakeside Record", None),          # the other part is not the headline
])
def test_formats_html_site_name_from_title_tag(title_tag, publisher):
    html = _page(f"<title>{title_tag}</title>", "<h1>Reservoir Repairs Scheduled</h1>" + LONG_PARAGRAPH)
    doc = html_document(html, "p.html")
    assert (doc.title, doc.publisher) == ("Reservoir Repairs Scheduled", publisher)


WIRE_NO_YEAR = ("Ferry fares climb again in Busan\n\n"
                "BUSAN, Feb. 3 (Coastal Press) -- The city's ferry operators raised fares on Monday, blaming fuel "
                "costs and a shortage of deckhands for the second increase in as many months.\n\n(END)\n\nBy Mina Cho\n")


def _saved(tmp_path, when: str):
    import datetime
    import os

    path = tmp_path / "wire.txt"
    path.write_text(WIRE_NO_YEAR, encoding="utf-8")
    stamp = datetime.datetime.fromisoformat(when).timestamp()
    os.utime(path, (stamp, stamp))
    return path


@pytest.mark.parametrize("saved, published", [
    ("2025-03-01T12:00:00", "2025-02-03"),   # 3 Feb 2025 was a Monday, weeks before the file was saved
    ("2021-03-01T12:00:00", "2020-02-03"),   # saved a year later: the Monday 3 Feb before that
    ("2019-06-01T12:00:00", None),           # no Monday 3 Feb in the three years before 2019-06-01
])
def test_formats_yearless_dateline_year_bounded_by_when_the_file_was_saved(tmp_path, saved, published):
    from pactwatch.sources.formats import text_document

    path = _saved(tmp_path, saved)
    doc = text_document(path.read_bytes(), str(path))
    assert (doc.published, doc.authors, doc.publisher) == (published, ["Mina Cho"], "Coastal Press")
    assert doc.text == WIRE_NO_YEAR
    # the end marker is marked as layout (with the byline under it), never cut from the text
    assert [doc.text[s:e] for s, e in doc.captions] == ["(END)"]
    # (the header and footer kinds; headings and credited names are tested in tests/documents/layout)
    assert [(doc.text[s:e], kind) for s, e, kind in doc.layout if kind in ("dateline", "end_marker", "byline")] == [
        ("BUSAN, Feb. 3 (Coastal Press) --", "dateline"), ("(END)", "end_marker"), ("By Mina Cho", "byline")]


def test_formats_seen_date_is_never_after_today(tmp_path):
    import datetime

    from pactwatch.sources.formats import seen_date

    path = _saved(tmp_path, "2099-01-01T00:00:00")
    assert seen_date(str(path)) == datetime.date.today()
    assert seen_date("https://example.org/story") == datetime.date.today()
    assert seen_date(f"{_saved(tmp_path, '2025-03-01T12:00:00')}#7") == datetime.date(2025, 3, 1)
