"""The calendar part of the rule data check (:mod:`calculator.rules.validate`): weekend days,
holidays (month-days every year has, years in order), lunar holidays (one date a year, the
engine's table holds one), transfers (two different days, the working one a weekend day) and
the official years."""

from __future__ import annotations

import calendar as gregorian
from collections.abc import Mapping
from typing import Any

from calculator.core.dates import FIRST_YEAR, LAST_YEAR
from calculator.core.errors import quote
from calculator.core.i18n import _
from calculator.rules.check import bad, choice, day, field, flag, items, number, obj, records, text

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LUNAR_STATUS = ("confirmed", "estimated")
CALENDAR_LISTS = ("holidays", "lunar_holidays", "transfers")
"""The calendar's lists of records with ids (their words may be translated)."""


def validate_calendar(cal: Mapping[str, Any]) -> None:
    weekend = items(field(cal, "weekend", "calendar"), "calendar.weekend")
    for index, name in enumerate(weekend):
        choice(name, f"calendar.weekend[{index}]", WEEKDAYS)
    if len(set(weekend)) < len(weekend):
        raise bad("calendar.weekend", _("names a day twice"))
    if len(weekend) == len(WEEKDAYS):
        raise bad("calendar.weekend", _("holds all seven days: no day would be a working day"))
    weekend_days = {WEEKDAYS.index(name) + 1 for name in weekend}
    for path, holiday in records(cal, "holidays", "calendar"):
        text(field(holiday, "name", path), f"{path}.name")
        flag(field(holiday, "carried_over", path), f"{path}.carried_over")
        dates = items(field(holiday, "dates", path), f"{path}.dates")
        if not dates:
            raise bad(f"{path}.dates", _("must list at least one day"))
        for index, month_day in enumerate(dates):
            _month_day(month_day, f"{path}.dates[{index}]")
        first = FIRST_YEAR
        if holiday.get("from_year") is not None:
            first = number(holiday["from_year"], f"{path}.from_year", FIRST_YEAR, LAST_YEAR)
        if holiday.get("until_year") is not None:
            number(holiday["until_year"], f"{path}.until_year", first, LAST_YEAR)
    years: set[int] = set()
    for path, lunar in records(cal, "lunar_holidays", "calendar"):
        text(field(lunar, "name", path), f"{path}.name")
        for index, entry in enumerate(items(field(lunar, "dates", path), f"{path}.dates")):
            where = f"{path}.dates[{index}]"
            found = day(field(obj(entry, where), "date", where), f"{where}.date")
            choice(field(entry, "status", where), f"{where}.status", LUNAR_STATUS)
            if found.year in years:
                raise bad(
                    f"{where}.date",
                    _("is a second lunar holiday in {year}").format(year=found.year),
                )
            years.add(found.year)
    for path, transfer in records(cal, "transfers", "calendar"):
        text(field(transfer, "order", path), f"{path}.order")
        off = day(field(transfer, "day_off", path), f"{path}.day_off")
        working = day(field(transfer, "working_day", path), f"{path}.working_day")
        if working == off:
            raise bad(f"{path}.working_day", _("is the same day as day_off"))
        if working.isoweekday() not in weekend_days:
            raise bad(
                f"{path}.working_day",
                _("{date} is not a weekend day, so a transfer cannot make it a working day").format(
                    date=working.isoformat()
                ),
            )
    for index, year in enumerate(
        items(field(cal, "official_years", "calendar"), "calendar.official_years")
    ):
        where = f"calendar.official_years[{index}]"
        number(field(obj(year, where), "year", where), f"{where}.year", FIRST_YEAR, LAST_YEAR)


def _month_day(value: Any, path: str) -> None:
    """``MM-DD`` that every year has (not 29 February)."""
    word = text(value, path)
    parts = word.split("-")
    ok = len(word) == 5 and len(parts) == 2 and all(p.isascii() and p.isdigit() for p in parts)
    if ok:
        month, day_of_month = int(parts[0]), int(parts[1])
        ok = 1 <= month <= 12 and 1 <= day_of_month <= gregorian.monthrange(2001, month)[1]
    if not ok:
        raise bad(
            path,
            _("{value} is not a month and day that every year has, such as 03-21").format(
                value=quote(word)
            ),
        )
