"""The document view's text cut at the facts' offsets."""
from __future__ import annotations

from pactwatch.views.web.marks import marks_of, pieces

TEXT = "Seoul pledged $350 billion on July 30."


def _facts():
    return {"entity": [{"name": "South Korea", "type": "GPE", "mentions": [{"start": 0, "end": 5}]}],
            "timex": [{"text": "July 30", "start": 30, "end": 37, "value": "2025-07-30"}],
            "quantity": [{"measure": "investment_pledge", "value": 3.5e11, "unit": "USD", "holder": "South Korea",
                          "status": "pledged", "quote": TEXT, "start": 0, "end": len(TEXT), "span_start": 14, "span_end": 26}],
            "event": [{"type": "AGREE", "source": ["South Korea"], "target": [], "modality": "asserted",
                       "span_start": 6, "span_end": 13, "start": 0, "end": len(TEXT)}]}


def test_pieces_carry_the_kinds_covering_them():
    found, panel = marks_of(_facts())
    cut = pieces(TEXT, found)
    assert "".join(p.text for p in cut) == TEXT
    kinds = {p.text: p.kinds for p in cut}
    assert kinds == {"Seoul": ["entity"], " ": [], "pledged": ["event"], "$350 billion": ["amount"],
                     " on ": [], "July 30": ["date"], ".": []}
    assert [r["kind"] for r in panel] == ["entity", "event", "amount", "date"]
    assert next(p for p in cut if p.text == "July 30").anchor == "at30"


def test_overlapping_marks_and_a_quote():
    found, _ = marks_of(_facts(), quote_at=[6, 26])
    cut = pieces(TEXT, found)
    assert [p.kinds for p in cut if p.text == "$350 billion"] == [["amount", "quote"]]
    assert [p.kinds for p in cut if p.text == "pledged"] == [["event", "quote"]]


def test_offsets_outside_the_text_are_ignored():
    facts = {"timex": [{"text": "x", "start": 5, "end": 500, "value": "2025"}]}
    found, _ = marks_of(facts)
    assert [p.text for p in pieces(TEXT, found)] == [TEXT]
