"""Every Russian text the project shows, gathered for the editor's checks (kb/i18n/review.py).

Each function yields ``(where, text)`` pairs over whatever exists when it runs, so text that other
branches add (new records, catalog entries, pages, engine messages, engine cases) is checked
without touching this file:

- :func:`translations`: every text of ``data/i18n/ru/*.yaml``;
- :func:`catalogs`: every ``msgstr`` of the Russian ``.po`` catalogs (placeholders left out);
- :func:`pages`: the visible text of every page under ``ru/`` of a built site;
- :func:`engine`: the engine's Russian answers over the literal cases of tests/engine_cases.py
  (JSON words, the CLI's text, the ``.ics`` file) and its error messages, as the bridge and the
  command line give them (the CLI's whole error line included).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from babel.messages.pofile import read_po

from calculator.bridge import dispatch
from calculator.cli.main import main as cli_main
from calculator.core.errors import InputError
from calculator.rules.rulebook import RuleBook
from kb.i18n.review import page_text
from tests.cli.cases_argv import argv
from tests.engine_cases import CASES, ERRORS, TEXT_KEYS

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = (
    "calculator/locale/ru/LC_MESSAGES/calculator.po",
    "kb/locale/ru/LC_MESSAGES/kb.po",
    "kb/locale/ru/LC_MESSAGES/calculator_page.po",
)
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([^)]*\)[sdr]|%[sdr]")
DATED = {"status", "plan", "next_entry", "workdays", "validity", "timeline", "abroad"}
CODE_KEYS = {"id", "url", "date", "verified", "confidence"}
# in an error message: what the person typed, quoted back, and the list of values to type instead
TYPED = re.compile(r"«[^»]*»|(?<=известны: ).*?(?=$|\n)")
ICS_TEXT = re.compile(r"^(?:SUMMARY|DESCRIPTION|X-WR-CALNAME):(.*)$")
Text = tuple[str, str]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def translations() -> Iterator[Text]:
    for path in sorted((ROOT / "data/i18n/ru").glob("*.yaml")):
        records = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, fields in records.items():
            for name, entry in (fields or {}).items():
                text = entry.get("text") if isinstance(entry, dict) and "text" in entry else entry
                for string in _strings(text):
                    yield f"data/i18n/ru/{path.name}: {key}.{name}", string


def catalogs() -> Iterator[Text]:
    for name in CATALOGS:
        with (ROOT / name).open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            for string in _strings(
                list(message.string) if isinstance(message.string, tuple) else message.string
            ):
                if string:
                    yield f"{name}: {message.id!r}", PLACEHOLDER.sub(" ", string)


def pages(site: Path) -> Iterator[Text]:
    for path in sorted((site / "ru").rglob("*.html")):
        yield f"/{path.relative_to(site).as_posix()}", page_text(path.read_text(encoding="utf-8"))


def _words(value: Any, inside: bool = False) -> Iterator[str]:
    """The strings under the result's word keys (TEXT_KEYS), at any depth, without the codes
    among them (ids, addresses, ISO dates, confidence labels)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in CODE_KEYS or key.endswith("_id"):
                continue
            yield from _words(item, inside or key in TEXT_KEYS)
    elif isinstance(value, list):
        for item in value:
            yield from _words(item, inside)
    elif isinstance(value, str) and inside:
        yield value


def _cli(args: list[str], rules_file: Path) -> str:
    """What ``python -m calculator ARGS --lang ru`` prints (stdout and stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        contextlib.suppress(SystemExit),
    ):
        cli_main([*args, "--lang", "ru", "--rules", str(rules_file)])
    return out.getvalue() + err.getvalue()


def ics_texts(ics: str) -> str:
    """The words of an ``.ics`` file: its text properties, unfolded and unescaped."""
    lines = ics.replace("\r\n ", "").split("\r\n")
    found = [m[1] for line in lines if (m := ICS_TEXT.match(line))]
    return "\n".join(found).replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")


def engine(rules: dict[str, Any], folder: Path) -> Iterator[Text]:
    """The engine's Russian answers (``folder`` holds the rules file the CLI reads)."""
    book = RuleBook.from_dict(rules)
    rules_file = folder / "rules.json"
    rules_file.write_text(json.dumps(rules, ensure_ascii=False), encoding="utf-8")
    for name, request, _expect in CASES:
        result = dispatch(book, {**request, "lang": "ru"})
        for string in _words(result):
            yield f"engine {name!r}: JSON", string
        if request["action"] != "meta":
            yield f"engine {name!r}: CLI", _cli(argv(request), rules_file)
        if request["action"] in DATED:
            ics = dispatch(book, {"action": "ics", "requests": [request], "lang": "ru"})["ics"]
            yield f"engine {name!r}: .ics", ics_texts(ics)
    for name, request, _field, _fragment in ERRORS:
        try:
            dispatch(book, {**request, "lang": "ru"})
        except InputError as error:
            yield f"engine error {name!r}: JSON", TYPED.sub("…", error.message)
        yield f"engine error {name!r}: CLI", TYPED.sub("…", _cli(argv(request), rules_file))


def everything(site: Path, rules: dict[str, Any], folder: Path) -> Iterator[Text]:
    yield from translations()
    yield from catalogs()
    yield from pages(site)
    yield from engine(rules, folder)


def dump(texts: Iterator[Text]) -> str:
    """The texts as JSON lines (for a look at what is checked)."""
    return "\n".join(json.dumps({"where": w, "text": t}, ensure_ascii=False) for w, t in texts)
