"""The foot of a story: sign-off, masthead, reporting credits, copyright and disclaimer lines."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .header import Header, section_label
from .lines import Line, folded_page, matches_at, occurrences, outside
from .names import COPYRIGHT, ORG, bare_names, clean_org, copyright_notices, parse_byline
from .words import LayoutWords, layout_words

REPORTING_BY = re.compile(r"\b(?:additional\s+)?reporting\s+by\s+(?P<names>[^;.\n]+)", re.IGNORECASE)
# each pattern with words its every match holds (one word of each group), looked for first in the folded
# text (lines.folded_page): the patterns, opening with a name or a common word, are slow to run over a page
_DISCLAIMERS = [
    (re.compile(rf"(?P<name>{ORG})\s+does\s+not\s+take\s+(?:[a-z]+\s+){{0,2}}positions?"),
     (("does",), ("take",), ("position",))),
    (re.compile(rf"\bdo(?:es)?\s+not\s+necessarily\s+(?:reflect|represent)\s+(?:the\s+)?"
                rf"(?:views?|positions?|polic(?:y|ies)|opinions?)\s+of\s+(?P<name>{ORG})"),
     (("necessarily",),)),
    (re.compile(rf"\bthis\s+(?:article|story|piece|commentary)\s+(?:was\s+)?(?:originally|first)\s+"
                rf"(?:published|appeared)\s+(?:by|in|on)\s+(?P<name>{ORG})", re.IGNORECASE),
     (("originally", "first"), ("published", "appeared"))),
]




FOOTER_MAX_LINES = 8        # a sign-off block (byline, date, outlet, copyright) is short
FOOTER_LINE_MAX_WORDS = 16  # and made of short lines


@dataclass
class Footer(Header):
    masthead: str | None = None
    layout: list[tuple[int, int, str]] = field(default_factory=list)


def read_footer(lines: list[Line], in_caption: list[bool], layout: list[tuple[int, int, str]],
                lw: LayoutWords | None = None) -> Footer:
    """The block under the story: the lines after its end marker ("(END)", "-30-"), or else the run
    of short lines after its last paragraph. Reads a byline ("By A"), a sign-off ("A, Tokyo,
    May 6, 2025"), a date line, and the outlet's name standing alone on a line (a masthead). `lw`: the
    layout's words (the packaged ones when None)."""
    lw = lw or layout_words()
    foot = Footer(lw=lw)
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
        if COPYRIGHT.match(line.clean) or line.clean.endswith((".", "!", "?", ":")):
            continue
        names, _, when = parse_byline(line.clean.lstrip("—–-  "), lw)
        if names and when:   # a sign-off: "Jane Doe, Tokyo, May 6, 2025"
            foot.authors = foot.authors or names
            foot.published = foot.published or when
            foot.layout.append((line.start, line.end, "byline"))
            signed_at.append(i)
            continue
        if line.clean.split()[0].lower() in lw.nav_openers:
            continue
        if names and all(len(n.split()) <= 3 for n in names):
            names_only.append(i)
        if (org := clean_org(line.clean)) and org == line.clean.removeprefix("The ") and 2 <= len(org.split()) <= 6 \
                and not section_label(org, lw):
            outlets.append((i, org))
    if not signed_at:   # a name or an outlet alone counts only in a block that is signed or dated
        return foot
    # a bare name right above or under the date line is its author ("Jane Doe" / "May 6, 2025")
    names_only = [i for i in names_only if any(abs(i - j) == 1 for j in signed_at)]
    if names_only and not foot.authors:
        i = names_only.pop(0)
        foot.authors = bare_names(lines[i].clean, lw)
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



def reporting_credits(text: str) -> list[re.Match]:
    """What REPORTING_BY finds in the text, in order: looked for only where "additional" or "reporting" begins."""
    return matches_at(REPORTING_BY, text, occurrences(folded_page(text), ("additional", "reporting")))


def disclaimer_publisher(text: str, captions: list[tuple[int, int]]) -> str | None:
    """"X does not take institutional positions", "… do not necessarily reflect the views of X"."""
    low = folded_page(text)
    for pattern, words in _DISCLAIMERS:
        if not all(any(w in low for w in group) for group in words):
            continue
        for m in reversed(list(pattern.finditer(text))):
            if outside(captions, m.start()) and (org := clean_org(m.group("name"))):
                return _full_name(org, text)
    return None


def _full_name(org: str, text: str) -> str:
    """A one-word back-reference ("The Center does not …") -> the full name the text gives it
    ("Center for Strategic Horizons"), if it gives one."""
    if " " in org:
        return org
    longer = [clean_org(m.group()) for m in re.finditer(
        rf"\b{re.escape(org)}\s+(?:for|of|on)\s+{ORG}", text)]
    longer = [name for name in longer if name]
    return max(longer, key=len) if longer else org


def copyright_publisher(text: str, captions: list[tuple[int, int]]) -> str | None:
    """The last "© 2025 X" / "Copyright X" outside photo credits: the footer names the site's owner."""
    for m in reversed(copyright_notices(text)):
        if outside(captions, m.start()) and (org := clean_org(m.group("name"))):
            return org
    return None



# how a verification formula ends ("… not independently confirm"): looked for first, for the whole
# formula, opening with any agency's name, is slow to look for over a page
_UNVERIFIED = (r"(?:not|n[o’']t|unable\s+to)"
               r"\s+(?:been\s+able\s+to\s+)?(?:independently\s+)?(?:verif|confirm|corroborat)")
_UNVERIFIED_RE = re.compile(_UNVERIFIED)


@functools.lru_cache(maxsize=8)
def _own_check(lw: LayoutWords) -> re.Pattern:
    """Wire copy naming itself in its verification formula: "… claims Reuters has not verified",
    "AFP could not independently confirm"."""
    return re.compile(rf"(?<![\w-])(?P<name>{lw.news_agencies})\s+(?:has|had|have|could|was|were|did)\s+{_UNVERIFIED}")


def agency_of_record(text: str, lw: LayoutWords | None = None) -> str | None:
    """The news agency a story's verification formula names as its own reporter; `lw` the layout's words."""
    if not _UNVERIFIED_RE.search(text):
        return None
    m = _own_check(lw or layout_words()).search(text)
    return m.group("name") if m else None
