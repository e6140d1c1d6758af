"""The three questions a visitor asks: where do I stand, how long may I stay, when may I return.

Each function takes the validated stays (see :func:`calculator.stays.validate_stays`), the rule and
dates, and returns a result that explains itself. Conventions are those of :mod:`calculator.rolling`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from calculator.dates import human
from calculator.errors import InputError
from calculator.results import Explanation, ResultMixin
from calculator.rolling import (
    DayBack,
    WindowStay,
    check_days,
    days_back,
    explain,
    history_before,
    reach,
    reach_steps,
    window_start,
    window_stays,
)
from calculator.rulebook import StayRule
from calculator.stays import DayCounter, Stay


@dataclass(frozen=True)
class Status(ResultMixin):
    """Where a visitor stands on ``on``; ``latest_exit`` is ``None`` when not in the country."""

    on: date
    window_start: date
    days_used: int
    limit: int
    days_left: int
    overstay_days: int
    in_country: bool
    entry_day_number: int | None
    latest_exit: date | None
    window: list[WindowStay]
    days_back: list[DayBack]
    explanation: Explanation


def status(stays: Sequence[Stay], rule: StayRule, on: date) -> Status:
    """Days used in the window ending ``on``, days left, overstay, and the latest legal exit.

    Days after ``on`` are ignored (planned stays); an open stay counts up to ``on``.
    """
    first = window_start(rule, on)
    counter = DayCounter(stays, on, rule.counting_from)
    used = counter.count(first, on)
    parts = window_stays(stays, rule, first, on)
    steps = [
        f"The window for {human(on)} runs from {human(first)} to {human(on)} "
        f"({rule.window} days, both ends included)."
    ]
    steps += [
        f"Stay {p.entry.isoformat()} to {p.exit.isoformat()}: {p.days} day(s) in the window."
        for p in parts
    ] or ["No stay falls inside the window."]
    left, over = max(0, rule.limit - used), max(0, used - rule.limit)
    steps.append(f"Days used: {used} of {rule.limit}; {left} left.")
    warnings: list[str | None] = []
    if over:
        warnings.append(f"The window ending {human(on)} holds {over} day(s) more than the limit.")
    current = next((s for s in stays if s.entry <= on and (s.exit is None or s.exit >= on)), None)
    latest = day_number = None
    if current is not None:
        found = reach(history_before(stays, rule, current.entry), rule, current.entry)
        latest = found.last_day(current.entry)
        day_number = (on - current.entry).days + 1
        steps.append(
            f"In the country since {human(current.entry)}: {human(on)} is day {day_number}."
        )
        steps += reach_steps(rule, current.entry, found)
        if latest is not None and latest < on:
            warnings.append(
                f"The latest legal exit was {human(latest)}: you are {(on - latest).days} day(s) "
                "past it. Leave as soon as possible and expect questions at the border."
            )
        if current.exit is not None and latest is not None and current.exit > latest:
            warnings.append(
                f"The planned exit {human(current.exit)} is after the latest legal exit {human(latest)}."
            )
    back = [] if current is not None else days_back(counter, rule, on)
    return Status(
        on,
        first,
        used,
        rule.limit,
        left,
        over,
        current is not None,
        day_number,
        latest,
        parts,
        back,
        explain(rule, steps, warnings),
    )


@dataclass(frozen=True)
class Plan(ResultMixin):
    """The longest continuous stay from ``enter`` and which cap ends it."""

    enter: date
    max_stay_days: int
    latest_exit: date | None
    binding: str
    explanation: Explanation


def plan(stays: Sequence[Stay], rule: StayRule, enter: date) -> Plan:
    """Plan an entry on ``enter`` after the recorded stays (stays after ``enter`` are ignored)."""
    for stay in stays:
        if stay.entry <= enter and (stay.exit is None or stay.exit >= enter):
            raise InputError(
                "enter",
                f"{enter.isoformat()} falls inside a recorded stay ({stay.label()}); "
                "you are already in the country then, so check the status instead",
            )
    later = [s for s in stays if s.entry > enter]
    found = reach(history_before(stays, rule, enter), rule, enter)
    last = found.last_day(enter)
    prior = history_before(stays, rule, enter).count(window_start(rule, enter), enter)
    steps = [
        f"Before {human(enter)}, the {rule.window}-day window ending that day already holds "
        f"{prior} day(s) from earlier stays."
    ]
    steps += reach_steps(rule, enter, found)
    warnings = [
        f"{len(later)} recorded stay(s) after {human(enter)} were left out of this plan."
        if later
        else None
    ]
    if last is None:
        warnings.append(f"Entry on {human(enter)} would be refused: no days are left that day.")
    return Plan(enter, found.days, last, found.binding, explain(rule, steps, warnings))


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


def earliest_entry(
    stays: Sequence[Stay], rule: StayRule, search_from: date, days: int
) -> NextEntry:
    """Search day by day from ``search_from`` (or the day after the last exit, if later)."""
    check_days(rule, days)
    if stays and stays[-1].exit is None:
        raise InputError(
            f"stays[{len(stays) - 1}].exit",
            "you are still in the country; give the planned exit date to find the next entry",
        )
    start = search_from
    steps = []
    if stays and stays[-1].exit is not None and stays[-1].exit >= search_from:
        start = stays[-1].exit + timedelta(days=1)
        steps.append(
            f"The last recorded stay ends {human(stays[-1].exit)}, so the search starts the day after."
        )
    counter = DayCounter(stays, start, rule.counting_from)
    candidate = start
    while True:
        found = reach(counter, rule, candidate)
        if found.days >= days:
            break
        candidate += timedelta(days=1)
    last = found.last_day(candidate)
    assert last is not None  # found.days >= days >= 1
    steps.append(
        f"The first day from {human(start)} on which a stay of {days} day(s) fits is {human(candidate)}."
    )
    steps += reach_steps(rule, candidate, found)
    back = days_back(counter, rule, start - timedelta(days=1))
    return NextEntry(search_from, days, candidate, last, found.days, back, explain(rule, steps))
