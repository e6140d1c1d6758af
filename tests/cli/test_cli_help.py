"""``python -m calculator … --help``: in Russian with ``--lang ru`` (wherever it stands), in English
otherwise, whatever the user's own locale says (real subprocesses, 80 columns)."""

from __future__ import annotations

import re

import pytest

from kb.i18n_catalogs import extract
from tests.cli.cli_run import run

COLUMNS = {"COLUMNS": "80"}
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
# Per command: a piece of its Russian description, one option and a piece of that option's help.
RUSSIAN = {
    "status": ("использованные и оставшиеся дни", "--on ДАТА", "дата, на которую нужен ответ"),
    "plan": ("самое долгое пребывание с даты въезда", "--enter ДАТА", "день въезда"),
    "next-entry": ("самый ранний въезд, после которого", "--days N", "сколько дней нужно"),
    "workdays": ("N-й рабочий день в Казахстане", "--add N", "сколько рабочих дней прибавить"),
    "validity": ("последний день, когда документ", "--issued ДАТА", "дата выдачи документа"),
    "timeline": ("все этапы оформления Digital", "--hub-applied ДАТА", "дата подачи заявки в"),
    "abroad": ("дни за границей по годам", "--trip ВЪЕЗД..ВЫЕЗД", "поездка за границу"),
    "rules": ("список наборов правил и гражданств", "-h, --help", "показать эту справку и"),
    "route": ("личный план: открытые пути", "--income-usd N", "ежемесячный иностранный доход"),
}
# Words that stay as they are in Russian: command and option syntax, values, file and brand names.
KEPT_WORDS = (
    "python calculator status plan next workdays validity timeline abroad rules route "
    "yes no astana almaty other "
    "JSON CSV en ru CC ID L W P N ISO NL eGov Astana Hub entry exit "
    "kz_visa_free_30 schengen police_certificate Digital Nomad Residency"
)
KEPT = set(KEPT_WORDS.split())


def shows(text: str, option: str, help: str) -> bool:
    """``option`` listed with ``help`` (on its line or the next, as argparse aligns it)."""
    return re.search(re.escape(option) + r"\s+" + re.escape(help), text) is not None


def help_text(*args: str, env: dict[str, str] | None = None) -> str:
    result = run(*args, env={**COLUMNS, **(env or {})})
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def english_words(text: str) -> set[str]:
    """Latin-letter words of ``text`` that are neither syntax nor names (should be none)."""
    text = re.sub(r"\{[^}]*\}|--?[\w-]+(=\S*)?|\S*\.\S+", " ", text)  # choices, options, files
    return set(re.findall(r"[A-Za-z][\w]*", text)) - KEPT


def the_parsers_english() -> list[str]:
    """Every message calculator/cli/parser.py gives the catalog: the help's English words."""
    return [
        m.id
        for m in extract("calculator")
        if any(where.endswith("cli_parser.py") for where, _ in m.locations) and "%" not in m.id
    ]


ARGPARSE_ENGLISH = ["usage:", "options:", "positional arguments:", "show this help message"]


def assert_russian(text: str) -> None:
    assert text.startswith("Использование: python -m calculator")
    assert "\nПараметры:\n" in text
    assert "  -h, --help" in text and "показать эту справку и выйти" in text
    for english in [*ARGPARSE_ENGLISH, *the_parsers_english()]:
        assert english not in text, english
    assert english_words(text) == set()


def test_top_level_help_in_russian() -> None:
    text = help_text("--lang", "ru", "--help")
    assert_russian(text)
    assert "\nПозиционные аргументы:\n  КОМАНДА\n" in text
    assert "--rules ФАЙЛ" in text and "язык ответа и этой справки (по умолчанию: en)" in text
    assert "правило: --nationality CC, --rule ID или --limit L --window W [--per-entry P]" in text
    for description, *_ in RUSSIAN.values():
        if description.startswith(("N-й", "дни за", "использованные")):
            assert description in text


@pytest.mark.parametrize("command", RUSSIAN)
def test_every_command_help_in_russian(command: str) -> None:
    text = help_text("--lang", "ru", command, "--help")
    assert_russian(text)
    assert text.startswith(f"Использование: python -m calculator {command} [-h]")
    description, option, help = RUSSIAN[command]
    assert description in text and shows(text, option, help)


@pytest.mark.parametrize(
    "args",
    [
        ("--lang", "ru", "plan", "--help"),
        ("plan", "--lang", "ru", "--help"),
        ("plan", "--lang=ru", "--help"),
        ("plan", "--help", "--lang", "ru"),
        ("--lang=en", "plan", "--lan", "ru", "--help"),  # the last --lang counts, as in argparse
    ],
)
def test_plan_help_in_russian_wherever_lang_stands(args: tuple[str, ...]) -> None:
    assert help_text(*args) == help_text("--lang", "ru", "plan", "--help")


@pytest.mark.parametrize("command", [None, *RUSSIAN])
def test_help_in_english_without_lang_whatever_the_locale(command: str | None) -> None:
    args = ("--help",) if command is None else (command, "--help")
    text = help_text(*args)
    assert text.startswith("usage: python -m calculator")
    assert "\noptions:\n  -h, --help" in text and "show this help message and exit" in text
    assert not CYRILLIC.search(text)
    russian_user = {"LANGUAGE": "ru", "LC_ALL": "ru_RU.UTF-8", "LANG": "ru_RU.UTF-8"}
    assert help_text(*args, env=russian_user) == text
    assert help_text("--lang", "en", *args) == text


def test_english_help_keeps_its_words() -> None:
    top, status = help_text("--help"), help_text("status", "--help")
    assert "positional arguments:\n  COMMAND\n" in top
    assert shows(top, "--json", "print the result as JSON")
    assert shows(top, "status", "days used, left, overstay and latest exit on a date")
    assert "rule: --nationality CC, or --rule ID, or --limit L --window W [--per-entry P]" in top
    assert shows(status, "--nationality CC", "ISO 3166 alpha-2 code, e.g. NL")
    assert shows(status, "--stay ENTRY..EXIT", "a stay (repeat); ENTRY.. when it has not ended")
    assert shows(status, "--on DATE", "the day to answer for")


def test_the_word_check_sees_english() -> None:
    """The check of Russian help finds English prose, and passes syntax and names."""
    prose = english_words("  --stays-file F.csv    CSV with columns entry,exit")
    assert prose == {"with", "columns"}
    assert english_words("  --review {in_demand,standard}  eGov Astana Hub") == set()
