"""Time values as day ranges, qualified figures as value ranges, periods for blocking."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from pactwatch.reconcile.normalize import (Range, compatible_dates, format_amount, shift_period,
                                           timex_interval, value_range)


@pytest.mark.parametrize("value, first, last", [
    ("2025-08-25", date(2025, 8, 25), date(2025, 8, 25)),
    ("2025-08-25T10:00", date(2025, 8, 25), date(2025, 8, 25)),
    ("2025-02", date(2025, 2, 1), date(2025, 2, 28)),
    ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("2025-W35", date(2025, 8, 25), date(2025, 8, 31)),
    ("2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
    ("2025-WI", date(2025, 12, 1), date(2026, 2, 28)),
    ("199X", date(1990, 1, 1), date(1999, 12, 31)),
])
def test_normalize_timex_values_cover_their_days(value, first, last):
    assert timex_interval(value) == (first, last)


@pytest.mark.parametrize("value", [None, "", "PAST_REF", "P4M", "2025-02-30", "XXXX-08"])
def test_normalize_vague_or_impossible_times_have_no_days(value):
    assert timex_interval(value) is None


@pytest.mark.parametrize("a, b, ok", [("2025-08", "2025-08-25", True), ("2025-08-24", "2025-08-25", False),
                                      (None, "2025-08-25", True), ("2025", "2024-12", False)])
def test_normalize_compatible_dates_are_contained_in_one_another(a, b, ok):
    assert compatible_dates(a, b) is ok


@pytest.mark.parametrize("qualifier, value, inside, outside", [
    (None, 100, [100, 100.4], [101, 99]),
    ("about", 100, [90, 110], [89, 111]),
    ("more than", 100, [100.01, 10 ** 9], [100]),
    ("at least", 100, [100], [99.9]),
    ("fewer than", 100, [0, 99.9], [100]),
    ("nearly", 100, [91, 99.9], [100, 89]),
    ("up to", 100, [0, 100], [100.1]),
])
def test_normalize_qualified_figures_allow_their_ranges(qualifier, value, inside, outside):
    allowed = value_range(value, qualifier)

    def contains(v: float) -> bool:
        return allowed.meets(Range(v, v))

    assert all(contains(v) for v in inside)
    assert not any(contains(v) for v in outside)


@pytest.mark.parametrize("period, step, expected", [("2025-12", 1, "2026-01"), ("2025-01", -1, "2024-12"),
                                                    ("2025", 1, "2026"), ("undated", 1, None)])
def test_normalize_shift_period_steps_months_or_years(period, step, expected):
    assert shift_period(period, step) == expected


@pytest.mark.parametrize("args, text", [((350e9, "USD"), "$350 billion"), ((15, "percent"), "15%"),
                                        ((300, "persons", "more than"), "more than 300 persons"),
                                        ((1.4e12, "KRW"), "1.4 trillion KRW")])
def test_normalize_format_amount_reads_as_news_does(args, text):
    assert format_amount(*args) == text


def _intersect_by_max_and_min(a, b):
    # the reference: each end as max()/min() pick it
    def tighter(x, x_open, y, y_open, pick):
        if x == y:
            return x, x_open or y_open
        return (x, x_open) if pick(x, y) == x else (y, y_open)
    low, low_open = tighter(a[0], a[2], b[0], b[2], max)
    high, high_open = tighter(a[1], a[3], b[1], b[3], min)
    return (low, high, low_open, high_open)


_ends = st.sampled_from([0.0, 1.0, 15.0, 15.0 * 1.1, float("inf"), float("-inf"), float("nan")]) | st.floats()


@given(st.tuples(_ends, _ends, st.booleans(), st.booleans()), st.tuples(_ends, _ends, st.booleans(), st.booleans()))
def test_range_intersect_picks_the_ends_max_and_min_would(a, b):
    got = Range(*a).intersect(Range(*b))
    want = _intersect_by_max_and_min(a, b)
    assert type(got) is Range
    assert repr(tuple(got)) == repr(want)   # repr: NaN ends compare equal only as text
    assert Range(*a).meets(Range(*b)) == (want[0] < want[1] or (want[0] == want[1] and not want[2] and not want[3]))
