"""argparse's own words (its errors, ``usage:``, ``options:``) in Russian with ``--lang ru``: one
stderr line, exit 2, ``--field: what is wrong``; English otherwise. The catalog translates every
message of argparse as CPython 3.11 (this interpreter) and 3.14 (the Pyodide pin) write them."""

from __future__ import annotations

import argparse
import gettext
import io
import os
import sys
import zipfile
from pathlib import Path

import pytest
from babel.messages.checkers import python_format
from babel.messages.extract import extract_python

from calculator.cli.language import ARGPARSE_MESSAGES, argparse_speaks, asked_language
from kb.i18n_catalogs import read
from tests.cli.cli_run import ROOT, run

PYODIDE_STDLIB = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
CHOICES = (
    "'status', 'plan', 'next-entry', 'workdays', 'validity', 'timeline', 'abroad', 'route', 'rules'"
)
P = "python -m calculator"


@pytest.mark.parametrize(
    ("args", "russian", "english"),
    [
        (
            ("plan", "--enter"),
            f"{P} plan: ошибка: --enter: нужно одно значение",
            f"{P} plan: error: argument --enter: expected one argument",
        ),
        (
            ("plan",),
            f"{P} plan: ошибка: не указаны обязательные аргументы: --enter",
            f"{P} plan: error: the following arguments are required: --enter",
        ),
        (
            (),
            f"{P}: ошибка: не указаны обязательные аргументы: КОМАНДА",
            f"{P}: error: the following arguments are required: COMMAND",
        ),
        (
            ("plann",),
            f"{P}: ошибка: КОМАНДА: недопустимое значение 'plann' (допустимые: {CHOICES})",
            f"{P}: error: argument COMMAND: invalid choice: 'plann' (choose from {CHOICES})",
        ),
        (
            ("timeline", "--review", "fast"),
            f"{P} timeline: ошибка: --review: недопустимое значение 'fast' "
            "(допустимые: 'in_demand', 'standard')",
            f"{P} timeline: error: argument --review: invalid choice: 'fast' "
            "(choose from 'in_demand', 'standard')",
        ),
        (
            ("rules", "--json=yes"),
            f"{P} rules: ошибка: --json: значение 'yes' здесь не принимается",
            f"{P} rules: error: argument --json: ignored explicit argument 'yes'",
        ),
        (
            ("rules", "--bogus", "x"),
            f"{P}: ошибка: неизвестные аргументы: --bogus x",
            f"{P}: error: unrecognized arguments: --bogus x",
        ),
    ],
)
def test_argparse_errors_in_the_asked_language(
    args: tuple[str, ...], russian: str, english: str
) -> None:
    for line, command in ((russian, ("--lang", "ru", *args)), (english, args)):
        result = run(*command)
        assert (result.returncode, result.stdout) == (2, ""), result.stderr
        assert result.stderr == line + "\n"


@pytest.mark.parametrize("args", [("--lang", "de", "plan", "--help"), ("plan", "--lang=de")])
def test_a_language_we_do_not_have_is_refused_by_name(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.endswith(
        "error: argument --lang: invalid choice: 'de' (choose from 'en', 'ru')\n"
    )
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        ([], "en"),
        (["--lang", "ru", "rules"], "ru"),
        (["rules", "--lang=ru"], "ru"),
        (["plan", "--lan", "ru", "--help"], "ru"),
        (["--la=ru"], "ru"),
        (["--lang", "ru", "plan", "--lang", "en"], "en"),  # the last one counts
        (["--lang", "ru", "--lang", "de"], "en"),  # refused by argparse, in English
        (["--lang"], "en"),
        (["--lang", "RU"], "en"),
        (["--l", "ru"], "en"),  # not a prefix argparse takes after a command (--limit)
        (["--language", "ru"], "en"),
        (["workdays", "--", "--lang", "ru"], "en"),
    ],
)
def test_asked_language(argv: list[str], lang: str) -> None:
    assert asked_language(argv) == lang


def test_argparse_speaks_puts_the_process_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "xx")
    domain = gettext.textdomain()
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    with pytest.raises(SystemExit), argparse_speaks("ru"):
        assert gettext.gettext("usage: ") == "Использование: "
        assert gettext.ngettext("expected %s argument", "expected %s arguments", 5) == (
            "нужно %s значений"
        )
        sys.exit(0)
    assert (gettext.textdomain(), os.environ["LANGUAGE"]) == (domain, "xx")
    monkeypatch.delenv("LANGUAGE")
    with argparse_speaks("en"):
        assert gettext.gettext("usage: ") == "usage: "
    assert "LANGUAGE" not in os.environ
    with pytest.raises(ValueError, match="de"), argparse_speaks("de"):
        pass


def messages_of(source: bytes) -> set[str | tuple[str, str]]:
    """The message ids an argparse source looks up (``_()`` and ``ngettext()`` of literals)."""
    found: set[str | tuple[str, str]] = set()
    keywords = {"_": None, "ngettext": (1, 2)}
    for _line, _name, ids, _comments in extract_python(io.BytesIO(source), keywords, [], {}):
        if isinstance(ids, str):
            found.add(ids)
        elif ids and all(ids[:2]):
            found.add((ids[0], ids[1]))
    return found


def argparse_sources() -> dict[str, bytes]:
    with zipfile.ZipFile(PYODIDE_STDLIB) as stdlib:
        pyodide = stdlib.read("argparse.py")
    return {"this Python": Path(argparse.__file__).read_bytes(), "Pyodide's 3.14": pyodide}


def test_the_catalog_translates_argparse_of_both_pythons() -> None:
    listed = set(ARGPARSE_MESSAGES)
    catalog = read("calculator", "ru")
    for where, source in argparse_sources().items():
        assert b"from gettext import gettext as _, ngettext" in source, where
        looked_up = messages_of(source)
        assert len(looked_up) > 25, where
        assert looked_up <= listed, f"{where}: {looked_up - listed}"
    for key in listed:
        message = catalog.get(key if isinstance(key, str) else key[0])
        assert message is not None and not message.fuzzy and all(message.string), key
        python_format(catalog, message)  # the same %(name)s / %s placeholders
