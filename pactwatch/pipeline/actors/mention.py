"""`ActorMention`: a stretch of tokens that names, or may name, an actor while the linker works on a
document, and the small questions every pass asks of a list of them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class ActorMention:
    """Tokens [start, end) and what linking has found for them so far. It ends as a Span of
    doc.spans["pw_actors"] (spans.py) when it has a knowledge-base entry, or a name and a label."""
    start: int
    end: int
    kb_id: str | None = None          # resolved entry
    candidates: list = field(default_factory=list)  # (kb_id, kind) for KB matches
    label: str | None = None          # the model's label, for unknown entities
    kind: str = "kb"                  # kb, model, short, title, admin, mission, organ
    name: str | None = None           # canonical name for entities not in the KB
    acts_for: str | None = None       # kb id of the state, for entities not in the KB


def only_id(m: ActorMention) -> str | None:
    """The entry a mention is resolved to, or its one candidate; None while it is still open."""
    return m.kb_id or (m.candidates[0][0] if len(m.candidates) == 1 else None)


def covered(mentions: list[ActorMention]) -> set[int]:
    """The token positions the mentions cover."""
    return {i for m in mentions for i in range(m.start, m.end)}


def longest_first(found: list[ActorMention]) -> list[ActorMention]:
    """Of overlapping mentions the longest (then the earliest), in text order."""
    chosen, taken = [], set()
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if not taken.isdisjoint(range(m.start, m.end)):
            continue
        chosen.append(m)
        taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def longest_first_matches(matches):
    """The same choice over a matcher's (match_id, start, end) triples."""
    chosen, taken = [], set()
    for match_id, start, end in sorted(matches, key=lambda x: (-(x[2] - x[1]), x[1])):
        if not taken.isdisjoint(range(start, end)):
            continue
        chosen.append((match_id, start, end))
        taken.update(range(start, end))
    return sorted(chosen, key=lambda x: x[1])


def all_named(cands) -> bool:
    """Every candidate is a name, an alias or a demonym: a piece glued to other text is trusted only
    as one of those, not as a name many bodies share or one valid only beside another."""
    return all(k in ("name", "alias", "demonym") for _, k in cands)


def all_generic(m: ActorMention) -> bool:
    """A name many states' bodies share ("Democratic Party", "Foreign Ministry")."""
    return bool(m.candidates) and all(k == "generic" for _, k in m.candidates)


def strip_possessive(text: str) -> str:
    return re.sub(r"['’]s?$", "", text).strip()
