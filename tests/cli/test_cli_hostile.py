"""Hostile and odd input at the command line: exit 2, one short stderr line naming the argument
in the user's words, no traceback, bounded memory (real subprocesses)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_run import run

NL = ["--nationality", "NL"]
HUGE = "9" * 100_000


def refused(*args: str) -> str:
    """The one stderr line of a refused command."""
    result = run(*args)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr[:500]
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr[:500]
    assert len(lines[0]) < 300, lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["workdays", "--from", "2025-01-01", "--add", "²"], "--add: '²' is not a whole number"),
        (["workdays", "--from", "2025-01-01", "--add", "①"], "--add: '①' is not a whole number"),
        (["workdays", "--from", "2025-01-01", "--add=--5"], "--add: '--5' is not a whole number"),
        (["workdays", "--from", "2025-01-01", "--add", "+5"], "--add: '+5' is not a whole number"),
        (["workdays", "--from", "2025-01-01", "--add", "1.5"], "--add: '1.5' is not a whole"),
        (["workdays", "--from", "2025-01-01", "--add", HUGE], "--add: '999999999999"),
        (["workdays", "--from", "2025-01-01", "--add", "2501"], "--add: must be a whole number"),
        (["workdays", "--from", "2199-06-01", "--add", "2500"], "--add: 2500 working days after"),
        (
            ["workdays", "--from", "２０２５-01-01", "--add", "1"],
            "--from: '２０２５-01-01' is not a date",
        ),
        (
            ["workdays", "--from", "2025-01-0１", "--add", "1"],
            "--from: '2025-01-0１' is not a date",
        ),
        (["workdays", "--from", HUGE, "--add", "1"], "--from: '99999999"),
        (["workdays", "--from", "1899-12-31", "--add", "1"], "--from: '1899-12-31' is outside"),
        (
            ["status", "--limit", "90", "--window", "800000", "--on", "2025-01-01"],
            "--window: must be a whole number of days, at most 3660",
        ),
        (
            [
                "status",
                "--limit",
                "90",
                "--window",
                "180",
                "--per-entry",
                "91",
                "--on",
                "2025-01-01",
            ],
            "--per-entry: must be at most the limit",
        ),
        (
            [
                "next-entry",
                "--limit",
                "90",
                "--window",
                "3661",
                "--from",
                "2025-01-01",
                "--days",
                "5",
            ],
            "--window: must be a whole number of days, at most 3660",
        ),
        (
            ["next-entry", *NL, "--from", "2025-01-01", "--days", "31"],
            "--days: one entry under Kazakhstan, unilateral visa-free list (30 days per entry) can last "
            "at most 30 days",
        ),
        (
            [
                "next-entry",
                *NL,
                "--stay",
                "2199-10-01..2199-12-29",
                "--from",
                "2199-12-30",
                "--days",
                "30",
            ],
            "--from: no entry allowing 30 days starts by 2199-12-31",
        ),
        (
            ["plan", *NL, "--per-entry", "5", "--enter", "2025-01-01"],
            "--per-entry: give only one of",
        ),
        (
            ["plan", "--rule", "schengen", "--per-entry", "5", "--enter", "2025-01-01"],
            "--per-entry: give only one of",
        ),
        (
            [
                "status",
                *NL,
                "--stay",
                "2025-01-16..",
                "--stay",
                "2025-01-20..2025-01-22",
                "--on",
                "2025-02-01",
            ],
            "--stay 2025-01-16.. (exit): this one has no end date",
        ),
        (
            ["status", *NL, "--stay", "2025-01-16.." + "x" * 100_000, "--on", "2025-02-01"],
            "--stay 2025-01-16..xxxxxxxxxxxxxxxxxxxx… (exit): 'xxxx",
        ),
        (["status", "--nationality", "X" * 100_000, "--on", "2025-02-01"], "--nationality: 'XXX"),
        (["timeline", "--review", "z" * 100_000, "--egov-submitted", "2025-01-01"], "--review"),
    ],
)
def test_refused_by_name(args: list[str], expected: str) -> None:
    assert expected in refused(*args)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "is larger than 1,000,000 bytes"),  # /dev/zero
        (b"entry,exit\n\xff\xfe2025-01-01,\n", "is not UTF-8 text"),
        (b"entry,exit\n" + b"2025-01-01,2025-01-01\n" * 5001, "has more than 5000 stays"),
        (b"entry,exit\n2025-01-01,\x002025\n", "stays.csv line 2 (exit): '?2025' is not a date"),
        (b"from,to\n2025-01-01,\n", "needs a header line"),
    ],
)
def test_stays_file_refused(tmp_path: Path, content: bytes | None, expected: str) -> None:
    path = "/dev/zero"
    if content is not None:
        path = str(tmp_path / "stays.csv")
        Path(path).write_bytes(content)
    line = refused("status", *NL, "--stays-file", path, "--on", "2025-06-01")
    assert expected in line


def test_stays_file_is_a_folder(tmp_path: Path) -> None:
    line = refused("status", *NL, "--stays-file", str(tmp_path), "--on", "2025-06-01")
    assert "--stays-file: cannot read" in line and "Is a directory" in line


def test_a_one_day_visit_and_a_same_day_reentry_are_accepted() -> None:
    result = run(
        "--json", "status", *NL, "--stay", "2025-01-16..2025-01-16",
        "--stay", "2025-01-16..2025-01-25", "--on", "2025-01-20",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert '"days_used": 5' in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["plan", *NL, "--enter", "2025-01-01"],
        ["next-entry", *NL, "--from", "2025-01-01", "--days", "5"],
    ],
)
def test_text_output_of_plan_and_next_entry(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 0 and result.stderr == "", result.stderr[-500:]
    assert "Latest exit" in result.stdout
