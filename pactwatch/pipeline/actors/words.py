"""The actor linker's word lists, read once from knowledge/data/actor_words.toml and checked there."""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from spacy.strings import get_string_id

DATA_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "actor_words.toml"


@dataclass(frozen=True)
class ActorWords:
    """One frozenset per list of actor_words.toml (the file says what each is for)."""
    possessive: frozenset[str]
    determiners: frozenset[str]
    ordinal_words: frozenset[str]
    name_connectors: frozenset[str]
    name_lowercase_words: frozenset[str]
    rank_words: frozenset[str]
    address_verbs: frozenset[str]
    region_words: frozenset[str]
    polity_words: frozenset[str]
    compass_words: frozenset[str]
    venue_words: frozenset[str]
    building_words: frozenset[str]
    org_heads: frozenset[str]
    location_preps: frozenset[str]
    abroad_words: frozenset[str]
    mission_words: frozenset[str]
    own_country_nouns: frozenset[str]

    @functools.cached_property
    def region_or_polity_ids(self) -> frozenset[int]:
        """The ORTH ids of the region and polity words, to find them in a Doc's array without
        building its tokens."""
        return frozenset(get_string_id(w) for w in self.region_words | self.polity_words)


@functools.lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    """Every word list of actor_words.toml; a missing or malformed list is a KnowledgeError naming it."""
    from pactwatch.errors import KnowledgeError
    try:
        data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise KnowledgeError(f"{DATA_FILE}: {e}") from None
    lists = {}
    for f in fields(ActorWords):
        words = data.get(f.name)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise KnowledgeError(f"{DATA_FILE}: {f.name} must be a list of words")
        lists[f.name] = frozenset(words)
    unknown = set(data) - set(lists)
    if unknown:
        raise KnowledgeError(f"{DATA_FILE}: unknown list(s) {', '.join(sorted(unknown))}")
    return ActorWords(**lists)
