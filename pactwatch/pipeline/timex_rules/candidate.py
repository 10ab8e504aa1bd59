"""What the time rules find: a temporal expression's place in the text, its TIMEX3 type and its
value, or what is left to compute once the anchor date is known."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TimexCandidate:
    """A temporal expression found by a rule, before the component decides to keep it. `rel` is a
    tuple whose first item names the relative kind (see relative.py: "day", "weekday", "shift"...)."""
    start: int
    end: int
    type: str                    # DATE, TIME, DURATION, SET
    value: str | None = None     # final when rel is None
    rel: tuple | None = None     # what to compute from the anchor (see resolve)
    explicit: str | None = None  # direction the words state: "last", "next", "this"
    kind: str = ""               # the rule that found it
