"""A translation keeps the English's format: what the code fills in must still fit.

A ``msgstr`` that names a placeholder the English does not have (``{datum}`` for ``{date}``) makes
``str.format`` raise ``KeyError`` when the engine answers in that language; :func:`format_problems` compares every translated message of a
catalog with its English and returns one line per problem, naming the catalog file, the line and
the message:

- ``{name}`` placeholders (Python's ``str.format`` and the page's ``t()``): only names the English
  has (or a ``TRANSLATORS:`` comment in the code offers); leaving one out is allowed (a Russian
  tooltip may say less); a brace that ``str.format`` cannot parse;
- ``%``-placeholders (argparse's messages): Babel's ``python_format`` checker;
- the number of plural forms: Babel's ``num_plurals`` checker (the catalog's ``Plural-Forms``),
  and no form left empty when others are filled (gettext would answer an empty text);
- markers: the same number of Markdown ``**`` and a leading / trailing newline when the English
  has one (what ``msgfmt --check`` checks).

``python -m kb.i18n_catalogs check``, ``tests/unit/test_i18n.py`` and the site build run it; the
build stops on the first catalog with a problem.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

from babel.messages.catalog import Catalog, Message, TranslationError
from babel.messages.checkers import num_plurals, python_format
from babel.messages.pofile import read_po

_FORMATTER = string.Formatter()


def names(text: str) -> set[str] | None:
    """The field names ``str.format`` reads in ``text`` (``None`` when it cannot parse it)."""
    try:
        found = {
            field for _literal, field, _spec, _conv in _FORMATTER.parse(text) if field is not None
        }
    except ValueError:
        return None
    return {field.split(".")[0].split("[")[0] for field in found}


def _brace_problems(message: Message, ids: list[str], strings: list[str]) -> list[str]:
    """Names the translation uses that the code may not pass: neither in the English nor in a
    ``TRANSLATORS:`` comment of the code (``# TRANSLATORS: you may also use {title}``)."""
    allowed: set[str] = set()
    for text in ids:
        allowed |= names(text) or set()
    allowed |= set(re.findall(r"\{(\w+)\}", " ".join(message.auto_comments)))
    found = []
    for text in strings:
        have = names(text)
        if have is None:
            found.append("has a { or } that str.format cannot read (write {{ and }} for a brace)")
        elif have - allowed:
            unknown = ", ".join("{" + name + "}" for name in sorted(have - allowed))
            found.append(f"uses {unknown}, which the English does not have")
    return found


def _marker_problems(ids: list[str], strings: list[str]) -> list[str]:
    found = []
    english = ids[0]
    for text in strings:
        if text.count("**") != english.count("**"):
            found.append("has a different number of ** (bold) markers than the English")
        for edge, test in (("starts", str.startswith), ("ends", str.endswith)):
            if test(english, "\n") != test(text, "\n"):
                found.append(
                    f"{edge} with a newline where the English does not, or the other way round"
                )
    return found


def message_problems(catalog: Catalog, message: Message) -> list[str]:
    """What is wrong with one translated message (an empty list when nothing is)."""
    ids = list(message.id) if isinstance(message.id, tuple | list) else [message.id]
    raw = message.string if isinstance(message.string, tuple | list) else [message.string]
    strings = [s for s in raw if s]
    if not strings:
        return []
    found = [f"leaves plural form #{i + 1} empty" for i, text in enumerate(raw) if not text]
    # Babel flags any msgid with a %-sequence as python-format ("{n}% done"); a message with
    # {name} placeholders (or flagged python-brace-format) is a str.format message all the same.
    brace = "python-brace-format" in message.flags or any(names(i) for i in ids)
    checkers = (num_plurals,) if brace else (num_plurals, python_format)
    for checker in checkers:
        try:
            checker(catalog, message)
        except TranslationError as error:
            found.append(str(error))
    if brace or "python-format" not in message.flags:
        found += _brace_problems(message, ids, strings)
    return found + _marker_problems(ids, strings)


def format_problems(path: Path, shown: str) -> list[str]:
    """Every format problem of the ``.po`` file at ``path``, one line each:
    ``kb/locale/ru/LC_MESSAGES/kb.po (line 12): 'Issued {date}': uses {datum}, which …``."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = message.id[0] if isinstance(message.id, tuple | list) else message.id
        quoted = repr(key if len(key) <= 60 else key[:57] + "...")
        line = f" (line {message.lineno})" if message.lineno else ""
        found += [f"{shown}{line}: {quoted}: {p}" for p in message_problems(catalog, message)]
    return found
