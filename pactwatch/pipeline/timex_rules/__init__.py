"""Temporal expressions in English text: where they are and their TIMEX3 values. No spaCy here:
`find(text)` gives TimexCandidates; the ones that lack a year or are relative carry `rel`, and
`resolve(candidate, anchor, direction)` finishes them once the component (pipeline/time.py) knows
the anchor date and the tense of the clause.

    words.py        the vocabulary, read from knowledge/data/time_words.toml
    compiled.py     regex fragments built from it, trigger-word classes, every rule compiled once
    rules.py        the Rule registry (`@rule`: name, rank, trigger class, regex, builder)
    dates.py        rules for calendar dates: full dates, month and day, months, years, holidays
    periods.py      quarters, halves, seasons, the (fiscal) year
    relative.py     today, Friday, last week, three years ago, that day, soon
    durations.py    four months, for years, for a while
    recurrences.py  every Thursday, annually, a year (SET)
    clocks.py       clock times, and a clock time joined to its day
    scan.py         `find`: the rules run near their trigger words; overlaps resolved
    resolve.py      values from the anchor, one entry per relative kind

To add a pattern: one `@rule` beside its builder in the module of its kind; if it leaves a value
to the anchor, a new relative kind is one `@relative` entry in resolve.py.
"""
from .candidate import TimexCandidate
from .compiled import grammar
from .resolve import pick_year, resolve, resolve_anaphor
from .scan import find
from .words import WORDS_FILE, words

__all__ = ["TimexCandidate", "WORDS_FILE", "find", "grammar", "pick_year", "resolve", "resolve_anaphor", "words"]
