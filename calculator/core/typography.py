"""Russian typography for text a person reads (stdlib only: it runs in Pyodide too).

:func:`typeset` is the one pass every Russian text goes through on its way out: the engine's
answers (:func:`typeset_tree` over a result, the CLI's lines, the ``.ics`` texts before folding)
and, at build time, the text of every ``/ru/`` page (``kb/page_language.py``). It only adds what
Russian typesetting asks for and is idempotent:

- a non-breaking space binds a number to the unit, currency or word that follows it
  (``15 728 тенге``; an ungrouped number of five digits or more is grouped, ``15 м²``, ``45 дней``), ``№`` to its number (``№ 436``), a day to its month
  (``5 января``) and a year to ``г.`` (``2025 г.``); digit groups are joined by it (``15 728``);
- a date ``5 января 2025`` without ``г.``/``года`` gets `` г.`` (CLDR's long format for ``ru``:
  ``d MMMM y 'г'.``);
- a spaced hyphen or double hyphen between words becomes an em dash (`` — ``);
- ASCII double quotes around a phrase become «ёлочки».

It never touches dates written as ``YYYY-MM-DD``, ranges ``A..B``, codes or URLs (none of them
holds a spaced hyphen, a quote pair or a number followed by a space and a Russian word).
"""

from __future__ import annotations

import re
from typing import Any

NBSP = "\u00a0"
MONTHS_GENITIVE = (
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
# words a number is bound to: units, currency, counted things, "г." and "года"
UNITS = (
    r"тенге|₸|МРП|м²|кв\.|%|г\.|гг\.|год|года|году|годом|годам?|лет|"
    r"дн(?:я|ей|ень)|день|рабоч\w*|календарн\w*|месяц\w*|недел\w*|час\w*|раз[а]?|"
    r"въезд\w*|поезд\w*|человек\w*"
)
_SPACE = r"[ \u00a0]"
_DATE = re.compile(
    rf"\b(\d{{1,2}}){_SPACE}({MONTHS_GENITIVE}){_SPACE}(\d{{4}})\b(?!{_SPACE}*(?:г\.|год))"
)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) ({MONTHS_GENITIVE})\b")
_YEAR_G = re.compile(r"\b(\d{4}) (гг?\.)")
_GROUP = re.compile(r"(?<![\d.,\-])(\d{1,3}) (\d{3})(?![\d\-])")
_LONG_NUMBER = re.compile(r"(?<![\w.,\-/№+#])(?<!№ )(?<!№\u00a0)([1-9]\d{4,})(?![\w\-/]|[.,]\d)")
_NUMBER_UNIT = re.compile(rf"(?<![\w.\-])(\d+(?:[.,]\d+)?) (?=(?:{UNITS})(?![а-яё]))")
_NUMERO = re.compile(r"№ ?(?=\d)")
_DASH = re.compile(r"(?<=\S) (?:-|--|–) (?=\S)")
_QUOTES = re.compile(r'"([^"\n<>]{1,200})"')


def typeset(text: str) -> str:
    """``text`` with Russian typography (see the module's docstring); idempotent."""
    if not text:
        return text
    text = _DATE.sub(rf"\1{NBSP}\2 \3{NBSP}г.", text)
    text = _DAY_MONTH.sub(rf"\1{NBSP}\2", text)
    text = _YEAR_G.sub(rf"\1{NBSP}\2", text)
    text = _LONG_NUMBER.sub(lambda m: f"{int(m[1]):,}".replace(",", NBSP), text)
    while True:  # 1 234 567: each group in turn
        joined = _GROUP.sub(rf"\1{NBSP}\2", text)
        if joined == text:
            break
        text = joined
    text = _NUMBER_UNIT.sub(rf"\1{NBSP}", text)
    text = _NUMERO.sub(f"№{NBSP}", text)
    text = _DASH.sub(f"{NBSP}— ", text)
    return _QUOTES.sub(r"«\1»", text)


def typeset_tree(value: Any, skip: frozenset[str] = frozenset()) -> Any:
    """Every string of words (one with a space) of a JSON-like value typeset, except under the
    keys in ``skip``; codes, ids, versions and dates have no space and stay as they are."""
    if isinstance(value, str):
        return typeset(value) if " " in value else value
    if isinstance(value, list):
        return [typeset_tree(item, skip) for item in value]
    if isinstance(value, dict):
        return {k: v if k in skip else typeset_tree(v, skip) for k, v in value.items()}
    return value
