"""The word lists reconciliation reads from the knowledge data."""
from __future__ import annotations

import pytest

from pactwatch.reconcile import lexicon


def test_the_lists_reconcile_needs_are_in_the_data_file():
    words = lexicon.words()
    for name in ("common_report_words", "event_ordinals", "multi_holder_offices", "the_first_words",
                 "the_last_words"):
        assert words[name], name
    assert lexicon.ordered("term_ordinals")[:2] == ["first", "second"]   # the second term is the second


@pytest.mark.parametrize("name, the", [("United States", True), ("Philippines", True), ("Czech Republic", True),
                                       ("Japan", False), ("South Korea", False)])
def test_state_names_read_with_the(name, the):
    assert lexicon.reads_with_the(name) is the
