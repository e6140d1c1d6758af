"""Rule data broken at random (one value replaced or one key removed): the engine's check
refuses it by name, or every action answers with a result or a named refusal, never an internal
error. This is what "the engine validates what it loads" has to guarantee."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import bridge
from calculator.core.errors import InputError
from kzdata.export import rules_dict

RULES = rules_dict()
Path = tuple[str | int, ...]


def _paths(value: Any, at: Path = ()) -> Iterator[Path]:
    yield at
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "countries":  # two hundred names that the engine only shows
                yield from _paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):
            yield from _paths(item, (*at, index))


PATHS = list(_paths(RULES))[1:]
ODD = [None, True, -1, 0, 1, 2, 400, 10**9, "", "x", "2025-01-01", "02-30", "sunday", [], {}, ["x"]]
REQUESTS = [
    {"action": "meta"},
    {
        "action": "status",
        "nationality": "NL",
        "stays": ["2025-01-01..2025-01-20"],
        "on": "2025-02-01",
    },
    {
        "action": "next_entry",
        "rule": "schengen",
        "stays": ["2025-01-01..2025-03-20"],
        "from": "2025-04-01",
        "days": 20,
    },
    {"action": "workdays", "from": "2025-12-29", "add": 10},
    {"action": "validity", "document": "police_certificate", "issued": "2025-06-01"},
    {
        "action": "timeline",
        "nationality": "NL",
        "egov_submitted": "2025-11-12",
        "stays": ["2025-10-01.."],
        "certificate_issued": "2025-09-01",
        "passport_expiry": "2026-03-01",
    },
    {"action": "timeline", "hub_applied": "2025-10-01", "review": "standard", "card": "standard"},
    {
        "action": "abroad",
        "permit_issued": "2025-01-10",
        "trips": ["2025-03-01..2025-09-30"],
        "on": "2025-12-31",
        "moved": "2025-05-01",
    },
]


def _broken(data: dict[str, Any], path: Path, value: object, remove: bool) -> dict[str, Any]:
    copied = copy.deepcopy(data)
    parent: Any = copied
    for key in path[:-1]:
        parent = parent[key]
    if remove and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copied


@pytest.fixture(scope="module", autouse=True)
def reload_the_real_rules() -> Iterator[None]:
    yield
    bridge.load(json.dumps(RULES))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    path=st.sampled_from(PATHS),
    value=st.sampled_from(ODD),
    remove=st.booleans(),
    lang=st.sampled_from(["en", "ru"]),
)
def test_broken_rules_are_refused_or_answer(
    path: Path, value: object, remove: bool, lang: str
) -> None:
    text = json.dumps(_broken(RULES, path, value, remove))
    try:
        bridge.load(text)
    except InputError as error:
        assert error.field == "rules" and error.message and "\n" not in error.message
        return
    for request in REQUESTS:
        response = json.loads(bridge.handle(json.dumps({**request, "lang": lang})))
        if not response["ok"]:
            assert "internal error" not in response["error"]["message"], (
                path,
                value,
                request,
                response,
            )
