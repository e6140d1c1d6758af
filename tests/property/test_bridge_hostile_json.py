"""Hostile JSON for ``bridge.handle()``: whatever arrives, the answer is a result or a named
refusal, never an internal error. Inputs stay small, so every example is quick (no timed assert).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import bridge
from calculator.bridge import ACTIONS, FIELDS

NAMES = sorted({name for names in FIELDS.values() for name in names})
DIGITS = "0123456789²①２٣-+ ."
WORDS = ["NL", "nl", "IN", "schengen", "kz_visa_free_30", "police_certificate", "standard", ""]


def _date_like() -> st.SearchStrategy[str]:
    year = st.integers(1890, 2210).map(str) | st.text(DIGITS, max_size=5)
    month_day = st.integers(0, 13).map(lambda n: f"{n:02d}") | st.text(DIGITS, max_size=3)
    return st.builds(lambda y, m, d: f"{y}-{m}-{d}", year, month_day, month_day)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**8), 10**8),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.text(DIGITS, max_size=8),
    st.sampled_from(WORDS),
    _date_like(),
    st.builds(lambda a, b: f"{a}..{b}", _date_like(), _date_like() | st.just("")),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=10,
)
REQUESTS = st.builds(
    lambda action, fields: {"action": action, **fields},
    st.sampled_from([*ACTIONS, "nope"]) | VALUES,
    st.dictionaries(st.sampled_from(NAMES) | st.text(max_size=8), VALUES, max_size=6),
)


@pytest.fixture(scope="module", autouse=True)
def loaded(rules: dict) -> None:
    bridge.load(json.dumps(rules))


def _named(response_text: str) -> dict:
    response = json.loads(response_text)
    if response["ok"]:
        assert isinstance(response["result"], dict)
    else:
        error = response["error"]
        assert isinstance(error["field"], str) and error["field"], error
        assert "internal error" not in error["message"], error
        assert len(error["message"]) < 300, error
    return response


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request=REQUESTS)
def test_any_json_request_gets_a_result_or_a_named_refusal(request: dict) -> None:
    _named(bridge.handle(json.dumps(request)))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_any_text_gets_a_named_refusal(text: str) -> None:
    _named(bridge.handle(text))
