"""Who a page credits, as character ranges: the authors of a byline ("By Jane Roe and John Doe",
"Jane Roe | The Daily Star"), photographers and wire reporters in credits, and the outlet a byline,
a credit or a copyright line names. The model often misses these names or takes them for a heading.

Each element is (start, end, kind); the kinds, in the order a reader should take them (an earlier
one wins where two overlap):
    "photographer"      a person in a photo credit ("(AP Photo/Jane Roe)")
    "credited_outlet"   the outlet a credit names ("Photo: Jane Roe for The Daily Star")
    "wire_author"       a person in a wire story's credits ("(Reporting by Jane Roe; Editing by …)")
    "copyright_outlet"  the owner a copyright line names
    "byline_author"     a person on a byline line
    "byline_outlet"     the outlet after a bar on a byline line
    "bar_byline"        a whole line of names and an outlet after a bar, without "By": a byline only
                        if the reader's model sees a person there (the line's authors and outlet
                        depend on it)
"""
from __future__ import annotations

import functools
import re

from ...knowledge.identity import norm_name
from .lines import line_matches, matches_at, occurrences
from .names import BYLINE_OPENER, OUTLET, copyright_owners
from .words import LayoutWords, layout_words

# a byline line: the opener header.py reads bylines by (names.BYLINE_OPENER), or names and an outlet after a
# bar; horizontal space includes the no-break space web pages put in bylines
# (the lookahead only spares the lazy scan of a long line holding no bar: a bar line's bar is its first)
_BYLINE_LINE = re.compile(r"^[^\S\n]*(?:(?i:" + BYLINE_OPENER + r")(.+?)|(?=[^\n|]*\|)([A-ZÀ-Þ][^\n|]*?[^\S\n]\|[^\S\n][^\n]+?))"
                          r"[^\S\n]*$", re.M)
_BYLINE_NAME = re.compile(r"^(?:[A-ZÀ-Þ][\w’'.-]*)(?:[^\S\n]+(?:[A-ZÀ-Þ][\w’'.-]*|de|van|von|der|la|le)){1,3}$")
_NAME = r"[A-ZÀ-Þ][\w’'.-]*(?:[^\S\n]+[A-ZÀ-Þ][\w’'.-]*){1,3}"
# photo credits: "(AP Photo/Ahn Young-joon)", "(Pool photo by Jane Roe/Getty Images)"
_PHOTO_CREDIT = re.compile(r"\b[Pp]hoto(?:[^\S\n]+by)?[^\S\n]*[/:]?[^\S\n]*(" + _NAME + r")(?=[^\S\n]*[/)]|[^\S\n]+(?:via|for)\b)")
_CREDIT_FOR = re.compile(r"(?:[Cc]redit|[Pp]hoto|[Pp]hotograph)\b[^\n]*?[^\S\n]for[^\S\n]+" + OUTLET + r"[^\S\n]*(?:[)\]]|$)", re.M)
_WIRE_CREDITS = re.compile(r"\(((?:[A-Z][a-z]+\s+)?(?:Reporting|Writing|Editing|Reported|Written|Edited|Compiled)\s+by\s[^)]*)\)")

KINDS = ("photographer", "credited_outlet", "wire_author", "copyright_outlet", "byline_author", "byline_outlet",
         "bar_byline")


@functools.lru_cache(maxsize=8)
def _not_names(folders: tuple[str, ...]) -> frozenset:
    """Words that alone name no one ("Staff", "Reporter", "Court"): the knowledge base's list, with the
    not_names of the user's --kb `folders`."""
    from pactwatch import knowledge
    return frozenset(knowledge.load(list(folders)).not_names)


# two to four capitalised words, initials only ending in a period: "Jane Roe", "J. R. Roe" (not "Tuesday. Jane Roe")
# (words bounded in length, and never begun inside another word: matching stays linear)
_CREDITED_NAME = r"(?:[A-ZÀ-Þ]\.|[A-ZÀ-Þ][\w’'-]{1,30})(?:[^\S\n]+(?:[A-ZÀ-Þ]\.|[A-ZÀ-Þ][\w’'-]{1,30})){1,3}"


@functools.lru_cache(maxsize=8)
def _agency_credit(lw: LayoutWords) -> tuple[re.Pattern, re.Pattern]:
    """A slash and a picture agency, looked for first (a search opening with a name is slow over a whole
    page), and the credit that holds them: a name, a slash and a picture agency closing a caption or a
    line ("Jane Roe/AP")."""
    return (re.compile(r"/[^\S\n]*(?:" + lw.photo_agencies + r")"),
            re.compile(r"(?<![\w/.’'-])(" + _CREDITED_NAME + r")[^\S\n]*/[^\S\n]*(?:" + lw.photo_agencies + r")[^\S\n]*(?:[)\]]|$)", re.M))


def find(text: str, lw: LayoutWords | None = None) -> list[tuple[int, int, str]]:
    """Every credited name in the text as (start, end, kind), in reading order (see the module's doc);
    `lw`: the layout's words (the packaged ones when None)."""
    lw = lw or layout_words()
    not_names = _not_names(lw.folders)
    out: list[tuple[int, int, str]] = []

    def outlet(match: re.Match, kind: str, group: int = 1) -> None:
        name = match.group(group).rstrip(".")
        if name and norm_name(name) not in not_names and not re.fullmatch(r"[A-Z]\.?", name):
            out.append((match.start(group), match.start(group) + len(name), kind))

    # the credit patterns are tried only where a credit can begin (just before "hoto" or "redit"), or run
    # only over a text holding what a credit cannot be without: run over a whole page, they cost far more
    for credit in matches_at(_PHOTO_CREDIT, text, [at - 1 for at in occurrences(text, ("hoto",)) if at]):
        if not any(norm_name(w) in not_names for w in credit.group(1).split()):
            out.append((credit.start(1), credit.end(1), "photographer"))
    slash, agency_credit = _agency_credit(lw)
    for credit in agency_credit.finditer(text) if slash.search(text) else ():
        if not any(norm_name(w) in not_names for w in credit.group(1).split()):
            out.append((credit.start(1), credit.end(1), "photographer"))
    for credit in matches_at(_CREDIT_FOR, text, [at - 1 for at in occurrences(text, ("hoto", "redit")) if at]):
        outlet(credit, "credited_outlet")
    # a wire story's foot: "(Reporting by Jane Roe in Seoul and John Doe; Editing by Ann Lee)"
    for block in _WIRE_CREDITS.finditer(text):
        for part in re.finditer(r"(?:^|;)\s*(?:[A-Z][a-z]+\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|"
                                r"[Rr]eported|[Ww]ritten|[Ee]dited)\s+by\s+([^;]+)", block.group(1)):
            base = block.start(1) + part.start(1)
            for piece in re.finditer(r"[^,]+?(?=,|\s+and\s+|$)", part.group(1)):
                name = re.sub(r"\s+in\s+.*$", "", piece.group(0)).strip()
                name = re.sub(r"^and\s+", "", name)
                if _BYLINE_NAME.match(name) and not any(norm_name(w) in not_names for w in name.split()):
                    at = text.index(name, base + piece.start())
                    out.append((at, at + len(name), "wire_author"))
    for line in copyright_owners(text):
        outlet(line, "copyright_outlet")
    for line in line_matches(_BYLINE_LINE, text):
        out.extend(_byline(text, line, not_names))
    return out


def _byline(text: str, line: re.Match, not_names: frozenset) -> list[tuple[int, int, str]]:
    body, offset = line.group(1) or line.group(2), line.start(1 if line.group(1) else 2)
    # "By Jane Roe (jroe@example.com)": the address after the name is no part of it
    body = re.sub(r"[^\S\n]*[(\[<]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)\]>]?", "", body).rstrip()
    # "By Jane Roe | The Daily Star": the outlet after a bar
    names_part, bar, outlet_part = body.partition(" | ")
    names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", names_part)]

    def job(part: str) -> bool:       # "Staff Reporters", "Tokyo correspondent"
        return any(norm_name(w) in not_names or norm_name(w)[:-1] in not_names for w in part.split())
    # the names, then perhaps their jobs: "By Jane Roe and John Doe, Staff Reporters"
    n_names = 0
    while n_names < len(names) and _BYLINE_NAME.match(names[n_names]) and not job(names[n_names]):
        n_names += 1
    if n_names == 0 or not all(job(rest) for rest in names[n_names:]):
        return []
    if line.group(2) and not bar:
        return []
    found = [(offset, offset + len(body), "bar_byline")] if line.group(2) else []
    pos = offset
    for name in names[:n_names]:
        at = text.index(name, pos)
        pos = at + len(name)
        found.append((at, at + len(name), "byline_author"))
    if bar:
        m = re.match(r"\s*" + OUTLET + r"\s*$", outlet_part)
        if m:
            at = text.find(m.group(1), offset + len(names_part))
            if at != -1:
                found.append((at, at + len(m.group(1)), "byline_outlet"))
    return found
