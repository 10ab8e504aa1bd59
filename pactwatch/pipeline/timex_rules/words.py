"""The time vocabulary (months, weekdays, units, holidays...), read from
knowledge/data/time_words.toml: the one place the time rules load their words."""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "time_words.toml"


@functools.lru_cache(maxsize=1)
def words() -> dict:
    from ...errors import KnowledgeError
    try:
        return tomllib.loads(WORDS_FILE.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise KnowledgeError(f"{WORDS_FILE}: {e}") from None
