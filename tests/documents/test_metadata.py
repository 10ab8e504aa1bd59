"""The plain-text metadata stage, on article layouts written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from pactwatch.documents.metadata import parse_date, parse_names, recognise

BODY = ("Officials from the two port cities signed a memorandum on Tuesday that sets out how their harbour "
        "authorities will share data on shipping traffic, a step both sides said had been discussed for years "
        "without result.")


def meta(text: str) -> dict:
    return recognise(text)


# the kinds the header, footer and caption readers give (headings, links and credited names are
# tested in tests/documents/layout/)
FRAME_KINDS = {"caption", "credit", "end_marker", "byline", "date_line", "dateline", "masthead"}


def frame(found: dict) -> list:
    return [x for x in found["layout"] if x[2] in FRAME_KINDS]


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
                                        "publisher": None, "captions": [], "layout": []}


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


# ---------------------------------------------------------------- year-less wire datelines


LEAD = ("BUSAN, {md} (Coastal Press) -- The city's ferry operators raised fares {when}, blaming fuel costs "
        "and a shortage of deckhands for the second increase in as many months.")
REST = "Passenger groups said they would appeal to the regional council before the new prices take effect."


def wire(md: str, when: str = "again", extra: str = REST) -> str:
    return f"Ferry fares climb again in Busan\n\n{LEAD.format(md=md, when=when)}\n\n{extra}\n"


@pytest.mark.parametrize("text, seen, published", [
    # a full date elsewhere in the text, a few weeks before: across the turn of the year
    (wire("Feb. 3", extra="The first increase was announced on Dec. 20, 2024, after a council vote."), None,
     "2025-02-03"),
    # a full date years away says nothing about the dateline's year
    (wire("Feb. 3", extra="The route opened on Sept. 1, 2019, with two boats."), None, None),
    # a year named in the dateline's own paragraph
    (wire("Feb. 3", when="for the first time in 2025"), None, "2025-02-03"),
    # only a weekday (3 Feb 2025 was a Monday): the one recent year before the article was saved
    (wire("Feb. 3", when="on Monday"), date(2025, 6, 1), "2025-02-03"),
    (wire("Feb. 3", when="on Monday"), date(2026, 2, 3), "2025-02-03"),
    # ... never a year after it was saved, never without a weekday, never from the clock alone
    (wire("Feb. 3", when="on Monday"), date(2025, 1, 20), None),
    (wire("Feb. 3"), date(2025, 6, 1), None),
    (wire("Feb. 3", when="on Monday"), None, None),
    # the weekday must fit the full date's year: the day itself, or the day before (yesterday's news)
    (wire("Feb. 4", when="on Monday", extra="The first increase came on Dec. 20, 2024."), None, "2025-02-04"),
    (wire("Feb. 3", when="on Thursday", extra="The first increase came on Dec. 20, 2024."), None, None),
    # a year the lead names for an earlier event: the weekday picks it or the year after (4 June 2025 was a Wednesday)
    (wire("June 4", when="on Wednesday, six months after the storms of December 2024"), None, "2025-06-04"),
    # years the text names elsewhere, none fitting the weekday: the recent years before it was saved decide
    (wire("Feb. 3", when="on Monday", extra="The route has run since 2011."), date(2025, 6, 1), "2025-02-03"),
])
def test_metadata_yearless_dateline_takes_the_year_the_text_fixes(text, seen, published):
    assert recognise(text, seen=seen)["published"] == published


def test_metadata_date_in_a_caption_does_not_fix_a_dateline_year():
    text = ("Ferry fares climb again in Busan\n\n"
            "A ferry at the pier on Aug. 2, 2021. (Photo by Ana Roe/Coastal Press)\n\n"
            + LEAD.format(md="Feb. 3", when="again") + "\n")
    assert recognise(text)["published"] is None


# ---------------------------------------------------------------- the foot of the story

BODY2 = ("Harbour officials said the new timetable would add two evening sailings to the island route from "
         "next month, and that a third boat would be leased while the oldest vessel is repaired in dry dock.")


@pytest.mark.parametrize("marker", ["(END)", "-30-", "###", "— END —"])
def test_metadata_byline_after_an_end_marker(marker):
    text = f"Ferry timetable adds evening sailings\n\n{BODY2}\n\n{marker}\n\nBy Mina Cho\n"
    found = recognise(text)
    assert found["authors"] == ["Mina Cho"]
    # the marker is layout: marked as such, so later stages can skip it, and left in the text
    assert [text[s:e] for s, e in found["captions"]] == [marker]
    assert [(text[s:e], kind) for s, e, kind in frame(found)] == [(marker, "end_marker"), ("By Mina Cho", "byline")]


def test_metadata_end_marker_at_the_end_of_the_last_paragraph():
    text = f"Ferry timetable adds evening sailings\n\n{BODY2} (END)\n"
    assert [text[s:e] for s, e in recognise(text)["captions"]] == ["(END)"]


@pytest.mark.parametrize("footer, expected", [
    # byline with a desk, date line and the outlet on its own line
    ("By Mina Cho, Busan correspondent\nMarch 3, 2025\nHarbour Ledger", (["Mina Cho"], "2025-03-03", "Harbour Ledger")),
    # one sign-off line: name and date
    ("Mina Cho | March 3, 2025", (["Mina Cho"], "2025-03-03", None)),
    ("— Mina Cho, Busan, March 3, 2025", (["Mina Cho"], "2025-03-03", None)),
    # a bare name only counts in a dated sign-off
    ("Mina Cho\nMarch 3, 2025", (["Mina Cho"], "2025-03-03", None)),
    ("Mina Cho", ([], None, None)),
    # an outlet's name alone, with nobody signing, is not read as the publisher
    ("Harbour Ledger", ([], None, None)),
    # a short closing sentence is prose, not a sign-off
    ("The council votes on March 3, 2025.", ([], None, None)),
    ("Copyright (c) Coastal Press Agency", ([], None, "Coastal Press Agency")),
])
def test_metadata_sign_off_at_the_foot(footer, expected):
    found = recognise(f"Ferry timetable adds evening sailings\n\n{BODY2}\n\n{footer}\n")
    assert (found["authors"], found["published"], found["publisher"]) == expected


def test_metadata_header_byline_wins_over_the_foot():
    text = f"Ferry timetable adds evening sailings\nBy Ola Berg\nMay 2, 2025\n\n{BODY2}\n\nBy Mina Cho\nMarch 3, 2025\n"
    found = recognise(text)
    assert (found["authors"], found["published"]) == (["Ola Berg"], "2025-05-02")


def test_metadata_byline_desk_is_not_an_affiliation():
    found = recognise(f"Ferry timetable adds evening sailings\nBy Mina Cho, Busan bureau chief\n\n{BODY2}\n")
    assert (found["authors"], found["publisher"]) == (["Mina Cho"], None)


# ---------------------------------------------------------------- what is never a title

@pytest.mark.parametrize("header", [
    "Published Mar. 3, 2025, 6:10 a.m. ET | Updated Mar. 4, 2025, 9:00 a.m. ET\n",
    "Updated 2 hours ago\n",
    "By Mina Cho\n",
    "Photo by Ana Roe\n",
])
def test_metadata_layout_lines_are_never_the_title(header):
    # a headline that reads as a sentence leaves no title-case line above the byline
    text = f"By Mina Cho and Ola Berg\n{header}\n{BODY2}\n"
    assert recognise(text)["title"] is None


def test_metadata_date_line_under_a_two_sentence_headline():
    text = ("Busan Kept Its Ferry Subsidy. The Money Runs Out in June.\n\n"
            "A deal struck last week buys the island route a few more months.\n\n"
            "By Mina Cho and Ola Berg\nPublished Mar. 3, 2025, 6:10 a.m. ET | Updated Mar. 4, 2025, 9:00 a.m. ET\n\n"
            f"{BODY2}\n")
    found = recognise(text)
    assert found["title"] == "Busan Kept Its Ferry Subsidy. The Money Runs Out in June."
    assert (found["authors"], found["published"]) == (["Mina Cho", "Ola Berg"], "2025-03-03")


def test_metadata_dateline_is_not_the_title():
    text = f"BUSAN, March 3 (Coastal Press) -- {BODY2}\n\n{BODY2}\n"
    found = recognise(text)
    assert (found["title"], found["publisher"]) == (None, "Coastal Press")


# ---------------------------------------------------------------- captions and credits

@pytest.mark.parametrize("line, kind", [
    ("Photo by Ana Roe", "credit"),
    ("Photo courtesy of the harbour office", "credit"),
    ("Credit: Ana Roe for Harbour Ledger", "credit"),
    ("[Photo] A ferry leaves the island pier at dusk.", "caption"),
    ("(Image) Passengers queue for the morning boat.", "caption"),
    ("Passengers queue for the morning boat. (Photo: Ana Roe/Coastal Press)", "caption"),
    ("(Photo: Ana Roe/Coastal Press)", "credit"),
])
def test_metadata_caption_and_credit_lines(line, kind):
    text = f"Ferry timetable adds evening sailings\n\n{line}\n\n{BODY2}\n"
    found = recognise(text)
    assert [(text[s:e], k) for s, e, k in frame(found)] == [(line, kind)]
    assert [text[s:e] for s, e in found["captions"]] == [line]


def test_metadata_photo_credit_inside_a_paragraph():
    paragraph = BODY2 + " (Photo: Ana Roe/Coastal Press) " + BODY2
    (start, end, kind), = frame(recognise(paragraph))
    assert (paragraph[start:end], kind) == ("(Photo: Ana Roe/Coastal Press)", "credit")


def test_metadata_prose_starting_with_photo_is_not_a_credit():
    assert recognise(f"Ferry timetable adds evening sailings\n\nPhotographers gathered at the pier. {BODY2}\n")[
        "captions"] == []


@pytest.mark.parametrize("footer, publisher", [
    ("By Mina Cho\nMarch 3, 2025\nRelated Articles", None),           # closing links are not an outlet
    ("Harbour Ledger\n\nThe council votes next week.\nBy Mina Cho", None),  # not beside the signature
    ("Harbour Ledger\nBy Mina Cho\nMarch 3, 2025", "Harbour Ledger"),
])
def test_metadata_masthead_at_the_foot_sits_beside_the_signature(footer, publisher):
    assert recognise(f"Ferry timetable adds evening sailings\n\n{BODY2}\n\n{footer}\n")["publisher"] == publisher


def test_metadata_labelled_date_above_a_long_disclaimer():
    disclaimer = ("The views in this piece are the author's alone and are not those of any body the author "
                  "works for or advises, nor of the editors who selected it for publication on this site.")
    text = f"Ferry timetable adds evening sailings\nBy Mina Cho\n\n{BODY2}\n\nPublished on March 3, 2025\n\n{disclaimer}\n"
    assert recognise(text)["published"] == "2025-03-03"


@pytest.mark.parametrize("footer, expected", [
    # page links under the sign-off are neither an author nor an outlet
    ("March 3, 2025\nHarbour Ledger\nPrivacy Policy\nTerms of Use", ([], "2025-03-03", "Harbour Ledger")),
    # a country's name beside the date is not an outlet
    ("South Korea\nJapan\nMarch 3, 2025", ([], "2025-03-03", None)),
])
def test_metadata_foot_of_a_page_is_not_all_signature(footer, expected):
    found = recognise(f"Ferry timetable adds evening sailings\n\n{BODY2}\n\n{footer}\n")
    assert (found["authors"], found["published"], found["publisher"]) == expected


@pytest.mark.parametrize("header, publisher", [
    ("The Coastal Daily\n\nPort Cities Sign Data-Sharing Pact\nBy Tom Hale\n", "Coastal Daily"),
    ("Harbour Policy Review\nPort Cities Sign Data-Sharing Pact\nBy Tom Hale\n", "Harbour Policy Review"),
    # a kicker or a place above the headline is not an outlet
    ("Korea Chair\nPort Cities Sign Data-Sharing Pact\nBy Tom Hale\n", None),
    # under the headline, a name is not a masthead
    ("Port Cities Sign Data-Sharing Pact\nBy Tom Hale\nCoastal Daily\n", None),
])
def test_metadata_masthead_above_the_headline(header, publisher):
    found = meta(header + "\n" + BODY)
    assert (found["title"], found["publisher"]) == ("Port Cities Sign Data-Sharing Pact", publisher)


def test_metadata_layout_names_header_lines_and_only_the_dateline_part_of_the_lead():
    text = (f"Ferry timetable adds evening sailings\nBy Mina Cho | March 3, 2025\nUpdated March 4, 2025\n\n"
            f"BUSAN, March 3 (Coastal Press) -- {BODY2}\n")
    found = recognise(text)
    assert [(text[s:e], kind) for s, e, kind in frame(found)] == [
        ("By Mina Cho | March 3, 2025", "byline"), ("Updated March 4, 2025", "date_line"),
        ("BUSAN, March 3 (Coastal Press) --", "dateline")]
    assert found["captions"] == []   # header lines are layout, but not captions: their names and dates count
