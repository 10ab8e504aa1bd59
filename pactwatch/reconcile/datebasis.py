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

import functools
from datetime import date, timedelta
from typing import Iterable

from ..knowledge import loader
from . import lexicon
from .normalize import span_days, timex_interval

EXPLICIT, RELATIVE, IMPLICIT = "explicit", "relative", "implicit"

# The pipeline settles each event's basis when it reads the text (pipeline/referents.py: `date_basis`,
# `year_stated`, `quote_timexes` on the record). This module only settles records that come without
# them (hand-built records, stores filled before), from the timex records alone: the words of a temporal
# expression, looked up in the same word lists the time component uses.
TIME_WORDS = "time_words.toml"
# how many words before a date may qualify it
_QUALIFIER_WORDS = 3


@functools.lru_cache(maxsize=8)
def _calendar_words(kb_dirs: tuple[str, ...] = ()) -> tuple[frozenset, frozenset]:
    data = loader.data(TIME_WORDS, kb_dirs)
    return frozenset(data.get("months", {})), frozenset(data.get("weekdays", {}))


def _words(text: str) -> list[str]:
    return [w.strip(",;:()\"'’“”").lower() for w in text.split()]


def _is_year(word: str) -> bool:
    word = word.lstrip("'’")
    return word.isdigit() and (len(word) == 4 and word[:2] in ("18", "19", "20") or len(word) == 2)


def is_relative_text(text: str, kb_dirs: tuple[str, ...] = ()) -> bool:
    """True when a temporal expression's words do not fix the date by themselves ("two months ago",
    "Wednesday"): no month name, no year, no numeric date. `kb_dirs`: the user's --kb folders."""
    months, _ = _calendar_words(kb_dirs)
    for word in _words(text):
        if word in months or word.rstrip(".") + "." in months or _is_year(word) \
                or (word.count("/") == 2 and word.replace("/", "").isdigit()):
            return False
    return True


def _qualifier(before: str, kb_dirs: tuple[str, ...] = ()) -> str | None:
    """"before", "after" or "approx" for the words just ahead of a date, else None."""
    words = _words(before)[-_QUALIFIER_WORDS:]
    if "on" in words[-1:]:
        return None
    lex, found = lexicon.words(kb_dirs), set(words)
    if lex["date_before_words"] & found:
        return "before"
    if lex["date_after_words"] & found:
        return "after"
    if lex["date_approx_words"] & found:
        return "approx"
    return None


def date_basis(record: dict, timexes: Iterable[dict] | None, anchors: Iterable[str | None] = (),
               kb_dirs: tuple[str, ...] = ()) -> str | None:
    """The basis of an event record's date (see the module doc); None when it has no date.

    `timexes` are the document's timex records (start, end, value, text), or None when they are not at
    hand; `anchors` the document's publication and anchor dates; `kb_dirs` the user's --kb folders, whose
    referents.toml and time_words.toml add qualifying words and month names. The result may carry a qualifier after
    a colon ("relative:before") for `date_window`. Without timex records only the anchor can tell: a date
    equal to it is implicit.
    """
    value = record.get("date")
    if not value:
        return None
    quote = record.get("quote") or ""
    start, end = record.get("start"), record.get("end")
    anchored = value in {a for a in anchors if a}
    if timexes is None or not isinstance(start, int) or not isinstance(end, int):
        return IMPLICIT if anchored else EXPLICIT
    inside = [t for t in timexes if t.get("value") == value and isinstance(t.get("start"), int)
              and start <= t["start"] and t.get("end", t["start"]) <= end]
    if not inside:
        # the date came from another sentence; when that is just the anchor, the text never stated it
        return IMPLICIT if anchored else EXPLICIT
    t = min(inside, key=lambda t: t["start"])
    qualifier = _qualifier(quote[:max(0, t["start"] - start)], kb_dirs)
    text = t.get("text") or quote[t["start"] - start:t.get("end", t["start"]) - start]
    if qualifier in ("before", "after"):
        return f"{RELATIVE}:{qualifier}"
    return RELATIVE if qualifier or is_relative_text(text, kb_dirs) else EXPLICIT


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


def states_year(record: dict, timexes: Iterable[dict] | None) -> bool | None:
    """True when the text writes out the year of an event record's date, False when it does not ("on
    April 4", "the following day": the year was the extractor's guess), None when it cannot be told.

    With the document's timex records at hand, the expression giving the date decides: one inside the
    statement first, else any of the document's expressions with that value. Without them, only a year
    in the statement itself can show it."""
    value = record.get("date")
    if not value or not isinstance(value, str) or not value[:4].isdigit():
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
    return any(_states_a_year(t["text"]) for t in same)


def _states_a_year(text: str) -> bool:
    """A year written out ("2024", "'24"), so the date does not depend on which year the reader assumes."""
    return any(_is_year(w) and (len(w.lstrip("'\u2019")) == 4 or w[:1] in "'\u2019") for w in _words(text))


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
