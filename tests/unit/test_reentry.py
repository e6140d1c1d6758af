"""The timeline as a plan: milestones by date, the exit-and-return plan, its alternatives and the
pilot's end date. Dates worked by hand against data/calendar.yaml (16 Dec, 1-2 Jan, 7 Jan and
1 May are days off; weekends are Saturday and Sunday)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculator import bridge
from tests.engine_cases import DUTCH_STAYS, TIMELINE_CASES

DUTCH = {
    "action": "timeline",
    "nationality": "NL",
    "stays": DUTCH_STAYS,
    "approved": "2025-12-10",
    "entered": "2025-12-15",
}


@pytest.fixture(scope="module", autouse=True)
def loaded(rules: dict) -> None:
    bridge.load(json.dumps(rules))


def ask(request: dict[str, Any]) -> dict[str, Any]:
    response = json.loads(bridge.handle(json.dumps(request)))
    assert response["ok"], response
    return response["result"]


def test_dutch_case_milestones_in_date_order_with_ranges() -> None:
    got = [
        (m["id"], m["earliest"], m["expected"], m["latest"], m["known"])
        for m in ask(DUTCH)["milestones"]
    ]
    assert got == [
        ("approved", "2025-12-10", "2025-12-10", "2025-12-10", True),
        ("entered", "2025-12-15", "2025-12-15", "2025-12-15", True),
        # the notice may go in on the day of entry (the case study did); the host's limit is
        # 3 working days: 17, 18, 19 Dec (16 Dec is Independence Day)
        ("arrival_notification", "2025-12-15", "2025-12-15", "2025-12-19", False),
        # 1-2 working days of preparation: 17 Dec, 18 Dec
        ("psc_submitted", "2025-12-17", "2025-12-18", "2025-12-18", False),
        # 10 working days: from 17 Dec to 31 Dec; from 18 Dec, past 1-2 Jan, to 5 Jan
        ("final_review", "2025-12-31", "2026-01-05", "2026-01-05", False),
        # 7 working days from 31 Dec: 5, 6, 8, 9, 12, 13, 14 Jan (7 Jan is Christmas); from 5 Jan: 15
        ("permit_issued", "2026-01-14", "2026-01-15", "2026-01-15", False),
    ]


def test_dutch_case_reentry_and_its_story() -> None:
    result = ask(DUTCH)
    plan = result["reentry"]
    # 79 days used (30 + 30 + 19); 11 left from 15 Dec: the last is 25 Dec
    assert plan["leave_by"] == result["visa_free_last_day"] == "2025-12-25"
    # back when the review ends (Mon 5 Jan), order the card that day, ready Thu 15 Jan: 11 days
    assert (plan["search_from"], plan["days_needed"]) == ("2026-01-05", 11)
    # window of 5 Jan from 10 Jul: 21 + 30 + 19 + 11 = 81 days, room for 11 more
    assert (plan["enter_on"], plan["card_ready"]) == ("2026-01-05", "2026-01-15")
    explanation = plan["explanation"]
    assert explanation["confidence"] == "single"
    assert "case_study_nl" in [s["id"] for s in explanation["sources"]]
    assert any("final review run while you are abroad" in s for s in explanation["steps"])
    short = next(w for w in result["warnings"] if "days short" in w)
    assert "leave by Thu 25 Dec 2025, come back on Mon 5 Jan 2026" in short


@pytest.mark.parametrize(
    "request_",
    [
        DUTCH,
        *[case[1] for case in TIMELINE_CASES if case[1].get("nationality") == "IN"],
        {"action": "timeline", "nationality": "NL", "stays": [], "entered": "2025-12-22"},
    ],
    ids=["dutch", "india", "new-year"],
)
def test_enter_on_is_what_next_entry_answers(request_: dict[str, Any]) -> None:
    plan = ask(request_)["reentry"]
    stays = [*request_["stays"], f"{request_['entered']}..{plan['leave_by']}"]
    assert plan["next_entry"]["stays"] == stays
    answer = ask(
        {
            "action": "next_entry",
            "nationality": request_["nationality"],
            "stays": stays,
            "from": plan["search_from"],
            "days": plan["days_needed"],
        }
    )
    assert answer["earliest_entry"] == plan["enter_on"]
    assert answer["latest_exit"] == plan["stay_last_day"]


def test_no_single_return_fits_india_with_the_standard_card() -> None:
    plan = ask(
        {"action": "timeline", "nationality": "IN", "entered": "2026-04-06", "card": "standard"}
    )["reentry"]
    # back on 22 Apr, card 17 working days later on 20 May: 29 days, more than 14 per entry
    assert (plan["days_needed"], plan["enter_on"], plan["card_ready"]) == (29, None, None)
    assert any("more than one visa-free entry allows" in w for w in plan["explanation"]["warnings"])


def test_alternatives_expedited_card_and_the_disputed_b8_visa() -> None:
    expedited, b8 = ask(DUTCH)["reentry"]["alternatives"]
    # ordered Mon 5 Jan: expedited 15 Jan; standard 17 working days: 29 Jan
    assert (expedited["id"], expedited["days_saved"]) == ("expedited_card", 14)
    assert expedited["explanation"]["confidence"] == "confirmed"
    assert b8["id"] == "b8_visa" and b8["explanation"]["confidence"] == "conflict"
    sides = [[s["id"] for s in side["sources"]] for side in b8["sides"]]
    assert sides == [
        ["case_study_nl"],
        ["kz_embassy_us_pr", "dos_b8_visa", "lwp_2019_pr_in_country"],
        ["dos_2026_pr_rules"],
    ]
    assert "mutual visa-free" in b8["sides"][0]["says"]
    assert "need no B8 visa" in b8["sides"][2]["says"]
    assert any("disputed between sources" in w for w in b8["explanation"]["warnings"])


def test_standard_card_chosen_the_expedited_one_would_avoid_the_exit() -> None:
    result = ask(
        {"action": "timeline", "nationality": "NL", "entered": "2026-04-06", "card": "standard"}
    )
    expedited = result["reentry"]["alternatives"][0]
    steps = " ".join(expedited["explanation"]["steps"])
    assert "ready on Mon 4 May 2026, within your visa-free days (to Tue 5 May 2026)" in steps


def test_a_card_ordered_before_the_exit_is_compared_from_that_day() -> None:
    """The review ends Thu 4 Dec 2025, before the last free day (Tue 9 Dec): the card is ordered
    then and collected on the return. Expedited, 7 working days from 4 Dec: 5, 8, 9, 10, 11, 12,
    15 Dec; standard: Tue 30 Dec, as the plan says. Not both counted from the return (30 Dec)."""
    result = ask(
        {
            "action": "timeline",
            "nationality": "NL",
            "entered": "2025-11-10",
            "stays": ["2025-09-01..2025-09-30"],
            "psc_submitted": "2025-11-20",
            "card": "standard",
        }
    )
    expedited = result["reentry"]["alternatives"][0]
    assert expedited["days_saved"] == 15
    assert expedited["explanation"]["steps"][0] == (
        "Ordered on Thu 4 Dec 2025, the expedited card would be ready on Mon 15 Dec 2025 instead "
        "of Tue 30 Dec 2025: 15 days sooner."
    )


def test_pilot_end_warning_names_the_date(rules: dict) -> None:
    warnings = ask(DUTCH)["warnings"]
    pilot = [w for w in warnings if "pilot's legal end date is Wed 31 Dec 2025" in w]
    assert len(pilot) == 1 and "Migration Service final review done, Mon 5 Jan 2026" in pilot[0]
    early = ask({"action": "timeline", "egov_submitted": "2025-06-02"})
    assert not [w for w in early["warnings"] if "pilot" in w]
    confirmed = json.loads(json.dumps(rules))
    confirmed["pilot"]["extension"] = "confirmed"
    bridge.load(json.dumps(confirmed))
    try:
        assert not [w for w in ask(DUTCH)["warnings"] if "pilot" in w]
    finally:
        bridge.load(json.dumps(rules))


def test_hand_in_after_the_last_free_day_is_flagged() -> None:
    # 89 of 90 days used: the entry on 15 Dec is its own last day; the hand-in comes on 18 Dec
    stays = ["2025-07-01..2025-07-30", "2025-08-10..2025-09-08", "2025-09-10..2025-10-08"]
    result = ask(
        {"action": "timeline", "nationality": "NL", "stays": stays, "entered": "2025-12-15"}
    )
    assert result["visa_free_last_day"] == "2025-12-15"
    assert any(
        "this plan assumes it is done before you leave" in w
        for w in result["reentry"]["explanation"]["warnings"]
    )


def test_enter_by_only_until_the_entry_is_known() -> None:
    assert ask({"action": "timeline", "approved": "2025-12-10"})["entry_deadline"] == "2026-01-09"
    assert (
        ask({"action": "timeline", "approved": "2025-12-10", "entered": "2025-12-15"})[
            "entry_deadline"
        ]
        is None
    )


def test_2027_dates_carry_the_projected_calendar_warning() -> None:
    result = ask(TIMELINE_CASES[-1][1])
    review = next(m for m in result["milestones"] if m["id"] == "final_review")
    assert any("2027" in w and "official" in w for w in review["explanation"]["warnings"])
