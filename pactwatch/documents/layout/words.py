"""The layout's word lists, read from knowledge/data/page_layout.toml (with the user's --kb additions)
and checked there, then compiled once per tuple of folders into the sets and patterns the layout
modules match with. Every reader of a page is handed one `LayoutWords`; none is kept as process state."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...knowledge import loader

DATA_FILE = "page_layout.toml"
KEYS = ("link_openers", "link_openers_open", "controls", "photo_agencies", "news_agencies", "section_labels",
        "nav_words", "publication_words", "nav_openers", "name_particles", "not_person_words")


def _lowered(values) -> frozenset:
    return frozenset(w.lower() for w in values)


def _alternation(values) -> str:
    """The words as one regex alternation, longest first (so "Kyodo News" wins over "Kyodo")."""
    return "|".join(re.escape(a) for a in sorted(values, key=len, reverse=True))


def _phrase(words_: str) -> str:
    """A multi-word phrase that tolerates any run of spaces between its words."""
    return r"[^\S\n]+".join(re.escape(w) for w in words_.split())


@dataclass(frozen=True, eq=False)
class LayoutWords:
    """page_layout.toml's lists, lowered into sets or compiled into patterns, for one set of --kb folders
    (hashed by identity: the modules cache their own patterns per LayoutWords)."""
    data: dict
    folders: tuple[str, ...]     # the --kb folders (credits.py reads the knowledge base's not_names with them)
    section_labels: frozenset
    nav_words: frozenset
    controls: frozenset
    publication_words: frozenset
    nav_openers: frozenset
    name_particles: frozenset
    not_person: frozenset        # words that make a capitalised phrase a place or an organisation
    link_line: re.Pattern        # "Related: …", "Read more …": a line that links to another story
    photo_agencies: str          # regex alternation, longest first
    news_agencies: str           # regex alternation, longest first


def _link_line(data: dict) -> re.Pattern:
    fixed = sorted(data["link_openers"], key=len, reverse=True)
    opened = sorted(data["link_openers_open"], key=len, reverse=True)
    alternatives = [_phrase(w) for w in fixed] + [_phrase(w) + r"[^\n:]*?" for w in opened]
    return re.compile(r"^[^\S\n]*(?:" + "|".join(alternatives) + r")[^\S\n]*[:|>»][^\n]*$", re.M | re.I)


@functools.lru_cache(maxsize=8)
def layout_words(kb_dirs: tuple[str, ...] = ()) -> LayoutWords:
    """page_layout.toml with the additions of the user's --kb folders `kb_dirs`, compiled; a missing or
    malformed list is a KnowledgeError naming it. Cached per folder tuple."""
    data, check = loader.Checked.of(DATA_FILE, tuple(kb_dirs))
    for key in KEYS:
        check.words(data, key, key)
    return LayoutWords(data=data, folders=tuple(kb_dirs), section_labels=_lowered(data["section_labels"]),
                       nav_words=_lowered(data["nav_words"]), controls=_lowered(data["controls"]),
                       publication_words=_lowered(data["publication_words"]),
                       nav_openers=_lowered(data["nav_openers"]), name_particles=_lowered(data["name_particles"]),
                       not_person=_lowered(data["not_person_words"]), link_line=_link_line(data),
                       photo_agencies=_alternation(data["photo_agencies"]),
                       news_agencies=_alternation(data["news_agencies"]))

