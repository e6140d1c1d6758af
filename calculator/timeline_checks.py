"""Clocks that collide on the way to the permit, checked against the timeline's milestones.

- the entry window after the eGov approval (missed, or closing before the planned entry);
- visa-free days: the last legal day of the entry (from the stay rule and earlier stays) against
  the day the card is expected;
- the police certificate's last valid day against the eGov application and the hand-in at the
  Public Service Center;
- the passport's expiry against the minimum validity at the eGov application.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from calculator.dates import human
from calculator.errors import InputError
from calculator.periods import deadline_after
from calculator.requests import RULE_FIELDS, given, intervals, opt_date, opt_flag, stay_rule
from calculator.results import Explanation
from calculator.rolling import reach
from calculator.rulebook import RuleBook, StayRule
from calculator.stays import Stay, StayIndex
from calculator.timeline import ORDER, Milestone, Timeline, build_milestones, milestone, shift


@dataclass(frozen=True)
class Inputs:
    known: dict[str, date]
    review: str
    card: str
    rule: StayRule | None
    stays: list[Stay]
    certificate_issued: date | None
    passport_expiry: date | None
    today: date | None


def read_inputs(book: RuleBook, request: Mapping[str, Any]) -> Inputs:
    known = {name: day for name in ORDER if (day := opt_date(request, name)) is not None}
    if not known:
        raise InputError(ORDER[0], "give at least one known date (for example the eGov submission)")
    previous: tuple[str, date] | None = None
    for name in ORDER:
        if name in known:
            if previous and known[name] < previous[1]:
                raise InputError(
                    name,
                    f"is before the {previous[0].replace('_', ' ')} date ({previous[1].isoformat()})",
                )
            previous = (name, known[name])
    has_rule = any(given(request, name) for name in RULE_FIELDS)
    return Inputs(
        known=known,
        review=opt_flag(request, "review", ("in_demand", "standard")),
        card=opt_flag(request, "card", ("expedited", "standard")),
        rule=stay_rule(book, request) if has_rule else None,
        stays=intervals(request, "stays"),
        certificate_issued=opt_date(request, "certificate_issued"),
        passport_expiry=opt_date(request, "passport_expiry"),
        today=opt_date(request, "today"),
    )


def run_checks(book: RuleBook, inputs: Inputs, milestones: list[Milestone]) -> Timeline:
    warnings: list[str] = []
    steps: list[str] = [f"{len(milestones)} milestones counted from the dates you know."]
    approved, entered = milestone(milestones, "approved"), milestone(milestones, "entered")
    card, submitted = (
        milestone(milestones, "permit_issued"),
        milestone(milestones, "egov_submitted"),
    )
    psc = milestone(milestones, "psc_submitted")

    entry_deadline = None
    if approved is not None:
        window = book.deadline("entry_after_approval")
        entry_deadline = deadline_after(book.calendar, approved.earliest, window)
        counted = "the approval" if approved.known else "the earliest approval date"
        steps.append(f"Enter by {human(entry_deadline)}: {window.describe()} after {counted}.")
        if "entered" in inputs.known and inputs.known["entered"] > entry_deadline:
            warnings.append(
                f"You entered on {human(inputs.known['entered'])}, after the entry window closed "
                f"on {human(entry_deadline)}: ask the migration service whether the approval still stands."
            )
        elif "entered" not in inputs.known and inputs.today and inputs.today > entry_deadline:
            warnings.append(
                f"The {window.describe()} entry window closed on {human(entry_deadline)}."
            )

    last_free = current_exit = None
    if inputs.rule is not None and entered is not None:
        current_exit, stays = _leave_current_stay(inputs, entered.expected, steps, warnings)
        index = StayIndex(stays, inputs.rule.counting_from)
        scenarios = [("expected", entered.expected, card.expected if card else None)]
        if entered.latest != entered.expected:
            scenarios.append(("slowest", entered.latest, card.latest if card else None))
        for name, entry_day, card_day in scenarios:
            found = reach(index, inputs.rule, entry_day)
            free_until = found.last_day(entry_day)
            if name == "expected":
                last_free = free_until
            steps.append(
                f"Entering on {human(entry_day)} ({name}) under {inputs.rule.id}, visa-free days last "
                f"{found.days} day(s)" + (f", to {human(free_until)}." if free_until else ".")
            )
            if card_day is not None and (free_until is None or card_day > free_until):
                short = (card_day - (free_until or entry_day - timedelta(days=1))).days
                case = "Expected" if name == "expected" else "If every step takes its full time"
                warnings.append(
                    f"{case}: you enter on {human(entry_day)}, your visa-free days end "
                    f"{human(free_until) if free_until else 'on arrival'}, and the card is ready on "
                    f"{human(card_day)}: {short} day(s) short. Plan an exit and re-entry, or ask the "
                    "migration service for a visa while the application is pending."
                )

    cert_until = None
    if inputs.certificate_issued is not None:
        validity = book.document_validity("police_certificate")
        cert_until = shift(inputs.certificate_issued, validity.days)
        steps.append(f"The police certificate is accepted until {human(cert_until)}.")
        for stage, label in (
            (submitted, "the eGov application"),
            (psc, "the hand-in at the Public Service Center"),
        ):
            if stage is not None and stage.latest > cert_until:
                when = "is expected" if stage.expected > cert_until else "may come"
                warnings.append(
                    f"The police certificate expires on {human(cert_until)}, but {label} {when} on "
                    f"{human(stage.expected)} (latest {human(stage.latest)}): order a new certificate now."
                )

    if inputs.passport_expiry is not None and submitted is not None:
        minimum = book.deadline("passport_min_validity")
        needed = shift(submitted.latest, minimum.days)
        if inputs.passport_expiry <= needed:
            warnings.append(
                f"The passport expires on {human(inputs.passport_expiry)}; at the eGov application "
                f"({human(submitted.latest)} at the latest) it must stay valid more than {minimum.days} "
                f"days, that is past {human(needed)}."
            )

    licence_by = None
    if card is not None:
        licence = book.deadline("licence_exchange")
        licence_by = deadline_after(book.calendar, card.earliest, licence)
        steps.append(
            f"If you drive: exchange your licence by {human(licence_by)} ({licence.describe()} "
            "after the earliest card date; count from the day you really receive it)."
        )

    explanation = Explanation.build("dnr_timeline", steps, None, warnings)
    return Timeline(
        milestones,
        entry_deadline,
        current_exit,
        last_free,
        cert_until,
        licence_by,
        warnings,
        explanation,
    )


def _leave_current_stay(
    inputs: Inputs, entry: date, steps: list[str], warnings: list[str]
) -> tuple[date | None, list[Stay]]:
    """If the last stay is open (in Kazakhstan now), end it on its latest legal exit or the day
    before ``entry``, whichever is first, and say so. Returns that latest exit and the stays to count."""
    stays = list(inputs.stays)
    if not stays or stays[-1].exit is not None:
        running = [s for s in stays if s.exit is not None and s.exit >= entry]
        if running:
            warnings.append(
                f"A recorded stay ends on {human(running[-1].exit or entry)}, on or after the entry "
                f"on {human(entry)} that the timeline assumes; only its days before that entry count."
            )
        return None, stays
    assert inputs.rule is not None
    current = stays[-1]
    found = reach(StayIndex(stays[:-1], inputs.rule.counting_from), inputs.rule, current.entry)
    latest = found.last_day(current.entry)
    if latest is None:
        warnings.append(
            f"You entered on {human(current.entry)} with no visa-free days left: leave now."
        )
        return None, stays[:-1]
    leave = min(latest, entry - timedelta(days=1))
    steps.append(
        f"You are in Kazakhstan since {human(current.entry)}: your latest legal exit is "
        f"{human(latest)}. The timeline assumes you leave by {human(leave)} and enter again on "
        f"{human(entry)}."
    )
    if leave >= current.entry:
        return latest, [*stays[:-1], Stay(current.entry, leave)]
    return latest, stays[:-1]


def timeline_from_request(book: RuleBook, request: Mapping[str, Any]) -> Timeline:
    """Bridge adapter: read the request fields, build the milestones, check the clocks."""
    inputs = read_inputs(book, request)
    milestones = build_milestones(book, inputs.known, inputs.review, inputs.card)
    return run_checks(book, inputs, milestones)
