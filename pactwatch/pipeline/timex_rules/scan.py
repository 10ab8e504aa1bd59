"""`find(text)`: every temporal expression in a text. Each rule's regex runs only in windows around
words of its trigger class (one pass over the text finds them all), and of those only in windows
holding the literal text every match of it holds (compiled.required_text); within a window it is
tried only where its start guard (compiled.start_guard) sees in the folded text the beginning of
a match. Where candidates overlap the longest wins, then the lower rank."""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left

from .candidate import TimexCandidate
from .clocks import dated_clocks
from .compiled import Grammar, folded, grammar

_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d")
_WINDOW = 64  # characters around a trigger word that a match can reach


def _triggers(g: Grammar, text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each trigger class's words are in `text`."""
    hits: dict[str, list[tuple[int, int]]] = {name: [] for name in (*g.trigger_words, "digit")}
    classes_of = g.classes_of
    digit = hits["digit"]
    for w in _WORD.finditer(text):
        word = w.group()
        # a word of letters only holds no digit (most words: no regex asked)
        if not word.isalpha() and _DIGITS.search(word):
            digit.append(w.span())
            continue
        names = classes_of.get(word.lower())
        if names:
            span = w.span()
            for name in names:
                hits[name].append(span)
    return hits


def _windows(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in spans:
        s, e = max(0, s - size), e + size
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def find(text: str, kb_dirs: tuple[str, ...] = ()) -> list[TimexCandidate]:
    """Every temporal expression in `text`, longest first where candidates overlap; `kb_dirs`: the
    user's knowledge folders, whose time_words.toml adds words."""
    g = grammar(kb_dirs)
    hits = _triggers(g, text)
    windows = {name: _windows(spans, _WINDOW) for name, spans in hits.items()}
    # a class's trigger words are word matches in text order, never overlapping: starts and ends
    # both ascend, so the last trigger starting in [ws, min(we, match end)) is the one that
    # reaches furthest right
    starts = {name: [s for s, _ in spans] for name, spans in hits.items()}
    ends = {name: [e for _, e in spans] for name, spans in hits.items()}
    text_len = len(text)
    lowered = folded(text)
    found = {}
    for order, (rule, rx) in enumerate(g.rules):
        name = rule.trigger
        if not windows[name]:
            continue
        need, ignore_case = g.needs.get(rule.name, ("", False))
        haystack = lowered if ignore_case else text
        if need and haystack is not None and need not in haystack:
            continue
        t_starts = starts[name]
        t_ends = ends[name]
        guard = g.starts.get(rule.name) if lowered is not None else None
        for ws, we in windows[name]:
            if need and haystack is not None and haystack.find(need, ws, we) < 0:
                continue    # every match holds `need`
            lo = bisect_left(t_starts, ws)
            end = min(we, text_len)
            for m in rx.finditer(text, ws, end) if guard is None else _guarded(rx, guard, text, lowered, ws, end):
                ms, me = m.span()
                if me <= ms or (ms, me) in found and found[(ms, me)][0] <= order:
                    continue
                # a match cut short by the window's end is found whole from another window
                hi = bisect_left(t_starts, min(we, me), lo)
                if hi <= lo or t_ends[hi - 1] <= ms:
                    continue
                candidate = rule.build(g, m, text)
                if candidate is not None:
                    found[m.span()] = (order, dataclasses.replace(candidate, kind=rule.name))
    return dated_clocks(_longest(found.values()), text)


def _guarded(rx: re.Pattern, guard: re.Pattern, text: str, lowered: str, start: int, end: int):
    """The matches `rx.finditer(text, start, end)` gives, with `rx` tried only where `guard` (its
    compiled.start_guard) finds in the folded text that a match can start."""
    pos = start
    for candidate in guard.finditer(lowered, start, end):
        at = candidate.start()
        if at >= pos:
            m = rx.match(text, at, end)
            if m is not None:
                yield m
                pos = m.end()   # never empty: an empty match has no guard


def _longest(found) -> list[TimexCandidate]:
    """Of overlapping candidates, the longest (then the lower rank, then the earlier); in text order."""
    ranked = sorted(found, key=lambda x: (-(x[1].end - x[1].start), x[0], x[1].start))
    taken: list[TimexCandidate] = []
    occupied: list[tuple[int, int]] = []
    for _, candidate in ranked:
        if any(candidate.start < e and s < candidate.end for s, e in occupied):
            continue
        occupied.append((candidate.start, candidate.end))
        taken.append(candidate)
    taken.sort(key=lambda c: c.start)
    return taken
