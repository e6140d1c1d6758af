"""The personal plan (``route``): the arithmetic behind the literal cases of tests/engine_cases.py.

- ``obtain_from`` + the document's validity (data/deadlines.yaml) is exactly the latest expected
  hand-in at the Public Service Center: a certificate issued that day is still accepted then, one
  issued a day earlier is not; a document obtained only in Kazakhstan (the medical certificate)
  starts instead on the first day there when that is later (the plan's day if in the country,
  else the expected entry), and is then still valid at the hand-in;
- the Russian plan carries the same ids, answers and dates as the English one;
- conditions: a step for visa-free entrants leaves the plan of a nationality that is not listed
  ("unknown", kept and marked), and the family step follows the answer.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculator.bridge import dispatch
from calculator.core.periods import valid_until
from calculator.rules.rulebook import RuleBook
from tests.engine_cases import ROUTE_CASES, facts


def by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


@pytest.mark.parametrize(
    ("name", "request_", "_expect"), ROUTE_CASES, ids=[c[0] for c in ROUTE_CASES]
)
def test_obtain_from_covers_the_latest_hand_in(
    book: RuleBook, name: str, request_: dict, _expect: dict
) -> None:
    plan = dispatch(book, request_)
    steps = by_id(plan["steps"])
    hand_in = steps.get("hand_in_at_psc")
    in_country = plan["stay"] is not None and plan["stay"]["in_country"]
    for doc in plan["documents"]:
        if "obtain_from" not in doc:
            continue
        assert hand_in is not None
        here = date.fromisoformat(plan["on"] if in_country else steps["enter_kazakhstan"]["date"])
        latest = date.fromisoformat(hand_in["latest"])
        start = date.fromisoformat(doc["obtain_from"])
        validity = book.document_validity(doc["id"])
        by_validity = latest - timedelta(days=validity.days)
        assert valid_until(validity, by_validity).valid_until == latest
        assert valid_until(validity, by_validity - timedelta(days=1)).valid_until < latest
        if doc["id"] == "medical_certificate" and here > by_validity:
            assert (start, doc["obtain_because"]) == (here, "in_kazakhstan")
            assert valid_until(validity, start).valid_until >= latest
        else:
            assert (start, doc["obtain_because"]) == (by_validity, "validity")


def test_the_dutch_certificate_is_flagged(book: RuleBook) -> None:
    plan = dispatch(book, ROUTE_CASES[0][1])
    police = by_id(plan["documents"])["police_certificate"]
    assert police["valid_until"] == "2025-12-15" < by_id(plan["steps"])["hand_in_at_psc"]["latest"]
    assert police["warnings"] and "2025-12-15" not in police["warnings"][0]
    assert any("15 Dec 2025" in w and "18 Dec 2025" in w for w in plan["warnings"])


@pytest.mark.parametrize(
    ("name", "request_", "_expect"), ROUTE_CASES, ids=[c[0] for c in ROUTE_CASES]
)
def test_russian_plan_same_ids_and_dates(
    book: RuleBook, name: str, request_: dict, _expect: dict
) -> None:
    english = dispatch(book, request_)
    russian = dispatch(book, {**request_, "lang": "ru"})
    assert facts(russian) == facts(english)
    assert [s["id"] for s in russian["steps"]] == [s["id"] for s in english["steps"]]
    assert russian["explanation"] != english["explanation"]
    for route in russian["routes"]:
        assert all("Only for" not in reason for reason in route["reasons"])


def test_a_nationality_not_listed_keeps_the_entry_steps_as_maybe(book: RuleBook) -> None:
    plan = dispatch(book, {"action": "route", "nationality": "BR", "it": "yes", "on": "2026-12-01"})
    steps = by_id(plan["steps"])
    assert steps["enter_kazakhstan"]["applies"] == "unknown"
    assert steps["enter_on_b9_1_visa"]["applies"] == "unknown"
    assert plan["stay"] is None


@pytest.mark.parametrize(("family", "present"), [("yes", True), ("no", False), (None, True)])
def test_family_step_follows_the_answer(book: RuleBook, family: str | None, present: bool) -> None:
    request = {"action": "route", "nationality": "NL", "it": "yes", "on": "2026-12-01"}
    plan = dispatch(book, {**request, "family": family})
    assert ("bring_family" in by_id(plan["steps"])) is present


def test_astana_pitfall_only_for_astana(book: RuleBook) -> None:
    request = {"action": "route", "nationality": "NL", "it": "yes", "on": "2026-12-01"}
    almaty = by_id(dispatch(book, {**request, "city": "almaty"})["steps"])
    astana = by_id(dispatch(book, {**request, "city": "astana"})["steps"])
    assert almaty["sign_rental_agreement"]["pitfalls"] == []
    assert astana["sign_rental_agreement"]["pitfalls"] == ["astana_floor_space_per_person"]


def test_the_dnr_open_answer_follows_the_pilot(book: RuleBook) -> None:
    request = {"action": "route", "nationality": "NL", "it": "yes"}
    before = by_id(dispatch(book, {**request, "on": "2025-12-31"})["routes"])["route_dnr"]
    after = by_id(dispatch(book, {**request, "on": "2026-01-01"})["routes"])["route_dnr"]
    assert (before["open"], after["open"]) == ("yes", "unknown")
    assert "31 Dec 2025" in after["reasons"][-1]


def test_the_bridge_reads_the_fields_the_plan_reads() -> None:
    """The bridge keeps its own copy of the route fields (so it imports the plan only when asked)."""
    from calculator import bridge
    from calculator.route import questions

    assert bridge.ROUTE_FIELDS == questions.FIELDS


def test_an_entry_with_no_visa_free_day_left_is_refused_not_short(book: RuleBook) -> None:
    """In Kazakhstan since 1 Oct 2026 (EAEU: 90 days in 180), staying to the latest exit, 29 Dec
    (day 90): on the expected entry, 23 Jan 2027, the window 28 Jul 2026 - 23 Jan 2027 holds all
    90 days, so entry would be refused; 1 Oct leaves the window on 30 Mar 2027 (1 Oct + 180
    days), after the entry window (approval at the earliest 20 Jan 2027 + 30 days = 19 Feb)."""
    request = {
        "action": "route",
        "nationality": "RU",
        "it": "yes",
        "city": "almaty",
        "stays": ["2026-10-01.."],
        "on": "2026-12-02",
    }
    plan = dispatch(book, request)
    refused = [w for w in plan["warnings"] if "no visa-free days left" in w]
    assert refused == [
        "Expected: on Sat 23 Jan 2027 you would have no visa-free days left under Kazakhstan, "
        "EAEU citizens (90 days), so you could not enter visa-free that day; days come back from "
        "Tue 30 Mar 2027. That is after the entry window closes on Fri 19 Feb 2027. Leave "
        "Kazakhstan before Tue 29 Dec 2026: each day sooner is one more day you can stay at that "
        "entry. Otherwise ask the migration service for a visa while the application is pending."
    ]
    assert not [w for w in plan["warnings"] if "short" in w or "exit and re-entry" in w]
    russian = dispatch(book, {**request, "lang": "ru"})
    words = [w.replace("\xa0", " ") for w in russian["warnings"]]  # dates keep their words together
    assert any("30 марта 2027" in w and "19 февраля 2027" in w for w in words)


def test_in_the_country_the_leave_by_day_is_said_once_with_the_entrys_day(book: RuleBook) -> None:
    """In since 6 Nov 2026 (NL, 30 per entry): 30 Nov is day 25, the latest exit 5 Dec."""
    plan = dispatch(
        book,
        {
            "action": "route",
            "nationality": "NL",
            "it": "yes",
            "stays": ["2026-11-06.."],
            "on": "2026-11-30",
        },
    )
    leave = [w for w in plan["warnings"] if "leave by" in w]
    assert leave == [
        "You are in Kazakhstan on visa-free days, on day 25 of this entry: leave by Sat 5 Dec 2026 "
        "at the latest, whatever the plan below says."
    ]


def test_a_route_not_open_yet_opens_on_its_day(book: RuleBook) -> None:
    """A plan made on 10 Nov 2025 for the 2026 pilot, which began on 30 Jan 2026: not 'started'."""
    plan = dispatch(book, {"action": "route", "nationality": "NL", "it": "yes", "on": "2025-11-10"})
    (pilot,) = [r for r in plan["routes"] if r["id"] == "route_pr_pilot_2026"]
    assert pilot["open"] == "no"
    assert pilot["reasons"][-1] == "Not open yet on Mon 10 Nov 2025: it opens on Fri 30 Jan 2026."
