"""Kazakhstan's working-day calendar, computed from the calendar facts in ``data/calendar.yaml``.

Conventions:
- A working day is a day that is not a weekend day and not a day off, or that a transfer order
  turned into a working day (Sunday 5 January 2025).
- ``add_working_days(start, n)`` is the n-th working day strictly after ``start``; ``start`` itself
  is never counted, so "within 3 working days of arrival on Friday" ends on the third working day
  after that Friday. ``n = 0`` returns ``start``.
- Each year is computed on first use: statutory days off, then lunar days off, then carry-overs
  (a holiday marked ``carried_over`` on a weekend moves to the next day that is neither a weekend
  day nor another day off), then transfers. Carry-overs do not cross into the next year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from calculator.core.bounds import MAX_WORKING_DAYS
from calculator.core.dates import ONE_DAY, human, parse_date
from calculator.core.errors import InputError
from calculator.core.i18n import _, current

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class _Holiday:
    id: str
    name: str
    month_days: tuple[tuple[int, int], ...]
    carried_over: bool
    from_year: int | None
    until_year: int | None

    def in_year(self, year: int) -> bool:
        return (self.from_year is None or year >= self.from_year) and (
            self.until_year is None or year <= self.until_year
        )


@dataclass
class _Year:
    days_off: dict[date, str] = field(default_factory=dict)
    working_weekend_days: dict[date, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass
class WorkCalendar:
    """Working days for a five-day week. Build it with :meth:`from_dict`."""

    weekend: frozenset[int]
    holidays: tuple[_Holiday, ...]
    lunar: Mapping[int, tuple[date, str, str]]  # year -> (date, name, status)
    transfers: tuple[tuple[date, date, str], ...]  # (day off, working day, order)
    official_years: frozenset[int]
    _years: dict[tuple[str, int], _Year] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WorkCalendar:
        weekend = frozenset(_WEEKDAYS.index(day) + 1 for day in data["weekend"])
        holidays = tuple(
            _Holiday(
                id=h["id"],
                name=h["name"],
                month_days=tuple((int(md[:2]), int(md[3:])) for md in h["dates"]),
                carried_over=bool(h["carried_over"]),
                from_year=h.get("from_year"),
                until_year=h.get("until_year"),
            )
            for h in data["holidays"]
        )
        lunar: dict[int, tuple[date, str, str]] = {}
        for holiday in data["lunar_holidays"]:
            for entry in holiday["dates"]:
                day = parse_date(entry["date"], f"calendar.{holiday['id']}")
                lunar[day.year] = (day, holiday["name"], entry["status"])
        transfers = tuple(
            (
                parse_date(t["day_off"], f"calendar.{t['id']}.day_off"),
                parse_date(t["working_day"], f"calendar.{t['id']}.working_day"),
                t["order"],
            )
            for t in data["transfers"]
        )
        official = frozenset(int(y["year"]) for y in data["official_years"])
        return cls(weekend, holidays, lunar, transfers, official)

    # -- per-year tables --------------------------------------------------------------------------

    def _year(self, year: int) -> _Year:
        """The year's table, in the language of the request (its reasons are words)."""
        key = (current(), year)
        if key not in self._years:
            self._years[key] = self._compute_year(year)
        return self._years[key]

    def _compute_year(self, year: int) -> _Year:
        table = _Year()
        carried: list[tuple[date, str]] = []
        for holiday in self.holidays:
            if not holiday.in_year(year):
                continue
            for month, day_of_month in holiday.month_days:
                day = date(year, month, day_of_month)
                table.days_off.setdefault(day, holiday.name)
                if holiday.carried_over and day.isoweekday() in self.weekend:
                    carried.append((day, holiday.name))
        if year in self.lunar:
            day, name, status = self.lunar[year]
            label = (
                name if status != "estimated" else _("{name} (estimated date)").format(name=name)
            )
            table.days_off.setdefault(day, label)
            if status == "estimated":
                table.warnings.append(
                    _(
                        "{name} {year} is estimated as {date}; the Spiritual Administration of "
                        "Muslims sets the date shortly before, so dates near it may move."
                    ).format(name=name, year=year, date=human(day))
                )
        else:
            table.warnings.append(
                _(
                    "The date of Kurban Ait in {year} is not in the data; "
                    "it is not counted as a day off."
                ).format(year=year)
            )
        for day, name in sorted(carried):
            target = day + ONE_DAY
            while target.year == year and (
                target.isoweekday() in self.weekend or target in table.days_off
            ):
                target += ONE_DAY
            if target.year == year:
                table.days_off[target] = _("Day off (carried over from {name}, {date})").format(
                    name=name, date=human(day)
                )
        for day_off, working_day, order in self.transfers:
            if day_off.year == year:
                table.days_off[day_off] = _("Day off (moved from {date} by {order})").format(
                    date=human(working_day), order=order
                )
            if working_day.year == year:
                table.working_weekend_days[working_day] = _(
                    "Working day (its day off moved to {date} by {order})"
                ).format(date=human(day_off), order=order)
        if year not in self.official_years:
            table.warnings.insert(
                0,
                _(
                    "No official calendar for {year} is in the data: its days off are projected "
                    "from the statutory holidays, and transfer orders for that year are unknown."
                ).format(year=year),
            )
        return table

    # -- queries ----------------------------------------------------------------------------------

    def day_off_reason(self, day: date) -> str | None:
        """Why ``day`` is not a working day (``None`` for a working day)."""
        table = self._year(day.year)
        if day in table.working_weekend_days:
            return None
        if day in table.days_off:
            return table.days_off[day]
        if day.isoweekday() in self.weekend:
            return _("Weekend")
        return None

    def is_working_day(self, day: date) -> bool:
        return self.day_off_reason(day) is None

    def working_day_note(self, day: date) -> str | None:
        """The note for a weekend day that is worked by order (``None`` otherwise)."""
        return self._year(day.year).working_weekend_days.get(day)

    def year_warnings(self, first: date, last: date) -> list[str]:
        """Warnings for every year that the closed interval ``[first, last]`` touches."""
        warnings: list[str] = []
        for year in range(first.year, last.year + 1):
            warnings.extend(self._year(year).warnings)
        return warnings

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day strictly after ``start`` (``start`` itself when ``n == 0``)."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise InputError(
                "add",
                _("must be a whole number of working days, 0 or more (got {n})").format(n=repr(n)),
            )
        if n > MAX_WORKING_DAYS:
            raise InputError(
                "add",
                _("at most {most} working days (got {n})").format(most=MAX_WORKING_DAYS, n=n),
            )
        day = start
        remaining = n
        while remaining:
            day += ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def days_off_between(self, first: date, last: date) -> list[tuple[date, str]]:
        """Days off in the closed interval ``[first, last]`` with their reasons."""
        found: list[tuple[date, str]] = []
        day = first
        while day <= last:
            reason = self.day_off_reason(day)
            if reason is not None:
                found.append((day, reason))
            day += ONE_DAY
        return found
