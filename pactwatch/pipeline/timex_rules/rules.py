"""The rule registry: each temporal pattern is one `Rule` (its regex, the trigger-word class that
must be near a match, and the function that builds the TimexCandidate), registered with `@rule`
beside its builder in dates.py, periods.py, relative.py, durations.py, recurrences.py or clocks.py.
Also the small helpers those builders share."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from .candidate import TimexCandidate

if TYPE_CHECKING:
    from .compiled import Grammar


@dataclass(frozen=True)
class Rule:
    name: str
    # precedence: where finds of the same length overlap (or two rules find the same text), the
    # lower rank wins
    rank: int
    # the trigger-word class (Grammar.trigger_words, or "digit") every match contains: the regex
    # runs only in windows around such words
    trigger: str
    pattern: Callable[[Grammar], str]  # the regex source, from the grammar's shared fragments
    flags: int
    build: Callable[[Grammar, re.Match, str], TimexCandidate | None]
    # a clock time written beside what this rule finds makes one TIME with it (clocks.dated_clocks)
    names_day: bool = False
    names_clock: bool = False


RULES: dict[str, Rule] = {}


def rule(name: str, rank: int, trigger: str, pattern: Callable[[Grammar], str], flags: int = 0,
         names_day: bool = False, names_clock: bool = False):
    """Register the decorated builder as the rule `name`."""
    def register(build):
        if name in RULES or any(r.rank == rank for r in RULES.values()):
            raise ValueError(f"time rule {name!r}: name or rank {rank} already taken")
        RULES[name] = Rule(name, rank, trigger, pattern, flags, build, names_day, names_clock)
        return build
    return register


def alternation(keys, capital: bool = False) -> str:
    """A regex alternation of lexicon keys, longest first; `capital` keeps them case-sensitive
    and Title-case (month and day names are capitalised in edited English)."""
    keys = sorted(keys, key=len, reverse=True)
    if capital:
        return "(?-i:" + "|".join(re.escape(k[0].upper() + k[1:]) for k in keys) + ")"
    if keys and all(not set(k) - _TRIE_CHARS and k == " ".join(k.split()) for k in keys):
        return "(?:" + _trie(keys) + ")"
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + ")"


# characters a key may hold for its alternation to be written as a trie: no two of them match
# the same character, with or without re.I (a space is \s+, between two words)
_TRIE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 -.'")


def _trie(keys: list[str]) -> str:
    """The alternation of `keys` as a trie: "se(?:ven(?:ty)?|cond)|...". It matches what the flat
    alternation (longest first) does, in the same order: keys that match at one place are
    prefixes of one another (no two branches of a node match the same character) and the longer
    is tried first in both. A flat alternation tries every key at every place a rule's regex is
    tried, which was most of the time the rules took."""
    root: dict = {}
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(r"\s+" if char == " " else re.escape(char), {})
        node[""] = {}   # a key ends here

    def written(node: dict) -> str:
        branches = [part + written(child) for part, child in node.items() if part]
        if "" in node:
            return "(?:" + "|".join(branches) + ")?" if branches else ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return written(root)


def span_of(m: re.Match) -> tuple[int, int]:
    """The expression's extent: the group named "t" where the pattern needs context around it
    ("in May", "700 seats a week"), else the whole match."""
    return m.span("t") if "t" in m.re.groupindex else m.span()


def found(m: re.Match, type_: str, value: str | None = None, rel: tuple | None = None,
          explicit: str | None = None, start: int | None = None) -> TimexCandidate:
    s, e = span_of(m)
    return TimexCandidate(s if start is None else start, e, type_, value, rel, explicit)


# the direction a word states: "last October", "this coming week"
EXPLICIT = {"last": "last", "past": "last", "this past": "last", "previous": "last",
            "next": "next", "coming": "next", "this coming": "next", "this": "this", "current": "this"}


def norm(s: str | None) -> str | None:
    return re.sub(r"\s+", " ", s.lower()).strip() if s else None


def day_number(s: str) -> int:
    """21 from "21st"."""
    return int(re.sub(r"\D", "", s))


_HALVES = {"Y": (6, "M"), "D": (12, "TH"), "TH": (30, "M"), "TM": (30, "S")}


def duration_value(n, code: str) -> str:
    """TIMEX3 duration value: P4M, PT3H, PXY; decades and centuries counted in years (P20Y) as
    TimeML corpora do."""
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    if isinstance(n, float) and (n * 2).is_integer() and code in _HALVES:
        # "2 1/2 years" is P2Y6M, "an hour and a half" PT1H30M: the half in the next smaller unit
        whole, (half, small) = int(n), _HALVES[code]
        big = code[-1]
        if code.startswith("T"):
            return f"PT{whole}{big}{half}{small}" if whole else f"PT{half}{small}"
        if small.startswith("T"):
            return f"P{whole}{big}T{half}{small[1:]}" if whole else f"PT{half}{small[1:]}"
        return f"P{whole}{big}{half}{small}" if whole else f"P{half}{small}"
    if code in ("DE", "CE") and n != "X":
        n, code = n * (10 if code == "DE" else 100), "Y"
        n = int(n) if float(n).is_integer() else n
    if code.startswith("T"):
        return f"PT{n}{code[1:]}"
    return f"P{n}{code}"
