"""Export deadlines as an iCalendar file (RFC 5545), stdlib only.

``ics_from_request(book, {"action": "ics", "requests": [...]}, dispatch)`` runs each sub-request
through ``dispatch`` (the bridge passes :func:`calculator.bridge.dispatch`) and turns every dated
answer into an all-day event (which dates, and their titles: :mod:`calculator.export.ics_dates`):

=============  ==========================================================
``status``     ``latest_exit`` (only when in the country on the date)
``plan``       ``latest_exit``
``next_entry`` ``earliest_entry`` and the ``latest_exit`` of that stay
``timeline``   every milestone (its expected date, else earliest, else latest), the deadlines
               (leave-by, enter-by, visa-free end, certificate, licence exchange) and the
               exit-and-return plan (leave by, come back on)
``abroad``     ``licence_exchange_by``, ``address_register_by``
``workdays``   ``date``;  ``validity``: ``valid_until``
=============  ==========================================================

An all-day event on day D is ``DTSTART;VALUE=DATE:D`` and ``DTEND;VALUE=DATE:D+1`` (the end is
exclusive). UIDs are a hash of the request and the event, so exporting again updates the same
events in a calendar instead of duplicating them. Text is escaped (backslash, semicolon, comma,
newline) and lines are folded at 75 octets without splitting a UTF-8 character. Every deadline
(:data:`calculator.export.ics_dates.ALARMED`, and every milestone's ``due`` day) carries one
``VALARM`` per lead time: the request's ``reminders`` (days before, e.g. ``[14, 5, 1]``; ``[]`` for
none), else ``calendar_export.reminder_days_before`` (``data/site.yaml``); milestones that are only
expected dates have none.

Each reminder rings at ``reminder_hour`` (09:00), not at the all-day event's midnight start: see
:mod:`calculator.export.ics_alarms`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from calculator.core.bounds import MAX_SUBREQUESTS
from calculator.core.errors import InputError
from calculator.core.i18n import N_, _, current
from calculator.core.typography import typeset
from calculator.export.ics_alarms import reminders, trigger
from calculator.export.ics_dates import ALARMED, dated, describe
from calculator.rules.rulebook import RuleBook

PRODID = "-//kz-dnr-guide//deadline calculator//EN"
CRLF = "\r\n"
REMINDER = N_("Reminder: {summary} on {day}")


@dataclass(frozen=True)
class Event:
    day: date
    summary: str
    description: str
    uid: str
    alarmed: bool = False


def escape_text(text: str) -> str:
    """RFC 5545 TEXT escaping: ``\\`` ``;`` ``,`` and newlines (Russian text typeset first)."""
    if current() == "ru":
        text = typeset(text)
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str, limit: int = 75) -> str:
    """Fold one content line into chunks of at most ``limit`` octets (continuations start with a
    space, which counts); never splits a UTF-8 sequence."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return CRLF.join(out)


Dispatch = Callable[[RuleBook, Mapping[str, Any]], dict[str, Any]]


def events(book: RuleBook, request: Mapping[str, Any], dispatch: Dispatch) -> list[Event]:
    """The dated results of ``request["requests"]``, each run through ``dispatch`` (the bridge's)."""
    requests = request.get("requests")
    if not isinstance(requests, list) or not requests:
        raise InputError("requests", _("must be a non-empty list of calculator requests"))
    if len(requests) > MAX_SUBREQUESTS:
        raise InputError(
            "requests",
            _("at most {most} requests (got {n})").format(most=MAX_SUBREQUESTS, n=len(requests)),
        )
    found: list[Event] = []
    for index, sub in enumerate(requests):
        if not isinstance(sub, dict):
            raise InputError(f"requests[{index}]", _("must be a JSON object"))
        action = sub.get("action")
        if action in ("ics", "meta"):
            raise InputError(
                f"requests[{index}].action",
                _("'{action}' has no dates to export").format(action=action),
            )
        result = dispatch(book, sub)  # its errors name the sub-request's own fields
        digest = hashlib.sha256(json.dumps(sub, sort_keys=True, default=str).encode()).hexdigest()
        for key, day, summary, explanation, extra in dated(str(action), result):
            uid = f"{action}-{key}-{day}-{digest[:12]}@kz-dnr-calculator"
            due = (action, key) in ALARMED or key.endswith("_due")
            found.append(
                Event(date.fromisoformat(day), summary, describe(explanation, extra), uid, due)
            )
    return found


def to_ics(
    found: list[Event],
    version: str,
    stamp: datetime | None = None,
    lead_times: tuple[int, ...] = (),
    hour: int | None = None,
) -> str:
    when = (stamp or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    data_line = _("Rule data {version}").format(version=version)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape_text(_("Kazakhstan DNR deadlines")),
    ]
    for event in found:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{when}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(event.summary)}",
            "DESCRIPTION:" + escape_text(event.description + "\n" + data_line),
            "TRANSP:TRANSPARENT",
        ]
        note = _(REMINDER).format(summary=event.summary, day=event.day.isoformat())
        for lead in lead_times if event.alarmed else ():
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape_text(note)}",
                f"TRIGGER:{trigger(lead, hour)}",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def ics_from_request(
    book: RuleBook, request: Mapping[str, Any], dispatch: Dispatch
) -> dict[str, Any]:
    """Bridge adapter: ``{"ics": text, "events": n}`` for the dated results of ``requests``.

    ``dispatch`` is the bridge's own, passed in so that this module does not import the bridge.
    """
    leads = reminders(book, request)
    found = events(book, request, dispatch)
    text = to_ics(found, book.version, lead_times=leads, hour=book.reminder_hour)
    return {"ics": text, "events": len(found), "reminders": list(leads)}
