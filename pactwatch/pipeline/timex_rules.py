"""Temporal expressions in English text: where they are (precompiled regexes) and their TIMEX3
values. No spaCy here: `find(text)` gives Mentions; the ones that lack a year or are relative
carry `rel`, and `resolve(mention, anchor, direction)` finishes them once the component knows the
anchor date and the tense of the clause. Vocabulary comes from knowledge/data/time_words.toml."""
from __future__ import annotations

import calendar
from bisect import bisect_left
import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..knowledge import loader

WORDS_FILE = "time_words.toml"
NUMBERS_FILE = "numbers.toml"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str                    # DATE, TIME, DURATION, SET
    value: str | None = None     # final when rel is None
    rel: tuple | None = None     # what to compute from the anchor (see resolve)
    explicit: str | None = None  # direction the words state: "last", "next", "this"
    kind: str = ""               # the pattern that found it


@functools.lru_cache(maxsize=4)
def words(kb_dirs: tuple[str, ...] = ()) -> dict:
    """time_words.toml with the additions of the user's knowledge folders (knowledge/loader.py), its
    [numbers] joined by the spelled-out numbers of numbers.toml."""
    w = loader.data(WORDS_FILE, kb_dirs)
    return {**w, "numbers": {**loader.data(NUMBERS_FILE, kb_dirs)["cardinals"], **w["numbers"]}}


def _alt(keys, capital: bool = False) -> str:
    """A regex alternation of lexicon keys, longest first; `capital` keeps them case-sensitive
    and Title-case (month and day names are capitalised in edited English)."""
    keys = sorted(keys, key=len, reverse=True)
    if capital:
        return "(?-i:" + "|".join(re.escape(k[0].upper() + k[1:]) for k in keys) + ")"
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + ")"


class _Grammar:
    """All regexes, compiled once."""

    def __init__(self, kb_dirs: tuple[str, ...] = ()):
        w = words(kb_dirs)
        self.months = w["months"]
        self.weekdays = w["weekdays"]
        self.seasons = w["seasons"]
        self.parts = w["day_parts"]
        self.numbers = w["numbers"]
        self.ordinals = w["ordinals"]
        self.units = w["units"]
        self.vague = w["vague"]
        self.sets = w["sets"]
        self.holidays = w.get("holidays", {})
        MON = _alt(self.months, capital=True)
        # "May" is also a modal verb: on its own it needs a date word beside it
        MON_SAFE = _alt([m for m in self.months if m != "may"], capital=True)
        WD = _alt(self.weekdays, capital=True)
        SEASON = _alt(self.seasons)
        PART = _alt(self.parts)
        tens = [k for k, v in self.numbers.items() if isinstance(v, int) and 20 <= v <= 90 and " " not in k]
        ones = [k for k, v in self.numbers.items() if isinstance(v, int) and 1 <= v <= 9 and k not in ("a", "an")]
        NUM = (rf"(?:{_alt(tens)}(?:[\s-]+{_alt(ones)})?|{_alt(self.numbers)}|\d+\s+1/2|\d+(?:\.\d+)?)")
        APPROX = r"(?:about|nearly|almost|roughly|around|some|more\s+than|less\s+than|just|only|over|at\s+least)"
        UNIT = _alt(self.units)
        ORD = _alt(self.ordinals)
        YEAR = r"(?:1[5-9]\d\d|20\d\d)"
        DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        EDGE = r"(?:(?:the\s+)?(?:end|beginning|start|middle|close)\s+of\s+|early[\s-]+|late[\s-]+|mid[\s-]*)"
        # holiday names are capitalised: "Christmas", "Thanksgiving Day"
        HOLIDAY = "(?-i:" + "|".join(re.escape(h.title().replace("'S", "'s")).replace(r"\ ", r"\s+")
                                     for h in sorted(self.holidays, key=len, reverse=True)) + ")"
        NOT_NUM = r"(?![\d,]*\d)(?!\s*(?:%|percent))"
        TZ = r"(?:(?-i:[ECMP][SD]?T|GMT|UTC|KST|JST|BST|CET)|local\s+time)"
        I = re.I
        self.patterns = [
            # 2025-08-21, 8/21/2025
            ("iso", re.compile(rf"\b({YEAR})-(0[1-9]|1[0-2])-([0-3]\d)\b")),
            ("us_numeric", re.compile(r"\b(1[0-2]|0?[1-9])/([0-3]?\d)/((?:19|20)\d\d)\b")),
            # (Wednesday,) August 21(st), 2025 ; 21 August 2025
            # a scraped page may run the date into a name around it ("LedgerJul 25, 2025", "2025Ledger")
            ("full", re.compile(rf"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?:{WD},?\s+)?(?:the\s+)?({MON})\s+({DAY}),?\s+({YEAR})(?:\b|(?-i:(?=[A-Z][a-z]))){NOT_NUM}", I)),
            ("full_dmy", re.compile(rf"\b(?:{WD},?\s+)?(?:the\s+)?({DAY})\s+(?:of\s+)?({MON}),?\s+({YEAR})\b{NOT_NUM}", I)),
            # (early) December 2024
            ("month_year", re.compile(rf"\b({EDGE})?({MON}),?\s+(?:of\s+)?({YEAR})\b{NOT_NUM}", I)),
            # July last year, March 3 next year
            ("month_year_rel", re.compile(rf"\b({MON})(?:\s+({DAY}))?,?\s+(last|next|this)\s+year\b", I)),
            # the 1988 third quarter
            ("year_quarter", re.compile(rf"\b(?:the\s+)?({YEAR})\s+({ORD})[\s-]+quarter\b", I)),
            # (Wednesday,) August 25 ; 25 August
            ("month_day", re.compile(rf"\b(?:{WD},?\s+)?({MON})\s+({DAY})\b{NOT_NUM}", I)),
            ("day_month", re.compile(rf"\b(?:{WD},?\s+)?(?:the\s+)?({DAY})\s+(?:of\s+)?({MON})\b", I)),
            # last/next/this October ; early/late/the end of October ; October
            ("month_rel", re.compile(rf"\b(last|next|this|this\s+past|this\s+coming|past|coming)\s+({MON})\b", I)),
            ("month_edge", re.compile(rf"\b({EDGE})({MON})\b", I)),
            ("month_may", re.compile(rf"\b(?:in|since|by|until|till|of|during|through|before|after|from|between|and|to)\s+(?P<t>(?-i:May))\b(?!\s+(?:be|have|not|also|well|still|yet|need)\b)")),
            ("month", re.compile(rf"\b({MON_SAFE})\b(?!\s+\d)")),
            # quarters and halves: the third quarter (of 2025), third-quarter, Q3 2025
            ("quarter", re.compile(rf"\b(?:the\s+)?(?:fiscal\s+)?({ORD}|final|last|latest|current)[\s-]+quarter\b(?:,?\s+(?:of\s+)?({YEAR})\b)?", I)),
            ("quarter_q", re.compile(rf"\bQ([1-4])\s*({YEAR})?\b")),
            ("year_part", re.compile(rf"\b(this|next|last)\s+year['’]s\s+({ORD}|final|last)[\s-]+(quarter|half)\b", I)),
            ("year_period", re.compile(rf"\bthe\s+({YEAR})\s+(?:quarter|period)\b", I)),
            # the same period last year, last year's quarter: the quarter in view, a year back
            ("period_last_year", re.compile(r"\b(?:(?:the\s+)?(?:same|corresponding|comparable)\s+(?:period|quarter)\s+(?:of\s+)?last\s+year|last\s+year['’]s\s+(?:quarter|period))\b", I)),
            # the year, for the full year, the fiscal year ended June 30: a year of accounts
            ("the_year", re.compile(r"\bthe\s+(full\s+|fiscal\s+|current\s+fiscal\s+|current\s+|latest\s+fiscal\s+|previous\s+fiscal\s+)?(?-i:year)\b(?!['’]s|[\s-]+(?:before|after|earlier|ago|of|two|to|and|[\d]))", I)),
            ("half", re.compile(rf"\b(?:the\s+)?(first|second|last|1st|2nd)[\s-]+half\b(?:\s+of\s+({YEAR})\b|(?:\s+of\s+(?:the|this)\s+year))?", I)),
            # seasons need a determiner or a year: "fall" and "spring" are also verbs
            ("season", re.compile(rf"\b(?:(this\s+past|this\s+coming|last|next|this|early|late|the)\s+)?({SEASON})\b(?:\s+(?:of\s+)?({YEAR})\b)?(?!\s+of\b)", I)),
            # the 1990s, the mid-1990s, the '90s ; the 20th century
            ("decade", re.compile(rf"\b(?:the\s+)?(?:(early|mid|late)[\s-]*)?(1[5-9]\d|20\d)0s\b", I)),
            ("decade_short", re.compile(r"(?:\bthe\s+)?['’]([2-9])0s\b", I)),
            ("decade_word", re.compile(r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", I)),
            ("century", re.compile(r"\b(?:the\s+)?(1[0-9]|2[01]|[1-9])(?:st|nd|rd|th)\s+century\b", I)),
            # years and year ranges; guarded against amounts ($2025, 2,025, 2025%)
            ("year_range", re.compile(rf"(?<![\d$,.#])({YEAR})\s*[-–—]\s*(\d\d|{YEAR})(?!\d|[,.]\d|%)")),
            ("year", re.compile(rf"(?=[fbcemlst12])(?<![\d$£€,.#/-])(?:(fiscal(?:\s+year)?|FY)\s*)?({EDGE})?({YEAR})(?!\d|[,.]\d|%|\s*(?:percent|per\s+cent|GMT|UTC|hours|hrs)\b)", I)),
            # years read out, as in broadcast transcripts: nineteen ninety-six, the year two thousand
            ("spoken_year", re.compile(rf"\b(?:(?:the\s+)?({MON_SAFE}|{MON}(?=\s+nineteen)|(?:the\s+)?{SEASON}\s+of)\s+)?(?:(eighteen|nineteen)[\s-]+({_alt(tens)}(?:[\s-]+{_alt(ones)})?|{_alt(k for k, v in self.numbers.items() if isinstance(v, int) and 10 <= v <= 19)}|oh[\s-]+{_alt(ones)})|the\s+year\s+(two\s+thousand(?:\s+and\s+{_alt(ones)}|\s+{_alt(ones)})?))\b(?![\s-]+(?:{UNIT})s?\b)", I)),
            # holidays: (last/next) Christmas, Thanksgiving Day
            ("holiday", re.compile(rf"\b(?:(last|next|this)\s+)?{HOLIDAY}\b", I)),
            # today, yesterday, tonight, this morning, last night
            ("deictic", re.compile(r"\b(today|yesterday|tomorrow|tonight)\b(?!['’]s\s+(?:world|society|economy))", I)),
            ("day_part", re.compile(rf"\b(this|last|tomorrow|yesterday)\s+({PART})\b", I)),
            # weekdays: (last/next/this) Wednesday (night)
            ("weekday", re.compile(rf"\b(?:(last|next|this|this\s+past|this\s+coming|past|coming)\s+)?({WD})\b(?:\s+({PART}))?", I)),
            # N units ago / a year earlier
            ("ago", re.compile(rf"\b(?:{APPROX}\s+)?({NUM})[\s-]+({UNIT})s?(?:\s+or\s+so)?\s+(ago|earlier|before|previously)\b", I)),
            ("year_earlier", re.compile(rf"\b(?:(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(?=\w+[\s-](?:earlier|ago)\s+(?:{ORD}\s+)?(?:quarter|period)))?(year|month|week|quarter)[\s-](earlier|ago)(\s+(?:{ORD}\s+)?(?:quarter|period))?\b", I)),
            # the quarter, the latest quarter: the quarter the text is about
            ("quarter_ref", re.compile(r"\b(?:(?:the|this)\s+(?:latest\s+|fiscal\s+|same\s+)?quarter\b(?![\s-]+(?:century|mile|point|percent))|the\s+latest\s+period\b)", I)),
            # that day, later that month, the following year, the next morning: told from the
            # date the text has just named
            ("anaphor", re.compile(rf"\b(?:(later|earlier)\s+(?:in\s+)?)?(that(?:\s+same)?|the\s+same|the\s+following|the\s+previous|the\s+preceding|the\s+prior|the\s+next(?=\s+(?:day|{PART}|{WD})))\s+(day|week|month|year|{PART}|{WD})\b(?!['’]s|\s+(?:of|when|that|in\s+which)\b)", I)),
            # this week, next month, last year, earlier this year, early next year
            ("shift", re.compile(rf"\b(?:(earlier|later|early|late)\s+)?(this|next|last|past|previous|coming|current|the\s+current|the\s+previous|the\s+past|the\s+last|the\s+coming|the\s+next)\s+({UNIT})\b(?:\s+or\s+so\b)?(?!['’]s\s+(?:\w+\s+)?(?:high|low|level))", I)),
            # "over the weekend": the one just past, or the coming one
            ("the_weekend", re.compile(r"\bthe\s+weekend\b(?!\s+(?:of|before|after)\b)", I)),
            ("edge_year", re.compile(rf"\b(?:the\s+)?(end|beginning|start|middle|rest|remainder)\s+of\s+(?:the|this)\s+(year|month|week|decade|quarter)\b", I)),
            # durations: four months, the first four months, the past three years, 75-year-old, 24-hour
            ("duration", re.compile(rf"\b(?:the\s+)?(?:(?:first|last|past|next|previous|coming|following|final|latest|remaining|initial|subsequent|same)\s+)?(?:(?:about|nearly|almost|roughly|around|more\s+than|less\s+than|over|under|up\s+to|at\s+least)\s+)?({NUM}(?:\s+(?:to|or)\s+{NUM})?)(?:\s+(?:more|additional|extra|straight|consecutive))?[\s-]+({UNIT})s?\b(-old)?(?:\s+and\s+a\s+half\b)?(?:\s+or\s+so\b)?(?!\s*-?\s*(?:ago|earlier(?!\s+than))\b)", I)),
            # the months prior, the coming months, several years, for years
            ("vague_duration", re.compile(rf"\b(?:(the\s+)(years|months|weeks|days|decades)\s+(prior|before|since|after|following)|(?:the\s+)?(coming|next|past|last|previous|following|several|many|few|some|recent)\s+(years|months|weeks|days|decades|hours|minutes))\b", I)),
            ("bare_units", re.compile(r"\b(?:for|in|over|within|takes?|took|lasted)\s+(?P<t>years|months|weeks|days|decades|hours|minutes)\b(?!\s+(?:of|ago|old))", I)),
            # recurrences on a named day or month: every Thursday, each July, on Mondays
            ("every_named", re.compile(rf"\b(?:(?:every|each)\s+(?:({WD})|({MON}))(?:\s+({PART}))?|(?:on\s+)?(?-i:(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)\b(?:\s+({PART})s)?)\b", I)),
            ("plural_part", re.compile(rf"\b({WD})\s+({PART})s\b", I)),
            # recurrences: annual, every year, $5 million a year, every three years
            ("every", re.compile(rf"\b(?:every|each)\s+({NUM})\s+({UNIT})s\b", I)),
            ("set", re.compile(rf"(?-i:\b{_alt([k for k in self.sets if not k.startswith(('a ', 'per '))])}\b)")),
            # a rate: $5 million a year, twice a week (after a plural noun, see time.py)
            ("rate", re.compile(rf"(?:\d|illion|ercent|%|times|once|twice)\s+(?P<t>(?:a|per)\s+(?:year|day|week|month))\b", I)),
            # a stretch of time the words leave open: for a while, for some time
            ("vague_stretch", re.compile(r"\b(?:for|in|after|within|over)\s+(?P<t>a\s+while|some\s+time|a\s+long\s+time|a\s+short\s+time|quite\s+some\s+time)\b", I)),
            # the end of the year, as accounts name it: by year-end, at year's end
            ("year_end", re.compile(r"\b(?:year[\s-]end|year['’]s\s+end)\b(?![\s-]+(?:net|results?|figures?|levels?))", I)),
            # "later in the day", "earlier in the year": the day or year the text is telling
            ("in_the_unit", re.compile(r"\b(?:later|earlier)\s+in\s+the\s+(day|week|month|year)\b", I)),
            # vague references: now, recently, soon, the future
            ("vague", re.compile(rf"\b{_alt(self.vague)}\b", I)),
            # a clock time on a weekday: 10 p.m. Wednesday, noon on Thursday, Friday at 9 a.m.
            ("clock_weekday", re.compile(rf"\b(?:(?:(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([ap])\.?m\.?|(noon|midnight))(?:\s+{TZ})?,?\s+(?:on\s+)?({WD})|({WD}),?\s+(?:at\s+)?(?:(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([ap])\.?m\.?|(noon|midnight)))(?=\W|$)", I)),
            # clock times: 10:30 a.m. (EDT), noon
            ("clock", re.compile(rf"\b(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([ap])\.?m\.?(?=\W|$)(?:\s+\(?{TZ}\)?\b)?", I)),
            ("clock24", re.compile(rf"\b([01]?\d|2[0-3]):([0-5]\d)\s*(?:{TZ}|hours)\b")),
            ("noon", re.compile(r"\b(noon|midnight|midday)\b", I)),
        ]

        # every match of a pattern contains a word of its trigger class; the patterns run only
        # near such words, found in one pass over the text (regex alternations are slow)
        self.trigger_of = {
            **dict.fromkeys(("iso", "us_numeric", "year_quarter", "quarter_q", "decade", "decade_short",
                             "century", "year_range", "year", "clock", "clock24"), "digit"),
            **dict.fromkeys(("full", "full_dmy", "month_year", "month_year_rel", "month_day", "day_month",
                             "month_rel", "month_edge", "month_may", "month"), "month"),
            "anaphor": "unit_or_part", "ago": "ago", "year_earlier": "ago", **dict.fromkeys(("the_weekend", "quarter", "quarter_ref", "shift", "edge_year", "duration",
                             "vague_duration", "bare_units", "every", "rate"), "unit"),
            "half": "half", "season": "season", "spoken_year": "spoken_year", "decade_word": "decade_word",
            "vague_stretch": "while", "year_end": "year", "in_the_unit": "unit",
            "year_part": "year", "year_period": "period", "the_year": "year", "period_last_year": "year", "holiday": "holiday", "deictic": "deictic",
            "day_part": "day_part", "weekday": "weekday", "clock_weekday": "weekday", "every_named": "every_named",
            "plural_part": "weekday",
            "set": "set", "vague": "vague", "noon": "noon",
        }
        last_word = lambda phrase: re.findall(r"\w+", phrase.lower())[-1]
        units = set(self.units) | {u + "s" for u in self.units} | {"centuries"}
        self.trigger_words = {
            "month": {k.rstrip(".") for k in self.months},
            "unit": units | {"period"},
            "half": {"half"},
            "spoken_year": {"eighteen", "nineteen", "thousand"},
            "year": {"year"},
            "ago": {"ago", "earlier", "before", "previously"},
            "decade_word": {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"},
            "every_named": {"every", "each", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays",
                            "saturdays", "sundays"},
            "while": {"while", "time"},
            "period": {"quarter", "period"},
            "season": set(self.seasons),
            "holiday": {last_word(h) for h in self.holidays},
            "deictic": {"today", "yesterday", "tomorrow", "tonight"},
            "day_part": set(self.parts),
            "unit_or_part": set(self.units) | set(self.parts) | {k.rstrip(".") for k in self.weekdays},
            "weekday": {k.rstrip(".") for k in self.weekdays},
            "set": {last_word(k) for k in self.sets},
            "vague": {last_word(k) for k in self.vague},
            "noon": {"noon", "midnight", "midday"},
        }
        for kind, _ in self.patterns:
            assert kind in self.trigger_of, kind
        # each trigger word -> the classes it belongs to, for one dictionary look-up per word
        self.classes_of: dict[str, tuple[str, ...]] = {}
        for name, members in self.trigger_words.items():
            for member in members:
                self.classes_of[member] = self.classes_of.get(member, ()) + (name,)

    def number(self, s: str) -> int | float | str:
        s = re.sub(r"\s+", " ", s.lower())
        half = re.fullmatch(r"(\d+)\s+1/2", s)
        if half:
            return int(half.group(1)) + 0.5
        if re.fullmatch(r"\d+(?:\.\d+)?", s):
            return float(s) if "." in s else int(s)
        if s in self.numbers:
            return self.numbers[s]
        parts = re.split(r"[\s-]+", s)
        return sum(self.numbers[p] for p in parts if isinstance(self.numbers.get(p), int)) or "X"

    def month(self, s: str) -> int:
        return self.months[s.lower()]


@functools.lru_cache(maxsize=4)
def grammar(kb_dirs: tuple[str, ...] = ()) -> _Grammar:
    return _Grammar(kb_dirs)


_EXPLICIT = {"last": "last", "past": "last", "this past": "last", "previous": "last",
             "next": "next", "coming": "next", "this coming": "next", "this": "this", "current": "this"}


def _norm(s: str | None) -> str | None:
    return re.sub(r"\s+", " ", s.lower()).strip() if s else None


def _dur(n, code: str) -> str:
    """TIMEX3 duration value: P4M, PT3H, PXY; decades and centuries counted in years (P20Y) as
    TimeML corpora do."""
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    if isinstance(n, float) and (n * 2).is_integer() and code in _HALVES:
        # "2 1/2 years" is P2Y6M, "an hour and a half" PT1H30M: the half in the next smaller unit
        whole, (half, small) = int(n), _HALVES[code]
        big = code[-1]
        if code.startswith("T"):
            return f"PT{whole}{big}{half}{small}" if whole else f"PT{half}{small}"
        if small.startswith("T"):
            return f"P{whole}{big}T{half}{small[1:]}" if whole else f"PT{half}{small[1:]}"
        return f"P{whole}{big}{half}{small}" if whole else f"P{half}{small}"
    if code in ("DE", "CE") and n != "X":
        n, code = n * (10 if code == "DE" else 100), "Y"
        n = int(n) if float(n).is_integer() else n
    if code.startswith("T"):
        return f"PT{n}{code[1:]}"
    return f"P{n}{code}"


_HALVES = {"Y": (6, "M"), "D": (12, "TH"), "TH": (30, "M"), "TM": (30, "S")}


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _mention(g: _Grammar, kind: str, m: re.Match, text: str) -> Mention | None:
    s, e = m.span("t") if "t" in m.re.groupindex else m.span()
    G = m.group
    if kind in ("iso", "us_numeric"):
        y, mo, d = (G(1), G(2), G(3)) if kind == "iso" else (G(3), G(1), G(2))
        try:
            return Mention(s, e, "DATE", dt.date(int(y), int(mo), int(d)).isoformat())
        except ValueError:
            return None
    if kind in ("full", "full_dmy"):
        month, day = (G(1), G(2)) if kind == "full" else (G(2), G(1))
        try:
            return Mention(s, e, "DATE", dt.date(int(G(3)), g.month(month), _day(day)).isoformat())
        except ValueError:
            return None  # "February 30, 2023" is no date
    if kind == "month_year":
        return Mention(s, e, "DATE", f"{G(3)}-{g.month(G(2)):02d}")
    if kind == "month_year_rel":
        return Mention(s, e, "DATE", rel=("month_year_rel", g.month(G(1)), _day(G(2)) if G(2) else None,
                                          {"last": -1, "next": 1, "this": 0}[G(3).lower()]))
    if kind == "year_quarter":
        return Mention(s, e, "DATE", f"{G(1)}-Q{g.ordinals[G(2).lower()]}")
    if kind == "quarter_ref":
        return Mention(s, e, "DATE", rel=("quarter_ref",))
    if kind in ("month_day", "day_month"):
        month, day = (G(1), G(2)) if kind == "month_day" else (G(2), G(1))
        month, day = g.month(month), _day(day)
        if day > calendar.monthrange(2000, month)[1]:  # 2000: a leap year lets February 29 through
            return None
        return Mention(s, e, "DATE", rel=("day", month, day))
    if kind == "month_rel":
        return Mention(s, e, "DATE", rel=("month", g.month(G(2))), explicit=_EXPLICIT[_norm(G(1))])
    if kind == "month_edge":
        return Mention(s, e, "DATE", rel=("month", g.month(G(2))))
    if kind == "month_may":
        return Mention(s, e, "DATE", rel=("month", 5))
    if kind == "month":
        return Mention(s, e, "DATE", rel=("month", g.month(G(1))))
    if kind == "quarter":
        which, year = _norm(G(1)), G(2)
        if which in ("last", "latest", "current", "final"):
            if which == "final":
                q = 4
            else:
                return Mention(s, e, "DATE", rel=("shift", "quarter", -1 if which != "current" else 0, None))
        else:
            q = g.ordinals[which]
        if year:
            return Mention(s, e, "DATE", f"{year}-Q{q}")
        return Mention(s, e, "DATE", rel=("quarter", q))
    if kind == "quarter_q":
        if G(2):
            return Mention(s, e, "DATE", f"{G(2)}-Q{G(1)}")
        return Mention(s, e, "DATE", rel=("quarter", int(G(1))))
    if kind == "year_part":
        n = {"this": 0, "next": 1, "last": -1}[G(1).lower()]
        which = G(2).lower()
        if G(3).lower() == "half":
            k = 1 if which in ("first", "1st") else 2
            return Mention(s, e, "DATE", rel=("year_part", n, "H", k))
        k = 4 if which in ("final", "last") else g.ordinals[which]
        return Mention(s, e, "DATE", rel=("year_part", n, "Q", k))
    if kind == "year_period":
        return Mention(s, e, "DATE", G(1), rel=("year_period", int(G(1))))
    if kind == "period_last_year":
        return Mention(s, e, "DATE", rel=("quarter_ago",))
    if kind == "the_year":
        which = _norm(G(1)) or ""
        if not which and re.match(r"\s+(?:that|when|in\s+which)\b", text[e:e + 12]):
            return None  # "the year that changed everything": which year, the clause tells
        if re.match(r"\s+(?:ended|ending)\b", text[e:e + 10]):
            return Mention(s, e, "DURATION", "P1Y")  # "the year ended March 31": twelve months of accounts
        n = -1 if which.startswith(("latest", "previous")) else 0
        return Mention(s, e, "DATE", rel=("shift", "year", n, None))
    if kind == "half":
        h = 1 if _norm(G(1)) in ("first", "1st") else 2
        if G(2):
            return Mention(s, e, "DATE", f"{G(2)}-H{h}")
        if "year" in m.group(0).lower():
            return Mention(s, e, "DATE", rel=("half", h))
        return None  # "the first half" of a match, a film...: not a time on its own
    if kind == "season":
        det, season, year = _norm(G(1)), G(2).lower(), G(3)
        code, start_month = g.seasons[season]
        if year:
            return Mention(s, e, "DATE", f"{year}-{code}")
        if det is None:
            return None
        if det == "the" and season in ("fall", "spring"):
            return None  # "the fall of the regime", "the spring in his step"
        return Mention(s, e, "DATE", rel=("season", code, start_month), explicit=_EXPLICIT.get(det))
    if kind == "decade":
        return Mention(s, e, "DATE", G(2))
    if kind == "decade_short":
        return Mention(s, e, "DATE", rel=("decade_short", int(G(1))))
    if kind == "decade_word":
        tens = g.numbers[G(1).lower()[:-3] + "y"] // 10  # "nineties" -> ninety -> 9
        return Mention(s, e, "DATE", rel=("decade_short", tens))
    if kind == "century":
        return Mention(s, e, "DATE", f"{int(G(1)) - 1:02d}")
    if kind == "year_range":
        a, b = G(1), G(2)
        if len(b) == 2:
            b = a[:2] + b
        if not int(a) < int(b) <= int(a) + 100:
            return None  # "2025-10" is a month, "1990-1980" no range
        return Mention(s, e, "DATE", f"{a}/{b}")
    if kind == "year":
        return Mention(s, e, "DATE", G(3))
    if kind == "spoken_year":
        lead, century, rest, y2k = G(1), G(2), G(3), G(4)
        if y2k:
            year = 2000 + (g.number(re.sub(r"two\s+thousand\s*(?:and\s+)?", "", y2k.lower())) if re.search(r"thousand\s+\w", y2k, re.I) else 0)
        else:
            rest = re.sub(r"^oh[\s-]+", "", rest.lower())
            year = g.number(century) * 100 + g.number(rest)
        if not isinstance(year, int):
            return None
        if lead is None:
            return Mention(s, e, "DATE", f"{year:04d}")
        word = re.sub(r"^the\s+|\s+of$", "", _norm(lead))
        if word in g.seasons:
            return Mention(s, e, "DATE", f"{year:04d}-{g.seasons[word][0]}")
        return Mention(s, e, "DATE", f"{year:04d}-{g.month(word):02d}")
    if kind == "holiday":
        name = re.sub(r"\s+", " ", m.group(0).lower())
        explicit = None
        for w in ("last ", "next ", "this "):
            if name.startswith(w):
                name, explicit = name[len(w):], w.strip()
        return Mention(s, e, "DATE", rel=("holiday", g.holidays[name]), explicit=explicit)
    if kind == "deictic":
        w = G(1).lower()
        if w == "tonight":
            return Mention(s, e, "TIME", rel=("shift", "day", 0, "NI"))
        return Mention(s, e, "DATE", rel=("shift", "day", {"today": 0, "yesterday": -1, "tomorrow": 1}[w], None))
    if kind == "day_part":
        w, part = G(1).lower(), g.parts[G(2).lower()]
        n = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1 if part == "NI" else 0}[w]
        if w == "last" and part != "NI":
            return None  # "last morning" is rare and unclear
        return Mention(s, e, "TIME", rel=("shift", "day", n, part))
    if kind == "weekday":
        day = g.weekdays[G(2).lower()]
        # "Friday night" is a part of that day: TIME, 2024-03-08TNI (TIMEX3's day-part values)
        part = g.parts[G(3).lower()] if G(3) else None
        return Mention(s, e, "TIME" if part else "DATE", rel=("weekday", day, part),
                       explicit=_EXPLICIT.get(_norm(G(1))) if G(1) else None)
    if kind == "ago":
        word, after = G(3).lower(), text[e:e + 24]
        if word in ("earlier", "before") and re.match(r"\s+than\b", after, re.I):
            return None  # "two years earlier than planned": a length of time, compared
        if word == "before" and re.match(r"\s+(?:the|a|an|his|her|its|their|this|these|those|[A-Z]\w*|\d)", after) \
                and not re.match(r"\s+(?:I|He|She|They|We|It)\b", after):
            return None  # "a day before the election": a length of time before an event
        n = g.number(G(1))
        unit = G(2).lower()
        if n == "X" or isinstance(n, float):
            return Mention(s, e, "DATE", "PAST_REF")
        return Mention(s, e, "DATE", rel=("shift", unit, -n, None))
    if kind == "year_earlier":
        if G(3) and G(1).lower() == "year":
            return Mention(s, e, "DATE", rel=("quarter_ago",))
        return Mention(s, e, "DATE", rel=("shift", G(1).lower(), -1, None))
    if kind == "shift":
        which, unit = _norm(G(2)), G(3).lower()
        which = which.removeprefix("the ")
        if _norm(G(2)).startswith("the ") and which in ("past", "last", "next", "coming", "previous") \
                and unit not in ("year", "decade"):
            # "the next week", "the past month", "the past century": a stretch of time, not a calendar
            # date; "the past year" and "the last decade" name the calendar year or decade, as
            # TimeBank marks them
            return Mention(s, e, "DURATION", _dur(1, g.units[unit]))
        if unit in ("second", "minute", "hour"):
            return None
        n = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1}[which]
        return Mention(s, e, "DATE", rel=("shift", unit, n, None))
    if kind == "anaphor":
        which = _norm(G(2)).replace("that same", "that").replace("the same", "that")
        n = {"that": 0, "the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1}[which]
        word = G(3).lower()
        if word in g.weekdays:  # "the following Monday", "the previous Friday"
            if which == "that" and G(1) is None:
                return None  # "that Friday": the plain weekday rules read it
            return Mention(s, e, "DATE", rel=("anaphor", "weekday", n, g.weekdays[word]))
        part = g.parts.get(word)
        unit = "day" if part else word
        return Mention(s, e, "TIME" if part else "DATE", rel=("anaphor", unit, n, part))
    if kind == "the_weekend":
        return Mention(s, e, "DATE", rel=("weekend",))
    if kind == "edge_year":
        # "the end of the year" is dated to the year (TIMEX3 keeps the granularity named)
        return Mention(s, e, "DATE", rel=("shift", G(2).lower(), 0, None))
    if kind == "duration":
        unit = G(2).lower()
        ends = re.split(r"\s+(?:to|or)\s+", G(1))
        if len(ends) > 1:  # "two to three weeks": a span of uncertain length
            return Mention(s, e, "DURATION", _dur("X", g.units[unit])) if g.units[unit] != "WE" else None
        n = g.number(G(1))
        if re.search(r"\band\s+a\s+half\b", m.group(0), re.I) and not isinstance(n, str):
            n = n + 0.5
        if unit == "second" and G(1).lower() in ("a", "an"):
            return None  # "a second term"
        code = g.units[unit]
        if code == "WE":
            return None
        if code == "Q" and re.match(r"\s+of\s+(?!(?:the\s+)?(?:year|fiscal|\d{4}))", text[e:e + 30], re.I):
            return None  # "three-quarters of its food": a fraction
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", G(1)) and not re.search(r"-|s$", m.group(0).split(G(1))[1]):
            return None  # "the 1988 quarter": a year, not 1988 quarters
        before = text[max(0, s - 24):s]
        # "$5 million a year": a rate, handled as SET; "one day" alone is "some day"
        if G(1).lower() in ("a", "an") and re.search(r"(?:\d|illion|ercent|%|times|once|twice)\s+$", before):
            return None
        if G(1).lower() == "one" and unit == "day" and not text[e:e + 1].isalnum() and not re.search(r"(?:the|a|for|in|within|one)\s+$", before, re.I):
            return None
        return Mention(s, e, "DURATION", _dur(n, code))
    if kind == "vague_duration":
        unit = (G(2) or G(5)).lower()[:-1]
        if _norm(m.group(0)) == "recent years":
            return Mention(s, e, "DATE", "PAST_REF")  # "in recent years": the recent past, as a time
        return Mention(s, e, "DURATION", _dur("X", g.units[unit]))
    if kind == "bare_units":
        return Mention(s, e, "DURATION", _dur("X", g.units[G("t").lower()[:-1]]))
    if kind == "every_named":
        wd, mon, part, plural, plural_part = G(1), G(2), G(3), G(4), G(5)
        if plural:
            s = m.start(4)
            wd, part = plural + "day", plural_part
        part_code = g.parts[part.lower()] if part else None
        if wd:
            value = f"XXXX-WXX-{g.weekdays[wd.lower()]}" + (f"T{part_code}" if part_code else "")
        else:
            value = f"XXXX-{g.month(mon):02d}"
        return Mention(s, e, "SET", value)
    if kind == "plural_part":
        return Mention(s, e, "SET", f"XXXX-WXX-{g.weekdays[G(1).lower()]}T{g.parts[G(2).lower()]}")
    if kind == "every":
        n = g.number(G(1))
        return Mention(s, e, "SET", _dur(n, g.units[G(2).lower()]))
    if kind == "set":
        return Mention(s, e, "SET", g.sets[_norm(m.group(0))])
    if kind == "rate":
        return Mention(s, e, "SET", g.sets[_norm(G("t")).replace("per ", "a ")])
    if kind == "vague_stretch":
        return Mention(s, e, "DURATION", "PXX")
    if kind == "year_end":
        return Mention(s, e, "DATE", rel=("shift", "year", 0, None))
    if kind == "in_the_unit":
        return Mention(s, e, "DATE", rel=("anaphor", G(1).lower(), 0, None))
    if kind == "vague":
        phrase = _norm(m.group(0))
        if phrase == "soon" and text[max(0, s - 3):s].lower() == "as " and text[e:e + 3].lower() == " as":
            return None  # "as soon as they arrive" joins two clauses; it names no time
        return Mention(s, e, "DATE", g.vague[phrase])
    if kind == "clock_weekday":
        hour, minute, ampm, word, day = (G(1), G(2), G(3), G(4), G(5)) if G(5) else (G(7), G(8), G(9), G(10), G(6))
        if word:
            h, mi = (24 if word.lower() == "midnight" else 12), 0
        else:
            h, mi = int(hour) % 12 + (12 if ampm.lower() == "p" else 0), int(minute or 0)
        return Mention(s, e, "TIME", rel=("weekday", g.weekdays[day.lower()], f"{h:02d}:{mi:02d}"))
    if kind == "clock":
        h = int(G(1)) % 12 + (12 if G(3).lower() == "p" else 0)
        return Mention(s, e, "TIME", rel=("clock", h, int(G(2) or 0)))
    if kind == "clock24":
        return Mention(s, e, "TIME", rel=("clock", int(G(1)), int(G(2))))
    if kind == "noon":
        w = G(1).lower()
        return Mention(s, e, "TIME", rel=("clock", 24 if w == "midnight" else 12, 0))
    raise ValueError(kind)


_WORD = re.compile(r"\w+")
_WINDOW = 64  # characters around a trigger word that a match can reach


_DIGITS = re.compile(r"\d")


def _triggers(g: _Grammar, text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each trigger class's words are in `text`."""
    hits: dict[str, list[tuple[int, int]]] = {name: [] for name in (*g.trigger_words, "digit")}
    classes_of = g.classes_of
    digit = hits["digit"]
    for w in _WORD.finditer(text):
        word = w.group()
        if _DIGITS.search(word):
            digit.append(w.span())
            continue
        names = classes_of.get(word.lower())
        if names:
            span = w.span()
            for name in names:
                hits[name].append(span)
    return hits


def _windows(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in spans:
        s, e = max(0, s - size), e + size
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def find(text: str, kb_dirs: tuple[str, ...] = ()) -> list[Mention]:
    """Every temporal expression in `text`, longest first where candidates overlap; `kb_dirs`: the
    user's knowledge folders, whose time_words.toml adds words."""
    g = grammar(kb_dirs)
    hits = _triggers(g, text)
    windows = {name: _windows(spans, _WINDOW) for name, spans in hits.items()}
    # a class's trigger words are word matches in text order, never overlapping: starts and ends
    # both ascend, so the last trigger starting in [ws, min(we, match end)) is the one that
    # reaches furthest right
    starts = {name: [s for s, _ in spans] for name, spans in hits.items()}
    ends = {name: [e for _, e in spans] for name, spans in hits.items()}
    text_len = len(text)
    found = {}
    for order, (kind, rx) in enumerate(g.patterns):
        name = g.trigger_of[kind]
        t_starts = starts[name]
        t_ends = ends[name]
        for ws, we in windows[name]:
            lo = bisect_left(t_starts, ws)
            for m in rx.finditer(text, ws, min(we, text_len)):
                ms, me = m.span()
                if me <= ms or (ms, me) in found and found[(ms, me)][0] <= order:
                    continue
                # a match cut short by the window's end is found whole from another window
                hi = bisect_left(t_starts, min(we, me), lo)
                if hi <= lo or t_ends[hi - 1] <= ms:
                    continue
                mention = _mention(g, kind, m, text)
                if mention is not None:
                    found[m.span()] = (order, dataclasses.replace(mention, kind=kind))
    ranked = sorted(found.values(), key=lambda x: (-(x[1].end - x[1].start), x[0], x[1].start))
    taken: list[Mention] = []
    occupied: list[tuple[int, int]] = []
    for _, mention in ranked:
        if any(mention.start < e and s < mention.end for s, e in occupied):
            continue
        occupied.append((mention.start, mention.end))
        taken.append(mention)
    taken.sort(key=lambda m: m.start)
    return _dated_clocks(taken, text)


_CLOCK_KINDS = ("clock", "clock24", "noon")
_DAY_KINDS = ("iso", "us_numeric", "full", "full_dmy", "month_day", "day_month", "deictic", "weekday")
_CLOCK_THEN_DAY = re.compile(r",?\s*(?:\(?[A-Z]{2,4}\)?\s*)?(?:\([^()\n]{1,16}\)\s*)?,?\s*(?:on\s+)?")
_DAY_THEN_CLOCK = re.compile(r",?\s*(?:at\s+)?")


def _dated_clocks(taken: list[Mention], text: str) -> list[Mention]:
    """A clock time written beside the day it falls on is one TIME: "5 p.m. EST Nov. 9",
    "Nov. 6, 2024, 5:00 a.m. ET", "yesterday at noon"."""
    out: list[Mention] = []
    i = 0
    while i < len(taken):
        a = taken[i]
        b = taken[i + 1] if i + 1 < len(taken) else None
        pair = None
        if b is not None and a.kind in _CLOCK_KINDS and b.kind in _DAY_KINDS and b.type == "DATE" \
                and _CLOCK_THEN_DAY.fullmatch(text, a.end, b.start):
            pair = (b, a)
        elif b is not None and a.kind in _DAY_KINDS and a.type == "DATE" and b.kind in _CLOCK_KINDS \
                and _DAY_THEN_CLOCK.fullmatch(text, a.end, b.start):
            pair = (a, b)
        if pair is None:
            out.append(a)
            i += 1
            continue
        day, clock = pair
        hhmm = f"{clock.rel[1]:02d}:{clock.rel[2]:02d}"
        if day.rel is None:
            merged = Mention(a.start, b.end, "TIME", f"{day.value}T{hhmm}", kind="dated_clock")
        else:
            merged = Mention(a.start, b.end, "TIME", rel=("dated_clock", day, hhmm), explicit=day.explicit,
                             kind="dated_clock")
        out.append(merged)
        i += 2
    return out


# ---------------------------------------------------------------- resolution against the anchor

def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _pick_year(anchor: dt.date, when: tuple, direction: str | None, strict: bool = False) -> int:
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


AHEAD_WEIGHT = 1.5


def _first_day(year: int, when: tuple) -> dt.date:
    month, day = when[0], (when[1] if len(when) > 1 else 15)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 28)


def resolve(m: Mention, anchor: dt.date | None, direction: str | None = None) -> str:
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
    if anchor is None:
        return _unanchored(m)
    if kind == "day":
        _, month, day = m.rel
        return f"{_pick_year(anchor, (month, day), direction, strict):04d}-{month:02d}-{day:02d}"
    if kind == "month":
        month = m.rel[1]
        if m.explicit == "this":
            return f"{anchor.year:04d}-{month:02d}"
        return f"{_pick_year(anchor, (month,), direction, strict):04d}-{month:02d}"
    if kind == "month_year_rel":
        _, month, day, n = m.rel
        return f"{anchor.year + n:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    if kind in ("quarter_ref", "quarter_ago"):
        # the component supplies the quarter the text is about; alone, the last one completed
        k = anchor.year * 4 + (anchor.month - 1) // 3 - 1 - (4 if kind == "quarter_ago" else 0)
        return f"{k // 4}-Q{k % 4 + 1}"
    if kind == "quarter":
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
    if kind == "half":
        return f"{anchor.year}-H{m.rel[1]}"
    if kind == "year_part":
        _, n, code, k = m.rel
        return f"{anchor.year + n:04d}-{code}{k}"
    if kind == "year_period":
        return f"{m.rel[1]:04d}"
    if kind == "season":
        _, code, start = m.rel
        return f"{_pick_year(anchor, (start,), direction, strict):04d}-{code}"
    if kind == "decade_short":
        d = m.rel[1]
        century = anchor.year // 100 if d * 10 <= anchor.year % 100 else anchor.year // 100 - 1
        return f"{century:02d}{d}"
    if kind == "holiday":
        def on(year):
            return _holiday(year, m.rel[1])
        d = on(anchor.year)
        if (m.explicit == "last" or direction == "past") and d > anchor:
            d = on(anchor.year - 1)
        elif (m.explicit == "next" or direction == "future") and d < anchor:
            d = on(anchor.year + 1)
        elif m.explicit is None and direction is None:
            d = min((on(anchor.year + k) for k in (-1, 0, 1)), key=lambda x: abs((x - anchor).days))
        return d.isoformat()
    if kind == "weekend":
        saturday = anchor + dt.timedelta(days=6 - anchor.isoweekday())
        if direction != "future" and anchor.isoweekday() < 6:
            saturday -= dt.timedelta(weeks=1)  # no tense, or past: the weekend just gone
        return _iso_week(saturday) + "-WE"
    if kind == "weekday":
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
    if kind == "shift":
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
    if kind == "clock":
        _, h, mi = m.rel
        if h == 24 and direction == "past":
            # midnight told in the past ("as the clock struck midnight") is the one the day began with
            return f"{anchor.isoformat()}T00:00"
        return f"{anchor.isoformat()}T{h:02d}:{mi:02d}"
    raise ValueError(kind)


def _at_clock(day_value: str, hhmm: str) -> str:
    """The value of a day with a clock time: 2024-11-06T05:00; a day given with a part of it
    (2024-11-06TNI) or no day at all keeps its own value."""
    if re.fullmatch(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)", day_value):
        return f"{day_value}T{hhmm}"
    return day_value


def resolve_anaphor(m: Mention, ref: str | None, anchor: dt.date | None) -> str:
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


def _holiday(year: int, rule: str) -> dt.date:
    """The date of a holiday rule from time_words.toml in `year`."""
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


def _unanchored(m: Mention) -> str:
    """TIMEX3 values with the unknown parts as X, for a document with no date to anchor on."""
    kind = m.rel[0]
    if kind == "day":
        return f"XXXX-{m.rel[1]:02d}-{m.rel[2]:02d}"
    if kind == "month":
        return f"XXXX-{m.rel[1]:02d}"
    if kind == "month_year_rel":
        return f"XXXX-{m.rel[1]:02d}" + (f"-{m.rel[2]:02d}" if m.rel[2] else "")
    if kind in ("quarter_ref", "quarter_ago"):
        return "XXXX-QX"
    if kind == "quarter":
        return f"XXXX-Q{m.rel[1]}"
    if kind == "half":
        return f"XXXX-H{m.rel[1]}"
    if kind == "year_part":
        return f"XXXX-{m.rel[2]}{m.rel[3]}"
    if kind == "year_period":
        return f"{m.rel[1]:04d}"
    if kind == "season":
        return f"XXXX-{m.rel[1]}"
    if kind == "decade_short":
        return f"19{m.rel[1]}"
    if kind == "weekday":
        return f"XXXX-WXX-{m.rel[1]}"
    if kind == "weekend":
        return "XXXX-WXX-WE"
    if kind == "holiday":
        rule = m.rel[1]
        return f"XXXX-{rule}" if rule.count("-") == 1 else f"XXXX-{rule.split('-')[0]}"
    if kind == "clock":
        return f"XXXX-XX-XXT{m.rel[1]:02d}:{m.rel[2]:02d}"
    if kind == "anaphor":
        return resolve_anaphor(m, None, None)
    if kind == "shift":
        _, unit, n, _ = m.rel
        if n == 0:
            return "PRESENT_REF"
        return "PAST_REF" if n < 0 else "FUTURE_REF"
    return "XXXX"
