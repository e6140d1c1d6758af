"""``days_return`` (when used days leave the window) against the brute-force oracle.

The oracle walks the days after the date asked and watches the days used fall; the engine maps
each counted day ``d`` to ``d + window``. Both must agree, every used day must come back exactly
once, and exactly ``window`` days after it was spent.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator.rules.rulebook import RuleBook
from calculator.visa_free.status import status
from tests import oracle
from tests.property.stay_strategies import histories, query_dates, rules, to_stays


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_days_return_matches_oracle(book: RuleBook, data: st.DataObject) -> None:
    rule = data.draw(rules(book), label="rule")
    history = data.draw(histories(rule, max_stays=8), label="history")
    on = data.draw(query_dates(history, rule), label="on")

    got = status(to_stays(history), rule, on)
    returns = {item.date: item.days for item in got.days_return}

    assert returns == oracle.days_return(history, rule, on)
    assert sum(returns.values()) == got.days_used
    assert [item.date for item in got.days_return] == sorted(returns)
    # each counted day of the window comes back exactly `window` days after it was spent
    spent = {part.entry + timedelta(days=i) for part in got.window for i in range(part.days)}
    assert set(returns) == {day + timedelta(days=rule.window) for day in spent}
    assert all(on < day <= on + timedelta(days=rule.window) for day in returns)
    # the runs hold the same dates, each one day, consecutive inside a run
    from_runs = [
        run.first + timedelta(days=i)
        for run in got.days_return_runs
        for i in range((run.last - run.first).days + 1)
    ]
    assert from_runs == sorted(returns)
    assert sum(run.days for run in got.days_return_runs) == got.days_used
