"""Reading the fields of one bridge request (a flat JSON object) into engine values.

Every reader names the request's own field in its :class:`InputError` (``on``, ``stays[1].exit``,
``per_entry``), so the browser can show the message next to that input and the CLI can name the
argument. The grammar at this boundary:

- a **date** is ``YYYY-MM-DD`` in ASCII digits, 1900–2199 (see :mod:`calculator.dates`);
- a **number** is a JSON integer, or a string of 1 to 6 ASCII digits ``0``–``9`` with an optional
  leading ``-`` (so ``-3`` is refused as too small rather than as not a number); no ``+``, no
  spaces inside, no other digits (``²``, ``①``, ``２``), no fractions;
- a **word** (nationality, rule id, document, choice) is a JSON string;
- an empty string or ``null`` means "not given" (the page and the URL send empty fields).

Numbers are then held to the bounds in :data:`NUMBER_BOUNDS` (reasons in :mod:`calculator.bounds`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from calculator.bounds import MAX_INTERVALS, MAX_WINDOW, MAX_WORKING_DAYS, NUMBER_DIGITS
from calculator.dates import ASCII_SPACE, parse_date, parse_optional_date
from calculator.errors import InputError, a_json_type, quote
from calculator.rulebook import RuleBook, StayRule
from calculator.stays import Stay, parse_stay, validate_stays

Request = Mapping[str, Any]

_NUMBER = re.compile(rf"-?[0-9]{{1,{NUMBER_DIGITS}}}\Z")

NUMBER_BOUNDS: dict[str, tuple[int, int]] = {
    "limit": (1, MAX_WINDOW - 1),
    "window": (2, MAX_WINDOW),
    "per_entry": (1, MAX_WINDOW - 1),
    "days": (1, MAX_WINDOW - 1),
    "add": (0, MAX_WORKING_DAYS),
}
"""The smallest and largest value of each number field, before the rule's own limits."""


def given(request: Request, name: str) -> bool:
    """Is ``name`` in the request with a value (not absent, ``null`` or an empty string)?"""
    return request.get(name) not in (None, "")


def req_date(request: Request, name: str) -> date:
    if not given(request, name):
        raise InputError(name, "is required (a date as YYYY-MM-DD)")
    return parse_date(request[name], name)


def opt_date(request: Request, name: str) -> date | None:
    return parse_optional_date(request.get(name), name)


def opt_int(request: Request, name: str) -> int | None:
    """A number field, held to :data:`NUMBER_BOUNDS`; ``None`` when not given."""
    value = request.get(name)
    if value is None or value == "":
        return None
    low, high = NUMBER_BOUNDS[name]
    if isinstance(value, str) and _NUMBER.match(value.strip(ASCII_SPACE)):
        value = int(value.strip(ASCII_SPACE))
    elif isinstance(value, bool) or not isinstance(value, int):
        raise InputError(
            name,
            f"{quote(value)} is not a whole number (write up to {NUMBER_DIGITS} digits 0-9)",
        )
    unit = "working days" if name == "add" else "days"
    if value < low:
        raise InputError(
            name, f"must be a whole number of {unit}, {low} or more (got {_short(value)})"
        )
    if value > high:
        raise InputError(
            name, f"must be a whole number of {unit}, at most {high} (got {_short(value)})"
        )
    return value


def _short(number: int) -> str:
    return (
        str(number)
        if abs(number) < 10**NUMBER_DIGITS
        else f"a number of {len(str(abs(number)))} digits"
    )


def req_int(request: Request, name: str) -> int:
    value = opt_int(request, name)
    if value is None:
        raise InputError(name, "is required (a whole number)")
    return value


def opt_text(request: Request, name: str) -> str | None:
    """A word (nationality, rule id, document); ``None`` when not given."""
    value = request.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(name, f"must be text, not {a_json_type(value)}")
    return value


def opt_flag(request: Request, name: str, choices: tuple[str, str]) -> str:
    """One of two words; the first is the default."""
    value = opt_text(request, name) or choices[0]
    if value not in choices:
        raise InputError(name, f"must be '{choices[0]}' or '{choices[1]}' (got {quote(value)})")
    return value


def intervals(request: Request, name: str) -> list[Stay]:
    """``stays`` (or ``trips``) as validated intervals; errors name ``stays[i].entry`` etc."""
    raw = request.get(name)
    if raw is None or raw == "":
        raw = []
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        raise InputError(name, f"must be a list of ENTRY..EXIT texts, not {a_json_type(raw)}")
    if len(raw) > MAX_INTERVALS:
        raise InputError(name, f"at most {MAX_INTERVALS} are read (got {len(raw)})")
    return validate_stays((parse_stay(text, i, name) for i, text in enumerate(raw)), name)


def stay_rule(book: RuleBook, request: Request) -> StayRule:
    return book.resolve_rule(
        nationality=opt_text(request, "nationality"),
        rule=opt_text(request, "rule"),
        limit=opt_int(request, "limit"),
        window=opt_int(request, "window"),
        per_entry=opt_int(request, "per_entry"),
    )


RULE_FIELDS = ("nationality", "rule", "limit", "window", "per_entry")


def check_fields(request: Request, action: str, allowed: tuple[str, ...]) -> None:
    """Refuse a field the action does not read: it would be silently ignored otherwise."""
    for name in request:
        if name != "action" and name not in allowed:
            known = ", ".join(allowed) or "none"
            message = f"is not read by the {action} action (its fields: {known})"
            if _NAME.match(name):
                raise InputError(name, message)
            raise InputError("request", f"the field {quote(name)} {message}")


_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}\Z")
