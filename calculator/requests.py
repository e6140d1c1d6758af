"""Reading the fields of one bridge request (a flat JSON object) into engine values.

Every reader names the request's own field in its :class:`InputError` (``on``, ``stays[1].exit``,
``per_entry``), so the browser can show the message next to that input and the CLI can name the
argument. Numbers may come as JSON numbers or digit strings (they do from a URL).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from calculator.dates import parse_date, parse_optional_date
from calculator.errors import InputError
from calculator.rulebook import RuleBook, StayRule
from calculator.stays import Stay, parse_stay, validate_stays

Request = Mapping[str, Any]


def req_date(request: Request, name: str) -> date:
    if request.get(name) in (None, ""):
        raise InputError(name, "is required (a date as YYYY-MM-DD)")
    return parse_date(request[name], name)


def opt_date(request: Request, name: str) -> date | None:
    return parse_optional_date(request.get(name), name)


def opt_int(request: Request, name: str) -> int | None:
    value = request.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InputError(name, "must be a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise InputError(name, f"'{value}' is not a whole number")


def req_int(request: Request, name: str) -> int:
    value = opt_int(request, name)
    if value is None:
        raise InputError(name, "is required (a whole number)")
    return value


def opt_flag(request: Request, name: str, choices: tuple[str, str]) -> str:
    """One of two words; the first is the default."""
    value = request.get(name) or choices[0]
    if value not in choices:
        raise InputError(name, f"must be '{choices[0]}' or '{choices[1]}' (got '{value}')")
    return str(value)


def intervals(request: Request, name: str) -> list[Stay]:
    """``stays`` (or ``trips``) as validated intervals; errors name ``stays[i].entry`` etc."""
    raw = request.get(name) or []
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        raise InputError(name, "must be a list of ENTRY..EXIT strings")
    return validate_stays((parse_stay(text, i, name) for i, text in enumerate(raw)), name)


def stay_rule(book: RuleBook, request: Request) -> StayRule:
    def text(name: str) -> str | None:
        value = request.get(name)
        return None if value in (None, "") else str(value)

    return book.resolve_rule(
        nationality=text("nationality"),
        rule=text("rule"),
        limit=opt_int(request, "limit"),
        window=opt_int(request, "window"),
        per_entry=opt_int(request, "per_entry"),
    )
