"""Scale at the bounds (real subprocesses): thousands of ``--stay`` are counted before argparse
reads them, a megabyte of blank CSV rows is refused by its line count, a header naming a column
twice is refused by name. Timings are in benchmarks/hostile.py, not here."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli.cli_run import run

STATUS = ["status", "--nationality", "NL", "--on", "2025-03-01"]


def stay_flags(count: int, first: date = date(1990, 1, 1)) -> list[str]:
    args = []
    for i in range(count):
        day = first + timedelta(days=2 * i)
        args += ["--stay", f"{day}..{day}"]
    return args


def refused(*args: str) -> str:
    result = run(*args)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr[:500]
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr[:500]
    return lines[0]


def test_ten_thousand_stays_are_refused_naming_the_option() -> None:
    line = refused(*STATUS, *stay_flags(10_000))
    assert line == (
        "python -m calculator: error: --stay: given 10000 times; at most 5000 stays or trips are read"
    )


def test_ten_thousand_trips_in_russian() -> None:
    args = ["--lang", "ru", "abroad", "--permit-issued", "1990-01-01", "--on", "2025-01-01"]
    line = refused(*args, *[a.replace("--stay", "--trip") for a in stay_flags(10_000)])
    assert line.startswith("python -m calculator: ошибка: --trip: указано 10\xa0000\xa0раз")


def test_five_thousand_stays_are_answered() -> None:
    result = run("--json", *STATUS, *stay_flags(5000))
    assert result.returncode == 0, result.stderr[:500]
    assert json.loads(result.stdout)["days_used"] == 0  # the last stay is in 2017


def test_stays_from_flags_and_a_file_together_over_the_bound(tmp_path: Path) -> None:
    csv = tmp_path / "stays.csv"
    rows = [f"{d},{d}" for d in (date(2010, 1, 1) + timedelta(days=2 * i) for i in range(3000))]
    csv.write_text("entry,exit\n" + "\n".join(rows) + "\n")
    line = refused(*STATUS, *stay_flags(3000), "--stays-file", str(csv))
    assert line == "python -m calculator: error: --stay: at most 5000 are read (got 6000)"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("entry,exit\n" + "\n" * 999_000, "has more than 10001 lines, the most read"),
        ("entry,exit\n" + ",\n" * 499_000, "has more than 10001 lines, the most read"),
        ("entry,exit,entry\n2025-01-01,2025-01-05,2025-02-01\n", "names the column 'entry' twice"),
        ("exit,exit\n2025-01-01,2025-01-05\n", "names the column 'exit' twice"),
    ],
)
def test_csv_at_the_bound(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "stays.csv"
    path.write_text(content)
    line = refused(*STATUS, "--stays-file", str(path))
    assert line.startswith("python -m calculator: error: --stays-file: ") and expected in line


def test_blank_rows_and_trailing_columns_within_the_bound(tmp_path: Path) -> None:
    path = tmp_path / "stays.csv"
    path.write_text("entry,exit,,\n\n2025-02-01,2025-02-10,,\n ,  ,,\n2025-02-20,,,\n")
    result = run("--json", *STATUS, "--stays-file", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["days_used"] == 10 + 10  # 1–10 Feb, 20 Feb–1 Mar


@pytest.mark.parametrize(
    ("args", "field", "value"),
    [
        (
            [
                "plan",
                "--nationality",
                "NL",
                "--enter",
                "2025-03-01",
                "--stay=2025-01-01..2025-01-10",
            ],
            "latest_exit",
            "2025-03-30",
        ),
        (
            [
                "next-entry",
                "--nationality",
                "NL",
                "--from",
                "2025-01-05",
                "--days",
                "30",
                "--stay",
                "2025-01-01..2025-01-10",
            ],
            "earliest_entry",
            "2025-01-11",
        ),
        (
            [
                "abroad",
                "--permit-issued",
                "2025-01-01",
                "--on",
                "2025-12-31",
                "--trip",
                "2025-03-01..2025-03-10",
            ],
            "years",
            [{"year": 2025, "days_abroad": 10}],
        ),
    ],
)
def test_repeated_options_reach_every_command(args: list[str], field: str, value: object) -> None:
    result = run("--json", *args)
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)[field]
    if isinstance(value, list):
        got = [{k: year[k] for k in value[0]} for year in got]
    assert got == value


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["workdays", "--from", "2025-01-01", "--add", "1", "--stay", "2025-01-01.."],
            "unrecognized arguments: --stay 2025-01-01..",
        ),
        (
            ["status", "--nationality", "NL", "--on", "2025-01-01", "--stay"],
            "argument --stay: expected one argument",
        ),
        (
            [
                "abroad",
                "--permit-issued",
                "2025-01-01",
                "--on",
                "2025-12-31",
                "--stay",
                "2025-03-01..",
            ],
            "unrecognized arguments: --stay 2025-03-01..",
        ),
    ],
)
def test_a_misplaced_repeated_option_is_refused_by_argparse(args: list[str], expected: str) -> None:
    assert expected in refused(*args)
