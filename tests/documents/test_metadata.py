"""The plain-text metadata stage, on article layouts written for these tests."""
from __future__ import annotations

import pytest

from pactwatch.documents.metadata import parse_date, parse_names, recognise

BODY = ("Officials from the two port cities signed a memorandum on Tuesday that sets out how their harbour "
        "authorities will share data on shipping traffic, a step both sides said had been discussed for years "
        "without result.")


def meta(text: str) -> dict:
    return recognise(text)


@pytest.mark.parametrize("header, title", [
    # section label and image alt text are skipped; the headline sits above the standfirst and byline
    ("A ship leaving the harbour at dawn\n\nA tanker leaves port. (Photo by Sam Reed/Getty Images)\n\n"
     "analysis\n\nCan Two Ports Share One Data System?\n\nA long-delayed plan finally moves ahead.\n\n"
     "By Tom Hale\nPublished on May 6, 2025\n", "Can Two Ports Share One Data System?"),
    ("OPINION\nPort Cities Sign Data-Sharing Pact\nBy Tom Hale\n", "Port Cities Sign Data-Sharing Pact"),
    ("Ports agree to share shipping data after years of talks\nBy Tom Hale\n",
     "Ports agree to share shipping data after years of talks"),
    ("Harbour Authorities Strike a Deal With the U.S.\nBy Tom Hale\n",
     "Harbour Authorities Strike a Deal With the U.S."),
    ("Port Cities Sign Data-Sharing Pact\n\n", "Port Cities Sign Data-Sharing Pact"),
    ("# Port Cities Sign Data-Sharing Pact\n\n*By Tom Hale*\n", "Port Cities Sign Data-Sharing Pact"),
])
def test_metadata_title_is_the_headline(header, title):
    assert meta(header + "\n" + BODY)["title"] == title


@pytest.mark.parametrize("text", [
    BODY + "\n\n" + BODY,                                            # starts with a paragraph
    "Officials met on Tuesday.\nBy Tom Hale\n\n" + BODY,             # a sentence is not a headline
    "news\n\n" + BODY,                                               # a section label alone
])
def test_metadata_no_title_when_there_is_no_headline(text):
    assert meta(text)["title"] is None


@pytest.mark.parametrize("line, authors", [
    ("By Tom Hale and Rosa Ng", ["Tom Hale", "Rosa Ng"]),
    ("by\u00a0Tom Hale,\u00a0Rosa Ng\u00a0and Ida Wu", ["Tom Hale", "Rosa Ng", "Ida Wu"]),
    ("BY TOM HALE", ["Tom Hale"]),
    ("By Tom Hale, Staff Reporter", ["Tom Hale"]),
    ("By Tom Hale in Busan", ["Tom Hale"]),
    ("By Anne-Marie de la Cruz", ["Anne-Marie de la Cruz"]),
    ("Authors: Tom Hale; Rosa Ng", ["Tom Hale", "Rosa Ng"]),
    ("Tom Hale and Rosa Ng | Harbour Times", ["Tom Hale", "Rosa Ng"]),
    ("By contrast, the port stayed shut", []),
    ("By the numbers", []),
])
def test_metadata_byline(line, authors):
    assert meta(f"Port Cities Sign Data-Sharing Pact\n{line}\n\n{BODY}")["authors"] == authors


def test_metadata_byline_with_publisher_after_bar():
    found = meta(f"Port Cities Sign Data-Sharing Pact\nTom Hale and Rosa Ng | Harbour Times\n\n{BODY}")
    assert found["publisher"] == "Harbour Times"


def test_metadata_reporting_credit_in_footer_when_no_byline():
    found = meta(f"{BODY}\n\nReporting by Tom Hale and Rosa Ng; Editing by Ida Wu\n")
    assert found["authors"] == ["Tom Hale", "Rosa Ng"]


@pytest.mark.parametrize("lines, published", [
    ("Published on May 6, 2025", "2025-05-06"),
    ("Published: 6 May 2025 09:15 GMT", "2025-05-06"),
    ("Updated Sept. 9, 2025, 4:10 p.m. EDT", "2025-09-09"),
    ("Published 2025-05-06 | Updated 2025-05-08", "2025-05-06"),
    ("Updated May 8, 2025\nPublished May 6, 2025", "2025-05-06"),
    ("Tuesday, May 6, 2025", "2025-05-06"),
    ("2025.05.06", "2025-05-06"),
    ("Updated 3 hours ago", None),
    ("", None),
])
def test_metadata_date_line(lines, published):
    assert meta(f"Port Cities Sign Data-Sharing Pact\nBy Tom Hale\n{lines}\n\n{BODY}")["published"] == published


def test_metadata_date_inside_a_caption_is_not_the_publication_date():
    text = ("Port Cities Sign Data-Sharing Pact\n"
            "Mayors at the signing on March 3, 2024 in Busan. (Pool photo by Sam Reed/Getty Images)\n"
            "By Tom Hale\n\n" + BODY)
    assert meta(text)["published"] is None


@pytest.mark.parametrize("dateline, published, publisher", [
    ("BUSAN, May 6, 2025 (Coastal Press) -- ", "2025-05-06", "Coastal Press"),
    # no year: the weekday in the paragraph and a year the text names pin it down (6 May 2025 was a Tuesday)
    ("BUSAN, May 6 (Coastal Press) -- ", "2025-05-06", "Coastal Press"),
    ("BUSAN, South Korea (Coastal Press) — ", None, "Coastal Press"),
])
def test_metadata_dateline(dateline, published, publisher):
    text = f"Port Cities Sign Data-Sharing Pact\n\n{dateline}{BODY} The plan starts in 2025.\n"
    found = meta(text)
    assert (found["published"], found["publisher"]) == (published, publisher)


@pytest.mark.parametrize("tail", [
    " The plan starts soon.",                      # no year anywhere: never guess one
    " The plan was first drafted in 2019.",        # 6 May 2019 and 2020 were not Tuesdays
])
def test_metadata_dateline_year_is_never_guessed(tail):
    text = f"Port Cities Sign Data-Sharing Pact\n\nBUSAN, May 6 (Coastal Press) -- {BODY}{tail}\n"
    assert meta(text)["published"] is None


@pytest.mark.parametrize("footer, publisher", [
    ("The Harbour Policy Forum does not take institutional positions on any issue.", "Harbour Policy Forum"),
    ("The views expressed are the author's and do not necessarily reflect the views of Tidewater Institute, "
     "its staff, or its board.", "Tidewater Institute"),
    ("© 2025 Harbour Times. All rights reserved.", "Harbour Times"),
    ("Copyright 2019-2025 Coastline Media Inc.", "Coastline Media"),
    ("(c) Coastline Media 2024", "Coastline Media"),
    ("Thanks for reading.", None),
])
def test_metadata_publisher_from_footer(footer, publisher):
    assert meta(f"Port Cities Sign Data-Sharing Pact\nBy Tom Hale\n\n{BODY}\n\n{footer}\n")["publisher"] == publisher


@pytest.mark.parametrize("line, is_caption", [
    ("Cranes at the terminal. (Photo by Sam Reed / Getty Images)", True),
    ("Pool photo by Sam Reed", True),
    ("Dock workers return to their posts. REUTERS/Kim Min-su", True),
    ("Officials at the signing. (AP Photo/Lee Jin-man)", True),
    ("Photo: Harbour Times", True),
    ("A Reuters/Ipsos poll found most residents back the plan.", False),
    ("The photo exhibition opens next week.", False),
])
def test_metadata_captions_are_marked_not_removed(line, is_caption):
    text = f"Port Cities Sign Data-Sharing Pact\n\n{line}\n\n{BODY}\n"
    found = meta(text)
    spans = [text[s:e] for s, e in found["captions"]]
    assert (spans == [line]) == is_caption
    assert line in text   # the caption stays in the text


def test_metadata_credit_inside_a_long_paragraph_marks_only_the_credit():
    paragraph = BODY + " (Photo by Sam Reed/Getty Images) " + BODY
    (start, end), = meta(paragraph)["captions"]
    assert paragraph[start:end] == "(Photo by Sam Reed/Getty Images)"


def test_metadata_undated_text_without_header_is_all_empty():
    assert meta(BODY + "\n" + BODY) == {"title": None, "authors": [], "published": None,
                                        "publisher": None, "captions": []}


@pytest.mark.parametrize("s, iso", [
    ("Aug. 21, 2025", "2025-08-21"), ("21 August 2025", "2025-08-21"), ("2025-08-21", "2025-08-21"),
    ("2025.8.21.", "2025-08-21"), ("2025-02-30", None), ("yesterday", None), ("August 2025", None),
])
def test_metadata_parse_date(s, iso):
    assert parse_date(s) == iso


@pytest.mark.parametrize("s, names", [
    ("Tom Hale, Rosa Ng and Ida Wu", ["Tom Hale", "Rosa Ng", "Ida Wu"]),
    ("Tom Hale & Rosa Ng", ["Tom Hale", "Rosa Ng"]),
    ("South Korea and Japan", []),
    ("Staff", []),
])
def test_metadata_parse_names(s, names):
    assert parse_names(s) == names


def test_metadata_date_mentioned_in_a_sentence_is_not_a_date_line():
    text = ("Port Cities Sign Data-Sharing Pact\nShort note.\n"
            "A study published on April 2, 2024 found delays at both ports.\n\n" + BODY)
    assert meta(text)["published"] is None


def test_metadata_date_line_under_the_article():
    assert meta(f"Port Cities Sign Data-Sharing Pact\nBy Tom Hale\n\n{BODY}\n\nPublished on May 6, 2025\n")[
        "published"] == "2025-05-06"


def test_metadata_title_drops_site_suffix():
    assert meta(f"Port Cities Sign Data-Sharing Pact | Harbour Times\nBy Tom Hale\n\n{BODY}")["title"] == \
        "Port Cities Sign Data-Sharing Pact"


@pytest.mark.parametrize("line", [
    "Satellite pictures (images released by the operator) show two ships.",
    "The mayor (photos of whom were everywhere) spoke first.",
])
def test_metadata_parenthetical_prose_about_images_is_not_a_caption(line):
    assert meta(f"Port Cities Sign Data-Sharing Pact\n\n{line}\n\n{BODY}")["captions"] == []


def test_metadata_bare_name_under_the_date_line():
    text = f"Port Cities Sign Data-Sharing Pact\nMay 6, 2025\nRosa Ng\nSenior Fellow, Maritime Program\n\n{BODY}"
    assert meta(text)["authors"] == ["Rosa Ng"]


def test_metadata_disclaimer_back_reference_gets_full_name():
    footer = ("The Institute for Harbour Studies is an independent body. "
              "The Institute does not take specific policy positions.")
    assert meta(f"{BODY}\n\n{footer}\n")["publisher"] == "Institute for Harbour Studies"


WIRE = """World
Asia Pacific

Ferry operators raise fares for third time this year

By Hyun-woo Park and Clara Betts

March 3, 2025 8:12 AM GMT+9 Updated 2 hours ago

BUSAN, March 3 (Coastal Press) - Ferry companies on the southern coast raised ticket prices again on Monday, citing fuel costs and a shortage of crew, the third increase since January.

Operators said the change would add about a tenth to the price of a return trip.

Reporting by Hyun-woo Park; Editing by Sam Holm
"""
NEWSPAPER = """National
Transport
Ferry fares to rise again next month
Published : Mar. 3, 2025 - 15:02
By Son Ji-won
Ferry operators on the southern coast will raise ticket prices again next month, the transport ministry said Monday, adding to complaints from island residents who depend on the boats for trips to the mainland.
"""
INSTITUTE = """Commentary
What Higher Ferry Fares Mean for Island Towns
March 4, 2025
Victor Alcott
Senior Fellow, Coastal Program
The latest fare increase has been described as unavoidable by operators, but it raises a harder question about how island communities can keep their schools and clinics staffed when every trip costs more.
The Centre for Coastal Affairs is a private, nonpartisan institution. The Centre does not take specific policy positions.
"""


@pytest.mark.parametrize("text, expected", [
    (WIRE, ("Ferry operators raise fares for third time this year", ["Hyun-woo Park", "Clara Betts"],
            "2025-03-03", "Coastal Press")),
    (NEWSPAPER, ("Ferry fares to rise again next month", ["Son Ji-won"], "2025-03-03", None)),
    (INSTITUTE, ("What Higher Ferry Fares Mean for Island Towns", ["Victor Alcott"], "2025-03-04",
                 "Centre for Coastal Affairs")),
])
def test_metadata_whole_layouts(text, expected):
    found = meta(text)
    assert (found["title"], found["authors"], found["published"], found["publisher"]) == expected


@pytest.mark.parametrize("text", [
    "The Of And For The " * 5000 + "does not take",   # a long run of capitalised words
    "Ab-" * 20000 + " does not take",                 # one endless hyphenated word
    "REUTERS/" + "Ab-" * 5000,
    "a" + " " * 20000 + "b",
])
def test_metadata_pathological_text_stays_linear(text):
    import time
    started = time.perf_counter()
    recognise(text)
    assert time.perf_counter() - started < 3.0   # quadratic matching took minutes on these


@pytest.mark.parametrize("header, expected", [
    # email in brackets after an all-caps byline; date with a trailing time
    ("Ferry Fares Rise Again\nPublished: 3 Mar. 2025, 18:02\nBy OH MIN-JI [oh.minji@example.com]\n",
     (["Oh Min-ji"], "2025-03-03", None)),
    # a label before "by", and the byline carries the date
    ("Ferry Fares Rise Again\nCommentary by Rosa Ng and Tom Hale on March 3, 2025\n",
     (["Rosa Ng", "Tom Hale"], "2025-03-03", None)),
    ("Ferry Fares Rise Again\nPosted by Rosa Ng | Thu, Mar 6, 2025\n", (["Rosa Ng"], "2025-03-06", None)),
    # the part after the names says who they write for
    ("Ferry Fares Rise Again\nBy Rosa Ng and Tom Hale, Coastal Press\n", (["Rosa Ng", "Tom Hale"], None, "Coastal Press")),
    # time before the date; weekday and time around it
    ("Ferry Fares Rise Again\nBy ROSA NG\nUpdated 3:41 AM EST, March 6, 2025\n", (["Rosa Ng"], "2025-03-06", None)),
    ("Ferry Fares Rise Again\nRosa Ng in Busan\nThu 6 Mar 2025 09.15 GMT\n", (["Rosa Ng"], "2025-03-06", None)),
    ("Ferry Fares Rise Again\nAll News 10:38 March 6, 2025\nBy Rosa Ng\n", (["Rosa Ng"], "2025-03-06", None)),
    # a bare name above the date line
    ("Ferry Fares Rise Again\nRosa Ng, Tom Hale\nMarch 6, 2025\n", (["Rosa Ng", "Tom Hale"], "2025-03-06", None)),
])
def test_metadata_byline_and_date_variants(header, expected):
    found = meta(header + "\n" + BODY)
    assert found["title"] == "Ferry Fares Rise Again"
    assert (found["authors"], found["published"], found["publisher"]) == expected


@pytest.mark.parametrize("line", ["What Changed on March 6, 2025", "Ferry Fares After March 6, 2025"])
def test_metadata_headline_with_a_date_is_not_a_date_line(line):
    assert meta(f"{line}\nBy Rosa Ng\n\n{BODY}")["published"] is None


@pytest.mark.parametrize("header, title", [
    ("(LEAD) Ferry operators raise fares again\nBy Rosa Ng\n", "Ferry operators raise fares again"),
    ("(2nd LD) Ferry operators raise fares again\nBy Rosa Ng\n", "Ferry operators raise fares again"),
    ("Listen to this article\nFerry operators raise fares again\nBy Rosa Ng\n", "Ferry operators raise fares again"),
    ("Ferry Operators Raise Fares Again - Coastal Press\nBy Rosa Ng\n", "Ferry Operators Raise Fares Again"),
])
def test_metadata_title_cleanup(header, title):
    footer = "\n\n\u24d2 Coastal Press. All rights reserved.\n"
    found = meta(header + "\n" + BODY + footer)
    assert found["title"] == title and found["publisher"] == "Coastal Press"


@pytest.mark.parametrize("affiliation", ["Editing by Sam Holm", "reporters for the paper"])
def test_metadata_lowercase_words_are_not_a_publisher(affiliation):
    found = meta(f"Ferry Fares Rise Again\nBy Rosa Ng, {affiliation}\n\n{BODY}")
    assert found["publisher"] is None and found["authors"] == ["Rosa Ng"]


@pytest.mark.parametrize("header", [
    "Harbour Policy Review\n\nPort Cities Sign Data-Sharing Pact\n\nBy Tom Hale\n",      # masthead above
    "Port Cities Sign Data-Sharing Pact\n\nofficials hope the deal holds\n\nBy Tom Hale\n",  # standfirst below
    "By Tom Hale\n\nPort Cities Sign Data-Sharing Pact\n\nMay 6, 2025\n",                # byline above
])
def test_metadata_title_among_other_header_lines(header):
    assert meta(header + "\n" + BODY)["title"] == "Port Cities Sign Data-Sharing Pact"


def test_metadata_date_line_with_reading_time():
    assert meta(f"Port Cities Sign Data-Sharing Pact\nMay 6, 2025 | 4 min read\n\n{BODY}")["published"] == "2025-05-06"


def test_metadata_bare_name_under_the_headline_without_date_line():
    found = meta(f"Port Cities Sign Data-Sharing Pact\n\nRosa Ng\n\n{BODY}")
    assert (found["title"], found["authors"]) == ("Port Cities Sign Data-Sharing Pact", ["Rosa Ng"])
