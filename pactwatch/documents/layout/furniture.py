"""Page furniture: lines around a story that are the site's, not the story's — links to other
stories ("Related: …", "Also read: …"), calls to act ("Sign up | …"), and headings (short lines of
capitalised words without closing punctuation). Word lists in knowledge/data/page_layout.toml."""
from __future__ import annotations

from .names import BYLINE
from .lines import Line, line_matches
from .words import LayoutWords, layout_words

HEADING_MAX_WORDS = 14
_HEADING_SMALL = {"a", "an", "the", "and", "or", "of", "for", "in", "on", "to", "at", "by", "with", "over", "as"}


def link_lines(text: str, lw: LayoutWords | None = None) -> list[tuple[int, int, str]]:
    """Lines linking to another story or asking the reader to act: (start, end, "link"); `lw` the
    layout's words (the packaged ones when None)."""
    return [(m.start(), m.end(), "link") for m in line_matches((lw or layout_words()).link_line, text)]


def headings(lines: list[Line]) -> list[tuple[int, int, str]]:
    """Lines that are headings: short, without closing punctuation (or all in capitals), their words
    capitalised; not
    the two lines under a byline ("By Jane Roe" / date / outlet), which name the outlet."""
    out = []
    for n, line in enumerate(lines):
        text = line.raw.strip()
        words_ = _lettered_words(text, HEADING_MAX_WORDS)
        if not words_ or len(words_) > HEADING_MAX_WORDS:
            continue
        # a subhead in capitals is a heading, whatever it ends with ('TRUMP CALLED IT A "BAD DEAL"');
        # a question in title case is one too ("Will the Deal Hold?")
        shouted = len(words_) >= 3 and text.upper() == text
        if not shouted and text[-1:] in ".!\"”’:":
            continue
        content = [w for w in words_ if w.lower() not in _HEADING_SMALL]
        if not content or sum(w[0].isupper() for w in content) < 0.8 * len(content):
            continue
        if any(BYLINE.match(lines[k].clean) for k in range(max(0, n - 2), n)):
            continue
        out.append((line.start, line.end, "heading"))
    return out


def _lettered_words(text: str, most: int) -> list[str]:
    """The words of `text` that begin with a letter, no more than most + 1 of them (enough to tell a line
    has too many): a long paragraph is split only as far as it takes."""
    head = text.split(None, 2 * most)   # the first 2 * most words, and the rest of the text after them
    words_ = [w for w in head[:2 * most] if w[:1].isalpha()]
    if len(words_) <= most and len(head) > 2 * most:
        words_ += [w for w in head[-1].split() if w[:1].isalpha()]
    return words_[:most + 1]


MENU_MIN_LINES = 4       # a run of this many short lines is a menu, not a list of subheads
MENU_MAX_WORDS = 4


def menus(lines: list[Line], lw: LayoutWords | None = None) -> list[tuple[int, int, str]]:
    """Navigation: a run of at least MENU_MIN_LINES lines of a few words each, none closing a
    sentence ("World / Asia / July 2025 / Opinion"), or a line that is a site control ("Download on
    the App Store", "Go to contents"): (start, end, "menu") for each line of a run, (start, end,
    "control") for a control."""
    controls = (lw or layout_words()).controls
    out, run = [], []

    def flush():
        if len(run) >= MENU_MIN_LINES:
            out.extend((line.start, line.end, "menu") for line in run)
        run.clear()
    for line in lines:
        if line.clean.lower().strip(" :|>»") in controls:
            flush()
            out.append((line.start, line.end, "control"))
        elif line.words <= MENU_MAX_WORDS and line.clean[-1:] not in ".!?:;,\"”’'":
            run.append(line)
        else:
            flush()
    flush()
    return sorted(out)
