"""Which facts count as checked too long ago: month arithmetic, the boundary day, KB_TODAY."""

from __future__ import annotations

import datetime

import pytest

from kb.freshness import add_months, build_date, is_stale, stale_mark
from kzdata.errors import DataError

D = datetime.date
RECHECK = {"months": 12, "label": "checked more than a year ago"}


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 11, 25), 12, D(2027, 11, 25)),
        (D(2025, 1, 31), 1, D(2025, 2, 28)),  # no 31 February: the last day of the month
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap year
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2025, 12, 15), 1, D(2026, 1, 15)),  # across the year end
        (D(2025, 6, 30), 18, D(2026, 12, 30)),
    ],
)
def test_add_months(day: datetime.date, months: int, expected: datetime.date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("verified", "today", "stale"),
    [
        (D(2026, 11, 25), D(2026, 11, 26), False),  # a build today marks nothing
        (D(2026, 11, 25), D(2027, 11, 25), False),  # exactly 12 months: still fresh
        (D(2026, 11, 25), D(2027, 11, 26), True),  # the day after: stale
        (D(2026, 11, 25), D(2028, 6, 1), True),
        (None, D(2028, 6, 1), False),  # records without a check date are not facts
    ],
)
def test_is_stale_boundary(
    verified: datetime.date | None, today: datetime.date, stale: bool
) -> None:
    assert is_stale(verified, today, 12) is stale


def test_the_mark_is_an_element_with_data_stale_and_a_visible_label() -> None:
    mark = stale_mark({"verified": D(2026, 11, 25)}, D(2028, 6, 1), RECHECK)
    assert 'data-stale="2026-11-25"' in mark and ">checked more than a year ago</span>" in mark
    assert stale_mark({"verified": D(2026, 11, 25)}, D(2026, 11, 26), RECHECK) == ""


def test_kb_today_overrides_the_build_date() -> None:
    assert build_date({"KB_TODAY": "2028-06-01"}) == D(2028, 6, 1)
    assert build_date({}) == datetime.date.today()
    with pytest.raises(
        DataError, match=r"KB_TODAY: '1 June 2028' is not a date \(write it as YYYY-MM-DD\)"
    ):
        build_date({"KB_TODAY": "1 June 2028"})
