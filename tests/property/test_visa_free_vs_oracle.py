"""The visa-free engine against the brute-force oracle (tests/oracle.py) on random histories.

Every test draws a rule (a real one from ``data/`` or a custom one), a history of 0–12 stays in
2022–2028 (sometimes ending with an open stay) and a date, then compares the engine's answer with
the oracle's and checks the invariants that hold whatever the answer.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from calculator.core.errors import InputError
from calculator.core.records import StayRule
from calculator.core.stays import DayCounter, Stay
from calculator.rules.rulebook import RuleBook
from calculator.visa_free.next_entry import earliest_entry
from calculator.visa_free.plan import plan
from calculator.visa_free.status import status
from tests import oracle
from tests.property.stay_strategies import histories, query_dates, rules, to_stays

ONE_DAY = timedelta(days=1)

SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}


def counted_in_window(counter: DayCounter, rule: StayRule, day: date) -> int:
    return counter.count(day - timedelta(days=rule.window - 1), day)


@settings(max_examples=3500, **SETTINGS)
@given(data=st.data())
def test_status_matches_oracle(book: RuleBook, data: st.DataObject) -> None:
    rule = data.draw(rules(book), label="rule")
    history = data.draw(histories(rule), label="history")
    on = data.draw(query_dates(history, rule), label="on")

    got = status(to_stays(history), rule, on)
    want = oracle.status(history, rule, on)
    event("in the country" if want.in_country else "not in the country")
    event("over the rolling cap" if want.overstay_days else "within the rolling cap")
    if want.in_country:
        event("latest exit: none" if want.latest_exit is None else "latest exit: a date")

    assert got.window_start == want.window_start
    assert got.days_used == want.days_used
    assert got.days_left == want.days_left
    assert got.overstay_days == want.overstay_days
    assert got.in_country == want.in_country
    assert got.latest_exit == want.latest_exit

    # Invariants.
    assert 0 <= got.days_used <= rule.window
    assert got.days_left + got.days_used - got.overstay_days == rule.limit
    assert min(got.days_left, got.overstay_days) == 0
    if got.in_country:
        current = oracle.current_stay(history, on)
        assert current is not None
        day_number = (on - current[0]).days + 1
        assert got.entry_day_number == day_number
        within_per_entry = rule.per_entry is None or day_number <= rule.per_entry
        if got.overstay_days == 0 and within_per_entry:
            # Every day so far was legal, so the stay may last at least until today.
            assert got.latest_exit is not None
            assert got.latest_exit >= on
    else:
        assert got.latest_exit is None
        assert got.entry_day_number is None


@settings(max_examples=2500, **SETTINGS)
@given(data=st.data())
def test_plan_matches_oracle(book: RuleBook, data: st.DataObject) -> None:
    rule = data.draw(rules(book), label="rule")
    history = data.draw(histories(rule), label="history")
    enter = data.draw(query_dates(history, rule), label="enter")
    if data.draw(st.integers(0, 3), label="move off the stays") > 0:
        # Mostly plan a real entry: move a date inside a stay to the day after it ends.
        while (current := oracle.current_stay(history, enter)) is not None and current[1]:
            enter = current[1] + ONE_DAY
    stays = to_stays(history)

    try:
        want = oracle.plan(history, rule, enter)
    except oracle.InsideStay:
        event("plan: entry inside a stay")
        with pytest.raises(InputError) as raised:
            plan(stays, rule, enter)
        assert raised.value.field == "enter"
        return
    got = plan(stays, rule, enter)
    event(f"plan: binding {want.binding}")
    event("plan: entry refused" if want.max_stay_days == 0 else "plan: entry allowed")

    assert got.max_stay_days == want.max_stay_days
    assert got.latest_exit == want.latest_exit
    assert got.binding == want.binding

    # Invariants, checked with the engine's day counter over history + the planned stay.
    earlier = [s for s in stays if s.exit is not None and s.exit < enter]
    if rule.per_entry is not None:
        assert got.max_stay_days <= rule.per_entry
    assert got.max_stay_days <= rule.limit or rule.counting_from is not None
    if got.latest_exit is None:
        assert got.max_stay_days == 0
        last = enter - ONE_DAY
    else:
        assert got.latest_exit == enter + timedelta(days=got.max_stay_days - 1)
        last = got.latest_exit
        planned = DayCounter([*earlier, Stay(enter, last)], last, rule.counting_from)
        for offset in range(got.max_stay_days):
            day = enter + timedelta(days=offset)
            assert counted_in_window(planned, rule, day) <= rule.limit
    one_more = last + ONE_DAY
    longer = DayCounter([*earlier, Stay(enter, one_more)], one_more, rule.counting_from)
    over_rolling = counted_in_window(longer, rule, one_more) > rule.limit
    over_per_entry = rule.per_entry is not None and got.max_stay_days + 1 > rule.per_entry
    assert over_rolling or over_per_entry
    expected = {(True, True): "both", (True, False): "rolling", (False, True): "per_entry"}
    assert got.binding == expected[(over_rolling, over_per_entry)]


@settings(max_examples=1500, **SETTINGS)
@given(data=st.data())
def test_earliest_entry_matches_oracle(book: RuleBook, data: st.DataObject) -> None:
    rule = data.draw(rules(book), label="rule")
    still_there = data.draw(st.integers(0, 9), label="may end open") == 0
    history = data.draw(histories(rule, allow_open=still_there), label="history")
    search_from = data.draw(query_dates(history, rule), label="search_from")
    longest = rule.limit if rule.per_entry is None else min(rule.limit, rule.per_entry)
    days = data.draw(st.one_of(st.integers(1, longest), st.just(longest)), label="days")
    stays = to_stays(history)

    if history and history[-1][1] is None:
        event("next entry: still in the country")
        with pytest.raises(InputError):
            earliest_entry(stays, rule, search_from, days)
        return
    got = earliest_entry(stays, rule, search_from, days)
    want = oracle.earliest_entry(history, rule, search_from, days)
    assert got.earliest_entry == want

    # Invariants: the stay fits on that day, and not on the day before (inside the search).
    start = oracle.search_start(history, search_from)
    event("next entry: on the first day searched" if want == start else "next entry: later")
    assert got.earliest_entry >= start
    assert got.max_stay_days >= days
    assert plan(stays, rule, got.earliest_entry).max_stay_days >= days
    if got.earliest_entry > start:
        assert plan(stays, rule, got.earliest_entry - ONE_DAY).max_stay_days < days


@settings(max_examples=200, **SETTINGS)
@given(data=st.data())
def test_wanted_length_out_of_range_is_refused(book: RuleBook, data: st.DataObject) -> None:
    rule = data.draw(rules(book), label="rule")
    longest = rule.limit if rule.per_entry is None else min(rule.limit, rule.per_entry)
    days = data.draw(st.integers(-5, 0) | st.integers(longest + 1, longest + 50), label="days")
    with pytest.raises(InputError) as raised:
        earliest_entry([], rule, date(2025, 1, 1), days)
    assert raised.value.field == "days"
