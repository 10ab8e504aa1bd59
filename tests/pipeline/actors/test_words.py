"""actors/words.py: the word lists come from knowledge/data/actor_words.toml and the user's folders,
checked on reading."""
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


def test_a_users_folder_adds_to_the_packaged_lists_and_is_read_once_per_folders(tmp_path):
    (tmp_path / "actor_words.toml").write_text('region_words = ["canton"]\norg_heads = ["Syndicate"]\n',
                                               encoding="utf-8")
    packaged, extended = words.actor_words(), words.actor_words((str(tmp_path),))
    assert "canton" in extended.region_words and "Syndicate" in extended.org_heads
    assert packaged.region_words < extended.region_words          # the packaged words stay
    assert get_string_id("canton") in extended.region_or_polity_ids
    assert "canton" not in packaged.region_words and "Syndicate" not in packaged.org_heads
    assert words.actor_words((str(tmp_path),)) is extended


@pytest.mark.parametrize("content, problem", [
    ('possessive = "\'s"', "[possessive] must be a list, as in the packaged"),    # not a list
    ("possessive = [", ""),                                              # not TOML
    ('harbour_words = ["quay"]', "harbour_words"),                       # no such list
])
def test_a_broken_users_file_is_a_knowledge_error_naming_it(tmp_path, content, problem):
    (tmp_path / "actor_words.toml").write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="actor_words.toml") as e:
        words.actor_words((str(tmp_path),))
    assert problem in str(e.value) and str(tmp_path) in str(e.value)


def test_a_broken_packaged_list_is_a_knowledge_error(tmp_path, monkeypatch):
    bad = tmp_path / "actor_words.toml"
    bad.write_text('possessive = []\n', encoding="utf-8")
    monkeypatch.setattr(words, "DATA_FILE", bad)        # read in place of the packaged file
    words.actor_words.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match="possessive"):
            words.actor_words()
    finally:
        words.actor_words.cache_clear()
