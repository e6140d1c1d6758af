"""When may I return: the earliest entry from a day on that allows a stay of a given length.

Takes the validated stays (the last one must have an exit), the rule, the first day to consider
and the days wanted; conventions are those of :mod:`calculator.core.rolling`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from calculator.core.bounds import LAST_DAY
from calculator.core.dates import LAST_YEAR, human
from calculator.core.errors import InputError
from calculator.core.i18n import _, ngettext
from calculator.core.records import StayRule
from calculator.core.results import Explanation, ResultMixin
from calculator.core.rolling import (
    DayBack,
    Reach,
    check_days,
    days_back,
    explain,
    reach,
    reach_steps,
    window_start,
    window_stays,
)
from calculator.core.stays import StayIndex, Stays


@dataclass(frozen=True)
class NextEntry(ResultMixin):
    """The earliest entry on or after ``search_from`` that allows a stay of ``days`` days."""

    search_from: date
    days: int
    earliest_entry: date
    latest_exit: date
    max_stay_days: int
    days_back: list[DayBack]
    explanation: Explanation


def _first_fit(index: StayIndex, rule: StayRule, start: date, days: int) -> tuple[date, Reach]:
    """The first day from ``start`` (after every recorded exit) allowing ``days`` days.

    From ``start + window - 1`` on, no recorded day is inside any window of the new stay, so it
    reaches ``min(limit, per_entry) >= days`` (see :func:`check_days`): the answer lies in that
    range. Every recorded day is before ``start``, so moving the entry a day later only lets
    recorded days leave the windows: the reach never shrinks, and the first fit is found by
    bisection. A counting start after ``start`` breaks that (later entries count more of their
    own days), so then the search goes day by day, still within the range.
    """
    low, high = start, start + timedelta(days=rule.window - 1)
    if rule.counting_from is not None and rule.counting_from > start:
        candidate = low
        while reach(index, rule, candidate).days < days and candidate < high:
            candidate += timedelta(days=1)
        return candidate, reach(index, rule, candidate)
    while low < high:
        middle = low + (high - low) // 2
        if reach(index, rule, middle).days >= days:
            high = middle
        else:
            low = middle + timedelta(days=1)
    return low, reach(index, rule, low)


def earliest_entry(stays: Stays, rule: StayRule, search_from: date, days: int) -> NextEntry:
    """Search day by day from ``search_from`` (or the day after the last exit, if later)."""
    check_days(rule, days)
    index = StayIndex.of(stays, rule.counting_from)
    last_stay = index.stays[-1] if index.stays else None
    if last_stay is not None and last_stay.exit is None:
        raise InputError(
            f"stays[{len(index.stays) - 1}].exit",
            _("you are still in the country; give the planned exit date to find the next entry"),
        )
    start = search_from
    steps = []
    if last_stay is not None and last_stay.exit is not None and last_stay.exit >= search_from:
        start = last_stay.exit + timedelta(days=1)
        steps.append(
            _("The last recorded stay ends {exit}, so the search starts the day after.").format(
                exit=human(last_stay.exit)
            )
        )
    candidate, found = _first_fit(index, rule, start, days)
    if candidate.year > LAST_YEAR:
        raise InputError(
            "from",
            ngettext(
                "no entry allowing {n} day starts by {last}",
                "no entry allowing {n} days starts by {last}",
                days,
            ).format(n=days, last=LAST_DAY),
        )
    last = found.last_day(candidate)
    assert last is not None  # found.days >= days >= 1
    steps.append(
        ngettext(
            "The first day from {start} on which a stay of {n} day fits is {date}.",
            "The first day from {start} on which a stay of {n} days fits is {date}.",
            days,
        ).format(start=human(start), n=days, date=human(candidate))
    )
    steps += reach_steps(rule, candidate, found)
    before = start - timedelta(days=1)
    parts = window_stays(index, window_start(rule, before), before)
    back = days_back(parts, rule, sum(p.days for p in parts))
    first = min([search_from, *(p.entry for p in parts)])
    explanation = explain(rule, steps, first_day=first)
    return NextEntry(search_from, days, candidate, last, found.days, back, explanation)
