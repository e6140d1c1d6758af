"""Duties after the permit: days abroad per calendar year, the licence exchange, moving house.

Conventions:
- A trip abroad is the closed interval ``[departure, return]``; both days count as days abroad
  (the cautious reading: the law does not say). An open trip (no return yet) counts up to ``on``.
- Days abroad are summed per calendar year, 1 January to 31 December; days before the permit was
  issued do not count. The permit is at risk when a year holds more than the limit.
- Abroad on ``on`` (the last trip has no return): ``return_by`` is the last day you may come back
  with no year over the limit, the return day counted as a day abroad (a new year starts again
  from its own days); ``None`` when a year is already over.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from calculator.core.dates import human
from calculator.core.errors import InputError
from calculator.core.i18n import _, days, ngettext
from calculator.core.periods import deadline_after
from calculator.core.results import Explanation, ResultMixin
from calculator.core.stays import DayCounter, Stay
from calculator.requests import intervals, opt_date, req_date
from calculator.rules.rulebook import RuleBook


@dataclass(frozen=True)
class YearAbroad:
    year: int
    days_abroad: int
    limit: int
    days_left: int
    over: bool


@dataclass(frozen=True)
class Obligations(ResultMixin):
    permit_issued: date
    on: date
    years: list[YearAbroad]
    licence_exchange_by: date
    address_register_by: date | None
    return_by: date | None
    explanation: Explanation


def days_abroad_by_year(trips: Sequence[Stay], since: date, until: date) -> dict[int, int]:
    """Days abroad per calendar year from ``since`` (open trips run to ``until``); a day shared by
    two trips (back and off again) counts once. Years with no day abroad are left out."""
    if not trips:
        return {}
    counter = DayCounter(trips, until, since)
    last = max(trip.last_day(until) for trip in trips)
    totals = {
        year: counter.count(date(year, 1, 1), date(year, 12, 31))
        for year in range(since.year, last.year + 1)
    }
    return {year: days for year, days in totals.items() if days}


def return_by(totals: Mapping[int, int], on: date, limit: int) -> date | None:
    """Abroad on ``on`` with ``totals`` counted to it: the last day of staying abroad (the return
    day included) before a calendar year would hold more than ``limit`` days; ``None`` if the
    year of ``on`` already does. Day by day: at most a year and ``limit`` days ahead."""
    used = totals.get(on.year, 0)
    if used > limit:
        return None
    day = on
    while True:
        following = day + timedelta(days=1)
        used = used + 1 if following.year == day.year else 1  # a year starts from its own days
        if used > limit:
            return day
        day = following


def obligations(
    book: RuleBook, permit_issued: date, trips: Sequence[Stay], on: date, moved: date | None = None
) -> Obligations:
    absence = book.deadline("permit_absence_limit")
    limit, margin = absence.days, int(absence.extra.get("warn_within_days", 0))
    totals = days_abroad_by_year(trips, permit_issued, on)
    last_year = max([on.year, *totals])
    steps = [
        _(
            "{title}: more than {limit} abroad in one calendar year puts the permit at risk. "
            "Departure and return days both count as days abroad here."
        ).format(title=absence.title, limit=days(limit)),
        _("Only days from the permit ({date}) count.").format(date=human(permit_issued)),
    ]
    warnings: list[str | None] = [absence.provenance.caution(absence.title)]
    years = []
    for year in range(permit_issued.year, last_year + 1):
        used = totals.get(year, 0)
        left = max(0, limit - used)
        years.append(YearAbroad(year, used, limit, left, used > limit))
        steps.append(
            ngettext(
                "{year}: {n} day abroad, {left} more allowed.",
                "{year}: {n} days abroad, {left} more allowed.",
                used,
            ).format(year=year, n=used, left=left)
        )
        if used > limit:
            warnings.append(
                _(
                    "{year}: {used} abroad is more than {limit}; the permit can be cancelled."
                ).format(year=year, used=days(used), limit=limit)
            )
        elif left <= margin:
            warnings.append(
                ngettext(
                    "{year}: only {n} day abroad left before the {limit}-day limit.",
                    "{year}: only {n} days abroad left before the {limit}-day limit.",
                    left,
                ).format(year=year, n=left, limit=limit)
            )
    licence = book.deadline("licence_exchange")
    licence_by = deadline_after(book.calendar, permit_issued, licence)
    steps.append(
        _("If you drive: exchange your licence by {date} ({period}).").format(
            date=human(licence_by), period=licence.describe()
        )
    )
    warnings.append(licence.provenance.caution(licence.title))
    register_by = None
    if moved is not None:
        address = book.deadline("address_reregistration")
        register_by = deadline_after(book.calendar, moved, address)
        steps.append(
            _("You moved on {moved}: register the new address by {date}.").format(
                moved=human(moved), date=human(register_by)
            )
        )
        warnings.append(address.provenance.caution(address.title))
    back_by = None
    if trips and trips[-1].exit is None and trips[-1].entry <= on:
        back_by = return_by(totals, on, limit)
        if back_by is not None:
            steps.append(
                _(
                    "You are abroad on {on}: come back by {date}, the day you come back counted as "
                    "a day abroad; a day later the year would hold more than {limit} days."
                ).format(on=human(on), date=human(back_by), limit=limit)
            )
    explanation = Explanation.build(absence.id, steps, absence.provenance, warnings)
    return Obligations(permit_issued, on, years, licence_by, register_by, back_by, explanation)


def obligations_from_request(book: RuleBook, request: Mapping[str, Any]) -> Obligations:
    permit_issued, on = req_date(request, "permit_issued"), req_date(request, "on")
    moved = opt_date(request, "moved")
    for name, day in (("on", on), ("moved", moved)):  # a move before the permit has no duty
        if day is not None and day < permit_issued:
            raise InputError(
                name,
                _("is before the permit was issued ({date})").format(
                    date=permit_issued.isoformat()
                ),
            )
    return obligations(book, permit_issued, intervals(request, "trips"), on, moved)
