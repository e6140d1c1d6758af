"""When the days used on a date come back: the day each of them leaves the rolling window.

The window for day ``D`` is ``[D - (window - 1), D]``. A day ``d`` spent in the country therefore
counts in the windows ending ``d`` … ``d + window - 1`` and in none after: it *returns* (is no
longer counted, so it can be used again) on ``d + window``. With the 180-day window a day spent on
1 April 2025 counts up to 27 September 2025 and is back on 28 September 2025.

The answer assumes no stay after the date asked: an open stay counts up to that date and no
further, and stays that begin later are left out (as in the status itself). Every counted day of
the window appears exactly once, so the days returned add up to the days used. One day leaves the
window per calendar day at most, so each date returns one day; :func:`return_runs` groups
consecutive dates into runs for people ("from 28 Sep 2025, 1 day back each day until 6 Nov 2025").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from calculator.core.records import StayRule
from calculator.core.rolling import WindowStay


@dataclass(frozen=True)
class DayReturn:
    """On ``date``, ``days`` used days have left the window and are free again."""

    date: date
    days: int

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "days": self.days}


@dataclass(frozen=True)
class ReturnRun:
    """Consecutive dates ``first`` … ``last`` on each of which one day returns (``days`` in all)."""

    first: date
    last: date
    days: int

    def to_dict(self) -> dict[str, Any]:
        return {"first": self.first.isoformat(), "last": self.last.isoformat(), "days": self.days}


def days_return(parts: Sequence[WindowStay], rule: StayRule) -> list[DayReturn]:
    """Each counted day ``d`` of the window (``parts``, from :func:`window_stays`) returns on
    ``d + window``; grouped by date, in date order. The ``days`` add up to the days used."""
    found: dict[date, int] = {}
    for part in parts:
        first = part.entry + timedelta(days=rule.window)
        for i in range(part.days):
            day = first + timedelta(days=i)
            found[day] = found.get(day, 0) + 1
    return [DayReturn(day, n) for day, n in sorted(found.items())]


def return_runs(returns: Sequence[DayReturn]) -> list[ReturnRun]:
    """``returns`` as runs of consecutive dates, each date returning one day."""
    runs: list[ReturnRun] = []
    for item in returns:
        last = runs[-1] if runs else None
        daily = last is not None and last.days == (last.last - last.first).days + 1
        if (
            last is not None
            and daily
            and item.date == last.last + timedelta(days=1)
            and item.days == 1
        ):
            runs[-1] = ReturnRun(last.first, item.date, last.days + 1)
        else:
            runs.append(ReturnRun(item.date, item.date, item.days))
    return runs
