"""Rules for dates the words name on the calendar: full dates, a month and day, a month, years,
decades, centuries, holidays. A date that lacks its year carries `rel` for the anchor to finish."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING

from .candidate import TimexCandidate
from .rules import EXPLICIT, day_number, found, norm, rule

if TYPE_CHECKING:
    from .compiled import Grammar


# 2025-08-21
@rule("iso", 10, "digit",
      lambda g: rf"\b({g.YEAR})-(0[1-9]|1[0-2])-([0-3]\d)\b", names_day=True)
def _iso(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return _calendar_date(m, int(m[1]), int(m[2]), int(m[3]))


# 8/21/2025
@rule("us_numeric", 20, "digit",
      lambda g: r"\b(1[0-2]|0?[1-9])/([0-3]?\d)/((?:19|20)\d\d)\b", names_day=True)
def _us_numeric(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return _calendar_date(m, int(m[3]), int(m[1]), int(m[2]))


# (Wednesday,) August 21(st), 2025; a scraped page may run the date into a name around it
# ("LedgerJul 25, 2025", "2025Ledger")
@rule("full", 30, "month",
      lambda g: rf"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?:{g.WD},?\s+)?(?:the\s+)?({g.MON})\s+({g.DAY}),?\s+({g.YEAR})(?:\b|(?-i:(?=[A-Z][a-z]))){g.NOT_NUM}", re.I, names_day=True)
def _full(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return _calendar_date(m, int(m[3]), g.month(m[1]), day_number(m[2]))


# (Wednesday,) 21 August 2025
@rule("full_dmy", 40, "month",
      lambda g: rf"\b(?:{g.WD},?\s+)?(?:the\s+)?({g.DAY})\s+(?:of\s+)?({g.MON}),?\s+({g.YEAR})\b{g.NOT_NUM}", re.I, names_day=True)
def _full_dmy(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return _calendar_date(m, int(m[3]), g.month(m[2]), day_number(m[1]))


# (early) December 2024
@rule("month_year", 50, "month",
      lambda g: rf"\b({g.EDGE})?({g.MON}),?\s+(?:of\s+)?({g.YEAR})\b{g.NOT_NUM}", re.I)
def _month_year(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", f"{m[3]}-{g.month(m[2]):02d}")


# July last year, March 3 next year
@rule("month_year_rel", 60, "month",
      lambda g: rf"\b({g.MON})(?:\s+({g.DAY}))?,?\s+(last|next|this)\s+year\b", re.I)
def _month_year_rel(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", rel=("month_year_rel", g.month(m[1]), day_number(m[2]) if m[2] else None,
                                 {"last": -1, "next": 1, "this": 0}[m[3].lower()]))


# (Wednesday,) August 25
@rule("month_day", 80, "month",
      lambda g: rf"\b(?:{g.WD},?\s+)?({g.MON})\s+({g.DAY})\b{g.NOT_NUM}", re.I, names_day=True)
def _month_day(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return _yearless_day(m, g.month(m[1]), day_number(m[2]))


# 25 August, the 25th of August
@rule("day_month", 90, "month",
      lambda g: rf"\b(?:{g.WD},?\s+)?(?:the\s+)?({g.DAY})\s+(?:of\s+)?({g.MON})\b", re.I, names_day=True)
def _day_month(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return _yearless_day(m, g.month(m[2]), day_number(m[1]))


# last/next/this October
@rule("month_rel", 100, "month",
      lambda g: rf"\b(last|next|this|this\s+past|this\s+coming|past|coming)\s+({g.MON})\b", re.I)
def _month_rel(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", rel=("month", g.month(m[2])), explicit=EXPLICIT[norm(m[1])])


# early/late/the end of October
@rule("month_edge", 110, "month",
      lambda g: rf"\b({g.EDGE})({g.MON})\b", re.I)
def _month_edge(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", rel=("month", g.month(m[2])))


# "May" is also a modal verb: alone, it needs a preposition before it ("in May")
@rule("month_may", 120, "month",
      lambda g: rf"\b(?:in|since|by|until|till|of|during|through|before|after|from|between|and|to)\s+(?P<t>(?-i:May))\b(?!\s+(?:be|have|not|also|well|still|yet|need)\b)")
def _month_may(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", rel=("month", 5))


# October
@rule("month", 130, "month",
      lambda g: rf"\b({g.MON_SAFE})\b(?!\s+\d)")
def _month(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", rel=("month", g.month(m[1])))


# the 1990s, the mid-1990s
@rule("decade", 220, "digit",
      lambda g: rf"\b(?:the\s+)?(?:(early|mid|late)[\s-]*)?(1[5-9]\d|20\d)0s\b", re.I)
def _decade(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", m[2])


# the '90s
@rule("decade_short", 230, "digit",
      lambda g: r"(?:\bthe\s+)?['’]([2-9])0s\b", re.I)
def _decade_short(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", rel=("decade_short", int(m[1])))


# the nineties
@rule("decade_word", 240, "decade_word",
      lambda g: r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", re.I)
def _decade_word(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    tens = g.numbers[m[1].lower()[:-3] + "y"] // 10  # "nineties" -> ninety -> 9
    return found(m, "DATE", rel=("decade_short", tens))


# the 20th century
@rule("century", 250, "digit",
      lambda g: r"\b(?:the\s+)?(1[0-9]|2[01]|[1-9])(?:st|nd|rd|th)\s+century\b", re.I)
def _century(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", f"{int(m[1]) - 1:02d}")


# 2024-25, 1990-1995; guarded against amounts
@rule("year_range", 260, "digit",
      lambda g: rf"(?<![\d$,.#])({g.YEAR})\s*[-–—]\s*(\d\d|{g.YEAR})(?!\d|[,.]\d|%)")
def _year_range(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    a, b = m[1], m[2]
    if len(b) == 2:
        b = a[:2] + b
    if not int(a) < int(b) <= int(a) + 100:
        return None  # "2025-10" is a month, "1990-1980" no range
    return found(m, "DATE", f"{a}/{b}")


# 2025, fiscal 2025, early 2025; guarded against amounts ($2025, 2,025, 2025%)
@rule("year", 270, "digit",
      lambda g: rf"(?=[fbcemlst12])(?<![\d$£€,.#/-])(?:(fiscal(?:\s+year)?|FY)\s*)?({g.EDGE})?({g.YEAR})(?!\d|[,.]\d|%|\s*(?:percent|per\s+cent|GMT|UTC|hours|hrs)\b)", re.I)
def _year(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", m[3])


# years read out, as in broadcast transcripts: nineteen ninety-six, the year two thousand
@rule("spoken_year", 280, "spoken_year",
      lambda g: rf"\b(?:(?:the\s+)?({g.MON_SAFE}|{g.MON}(?=\s+nineteen)|(?:the\s+)?{g.SEASON}\s+of)\s+)?(?:(eighteen|nineteen)[\s-]+({g.TENS}(?:[\s-]+{g.ONES})?|{g.TEENS}|oh[\s-]+{g.ONES})|the\s+year\s+(two\s+thousand(?:\s+and\s+{g.ONES}|\s+{g.ONES})?))\b(?![\s-]+(?:{g.UNIT})s?\b)", re.I)
def _spoken_year(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    lead, century, rest, y2k = m[1], m[2], m[3], m[4]
    if y2k:
        year = 2000 + (g.number(re.sub(r"two\s+thousand\s*(?:and\s+)?", "", y2k.lower())) if re.search(r"thousand\s+\w", y2k, re.I) else 0)
    else:
        rest = re.sub(r"^oh[\s-]+", "", rest.lower())
        year = g.number(century) * 100 + g.number(rest)
    if not isinstance(year, int):
        return None
    if lead is None:
        return found(m, "DATE", f"{year:04d}")
    word = re.sub(r"^the\s+|\s+of$", "", norm(lead))
    if word in g.seasons:
        return found(m, "DATE", f"{year:04d}-{g.seasons[word][0]}")
    return found(m, "DATE", f"{year:04d}-{g.month(word):02d}")


# (last/next) Christmas, Thanksgiving Day
@rule("holiday", 290, "holiday",
      lambda g: rf"\b(?:(last|next|this)\s+)?{g.HOLIDAY}\b", re.I)
def _holiday(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    name = re.sub(r"\s+", " ", m.group(0).lower())
    explicit = None
    for w in ("last ", "next ", "this "):
        if name.startswith(w):
            name, explicit = name[len(w):], w.strip()
    return found(m, "DATE", rel=("holiday", g.holidays[name]), explicit=explicit)


def _calendar_date(m: re.Match, year: int, month: int, day: int) -> TimexCandidate | None:
    try:
        return found(m, "DATE", dt.date(year, month, day).isoformat())
    except ValueError:
        return None  # "February 30, 2023" is no date


def _yearless_day(m: re.Match, month: int, day: int) -> TimexCandidate | None:
    """A day of a month, its year left to the anchor and the tense."""
    if day > calendar.monthrange(2000, month)[1]:  # 2000: a leap year lets February 29 through
        return None
    return found(m, "DATE", rel=("day", month, day))
