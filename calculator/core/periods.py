"""Working-day arithmetic and document validity, each with its explanation.

Conventions:
- ``add_working_days(start, n)``: the n-th Kazakhstan working day strictly after ``start``.
- ``valid_until(issued, period)``: the last day a document is accepted is ``issued + period`` calendar
  days (a police certificate issued 2025-06-18 with a 180-day period is last valid on 2025-12-15).
- ``deadline_after(start, deadline)``: the last day of a deadline counted from ``start`` in its unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from calculator.core.bounds import LAST_DAY
from calculator.core.dates import LAST_YEAR, human
from calculator.core.errors import InputError
from calculator.core.i18n import _, days, ngettext
from calculator.core.records import Deadline
from calculator.core.results import Explanation, ResultMixin
from calculator.core.workdays import WorkCalendar


@dataclass(frozen=True)
class DayOff:
    date: date
    reason: str


@dataclass(frozen=True)
class Workdays(ResultMixin):
    """``date`` is the ``add``-th working day strictly after ``start``."""

    start: date
    add: int
    date: date
    days_off: list[DayOff]
    explanation: Explanation


def add_working_days(
    calendar: WorkCalendar, start: date, n: int, rule_id: str = "calendar"
) -> Workdays:
    """Count ``n`` working days after ``start`` and say which days off were skipped."""
    end = calendar.add_working_days(start, n)
    if end.year > LAST_YEAR:
        raise InputError(
            "add",
            ngettext(
                "{n} working day after {start} ends after {last}, the last supported day",
                "{n} working days after {start} end after {last}, the last supported day",
                n,
            ).format(n=n, start=start.isoformat(), last=LAST_DAY),
        )
    skipped = [DayOff(d, r) for d, r in calendar.days_off_between(start + timedelta(days=1), end)]
    steps = [
        _("Counting starts the day after {start}; {start} itself is not counted.").format(
            start=human(start)
        )
    ]
    holidays = [s for s in skipped if s.date.isoweekday() not in calendar.weekend]
    weekends = len(skipped) - len(holidays)
    if n:
        later = ngettext(
            "{n} working day later is {date}", "{n} working days later is {date}", n
        ).format(n=n, date=human(end))
        weekend_days = ngettext("{n} weekend day", "{n} weekend days", weekends).format(n=weekends)
        other = ngettext("{n} other day off", "{n} other days off", len(holidays)).format(
            n=len(holidays)
        )
        steps.append(
            _("{later}; skipped: {weekend_days} and {other}.").format(
                later=later, weekend_days=weekend_days, other=other
            )
        )
    steps += [
        _("Skipped {date}: {reason}.").format(date=human(s.date), reason=s.reason) for s in holidays
    ]
    day = start + timedelta(days=1)
    while day <= end:
        note = calendar.working_day_note(day)
        if note:
            steps.append(_("{date} counts: {note}.").format(date=human(day), note=note))
        day += timedelta(days=1)
    warnings = calendar.year_warnings(start, end)
    return Workdays(start, n, end, skipped, Explanation.build(rule_id, steps, None, warnings))


def deadline_after(
    calendar: WorkCalendar, start: date, deadline: Deadline, upper: bool = False
) -> date:
    """The last day of ``deadline`` counted from ``start`` (its upper bound when ``upper``)."""
    days = deadline.days_max if upper and deadline.days_max is not None else deadline.days
    if deadline.extra.get("first_day_counts"):
        days -= 1  # the start day is day 1 of the period
    if deadline.unit == "working_days":
        return calendar.add_working_days(start, days)
    if deadline.unit == "calendar_days":
        return start + timedelta(days=days)
    raise ValueError(f"deadline {deadline.id} has unit {deadline.unit}, not a period")  # a data bug


@dataclass(frozen=True)
class Validity(ResultMixin):
    """A document issued on ``issued`` is accepted up to and including ``valid_until``."""

    document: str
    issued: date
    valid_until: date
    period_days: int
    days_left: int | None
    explanation: Explanation
    title: str = ""  # the validity period's title, in the request's language


def valid_until(deadline: Deadline, issued: date, on: date | None = None) -> Validity:
    """Last valid day of a document; ``days_left`` counts from ``on`` (``on`` itself included)."""
    if deadline.unit != "calendar_days":
        raise InputError(
            "document",
            _("{id} is not a validity period in calendar days").format(id=deadline.id),
        )
    last = issued + timedelta(days=deadline.days)
    steps = [
        _("{title}: {period} from the date of issue.").format(
            title=deadline.title, period=deadline.describe()
        ),
        _("Issued {issued} + {days} = {last}, the last day it is accepted.").format(
            issued=human(issued), days=days(deadline.days), last=human(last)
        ),
    ]
    left = None
    warnings = [deadline.provenance.caution(deadline.title)]
    if on is not None:
        left = max(0, (last - on).days + 1)
        steps.append(
            ngettext(
                "From {on} (included) that leaves {n} day.",
                "From {on} (included) that leaves {n} days.",
                left,
            ).format(on=human(on), n=left)
        )
        if on > last:
            warnings.append(_("It expired on {date}: order a new one.").format(date=human(last)))
    document = str(deadline.extra.get("document", deadline.id))
    return Validity(
        document,
        issued,
        last,
        deadline.days,
        left,
        Explanation.build(deadline.id, steps, deadline.provenance, warnings),
        deadline.title,
    )
