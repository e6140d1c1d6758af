"""The reminders of the ``.ics`` export: which lead times (the request's ``reminders``, else
``calendar_export.reminder_days_before`` of ``data/site.yaml``) and the ``TRIGGER`` of each.

An all-day event starts at local midnight, so a trigger of ``-P1D`` would ring at midnight. Each
trigger counts back to ``reminder_hour`` (``data/site.yaml``, 9) on the day ``n`` days before:
``(24 n - 9)`` hours before the start, ``-PT15H`` for one day, ``-P13DT15H`` for fourteen, and
``PT9H`` (after the start) for the day itself, as calendar programs write such reminders.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculator.core.bounds import MAX_REMINDER_DAYS, MAX_REMINDERS
from calculator.core.errors import InputError, a_json_type, quote
from calculator.core.i18n import _
from calculator.rules.rulebook import RuleBook


def trigger(days_before: int, hour: int | None) -> str:
    """The ``TRIGGER`` value (relative to the start of an all-day event, local midnight) that rings
    ``days_before`` days before it at ``hour`` o'clock (at midnight when ``hour`` is ``None``)."""
    hours = 24 * days_before - (hour or 0)  # hours before the start; negative: after it
    sign = "-" if hours > 0 else ""
    day_count, rest = divmod(abs(hours), 24)
    if not hours:
        return "PT0H"
    text = (f"{day_count}D" if day_count else "") + (f"T{rest}H" if rest else "")
    return f"{sign}P{text}"


def reminders(book: RuleBook, request: Mapping[str, Any]) -> tuple[int, ...]:
    """The request's ``reminders`` (days before each deadline), else the data's defaults;
    at most :data:`MAX_REMINDERS`, each 0 … :data:`MAX_REMINDER_DAYS`, duplicates once."""
    raw = request.get("reminders")
    if raw is None:
        return book.reminder_days_before
    if not isinstance(raw, list):
        raise InputError(
            "reminders",
            _("must be a list of numbers of days, not {kind}").format(kind=a_json_type(raw)),
        )
    if len(raw) > MAX_REMINDERS:
        raise InputError(
            "reminders",
            _("at most {most} reminders (got {n})").format(most=MAX_REMINDERS, n=len(raw)),
        )
    found: list[int] = []
    for index, value in enumerate(raw):
        text = value.strip() if isinstance(value, str) else None
        number = (
            int(text) if text and text.isascii() and text.isdigit() and len(text) < 4 else value
        )
        if (
            isinstance(number, bool)
            or not isinstance(number, int)
            or not (0 <= number <= MAX_REMINDER_DAYS)
        ):
            raise InputError(
                f"reminders[{index}]",
                _("must be a whole number of days from 0 to {most} (got {value})").format(
                    most=MAX_REMINDER_DAYS, value=_shown(value)
                ),
            )
        if number not in found:
            found.append(number)
    return tuple(sorted(found, reverse=True))


def _shown(value: object) -> str:
    """A small whole number as it is, anything else quoted (never a huge number printed back)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**6:
        return str(value)
    return quote(value)
