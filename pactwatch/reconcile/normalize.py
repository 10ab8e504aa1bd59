"""Shared normalisation for reconciliation: TIMEX3 values as date intervals, qualified amounts as ranges.

Everything here works on plain values taken from records; nothing imports spaCy. Names are compared by
knowledge.identity.norm_name.
"""
from __future__ import annotations

import calendar
import functools
import math
import re
from datetime import date, timedelta

from ..knowledge.identity import norm_name

# ---------------------------------------------------------------- time

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
_HALVES = {"H1": (1, 6), "H2": (7, 12)}
_QUARTERS = {f"Q{i}": (3 * i - 2, 3 * i) for i in range(1, 5)}


def _month_span(year: int, first: int, last: int) -> tuple[date, date]:
    # a span that runs past December (winter) continues into the next year
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


@functools.lru_cache(maxsize=65536)
def timex_interval(value: str | None) -> tuple[date, date] | None:
    """The days a TIMEX3 date value covers, first and last inclusive; None for durations, sets and vague references."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip().upper()
    try:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value)
        if m:
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        m = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if m:
            return _month_span(int(m[1]), int(m[2]), int(m[2]))
        m = re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value)
        if m:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        m = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|AU|WI)", value)
        if m:
            first, last = {**_QUARTERS, **_HALVES, **_SEASONS}[m[2]]
            return _month_span(int(m[1]), first, last)
        m = re.fullmatch(r"(\d{4})", value)
        if m:
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        m = re.fullmatch(r"(\d{3})X?", value)  # a decade: 199 or 199X
        if m:
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    except ValueError:  # impossible calendar values such as 2025-02-30
        return None
    return None


def parse_day(value: str | None) -> date | None:
    """A YYYY-MM-DD string (a document's published date) as a date, else None."""
    span = timex_interval(value)
    return span[0] if span and span[0] == span[1] else None


def span_days(span: tuple[date, date]) -> int:
    return (span[1] - span[0]).days + 1


def overlaps(a: tuple[date, date], b: tuple[date, date], slack_days: int = 0) -> bool:
    """True when the two day ranges share a day, once each is widened by slack_days."""
    slack = timedelta(days=slack_days)
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def compatible_dates(a: str | None, b: str | None) -> bool:
    """Dates that may name the same day: unknown, or one range containing the other (2025-08 ~ 2025-08-25)."""
    sa, sb = timex_interval(a), timex_interval(b)
    if sa is None or sb is None:
        return True
    return (sa[0] <= sb[0] and sb[1] <= sa[1]) or (sb[0] <= sa[0] and sa[1] <= sb[1])


def period_of(span: tuple[date, date] | None, by_month: bool) -> str:
    """The period a block holds: "YYYY-MM" for spans within a month when by_month, else "YYYY", else "undated"."""
    if span is None:
        return "undated"
    if by_month and span[0].year == span[1].year and span[0].month == span[1].month:
        return f"{span[0].year:04d}-{span[0].month:02d}"
    return f"{span[0].year:04d}"


def shift_period(period: str, step: int) -> str | None:
    """The period `step` months (for "YYYY-MM") or years (for "YYYY") away; None for "undated"."""
    if re.fullmatch(r"\d{4}-\d{2}", period):
        months = int(period[:4]) * 12 + int(period[5:]) - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if re.fullmatch(r"\d{4}", period):
        return f"{int(period) + step:04d}"
    return None


# ---------------------------------------------------------------- amounts

INF = math.inf

# Each qualifier maps a stated figure v to the range of true values it allows, as
# (low, high, low_open, high_open) multipliers of v. "More than 300" bounds only from
# below: reporters use it for anything above, so an upper bound would invent conflicts.
_ABOUT = (0.9, 1.1, False, False)          # rounded figures: within 10 %
_NEARLY = (0.9, 1.0, False, True)          # just under
_EXACT_TOLERANCE = 0.005                   # the scorer's 0.5 %: rounding in the last digit
QUALIFIER_RANGES: dict[str, tuple[float, float, bool, bool]] = {
    **dict.fromkeys(["about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
                     "close to", "or so", "circa", "approx"], _ABOUT),
    **dict.fromkeys(["nearly", "almost", "just under", "just shy of", "close to but under"], _NEARLY),
    **dict.fromkeys(["more than", "over", "above", "exceeding", "in excess of", "upwards of", "upward of",
                     "just over", "well over", "well above", "greater than"], (1.0, INF, True, False)),
    **dict.fromkeys(["at least", "no less than", "no fewer than", "a minimum of"], (1.0, INF, False, False)),
    **dict.fromkeys(["less than", "under", "below", "fewer than"], (0.0, 1.0, False, True)),
    **dict.fromkeys(["up to", "at most", "no more than", "as many as", "as much as", "a maximum of"],
                    (0.0, 1.0, False, False)),
}


class Range(tuple):
    """(low, high, low_open, high_open): the true values a qualified figure allows."""
    __slots__ = ()

    def __new__(cls, low: float, high: float, low_open: bool = False, high_open: bool = False):
        return super().__new__(cls, (low, high, low_open, high_open))

    @property
    def low(self) -> float:
        return self[0]

    @property
    def high(self) -> float:
        return self[1]

    def intersect(self, other: "Range") -> "Range":
        a_low, a_high, a_low_open, a_high_open = self
        b_low, b_high, b_low_open, b_high_open = other
        # the tighter end of each side, as max()/min() pick it (the first of equals; a NaN end is never kept
        # over the other's): written out, as reconciliation intersects ranges millions of times
        if a_low == b_low:
            low, low_open = a_low, a_low_open or b_low_open
        elif not b_low > a_low and a_low == a_low:
            low, low_open = a_low, a_low_open
        else:
            low, low_open = b_low, b_low_open
        if a_high == b_high:
            high, high_open = a_high, a_high_open or b_high_open
        elif not b_high < a_high and a_high == a_high:
            high, high_open = a_high, a_high_open
        else:
            high, high_open = b_high, b_high_open
        return tuple.__new__(Range, (low, high, low_open, high_open))

    def holds_a_value(self) -> bool:
        """True unless the range is empty."""
        low, high, low_open, high_open = self
        return low < high or (low == high and not low_open and not high_open)

    def meets(self, other: "Range") -> bool:
        """True when some value lies in both ranges."""
        return self.intersect(other).holds_a_value()


def value_range(value: float, qualifier: str | None = None, high: float | None = None) -> Range:
    """The range of true values that `value` with `qualifier` ("more than", "about", ...) allows;
    `high` is the upper end of a stated range ("between 100 and 150")."""
    q = norm_name(qualifier) if qualifier else ""
    if high is not None and high >= value:
        return Range(value, high)
    if q in QUALIFIER_RANGES:
        lo, hi, lo_open, hi_open = QUALIFIER_RANGES[q]
        low, high = value * lo, (INF if hi == INF else value * hi)
        if value < 0:
            low, high = high, low
        return Range(low, high, lo_open, hi_open)
    slack = abs(value) * _EXACT_TOLERANCE
    return Range(value - slack, value + slack)


def format_amount(value: float | None, unit: str | None, qualifier: str | None = None) -> str:
    """"$350 billion", "15%", "more than 300 persons": how a brief shows an amount."""
    if value is None:
        return "?"
    q = f"{qualifier} " if qualifier else ""
    if unit == "percent":
        return f"{q}{_number(value)}%"
    if unit == "USD":
        return f"{q}${_scaled(value)}"
    if unit and len(unit) == 3 and unit.isupper():
        return f"{q}{_scaled(value)} {unit}"
    return f"{q}{_number(value)} {unit}" if unit else f"{q}{_number(value)}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _scaled(value: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{_number(value / size)} {word}"
    return _number(value)
