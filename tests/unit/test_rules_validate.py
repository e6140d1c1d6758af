"""The engine checks the rule data it loads (``bridge.load``, ``--rules``): each broken file below
is refused naming ``rules``, the path to the value and what is wrong; the build's data passes."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from calculator import bridge
from calculator.core.errors import InputError
from calculator.rules.load import read_rules
from calculator.rules.validate import ENGINE_DEADLINES, validate_rules

Edit = Callable[[dict[str, Any]], object]


def _rule(data: dict[str, Any], key: str, value: object) -> None:
    data["stay_rules"][0][key] = value


def _deadline(data: dict[str, Any], deadline_id: str, key: str, value: object) -> None:
    next(d for d in data["deadlines"] if d["id"] == deadline_id)[key] = value


def _drop_deadline(data: dict[str, Any], deadline_id: str) -> None:
    data["deadlines"] = [d for d in data["deadlines"] if d["id"] != deadline_id]


CASES: list[tuple[str, Edit, str]] = [
    (
        "window too long",
        lambda d: _rule(d, "window_days", 10_000_000),
        ".window_days: must be a whole number from 2 to 3660",
    ),
    (
        "limit = window",
        lambda d: _rule(d, "limit_days", 180),
        ".limit_days: must be a whole number from 1 to 179",
    ),
    (
        "per entry > limit",
        lambda d: _rule(d, "per_entry_days", 91),
        ".per_entry_days: must be a whole number from 1 to 90",
    ),
    (
        "window a text",
        lambda d: _rule(d, "window_days", "180"),
        ".window_days: must be a number, not a text",
    ),
    (
        "window true",
        lambda d: _rule(d, "window_days", True),
        ".window_days: must be a number, not a true/false",
    ),
    (
        "counting from 1800",
        lambda d: _rule(d, "counting_from", "1800-01-01"),
        "counting_from: '1800-01-01' is outside the years 1900–2199",
    ),
    (
        "seven-day weekend",
        lambda d: d["calendar"].__setitem__(
            "weekend",
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        ),
        "calendar.weekend: holds all seven days",
    ),
    (
        "weekday twice",
        lambda d: d["calendar"].__setitem__("weekend", ["sunday", "sunday"]),
        "calendar.weekend: names a day twice",
    ),
    (
        "weekday unknown",
        lambda d: d["calendar"].__setitem__("weekend", ["sun"]),
        "calendar.weekend[0]: must be one of: monday",
    ),
    (
        "100,000,000 days",
        lambda d: _deadline(d, "egov_review_standard", "days", 100_000_000),
        "deadlines.egov_review_standard.days: must be a whole number from 1 to 3660",
    ),
    (
        "5000 working days",
        lambda d: _deadline(d, "id_card_standard", "days", 5000),
        "deadlines.id_card_standard.days: must be a whole number from 1 to 2500",
    ),
    (
        "days_max below days",
        lambda d: _deadline(d, "astana_hub_letter", "days_max", 4),
        "deadlines.astana_hub_letter.days_max: must be a whole number from 5 to 2500",
    ),
    (
        "unit unknown",
        lambda d: _deadline(d, "licence_exchange", "unit", "weeks"),
        "deadlines.licence_exchange.unit: must be one of: calendar_days",
    ),
    (
        "engine's deadline gone",
        lambda d: _drop_deadline(d, "b8_visa_pending_residence"),
        "deadlines: lacks 'b8_visa_pending_residence', which the engine needs",
    ),
    (
        "document gone",
        lambda d: _deadline(d, "police_certificate_validity", "document", "x"),
        "deadlines: lacks 'police_certificate'",
    ),
    (
        "deadline id twice",
        lambda d: d["deadlines"].append(dict(d["deadlines"][0])),
        "is given twice",
    ),
    (
        "transfer same day",
        lambda d: d["calendar"]["transfers"][0].__setitem__(
            "working_day", d["calendar"]["transfers"][0]["day_off"]
        ),
        "calendar.transfers.transfer_2025_01.working_day: is the same day as day_off",
    ),
    (
        "transfer to a weekday",
        lambda d: d["calendar"]["transfers"][0].__setitem__("working_day", "2025-01-01"),
        "2025-01-01 is not a weekend day",
    ),
    (
        "holiday 02-30",
        lambda d: d["calendar"]["holidays"][0].__setitem__("dates", ["02-30"]),
        "calendar.holidays.new_year.dates[0]: '02-30' is not a month and day",
    ),
    (
        "holiday 02-29",
        lambda d: d["calendar"]["holidays"][0].__setitem__("dates", ["02-29"]),
        "'02-29' is not a month and day that every year has",
    ),
    (
        "until before from",
        lambda d: d["calendar"]["holidays"][0].update(from_year=2030, until_year=2020),
        "until_year: must be a whole number from 2030 to 2199",
    ),
    (
        "lunar year twice",
        lambda d: d["calendar"]["lunar_holidays"][0]["dates"].append(
            {"date": "2025-06-07", "status": "estimated"}
        ),
        "is a second lunar holiday in 2025",
    ),
    (
        "unknown rule set",
        lambda d: d["nationalities"][0].__setitem__("rule_set", "nope"),
        "no stay rule has the id 'nope'",
    ),
    (
        "unknown source",
        lambda d: d["stay_rules"][0].__setitem__("sources", ["nope"]),
        "sources[0]: no source has the id 'nope'",
    ),
    (
        "country code",
        lambda d: d["nationalities"][0]["countries"].__setitem__("nl", "x"),
        "countries.nl: is not a new two-letter country code",
    ),
    (
        "pilot end before start",
        lambda d: d["pilot"].update(legal_start="2026-01-01", legal_end="2025-01-01"),
        "pilot.legal_start: is after legal_end",
    ),
    ("pilot end missing", lambda d: d["pilot"].pop("legal_end"), "pilot.legal_end: is missing"),
    (
        "reminder",
        lambda d: d["calendar_export"].__setitem__("reminder_days_before", [14, -1]),
        "reminder_days_before[1]: must be a whole number from 0",
    ),
    ("texts a list", lambda d: d.__setitem__("texts", []), "texts: must be an object, not a list"),
    (
        "translated number",
        lambda d: d["texts"]["ru"]["stay_rules"].__setitem__("schengen", {"window_days": "x"}),
        "texts.ru.stay_rules.schengen.window_days: translates a field that is not a text",
    ),
    (
        "translated title a number",
        lambda d: d["texts"]["ru"]["stay_rules"].__setitem__("schengen", {"title": 5}),
        "texts.ru.stay_rules.schengen.title: must be a text, not a number",
    ),
    ("version missing", lambda d: d.pop("version"), "rules.version: is missing"),
    (
        "sources an object",
        lambda d: d.__setitem__("sources", {}),
        "sources: must be a list, not an object",
    ),
]


@pytest.mark.parametrize(("edit", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_rule_data_is_refused_by_path(rules: dict, edit: Edit, expected: str) -> None:
    data = copy.deepcopy(rules)
    edit(data)
    with pytest.raises(InputError) as caught:
        validate_rules(data)
    assert caught.value.field == "rules"
    assert expected in caught.value.message, caught.value.message
    assert "\n" not in caught.value.message and len(caught.value.message) < 300


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[]", "rules: must be an object, not a list"),
        ("[" * 100_000 + "]" * 100_000, "nests deeper than 16 levels"),
        ('{"a":' * 20 + "1" + "}" * 20, "nests deeper than 16 levels"),
        ('{"version": "x", "version": "y"}', "the key 'version' is given twice"),
        ("{", "is not JSON: Expecting property name"),
        ("1" * 5000, "is not JSON that can be read"),
        (" " * 1_000_001, "is larger than 1,000,000 bytes"),
    ],
)
def test_unreadable_rule_text_is_refused(text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        read_rules(text)
    assert caught.value.field == "rules" and expected in caught.value.message


def test_the_builds_rules_pass_and_load(rules: dict) -> None:
    assert read_rules(json.dumps(rules))["version"] == rules["version"]


def test_bridge_load_refuses_by_name(rules: dict) -> None:
    data = copy.deepcopy(rules)
    data["calendar"]["weekend"] = ["saturday"] * 2
    with pytest.raises(InputError, match=r"rules: calendar.weekend: names a day twice"):
        bridge.load(json.dumps(data))
    bridge.load(json.dumps(rules))  # the other tests of this process use the real data


def test_every_deadline_the_engine_names_is_required(rules: dict) -> None:
    """A deadline id written in the engine's source must be in ENGINE_DEADLINES (or be found
    another way, like the documents), so that data without it is refused when loaded."""
    ids = {d["id"] for d in rules["deadlines"]}
    source = Path(__file__).resolve().parents[2] / "calculator"
    named = set()
    for path in source.rglob("*.py"):
        if path.name not in {"validate.py", "needs.py"}:
            named |= {
                word for word in re.findall(r'"([a-z0-9_]+)"', path.read_text()) if word in ids
            }
    assert named, "the scan found no deadline id at all"
    assert named <= set(ENGINE_DEADLINES), named - set(ENGINE_DEADLINES)
