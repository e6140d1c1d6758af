"""Which dates of the engine's answers become calendar events, with their titles, descriptions
and whether they are deadlines (those get a reminder in :mod:`calculator.export.ics`).

``dated(action, result)`` yields ``(key, ISO date, summary, explanation, extra lines)``; the key
names the event inside its answer (``latest_exit``, ``reentry_leave_by``, ``<milestone>_due`` …).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from calculator.core.i18n import N_, _, ngettext
from calculator.core.i18n import days as n_days
from calculator.core.provenance import confidence_words

# Result keys that are deadlines in their own right, with the event's title.
DEADLINE_DATES: dict[str, tuple[tuple[str, str], ...]] = {
    "timeline": (
        ("current_stay_latest_exit", N_("Leave Kazakhstan by this day (current stay)")),
        ("entry_deadline", N_("Enter Kazakhstan by this day (after the eGov approval)")),
        ("visa_free_last_day", N_("Visa-free days end (if you enter on the expected date)")),
        ("certificate_valid_until", N_("Police clearance certificate: last day it is accepted")),
        ("licence_exchange_by", N_("Exchange your driving licence by this day")),
    ),
    "abroad": (
        ("licence_exchange_by", N_("Exchange your driving licence by this day")),
        ("address_register_by", N_("Register your new address by this day")),
    ),
}


# The exit-and-return plan's dates (timeline ``reentry``), with the event's title.
REENTRY_DATES: tuple[tuple[str, str], ...] = (
    ("leave_by", N_("Leave Kazakhstan by this day (exit and return for the card)")),
    ("enter_on", N_("Come back to Kazakhstan for the card (earliest return)")),
)
DUE = N_("{title}: last day")
WARNING = N_("Warning: {text}")

# (action, key) of the dates that are deadlines: these get a reminder, as does every milestone's
# ``due`` date (key ``<milestone id>_due``).
ALARMED: frozenset[tuple[str, str]] = frozenset(
    {(action, key) for action, pairs in DEADLINE_DATES.items() for key, _title in pairs}
    | {("timeline", f"reentry_{key}") for key, _title in REENTRY_DATES}
    | {("status", "latest_exit"), ("plan", "latest_exit"), ("next_entry", "earliest_entry")}
    | {("validity", "valid_until")}
)


def describe(explanation: Mapping[str, Any] | None, extra: list[str]) -> str:
    lines = list(extra)
    if not explanation:
        return "\n".join(lines)
    lines += [f"- {step}" for step in explanation.get("steps") or []]
    lines += [_(WARNING).format(text=w) for w in explanation.get("warnings") or []]
    verified = explanation.get("verified")
    confidence = explanation.get("confidence")
    if confidence:
        lines.append(_("Confidence: {confidence}").format(confidence=confidence_words(confidence)))
    if verified:
        lines.append(_("Checked on {date}").format(date=verified))
    for source in explanation.get("sources") or []:
        lines.append(
            _("Source: {title} <{url}>").format(title=source.get("title"), url=source.get("url"))
        )
    return "\n".join(lines)


def dated(action: str, result: Mapping[str, Any]) -> Iterator[tuple[str, str, str, Any, list[str]]]:
    """(key, ISO date, summary, explanation, extra lines) for every date worth a calendar entry."""
    explanation = result.get("explanation")
    plan = result.get("reentry") if action == "timeline" else None
    for key, summary in DEADLINE_DATES.get(action, ()):
        if plan and key == "visa_free_last_day" and result[key] == plan["leave_by"]:
            continue  # the plan's "leave by" is the same day and says more
        if result.get(key):
            yield key, result[key], _(summary), explanation, []
    for key, summary in REENTRY_DATES if plan else ():
        if plan and plan.get(key):
            yield f"reentry_{key}", plan[key], _(summary), plan.get("explanation"), []
    if action == "status" and result.get("latest_exit"):
        yield (
            "latest_exit",
            result["latest_exit"],
            _("Last day to leave Kazakhstan (visa-free)"),
            explanation,
            [
                _("Days used {used} of {limit} on {on}.").format(
                    used=result["days_used"], limit=result["limit"], on=result["on"]
                )
            ],
        )
    elif action == "plan" and result.get("latest_exit"):
        yield (
            "latest_exit",
            result["latest_exit"],
            _("Last day of the planned stay in Kazakhstan"),
            explanation,
            [
                _("Entry {enter}: at most {days}.").format(
                    enter=result["enter"], days=n_days(result["max_stay_days"])
                )
            ],
        )
    elif action == "next_entry" and result.get("earliest_entry"):
        note = [
            _("For a stay of {days} from {start}.").format(
                days=n_days(result["days"]), start=result["search_from"]
            )
        ]
        yield (
            "earliest_entry",
            result["earliest_entry"],
            _("Earliest re-entry to Kazakhstan"),
            explanation,
            note,
        )
        if result.get("latest_exit"):
            last = _("Last day of that stay")
            yield "latest_exit", result["latest_exit"], last, explanation, note
    elif action == "timeline":
        pending = [_(WARNING).format(text=w) for w in result.get("warnings") or []]  # once, first
        for milestone in result.get("milestones") or []:
            day = milestone.get("expected") or milestone.get("earliest") or milestone.get("latest")
            if not day:
                continue
            span = [
                label.format(day=milestone[key])
                for key, label in (
                    ("earliest", _("Earliest: {day}")),
                    ("expected", _("Expected: {day}")),
                    ("latest", _("Latest: {day}")),
                )
                if milestone.get(key)
            ]
            title = str(milestone.get("title") or milestone.get("id"))
            summary = (
                title if milestone.get("known") else _("{title} (expected)").format(title=title)
            )
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
                    _(DUE).format(title=title),
                    milestone.get("explanation"),
                    span,
                )
    elif action == "workdays" and result.get("date"):
        yield (
            "date",
            result["date"],
            ngettext(
                "{n} working day after {start}", "{n} working days after {start}", result["add"]
            ).format(n=result["add"], start=result["start"]),
            explanation,
            [],
        )
    elif action == "validity" and result.get("valid_until"):
        title = result.get("title") or result["document"]
        summary = _("Last valid day: {document}").format(document=title)
        yield "valid_until", result["valid_until"], summary, explanation, []
