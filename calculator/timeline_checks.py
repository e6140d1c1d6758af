"""Clocks that collide on the way to the permit, checked against the timeline's milestones.

- the entry window after the eGov approval (missed, or closing before the planned entry);
- visa-free days: the last legal day of the entry (from the stay rule and earlier stays) against
  the day the card is expected, and the exit-and-return plan (:mod:`calculator.timeline_stay`);
- the pilot's legal end date (``data/site.yaml``) against every date of the plan;
- the police certificate's last valid day against the eGov application and the hand-in at the
  Public Service Center;
- the passport's expiry against the minimum validity at the eGov application.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from calculator.dates import human
from calculator.errors import InputError
from calculator.periods import deadline_after
from calculator.reentry import Reentry
from calculator.requests import RULE_FIELDS, given, intervals, opt_date, opt_flag, stay_rule
from calculator.results import Explanation
from calculator.rulebook import RuleBook, StayRule
from calculator.stays import Stay
from calculator.timeline import (
    ORDER,
    ORDER_INDEX,
    Milestone,
    Timeline,
    build_milestones,
    by_date,
    milestone,
    shift,
)
from calculator.timeline_stay import check_stays

# User-facing text of the pilot check (kept together for the translation catalogs).
PILOT_AFTER = (
    "The {name} legally ends on {end}; {count} date(s) of this plan are expected after it, the "
    "first: {title}, {day}. No source confirms an extension ({extension}): ask Astana Hub or eGov "
    "whether applications are still accepted before you rely on this plan."
)
PILOT_MAYBE_AFTER = (
    "The {name} legally ends on {end}; {count} date(s) of this plan may fall after it if steps "
    "take their full time, the first: {title}, {day}. No source confirms an extension "
    "({extension}): ask Astana Hub or eGov."
)
REENTRY_TITLE = "Return to Kazakhstan for the card"


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

    stay = check_stays(book, inputs.rule, inputs.stays, inputs.card, milestones, steps, warnings)

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
    )


def pilot_warnings(
    book: RuleBook, milestones: list[Milestone], reentry: Reentry | None
) -> list[str]:
    """One warning when any date of the plan falls after the pilot's legal end, unless the data
    confirms an extension."""
    pilot = book.pilot
    if pilot is None or pilot.extension == "confirmed":
        return []
    dated = [(m.expected, ORDER_INDEX[m.id], m.title, m.latest) for m in milestones]
    if reentry is not None and reentry.enter_on is not None:
        dated.append((reentry.enter_on, len(ORDER_INDEX), REENTRY_TITLE, reentry.enter_on))
    after = sorted(d for d in dated if d[0] > pilot.legal_end)
    maybe = sorted((d[3], d[1], d[2], d[3]) for d in dated if d[3] > pilot.legal_end)
    if not maybe:
        return []
    day, _, title, _ = (after or maybe)[0]
    return [
        (PILOT_AFTER if after else PILOT_MAYBE_AFTER).format(
            name=pilot.name,
            end=human(pilot.legal_end),
            count=len(after or maybe),
            title=title,
            day=human(day),
            extension=pilot.extension,
        )
    ]


def timeline_from_request(book: RuleBook, request: Mapping[str, Any]) -> Timeline:
    """Bridge adapter: read the request fields, build the milestones, check the clocks; the
    result lists the milestones by date."""
    inputs = read_inputs(book, request)
    milestones = build_milestones(book, inputs.known, inputs.review, inputs.card)
    found = run_checks(book, inputs, milestones)
    return replace(found, milestones=by_date(found.milestones))
