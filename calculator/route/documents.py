"""This person's documents, per stage, with the dates that keep each one valid.

- A document with a validity counted from its issue (``data/deadlines.yaml`` names the
  ``document``: the police and medical certificates): ``obtain_from`` is the earliest issue date
  still valid on the latest expected hand-in at the Public Service Center: that day minus the
  validity, so that ``valid_until(obtain_from)`` is the hand-in day itself
  (:func:`calculator.core.periods.valid_until`); ``obtain_because`` is ``validity``. A document
  that can only be obtained in Kazakhstan (``obtained_in: kazakhstan`` in data/documents.yaml,
  the medical certificate) cannot be issued before you are there: its ``obtain_from`` is the later
  of that day and the plan's day if you are in the country now, or the expected entry otherwise
  (``obtain_because``: ``in_kazakhstan`` when that bound decides). With the issue date given
  (``certificate_issued``), ``valid_until`` is computed and a warning says when it will not cover
  the hand-in.
- The passport must stay valid for a minimum period after the eGov application
  (``passport_min_validity``): ``needed_until`` is the last day of that period from the latest
  expected application (or from the plan's day once the application is behind you), and with
  ``passport_expires`` given a warning says when the passport ends too soon.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from calculator.core.i18n import _, days, human
from calculator.core.periods import valid_until
from calculator.route.questions import Answers
from calculator.rules.rulebook import RuleBook
from calculator.timeline.milestones import Milestone

ISSUE_DATES = {"police_certificate": "certificate_issued"}
"""Documents whose issue date the plan asks for, and the answer that holds it."""


def _issue_validity(book: RuleBook, document: str) -> Any:
    return next(
        (d for d in book.deadlines.values() if d.extra.get("document") == document),
        None,
    )


def obtain_dates(
    book: RuleBook, milestones: Mapping[str, Milestone], answers: Answers
) -> dict[str, tuple[date, str]]:
    """``{document: (obtain_from, because)}`` for the documents with an issue validity;
    ``because`` is ``validity`` or ``in_kazakhstan`` (see the module's docstring)."""
    hand_in = milestones.get("psc_submitted")
    if hand_in is None:
        return {}
    entry = milestones.get("entered")
    here = answers.on if answers.in_kazakhstan or entry is None else entry.expected
    in_kazakhstan = {
        d["id"] for d in book.source["plan"]["documents"] if d.get("obtained_in") == "kazakhstan"
    }
    found = {}
    for deadline in book.deadlines.values():
        document = deadline.extra.get("document")
        if document and deadline.unit == "calendar_days":
            start = hand_in.latest - timedelta(days=deadline.days)
            assert valid_until(deadline, start).valid_until == hand_in.latest
            if document in in_kazakhstan and here > start:
                found[str(document)] = (here, "in_kazakhstan")
            else:
                found[str(document)] = (start, "validity")
    return found


def _dated(
    book: RuleBook,
    doc: str,
    answers: Answers,
    milestones: Mapping[str, Milestone],
    obtain: Mapping[str, tuple[date, str]],
) -> dict[str, Any]:
    item: dict[str, Any] = {"warnings": []}
    hand_in = milestones.get("psc_submitted")
    deadline = _issue_validity(book, doc)
    if deadline is not None and doc in obtain:
        start, because = obtain[doc]
        item["obtain_from"] = start.isoformat()
        item["obtain_because"] = because
        item["period_days"] = deadline.days
        hub = milestones.get("hub_applied")
        if doc in ISSUE_DATES and hub is not None and hub.expected < start:
            item["warnings"].append(
                _(
                    "One issued on {start} or later is still valid at the hand-in, but you need it "
                    "for the Astana Hub application on {hub} too: plan on two, as in the real case."
                ).format(start=human(start), hub=human(hub.expected))
            )
    issued = getattr(answers, ISSUE_DATES[doc]) if doc in ISSUE_DATES else None
    if deadline is not None and issued is not None:
        until = valid_until(deadline, issued).valid_until
        item["valid_until"] = until.isoformat()
        if hand_in is not None and until < hand_in.latest:
            item["warnings"].append(
                _(
                    "Issued {issued}, it is accepted until {until}, but the hand-in at the Public "
                    "Service Center may come as late as {latest}: order a new one, issued on or "
                    "after {start}."
                ).format(
                    issued=human(issued),
                    until=human(until),
                    latest=human(hand_in.latest),
                    start=human(obtain[doc][0] if doc in obtain else until),
                )
            )
    if doc == "passport":
        minimum = book.deadline("passport_min_validity")
        applied = milestones.get("egov_submitted")
        start = applied.latest if applied is not None else answers.on
        needed = start + timedelta(days=minimum.days)
        item["needed_until"] = needed.isoformat()
        if answers.passport_expires is not None:
            item["valid_until"] = answers.passport_expires.isoformat()
            if answers.passport_expires <= needed:
                item["warnings"].append(
                    _(
                        "Your passport expires on {expiry}; it must stay valid more than {days} "
                        "after the eGov application, that is past {needed}: renew it first."
                    ).format(
                        expiry=human(answers.passport_expires),
                        days=days(minimum.days),
                        needed=human(needed),
                    )
                )
    return item


def my_documents(
    book: RuleBook,
    steps: list[dict[str, Any]],
    answers: Answers,
    milestones: Mapping[str, Milestone],
    obtain: Mapping[str, tuple[date, str]],
) -> list[dict[str, Any]]:
    """``[{id, title, stage, obtain_from?, obtain_because?, valid_until?, needed_until?, warnings}]``: each document
    once, at the first stage one of this person's steps needs it, in the data's order."""
    plan = book.source["plan"]
    needs = {s["id"]: s.get("documents", ()) for st in plan["stages"] for s in st["steps"]}
    first: dict[str, str] = {}
    for step in steps:
        for doc in needs.get(step["id"], ()):
            first.setdefault(doc, step["stage"])
    found = []
    for record in plan["documents"]:
        doc = record["id"]
        if doc in first:
            found.append(
                {
                    "id": doc,
                    "title": record["title"],
                    "stage": first[doc],
                    **_dated(book, doc, answers, milestones, obtain),
                }
            )
    return found
