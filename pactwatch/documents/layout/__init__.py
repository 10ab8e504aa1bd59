"""Page layout, with one owner: which character ranges of a plain-text article are the page's
furniture rather than the story's prose, and what each is.

    lines.py     the text's lines, and the cheap looks that spare running a costly pattern over a
                 whole page (folded text, a pattern tried only where a match can begin)
    dates.py     dates and date lines as pages print them
    names.py     people's and outlets' names in bylines and copyright lines; the one byline
                 opener (BYLINE) and the one copyright notice (COPYRIGHT, copyright_owners)
    captions.py  photo captions, credits and end markers
    header.py    section label, headline, byline, date line, wire dateline; headings
    footer.py    sign-off, masthead, reporting credits, copyright and disclaimer lines
    credits.py   the people and outlets a byline or credit names, as ranges
    furniture.py links to other stories, site controls, headings (word lists in
                 knowledge/data/page_layout.toml)
    words.py     page_layout.toml with the user's --kb additions, compiled per folder tuple
                 (`layout_words(kb_dirs)`): the `LayoutWords` every reader of a page is handed as `lw`

A layout is a list of (start, end, kind), sorted. `documents.metadata.recognise` builds the whole
layout of a document (and its title, authors, date and publisher from it). The pipeline reads it as
`Doc._.layout` (set by `pipeline.make_doc`), never re-parsing the page itself.

Kinds: "caption", "credit", "end_marker" (captions.py); "byline", "date_line", "dateline",
"masthead", "outlet" (header and footer); "heading", "link", "menu", "control" (furniture.py); and the name kinds of credits.py.
"""
from __future__ import annotations

from . import credits, furniture
from .lines import Line
from .words import LayoutWords

# the kinds that are text a reader skips: the article's prose is everything else
CAPTION_KINDS = ("caption", "credit", "end_marker")


def page_elements(text: str, lines: list[Line], lw: LayoutWords | None = None) -> list[tuple[int, int, str]]:
    """The elements every reader of the text needs: headings, link lines and credited names; `lw`: the
    layout's words (the packaged ones when None)."""
    return (furniture.headings(lines) + furniture.link_lines(text, lw) + furniture.menus(lines, lw)
            + credits.find(text, lw))


def of_kind(layout, *kinds: str) -> list[tuple[int, int]]:
    """The (start, end) ranges of the given kinds, in text order."""
    return [(s, e) for s, e, k in layout if k in kinds]
