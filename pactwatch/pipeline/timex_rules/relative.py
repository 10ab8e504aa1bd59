"""Rules for times told from the anchor or from a date the text has named: today, last week,
Friday, three years ago, that day, the following month, soon."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidate import TimexCandidate
from .rules import EXPLICIT, alternation, duration_value, found, norm, rule, span_of

if TYPE_CHECKING:
    from .compiled import Grammar


# today, yesterday, tomorrow, tonight
@rule("deictic", 300, "deictic",
      lambda g: r"\b(today|yesterday|tomorrow|tonight)\b(?!['’]s\s+(?:world|society|economy))", re.I, names_day=True)
def _deictic(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    w = m[1].lower()
    if w == "tonight":
        return found(m, "TIME", rel=("shift", "day", 0, "NI"))
    return found(m, "DATE", rel=("shift", "day", {"today": 0, "yesterday": -1, "tomorrow": 1}[w], None))


# this morning, last night, tomorrow evening
@rule("day_part", 310, "day_part",
      lambda g: rf"\b(this|last|tomorrow|yesterday)\s+({g.PART})\b", re.I)
def _day_part(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    w, part = m[1].lower(), g.parts[m[2].lower()]
    n = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1 if part == "NI" else 0}[w]
    if w == "last" and part != "NI":
        return None  # "last morning" is rare and unclear
    return found(m, "TIME", rel=("shift", "day", n, part))


# (last/next/this) Wednesday (night)
@rule("weekday", 320, "weekday",
      lambda g: rf"\b(?:(last|next|this|this\s+past|this\s+coming|past|coming)\s+)?({g.WD})\b(?:\s+({g.PART}))?", re.I, names_day=True)
def _weekday(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    day = g.weekdays[m[2].lower()]
    # "Friday night" is a part of that day: TIME, 2024-03-08TNI (TIMEX3's day-part values)
    part = g.parts[m[3].lower()] if m[3] else None
    return found(m, "TIME" if part else "DATE", rel=("weekday", day, part),
                 explicit=EXPLICIT.get(norm(m[1])) if m[1] else None)


# three years ago, two weeks earlier
@rule("ago", 330, "ago",
      lambda g: rf"\b(?:{g.APPROX}\s+)?({g.NUM})[\s-]+({g.UNIT})s?(?:\s+or\s+so)?\s+(ago|earlier|before|previously)\b", re.I)
def _ago(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    s, e = span_of(m)
    word, after = m[3].lower(), text[e:e + 24]
    if word in ("earlier", "before") and re.match(r"\s+than\b", after, re.I):
        return None  # "two years earlier than planned": a length of time, compared
    if word == "before" and re.match(r"\s+(?:the|a|an|his|her|its|their|this|these|those|[A-Z]\w*|\d)", after) \
            and not re.match(r"\s+(?:I|He|She|They|We|It)\b", after):
        return None  # "a day before the election": a length of time before an event
    n = g.number(m[1])
    unit = m[2].lower()
    if n == "X" or isinstance(n, float):
        return found(m, "DATE", "PAST_REF")
    return found(m, "DATE", rel=("shift", unit, -n, None))


# a year earlier, the year-ago quarter
@rule("year_earlier", 340, "ago",
      lambda g: rf"\b(?:(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(?=\w+[\s-](?:earlier|ago)\s+(?:{g.ORD}\s+)?(?:quarter|period)))?(year|month|week|quarter)[\s-](earlier|ago)(\s+(?:{g.ORD}\s+)?(?:quarter|period))?\b", re.I)
def _year_earlier(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    if m[3] and m[1].lower() == "year":
        return found(m, "DATE", rel=("quarter_ago",))
    return found(m, "DATE", rel=("shift", m[1].lower(), -1, None))


# that day, later that month, the following year, the next morning: told from the date
# the text has just named
@rule("anaphor", 360, "unit_or_part",
      lambda g: rf"\b(?:(later|earlier)\s+(?:in\s+)?)?(that(?:\s+same)?|the\s+same|the\s+following|the\s+previous|the\s+preceding|the\s+prior|the\s+next(?=\s+(?:day|{g.PART}|{g.WD})))\s+(day|week|month|year|{g.PART}|{g.WD})\b(?!['’]s|\s+(?:of|when|that|in\s+which)\b)", re.I)
def _anaphor(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    which = norm(m[2]).replace("that same", "that").replace("the same", "that")
    n = {"that": 0, "the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1}[which]
    word = m[3].lower()
    if word in g.weekdays:  # "the following Monday", "the previous Friday"
        if which == "that" and m[1] is None:
            return None  # "that Friday": the plain weekday rules read it
        return found(m, "DATE", rel=("anaphor", "weekday", n, g.weekdays[word]))
    part = g.parts.get(word)
    unit = "day" if part else word
    return found(m, "TIME" if part else "DATE", rel=("anaphor", unit, n, part))


# this week, next month, last year, earlier this year, early next year
@rule("shift", 370, "unit",
      lambda g: rf"\b(?:(earlier|later|early|late)\s+)?(this|next|last|past|previous|coming|current|the\s+current|the\s+previous|the\s+past|the\s+last|the\s+coming|the\s+next)\s+({g.UNIT})\b(?:\s+or\s+so\b)?(?!['’]s\s+(?:\w+\s+)?(?:high|low|level))", re.I)
def _shift(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    which, unit = norm(m[2]), m[3].lower()
    which = which.removeprefix("the ")
    if norm(m[2]).startswith("the ") and which in ("past", "last", "next", "coming", "previous") \
            and unit not in ("year", "decade"):
        # "the next week", "the past month", "the past century": a stretch of time, not a calendar
        # date; "the past year" and "the last decade" name the calendar year or decade, as
        # TimeBank marks them
        return found(m, "DURATION", duration_value(1, g.units[unit]))
    if unit in ("second", "minute", "hour"):
        return None
    n = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1}[which]
    return found(m, "DATE", rel=("shift", unit, n, None))


# "over the weekend": the one just past, or the coming one
@rule("the_weekend", 380, "unit",
      lambda g: r"\bthe\s+weekend\b(?!\s+(?:of|before|after)\b)", re.I)
def _the_weekend(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", rel=("weekend",))


# "later in the day", "earlier in the year": the day or year the text is telling
@rule("in_the_unit", 500, "unit",
      lambda g: r"\b(?:later|earlier)\s+in\s+the\s+(day|week|month|year)\b", re.I)
def _in_the_unit(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", rel=("anaphor", m[1].lower(), 0, None))


# now, recently, soon, the future
@rule("vague", 510, "vague",
      lambda g: rf"\b{alternation(g.vague)}\b", re.I)
def _vague(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    s, e = span_of(m)
    phrase = norm(m.group(0))
    if phrase == "soon" and text[max(0, s - 3):s].lower() == "as " and text[e:e + 3].lower() == " as":
        return None  # "as soon as they arrive" joins two clauses; it names no time
    return found(m, "DATE", g.vague[phrase])
