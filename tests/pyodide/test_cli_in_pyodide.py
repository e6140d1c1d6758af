"""The command line's help and argparse's errors under Python 3.14's argparse (the Pyodide pin, run
by Node): Russian with ``--lang ru``, English otherwise, as on CPython 3.11 (tests/cli)."""

from __future__ import annotations

import json

import pytest

from tests.pyodide.node_runner import run_node

pytestmark = pytest.mark.pyodide
P = "python -m calculator"
# argv → (exit status, what stdout or stderr holds); 3.14 lists choices without quotes.
RUNS: list[tuple[list[str], int, list[str]]] = [
    (
        ["--lang", "ru", "--help"],
        0,
        [f"Использование: {P} [-h]", "\nПозиционные аргументы:\n  КОМАНДА\n", "\nПараметры:\n"],
    ),
    (
        ["plan", "--lang=ru", "--help"],
        0,
        ["показать эту справку и выйти", "--enter ДАТА          день въезда", "ВЪЕЗД..ВЫЕЗД"],
    ),
    (["plan", "--help"], 0, [f"usage: {P} plan [-h]", "\noptions:\n", "--enter DATE"]),
    (["--lang", "ru", "plan", "--enter"], 2, [f"{P} plan: ошибка: --enter: нужно одно значение\n"]),
    (["--lang", "ru"], 2, [f"{P}: ошибка: не указаны обязательные аргументы: КОМАНДА\n"]),
    (
        ["--lang", "ru", "timeline", "--review", "fast"],
        2,
        [
            f"{P} timeline: ошибка: --review: недопустимое значение 'fast' "
            "(допустимые: in_demand, standard)\n"
        ],
    ),
    (["--lang", "ru", "rules", "--bogus"], 2, [f"{P}: ошибка: неизвестные аргументы: --bogus\n"]),
    (["plan", "--enter"], 2, [f"{P} plan: error: argument --enter: expected one argument\n"]),
    (["--lang", "de"], 2, [f"{P}: error: argument --lang: invalid choice: 'de' (choose from en"]),
]


@pytest.fixture(scope="module")
def pyodide_cli(tmp_path_factory: pytest.TempPathFactory) -> dict:
    argvs = tmp_path_factory.mktemp("pyodide_cli") / "argvs.json"
    argvs.write_text(json.dumps([argv for argv, _, _ in RUNS]))
    return run_node("run_cli.mjs", argvs)


def test_runs_python_314(pyodide_cli: dict) -> None:
    assert pyodide_cli["python"].startswith("3.14")


@pytest.mark.parametrize("index", range(len(RUNS)), ids=[" ".join(r[0]) for r in RUNS])
def test_help_and_errors(pyodide_cli: dict, index: int) -> None:
    _argv, code, pieces = RUNS[index]
    run = pyodide_cli["runs"][index]
    assert run["code"] == code
    if code == 0:
        assert run["stderr"] == ""
        assert all(piece in run["stdout"] for piece in pieces), run["stdout"]
    else:
        assert run["stdout"] == "" and run["stderr"].count("\n") == 1
        assert run["stderr"].startswith(pieces[0]), run["stderr"]
