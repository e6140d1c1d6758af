"""The DNR timeline, worked by hand against the Kazakhstan calendar (see the comments)."""

from __future__ import annotations

import json

import pytest

from calculator import bridge


@pytest.fixture(scope="module", autouse=True)
def loaded(rules: dict) -> None:
    bridge.load(json.dumps(rules))


def timeline(**fields: object) -> dict:
    response = json.loads(bridge.handle(json.dumps({"action": "timeline", **fields})))
    assert response["ok"], response
    return response["result"]


def dates(result: dict) -> dict[str, tuple[str, str, str]]:
    return {m["id"]: (m["earliest"], m["expected"], m["latest"]) for m in result["milestones"]}


def test_astana_hub_chain() -> None:
    got = dates(timeline(hub_applied="2025-10-01"))
    assert got["hub_check"] == ("2025-10-03",) * 3  # Wed + 2 working days = Fri
    assert got["hub_interview"] == ("2025-10-10",) * 3  # + 5 working days
    assert got["hub_letter"] == ("2025-10-17", "2025-10-22", "2025-10-24")  # + 5, 8 (middle), 10


def test_case_study_dates_from_the_egov_submission() -> None:
    result = timeline(
        nationality="NL", egov_submitted="2025-11-12", review="in_demand", card="expedited"
    )
    got = dates(result)
    # + 30 calendar days; the latest allows the confirmed 45-day standard review
    assert got["approved"] == ("2025-12-12", "2025-12-12", "2025-12-27")
    assert got["entered"] == ("2025-12-12", "2025-12-12", "2026-01-26")  # latest: + 30 days
    # the notice may go in on the day of entry; the host's limit is 3 working days after the
    # latest entry, Mon 26 Jan 2026: 27, 28, 29
    assert got["arrival_notification"] == ("2025-12-12", "2025-12-12", "2026-01-29")
    # preparation 1-2 working days after Fri 12 Dec, skipping Tue 16 Dec (Independence Day):
    # earliest Mon 15, expected (2 days) Wed 17
    assert got["psc_submitted"][:2] == ("2025-12-15", "2025-12-17")
    # 10 working days from 15 Dec: 17, 18, 19, 22, 23, 24, 25, 26, 29, 30; from 17 Dec: … 31
    assert got["final_review"][:2] == ("2025-12-30", "2025-12-31")
    # 7 working days from 30 Dec: 31, (1-2 Jan New Year), 5, 6, (7 Jan Christmas), 8, 9, 12, 13
    assert got["permit_issued"][:2] == ("2026-01-13", "2026-01-14")
    assert result["entry_deadline"] == "2026-01-11"
    assert "self_registration" not in got  # the July 2026 rule did not exist yet


def test_standard_card_takes_17_working_days() -> None:
    got = dates(timeline(egov_submitted="2025-11-12", review="in_demand", card="standard"))
    # 17 working days after Tue 30 Dec: 31 Dec, 5, 6, 8, 9, 12-16, 19-23, 26, 27 Jan
    assert got["permit_issued"][0] == "2026-01-27"


def test_standard_review_is_45_days() -> None:
    assert (
        dates(timeline(egov_submitted="2025-11-12", review="standard"))["approved"][0]
        == "2025-12-27"
    )


def test_known_dates_replace_computed_ones() -> None:
    result = timeline(egov_submitted="2025-11-12", approved="2025-12-13", entered="2025-12-20")
    got = {m["id"]: m for m in result["milestones"]}
    assert got["approved"]["known"] and got["entered"]["known"]
    assert not got["final_review"]["known"]
    # Sat 20 Dec: the first working day after it is Mon 22 Dec
    assert got["psc_submitted"]["earliest"] == "2025-12-22"


def test_clocks_collide_like_in_the_case_study() -> None:
    result = timeline(
        nationality="NL",
        stays=["2025-09-20..2025-11-27"],  # 69 days used before the re-entry
        egov_submitted="2025-11-12",
        certificate_issued="2025-06-18",
        passport_expiry="2026-03-01",
    )
    assert result["visa_free_last_day"] == "2026-01-01"  # 69 + 21 = 90
    assert result["certificate_valid_until"] == "2025-12-15"
    warnings = " ".join(result["warnings"])
    assert "visa-free days end Thu 1 Jan 2026" in warnings
    assert "police certificate expires on Mon 15 Dec 2025" in warnings
    assert "passport expires on Sun 1 Mar 2026" in warnings


def test_missed_entry_window() -> None:
    result = timeline(approved="2025-12-12", entered="2026-01-15")
    assert result["entry_deadline"] is None  # no "enter by" once the entry date is known
    assert any("after the entry window closed on Sun 11 Jan 2026" in w for w in result["warnings"])


def test_self_registration_from_july_2026() -> None:
    result = timeline(entered="2026-07-10")
    got = dates(result)
    # from the day of entry to the 30th day, the entry day being day 1
    assert got["self_registration"] == ("2026-07-10", "2026-07-10", "2026-08-08")
    milestone = next(m for m in result["milestones"] if m["id"] == "self_registration")
    assert any("registration rules changed" in w for w in milestone["explanation"]["warnings"])


def test_single_source_periods_are_flagged() -> None:
    result = timeline(egov_submitted="2025-11-12", review="in_demand")
    approved = next(m for m in result["milestones"] if m["id"] == "approved")
    assert approved["explanation"]["confidence"] == "single"
    assert any("single source" in w for w in approved["explanation"]["warnings"])


def test_needs_a_known_date() -> None:
    response = json.loads(bridge.handle(json.dumps({"action": "timeline"})))
    assert response["error"]["field"] == "hub_applied"


def test_in_the_country_now_like_the_case_study() -> None:
    """Still in Kazakhstan when applying: leave by the current stay's latest exit, come back later."""
    result = timeline(
        nationality="NL",
        stays=["2025-06-01..2025-06-30", "2025-08-01..2025-08-24", "2025-10-20.."],
        egov_submitted="2025-11-10",
    )
    assert result["current_stay_latest_exit"] == "2025-11-18"  # day 30 of the entry of 20 Oct
    assert result["entry_deadline"] == "2026-01-09"  # 30 days after the earliest approval, 10 Dec
    assert result["visa_free_last_day"] == "2026-01-08"  # 30 days from the expected entry on 10 Dec


def test_known_date_before_its_predecessor_is_flagged() -> None:
    result = timeline(egov_submitted="2025-11-10", entered="2025-11-15")
    entered = next(m for m in result["milestones"] if m["id"] == "entered")
    assert any(
        "comes before the earliest date of 'eGov decision'" in w
        for w in entered["explanation"]["warnings"]
    )


def test_short_visa_free_days_are_counted_in_days() -> None:
    result = timeline(
        nationality="NL", stays=["2025-09-20..2025-11-27"], egov_submitted="2025-11-12"
    )
    assert any("days short" in w for w in result["warnings"])


def test_an_open_stay_after_the_assumed_entry_is_cut_and_said() -> None:
    """Issue 15: in the country since 17 Nov 2025, but the timeline assumes the entry on 2 Feb
    2025 (30 days after the eGov submission of 3 Jan). The recorded stays are all after that
    entry, so none counts; the return is searched over the entry alone (2 Feb .. 2 May, 90 days)
    and the warning says why. It used to end in an assertion (the stays passed on unsorted)."""
    result = timeline(
        nationality="RU",
        stays=[
            "2025-10-02..2025-10-25",
            "2025-10-26..2025-11-04",
            "2025-11-04..2025-11-17",
            "2025-11-17..",
        ],
        egov_submitted="2025-01-03",
        psc_submitted="2025-08-22",
    )
    assert result["visa_free_last_day"] == "2025-05-02"
    assert result["current_stay_latest_exit"] is None
    plan = result["reentry"]
    assert plan["next_entry"]["stays"] == ["2025-02-02..2025-05-02"]
    # review ends 2025-09-08 (expected); 8 Sep .. 6 Dec is the next 90-day entry
    assert (plan["search_from"], plan["enter_on"]) == ("2025-09-08", "2025-09-08")
    assert plan["stay_last_day"] == "2025-12-06"
    assert any(
        w.startswith("You are in Kazakhstan since Mon 17 Nov 2025, after the entry on Sun 2 Feb")
        for w in result["warnings"]
    )


def test_an_open_stay_that_began_on_the_entry_is_that_entry() -> None:
    result = timeline(
        nationality="RU",
        stays=["2025-10-02..2025-10-25", "2025-11-17.."],
        egov_submitted="2025-09-03",
        entered="2025-11-17",
    )
    assert result["visa_free_last_day"] == "2026-01-21"  # 66 days: 24 of October are in the window
    assert not any("You are in Kazakhstan since" in w for w in result["warnings"])
