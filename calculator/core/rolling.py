"""Visa-free day counting: status on a date, planning an entry, earliest re-entry.

Conventions (see :mod:`calculator.core.stays`): stays are closed intervals; the window for day ``D`` is
the closed interval ``[D - (window - 1), D]``; the entry day is day 1 of an entry. A continuous stay
is legal when, on every one of its days, the window ending that day holds at most ``limit`` counted
days and the entry has lasted at most ``per_entry`` days. Past overstays never block a computation:
they only use up days, as the rolling window says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from calculator.core.dates import human
from calculator.core.errors import InputError
from calculator.core.i18n import _, days, ngettext
from calculator.core.i18n import days as _days
from calculator.core.records import StayRule
from calculator.core.results import Explanation
from calculator.core.stays import StayIndex


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


def reach(index: StayIndex, rule: StayRule, entry: date) -> Reach:
    """The longest legal continuous stay starting on ``entry``, given the days before it.

    Only days before ``entry`` come from ``index`` (earlier stays; later ones are ignored). Day
    ``t = entry + i`` is legal when the window ending on ``t`` holds at most ``limit`` counted days
    (earlier days plus this entry's days inside it) and ``i + 1 <= per_entry``.

    Going from day ``t`` to ``t + 1`` adds at most one counted day of this entry and removes at
    most one earlier day from the window, so the count never goes down along a continuous stay:
    the first illegal day is found by bisection.
    """
    gap = 0 if rule.counting_from is None else max(0, (rule.counting_from - entry).days)
    horizon = rule.limit + gap + 1  # by then this entry alone is over the limit
    cap = horizon if rule.per_entry is None else min(rule.per_entry, horizon)
    low, high = 0, cap  # the first illegal day index lies in [low, high]; high = cap means none
    while low < high:
        middle = (low + high) // 2
        if _breaks_rolling(index, rule, entry, middle):
            high = middle
        else:
            low = middle + 1
    if rule.per_entry is not None and low == rule.per_entry:
        return Reach(low, "both" if _breaks_rolling(index, rule, entry, low) else "per_entry")
    return Reach(low, "rolling")


def _breaks_rolling(index: StayIndex, rule: StayRule, entry: date, i: int) -> bool:
    """Is the window ending on day ``entry + i`` of a continuous stay over the limit?"""
    day = entry + timedelta(days=i)
    start = window_start(rule, day)
    floor = rule.counting_from
    present_from = max(entry, start) if floor is None else max(entry, start, floor)
    present = max(0, (day - present_from).days + 1)
    earlier = index.count(start, min(day, entry - timedelta(days=1)))
    return earlier + present > rule.limit


def rule_steps(rule: StayRule) -> list[str]:
    """The opening sentences of every stay explanation."""
    if rule.per_entry is None:
        text = _(
            "{title}: at most {limit} in any {window}-day window. "
            "Entry and exit days both count as days of stay."
        )
    else:
        text = _(
            "{title}: at most {limit} in any {window}-day window, and one entry may "
            "last at most {per_entry}. Entry and exit days both count as days of stay."
        )
    sentence = text.format(
        id=rule.id,
        title=rule.title,
        limit=days(rule.limit),
        window=rule.window,
        per_entry=days(rule.per_entry or 0),
    )
    if rule.counting_from is not None:
        sentence += " " + _("Days before {date} do not count.").format(
            date=human(rule.counting_from)
        )
    if rule.note:
        sentence += " " + _("Note: {note}").format(note=rule.note)
    return [sentence]


def rule_warnings(rule: StayRule) -> list[str | None]:
    warnings: list[str | None] = [rule.provenance.caution(rule.title)]
    if rule.day_counting != "confirmed":
        warnings.append(
            _(
                "No official source says whether the entry and exit days both count; the "
                "calculator counts both, which is the cautious reading."
            )
        )
    return warnings


def reach_steps(rule: StayRule, entry: date, found: Reach) -> list[str]:
    """Sentences explaining a :class:`Reach`."""
    last = found.last_day(entry)
    if last is None:
        return [
            _(
                "Entering on {entry} would already put more than {limit} in the {window}-day "
                "window ending that day: entry would be refused."
            ).format(entry=human(entry), limit=days(rule.limit), window=rule.window)
        ]
    if found.binding == "per_entry":
        why = _("the {per_entry}-day limit per entry is reached on that day").format(
            per_entry=rule.per_entry
        )
    elif found.binding == "rolling":
        why = _("one more day would put {limit} in the {window}-day window ending {date}").format(
            limit=days(rule.limit + 1), window=rule.window, date=human(last + timedelta(days=1))
        )
    else:
        why = _("both the per-entry limit and the rolling cap are reached on that day")
    return [
        ngettext(
            "A continuous stay from {entry} may last {n} day, to {last}: {why}.",
            "A continuous stay from {entry} may last {n} days, to {last}: {why}.",
            found.days,
        ).format(entry=human(entry), n=found.days, last=human(last), why=why)
    ]


def in_force_warning(rule: StayRule, first_day: date | None) -> str | None:
    """A warning when the days a result counts (from ``first_day``) begin before the regime
    applied (``rule.in_force_from``): those days are counted under it all the same."""
    if first_day is None or rule.in_force_from is None or first_day >= rule.in_force_from:
        return None
    text = _(
        "{title} applies from {date}, and this result counts days before it under the same rule. "
        "Check them against the rule of that time."
    ).format(title=rule.title, date=human(rule.in_force_from))
    return f"{text} {rule.before}" if rule.before else text


def explain(
    rule: StayRule,
    steps: list[str],
    extra: Sequence[str | None] = (),
    first_day: date | None = None,
) -> Explanation:
    """``first_day``: the first day the result counts (a stay in its window, or the day asked
    about), for :func:`in_force_warning`."""
    warnings = [in_force_warning(rule, first_day), *rule_warnings(rule), *extra]
    return Explanation.build(rule.id, rule_steps(rule) + steps, rule.provenance, warnings)


@dataclass(frozen=True)
class WindowStay:
    """The part of one stay that falls inside a window (for the visual timeline)."""

    entry: date
    exit: date
    days: int

    def to_dict(self) -> dict[str, Any]:
        return {"entry": self.entry.isoformat(), "exit": self.exit.isoformat(), "days": self.days}


def window_stays(index: StayIndex, first: date, last: date) -> list[WindowStay]:
    """Each stay's counted days inside ``[first, last]``, open stays running to ``last``.

    A border day shared by two stays is counted with the later one (it is day 1 of that entry).
    """
    return [
        WindowStay(start, end, (end - start).days + 1) for start, end in index.parts(first, last)
    ]


@dataclass(frozen=True)
class DayBack:
    """On ``date`` a day of the window frees up and ``days_left`` becomes available."""

    date: date
    days_left: int

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "days_left": self.days_left}


def days_back(parts: Sequence[WindowStay], rule: StayRule, used: int) -> list[DayBack]:
    """Dates on which days left grow, assuming no new stay: each counted day ``d`` of the
    window (``parts``, holding ``used`` days) leaves it on ``d + window``."""
    changes = []
    previous = max(0, rule.limit - used)
    for part in parts:
        first = part.entry.toordinal() + rule.window
        for ordinal in range(first, first + part.days):
            used -= 1
            left = max(0, rule.limit - used)
            if left > previous:
                changes.append(DayBack(date.fromordinal(ordinal), left))
            previous = left
    return changes


def check_days(rule: StayRule, days: int) -> None:
    """Refuse a wanted stay length that no single entry could ever reach."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise InputError(
            "days",
            _("must be a whole number of days, at least 1 (got {value})").format(value=repr(days)),
        )
    longest = rule.limit if rule.per_entry is None else min(rule.limit, rule.per_entry)
    if days > longest:
        raise InputError(
            "days",
            _("one entry under {rule} can last at most {longest} (asked for {asked})").format(
                rule=rule.title, longest=_days(longest), asked=days
            ),
        )
