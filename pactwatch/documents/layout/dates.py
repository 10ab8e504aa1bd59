"""Dates as pages print them: full dates, labelled date lines ("Published …"), clock times, weekdays."""
from __future__ import annotations

import re
from datetime import date

import dateparser

from .lines import SMALL_WORDS, Line

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
_DATE = (rf"(?:{MONTH}\s+{_DAY},?\s+{YEAR}|{_DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}"
         rf"|{YEAR}-\d{{1,2}}-\d{{1,2}}|{YEAR}\.\s?\d{{1,2}}\.\s?\d{{1,2}}\.?|\d{{1,2}}/\d{{1,2}}/{YEAR})(?!\d)")
DATE_RE = re.compile(rf"\b{_DATE}", re.IGNORECASE)
DATE_LABEL = re.compile(
    r"^\W*(?:originally\s+|this\s+article\s+was\s+)?"
    r"(?P<label>first\s+published|published|posted|last\s+updated|updated|last\s+modified|modified|date)"
    r"(?:\s+on)?\s*:?\s*(?:[A-Za-z]+day,?\s+)?"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}\b)?,?\s+)?"   # "Updated 3:41 AM EDT, August 26, 2025"
    r"(?P<date>" + _DATE + r")",
    re.IGNORECASE)
_DATEPARSER_SETTINGS = {"PARSERS": ["absolute-time"], "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY",
                        "REQUIRE_PARTS": ["day", "month", "year"]}


_MONTH_NUMBERS = {m: n for n, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                               "nov", "dec"), start=1)}
_NUMERIC_DATE = re.compile(rf"({YEAR})[-.]\s?(\d{{1,2}})[-.]\s?(\d{{1,2}})")   # "2025-07-09", "2025. 7. 9"
_WRITTEN_MDY = re.compile(rf"(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>{YEAR})", re.IGNORECASE)
_WRITTEN_DMY = re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>{YEAR})",
                          re.IGNORECASE)


def parse_date(s: str) -> str | None:
    """An absolute date string -> "YYYY-MM-DD"; None for relative or partial dates (never today's date)."""
    s = s.strip().rstrip(".")
    m = _NUMERIC_DATE.fullmatch(s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    # "July 9, 2025", "9 July 2025", "Sept. 9th, 2025": read here; dateparser is slow to warm up
    m = _WRITTEN_MDY.fullmatch(s) or _WRITTEN_DMY.fullmatch(s)
    if m:
        month = _MONTH_NUMBERS.get(m["month"].lower().rstrip(".")[:3])
        try:
            return date(int(m["year"]), month, int(m["day"])).isoformat() if month else None
        except ValueError:
            return None
    parsed = dateparser.parse(s, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date().isoformat() if parsed else None


WEEKDAY = (r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?")
# "10:38", "9.15 a.m.", "8:12 AM GMT+9", "3:41 PM EDT"
_CLOCK = (r"\b(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
          r"(?:\s*(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|\s*\b[A-Z]{2,5}\b)?")
# what may stand beside the date on a date line: a clock time, a weekday, "2 hours ago", "4 min read", a label
_DATE_LINE_NOISE = re.compile(
    rf"{_CLOCK}|{WEEKDAY}|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b"
    r"|\b\d+\s*-?\s*min(?:ute)?s?\s+read\b|\b(?:updated|published|posted)\b",
    re.IGNORECASE)


_WORD = re.compile(r"[^\W_]+")


def is_date_line(line: Line) -> str | None:
    """A header line that is a date, with at most a weekday, a time and two other words
    ("Thu 6 Mar 2025 09.15 GMT", "All News 10:38 March 6, 2025") -> the ISO date."""
    if line.words > 12:   # counted first: looking for a date all along a paragraph is slow
        return None
    m = DATE_RE.search(line.clean)
    if not m:
        return None
    rest = _DATE_LINE_NOISE.sub(" ", line.clean[:m.start()] + " " + line.clean[m.end():])
    words = _WORD.findall(rest)
    if len(words) <= 2 and not (words and words[-1].lower() in SMALL_WORDS):
        return parse_date(m.group())
    return None




# Scraped pages run neighbouring header elements together when their markup goes: a date label and
# the headline ("date 2025-08-07 Ports Sign a Pact"), an outlet's name and its date line
# ("Harbour LedgerJul 25, 2025 8:47 PM", "July 09, 2025Harbour Ledger").
_GLUED_BEFORE_DATE = re.compile(rf"(?<=[a-z])(?=(?-i:{MONTH})\s+{_DAY},?\s+{YEAR})")
FUSED_MAX_WORDS = 16


def unfuse(lines: list[Line]) -> list[Line]:
    """The lines, each short line that runs a date into another element split in two (both parts
    marked `fused`): the date's part and the other's."""
    out: list[Line] = []
    for line in lines:
        cut = _fused_at(line) if line.raw == line.clean and line.words <= FUSED_MAX_WORDS else None
        if cut is None:
            out.append(line)
            continue
        left, right = line.raw[:cut].rstrip(), line.raw[cut:].lstrip()
        at = line.start + len(line.raw) - len(right)
        out += [Line(line.start, line.start + len(left), left, left, fused=True),
                Line(at, at + len(right), right, right, fused=True)]
    return out


def _fused_at(line: Line) -> int | None:
    text = line.raw
    if (m := DATE_LABEL.match(text)) and len(text[m.end():].split()) >= 3 and text[m.end():m.end() + 1].isspace():
        return m.end()
    if m := _GLUED_BEFORE_DATE.search(text):
        return m.start()
    for m in DATE_RE.finditer(text):
        if m.end() < len(text) and text[m.end()].isupper() and text[m.end() - 1].isdigit():
            return m.end()
    return None
