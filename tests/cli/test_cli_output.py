"""Output the terminal cannot take (real subprocesses): an encoding without Cyrillic or dashes
degrades to escapes (JSON stays lossless), a full disk is one line on stderr and exit 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.cli.cli_run import ROOT, run

WORKDAYS = ["workdays", "--from", "2025-01-01", "--add", "3"]
ASCII = {"PYTHONIOENCODING": "ascii"}
POSIX = {"LC_ALL": "POSIX", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}


@pytest.mark.parametrize("env", [ASCII, POSIX], ids=["ascii", "posix"])
def test_russian_text_degrades_to_escapes(env: dict[str, str]) -> None:
    result = run("--lang", "ru", *WORKDAYS, env=env)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-500:]
    assert result.stdout.isascii()
    assert "\\u0414\\u0430\\u0442\\u0430: 2025-01-08" in result.stdout  # «Дата: 2025-01-08»


def test_latin1_keeps_what_it_can_and_escapes_cyrillic() -> None:
    """Latin-1 holds the no-break spaces of Russian typography but no Cyrillic letter."""
    result = subprocess.run(
        [sys.executable, "-m", "calculator", "--lang", "ru", *WORKDAYS],
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "latin-1"},
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr[-500:]
    out = result.stdout.decode("latin-1")
    assert not any("\u0400" <= char <= "\u04ff" for char in out)
    assert "\\u0414\\u0430\\u0442\\u0430: 2025-01-08" in out


def test_json_stays_lossless_in_ascii() -> None:
    result = run("--lang", "ru", "--json", *WORKDAYS, env=ASCII)
    assert result.returncode == 0 and result.stdout.isascii(), result.stderr[-500:]
    assert json.loads(result.stdout)["explanation"]["steps"][0].startswith("Счёт начинается")


@pytest.mark.parametrize(
    "args", [["--lang", "ru", "--help"], ["--lang", "ru", "workdays", "--from", "x", "--add", "1"]]
)
def test_help_and_errors_in_ascii(args: list[str]) -> None:
    result = run(*args, env=ASCII)
    assert result.returncode in (0, 2) and "Traceback" not in result.stderr, result.stderr[-500:]
    assert (result.stdout + result.stderr).isascii()
    if result.returncode == 2:
        assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (WORKDAYS, "error: cannot write the answer: No space left on device"),
        (["--json", "rules"], "error: cannot write the answer: No space left on device"),
        (["--help"], "error: cannot write the answer: No space left on device"),
        (["--lang", "ru", *WORKDAYS], "ошибка: не удаётся записать ответ: No space left on device"),
    ],
)
def test_a_full_disk_is_one_line(args: list[str], expected: str) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "calculator", *args],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"python -m calculator: {expected}"]
