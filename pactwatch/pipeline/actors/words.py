"""The actor linker's word lists: knowledge/data/actor_words.toml with the same-named file of each
of the user's knowledge folders merged in (through the knowledge loader), checked there. The
linker's `ActorIndex` holds them (`words`) for its knowledge base's folders."""
from __future__ import annotations

import functools
from dataclasses import dataclass, fields

from spacy.strings import get_string_id

from ...knowledge import loader

DATA_FILE = "actor_words.toml"


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


@functools.lru_cache(maxsize=8)
def actor_words(kb_dirs: tuple[str, ...] = ()) -> ActorWords:
    """Every word list of actor_words.toml with the additions of the user's knowledge folders
    `kb_dirs`, read once per tuple of folders; a missing or malformed list is a KnowledgeError
    naming the files and the list."""
    data, check = loader.Checked.of(DATA_FILE, kb_dirs)
    lists = {}
    for f in fields(ActorWords):
        lists[f.name] = frozenset(check.words(data, f.name, f.name))
        if not lists[f.name]:
            check.fail(f.name, "is empty")
    unknown = set(data) - set(lists)
    if unknown:
        check.fail(None, f"unknown list(s) {', '.join(sorted(unknown))}")
    return ActorWords(**lists)
