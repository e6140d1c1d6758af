"""A regime that replaced another (``in_force_from`` in data/stay_rules.yaml): a result that counts
days before it still counts them under the new rule, and says so, naming both (a Turkish visitor on
day 76 in August 2025 was under the 30-day rule; China's 30-day regime began on 10 Nov 2023)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculator import bridge

TURKEY_FROM = "Kazakhstan, Turkey (90 days in 180) applies from Mon 8 Sep 2025"
CHINA_FROM = "Kazakhstan, China (mutual agreement, 30 days per entry) applies from Fri 10 Nov 2023"


@pytest.fixture(scope="module", autouse=True)
def loaded(rules: dict) -> None:
    bridge.load(json.dumps(rules))


def warnings(request: dict[str, Any]) -> list[str]:
    response = json.loads(bridge.handle(json.dumps(request)))
    assert response["ok"], response
    return response["result"]["explanation"]["warnings"]


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        # in Kazakhstan since 1 Jun 2025, checked on 15 Aug: every counted day is before 8 Sep
        (
            {
                "action": "status",
                "nationality": "TR",
                "stays": ["2025-06-01.."],
                "on": "2025-08-15",
            },
            TURKEY_FROM,
        ),
        # a stay of 1-10 Sep 2025 in the window of 1 Oct: 1-7 Sep are before the regime
        (
            {
                "action": "status",
                "nationality": "TR",
                "stays": ["2025-09-01..2025-09-10"],
                "on": "2025-10-01",
            },
            TURKEY_FROM,
        ),
        # every day from 8 Sep on: nothing to say
        (
            {
                "action": "status",
                "nationality": "TR",
                "stays": ["2025-09-08..2025-09-10"],
                "on": "2025-10-01",
            },
            None,
        ),
        # the stay began 1 Oct 2023: its window count starts 10 Nov, its per-entry count 1 Oct
        (
            {
                "action": "status",
                "nationality": "CN",
                "stays": ["2023-10-01.."],
                "on": "2023-11-20",
            },
            CHINA_FROM,
        ),
        (
            {
                "action": "status",
                "nationality": "CN",
                "stays": ["2024-03-01.."],
                "on": "2024-03-20",
            },
            None,
        ),
        # a planned entry before the regime, and one after it with an earlier stay in its window
        ({"action": "plan", "nationality": "TR", "stays": [], "enter": "2025-08-20"}, TURKEY_FROM),
        (
            {
                "action": "plan",
                "nationality": "TR",
                "stays": ["2025-08-01..2025-08-10"],
                "enter": "2025-10-01",
            },
            TURKEY_FROM,
        ),
        (
            {
                "action": "plan",
                "nationality": "TR",
                "stays": ["2025-09-10..2025-09-20"],
                "enter": "2025-10-01",
            },
            None,
        ),
        (
            {
                "action": "next_entry",
                "nationality": "TR",
                "stays": ["2025-07-01..2025-08-29"],
                "from": "2025-09-01",
                "days": 30,
            },
            TURKEY_FROM,
        ),
        (
            {
                "action": "status",
                "nationality": "NL",
                "stays": ["2025-06-01.."],
                "on": "2025-06-15",
            },
            None,
        ),
    ],
)
def test_days_before_the_regime_are_named(request_: dict[str, Any], expected: str | None) -> None:
    found = [w for w in warnings(request_) if "applies from" in w]
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(expected), found
        assert found[0].count("Check them against the rule of that time.") == 1


def test_turkeys_warning_says_what_applied_before_and_how_sure_the_date_is() -> None:
    request = {
        "action": "status",
        "nationality": "TR",
        "stays": ["2025-06-01.."],
        "on": "2025-08-15",
    }
    (found,) = [w for w in warnings(request) if "applies from" in w]
    assert "Before it Turkish citizens had 30 days per entry." in found
    assert "The first day is not confirmed" in found
    russian = json.loads(bridge.handle(json.dumps({**request, "lang": "ru"})))
    text = " ".join(russian["result"]["explanation"]["warnings"]).replace("\xa0", " ")
    assert "действует с 8 сентября 2025 г." in text and "30 дней за въезд" in text
