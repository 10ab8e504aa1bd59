"""People's and outlets' names as bylines, credits and copyright lines print them. The one owner of
what opens a byline (BYLINE_OPENER) and of what a copyright notice is (COPYRIGHT, copyright_owners):
header.py, footer.py, furniture.py and credits.py read both from here."""
from __future__ import annotations

import re

from .dates import DATE_RE, WEEKDAY, YEAR, parse_date
from .lines import folded_page, line_matches, matches_at, occurrences
from .words import LayoutWords, layout_words

_ROLE = re.compile(
    r"(?:,\s*(?:(?-i:[A-Z])[\w.'’-]+\s+){1,2}|[,\s]+)(?:(?:senior|chief|special|staff|contributing|associate|political|diplomatic|foreign|defense|"
    r"economics?|national|deputy|managing|executive|guest)\s+)*"
    r"(?:staff|writer|reporter|correspondent|editor|contributor|columnist|analyst|fellow|"
    r"bureau chief|special to\b.*|for\s+[A-Z].*)(?:\s+writer|\s+reporter)?\s*$", re.IGNORECASE)


_SPACE_RUN = re.compile(r"\s+")
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'-]*$")   # "… in Seoul"
_NAME_SEPARATOR = re.compile(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_NOTE = re.compile(r"\[[^\]]*\]|\([^)]*\)|\S+@\S+")   # bracketed notes and emails
_BEFORE_DATE = re.compile(r"(?:[\s,|·•—–-]|\b(?:on|published|updated|posted)\b)+$", re.IGNORECASE)
_WEEKDAY_END = re.compile(rf"(?:,?\s*{WEEKDAY},?)$", re.IGNORECASE)


def _person_name(s: str, max_tokens: int, lw: LayoutWords) -> str | None:
    # lw.not_person: words that make a two-word capitalised phrase a place or an organisation, not a person
    s = s.strip(" ,.;:-–—").strip()
    tokens = s.split()
    if not 2 <= len(tokens) <= max_tokens:
        return None
    for i, tok in enumerate(tokens):
        if tok.lower() in lw.name_particles and 0 < i < len(tokens) - 1:
            continue
        if not tok[0].isupper() or not all(ch.isalpha() or ch in "'’.-" for ch in tok):
            return None
        if tok.lower().strip(".") in lw.not_person:
            return None
    if s.isupper():  # "JANE DOE" in an all-caps byline
        s = " ".join(t.capitalize() if t.lower() not in lw.name_particles else t.lower() for t in tokens)
    return s


def _names_and_tail(s: str, max_tokens: int, lw: LayoutWords) -> tuple[list[str], str | None] | None:
    """"A, B and C" -> ([A, B, C], None); "A and B, Agency" -> ([A, B], "Agency"); None when the
    first part is not a person's name."""
    s = _IN_PLACE.sub("", _SPACE_RUN.sub(" ", s).strip())
    s = _ROLE.sub("", s)
    # (every separator holds ",", ";", "&" or "and": a string without one is one part)
    parts = [p for p in (_NAME_SEPARATOR.split(s) if any(c in s for c in (",", ";", "&", "and")) else [s])
             if p.strip()]
    names: list[str] = []
    for i, part in enumerate(parts):
        name = _person_name(_ROLE.sub("", part), max_tokens, lw)
        if name is None:
            return (names, part) if names and i == len(parts) - 1 else None
        if name not in names:
            names.append(name)
    return (names, None) if names else None


def parse_names(s: str, max_tokens: int = 5, lw: LayoutWords | None = None) -> list[str]:
    """"A, B and C" -> ["A", "B", "C"]; [] when any part is not a person's name (of at most max_tokens words).
    `lw`: the layout's words (the packaged ones when None)."""
    found = _names_and_tail(s, max_tokens, lw or layout_words())
    return found[0] if found and found[1] is None else []


def parse_byline(s: str, lw: LayoutWords | None = None) -> tuple[list[str], str | None, str | None]:
    """What follows "By": names, an affiliation after them ("…, Reuters"), a date in the same line
    ("… on May 6, 2025"). Emails and bracketed notes are dropped. ([], None, None) if no names."""
    s = _NOTE.sub(" ", s)
    when = None
    if m := DATE_RE.search(s):
        when = parse_date(m.group())
        s = _BEFORE_DATE.sub("", s[:m.start()])   # the names come before the date
        s = _WEEKDAY_END.sub("", s.strip())
    found = _names_and_tail(s, 5, lw or layout_words())
    if not found:
        return [], None, None
    names, tail = found
    return names, (clean_org(tail) if tail else None), when


_ORG_WORD = r"[A-Z][\w&'’.-]{0,40}"
# at most ten words: bounded, so a long run of capitalised words cannot make matching quadratic
ORG = rf"(?<![\w&'’.-])(?:The\s+)?{_ORG_WORD}(?:\s+(?:{_ORG_WORD}|of|for|and|on|the|&)){{0,9}}"
_ORG_JOINERS = {"of", "for", "and", "on", "the", "&", "de", "du", "des", "la", "le", "für", "in", "at"}
_LEGAL_SUFFIX = re.compile(r",?\s+(?:Inc|Ltd|LLC|Co|Corp|Corporation|PLC|GmbH)\.?$")
_ORG_END = re.compile(r"\.\s|\s+all rights reserved|\s+\|\s+|\s+[-–—]\s+", re.IGNORECASE)
_YEARS_END = re.compile(rf"\s*(?:{YEAR})(?:\s*[-–]\s*{YEAR})?$")
_THE = re.compile(r"^The\s+")
_JOINERS_END = re.compile(r"(?:\s+(?:of|for|and|on|the|&))+$")


def clean_org(s: str) -> str | None:
    s = _ORG_END.split(s.strip())[0]
    s = _YEARS_END.sub("", s.strip())
    s = _LEGAL_SUFFIX.sub("", s.strip(" .,;:"))
    s = _THE.sub("", s)
    s = _JOINERS_END.sub("", s).strip(" .,;:")
    if not s or len(s.split()) > 10 or DATE_RE.search(s):
        return None
    # every word of a name is capitalised, save the small joining words ("Council on Foreign Relations")
    if not all(w[0].isupper() or w[0].isdigit() or w in _ORG_JOINERS for w in s.split()):
        return None
    return s


# "By A", and "Commentary by A", "Posted by A" (not "Photo by", which is a credit); case-insensitive.
# Its spaces never run over a line's end: a byline is one line.
BYLINE_OPENER = (r"(?:(?:written|reporting|words|text|story|posted|commentary|analysis|opinion|interview|"
                 r"essay|column|report)[^\S\n]+)?by[^\S\n]*:?[^\S\n]+")
BYLINE = re.compile(rf"^{BYLINE_OPENER}(?P<names>.+)$", re.IGNORECASE)


def _copyright_mark(space: str) -> str:
    """"©", "(c)", "Copyright ©" and a year or span of years ("© 2024-2025,"), case-insensitive;
    `space` is the whitespace allowed between the parts."""
    return (rf"(?i:(?:[©ⓒ]|\(c\)|\bcopyright\b){space}*(?:[©ⓒ]{space}*)?"
            rf"(?:{YEAR}(?:{space}*[-–]{space}*{YEAR})?{space}*,?{space}*)?)")


# a copyright notice anywhere, and the owner it names (clean it with clean_org)
COPYRIGHT = re.compile(_copyright_mark(r"\s") + rf"(?P<name>{ORG})", re.IGNORECASE)
# a copyright mark begins with one of these, in folded text (lines.folded_page)
_COPYRIGHT_WORDS = ("©", "ⓒ", "(c)", "copyright")
# the outlet a credit or a copyright line names, as written (capitalised words): "Jane Roe for The Daily
# Star", "© 2024 The Daily Star"; group 1 leaves out "The"
OUTLET = r"(?:The[^\S\n]+)?([A-Z][\w&’'.-]*(?:[^\S\n]+(?:[A-Z][\w&’'.-]*|of|and|&)){0,5})"
# a line that is only a copyright notice: "© 2024 The Daily Star. All rights reserved."
_COPYRIGHT_LINE = re.compile(r"^[^\S\n]*" + _copyright_mark(r"[^\S\n]") + OUTLET + r"\.?"
                             r"(?:[^\S\n]+[Aa]ll[^\S\n]+[Rr]ights[^\S\n]+[Rr]eserved\.?)?[^\S\n]*$", re.M)


def may_hold_copyright(text: str) -> bool:
    """Whether `text` may hold a copyright notice; False only when it holds no copyright mark, and so
    nothing COPYRIGHT or a copyright line could match."""
    low = folded_page(text)
    return any(w in low for w in _COPYRIGHT_WORDS)


def copyright_notices(text: str) -> list[re.Match]:
    """What COPYRIGHT finds in the text, in order: looked for only where a copyright mark begins."""
    return matches_at(COPYRIGHT, text, occurrences(folded_page(text), _COPYRIGHT_WORDS))


def copyright_owners(text: str) -> list[re.Match]:
    """Each line that is only a copyright notice; group 1 is the owner it names, without "The"."""
    return line_matches(_COPYRIGHT_LINE, text) if may_hold_copyright(text) else []


def bare_names(clean: str, lw: LayoutWords | None = None) -> list[str]:
    """A line that is only people's short names ("Jane Doe, John Roe in Seoul") -> the names."""
    names = parse_byline(clean, lw)[0]
    return names if names and all(len(n.split()) <= 3 for n in names) else []


