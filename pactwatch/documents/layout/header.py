"""The header over a story: section labels, headline, byline, date line, wire dateline."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .captions import is_end_marker
from .dates import DATE_LABEL, DATE_RE, MONTH, YEAR, is_date_line, parse_date
from .lines import HEADER_MAX_LINES, SMALL_WORDS, TITLE_MAX_WORDS, Line, outside
from .names import BYLINE, COPYRIGHT, bare_names, clean_org, parse_byline, parse_names
from .words import LayoutWords, layout_words

AUTHOR_LABEL = re.compile(r"^authors?\s*:\s*(?P<names>.+)$", re.IGNORECASE)
SEGMENT_SPLIT = re.compile(r"\s+[|·•]\s+")
_TIME_LABEL = re.compile(r"^\W*(?:first\s+|last\s+)?(?:published|updated|posted|modified)\b", re.IGNORECASE)
_UPDATE_LABEL = re.compile(r"(?:last\s+)?(?:updat|modif)", re.IGNORECASE)
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_ABBREVIATION_END = re.compile(r"\w\.\w+\.$")   # "U.S."
_MARKDOWN_TITLE = re.compile(r"#\s")
_WIRE_TAG = re.compile(r"^\((?:[\w&'’.-]+\s?){1,3}\)\s+(?=\S)")
DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’ -]{{1,40}}?|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}})"
    rf"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?))?"
    rf"(?:,\s*(?P<date>{MONTH}\s+\d{{1,2}}(?:,\s*{YEAR})?))?"
    rf"\s*(?:\((?P<agency>[A-Z][\w .&'-]{{0,40}})\))?\s*(?:(?:--|—|–)\s*|-\s+)\S")


def segments(clean: str) -> list[str]:
    """The parts of a line set apart by " | ", " · " or " • " (the line alone when it has no such mark)."""
    return SEGMENT_SPLIT.split(clean) if "|" in clean or "·" in clean or "•" in clean else [clean]


def is_wire_dateline(dm: re.Match | None) -> bool:
    """A DATELINE match is a wire dateline: it credits an agency, or its place is in capitals
    ("SEOUL, Aug. 5 --", "WASHINGTON —President ..."): a place in capitals followed by a dash opens a
    story's body, even with no date (a dated place in ordinary case may be a sentence's opening)."""
    if dm is None:
        return False
    if dm.group("agency"):
        return True
    place = dm.group("place").strip()
    return place.isupper() and sum(c.isalpha() for c in place) >= 3


def section_label(clean: str, lw: LayoutWords | None = None) -> bool:
    """A section's kicker, a navigation word or a site control ("Download on the App Store"): never a
    headline. `lw`: the layout's words (the packaged ones when None)."""
    lw = lw or layout_words()
    low = clean.lower().strip(" :|")
    if low in lw.section_labels or low in lw.nav_words or low in lw.controls:
        return True
    words = clean.split()
    # a short kicker in all lower or all upper case ("world news", "ANALYSIS")
    return len(words) <= 3 and (clean == clean.lower() or clean == clean.upper())


def title_strength(line: Line, lw: LayoutWords | None = None) -> int:
    """2 = headline-like (title case or a question), 1 = could be a sentence-case headline, 0 = not a title."""
    clean = line.clean
    if not 3 <= line.words <= TITLE_MAX_WORDS or len(clean) > 250 or "http" in clean or "@" in clean:
        return 0
    if section_label(clean, lw) or line.words <= 8 and DATE_RE.search(clean) or is_layout_line(clean, lw):
        return 0
    words = [w for w in _TITLE_WORD.findall(clean) if w.lower() not in SMALL_WORDS]
    if not words:
        return 0
    capitalised = sum(1 for w in words if w[0].isupper())
    last = clean.split()[-1]
    if clean.endswith(".") and not _ABBREVIATION_END.search(last) and not clean.endswith("..."):
        # a sentence (standfirst, caption), unless it ends with an abbreviation like "U.S." or is in
        # title case throughout ("Seoul Signed the Deal. It May Not Hold.")
        return 2 if len(words) >= 4 and capitalised == len(words) else 0
    if clean.endswith((":", ",", ";")):
        return 0
    if clean.rstrip("”\"'’").endswith("?"):
        return 2
    return 2 if capitalised / len(words) >= 0.6 else 1


def is_layout_line(clean: str, lw: LayoutWords | None = None) -> bool:
    """A byline, a date line ("Published …", "Updated …"), a wire dateline, an end marker or a
    copyright line: never a headline."""
    if is_end_marker(clean) or COPYRIGHT.match(clean):
        return True
    for seg in segments(clean):
        m = BYLINE.match(seg) or AUTHOR_LABEL.match(seg)
        if m and parse_byline(m.group("names"), lw)[0]:
            return True
        if (dm := DATE_LABEL.match(seg)) and parse_date(dm.group("date")):
            return True
        if _TIME_LABEL.match(seg) and len(seg.split()) <= 12 and re.search(r"\d", seg):
            return True   # "Updated 3 hours ago", "Published 10:32 a.m."
    if is_date_line(Line(0, 0, clean, clean)):
        return True
    dm = DATELINE.match(clean)
    return bool(dm and (dm.group("agency") or dm.group("date")))



@dataclass
class Header:
    """What the header lines state, filled in line by line."""
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    byline_publisher: str | None = None     # "A and B | Publisher"
    affiliation: str | None = None          # "By A, Agency"
    agency: str | None = None               # "SEOUL, Aug. 5 (Agency) --"
    dateline: tuple[str, str] | None = None  # a dateline's month and day, and its paragraph
    anchor: int | None = None               # the first byline/date line: the title sits above it
    lw: LayoutWords = field(default_factory=layout_words, repr=False, compare=False)   # the layout's words

    def add_date(self, label: str, iso: str) -> None:
        if _UPDATE_LABEL.match(label):
            self.updated = self.updated or iso
        else:
            self.published = self.published or iso

    def read_line(self, line: Line, in_header: bool) -> bool:
        """Take what one line states; True when it is a byline, date line or dateline."""
        found = False
        parts = segments(line.clean)
        names_in_line: list[str] = []
        rest = []
        for seg in parts:
            m = BYLINE.match(seg) or AUTHOR_LABEL.match(seg)
            names, affiliation, when = parse_byline(m.group("names"), self.lw) if m and len(seg.split()) <= 24 else ([], 0, 0)
            if names:
                names_in_line += names
                self.affiliation = self.affiliation or affiliation
                self.published = self.published or when
                found = True
            elif (dm := DATE_LABEL.match(seg) if len(seg.split()) <= 16 else None) and \
                    (iso := parse_date(dm.group("date"))):
                self.add_date(dm.group("label"), iso)
                found = True
            elif len(parts) > 1 and in_header:
                rest.append(seg)
        for seg in list(rest):   # "A and B | Publisher", "Jane Doe · 5 August 2025"
            if not names_in_line and (names := parse_names(seg, max_tokens=3, lw=self.lw)):  # short: not a headline
                names_in_line = names
            elif iso := is_date_line(Line(0, 0, seg, seg)):
                self.published = self.published or iso
            else:
                continue
            rest.remove(seg)
            found = True
        if names_in_line and len(rest) == 1 and (org := clean_org(rest[0])):
            self.byline_publisher = self.byline_publisher or org
        if names_in_line and not self.authors:
            self.authors = names_in_line
        if in_header and not found and (iso := is_date_line(line)):
            self.published = self.published or iso
            found = True
        dm = DATELINE.match(line.clean)
        if is_wire_dateline(dm):
            found = True
            if dm.group("agency"):
                self.agency = self.agency or clean_org(dm.group("agency"))
            if dm.group("date") and not self.dateline:
                self.dateline = (dm.group("date"), line.clean)
        return found


def header_masthead(lines: list[Line], in_caption: list[bool], title: str | None, header_end: int,
                    lw: LayoutWords | None = None) -> str | None:
    """The outlet's name on a line of its own above the headline ("The Harbour Ledger"): a capitalised
    name of two to six words ending in a word publications are named with (Times, Daily, Journal …)."""
    if not title:
        return None
    for i, line in enumerate(lines[:header_end]):
        if line.clean == title or title in line.clean:
            return None
        if in_caption[i]:
            continue
        org = clean_org(line.clean)
        if org and org == line.clean.removeprefix("The ") and 2 <= len(org.split()) <= 6 \
                and org.split()[-1].lower() in (lw or layout_words()).publication_words:
            return org
    return None


def header_layout(line: Line, lw: LayoutWords | None = None) -> tuple[int, int, str]:
    """What a header line that read_line took is: a "byline", a "date_line", or a wire "dateline"
    (only the "SEOUL, Oct. 29 (Agency) --" part of its paragraph)."""
    for seg in segments(line.clean):
        m = BYLINE.match(seg) or AUTHOR_LABEL.match(seg)
        if m and parse_byline(m.group("names"), lw)[0]:
            return line.start, line.end, "byline"
    dm = DATELINE.match(line.raw)
    if is_wire_dateline(dm) or (dm and dm.group("date")):
        return line.start, line.start + len(dm.group().rstrip()[:-1].rstrip()), "dateline"
    return line.start, line.end, "byline" if bare_names(line.clean, lw) else "date_line"


def strip_site_suffix(title: str, publisher: str) -> str:
    """"Headline | Site" or "Headline - Site" (a saved page's <title>) -> "Headline", when Site is the publisher."""
    return re.sub(rf"\s+[|–—:-]\s+(?:The\s+)?{re.escape(publisher)}$", "", title, flags=re.IGNORECASE) or title


def markdown_title(text: str, lines: list[Line]) -> str | None:
    front = re.match(r"\A\ufeff?---\n(?P<body>.*?)\n---\s*\n", text, re.DOTALL)
    if front and (m := re.search(r"^title\s*:\s*(?P<t>.+)$", front.group("body"), re.MULTILINE)):
        return m.group("t").strip().strip("\"'")
    for line in lines[:HEADER_MAX_LINES]:
        if _MARKDOWN_TITLE.match(line.raw):
            return line.clean
        if line.raw.startswith("##"):
            break
    return None


def pick_title(lines: list[Line], in_caption: list[bool], anchor: int | None, header_end: int,
               lw: LayoutWords | None = None) -> str | None:
    """The headline above the byline or date line (or among the first two lines when there is none).

    Of the title-case lines, the last one: lines above a headline are mastheads and menus. Of the
    sentence-case ones, the first: lines below a headline are standfirsts. Image alt text, which sits
    just above its caption, is skipped."""
    stop = anchor if anchor is not None else min(header_end, 2)
    candidates = [(i, title_strength(lines[i], lw)) for i in range(stop) if not in_caption[i]]
    if len(candidates) > 1 and candidates[-1][0] == stop - 1 and bare_names(lines[stop - 1].clean, lw):
        candidates.pop()   # "Jane Doe" right above the date line, under a headline, is a byline
    strong = [i for i, strength in candidates if strength == 2]
    if strong:
        return without_site_suffix(lines[strong[-1]].clean)
    for i, strength in candidates:
        if strength == 1 and not (i + 1 < len(lines) and in_caption[i + 1]):
            return without_site_suffix(lines[i].clean)
    if anchor is not None:   # a byline above the headline
        for i in range(anchor + 1, header_end):
            if not in_caption[i] and title_strength(lines[i], lw) == 2:
                return without_site_suffix(lines[i].clean)
    return None


def without_site_suffix(title: str) -> str:
    """"Headline | Site Name" (a saved page's <title>) -> "Headline"; "(LEAD) Headline" -> "Headline"."""
    parts = segments(title)
    title = max(parts, key=len) if len(parts) > 1 else title
    # a wire service's leading tag: "(LEAD)", "(2nd LD)", "(URGENT)", "(News Focus)"
    return _WIRE_TAG.sub("", title)


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NEARBY_DAYS = 120        # a full date this close to a year-less dateline fixes its year
RECENT_YEARS = 3         # with no year in the text, a weekday may fix the year among this many before `seen`


def dateline_date(month_day: str, text: str, paragraph: str, captions: list[tuple[int, int]] = (),
                   seen: date | None = None) -> str | None:
    """A dateline's month and day ("Oct. 29"), with a year only when the text fixes it.

    Firm evidence: a full date the text states outside captions within NEARBY_DAYS of the dateline
    in some year; a year the dateline's own paragraph names. Without a weekday in that paragraph,
    the firm evidence must agree on one year. A weekday it names ("on Wednesday") must be the
    dateline's day or the day before (wire copy reports yesterday's news); when no firm candidate
    fits it, a year the text names, or the one after, on which the dateline falls on exactly that
    weekday; and when the text gives no evidence at all, the one year among the last RECENT_YEARS
    before `seen` (when the article was saved) on which it does. Otherwise None: the year is never
    guessed, and the date is never today's by default."""
    if re.search(YEAR, month_day):
        return parse_date(month_day)
    month_day = month_day.rstrip(", ")

    def on(year: int) -> date | None:
        iso = parse_date(f"{month_day}, {year}")
        return date.fromisoformat(iso) if iso else None

    def one(found: set[date]) -> str | None:
        return next(iter(found)).isoformat() if len(found) == 1 else None

    firm: set[date] = set()
    for m in DATE_RE.finditer(text):
        if not outside(captions, m.start()) or not (iso := parse_date(m.group())):
            continue
        full = date.fromisoformat(iso)
        firm.update(d for y in (full.year - 1, full.year, full.year + 1)
                    if (d := on(y)) and abs((d - full).days) <= NEARBY_DAYS)
    firm.update(d for y in re.findall(rf"\b({YEAR})\b", paragraph) if (d := on(int(y))))
    named = {w for w in re.findall(r"[a-z]+day", paragraph.lower()) if w in WEEKDAYS}
    if len(named) != 1:
        return one(firm)
    weekday = WEEKDAYS.index(named.pop())
    fitting = {d for d in firm if weekday in (d.weekday(), (d.weekday() - 1) % 7)}
    if fitting:
        return one(fitting)
    years = {int(y) for y in re.findall(rf"\b({YEAR})\b", text)}
    named_years = {d for y in years | {y + 1 for y in years} if (d := on(y)) and d.weekday() == weekday}
    if named_years:
        return one(named_years)
    if firm or seen is None:   # the firm evidence and the weekday disagree
        return None
    recent = {d for y in range(seen.year - RECENT_YEARS, seen.year + 1)
              if (d := on(y)) and d <= seen and (seen - d).days <= 366 * RECENT_YEARS and d.weekday() == weekday}
    return one(recent)
