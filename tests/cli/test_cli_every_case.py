"""Every CLI command over the literal engine cases, as text and as --json.

In-process (``main()`` with captured output) for speed; ``test_cli.py`` and
``test_cli_hostile.py`` run real subprocesses. The text output must hold the same values as the
JSON for the keys the text shows.
"""

from __future__ import annotations

import json

import pytest

from calculator.cli.format import HEADLINES, OPTIONAL_HEADLINES
from calculator.cli.main import main
from tests.cli.cases_argv import argv
from tests.engine_cases import CASES, ERRORS, pick

ACTIONS_SEEN = {case[1]["action"] for case in CASES}


@pytest.fixture(scope="module")
def rules_file(rules: dict, tmp_path_factory: pytest.TempPathFactory) -> str:
    """``--rules rules.json``: the same data, without reading the YAML for every case."""
    path = tmp_path_factory.mktemp("cli") / "rules.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("name", "request_", "expect"), CASES, ids=[c[0] for c in CASES])
def test_case_as_json(name: str, request_: dict, expect: dict, capsys, rules_file: str) -> None:
    assert main(["--json", "--rules", rules_file, *argv(request_)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {key: pick(out, key) for key in expect} == expect


@pytest.mark.parametrize(("name", "request_", "expect"), CASES, ids=[c[0] for c in CASES])
def test_case_as_text(name: str, request_: dict, expect: dict, capsys, rules_file: str) -> None:
    assert main(["--rules", rules_file, *argv(request_)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = captured.out.splitlines()
    if request_["action"] == "route":  # the plan: each dated step on its own line, by title
        assert main(["--rules", rules_file, "--json", *argv(request_)]) == 0
        titles = {s["id"]: s["title"] for s in json.loads(capsys.readouterr().out)["steps"]}
        for key, value in expect.items():
            if key.startswith("steps.id=") and key.endswith(".date"):
                title = titles[key.split("=", 1)[1].rsplit(".", 1)[0]]
                assert any(line.strip().startswith(value) and title in line for line in lines)
    for label, key in HEADLINES.get(request_["action"], ()):
        line = next((line for line in lines if line.startswith(label + ":")), None)
        if line is None:  # a headline that does not apply (the timeline's) is left out
            assert request_["action"] in OPTIONAL_HEADLINES and expect.get(key) is None, label
            continue
        if isinstance(expect.get(key), str | int) and not isinstance(expect.get(key), bool):
            assert str(expect[key]) in line, (label, line)
    assert "Why:" in captured.out and lines[-1].startswith("Data version: ")


def test_the_cases_cover_every_command_but_rules() -> None:
    assert {"status", "plan", "next_entry", "workdays", "validity", "abroad"} <= ACTIONS_SEEN
    assert "timeline" in ACTIONS_SEEN


@pytest.mark.parametrize("as_json", [False, True])
def test_rules_command(as_json: bool, capsys) -> None:
    assert main(["--json", "rules"] if as_json else ["rules"]) == 0
    out = capsys.readouterr().out
    assert "kz_visa_free_30" in out and "police_certificate" in out


@pytest.mark.parametrize(
    ("name", "request_", "field", "fragment"), ERRORS, ids=[c[0] for c in ERRORS]
)
def test_error_case_names_the_argument(
    name: str, request_: dict, field: str, fragment: str, capsys, rules_file: str
) -> None:
    assert main(["--rules", rules_file, *argv(request_)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and fragment in err
    assert f"--{field.split('[')[0].replace('_', '-')}" in err or "--stay " in err
