"""Duties after the permit: days abroad per calendar year, the licence exchange, moving house.

Conventions:
- A trip abroad is the closed interval ``[departure, return]``; both days count as days abroad
  (the cautious reading: the law does not say). An open trip (no return yet) counts up to ``on``.
- Days abroad are summed per calendar year, 1 January to 31 December; days before the permit was
  issued do not count. The permit is at risk when a year holds more than the limit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculator.dates import human
from calculator.errors import InputError
from calculator.periods import deadline_after
from calculator.requests import intervals, opt_date, req_date
from calculator.results import Explanation, ResultMixin
from calculator.rulebook import RuleBook
from calculator.stays import DayCounter, Stay


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


def obligations(
    book: RuleBook, permit_issued: date, trips: Sequence[Stay], on: date, moved: date | None = None
) -> Obligations:
    absence = book.deadline("permit_absence_limit")
    limit, margin = absence.days, int(absence.extra.get("warn_within_days", 0))
    totals = days_abroad_by_year(trips, permit_issued, on)
    last_year = max([on.year, *totals])
    steps = [
        f"{absence.title}: more than {limit} days abroad in one calendar year puts the permit at risk. "
        "Departure and return days both count as days abroad here.",
        f"Only days from the permit ({human(permit_issued)}) count.",
    ]
    warnings: list[str | None] = [absence.provenance.caution(absence.title)]
    years = []
    for year in range(permit_issued.year, last_year + 1):
        used = totals.get(year, 0)
        left = max(0, limit - used)
        years.append(YearAbroad(year, used, limit, left, used > limit))
        steps.append(f"{year}: {used} day(s) abroad, {left} more allowed.")
        if used > limit:
            warnings.append(
                f"{year}: {used} days abroad is more than {limit}; the permit can be cancelled."
            )
        elif left <= margin:
            warnings.append(f"{year}: only {left} day(s) abroad left before the {limit}-day limit.")
    licence = book.deadline("licence_exchange")
    licence_by = deadline_after(book.calendar, permit_issued, licence)
    steps.append(
        f"If you drive: exchange your licence by {human(licence_by)} ({licence.describe()})."
    )
    warnings.append(licence.provenance.caution(licence.title))
    register_by = None
    if moved is not None:
        address = book.deadline("address_reregistration")
        register_by = deadline_after(book.calendar, moved, address)
        steps.append(
            f"You moved on {human(moved)}: register the new address by {human(register_by)}."
        )
        warnings.append(address.provenance.caution(address.title))
    explanation = Explanation.build(absence.id, steps, absence.provenance, warnings)
    return Obligations(permit_issued, on, years, licence_by, register_by, explanation)


def obligations_from_request(book: RuleBook, request: Mapping[str, Any]) -> Obligations:
    permit_issued, on = req_date(request, "permit_issued"), req_date(request, "on")
    if on < permit_issued:
        raise InputError("on", f"is before the permit was issued ({permit_issued.isoformat()})")
    return obligations(
        book, permit_issued, intervals(request, "trips"), on, opt_date(request, "moved")
    )
