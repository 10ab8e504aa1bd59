"""The page layout's one owner: headings, links, credited names, and the layout kept in the store."""
from __future__ import annotations

import re
import sqlite3
import sys

from pactwatch.documents.layout import credits, furniture, of_kind
from pactwatch.documents.layout.lines import folded, line_matches, matches_at, occurrences, split_lines
from pactwatch.documents.metadata import recognise


def kinds(text: str, *wanted: str) -> list[tuple[str, str]]:
    return [(text[s:e], k) for s, e, k in recognise(text)["layout"] if k in wanted]


def test_layout_credits_name_authors_photographers_and_outlets():
    text = ("Ferry Lines Merge Their Timetables\n"
            "By Petra Lund and Omar Haddad | The Harbour Ledger\n\n"
            "The two ferry companies said their boats would share one timetable from the spring. "
            "(Photo by Ines Ruiz/Coastal Press)\n\n(Reporting by Karl Berg; Editing by Lina Moss)\n"
            "© 2031 Harbour Ledger Group\n")
    found = [(text[s:e], k) for s, e, k in credits.find(text)]
    assert ("Ines Ruiz", "photographer") in found
    assert ("Karl Berg", "wire_author") in found and ("Lina Moss", "wire_author") in found
    assert ("Harbour Ledger Group", "copyright_outlet") in found
    assert [n for n, k in found if k == "byline_author"] == ["Petra Lund", "Omar Haddad"]
    assert ("The Harbour Ledger", "byline_outlet") in found or ("Harbour Ledger", "byline_outlet") in found


def test_layout_byline_jobs_are_no_names_and_a_bar_line_without_by_waits_for_the_model():
    assert [k for _, _, k in credits.find("By Staff Reporters\n")] == []
    text = "Petra Lund | Harbour Ledger\n"
    assert [k for _, _, k in credits.find(text)] == ["bar_byline", "byline_author", "byline_outlet"]


def test_layout_headings_are_short_capitalised_lines_not_under_a_byline():
    text = "Ports Agree On Shared Rules\n\nThe ports agreed on rules.\nBy Petra Lund\nHarbour Ledger Weekly\n"
    heads = [text[s:e] for s, e in of_kind(furniture.headings(split_lines(text)), "heading")]
    assert heads == ["Ports Agree On Shared Rules", "By Petra Lund"]


def test_layout_link_lines_come_from_the_word_list():
    text = "Also Read: Ferry fares rise again\nThe fares rose.\nMore from Europe | Ports\nReadiness matters: yes\n"
    assert [text[s:e] for s, e, _ in furniture.link_lines(text)] == [
        "Also Read: Ferry fares rise again", "More from Europe | Ports"]


def test_layout_of_a_document_holds_every_reader_kind():
    text = "Ports Agree On Shared Rules\nBy Petra Lund\nPublished on May 6, 2031\n\nThe ports agreed on rules.\n"
    found = kinds(text, "heading", "byline", "byline_author")
    assert ("Ports Agree On Shared Rules", "heading") in found
    assert ("By Petra Lund", "byline") in found and ("Petra Lund", "byline_author") in found


def test_layout_is_stored_through_its_migration(tmp_path):
    from pactwatch.documents.model import Document
    from pactwatch.facts import document_record
    from pactwatch.store import Store
    path = tmp_path / "s.db"
    store = Store(path)
    assert "0003_document_layout" in store.migrations()
    doc = Document(source="x.txt", text="By Petra Lund\n\nThe ports agreed.", layout=[(0, 13, "byline")])
    store.add(document_record(doc), [])
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT layout FROM documents").fetchone()[0] == "[[0, 13, \"byline\"]]"


def test_layout_a_subhead_in_capitals_is_a_heading_whatever_it_ends_with():
    text = 'The ferry deal was signed.\nMINISTER CALLED IT A "FAIR BARGAIN"\nNO, SAID THE MAYOR.\n'
    heads = [text[s:e] for s, e, _ in furniture.headings(split_lines(text))]
    assert heads == ['MINISTER CALLED IT A "FAIR BARGAIN"', "NO, SAID THE MAYOR."]


def test_layout_a_name_before_a_picture_agency_is_a_photographer():
    text = ("Ines Ruiz/AP\nCrews unload the ferry in port on Tuesday. Karl Berg/Getty Images\n"
            "Trade between Norway/AP members grew.\n")
    assert [text[s:e] for s, e, k in credits.find(text) if k == "photographer"] == ["Ines Ruiz", "Karl Berg"]


def test_layout_elements_a_scraped_page_ran_together_are_split():
    from pactwatch.documents.layout.dates import unfuse
    text = "Harbour LedgerJul 25, 2031 8:47 PM\nJuly 09, 2031Coast Gazette\ndate 2031-07-25 Ferry Crews Win New Deal\n"
    parts = [(line.clean, line.fused) for line in unfuse(split_lines(text))]
    assert parts == [("Harbour Ledger", True), ("Jul 25, 2031 8:47 PM", True), ("July 09, 2031", True),
                     ("Coast Gazette", True), ("date 2031-07-25", True), ("Ferry Crews Win New Deal", True)]


def test_layout_outlet_run_into_the_date_line_is_the_publisher_never_a_person():
    body = ("Ferry crews in the northern ports agreed a new contract with the operators on Tuesday after "
            "months of talks that had stalled twice over pay and hours, the union said in a statement.")
    found = recognise("Coast GazetteJul 25, 2031 8:47 PM\n\n" + body + "\n")
    assert (found["publisher"], found["published"], found["authors"]) == ("Coast Gazette", "2031-07-25", [])
    found = recognise("July 09, 2031Harbour Report\n\n" + body + "\n")
    assert (found["publisher"], found["authors"]) == ("Harbour Report", [])
    found = recognise("date 2031-07-25 Ferry crews win a new deal after long talks\n\n" + body + "\n")
    assert found["title"] == "Ferry crews win a new deal after long talks"


def test_layout_menus_and_site_controls():
    text = ("Download on the App Store\nGo to contents\nFerry Crews Win A New Contract\nBy Petra Lund\n\n"
            "The crews signed on Tuesday.\nWorld\nJuly 2031\nPorts\nAugust 2031\n")
    found = [(text[s:e], k) for s, e, k in furniture.menus(split_lines(text))]
    assert found == [("Download on the App Store", "control"), ("Go to contents", "control"), ("World", "menu"),
                     ("July 2031", "menu"), ("Ports", "menu"), ("August 2031", "menu")]
    assert recognise(text)["title"] == "Ferry Crews Win A New Contract"


def test_layout_an_app_banner_is_never_the_title():
    assert recognise("Download on the App Store\n\nFerry crews win a new contract\n")["title"] != \
        "Download on the App Store"


def test_layout_html_a_scraper_left_splits_lines_and_a_lone_opening_name_is_the_byline():
    body = ("Ferry crews in the northern ports agreed a new contract with the operators on Tuesday after "
            "months of talks that had stalled twice over pay and hours, the union said in a statement that "
            "was read out at the quay to the crews and their families.")
    text = f"<h6><strong>Petra Lund</strong></h6> <h4>{body}</h4> More text follows here."
    found = recognise(text)
    assert found["authors"] == ["Petra Lund"]
    assert ("Petra Lund", "byline_author") in [(text[s:e], k) for s, e, k in found["layout"]]
    # a name opening a page that has a headline is not taken for a byline by this rule
    assert recognise("Petra Lund\nFerry Crews Win A New Contract\n\n" + body)["authors"] != ["Ferry Crews"]


def test_layout_wire_copy_names_itself_in_its_verification_formula():
    body = ("The minister said the ferries carried 9,000 people a day, a figure Reuters could not independently "
            "verify. Officials at the port declined to comment on the contract or on the figure.")
    assert recognise(body)["publisher"] == "Reuters"
    assert recognise(body.replace("Reuters", "the union"))["publisher"] is None
    assert recognise(body.replace("Reuters", "Mayor Lund"))["publisher"] is None


def test_layout_reaches_the_doc_through_make_doc_alone():
    import spacy

    from pactwatch import pipeline
    from pactwatch.documents.model import Document
    nlp = spacy.blank("en")
    document = Document(source="x.txt", text="By Petra Lund\n\nThe ports agreed.", published="2031-05-06",
                        captions=[(0, 2)], layout=[(0, 13, "byline"), (3, 13, "byline_author")])
    doc = pipeline.make_doc(nlp, document)
    assert (doc._.dct, doc._.captions, doc._.layout) == ("2031-05-06", [(0, 2)],
                                                         [(0, 13, "byline"), (3, 13, "byline_author")])
    # a bare text gets the layout the metadata stage reads in it
    bare = pipeline.as_document("By Petra Lund\n\nThe ports agreed.")
    assert (3, 13, "byline_author") in bare.layout


def test_layout_word_lists_are_checked_where_they_are_read(tmp_path):
    import pytest as _pytest

    from pactwatch.documents.layout.words import layout_words
    from pactwatch.errors import KnowledgeError
    (tmp_path / "page_layout.toml").write_text('link_openers = "Related"\n', encoding="utf-8")
    with _pytest.raises(KnowledgeError, match="link_openers"):
        layout_words((str(tmp_path),))
    assert "Related" in layout_words().data["link_openers"]


def test_layout_a_place_in_capitals_and_a_dash_opening_the_body_is_a_dateline():
    # no date and no agency, the dash run into the first word: still the body's dateline
    text = ("Harbour chiefs call data pact 'overdue'\n"
            "LISBON —The port authority said on Monday it would share shipping data with three neighbours "
            "from next spring, a step its board had put off for years.\n")
    found = [(text[s:e], kind) for s, e, kind in recognise(text)["layout"] if kind == "dateline"]
    assert found == [("LISBON —", "dateline")]


def test_layout_an_ordinary_sentence_with_a_dash_is_no_dateline():
    text = ("Harbour chiefs call data pact 'overdue'\n"
            "The EU-Japan deal - a surprise to many traders - was signed on Monday by both port authorities, "
            "which had argued over it for years.\n")
    assert of_kind(recognise(text)["layout"], "dateline") == []


def test_layout_credits_take_the_users_kb_words(tmp_path):
    from pactwatch.documents.layout.words import layout_words
    (tmp_path / "page_layout.toml").write_text('photo_agencies = ["Quaylens"]\n', encoding="utf-8")
    (tmp_path / "not_names.toml").write_text('not_names = ["Scribe"]\n', encoding="utf-8")
    text = "The two port chiefs at the signing. Mara Quist/Quaylens\n\nThe ports agreed.\n\nTidal Scribe/AP\n"
    packaged = [(text[s:e], k) for s, e, k in credits.find(text) if k == "photographer"]
    assert packaged == [("Tidal Scribe", "photographer")]   # an agency the packaged list lacks, a name it takes
    own = [(text[s:e], k) for s, e, k in credits.find(text, layout_words((str(tmp_path),))) if k == "photographer"]
    assert own == [("Mara Quist", "photographer")]


def test_layout_folded_text_holds_every_word_a_caseless_pattern_finds():
    # the gates before the costly patterns look for lower-case words in folded text: each character `re`
    # takes for one of theirs, case aside, must fold to it
    every_char = "".join(map(chr, range(sys.maxunicode + 1)))
    for char in [chr(c) for c in range(0x20, 0x7f) if not chr(c).isupper()] + ["©", "ⓒ"]:
        for pattern in (re.escape(char), f"[{re.escape(char)}]"):
            taken = set(re.findall(pattern, every_char, re.IGNORECASE))
            assert {folded(c) for c in taken} == {char}, (char, taken)
    assert len(folded(every_char)) == len(every_char)   # char for char: a place in it is the place in the text
    assert "copyright" in folded("COPYR\u0130GHT ſ")


def test_layout_matches_at_finds_what_finditer_finds():
    photo = re.compile(r"\b[Pp]hoto(?:\s+by)?\s+([A-Z]\w+)")
    text = "Photo by Ann Photo Lee, aPhoto Roe; photo by Kim\nPhoto  Choi"
    starts = [at - 1 for at in occurrences(text, ("hoto",)) if at]
    assert [m.span(1) for m in matches_at(photo, text, starts)] == [m.span(1) for m in photo.finditer(text)] != []


def test_layout_line_matches_finds_what_finditer_finds():
    pattern = re.compile(r"^[^\S\n]*(?:By[^\S\n]+(\w+)|(\w+)[^\S\n]*\|)[^\n]*$", re.M)
    text = "By Jane\n\n  Roe | Star\nnot By him\nBy\nBy Ann\n"
    assert [m.span() for m in line_matches(pattern, text)] == [m.span() for m in pattern.finditer(text)] != []
