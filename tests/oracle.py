"""A brute-force oracle for the visa-free rules, written from the written contract, not the engine.

It keeps a plain Python set of every day of presence and answers each question by looking at the
days one by one. It is deliberately slow and obvious; the property tests and the engine benchmark
compare :mod:`calculator` against it.

The contract it implements (the project's spec):

- A stay is ``(entry, exit)``: the closed interval ``[entry, exit]``, both days are days of presence.
  ``exit is None`` means still present: for a question about day ``D`` it counts up to and including
  ``D``.
- Two stays may share one border day: the later one starts on the day the earlier one ends (left
  and came back the same day), also when the earlier one is a one-day stay (``D..D`` then
  ``D..X``). The shared day is one day of presence (a set holds it once), and it belongs to the
  later stay, so it is day 1 of the new entry.
- A rule has ``limit`` L days in any window of ``window`` W consecutive days, an optional
  ``per_entry`` P, and an optional ``counting_from`` C: days before C never count.
- A day ``t`` of a continuous stay entered on ``E`` is legal when ``t - E + 1 <= P`` (if P) and the
  counted presence days in ``[t - W + 1, t]`` number at most L, where presence is the days of the
  stays that end before ``E`` plus every day from ``E`` to ``t``.

Stays are plain ``(entry, exit)`` tuples here, and a rule is anything with the attributes ``limit``,
``window``, ``per_entry`` and ``counting_from``, so the oracle does not depend on the engine's types.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

ONE_DAY = timedelta(days=1)

StayTuple = tuple[date, date | None]


class RuleLike(Protocol):
    limit: int
    window: int
    per_entry: int | None
    counting_from: date | None


def day_numbers(first: date, last: date) -> range:
    """The days of the closed interval ``[first, last]`` as day numbers (``date.toordinal``).

    The oracle's sets hold day numbers rather than dates only because that is faster.
    """
    return range(first.toordinal(), last.toordinal() + 1)


def presence(stays: Iterable[StayTuple], open_until: date) -> set[int]:
    """Every day of presence; an open stay runs up to and including ``open_until``."""
    days: set[int] = set()
    for entry, exit_ in stays:
        last = open_until if exit_ is None else exit_
        days.update(day_numbers(entry, last))
    return days


def counted(rule: RuleLike, days: set[int]) -> set[int]:
    """The days that count at all (days before ``counting_from`` never do)."""
    if rule.counting_from is None:
        return set(days)
    return {day for day in days if day >= rule.counting_from.toordinal()}


def window_of(rule: RuleLike, day: date) -> tuple[date, date]:
    """The W consecutive days that end on ``day``."""
    return day - timedelta(days=rule.window - 1), day


def current_stay(stays: Iterable[StayTuple], day: date) -> StayTuple | None:
    """The stay that contains ``day`` (an open stay contains every day from its entry on).

    On a day shared by two stays (left and came back), the later stay is the current one.
    """
    found = None
    for entry, exit_ in stays:
        if entry <= day and (exit_ is None or day <= exit_):
            found = entry, exit_
    return found


def history_before(stays: Iterable[StayTuple], entry: date) -> set[int]:
    """The days before ``entry`` of the stays that began before it."""
    before = entry - timedelta(days=1)
    return presence(
        [(e, before if x is None or x > before else x) for e, x in stays if e < entry], before
    )


def day_is_legal(rule: RuleLike, history: set[int], entry: date, day: date) -> tuple[bool, bool]:
    """``(per_entry_ok, rolling_ok)`` for ``day`` of a continuous stay entered on ``entry``."""
    per_entry_ok = rule.per_entry is None or (day - entry).days + 1 <= rule.per_entry
    this_entry = day_numbers(entry, day)
    floor = None if rule.counting_from is None else rule.counting_from.toordinal()
    used = 0
    for t in day_numbers(*window_of(rule, day)):
        present = t in history or t in this_entry
        if present and (floor is None or t >= floor):
            used += 1
    return per_entry_ok, used <= rule.limit


@dataclass(frozen=True)
class Reach:
    days: int
    binding: str  # which cap makes day ``days + 1`` illegal: per_entry, rolling or both

    def last_day(self, entry: date) -> date | None:
        return entry + timedelta(days=self.days - 1) if self.days else None


def reach(rule: RuleLike, history: set[date], entry: date, stop_at: int | None = None) -> Reach:
    """Count the legal days of a continuous stay from ``entry``, day by day.

    With ``stop_at``, stop counting once that many legal days were found (binding is then "").
    """
    days = 0
    while True:
        if stop_at is not None and days >= stop_at:
            return Reach(days, "")
        day = entry + timedelta(days=days)
        per_entry_ok, rolling_ok = day_is_legal(rule, history, entry, day)
        if not per_entry_ok and not rolling_ok:
            return Reach(days, "both")
        if not per_entry_ok:
            return Reach(days, "per_entry")
        if not rolling_ok:
            return Reach(days, "rolling")
        days += 1


@dataclass(frozen=True)
class Status:
    window_start: date
    days_used: int
    days_left: int
    overstay_days: int
    in_country: bool
    latest_exit: date | None


def days_used(stays: Iterable[StayTuple], rule: RuleLike, on: date) -> int:
    """Counted presence days in the window ending ``on`` (days after ``on`` are ignored)."""
    days = {d for d in counted(rule, presence(stays, on)) if d <= on.toordinal()}
    return sum(1 for t in day_numbers(*window_of(rule, on)) if t in days)


def status(stays: list[StayTuple], rule: RuleLike, on: date) -> Status:
    used = days_used(stays, rule, on)
    current = current_stay(stays, on)
    latest = None
    if current is not None:
        entry = current[0]
        latest = reach(rule, history_before(stays, entry), entry).last_day(entry)
    return Status(
        window_start=window_of(rule, on)[0],
        days_used=used,
        days_left=max(0, rule.limit - used),
        overstay_days=max(0, used - rule.limit),
        in_country=current is not None,
        latest_exit=latest,
    )


@dataclass(frozen=True)
class Plan:
    max_stay_days: int
    latest_exit: date | None
    binding: str


class InsideStay(ValueError):
    """The planned entry falls on a day of presence."""


def plan(stays: list[StayTuple], rule: RuleLike, enter: date) -> Plan:
    if current_stay(stays, enter) is not None:
        raise InsideStay(enter)
    found = reach(rule, history_before(stays, enter), enter)
    return Plan(found.days, found.last_day(enter), found.binding)


def max_stay_days(stays: list[StayTuple], rule: RuleLike, enter: date) -> int:
    return reach(rule, history_before(stays, enter), enter).days


def search_start(stays: list[StayTuple], search_from: date) -> date:
    """``max(search_from, last exit + 1)``."""
    exits = [x for _, x in stays if x is not None]
    return max([search_from, *(x + ONE_DAY for x in exits)])


def earliest_entry(stays: list[StayTuple], rule: RuleLike, search_from: date, days: int) -> date:
    """The first day from the search start on which ``days`` legal days in a row fit."""
    candidate = search_start(stays, search_from)
    for _ in range(100_000):
        history = history_before(stays, candidate)
        if reach(rule, history, candidate, stop_at=days).days >= days:
            return candidate
        candidate += ONE_DAY
    raise AssertionError("no entry found within 100,000 days")


def count_days(
    stays: Iterable[StayTuple],
    first: date,
    last: date,
    open_until: date,
    counting_from: date | None = None,
) -> int:
    """Presence days in ``[first, last]`` (open stays up to ``open_until``, none before C)."""
    days = presence(stays, open_until)
    floor = None if counting_from is None else counting_from.toordinal()
    return sum(1 for t in day_numbers(first, last) if t in days and (floor is None or t >= floor))


def add_working_days(is_working_day: Callable[[date], bool], start: date, n: int) -> date:
    """The n-th working day strictly after ``start`` by walking the calendar one day at a time."""
    day, found = start, 0
    while found < n:
        day += ONE_DAY
        if is_working_day(day):
            found += 1
    return day


def days_return(stays: Iterable[StayTuple], rule: RuleLike, on: date) -> dict[date, int]:
    """When the days used on ``on`` leave the window, if no stay follows ``on``.

    Walks the days after ``on`` one by one over the history cut at ``on`` (open stays end on
    ``on``, later stays are dropped) and records by how much the days used fall on each day.
    """
    days = {d for d in counted(rule, presence(stays, on)) if d <= on.toordinal()}

    def used(day: int) -> int:
        return sum(1 for t in range(day - rule.window + 1, day + 1) if t in days)

    found: dict[date, int] = {}
    before = used(on.toordinal())
    for day in range(on.toordinal() + 1, on.toordinal() + rule.window + 1):
        now = used(day)
        if now < before:
            found[date.fromordinal(day)] = before - now
        before = now
    return found
