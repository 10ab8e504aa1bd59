"""Finishing a candidate's value once the anchor date (and the tense of its clause) is known.
Each relative kind (the first item of `TimexCandidate.rel`) is one entry of `RELATIVE`: how to
compute its value from the anchor, and what it is with no anchor (the unknown parts as X)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from .candidate import TimexCandidate

# no tense to go by: news, which mostly reports, counts a date ahead as half as far again as one behind
AHEAD_WEIGHT = 1.5


@dataclass(frozen=True)
class Relative:
    # (candidate, anchor, direction, strict) -> value; `strict` ("last October") excludes the
    # anchor's own month or day
    anchored: Callable[[TimexCandidate, dt.date, str | None, bool], str]
    unanchored: Callable[[TimexCandidate], str]


RELATIVE: dict[str, Relative] = {}


def relative(kind: str, unanchored: Callable[[TimexCandidate], str]):
    """Register the decorated function as the anchored value of the relative kind `kind`."""
    def register(anchored):
        RELATIVE[kind] = Relative(anchored, unanchored)
        return anchored
    return register


def resolve(m: TimexCandidate, anchor: dt.date | None, direction: str | None = None) -> str:
    """The TIMEX3 value of `m`; `direction` ("past", "future", None) is the tense of its clause,
    used when the words themselves don't say which one is meant."""
    if m.rel is None:
        return m.value
    kind = m.rel[0]
    if kind == "dated_clock":
        return _at_clock(resolve(m.rel[1], anchor, direction), m.rel[2])
    if kind == "anaphor":
        return resolve_anaphor(m, None, anchor)
    if m.explicit == "last":
        direction, strict = "past", True
    elif m.explicit == "next":
        direction, strict = "future", True
    elif m.explicit == "this":
        direction, strict = None, False
    else:
        strict = False
    if kind not in RELATIVE:
        raise ValueError(kind)
    if anchor is None:
        return RELATIVE[kind].unanchored(m)
    return RELATIVE[kind].anchored(m, anchor, direction, strict)


def _at_clock(day_value: str, hhmm: str) -> str:
    """The value of a day with a clock time: 2024-11-06T05:00; a day given with a part of it
    (2024-11-06TNI) or no day at all keeps its own value."""
    if re.fullmatch(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)", day_value):
        return f"{day_value}T{hhmm}"
    return day_value


# ---------------------------------------------------------------- calendar arithmetic

def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def pick_year(anchor: dt.date, when: tuple, direction: str | None, strict: bool = False) -> int:
    """The year of a yearless date (`when` = (month,) or (month, day)) that the tense points to:
    the past one, the coming one, or the anchor's own year. `strict` ("last October") excludes the
    anchor's own month."""
    now = (anchor.month, anchor.day)[:len(when)]
    y = anchor.year
    if direction == "past":
        return y if (when < now or (when == now and not strict)) else y - 1
    if direction == "future":
        return y if (when > now or (when == now and not strict)) else y + 1
    # no tense to go by: the nearest one (a writer gives the year of a date far off), where news,
    # which mostly reports, counts a date ahead as half as far again as one behind
    target = anchor.toordinal()

    def distance(yr):
        d = _first_day(yr, when).toordinal() - target
        return d * AHEAD_WEIGHT if d > 0 else -d
    return min((y, y - 1, y + 1), key=distance)


def _first_day(year: int, when: tuple) -> dt.date:
    month, day = when[0], (when[1] if len(when) > 1 else 15)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 28)


def _holiday_date(year: int, rule: str) -> dt.date:
    """The date of a holiday rule from time_words.toml in `year`: "12-25" (a fixed day) or
    "11-4-4" (month, ISO weekday, nth: the fourth Thursday of November; a negative nth counts
    from the month's end)."""
    month, _, rest = rule.partition("-")
    if "-" not in rest:
        return dt.date(year, int(month), int(rest))
    weekday, nth = rest.split("-", 1)
    weekday, nth, month = int(weekday), int(nth), int(month)
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


# ---------------------------------------------------------------- the relative kinds

@relative("day", lambda m: f"XXXX-{m.rel[1]:02d}-{m.rel[2]:02d}")
def _day(m, anchor, direction, strict):
    _, month, day = m.rel
    return f"{pick_year(anchor, (month, day), direction, strict):04d}-{month:02d}-{day:02d}"


@relative("month", lambda m: f"XXXX-{m.rel[1]:02d}")
def _month(m, anchor, direction, strict):
    month = m.rel[1]
    if m.explicit == "this":
        return f"{anchor.year:04d}-{month:02d}"
    return f"{pick_year(anchor, (month,), direction, strict):04d}-{month:02d}"


@relative("month_year_rel", lambda m: f"XXXX-{m.rel[1]:02d}" + (f"-{m.rel[2]:02d}" if m.rel[2] else ""))
def _month_year_rel(m, anchor, direction, strict):
    _, month, day, n = m.rel
    return f"{anchor.year + n:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _quarter_back(m, anchor, direction, strict):
    # the component supplies the quarter the text is about; alone, the last one completed
    k = anchor.year * 4 + (anchor.month - 1) // 3 - 1 - (4 if m.rel[0] == "quarter_ago" else 0)
    return f"{k // 4}-Q{k % 4 + 1}"


relative("quarter_ref", lambda m: "XXXX-QX")(_quarter_back)
relative("quarter_ago", lambda m: "XXXX-QX")(_quarter_back)


@relative("quarter", lambda m: f"XXXX-Q{m.rel[1]}")
def _quarter(m, anchor, direction, strict):
    # a quarter is named when it is reported on: in the past tense the last one begun, else
    # the nearest ("will report third-quarter results" in November: the quarter just ended)
    q = m.rel[1]
    if direction == "past":
        year = anchor.year if 3 * q - 2 <= anchor.month else anchor.year - 1
    else:
        def distance(yr):
            d = dt.date(yr, 3 * q - 1, 15).toordinal() - anchor.toordinal()
            return d * (AHEAD_WEIGHT if direction is None else 1) if d > 0 else -d
        year = min((anchor.year, anchor.year - 1, anchor.year + 1), key=distance)
    return f"{year:04d}-Q{q}"


@relative("half", lambda m: f"XXXX-H{m.rel[1]}")
def _half(m, anchor, direction, strict):
    return f"{anchor.year}-H{m.rel[1]}"


@relative("year_part", lambda m: f"XXXX-{m.rel[2]}{m.rel[3]}")
def _year_part(m, anchor, direction, strict):
    _, n, code, k = m.rel
    return f"{anchor.year + n:04d}-{code}{k}"


@relative("year_period", lambda m: f"{m.rel[1]:04d}")
def _year_period(m, anchor, direction, strict):
    return f"{m.rel[1]:04d}"


@relative("season", lambda m: f"XXXX-{m.rel[1]}")
def _season(m, anchor, direction, strict):
    _, code, start = m.rel
    return f"{pick_year(anchor, (start,), direction, strict):04d}-{code}"


@relative("decade_short", lambda m: f"19{m.rel[1]}")
def _decade_short(m, anchor, direction, strict):
    d = m.rel[1]
    century = anchor.year // 100 if d * 10 <= anchor.year % 100 else anchor.year // 100 - 1
    return f"{century:02d}{d}"


def _holiday_unanchored(m) -> str:
    rule = m.rel[1]
    return f"XXXX-{rule}" if rule.count("-") == 1 else f"XXXX-{rule.split('-')[0]}"


@relative("holiday", _holiday_unanchored)
def _holiday(m, anchor, direction, strict):
    def on(year):
        return _holiday_date(year, m.rel[1])
    d = on(anchor.year)
    if (m.explicit == "last" or direction == "past") and d > anchor:
        d = on(anchor.year - 1)
    elif (m.explicit == "next" or direction == "future") and d < anchor:
        d = on(anchor.year + 1)
    elif m.explicit is None and direction is None:
        d = min((on(anchor.year + k) for k in (-1, 0, 1)), key=lambda x: abs((x - anchor).days))
    return d.isoformat()


@relative("weekend", lambda m: "XXXX-WXX-WE")
def _weekend(m, anchor, direction, strict):
    saturday = anchor + dt.timedelta(days=6 - anchor.isoweekday())
    if direction != "future" and anchor.isoweekday() < 6:
        saturday -= dt.timedelta(weeks=1)  # no tense, or past: the weekend just gone
    return _iso_week(saturday) + "-WE"


@relative("weekday", lambda m: f"XXXX-WXX-{m.rel[1]}")
def _weekday(m, anchor, direction, strict):
    _, day, part = m.rel
    delta = day - anchor.isoweekday()
    if m.explicit == "last":
        delta = delta - 7 if delta >= 0 else delta
    elif m.explicit == "this":
        pass  # "this Tuesday": the Tuesday of the anchor's own week, before or after it
    elif m.explicit == "next":
        delta = delta + 7 if delta <= 0 else delta
    elif direction == "past":
        delta = delta - 7 if delta > 0 else delta
    elif direction == "future":
        delta = delta + 7 if delta < 0 else delta
    elif delta > 0:
        delta -= 7  # no tense to go by: news mostly reports the days just past
    d = anchor + dt.timedelta(days=delta)
    return d.isoformat() + (f"T{part}" if part else "")


def _shift_unanchored(m) -> str:
    n = m.rel[2]
    if n == 0:
        return "PRESENT_REF"
    return "PAST_REF" if n < 0 else "FUTURE_REF"


@relative("shift", _shift_unanchored)
def _shift(m, anchor, direction, strict):
    _, unit, n, part = m.rel
    if unit == "day":
        return (anchor + dt.timedelta(days=n)).isoformat() + (f"T{part}" if part else "")
    if unit in ("week", "weekend"):
        value = _iso_week(anchor + dt.timedelta(weeks=n))
        return value + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        y, mo = _add_months(anchor, n)
        return f"{y}-{mo:02d}"
    if unit == "quarter":
        k = anchor.year * 4 + (anchor.month - 1) // 3 + n
        return f"{k // 4}-Q{k % 4 + 1}"
    if unit == "year":
        return f"{anchor.year + n}"
    if unit == "decade":
        return f"{anchor.year // 10 + n}"
    if unit == "century":
        return f"{anchor.year // 100 + n:02d}"
    return "PAST_REF" if n < 0 else "FUTURE_REF" if n > 0 else "PRESENT_REF"


@relative("clock", lambda m: f"XXXX-XX-XXT{m.rel[1]:02d}:{m.rel[2]:02d}")
def _clock(m, anchor, direction, strict):
    _, h, mi = m.rel
    if h == 24 and direction == "past":
        # midnight told in the past ("as the clock struck midnight") is the one the day began with
        return f"{anchor.isoformat()}T00:00"
    return f"{anchor.isoformat()}T{h:02d}:{mi:02d}"


# ---------------------------------------------------------------- told from the last date named

def resolve_anaphor(m: TimexCandidate, ref: str | None, anchor: dt.date | None) -> str:
    """The value of "that day", "the following year"...: counted from `ref`, the value of the
    last date the text named (else the anchor); parts `ref` doesn't give stay X."""
    _, unit, n, part = m.rel
    if anchor is not None and (ref is None or (len(ref) < 10 and anchor.isoformat().startswith(ref))):
        ref = anchor.isoformat()  # none named, or only the anchor's own year or month: the anchor
    if ref is None:
        return {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}.get(unit, "XXXX-XX-XX") \
            if unit != "weekday" else f"XXXX-WXX-{part}"
    y = int(ref[:4])
    mo = int(ref[5:7]) if len(ref) >= 7 else None
    d = int(ref[8:10]) if len(ref) >= 10 else None
    if unit == "year":
        return f"{y + n:04d}"
    if unit == "month":
        if mo is None:
            return f"{y:04d}-XX"
        y2, mo2 = _add_months(dt.date(y, mo, 1), n)
        return f"{y2:04d}-{mo2:02d}"
    if d is None and unit == "weekday":
        return f"XXXX-WXX-{part}"
    if d is None:
        return f"{y:04d}-XX" if unit == "week" and n == 0 else f"{y:04d}-{mo:02d}-XX" if mo and n == 0 else f"{y:04d}-XX-XX" if n == 0 else "XXXX-XX-XX"
    day = dt.date(y, mo, d)
    if unit == "weekday":
        delta = part - day.isoweekday()
        if n > 0:
            delta = delta + 7 if delta <= 0 else delta
        elif n < 0:
            delta = delta - 7 if delta >= 0 else delta
        return (day + dt.timedelta(days=delta)).isoformat()
    if unit == "week":
        return _iso_week(day + dt.timedelta(weeks=n))
    return (day + dt.timedelta(days=n)).isoformat() + (f"T{part}" if part else "")
