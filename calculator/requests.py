"""Reading the fields of one bridge request (a flat JSON object) into engine values.

Every reader names the request's own field in its :class:`InputError` (``on``, ``stays[1].exit``,
``per_entry``), so the browser can show the message next to that input and the CLI can name the
argument. The grammar at this boundary:

- a **date** is ``YYYY-MM-DD`` in ASCII digits, 1900–2199 (see :mod:`calculator.core.dates`);
- a **number** is a JSON integer, or a string of 1 to 6 ASCII digits ``0``–``9`` with an optional
  leading ``-`` (so ``-3`` is refused as too small rather than as not a number); no ``+``, no
  spaces inside, no other digits (``²``, ``①``, ``２``), no fractions;
- a **word** (nationality, rule id, document, choice) is a JSON string;
- an empty string or ``null`` means "not given" (the page and the URL send empty fields).

Numbers are then held to the bounds in :data:`NUMBER_BOUNDS` (reasons in :mod:`calculator.core.bounds`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from calculator.core.bounds import MAX_INTERVALS, MAX_WINDOW, MAX_WORKING_DAYS, NUMBER_DIGITS
from calculator.core.dates import ASCII_SPACE, parse_date, parse_optional_date
from calculator.core.errors import InputError, a_json_type, quote
from calculator.core.i18n import LANGUAGES, _
from calculator.core.records import StayRule
from calculator.core.stays import Stay, parse_stay, validate_stays
from calculator.rules.rulebook import RuleBook

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
        raise InputError(name, _("is required (a date as YYYY-MM-DD)"))
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
            _("{shown} is not a whole number (write up to {digits} digits 0-9)").format(
                shown=quote(value), digits=NUMBER_DIGITS
            ),
        )
    if value < low:
        text = (
            _("must be a whole number of working days, {low} or more (got {value})")
            if name == "add"
            else _("must be a whole number of days, {low} or more (got {value})")
        )
        raise InputError(name, text.format(low=low, value=_short(value)))
    if value > high:
        text = (
            _("must be a whole number of working days, at most {high} (got {value})")
            if name == "add"
            else _("must be a whole number of days, at most {high} (got {value})")
        )
        raise InputError(name, text.format(high=high, value=_short(value)))
    return value


def _short(number: int) -> str:
    return (
        str(number)
        if abs(number) < 10**NUMBER_DIGITS
        else _("a number of {n} digits").format(n=len(str(abs(number))))
    )


def req_int(request: Request, name: str) -> int:
    value = opt_int(request, name)
    if value is None:
        raise InputError(name, _("is required (a whole number)"))
    return value


def opt_text(request: Request, name: str) -> str | None:
    """A word (nationality, rule id, document); ``None`` when not given."""
    value = request.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(name, _("must be text, not {kind}").format(kind=a_json_type(value)))
    return value


def opt_flag(request: Request, name: str, choices: tuple[str, str]) -> str:
    """One of two words; the first is the default."""
    value = opt_text(request, name) or choices[0]
    if value not in choices:
        raise InputError(
            name,
            _("must be '{first}' or '{second}' (got {value})").format(
                first=choices[0], second=choices[1], value=quote(value)
            ),
        )
    return value


def intervals(request: Request, name: str) -> list[Stay]:
    """``stays`` (or ``trips``) as validated intervals; errors name ``stays[i].entry`` etc."""
    raw = request.get(name)
    if raw is None or raw == "":
        raw = []
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        raise InputError(
            name, _("must be a list of ENTRY..EXIT texts, not {kind}").format(kind=a_json_type(raw))
        )
    if len(raw) > MAX_INTERVALS:
        raise InputError(
            name, _("at most {most} are read (got {n})").format(most=MAX_INTERVALS, n=len(raw))
        )
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
    """Refuse a field the action does not read: it would be silently ignored otherwise.
    ``action`` and ``lang`` (the language of the answer) belong to every request."""
    for name in request:
        if name not in ("action", "lang") and name not in allowed:
            known = ", ".join(allowed) or "–"
            message = _("is not read by the {action} action (its fields: {known})").format(
                action=action, known=known
            )
            if is_field_name(name):
                raise InputError(name, message)
            raise InputError(
                "request",
                _("the field {name} {message}").format(name=quote(name), message=message),
            )


def opt_lang(request: Request) -> str | None:
    """The language the answer is asked in (``en``, ``ru``); ``None`` when not given."""
    value = request.get("lang")
    if value is None:
        return None
    if value not in LANGUAGES:
        raise InputError(
            "lang",
            _("{value} is not a language of the calculator; use one of: {known}").format(
                value=quote(value), known=", ".join(LANGUAGES)
            ),
        )
    return str(value)


_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}\Z")


def is_field_name(name: str) -> bool:
    """Does ``name`` look like a field (so an error may name it), not arbitrary text?"""
    return _NAME.match(name) is not None
