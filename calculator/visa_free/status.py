"""Where a visitor stands on a day: days used, days left, the latest exit.

The first of the three questions a visitor asks; :mod:`calculator.visa_free.plan` answers how long an
entry may last and :mod:`calculator.visa_free.next_entry` when one may return. Each takes the validated
stays (see :func:`calculator.core.stays.validate_stays`), the rule and dates, and returns a result
that explains itself. Conventions are those of :mod:`calculator.core.rolling`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from functools import cached_property
from typing import Any

from calculator.core.dates import human
from calculator.core.i18n import _, days, ngettext
from calculator.core.records import StayRule
from calculator.core.results import Explanation, to_jsonable
from calculator.core.rolling import (
    DayBack,
    Reach,
    WindowStay,
    days_back,
    explain,
    reach,
    reach_steps,
    window_start,
    window_stays,
)
from calculator.core.stays import Stay, StayIndex, Stays
from calculator.visa_free.days_return import DayReturn, ReturnRun, days_return, return_runs


@dataclass(frozen=True)
class Status:
    """Where a visitor stands on ``on``; ``latest_exit`` is ``None`` when not in the country.

    The numbers are computed at once; ``window``, ``days_back``, ``days_return`` and
    ``explanation`` on first use
    (they cost more than the numbers when many stays fall inside the window).
    """

    on: date
    window_start: date
    days_used: int
    limit: int
    per_entry_days: int | None
    days_left: int
    overstay_days: int
    in_country: bool
    entry_day_number: int | None
    entry_overstay_days: int
    latest_exit: date | None
    days_to_latest_exit: int | None
    rule: StayRule = field(repr=False, compare=False)
    index: StayIndex = field(repr=False, compare=False)
    current: Stay | None = field(repr=False, compare=False)
    reach: Reach | None = field(repr=False, compare=False)

    @cached_property
    def window(self) -> list[WindowStay]:
        """The counted days of each stay inside the window."""
        return window_stays(self.index, self.window_start, self.on)

    @cached_property
    def days_back(self) -> list[DayBack]:
        """When days come back if no new stay begins (empty while in the country)."""
        return [] if self.in_country else days_back(self.window, self.rule, self.days_used)

    @cached_property
    def days_return(self) -> list[DayReturn]:
        """The date each used day leaves the window, if no stay follows ``on`` (see
        :mod:`calculator.visa_free.days_return`); the days add up to ``days_used``."""
        return days_return(self.window, self.rule)

    @cached_property
    def days_return_runs(self) -> list[ReturnRun]:
        """:attr:`days_return` as runs of consecutive dates, for people."""
        return return_runs(self.days_return)

    @cached_property
    def explanation(self) -> Explanation:
        # the window's counted days, and the current entry (its days count from its first day)
        entries = [part.entry for part in self.window]
        if self.current is not None:
            entries.append(self.current.entry)
        first = min([self.on, *entries])
        return explain(self.rule, *_status_story(self), first_day=first)

    def to_dict(self) -> dict[str, Any]:
        names = [f.name for f in fields(self) if f.compare] + [
            "window",
            "days_back",
            "days_return",
            "days_return_runs",
            "explanation",
        ]
        return {name: to_jsonable(getattr(self, name)) for name in names}


def status(stays: Stays, rule: StayRule, on: date) -> Status:
    """Days used in the window ending ``on``, days left, overstay, and the latest legal exit.

    Days after ``on`` are ignored (planned stays); an open stay counts up to ``on``. Pass a
    :class:`StayIndex` to ask about many days of the same history in O(log n) each.
    """
    index = StayIndex.of(stays, rule.counting_from)
    first = window_start(rule, on)
    used = index.count(first, on)
    current = index.stay_on(on)
    found = latest = day_number = None
    entry_over = 0
    if current is not None:
        found = reach(index, rule, current.entry)
        latest = found.last_day(current.entry)
        day_number = (on - current.entry).days + 1
        if rule.per_entry is not None:
            entry_over = max(0, day_number - rule.per_entry)
    return Status(
        on=on,
        window_start=first,
        days_used=used,
        limit=rule.limit,
        per_entry_days=rule.per_entry,
        days_left=max(0, rule.limit - used),
        overstay_days=max(0, used - rule.limit),
        in_country=current is not None,
        entry_day_number=day_number,
        entry_overstay_days=entry_over,
        latest_exit=latest,
        days_to_latest_exit=None if latest is None else max(0, (latest - on).days),
        rule=rule,
        index=index,
        current=current,
        reach=found,
    )


def _status_story(result: Status) -> tuple[list[str], list[str | None]]:
    """The steps and warnings that explain a :class:`Status`."""
    on, rule, parts = result.on, result.rule, result.window
    steps = [
        _("The window for {on} runs from {start} to {on} ({window}, both ends included).").format(
            on=human(on), start=human(result.window_start), window=days(rule.window)
        )
    ]
    shown = parts if len(parts) <= 8 else [*parts[:4], None, *parts[-3:]]
    steps += [
        ngettext(
            "Stay {entry} to {exit}: {n} day in the window.",
            "Stay {entry} to {exit}: {n} days in the window.",
            p.days,
        ).format(entry=p.entry.isoformat(), exit=p.exit.isoformat(), n=p.days)
        if p is not None
        else ngettext(
            "… {n} more stay (all are listed with the result) …",
            "… {n} more stays (all are listed with the result) …",
            len(parts) - 7,
        ).format(n=len(parts) - 7)
        for p in shown
    ] or [_("No stay falls inside the window.")]
    steps.append(
        _("Days used: {used} of {limit}; {left} left.").format(
            used=result.days_used, limit=rule.limit, left=result.days_left
        )
    )
    warnings: list[str | None] = []
    later = [s for s in result.index.stays if s.entry > on]
    if later:
        warnings.append(
            ngettext(
                "{n} recorded stay after {on} is not counted here; "
                "plan it with 'plan a trip' to check it fits.",
                "{n} recorded stays after {on} are not counted here; "
                "plan them with 'plan a trip' to check they fit.",
                len(later),
            ).format(n=len(later), on=human(on))
        )
    if result.overstay_days:
        warnings.append(
            ngettext(
                "The window ending {on} holds {n} day more than the limit.",
                "The window ending {on} holds {n} days more than the limit.",
                result.overstay_days,
            ).format(on=human(on), n=result.overstay_days)
        )
    current, latest = result.current, result.latest_exit
    if current is None or result.reach is None:
        return steps, warnings
    if result.entry_overstay_days:
        warnings.append(
            _(
                "{on} is day {day} of this entry: {over} past the {per_entry}-day limit per "
                "entry, even if days remain in the window."
            ).format(
                on=human(on),
                day=result.entry_day_number,
                over=days(result.entry_overstay_days),
                per_entry=rule.per_entry,
            )
        )
    steps.append(
        _("In the country since {entry}: {on} is day {day}.").format(
            entry=human(current.entry), on=human(on), day=result.entry_day_number
        )
    )
    steps += reach_steps(rule, current.entry, result.reach)
    if latest is not None and latest < on:
        warnings.append(
            _(
                "The latest legal exit was {latest}: you are {late} past it. Leave as soon as "
                "possible and expect questions at the border."
            ).format(latest=human(latest), late=days((on - latest).days))
        )
    if current.exit is not None and latest is not None and current.exit > latest:
        warnings.append(
            _("The planned exit {exit} is after the latest legal exit {latest}.").format(
                exit=human(current.exit), latest=human(latest)
            )
        )
    if latest is None:
        warnings.append(
            _(
                "On {entry} the window already held more than {limit}: this entry had no legal day."
            ).format(entry=human(current.entry), limit=days(rule.limit))
        )
    return steps, warnings
