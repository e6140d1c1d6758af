"""Kazakhstan's calendar for 2025 and 2026, day by day as the official calendars list them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from calculator.core.dates import parse_date, require_date
from calculator.core.errors import InputError

# Weekday days off (weekends are off anyway), from the published calendars (kz-facts C1, C2).
DAYS_OFF_2025 = {
    "2025-01-01": "New Year",
    "2025-01-02": "New Year",
    "2025-01-03": "Day off (moved from Sun 5 Jan 2025",
    "2025-01-07": "Orthodox Christmas",
    "2025-03-10": "Day off (carried over from International Women's Day, Sat 8 Mar 2025)",
    "2025-03-21": "Nauryz",
    "2025-03-24": "Day off (carried over from Nauryz, Sat 22 Mar 2025)",
    "2025-03-25": "Day off (carried over from Nauryz, Sun 23 Mar 2025)",
    "2025-05-01": "Kazakhstan People's Unity Day",
    "2025-05-07": "Defender of the Fatherland Day",
    "2025-05-09": "Victory Day",
    "2025-06-06": "Kurban Ait (first day)",
    "2025-07-07": "Day off (carried over from Capital Day, Sun 6 Jul 2025)",
    "2025-09-01": "Day off (carried over from Constitution Day (1995 Constitution), Sat 30 Aug 2025)",
    "2025-10-27": "Day off (carried over from Day of the Republic of Kazakhstan, Sat 25 Oct 2025)",
    "2025-12-16": "Independence Day",
}
DAYS_OFF_2026 = {
    "2026-01-01": "New Year",
    "2026-01-02": "New Year",
    "2026-01-07": "Orthodox Christmas",
    "2026-03-09": "Day off (carried over from International Women's Day, Sun 8 Mar 2026)",
    "2026-03-23": "Nauryz",
    "2026-03-24": "Day off (carried over from Nauryz, Sat 21 Mar 2026)",
    "2026-03-25": "Day off (carried over from Nauryz, Sun 22 Mar 2026)",
    "2026-05-01": "Kazakhstan People's Unity Day",
    "2026-05-07": "Defender of the Fatherland Day",
    "2026-05-11": "Day off (carried over from Victory Day, Sat 9 May 2026)",
    "2026-05-27": "Kurban Ait (first day)",
    "2026-07-06": "Capital Day",
    "2026-10-26": "Day off (carried over from Day of the Republic of Kazakhstan, Sun 25 Oct 2026)",
    "2026-12-16": "Independence Day",
}


@pytest.mark.parametrize(("year", "table"), [(2025, DAYS_OFF_2025), (2026, DAYS_OFF_2026)])
def test_weekday_days_off_match_the_official_calendar(book, year: int, table: dict) -> None:
    found = {
        d.isoformat(): reason
        for d, reason in book.calendar.days_off_between(date(year, 1, 1), date(year, 12, 31))
        if d.isoweekday() < 6
    }
    assert set(found) == set(table)
    for day, label in table.items():
        assert found[day].startswith(label), (day, found[day])


@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2025-01-05", True),  # Sunday worked by Order 436
        ("2025-01-04", False),
        ("2026-08-31", True),  # no longer Constitution Day after the 2026 Constitution
        ("2026-08-30", False),  # an ordinary Sunday
        ("2025-06-06", False),
        ("2024-06-17", True),  # not in the data: 2024 is projected; Kurban Ait 2024 unknown
    ],
)
def test_is_working_day(book, day: str, working: bool) -> None:
    assert book.calendar.is_working_day(date.fromisoformat(day)) is working


def test_kurban_ait_never_carried_over(book) -> None:
    """Kurban Ait 2027 is estimated on a Sunday: no Monday off follows."""
    assert book.calendar.is_working_day(date(2027, 5, 17))
    assert "estimated" in book.calendar.day_off_reason(date(2027, 5, 16))


def test_constitution_day_moves_to_15_march_from_2027(book) -> None:
    assert book.calendar.day_off_reason(date(2027, 3, 15)) == "Constitution Day"
    assert book.calendar.is_working_day(date(2026, 3, 16))


def test_projected_years_warn(book) -> None:
    assert book.calendar.year_warnings(date(2025, 1, 1), date(2026, 12, 31)) == []
    warnings = book.calendar.year_warnings(date(2026, 12, 1), date(2027, 1, 10))
    assert any("No official calendar for 2027" in w for w in warnings)
    assert any("estimated" in w for w in warnings)


def test_datetime_and_strings_refused_at_the_boundary() -> None:
    with pytest.raises(InputError, match=r"expected a datetime\.date, got datetime"):
        require_date(datetime(2025, 1, 1, 12), "on")
    with pytest.raises(InputError, match="got str"):
        require_date("2025-01-01", "on")
    assert require_date(date(2025, 1, 1), "on") == date(2025, 1, 1)
    with pytest.raises(InputError, match="not a date in the form"):
        parse_date("1.1.2025", "on")
    with pytest.raises(InputError, match=r"^on: 29 February 2025 does not exist$"):
        parse_date("2025-02-29", "on")
    with pytest.raises(InputError, match="there is no month 13"):
        parse_date("2025-13-01", "on")
    assert parse_date("2024-02-29", "on") == date(2024, 2, 29)
