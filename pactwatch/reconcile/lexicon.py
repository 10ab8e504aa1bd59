"""The word lists reconciliation reads, from knowledge/data/referents.toml (the file the pipeline's
referents component reads too), loaded once."""
from __future__ import annotations

import functools

from ..knowledge import loader

DATA = "referents.toml"


@functools.lru_cache(maxsize=8)
def words(kb_dirs: tuple[str, ...] = ()) -> dict:
    """Each list of the file as a frozenset, by name, with the additions of the user's --kb folders."""
    data, check = loader.Checked.of(DATA, kb_dirs)
    return check.word_sets(data, "referents")


def ordered(name: str, kb_dirs: tuple[str, ...] = ()) -> list[str]:
    """A list of the file in its written order (the term ordinals count from it); a user's words follow."""
    return list(loader.data(DATA, kb_dirs).get(name, []))


def reads_with_the(name: str, kb_dirs: tuple[str, ...] = ()) -> bool:
    """True for a state name read with "the" in running text ("of the United States", "of the Philippines")."""
    lex = words(kb_dirs)
    return any(name.startswith(w + " ") for w in lex["the_first_words"]) or (name.split() or [""])[-1] in lex[
        "the_last_words"]
