"""Plain-text metadata: title, byline, date, publisher and photo captions, read from how news pages are laid out.

A saved article usually opens with a header (section label, headline, standfirst, byline, date
line) before the body, may start its body with a wire dateline ("SEOUL, Aug. 5 (Agency) --"),
and ends with a footer: an end marker ("(END)", "-30-", "###"), a sign-off (byline, date, the outlet's
name), a copyright line, a disclaimer. Photo captions and credits sit between paragraphs.
`recognise` finds each of these without changing the text: captions, credits and end markers come
back as character ranges into it, and every layout element as a typed range.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import dateparser

# ---------------------------------------------------------------- lines

BODY_MIN_WORDS = 40     # the first line this long is body text, not header
HEADER_MAX_LINES = 25   # a header (menus included) is never longer than this many non-empty lines
TITLE_MAX_WORDS = 30

_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")


@dataclass
class Line:
    start: int          # char offset of the line's first non-space char in the text
    end: int            # char offset just after its last non-space char
    raw: str            # text[start:end]
    clean: str          # unicode spaces folded, Markdown emphasis and heading marks removed

    @property
    def words(self) -> int:
        return len(self.clean.split())


def split_lines(text: str) -> list[Line]:
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if not body.strip("\ufeff \t"):
            continue
        clean = _SPACES.sub(" ", body)
        if not _END_MARKER.match(clean):   # "###" ends a story; it is not a Markdown heading mark
            clean = re.sub(r"\s+", " ", clean.lstrip("#>*_ \t").rstrip("*_ \t"))  # Markdown heading and emphasis marks
        if clean:
            lines.append(Line(m.start() + lead, m.start() + lead + len(body), body, clean))
    return lines


# ---------------------------------------------------------------- dates

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = (rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
         rf"|{_YEAR}-\d{{1,2}}-\d{{1,2}}|{_YEAR}\.\s?\d{{1,2}}\.\s?\d{{1,2}}\.?|\d{{1,2}}/\d{{1,2}}/{_YEAR})(?!\d)")
DATE_RE = re.compile(rf"\b{_DATE}", re.IGNORECASE)
_DATE_LABEL = re.compile(
    r"^\W*(?:originally\s+|this\s+article\s+was\s+)?"
    r"(?P<label>first\s+published|published|posted|last\s+updated|updated|last\s+modified|modified|date)"
    r"(?:\s+on)?\s*:?\s*(?:[A-Za-z]+day,?\s+)?"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}\b)?,?\s+)?"   # "Updated 3:41 AM EDT, August 26, 2025"
    r"(?P<date>" + _DATE + r")",
    re.IGNORECASE)
_DATEPARSER_SETTINGS = {"PARSERS": ["absolute-time"], "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY",
                        "REQUIRE_PARTS": ["day", "month", "year"]}


def parse_date(s: str) -> str | None:
    """An absolute date string -> "YYYY-MM-DD"; None for relative or partial dates (never today's date)."""
    s = s.strip().rstrip(".")
    m = re.fullmatch(rf"({_YEAR})[-.]\s?(\d{{1,2}})[-.]\s?(\d{{1,2}})", s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    parsed = dateparser.parse(s, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date().isoformat() if parsed else None


# ---------------------------------------------------------------- names

_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by",
                "from", "as", "vs", "via", "into", "over", "amid", "after", "per", "than", "up", "off", "out", "is",
                "be", "its", "it"}
_NAME_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "ibn", "del"}
_ROLE = re.compile(
    r"(?:,\s*(?:(?-i:[A-Z])[\w.'’-]+\s+){1,2}|[,\s]+)(?:(?:senior|chief|special|staff|contributing|associate|political|diplomatic|foreign|defense|"
    r"economics?|national|deputy|managing|executive|guest)\s+)*"
    r"(?:staff|writer|reporter|correspondent|editor|contributor|columnist|analyst|fellow|"
    r"bureau chief|special to\b.*|for\s+[A-Z].*)(?:\s+writer|\s+reporter)?\s*$", re.IGNORECASE)
# Words that make a two-word capitalised phrase a place or an organisation rather than a person.
_NOT_PERSON = {"korea", "korean", "states", "united", "america", "american", "south", "north", "news", "times",
               "post", "press", "ministry", "department", "house", "world", "asia", "politics", "business",
               "opinion", "analysis", "commentary", "international", "national", "center", "centre",
               "institute", "university", "agency", "government", "daily", "herald", "journal", "reuters",
               "staff", "editorial", "board", "desk", "team", "global", "economy", "security", "defense",
               # words that name a publication ("Harbour Ledger", "Coast Gazette"), not a person
               "ledger", "tribune", "gazette", "chronicle", "observer", "monitor", "review", "weekly", "magazine",
               "media", "wire", "dispatch", "courier", "telegraph", "bulletin", "digest", "quarterly", "policy",
               "privacy", "terms"}


def _person_name(s: str, max_tokens: int = 5) -> str | None:
    s = s.strip(" ,.;:-–—").strip()
    tokens = s.split()
    if not 2 <= len(tokens) <= max_tokens:
        return None
    for i, tok in enumerate(tokens):
        if tok.lower() in _NAME_PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if not tok[0].isupper() or not all(ch.isalpha() or ch in "'’.-" for ch in tok):
            return None
        if tok.lower().strip(".") in _NOT_PERSON:
            return None
    if s.isupper():  # "JANE DOE" in an all-caps byline
        s = " ".join(t.capitalize() if t.lower() not in _NAME_PARTICLES else t.lower() for t in tokens)
    return s


def _names_and_tail(s: str, max_tokens: int) -> tuple[list[str], str | None] | None:
    """"A, B and C" -> ([A, B, C], None); "A and B, Agency" -> ([A, B], "Agency"); None when the
    first part is not a person's name."""
    s = re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", re.sub(r"\s+", " ", s).strip())   # "… in Seoul"
    s = _ROLE.sub("", s)
    parts = [p for p in re.split(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s*&\s*", s) if p.strip()]
    names: list[str] = []
    for i, part in enumerate(parts):
        name = _person_name(_ROLE.sub("", part), max_tokens)
        if name is None:
            return (names, part) if names and i == len(parts) - 1 else None
        if name not in names:
            names.append(name)
    return (names, None) if names else None


def parse_names(s: str, max_tokens: int = 5) -> list[str]:
    """"A, B and C" -> ["A", "B", "C"]; [] when any part is not a person's name (of at most max_tokens words)."""
    found = _names_and_tail(s, max_tokens)
    return found[0] if found and found[1] is None else []


def parse_byline(s: str) -> tuple[list[str], str | None, str | None]:
    """What follows "By": names, an affiliation after them ("…, Reuters"), a date in the same line
    ("… on May 6, 2025"). Emails and bracketed notes are dropped. ([], None, None) if no names."""
    s = re.sub(r"\[[^\]]*\]|\([^)]*\)|\S+@\S+", " ", s)
    when = None
    if m := DATE_RE.search(s):
        when = parse_date(m.group())
        s = re.sub(r"(?:[\s,|·•—–-]|\b(?:on|published|updated|posted)\b)+$", "", s[:m.start()],
                   flags=re.IGNORECASE)   # the names come before the date
        s = re.sub(rf"(?:,?\s*{_WEEKDAY},?)$", "", s.strip(), flags=re.IGNORECASE)
    found = _names_and_tail(s, 5)
    if not found:
        return [], None, None
    names, tail = found
    return names, (clean_org(tail) if tail else None), when


_ORG_WORD = r"[A-Z][\w&'’.-]{0,40}"
# at most ten words: bounded, so a long run of capitalised words cannot make matching quadratic
_ORG = rf"(?<![\w&'’.-])(?:The\s+)?{_ORG_WORD}(?:\s+(?:{_ORG_WORD}|of|for|and|on|the|&)){{0,9}}"
_ORG_JOINERS = {"of", "for", "and", "on", "the", "&", "de", "du", "des", "la", "le", "für", "in", "at"}
_LEGAL_SUFFIX = re.compile(r",?\s+(?:Inc|Ltd|LLC|Co|Corp|Corporation|PLC|GmbH)\.?$")


def clean_org(s: str) -> str | None:
    s = re.split(r"\.\s|\s+all rights reserved|\s+\|\s+|\s+[-–—]\s+", s.strip(), flags=re.IGNORECASE)[0]
    s = re.sub(rf"\s*(?:{_YEAR})(?:\s*[-–]\s*{_YEAR})?$", "", s.strip())
    s = _LEGAL_SUFFIX.sub("", s.strip(" .,;:"))
    s = re.sub(r"^The\s+", "", s)
    s = re.sub(r"(?:\s+(?:of|for|and|on|the|&))+$", "", s).strip(" .,;:")
    if not s or len(s.split()) > 10 or DATE_RE.search(s):
        return None
    # every word of a name is capitalised, save the small joining words ("Council on Foreign Relations")
    if not all(w[0].isupper() or w[0].isdigit() or w in _ORG_JOINERS for w in s.split()):
        return None
    return s


# ---------------------------------------------------------------- captions

_PHOTO_WORD = r"(?:photo(?:graph)?s?|images?|pictures?|video|graphic|illustration)"
# a caption or credit line: "Photo: …", "Credit: …", "[Photo] …", "(Image) …", "Photo by Name", "Photo courtesy of X"
_CAPTION_LINE = re.compile(
    rf"^(?:(?:{_PHOTO_WORD}|caption|credits?|photo credit)\s*:"
    rf"|[\[(]\s*{_PHOTO_WORD}\s*[\])]"
    rf"|(?:(?:pool|file|handout|staff)\s+)?{_PHOTO_WORD}\s+(?:by|courtesy(?:\s+of)?)\s+\S)",
    re.IGNORECASE)
_CREDIT_LINE = re.compile(rf"^(?:credits?|photo credit|(?:\w+\s+)?{_PHOTO_WORD}\s+(?:by|courtesy)|"
                          rf"{_PHOTO_WORD}\s*:\s*\S+(?:\s+\S+){{0,5}}$)", re.IGNORECASE)
_CREDIT_PATTERNS = [
    # "(Photo by … / Agency)", "(AP Photo/Name)", "(Pool photo by …)", "(Yonhap file photo)", "(Photo: Name/Agency)"
    # the photo word comes early and is followed by a credit, not by prose ("(images released by …)" is prose)
    re.compile(r"\((?:[\w'’.-]+\s+){0,3}(?:photo(?:graph)?|image|picture)s?"
               r"(?:\s*\)|\s*(?:by\b|/|:|courtesy\b|credit\b)[^()\n]{0,120}\))", re.IGNORECASE),
    re.compile(r"\b(?:pool|file|handout|staff|courtesy)\s+(?:photo|image|picture)s?\b", re.IGNORECASE),
    re.compile(r"\b(?:AP|AFP|EPA|Reuters|Yonhap|Bloomberg|Getty)\s+(?:photo|Photo|PHOTO|Images?)\b"),
    # "REUTERS/Kim Min-su": an agency, a slash and a person's name (not "Reuters/Ipsos")
    re.compile(r"\b(?:REUTERS|Reuters|AFP|EPA(?:-EFE)?|Yonhap|Xinhua|Kyodo|Bloomberg|Getty Images)\s*/\s*"
               r"[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+)+"),
    re.compile(r"\b(?:via|/)\s*Getty Images\b"),
]
CAPTION_MAX_WORDS = 70
CREDIT_MAX_WORDS = 12
# The mark a wire or newspaper story ends with: "(END)", "-30-", "###", "— END —", "ENDS". Layout, not content.
_END_MARKER = re.compile(r"^(?:\(\s*(?:END|ENDS|ENDIT)\s*\)|[-–—*=\s]*\b(?:END|ENDS)\b[-–—*=\s]*"
                         r"|[-–—]\s*30\s*[-–—]|#\s*#\s*#)$")
_END_MARKER_TAIL = re.compile(r"\s\(\s*(?:END|ENDS)\s*\)$")   # "… he said. (END)"


def is_end_marker(clean: str) -> bool:
    return bool(_END_MARKER.match(clean.strip()))


def find_layout(lines: list[Line]) -> list[tuple[int, int, str]]:
    """Photo captions, credits and end markers: (start, end, kind), kind "caption", "credit" or "end_marker"."""
    found = []
    for line in lines:
        if is_end_marker(line.clean):
            found.append((line.start, line.end, "end_marker"))
            continue
        if m := _END_MARKER_TAIL.search(line.raw):
            found.append((line.start + m.start() + 1, line.end, "end_marker"))
        if _CAPTION_LINE.match(line.clean):
            kind = "credit" if _CREDIT_LINE.match(line.clean) and line.words <= CREDIT_MAX_WORDS else "caption"
            found.append((line.start, line.end, kind))
            continue
        hits = [m for p in _CREDIT_PATTERNS for m in p.finditer(line.raw)]
        if not hits:
            continue
        if line.words <= CAPTION_MAX_WORDS:
            rest = line.raw
            for m in hits:
                rest = rest.replace(m.group(), " ")
            found.append((line.start, line.end, "credit" if len(rest.split()) <= 2 else "caption"))
        else:  # a credit inside a long paragraph: mark only the credit
            found.extend((s, e, "credit") for s, e in _merged((line.start + m.start(), line.start + m.end())
                                                             for m in hits))
    return found


def find_captions(lines: list[Line]) -> list[tuple[int, int]]:
    """Captions, credits and end markers as char ranges: text that is page layout, not the article's prose."""
    return [(s, e) for s, e, _ in find_layout(lines)]


def _merged(spans) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


# ---------------------------------------------------------------- header lines

_SECTION_LABELS = {"commentary", "analysis", "opinion", "op-ed", "oped", "editorial", "news", "feature", "features",
                   "interview", "explainer", "perspective", "column", "essay", "review", "report", "world", "asia",
                   "politics", "business", "economy", "breaking", "exclusive", "live", "update", "brief",
                   "briefing", "q&a", "podcast", "video", "in depth", "insight", "insights", "article", "blog"}
_NAV_WORDS = {"home", "menu", "search", "subscribe", "sign in", "log in", "share", "print", "newsletter",
              "skip to content", "skip to main content", "advertisement", "listen to this article",
              "share this article", "read more", "sign up", "most read", "related", "trending", "save"}
# "By A", and "Commentary by A", "Posted by A" (not "Photo by", which is a credit)
_BYLINE = re.compile(r"^(?:(?:written|reporting|words|text|story|posted|commentary|analysis|opinion|interview|"
                     r"essay|column|report)\s+)?by\s*:?\s+(?P<names>.+)$", re.IGNORECASE)
_AUTHOR_LABEL = re.compile(r"^authors?\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_SEGMENT_SPLIT = re.compile(r"\s+[|·•]\s+")
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’ -]{{1,40}}?|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}})"
    rf"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?))?"
    rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*{_YEAR})?))?"
    rf"\s*(?:\((?P<agency>[A-Z][\w .&'-]{{0,40}})\))?\s*(?:--|—|–|-)\s+\S")
_REPORTING_BY = re.compile(r"\b(?:additional\s+)?reporting\s+by\s+(?P<names>[^;.\n]+)", re.IGNORECASE)
_COPYRIGHT = re.compile(
    rf"(?:[©ⓒ]|\(c\)|\bcopyright\b)\s*(?:[©ⓒ]\s*)?(?:{_YEAR}(?:\s*[-–]\s*{_YEAR})?\s*,?\s*)?(?P<name>{_ORG})",
    re.IGNORECASE)
_DISCLAIMERS = [
    re.compile(rf"(?P<name>{_ORG})\s+does\s+not\s+take\s+(?:[a-z]+\s+){{0,2}}positions?"),
    re.compile(rf"\bdo(?:es)?\s+not\s+necessarily\s+(?:reflect|represent)\s+(?:the\s+)?"
               rf"(?:views?|positions?|polic(?:y|ies)|opinions?)\s+of\s+(?P<name>{_ORG})"),
    re.compile(rf"\bthis\s+(?:article|story|piece|commentary)\s+(?:was\s+)?(?:originally|first)\s+"
               rf"(?:published|appeared)\s+(?:by|in|on)\s+(?P<name>{_ORG})", re.IGNORECASE),
]


_WEEKDAY = (r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?")
# "10:38", "9.15 a.m.", "8:12 AM GMT+9", "3:41 PM EDT"
_CLOCK = (r"\b(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
          r"(?:\s*(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|\s*\b[A-Z]{2,5}\b)?")
# what may stand beside the date on a date line: a clock time, a weekday, "2 hours ago", "4 min read", a label
_DATE_LINE_NOISE = re.compile(
    rf"{_CLOCK}|{_WEEKDAY}|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b"
    r"|\b\d+\s*-?\s*min(?:ute)?s?\s+read\b|\b(?:updated|published|posted)\b",
    re.IGNORECASE)


def _is_date_line(line: Line) -> str | None:
    """A header line that is a date, with at most a weekday, a time and two other words
    ("Thu 6 Mar 2025 09.15 GMT", "All News 10:38 March 6, 2025") -> the ISO date."""
    m = DATE_RE.search(line.clean)
    if not m or line.words > 12:
        return None
    rest = _DATE_LINE_NOISE.sub(" ", line.clean[:m.start()] + " " + line.clean[m.end():])
    words = re.findall(r"[^\W_]+", rest)
    if len(words) <= 2 and not (words and words[-1].lower() in _SMALL_WORDS):
        return parse_date(m.group())
    return None


def _bare_names(clean: str) -> list[str]:
    """A line that is only people's short names ("Jane Doe, John Roe in Seoul") -> the names."""
    names = parse_byline(clean)[0]
    return names if names and all(len(n.split()) <= 3 for n in names) else []


def _section_label(clean: str) -> bool:
    low = clean.lower().strip(" :|")
    if low in _SECTION_LABELS or low in _NAV_WORDS:
        return True
    words = clean.split()
    # a short kicker in all lower or all upper case ("world news", "ANALYSIS")
    return len(words) <= 3 and (clean == clean.lower() or clean == clean.upper())


def _title_strength(line: Line) -> int:
    """2 = headline-like (title case or a question), 1 = could be a sentence-case headline, 0 = not a title."""
    clean = line.clean
    if not 3 <= line.words <= TITLE_MAX_WORDS or len(clean) > 250 or "http" in clean or "@" in clean:
        return 0
    if _section_label(clean) or DATE_RE.search(clean) and line.words <= 8 or is_layout_line(clean):
        return 0
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", clean) if w.lower() not in _SMALL_WORDS]
    if not words:
        return 0
    capitalised = sum(1 for w in words if w[0].isupper())
    last = clean.split()[-1]
    if clean.endswith(".") and not re.search(r"\w\.\w+\.$", last) and not clean.endswith("..."):
        # a sentence (standfirst, caption), unless it ends with an abbreviation like "U.S." or is in
        # title case throughout ("Seoul Signed the Deal. It May Not Hold.")
        return 2 if len(words) >= 4 and capitalised == len(words) else 0
    if clean.endswith((":", ",", ";")):
        return 0
    if clean.rstrip("”\"'’").endswith("?"):
        return 2
    return 2 if capitalised / len(words) >= 0.6 else 1


def is_layout_line(clean: str) -> bool:
    """A byline, a date line ("Published …", "Updated …"), a wire dateline, an end marker or a
    copyright line: never a headline."""
    if is_end_marker(clean) or _COPYRIGHT.match(clean):
        return True
    for seg in _SEGMENT_SPLIT.split(clean):
        m = _BYLINE.match(seg) or _AUTHOR_LABEL.match(seg)
        if m and parse_byline(m.group("names"))[0]:
            return True
        if (dm := _DATE_LABEL.match(seg)) and parse_date(dm.group("date")):
            return True
        if re.match(r"^\W*(?:first\s+|last\s+)?(?:published|updated|posted|modified)\b", seg, re.IGNORECASE) \
                and len(seg.split()) <= 12 and re.search(r"\d", seg):
            return True   # "Updated 3 hours ago", "Published 10:32 a.m."
    if _is_date_line(Line(0, 0, clean, clean)):
        return True
    dm = _DATELINE.match(clean)
    return bool(dm and (dm.group("agency") or dm.group("date")))


# ---------------------------------------------------------------- the stage


@dataclass
class _Header:
    """What the header lines state, filled in line by line."""
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    byline_publisher: str | None = None     # "A and B | Publisher"
    affiliation: str | None = None          # "By A, Agency"
    agency: str | None = None               # "SEOUL, Aug. 5 (Agency) --"
    dateline: tuple[str, str] | None = None  # a dateline's month and day, and its paragraph
    anchor: int | None = None               # the first byline/date line: the title sits above it

    def add_date(self, label: str, iso: str) -> None:
        if re.match(r"(?:last\s+)?(?:updat|modif)", label, re.IGNORECASE):
            self.updated = self.updated or iso
        else:
            self.published = self.published or iso

    def read_line(self, line: Line, in_header: bool) -> bool:
        """Take what one line states; True when it is a byline, date line or dateline."""
        found = False
        segments = _SEGMENT_SPLIT.split(line.clean)
        names_in_line: list[str] = []
        rest = []
        for seg in segments:
            m = _BYLINE.match(seg) or _AUTHOR_LABEL.match(seg)
            names, affiliation, when = parse_byline(m.group("names")) if m and len(seg.split()) <= 24 else ([], 0, 0)
            if names:
                names_in_line += names
                self.affiliation = self.affiliation or affiliation
                self.published = self.published or when
                found = True
            elif (dm := _DATE_LABEL.match(seg) if len(seg.split()) <= 16 else None) and \
                    (iso := parse_date(dm.group("date"))):
                self.add_date(dm.group("label"), iso)
                found = True
            elif len(segments) > 1 and in_header:
                rest.append(seg)
        for seg in list(rest):   # "A and B | Publisher", "Jane Doe · 5 August 2025"
            if not names_in_line and (names := parse_names(seg, max_tokens=3)):  # short: not a headline
                names_in_line = names
            elif iso := _is_date_line(Line(0, 0, seg, seg)):
                self.published = self.published or iso
            else:
                continue
            rest.remove(seg)
            found = True
        if names_in_line and len(rest) == 1 and (org := clean_org(rest[0])):
            self.byline_publisher = self.byline_publisher or org
        if names_in_line and not self.authors:
            self.authors = names_in_line
        if in_header and not found and (iso := _is_date_line(line)):
            self.published = self.published or iso
            found = True
        dm = _DATELINE.match(line.clean)
        if dm and (dm.group("agency") or dm.group("date")) and (dm.group("agency") or dm.group("place").isupper()):
            found = True
            if dm.group("agency"):
                self.agency = self.agency or clean_org(dm.group("agency"))
            if dm.group("date") and not self.dateline:
                self.dateline = (dm.group("date"), line.clean)
        return found


def recognise(text: str, seen: date | None = None) -> dict:
    """Title, authors, published date, publisher, caption ranges and layout of a plain-text article.

    Returns {"title": str|None, "authors": [str], "published": "YYYY-MM-DD"|None,
    "publisher": str|None, "captions": [(start, end)], "layout": [(start, end, kind)]}. Fields the
    text does not state stay empty. `seen` is when the article was saved or read: a wire dateline
    without a year ("SEOUL, Oct. 29 --") may take the one recent year on which its weekday falls.
    """
    lines = split_lines(text)
    layout = find_layout(lines)
    captions = [(s, e) for s, e, _ in layout]
    caption_starts = {s for s, _ in captions}
    in_caption = [line.start in caption_starts for line in lines]

    header_end = min(len(lines), HEADER_MAX_LINES)
    for i, line in enumerate(lines[:header_end]):
        if line.words >= BODY_MIN_WORDS and not in_caption[i]:
            header_end = i
            break

    header = _Header()
    # the header lines, and the first body line, which may open with a dateline
    for i, line in enumerate(lines[:header_end + 1]):
        if in_caption[i] or not header.read_line(line, in_header=i < header_end):
            continue
        layout.append(_header_layout(line))
        if header.anchor is None:
            header.anchor = i
        if i >= header_end:
            break

    footer = _read_footer(lines, in_caption, [x for x in layout if x[2] == "end_marker"])
    published = header.published
    if published is None and header.updated is None:  # some sites print the date line under the article
        published = footer.published
        for line in lines[-5:] if published is None else ():   # ... or above a long disclaimer
            dm = _DATE_LABEL.match(line.clean) if line.words <= 16 else None
            if dm and (iso := parse_date(dm.group("date"))):
                published = iso
    if published is None and header.dateline:
        published = _dateline_date(header.dateline[0], text, header.dateline[1], captions, seen)
    published = published or header.updated or footer.updated

    title = _markdown_title(text, lines) or _pick_title(lines, in_caption, header.anchor, header_end)
    authors = header.authors
    if not authors and (header.anchor is not None or title):
        # a bare name just above or under the date line ("Jane Doe" / "August 4, 2025" / "Senior Fellow"),
        # or, with no date line, just under the headline
        near = (header.anchor - 1, header.anchor + 1, header.anchor + 2) if header.anchor is not None else \
            [i + 1 for i in range(min(2, len(lines))) if lines[i].clean == title]
        for i in near:
            if 0 <= i < header_end and not in_caption[i] and lines[i].clean != title and \
                    (names := _bare_names(lines[i].clean)):
                authors = names
                break
    if not authors:  # a byline or sign-off at the foot of the story
        authors = list(footer.authors)
    if not authors:  # wire copy credits its reporters in a footer: "Reporting by A and B; Editing by C"
        for m in _REPORTING_BY.finditer(text):
            authors += [n for n in parse_names(m.group("names")) if n not in authors]

    masthead = footer.masthead or _header_masthead(lines, in_caption, title, header_end)
    publisher = (_disclaimer_publisher(text, captions) or header.byline_publisher or footer.byline_publisher
                 or _copyright_publisher(text, captions) or masthead or header.affiliation
                 or footer.affiliation or header.agency)
    if title and publisher:
        title = strip_site_suffix(title, publisher)
    return {"title": title, "authors": authors, "published": published, "publisher": publisher,
            "captions": captions, "layout": sorted(set(layout + footer.layout))}


# the first word of a page's closing links, which are not an outlet's name ("Related Articles", "Read More")
_NAV_OPENERS = {"related", "read", "more", "share", "recommended", "topics", "tags", "comments", "advertisement",
                "follow", "subscribe", "sign", "most", "latest", "top", "trending", "back", "next", "previous",
                "see", "also", "popular", "editor's", "editors'", "privacy", "terms", "cookie", "cookies",
                "contact", "about", "home", "menu", "search", "print", "email", "copy"}
_PUBLICATION_WORDS = {"news", "times", "post", "press", "daily", "herald", "journal", "ledger", "tribune", "gazette",
                      "chronicle", "observer", "monitor", "review", "weekly", "magazine", "wire", "dispatch",
                      "courier", "telegraph", "bulletin", "digest", "quarterly", "report", "agency"}


def _header_masthead(lines: list[Line], in_caption: list[bool], title: str | None, header_end: int) -> str | None:
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
                and org.split()[-1].lower() in _PUBLICATION_WORDS:
            return org
    return None


FOOTER_MAX_LINES = 8        # a sign-off block (byline, date, outlet, copyright) is short
FOOTER_LINE_MAX_WORDS = 16  # and made of short lines


@dataclass
class _Footer(_Header):
    masthead: str | None = None
    layout: list[tuple[int, int, str]] = field(default_factory=list)


def _read_footer(lines: list[Line], in_caption: list[bool], layout: list[tuple[int, int, str]]) -> _Footer:
    """The block under the story: the lines after its end marker ("(END)", "-30-"), or else the run
    of short lines after its last paragraph. Reads a byline ("By A"), a sign-off ("A, Tokyo,
    May 6, 2025"), a date line, and the outlet's name standing alone on a line (a masthead)."""
    foot = _Footer()
    markers = [s for s, _, kind in layout if kind == "end_marker"]
    start = len(lines)
    while start > 0 and len(lines) - start < FOOTER_MAX_LINES and lines[start - 1].words <= FOOTER_LINE_MAX_WORDS:
        start -= 1
        if markers and lines[start].start <= markers[-1] < lines[start].end:
            break
    if start == 0 and not markers:
        return foot   # only short lines: a header, not a footer
    if markers:   # everything after the last end marker is the sign-off
        after = [i for i, line in enumerate(lines) if line.start > markers[-1]]
        start = min([start] + after[:1]) if after and len(after) <= FOOTER_MAX_LINES else start
    zone = [i for i in range(start, len(lines)) if not in_caption[i] and lines[i].start not in markers]
    signed_at, names_only, outlets = [], [], []
    for i in zone:
        line = lines[i]
        had = list(foot.authors)
        if foot.read_line(line, in_header=True):
            foot.layout.append((line.start, line.end, "byline" if foot.authors != had else "date_line"))
            signed_at.append(i)
            continue
        if _COPYRIGHT.match(line.clean) or line.clean.endswith((".", "!", "?", ":")):
            continue
        names, _, when = parse_byline(line.clean.lstrip("—–-  "))
        if names and when:   # a sign-off: "Jane Doe, Tokyo, May 6, 2025"
            foot.authors = foot.authors or names
            foot.published = foot.published or when
            foot.layout.append((line.start, line.end, "byline"))
            signed_at.append(i)
            continue
        if line.clean.split()[0].lower() in _NAV_OPENERS:
            continue
        if names and all(len(n.split()) <= 3 for n in names):
            names_only.append(i)
        if (org := clean_org(line.clean)) and org == line.clean.removeprefix("The ") and 2 <= len(org.split()) <= 6 \
                and not _section_label(org):
            outlets.append((i, org))
    if not signed_at:   # a name or an outlet alone counts only in a block that is signed or dated
        return foot
    # a bare name right above or under the date line is its author ("Jane Doe" / "May 6, 2025")
    names_only = [i for i in names_only if any(abs(i - j) == 1 for j in signed_at)]
    if names_only and not foot.authors:
        i = names_only.pop(0)
        foot.authors = _bare_names(lines[i].clean)
        foot.layout.append((lines[i].start, lines[i].end, "byline"))
        signed_at.append(i)
    # the outlet's name stands on its own line right above or under the signature; a capitalised
    # two-word line there ("Harbour Ledger") is the outlet, not a second author
    for i, org in outlets:
        if any(abs(i - j) == 1 for j in signed_at) and (i not in names_only or foot.authors):
            if i not in [j for j in signed_at]:
                foot.masthead = org
                foot.layout.append((lines[i].start, lines[i].end, "masthead"))
                break
    return foot


def _header_layout(line: Line) -> tuple[int, int, str]:
    """What a header line that read_line took is: a "byline", a "date_line", or a wire "dateline"
    (only the "SEOUL, Oct. 29 (Agency) --" part of its paragraph)."""
    for seg in _SEGMENT_SPLIT.split(line.clean):
        m = _BYLINE.match(seg) or _AUTHOR_LABEL.match(seg)
        if m and parse_byline(m.group("names"))[0]:
            return line.start, line.end, "byline"
    dm = _DATELINE.match(line.raw)
    if dm and (dm.group("agency") or dm.group("date")):
        return line.start, line.start + len(dm.group().rstrip()[:-1].rstrip()), "dateline"
    return line.start, line.end, "byline" if _bare_names(line.clean) else "date_line"


def strip_site_suffix(title: str, publisher: str) -> str:
    """"Headline | Site" or "Headline - Site" (a saved page's <title>) -> "Headline", when Site is the publisher."""
    return re.sub(rf"\s+[|–—:-]\s+(?:The\s+)?{re.escape(publisher)}$", "", title, flags=re.IGNORECASE) or title


def _markdown_title(text: str, lines: list[Line]) -> str | None:
    front = re.match(r"\A\ufeff?---\n(?P<body>.*?)\n---\s*\n", text, re.DOTALL)
    if front and (m := re.search(r"^title\s*:\s*(?P<t>.+)$", front.group("body"), re.MULTILINE)):
        return m.group("t").strip().strip("\"'")
    for line in lines[:HEADER_MAX_LINES]:
        if re.match(r"#\s", line.raw):
            return line.clean
        if line.raw.startswith("##"):
            break
    return None


def _pick_title(lines: list[Line], in_caption: list[bool], anchor: int | None, header_end: int) -> str | None:
    """The headline above the byline or date line (or among the first two lines when there is none).

    Of the title-case lines, the last one: lines above a headline are mastheads and menus. Of the
    sentence-case ones, the first: lines below a headline are standfirsts. Image alt text, which sits
    just above its caption, is skipped."""
    stop = anchor if anchor is not None else min(header_end, 2)
    candidates = [(i, _title_strength(lines[i])) for i in range(stop) if not in_caption[i]]
    if len(candidates) > 1 and candidates[-1][0] == stop - 1 and _bare_names(lines[stop - 1].clean):
        candidates.pop()   # "Jane Doe" right above the date line, under a headline, is a byline
    strong = [i for i, strength in candidates if strength == 2]
    if strong:
        return _without_site_suffix(lines[strong[-1]].clean)
    for i, strength in candidates:
        if strength == 1 and not (i + 1 < len(lines) and in_caption[i + 1]):
            return _without_site_suffix(lines[i].clean)
    if anchor is not None:   # a byline above the headline
        for i in range(anchor + 1, header_end):
            if not in_caption[i] and _title_strength(lines[i]) == 2:
                return _without_site_suffix(lines[i].clean)
    return None


def _without_site_suffix(title: str) -> str:
    """"Headline | Site Name" (a saved page's <title>) -> "Headline"; "(LEAD) Headline" -> "Headline"."""
    parts = _SEGMENT_SPLIT.split(title)
    title = max(parts, key=len) if len(parts) > 1 else title
    # a wire service's leading tag: "(LEAD)", "(2nd LD)", "(URGENT)", "(News Focus)"
    return re.sub(r"^\((?:[\w&'’.-]+\s?){1,3}\)\s+(?=\S)", "", title)


def _outside(captions: list[tuple[int, int]], pos: int) -> bool:
    return not any(s <= pos < e for s, e in captions)


def _disclaimer_publisher(text: str, captions: list[tuple[int, int]]) -> str | None:
    """"X does not take institutional positions", "… do not necessarily reflect the views of X"."""
    for pattern in _DISCLAIMERS:
        for m in reversed(list(pattern.finditer(text))):
            if _outside(captions, m.start()) and (org := clean_org(m.group("name"))):
                return _full_name(org, text)
    return None


def _full_name(org: str, text: str) -> str:
    """A one-word back-reference ("The Center does not …") -> the full name the text gives it
    ("Center for Strategic Horizons"), if it gives one."""
    if " " in org:
        return org
    longer = [clean_org(m.group()) for m in re.finditer(
        rf"\b{re.escape(org)}\s+(?:for|of|on)\s+{_ORG}", text)]
    longer = [name for name in longer if name]
    return max(longer, key=len) if longer else org


def _copyright_publisher(text: str, captions: list[tuple[int, int]]) -> str | None:
    """The last "© 2025 X" / "Copyright X" outside photo credits: the footer names the site's owner."""
    for m in reversed(list(_COPYRIGHT.finditer(text))):
        if _outside(captions, m.start()) and (org := clean_org(m.group("name"))):
            return org
    return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NEARBY_DAYS = 120        # a full date this close to a year-less dateline fixes its year
RECENT_YEARS = 3         # with no year in the text, a weekday may fix the year among this many before `seen`


def _dateline_date(month_day: str, text: str, paragraph: str, captions: list[tuple[int, int]] = (),
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
    if re.search(_YEAR, month_day):
        return parse_date(month_day)
    month_day = month_day.rstrip(", ")

    def on(year: int) -> date | None:
        iso = parse_date(f"{month_day}, {year}")
        return date.fromisoformat(iso) if iso else None

    def one(found: set[date]) -> str | None:
        return next(iter(found)).isoformat() if len(found) == 1 else None

    firm: set[date] = set()
    for m in DATE_RE.finditer(text):
        if not _outside(captions, m.start()) or not (iso := parse_date(m.group())):
            continue
        full = date.fromisoformat(iso)
        firm.update(d for y in (full.year - 1, full.year, full.year + 1)
                    if (d := on(y)) and abs((d - full).days) <= NEARBY_DAYS)
    firm.update(d for y in re.findall(rf"\b({_YEAR})\b", paragraph) if (d := on(int(y))))
    named = {w for w in re.findall(r"[a-z]+day", paragraph.lower()) if w in _WEEKDAYS}
    if len(named) != 1:
        return one(firm)
    weekday = _WEEKDAYS.index(named.pop())
    fitting = {d for d in firm if weekday in (d.weekday(), (d.weekday() - 1) % 7)}
    if fitting:
        return one(fitting)
    years = {int(y) for y in re.findall(rf"\b({_YEAR})\b", text)}
    named_years = {d for y in years | {y + 1 for y in years} if (d := on(y)) and d.weekday() == weekday}
    if named_years:
        return one(named_years)
    if firm or seen is None:   # the firm evidence and the weekday disagree
        return None
    recent = {d for y in range(seen.year - RECENT_YEARS, seen.year + 1)
              if (d := on(y)) and d <= seen and (seen - d).days <= 366 * RECENT_YEARS and d.weekday() == weekday}
    return one(recent)
