"""Export deadlines as an iCalendar file (RFC 5545), stdlib only.

``ics_from_request(book, {"action": "ics", "requests": [...]}, dispatch)`` runs each sub-request
through ``dispatch`` (the bridge passes :func:`calculator.bridge.dispatch`) and turns every dated answer into an all-day event:

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
(:data:`ALARMED`) carries a ``VALARM`` that rings ``reminder_days_before`` days before it
(``data/site.yaml``, ``calendar_export``); milestones that are only expected dates have none.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from calculator.bounds import MAX_SUBREQUESTS
from calculator.errors import InputError
from calculator.rulebook import RuleBook

PRODID = "-//kz-dnr-guide//deadline calculator//EN"
CRLF = "\r\n"


@dataclass(frozen=True)
class Event:
    day: date
    summary: str
    description: str
    uid: str
    alarm_days: int | None = None


# Result keys that are deadlines in their own right, with the event's title.
DEADLINE_DATES: dict[str, tuple[tuple[str, str], ...]] = {
    "timeline": (
        ("current_stay_latest_exit", "Leave Kazakhstan by this day (current stay)"),
        ("entry_deadline", "Enter Kazakhstan by this day (after the eGov approval)"),
        ("visa_free_last_day", "Visa-free days end (if you enter on the expected date)"),
        ("certificate_valid_until", "Police clearance certificate: last day it is accepted"),
        ("licence_exchange_by", "Exchange your driving licence by this day"),
    ),
    "abroad": (
        ("licence_exchange_by", "Exchange your driving licence by this day"),
        ("address_register_by", "Register your new address by this day"),
    ),
}


# The exit-and-return plan's dates (timeline ``reentry``), with the event's title.
REENTRY_DATES: tuple[tuple[str, str], ...] = (
    ("leave_by", "Leave Kazakhstan by this day (exit and return for the card)"),
    ("enter_on", "Come back to Kazakhstan for the card (earliest return)"),
)
REMINDER = "Reminder: {summary} on {day}"
DUE = "{title}: last day"

# (action, key) of the dates that are deadlines: these get a reminder, as does every milestone's
# ``due`` date (key ``<milestone id>_due``).
ALARMED: frozenset[tuple[str, str]] = frozenset(
    {(action, key) for action, pairs in DEADLINE_DATES.items() for key, _ in pairs}
    | {("timeline", f"reentry_{key}") for key, _ in REENTRY_DATES}
    | {("status", "latest_exit"), ("plan", "latest_exit"), ("next_entry", "earliest_entry")}
    | {("validity", "valid_until")}
)


def escape_text(text: str) -> str:
    """RFC 5545 TEXT escaping: ``\\`` ``;`` ``,`` and newlines."""
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


def _describe(explanation: Mapping[str, Any] | None, extra: list[str]) -> str:
    lines = list(extra)
    if not explanation:
        return "\n".join(lines)
    lines += [f"- {step}" for step in explanation.get("steps") or []]
    lines += [f"Warning: {warning}" for warning in explanation.get("warnings") or []]
    verified = explanation.get("verified")
    confidence = explanation.get("confidence")
    lines.append(
        f"Rule: {explanation.get('rule_id')}"
        + (f"; confidence: {confidence}" if confidence else "")
        + (f"; verified {verified}" if verified else "")
    )
    for source in explanation.get("sources") or []:
        lines.append(f"Source: {source.get('title')} <{source.get('url')}>")
    return "\n".join(lines)


def _dated(
    action: str, result: Mapping[str, Any]
) -> Iterator[tuple[str, str, str, Any, list[str]]]:
    """(key, ISO date, summary, explanation, extra lines) for every date worth a calendar entry."""
    explanation = result.get("explanation")
    plan = result.get("reentry") if action == "timeline" else None
    for key, summary in DEADLINE_DATES.get(action, ()):
        if plan and key == "visa_free_last_day" and result[key] == plan["leave_by"]:
            continue  # the plan's "leave by" is the same day and says more
        if result.get(key):
            yield key, result[key], summary, explanation, []
    for key, summary in REENTRY_DATES if plan else ():
        if plan and plan.get(key):
            yield f"reentry_{key}", plan[key], summary, plan.get("explanation"), []
    if action == "status" and result.get("latest_exit"):
        yield (
            "latest_exit",
            result["latest_exit"],
            "Last day to leave Kazakhstan (visa-free)",
            explanation,
            [f"Days used {result['days_used']} of {result['limit']} on {result['on']}."],
        )
    elif action == "plan" and result.get("latest_exit"):
        yield (
            "latest_exit",
            result["latest_exit"],
            "Last day of the planned stay in Kazakhstan",
            explanation,
            [f"Entry {result['enter']}: at most {result['max_stay_days']} days."],
        )
    elif action == "next_entry" and result.get("earliest_entry"):
        note = [f"For a stay of {result['days']} day(s) from {result['search_from']}."]
        yield (
            "earliest_entry",
            result["earliest_entry"],
            "Earliest re-entry to Kazakhstan",
            explanation,
            note,
        )
        if result.get("latest_exit"):
            yield "latest_exit", result["latest_exit"], "Last day of that stay", explanation, note
    elif action == "timeline":
        pending = [f"Warning: {w}" for w in result.get("warnings") or []]  # told once, first event
        for milestone in result.get("milestones") or []:
            day = milestone.get("expected") or milestone.get("earliest") or milestone.get("latest")
            if not day:
                continue
            span = [
                f"{label}: {milestone[key]}"
                for key, label in (
                    ("earliest", "Earliest"),
                    ("expected", "Expected"),
                    ("latest", "Latest"),
                )
                if milestone.get(key)
            ]
            title = str(milestone.get("title") or milestone.get("id"))
            summary = title if milestone.get("known") else f"{title} (expected)"
            yield (
                str(milestone.get("id")),
                day,
                summary,
                milestone.get("explanation"),
                span + pending,
            )
            pending = []
            if milestone.get("due") and not milestone.get("known"):
                yield (
                    f"{milestone.get('id')}_due",
                    milestone["due"],
                    DUE.format(title=title),
                    milestone.get("explanation"),
                    span,
                )
    elif action == "workdays" and result.get("date"):
        yield (
            "date",
            result["date"],
            f"{result['add']} working days after {result['start']}",
            explanation,
            [],
        )
    elif action == "validity" and result.get("valid_until"):
        summary = f"Last valid day: {result['document']}"
        yield "valid_until", result["valid_until"], summary, explanation, []


Dispatch = Callable[[RuleBook, Mapping[str, Any]], dict[str, Any]]


def events(book: RuleBook, request: Mapping[str, Any], dispatch: Dispatch) -> list[Event]:
    """The dated results of ``request["requests"]``, each run through ``dispatch`` (the bridge's)."""
    requests = request.get("requests")
    if not isinstance(requests, list) or not requests:
        raise InputError("requests", "must be a non-empty list of calculator requests")
    if len(requests) > MAX_SUBREQUESTS:
        raise InputError("requests", f"at most {MAX_SUBREQUESTS} requests (got {len(requests)})")
    found: list[Event] = []
    for index, sub in enumerate(requests):
        if not isinstance(sub, dict):
            raise InputError(f"requests[{index}]", "must be a JSON object")
        action = sub.get("action")
        if action in ("ics", "meta"):
            raise InputError(f"requests[{index}].action", f"'{action}' has no dates to export")
        result = dispatch(book, sub)  # its errors name the sub-request's own fields
        digest = hashlib.sha256(json.dumps(sub, sort_keys=True, default=str).encode()).hexdigest()
        for key, day, summary, explanation, extra in _dated(str(action), result):
            uid = f"{action}-{key}-{day}-{digest[:12]}@kz-dnr-calculator"
            due = (action, key) in ALARMED or key.endswith("_due")
            alarm = book.reminder_days_before if due else None
            found.append(
                Event(date.fromisoformat(day), summary, _describe(explanation, extra), uid, alarm)
            )
    return found


def to_ics(found: list[Event], version: str, stamp: datetime | None = None) -> str:
    when = (stamp or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Kazakhstan DNR deadlines",
    ]
    for event in found:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{when}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(event.summary)}",
            f"DESCRIPTION:{escape_text(event.description + chr(10) + 'Rule data ' + version)}",
            "TRANSP:TRANSPARENT",
        ]
        if event.alarm_days:
            note = REMINDER.format(summary=event.summary, day=event.day.isoformat())
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape_text(note)}",
                f"TRIGGER:-P{event.alarm_days}D",
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
    found = events(book, request, dispatch)
    return {"ics": to_ics(found, book.version), "events": len(found)}
