"""``python -m calculator --lang ru``: the same numbers and dates, the words in Russian."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.test_cli import run
from tests.engine_cases import facts

NL = ("--nationality", "NL", "--stay", "2025-04-01..2025-05-10", "--stay", "2025-05-17..")
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
COMMANDS = [
    ("status", *NL, "--on", "2025-06-01"),
    ("plan", "--nationality", "NL", "--enter", "2025-01-01"),
    ("next-entry", *NL[:4], "--from", "2025-06-01", "--days", "30"),
    ("workdays", "--from", "2025-03-06", "--add", "3"),
    ("validity", "--document", "police_certificate", "--issued", "2025-06-18"),
    (
        "abroad",
        "--permit-issued",
        "2025-01-10",
        "--trip",
        "2025-03-01..2025-03-20",
        "--on",
        "2025-12-31",
    ),
    ("rules",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_same_json_facts_in_russian(command: tuple[str, ...]) -> None:
    english, russian = run("--json", *command), run("--json", "--lang", "ru", *command)
    assert english.returncode == russian.returncode == 0, russian.stderr
    en, ru = json.loads(english.stdout), json.loads(russian.stdout)
    if command[0] == "rules":  # nationalities are listed in the alphabet of the language
        for listing in (en, ru):
            listing["nationalities"].sort(key=lambda n: n["code"])
    assert facts(ru) == facts(en)


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_text_output_in_russian(command: tuple[str, ...]) -> None:
    result = run(*command, "--lang", "ru")
    assert result.returncode == 0, result.stderr
    assert CYRILLIC.search(result.stdout)
    assert "Это не юридическая консультация" in result.stdout


def test_status_text_in_russian() -> None:
    out = run("status", *NL, "--on", "2025-06-01", "--lang", "ru").stdout
    assert "Последний день для выезда: 2025-06-15 (ещё 14\xa0дней после 2025-06-01)" in out
    assert "Использовано дней:         56 из 90 в окне 2024-12-04 .. 2025-06-01" in out
    assert "по 15\xa0июня 2025\xa0г. (вс) включительно" in out  # CLDR's long date, typeset


def test_errors_in_russian_and_unknown_language() -> None:
    bad = run(
        "status",
        "--nationality",
        "NL",
        "--stay",
        "2025-05-10..2025-04-01",
        "--on",
        "2025-06-01",
        "--lang",
        "ru",
    )
    assert bad.returncode == 2
    assert bad.stderr.strip() == (
        "python -m calculator: ошибка: --stay 2025-05-10..2025-04-01 (выезд): "
        "дата выезда 2025-04-01 раньше даты въезда 2025-05-10"
    )
    unknown = run("--lang", "de", "rules")
    assert unknown.returncode == 2
    assert "--lang" in unknown.stderr and "Traceback" not in unknown.stderr
