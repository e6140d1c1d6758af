"""Clocks that collide on the way to the permit, checked against the timeline's milestones.

- the 30-day entry window after the eGov approval (missed, or closing before the planned entry);
- visa-free days: the last legal day of the entry (from the stay rule and earlier stays) against
  the day the card is expected;
- the police certificate's last valid day against the eGov application and the hand-in at the
  Public Service Center;
- the passport's expiry against the minimum validity at the eGov application.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculator.dates import human
from calculator.errors import InputError
from calculator.periods import deadline_after
from calculator.results import Explanation
from calculator.rolling import reach
from calculator.rulebook import RuleBook, StayRule
from calculator.stays import Stay, StayIndex
from calculator.timeline import ORDER, Milestone, Timeline, milestone, shift


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
    from calculator.bridge import intervals, opt_date, opt_flag, stay_rule

    known = {name: day for name in ORDER if (day := opt_date(request, name)) is not None}
    if not known:
        raise InputError(ORDER[0], "give at least one known date (for example the eGov submission)")
    previous: tuple[str, date] | None = None
    for name in ORDER:
        if name in known:
            if previous and known[name] < previous[1]:
                raise InputError(name, f"is before {previous[0]} ({previous[1].isoformat()})")
            previous = (name, known[name])
    has_rule = any(request.get(k) not in (None, "") for k in ("nationality", "rule", "limit"))
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
        entry_deadline = deadline_after(book.calendar, approved.latest, window)
        steps.append(f"Enter by {human(entry_deadline)}: {window.describe()} after the approval.")
        if "entered" in inputs.known and inputs.known["entered"] > entry_deadline:
            warnings.append(
                f"You entered on {human(inputs.known['entered'])}, after the entry window closed "
                f"on {human(entry_deadline)}: ask the migration service whether the approval still stands."
            )
        elif "entered" not in inputs.known and inputs.today and inputs.today > entry_deadline:
            warnings.append(f"The 30-day entry window closed on {human(entry_deadline)}.")

    last_free = None
    if inputs.rule is not None and entered is not None:
        index = StayIndex(inputs.stays, inputs.rule.counting_from)
        found = reach(index, inputs.rule, entered.expected)
        last_free = found.last_day(entered.expected)
        steps.append(
            f"Entering on {human(entered.expected)} under {inputs.rule.id}, visa-free days last "
            f"{found.days} day(s)" + (f", to {human(last_free)}." if last_free else ".")
        )
        if card is not None and (last_free is None or card.expected > last_free):
            warnings.append(
                f"Your visa-free days end {human(last_free) if last_free else 'on entry'}, but the card is "
                f"expected on {human(card.expected)} (latest {human(card.latest)}): plan an exit and "
                "re-entry, or ask the migration service for a visa while the application is pending."
            )
        elif card is not None and last_free is not None and card.latest > last_free:
            warnings.append(
                f"If every step takes its full time the card is ready on {human(card.latest)}, after your "
                f"visa-free days end on {human(last_free)}: there is no slack."
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
        licence_by = deadline_after(book.calendar, card.latest, licence)
        steps.append(
            f"If you drive: exchange your licence by {human(licence_by)} ({licence.describe()})."
        )

    explanation = Explanation.build("dnr_timeline", steps, None, warnings)
    return Timeline(
        milestones, entry_deadline, last_free, cert_until, licence_by, warnings, explanation
    )
