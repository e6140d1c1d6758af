"""The engine in Russian: the same numbers and dates as in English over the literal cases, the
words translated, errors naming the same field."""

from __future__ import annotations

import json
import re

import pytest

from calculator import bridge
from tests.engine_cases import CASES, ERRORS, facts, pick

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def ask(request: dict, lang: str | None = None) -> dict:
    body = request if lang is None else {**request, "lang": lang}
    return dict(json.loads(bridge.handle(json.dumps(body))))


@pytest.fixture(scope="module", autouse=True)
def loaded(rules: dict) -> None:
    bridge.load(json.dumps(rules))


@pytest.mark.parametrize(("name", "request_", "expect"), CASES, ids=[c[0] for c in CASES])
def test_same_facts_in_russian(name: str, request_: dict, expect: dict) -> None:
    en, ru = ask(request_), ask(request_, "ru")
    assert ru["ok"] and en["ok"]
    assert facts(ru["result"]) == facts(en["result"])
    assert {key: pick(ru["result"], key) for key in expect} == expect
    steps = ru["result"]["explanation"]["steps"]
    assert steps and all(CYRILLIC.search(step) for step in steps), steps
    assert len(steps) == len(en["result"]["explanation"]["steps"])


@pytest.mark.parametrize(
    ("name", "request_", "field", "fragment"), ERRORS, ids=[c[0] for c in ERRORS]
)
def test_errors_in_russian(name: str, request_: dict, field: str, fragment: str) -> None:
    ru = ask(request_, "ru")
    assert ru["ok"] is False
    assert ru["error"]["field"] == field
    assert CYRILLIC.search(ru["error"]["message"]), ru["error"]["message"]
    assert fragment not in ru["error"]["message"]


def test_english_is_the_default() -> None:
    request = {"action": "validity", "document": "police_certificate", "issued": "2025-06-18"}
    assert ask(request) == ask(request, "en")
    assert not CYRILLIC.search(json.dumps(ask(request), ensure_ascii=False))


def test_data_words_in_russian() -> None:
    """Rule titles and holiday names come from data/i18n/ru; country names from CLDR."""
    meta = ask({"action": "meta"}, "ru")["result"]
    titles = {rule["id"]: rule["title"] for rule in meta["stay_rules"]}
    assert titles["schengen"] == "Шенгенская зона (90\xa0дней в любые 180)"  # typeset
    names = {n["code"]: n["name"] for n in meta["nationalities"]}
    assert names["NL"] == "Нидерланды"
    assert ask({"action": "meta"})["result"]["stay_rules"][0]["title"].startswith("Kazakhstan")
    days_off = ask({"action": "workdays", "from": "2025-03-06", "add": 3}, "ru")["result"]
    assert {d["date"]: d["reason"] for d in days_off["days_off"]}["2025-03-10"] == (
        "Выходной: перенесён с праздника «Международный женский день», 8\xa0марта 2025\xa0г. (сб)"
    )


def test_both_sides_of_a_disputed_fact_in_russian() -> None:
    """The B8 visa's three sides (data/deadlines.yaml sides[].says) come from data/i18n/ru."""
    request = {
        "action": "timeline",
        "nationality": "NL",
        "stays": ["2025-07-01..2025-07-30", "2025-08-10..2025-09-08", "2025-09-20..2025-10-08"],
        "approved": "2025-12-10",
        "entered": "2025-12-15",
    }
    sides = [
        side["says"]
        for option in ask(request, "ru")["result"]["reentry"]["alternatives"]
        for side in option["sides"]
    ]
    assert len(sides) == 3
    assert all(says.startswith("Выдаётся внутри Казахстана") for says in sides[:2])
    assert sides[2].startswith("Для программы виза вообще не нужна")
