"""The personal plan, assembled: routes, then my steps with dates, my documents, and the dates
from which a review is late (for "when it goes wrong").

Dates come from the DNR timeline (:mod:`calculator.timeline`) over the dates the person gave
(``approved``, ``entered``); with neither, the plan assumes the Astana Hub application on the
plan's day (``assumed_start``) and says so. The guide's steps are those of the route with a
``guide_stage`` (the Digital Nomad Residency): when that route is not for this person, the plan
lists no steps or documents and says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from calculator.core.errors import InputError
from calculator.core.i18n import _, human
from calculator.core.results import Explanation
from calculator.route.conditions import NO, person
from calculator.route.documents import my_documents, obtain_dates
from calculator.route.questions import Answers, read_answers
from calculator.route.routes import judge_routes
from calculator.route.steps import my_steps
from calculator.rules.rulebook import RuleBook
from calculator.timeline.checks import timeline_from_request
from calculator.timeline.milestones import Timeline
from calculator.visa_free import status as visa_free

LATE = ("approved", "final_review", "permit_issued")
"""Milestones that a public body owes you: after their latest date, the review is late."""
TIMELINE_NAMES = {"passport_expires": "passport_expiry"}
"""The plan's answers under the timeline's names (the others are the same)."""


def _timeline(book: RuleBook, request: Mapping[str, Any], answers: Answers) -> Timeline:
    fields = ("stays", "approved", "entered", "certificate_issued", "passport_expires")
    asked = {TIMELINE_NAMES.get(f, f): request.get(f) for f in fields if request.get(f)}
    if answers.nationality in book.nationalities:
        asked["nationality"] = answers.nationality
    else:
        asked.pop("stays", None)  # no visa-free rule to count them with
    if answers.approved is None and answers.entered is None:
        asked["hub_applied"] = answers.on.isoformat()
    asked["today"] = answers.on.isoformat()
    try:
        return timeline_from_request(book, asked)
    except InputError as error:  # name the plan's field, not the timeline's
        back = {v: k for k, v in TIMELINE_NAMES.items()}
        raise InputError(back.get(error.field, error.field), error.message) from None


def _stay(book: RuleBook, answers: Answers) -> tuple[dict[str, Any] | None, list[str]]:
    nationality = book.nationalities.get(answers.nationality)
    if nationality is None or not answers.stays:
        return None, []
    found = visa_free.status(answers.stays, book.stay_rules[nationality.rule_set], answers.on)
    result = {
        "on": answers.on.isoformat(),
        "days_used": found.days_used,
        "limit": found.limit,
        "days_left": found.days_left,
        "in_country": found.in_country,
        "entry_day_number": found.entry_day_number,
        "per_entry_days": found.per_entry_days,
        "latest_exit": found.latest_exit.isoformat() if found.latest_exit else None,
    }
    warnings = []
    if found.latest_exit is not None:
        warnings.append(
            _(
                "You are in Kazakhstan on visa-free days, on day {day} of this entry: leave by "
                "{date} at the latest, whatever the plan below says."
            ).format(day=found.entry_day_number, date=human(found.latest_exit))
        )
    return result, warnings


def route_plan(book: RuleBook, request: Mapping[str, Any], today: date) -> dict[str, Any]:
    """The ``route`` action: see the module's docstring and README's *The personal plan*."""
    answers = read_answers(request, today)
    facts = person(book, answers)
    routes = judge_routes(book, answers, facts)
    guide = {r["id"] for r in book.source["plan"]["routes"] if r.get("guide_stage")}
    main = [r for r in routes if r["id"] in guide]
    stay, warnings = _stay(book, answers)
    explain = [
        _("Plan made on {date}.").format(date=human(answers.on)),
    ]
    timeline: Timeline | None = None
    if main and all(r["eligible"] == NO for r in main):
        warnings.append(
            _(
                "The guide's steps are for the {route}, which is not for you: see the routes."
            ).format(route=main[0]["title"])
        )
    else:
        timeline = _timeline(book, request, answers)
        if answers.approved is None and answers.entered is None:
            explain.append(
                _(
                    "Dates assume you apply to Astana Hub on {date}; give your dates to fix them."
                ).format(date=human(answers.on))
            )
    stones = {m.id: m for m in timeline.milestones} if timeline else {}
    obtain = obtain_dates(book, stones, answers)
    steps = my_steps(book.source["plan"], facts, stones, obtain) if timeline else []
    documents = my_documents(book, steps, answers, stones, obtain)
    for route in main:  # the guide's route: its status is said first, not in a footnote
        if route["open"] != "yes" and route["eligible"] != NO:
            warnings.insert(0, route["reasons"][-1])
    # a document's own warnings stay beside it; the timeline's (certificate, passport) come here
    if timeline is not None:
        warnings.extend(timeline.warnings)
    late = [
        {"id": mid, "date": (stones[mid].latest + timedelta(days=1)).isoformat()}
        for mid in LATE
        if mid in stones and not stones[mid].known
    ]
    explain.append(
        _("Steps and documents follow the answers; a step marked 'maybe' depends on one not given.")
    )
    unique = list(dict.fromkeys(warnings))
    return {
        "on": answers.on.isoformat(),
        "nationality": answers.nationality,
        "stages": [{"id": s["id"], "title": s["title"]} for s in book.source["plan"]["stages"]],
        "routes": routes,
        "steps": steps,
        "documents": documents,
        "warnings": unique,
        "stay": stay,
        "assumed_start": None
        if answers.approved or answers.entered or timeline is None
        else answers.on.isoformat(),
        "late_from": late,
        "timeline": timeline.to_dict() if timeline else None,
        "explanation": Explanation.build("personal_plan", explain, None, unique).to_dict(),
    }
