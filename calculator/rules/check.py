"""Small checks for the rule data (:mod:`calculator.rules.validate`): each takes a value and the
path that names it (``stay_rules.schengen.window_days``) and returns the value or raises
:class:`InputError` naming ``rules`` with that path and the problem in words.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from calculator.core.dates import parse_date
from calculator.core.errors import A_JSON_TYPE, InputError, a_json_type, clip, quote
from calculator.core.i18n import _

FIELD = "rules"
"""The field every problem of the rule data is reported under (``--rules`` on the command line)."""


def bad(path: str, problem: str) -> InputError:
    return InputError(FIELD, f"{clip(path, 80)}: {problem}")


def _kind(value: Any, wanted: type, word: str, path: str) -> Any:
    """``value`` if it has the JSON type ``word`` (true/false is not a number)."""
    if isinstance(value, bool) != (wanted is bool) or not isinstance(value, wanted):
        raise bad(
            path,
            _("must be {wanted}, not {actual}").format(
                wanted=_(A_JSON_TYPE[word]), actual=a_json_type(value)
            ),
        )
    return value


def obj(value: Any, path: str) -> Mapping[str, Any]:
    return _kind(value, dict, "object", path)  # type: ignore[no-any-return]


def items(value: Any, path: str) -> list[Any]:
    return _kind(value, list, "list", path)  # type: ignore[no-any-return]


def text(value: Any, path: str) -> str:
    return _kind(value, str, "text", path)  # type: ignore[no-any-return]


def flag(value: Any, path: str) -> bool:
    return _kind(value, bool, "true/false", path)  # type: ignore[no-any-return]


def number(value: Any, path: str, low: int, high: int) -> int:
    """A whole number (not true/false) from ``low`` to ``high``."""
    _kind(value, int, "number", path)
    if not low <= value <= high:
        raise bad(
            path,
            _("must be a whole number from {low} to {high}, not {value}").format(
                low=low, high=high, value=value
            ),
        )
    return int(value)


def day(value: Any, path: str) -> date:
    """A ``YYYY-MM-DD`` date in the engine's years."""
    try:
        return parse_date(value, path)
    except InputError as error:
        raise bad(path, error.message) from None


def choice(value: Any, path: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise bad(
            path,
            _("must be one of: {choices} (not {value})").format(
                choices=", ".join(choices), value=quote(value)
            ),
        )
    return value


def field(record: Mapping[str, Any], name: str, path: str) -> Any:
    """``record[name]``, refused by name when missing."""
    if name not in record:
        raise bad(f"{path}.{name}", _("is missing"))
    return record[name]


def ident(value: Any, path: str) -> str:
    """A record id: a non-empty text without spaces (ids name records in messages and links)."""
    word = text(value, path)
    if not word or len(word) > 80 or not word.isprintable() or " " in word:
        raise bad(path, _("{value} is not an id").format(value=quote(word)))
    return word


def records(
    data: Mapping[str, Any], name: str, within: str = ""
) -> list[tuple[str, Mapping[str, Any]]]:
    """The list ``data[name]`` of records with unique ids, each with its path
    (``<within>.<name>.<id>``; ``within`` names ``data`` when it is not the top)."""
    at = f"{within}.{name}" if within else name
    found: list[tuple[str, Mapping[str, Any]]] = []
    seen: set[str] = set()
    for index, item in enumerate(items(field(data, name, within or FIELD), at)):
        record = obj(item, f"{at}[{index}]")
        key = ident(field(record, "id", f"{at}[{index}]"), f"{at}[{index}].id")
        if key in seen:
            raise bad(f"{at}[{index}].id", _("{value} is given twice").format(value=quote(key)))
        seen.add(key)
        found.append((f"{at}.{key}", record))
    return found
