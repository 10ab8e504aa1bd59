"""The layout's word lists, read once from knowledge/data/page_layout.toml and checked there."""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "page_layout.toml"
KEYS = ("link_openers", "link_openers_open", "controls", "photo_agencies", "news_agencies", "section_labels",
        "nav_words", "publication_words", "nav_openers", "name_particles", "not_person_words")


@functools.lru_cache(maxsize=1)
def words() -> dict:
    """Every word list of page_layout.toml; a missing or malformed list is a KnowledgeError naming it."""
    from pactwatch.errors import KnowledgeError
    try:
        data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise KnowledgeError(f"{DATA_FILE}: {e}") from None
    for key in KEYS:
        if not isinstance(data.get(key), list) or not all(isinstance(w, str) and w.strip() for w in data[key]):
            raise KnowledgeError(f"{DATA_FILE}: {key} must be a list of words")
    return data
