"""Long documents cut into bounded windows at paragraph breaks, offsets moved back, entities merged."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from pactwatch.pipeline import windows


def test_windows_cut_at_a_blank_line_before_a_line_end():
    text = "a" * 50 + "\n\n" + "b" * 30 + "\n" + "c" * 40
    spans = windows.split(text, limit=100)
    assert spans == [(0, 52), (52, len(text))]


def test_windows_a_text_without_white_space_is_cut_hard():
    assert windows.split("x" * 250, limit=100) == [(0, 100), (100, 200), (200, 250)]


def test_windows_short_text_is_one_window():
    assert windows.split("short text", limit=100) == [(0, 10)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\t"), max_size=2_000), st.integers(min_value=5, max_value=300))
def test_windows_cover_the_text_in_bounded_pieces(text, limit):
    spans = windows.split(text, limit=limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < end - start <= limit for start, end in spans) or text == ""


def test_windows_captions_are_clipped_and_made_relative():
    assert windows.captions_in([(5, 15), (40, 60), (95, 120)], 10, 100) == [(0, 5), (30, 50), (85, 90)]


def test_windows_shift_offsets_and_merge_entities():
    first = [{"kind": "entity", "name": "Japan", "type": "GPE", "kb_id": "Q17", "aliases": ["Japan"],
              "mentions": [{"start": 0, "end": 5}]},
             {"kind": "quantity", "start": 0, "end": 20, "span_start": 3, "span_end": 6, "quote": "q"}]
    second = windows.shifted([{"kind": "entity", "name": "Japan", "type": "GPE", "kb_id": "Q17",
                               "aliases": ["Tokyo"], "mentions": [{"start": 2, "end": 7}]},
                              {"kind": "timex", "start": 10, "end": 14, "text": "2025"}], 100)
    merged = windows.merged(first + second)
    assert [r["kind"] for r in merged] == ["entity", "timex", "quantity"]
    assert merged[0]["aliases"] == ["Japan", "Tokyo"]
    assert merged[0]["mentions"] == [{"start": 0, "end": 5}, {"start": 102, "end": 107}]
    assert (merged[1]["start"], merged[1]["end"]) == (110, 114)
