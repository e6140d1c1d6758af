"""``python -m calculator`` as a user runs it: real subprocesses, exit codes, stdout and stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.cli_run import run


def run_json(*args: str) -> dict:
    result = run("--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_status_json_keys() -> None:
    out = run_json(
        "status",
        "--nationality",
        "NL",
        "--stay",
        "2025-04-01..2025-05-10",
        "--stay",
        "2025-05-17..",
        "--on",
        "2025-06-01",
    )
    assert {
        k: out[k]
        for k in ("window_start", "days_used", "limit", "days_left", "overstay_days", "latest_exit")
    } == {
        "window_start": "2024-12-04",
        "days_used": 56,
        "limit": 90,
        "days_left": 34,
        "overstay_days": 0,
        "latest_exit": "2025-06-15",
    }


def test_status_not_in_country_gives_null_latest_exit() -> None:
    out = run_json(
        "status", "--nationality", "NL", "--stay", "2025-04-01..2025-05-10", "--on", "2025-06-01"
    )
    assert out["latest_exit"] is None


def test_plan_and_next_entry() -> None:
    plan = run_json("plan", "--rule", "kz_visa_free_30", "--enter", "2025-01-10")
    assert (plan["max_stay_days"], plan["latest_exit"], plan["binding"]) == (
        30,
        "2025-02-08",
        "per_entry",
    )
    nxt = run_json(
        "next-entry",
        "--limit",
        "90",
        "--window",
        "180",
        "--stay",
        "2025-01-01..2025-03-31",
        "--from",
        "2025-04-01",
        "--days",
        "1",
    )
    assert nxt["earliest_entry"] == "2025-06-30"


def test_workdays_and_validity() -> None:
    assert run_json("workdays", "--from", "2025-01-02", "--add", "1")["date"] == "2025-01-05"
    assert (
        run_json("validity", "--document", "police_certificate", "--issued", "2025-06-18")[
            "valid_until"
        ]
        == "2025-12-15"
    )


def test_timeline_and_abroad() -> None:
    timeline = run_json(
        "timeline",
        "--nationality",
        "NL",
        "--egov-submitted",
        "2025-11-12",
        "--certificate-issued",
        "2025-06-18",
    )
    assert timeline["certificate_valid_until"] == "2025-12-15"
    assert [m["id"] for m in timeline["milestones"]][:2] == ["egov_submitted", "approved"]
    abroad = run_json(
        "abroad",
        "--permit-issued",
        "2026-01-12",
        "--trip",
        "2026-02-01..2026-02-10",
        "--on",
        "2026-06-01",
    )
    assert abroad["years"][0]["days_abroad"] == 10


DUTCH_TIMELINE = (
    "timeline",
    "--nationality",
    "NL",
    "--stay",
    "2025-07-01..2025-07-30",
    "--stay",
    "2025-08-10..2025-09-08",
    "--stay",
    "2025-09-20..2025-10-08",
    "--approved",
    "2025-12-10",
    "--entered",
    "2025-12-15",
)


def test_timeline_text_is_a_plan() -> None:
    """The issue's Dutch case: dated exit and return, no 'enter by' after the entry, every warning."""
    result = run(*DUTCH_TIMELINE)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Enter Kazakhstan by" not in out
    assert "Leave Kazakhstan by:        2025-12-25" in out
    assert "Come back on:               2026-01-05" in out
    assert "Card expected then:         2026-01-15" in out
    assert "B8 visa inside Kazakhstan (conflict)" in out
    assert "consular.kazakhembus.com" in out
    assert "pilot's legal end date is Wed 31 Dec 2025" in out
    lines = out.splitlines()
    handed_in = next(i for i, line in enumerate(lines) if "handed in at the Public" in line)
    notice = next(i for i, line in enumerate(lines) if "Arrival notification" in line)
    assert notice < handed_in  # by date: the notice on 15 Dec, the hand-in expected 18 Dec
    assert "2025-12-17 .. 2025-12-18 (expected 2025-12-18)" in lines[handed_in]


def test_stays_file(tmp_path: Path) -> None:
    csv = tmp_path / "stays.csv"
    csv.write_text("entry,exit\n2025-04-01,2025-05-10\n2025-05-17,\n")
    out = run_json("status", "--nationality", "NL", "--stays-file", str(csv), "--on", "2025-06-01")
    assert (out["days_used"], out["latest_exit"]) == (56, "2025-06-15")


def test_json_flag_after_the_command() -> None:
    result = run("workdays", "--from", "2025-01-02", "--add", "1", "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["date"] == "2025-01-05"


def test_stays_file_from_a_spreadsheet(tmp_path: Path) -> None:
    """A byte-order mark and blank lines, as spreadsheet programs write them."""
    csv = tmp_path / "stays.csv"
    csv.write_bytes(b"\xef\xbb\xbfentry,exit\r\n2025-04-01,2025-05-10\r\n\r\n2025-05-17,\r\n")
    out = run_json("status", "--nationality", "NL", "--stays-file", str(csv), "--on", "2025-06-01")
    assert out["days_used"] == 56


def test_stays_file_errors_name_the_line(tmp_path: Path) -> None:
    csv = tmp_path / "stays.csv"
    csv.write_text("entry,exit\n2025-04-01,2025-05-10\n2025-05-05,2025-05-20\n")
    result = run("status", "--nationality", "NL", "--stays-file", str(csv), "--on", "2025-06-01")
    assert result.returncode == 2
    assert f"{csv} line 3 (entry): overlaps the one from 2025-04-01..2025-05-10" in result.stderr
    csv.write_text("entry,exit\n2025-04-01,2025-05-10\n2025-05-05\n")
    result = run("status", "--nationality", "NL", "--stays-file", str(csv), "--on", "2025-06-01")
    assert result.returncode == 2 and "line 3 has no exit column" in result.stderr


def test_human_output_explains() -> None:
    result = run("status", "--nationality", "NL", "--stay", "2025-05-17..", "--on", "2025-06-01")
    assert result.returncode == 0
    assert "Latest exit:             2025-06-15 (14 more days after 2025-06-01)" in result.stdout
    assert "Why:" in result.stdout and "astanatimes.com" in result.stdout
    assert "Not legal advice" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["workdays", "--from", "2025-02-30", "--add", "1"],
            "--from: 30 February 2025 does not exist",
        ),
        (
            [
                "status",
                "--nationality",
                "NL",
                "--stay",
                "2025-05-10..2025-05-01",
                "--on",
                "2025-06-01",
            ],
            "--stay 2025-05-10..2025-05-01 (exit): exit 2025-05-01 is before entry 2025-05-10",
        ),
        (
            [
                "status",
                "--nationality",
                "NL",
                "--stay",
                "2025-05-01..2025-05-10",
                "--stay",
                "2025-05-05..2025-05-12",
                "--on",
                "2025-06-01",
            ],
            "--stay 2025-05-05..2025-05-12 (entry): overlaps",
        ),
        (
            ["status", "--nationality", "XX", "--on", "2025-06-01"],
            "--nationality: 'XX' is not a listed nationality",
        ),
        (["status", "--rule", "nope", "--on", "2025-06-01"], "--rule: unknown rule set 'nope'"),
        (
            ["workdays", "--from", "2025-01-02", "--add", "-3"],
            "--add: must be a whole number of working days",
        ),
        (
            ["next-entry", "--nationality", "NL", "--from", "2025-01-01", "--days", "-1"],
            "--days: must be a whole number",
        ),
        (
            [
                "status",
                "--on",
                "2025-06-01",
                "--stays-file",
                "/nonexistent.csv",
                "--nationality",
                "NL",
            ],
            "--stays-file: cannot read /nonexistent.csv",
        ),
        (["status", "--nationality", "NL"], "the following arguments are required: --on"),
        (
            ["workdays", "--from", "9999-12-30", "--add", "5"],
            "--from: '9999-12-30' is outside the years",
        ),
        (
            ["abroad", "--permit-issued", "2026-01-01", "--on", "2025-01-01"],
            "--on: is before the permit was issued",
        ),
        (
            ["timeline", "--egov-submitted", "2025-11-12", "--approved", "2025-11-01"],
            "--approved: is before the egov submitted date",
        ),
    ],
)
def test_bad_input_one_line_exit_2(args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


README_STAYS = Path(__file__).with_name("readme_stays.csv")
"""The README's Dutch stays as a ``--stays-file``; the page's import test reads the same file."""


def test_days_return_in_json_and_text() -> None:
    """Each used day returns 180 days after it was spent; the text groups the dates as runs."""
    args = (
        "status",
        "--nationality",
        "NL",
        "--stays-file",
        str(README_STAYS),
        "--on",
        "2025-06-01",
    )
    out = run_json(*args)
    assert sum(item["days"] for item in out["days_return"]) == out["days_used"] == 56
    assert out["days_return"][0] == {"date": "2025-09-28", "days": 1}
    text = run(*args)
    assert text.returncode == 0, text.stderr
    assert (
        "Used days come back (if you make no stay after 1 Jun 2025):\n"
        "  from 28 Sep 2025, 1 day back each day until 6 Nov 2025 (40 days)\n"
        "  from 13 Nov 2025, 1 day back each day until 28 Nov 2025 (16 days)\n"
    ) in text.stdout
    russian = run("--lang", "ru", *args)
    assert (
        "с 28\xa0сентября 2025\xa0г. по 6\xa0ноября 2025\xa0г. — каждый день возвращается "
        "по одному дню (всего 40\xa0дней)"
    ) in russian.stdout  # Russian typography: «г.» after a year, no-break spaces


def test_one_day_back_on_one_date() -> None:
    text = run(
        "status", "--rule", "schengen", "--stay", "2025-01-01..2025-01-01", "--on", "2025-03-01"
    )
    assert "  on 30 Jun 2025, 1 day back\n" in text.stdout
