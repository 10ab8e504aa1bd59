"""Rules for recurrences (TIMEX3 SET): every Thursday, each July, annually, $5 million a year."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidate import TimexCandidate
from .rules import alternation, duration_value, found, norm, rule

if TYPE_CHECKING:
    from .compiled import Grammar


# recurrences on a named day or month: every Thursday, each July, on Mondays
@rule("every_named", 430, "every_named",
      lambda g: rf"\b(?:(?:every|each)\s+(?:({g.WD})|({g.MON}))(?:\s+({g.PART}))?|(?:on\s+)?(?-i:(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)\b(?:\s+({g.PART})s)?)\b", re.I)
def _every_named(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    wd, mon, part, plural, plural_part = m[1], m[2], m[3], m[4], m[5]
    if plural:  # "on Mondays": the expression is "Mondays"
        wd, part = plural + "day", plural_part
    part_code = g.parts[part.lower()] if part else None
    if wd:
        value = f"XXXX-WXX-{g.weekdays[wd.lower()]}" + (f"T{part_code}" if part_code else "")
    else:
        value = f"XXXX-{g.month(mon):02d}"
    return found(m, "SET", value, start=m.start(4) if plural else None)


# Friday nights
@rule("plural_part", 440, "weekday",
      lambda g: rf"\b({g.WD})\s+({g.PART})s\b", re.I)
def _plural_part(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "SET", f"XXXX-WXX-{g.weekdays[m[1].lower()]}T{g.parts[m[2].lower()]}")


# every three years
@rule("every", 450, "unit",
      lambda g: rf"\b(?:every|each)\s+({g.NUM})\s+({g.UNIT})s\b", re.I)
def _every(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    n = g.number(m[1])
    return found(m, "SET", duration_value(n, g.units[m[2].lower()]))


# annual, every year, weekly
@rule("set", 460, "set",
      lambda g: rf"(?-i:\b{alternation([k for k in g.sets if not k.startswith(('a ', 'per '))])}\b)")
def _set(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "SET", g.sets[norm(m.group(0))])


# a rate: $5 million a year, twice a week (after a plural noun, see time.py)
@rule("rate", 470, "unit",
      lambda g: rf"(?:\d|illion|ercent|%|times|once|twice)\s+(?P<t>(?:a|per)\s+(?:year|day|week|month))\b", re.I)
def _rate(g: Grammar, m: re.Match, text: str) -> TimexCandidate | None:
    return found(m, "SET", g.sets[norm(m["t"]).replace("per ", "a ")])
