"""Malformed requests a person or a link can produce: every one gets a named refusal.

``{"ok": false, "error": {"field": <the request's own field name>, "message": …}}``, with a short
message; "internal error" (``field: null``) is only for a bug.
"""

from __future__ import annotations

import json

import pytest

from calculator import bridge

NL = {"nationality": "NL"}
STATUS = {"action": "status", **NL, "on": "2025-06-01"}


@pytest.fixture(scope="module", autouse=True)
def loaded(rules: dict) -> None:
    bridge.load(json.dumps(rules))


def refusal(request: object) -> dict:
    text = request if isinstance(request, str) else json.dumps(request)
    response = json.loads(bridge.handle(text))
    assert response["ok"] is False, response
    assert isinstance(response["error"]["field"], str), response
    assert len(response["error"]["message"]) < 300
    return response["error"]


@pytest.mark.parametrize(
    ("request_", "field", "fragment"),
    [
        ({**STATUS, "stays": 0}, "stays", "must be a list of ENTRY..EXIT texts, not a number"),
        ({**STATUS, "stays": {"a": 1}}, "stays", "not an object"),
        ({**STATUS, "stays": [0]}, "stays[0]", "a number is not a stay"),
        ({**STATUS, "stays": ["2025-01-01..", None]}, "stays[1]", "a null is not a stay"),
        ({**STATUS, "stays": ["2025-01-01.."] * 5001}, "stays", "at most 5000"),
        ({"action": ["status"]}, "action", "unknown action a list"),
        ({"action": {"x": 1}}, "action", "unknown action an object"),
        ({"action": None}, "action", "unknown action a null"),
        ({"action": "x" * 100_00}, "action", "unknown action 'xxxx"),
        ({"action": "timeline", "egov_submitted": "2025-01-01", "review": []}, "review", "text"),
        ({"action": "timeline", "egov_submitted": "2025-01-01", "card": "fast"}, "card", "'fast'"),
        (
            {"action": "timeline", "egov_submitted": "2025-01-01", "window": 180},
            "limit",
            "needs a limit",
        ),
        ({"action": "validity", "document": ["x"], "issued": "2025-01-01"}, "document", "text"),
        ({**STATUS, "nationality": {"code": "NL"}}, "nationality", "must be text"),
        ({**STATUS, "nationalty": "NL"}, "nationalty", "not read by the status action"),
        ({**STATUS, "from": "2025-01-01"}, "from", "not read by the status action"),
        ({"action": "meta", "x": 1}, "x", "not read by the meta action"),
        ({"action": "workdays", "from": "2025-01-01", "add": "²"}, "add", "'²' is not a whole"),
        ({"action": "workdays", "from": "2025-01-01", "add": "①"}, "add", "not a whole number"),
        ({"action": "workdays", "from": "2025-01-01", "add": "--5"}, "add", "'--5' is not"),
        ({"action": "workdays", "from": "2025-01-01", "add": "٣"}, "add", "not a whole number"),
        ({"action": "workdays", "from": "2025-01-01", "add": 1.5}, "add", "a number is not"),
        ({"action": "workdays", "from": "2025-01-01", "add": True}, "add", "true/false"),
        ({"action": "workdays", "from": "2025-01-01", "add": 10**400}, "add", "of 401 digits"),
        ({"action": "workdays", "from": "2025-01-01", "add": "9" * 5000}, "add", "'99999"),
        ({"action": "workdays", "from": "２０２５-01-01", "add": 1}, "from", "not a date"),
        ({"action": "workdays", "from": "2025-01-01\n", "add": 1, "x": 2}, "x", "not read"),
        ({"action": "workdays", "from": 20250101, "add": 1}, "from", "got number"),
        ({"action": "workdays", "from": "2199-12-01", "add": 100}, "add", "after 2199-12-31"),
        ({**STATUS, "limit": 90, "window": 800_000}, "window", "at most 3660"),
        ({**STATUS, "nationality": None, "limit": 90, "window": 3661}, "window", "at most 3660"),
        ({"action": "next_entry", **NL, "from": "2025-01-01", "days": 10**6}, "days", "at most"),
        ({"action": "next_entry", **NL, "from": "2025-01-01"}, "days", "is required"),
        ({**STATUS, "per_entry": 5}, "per_entry", "give only one of"),
        ({**STATUS, "nationality": None, "rule": "schengen", "per_entry": 5}, "per_entry", "only"),
        (
            {**STATUS, "nationality": None, "limit": 90, "window": 180, "per_entry": 91},
            "per_entry",
            "at most the limit",
        ),
        ({"action": "ics", "requests": [STATUS] * 4}, "requests", "at most 3"),
        ({"action": "ics", "requests": {"a": STATUS}}, "requests", "non-empty list"),
        ({"action": "ics", "requests": [["status"]]}, "requests[0]", "JSON object"),
        ({"action": "ics", "requests": [{"action": ["status"]}]}, "action", "unknown action"),
        (
            {"action": "abroad", "permit_issued": "2026-01-01", "on": "2026-06-01", "trips": 5},
            "trips",
            "list",
        ),
        ("[" * 50_000 + "]" * 50_000, "request", "nesting too deep"),
        ('{"action": "workdays", "add": ' + "9" * 5000 + "}", "request", "number too long"),
        ("x" * 200_001, "request", "at most 200000 characters"),
        ('{"action": "status", "rule": "schengen", "on": "\\ud800"}', "on", "'?' is not a date"),
        ("{'action': 'status'}", "request", "not JSON"),
    ],
)
def test_named_refusal(request_: object, field: str, fragment: str) -> None:
    request_ = (
        {k: v for k, v in request_.items() if v is not None}
        if isinstance(request_, dict)
        else request_
    )
    error = refusal(request_)
    assert error["field"] == field, error
    assert fragment in error["message"], error


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ('{"action": "workdays", "action": "meta"}', "action", "is given twice; give it once"),
        (
            '{"action": "status", "on": "2025-06-01", "nationality": "NL", "on": "2025-06-02"}',
            "on",
            "is given twice; give it once",
        ),
        (
            '{"action": "ics", "requests": [{"action": "meta", "A b": 1, "A b": 2}]}',
            "request",
            "the field 'A b' is given twice; give it once",
        ),
        ('{"action": "meta", "lang": "ru", "lang": "ru"}', "lang", "указано дважды"),
    ],
)
def test_a_key_given_twice_is_refused_like_an_unknown_field(
    text: str, field: str, message: str
) -> None:
    """JSON allows a repeated key and Python's reader keeps the last one: the first would be
    silently ignored, so it is refused (in the request's language), like a field no action reads."""
    error = refusal(text)
    assert error["field"] == field
    assert message in error["message"]
