"""The time vocabulary (months, weekdays, units, holidays...), read from
knowledge/data/time_words.toml and numbers.toml through the knowledge loader: the one place the time
rules load their words."""
from __future__ import annotations

import functools

from ...knowledge import loader

WORDS_FILE = "time_words.toml"
NUMBERS_FILE = "numbers.toml"


@functools.lru_cache(maxsize=4)
def words(kb_dirs: tuple[str, ...] = ()) -> dict:
    """time_words.toml with the additions of the user's knowledge folders (knowledge/loader.py), its
    [numbers] joined by the spelled-out numbers of numbers.toml."""
    w = loader.data(WORDS_FILE, kb_dirs)
    return {**w, "numbers": {**loader.data(NUMBERS_FILE, kb_dirs)["cardinals"], **w["numbers"]}}
