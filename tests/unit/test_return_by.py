"""After the permit, abroad now (the last trip has no return): the last day to come back with no
calendar year over the limit (183, data/deadlines.yaml), the return day counted as a day abroad.
Worked by hand."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from calculator import bridge
from calculator.after_permit.obligations import return_by


@pytest.fixture(scope="module", autouse=True)
def loaded(rules: dict) -> None:
    bridge.load(json.dumps(rules))


def ask(request: dict[str, Any]) -> dict[str, Any]:
    response = json.loads(bridge.handle(json.dumps({"action": "abroad", **request})))
    assert response["ok"], response
    return response["result"]


@pytest.mark.parametrize(
    ("used", "on", "expected"),
    [
        (151, date(2025, 7, 1), date(2025, 8, 2)),  # 32 more: 2-31 Jul (30) + 1-2 Aug
        (183, date(2025, 7, 1), date(2025, 7, 1)),  # the limit reached today: back today
        (184, date(2025, 7, 1), None),  # already over
        # 62 used by 1 Dec: the rest of 2025 fits; 2026 starts from 0: 181 days to 30 Jun, 183 on 2 Jul
        (62, date(2025, 12, 1), date(2026, 7, 2)),
        # 183 on 31 Dec is the limit, not over it; 1 Jan counts for 2026, which starts from 0
        (183, date(2025, 12, 31), date(2026, 7, 2)),
        (183, date(2025, 12, 30), date(2025, 12, 30)),  # 31 Dec would make 184 in 2025
    ],
)
def test_return_by(used: int, on: date, expected: date | None) -> None:
    assert return_by({on.year: used}, on, 183) == expected


def test_abroad_now_gets_a_come_back_by_date() -> None:
    result = ask({"permit_issued": "2025-01-10", "trips": ["2025-02-01.."], "on": "2025-07-01"})
    assert result["years"][0]["days_abroad"] == 151  # 1 Feb - 1 Jul
    assert result["return_by"] == "2025-08-02"
    assert any("come back by Sat 2 Aug 2025" in s for s in result["explanation"]["steps"])


@pytest.mark.parametrize(
    "trips",
    [["2025-02-01..2025-03-01"], ["2025-08-01.."], []],  # back already; leaving later; no trip
)
def test_not_abroad_on_the_day_no_date(trips: list[str]) -> None:
    result = ask({"permit_issued": "2025-01-10", "trips": trips, "on": "2025-07-01"})
    assert result["return_by"] is None
