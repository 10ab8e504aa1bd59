"""The word lists reconciliation reads, from knowledge/data/referents.toml (the file the pipeline's
referents component reads too), loaded once."""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "referents.toml"


@functools.lru_cache(maxsize=1)
def words() -> dict:
    """Each list of the file as a frozenset, by name."""
    from ..errors import KnowledgeError
    try:
        data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise KnowledgeError(f"{DATA}: {e}") from None
    return {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}


def ordered(name: str) -> list[str]:
    """A list of the file in its written order (the term ordinals count from it)."""
    return tomllib.loads(DATA.read_text(encoding="utf-8")).get(name, [])


def reads_with_the(name: str) -> bool:
    """True for a state name read with "the" in running text ("of the United States", "of the Philippines")."""
    lex = words()
    return any(name.startswith(w + " ") for w in lex["the_first_words"]) or (name.split() or [""])[-1] in lex[
        "the_last_words"]
