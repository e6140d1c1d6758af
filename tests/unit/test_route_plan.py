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
