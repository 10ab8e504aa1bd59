"""The time rules on their own (pipeline/timex_rules): phrase + anchor -> TIMEX3 type and value,
without spaCy. The component's parse-based choices (tense, ages, rates) are in test_time.py."""
from __future__ import annotations

import datetime as dt

import pytest

from pactwatch.pipeline import timex_rules
from pactwatch.pipeline.timex_rules import compiled
from pactwatch.pipeline.timex_rules import rules as rules_module

THURSDAY = dt.date(2025, 8, 21)  # the anchor of the tables below


def values(text: str, anchor: dt.date | None = THURSDAY, direction: str | None = None) -> list[tuple]:
    return [(text[c.start:c.end], c.type, timex_rules.resolve(c, anchor, direction)) for c in timex_rules.find(text)]


@pytest.mark.parametrize("text, direction, expected", [
    # calendar dates the words give whole
    ("The accord was signed on 2025-03-04.", None, [("2025-03-04", "DATE", "2025-03-04")]),
    ("Filed 8/21/2024 in court.", None, [("8/21/2024", "DATE", "2024-08-21")]),
    ("Signed on Wednesday, August 20, 2025, in Seoul.", None, [("Wednesday, August 20, 2025", "DATE", "2025-08-20")]),
    ("They met on 3 March 2024.", None, [("3 March 2024", "DATE", "2024-03-03")]),
    ("By early December 2024 it was done.", None, [("early December 2024", "DATE", "2024-12")]),
    ("The 1990s were calm.", None, [("The 1990s", "DATE", "199")]),
    ("a plan for the 20th century", None, [("the 20th century", "DATE", "19")]),
    ("the budget for 2019-22", None, [("2019-22", "DATE", "2019/2022")]),
    ("nineteen ninety-six", None, [("nineteen ninety-six", "DATE", "1996")]),
    ("summer 2021", None, [("summer 2021", "DATE", "2021-SU")]),
    ("the first half of 2023", None, [("the first half of 2023", "DATE", "2023-H1")]),
    ("Q2 2023", None, [("Q2 2023", "DATE", "2023-Q2")]),
    # a yearless date takes its year from the tense, else the nearest
    ("Talks began March 3.", "past", [("March 3", "DATE", "2025-03-03")]),
    ("Talks begin March 3.", "future", [("March 3", "DATE", "2026-03-03")]),
    ("It ends in July next year.", None, [("July next year", "DATE", "2026-07")]),
    ("Prices rose last October.", None, [("last October", "DATE", "2024-10")]),
    ("Talks stalled in May.", "past", [("May", "DATE", "2025-05")]),
    ("last winter", None, [("last winter", "DATE", "2024-WI")]),
    ("last Christmas", None, [("last Christmas", "DATE", "2024-12-25")]),
    ("Thanksgiving", None, [("Thanksgiving", "DATE", "2025-11-27")]),
    ("third-quarter results", "past", [("third-quarter", "DATE", "2025-Q3")]),
    ("next year's first half", None, [("next year's first half", "DATE", "2026-H1")]),
    ("the same period last year", None, [("the same period last year", "DATE", "2024-Q2")]),
    # counted from the anchor
    ("today", None, [("today", "DATE", "2025-08-21")]),
    ("tonight", None, [("tonight", "TIME", "2025-08-21TNI")]),
    ("tomorrow morning", None, [("tomorrow morning", "TIME", "2025-08-22TMO")]),
    ("last Friday", None, [("last Friday", "DATE", "2025-08-15")]),
    ("this Monday", None, [("this Monday", "DATE", "2025-08-18")]),
    ("on Friday", "future", [("Friday", "DATE", "2025-08-22")]),
    ("three years ago", None, [("three years ago", "DATE", "2022")]),
    ("this week", None, [("this week", "DATE", "2025-W34")]),
    ("next month", None, [("next month", "DATE", "2025-09")]),
    ("the past year", None, [("the past year", "DATE", "2024")]),
    ("over the weekend", None, [("the weekend", "DATE", "2025-W33-WE")]),
    ("by year-end", None, [("year-end", "DATE", "2025")]),
    ("soon", None, [("soon", "DATE", "FUTURE_REF")]),
    # lengths of time
    ("the past month", None, [("the past month", "DURATION", "P1M")]),
    ("an hour and a half", None, [("an hour and a half", "DURATION", "PT1H30M")]),
    ("2 1/2 years", None, [("2 1/2 years", "DURATION", "P2Y6M")]),
    ("two to three weeks", None, [("two to three weeks", "DURATION", "PXW")]),
    ("two decades", None, [("two decades", "DURATION", "P20Y")]),
    ("They waited for years.", None, [("years", "DURATION", "PXY")]),
    ("for a while", None, [("a while", "DURATION", "PXX")]),
    ("the fiscal year ended June 30", None, [("the fiscal year", "DURATION", "P1Y"), ("June 30", "DATE", "2025-06-30")]),
    # recurrences
    ("every Thursday", None, [("every Thursday", "SET", "XXXX-WXX-4")]),
    ("each July", None, [("each July", "SET", "XXXX-07")]),
    ("Markets close on Mondays.", None, [("Mondays", "SET", "XXXX-WXX-1")]),
    ("They meet annually.", None, [("annually", "SET", "P1Y")]),
    ("every three years", None, [("every three years", "SET", "P3Y")]),
    # clock times, alone and with their day
    ("at 10:30 a.m.", None, [("10:30 a.m.", "TIME", "2025-08-21T10:30")]),
    ("14:30 GMT", None, [("14:30 GMT", "TIME", "2025-08-21T14:30")]),
    ("as the clock struck midnight", "past", [("midnight", "TIME", "2025-08-21T00:00")]),
    ("Polls closed at 5 p.m. EST Nov. 9.", "past", [("5 p.m. EST Nov. 9", "TIME", "2024-11-09T17:00")]),
    ("Friday at 9 a.m.", None, [("Friday at 9 a.m.", "TIME", "2025-08-15T09:00")]),
])
def test_timex_rules_phrase_and_anchor_give_type_and_value(text, direction, expected):
    assert values(text, direction=direction) == expected


@pytest.mark.parametrize("text", [
    "He may resign.",                       # the modal verb
    "the first half of the game",            # a half of something else
    "the fall of the regime",                # "fall" the noun
    "She paid $2025 in cash.",               # an amount, not a year
    "as soon as they arrive",                # joins two clauses
])
def test_timex_rules_words_that_name_no_time(text):
    assert values(text) == []


def test_timex_rules_a_day_the_month_lacks_leaves_only_the_year():
    assert values("February 30, 2023") == [("2023", "DATE", "2023")]


@pytest.mark.parametrize("text, expected", [
    ("Talks begin March 3.", "XXXX-03-03"),
    ("last Friday", "XXXX-WXX-5"),
    ("yesterday", "PAST_REF"),
    ("next month", "FUTURE_REF"),
    ("Thanksgiving", "XXXX-11"),
    ("the same period last year", "XXXX-QX"),
    ("at noon", "XXXX-XX-XXT12:00"),
    ("the third quarter", "XXXX-Q3"),
])
def test_timex_rules_without_an_anchor_the_unknown_parts_are_x(text, expected):
    [(_, _, value)] = values(text, anchor=None)
    assert value == expected


def test_timex_rules_longest_candidate_wins_an_overlap():
    found = timex_rules.find("It opened on March 3, 2025 in Seoul.")
    assert [(c.kind, c.value) for c in found] == [("full", "2025-03-03")]


@pytest.mark.parametrize("phrase, ref, expected", [
    ("the following day", "2024-05-17", "2024-05-18"),   # counted from the date the text named
    ("the following year", "2019", "2020"),
    ("that day", "2024-05", "2024-05-XX"),               # a month named: the day stays unknown
    ("the following day", "2024-05", "XXXX-XX-XX"),      # ...and a day after an unknown day is unknown
    ("the following day", None, "2025-08-22"),           # none named: from the anchor
])
def test_timex_rules_anaphors_count_from_the_last_date_named(phrase, ref, expected):
    [c] = timex_rules.find(phrase)
    assert timex_rules.resolve_anaphor(c, ref, THURSDAY) == expected


def test_timex_rules_every_rule_has_its_own_rank_and_a_known_trigger_class():
    g = timex_rules.grammar()
    ranks = [rule.rank for rule, _ in g.rules]
    assert ranks == sorted(set(ranks))
    assert all(rule.trigger == "digit" or rule.trigger in g.trigger_words for rule, _ in g.rules)


def test_timex_rules_a_rule_with_an_unknown_trigger_class_is_refused(monkeypatch):
    broken = rules_module.Rule("broken", 99999, "no_such_class", lambda g: r"x", 0, lambda g, m, text: None)
    monkeypatch.setitem(rules_module.RULES, "broken", broken)
    with pytest.raises(ValueError, match="no_such_class"):
        compiled.Grammar()


def test_timex_rules_a_name_registered_twice_is_refused():
    with pytest.raises(ValueError, match="'iso'"):
        rules_module.rule("iso", 1_000_001, "digit", lambda g: r"x")(lambda g, m, text: None)


def test_timex_rules_an_alternation_written_as_a_trie_matches_as_the_flat_one():
    import re
    words = timex_rules.words()
    keys = [*words["numbers"], *words["units"], *words["ordinals"], "more than", "a", "an", "seven", "seventy"]
    flat = "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True)) + ")"
    trie = rules_module.alternation(keys)
    assert trie != flat
    # what follows the alternation makes it backtrack: the same key must be taken in both
    for tail in ("", r"\b", r"\s+years?\b", r"[\s-]+\w+"):
        a, b = re.compile(flat + tail, re.I), re.compile(trie + tail, re.I)
        for text in [*keys, "Seventy-Seven years", "an hour", "more  than a year", "twenty one", "secondly"]:
            for start in range(len(text)):
                m, n = a.match(text, start), b.match(text, start)
                assert (m and m.span()) == (n and n.span()), (tail, text, start)


def test_timex_rules_folded_text_compares_characters_as_re_ignorecase_does():
    # `find` looks for a rule's required text (matched ignoring case) in compiled.folded(text):
    # each character of FOLDS must match, under re.I, exactly the characters folded into it
    import re
    import sys
    chars = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    into: dict[str, set[str]] = {}
    kept_length = []
    for x in chars:
        f = compiled.folded(x)
        if f is not None:
            kept_length.append(x)
            if f in compiled.FOLDS:
                into.setdefault(f, set()).add(x)
    kept_length = "".join(kept_length)
    for c in compiled.FOLDS:
        assert set(re.findall("(?i)" + re.escape(c), kept_length)) == into.get(c, set()), c
    assert compiled.folded("İstanbul") is None and compiled.folded("Meſs") == "mess"


def test_timex_rules_a_rule_runs_only_where_its_required_text_is():
    g = compiled.grammar()
    assert g.needs["century"] == ("century", True)
    assert g.needs["decade"] == ("0s", True)
    assert g.needs["month_may"] == ("May", False)
    assert "duration" not in g.needs       # every word of it is optional or one of a list
    assert [c.value for c in timex_rules.find("In the 1990S and the 20th CENTURY")] == ["199", "19"]


def test_timex_rules_a_rule_is_tried_only_where_its_start_guard_lets_it_and_finds_the_same():
    # the guard reads folded text: a digit or a white space character (\d, \s in a guard) is its
    # own lowercase
    import re
    import sys
    chars = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    assert all(c.lower() == c for c in re.findall(r"[\d\s]", chars))
    from pactwatch.pipeline.timex_rules import scan
    g = compiled.grammar()
    assert g.starts["the_year"].match("the fiscal year") and not g.starts["the_year"].match("then")
    assert "decade_short" not in g.starts       # its first character may be "’", which the guard can't see
    texts = ["Last MONDAY, 10:30 a.m. EDT, the second-quarter loss of twenty-one years ago; early-2024 "
             "and the year before, FY2025, Q3 2024, 3/4/2021, the 1990S; \u212aſı ٣ years\u00a0ago, "
             "in May 2024 and may be in may, the following day, over the past 2 1/2 months.",
             "SEPTEMBER 1st, 2025 — a week or so earlier; per year, every 3 weeks, this past Sunday night"]
    for rule, rx in g.rules:
        guard = g.starts.get(rule.name)
        if guard is None:
            continue
        for text in texts:
            lowered = compiled.folded(text)
            starts = {c.start() for c in guard.finditer(lowered)}
            assert all(rx.match(text, at) is None for at in range(len(text)) if at not in starts), rule.name
            assert [m.span() for m in scan._guarded(rx, guard, text, lowered, 0, len(text))] \
                == [m.span() for m in rx.finditer(text)], rule.name
