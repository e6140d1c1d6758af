"""The working-day calendar (``data/calendar.yaml`` through the engine) against python-holidays.

For 2025 and 2026 both must agree on every single day: weekends, statutory holidays, carry-overs,
the 2025 transfer (Friday 3 January off, Sunday 5 January worked), Kurban Ait and the end of the
30 August Constitution Day after 2025. python-holidays is a build/test-time dependency only.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from calculator.rules.rulebook import RuleBook

YEARS = (2025, 2026)


@pytest.fixture(scope="module")
def kz() -> holidays.HolidayBase:
    return holidays.KZ(years=YEARS)


def days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]


@pytest.mark.parametrize("year", YEARS)
def test_every_day_agrees_with_python_holidays(
    book: RuleBook, kz: holidays.HolidayBase, year: int
) -> None:
    calendar = book.calendar
    disagreements = [
        f"{day:%a %Y-%m-%d}: engine says {'working' if ours else 'off'} "
        f"({calendar.day_off_reason(day)}), python-holidays says "
        f"{'working' if theirs else 'off'} ({kz.get(day)})"
        for day in days_of(year)
        if (ours := calendar.is_working_day(day)) != (theirs := kz.is_working_day(day))
    ]
    assert not disagreements, "\n".join(disagreements)


@pytest.mark.parametrize("year", YEARS)
def test_same_number_of_working_days(book: RuleBook, kz: holidays.HolidayBase, year: int) -> None:
    ours = sum(book.calendar.is_working_day(day) for day in days_of(year))
    assert ours == kz.get_working_days_count(date(year, 1, 1), date(year, 12, 31))


@pytest.mark.parametrize(
    ("day", "working", "why"),
    [
        (date(2025, 1, 3), False, "Friday off by transfer"),
        (date(2025, 1, 5), True, "Sunday worked by transfer"),
        (date(2025, 3, 10), False, "Women's Day carried over from Saturday"),
        (date(2025, 9, 1), False, "Constitution Day 2025 carried over from Saturday"),
        (date(2026, 5, 27), False, "Kurban Ait"),
        (date(2026, 8, 31), True, "no Constitution Day after 2025"),
    ],
)
def test_edge_days(
    book: RuleBook, kz: holidays.HolidayBase, day: date, working: bool, why: str
) -> None:
    assert book.calendar.is_working_day(day) is working, why
    assert kz.is_working_day(day) is working, why


def test_kurban_ait_2026_is_the_same_date_in_both(book: RuleBook, kz: holidays.HolidayBase) -> None:
    """python-holidays labels 2026 Kurban Ait as estimated; the date must still agree."""
    theirs = [day for day, name in kz.items() if day.year == 2026 and "Eid al-Adha" in name]
    assert theirs == [date(2026, 5, 27)]
    reason = book.calendar.day_off_reason(date(2026, 5, 27))
    assert reason is not None and "Kurban" in reason


def test_working_weekend_days_agree(book: RuleBook, kz: holidays.HolidayBase) -> None:
    ours = {
        day
        for year in YEARS
        for day in days_of(year)
        if day.isoweekday() >= 6 and book.calendar.is_working_day(day)
    }
    assert ours == {day for day in kz.weekend_workdays if day.year in YEARS} == {date(2025, 1, 5)}
