"""``python -m calculator route``: the personal plan on the command line, as a user runs it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.cli.cli_run import run

DUTCH = (
    "route",
    "--nationality",
    "NL",
    "--it",
    "yes",
    "--city",
    "astana",
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
    "--certificate-issued",
    "2025-06-18",
    "--on",
    "2025-11-10",
)


def by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


def test_json_has_the_contract_keys() -> None:
    done = run(*DUTCH, "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert {"routes", "steps", "documents", "warnings", "timeline"} <= set(out)
    dnr = by_id(out["routes"])["route_dnr"]
    assert {"id", "eligible", "open", "reasons", "sources"} <= set(dnr)
    assert (dnr["eligible"], dnr["open"]) == ("yes", "yes")
    hand_in = by_id(out["steps"])["hand_in_at_psc"]
    assert (hand_in["stage"], hand_in["date"]) == ("stage_entry_psc", "2025-12-18")
    police = by_id(out["documents"])["police_certificate"]
    assert (police["obtain_from"], police["valid_until"]) == ("2025-06-21", "2025-12-15")
    assert any("15 Dec 2025" in w and "18 Dec 2025" in w for w in police["warnings"])
    assert out["timeline"]["reentry"]["enter_on"] == "2026-01-05"


def test_text_answers_first() -> None:
    done = run(*DUTCH)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    order = [text.index(h) for h in ("Routes", "My steps:", "My documents:", "Warnings:")]
    assert order == sorted(order)
    assert "2025-12-18      Hand in the file at the Public Service Center\n" in text  # no id
    assert (
        "Police clearance certificate (issued on or after 2025-06-21; valid until 2025-12-15)"
        in text
    )
    # obtained only in Kazakhstan: from the entry, and the step says so too
    assert "Medical certificate (form 028/у) (in Kazakhstan, issued on or after 2025-12-15)" in text
    assert "from 2025-12-15 Get the medical certificate" in text


def test_russian_text_same_dates() -> None:
    done = run(*DUTCH, "--lang", "ru")
    assert done.returncode == 0, done.stderr
    assert "Мои шаги:" in done.stdout and "hand_in_at_psc" not in done.stdout
    assert "дата выдачи — 2025-06-21 или позже; действует до 2025-12-15" in done.stdout
    assert "(в Казахстане, дата выдачи — 2025-12-15 или позже)" in done.stdout


def test_the_day_defaults_to_today() -> None:
    out = json.loads(run("route", "--nationality", "US", "--it", "no", "--json").stdout)
    assert out["on"] == date.today().isoformat()


@pytest.mark.parametrize(
    ("args", "flag", "words"),
    [
        (("--income-usd", "5k"), "--income-usd", "not an amount in whole US dollars"),
        (("--passport-expires", "2027-02-30"), "--passport-expires", "does not exist"),
        (("--certificate-issued", "18.06.2025"), "--certificate-issued", ""),
        (("--stay", "2025-05-10..2025-05-01"), "--stay 2025-05-10..2025-05-01 (exit)", "before"),
        (("--city", "paris"), "--city", "must be one of astana, almaty, other"),
        (("--it", "maybe"), "--it", "must be one of yes, no"),
        (("--nationality", "NLD"), "--nationality", "two-letter"),
    ],
)
def test_bad_input_names_the_flag(args: tuple[str, ...], flag: str, words: str) -> None:
    base = ("route", "--nationality", "NL", "--on", "2026-12-01")
    done = run(*base, *args)
    assert done.returncode == 2
    line = done.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert f"{flag}:" in line or f"argument {flag}:" in line, line
    assert words in line


def test_no_nationality() -> None:
    done = run("route", "--it", "yes")
    assert done.returncode == 2
    assert "--nationality: is required" in done.stderr
