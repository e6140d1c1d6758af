"""Parsing and checking dates at the engine's boundary.

A date is exactly ``YYYY-MM-DD`` in ASCII digits (``0``–``9``; no other digits, no time, no
week dates), surrounding spaces aside, for a year from 1900 to 2199 and a real calendar day.
``datetime`` values are refused even though they subclass ``date``, because a time of day (and
its time zone) could shift the day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from calculator.core.errors import InputError, json_type, quote
from calculator.core.i18n import MONTHS_FULL, _, day_month_year
from calculator.core.i18n import human as _human

_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")  # [0-9], not \d: ASCII only
ONE_DAY = timedelta(days=1)
ASCII_SPACE = " \t\r\n"  # the only characters stripped around a date or a number
FIRST_YEAR, LAST_YEAR = 1900, 2199  # wide enough for any stay; arithmetic never leaves date's range


def parse_date(text: object, field: str) -> date:
    """Parse ``YYYY-MM-DD`` into a date; raise :class:`InputError` naming ``field`` otherwise."""
    if not isinstance(text, str):
        raise InputError(
            field, _("expected a date as YYYY-MM-DD, got {kind}").format(kind=json_type(text))
        )
    stripped = text.strip(ASCII_SPACE)
    if not _ISO.match(stripped):
        raise InputError(
            field,
            _("{text} is not a date in the form YYYY-MM-DD (digits 0-9 only)").format(
                text=quote(text)
            ),
        )
    if not FIRST_YEAR <= int(stripped[:4]) <= LAST_YEAR:
        raise InputError(
            field,
            _("{text} is outside the years {first}–{last}").format(
                text=quote(text), first=FIRST_YEAR, last=LAST_YEAR
            ),
        )
    year, month, day = int(stripped[:4]), int(stripped[5:7]), int(stripped[8:])
    if not 1 <= month <= len(MONTHS_FULL):
        raise InputError(
            field,
            _("{text} is not a real calendar date: there is no month {month}").format(
                text=quote(text), month=month
            ),
        )
    try:
        return date.fromisoformat(stripped)  # the pattern above already holds it to YYYY-MM-DD
    except ValueError:
        raise InputError(
            field, _("{date} does not exist").format(date=day_month_year(day, month, year))
        ) from None


def parse_optional_date(text: object, field: str) -> date | None:
    """Like :func:`parse_date`, but ``None`` or an empty string mean "not known"."""
    if text is None or (isinstance(text, str) and not text.strip(ASCII_SPACE)):
        return None
    return parse_date(text, field)


def require_date(value: object, field: str) -> date:
    """Return ``value`` if it is a plain ``date``; refuse ``datetime``, strings and the rest."""
    if isinstance(value, date) and type(value) is date:
        return value
    raise InputError(
        field, _("expected a datetime.date, got {kind}").format(kind=type(value).__name__)
    )


def iso(day: date | None) -> str | None:
    """``YYYY-MM-DD`` or ``None``."""
    return None if day is None else day.isoformat()


def human(day: date) -> str:
    """A date the way the explanations print it: ``Mon 1 Dec 2025`` / ``пн, 1 декабря 2025``
    (in the language of the request, see :mod:`calculator.core.i18n`)."""
    return _human(day)
