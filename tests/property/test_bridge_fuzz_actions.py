"""Well-formed requests for every action, drawn at random: the answer is a result or a refusal
naming a field, never an internal error.

Unlike the hostile JSON of ``test_bridge_hostile_json.py``, these requests are what the page, a
link or the CLI can send: real dates close together (so the stays, the milestones and the
searches meet), stays in any order with the last one open, timeline dates known in any order and
combination, every rule set, hand-typed rules and both languages. A timeline whose open stay
began after the entry it assumes ended in an assertion (issue 15); this test finds that within
its examples when the fix is taken out.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import bridge
from calculator.bridge import TIMELINE_DATES
from calculator.rules.rulebook import RuleBook
from kzdata.export import rules_dict

RULES = rules_dict()
BOOK = RuleBook.from_dict(RULES)
RULE_IDS = sorted(BOOK.stay_rules)
DOCUMENTS = BOOK.documents()
NATIONALITIES = sorted(BOOK.nationalities)

FIRST = date(2024, 10, 1)
DAYS = st.integers(0, 600).map(lambda n: (FIRST + timedelta(days=n)).isoformat())
MAYBE_DAY = st.none() | st.just("") | DAYS
LANGS = st.sampled_from([None, "en", "ru"])


@st.composite
def stays(draw: st.DrawFn, near: date | None = None) -> list[str]:
    """0–6 stays from gaps and lengths (gaps of 0 share a border day), the first one starting
    around ``near`` if given, the last sometimes open, sometimes shuffled (the engine sorts
    them)."""
    if near is None:
        day = FIRST + timedelta(days=draw(st.integers(0, 400)))
    else:
        day = near + timedelta(days=draw(st.integers(-200, 200)))
    texts = []
    for _ in range(draw(st.integers(0, 6))):
        day += timedelta(days=draw(st.integers(0, 40)))
        length = draw(st.integers(0, 95))
        texts.append(f"{day.isoformat()}..{(day + timedelta(days=length)).isoformat()}")
        day += timedelta(days=length)
    if texts and draw(st.booleans()):
        texts[-1] = texts[-1].split("..")[0] + ".."
    return draw(st.permutations(texts)) if draw(st.integers(0, 5)) == 0 else texts


@st.composite
def rule_fields(draw: st.DrawFn) -> dict[str, object]:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        window = draw(st.integers(2, 400))
        limit = draw(st.integers(1, window - 1))
        fields: dict[str, object] = {"limit": limit, "window": str(window)}
        if draw(st.booleans()):
            fields["per_entry"] = draw(st.integers(1, limit))
        return fields
    if kind == 1:
        return {"rule": draw(st.sampled_from(RULE_IDS))}
    return {"nationality": draw(st.sampled_from(NATIONALITIES))}


@st.composite
def timeline(draw: st.DrawFn) -> dict[str, object]:
    known = draw(st.lists(st.sampled_from(TIMELINE_DATES), unique=True, max_size=5))
    fields: dict[str, object] = {name: draw(DAYS) for name in known}
    anchors = [date.fromisoformat(str(fields[name])) for name in known]
    fields["stays"] = draw(stays(draw(st.sampled_from(anchors)) if anchors else None))
    fields.update(draw(rule_fields()) if draw(st.integers(0, 4)) else {})
    for name, choices in (
        ("review", ["in_demand", "standard"]),
        ("card", ["expedited", "standard"]),
    ):
        if draw(st.booleans()):
            fields[name] = draw(st.sampled_from(choices))
    return {"action": "timeline", **fields}


def _simple(action: str) -> st.SearchStrategy[dict[str, object]]:
    with_rule = st.builds(lambda r, s: {**r, "stays": s}, rule_fields(), stays())
    by_action: dict[str, st.SearchStrategy[dict[str, object]]] = {
        "status": st.builds(lambda b, on: {**b, "on": on}, with_rule, MAYBE_DAY),
        "plan": st.builds(lambda b, on: {**b, "enter": on}, with_rule, MAYBE_DAY),
        "next_entry": st.builds(
            lambda b, on, n: {**b, "from": on, "days": n}, with_rule, MAYBE_DAY, st.integers(0, 120)
        ),
        "workdays": st.builds(lambda on, n: {"from": on, "add": n}, DAYS, st.integers(0, 400)),
        "validity": st.builds(
            lambda d, i, on: {"document": d, "issued": i, "on": on},
            st.sampled_from(DOCUMENTS),
            DAYS,
            MAYBE_DAY,
        ),
        "abroad": st.builds(
            lambda p, t, on, m: {"permit_issued": p, "trips": t, "on": on, "moved": m},
            DAYS,
            stays(),
            DAYS,
            MAYBE_DAY,
        ),
        "timeline": timeline(),
        "meta": st.just({}),
    }
    return by_action[action].map(lambda fields: {"action": action, **fields})


def requests() -> st.SearchStrategy[dict[str, object]]:
    one = st.sampled_from(
        [
            "status",
            "plan",
            "next_entry",
            "workdays",
            "validity",
            "abroad",
            "timeline",
            "timeline",
            "meta",
        ]
    ).flatmap(_simple)
    ics = st.lists(one, min_size=1, max_size=3).map(lambda r: {"action": "ics", "requests": r})
    return st.builds(
        lambda request, lang: request if lang is None else {**request, "lang": lang},
        one | ics,
        LANGS,
    )


@pytest.fixture(scope="module", autouse=True)
def loaded() -> None:
    bridge.load(json.dumps(RULES))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request=requests())
def test_every_action_answers_or_refuses_by_name(request: dict) -> None:
    response = json.loads(bridge.handle(json.dumps(request)))
    if not response["ok"]:
        error = response["error"]
        assert "internal error" not in error["message"], (request, error)
        assert isinstance(error["field"], str) and error["field"], (request, error)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request=timeline(), lang=LANGS)
def test_a_timeline_answers_and_its_return_is_the_next_entry_answer(
    request: dict, lang: str | None
) -> None:
    """The exit-and-return plan publishes the ``next_entry`` request that gives its ``enter_on``
    (CONTRIBUTING, the bridge contract): asking it must give the same day. Stays that break the
    engine's order (sorted, ending before the entry) show up here even when no assertion trips."""
    request = request if lang is None else {**request, "lang": lang}
    response = json.loads(bridge.handle(json.dumps(request)))
    if not response["ok"]:
        error = response["error"]
        assert "internal error" not in error["message"], (request, error)
        return
    plan = response["result"]["reentry"]
    if plan is None or plan["enter_on"] is None:
        return
    rule = {k: v for k, v in request.items() if k in ("nationality", "rule", "limit", "window")}
    rule.update({k: v for k, v in request.items() if k == "per_entry"})
    again = json.loads(
        bridge.handle(json.dumps({"action": "next_entry", **rule, **plan["next_entry"]}))
    )
    assert again["ok"], (request, again)
    assert again["result"]["earliest_entry"] == plan["enter_on"], (request, plan["next_entry"])
