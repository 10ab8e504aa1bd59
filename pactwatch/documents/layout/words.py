"""The layout's word lists, read once from knowledge/data/page_layout.toml and checked there."""
from __future__ import annotations

import functools

from ...knowledge import loader

DATA_FILE = "page_layout.toml"
KEYS = ("link_openers", "link_openers_open", "controls", "photo_agencies", "news_agencies", "section_labels",
        "nav_words", "publication_words", "nav_openers", "name_particles", "not_person_words")


@functools.lru_cache(maxsize=1)
def words() -> dict:
    """Every word list of page_layout.toml; a missing or malformed list is a KnowledgeError naming it."""
    data, check = loader.Checked.of(DATA_FILE)
    for key in KEYS:
        check.words(data, key, key)
    return data
