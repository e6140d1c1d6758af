"""How long may I stay: the longest continuous stay from an entry day, and which cap ends it.

Takes the validated stays, the rule and the entry day; conventions are those of
:mod:`calculator.core.rolling` (the entry day is day 1 of the stay, intervals are inclusive).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from calculator.core.dates import human
from calculator.core.errors import InputError
from calculator.core.i18n import _, ngettext
from calculator.core.records import StayRule
from calculator.core.results import Explanation, ResultMixin
from calculator.core.rolling import explain, reach, reach_steps, window_start
from calculator.core.stays import StayIndex, Stays


@dataclass(frozen=True)
class Plan(ResultMixin):
    """The longest continuous stay from ``enter`` and which cap ends it."""

    enter: date
    max_stay_days: int
    latest_exit: date | None
    binding: str
    explanation: Explanation


def plan(stays: Stays, rule: StayRule, enter: date) -> Plan:
    """Plan an entry on ``enter`` after the recorded stays (stays after ``enter`` are ignored)."""
    index = StayIndex.of(stays, rule.counting_from)
    stay = index.stay_on(enter)
    if stay is not None:
        raise InputError(
            "enter",
            _(
                "{enter} falls inside a recorded stay ({stay}); "
                "you are already in the country then, so check the status instead"
            ).format(enter=enter.isoformat(), stay=stay.label()),
        )
    later = [s for s in index.stays if s.entry > enter]
    found = reach(index, rule, enter)
    last = found.last_day(enter)
    prior = index.count(window_start(rule, enter), enter - timedelta(days=1))
    steps = [
        ngettext(
            "Before {enter}, the {window}-day window ending that day already holds "
            "{n} day from earlier stays.",
            "Before {enter}, the {window}-day window ending that day already holds "
            "{n} days from earlier stays.",
            prior,
        ).format(enter=human(enter), window=rule.window, n=prior)
    ]
    steps += reach_steps(rule, enter, found)
    warnings = [
        ngettext(
            "{n} recorded stay after {enter} was left out of this plan.",
            "{n} recorded stays after {enter} were left out of this plan.",
            len(later),
        ).format(n=len(later), enter=human(enter))
        if later
        else None
    ]
    if last is None:
        warnings.append(
            _("Entry on {enter} would be refused: no days are left that day.").format(
                enter=human(enter)
            )
        )
    start = window_start(rule, enter)
    first = min([enter, *(max(s.entry, start) for s in index.stays if start <= (s.exit or enter))])
    return Plan(
        enter, found.days, last, found.binding, explain(rule, steps, warnings, first_day=first)
    )
