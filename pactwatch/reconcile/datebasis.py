"""How an event's date was arrived at, and the days it can honestly stand for.

An extractor dates every event it can: from a temporal expression in the statement, from one in a
nearby sentence, or, failing both, from the document's anchor (its publication date). Only the
first two say when the event happened; an anchor date says only when the article was written.
And a date resolved from a relative expression ("two months ago", "on Wednesday") or bounded by a
qualifier ("before June 4", "about a year ago") names a stretch of days, not one day.

`date_basis` sorts an event record's date into
    "explicit"  a temporal expression with that value stands in the statement itself, or nothing shows
                the date to be the anchor's;
    "relative"  that expression is relative or qualified: the date is approximate;
    "implicit"  the date is the document's publication/anchor date and the statement states no time:
                it must not be compared with other dates;
and `date_window` gives the days a date can stand for under its basis.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Iterable

from .normalize import span_days, timex_interval

EXPLICIT, RELATIVE, IMPLICIT = "explicit", "relative", "implicit"

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?")
# text that fixes a date on the calendar by itself: a month name, a year, a numeric date
_ABSOLUTE = re.compile(rf"\b(?:{_MONTHS})(?![a-z])|\b(?:1[89]|20)\d\d\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b", re.I)
# text that names a time only relative to when it is read
_RELATIVE = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|ago|earlier|later|last|next|this|previous|"
                       r"following|recent(?:ly)?|now|current(?:ly)?|monday|tuesday|wednesday|thursday|friday|"
                       r"saturday|sunday|weekend|(?:the )?(?:same|next|previous) (?:day|week|month|year))\b", re.I)
# in a whole statement, wording that can only be a relative date ("this deal" or "the next round" need not be)
_RELATIVE_DATE = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|ago|monday|tuesday|wednesday|thursday|friday|"
                            r"saturday|sunday|(?:last|next|this|previous|past|coming) (?:week|month|year|weekend|"
                            r"spring|summer|autumn|fall|winter)|(?:earlier|later) (?:this|that) "
                            r"(?:week|month|year))\b", re.I)
# words just before a date that make it a bound or an approximation rather than the day itself
_BEFORE = re.compile(r"\b(?:before|by|until|till|prior to|ahead of|no later than|not later than)\s*$", re.I)
_AFTER = re.compile(r"\b(?:after|since|following|from|no earlier than|not earlier than)\s*$", re.I)
_APPROX = re.compile(r"\b(?:about|around|approximately|roughly|some|nearly|almost|less than|more than|over|"
                     r"under|within|early|late|mid|circa|or so)[\s-]*$", re.I)
# how far back in the statement a qualifier of the date may stand
_QUALIFIER_REACH = 24


def is_relative_text(text: str) -> bool:
    """True when a temporal expression's text does not fix the date by itself ("two months ago", "Wednesday")."""
    return not _ABSOLUTE.search(text) and bool(_RELATIVE.search(text) or not re.search(r"\d", text))


def mentions_time(text: str) -> bool:
    """True when a statement contains any temporal wording at all (used when no timex records are at hand)."""
    return bool(_ABSOLUTE.search(text) or _RELATIVE.search(text) or re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", text))


def _qualifier(before: str) -> str | None:
    """"before", "after" or "approx" for the words just ahead of a date, else None."""
    tail = before[-_QUALIFIER_REACH:]
    if _BEFORE.search(tail):
        return "before"
    if _AFTER.search(tail):
        return "after"
    if _APPROX.search(tail):
        return "approx"
    return None


def date_basis(record: dict, timexes: Iterable[dict] | None, anchors: Iterable[str | None] = ()) -> str | None:
    """The basis of an event record's date (see the module doc); None when it has no date.

    `timexes` are the document's timex records (start, end, value, text), or None when they are not at
    hand; `anchors` the document's publication and anchor dates. The result may carry a qualifier after
    a colon ("relative:before") for `date_window`.
    """
    value = record.get("date")
    if not value:
        return None
    quote = record.get("quote") or ""
    start, end = record.get("start"), record.get("end")
    anchored = value in {a for a in anchors if a}
    if timexes is not None and isinstance(start, int) and isinstance(end, int):
        inside = [t for t in timexes if t.get("value") == value and isinstance(t.get("start"), int)
                  and start <= t["start"] and t.get("end", t["start"]) <= end]
        if not inside:
            # the date came from another sentence; when that is just the anchor, the text never stated it
            return IMPLICIT if anchored else EXPLICIT
        t = min(inside, key=lambda t: t["start"])
        qualifier = _qualifier(quote[:max(0, t["start"] - start)])
        text = t.get("text") or quote[t["start"] - start:t.get("end", t["start"]) - start]
        if qualifier in ("before", "after"):
            return f"{RELATIVE}:{qualifier}"
        return RELATIVE if qualifier or is_relative_text(text) else EXPLICIT
    # no timex records: read the quote itself
    if anchored and not mentions_time(quote):
        return IMPLICIT
    if _RELATIVE_DATE.search(quote) and not _ABSOLUTE.search(quote):
        return RELATIVE
    return EXPLICIT


def date_window(value: str | None, basis: str | None) -> tuple[date, date] | None:
    """The days a date can stand for: its own span when explicit, widened by one step of its precision
    (a week for a day, a month for a month, ...) when relative, open-ended on one side for a bound;
    None when undated or implicit."""
    span = timex_interval(value)
    if span is None or basis == IMPLICIT:
        return None
    if not basis or not basis.startswith(RELATIVE):
        return span
    days = span_days(span)
    step = timedelta(days=7 if days <= 7 else 31 if days <= 31 else 92 if days <= 92 else 366)
    if basis.endswith(":before"):
        return date.min, span[1]
    if basis.endswith(":after"):
        return span[0], date.max
    low = span[0] - step if span[0] > date.min + step else date.min
    high = span[1] + step if span[1] < date.max - step else date.max
    return low, high


# a year written out ("2024", "'24"), so the date does not depend on which year the reader assumes
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|['\u2019]\d\d\b")


def states_year(record: dict, timexes: Iterable[dict] | None) -> bool | None:
    """True when the text writes out the year of an event record's date, False when it does not ("on
    April 4", "the following day": the year was the extractor's guess), None when it cannot be told.

    With the document's timex records at hand, the expression giving the date decides: one inside the
    statement first, else any of the document's expressions with that value. Without them, only a year
    in the statement itself can show it."""
    value = record.get("date")
    if not value or not isinstance(value, str) or not re.match(r"\d{4}", value):
        return None
    quote = record.get("quote") or ""
    if timexes is None:
        return True if value[:4] in quote else None
    same = [t for t in timexes if t.get("value") == value and t.get("text")]
    if not same:
        return value[:4] in quote
    start, end = record.get("start"), record.get("end")
    if isinstance(start, int) and isinstance(end, int):
        inside = [t for t in same if isinstance(t.get("start"), int) and start <= t["start"]
                  and t.get("end", t["start"]) <= end]
        if inside:
            same = inside
    return any(_YEAR.search(t["text"]) for t in same)


def timexes_in_quote(record: dict, timexes: Iterable[dict] | None) -> list[list] | None:
    """The temporal expressions inside an event record's statement, as [start, end, value] with offsets
    into the quote (so a check can tell which phrase of the statement a date belongs to); None when the
    document's timex records are not at hand or the record has no offsets."""
    start, end = record.get("start"), record.get("end")
    if timexes is None or not isinstance(start, int) or not isinstance(end, int):
        return None
    inside = [[t["start"] - start, t.get("end", t["start"]) - start, t.get("value")] for t in timexes
              if isinstance(t.get("start"), int) and start <= t["start"] and t.get("end", t["start"]) <= end]
    return sorted(inside, key=lambda t: t[0])
