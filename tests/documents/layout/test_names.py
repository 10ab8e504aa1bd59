"""names.py owns what opens a byline and what a copyright notice is: the header, the footer and the
credited names read both the same way."""
from __future__ import annotations

import pytest

from pactwatch.documents.layout import credits
from pactwatch.documents.layout.footer import copyright_publisher
from pactwatch.documents.layout.header import is_layout_line
from pactwatch.documents.layout.names import BYLINE, COPYRIGHT, copyright_owners


def _authors(line: str) -> list[str]:
    text = line + "\n"
    return [text[s:e] for s, e, k in credits.find(text) if k == "byline_author"]


@pytest.mark.parametrize("line, names", [
    ("By Petra Lund", ["Petra Lund"]),
    ("BY PETRA LUND", ["PETRA LUND"]),
    ("Written by Petra Lund and Omar Haddad", ["Petra Lund", "Omar Haddad"]),
    ("Commentary by: Petra Lund", ["Petra Lund"]),
    ("Photo by Petra Lund", []),                   # a credit, not a byline
    ("Byron Hale spoke first.", []),
])
def test_names_a_byline_the_header_reads_is_the_one_whose_authors_are_credited(line, names):
    assert _authors(line) == names
    assert bool(BYLINE.match(line)) == (line.lower().startswith(("by ", "written by", "commentary by")))


def test_names_a_byline_opener_never_runs_over_a_line_end():
    assert _authors("Reported by\nPetra Lund") == []
    assert not BYLINE.match("by\nPetra Lund")


@pytest.mark.parametrize("line, owner", [
    ("© 2031 The Harbour Ledger", "Harbour Ledger"),
    ("Copyright © 2030-2031 Harbour Ledger Group. All rights reserved.", "Harbour Ledger Group"),
    ("ⓒ 2031, Harbour Ledger", "Harbour Ledger"),
    ("COPYRIGHT 2031 Harbour Ledger", "Harbour Ledger"),
    ("(c) Harbour Ledger", "Harbour Ledger"),
])
def test_names_every_copyright_reader_takes_the_same_notices(line, owner):
    text = "The ferries will share one timetable.\n" + line + "\n"
    assert [text[m.start(1):m.end(1)].rstrip(".") for m in copyright_owners(text)] == [owner]
    assert [text[s:e] for s, e, k in credits.find(text) if k == "copyright_outlet"] == [owner]
    assert COPYRIGHT.match(line) and is_layout_line(line)
    assert copyright_publisher(text, []) == owner


def test_names_a_copyright_line_is_one_line():
    assert copyright_owners("©\nHarbour Ledger\n") == []
    assert copyright_owners("The ferries run © 2031 Harbour Ledger\n") == []   # not a line of its own
