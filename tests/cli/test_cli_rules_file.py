"""``--rules FILE`` is checked like ``data/`` (real subprocesses): a broken, huge, endless or
deeply nested file is refused in one line naming ``--rules``, the file and the field, exit 2."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from tests.cli.cli_run import run

WORKDAYS = ["workdays", "--from", "2025-01-01", "--add", "3"]


def refused(*args: str) -> str:
    result = run(*args)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr[:500]
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr[:500]
    assert lines[0].startswith(
        ("python -m calculator: error: --rules: ", "python -m calculator: ошибка: --rules: ")
    )
    assert len(lines[0]) < 300
    return lines[0]


def _write(tmp_path: Path, data: object) -> str:
    path = tmp_path / "rules.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[]", "rules.json': rules: must be an object, not a list"),
        ("[" * 100_000 + "]" * 100_000, "rules.json': nests deeper than 16 levels"),
        ("{", "rules.json': is not JSON: Expecting property name"),
        (" " * 1_000_001, "is larger than 1,000,000 bytes"),
    ],
)
def test_unusable_rules_file(tmp_path: Path, content: str, expected: str) -> None:
    assert expected in refused("--rules", _write(tmp_path, content), *WORKDAYS)


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        (
            ("stay_rules", 0, "window_days"),
            10_000_000,
            "window_days: must be a whole number from 2 to 3660, not 10000000",
        ),
        (
            ("calendar", "weekend"),
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
            "calendar.weekend: holds all seven days",
        ),
        (
            ("deadlines", 3, "days"),
            100_000_000,
            "deadlines.egov_review_standard.days: must be a whole number from 1 to 3660",
        ),
    ],
)
def test_rules_file_out_of_bounds(
    tmp_path: Path, rules: dict, where: tuple, value: object, expected: str
) -> None:
    data = copy.deepcopy(rules)
    parent = data
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    assert expected in refused("--rules", _write(tmp_path, data), *WORKDAYS)


def test_rules_file_without_a_deadline_the_engine_needs(tmp_path: Path, rules: dict) -> None:
    """The README's own example needed ``b8_visa_pending_residence`` (a KeyError before)."""
    data = copy.deepcopy(rules)
    data["deadlines"] = [d for d in data["deadlines"] if d["id"] != "b8_visa_pending_residence"]
    line = refused("--rules", _write(tmp_path, data), "timeline", "--egov-submitted", "2025-11-12")
    assert "deadlines: lacks 'b8_visa_pending_residence', which the engine needs" in line


def test_dev_zero_is_refused_after_the_cap() -> None:
    assert "/dev/zero is larger than 1,000,000 bytes" in refused("--rules", "/dev/zero", "rules")


def test_russian_refusal(tmp_path: Path) -> None:
    line = refused("--lang", "ru", "--rules", _write(tmp_path, "[]"), *WORKDAYS)
    assert "rules: должно быть: объект, а не список" in line


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_the_builds_rules_file_works(tmp_path: Path, rules: dict, json_flag: list[str]) -> None:
    result = run(*json_flag, "--rules", _write(tmp_path, rules), *WORKDAYS)
    assert result.returncode == 0, result.stderr
    assert "2025-01-08" in result.stdout


def test_the_issue_15_timeline_answers(tmp_path: Path) -> None:
    """In the country since 17 Nov 2025 while the timeline assumes an entry on 2 Feb 2025: an
    answer with the warning (was: exit 1 and an empty ``error:``)."""
    args = ["timeline", "--nationality", "RU", "--stay", "2025-10-02..2025-10-25"]
    args += ["--stay", "2025-10-26..2025-11-04", "--stay", "2025-11-04..2025-11-17"]
    args += ["--stay", "2025-11-17..", "--egov-submitted", "2025-01-03"]
    args += ["--psc-submitted", "2025-08-22"]
    text = run(*args)
    assert text.returncode == 0, text.stderr
    assert "Come back on:               2025-09-08" in text.stdout
    assert "You are in Kazakhstan since Mon 17 Nov 2025, after the entry on" in text.stdout
    as_json = run(*args, "--json")
    assert json.loads(as_json.stdout)["reentry"]["enter_on"] == "2025-09-08"
