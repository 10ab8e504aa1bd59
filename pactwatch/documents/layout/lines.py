"""Lines of a plain-text page, and the small helpers every layout reader shares."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

BODY_MIN_WORDS = 40     # the first line this long is body text, not header
HEADER_MAX_LINES = 25   # a header (menus included) is never longer than this many non-empty lines
TITLE_MAX_WORDS = 30

_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")   # none of them ASCII
_WHITE_RUN = re.compile(r"\s+")


@dataclass
class Line:
    start: int          # char offset of the line's first non-space char in the text
    end: int            # char offset just after its last non-space char
    raw: str            # text[start:end]
    clean: str          # unicode spaces folded, Markdown emphasis and heading marks removed
    fused: bool = False  # split off a line where a scraped page ran two elements together (dates.unfuse)
    # how many words `clean` has: the readers ask for nearly every line, often more than once
    words: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.words = len(self.clean.split())


def split_lines(text: str) -> list[Line]:
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if not body.strip("\ufeff \t"):
            continue
        clean = body if body.isascii() else _SPACES.sub(" ", body)
        if not END_MARKER.match(clean):   # "###" ends a story; it is not a Markdown heading mark
            clean = _single_spaced(clean.lstrip("#>*_ \t").rstrip("*_ \t"))  # Markdown heading and emphasis marks
        if clean:
            lines.append(Line(m.start() + lead, m.start() + lead + len(body), body, clean))
    return lines


def _single_spaced(s: str) -> str:
    """Each run of white space in `s` one space. Of the characters `\\s` matches (those str.isspace
    takes) only the space is printable: a printable string without two spaces in a row stays as it is."""
    return s if s.isprintable() and "  " not in s else _WHITE_RUN.sub(" ", s)


# The mark a wire or newspaper story ends with: "(END)", "-30-", "###", "— END —", "ENDS". Layout, not content.
END_MARKER = re.compile(r"^(?:\(\s*(?:END|ENDS|ENDIT)\s*\)|[-–—*=\s]*\b(?:END|ENDS)\b[-–—*=\s]*"
                         r"|[-–—]\s*30\s*[-–—]|#\s*#\s*#)$")
END_MARKER_TAIL = re.compile(r"\s\(\s*(?:END|ENDS)\s*\)$")   # "… he said. (END)"

SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by",
                "from", "as", "vs", "via", "into", "over", "amid", "after", "per", "than", "up", "off", "out", "is",
                "be", "its", "it"}


# the characters a case-insensitive pattern takes for a letter although lower() does not turn them into it:
# "İ" and "ı" for "i", "ſ" for "s" (tests/documents/layout/test_layout.py checks this against `re`)
_CASELESS_ODD = {"\u0130": "i", "\u0131": "i", "\u017f": "s"}


def folded(text: str) -> str:
    """`text` in lower case, char for char (each at its place), with the odd characters a case-insensitive
    pattern takes for a letter made that letter: whatever lower-case word such a pattern finds in `text`
    is in folded(text) at the same place. A reader looks there first for a word its costly pattern cannot
    match without."""
    if not text.isascii():
        for odd, letter in _CASELESS_ODD.items():
            text = text.replace(odd, letter)
    return text.lower()


@functools.lru_cache(maxsize=1)
def folded_page(text: str) -> str:
    """folded(text), kept for the page being read: several of its readers look in the whole of it."""
    return folded(text)


def occurrences(text: str, words) -> list[int]:
    """Where each of `words` begins in `text`, in order."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
    return sorted(found)


def matches_at(pattern: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """What pattern.finditer(text) finds, for a pattern that never matches empty and whose every match
    begins at one of `starts` (in order): tried there only, not at every character."""
    found = []
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)):
            found.append(m)
            end = m.end()
    return found


@functools.lru_cache(maxsize=1)
def _line_starts(text: str) -> list[int]:
    """Where each line of `text` begins, kept for the page being read: several readers try their
    patterns there."""
    return [0] + [at + 1 for at in occurrences(text, ("\n",))]


def line_matches(pattern: re.Pattern, text: str) -> list[re.Match]:
    """What pattern.finditer(text) finds, for a pattern anchored at a line's start (re.M "^") whose
    matches are never empty and never run over a line's end."""
    return matches_at(pattern, text, _line_starts(text))


def outside(ranges, pos: int) -> bool:
    """pos lies in none of the (start, end) ranges."""
    return not any(s <= pos < e for s, e in ranges)


# HTML a scraper left in the text: a block element's end (or a line break tag) ends a line
_BLOCK_END = re.compile(r"</(?:h[1-6]|p|div|li|blockquote|figcaption|header)\s*>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,200})?/?>")


def unmark(lines: list[Line]) -> list[Line]:
    """The lines, each one that holds HTML block elements split at their ends, with the tags taken
    out of `clean` ("<h6><strong>Jane Doe</strong></h6> <h4>…" -> "Jane Doe", "…")."""
    out: list[Line] = []
    for line in lines:
        if "<" not in line.raw or not _TAG.search(line.raw):
            out.append(line)
            continue
        pos = 0
        for m in list(_BLOCK_END.finditer(line.raw)) + [None]:
            end = m.end() if m else len(line.raw)
            piece = line.raw[pos:end]
            clean = re.sub(r"\s+", " ", _TAG.sub(" ", piece)).strip()
            if clean:
                lead = len(piece) - len(piece.lstrip())
                body = piece.strip()
                out.append(Line(line.start + pos + lead, line.start + pos + lead + len(body), body, clean))
            pos = end
    return out
