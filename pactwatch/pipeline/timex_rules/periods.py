"""Rules for the periods reports count in: quarters, halves, seasons, the (fiscal) year and its end."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidate import TimexCandidate
from .rules import EXPLICIT, found, norm, rule, span_of

if TYPE_CHECKING:
    from .compiled import Grammar


# the 1988 third quarter
@rule("year_quarter", 70, "digit",
      lambda g: rf"\b(?:the\s+)?({g.YEAR})\s+({g.ORD})[\s-]+quarter\b", re.I)
def _year_quarter(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", f"{m[1]}-Q{g.ordinals[m[2].lower()]}")


# the third quarter (of 2025), third-quarter, the fiscal fourth quarter
@rule("quarter", 140, "unit",
      lambda g: rf"\b(?:the\s+)?(?:fiscal\s+)?({g.ORD}|final|last|latest|current)[\s-]+quarter\b(?:,?\s+(?:of\s+)?({g.YEAR})\b)?", re.I)
def _quarter(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    which, year = norm(m[1]), m[2]
    if which in ("last", "latest", "current", "final"):
        if which == "final":
            q = 4
        else:
            return found(m, "DATE", rel=("shift", "quarter", -1 if which != "current" else 0, None))
    else:
        q = g.ordinals[which]
    if year:
        return found(m, "DATE", f"{year}-Q{q}")
    return found(m, "DATE", rel=("quarter", q))


# Q3 2025, Q3
@rule("quarter_q", 150, "digit",
      lambda g: rf"\bQ([1-4])\s*({g.YEAR})?\b")
def _quarter_q(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    if m[2]:
        return found(m, "DATE", f"{m[2]}-Q{m[1]}")
    return found(m, "DATE", rel=("quarter", int(m[1])))


# next year's first half, this year's third quarter
@rule("year_part", 160, "year",
      lambda g: rf"\b(this|next|last)\s+year['’]s\s+({g.ORD}|final|last)[\s-]+(quarter|half)\b", re.I)
def _year_part(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    n = {"this": 0, "next": 1, "last": -1}[m[1].lower()]
    which = m[2].lower()
    if m[3].lower() == "half":
        k = 1 if which in ("first", "1st") else 2
        return found(m, "DATE", rel=("year_part", n, "H", k))
    k = 4 if which in ("final", "last") else g.ordinals[which]
    return found(m, "DATE", rel=("year_part", n, "Q", k))


# the 1988 quarter, the 1988 period
@rule("year_period", 170, "period",
      lambda g: rf"\bthe\s+({g.YEAR})\s+(?:quarter|period)\b", re.I)
def _year_period(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", m[1], rel=("year_period", int(m[1])))


# the same period last year, last year's quarter: the quarter in view, a year back
@rule("period_last_year", 180, "year",
      lambda g: r"\b(?:(?:the\s+)?(?:same|corresponding|comparable)\s+(?:period|quarter)\s+(?:of\s+)?last\s+year|last\s+year['’]s\s+(?:quarter|period))\b", re.I)
def _period_last_year(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", rel=("quarter_ago",))


# the year, for the full year, the fiscal year ended June 30: a year of accounts
@rule("the_year", 190, "year",
      lambda g: r"\bthe\s+(full\s+|fiscal\s+|current\s+fiscal\s+|current\s+|latest\s+fiscal\s+|previous\s+fiscal\s+)?(?-i:year)\b(?!['’]s|[\s-]+(?:before|after|earlier|ago|of|two|to|and|[\d]))", re.I)
def _the_year(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    s, e = span_of(m)
    which = norm(m[1]) or ""
    if not which and re.match(r"\s+(?:that|when|in\s+which)\b", text[e:e + 12]):
        return None  # "the year that changed everything": which year, the clause tells
    if re.match(r"\s+(?:ended|ending)\b", text[e:e + 10]):
        return found(m, "DURATION", "P1Y")  # "the year ended March 31": twelve months of accounts
    n = -1 if which.startswith(("latest", "previous")) else 0
    return found(m, "DATE", rel=("shift", "year", n, None))


# the first half (of 2025, of the year)
@rule("half", 200, "half",
      lambda g: rf"\b(?:the\s+)?(first|second|last|1st|2nd)[\s-]+half\b(?:\s+of\s+({g.YEAR})\b|(?:\s+of\s+(?:the|this)\s+year))?", re.I)
def _half(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    h = 1 if norm(m[1]) in ("first", "1st") else 2
    if m[2]:
        return found(m, "DATE", f"{m[2]}-H{h}")
    if "year" in m.group(0).lower():
        return found(m, "DATE", rel=("half", h))
    return None  # "the first half" of a match, a film...: not a time on its own


# seasons need a determiner or a year: "fall" and "spring" are also verbs
@rule("season", 210, "season",
      lambda g: rf"\b(?:(this\s+past|this\s+coming|last|next|this|early|late|the)\s+)?({g.SEASON})\b(?:\s+(?:of\s+)?({g.YEAR})\b)?(?!\s+of\b)", re.I)
def _season(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    det, season, year = norm(m[1]), m[2].lower(), m[3]
    code, start_month = g.seasons[season]
    if year:
        return found(m, "DATE", f"{year}-{code}")
    if det is None:
        return None
    if det == "the" and season in ("fall", "spring"):
        return None  # "the fall of the regime", "the spring in his step"
    return found(m, "DATE", rel=("season", code, start_month), explicit=EXPLICIT.get(det))


# the quarter, the latest quarter: the quarter the text is about
@rule("quarter_ref", 350, "unit",
      lambda g: r"\b(?:(?:the|this)\s+(?:latest\s+|fiscal\s+|same\s+)?quarter\b(?![\s-]+(?:century|mile|point|percent))|the\s+latest\s+period\b)", re.I)
def _quarter_ref(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", rel=("quarter_ref",))


# the end of the year, the rest of this month
@rule("edge_year", 390, "unit",
      lambda g: rf"\b(?:the\s+)?(end|beginning|start|middle|rest|remainder)\s+of\s+(?:the|this)\s+(year|month|week|decade|quarter)\b", re.I)
def _edge_year(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    # "the end of the year" is dated to the year (TIMEX3 keeps the granularity named)
    return found(m, "DATE", rel=("shift", m[2].lower(), 0, None))


# the end of the year, as accounts name it: by year-end, at year's end
@rule("year_end", 490, "year",
      lambda g: r"\b(?:year[\s-]end|year['’]s\s+end)\b(?![\s-]+(?:net|results?|figures?|levels?))", re.I)
def _year_end(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "DATE", rel=("shift", "year", 0, None))
