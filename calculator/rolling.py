"""Visa-free day counting: status on a date, planning an entry, earliest re-entry.

Conventions (see :mod:`calculator.stays`): stays are closed intervals; the window for day ``D`` is
the closed interval ``[D - (window - 1), D]``; the entry day is day 1 of an entry. A continuous stay
is legal when, on every one of its days, the window ending that day holds at most ``limit`` counted
days and the entry has lasted at most ``per_entry`` days. Past overstays never block a computation:
they only use up days, as the rolling window says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from calculator.dates import human
from calculator.errors import InputError
from calculator.results import Explanation
from calculator.rulebook import StayRule
from calculator.stays import DayCounter, Stay


@dataclass(frozen=True)
class Reach:
    """How long a continuous stay from ``entry`` may last, and which cap stops it."""

    days: int
    binding: str  # "per_entry", "rolling" or "both"

    def last_day(self, entry: date) -> date | None:
        return entry + timedelta(days=self.days - 1) if self.days else None


def window_start(rule: StayRule, day: date) -> date:
    """First day of the window that ends on ``day`` (both ends inside the window)."""
    return day - timedelta(days=rule.window - 1)


def reach(history: DayCounter, rule: StayRule, entry: date) -> Reach:
    """The longest legal continuous stay starting on ``entry``, given the days before it.

    ``history`` must count only days before ``entry``. Day ``t = entry + i`` is legal when the
    window ending on ``t`` holds at most ``limit`` days (history plus the ``i + 1`` days of this
    entry that fall inside it) and ``i + 1 <= per_entry``.
    """
    floor = rule.counting_from
    i = 0
    while True:
        if rule.per_entry is not None and i + 1 > rule.per_entry:
            return Reach(
                i, "both" if _breaks_rolling(history, rule, entry, i, floor) else "per_entry"
            )
        if _breaks_rolling(history, rule, entry, i, floor):
            return Reach(i, "rolling")
        i += 1


def _breaks_rolling(
    history: DayCounter, rule: StayRule, entry: date, i: int, floor: date | None
) -> bool:
    day = entry + timedelta(days=i)
    start = window_start(rule, day)
    present_from = max(entry, start) if floor is None else max(entry, start, floor)
    present = max(0, (day - present_from).days + 1)
    return history.count(start, day) + present > rule.limit


def history_before(stays: Sequence[Stay], rule: StayRule, entry: date) -> DayCounter:
    """A counter of the stays that end before ``entry`` (open stays are not history)."""
    past = [s for s in stays if s.exit is not None and s.exit < entry]
    return DayCounter(past, entry, rule.counting_from)


def rule_steps(rule: StayRule) -> list[str]:
    """The opening sentences of every stay explanation."""
    cap = (
        "" if rule.per_entry is None else f", and one entry may last at most {rule.per_entry} days"
    )
    since = (
        f" Days before {human(rule.counting_from)} do not count."
        if rule.counting_from is not None
        else ""
    )
    return [
        f"Rule {rule.id} ({rule.title}): at most {rule.limit} days in any {rule.window}-day "
        f"window{cap}. Entry and exit days both count as days of stay.{since}"
    ]


def rule_warnings(rule: StayRule) -> list[str | None]:
    warnings: list[str | None] = [rule.provenance.caution(f"The rule set {rule.id}")]
    if rule.day_counting != "confirmed":
        warnings.append(
            "No official source says whether the entry and exit days both count; the calculator "
            "counts both, which is the cautious reading."
        )
    return warnings


def reach_steps(rule: StayRule, entry: date, found: Reach) -> list[str]:
    """Sentences explaining a :class:`Reach`."""
    last = found.last_day(entry)
    if last is None:
        return [
            f"Entering on {human(entry)} would already put more than {rule.limit} days in the "
            f"{rule.window}-day window ending that day: entry would be refused."
        ]
    why = {
        "per_entry": f"the {rule.per_entry}-day limit per entry is reached on that day",
        "rolling": (
            f"one more day would put {rule.limit + 1} days in the {rule.window}-day window "
            f"ending {human(last + timedelta(days=1))}"
        ),
        "both": "both the per-entry limit and the rolling cap are reached on that day",
    }[found.binding]
    return [
        f"A continuous stay from {human(entry)} may last {found.days} days, to {human(last)}: {why}."
    ]


def explain(rule: StayRule, steps: list[str], extra: Sequence[str | None] = ()) -> Explanation:
    return Explanation.build(
        rule.id, rule_steps(rule) + steps, rule.provenance, [*rule_warnings(rule), *extra]
    )


@dataclass(frozen=True)
class WindowStay:
    """The part of one stay that falls inside a window (for the visual timeline)."""

    entry: date
    exit: date
    days: int


def window_stays(
    stays: Sequence[Stay], rule: StayRule, first: date, last: date
) -> list[WindowStay]:
    """Each stay's counted days inside ``[first, last]``, open stays running to ``last``."""
    floor = first if rule.counting_from is None else max(first, rule.counting_from)
    parts = []
    for stay in stays:
        start, end = max(stay.entry, floor), min(stay.last_day(last), last)
        if start <= end:
            parts.append(WindowStay(start, end, (end - start).days + 1))
    return parts


@dataclass(frozen=True)
class DayBack:
    """On ``date`` a day of the window frees up and ``days_left`` becomes available."""

    date: date
    days_left: int


def days_back(counter: DayCounter, rule: StayRule, after: date) -> list[DayBack]:
    """Dates after ``after`` on which days left grow, assuming no new stay in between."""
    changes = []
    previous = max(0, rule.limit - counter.count(window_start(rule, after), after))
    for offset in range(1, rule.window + 1):
        day = after + timedelta(days=offset)
        left = max(0, rule.limit - counter.count(window_start(rule, day), day))
        if left > previous:
            changes.append(DayBack(day, left))
        previous = left
    return changes


def check_days(rule: StayRule, days: int) -> None:
    """Refuse a wanted stay length that no single entry could ever reach."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise InputError("days", f"must be a whole number of days, at least 1 (got {days!r})")
    longest = rule.limit if rule.per_entry is None else min(rule.limit, rule.per_entry)
    if days > longest:
        raise InputError(
            "days", f"one entry under {rule.id} can last at most {longest} days (asked for {days})"
        )
