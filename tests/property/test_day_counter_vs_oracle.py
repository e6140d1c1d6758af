"""``DayCounter.count`` against counting a set of days one by one."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator.core.stays import DayCounter
from tests import oracle
from tests.property.stay_strategies import FIRST, LAST, dates, histories, to_stays


@settings(
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    history=histories(),
    open_until=dates(FIRST - timedelta(days=30), LAST + timedelta(days=30)),
    counting_from=st.none() | dates(),
    intervals=st.lists(
        st.tuples(dates(FIRST - timedelta(days=400), LAST), st.integers(-3, 800)),
        min_size=1,
        max_size=6,
    ),
)
def test_count_matches_a_set_of_days(history, open_until, counting_from, intervals) -> None:
    counter = DayCounter(to_stays(history), open_until, counting_from)
    for first, length in intervals:
        last = first + timedelta(days=length)
        want = oracle.count_days(history, first, last, open_until, counting_from)
        assert counter.count(first, last) == want
