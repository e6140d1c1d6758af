"""The literal bridge cases on CPython (the same table runs inside Pyodide in tests/pyodide)."""

from __future__ import annotations

import json

import pytest

from calculator import bridge
from tests.engine_cases import CASES, ERRORS, pick


@pytest.fixture(scope="module", autouse=True)
def loaded(rules: dict) -> None:
    bridge.load(json.dumps(rules))


@pytest.mark.parametrize(("name", "request_", "expect"), CASES, ids=[c[0] for c in CASES])
def test_case(name: str, request_: dict, expect: dict) -> None:
    response = json.loads(bridge.handle(json.dumps(request_)))
    assert response["ok"], response
    got = {key: pick(response["result"], key) for key in expect}
    assert got == expect


@pytest.mark.parametrize(
    ("name", "request_", "field", "fragment"), ERRORS, ids=[c[0] for c in ERRORS]
)
def test_error(name: str, request_: dict, field: str, fragment: str) -> None:
    response = json.loads(bridge.handle(json.dumps(request_)))
    assert response == {
        "ok": False,
        "error": {"field": field, "message": response["error"]["message"]},
    }
    assert fragment in response["error"]["message"]


def test_every_result_explains_itself() -> None:
    for _, request_, _ in CASES:
        result = json.loads(bridge.handle(json.dumps(request_)))["result"]
        explanation = result["explanation"]
        assert explanation["rule_id"] and explanation["steps"]
        if request_["action"] in {"status", "plan", "next_entry", "validity"}:
            assert explanation["sources"] and explanation["verified"]


def test_not_json_and_not_loaded() -> None:
    assert json.loads(bridge.handle("{"))["error"]["field"] == "request"
    assert json.loads(bridge.handle("[1]"))["error"]["field"] == "request"
