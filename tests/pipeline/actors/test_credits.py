"""actors/credits.py: the layout's credited names as mentions, and heading ranges."""
from __future__ import annotations

from pactwatch.pipeline.actors.credits import PageRanges, bar_is_byline, credited
from pactwatch.pipeline.actors.mention import ActorMention


def test_page_ranges_hold_a_span_that_starts_inside_one(blank):
    doc = blank("Big Headline Here\nBody text follows.")
    ranges = PageRanges([(0, 17)])
    assert ranges.holds(doc[0:2])
    assert not ranges.holds(doc[4:6])
    assert not PageRanges([]).holds(doc[0:1])


def test_a_byline_author_is_a_person_and_an_outlet_an_organisation(blank):
    text = "By Petra Lindqvist, The Korea Ledger"
    doc = blank(text)
    page = [(3, 18, "byline_author"), (20, 36, "byline_outlet")]
    korea = next(t.i for t in doc if t.text == "Korea")
    place = ActorMention(korea, korea + 1, candidates=[("gpe:KOR", "alias")])
    mentions = [place]
    out = credited(doc, text, page, mentions)
    assert [(doc[m.start:m.end].text, m.label, m.name) for m in out] == [
        ("Petra Lindqvist", "PERSON", None), ("The Korea Ledger", "ORG", "The Korea Ledger")]
    # the place inside the outlet's name is no actor
    assert place not in mentions


def test_a_credit_over_a_name_already_found_is_not_added(blank):
    text = "By Petra Lindqvist"
    doc = blank(text)
    taken = ActorMention(1, 3, label="PERSON", kind="model")
    assert credited(doc, text, [(3, 18, "byline_author")], [taken]) == []


def test_a_bar_line_of_common_words_is_a_kicker_not_a_byline(blank):
    text = "Trade War | Markets"
    doc = blank(text)
    page = [(0, len(text), "bar_byline"), (0, 9, "byline_author")]
    common = {"trade", "war", "markets"}
    assert not bar_is_byline(doc, text, (0, len(text)), page, common)
    assert credited(doc, text, page, [], common) == []
    # a name that is no English word makes it a byline
    text = "Ilse Vantongeren | Ledger"
    doc = blank(text)
    assert bar_is_byline(doc, text, (0, len(text)), [(0, len(text), "bar_byline"), (0, 16, "byline_author")], common)
