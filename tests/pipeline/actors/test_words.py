"""actors/words.py: the word lists come from knowledge/data/actor_words.toml, checked on reading."""
from __future__ import annotations

import pytest
from spacy.strings import get_string_id

from pactwatch.errors import KnowledgeError
from pactwatch.pipeline.actors import words


def test_every_list_is_read_from_the_data_file():
    w = words.actor_words()
    assert "Herald" in w.org_heads and "Times" in w.org_heads
    assert "oblast" in w.region_words and "dynasty" in w.polity_words
    assert {"'s", "’s"} <= w.possessive
    assert get_string_id("kingdom") in w.region_or_polity_ids
    assert get_string_id("province") in w.region_or_polity_ids
    assert get_string_id("embassy") not in w.region_or_polity_ids


def test_the_file_is_read_once():
    assert words.actor_words() is words.actor_words()


@pytest.mark.parametrize("content, problem", [
    ('possessive = "\'s"', "[possessive] 'possessive' must be a list"),        # not a list
    ("possessive = [", ""),                                              # not TOML
])
def test_a_broken_data_file_is_a_knowledge_error_naming_it(tmp_path, monkeypatch, content, problem):
    bad = tmp_path / "actor_words.toml"
    bad.write_text(content, encoding="utf-8")
    monkeypatch.setattr(words, "DATA_FILE", bad)
    words.actor_words.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match="actor_words.toml") as e:
            words.actor_words()
        assert problem in str(e.value)
    finally:
        words.actor_words.cache_clear()


def test_an_unknown_list_is_refused(tmp_path, monkeypatch):
    good = words.DATA_FILE.read_text(encoding="utf-8")
    extra = tmp_path / "actor_words.toml"
    extra.write_text(good + '\nharbour_words = ["quay"]\n', encoding="utf-8")
    monkeypatch.setattr(words, "DATA_FILE", extra)
    words.actor_words.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match="harbour_words"):
            words.actor_words()
    finally:
        words.actor_words.cache_clear()
