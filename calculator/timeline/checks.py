"""Clocks that collide on the way to the permit, checked against the timeline's milestones.

- the entry window after the eGov approval (missed, or closing before the planned entry);
- visa-free days: the last legal day of the entry (from the stay rule and earlier stays) against
  the day the card is expected, and the exit-and-return plan (:mod:`calculator.timeline.stay`);
- the pilot's legal end date (``data/site.yaml``) against every date of the plan
  (:mod:`calculator.timeline.pilot`);
- the police certificate's last valid day against the eGov application and the hand-in at the
  Public Service Center;
- the passport's expiry against the minimum validity at the eGov application.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from calculator.core.dates import human
from calculator.core.errors import InputError
from calculator.core.i18n import _, days, ngettext
from calculator.core.periods import deadline_after
from calculator.core.records import StayRule
from calculator.core.results import Explanation
from calculator.core.stays import Stay
from calculator.requests import RULE_FIELDS, given, intervals, opt_date, opt_flag, stay_rule
from calculator.rules.rulebook import RuleBook
from calculator.timeline.milestones import (
    CHAIN,
    ORDER,
    ORDER_INDEX,
    Milestone,
    Timeline,
    build_milestones,
    by_date,
    milestone,
    shift,
)
from calculator.timeline.pilot import pilot_warnings
from calculator.timeline.stay import check_stays


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
        raise InputError(
            ORDER[0], _("give at least one known date (for example the eGov submission)")
        )
    previous: tuple[str, date] | None = None
    for name in ORDER:
        if name in known:
            if previous and known[name] < previous[1]:
                raise InputError(
                    name,
                    # TRANSLATORS: {title} (the step's name) may replace {step} (its id in words).
                    _("is before the {step} date ({date})").format(
                        step=previous[0].replace("_", " "),
                        title=_(CHAIN[ORDER_INDEX[previous[0]]][1]),
                        date=previous[1].isoformat(),
                    ),
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
    steps: list[str] = [
        ngettext(
            "{n} milestone counted from the dates you know.",
            "{n} milestones counted from the dates you know.",
            len(milestones),
        ).format(n=len(milestones))
    ]
    approved = milestone(milestones, "approved")
    card, submitted = (
        milestone(milestones, "permit_issued"),
        milestone(milestones, "egov_submitted"),
    )
    psc = milestone(milestones, "psc_submitted")

    entry_deadline = None
    if approved is not None:
        window = book.deadline("entry_after_approval")
        entry_deadline = deadline_after(book.calendar, approved.earliest, window)
        if approved.known:
            text = _("Enter by {date}: {period} after the approval.")
        else:
            text = _("Enter by {date}: {period} after the earliest approval date.")
        steps.append(text.format(date=human(entry_deadline), period=window.describe()))
        if "entered" in inputs.known and inputs.known["entered"] > entry_deadline:
            warnings.append(
                _(
                    "You entered on {entered}, after the entry window closed on {closed}: ask "
                    "the migration service whether the approval still stands."
                ).format(entered=human(inputs.known["entered"]), closed=human(entry_deadline))
            )
        elif "entered" not in inputs.known and inputs.today and inputs.today > entry_deadline:
            warnings.append(
                _("The entry window of {period} closed on {date}.").format(
                    period=window.describe(), date=human(entry_deadline)
                )
            )

    stay = check_stays(
        book, inputs.rule, inputs.stays, inputs.card, milestones, steps, warnings, entry_deadline
    )

    cert_until = None
    if inputs.certificate_issued is not None:
        validity = book.document_validity("police_certificate")
        cert_until = shift(inputs.certificate_issued, validity.days)
        steps.append(
            _("The police certificate is accepted until {date}.").format(date=human(cert_until))
        )
        for stage, expected_text, maybe_text in (
            (
                submitted,
                _(
                    "The police certificate expires on {until}, but the eGov application is "
                    "expected on {expected} (latest {latest}): order a new certificate now."
                ),
                _(
                    "The police certificate expires on {until}, but the eGov application may "
                    "come on {expected} (latest {latest}): order a new certificate now."
                ),
            ),
            (
                psc,
                _(
                    "The police certificate expires on {until}, but the hand-in at the Public "
                    "Service Center is expected on {expected} (latest {latest}): order a new "
                    "certificate now."
                ),
                _(
                    "The police certificate expires on {until}, but the hand-in at the Public "
                    "Service Center may come on {expected} (latest {latest}): order a new "
                    "certificate now."
                ),
            ),
        ):
            if stage is not None and stage.latest > cert_until:
                text = expected_text if stage.expected > cert_until else maybe_text
                warnings.append(
                    text.format(
                        until=human(cert_until),
                        expected=human(stage.expected),
                        latest=human(stage.latest),
                    )
                )

    if inputs.passport_expiry is not None and submitted is not None:
        minimum = book.deadline("passport_min_validity")
        needed = shift(submitted.latest, minimum.days)
        if inputs.passport_expiry <= needed:
            warnings.append(
                _(
                    "The passport expires on {expiry}; at the eGov application ({latest} at the "
                    "latest) it must stay valid more than {days}, that is past {needed}."
                ).format(
                    expiry=human(inputs.passport_expiry),
                    latest=human(submitted.latest),
                    days=days(minimum.days),
                    needed=human(needed),
                )
            )

    licence_by = None
    if card is not None:
        licence = book.deadline("licence_exchange")
        licence_by = deadline_after(book.calendar, card.earliest, licence)
        steps.append(
            _(
                "If you drive: exchange your licence by {date} ({period} after the earliest card "
                "date; count from the day you really receive it)."
            ).format(date=human(licence_by), period=licence.describe())
        )

    warnings += pilot_warnings(book, milestones, stay.reentry)
    explanation = Explanation.build("dnr_timeline", steps, None, warnings)
    return Timeline(
        milestones,
        None if "entered" in inputs.known else entry_deadline,  # no "enter by" once you entered
        stay.current_exit,
        stay.last_free,
        cert_until,
        licence_by,
        stay.reentry,
        stay.entries,
        warnings,
        explanation,
        book.pilot.legal_end if book.pilot else None,
    )


def timeline_from_request(book: RuleBook, request: Mapping[str, Any]) -> Timeline:
    """Bridge adapter: read the request fields, build the milestones, check the clocks; the
    result lists the milestones by date."""
    inputs = read_inputs(book, request)
    milestones = build_milestones(book, inputs.known, inputs.review, inputs.card)
    found = run_checks(book, inputs, milestones)
    return replace(found, milestones=by_date(found.milestones))
