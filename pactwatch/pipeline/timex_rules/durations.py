"""Rules for lengths of time: four months, the past three years, for years, for a while."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidate import TimexCandidate
from .rules import duration_value, found, norm, rule, span_of

if TYPE_CHECKING:
    from .compiled import Grammar


# four months, the first four months, the past three years, 75-year-old, 24-hour
@rule("duration", 400, "unit",
      lambda g: rf"\b(?:the\s+)?(?:(?:first|last|past|next|previous|coming|following|final|latest|remaining|initial|subsequent|same)\s+)?(?:(?:about|nearly|almost|roughly|around|more\s+than|less\s+than|over|under|up\s+to|at\s+least)\s+)?({g.NUM}(?:\s+(?:to|or)\s+{g.NUM})?)(?:\s+(?:more|additional|extra|straight|consecutive))?[\s-]+({g.UNIT})s?\b(-old)?(?:\s+and\s+a\s+half\b)?(?:\s+or\s+so\b)?(?!\s*-?\s*(?:ago|earlier(?!\s+than))\b)", re.I)
def _duration(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    s, e = span_of(m)
    unit = m[2].lower()
    ends = re.split(r"\s+(?:to|or)\s+", m[1])
    if len(ends) > 1:  # "two to three weeks": a span of uncertain length
        return found(m, "DURATION", duration_value("X", g.units[unit])) if g.units[unit] != "WE" else None
    n = g.number(m[1])
    if re.search(r"\band\s+a\s+half\b", m.group(0), re.I) and not isinstance(n, str):
        n = n + 0.5
    if unit == "second" and m[1].lower() in ("a", "an"):
        return None  # "a second term"
    code = g.units[unit]
    if code == "WE":
        return None
    if code == "Q" and re.match(r"\s+of\s+(?!(?:the\s+)?(?:year|fiscal|\d{4}))", text[e:e + 30], re.I):
        return None  # "three-quarters of its food": a fraction
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", m[1]) and not re.search(r"-|s$", m.group(0).split(m[1])[1]):
        return None  # "the 1988 quarter": a year, not 1988 quarters
    before = text[max(0, s - 24):s]
    # "$5 million a year": a rate, handled as SET; "one day" alone is "some day"
    if m[1].lower() in ("a", "an") and re.search(r"(?:\d|illion|ercent|%|times|once|twice)\s+$", before):
        return None
    if m[1].lower() == "one" and unit == "day" and not text[e:e + 1].isalnum() and not re.search(r"(?:the|a|for|in|within|one)\s+$", before, re.I):
        return None
    return found(m, "DURATION", duration_value(n, code))


# the months prior, the coming months, several years
@rule("vague_duration", 410, "unit",
      lambda g: rf"\b(?:(the\s+)(years|months|weeks|days|decades)\s+(prior|before|since|after|following)|(?:the\s+)?(coming|next|past|last|previous|following|several|many|few|some|recent)\s+(years|months|weeks|days|decades|hours|minutes))\b", re.I)
def _vague_duration(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    unit = (m[2] or m[5]).lower()[:-1]
    if norm(m.group(0)) == "recent years":
        return found(m, "DATE", "PAST_REF")  # "in recent years": the recent past, as a time
    return found(m, "DURATION", duration_value("X", g.units[unit]))


# for years, within days
@rule("bare_units", 420, "unit",
      lambda g: r"\b(?:for|in|over|within|takes?|took|lasted)\s+(?P<t>years|months|weeks|days|decades|hours|minutes)\b(?!\s+(?:of|ago|old))", re.I)
def _bare_units(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DURATION", duration_value("X", g.units[m["t"].lower()[:-1]]))


# a stretch of time the words leave open: for a while, for some time
@rule("vague_stretch", 480, "while",
      lambda g: r"\b(?:for|in|after|within|over)\s+(?P<t>a\s+while|some\s+time|a\s+long\s+time|a\s+short\s+time|quite\s+some\s+time)\b", re.I)
def _vague_stretch(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DURATION", "PXX")
