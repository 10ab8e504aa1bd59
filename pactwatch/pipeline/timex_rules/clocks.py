"""Rules for clock times (10:30 a.m., noon, 9 p.m. Friday), and the step that joins a clock time to the
day written beside it."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidate import TimexCandidate
from .rules import RULES, found, rule

if TYPE_CHECKING:
    from .compiled import Grammar


# a clock time on a weekday: 10 p.m. Wednesday, noon on Thursday, Friday at 9 a.m.
@rule("clock_weekday", 520, "weekday",
      lambda g: rf"\b(?:(?:(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([ap])\.?m\.?|(noon|midnight))(?:\s+{g.TZ})?,?\s+(?:on\s+)?({g.WD})|({g.WD}),?\s+(?:at\s+)?(?:(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([ap])\.?m\.?|(noon|midnight)))(?=\W|$)", re.I)
def _clock_weekday(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    hour, minute, ampm, word, day = (m[1], m[2], m[3], m[4], m[5]) if m[5] else (m[7], m[8], m[9], m[10], m[6])
    if word:
        h, mi = (24 if word.lower() == "midnight" else 12), 0
    else:
        h, mi = int(hour) % 12 + (12 if ampm.lower() == "p" else 0), int(minute or 0)
    return found(m, "TIME", rel=("weekday", g.weekdays[day.lower()], f"{h:02d}:{mi:02d}"))


# 10:30 a.m. (EDT)
@rule("clock", 530, "digit",
      lambda g: rf"\b(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([ap])\.?m\.?(?=\W|$)(?:\s+\(?{g.TZ}\)?\b)?", re.I, names_clock=True)
def _clock(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    h = int(m[1]) % 12 + (12 if m[3].lower() == "p" else 0)
    return found(m, "TIME", rel=("clock", h, int(m[2] or 0)))


# 14:30 GMT, 09:00 hours
@rule("clock24", 540, "digit",
      lambda g: rf"\b([01]?\d|2[0-3]):([0-5]\d)\s*(?:{g.TZ}|hours)\b", names_clock=True)
def _clock24(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "TIME", rel=("clock", int(m[1]), int(m[2])))


# noon, midnight
@rule("noon", 550, "noon",
      lambda g: r"\b(noon|midnight|midday)\b", re.I, names_clock=True)
def _noon(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    w = m[1].lower()
    return found(m, "TIME", rel=("clock", 24 if w == "midnight" else 12, 0))


# ---------------------------------------------------------------- a clock time and its day

_CLOCK_THEN_DAY = re.compile(r",?\s*(?:\(?[A-Z]{2,4}\)?\s*)?(?:\([^()\n]{1,16}\)\s*)?,?\s*(?:on\s+)?")
_DAY_THEN_CLOCK = re.compile(r",?\s*(?:at\s+)?")


def _names_day(c: TimexCandidate) -> bool:
    return RULES[c.kind].names_day and c.type == "DATE"


def _names_clock(c: TimexCandidate) -> bool:
    return RULES[c.kind].names_clock


def dated_clocks(taken: list[TimexCandidate], text: str) -> list[TimexCandidate]:
    """A clock time written beside the day it falls on is one TIME: "5 p.m. EST Nov. 9",
    "Nov. 6, 2024, 5:00 a.m. ET", "yesterday at noon". `taken` is in text order."""
    out: list[TimexCandidate] = []
    i = 0
    while i < len(taken):
        a = taken[i]
        b = taken[i + 1] if i + 1 < len(taken) else None
        pair = None
        if b is not None and _names_clock(a) and _names_day(b) and _CLOCK_THEN_DAY.fullmatch(text, a.end, b.start):
            pair = (b, a)
        elif b is not None and _names_day(a) and _names_clock(b) and _DAY_THEN_CLOCK.fullmatch(text, a.end, b.start):
            pair = (a, b)
        if pair is None:
            out.append(a)
            i += 1
            continue
        day, clock = pair
        hhmm = f"{clock.rel[1]:02d}:{clock.rel[2]:02d}"
        if day.rel is None:
            merged = TimexCandidate(a.start, b.end, "TIME", f"{day.value}T{hhmm}", kind="dated_clock")
        else:
            merged = TimexCandidate(a.start, b.end, "TIME", rel=("dated_clock", day, hhmm), explicit=day.explicit,
                                    kind="dated_clock")
        out.append(merged)
        i += 2
    return out
