"""The list of what the engine reads by id (calculator/rules/needs.py) is complete and enforced:
every deadline the engine asks for while answering the literal cases is listed, the real data
serves every listed one, and a rule book without one is refused when it is built."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

import pytest

from calculator.bridge import dispatch
from calculator.core.records import Deadline
from calculator.rules.needs import DEADLINES, DOCUMENTS, missing
from calculator.rules.rulebook import RuleBook
from tests.engine_cases import CASES


class Recording(Mapping[str, Deadline]):
    """The rule book's deadlines, remembering which ids were asked for."""

    def __init__(self, inner: Mapping[str, Deadline]) -> None:
        self.inner, self.asked = inner, set()  # type: ignore[var-annotated]

    def __getitem__(self, key: str) -> Deadline:
        self.asked.add(key)
        return self.inner[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.inner)

    def __len__(self) -> int:
        return len(self.inner)

    def values(self) -> Any:  # a lookup by document (DOCUMENTS), not by deadline id
        return self.inner.values()


# Besides the literal cases: the Astana Hub steps, the passport check and a move after the permit.
MORE = [
    {
        "action": "timeline",
        "nationality": "NL",
        "hub_applied": "2025-01-10",
        "passport_expiry": "2025-08-01",
        "certificate_issued": "2025-01-05",
    },
    {
        "action": "abroad",
        "permit_issued": "2025-03-01",
        "trips": ["2025-05-01..2025-05-10"],
        "on": "2025-12-01",
        "moved": "2025-06-01",
    },
]


def test_the_engine_asks_for_exactly_the_listed_deadlines(book: RuleBook) -> None:
    recording = Recording(book.deadlines)
    watched = replace(book, deadlines=recording)
    for request in [case[1] for case in CASES] + MORE:
        dispatch(watched, request)
    assert recording.asked <= set(DEADLINES), sorted(recording.asked - set(DEADLINES))
    assert recording.asked == set(DEADLINES), sorted(set(DEADLINES) - recording.asked)  # none stale


def test_the_real_data_serves_every_need(rules: dict) -> None:
    assert missing({d["id"]: d for d in rules["deadlines"]}) == []
    assert {d.get("document") for d in rules["deadlines"]} >= set(DOCUMENTS)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d.pop(next(i for i, r in enumerate(d) if r["id"] == "licence_exchange")),
            "deadline 'licence_exchange' is missing",
        ),
        (
            lambda d: next(r for r in d if r["id"] == "licence_exchange").update(
                unit="days_per_calendar_year"
            ),
            "deadline 'licence_exchange' has unit days_per_calendar_year, the engine needs "
            "calendar_days or working_days",
        ),
        (
            lambda d: next(r for r in d if r.get("document") == "police_certificate").pop(
                "document"
            ),
            "no validity period for document 'police_certificate'",
        ),
    ],
)
def test_a_rule_book_without_a_need_is_refused(rules: dict, change: Any, message: str) -> None:
    broken = copy.deepcopy(rules)
    change(broken["deadlines"])
    with pytest.raises(ValueError, match="the rule data cannot serve the engine: " + message):
        RuleBook.from_dict(broken)
