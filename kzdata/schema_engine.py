"""What the engine needs of the rule data, checked at build so that no accepted fact breaks an
answer or makes it lie: the deadlines the engine reads by id (:mod:`calculator.rules.needs`), each
period within the bound of its unit, a week with working days, transfers that swap a weekend day
and a working day, ordered year and date pairs, and a confirmed Kurban Ait in every official year.
"""

from __future__ import annotations

import datetime
from typing import Any

from calculator.rules.needs import DEADLINES, DOCUMENTS
from kzdata.bounds import MAX_PERIOD_DAYS, MAX_TRANSFER_GAP_DAYS, MAX_WEEKEND_DAYS
from kzdata.schema_rules import WEEKDAYS
from kzdata.schema_types import fail

NEEDS = "calculator/rules/needs.py"


def engine_links(data: dict[str, Any]) -> None:
    """Raise a :class:`~kzdata.errors.DataError` for the first rule fact the engine cannot use."""
    deadline_needs(data["deadlines"])
    periods(data["deadlines"])
    calendar_facts(data["calendar"])
    pilot = data["site"]["pilot"]
    if pilot["legal_start"] >= pilot["legal_end"]:
        raise fail(
            "site",
            "pilot",
            f"'legal_end' {pilot['legal_end']} is not after 'legal_start' {pilot['legal_start']}",
        )


def deadline_needs(deadlines: list[dict[str, Any]]) -> None:
    """Every deadline the engine reads by id is there, in a unit it can compute."""
    by_id = {d["id"]: d for d in deadlines}
    for deadline_id, units in DEADLINES.items():
        label = f"deadline '{deadline_id}'"
        if deadline_id not in by_id:
            raise fail(
                "deadlines", label, f"is missing; the calculator needs it (listed in {NEEDS})"
            )
        unit = by_id[deadline_id]["unit"]
        if unit not in units:
            raise fail(
                "deadlines",
                label,
                f"'unit' is {unit}, but the calculator counts this period in {' or '.join(units)}",
            )
    documents = {d.get("document") for d in deadlines}
    for document in DOCUMENTS:
        if document not in documents:
            raise fail(
                "deadlines",
                "deadlines",
                f"no deadline has 'document: {document}'; the calculator needs its validity "
                f"(listed in {NEEDS})",
            )


def periods(deadlines: list[dict[str, Any]]) -> None:
    """Each period within the bound of its unit; the warning margin inside the limit."""
    for deadline in deadlines:
        label = f"deadline '{deadline['id']}'"
        most = MAX_PERIOD_DAYS[deadline["unit"]]
        for name in ("days", "days_max"):
            if deadline.get(name, 0) > most:
                raise fail(
                    "deadlines",
                    label,
                    f"'{name}' is {deadline[name]:,}; a period in {deadline['unit']} is at most "
                    f"{most:,}",
                )
        margin = deadline.get("warn_within_days")
        if margin is not None and margin >= deadline["days"]:
            raise fail(
                "deadlines", label, "'warn_within_days' must be smaller than 'days' (the limit)"
            )


def calendar_facts(calendar: dict[str, Any]) -> None:
    weekend = calendar["weekend"]
    if len(weekend) > MAX_WEEKEND_DAYS:
        raise fail(
            "calendar",
            "weekend",
            f"lists {len(weekend)} days; at most {MAX_WEEKEND_DAYS} (a week keeps working days)",
        )
    weekend_days = {WEEKDAYS.index(day) + 1 for day in weekend}
    for holiday in calendar["holidays"]:
        first, last = holiday.get("from_year"), holiday.get("until_year")
        if first is not None and last is not None and first > last:
            raise fail(
                "calendar",
                f"holiday '{holiday['id']}'",
                f"'from_year' {first} is after 'until_year' {last}",
            )
    lunar = {
        entry["date"].year: entry
        for holiday in calendar["lunar_holidays"]
        for entry in holiday["dates"]
    }
    for transfer in calendar["transfers"]:
        transfer_facts(transfer, weekend_days, calendar["holidays"], lunar)
    for official in calendar["official_years"]:
        entry = lunar.get(official["year"])
        if entry is None or entry["status"] != "confirmed":
            raise fail(
                "calendar",
                f"official year {official['year']}",
                "needs a confirmed Kurban Ait date under 'lunar_holidays' (an official calendar "
                "names the day)",
            )


def _holiday(
    day: datetime.date, holidays: list[dict[str, Any]], lunar: dict[int, Any]
) -> str | None:
    """The name of the statutory or lunar holiday on ``day`` (before carry-overs), if any."""
    if day.year in lunar and lunar[day.year]["date"] == day:
        return "Kurban Ait"
    for holiday in holidays:
        first, last = holiday.get("from_year"), holiday.get("until_year")
        in_year = (first is None or day.year >= first) and (last is None or day.year <= last)
        if in_year and day.strftime("%m-%d") in holiday["dates"]:
            return str(holiday["name"])
    return None


def transfer_facts(
    transfer: dict[str, Any],
    weekend: set[int],
    holidays: list[dict[str, Any]],
    lunar: dict[int, Any],
) -> None:
    """A transfer turns a weekend day that is no holiday into a working day, and a working day
    (not a weekend day, not a holiday) into a day off, at most a year apart."""
    label = f"transfer '{transfer['id']}'"
    off, work = transfer["day_off"], transfer["working_day"]
    if off == work:
        raise fail("calendar", label, f"'day_off' and 'working_day' are the same day ({off})")
    if abs((off - work).days) > MAX_TRANSFER_GAP_DAYS:
        raise fail(
            "calendar",
            label,
            f"'day_off' {off} and 'working_day' {work} are more than {MAX_TRANSFER_GAP_DAYS} days apart",
        )
    if work.isoweekday() not in weekend:
        raise fail(
            "calendar", label, f"'working_day' {work} is not a weekend day, so it is worked anyway"
        )
    for name, day in (("working_day", work), ("day_off", off)):
        holiday = _holiday(day, holidays, lunar)
        if holiday:
            raise fail(
                "calendar",
                label,
                f"'{name}' {day} is a holiday ({holiday}); a transfer cannot move it",
            )
    if off.isoweekday() in weekend:
        raise fail("calendar", label, f"'day_off' {off} is a weekend day, a day off anyway")
