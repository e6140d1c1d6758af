"""``add_working_days`` against walking the calendar one day at a time."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.rules.rulebook import RuleBook
from tests import oracle

FIRST = date(2023, 1, 1)
LAST = date(2028, 12, 31)
starts = st.integers(0, (LAST - FIRST).days).map(lambda n: FIRST + timedelta(days=n))
counts = st.one_of(st.integers(0, 5), st.integers(0, 30), st.integers(0, 400))


@settings(max_examples=1000, deadline=None)
@given(start=starts, n=counts)
def test_add_working_days_matches_a_walk(book: RuleBook, start: date, n: int) -> None:
    calendar = book.calendar
    got = calendar.add_working_days(start, n)
    assert got == oracle.add_working_days(calendar.is_working_day, start, n)
    if n == 0:
        assert got == start
    else:
        assert got > start
        assert calendar.is_working_day(got)
        walked = sum(
            calendar.is_working_day(start + timedelta(days=i))
            for i in range(1, (got - start).days + 1)
        )
        assert walked == n


@settings(max_examples=500, deadline=None)
@given(start=starts, a=counts, b=counts)
def test_adding_in_two_steps_is_adding_once(book: RuleBook, start: date, a: int, b: int) -> None:
    calendar = book.calendar
    assert calendar.add_working_days(calendar.add_working_days(start, a), b) == (
        calendar.add_working_days(start, a + b)
    )
