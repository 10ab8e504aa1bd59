"""Photo captions, credits and end markers: text between paragraphs that is page layout, not prose."""
from __future__ import annotations

import re

from .lines import END_MARKER, Line, END_MARKER_TAIL, folded

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
# every credit pattern needs a picture word (in folded text: lines.folded) or an agency's slash
_PICTURE_WORDS = ("photo", "image", "picture")
CAPTION_MAX_WORDS = 70
CREDIT_MAX_WORDS = 12


def is_end_marker(clean: str) -> bool:
    return bool(END_MARKER.match(clean.strip()))


def find_layout(lines: list[Line]) -> list[tuple[int, int, str]]:
    """Photo captions, credits and end markers: (start, end, kind), kind "caption", "credit" or "end_marker"."""
    found = []
    for line in lines:
        if is_end_marker(line.clean):
            found.append((line.start, line.end, "end_marker"))
            continue
        # (a tail marker closes the line with ")", before a final newline at most: a cheap look first)
        if ")" in line.raw[-2:] and (m := END_MARKER_TAIL.search(line.raw)):
            found.append((line.start + m.start() + 1, line.end, "end_marker"))
        if _CAPTION_LINE.match(line.clean):
            kind = "credit" if _CREDIT_LINE.match(line.clean) and line.words <= CREDIT_MAX_WORDS else "caption"
            found.append((line.start, line.end, kind))
            continue
        if "/" not in line.raw:
            low = folded(line.raw)
            if not any(w in low for w in _PICTURE_WORDS):
                continue   # no credit pattern can match: a cheap look spares running them all over the line
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

