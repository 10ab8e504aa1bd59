"""The grammar the rules share (`Grammar`, built once by `grammar()`): the vocabulary of
time_words.toml, the regex fragments built from it (month and weekday names, numbers, units...),
the trigger-word classes, and every rule's regex, compiled once, with what `find` reads from a
regex to run it less: the literal text every match holds and where a match can start."""
from __future__ import annotations

import functools
import re
import string
from re import _constants as _c, _parser

from . import clocks, dates, durations, periods, recurrences, relative  # noqa: F401  (they register the rules)
from .rules import RULES, Rule, alternation
from .words import words


class Grammar:
    """The vocabulary, the regex fragments (upper-case attributes) and the compiled rules."""

    def __init__(self, kb_dirs: tuple[str, ...] = ()):
        w = words(kb_dirs)
        self.months = w["months"]
        self.weekdays = w["weekdays"]
        self.seasons = w["seasons"]
        self.parts = w["day_parts"]
        self.numbers = w["numbers"]
        self.ordinals = w["ordinals"]
        self.units = w["units"]
        self.vague = w["vague"]
        self.sets = w["sets"]
        self.holidays = w.get("holidays", {})
        self._fragments()
        self.trigger_words = self._trigger_words()
        # each trigger word -> the classes it belongs to, for one dictionary look-up per word
        self.classes_of: dict[str, tuple[str, ...]] = {}
        for name, members in self.trigger_words.items():
            for member in members:
                self.classes_of[member] = self.classes_of.get(member, ()) + (name,)
        self.rules: list[tuple[Rule, re.Pattern]] = []
        # rule name -> (text every match holds, whether it is to be found in the lowercased text)
        self.needs: dict[str, tuple[str, bool]] = {}
        # rule name -> where in the folded text a match of it can start (start_guard)
        self.starts: dict[str, re.Pattern] = {}
        for r in sorted(RULES.values(), key=lambda r: r.rank):
            if r.trigger != "digit" and r.trigger not in self.trigger_words:
                raise ValueError(f"time rule {r.name!r}: no trigger class {r.trigger!r}")
            rx = re.compile(r.pattern(self), r.flags)
            self.rules.append((r, rx))
            need = required_text(rx)
            if need is not None:
                self.needs[r.name] = need
            starts = start_guard(rx)
            if starts is not None:
                self.starts[r.name] = starts

    def _fragments(self):
        self.MON = alternation(self.months, capital=True)
        # "May" is also a modal verb: on its own it needs a date word beside it
        self.MON_SAFE = alternation([m for m in self.months if m != "may"], capital=True)
        self.WD = alternation(self.weekdays, capital=True)
        self.SEASON = alternation(self.seasons)
        self.PART = alternation(self.parts)
        numbers = self.numbers
        self.TENS = alternation(k for k, v in numbers.items() if isinstance(v, int) and 20 <= v <= 90 and " " not in k)
        self.ONES = alternation(k for k, v in numbers.items() if isinstance(v, int) and 1 <= v <= 9 and k not in ("a", "an"))
        self.TEENS = alternation(k for k, v in numbers.items() if isinstance(v, int) and 10 <= v <= 19)
        self.NUM = rf"(?:{self.TENS}(?:[\s-]+{self.ONES})?|{alternation(numbers)}|\d+\s+1/2|\d+(?:\.\d+)?)"
        self.APPROX = r"(?:about|nearly|almost|roughly|around|some|more\s+than|less\s+than|just|only|over|at\s+least)"
        self.UNIT = alternation(self.units)
        self.ORD = alternation(self.ordinals)
        self.YEAR = r"(?:1[5-9]\d\d|20\d\d)"
        self.DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        self.EDGE = r"(?:(?:the\s+)?(?:end|beginning|start|middle|close)\s+of\s+|early[\s-]+|late[\s-]+|mid[\s-]*)"
        # holiday names are capitalised: "Christmas", "Thanksgiving Day"
        self.HOLIDAY = "(?-i:" + "|".join(re.escape(h.title().replace("'S", "'s")).replace(r"\ ", r"\s+")
                                          for h in sorted(self.holidays, key=len, reverse=True)) + ")"
        self.NOT_NUM = r"(?![\d,]*\d)(?!\s*(?:%|percent))"
        self.TZ = r"(?:(?-i:[ECMP][SD]?T|GMT|UTC|KST|JST|BST|CET)|local\s+time)"

    def _trigger_words(self) -> dict[str, set[str]]:
        """Trigger-word classes: every match of a rule contains a word of its class, so the rules
        run only near such words, found in one pass over the text (regex alternations are slow)."""
        def last_word(phrase):
            return re.findall(r"\w+", phrase.lower())[-1]
        units = set(self.units) | {u + "s" for u in self.units} | {"centuries"}
        weekdays = {k.rstrip(".") for k in self.weekdays}
        return {
            "month": {k.rstrip(".") for k in self.months},
            "unit": units | {"period"},
            "half": {"half"},
            "spoken_year": {"eighteen", "nineteen", "thousand"},
            "year": {"year"},
            "ago": {"ago", "earlier", "before", "previously"},
            "decade_word": {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"},
            "every_named": {"every", "each", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays",
                            "saturdays", "sundays"},
            "while": {"while", "time"},
            "period": {"quarter", "period"},
            "season": set(self.seasons),
            "holiday": {last_word(h) for h in self.holidays},
            "deictic": {"today", "yesterday", "tomorrow", "tonight"},
            "day_part": set(self.parts),
            "unit_or_part": set(self.units) | set(self.parts) | weekdays,
            "weekday": weekdays,
            "set": {last_word(k) for k in self.sets},
            "vague": {last_word(k) for k in self.vague},
            "noon": {"noon", "midnight", "midday"},
        }

    def number(self, s: str) -> int | float | str:
        s = re.sub(r"\s+", " ", s.lower())
        half = re.fullmatch(r"(\d+)\s+1/2", s)
        if half:
            return int(half.group(1)) + 0.5
        if re.fullmatch(r"\d+(?:\.\d+)?", s):
            return float(s) if "." in s else int(s)
        if s in self.numbers:
            return self.numbers[s]
        parts = re.split(r"[\s-]+", s)
        return sum(self.numbers[p] for p in parts if isinstance(self.numbers.get(p), int)) or "X"

    def month(self, s: str) -> int:
        return self.months[s.lower()]


# the ASCII characters a literal run may hold: matched ignoring case, each of them matches exactly
# the characters `folded` turns into it (tests/pipeline/test_timex_rules.py checks it for this Python)
FOLDS = frozenset(string.ascii_lowercase + string.digits + string.punctuation + " ")
# re.IGNORECASE also matches "ı" to "i" and "ſ" to "s", which str.lower() leaves
_ALSO_FOLDED = str.maketrans({"ı": "i", "ſ": "s"})


def folded(text: str) -> str | None:
    """`text` lowercased as re.IGNORECASE compares characters, position for position; None
    where lowercasing changes its length ("İ" becomes two characters)."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    return lower.translate(_ALSO_FOLDED) if "ı" in lower or "ſ" in lower else lower


def required_text(rx: re.Pattern) -> tuple[str, bool] | None:
    """The longest run of literal characters every match of `rx` holds, and whether it is matched
    ignoring case (then it is lowercase, to be looked for in `folded(text)`): where a text lacks
    it the regex can't match, so `find` runs the regex only where it is. None if there is none."""
    runs: list[tuple[str, bool]] = []

    def walk(items, flags: int) -> None:
        run: list[str] = []
        ignore_case = bool(flags & re.IGNORECASE)

        def close():
            if run:
                runs.append(("".join(run), ignore_case))
                run.clear()
        for op, av in items:
            if op is _c.LITERAL:
                char = chr(av)
                if not ignore_case:
                    run.append(char)
                    continue
                if char.lower() in FOLDS:
                    run.append(char.lower())
                    continue
            close()
            # what a match must pass through: groups, and repeats of at least one
            if op is _c.SUBPATTERN:
                _, add_flags, del_flags, body = av
                walk(body.data, (flags | add_flags) & ~del_flags)
            elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
                walk(av[2].data, flags)
            elif op is _c.ATOMIC_GROUP:
                walk(av.data, flags)
        close()

    parsed = _parser.parse(rx.pattern, rx.flags)
    walk(parsed.data, parsed.state.flags)
    return max(runs, key=lambda r: len(r[0]), default=None)


# how many characters of a match's beginning start_guard looks at
GUARD_CHARS = 5
_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s"}   # each holds only caseless characters
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


class _AnyChar(Exception):
    """A character of the pattern the guard can't tell from folded text: the prefix ends before it."""


def start_guard(rx: re.Pattern) -> re.Pattern | None:
    """A case-sensitive regex over `folded(text)` whose matches (one character each) are every place
    a match of `rx` can start, and few others: the first GUARD_CHARS characters of every match, as
    a trie (by FOLDS, each character matched ignoring case is its folded self there). `find` tries
    `rx` only at those places, instead of at every place of a window (most of its time went to
    starting the rules' optional words at every word). None if a match can start anywhere (it can
    be empty, or its first character is one the guard can't see)."""
    prefixes = _prefixes(_parser.parse(rx.pattern, rx.flags).data, rx.flags, {((), False)})
    if any(not prefix for prefix, _ in prefixes):
        return None
    trie: dict = {}
    for prefix, _ in prefixes:
        node = trie
        for atom in prefix:
            if node.get(None):
                break   # a shorter prefix already lets it through
            node = node.setdefault(atom, {})
        node.clear()
        node[None] = True

    def written(node: dict) -> str:
        if node.get(None):
            return ""
        branches = [_char_class(atom) + written(child) for atom, child in node.items()]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # only the first character is consumed, so that finditer finds starts one character apart
    first = [_char_class(atom) + (f"(?={written(child)})" if not child.get(None) else "")
             for atom, child in trie.items()]
    return re.compile("|".join(first))


def _prefixes(items, flags: int, state: set) -> set:
    """`state` (prefixes as tuples of atoms, each with whether it is complete) extended by the
    pattern items `items` matched under `flags`."""
    for op, av in items:
        if not any(not done for _, done in state):
            break
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue   # takes no character (a lookahead is passed over: the guard only lets more through)
        if op in (_c.LITERAL, _c.IN):
            try:
                atom = _atom(op, av, flags)
            except _AnyChar:
                state = {(prefix, True) for prefix, _ in state}
                continue
            state = {(prefix, True) if done else (prefix + (atom,), len(prefix) + 1 >= GUARD_CHARS)
                     for prefix, done in state}
        elif op is _c.SUBPATTERN:
            _, add_flags, del_flags, body = av
            state = _prefixes(body.data, (flags | add_flags) & ~del_flags, state)
        elif op is _c.ATOMIC_GROUP:
            state = _prefixes(av.data, flags, state)
        elif op is _c.BRANCH:
            state = set().union(*(_prefixes(branch.data, flags, state) for branch in av[1]))
        elif op in _REPEATS:
            low, high, body = av
            for _ in range(low):
                extended = _prefixes(body.data, flags, state)
                if extended == state:
                    break   # the prefixes are complete, or the body can match empty
                state = extended
            more = state    # after one more repetition each round
            for _ in range(high - low):
                more = _prefixes(body.data, flags, more)
                if more <= state:
                    break   # no repetition after this adds a prefix either
                state = state | more
        else:
            state = {(prefix, True) for prefix, _ in state}
    return state


def _atom(op, av, flags: int) -> frozenset:
    """The characters of folded text one pattern character (a literal or a class) can be there."""
    if op is _c.LITERAL:
        return frozenset((_folded_char(av, flags),))
    members = set()
    for kind, value in av:
        if kind is _c.LITERAL:
            members.add(_folded_char(value, flags))
        elif kind is _c.RANGE and value[1] - value[0] < 128:
            members.update(_folded_char(code, flags) for code in range(value[0], value[1] + 1))
        elif kind is _c.CATEGORY and value in _CATEGORIES:
            members.add(_CATEGORIES[value])
        else:
            raise _AnyChar
    return frozenset(members)


def _folded_char(code: int, flags: int) -> str:
    # matched ignoring case, a character of FOLDS is exactly the characters folded into it; matched
    # as is, an ASCII character is its lowercase in folded text
    char = chr(code).lower()
    if char in FOLDS and (flags & re.IGNORECASE or code < 128):
        return char
    raise _AnyChar


def _char_class(atom: frozenset) -> str:
    members = sorted(m if len(m) > 1 else re.escape(m) for m in atom)
    return members[0] if len(members) == 1 else "[" + "".join(members) + "]"


@functools.lru_cache(maxsize=4)
def grammar(kb_dirs: tuple[str, ...] = ()) -> Grammar:
    return Grammar(kb_dirs)
