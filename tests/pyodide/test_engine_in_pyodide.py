"""The literal bridge cases inside Pyodide (Python 3.14 compiled to WebAssembly), run by Node.

This is the runtime the browser uses; the engine must give the same answers there as on CPython.
"""

from __future__ import annotations

import json

import pytest

from calculator import bridge
from tests.engine_cases import CASES, ERRORS, facts, pick
from tests.pyodide.node_runner import run_node

pytestmark = pytest.mark.pyodide


def all_requests() -> list[dict]:
    """The literal cases and error cases, then the same in Russian (``lang: ru``)."""
    english = [case[1] for case in CASES] + [case[1] for case in ERRORS]
    return english + [{**request, "lang": "ru"} for request in english]


@pytest.fixture(scope="module")
def pyodide_run(rules: dict, tmp_path_factory: pytest.TempPathFactory) -> dict:
    work = tmp_path_factory.mktemp("pyodide")
    (work / "rules.json").write_text(json.dumps(rules))
    (work / "requests.json").write_text(json.dumps(all_requests()))
    return run_node("run_cases.mjs", work / "rules.json", work / "requests.json")


def test_runs_python_314(pyodide_run: dict) -> None:
    assert pyodide_run["python"].startswith("3.14")


def test_same_answers_as_cpython(pyodide_run: dict, rules: dict) -> None:
    bridge.load(json.dumps(rules))
    expected = [json.loads(bridge.handle(json.dumps(r))) for r in all_requests()]
    assert pyodide_run["responses"] == expected


def test_russian_answers_carry_the_same_facts(pyodide_run: dict) -> None:
    """Inside Pyodide too: the Russian catalog loads from the package and changes only words."""
    responses = pyodide_run["responses"]
    half = len(responses) // 2
    for english, russian in zip(responses[:half], responses[half:], strict=True):
        assert russian["ok"] == english["ok"]
        if english["ok"]:
            assert facts(russian["result"]) == facts(english["result"])
            assert russian["result"]["explanation"] != english["result"]["explanation"]
        else:
            assert russian["error"]["field"] == english["error"]["field"]


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c[0] for c in CASES])
def test_literal_case(pyodide_run: dict, index: int) -> None:
    _, _, expect = CASES[index]
    response = pyodide_run["responses"][index]
    assert response["ok"], response
    assert {key: pick(response["result"], key) for key in expect} == expect


@pytest.mark.parametrize("index", range(len(ERRORS)), ids=[c[0] for c in ERRORS])
def test_error_case(pyodide_run: dict, index: int) -> None:
    _, _, field, fragment = ERRORS[index]
    response = pyodide_run["responses"][len(CASES) + index]
    assert response["ok"] is False
    assert response["error"]["field"] == field
    assert fragment in response["error"]["message"]
